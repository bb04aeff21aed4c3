"""A task's deadlines as a ``dateutil`` recurrence rule: next due dates and calendar RRULEs.

:func:`due_rule` turns a :class:`ingest.model.Due` (and the deadline as
written, and the plan's years) into a :class:`dateutil.rrule.rrule` of
deadline days; :func:`next_due` is the first of them on or after a day
(the "sắp đến hạn" view); the ICS export writes the same rule as the
event's ``RRULE`` (:func:`rrule_parts`).

Rules, by ``Due.recurrence``:

* ``once`` (or unknown) with a date → that day only (``end``, else ``start``);
* ``annual`` with dates → the ``end``'s (else ``start``'s) month and day
  every year ("Quý II hàng năm" → every 30 June), from that day; without
  dates and with the plan's years → every 31 December of those years
  ("Hàng năm": due by the end of each year);
* ``quarterly`` → the last month of each quarter, on the day the text names
  ("Trước ngày 05 của tháng cuối quý" → the 5th; "ngày 31" → the month's
  last day when shorter), else the quarter's last day; ``monthly`` → each
  month, the same way ("trước ngày 20 hàng tháng"). Both run inside the
  task's own ``start``..``end`` when it has them, else inside the plan's years;
* ``regular`` (Thường xuyên) → nothing falls due (``None``), unless
  ``remind_regular``: then the last day of every month of the task's dates or
  of the plan's years (a calendar reminder, not a deadline).

``years`` is ``(first, last)`` of the plan's period (``Period.start_year``,
``end_year``); without it, open cycles start at ``start`` or ``ref`` and
have no end.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil.rrule import MONTHLY, YEARLY, rrule

from ingest.model import Due

__all__ = ["due_rule", "next_due", "rrule_parts", "stated_day"]

_DAY = re.compile(r"\bng[aà]y\s+(\d{1,2})\b(?!\s*[/.-]\s*\d)", re.IGNORECASE)
_QUARTER_ENDS = (3, 6, 9, 12)


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def stated_day(deadline_text: str | None) -> int | None:
    """The day of the month a cyclic deadline names ("trước ngày 20 hàng tháng" → 20), else ``None``.

    A full date ("ngày 15/01/2026") is not a day of the cycle and gives ``None``.
    """
    m = _DAY.search(deadline_text or "")
    day = int(m.group(1)) if m else 0
    return day if 1 <= day <= 31 else None


def _month_days(day: int | None) -> dict:
    """``rrule`` arguments for "day ``day`` of the month, or its last day when shorter"."""
    if day is None:
        return {"bymonthday": -1}
    if day <= 28:
        return {"bymonthday": day}
    return {"bymonthday": tuple(range(28, day + 1)), "bysetpos": -1}


def due_rule(due: Due | None, deadline_text: str | None = None,
             years: tuple[int | None, int | None] | None = None, ref: date | None = None,
             remind_regular: bool = False) -> rrule | None:
    """The deadline days of ``due`` as an ``rrule`` of midnight datetimes (rules in the module docstring).

    ``deadline_text`` supplies a cyclic deadline's day; ``years`` the plan's
    first and last year; ``ref`` where an open cycle starts when neither the
    task nor ``years`` give a start. Returns ``None`` when nothing falls due.
    """
    if due is None:
        return None
    start, end = _iso(due.start), _iso(due.end)
    first, last_year = years or (None, None)
    last = last_year or first
    rec = due.recurrence
    if rec == "annual":
        anchor = end or start
        if anchor is not None:
            if ref is not None and ref < anchor:  # the same month-day in the reference year
                try:
                    anchor = anchor.replace(year=ref.year)
                except ValueError:  # 29 February
                    pass
            return rrule(YEARLY, dtstart=_at(anchor))
        if first is None:
            return None
        return rrule(YEARLY, bymonth=12, bymonthday=31, dtstart=datetime(first, 1, 1),
                     until=datetime(last or first, 12, 31))
    if rec in ("quarterly", "monthly") or (rec == "regular" and remind_regular):
        begin = start or (date(first, 1, 1) if first else ref)
        stop = end or (date(last, 12, 31) if last else None)
        if begin is None:
            return None
        kwargs = _month_days(None if rec == "regular" else stated_day(deadline_text))
        if rec == "quarterly":
            kwargs["bymonth"] = _QUARTER_ENDS
        return rrule(MONTHLY, dtstart=_at(begin), until=_at(stop) if stop else None, **kwargs)
    if rec == "regular":
        return None
    day = end or start
    return rrule(YEARLY, dtstart=_at(day), count=1) if day else None


def next_due(due: Due | None, ref: date, deadline_text: str | None = None,
             years: tuple[int | None, int | None] | None = None) -> date | None:
    """The first deadline of ``due`` on or after ``ref`` (``None`` when none is left).

    A one-off deadline counts from its ``end`` only (a task due "Quý I" is due
    on 31 March, not on 1 January); ``regular`` tasks never fall due.
    """
    if due is None:
        return None
    if due.recurrence not in ("annual", "quarterly", "monthly"):
        end = _iso(due.end)
        return end if due.recurrence != "regular" and end and end >= ref else None
    rule = due_rule(due, deadline_text, years, ref=ref)
    if rule is None:
        return None
    hit = rule.after(_at(ref), inc=True)
    return hit.date() if hit else None


def rrule_parts(rule: rrule) -> dict:
    """The RFC 5545 ``RRULE`` of ``rule`` as ``icalendar`` reads it (``{"FREQ": "MONTHLY", …}``).

    ``DTSTART`` is not part of it (it is the event's start).
    """
    text = str(rule).split("\n")[-1]
    assert text.startswith("RRULE:"), text
    parts: dict = {}
    for item in text[len("RRULE:"):].split(";"):
        key, value = item.split("=", 1)
        parts[key] = value.split(",") if "," in value else value
    return parts
