"""Tasks of one or more plans as XLSX, CSV or ICS (iCalendar).

* :func:`task_rows` – one flat row (dict, Vietnamese column names) per task;
* :func:`write_csv` – UTF-8 CSV with a BOM (spreadsheet programs then read
  Vietnamese correctly), header row first;
* :func:`write_xlsx` – openpyxl workbook: bold frozen header row, autofilter
  over the whole table, column widths from the content (capped), wrapped
  text;
* :func:`write_ics` – an ``icalendar`` VCALENDAR: one all-day ``VEVENT`` per
  task with a deadline day, recurring tasks (Hàng năm, Hàng quý, Hàng
  tháng, Thường xuyên) as events with an ``RRULE``
  (:mod:`ingest.recurrence`); ``SUMMARY`` "[NV <number>] <content>",
  ``DESCRIPTION`` with the lead unit, deadline text, product and plan.
  Tasks with no deadline day ("theo chỉ đạo") are skipped and counted;
* :func:`export_tasks` – one of the three by name, to a path or a stream
  (the CLI's ``cchc export`` and the app's downloads).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import IO, Any

from dateutil.rrule import rrule
from icalendar import Calendar, Event, vRecur

from ingest.errors import InputError
from ingest.fields import EXPORT_FIELDS, FIELDS
from ingest.fields import label as field_label
from ingest.model import Plan, Task
from ingest.recurrence import due_rule, rrule_parts

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ExportResult",
    "csv_text",
    "export_tasks",
    "ics_text",
    "plan_years",
    "task_rows",
    "write_csv",
    "write_ics",
    "write_xlsx",
    "xlsx_bytes",
]

COLUMNS: list[tuple[str, Callable[[Task], Any]]] = [
    (FIELDS[name].label, FIELDS[name].get) for name in EXPORT_FIELDS
]
"""(column header, value of a task) of every export, from :mod:`ingest.fields`;
"Lặp lại" holds the Vietnamese recurrence label ("Hàng năm")."""
_MAX_WIDTH = 60
_MIN_WIDTH = 6


def task_rows(tasks: Iterable[Task],
              columns: list[tuple[str, Callable[[Task], Any]]] | None = None) -> list[dict]:
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
               columns: list[tuple[str, Callable[[Task], Any]]] | None = None) -> int:
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

Years = Mapping[str, "tuple[int | None, int | None]"]
"""``{doc: (first year, last year)}`` of each plan's period (:func:`plan_years`)."""


def plan_years(plans: Iterable[Plan]) -> dict[str, tuple[int | None, int | None]]:
    """``{doc: (Period.start_year, Period.end_year)}``: where undated cycles of a plan's tasks run."""
    return {p.doc: (p.metadata.period.start_year, p.metadata.period.end_year) for p in plans}


_REPEATING = ("annual", "quarterly", "monthly", "regular")


@dataclass
class _Calendar:
    calendar: Calendar
    events: int = 0
    recurring: int = 0
    skipped: int = 0


def _uid(task: Task, day: date) -> str:
    key = "|".join(str(x) for x in (task.doc, task.number, task.part_of, task.content, day))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@cchc-assistant"


def _recur(rule: rrule) -> vRecur:
    """The ``RRULE`` value of a dateutil rule, ``UNTIL`` as a date (the events are all-day)."""
    parts = rrule_parts(rule)
    if "UNTIL" in parts:
        until = str(parts["UNTIL"])
        parts["UNTIL"] = date(int(until[:4]), int(until[4:6]), int(until[6:8]))
    return vRecur(parts)


def _description(task: Task, reminder: bool) -> str:
    lines = [f"{field_label('lead')}: {task.lead or '—'}"]
    lines += [f"{field_label(name)}: {getattr(task, name)}"
              for name in ("coordinating", "deadline", "product") if getattr(task, name)]
    if reminder:
        lines.append("(Nhắc việc cuối mỗi tháng: nhiệm vụ thường xuyên, không có hạn cụ thể)")
    lines.append(f"{field_label('doc')}: {task.doc}")
    return "\n".join(lines)


def _build_calendar(tasks: Iterable[Task], calendar_name: str, now: datetime | None,
                    years: Years | None) -> _Calendar:
    cal = Calendar()
    cal.add("prodid", "-//cchc-assistant//drafting.export//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    out = _Calendar(cal)
    stamp = now or datetime.now(timezone.utc)
    for task in tasks:
        rule = due_rule(task.due, task.deadline, (years or {}).get(task.doc), remind_regular=True)
        start = next(iter(rule), None) if rule is not None else None
        if start is None:
            out.skipped += 1
            continue
        first = start.date()
        repeats = task.due.recurrence in _REPEATING
        number = task.number or (f"{task.part_of}*" if task.part_of else "?")
        event = Event()
        event.add("uid", _uid(task, first))
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", first + timedelta(days=1))
        if repeats:
            event.add("rrule", _recur(rule))
            out.recurring += 1
        event.add("summary", f"[NV {number}] {task.content or task.objective or ''}".strip())
        event.add("description", _description(task, task.due.recurrence == "regular"))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
        out.events += 1
    return out


def write_ics(tasks: Iterable[Task], out: IO[str], calendar_name: str = "Nhiệm vụ CCHC",
              now: datetime | None = None, years: Years | None = None) -> tuple[int, int]:
    """Write a VCALENDAR (``icalendar``) of ``tasks`` to ``out``; return ``(events, skipped)``.

    One all-day ``VEVENT`` per task that has a deadline day
    (:func:`ingest.recurrence.due_rule`): a one-off task on its ``end``
    (else ``start``) day; a recurring one ("Hàng năm", quarterly, monthly,
    "Thường xuyên" as a month-end reminder) on its first deadline with the
    rule as ``RRULE``. ``years`` (:func:`plan_years`) places the cycles of
    undated recurring tasks inside their plan's period; without it they are
    skipped like tasks with no deadline ("theo chỉ đạo"). ``out`` should be
    opened with ``newline=""`` (CRLF line ends); ``now`` sets ``DTSTAMP``.
    """
    built = _build_calendar(tasks, calendar_name, now, years)
    out.write(built.calendar.to_ical().decode("utf-8"))
    return built.events, built.skipped


def ics_text(tasks: Iterable[Task], **kwargs: Any) -> tuple[str, int, int]:
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


FORMATS = ("xlsx", "csv", "ics")
"""The export formats :func:`export_tasks` writes."""


@dataclass
class ExportResult:
    """What :func:`export_tasks` wrote: ``rows`` tasks (XLSX/CSV) or ``events`` calendar
    events and ``skipped`` undated tasks (ICS)."""

    fmt: str
    rows: int = 0
    events: int = 0
    recurring: int = 0
    skipped: int = 0


def export_tasks(tasks: Iterable[Task], fmt: str, out: str | os.PathLike | IO,
                 years: Years | None = None) -> ExportResult:
    """Write ``tasks`` as ``fmt`` (:data:`FORMATS`) to ``out``: a path, or an open stream
    (binary for XLSX, text opened with ``newline=""`` for CSV/ICS).

    A CSV path is written UTF-8 with a BOM, an ICS path UTF-8. Raises
    :class:`ingest.errors.InputError` for an unknown format or XLSX to a text
    stream, ``OSError`` when the path cannot be written.
    """
    tasks = list(tasks)
    if fmt not in FORMATS:
        raise InputError(f"Định dạng xuất không hỗ trợ: {fmt} (xlsx, csv hoặc ics)")
    if fmt == "xlsx":
        if isinstance(out, io.TextIOBase):
            raise InputError("XLSX cần một tệp ra (-o FILE.xlsx)")
        return ExportResult(fmt, rows=write_xlsx(tasks, out if not isinstance(out, os.PathLike) else str(out)))
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as fh:
            return export_tasks(tasks, fmt, fh, years)
    if fmt == "csv":
        return ExportResult(fmt, rows=write_csv(tasks, out))
    built = _build_calendar(tasks, "Nhiệm vụ CCHC", None, years)
    out.write(built.calendar.to_ical().decode("utf-8"))
    return ExportResult(fmt, events=built.events, recurring=built.recurring, skipped=built.skipped)
