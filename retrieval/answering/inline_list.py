"""Body lists that are no section of their own, and the units given duties.

Two kinds of body question whose answer is a list the plan states without a
heading of its own:

* a count stated in a sentence ("… triển khai đồng bộ trên 6 nội dung: cải
  cách thể chế; cải cách thủ tục hành chính; …"), asked as "CCHC triển khai
  trên mấy nội dung, kể ra?": the sentence the question's words best match,
  the plan's number and every item after the colon (or the list items that
  follow it);
* the units the implementation part gives duties to ("phần tổ chức thực
  hiện phân công cho mấy đầu mối?"), from
  :attr:`ingest.model.Plan.responsibilities`, each with its locator.
"""

from __future__ import annotations

import re

from ingest.lexicon import CONTINUING_OPENERS, canon
from ingest.model import Plan, Section
from ingest.textnorm import fold
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.answering.sections import COUNT_CUE
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import DUTY_UNITS_CUE, SPELT_NUMBERS

__all__ = ["asks_duty_units", "common_part", "duty_units_answer", "inline_count_answer"]

#: Question words that say how the list is asked, not what it is about.
_ASKING = frozenset("bao nhieu may ke ra liet ke ten het du gom co nhung cac la gi nao".split())
#: Question words the chosen sentence must share beyond the thing counted.
MIN_SHARED = 2
#: Characters quoted per item.
ITEM_CHARS = 400
#: The end of the sentence holding the list: a full stop before a capital.
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")


def asks_duty_units(query: Query) -> bool:
    """True when ``query`` asks which or how many units the plan gives
    duties to (:data:`retrieval.question.cues.DUTY_UNITS_CUE`)."""
    return not query.task_refs and bool(DUTY_UNITS_CUE.search(query.key))


def duty_units_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: the units its implementation part gives duties
    to, counted, each with its locator ("Lộc Hòa – phần Tổ chức thực hiện
    giao nhiệm vụ cho 6 đơn vị (đầu mối):"). ``None`` when no plan lists
    any (the caller answers otherwise)."""
    if not asks_duty_units(query):
        return None
    blocks, citations = [], []
    for plan in plans:
        units = [r for r in plan.responsibilities if r.duties]
        if not units:
            continue
        lines = [f"{plan_label(catalog, plan.doc)} – phần Tổ chức thực hiện giao nhiệm vụ cho "
                 f"{len(units)} đơn vị (đầu mối):"]
        lines += [f"- {r.unit}" + (f" (mục {r.section})" if r.section else "") for r in units]
        sections = [r.section for r in units if r.section]
        common = common_part(sections)
        others = other_items(plan, common, sections)
        if others:  # "đ) Các cơ quan … được giao …", "g) Đề nghị Mặt trận Tổ quốc …": the part's other items
            lines.append("Cùng phần này còn:")
            lines += [f"- {shorten(text, OTHER_CHARS)} (mục {where})" for where, text in others]
        blocks.append("\n".join(lines))
        where = f"mục {common}" if common else "Tổ chức thực hiện"
        citations.append(Citation(plan.doc, plan_title(plan), where, None,
                                  "; ".join(r.unit for r in units)))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "count", list(citations), query)


#: Characters quoted of an item of the part that heads no unit.
OTHER_CHARS = 220


def other_items(plan: Plan, common: str, unit_sections: list[str]) -> list[tuple[str, str]]:
    """(locator, text) of the items beside the units' own in the part that
    numbers them (``common``, "IV.2": "đ) Các cơ quan, đơn vị được giao …",
    "g) Đề nghị Mặt trận Tổ quốc Việt Nam xã …"), the item's letter left out,
    in order; ``[]`` when the units are not items of one part."""
    if not common or len(unit_sections) < 2:
        return []
    depth = common.count(".") + 1
    found = []
    for section in plan.sections:
        where = section.locator or ""
        if where.startswith(f"{common}.") and where.count(".") == depth and where not in unit_sections:
            text = _ITEM_LETTER.sub("", section.heading.strip()).rstrip(" :")
            if text:
                found.append((where, text))
    return found


#: An item's own letter or number ("đ) ", "7. ").
_ITEM_LETTER = re.compile(r"^(?:[a-zđ]|\d+)\s*[).,]\s*", re.I)


def common_part(locators: list[str]) -> str:
    """The numbering part every locator shares ("V.1", "V.6" → "V")."""
    if not locators:
        return ""
    parts = [loc.split(".") for loc in locators]
    common = []
    for level in zip(*parts):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    return ".".join(common)


def _number_pattern(noun: str) -> re.Pattern[str]:
    """"<number> <noun>[ <word>]:" on folded text; group 1 the number."""
    spelt = "|".join(SPELT_NUMBERS)
    return re.compile(rf"\b(\d{{1,2}}|{spelt})\s+{re.escape(noun)}(?:\s+\w+)?\s*:")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else SPELT_NUMBERS[word]


def _stated_lists(plan: Plan, noun: str) -> list[tuple[Section, str, int, list[str]]]:
    """Every sentence of ``plan``'s body that states "<N> <noun>: a; b; …" as
    ``(section, sentence before the colon, N, items)``; items the text after
    the colon split at ";", else the list items following the paragraph; a
    next sentence said of the list ("Trong đó trọng tâm là …",
    :data:`ingest.lexicon.CONTINUING_OPENERS`) is the last line."""
    pattern = _number_pattern(noun)
    found = []
    for section in plan.sections:
        paragraphs = [p for p in section.paragraphs if p.text.strip()]
        for i, para in enumerate(paragraphs):
            text = para.text.strip()
            folded = fold(text)
            if len(folded) != len(text):
                continue
            match = pattern.search(folded)
            if match is None:
                continue
            start = max(text.rfind(". ", 0, match.start()) + 1, 0)
            rest = text[match.end():]
            end = _SENTENCE_END.search(rest)
            listed = rest[:end.start()] if end else rest
            items = [x.strip(" .;-–•+") for x in listed.split(";") if x.strip(" .;-–•+")]
            if not items:
                items = [p.text.strip().strip(" ;.-–•+") for p in paragraphs[i + 1:] if p.kind == "item"]
            after = rest[end.end():] if end else ""
            if after.startswith(CONTINUING_OPENERS):  # "… Trong đó trọng tâm là …": said of the list
                items.append(_SENTENCE_END.split(after)[0].strip())
            if items:
                found.append((section, text[start:match.end()].strip(), _number(match.group(1)), items))
    return found


def inline_count_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: the sentence stating how many of the counted
    thing there are ("mấy nội dung" ~ "trên 6 nội dung: …") that shares the
    most words with the question (at least :data:`MIN_SHARED`), the plan's
    number and its items. ``None`` when no count is asked or no plan states
    one so (the caller answers otherwise)."""
    counted = COUNT_CUE.search(query.key)
    if counted is None:
        return None
    noun = " ".join(counted.group(1).split()[-2:])
    asked = set(query.key.split()) - _ASKING - set(noun.split())
    blocks, citations = [], []
    for plan in plans:
        scored = []
        for section, sentence, number, items in _stated_lists(plan, noun):
            shared = len(asked & set(canon(sentence).split()))
            if shared >= MIN_SHARED:
                scored.append((shared, section, sentence, number, items))
        if not scored:
            continue
        _, section, sentence, number, items = max(scored, key=lambda s: s[0])
        where = f"mục {section.locator}" if section.locator else section.heading
        lines = [f"{plan_label(catalog, plan.doc)} – {number} {_display(sentence, noun)} ({where}):"]
        lines += [shorten(item, ITEM_CHARS) if item.startswith(CONTINUING_OPENERS) else f"- {shorten(item, ITEM_CHARS)}"
                  for item in items]
        blocks.append("\n".join(lines))
        citations.append(Citation(plan.doc, plan_title(plan), where, section.page,
                                  shorten(f"{sentence} {'; '.join(items)}", ITEM_CHARS)))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "count", list(citations), query)


def _display(sentence: str, noun: str) -> str:
    """The counted noun as the plan writes it in ``sentence`` ("… trên 6 nội
    dung:" → "nội dung"); the folded noun when not found."""
    words = sentence.rstrip(" :").split()
    size = len(noun.split())
    for start in range(len(words) - size, -1, -1):
        if fold(" ".join(words[start:start + size])) == noun:
            return " ".join(words[start:start + size])
    return noun
