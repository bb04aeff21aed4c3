"""Downloads of the task browser: the filtered rows as CSV and XLSX bytes.

The app writes the same files as ``cchc export`` (:mod:`drafting.export`):
the tasks behind the rows of a :func:`ui.tasks_data.tasks_frame` (its
``_task`` column), in the rows' order.
"""

from __future__ import annotations

import pandas as pd

from drafting.export import csv_text, xlsx_bytes
from ingest.model import Task


def frame_tasks(frame: pd.DataFrame) -> list[Task]:
    """The :class:`ingest.model.Task` of each row of ``frame``, in order."""
    return list(frame["_task"])


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV bytes (UTF-8 with BOM) of the rows' tasks, as ``cchc export --format csv`` writes."""
    return csv_text(frame_tasks(frame)).encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """XLSX workbook bytes of the rows' tasks, as ``cchc export --format xlsx`` writes."""
    return xlsx_bytes(frame_tasks(frame))
