"""Where a plan's money comes from: the body's funding section (Kinh phí).

"Kinh phí thực hiện kế hoạch lấy từ đâu?", "nguồn kinh phí của KH Trường
Xuân là gì?", "Việt Khê dùng nguồn tiền nào?" are answered with the whole
section headed "KINH PHÍ" (or "KINH PHÍ THỰC HIỆN") of each plan in scope,
every paragraph of it, cited by its locator; sentence search would pick one
clause, or a unit's duty that mentions money. A figure asked ("bao nhiêu
tỷ đồng") that the section does not state is an abstention that quotes what
the section does say. A deadline asked of the funding process ("dự trù gửi
trước ngày nào, ai thẩm định?") that the section does not date adds the body
sentence that does ("… gửi Ủy ban nhân dân xã trước ngày 25/01/2025 để thẩm
định").
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan, Section
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import has_figure, plan_label, plan_title, shorten
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import FUNDING_CUE, FUNDING_PROCESS, FUNDING_SOURCE

__all__ = ["asks_funding", "asks_funding_source", "funding_answer", "funding_section"]

#: The heading of the funding section.
FUNDING_HEADING = re.compile(r"^(?:[ivx]+|\d+)?\W*kinh phi\b")
#: A deadline asked of the funding process ("gửi trước ngày nào", "hạn nộp dự
#: trù", "khi nào phải gửi"), on the canonical key.
FUNDING_DEADLINE_ASKED = re.compile(r"\b(?:han|thoi han|han chot|truoc ngay|ngay nao|khi nao|bao gio|luc nao)\b")
#: A day written in full ("25/01/2025").
DATED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
#: Characters quoted per paragraph.
PARAGRAPH_CHARS = 700


def asks_funding(query: Query) -> bool:
    """True when ``query`` asks where the plan's funding comes from (no
    task number; a unit asked only as the funding process's actor: "ai
    thẩm định")."""
    if not FUNDING_CUE.search(query.key) or query.task_refs:
        return False
    return "lead" not in query.fields or bool(FUNDING_PROCESS.search(query.key))


def asks_funding_source(query: Query) -> bool:
    """True when ``query`` asks where the funding comes from
    (:data:`FUNDING_SOURCE`), so the funding section answers before a
    unit's duty that mentions the money."""
    return asks_funding(query) and bool(FUNDING_SOURCE.search(query.key))


def funding_section(plan: Plan) -> Section | None:
    """The plan's section headed "KINH PHÍ …" that has text, else ``None``."""
    for section in plan.sections:
        if FUNDING_HEADING.match(canon(section.heading)) and any(p.text.strip() for p in section.paragraphs):
            return section
    return None


def _dated_steps(plan: Plan, funding: Section) -> list[tuple[str, int | None, str]]:
    """(locator, page, text) of each body paragraph outside the funding
    section that dates a step of the funding process: it writes "dự trù" or
    "kinh phí" with a step word (:data:`FUNDING_PROCESS`) and a date ("gửi
    Ủy ban nhân dân xã trước ngày 25/01/2025 để thẩm định")."""
    found = []
    for section in plan.sections:
        if section is funding:
            continue
        for para in section.paragraphs:
            key = canon(para.text)
            if "kinh phi" in key and FUNDING_PROCESS.search(key) and DATED.search(para.text):
                where = f"mục {section.locator}" if section.locator else section.heading
                found.append((where, para.page, shorten(para.text.strip(), PARAGRAPH_CHARS)))
    return found


def funding_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans`` with a funding section: its label, the section's
    locator and every paragraph. ``None`` when no plan has one (the caller
    searches text). When a figure is asked and no quoted paragraph states
    one, an abstention saying what the section says instead."""
    blocks, citations, quoted = [], [], []
    for plan in plans:
        section = funding_section(plan)
        if section is None:
            continue
        texts = [shorten(p.text.strip(), PARAGRAPH_CHARS) for p in section.paragraphs if p.text.strip()]
        quoted += texts
        where = f"mục {section.locator}" if section.locator else "Kinh phí"
        blocks.append(f"{plan_label(catalog, plan.doc)} – {section.heading.strip().rstrip(':')} ({where}): "
                      + " ".join(texts))
        citations.append(Citation(plan.doc, plan_title(plan), where, section.page, texts[0]))
        if FUNDING_DEADLINE_ASKED.search(query.key) and not DATED.search(" ".join(texts)):
            # "dự trù gửi trước ngày nào?": the sentence elsewhere in the body that dates the step
            for where_dated, page, text in _dated_steps(plan, section):
                blocks.append(f"{plan_label(catalog, plan.doc)} ({where_dated}): {text}")
                citations.append(Citation(plan.doc, plan_title(plan), where_dated, page, text))
    if not blocks:
        return None
    if query.figure and not has_figure(" ".join(quoted)):
        return abstention(query, citations, reason="Kế hoạch không nêu số tiền cụ thể. " + "\n".join(blocks))
    return Answer("\n".join(blocks), False, citations, "extractive", list(citations), query)
