"""A total and a narrower count in one question: "TX tổng cộng bn nv trong
phụ lục, VP HĐND và UBND chủ trì mấy cái?", "VK có tất cả bao nhiêu nhiệm
vụ, trong đó Phòng Kinh tế chủ trì bao nhiêu?".

The count handler answers the narrower count (the unit's, the period's …);
this adds, per plan counted, the plan's whole number of annex tasks first
("Trường Xuân: phụ lục có tổng cộng 31 nhiệm vụ; trong đó:"). A count with
one count word ("Phòng X chủ trì tổng cộng mấy nv?") is the unit's total and
is left as it is.
"""

from __future__ import annotations

from retrieval.answering.model import Answer
from retrieval.answering.rows import plan_label, plans_in_scope
from retrieval.answering.tasks import TaskAnswerer
from retrieval.query import Intent, Query
from retrieval.question.cues import COUNT_WORD, TOTAL_ASKED

__all__ = ["asks_total_too", "with_total"]

#: Count words a question asking a total and a narrower count holds.
MIN_COUNT_WORDS = 2


def asks_total_too(query: Query) -> bool:
    """True when a filtered count also asks the whole count (module docstring)."""
    if query.intent != Intent.COUNT or not query.has_filter or query.task_refs:
        return False
    total = TOTAL_ASKED.search(query.key)
    return total is not None and len(COUNT_WORD.findall(query.key[total.start():])) >= MIN_COUNT_WORDS


def with_total(query: Query, found: Answer, tasks: TaskAnswerer) -> Answer:
    """``found`` (the narrower count) preceded by each plan's whole count of
    annex tasks, when :func:`asks_total_too`; else ``found`` unchanged.
    ``tasks`` selects the rows (:meth:`TaskAnswerer.select`)."""
    if not asks_total_too(query) or found.kind != "count" or found.abstained:
        return found
    lines = []
    for plan in plans_in_scope(tasks.plans, query):
        whole = Query(text=query.text, key="", intent=Intent.COUNT, plans=[plan.doc], plan_named=True)
        groups = tasks.select(whole, [plan])
        if groups:
            lines.append(f"{plan_label(tasks.catalog, plan.doc)}: phụ lục có tổng cộng "
                         f"{len(groups[0][1])} nhiệm vụ; trong đó:")
    if not lines:
        return found
    return Answer("\n".join(lines) + "\n" + found.text, False, found.citations, found.kind,
                  found.evidence, found.query)
