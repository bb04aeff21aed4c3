"""The task browser's data: every task of the loaded plans as one table, and its filters.

:func:`tasks_frame` turns ``{doc: Plan}`` into a :class:`pandas.DataFrame`,
one row per task (sub-rows included), with the columns shown to users
(:data:`DISPLAY_COLUMNS`, Vietnamese headers) and helper columns whose names
start with ``_`` (doc, page, :class:`ingest.model.Due`, unit keys, a folded
search text, the plan's last day). :func:`apply_filters` narrows it with a
:class:`TaskFilter`; :func:`upcoming` keeps the tasks due within N days of a
date and :func:`overdue` those whose deadline has passed;
:func:`per_unit` and :func:`per_month` count tasks for the charts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ingest.deadline import due_in_period, due_overlaps
from ingest.fields import labels, short_label, task_number_text, task_section_text
from ingest.lexicon import canon
from ingest.model import Plan
from ingest.units import unit_key, unit_matches
from retrieval.query import PlanCatalog
from tracking.model import NOT_STARTED, task_keys
from tracking.progress import is_overdue
from ui.due import due_within
from ui.units import split_units, task_unit_keys, unit_groups

_KEY_FIELDS = ("number", "content", "lead", "deadline")
_DISPLAY_FIELDS = _KEY_FIELDS + ("coordinating", "product", "objective", "section", "doc")
KEY_COLUMNS = labels(_KEY_FIELDS, short=True)
"""The columns a clerk reads first: "Số", "Nội dung", "Chủ trì", "Thời hạn"."""
DISPLAY_COLUMNS = labels(_DISPLAY_FIELDS, short=True)
"""Columns shown in the table, in order: the short labels (:mod:`ingest.fields`) of
the key columns, then coordinating units, product, objective (Mục tiêu, shown
only when a row has one: :func:`shown_columns`), section and plan."""
DISPLAY_FIELDS = dict(zip(DISPLAY_COLUMNS, _DISPLAY_FIELDS))
"""Column header → :mod:`ingest.fields` name, for the downloads."""

PERIOD_DUE = "due"
"""Period mode: the task's deadline falls in the period — the chat's rule,
:func:`ingest.deadline.due_in_period` ("nhiệm vụ phải hoàn thành trong quý I")."""
PERIOD_RUNNING = "running"
"""Period mode: the task is under way at some time in the period,
:func:`ingest.deadline.due_overlaps` (``cchc tasks --due``)."""

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
    exports of :mod:`drafting.export`), ``_key`` (its status key,
    :func:`tracking.model.task_keys`), ``_plan_end`` (31 December of the
    plan period's last year, a :class:`datetime.date`, or None when the
    period is unknown) and :data:`FILE_COLUMN`.
    """
    plan_names = plan_labels(plans)
    rows = []
    for doc, plan in plans.items():
        period = plan.metadata.period
        last_year = period.end_year or period.start_year
        plan_end = date(last_year, 12, 31) if last_year else None
        for task, key in zip(plan.tasks, task_keys(plan)):
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
                "_plan_end": plan_end,
                "_key": key,
            })
    columns = DISPLAY_COLUMNS + [FILE_COLUMN, "_task", "_doc", "_page", "_due", "_recurrence",
                                 "_units", "_text", "_plan_end", "_key"]
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
    of its lead units has one of these keys); ``unit_text``: a unit typed
    by the user, with or without diacritics or as an abbreviation ("van
    phong", "tu phap", "VH-XH"), matched as the chat matches a unit
    (:func:`ingest.units.unit_matches` on its :func:`unit_key`);
    ``year``/``quarter`` (1-4)/``month`` (1-12): the period (a quarter or
    month needs the year), read by ``period_mode``: :data:`PERIOD_DUE`
    (deadline inside the period, the chat's rule) or :data:`PERIOD_RUNNING`
    (under way during it); ``recurrences``: ``Due.recurrence`` values
    (``None`` = unknown); ``text``: words that must all occur, with or
    without diacritics.
    """

    docs: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    unit_text: str = ""
    year: int | None = None
    quarter: int | None = None
    month: int | None = None
    period_mode: str = PERIOD_DUE
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
    typed = unit_key(flt.unit_text)
    if typed:
        mask &= frame["Chủ trì"].map(lambda cell: unit_matches(typed, cell))
    period = flt.period()
    if period and flt.period_mode == PERIOD_RUNNING:
        mask &= frame["_due"].map(lambda due: due_overlaps(due, period))
    elif period:
        mask &= frame["_due"].map(lambda due: due_in_period(due, period, None))
    if flt.recurrences:
        mask &= frame["_recurrence"].isin(flt.recurrences)
    words = canon(flt.text).split()
    if words:
        mask &= frame["_text"].map(lambda text: all(f" {w} " in text for w in words))
    return frame[mask]


def matching_units(units: dict[str, str], typed: str) -> dict[str, str]:
    """The lead units (key → label, as :func:`lead_unit_options`) that a typed
    name finds: its :func:`unit_key` as whole words of the unit's key, so
    "van phong", "Văn phòng" and "VP" all find "Văn phòng HĐND và UBND" and
    "VH-XH" finds "Phòng Văn hóa – Xã hội". Empty ``typed`` → all units."""
    key = unit_key(typed)
    if not key:
        return dict(units)
    return {k: v for k, v in units.items() if f" {key} " in f" {k} "}


def in_plan_period(frame: pd.DataFrame, ref: date) -> pd.Series:
    """Mask of the rows whose plan period has not ended on ``ref`` (unknown period: kept)."""
    return frame["_plan_end"].map(lambda end: end is None or pd.isna(end) or end >= ref)


def upcoming(frame: pd.DataFrame, ref: date, days: int,
             include_ended: bool = False) -> pd.DataFrame:
    """Rows whose next deadline (:func:`ui.due.next_deadline`) is within ``days`` of ``ref``.

    Adds ``Hạn kế tiếp`` (ISO date) and ``Còn (ngày)`` (int) columns and
    sorts by them, soonest first. Recurring tasks count at their next
    occurrence; "Thường xuyên" tasks and tasks without a deadline never do.
    Unless ``include_ended``, plans whose period has ended before ``ref``
    are left out, and so is a next occurrence after the plan's last day
    (a 2026 plan's "Quý I hàng năm" is not due in 2027).
    """
    nxt = pd.Series(
        [due_within(due, ref, days, text) for due, text in zip(frame["_due"], frame["Thời hạn"])],
        index=frame.index, dtype=object,
    )
    if not include_ended:
        ends = frame["_plan_end"]
        inside = [d is None or end is None or pd.isna(end) or d <= end
                  for d, end in zip(nxt, ends)]
        nxt = nxt.where(pd.Series(inside, index=frame.index))
    out = frame[nxt.notna()].copy()
    out["Hạn kế tiếp"] = nxt[nxt.notna()].map(lambda d: d.isoformat())
    out["Còn (ngày)"] = nxt[nxt.notna()].map(lambda d: (d - ref).days).astype(int)
    return out.sort_values(["Còn (ngày)", "Kế hoạch"], kind="stable")


def overdue(frame: pd.DataFrame, ref: date, include_ended: bool = False,
            statuses: dict[tuple[str, str], str] | None = None) -> pd.DataFrame:
    """Rows "Quá hạn" on ``ref``: the rule of the Tiến độ page,
    :func:`tracking.progress.is_overdue` — a task still to do whose single
    deadline (``Due.end``) has passed; "Thường xuyên", quarterly and monthly
    tasks have none. ``statuses`` ``{(doc, key): status code}`` are the
    recorded statuses (missing: chưa thực hiện), so a task marked done is not
    overdue. Unless ``include_ended``, plans whose period ended before
    ``ref`` are left out. Adds ``Hạn`` (ISO date) and ``Quá (ngày)`` (int,
    days since the deadline), most overdue first.
    """
    statuses = statuses or {}
    late = pd.Series([is_overdue(task, statuses.get((doc, key), NOT_STARTED), ref)
                      for task, doc, key in zip(frame["_task"], frame["_doc"], frame["_key"])],
                     index=frame.index, dtype=bool)
    if not include_ended:
        late &= in_plan_period(frame, ref)
    out = frame[late].copy()
    ends = out["_due"].map(lambda due: date.fromisoformat(due.end))
    out["Hạn"] = ends.map(lambda d: d.isoformat())
    out["Quá (ngày)"] = ends.map(lambda d: (ref - d).days).astype(int)
    return out.sort_values(["Quá (ngày)", "Kế hoạch"], ascending=[False, True], kind="stable")


def shown_columns(rows: pd.DataFrame, extra: list[str] | None = None) -> list[str]:
    """The columns the table shows for ``rows``: :data:`KEY_COLUMNS`, then
    ``extra`` (a view's own columns such as "Hạn kế tiếp"), then the rest of
    :data:`DISPLAY_COLUMNS`; "Mục tiêu" only when one of the rows has one."""
    rest = [c for c in DISPLAY_COLUMNS if c not in KEY_COLUMNS]
    if "Mục tiêu" in rows and not rows["Mục tiêu"].astype(bool).any():
        rest.remove("Mục tiêu")
    return KEY_COLUMNS + list(extra or []) + rest


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
