"""The subject just answered, asked of the other part of the same plan.

"LH mục II.2.2 chỉ tiêu gì?" (an annex row: "Tỷ lệ giải quyết hồ sơ đúng hạn
đạt tối thiểu 96%"), then "phần thân KH thì ghi bao nhiêu?": the body's
sentence on that subject ("… tỷ lệ hồ sơ được giải quyết đúng và trước hạn từ
98% trở lên", mục II.2.a). The other way round, after a body sentence, "trong
phụ lục thì sao?" gives the annex rows on the subject the earlier question
asked. The follow-up is read by :func:`retrieval.question.followup.follow_up`
(``Query.other_part``: ``body`` with the rows in ``task_refs``, ``annex``
with the earlier question in ``part_subject``).

The body is scored sentence by sentence against the row's cell that holds
what was asked (its target when a figure is asked and the target states one,
else its content); task rows are never given for the body. A part that
says nothing on the subject is said so (an abstention naming the part).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.lexicon import canon
from ingest.model import Plan, Task
from retrieval.answering.lookup import lookup_rows
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import has_figure, plan_label, plan_title, render_task, shorten, sub_rows, task_citation
from retrieval.answering.scoring import support
from retrieval.query import PlanCatalog, Query
from retrieval.question.crossplan import without_parts
from retrieval.question.model import section_numeral

if TYPE_CHECKING:
    from retrieval.answering.text import PassageAnswerer

__all__ = ["other_part_answer"]

#: Share of the row cell's term weight a body sentence must hold.
MIN_BODY_SUPPORT = 0.3
#: Body sentences given per row: the best and those scoring at least RATIO of it.
MAX_SENTENCES, RATIO = 2, 0.9
#: Annex rows given for a body subject.
MAX_ROWS = 2
#: Characters quoted per sentence.
SENTENCE_CHARS = 500


def _rows(plan: Plan, query: Query) -> list[Task]:
    """The rows ``query.task_refs`` numbers in ``plan`` (in the section
    ``query.section_number`` when the plan numbers afresh per section)."""
    return [t for t in plan.tasks if t.number in query.task_refs
            and (not query.section_number or section_numeral(t.section) in (None, query.section_number))]


def _subject(row: Task, figure: bool) -> str:
    """The cell of ``row`` whose subject is asked: its target when a figure is
    asked and the target states one (else when it has one), else its content."""
    cells = [c for c in (row.objective, row.content) if c]
    if figure:
        cells = [c for c in cells if has_figure(c)] or cells
    return cells[0] if cells else ""


def _body_lines(query: Query, plan: Plan, catalog: PlanCatalog,
                passages: PassageAnswerer) -> tuple[list[str], list[Citation]]:
    """The body sentences best supporting the subject of ``query``'s rows in
    ``plan``, as answer lines and citations (``([], [])`` when none holds
    :data:`MIN_BODY_SUPPORT`)."""
    lines: list[str] = []
    citations: list[Citation] = []
    label = plan_label(catalog, plan.doc)
    for row in _rows(plan, query):
        subject = _subject(row, query.figure)
        asked = replace(query, text=subject, key=canon(subject), search_text=subject, task_refs=[])
        weights = passages.term_weights.weights(asked, catalog)
        scored = sorted(((support(weights, present), chunk, raw)
                         for chunk, _, raw, present in passages.body_sentences(plan.doc)
                         if not query.figure or has_figure(raw)), key=lambda x: -x[0])
        if not scored or scored[0][0] < MIN_BODY_SUPPORT:
            continue
        best = [x for x in scored if x[0] >= RATIO * scored[0][0]][:MAX_SENTENCES]
        for _, chunk, raw in best:
            where = f"mục {chunk.section}" if chunk.section else chunk.locator
            lines.append(f"{label} – phần thân kế hoạch ({where}), về “{shorten(subject, 120)}”: "
                         f"{shorten(raw, SENTENCE_CHARS)}")
            citations.append(Citation(plan.doc, plan_title(plan), where, chunk.page,
                                      shorten(raw, SENTENCE_CHARS), chunk.section))
    return lines, citations


def _annex_lines(query: Query, plan: Plan, catalog: PlanCatalog) -> tuple[list[str], list[Citation]]:
    """The annex rows of ``plan`` on the subject of ``query.part_subject``
    (the earlier question, its part names left out), as answer lines and
    citations (``([], [])`` when no row is about it)."""
    key = without_parts(canon(query.part_subject or ""))
    asked = replace(query, text=key, key=key, search_text=key, plans=[plan.doc])
    found = [t for _, _, t in lookup_rows([plan], asked, catalog.name_words)][:MAX_ROWS]
    lines, citations = [], []
    for task in found:
        lines.append(render_task(plan, task, query.fields, plan_label(catalog, plan.doc) + " – phụ lục"))
        citations.append(task_citation(plan, task))
        citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
    return lines, citations


def other_part_answer(query: Query, plans: list[Plan], catalog: PlanCatalog,
                      passages: PassageAnswerer) -> Answer | None:
    """Kind ``extractive`` (body) or ``task`` (annex): per plan of ``plans``,
    the other part's passages on the subject just answered (module
    docstring), cited; an abstention naming the part when no plan's part
    says anything on it; ``None`` when ``query`` is no such follow-up."""
    if query.other_part not in ("body", "annex"):
        return None
    lines: list[str] = []
    citations: list[Citation] = []
    for plan in plans:
        found = (_body_lines(query, plan, catalog, passages) if query.other_part == "body"
                 else _annex_lines(query, plan, catalog))
        lines += found[0]
        citations += found[1]
    if not lines:
        names = ", ".join(plan_label(catalog, p.doc) for p in plans)
        part = "Phần thân kế hoạch" if query.other_part == "body" else "Phụ lục nhiệm vụ"
        return abstention(query, reason=f"{part} {names} không ghi nội dung này.")
    kind = "extractive" if query.other_part == "body" else "task"
    return Answer("\n".join(lines), False, citations, kind, list(citations), query)
