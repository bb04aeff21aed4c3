"""Is a task's deadline of a kind a question leaves out
(``Query.exclude_deadlines``, read by :mod:`retrieval.question.due_exclusion`):
"ko tính các nv cả năm", "trừ các nv có giai đoạn 2026-2030", "không tính
quý, thường xuyên", "bỏ qua mấy vụ định kỳ", "trừ bc hằng quý"? Judged on the row's normalised deadline (``Task.due``)
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


#: A deadline cell tied to the reports of a cycle ("Kết hợp báo cáo công tác KSTTHC
#: quý, năm", "Theo kỳ báo cáo"), or written "định kỳ" / "hàng quý" (``canon`` words).
_PERIODIC_CELL = re.compile(r"\bdinh ky\b|\b(?:hang|moi) (?:nam|quy|thang)\b|\bky bao cao\b"
                            r"|\bbao cao\b(?: \w+){0,4}? (?:quy|thang|nam|6 thang)\b(?! (?:\d|[ivx]+\b))")


def _periodic(task: Task) -> bool:
    """A recurring deadline other than "Thường xuyên": annual, quarterly,
    monthly ("Trước ngày 05 của tháng cuối quý"), or a cell that says it
    (:data:`_PERIODIC_CELL`)."""
    return task.due.recurrence in ("annual", "quarterly", "monthly") \
        or bool(_PERIODIC_CELL.search(canon(task.deadline or "")))


def _report(task: Task) -> bool:
    """A reporting row: its content or its product is a report ("Xây dựng
    Báo cáo CCHC hàng quý", product "Báo cáo")."""
    return any(re.search(r"\bbao cao\b", canon(cell or "")) for cell in (task.content, task.product))


def deadline_of_kind(task: Task, kind: str) -> bool:
    """Is ``task``'s deadline of ``kind`` (one of ``Query.exclude_deadlines``):
    ``whole_year`` a whole calendar year; ``regular`` "Thường xuyên" (also
    inside a longer cell: "Thực hiện thường xuyên và giai đoạn …"); ``annual``
    / ``quarterly`` / ``monthly`` that recurrence (also written "hàng năm"
    in a longer cell); ``form:quy`` / ``form:thang`` written in quarters or
    months; ``span:A-B`` a cell naming both years ("Giai đoạn 2026 - 2030");
    ``year:Y`` a cell naming "năm Y", or that whole year; ``periodic`` any
    recurrence but "Thường xuyên" (:func:`_periodic`), ``recurring`` that or
    "Thường xuyên"; ``report:K`` a report
    row (:func:`_report`) whose deadline is of kind ``K``."""
    cell = canon(task.deadline or "")
    if kind.startswith("report:"):  # "trừ bc định kỳ", "trừ bc hằng quý": a report of that cycle
        return _report(task) and deadline_of_kind(task, kind.partition(":")[2])
    if kind == "periodic":
        return _periodic(task)
    if kind == "recurring":  # "trừ mấy việc lặp lại": periodic or "Thường xuyên"
        return _periodic(task) or deadline_of_kind(task, "regular")
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
