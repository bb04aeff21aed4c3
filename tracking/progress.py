"""Statuses joined to the tasks of a plan: "Quá hạn" and progress counts.

:func:`tracked` opens what every consumer (CLI, app, chat, report) needs
for the indexed plans: ``{doc: TrackedPlan}`` with each plan's identity
(registered in the store, so revisions carry statuses over), its tasks'
keys and statuses. :func:`progress_rows` gives one :class:`TaskProgress`
per task; :func:`count_statuses` and :func:`summary` count them.

"Quá hạn" (overdue, :func:`is_overdue`): a task still to do (chưa / đang
thực hiện) whose deadline has passed — its ``due.end`` is before the
reference day, for a one-off, annual or unknown recurrence. Tasks done
"Thường xuyên" or every quarter/month have no single deadline to pass and
are never overdue here; their next deadline is :func:`ui.due.next_deadline`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ingest.model import Plan, Task
from ingest.units import split_units, unit_groups, unit_key
from retrieval.protocols import PlanRepository
from tracking.model import (
    CANCELLED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    OPEN_STATUSES,
    TaskStatus,
    task_keys,
)
from tracking.store import StatusStore, plan_identity

NO_SECTION = "(không thuộc mục)"
NO_LEAD = "(chưa ghi đơn vị chủ trì)"


def is_overdue(task: Task, status: str, today: date) -> bool:
    """True when ``task`` (status code ``status``) is overdue on ``today`` (module docstring)."""
    return status in OPEN_STATUSES and task.due.passed(today)


@dataclass
class TaskProgress:
    """One task with its status: ``doc``, ``key`` (:func:`tracking.model.task_keys`),
    ``task``, ``status`` (stored, or the default chưa thực hiện), ``overdue``."""

    doc: str
    key: str
    task: Task
    status: TaskStatus
    overdue: bool


@dataclass
class TrackedPlan:
    """An indexed plan under tracking: ``plan_id`` (content hash), ``plan``,
    ``keys`` (one per task, table order) and ``statuses`` ``{key: TaskStatus}``."""

    plan_id: str
    plan: Plan
    keys: list[str] = field(default_factory=list)
    statuses: dict[str, TaskStatus] = field(default_factory=dict)

    def rows(self, today: date) -> list[TaskProgress]:
        """:func:`progress_rows` of this plan."""
        return progress_rows(self.plan, self.statuses, today)

    def key_of(self, task: Task) -> str:
        """The key of ``task`` (a task object of :attr:`plan`)."""
        for key, other in zip(self.keys, self.plan.tasks):
            if other is task:
                return key
        raise KeyError(task.label)


def tracked(index_store: PlanRepository, status_store: StatusStore) -> dict[str, TrackedPlan]:
    """``{doc: TrackedPlan}`` for every plan of the opened index (manifest
    order), each registered in ``status_store`` first (:meth:`StatusStore.register`)."""
    result = {}
    for doc, plan in index_store.plans().items():
        plan_id = plan_identity(index_store, doc)
        status_store.register(plan_id, plan)
        result[doc] = TrackedPlan(plan_id, plan, task_keys(plan), status_store.statuses(plan_id))
    return result


def untracked(index_store: PlanRepository) -> dict[str, TrackedPlan]:
    """:func:`tracked` without a store (no status recorded yet): empty statuses."""
    return {doc: TrackedPlan(plan_identity(index_store, doc), plan, task_keys(plan), {})
            for doc, plan in index_store.plans().items()}


def progress_rows(plan: Plan, statuses: dict[str, TaskStatus], today: date) -> list[TaskProgress]:
    """One :class:`TaskProgress` per task of ``plan`` (sub-rows included), table order."""
    rows = []
    for key, task in zip(task_keys(plan), plan.tasks):
        status = statuses.get(key, TaskStatus())
        rows.append(TaskProgress(plan.doc, key, task, status, is_overdue(task, status.status, today)))
    return rows


def count_statuses(rows: list[TaskProgress]) -> dict[str, int]:
    """``{"total", "not_started", "in_progress", "done", "cancelled", "overdue"}`` of ``rows``."""
    counts = Counter(r.status.status for r in rows)
    return {"total": len(rows), NOT_STARTED: counts[NOT_STARTED], IN_PROGRESS: counts[IN_PROGRESS],
            DONE: counts[DONE], CANCELLED: counts[CANCELLED], "overdue": sum(r.overdue for r in rows)}


def lead_groups(rows: list[TaskProgress]) -> dict[str, str]:
    """Lead-unit key → label (most frequent spelling) of the units in ``rows``."""
    return unit_groups(name for r in rows for name in split_units(r.task.lead))


def summary(rows: list[TaskProgress], by: str) -> list[dict]:
    """Counts per group, groups in first-seen order: ``by`` is ``"plan"``
    (``doc``), ``"section"`` (the annex section) or ``"lead"`` (each lead
    unit of a task counts it once; spellings grouped by
    :func:`ui.units.unit_key`). Each item: ``{"group", **count_statuses}``.
    Raises ``ValueError`` for another ``by``."""
    groups: dict[str, list[TaskProgress]] = {}
    if by == "lead":
        labels = lead_groups(rows)
        for r in rows:
            names = [labels.get(k, NO_LEAD) for k in dict.fromkeys(unit_key(u) for u in split_units(r.task.lead))]
            for name in names or [NO_LEAD]:
                groups.setdefault(name, []).append(r)
    elif by in ("plan", "section"):
        for r in rows:
            name = r.doc if by == "plan" else (r.task.section or NO_SECTION)
            groups.setdefault(name, []).append(r)
    else:
        raise ValueError(f"unknown grouping {by!r}")
    return [{"group": name, **count_statuses(items)} for name, items in groups.items()]
