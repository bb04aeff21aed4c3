"""A body list named loosely, not by its number nor its whole heading.

* a short heading named as the list asked: "yêu cầu của KH gồm mấy ý",
  "phần mục tiêu có những gì", "các yêu cầu của kế hoạch là gì", "mục đích
  của kế hoạch là gì" ("2. Yêu cầu", "1. Mục tiêu"; one of the names a
  heading joins: "1. Mục đích, yêu cầu") — :func:`loose_section`;
* the plan's main tasks: "những việc chính", "nhiệm vụ trọng tâm là gì"
  ("III. NHIỆM VỤ TRỌNG TÂM", "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU") — :func:`main_tasks`;
* a heading written whole in the plural with no list word: "có những nhiệm
  vụ, giải pháp chủ yếu nào" — :func:`plural_heading`;
* a part under the section numbered, named by its heading: "mục I mục đích
  có mấy gạch đầu dòng" ("1. Mục đích" of "I. MỤC ĐÍCH, YÊU CẦU") — :func:`narrowed`.

A heading several parts share (Lộc Hòa's seven "a) Mục tiêu") is not guessed.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan, Section
from retrieval.answering.headings import (
    MIN_HEADING_WORDS,
    descendants,
    heading_key,
    items_under,
    unfilled,
)
from retrieval.answering.section import asked_section_refs
from retrieval.query import Query
from retrieval.question.cues import ANNEX_NAMED, COUNT_CUE, MAIN_TASKS, PLURAL_ASKED

__all__ = ["loose_section", "main_tasks", "narrowed", "plural_heading", "unlisted_section"]

#: A short heading's words framed as the name of the list asked (on a key
#: without :data:`FILLERS`): after "phần"/"mục" ("phần yêu cầu", "mục mục
#: tiêu"), or before "của <the plan>", a verb of the list and the items
#: asked ("yêu cầu của KH gồm mấy ý", "mục đích là gì", "yêu cầu đặt ra những
#: gì"); not the verb "yêu cầu" ("yêu cầu các cơ quan báo cáo …").
LOOSE_FRAME = (r"(?:(?<!theo )(?<!trong )(?<!o )(?<!tai )(?<!cua )\b(?:phan|muc) {head}\b"
               r"|\b{head}(?: cua (?:ke hoach|kh|xa)(?: \w+){{0,4}}?)? (?:gom|co(?! quan)|bao gom|la|dat ra|neu|ghi)"
               r"(?: \w+){{0,2}}? (?:may|bao nhieu|nhung|gi|nao)\b)")


def narrowed(plan: Plan, section: Section, query: Query) -> Section:
    """"mục I mục đích có mấy gạch đầu dòng": of the section named by number,
    the part under it whose own heading the question also writes ("1. Mục
    đích" of "I. MỤC ĐÍCH, YÊU CẦU"), the longest such heading; else
    ``section`` itself."""
    key = f" {unfilled(query.key)} "
    best: tuple[int, Section] | None = None
    for part in descendants(plan, section):
        head = unfilled(heading_key(part))
        if head and f" {head} " in key and items_under(plan, part) and (best is None or len(head) > best[0]):
            best = (len(head), part)
    return best[1] if best else section


def heading_parts(section: Section) -> list[str]:
    """The names a heading joins ("I. MỤC ĐÍCH, YÊU CẦU" → ["muc dich", "yeu cau"]),
    each as :func:`heading_key` writes it."""
    text = re.sub(r"^\W*(?:[IVXLivxl]+|\d+|[a-zđ])[.)]\s*", "", section.heading.strip())
    parts = [unfilled(canon(part)) for part in re.split(r"[,;]| và ", text)]
    return [p for p in parts if p]


def loose_section(plan: Plan, query: Query) -> Section | None:
    """A short heading ("2. Yêu cầu", "1. Mục tiêu", "1. Mục đích, yêu cầu")
    named loosely as the list asked: "yêu cầu của KH gồm mấy ý", "phần mục
    tiêu có những gì", "các yêu cầu đặt ra là gì" (:data:`LOOSE_FRAME`; not
    "theo phần nội dung", nor with a section number or the annex named). The
    one section so headed (whole heading first, else one of the names it
    joins; a section enclosing another candidate yields to it); ``None``
    when none, or several (Lộc Hòa's seven "a) Mục tiêu": the part is to be
    named too)."""
    if asked_section_refs(query) or ANNEX_NAMED.search(query.key):
        return None  # "mục VIII trong phụ lục gồm những việc gì": a number, or the annex's rows
    # the thing counted is no heading named: "triển khai trên mấy nội dung, là gì" ≠ "NỘI DUNG, …"
    key = unfilled(COUNT_CUE.sub("may", query.key))
    for whole in (True, False):
        found = []
        for section in plan.sections:
            names = [unfilled(heading_key(section))] if whole else heading_parts(section)
            if any(0 < len(n.split()) < MIN_HEADING_WORDS and frames(n, key) for n in names) \
                    and items_under(plan, section):
                found.append(section)
        found = [s for s in found if not any(o is not s and o in descendants(plan, s) for o in found)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def main_tasks(plan: Plan, query: Query) -> Section | None:
    """"những việc chính của kế hoạch", "nhiệm vụ trọng tâm là gì" (:data:`MAIN_TASKS`,
    no unit named: a unit's "việc chính" are its duties): the plan's top-level
    part headed by its tasks ("III. NHIỆM VỤ TRỌNG TÂM", "III. NHIỆM VỤ, GIẢI
    PHÁP CHỦ YẾU", "II. NHIỆM VỤ, GIẢI PHÁP"), one headed "trọng tâm / chủ yếu"
    first; ``None`` when none or several."""
    if query.unit or not MAIN_TASKS.search(query.key):
        return None
    tops = [s for s in plan.sections if s.level == 1 and heading_key(s).startswith("nhiem vu")
            and items_under(plan, s)]
    main = [s for s in tops if re.search(r"\b(?:trong tam|chu yeu)\b", heading_key(s))]
    found = main or tops
    return found[0] if len(found) == 1 else None


def plural_heading(plan: Plan, query: Query) -> Section | None:
    """"kế hoạch có những nhiệm vụ, giải pháp chủ yếu nào": a heading of
    :data:`MIN_HEADING_WORDS` words or more written whole between "những/các"
    and "nào/gì" (a list asked with no list word), the longest; else ``None``."""
    key = f" {query.key} "
    best = None
    for section in plan.sections:
        head = heading_key(section)
        if len(head.split()) >= MIN_HEADING_WORDS and items_under(plan, section) and re.search(
                rf"\b(?:nhung|cac) {re.escape(head)}(?: \w+){{0,3}}? (?:nao|gi)\b", key):
            if best is None or len(head) > len(heading_key(best)):
                best = section
    return best


def unlisted_section(plan: Plan, query: Query) -> Section | None:
    """The list a question asks with no list word (:func:`asks_section_list`
    false): a short heading in the plural ("các yêu cầu … là gì",
    :data:`PLURAL_ASKED`), the plan's main tasks (:func:`main_tasks`), a
    heading written whole in the plural (:func:`plural_heading`); else ``None``."""
    if asked_section_refs(query) or query.task_refs:
        return None
    loose = loose_section(plan, query) if PLURAL_ASKED.search(query.key) else None
    return loose or main_tasks(plan, query) or plural_heading(plan, query)


def frames(head: str, key: str) -> bool:
    """Does ``key`` name the list headed ``head`` (:data:`LOOSE_FRAME`)?"""
    return bool(re.search(LOOSE_FRAME.format(head=re.escape(head)), key))
