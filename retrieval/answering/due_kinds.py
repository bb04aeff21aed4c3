"""Is a task's deadline of a kind a question leaves out
(``Query.exclude_deadlines``, read by :mod:`retrieval.question.due_exclusion`):
"ko tính các nv cả năm", "trừ các nv có giai đoạn 2026-2030", "không tính
quý, thường xuyên"? Judged on the row's normalised deadline (``Task.due``)
and its cell as written.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Task

__all__ = ["deadline_of_kind", "deadline_written_in", "excluded_by_deadline"]


def deadline_written_in(task: Task, form: str) -> bool:
    """Is ``task``'s deadline written in quarters (``form == "quy"``: "Quý
    III,IV/2025", "Quý I hàng năm") or months (``"thang"``: "Tháng 11")?"""
    pattern = r"\bquy (?:[ivx]+|\d)\b" if form == "quy" else r"\bthang \d"
    return bool(re.search(pattern, canon(task.deadline or "")))


def _whole_year(task: Task) -> bool:
    """A deadline spanning one calendar year whole ("Cả năm 2026", "Năm 2026",
    "Trong năm 2026"), or written "cả năm"."""
    start, end = task.due.start or "", task.due.end or ""
    whole = start[:4] == end[:4] != "" and start[5:] == "01-01" and end[5:] == "12-31"
    return whole or bool(re.search(r"\bca nam\b", canon(task.deadline or "")))


def deadline_of_kind(task: Task, kind: str) -> bool:
    """Is ``task``'s deadline of ``kind`` (one of ``Query.exclude_deadlines``):
    ``whole_year`` a whole calendar year; ``regular`` "Thường xuyên" (also
    inside a longer cell: "Thực hiện thường xuyên và giai đoạn …"); ``annual``
    / ``quarterly`` / ``monthly`` that recurrence (also written "hàng năm"
    in a longer cell); ``form:quy`` / ``form:thang`` written in quarters or
    months; ``span:A-B`` a cell naming both years ("Giai đoạn 2026 - 2030");
    ``year:Y`` a cell naming "năm Y", or that whole year."""
    cell = canon(task.deadline or "")
    if kind == "whole_year":
        return _whole_year(task)
    if kind == "regular":
        return task.due.recurrence == "regular" or "thuong xuyen" in cell
    cycles = {"annual": "nam", "quarterly": "quy", "monthly": "thang"}
    if kind in cycles:
        return task.due.recurrence == kind or bool(re.search(rf"\bhang {cycles[kind]}\b", cell))
    name, _, value = kind.partition(":")
    if name == "form":
        return deadline_written_in(task, value)
    if name == "span":
        first, _, last = value.partition("-")
        return bool(re.search(rf"\b{first}\b(?: (?:den|toi))? {last}\b", cell))
    if name == "year":
        return bool(re.search(rf"\bnam {value}\b", cell)) or (_whole_year(task) and (task.due.end or "")[:4] == value)
    return False


def excluded_by_deadline(task: Task, kinds: list[str]) -> bool:
    """Is ``task``'s deadline of one of ``kinds``? False when ``kinds`` is empty."""
    return any(deadline_of_kind(task, k) for k in kinds)
