"""Task rows of the plan model as answer material.

Shared by the structured answers (:mod:`retrieval.answering.tasks`) and the
extractive ones (:mod:`retrieval.answering.text`): how a task row is quoted
(:func:`task_quote`), cited (:func:`task_citation`) and shown
(:func:`render_task`); its sub-rows and parent (:func:`sub_rows`,
:func:`parent_task`); whether its words state a figure (:func:`has_figure`,
:func:`figure_text`); and how a plan is named in an answer
(:func:`plan_label`, :func:`plan_title`, :func:`plans_in_scope`).
"""

from __future__ import annotations

import re

from ingest.fields import ROW_FIELDS, label
from ingest.model import Plan, Task
from retrieval.answering.model import Citation
from retrieval.query import FIELDS, PlanCatalog, Query
from retrieval.question.model import section_numeral, split_row_key

FIELD_LABELS = {name: label(name) for name in ("content", *ROW_FIELDS)}
"""Field name → Vietnamese label of the fields an answer names (:mod:`ingest.fields`)."""


def shorten(text: str | None, limit: int) -> str:
    """``text`` stripped, cut at a word boundary to at most ``limit``
    characters with a trailing "…" when longer; ``None`` → ``""``."""
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def plan_title(plan: Plan) -> str | None:
    """The plan's title: the header's (``metadata.title``), else the document's."""
    return plan.metadata.title or plan.title


def plan_label(catalog: PlanCatalog, doc: str) -> str:
    """How answers name plan ``doc``: its catalog label ("Nam An Phụ (năm
    2026)"), else the file name."""
    entry = catalog.by_doc.get(doc)
    return entry.label if entry else doc


def plans_in_scope(plans: dict[str, Plan], query: Query) -> list[Plan]:
    """The plans ``query`` is about: the named ones (in the order named),
    else every loaded plan in file-name order. Named docs not loaded are
    skipped."""
    docs = query.plans if query.plan_named else sorted(plans)
    return [plans[d] for d in docs if d in plans]


def task_quote(task: Task) -> str:
    """The row as source words: "22. <content> | Cơ quan chủ trì: … | …"."""
    parts = [f"{task.number}. {task.content or ''}".strip() if task.number else (task.content or "")]
    for name in ROW_FIELDS:
        value = getattr(task, name)
        if value:
            parts.append(f"{FIELD_LABELS[name]}: {value}")
    return " | ".join(p for p in parts if p)


def task_citation(plan: Plan, task: Task) -> Citation:
    """Citation of one task row: the plan's doc and title, the row's label
    ("nhiệm vụ 22"), page, :func:`task_quote`, annex section and whether
    the page was OCR'd."""
    return Citation(plan.doc, plan_title(plan), task.label, task.page, task_quote(task), task.section,
                    ocr=plan.is_ocr_page(task.page))


def row_key(plan: Plan, task: Task) -> str:
    """The number that names ``task``'s row across turns (``Query.result_keys``):
    its number (a sub-row's parent's), or, where the plan numbers rows afresh
    in each section and another section has the same number (Lộc Hòa: "3" in
    parts I and III), the section's numeral first: "iii.3"
    (:func:`retrieval.question.model.split_row_key` reads it back)."""
    number = task.number or task.part_of or ""
    numeral = section_numeral(task.section)
    if numeral and any((t.number == number) and t.section != task.section for t in plan.tasks):
        return f"{numeral}.{number}"
    return number


def display_key(plan: Plan, task: Task) -> str:
    """How a list names numbered row ``task``: its number, with its section's
    numeral where the plan numbers rows afresh in each section and another
    section has the same number (:func:`row_key` "iv.3" → "3 (mục IV)"); the
    bare number stays first, as the row is read aloud."""
    numeral, number = split_row_key(row_key(plan, task))
    return f"{number} (mục {numeral.upper()})" if numeral else (number or "?")


def find_row(plan: Plan, key: str) -> Task | None:
    """The numbered row :func:`row_key` named ``key`` ("22", "iii.3"), else ``None``."""
    numeral, number = split_row_key(key)
    return next((t for t in plan.tasks if t.number == number
                 and (numeral is None or section_numeral(t.section) == numeral)), None)


def sub_rows(plan: Plan, task: Task) -> list[Task]:
    """The unnumbered rows that belong to numbered ``task`` (same section)."""
    return [t for t in plan.tasks if t.number is None and t.part_of == task.number
            and t.section == task.section]


def parent_task(plan: Plan, row: Task) -> Task | None:
    """The numbered task a sub-row belongs to (itself when numbered)."""
    if row.number:
        return row
    return next((t for t in plan.tasks if t.number == row.part_of and t.section == row.section), None)


_YEARISH = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b(?:19|20)\d{2}\b|\b\d+\s*/\s*[A-ZĐa-zđ][\w/-]*"
    r"|\b\d+/\d{4}/[\w-]+|\bISO\s*\d+(?::\d+)?|\bTCVN\b[\s\w:]*"
)


def has_figure(text: str) -> bool:
    """True when ``text`` states a figure: a number that is not a year, a
    date, a document number ("76/NQ-CP") or a standard's name."""
    return bool(re.search(r"\d", _YEARISH.sub(" ", text or "")))


def figure_text(task: Task, rows: list[Task] | tuple[Task, ...] = ()) -> str:
    """The cells of a task row that can state a figure (not its number or
    deadline): its content, objective and product, then those of ``rows``
    (its sub-rows, when given: a target cut by a page break goes on in the
    sub-row's objective, "… kết quả giải quyết các cấp" / "TTHC đạt từ 70%
    trở lên"), space-joined."""
    cells = [task.content, *(r.content for r in rows), task.objective, *(r.objective for r in rows),
             task.product, *(r.product for r in rows)]
    return " ".join(x or "" for x in cells)


def empty_cell(plan: Plan, field: str) -> str:
    """How an empty ``field`` cell is said: "(không ghi)", or "(phụ lục
    không có cột này)" when no row of ``plan`` fills that column."""
    if any(getattr(t, field, None) for t in plan.tasks):
        return "(không ghi)"
    return "(phụ lục không có cột này)"


def render_task(plan: Plan, task: Task, fields: list[str], label: str | None = None) -> str:
    """A task (with its sub-rows) as answer text: header with content,
    then the ``fields`` asked plus the lead and deadline (all fields when
    none is asked), exactly as written; an objective asked is the header's
    "Mục tiêu" line, or said empty when the row has none (left out when the
    annex has no such column). A sub-row's own target cell (often the rest
    of its task's target, cut by a page: "TTHC đạt từ 70% trở lên; …") leads
    its "•" line. ``label`` (the plan's
    :func:`plan_label`) prefixes the header when given."""
    if fields:  # the fields asked first, then the lead and deadline for context
        fields = list(fields) + [f for f in ("lead", "deadline") if f not in fields]
    else:
        fields = list(FIELDS)
    if "objective" in fields and not any(t.objective for t in plan.tasks):
        fields.remove("objective")  # no Mục tiêu column: the content states the target
    head = f"{label} – " if label else ""
    dup = sum(1 for t in plan.tasks if t.number == task.number) > 1
    section = f" [{task.section}]" if dup and task.section else ""
    lines = [f"{head}{task.label[0].upper()}{task.label[1:]}{section}: "
             f"{shorten(task.content, 300)}".rstrip()]
    if task.objective:
        lines.append(f"  {FIELD_LABELS['objective']}: {task.objective}")
    rows = [task] + sub_rows(plan, task)
    for row in rows:
        values = [f"{FIELD_LABELS[f]}: {getattr(row, f) or empty_cell(plan, f)}"
                  for f in fields if f != "content" and not (f == "objective" and row is task and task.objective)]
        if row is task:
            if len(rows) > 1 and not any(getattr(task, f) for f in fields if f != "content"):
                continue
            if values:
                lines.append("  " + "; ".join(values) + ".")
        else:
            if row.objective and "objective" not in fields and row.objective != task.objective:
                values.insert(0, f"{FIELD_LABELS['objective']}: {row.objective.rstrip('.')}")
            lines.append(f"  • {shorten(row.content, 200)} — " + "; ".join(values) + ".")
    return "\n".join(lines)
