"""The annex task table's own top-level sections, counted or listed.

"Phụ lục chia làm mấy mục lớn?", "bảng nhiệm vụ gồm những phần nào?" are
answered from the annex sections of :attr:`ingest.model.Plan.tasks` (the
group rows "I. Cải cách thể chế" …, in the table's order), each with the
numbers of its rows, cited by its first row. Passage search would quote a
body sentence; the body's own parts are :mod:`retrieval.answering.sections`'.
"""

from __future__ import annotations

from ingest.model import Plan, Task
from retrieval.answering.model import Answer, abstention
from retrieval.answering.rows import plan_label, task_citation
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ANNEX_NAMED, ANNEX_PARTS_ASKED, COUNT

__all__ = ["annex_sections", "annex_sections_answer", "asks_annex_sections"]


def asks_annex_sections(query: Query) -> bool:
    """Does ``query`` ask how the annex is divided ("phụ lục chia làm mấy mục
    lớn", "phụ lục gồm những phần nào") — not its tasks counted ("phụ lục
    có bao nhiêu nhiệm vụ") nor one row or section by number or name ("phụ
    lục phần cải cách tổ chức bộ máy có mấy mục": that section's rows)?"""
    key = query.key
    return bool(ANNEX_NAMED.search(key) and ANNEX_PARTS_ASKED.search(key)) and not (
        query.task_refs or query.section_number or query.section or COUNT.search(key))


def annex_sections(plan: Plan) -> list[tuple[str, list[Task]]]:
    """(heading, numbered rows) of each top-level annex section of ``plan``,
    in table order; rows without a section are left out."""
    groups: dict[str, list[Task]] = {}
    for task in plan.tasks:
        if task.section:
            rows = groups.setdefault(task.section, [])
            if task.number:
                rows.append(task)
    return list(groups.items())


def annex_sections_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """Per plan of ``plans``: "Phụ lục nhiệm vụ chia làm N mục:" and one line
    per section (its heading, the numbers of its rows), each section cited by
    its first row. A plan without an annex is said so; abstains (saying
    why) when no plan has one."""
    blocks, citations, missing = [], [], []
    for plan in plans:
        sections = annex_sections(plan)
        if not sections:
            missing.append(plan_label(catalog, plan.doc))
            continue
        head = f"{plan_label(catalog, plan.doc)}: phụ lục" if len(plans) > 1 else "Phụ lục"
        lines = [f"{head} nhiệm vụ chia làm {len(sections)} mục:"]
        for heading, rows in sections:
            numbers = ", ".join(dict.fromkeys(t.number or "" for t in rows))
            lines.append(f"- {heading} ({len(rows)} nhiệm vụ: {numbers})" if rows else f"- {heading}")
            if rows:
                citations.append(task_citation(plan, rows[0]))
        blocks.append("\n".join(lines))
    if not blocks:
        return abstention(query, reason=" ".join(f"Kế hoạch {name} không có phụ lục nhiệm vụ."
                                                 for name in missing))
    blocks += [f"Kế hoạch {name} không có phụ lục nhiệm vụ." for name in missing]
    return Answer("\n".join(blocks), False, citations, "extractive", list(citations), query)
