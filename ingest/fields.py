"""The one table of a task's fields: name, Vietnamese label, short label, value.

Every place that shows or writes a task field reads its words from here:
index passages (``retrieval.chunks``), answers and citations
(``retrieval.answering.rows``, ``ui.citations``), exports (``drafting.export``),
the Word draft and its change log (``drafting.docx_writer``,
``drafting.shift``), the plan diff (``drafting.diff``), the command line and
the UI tables (``ui.tasks_data``, ``ui.compare_page``).

* :data:`FIELDS` – ``{name: TaskField}`` in the annex's column order: the
  plan (``doc``), ``section``, ``subsection``, ``number`` (TT), ``part_of``,
  ``objective`` (Mục tiêu), ``content`` (Nội dung), ``lead`` (Cơ quan chủ
  trì / Chủ trì), ``coordinating`` (Cơ quan phối hợp / Phối hợp),
  ``deadline`` (Thời gian hoàn thành / Thời hạn), the normalised ``start``,
  ``end`` and ``recurrence`` of ``Task.due``, ``product`` (Sản phẩm),
  ``page`` (Trang);
* :func:`label` / :func:`short_label` – the words of one field;
* :data:`RECURRENCE_LABELS` – ``Due.recurrence`` value → Vietnamese label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ingest.model import Task

__all__ = [
    "EXPORT_FIELDS",
    "FIELDS",
    "RECURRENCE_LABELS",
    "ROW_FIELDS",
    "TaskField",
    "label",
    "labels",
    "recurrence_label",
    "short_label",
    "task_number_text",
    "task_section_text",
]

RECURRENCE_LABELS: dict[str | None, str] = {
    "once": "Một lần",
    "regular": "Thường xuyên",
    "annual": "Hàng năm",
    "quarterly": "Hàng quý",
    "monthly": "Hàng tháng",
    None: "Không rõ",
}
"""``Due.recurrence`` value → Vietnamese label shown in filters, tables and exports."""


def recurrence_label(value: str | None) -> str | None:
    """The Vietnamese label of a ``Due.recurrence`` value; ``None`` for ``None``."""
    return RECURRENCE_LABELS.get(value, value) if value else None


@dataclass(frozen=True)
class TaskField:
    """One task field.

    ``name`` is the :class:`ingest.model.Task` attribute (``start``, ``end``,
    ``recurrence`` read ``Task.due``); ``label`` the full Vietnamese heading
    used in plans ("Cơ quan chủ trì"); ``short`` the heading of narrow tables
    ("Chủ trì"); ``get(task)`` the value as exported (``str``, ``int`` or
    ``None``).
    """

    name: str
    label: str
    short: str
    get: Callable[[Task], Any]

    def value(self, task: Task) -> Any:
        """The field's value in ``task`` (``None`` when empty)."""
        return self.get(task)


def _attr(name: str) -> Callable[[Task], Any]:
    return lambda task: getattr(task, name)


def _due(name: str) -> Callable[[Task], Any]:
    return lambda task: getattr(task.due, name) if task.due else None


_TABLE: tuple[TaskField, ...] = (
    TaskField("doc", "Kế hoạch", "Kế hoạch", _attr("doc")),
    TaskField("section", "Mục", "Mục", _attr("section")),
    TaskField("subsection", "Mục con", "Mục con", _attr("subsection")),
    TaskField("number", "TT", "Số", _attr("number")),
    TaskField("part_of", "Thuộc nhiệm vụ", "Thuộc", _attr("part_of")),
    TaskField("objective", "Mục tiêu", "Mục tiêu", _attr("objective")),
    TaskField("content", "Nội dung", "Nội dung", _attr("content")),
    TaskField("lead", "Cơ quan chủ trì", "Chủ trì", _attr("lead")),
    TaskField("coordinating", "Cơ quan phối hợp", "Phối hợp", _attr("coordinating")),
    TaskField("deadline", "Thời gian hoàn thành", "Thời hạn", _attr("deadline")),
    TaskField("start", "Bắt đầu", "Bắt đầu", _due("start")),
    TaskField("end", "Hạn", "Hạn", _due("end")),
    TaskField("recurrence", "Lặp lại", "Lặp lại",
              lambda task: recurrence_label(task.due.recurrence) if task.due else None),
    TaskField("product", "Sản phẩm", "Sản phẩm", _attr("product")),
    TaskField("page", "Trang", "Trang", _attr("page")),
)

FIELDS: dict[str, TaskField] = {f.name: f for f in _TABLE}
"""Every task field by name, in the export's column order."""

EXPORT_FIELDS: tuple[str, ...] = tuple(FIELDS)
"""The fields of an XLSX/CSV export, in column order (all of them)."""

ROW_FIELDS: tuple[str, ...] = ("objective", "lead", "coordinating", "deadline", "product")
"""The fields of a task row after its content, in the source's order: how a row is
quoted in answers and written into index passages."""


def label(name: str) -> str:
    """The full Vietnamese label of field ``name`` ("lead" → "Cơ quan chủ trì"); KeyError if unknown."""
    return FIELDS[name].label


def short_label(name: str) -> str:
    """The short label of field ``name`` ("lead" → "Chủ trì"); KeyError if unknown."""
    return FIELDS[name].short


def labels(names: tuple[str, ...] | list[str], short: bool = False) -> list[str]:
    """The (short) labels of ``names``, in order."""
    return [short_label(n) if short else label(n) for n in names]


def task_number_text(task: Task) -> str:
    """The row's number as shown in tables: "22", or "22 (dòng con)" for a sub-row of task 22, else ""."""
    if task.number:
        return task.number
    return f"{task.part_of} (dòng con)" if task.part_of else ""


def task_section_text(task: Task) -> str:
    """The row's annex section and subsection joined with " › " ("" when neither is known)."""
    return " › ".join(p for p in (task.section, task.subsection) if p)
