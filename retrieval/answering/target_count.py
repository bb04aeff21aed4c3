"""How many targets (chỉ tiêu, mục tiêu cụ thể) a plan sets, from the plan model.

"Kế hoạch Trường Xuân có bao nhiêu chỉ tiêu?", "NAP có mấy mục tiêu cụ
thể?" are answered from :attr:`ingest.model.Plan.targets` (the body's
target sentences, with their section), not from the annex rows: per plan
the number, then each target under its section, cited by section.
"""

from __future__ import annotations

import re

from ingest.model import Plan
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.query import PlanCatalog, Query

__all__ = ["TARGET_COUNT", "asks_target_count", "target_count_answer"]

#: "bao nhiêu chỉ tiêu", "mấy mục tiêu (cụ thể)", "số lượng chỉ tiêu", "đặt
#: ra bao nhiêu chỉ tiêu", on the canonical question key.
TARGET_COUNT = re.compile(
    r"\b(?:bao nhieu|(?<!bo )may|so luong|tong so|tong cong|dem)\s+(?:\w+\s+){0,2}?(?:chi tieu|muc tieu)\b"
    r"|\b(?:chi tieu|muc tieu)(?: cu the| chu yeu)?\b.{0,30}\b(?:co|gom|tong cong) (?:bao nhieu|may)\s*$"
)
#: Characters of each target quoted.
TARGET_CHARS = 160


def asks_target_count(query: Query) -> bool:
    """True for a count of a plan's targets with no task number or task filter."""
    return bool(TARGET_COUNT.search(query.key)) and not query.task_refs and not (
        query.unit or query.period or query.regular or query.section or query.section_number)


def target_count_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans`` that states targets: "<plan>: N chỉ tiêu", then
    each target ("- (mục I.2.b) Hoàn thành 100% …"), each section cited.
    ``None`` when no plan in ``plans`` states a target (the caller counts
    annex rows instead)."""
    blocks, citations = [], []
    for plan in plans:
        if not plan.targets:
            continue
        lines = [f"{plan_label(catalog, plan.doc)}: {len(plan.targets)} chỉ tiêu (câu mục tiêu có thể đo"
                 " được ở phần mục tiêu, yêu cầu):"]
        seen: set[str | None] = set()
        for target in plan.targets:
            where = f"mục {target.section}" if target.section else "mục tiêu"
            lines.append(f"- ({where}) {shorten(target.text, TARGET_CHARS)}")
            if target.section not in seen:
                seen.add(target.section)
                citations.append(Citation(plan.doc, plan_title(plan), where, target.page,
                                          shorten(target.text, TARGET_CHARS)))
        blocks.append("\n".join(lines))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "count", list(citations), query)
