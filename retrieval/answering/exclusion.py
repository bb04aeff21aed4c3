"""An exclusion on the lead unit, or on a topic, that leaves no row, said in words.

"Ở X, mục VII có những nhiệm vụ nào không do Phòng VH-XH chủ trì?" when
every row of mục VII is led by that unit: the answer is not a refusal nor a
body passage but "Không có: tất cả nhiệm vụ 31–35 thuộc mục VII … đều do
Phòng VH-XH chủ trì.", the rows checked cited (:func:`all_excluded_answer`)
and, when they are few, listed under it with their leads ("liệt kê các nv
trong phần đó" asks them too). Likewise "mục thể chế có nv nào không liên
quan đến pháp luật?" when every row of it is: "Không có: tất cả nhiệm vụ 1–3
… đều về “pháp luật”." (:func:`all_about_answer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ingest.lexicon import canon, written_span
from ingest.model import Plan, Task
from ingest.units import split_units, unit_matches
from retrieval.answering.model import Answer
from retrieval.answering.numbering import number_span
from retrieval.answering.rows import plan_label, shorten, sub_rows, task_citation
from retrieval.query import PlanCatalog, Query

#: Most rows checked that are listed under the answer line.
LISTED_ROWS = 12

#: (plan, its numbered tasks matching a query) per plan, as TaskAnswerer.select gives them
Selector = Callable[[Query, list[Plan]], list[tuple[Plan, list[Task]]]]


def all_excluded_answer(query: Query, scope: list[Plan], catalog: PlanCatalog,
                        select: Selector, describe: Callable[[Query, list[Task]], str]) -> Answer | None:
    """When ``query`` excludes lead units (``query.exclude_units``) and no row
    is left, but the same question without the exclusion selects rows: one
    line per plan "Không có: tất cả nhiệm vụ 31–35 thuộc mục … đều do <lead>
    chủ trì.", those rows cited and (at most :data:`LISTED_ROWS`) listed. ``None`` when there is no lead exclusion or
    the other filters select nothing either (then the refusal stands).
    ``select`` is :meth:`retrieval.answering.tasks.TaskAnswerer.select`,
    ``describe`` :func:`retrieval.answering.tasks.describe_filter`."""
    if not query.exclude_units:
        return None
    kept = replace(query, exclude_units=[], exclude_texts=[])
    groups = select(kept, scope)
    if not groups:
        return None
    label = len(groups) > 1 or not query.plan_named
    lines, citations = [], []
    for plan, tasks in groups:
        rows = [r for t in tasks for r in [t, *sub_rows(plan, t)] if r.lead]
        leads = list(dict.fromkeys(r.lead for r in rows if r.lead))
        unit = ", ".join(query.exclude_texts)
        only = all(unit_matches(x, part) for r in rows for part in split_units(r.lead)
                   for x in query.exclude_units[:1]) and len(query.exclude_units) == 1
        written = "; ".join(w for w in leads if canon(w) != canon(unit))
        led = (f"đều do {unit}{f' ({written})' if written else ''} chủ trì" if only
               else f"đều có {unit} chủ trì ({'; '.join(leads)})")
        numbers = [t.number or "?" for t in tasks]
        whole = "tất cả nhiệm vụ" if len(tasks) > 1 else "nhiệm vụ"
        head = f"{plan_label(catalog, plan.doc)}: " if label else ""
        lines.append(f"{head}Không có: {whole} {number_span(numbers)}{describe(kept, tasks)} {led}.")
        if 1 < len(tasks) <= LISTED_ROWS:
            lines += [f"- {t.number or '?'}. {shorten(t.content, 160)} (chủ trì: "
                      f"{t.lead or '; '.join(r.lead or '' for r in sub_rows(plan, t))})" for t in tasks]
        citations += [task_citation(plan, t) for t in tasks]
    return Answer("\n".join(lines), False, citations, query.intent, list(citations), query)


def all_about_answer(query: Query, scope: list[Plan], catalog: PlanCatalog,
                     select: Selector, describe: Callable[[Query, list[Task]], str]) -> Answer | None:
    """When ``query`` leaves out the rows about a topic (``query.exclude_topic``:
    "các nv không liên quan đến pháp luật", "ngoài việc X …") and no row is
    left, but the same question without it selects rows: per plan "Không có:
    tất cả nhiệm vụ 1–3 thuộc mục … đều về “pháp luật”.", those rows cited and
    (at most :data:`LISTED_ROWS`) listed. ``None`` otherwise."""
    if not query.exclude_topic:
        return None
    kept = replace(query, exclude_topic=None)
    groups = select(kept, scope)
    if not groups:
        return None
    label = len(groups) > 1 or not query.plan_named
    lines, citations = [], []
    for plan, tasks in groups:
        numbers = [t.number or "?" for t in tasks]
        whole = "tất cả nhiệm vụ" if len(tasks) > 1 else "nhiệm vụ"
        said = written_span(query.exclude_topic, [t.content or "" for t in tasks] + [query.text]) or query.exclude_topic
        head = f"{plan_label(catalog, plan.doc)}: " if label else ""
        lines.append(f"{head}Không có: {whole} {number_span(numbers)}{describe(kept, tasks)} đều về “{said}”.")
        if 1 < len(tasks) <= LISTED_ROWS:
            lines += [f"- {t.number or '?'}. {shorten(t.content, 160)}" for t in tasks]
        citations += [task_citation(plan, t) for t in tasks]
    return Answer("\n".join(lines), False, citations, query.intent, list(citations), query)
