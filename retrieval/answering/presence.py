"""Whether a list of rows fills a cell, asked yes or no.

"Lộc Hòa mục VII chỉ đạo điều hành: các nv có ghi thời hạn không?", "phần
cải cách TTHC các việc có nêu sản phẩm ko?", "nv nào có ghi cơ quan phối hợp,
nv nào không?" (``Query.presence``): not a refusal when the cells are blank,
but the answer itself: "Không: nhiệm vụ 1, 2, 3 … đều để trống ô Thời gian
hoàn thành." or, when some rows fill it, the rows that do (with the value)
and those that do not; every row checked is cited (:func:`presence_answer`).
A row whose cell is empty but whose sub-rows fill it counts as filled, with
the sub-rows' values.
"""

from __future__ import annotations

from ingest.model import Plan, Task
from retrieval.answering.model import Answer
from retrieval.answering.rows import FIELD_LABELS, display_key, plan_label, shorten, sub_rows, task_citation
from retrieval.query import PlanCatalog, Query

__all__ = ["presence_answer"]

#: Most rows listed one per line under the answer; more are only numbered.
LISTED_ROWS = 12


def _values(plan: Plan, task: Task, name: str) -> list[str]:
    """The cell ``name`` of ``task``, else of its sub-rows, as written."""
    own = getattr(task, name)
    if own:
        return [own]
    return list(dict.fromkeys(v for r in sub_rows(plan, task) if (v := getattr(r, name))))


def _section_of(tasks: list[Task]) -> str:
    """" thuộc mục VII. …" when the rows share one annex section, else ""."""
    sections = {t.section for t in tasks}
    return f" thuộc mục {next(iter(sections))}" if len(sections) == 1 and None not in sections else ""


def presence_answer(query: Query, groups: list[tuple[Plan, list[Task]]], catalog: PlanCatalog) -> Answer:
    """Per plan of ``groups`` (the rows :meth:`TaskAnswerer.select` gave), the
    rows that fill the field of ``query.presence`` and those that leave it
    blank, said as a yes/no: "Không: …", "Có: …", or "Có N nhiệm vụ ghi …;
    N để trống: …". Never abstains (the rows were found); cites every row."""
    name = query.presence[0]
    label = FIELD_LABELS[name]
    blocks, citations = [], []
    several = len(groups) > 1 or not query.plan_named
    for plan, tasks in groups:
        head = f"{plan_label(catalog, plan.doc)}: " if several else ""
        where = _section_of(tasks)

        def key(t: Task, one_section: bool = bool(where)) -> str:
            # rows of the one section named go by their bare number ("1, 2, 3" of mục VII)
            return (t.number or "?") if one_section else display_key(plan, t)

        filled = [t for t in tasks if _values(plan, t, name)]
        blank = [t for t in tasks if t not in filled]
        rows = "các nhiệm vụ" if len(tasks) > 1 else "nhiệm vụ"
        if not filled:
            lines = [f"{head}Không: {rows} {', '.join(map(key, blank))}{where} đều để trống ô {label} "
                     f"(phụ lục không ghi {label.lower()})."]
        elif not blank:
            said = f"cả {len(filled)} nhiệm vụ" if len(filled) > LISTED_ROWS else f"{rows} {', '.join(map(key, filled))}"
            lines = [f"{head}Có: {said}{where} đều ghi {label.lower()}."]
        else:
            lines = [f"{head}Có {len(filled)} nhiệm vụ{where} ghi {label.lower()} "
                     f"({', '.join(map(key, filled))}); {len(blank)} nhiệm vụ để trống ô này "
                     f"({', '.join(map(key, blank))})."]
        listed = len(tasks) <= LISTED_ROWS
        for t in tasks:
            vals = _values(plan, t, name)
            if listed:
                cell = "; ".join(vals) if vals else "(không ghi)"
                lines.append(f"- {key(t)}. {shorten(t.content or t.objective, 160)} "
                             f"({label.lower()}: {cell})")
            citations.append(task_citation(plan, t))
        blocks.append("\n".join(lines))
    return Answer("\n".join(blocks), False, citations, query.intent, list(citations), query)
