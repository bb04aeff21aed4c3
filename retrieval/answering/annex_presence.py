"""Which plans have a task annex, read from the plan model.

"Kế hoạch nào không có phụ lục nhiệm vụ?", "mấy KH có phụ lục?", "Phú Thái có
phụ lục không?" (:data:`retrieval.question.cues.ANNEX_PRESENCE`): the answer is
a fact of each :class:`ingest.model.Plan` — its task rows, and the ``no_tasks``
warning of a plan whose text names an annex ("Danh mục nhiệm vụ cụ thể tại Phụ
lục kèm theo") that the file does not hold — not a passage that writes "phụ
lục" (every plan writes it, so a passage search says all five have one).
"""

from __future__ import annotations

from ingest.model import Plan
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, task_citation
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ANNEX_PRESENCE

__all__ = ["annex_presence_answer", "asks_annex_presence"]


def asks_annex_presence(query: Query) -> bool:
    """True when ``query`` asks which (or how many) plans have or lack a
    task annex, or whether a named plan has one."""
    return bool(ANNEX_PRESENCE.search(query.key)) and not query.task_refs


def _named_but_missing(plan: Plan) -> Citation | None:
    """Where ``plan`` names an annex its file does not hold (the ``no_tasks``
    warning of the ingest pipeline): the first paragraph writing "Phụ lục",
    cited; ``None`` when the plan names none."""
    if not any(getattr(w, "code", None) == "no_tasks" for w in plan.warnings):
        return None
    for section in plan.sections:
        for paragraph in section.paragraphs:
            if "phụ lục" in paragraph.text.lower():
                return Citation(plan.doc, plan_title(plan), f"mục {section.locator}", section.page,
                                paragraph.text.strip())
    return None


def annex_presence_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """"N/M kế hoạch có phụ lục nhiệm vụ:" then each plan with its row count,
    then those without one (said when the plan names an annex the file
    lacks). Each plan with rows cites its first row; ``None`` when
    :func:`asks_annex_presence` does not hold or ``plans`` is empty."""
    if not asks_annex_presence(query) or not plans:
        return None
    have = [p for p in plans if p.tasks]
    lack = [p for p in plans if not p.tasks]
    lines = [f"{len(have)}/{len(plans)} kế hoạch có phụ lục nhiệm vụ:" if len(plans) > 1 else ""]
    citations: list[Citation] = []
    for plan in have:
        count = sum(1 for t in plan.tasks if t.number) or len(plan.tasks)  # sub-rows have no number
        lines.append(f"- {plan_label(catalog, plan.doc)}: có phụ lục, {count} nhiệm vụ.")
        citations.append(task_citation(plan, plan.tasks[0]))
    for plan in lack:
        named = _named_but_missing(plan)
        why = (f" ({named.locator} có nhắc “Phụ lục kèm theo” nhưng tệp không có bảng nhiệm vụ nào đọc được)"
               if named else "")
        lines.append(f"- {plan_label(catalog, plan.doc)}: không có phụ lục nhiệm vụ{why}.")
        if named:
            citations.append(named)
    text = "\n".join(line for line in lines if line)
    return Answer(text, False, citations, "plans", list(citations), query)
