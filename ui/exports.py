"""Downloads of the task browser: the rows as CSV and XLSX bytes.

Without ``shown`` the app writes the same files as ``cchc export``
(:mod:`drafting.export`): the tasks behind the rows of a
:func:`ui.tasks_data.tasks_frame` (its ``_task`` column), in the rows'
order. With ``shown`` (the columns on screen, as the page passes them) a
download keeps those columns first, in the same order and with the same
headers (a view's own columns such as "Hạn kế tiếp" included), then the
export's remaining fields (:data:`drafting.export.COLUMNS`, full labels);
cell values come from :mod:`ingest.fields` like the export's, and the plan
shown by name is followed by its file name ("Tệp").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pandas as pd

from drafting.export import COLUMNS, csv_text, write_xlsx, xlsx_bytes
from ingest.fields import EXPORT_FIELDS, FIELDS
from ingest.model import Task
from ui.tasks_data import DISPLAY_FIELDS, FILE_COLUMN

Column = tuple[str, Callable[[Any], Any]]


def frame_tasks(frame: pd.DataFrame) -> list[Task]:
    """The :class:`ingest.model.Task` of each row of ``frame``, in order."""
    return list(frame["_task"])


def _of_task(get: Callable[[Task], Any]) -> Callable[[Any], Any]:
    """A row's value by ``get`` of its task (``row[0]``)."""
    return lambda row: get(row[0])


def _of_view(header: str) -> Callable[[Any], Any]:
    """A row's value of the view column ``header`` (``row[1]``)."""
    return lambda row: row[1].get(header)


def export_columns(shown: list[str]) -> list[Column]:
    """``(header, value of a row)`` of a download: ``shown`` then the export's other fields.

    A row is ``(task, {column: value})`` (the frame's own cells, for view
    columns that are no task field)."""
    fields = {DISPLAY_FIELDS[c] for c in shown if c in DISPLAY_FIELDS}
    out: list[Column] = []
    for header in shown:
        name = DISPLAY_FIELDS.get(header)
        if name is not None and name != "doc":
            out.append((header, _of_task(FIELDS[name].get)))
        else:  # the plan's name as shown, or a view column ("Hạn kế tiếp", "Còn (ngày)")
            out.append((header, _of_view(header)))
    for (header, get), name in zip(COLUMNS, EXPORT_FIELDS):
        if name not in fields:
            out.append((header, _of_task(get)))
    if "doc" in fields:  # the plan shown by name: its file too
        out.append((FILE_COLUMN, lambda row: row[0].doc))
    return out


def _rows(frame: pd.DataFrame, shown: list[str]) -> list[tuple[Task, dict]]:
    cells = frame.reindex(columns=shown).astype(object).where(frame.reindex(columns=shown).notna(),
                                                              None)
    return list(zip(frame["_task"], cells.to_dict("records")))


def to_csv_bytes(frame: pd.DataFrame, shown: list[str] | None = None) -> bytes:
    """CSV bytes (UTF-8 with BOM) of the rows: ``cchc export --format csv``'s file, or
    with ``shown`` the columns on screen first (see the module docstring)."""
    if shown is None:
        return csv_text(frame_tasks(frame)).encode("utf-8-sig")
    columns = export_columns(shown)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([h for h, _ in columns])
    for row in _rows(frame, shown):
        writer.writerow(["" if (v := get(row)) is None else v for _, get in columns])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, shown: list[str] | None = None) -> bytes:
    """XLSX workbook bytes of the rows: ``cchc export --format xlsx``'s file, or with
    ``shown`` the columns on screen first (see the module docstring)."""
    if shown is None:
        return xlsx_bytes(frame_tasks(frame))
    buf = io.BytesIO()
    write_xlsx(_rows(frame, shown), buf, columns=export_columns(shown))  # type: ignore[arg-type]
    return buf.getvalue()
