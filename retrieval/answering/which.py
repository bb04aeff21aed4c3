"""The which-plans convention shared by the answers across plans.

A question asking WHICH plans meet a condition ("KH nào nhắc X?", "những xã
nào thuộc thành phố Y?", "kế hoạch nào đặt chỉ tiêu Z đạt 90% trở lên?",
"những KH nào nêu tên người ký?": :attr:`retrieval.question.Query.which`)
is answered with the plans that meet it only; the others are counted, not
named ("Các kế hoạch còn lại (2) không nhắc đến."). A yes/no asked of every
plan ("cả 5 KH đều nhắc X à?") is no which question: naming the plans that
do not is its answer.
"""

from __future__ import annotations

import re

from retrieval.query import Query
from retrieval.question.crossplan import meets

__all__ = ["names_only_matching", "others_line", "percent_values", "values_meet"]

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def names_only_matching(query: Query, docs: list[str]) -> bool:
    """True when the answer over ``docs`` (the plans compared) names only the
    plans that meet the condition: a which question (``query.which``) over
    two plans or more."""
    return query.which and len(docs) > 1


def others_line(count: int, said: str) -> str:
    """The plans left out, counted: (2, "không nhắc đến") → "Các kế hoạch còn
    lại (2) không nhắc đến."; "" for none."""
    return f"Các kế hoạch còn lại ({count}) {said}." if count else ""


def percent_values(values: list[str]) -> list[float]:
    """The percentages among a statement's values (["97%", "10 ngày"] → [97.0])."""
    return [float(m.group(1).replace(",", ".")) for v in values for m in _PERCENT.finditer(v)]


def values_meet(values: list[str], bound: tuple[str, float]) -> bool:
    """Does a target statement whose figures are ``values`` ("90%", "97%")
    meet ``bound`` (``Query.threshold``: (">=", 90.0))? True when one of its
    percentages does; False when it gives none (nothing to compare)."""
    return any(meets(v, bound) for v in percent_values(values))
