"""Deadlines for the task browser: the next deadline of a ``Due`` and its labels.

A task's ``due`` (:class:`ingest.model.Due`) holds ISO ``start``/``end``
dates and a ``recurrence``. The "sắp đến hạn" (due soon) view needs one date
per task on or after a reference day; :func:`next_deadline` gives it:

* ``once`` (or unknown recurrence) with an ``end`` → that ``end``;
* ``annual`` with dates → the ``end``'s month-day in the reference year, or
  the next year when that day has passed (a plan's "Quý II hàng năm" is due
  every 30 June);
* ``quarterly`` → the last day of the reference day's quarter, ``monthly`` →
  the last day of its month, both only inside the task's own
  ``start``..``end`` span when it has one; when the deadline text names the
  day ("Trước ngày 05 của tháng cuối quý", "trước ngày 20 hàng tháng"), that
  day of the quarter's last month (or of the month), moved to the next
  period once it has passed;
* ``regular`` (Thường xuyên), no ``end``, or an ``end`` before the reference
  day → ``None`` (nothing falls due).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ingest.fields import RECURRENCE_LABELS
from ingest.model import Due

__all__ = ["RECURRENCE_LABELS", "next_deadline", "due_within"]



def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _same_day(year: int, d: date) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February in a common year
        return d.replace(year=year, day=28)


_DAY = re.compile(r"\bng[aà]y\s+(\d{1,2})\b(?!\s*[/.-]\s*\d)", re.I)


def _cycle_deadline(ref: date, months: int, day: int | None) -> date:
    """Deadline of the cycle (1 = month, 3 = quarter) holding ``ref``: its last
    month's ``day`` (clamped to the month) or last day; the next cycle's when
    that day is before ``ref``."""
    last = months * ((ref.month - 1) // months) + months
    for year, month in ((ref.year, last), ((ref.year + (last + months - 1) // 12), (last + months - 1) % 12 + 1)):
        limit = calendar.monthrange(year, month)[1]
        when = date(year, month, min(day, limit)) if day else date(year, month, limit)
        if when >= ref:
            return when
    return when


def next_deadline(due: Due | None, ref: date, deadline_text: str | None = None) -> date | None:
    """The first deadline of ``due`` on or after ``ref`` (rules in the module docstring).

    ``deadline_text`` is the task's deadline as written; it only supplies the
    day of a monthly or quarterly deadline.
    """
    if due is None:
        return None
    start, end = _iso(due.start), _iso(due.end)
    rec = due.recurrence
    if rec == "annual":
        anchor = end or start
        if anchor is None:
            return None
        nxt = _same_day(ref.year, anchor)
        return nxt if nxt >= ref else _same_day(ref.year + 1, anchor)
    if rec in ("quarterly", "monthly"):
        if end and ref > end:
            return None
        if start and ref < start:
            ref = start
        day_match = _DAY.search(deadline_text or "")
        day = int(day_match.group(1)) if day_match and 1 <= int(day_match.group(1)) <= 31 else None
        return _cycle_deadline(ref, 1 if rec == "monthly" else 3, day)
    if rec == "regular" or end is None:
        return None
    return end if end >= ref else None


def due_within(due: Due | None, ref: date, days: int, deadline_text: str | None = None) -> date | None:
    """The next deadline when it falls in ``ref`` .. ``ref + days`` (inclusive), else ``None``."""
    nxt = next_deadline(due, ref, deadline_text)
    if nxt is None or (nxt - ref).days > days:
        return None
    return nxt
