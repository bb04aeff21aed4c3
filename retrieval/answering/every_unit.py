"""Every unit's duties at once, no unit named: "Lộc Hòa trách nhiệm các
phòng ghi thế nào?", "TX phân công nhiệm vụ cho từng đơn vị ra sao?", "mỗi
bộ phận được giao làm gì?" (:data:`retrieval.question.cues.EVERY_UNIT`).

Answered from :attr:`ingest.model.Plan.responsibilities` (the units of
"Tổ chức thực hiện" / "Phân công trách nhiệm cụ thể"): per plan, the units
counted, then each unit with its section and every duty, cited by the
section. A question with a subject of its own after the cue ("các phòng có
trách nhiệm gì về kinh phí") is not this one (:func:`asks_every_unit`).
"""

from __future__ import annotations

from ingest.model import Plan
from retrieval.answering.inline_list import common_part
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import EVERY_UNIT, EVERY_UNIT_TAIL

__all__ = ["asks_every_unit", "every_unit_answer"]

#: Characters quoted per duty.
DUTY_CHARS = 300


def asks_every_unit(query: Query) -> bool:
    """True when ``query`` asks the duties of every unit, none named, and
    nothing after the cue but how it is asked (:data:`EVERY_UNIT_TAIL`)."""
    if query.task_refs or query.unit:
        return False
    match = EVERY_UNIT.search(query.key)
    if match is None:
        return False
    return all(w in EVERY_UNIT_TAIL for w in query.key[match.end():].split())


def every_unit_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: "<plan> – phần Tổ chức thực hiện (mục V) giao
    trách nhiệm cho N đơn vị:", then each unit and its duties. ``None``
    unless :func:`asks_every_unit` and some plan lists units."""
    if not asks_every_unit(query):
        return None
    blocks, citations = [], []
    for plan in plans:
        units = [r for r in plan.responsibilities if r.duties]
        if not units:
            continue
        common = common_part([r.section for r in units if r.section])
        where = f" (mục {common})" if common else ""
        lines = [f"{plan_label(catalog, plan.doc)} – phần Tổ chức thực hiện{where} giao trách nhiệm cho "
                 f"{len(units)} đơn vị:"]
        for r in units:
            place = f"mục {r.section}" if r.section else "Tổ chức thực hiện"
            lines.append(f"- {r.unit} ({place}):")
            lines += [f"  • {shorten(d, DUTY_CHARS)}" for d in r.duties]
            citations.append(Citation(plan.doc, plan_title(plan), place, None, shorten(r.duties[0], DUTY_CHARS)))
        blocks.append("\n".join(lines))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "duties", list(citations), query)
