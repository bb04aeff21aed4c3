"""The unit each named plan gives a duty to, found by the duty's own words:
"PT, VK giao ai đổi mới chuyên mục CCHC?", "NAP giao việc chuyên mục CCHC
cho đơn vị nào?".

A duty of the implementation part (:class:`ingest.model.Responsibility`)
answers when the question's phrase is one it writes and no annex row of
that plan writes (:func:`retrieval.answering.lookup.duty_phrase`): the row a
look-up would find shares only common words with the question ("cổng thông
tin điện tử"). Every named plan must have such a duty, else ``None`` and the
question goes on as before.
"""

from __future__ import annotations

from ingest.lexicon import canon
from ingest.model import Plan, Responsibility
from retrieval.answering.lookup import about_duty, duty_phrase, lookup_rows
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title
from retrieval.query import PlanCatalog, Query

__all__ = ["asks_duty_holder", "duty_holder_answer", "duty_lines", "duty_over_row"]


def asks_duty_holder(query: Query) -> bool:
    """True when ``query`` names its plans and asks who does something
    (the lead field), with no row number."""
    return query.plan_named and "lead" in query.fields and not query.task_refs


def duty_over_row(query: Query, plans: list[Plan], catalog: PlanCatalog) -> bool:
    """True when a row the content look-up finds for ``query`` in ``plans``
    was set aside as being about a body duty instead
    (:func:`retrieval.answering.lookup.about_duty`): only then is the duty's
    unit the answer, not where the question has no row at all (a reporting
    rule, the header's submission)."""
    names = catalog.name_words
    return any(about_duty(plan, task, query.key, names) for _, plan, task in lookup_rows(plans, query, names))


def _question_pairs(key: str) -> set[str]:
    words = key.split()
    return {f" {a} {b} " for a, b in zip(words, words[1:])}


def duty_holder_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Kind ``duties``: per plan of ``plans``, the unit(s) whose duty writes
    the question's phrase (the duties sharing most of the question's word
    pairs), each with the duty and its section, cited; ``None`` unless
    :func:`asks_duty_holder`, a looked-up row was set aside for a duty
    (:func:`duty_over_row`) and every plan has such a duty."""
    if not asks_duty_holder(query) or not plans or not duty_over_row(query, plans, catalog):
        return None
    names = catalog.name_words
    pairs = _question_pairs(query.key)
    blocks, citations = [], []
    for plan in plans:
        phrase = duty_phrase(plan, query.key, names)
        if phrase is None:
            return None
        scored = [(sum(p in f" {canon(d)} " for p in pairs), r, d)
                  for r in plan.responsibilities for d in r.duties if f" {phrase} " in f" {canon(d)} "]
        best = max(s for s, _, _ in scored)
        chosen = [(r, d) for s, r, d in scored if s == best]
        lines, cited = duty_lines(plan, catalog, chosen)
        blocks.extend(lines)
        citations.extend(cited)
    return Answer("\n".join(blocks), False, citations, "duties", list(citations), query)


def duty_lines(plan: Plan, catalog: PlanCatalog, chosen: list[tuple[Responsibility, str]]
               ) -> tuple[list[str], list[Citation]]:
    """One line per (unit, duty) of ``plan`` in ``chosen`` ("Việt Khê …: Phòng
    Kinh tế: <duty> (mục V.9.c)") and the citation of each duty."""
    label = plan_label(catalog, plan.doc)
    lines, citations = [], []
    for r, duty in chosen:
        where = f" (mục {r.section})" if r.section else ""
        lines.append(f"{label}: {r.unit}: {duty}{where}")
        citations.append(Citation(plan.doc, plan_title(plan), f"mục {r.section}" if r.section
                                  else "Tổ chức thực hiện", None, duty))
    return lines, citations
