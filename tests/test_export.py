"""Task exports (issue 5): XLSX, CSV and ICS of the real seed 001 Word file."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cchc.cli import main
from drafting.export import COLUMNS, ics_escape, ics_fold, write_csv, write_ics, write_xlsx
from ingest.pipeline import parse_file
from tests.paths import DOCX_FIXTURE

ROOT = Path(__file__).resolve().parents[1]
DOCX = DOCX_FIXTURE


@pytest.fixture(scope="module")
def tasks():
    return parse_file(DOCX).tasks


def _unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")  # only CRLF line ends
    return text.replace("\r\n ", "").split("\r\n")


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_xlsx_has_header_filter_widths_and_vietnamese(tasks, tmp_path):
    path = tmp_path / "t.xlsx"
    assert write_xlsx(tasks, str(path)) == len(tasks)
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == [name for name, _ in COLUMNS]
    assert ws.max_row == len(tasks) + 1
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(COLUMNS)).column_letter}{len(tasks) + 1}"
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    header = [c.value for c in ws[1]]
    lead_col = header.index("Cơ quan chủ trì") + 1
    content_col = header.index("Nội dung") + 1
    assert ws.cell(2, lead_col).value == "Phòng Văn hóa – Xã hội"
    assert ws.cell(2, content_col).value == "Ban hành Kế hoạch cải cách hành chính năm 2026"
    widths = {ws.cell(1, i).column_letter: ws.column_dimensions[ws.cell(1, i).column_letter].width
              for i in (1, content_col)}
    assert widths[ws.cell(1, content_col).column_letter] > widths["A"] >= 6


def test_csv_round_trip(tasks):
    buf = io.StringIO(newline="")
    assert write_csv(tasks, buf) == len(tasks)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert len(rows) == len(tasks)
    row = next(r for r in rows if r["TT"] == "35")
    assert "ISO 9001:2015" in row["Nội dung"] and row["Thời gian hoàn thành"] == "Cả năm 2026"
    assert row["Hạn"] == "2026-12-31"


def test_ics_events_for_dated_tasks_only(tasks):
    buf = io.StringIO(newline="")
    events, skipped = write_ics(tasks, buf)
    dated = [t for t in tasks if t.due.end or t.due.start]
    assert events == len(dated) and skipped == len(tasks) - len(dated) > 0
    raw = buf.getvalue()
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))
    lines = _unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == events
    blocks = raw.replace("\r\n ", "").split("BEGIN:VEVENT")[1:]
    first = dict(line.split(":", 1) for line in blocks[0].split("\r\n") if ":" in line)
    # task 1: "Trước ngày 15/01/2026", lead "Phòng Văn hóa – Xã hội" (seed 001 annex)
    assert first["DTSTART;VALUE=DATE"] == "20260115" and first["DTEND;VALUE=DATE"] == "20260116"
    assert _unescape(first["SUMMARY"]) == "[NV 1] Ban hành Kế hoạch cải cách hành chính năm 2026"
    assert "Cơ quan chủ trì: Phòng Văn hóa – Xã hội" in _unescape(first["DESCRIPTION"])
    # the "Thường xuyên" tasks (18–22) are not in the calendar
    assert not any("[NV 18]" in b for b in blocks)


def test_ics_escaping_and_folding():
    assert ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "Cải cách hành chính, " * 10
    folded = ics_fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_cli_export_ics_reports_skipped(tasks, tmp_path, capsys):
    out = tmp_path / "t.ics"
    assert main(["export", "--format", "ics", str(DOCX), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    skipped = sum(1 for t in tasks if not (t.due.end or t.due.start))
    assert f"Bỏ qua {skipped} nhiệm vụ" in printed
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_cli_export_xlsx_and_csv_with_doc_filter(tasks, tmp_path, capsys):
    xlsx = tmp_path / "t.xlsx"
    assert main(["export", "--format", "xlsx", str(DOCX), "-o", str(xlsx)]) == 0
    assert load_workbook(xlsx).active.max_row == len(tasks) + 1
    out = tmp_path / "none.csv"
    assert main(["export", "--format", "csv", str(DOCX), "--doc", "khong_co", "-o", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 1  # header only
    assert main(["export", "--format", "csv", str(tmp_path / "missing")]) == 2


def _sheet_figures(source) -> dict:
    """Everything a user sees in an XLSX file: cells, widths, frozen header, filter, fonts."""
    ws = load_workbook(source).active
    return {
        "title": ws.title,
        "values": [list(r) for r in ws.values],
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "bold": [c.font.bold for c in ws[1]],
        "wrap": [c.alignment.wrap_text for row in ws.iter_rows() for c in row],
    }


def test_app_and_cli_write_the_same_xlsx(tmp_path):
    """The Nhiệm vụ page's download and ``cchc export --format xlsx`` are one file."""
    from ui.exports import to_xlsx_bytes
    from ui.tasks_data import tasks_frame

    plan = parse_file(DOCX)
    frame = tasks_frame({plan.doc: plan})
    out = tmp_path / "cli.xlsx"
    assert main(["export", "--format", "xlsx", str(DOCX), "-o", str(out)]) == 0
    app = _sheet_figures(io.BytesIO(to_xlsx_bytes(frame)))
    cli = _sheet_figures(out)
    assert app == cli
    assert len(cli["values"]) == len(plan.tasks) + 1
    header = cli["values"][0]
    assert header[header.index("Cơ quan chủ trì")] and "Chủ trì" not in header
    recurrences = {row[header.index("Lặp lại")] for row in cli["values"][1:]}
    assert "Thường xuyên" in recurrences and "regular" not in recurrences
