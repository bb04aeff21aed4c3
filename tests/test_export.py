"""Task exports (issue 5): XLSX, CSV and ICS of the real seed 001 Word file."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from cchc.cli import main
from drafting.export import COLUMNS, export_tasks, plan_years, write_csv, write_xlsx
from ingest.pipeline import parse_file
from tests.paths import DOCX_FIXTURE

ROOT = Path(__file__).resolve().parents[1]
DOCX = DOCX_FIXTURE


@pytest.fixture(scope="module")
def tasks():
    return parse_file(DOCX).tasks


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


@pytest.fixture(scope="module")
def plan():
    return parse_file(DOCX)


def _calendar(plan, years=True):
    buf = io.StringIO(newline="")
    result = export_tasks(plan.tasks, "ics", buf, plan_years([plan]) if years else None)
    raw = buf.getvalue()
    assert "\n" not in raw.replace("\r\n", "")  # only CRLF line ends
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))
    return result, Calendar.from_ical(raw)


def _by_number(cal) -> dict[str, object]:
    return {str(e["SUMMARY"]).split("]")[0][4:]: e for e in cal.walk("VEVENT")}


def test_ics_round_trip_one_off_and_recurring_tasks(plan):
    result, cal = _calendar(plan)
    events = _by_number(cal)
    assert len(cal.walk("VEVENT")) == result.events and result.recurring > 0
    # task 1: "Trước ngày 15/01/2026", lead "Phòng Văn hóa – Xã hội" (seed 001 annex): one day, no RRULE
    first = events["1"]
    assert first["DTSTART"].dt == date(2026, 1, 15) and first["DTEND"].dt == date(2026, 1, 16)
    assert str(first["SUMMARY"]) == "[NV 1] Ban hành Kế hoạch cải cách hành chính năm 2026"
    assert "Cơ quan chủ trì: Phòng Văn hóa – Xã hội" in str(first["DESCRIPTION"])
    assert "RRULE" not in first
    rules = {n: e["RRULE"] for n, e in events.items() if "RRULE" in e}
    assert len(rules) == result.recurring
    by_task = {t.number: t for t in plan.tasks if t.number}
    for number, rule in rules.items():
        due = by_task[number].due
        assert due.recurrence in ("annual", "quarterly", "monthly", "regular")
        freq = {"annual": ["YEARLY"], "quarterly": ["MONTHLY"], "monthly": ["MONTHLY"],
                "regular": ["MONTHLY"]}[due.recurrence]
        assert rule["FREQ"] == freq
        if due.recurrence == "quarterly":
            assert rule["BYMONTH"] == [3, 6, 9, 12]
    # a quarterly report "Trước ngày 05 của tháng cuối quý" repeats on the 5th of each quarter's last month
    quarterly = [n for n in rules if by_task[n].due.recurrence == "quarterly"]
    assert quarterly
    for n in quarterly:
        if "ngày 05" in (by_task[n].deadline or ""):
            assert rules[n]["BYMONTHDAY"] == [5] and events[n]["DTSTART"].dt == date(2026, 3, 5)
    # "Thường xuyên" tasks (18–22) are month-end reminders inside the plan's year
    regular = [n for n in rules if by_task[n].due.recurrence == "regular"]
    assert "18" in regular
    assert rules["18"]["BYMONTHDAY"] == [-1] and rules["18"]["UNTIL"] == [date(2026, 12, 31)]


def test_ics_without_plan_years_skips_undated_cycles(plan):
    dated, _ = _calendar(plan)
    undated, cal = _calendar(plan, years=False)
    assert undated.events < dated.events and undated.skipped > dated.skipped
    assert "18" not in _by_number(cal)
    assert undated.events + undated.skipped == dated.events + dated.skipped == len(plan.tasks)


def test_cli_export_ics_reports_recurring_and_skipped(plan, tmp_path, capsys):
    out = tmp_path / "t.ics"
    assert main(["export", "--format", "ics", str(DOCX), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    result, _cal = _calendar(plan)
    assert f"Đã ghi {result.events} sự kiện" in printed
    assert f"Trong đó {result.recurring} sự kiện lặp lại" in printed
    assert f"Bỏ qua {result.skipped} nhiệm vụ" in printed
    cal = Calendar.from_ical(out.read_text(encoding="utf-8"))
    assert len(cal.walk("VEVENT")) == result.events


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
