"""Who leads a target: the body's target, then the annex row that carries it.

"Trường Xuân đặt mục tiêu số hóa hồ sơ đạt 100%, cơ quan nào chủ trì việc
này?", "VK chỉ tiêu hài lòng đạt bao nhiêu, ai lo việc đo lường?": a target is
a body sentence (mục tiêu / chỉ tiêu chủ yếu) and names no unit; the unit is
the lead of the annex row on the same item, when the annex has one. So a
target answer to a question asking who leads (or coordinates) is followed by
that row (:func:`retrieval.answering.cross_rows.with_annex_rows`, which finds
it by the item's words); when no row carries the item, the answer says that
the plan gives no lead for it, instead of leaving the question unanswered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ingest.lexicon import canon
from ingest.model import Plan
from ingest.targets import figures
from retrieval.answering.model import Answer
from retrieval.answering.rows import has_figure, plan_label
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import CLAUSE_BREAK, FIGURE_WORD_ASKED, LEAD_GENERIC

__all__ = ["ROLE_FIELDS", "asks_target_lead", "no_row_note", "figure_clause", "target_lead_answer",
           "with_body_target"]

#: The fields a target sentence cannot answer and an annex row can.
ROLE_FIELDS = frozenset({"lead", "coordinating"})


def asks_target_lead(query: Query, found: Answer) -> bool:
    """True when ``found`` answers ``query`` with a body target alone (kind
    ``targets``, or a quoted body sentence stating a figure) while the question
    asks who leads or coordinates, about one plan, with no row number."""
    if found.abstained or query.task_refs or not ROLE_FIELDS & set(query.fields) or not query.figure:
        return False
    if any(c.locator.startswith("nhiệm vụ") for c in found.citations):
        return False
    return found.kind == "targets" or (found.kind == "extractive" and bool(found.citations)
                                       and has_figure(found.citations[0].quote))


def no_row_note(plans: list[Plan], catalog: PlanCatalog) -> str:
    """The line said per plan when no annex row is found for the target:
    "<plan>: chỉ tiêu này không ghi cơ quan chủ trì; không tìm thấy nhiệm vụ
    tương ứng trong phụ lục." (a plan without an annex: that it has none)."""
    lines = []
    for plan in plans:
        label = plan_label(catalog, plan.doc)
        if plan.tasks:
            lines.append(f"{label}: chỉ tiêu này không ghi cơ quan chủ trì; không tìm thấy nhiệm vụ "
                         "tương ứng trong phụ lục.")
        else:
            lines.append(f"{label}: chỉ tiêu này không ghi cơ quan chủ trì; kế hoạch không có phụ lục nhiệm vụ.")
    return "\n".join(lines)


def target_lead_answer(query: Query, found: Answer, plans: list[Plan], catalog: PlanCatalog,
                       with_rows: Callable[[Answer, list[Plan]], Answer],
                       by_words: Callable[[Answer, list[Plan]], Answer]) -> Answer:
    """``found`` (a target of one plan of ``plans``) followed by its annex row:
    the row on the target's item (``with_rows(found, plans)``), else the row
    the question's own words find (``by_words``: "ai lo việc đo lường" names
    the row's work, not the target's); when neither adds a row,
    :func:`no_row_note`. ``found`` unchanged unless :func:`asks_target_lead`."""
    if not asks_target_lead(query, found) or len(plans) != 1:
        return found
    for rows in (with_rows(found, plans), by_words(found, plans)):
        if len(rows.citations) > len(found.citations):
            return rows
    return replace(found, text=f"{found.text.rstrip()}\n{no_row_note(plans, catalog)}")


def with_body_target(query: Query, found: Answer, target_line: Callable[[], str | None]) -> Answer:
    """The other way round: "VK hài lòng đạt bao nhiêu, ai lo việc đo lường?"
    answered by the annex row that measures it (kind ``task``), whose cells
    state no figure, followed by the body's target on the subject
    (``target_line()``: "90% — mục II: “…”", or ``None``) as "Chỉ tiêu trong
    kế hoạch: …". ``found`` unchanged when no figure is asked
    (:data:`FIGURE_WORD_ASKED`), the rows cited state one, or the body states none."""
    if found.abstained or found.kind != "task" or not query.figure or not FIGURE_WORD_ASKED.search(query.key):
        return found
    if any(figures(c.quote) for c in found.citations):
        return found
    line = target_line()
    if line is None:
        return found
    return replace(found, text=f"{found.text.rstrip()}\nChỉ tiêu trong kế hoạch: {line}")


def figure_clause(query: Query) -> Query:
    """``query`` keyed by the ask of its figure alone: the clause of its text
    (split at :data:`retrieval.question.cues.CLAUSE_BREAK`) that asks the
    figure, cut where a who-asks cue (:data:`retrieval.question.cues.LEAD_GENERIC`)
    follows the ask ("VK hài lòng đạt bao nhiêu ai lo việc đo lường" → "VK hài
    lòng đạt bao nhiêu"): the target's subject, not the row's work."""
    key = next((k for k in (canon(part) for part in CLAUSE_BREAK.split(query.text)) if FIGURE_WORD_ASKED.search(k)),
               query.key)
    ask = FIGURE_WORD_ASKED.search(key)
    who = LEAD_GENERIC.search(key, ask.end()) if ask else None
    return replace(query, key=key[:who.start()].strip() if who else key)
