"""Downloads of the task browser: the filtered rows as CSV and XLSX bytes.

Both write the columns asked for (the table's columns on screen, then the
download-only :data:`ui.tasks_data.FILE_COLUMNS`), by default
:data:`ui.tasks_data.EXPORT_COLUMNS`, in order with Vietnamese headers. CSV is UTF-8 with a BOM so that Excel shows Vietnamese correctly;
XLSX is written with openpyxl (one sheet "Nhiệm vụ", header row bold and
frozen, wrapped text, column widths set).
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ui.tasks_data import EXPORT_COLUMNS, FILE_COLUMNS

_WIDTHS = {"Nội dung": 60, "Chủ trì": 28, "Phối hợp": 28, "Sản phẩm": 28, "Thời hạn": 22,
           "Kế hoạch": 24, "Mục": 30, "Mục tiêu": 40, "Tệp": 26}


def export_columns(shown: list[str]) -> list[str]:
    """The columns of a download: ``shown`` (the table on screen) then :data:`FILE_COLUMNS`."""
    return list(shown) + [c for c in FILE_COLUMNS if c not in shown]


def _export_frame(frame: pd.DataFrame, columns: list[str] | None) -> pd.DataFrame:
    return frame.reindex(columns=columns or EXPORT_COLUMNS)


def to_csv_bytes(frame: pd.DataFrame, columns: list[str] | None = None) -> bytes:
    """CSV (UTF-8 with BOM, comma-separated, header row) of ``columns`` (default
    :data:`EXPORT_COLUMNS`)."""
    return _export_frame(frame, columns).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, columns: list[str] | None = None) -> bytes:
    """XLSX workbook bytes of ``columns`` (default :data:`EXPORT_COLUMNS`; sheet "Nhiệm vụ")."""
    data = _export_frame(frame, columns)
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append(list(data.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in data.astype(object).itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for col_idx, name in enumerate(data.columns, start=1):
        letter = ws.cell(row=1, column=col_idx).column_letter
        ws.column_dimensions[letter].width = _WIDTHS.get(name, 12)
        for cell in ws[letter][1:]:
            cell.alignment = wrap
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
