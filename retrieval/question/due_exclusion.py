"""Deadlines left out by their kind, beside the other filters.

Staff narrow a list by naming the deadlines they do not want: "NAP nv nào có
mốc hạn trong quý IV/2026 (ko tính các nv cả năm)", "mục III …, trừ các nv
có giai đoạn 2026-2030", "hạn ghi rõ ngày/tháng (không tính quý, thường
xuyên)", "bỏ những việc làm hàng năm hoặc thường xuyên", "hạn trước 30/6/2026,
bỏ qua mấy vụ định kỳ/thường xuyên" (any recurrence), "quá hạn (trừ bc hằng
quý, thường xuyên)", "ko tính bc định kỳ" (the periodic reports). The clause
(:data:`~retrieval.question.cues.EXCLUDED_DUE`) names one or several kinds
(:data:`~retrieval.question.cues.DUE_KIND`), read into
``Query.exclude_deadlines``; the deadline reader then sees the question
without that clause, so "cả năm" there is no exactness and "thường xuyên"
no "thường xuyên" asked.

One kind alone, with no other deadline asked ("trừ các nhiệm vụ thường
xuyên"), stays with the parser's negated deadline condition
(``Query.negate``), which says the same.
"""

from __future__ import annotations

import re

from retrieval.question.cues import (
    DEADLINE_FORM,
    DEADLINE_FORMS,
    DUE_BEFORE,
    DUE_KIND,
    EXCLUDED_DUE,
    MONTH,
    NOT_YET_DUE,
    OVERDUE,
    QUARTER,
    QUOTED,
    RECURRENCE,
    REGULAR,
    YEAR_FILTER,
)
from retrieval.question.model import Query

__all__ = ["DUE_KIND_WORDS", "due_kind", "read_excluded_deadlines"]

#: Kinds the single negated condition of the parser cannot say (a span of
#: years, which the plan-period reader takes for the plan's own, a
#: deadline's written unit, any recurrence, the periodic reports): read here
#: even when alone.
_ONLY_HERE = ("span:", "form:", "periodic", "recurring", "report:")

#: Each kind in words, for the answer's head line.
DUE_KIND_WORDS = {"whole_year": "cả năm", "regular": "thường xuyên", "annual": "hàng năm",
                  "quarterly": "hàng quý", "monthly": "hàng tháng", "form:quy": "ghi theo quý",
                  "form:thang": "ghi theo tháng", "periodic": "định kỳ",
                  "recurring": "lặp lại (định kỳ, thường xuyên)"}

#: Another deadline condition asked outside the clause.
_OTHER_CONDITIONS = (QUARTER, MONTH, YEAR_FILTER, REGULAR, RECURRENCE, DEADLINE_FORMS, DEADLINE_FORM,
                     OVERDUE, NOT_YET_DUE, DUE_BEFORE)


#: A recurrence by its cycle word ("hàng quý", "định kỳ quý", "báo cáo quý").
_CYCLES = {"nam": "annual", "quy": "quarterly", "thang": "monthly"}


def due_kind(words: str) -> str | None:
    """The kind a :data:`DUE_KIND` match (``canon`` words) names: "ca nam" →
    ``whole_year``, "hang quy" / "moi quy" / "dinh ky quy" → ``quarterly``,
    "dinh ky" → ``periodic``, "lap lai" → ``recurring``, "giai doan 2026 2030" → ``span:2026-2030``,
    "nam 2030" → ``year:2030``, "quy" → ``form:quy``; the reports of a cycle
    "bao cao dinh ky" → ``report:periodic``, "bao cao hang quy" / "bao cao
    quy" → ``report:quarterly``."""
    if words.startswith("bao cao "):
        return "report:" + _CYCLES.get(words.split()[-1], "periodic")
    years = re.findall(r"(?:19|20)\d{2}", words)
    if len(years) == 2:
        return f"span:{years[0]}-{years[1]}"
    if years:
        return f"year:{years[0]}"
    recurring = re.fullmatch(r"(?:dinh ky )?(?:(?:hang|moi) )?(nam|quy|thang)|dinh ky (nam|quy|thang)", words)
    if recurring and words not in ("nam", "quy", "thang"):
        return _CYCLES[recurring.group(1) or recurring.group(2)]
    if words.startswith("lap "):
        return "recurring"
    return {"ca nam": "whole_year", "thuong xuyen": "regular", "dinh ky": "periodic",
            "quy": "form:quy", "thang": "form:thang"}.get(words)


def read_excluded_deadlines(q: Query, key: str, raw: str) -> str:
    """Set ``q.exclude_deadlines`` from an exclusion clause on the deadline's
    kind in ``key`` (the question's ``canon`` key; ``raw`` as typed, for a
    quoted deadline) and return ``key`` with the clause blanked, for the
    deadline reader. ``key`` unchanged when there is no clause, or when it
    names one kind the negated condition says (see the module docstring), or
    when the periodic reports left out are what the rest of the question asks
    about (it speaks of reporting itself: "ngoài báo cáo định kỳ còn phải báo
    cáo gì")."""
    m = EXCLUDED_DUE.search(key)
    if not m:
        return key
    kinds = [k for k in dict.fromkeys(due_kind(w) for w in DUE_KIND.findall(m.group(1))) if k]
    if not kinds:
        return key
    rest = key[:m.start()] + " " * (m.end() - m.start()) + key[m.end():]
    if any(k.startswith("report:") for k in kinds) and re.search(r"\bbao cao\b", rest):
        return key  # "các cơ quan báo cáo theo kỳ nào, ngoài báo cáo định kỳ còn báo cáo gì": the reporting asked
    other = any(p.search(rest) for p in _OTHER_CONDITIONS) or bool(QUOTED.search(raw))
    if len(kinds) == 1 and not other and not kinds[0].startswith(_ONLY_HERE):
        return key
    q.exclude_deadlines = kinds
    return rest
