"""Aggregate answers over the task selection, per plan: the earliest or
latest deadline ("nhiệm vụ nào có hạn sớm nhất?"), the unit that leads most
tasks ("đơn vị nào chủ trì nhiều nhiệm vụ nhất?"; a task whose own lead cell
is empty counts for the units of its sub-rows).

The selection is :meth:`retrieval.answering.tasks.TaskAnswerer.select` (every
filter of the question applies, "trong đó" included); deadlines are
compared by their end date (:class:`ingest.model.Due`), so tasks without one
("Thường xuyên", undated) are left out and said so.
"""

from __future__ import annotations

from collections import Counter

from ingest.model import Plan, Task
from ingest.units import split_units, unit_key
from retrieval.answering.model import Answer, abstention
from retrieval.answering.rows import plan_label, plans_in_scope, shorten, sub_rows, task_citation
from retrieval.answering.tasks import TaskAnswerer, describe_filter, missing_reason
from retrieval.query import Query

__all__ = ["aggregate_answer"]


def _by_deadline(plan: Plan, tasks: list[Task], latest: bool) -> tuple[list[Task], int]:
    dated = [t for t in tasks if t.due.end and t.due.recurrence != "regular"]
    if not dated:
        return [], len(tasks)
    pick = max if latest else min
    end = pick(t.due.end for t in dated if t.due.end)
    return [t for t in dated if t.due.end == end], len(tasks) - len(dated)


def _leads(plan: Plan, task: Task) -> list[str]:
    """The lead units of ``task``: its own cell, else those of its sub-rows
    (a group row "24 Tổ chức sắp xếp …" whose "- …" lines name the lead)."""
    cells = [task.lead] if task.lead else [r.lead for r in sub_rows(plan, task) if r.lead]
    return [name for cell in cells for name in split_units(cell)]


def _top_lead(plan: Plan, tasks: list[Task]) -> list[tuple[str, int, list[Task]]]:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    rows: dict[str, list[Task]] = {}
    for task in tasks:
        seen: set[str] = set()
        for name in _leads(plan, task):
            key = unit_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            names.setdefault(key, name)
            rows.setdefault(key, []).append(task)
    if not counts:
        return []
    best = max(counts.values())
    return [(names[k], n, rows[k]) for k, n in counts.most_common() if n == best]


def aggregate_answer(tasks: TaskAnswerer, query: Query) -> Answer:
    """Kind ``aggregate``: per plan in scope, ``query.aggregate``
    (``earliest`` / ``latest`` deadline, ``top_lead``) over the tasks the
    query selects; each task named is cited. Abstains, saying why, when no
    task is selected or none has a dated deadline."""
    scope = plans_in_scope(tasks.plans, query)
    groups = tasks.select(query, scope)
    if not groups:
        return abstention(query, reason=missing_reason(tasks.catalog, scope,
                                                      "nhiệm vụ nào" + describe_filter(query)))
    label = len(groups) > 1 or not query.plan_named
    lines, citations = [], []
    described = describe_filter(query)
    for plan, selected in groups:
        head = f"{plan_label(tasks.catalog, plan.doc)}: " if label else ""
        if query.aggregate == "top_lead":
            top = _top_lead(plan, selected)
            if not top:
                lines.append(f"{head}các nhiệm vụ{described} không ghi cơ quan chủ trì.")
                continue
            for name, n, rows in top:
                numbers = ", ".join(t.number or "?" for t in rows)
                lines.append(f"{head}{name} chủ trì nhiều nhất: {n} trên {len(selected)} nhiệm vụ"
                             f"{described} (số {numbers}).")
                citations += [task_citation(plan, t) for t in rows]
            continue
        latest = query.aggregate == "latest"
        picked, undated = _by_deadline(plan, selected, latest)
        word = "muộn nhất" if latest else "sớm nhất"
        if not picked:
            lines.append(f"{head}không nhiệm vụ nào{described} ghi thời hạn có ngày cụ thể.")
            continue
        lines.append(f"{head}thời hạn {word}{described}:")
        for t in picked:
            lines.append(f"- Nhiệm vụ {t.number}: {shorten(t.content, 200)} — thời gian hoàn thành: "
                         f"{t.deadline}; chủ trì: {t.lead or '(không ghi)'}.")
            citations.append(task_citation(plan, t))
        if undated:
            lines.append(f"  ({undated} nhiệm vụ thường xuyên hoặc không ghi ngày cụ thể không được so sánh.)")
    if not citations:
        return abstention(query, reason=" ".join(lines))
    return Answer("\n".join(lines), False, citations, "aggregate", list(citations), query)
