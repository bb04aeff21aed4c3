"""The task browser's data: every task of the loaded plans as one table, and its filters.

:func:`tasks_frame` turns ``{doc: Plan}`` into a :class:`pandas.DataFrame`,
one row per task (sub-rows included), with the columns shown to users
(:data:`DISPLAY_COLUMNS`, Vietnamese headers) and helper columns whose names
start with ``_`` (doc, page, :class:`ingest.model.Due`, unit keys, a folded
search text). :func:`apply_filters` narrows it with a :class:`TaskFilter`;
:func:`upcoming` keeps the tasks due within N days of a date;
:func:`per_unit` and :func:`per_month` count tasks for the charts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ingest.deadline import due_overlaps
from ingest.fields import labels, short_label, task_number_text, task_section_text
from ingest.lexicon import canon
from ingest.model import Plan
from retrieval.query import PlanCatalog
from ui.due import due_within
from ui.units import split_units, task_unit_keys, unit_groups

_DISPLAY_FIELDS = ("doc", "section", "number", "content", "lead", "coordinating", "deadline",
                   "product")
DISPLAY_COLUMNS = labels(_DISPLAY_FIELDS, short=True)
"""Columns shown in the table, in order: the short labels (:mod:`ingest.fields`) of
plan, section, number, content, lead, coordinating units, deadline, product
("Kế hoạch", "Mục", "Số", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn", "Sản phẩm")."""

FILE_COLUMN = "Tệp"
"""The column holding the plan's file name."""


def plan_labels(plans: dict[str, Plan]) -> dict[str, str]:
    """``{doc: label}`` such as "Nam An Phụ (năm 2026)" (the chat's plan names).

    Labels shared by several plans (the same plan loaded as DOCX and PDF)
    get the file name appended: "Nam An Phụ (năm 2026) · 001.pdf".
    """
    catalog = PlanCatalog.from_plans(plans.values())
    labels = {doc: (catalog.by_doc[doc].label if doc in catalog.by_doc else doc) for doc in plans}
    counts = Counter(labels.values())
    return {doc: (f"{label} · {doc}" if counts[label] > 1 and label != doc else label)
            for doc, label in labels.items()}


def tasks_frame(plans: dict[str, Plan]) -> pd.DataFrame:
    """One row per task of every plan, in plan then table order.

    Display columns: :data:`DISPLAY_COLUMNS` (empty cells as ""). Helper
    columns: ``_doc`` (file name), ``_page`` (int or None), ``_due``
    (:class:`ingest.model.Due`), ``_recurrence`` (``Due.recurrence``),
    ``_units`` (list of lead-unit keys, :func:`ui.units.task_unit_keys`),
    ``_text`` (:func:`retrieval.query.canon` of every field, for free-text
    search), ``_task`` (the :class:`ingest.model.Task` itself, for the
    exports of :mod:`drafting.export`) and :data:`FILE_COLUMN`.
    """
    plan_names = plan_labels(plans)
    rows = []
    for doc, plan in plans.items():
        for task in plan.tasks:
            number = task_number_text(task)
            fields = [task.section, task.subsection, task.objective, task.content, task.lead,
                      task.coordinating, task.deadline, task.product, number]
            values = {"doc": plan_names[doc], "section": task_section_text(task), "number": number}
            row = {short_label(name): values[name] if name in values else (getattr(task, name) or "")
                   for name in _DISPLAY_FIELDS}
            rows.append({
                **row,
                FILE_COLUMN: doc,
                "_task": task,
                "_doc": doc,
                "_page": task.page,
                "_due": task.due,
                "_recurrence": task.due.recurrence,
                "_units": task_unit_keys(task.lead),
                "_text": " " + canon(" ".join(f for f in fields if f)) + " ",
            })
    columns = DISPLAY_COLUMNS + [FILE_COLUMN, "_task", "_doc", "_page", "_due", "_recurrence",
                                 "_units", "_text"]
    return pd.DataFrame(rows, columns=columns)


def lead_unit_options(plans: dict[str, Plan]) -> dict[str, str]:
    """Key → label of every lead unit named in the plans, sorted by label."""
    names = [name for plan in plans.values() for t in plan.tasks for name in split_units(t.lead)]
    groups = unit_groups(names)
    return dict(sorted(groups.items(), key=lambda kv: canon(kv[1])))


@dataclass
class TaskFilter:
    """What the user picked. Empty lists/``None``/"" mean "no restriction".

    ``docs``: file names; ``units``: lead-unit keys (a task matches when one
    of its lead units has one of these keys); ``year``/``quarter`` (1-4)/
    ``month`` (1-12): due period, tested with
    :func:`ingest.deadline.due_overlaps` (a quarter or month needs the
    year); ``recurrences``: ``Due.recurrence`` values (``None`` = unknown);
    ``text``: words that must all occur, with or without diacritics.
    """

    docs: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    year: int | None = None
    quarter: int | None = None
    month: int | None = None
    recurrences: list[str | None] = field(default_factory=list)
    text: str = ""

    def period(self) -> str | None:
        """The due period as ``due_overlaps`` reads it ("2026", "2026-Q1", "2026-03") or ``None``."""
        if self.year is None:
            return None
        if self.month:
            return f"{self.year}-{self.month:02d}"
        if self.quarter:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)


def apply_filters(frame: pd.DataFrame, flt: TaskFilter) -> pd.DataFrame:
    """The rows of ``frame`` (from :func:`tasks_frame`) that meet every part of ``flt``."""
    mask = pd.Series(True, index=frame.index)
    if flt.docs:
        mask &= frame["_doc"].isin(flt.docs)
    if flt.units:
        wanted = set(flt.units)
        mask &= frame["_units"].map(lambda keys: bool(wanted.intersection(keys)))
    period = flt.period()
    if period:
        mask &= frame["_due"].map(lambda due: due_overlaps(due, period))
    if flt.recurrences:
        mask &= frame["_recurrence"].isin(flt.recurrences)
    words = canon(flt.text).split()
    if words:
        mask &= frame["_text"].map(lambda text: all(f" {w} " in text for w in words))
    return frame[mask]


def upcoming(frame: pd.DataFrame, ref: date, days: int) -> pd.DataFrame:
    """Rows whose next deadline (:func:`ui.due.next_deadline`) is within ``days`` of ``ref``.

    Adds ``Hạn kế tiếp`` (ISO date) and ``Còn (ngày)`` (int) columns and
    sorts by them, soonest first. Recurring tasks count at their next
    occurrence; "Thường xuyên" tasks and tasks without a deadline never do.
    """
    nxt = pd.Series(
        [due_within(due, ref, days, text) for due, text in zip(frame["_due"], frame[short_label("deadline")])],
        index=frame.index, dtype=object,
    )
    out = frame[nxt.notna()].copy()
    out["Hạn kế tiếp"] = nxt[nxt.notna()].map(lambda d: d.isoformat())
    out["Còn (ngày)"] = nxt[nxt.notna()].map(lambda d: (d - ref).days).astype(int)
    return out.sort_values(["Còn (ngày)", "Kế hoạch"], kind="stable")


def per_unit(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Tasks per lead unit: columns ``Chủ trì`` (the lead's short label), ``Số nhiệm vụ``; most first.

    A task with several lead units counts once for each; ``labels`` is
    :func:`lead_unit_options` (key → label).
    """
    keys = frame["_units"].explode().dropna()
    counts = keys.map(lambda k: labels.get(k, k)).value_counts()
    return pd.DataFrame({short_label("lead"): counts.index, "Số nhiệm vụ": counts.values})


def per_month(frame: pd.DataFrame) -> pd.DataFrame:
    """Tasks per due month (month of ``Due.end``): columns ``Tháng`` ("2026-03"), ``Số nhiệm vụ``.

    Tasks without an end date ("Thường xuyên", undated) are left out.
    """
    months = frame["_due"].map(lambda due: due.end[:7] if due and due.end else None).dropna()
    counts = months.value_counts().sort_index()
    return pd.DataFrame({"Tháng": counts.index, "Số nhiệm vụ": counts.values})
