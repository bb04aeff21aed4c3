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
  ``start``..``end`` span when it has one;
* ``regular`` (Thường xuyên), no ``end``, or an ``end`` before the reference
  day → ``None`` (nothing falls due).
"""

from __future__ import annotations

import calendar
from datetime import date

from ingest.model import Due

RECURRENCE_LABELS: dict[str | None, str] = {
    "once": "Một lần",
    "regular": "Thường xuyên",
    "annual": "Hàng năm",
    "quarterly": "Hàng quý",
    "monthly": "Hàng tháng",
    None: "Không rõ",
}
"""``Due.recurrence`` value → Vietnamese label shown in filters and tables."""


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _same_day(year: int, d: date) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February in a common year
        return d.replace(year=year, day=28)


def next_deadline(due: Due | None, ref: date) -> date | None:
    """The first deadline of ``due`` on or after ``ref`` (rules in the module docstring)."""
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
        if rec == "monthly":
            return _month_end(ref.year, ref.month)
        q_last_month = 3 * ((ref.month - 1) // 3) + 3
        return _month_end(ref.year, q_last_month)
    if rec == "regular" or end is None:
        return None
    return end if end >= ref else None


def due_within(due: Due | None, ref: date, days: int) -> date | None:
    """The next deadline when it falls in ``ref`` .. ``ref + days`` (inclusive), else ``None``."""
    nxt = next_deadline(due, ref)
    if nxt is None or (nxt - ref).days > days:
        return None
    return nxt
