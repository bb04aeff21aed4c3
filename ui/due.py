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

from datetime import date

from ingest.fields import RECURRENCE_LABELS
from ingest.model import Due
from ingest.recurrence import next_due

__all__ = ["RECURRENCE_LABELS", "due_within", "next_deadline"]



def next_deadline(due: Due | None, ref: date, deadline_text: str | None = None) -> date | None:
    """The first deadline of ``due`` on or after ``ref`` (rules in the module docstring).

    ``deadline_text`` is the task's deadline as written; it only supplies the
    day of a monthly or quarterly deadline. Computed by
    :func:`ingest.recurrence.next_due` (``dateutil`` rrule).
    """
    return next_due(due, ref, deadline_text)


def due_within(due: Due | None, ref: date, days: int, deadline_text: str | None = None) -> date | None:
    """The next deadline when it falls in ``ref`` .. ``ref + days`` (inclusive), else ``None``."""
    nxt = next_deadline(due, ref, deadline_text)
    if nxt is None or (nxt - ref).days > days:
        return None
    return nxt
