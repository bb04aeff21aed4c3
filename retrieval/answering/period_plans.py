"""The plans of one whole year: "KH nào là cả năm 2025?", "kế hoạch nào áp
dụng trọn năm 2026?" (:func:`retrieval.question.crossplan.whole_year`).

Read from each plan's period (:class:`ingest.model.Period`): a plan of that
year alone whose period names no part of it ("năm 2025", not "6 tháng cuối
năm 2025") covers the whole year; a plan of several years that holds it
covers it as part of its period; a plan of part of the year covers only that
part. The answer names the first, then says the others ("Phú Thái, Việt Khê:
chỉ 6 tháng cuối năm 2025"), each cited by its title; when no plan covers the
whole year, it says so.
"""

from __future__ import annotations

import re

from ingest.model import Plan
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_title
from retrieval.query import PlanCatalog, Query

__all__ = ["whole_year_answer"]

#: A period written as part of a year: "6 tháng cuối năm", "quý IV", "tháng 7 đến tháng 12".
_PART_OF_YEAR = re.compile(r"\b(?:\d+|sáu) tháng\b|\bquý\b|\btháng \d", re.IGNORECASE)


def _coverage(plan: Plan, year: int) -> str | None:
    """"whole" (that year alone, no part named), "span" (several years holding
    it), "part" (part of that year), or ``None`` (another period)."""
    period = plan.metadata.period
    if period.start_year is None:
        return None
    end = period.end_year or period.start_year
    if not period.start_year <= year <= end:
        return None
    if _PART_OF_YEAR.search(period.text or ""):
        return "part"
    return "whole" if period.start_year == end else "span"


def _name(catalog: PlanCatalog, doc: str) -> str:
    return catalog.by_doc[doc].name if doc in catalog.by_doc else doc


def whole_year_answer(query: Query, year: int, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """Kind ``plans``: the plans of ``plans`` that cover the whole of ``year``
    (module docstring), then those that cover it in a longer period or only in
    part, each cited by its title."""
    groups: dict[str, list[Plan]] = {"whole": [], "span": [], "part": []}
    for plan in plans:
        kind = _coverage(plan, year)
        if kind:
            groups[kind].append(plan)
    lines = []
    if groups["whole"]:
        lines.append(f"Kế hoạch cho cả năm {year}:")
        lines += [f"- {_name(catalog, p.doc)}: {plan_title(p) or p.doc}" for p in groups["whole"]]
    else:
        lines.append(f"Không kế hoạch nào được ban hành riêng cho cả năm {year}.")
    for p in groups["span"]:
        lines.append(f"{_name(catalog, p.doc)}: {p.metadata.period.text} (năm {year} nằm trong kỳ kế hoạch).")
    if groups["part"]:
        by_text: dict[str, list[str]] = {}
        for p in groups["part"]:
            by_text.setdefault(p.metadata.period.text or "", []).append(_name(catalog, p.doc))
        lines += [f"{', '.join(names)}: chỉ {text}." for text, names in by_text.items()]
    cited = [p for kind in ("whole", "span", "part") for p in groups[kind]]
    citations = [Citation(p.doc, plan_title(p), "tiêu đề", None, plan_title(p) or p.doc) for p in cited]
    return Answer("\n".join(lines), False, citations, "plans", list(citations), query)
