"""Tasks of one or more plans as XLSX, CSV or ICS (iCalendar).

* :func:`task_rows` – one flat row (dict, Vietnamese column names) per task;
* :func:`write_csv` – UTF-8 CSV with a BOM (spreadsheet programs then read
  Vietnamese correctly), header row first;
* :func:`write_xlsx` – openpyxl workbook: bold frozen header row, autofilter
  over the whole table, column widths from the content (capped), wrapped
  text;
* :func:`write_ics` – one all-day ``VEVENT`` per dated task (RFC 5545): the
  event is the deadline day, ``due.end`` (or ``due.start`` when there is no
  end); ``SUMMARY`` "[NV <number>] <content>", ``DESCRIPTION`` with the
  lead unit, deadline text, product and plan. Text values are escaped
  (``\\``, ``;``, ``,``, line breaks) and lines folded at 75 octets without
  splitting a UTF-8 character. Tasks without a date ("Thường xuyên",
  "Hàng năm") are skipped and counted.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date, datetime, timedelta, timezone
from typing import IO, Any, Callable, Iterable

from ingest.fields import EXPORT_FIELDS, FIELDS
from ingest.fields import label as field_label
from ingest.model import Task

__all__ = ["COLUMNS", "task_rows", "write_csv", "write_xlsx", "write_ics", "ics_escape", "ics_fold",
           "csv_text", "xlsx_bytes", "ics_text"]

COLUMNS: list[tuple[str, Callable[[Task], Any]]] = [
    (FIELDS[name].label, FIELDS[name].get) for name in EXPORT_FIELDS
]
"""(column header, value of a task) of every export, from :mod:`ingest.fields`;
"Lặp lại" holds the Vietnamese recurrence label ("Hàng năm")."""
_MAX_WIDTH = 60
_MIN_WIDTH = 6


def task_rows(tasks: Iterable[Task], columns: list[tuple[str, object]] | None = None) -> list[dict]:
    """One dict per task, keys = the headers of ``columns`` (default
    :data:`COLUMNS`; values ``str``/``int``/``None``)."""
    return [{name: get(t) for name, get in (columns or COLUMNS)} for t in tasks]


def write_csv(tasks: Iterable[Task], out: IO[str]) -> int:
    """Write ``tasks`` as CSV to the text stream ``out``; return the number of rows.

    Open files with ``encoding="utf-8-sig", newline=""`` for spreadsheet use.
    """
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    rows = task_rows(tasks)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row.values()])
    return len(rows)


def write_xlsx(tasks: Iterable[Task], path: str | IO[bytes], sheet: str = "Nhiệm vụ",
               columns: list[tuple[str, object]] | None = None) -> int:
    """Write ``tasks`` to an .xlsx file (a path or a binary stream); return the task rows.

    ``columns`` ``[(header, function of a task)]``, default :data:`COLUMNS`
    (the status export appends its own). Raises ``OSError`` when the file
    cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = task_rows(tasks, columns)
    headers = [name for name, _ in (columns or COLUMNS)]
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(headers)
    for row in rows:
        ws.append([row[h] for h in headers])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="D9D9D9")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrap
    for i, header in enumerate(headers, start=1):
        longest = max([len(header)] + [len(str(r[header])) for r in rows if r[header] is not None])
        ws.column_dimensions[get_column_letter(i)].width = max(_MIN_WIDTH, min(_MAX_WIDTH, longest + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    wb.save(path)
    return len(rows)


# ---------------------------------------------------------------- ICS

def ics_escape(text: str | None) -> str:
    """RFC 5545 TEXT escaping: ``\\`` → ``\\\\``, ``;`` → ``\\;``, ``,`` → ``\\,``, newline → ``\\n``."""
    text = (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def ics_fold(line: str) -> str:
    """Fold one content line at 75 octets (UTF-8), continuation lines start with a space.

    Returns the folded line joined with CRLF, without a trailing CRLF.
    """
    parts: list[str] = []
    current, size, limit = [], 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines carry a leading space
        current.append(ch)
        size += n
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _event_day(task: Task) -> date | None:
    if not task.due:
        return None
    value = task.due.end or task.due.start
    return date.fromisoformat(value) if value else None


def _uid(task: Task, day: date) -> str:
    key = "|".join(str(x) for x in (task.doc, task.number, task.part_of, task.content, day))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@cchc-assistant"


def write_ics(tasks: Iterable[Task], out: IO[str], calendar_name: str = "Nhiệm vụ CCHC",
              now: datetime | None = None) -> tuple[int, int]:
    """Write a VCALENDAR of the dated ``tasks`` to ``out``; return ``(events, skipped)``.

    ``out`` should be opened with ``newline=""`` so the CRLF line ends stay
    as written. ``now`` (UTC) sets ``DTSTAMP`` (default: the current time).
    """
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cchc-assistant//drafting.export//VI",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ics_escape(calendar_name)}"]
    events = skipped = 0
    for task in tasks:
        day = _event_day(task)
        if day is None:
            skipped += 1
            continue
        number = task.number or (f"{task.part_of}*" if task.part_of else "?")
        summary = f"[NV {number}] {task.content or task.objective or ''}".strip()
        description = "\n".join(x for x in (
            f"{field_label('lead')}: {task.lead or '—'}",
            f"{field_label('coordinating')}: {task.coordinating}" if task.coordinating else "",
            f"{field_label('deadline')}: {task.deadline}" if task.deadline else "",
            f"{field_label('product')}: {task.product}" if task.product else "",
            f"{field_label('doc')}: {task.doc}",
        ) if x)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(task, day)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{ics_escape(summary)}",
            f"DESCRIPTION:{ics_escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
        events += 1
    lines.append("END:VCALENDAR")
    out.write("".join(ics_fold(line) + "\r\n" for line in lines))
    return events, skipped


def ics_text(tasks: Iterable[Task], **kwargs) -> tuple[str, int, int]:
    """:func:`write_ics` into a string: ``(text, events, skipped)`` (for the UI's download)."""
    buf = io.StringIO(newline="")
    events, skipped = write_ics(tasks, buf, **kwargs)
    return buf.getvalue(), events, skipped


def csv_text(tasks: Iterable[Task]) -> str:
    """:func:`write_csv` into a string (no BOM), for the UI's download button."""
    buf = io.StringIO(newline="")
    write_csv(tasks, buf)
    return buf.getvalue()


def xlsx_bytes(tasks: Iterable[Task]) -> bytes:
    """:func:`write_xlsx` into bytes, for the UI's download button."""
    buf = io.BytesIO()
    write_xlsx(tasks, buf)
    return buf.getvalue()
