"""A like target in the body of another plan: "PT có chỉ tiêu tương tự
không?" after an annex row stating a target ("Tối thiểu 30% các cơ quan,
đơn vị thuộc và trực thuộc …"), when no row of that plan is like it
(:mod:`retrieval.answering.similar` abstained).

The source row's cells stating a figure (its objective, its content, and
those of its sub-rows: "chia làm 2 phần") are each scored against every body sentence stating a figure of
each target plan (idf-weighted support,
:func:`retrieval.answering.scoring.support`); the best sentence answers
when it holds at least :data:`MIN_TARGET_SUPPORT` of the row's weight, so a
plan whose body has no such target still gets the abstention.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.lexicon import canon
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import has_figure, plan_label, plan_title, plans_in_scope, shorten, sub_rows
from retrieval.answering.scoring import support
from retrieval.answering.similar import source_rows
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import SIMILAR_TARGET

if TYPE_CHECKING:
    from ingest.model import Plan
    from retrieval.answering.text import PassageAnswerer

__all__ = ["MIN_TARGET_SUPPORT", "similar_target_answer"]

#: Share of the source row's target weight the body sentence must hold
#: (on the seed plans the like target holds 0.65, the next plans ≤ 0.3).
MIN_TARGET_SUPPORT = 0.5
#: Characters quoted of the sentence.
SENTENCE_CHARS = 400


def similar_target_answer(query: Query, plans: dict[str, Plan], catalog: PlanCatalog,
                          passages: PassageAnswerer) -> Answer | None:
    """Kind ``extractive``: per plan in scope (the plans named), the body
    sentence stating the target most like the source row's
    (``query.similar_to``), cited; ``None`` when no target is asked
    (:data:`retrieval.question.cues.SIMILAR_TARGET`), no source row is
    known, or no plan's body holds one (module docstring)."""
    if not SIMILAR_TARGET.search(query.key) or not query.plan_named:
        return None
    sources = source_rows(plans, query.similar_to, query)
    rows = [r for plan, row in sources for r in (row, *sub_rows(plan, row))]
    cells = [c for row in rows for c in (row.objective, row.content) if c and has_figure(c)]
    if not cells:
        return None
    source_docs = {p.doc for p, _ in sources}
    lines: list[str] = []
    citations: list[Citation] = []
    for plan in plans_in_scope(plans, query):
        if plan.doc in source_docs:
            continue
        best = None
        for cell in cells:
            asked = replace(query, text=cell, key=canon(cell), search_text=cell, task_refs=[])
            weights = passages.term_weights.weights(asked, catalog)
            for chunk, _, raw, present in passages.body_sentences(plan.doc):
                score = support(weights, present)
                if has_figure(raw) and score >= MIN_TARGET_SUPPORT and (best is None or score > best[0]):
                    best = (score, chunk, raw, cell)
        if best is None:
            continue
        _, chunk, raw, cell = best
        where = f"mục {chunk.section}" if chunk.section else chunk.locator
        lines.append(f"{plan_label(catalog, plan.doc)} – phần thân kế hoạch ({where}), chỉ tiêu tương tự "
                     f"“{shorten(cell, 120)}”: {shorten(raw, SENTENCE_CHARS)}")
        citations.append(Citation(plan.doc, plan_title(plan), where, chunk.page, shorten(raw, SENTENCE_CHARS),
                                  chunk.section))
    if not lines:
        return None
    return Answer("\n".join(lines), False, citations, "extractive", list(citations), query)
