"""Filters on deadlines (helper filtd21), on the five seed plans. Phrasings
written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Việt Khê's rows due by 30/9/2025 are 1
(Trong tháng 7/2025) and 13 (Quý III năm 2025); its row 2 is the quarterly CCHC
report ("Trước ngày 20 của tháng cuối quý"), 24 "Hàng quý", 18, 21-23, 25 "Thường
xuyên". Nam An Phụ's rows due by 30/6/2026 are 1, 2, 17, 28 (Tháng 01/2026 đến
tháng 5/2026) and 29; its row 3 is the quarterly report ("Trước ngày 05 của
tháng cuối quý"), 9 "Tháng 10 hàng năm" (annual) beside 31 "Tháng 10/2026";
18-22 "Thường xuyên". Trường Xuân's rows written "Năm 2030" are 24, 25 and 31;
its rows 15 ("Năm 2026 và hàng năm …") and 4, 26-29 ("Hàng năm") recur yearly.
"""

from __future__ import annotations

import re

import pytest

from ingest.model import Due, Task
from retrieval.answering.due_kinds import deadline_of_kind
from retrieval.question.due_exclusion import due_kind
from retrieval.question.parse import parse_query
from tests.test_answer import talk

VK = "004_83dc20140de0736e.txt"


def _listed(text: str) -> set[str]:
    return set(re.findall(r"^\s*- (\d+)\.", text, re.M))


# ------------------------------------------------------------ due by a day the question gives

@pytest.mark.parametrize("question", [
    "Việt Khê: đến hết ngày 30/9/2025 thì những nhiệm vụ nào phải xong?",
    "viet khe den het ngay 30/9/2025 nv nao phai hoan thanh",
    "VK tính đến 30/9/2025 có những việc nào phải hoàn thành rồi",
    "VK tinh toi het 30/09/2025 thi cac nv nao can xong",
    "Việt Khê các nhiệm vụ hạn chót 30/9/2025",
])
def test_due_by_a_day_given(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.due_before == "2025-09-30", question
    a = answerer.answer(question)
    assert not a.abstained, question
    assert _listed(a.text) == {"1", "13"}, question


def test_due_by_another_day_and_plan(answerer):
    a = answerer.answer("Nam An Phụ đến hết ngày 31/3/2026 thì nv nào phải xong, bỏ qua việc thường xuyên")
    assert _listed(a.text) == {"1", "2", "17", "29"}


def test_counting_from_a_day_is_no_bound(answerer):
    """"kể từ 01/10/2025": the day windows count from, not a deadline bound."""
    q = parse_query("VK kể từ ngày 01/10/2025 những nv nào phải hoàn thành", answerer.catalog)
    assert q.due_before is None


def test_overdue_as_of_the_whole_day(answerer):
    q = parse_query("tính đến hết ngày 15/11/2025 VK nv nào đã quá hạn", answerer.catalog)
    assert q.overdue and q.today == "2025-11-16" and q.due_before is None


# ------------------------------------------------------------ recurring and periodic-report rows left out

@pytest.mark.parametrize("question", [
    "Nam An Phụ những nv nào có hạn trước 30/6/2026, bỏ qua mấy việc định kỳ và thường xuyên",
    "NAP nv nao han truoc 30/6/2026 k, tru may vu dinh ky/thuong xuyen",
    "NAP: hạn không muộn hơn 30/6/2026 có những nhiệm vụ nào (không tính báo cáo định kỳ, thường xuyên)",
])
def test_before_a_day_without_recurring_rows(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert not q.regular and q.due_before == "2026-06-30", question
    a = answerer.answer(question)
    assert _listed(a.text) == {"1", "2", "17", "28", "29"}, question


@pytest.mark.parametrize("question", [
    "tính đến 15/11/2025 thì VK những nv nào đã quá hạn (trừ bc hằng quý, thường xuyên)",
    "VK cac nv qua han tinh toi 15/11/2025, khong ke bao cao quy va viec thuong xuyen",
    "đến ngày 15/11/2025 Việt Khê việc nào trễ hạn rồi, ko tính bc định kỳ với thường xuyên",
])
def test_overdue_without_periodic_reports(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.overdue and not q.regular, question
    assert any(k.startswith("report:") for k in q.exclude_deadlines), question
    a = answerer.answer(question)
    assert not a.abstained, question
    assert _listed(a.text) == {"1", "13"}, question
    assert "báo cáo" in a.text.split("\n")[0], question


@pytest.mark.parametrize("question", [
    "NAP nv nào có thời hạn trong quý I/2026 (ko tính bc định kỳ với thường xuyên)",
    "nam an phu nhung nv nao han quy 1/2026, bo bao cao hang quy va thuong xuyen",
    "NAP nv nao ghi thoi hna trong quy I/2026, khong tinh cac vu dinh ky, thuong xuyen",
])
def test_quarter_without_recurring_rows(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.period == "2026-Q1" and not q.regular, question
    assert _listed(answerer.answer(question).text) == {"1", "2", "17", "29"}, question


def test_month_without_the_yearly_row(answerer):
    question = "NAP nv nao han trong thang 10/2026, bo qua may viec dinh ky"
    q = parse_query(question, answerer.catalog)
    assert q.exclude_deadlines == ["periodic"] and q.exclude_topic is None
    assert _listed(answerer.answer(question).text) == {"31"}


def test_unit_list_without_periodic_reports(answerer):
    """The quarterly report row 3 of Nam An Phụ leaves; its other rows stay."""
    a = answerer.answer("NAP: nv nào của Phòng VH-XH chủ trì, ko tính bc định kỳ")
    rows = _listed(a.text)
    assert "3" not in rows and {"1", "2", "4", "31"} <= rows


def test_unit_list_without_yearly_rows(answerer):
    a = answerer.answer("Trường Xuân nv nào do Phòng Văn hóa - Xã hội chủ trì, trừ mấy việc làm định kỳ")
    rows = _listed(a.text)
    assert rows and not rows & {"15", "16", "26", "27", "28", "29"}
    assert "13" in rows  # "Thực hiện thường xuyên và giai đoạn …" is no periodic deadline


@pytest.mark.parametrize("words, kind", [
    ("dinh ky", "periodic"),
    ("dinh ky hang quy", "quarterly"),
    ("moi thang", "monthly"),
    ("hang nam", "annual"),
    ("bao cao dinh ky", "report:periodic"),
    ("bao cao hang quy", "report:quarterly"),
    ("bao cao quy", "report:quarterly"),
    ("bao cao nam", "report:annual"),
    ("quy", "form:quy"),
])
def test_due_kind_words(words, kind):
    assert due_kind(words) == kind


def test_periodic_and_report_kinds_on_rows():
    report = Task(doc="x", number="2", content="Xây dựng báo cáo cải cách hành chính hàng quý",
                  deadline="Trước ngày 20 của tháng cuối quý", due=Due(None, None, "quarterly"))
    tied = Task(doc="x", number="20", content="Tích hợp, đồng bộ thông tin", product="Báo cáo",
                deadline="Kết hợp báo cáo công tác KSTTHC quý, năm", due=Due(None, None, None))
    once = Task(doc="x", number="7", content="Nâng cao chỉ số PCI", product="Báo cáo của Phòng Kinh tế",
                deadline="Cả năm 2025", due=Due("2025-01-01", "2025-12-31", "once"))
    regular = Task(doc="x", number="18", content="Cập nhật TTHC", deadline="Thường xuyên",
                   due=Due(None, None, "regular"))
    assert deadline_of_kind(report, "report:periodic") and deadline_of_kind(report, "report:quarterly")
    assert deadline_of_kind(tied, "report:periodic") and deadline_of_kind(tied, "periodic")
    assert not deadline_of_kind(once, "report:periodic") and not deadline_of_kind(once, "periodic")
    assert not deadline_of_kind(regular, "periodic") and deadline_of_kind(regular, "regular")


# ------------------------------------------------------------ a deadline cell quoted, a subset

@pytest.mark.parametrize("question", [
    "TX có những nv nào hạn chót ghi Năm 2030?",
    "truong xuan nv nao thoi han chot la nam 2030",
    "Trường Xuân việc nào có hạn cuối năm 2030",
])
def test_deadline_cell_year(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.period == "2030", question
    assert _listed(answerer.answer(question).text) == {"24", "25", "31"}, question


@pytest.mark.parametrize("follow", [
    "trong đó cái nào ko phải hạn Quý III,IV",
    "trong do nv nao khong phai han quy III, IV/2025",
])
def test_subset_not_in_two_quarters(answerer, follow):
    first, answer = talk(answerer, "VK những nv nào Phòng Kinh tế chủ trì", follow)
    assert _listed(first.text) == {"7", "34", "35", "36", "37", "41"}
    assert _listed(answer.text) == {"7", "37", "41"}, follow


@pytest.mark.parametrize("typed, key", [
    ("P.Kinh tế", "phong kinh te"),
    ("P. VH-XH", "phong van hoa xa hoi"),
    ("P.KT chủ trì", "phong kinh te chu tri"),
    ("p tu phap", "phong tu phap"),
])
def test_p_dot_is_phong_before_an_office(typed, key):
    from ingest.lexicon import canon
    assert canon(typed) == key


def test_subset_after_units_typed_with_p_dot(answerer):
    first, answer = talk(answerer, "VK nv nao P.Kinh te chu tri", "trong do cai nao ko phai han Quy III,IV")
    assert _listed(first.text) == {"7", "34", "35", "36", "37", "41"}
    assert _listed(answer.text) == {"7", "37", "41"}


def test_het_han_truoc_a_day_is_a_bound(answerer):
    """"hết hạn trước 30/6/2026": the deadline ends before that day; no overdue, no ordering."""
    q = parse_query("NAP nv nào hết hạn trước 30/6/2026", answerer.catalog)
    assert q.due_before == "2026-06-30" and not q.overdue and q.aggregate is None
    q = parse_query("NAP nv nào đã hết hạn", answerer.catalog)
    assert q.overdue


@pytest.mark.parametrize("question, kinds", [
    ("TX nv nao do Phong VH-XH chu tri, bo cac viec lap di lap lai", ["recurring"]),
    ("Trường Xuân nv nào Phòng Văn hóa - Xã hội chủ trì, trừ những việc lặp lại", ["recurring"]),
    ("NAP những việc hạn trong năm 2026 trừ mấy việc lặp lại hằng năm", ["annual"]),
])
def test_repeated_rows_left_out(answerer, question, kinds):
    q = parse_query(question, answerer.catalog)
    assert q.exclude_deadlines == kinds, question
    rows = _listed(answerer.answer(question).text)
    assert rows and "9" not in rows if "NAP" in question else not rows & {"13", "15", "16", "26"}


def test_hoan_thanh_cham_nhat_a_day(answerer):
    a = answerer.answer("NAP nv nào phải hoàn thành chậm nhất ngày 31/3/2026")
    assert _listed(a.text) == {"1", "2", "17", "29"}


@pytest.mark.parametrize("question", [
    "VK phần cải cách thể chế, trừ những nv có cột thời hạn ghi Quý IV/2025 thì còn gì",
    "viet khe muc cai cach the che bo cac viec co o thoi gian ghi quy IV/2025 ra, con nv nao",
])
def test_rows_left_out_by_the_quarter_their_cell_writes(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.negate and q.period == "2025-Q4" and q.period_written, question
    assert _listed(answerer.answer(question).text) == {"10", "11", "12", "13"}, question


def test_reporting_asked_beside_the_periodic_reports_is_no_filter(answerer):
    """"ngoài báo cáo định kỳ còn phải báo cáo gì": the reporting regime, not rows left out."""
    q = parse_query("Theo KH Việt Khê, các phòng báo cáo CCHC theo kỳ nào, ngoài báo cáo định kỳ còn phải "
                    "báo cáo những gì?", answerer.catalog)
    assert q.exclude_deadlines == [] and q.intent != "filter"


@pytest.mark.parametrize("question, bound, rows", [
    ("NAP nhiệm vụ nào có hạn trước quý III/2026", "2026-06-30", {"1", "2", "17", "28", "29"}),
    ("nam an phu nv nao phai xong truoc thang 4/2026", "2026-03-31", {"1", "2", "17", "29"}),
    ("VK những việc nào phải xong trước cuối quý III/2025", "2025-09-30", {"1", "13"}),
    ("NAP nv nào chậm nhất cuối quý II phải xong, trừ thường xuyên", "*-06-30", {"1", "2", "17", "28", "29"}),
])
def test_bound_by_a_period(answerer, question, bound, rows):
    q = parse_query(question, answerer.catalog)
    assert q.due_before == bound and q.period is None, question
    assert _listed(answerer.answer(question).text) == rows, question


@pytest.mark.parametrize("question, span, rows", [
    ("NAP: nv nào có hạn trong 6 tháng đầu năm 2026, trừ thường xuyên", ("2026-Q1", "2026-Q2"),
     {"1", "2", "17", "28", "29"}),
    ("nam an phu nhung viec phai hoan thanh trong sau thang dau nam 2026", ("2026-Q1", "2026-Q2"),
     {"1", "2", "17", "28", "29"}),
])
def test_half_year_as_a_deadline_window(answerer, question, span, rows):
    q = parse_query(question, answerer.catalog)
    assert q.plans == ["001_45f28ce285131ed1.txt"] and (q.period, q.period_until) == span, question
    assert _listed(answerer.answer(question).text) == rows, question


def test_half_year_of_the_plan_still_names_it(answerer):
    q = parse_query("Kế hoạch 6 tháng cuối năm 2025 có bao nhiêu nhiệm vụ?", answerer.catalog)
    assert VK in q.plans and q.period is None  # Phú Thái and Việt Khê are both for that half-year


@pytest.mark.parametrize("question", [
    "VK tới cuối tháng 9/2025 thì nv nào phải xong",
    "viet khe den het quy III/2025 nhung nv nao phai hoan thanh roi",
])
def test_due_by_the_end_of_a_period(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.due_before == "2025-09-30" and q.period is None, question
    assert _listed(answerer.answer(question).text) == {"1", "13"}, question


def test_overdue_as_of_the_end_of_a_quarter(answerer):
    question = "tính đến hết quý III/2025 VK nv nào quá hạn (trừ thường xuyên)"
    q = parse_query(question, answerer.catalog)
    assert q.overdue and q.today == "2025-10-01" and q.due_before is None and q.period is None
    assert _listed(answerer.answer(question).text) == {"1", "13"}


def test_from_now_to_the_end_of_a_month_stays_a_window(answerer):
    q = parse_query("NAP từ nay đến cuối tháng 10/2026 có nv nào đến hạn", answerer.catalog)
    assert q.due_until == "2026-10-31" and q.due_before is None


def test_from_now_to_the_end_of_a_day_is_one_window(answerer):
    q = parse_query("NAP từ nay đến hết ngày 31/10/2026 có nv nào đến hạn", answerer.catalog)
    assert q.due_until == "2026-10-31" and q.due_before is None
