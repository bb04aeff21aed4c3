"""The status spreadsheet: export the tasks with their statuses, import it back.

The export is :func:`drafting.export.write_xlsx`'s task table (same columns)
followed by :data:`STATUS_COLUMNS`: ``Trạng thái`` (the Vietnamese label),
``Ngày hoàn thành`` (``YYYY-MM-DD``), ``Lý do`` (why not done), ``Ghi chú``,
``Minh chứng`` (document number or file), ``Quá hạn`` ("x" when overdue,
read-only), then the two keys the import needs: ``Mã kế hoạch`` (the plan's
content hash) and ``Mã nhiệm vụ`` (:func:`tracking.model.task_keys`).

:func:`read_updates` checks every row (known plan and task, valid status,
date, reason, lengths — :func:`tracking.model.validated`) and raises
:class:`ImportRowsError` listing each bad row ("Dòng 7: …") before anything
is written; :func:`import_xlsx` then stores all rows in one transaction per
plan. A row whose ``Trạng thái`` is empty is left as it is.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import IO

from drafting.export import COLUMNS, write_xlsx
from ingest.errors import IngestError
from ingest.model import Task
from tracking.model import StatusError, TaskStatus, validated
from tracking.progress import TrackedPlan, is_overdue
from tracking.store import StatusStore

PLAN_ID, TASK_KEY = "Mã kế hoạch", "Mã nhiệm vụ"
STATUS, COMPLETED, REASON, NOTE, EVIDENCE, OVERDUE = (
    "Trạng thái", "Ngày hoàn thành", "Lý do", "Ghi chú", "Minh chứng", "Quá hạn")
STATUS_COLUMNS = [STATUS, COMPLETED, REASON, NOTE, EVIDENCE, OVERDUE, PLAN_ID, TASK_KEY]
"""Headers appended to :data:`drafting.export.COLUMNS` in the status spreadsheet."""


class ImportRowsError(IngestError):
    """The spreadsheet has bad rows; ``errors`` lists ``"Dòng N: …"`` messages
    and ``str(err)`` joins them. Nothing was written."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("Không nhập được bảng trạng thái (không ghi gì):\n" + "\n".join(errors))


def write_status_xlsx(plans: list[TrackedPlan], path: str | IO[bytes], today: date | None = None) -> int:
    """Write every task of ``plans`` with its status to an .xlsx (path or binary
    stream); return the number of task rows. Raises ``OSError``."""
    today = today or date.today()
    info: dict[int, tuple[str, str, TaskStatus]] = {}
    tasks = []
    for tp in plans:
        for key, task in zip(tp.keys, tp.plan.tasks):
            info[id(task)] = (tp.plan_id, key, tp.statuses.get(key, TaskStatus()))
            tasks.append(task)

    def status_of(task: Task) -> TaskStatus:
        return info[id(task)][2]

    columns = list(COLUMNS) + [
        (STATUS, lambda t: status_of(t).label),
        (COMPLETED, lambda t: status_of(t).completed_on),
        (REASON, lambda t: status_of(t).reason),
        (NOTE, lambda t: status_of(t).note),
        (EVIDENCE, lambda t: status_of(t).evidence),
        (OVERDUE, lambda t: "x" if is_overdue(t, status_of(t).status, today) else None),
        (PLAN_ID, lambda t: info[id(t)][0]),
        (TASK_KEY, lambda t: info[id(t)][1]),
    ]
    return write_xlsx(tasks, path, sheet="Trạng thái nhiệm vụ", columns=columns)


def read_updates(source: str | IO[bytes], plans: list[TrackedPlan],
                 today: date | None = None) -> dict[str, list[tuple[str, TaskStatus]]]:
    """Checked updates of the spreadsheet ``source``: ``{plan_id: [(task_key, TaskStatus)]}``.

    Raises :class:`ImportRowsError` (every bad row, 1-based sheet row
    numbers) or, for a file that is not a readable .xlsx or lacks the key
    columns, :class:`ImportRowsError` with one message.
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(source, read_only=True, data_only=True)
    except Exception as err:
        raise ImportRowsError([f"Không đọc được tệp XLSX: {err}"]) from err
    ws = wb.worksheets[0]
    lines = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(lines, ())]
    missing = [h for h in (PLAN_ID, TASK_KEY, STATUS) if h not in header]
    if missing:
        wb.close()
        raise ImportRowsError([f"Thiếu cột: {', '.join(missing)} (hãy dùng tệp xuất từ ứng dụng/`cchc status export`)"])
    col = {h: header.index(h) for h in STATUS_COLUMNS + ["TT"] if h in header}
    known = {tp.plan_id: set(tp.keys) for tp in plans}
    updates: dict[str, list[tuple[str, TaskStatus]]] = defaultdict(list)
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, line in enumerate(lines, start=2):
        def cell(name: str, line: tuple = line) -> object:
            i = col.get(name)
            value = line[i] if i is not None and i < len(line) else None
            return None if value is None or (isinstance(value, str) and not value.strip()) else value
        if not any(v is not None and str(v).strip() for v in line):
            continue
        plan_id, key, status = cell(PLAN_ID), cell(TASK_KEY), cell(STATUS)
        where = f"Dòng {number}" + (f" (TT {cell('TT')})" if cell("TT") is not None else "")
        if plan_id is None or key is None:
            errors.append(f"{where}: thiếu {PLAN_ID} hoặc {TASK_KEY}")
            continue
        plan_id, key = str(plan_id).strip(), str(key).strip()
        if plan_id not in known:
            errors.append(f"{where}: kế hoạch {plan_id[:12]}… chưa được nạp")
            continue
        if key not in known[plan_id]:
            errors.append(f"{where}: không có nhiệm vụ {key!r} trong kế hoạch")
            continue
        if (plan_id, key) in seen:
            errors.append(f"{where}: nhiệm vụ lặp lại trong bảng")
            continue
        seen.add((plan_id, key))
        if status is None:
            continue
        try:
            updates[plan_id].append((key, validated(str(status), reason=cell(REASON),
                                                    completed_on=cell(COMPLETED), note=cell(NOTE),
                                                    evidence=cell(EVIDENCE), today=today)))
        except StatusError as err:
            errors.append(f"{where}: {err}")
    wb.close()
    if errors:
        raise ImportRowsError(errors)
    return dict(updates)


def import_xlsx(source: str | IO[bytes], plans: list[TrackedPlan], store: StatusStore,
                who: str | None = None, today: date | None = None) -> int:
    """Check (:func:`read_updates`) then store the spreadsheet's statuses;
    return how many changed. Nothing is written when a row is bad."""
    updates = read_updates(source, plans, today)
    by_id = {tp.plan_id: tp for tp in plans}
    changed = 0
    for plan_id, items in updates.items():
        changed += store.set_many(plan_id, by_id[plan_id].plan, items, who=who, action="import")
    return changed


__all__ = ["STATUS_COLUMNS", "ImportRowsError", "import_xlsx", "read_updates", "write_status_xlsx"]
