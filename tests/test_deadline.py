"""Deadline normaliser (ingest.deadline): cell text → Due, and Due ∩ period.

Expected values are read off the cell text by hand (first day of the named
period → start, last day → end). Cases marked with a seed id are the seed's
own "Thời gian" cells, copied with their line breaks; the test first checks
that the text really occurs in that seed.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.deadline import due_overlaps, parse_due
from ingest.model import Due

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _seed(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# (seed, cell text as written in the seed, plan year, expected)
SEED_CASES = [
    # 001 — plan year 2026, tab-separated annex
    ("001", "Trước ngày 15/01/2026", 2026, Due(None, "2026-01-15", "once")),
    ("001", "Quý I/2026", 2026, Due("2026-01-01", "2026-03-31", "once")),
    ("001", "Quý 1/2026", 2026, Due("2026-01-01", "2026-03-31", "once")),
    ("001", "Quý I năm 2026", 2026, Due("2026-01-01", "2026-03-31", "once")),
    ("001", "Quý IV/2026", 2026, Due("2026-10-01", "2026-12-31", "once")),
    ("001", "Tháng 10/2026", 2026, Due("2026-10-01", "2026-10-31", "once")),
    ("001", "Tháng 7-9/2026", 2026, Due("2026-07-01", "2026-09-30", "once")),
    ("001", "Tháng 01/2026 đến tháng 5/2026", 2026, Due("2026-01-01", "2026-05-31", "once")),
    ("001", "Tháng 11", 2026, Due("2026-11-01", "2026-11-30", "once")),
    ("001", "Tháng 10 hàng năm", 2026, Due("2026-10-01", "2026-10-31", "annual")),
    ("001", "Cả năm 2026", 2026, Due("2026-01-01", "2026-12-31", "once")),
    ("001", "Cả năm 2026/theo thời gian đánh giá của Bộ Y tế", 2026,
     Due("2026-01-01", "2026-12-31", "once")),
    ("001", "Thường xuyên", 2026, Due(None, None, "regular")),
    ("001", "Trước ngày 05 của tháng cuối quý", 2026, Due(None, None, "quarterly")),
    ("001", "Khi thành phố tổ chức", 2026, Due()),
    ("001", "Ngay sau khi thành phố ban hành Kế hoạch", 2026, Due()),
    # the cited plan's date (24/11/2025) is not a deadline
    ("001", "Theo hướng dẫn của Trung ương và Kế hoạch số 310/KH-UBND ngày 24/11/2025 "
            "của UBND thành phố", 2026, Due()),
    # 002 — plan year 2026
    ("002", "2026 - 2030", 2026, Due("2026-01-01", "2030-12-31", "once")),
    ("002", "Giai đoạn 2026 - 2030", 2026, Due("2026-01-01", "2030-12-31", "once")),
    ("002", "Năm 2030", 2026, Due("2030-01-01", "2030-12-31", "once")),
    ("002", "Năm 2026", 2026, Due("2026-01-01", "2026-12-31", "once")),
    ("002", "Hàng năm", 2026, Due(None, None, "annual")),
    ("002", "Hàng năm và chuyên đề theo chỉ đạo của Ủy ban nhân dân xã", 2026,
     Due(None, None, "annual")),
    ("002", "Quý I hàng năm", 2026, Due("2026-01-01", "2026-03-31", "annual")),
    ("002", "Quý II hàng năm", 2026, Due("2026-04-01", "2026-06-30", "annual")),
    ("002", "Thường xuyên, khi nhận được thông báo kiểm tra văn bản của cơ quan có thẩm quyền",
     2026, Due(None, None, "regular")),
    ("002", "Thực hiện thường xuyên và giai đoạn 2026 - 2030", 2026,
     Due("2026-01-01", "2030-12-31", "regular")),
    ("002", "Trong năm 2026 và giai đoạn 2026 - 2030", 2026,
     Due("2026-01-01", "2030-12-31", "once")),
    # union (hull) of the plan's issue quarter and its execution period
    ("002", "Ban hành kế hoạch: Quý I/2026. Thực hiện: Trong năm 2026 và giai đoạn 2026 - 2030",
     2026, Due("2026-01-01", "2030-12-31", "once")),
    # the year, plus an annual repeat whose condition ("khi điều chỉnh …") is dropped
    ("002", "Năm 2026 và hàng năm khi điều chỉnh quyết định vị trí việc làm (nếu có)", 2026,
     Due("2026-01-01", "2026-12-31", "annual")),
    # 003 — plan year 2025
    ("003", "Quý I/2025", 2025, Due("2025-01-01", "2025-03-31", "once")),
    ("003", "Năm 2025", 2025, Due("2025-01-01", "2025-12-31", "once")),
    ("003", "Theo hướng dẫn của tỉnh", 2025, Due()),
    ("003", "Theo thời hạn đã đăng ký", 2025, Due()),
    ("003", "Các bộ phận có liên quan", 2025, Due()),  # a shifted column: no deadline
    # 004 — PDF-flattened table (6 tháng cuối năm 2025), cells broken over lines
    ("004", "Trong tháng \n\n7/2025", 2025, Due("2025-07-01", "2025-07-31", "once")),
    ("004", "Trước ngày 20 \n\ncủa tháng cuối \n\nquý", 2025, Due(None, None, "quarterly")),
    ("004", "Quý III, \n\nIV/2025", 2025, Due("2025-07-01", "2025-12-31", "once")),
    ("004", "Quý \n\nIII,IV/2025", 2025, Due("2025-07-01", "2025-12-31", "once")),
    ("004", "Quý \n\nIII,IV/2025)", 2025, Due("2025-07-01", "2025-12-31", "once")),
    ("004", "Quý III-\n\nIV/2025", 2025, Due("2025-07-01", "2025-12-31", "once")),
    ("004", "Quý III năm \n\n2025", 2025, Due("2025-07-01", "2025-09-30", "once")),
    ("004", "Quý IV/2025", 2025, Due("2025-10-01", "2025-12-31", "once")),
    ("004", "Trước ngày \n\n10/12/2025", 2025, Due(None, "2025-12-10", "once")),
    ("004", "Cả năm 2025", 2025, Due("2025-01-01", "2025-12-31", "once")),
    ("004", "Hàng quý", 2025, Due(None, None, "quarterly")),
    # "hàng năm" inside a conditional describes the Ministry's schedule: dropped
    ("004", "Theo thời gian \n\nđánh giá hàng \n\nnăm của Bộ Y \n\ntế", 2025, Due()),
    ("004", "Theo lộ trình \n\nnăm 2025", 2025, Due()),
]


@pytest.mark.parametrize(("seed", "text", "plan_year", "expected"), SEED_CASES,
                         ids=[f"{c[0]}:{c[1][:40]}" for c in SEED_CASES])
def test_seed_cells(seed, text, plan_year, expected):
    assert text in _seed(seed), "case text must be copied from the seed"
    assert parse_due(text, plan_year) == expected


# (text, plan year, expected): wording the seeds do not show
TEXT_CASES = [
    (None, 2026, Due()),
    ("", 2026, Due()),
    ("   \n ", 2026, Due()),
    ("Quý III/2025", None, Due("2025-07-01", "2025-09-30", "once")),
    ("Quý III, IV/2025", None, Due("2025-07-01", "2025-12-31", "once")),
    ("Quý III-IV/2025", None, Due("2025-07-01", "2025-12-31", "once")),
    ("Quý III – IV/2025", None, Due("2025-07-01", "2025-12-31", "once")),  # en dash
    ("Quý II và III/2026", None, Due("2026-04-01", "2026-09-30", "once")),
    ("Quý 4/2026", None, Due("2026-10-01", "2026-12-31", "once")),
    ("Quí II/2026", None, Due("2026-04-01", "2026-06-30", "once")),
    ("Qúy II/2026", None, Due("2026-04-01", "2026-06-30", "once")),  # old tone placement
    ("Quý I/2026 - Quý II/2026", None, Due("2026-01-01", "2026-06-30", "once")),
    ("Quý IV", 2026, Due("2026-10-01", "2026-12-31", "once")),
    ("Quý IV", None, Due(None, None, "once")),
    ("Tháng 11", None, Due(None, None, "once")),
    ("Tháng 2 năm 2028", None, Due("2028-02-01", "2028-02-29", "once")),  # leap year
    ("Tháng 3, 4 và 5/2026", None, Due("2026-03-01", "2026-05-31", "once")),
    ("Từ tháng 3 đến tháng 6", 2026, Due("2026-03-01", "2026-06-30", "once")),
    ("Từ tháng 11 đến tháng 2/2027", None, Due("2026-11-01", "2027-02-28", "once")),
    ("Từ tháng 3/2026", None, Due("2026-03-01", None, "once")),
    ("Từ ngày 01/3/2026 đến ngày 30/6/2026", None, Due("2026-03-01", "2026-06-30", "once")),
    ("06/2026", None, Due("2026-06-01", "2026-06-30", "once")),
    ("Trong năm 2026", None, Due("2026-01-01", "2026-12-31", "once")),
    ("Cả năm", 2026, Due("2026-01-01", "2026-12-31", "once")),
    ("2026-2030", None, Due("2026-01-01", "2030-12-31", "once")),
    ("Giai đoạn 2026–2030", None, Due("2026-01-01", "2030-12-31", "once")),
    ("2027", None, Due("2027-01-01", "2027-12-31", "once")),
    ("6 tháng đầu năm 2026", None, Due("2026-01-01", "2026-06-30", "once")),
    ("6 tháng cuối năm", 2025, Due("2025-07-01", "2025-12-31", "once")),
    ("ngày 15 tháng 01 năm 2026", None, Due("2026-01-15", "2026-01-15", "once")),
    ("Trước ngày 15 tháng 01 năm 2026", None, Due(None, "2026-01-15", "once")),
    ("Trước 30.6.2026", None, Due(None, "2026-06-30", "once")),
    ("Trước ngày 15/01", 2026, Due(None, "2026-01-15", "once")),
    ("Trước tháng 6/2026", None, Due(None, "2026-05-31", "once")),
    ("Chậm nhất ngày 30 tháng 6 năm 2026", None, Due(None, "2026-06-30", "once")),
    ("Đến hết năm 2026", None, Due(None, "2026-12-31", "once")),
    ("Trước ngày 31/02/2026", None, Due()),  # not a date
    ("Hằng năm", 2026, Due(None, None, "annual")),
    ("Quý II hàng năm", None, Due(None, None, "annual")),
    ("Trước ngày 25 hằng tháng", 2026, Due(None, None, "monthly")),
    ("Báo cáo hàng tháng", None, Due(None, None, "monthly")),
    ("Định kỳ hằng quý", None, Due(None, None, "quarterly")),
    ("Thường  xuyên\n", None, Due(None, None, "regular")),
    ("THƯỜNG XUYÊN", None, Due(None, None, "regular")),
    ("Sau khi có hướng dẫn của Sở Nội vụ", 2026, Due()),
    ("Khi có kế hoạch của tỉnh năm 2026", 2026, Due()),
    ("Quý I/2026 (nếu có thay đổi theo Quyết định số 12/2025/QĐ-UBND ngày 10/3/2025)", None,
     Due("2026-01-01", "2026-03-31", "once")),
    # citations are not deadlines, but a plan's period after "Kế hoạch" is
    ("Thực hiện Quyết định 12/2025", None, Due()),
    ("Thực hiện Kế hoạch 2026-2030", None, Due("2026-01-01", "2030-12-31", "once")),
    ("ngày 15 tháng 1", 2026, Due("2026-01-15", "2026-01-15", "once")),
    ("Trước ngày 05-12", 2026, Due(None, "2026-12-05", "once")),
    ("1-2 lần/năm", 2026, Due()),  # a frequency, not a date
]

# Deadline phrases of issuers other than the seeds' communes (provinces,
# ministries, Party bodies): dates fixed relative to each year/month/quarter
# are cycles; a year range and a "Thời gian trình" cell are read as periods.
OTHER_ISSUER_CASES = [
    ("chậm nhất 31/12 năm trước liền kề", 2026, Due(None, "2025-12-31", "annual")),
    ("Chậm nhất ngày 15/12 của năm trước", 2027, Due(None, "2026-12-15", "annual")),
    ("Trước ngày 31/01 năm liền kề", 2026, Due(None, "2027-01-31", "annual")),
    ("Trước ngày 05 của tháng liền kề", 2026, Due(None, None, "monthly")),
    ("Trước ngày 25 của tháng tiếp theo", None, Due(None, None, "monthly")),
    ("Trước ngày 10 của quý tiếp theo", 2026, Due(None, None, "quarterly")),
    ("2024-2026", None, Due("2024-01-01", "2026-12-31", "once")),
    ("Năm 2024 - 2026", None, Due("2024-01-01", "2026-12-31", "once")),
    ("Tháng 6/2026 (trình Chính phủ)", None, Due("2026-06-01", "2026-06-30", "once")),
    ("Quý III, IV/2026, 2027", None, Due("2026-07-01", "2027-12-31", "once")),
    ("Theo kế hoạch tiếp theo của Bộ", 2026, Due()),  # still a condition, not a cycle
]


@pytest.mark.parametrize(("text", "plan_year", "expected"), OTHER_ISSUER_CASES,
                         ids=[repr(c[0])[:40] for c in OTHER_ISSUER_CASES])
def test_other_issuer_phrases(text, plan_year, expected):
    assert parse_due(text, plan_year) == expected


def test_submission_time_column_is_the_deadline(tmp_path):
    """A ministry annex whose only time column is "Thời gian trình"."""
    from ingest.pipeline import parse_file

    path = tmp_path / "bo_ke_hoach.txt"
    path.write_text(
        "PHỤ LỤC\n| TT | Nhiệm vụ, đề án | Cơ quan chủ trì | Thời gian trình | Cấp trình |\n"
        "| --- | --- | --- | --- | --- |\n| 1 | Đề án tổng kết | Vụ Pháp chế | Quý II/2026 | Thủ tướng |\n",
        encoding="utf-8",
    )
    (task,) = parse_file(path).tasks
    assert task.deadline == "Quý II/2026"
    assert (task.due.start, task.due.end) == ("2026-04-01", "2026-06-30")
    assert task.extra == {"Cấp trình": "Thủ tướng"}


@pytest.mark.parametrize(("text", "plan_year", "expected"), TEXT_CASES,
                         ids=[repr(c[0])[:40] for c in TEXT_CASES])
def test_text_cases(text, plan_year, expected):
    assert parse_due(text, plan_year) == expected


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_unicode_forms_agree(form):
    text = unicodedata.normalize(form, "Quý III năm 2025; Hằng năm")
    assert parse_due(text) == Due("2025-07-01", "2025-09-30", "annual")


def _time_cells(seed: str) -> list[str]:
    """The "Thời gian …" column of a tab-separated seed annex."""
    cells, column = [], None
    for line in _seed(seed).splitlines():
        parts = line.split("\t")
        heads = [i for i, p in enumerate(parts) if p.strip().startswith("Thời gian")]
        if heads:
            column = heads[0]
        elif column is not None and len(parts) > column:
            cells.append(parts[column])
    return cells


@pytest.mark.parametrize("seed", ["001", "002"])
def test_every_seed_cell_gives_a_coherent_due(seed):
    cells = [c for c in _time_cells(seed) if c.strip()]
    assert len(cells) > 20
    for cell in cells:
        due = parse_due(cell, 2026)
        assert due.recurrence in {None, "once", "regular", "annual", "quarterly", "monthly"}
        if due.start and due.end:
            assert due.start <= due.end, cell
        if "hường xuyên" in cell:
            assert due.recurrence == "regular", cell


# (due, period, expected)
OVERLAP_CASES = [
    (Due("2026-01-01", "2026-03-31", "once"), "2026-Q1", True),
    (Due("2026-01-01", "2026-03-31", "once"), "2026-Q2", False),
    (Due("2026-01-01", "2026-03-31", "once"), "2026-03", True),
    (Due("2026-01-01", "2026-03-31", "once"), "2026-04", False),
    (Due("2026-01-01", "2026-03-31", "once"), "2026", True),
    (Due("2026-01-01", "2026-03-31", "once"), "2025", False),
    (Due("2026-01-01", "2030-12-31", "once"), "2028-Q3", True),
    (Due("2026-01-01", "2030-12-31", "once"), "2031", False),
    (Due("2025-07-01", "2025-12-31", "once"), "2025-q3", True),
    # a pure deadline counts on its day only
    (Due(None, "2026-01-15", "once"), "2026-01", True),
    (Due(None, "2026-01-15", "once"), "2025-12", False),
    (Due(None, "2026-01-15", "once"), "2026-Q1", True),
    # open end
    (Due("2026-03-01", None, "once"), "2027", True),
    (Due("2026-03-01", None, "once"), "2026-02", False),
    # annual with the plan year's dates repeats every year
    (Due("2026-04-01", "2026-06-30", "annual"), "2026-Q2", True),
    (Due("2026-04-01", "2026-06-30", "annual"), "2027-Q2", True),
    (Due("2026-04-01", "2026-06-30", "annual"), "2025-05", True),
    (Due("2026-04-01", "2026-06-30", "annual"), "2027-Q3", False),
    (Due("2026-10-01", "2026-10-31", "annual"), "2030-10", True),
    (Due("2026-10-01", "2026-10-31", "annual"), "2030-09", False),
    (Due("2026-11-01", "2027-02-28", "annual"), "2030-01", True),  # wraps the new year
    (Due("2026-01-01", "2026-12-31", "annual"), "2031-07", True),
    # no dates: a cycle matches periods at least as long as itself
    (Due(None, None, "regular"), "2026", False),
    (Due(None, None, "regular"), "2026-Q1", False),
    (Due(None, None, "annual"), "2026", True),
    (Due(None, None, "annual"), "2026-Q1", False),
    (Due(None, None, "quarterly"), "2026-Q3", True),
    (Due(None, None, "quarterly"), "2026", True),
    (Due(None, None, "quarterly"), "2026-03", False),
    (Due(None, None, "monthly"), "2026-03", True),
    (Due(None, None, "once"), "2026", False),
    (Due(), "2026", False),
    # regular with dates uses its dates
    (Due("2026-01-01", "2030-12-31", "regular"), "2029-05", True),
]


@pytest.mark.parametrize(("due", "period", "expected"), OVERLAP_CASES,
                         ids=[f"{c[0].start}..{c[0].end}/{c[0].recurrence}@{c[1]}"
                              for c in OVERLAP_CASES])
def test_due_overlaps(due, period, expected):
    assert due_overlaps(due, period) is expected


def test_none_due_matches_nothing_but_period_is_checked():
    assert due_overlaps(None, "2026-Q1") is False
    with pytest.raises(ValueError):
        due_overlaps(None, "2026-Q9")


def test_parsed_cells_filter_by_period():
    """End to end: seed wording → Due → --due filter."""
    assert due_overlaps(parse_due("Quý II hàng năm", 2026), "2028-Q2")
    assert not due_overlaps(parse_due("Quý II hàng năm", 2026), "2028-Q1")
    assert due_overlaps(parse_due("Tháng 7-9/2026", 2026), "2026-08")
    assert not due_overlaps(parse_due("Thường xuyên", 2026), "2026")


@pytest.mark.parametrize("period", ["", "26", "2026-Q5", "2026-Q0", "2026-13", "2026-00",
                                    "Q1-2026", "2026/03", "2026-03-01", "năm 2026"])
def test_bad_period_raises(period):
    with pytest.raises(ValueError, match="YYYY-Qn"):
        due_overlaps(Due("2026-01-01", "2026-12-31", "once"), period)
