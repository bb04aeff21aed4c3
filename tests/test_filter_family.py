"""Filters and aggregates on the five seed plans, in phrasings written for
these tests (none from eval/), each asked with and without diacritics.

Expected values were read from the seed texts in ``corpus/``: Việt Khê row 1
is due "Trong tháng 7/2025", row 13 "Quý III năm 2025", row 12 "Trước ngày
10/12/2025", rows 14-16 "Quý IV/2025"; rows 26, 27, 30, 31, 32 have product
"Quyết định của UBND xã". Nam An Phụ's Phòng Kinh tế xã leads rows 28
(kiểm kê tài sản công, "Tháng 01/2026 đến tháng 5/2026"), 29 ("Quý 1/2026")
and 30 ("Cả năm 2026"); row 24 is a group row whose two "- …" sub-rows are
led by Phòng Văn hóa – Xã hội xã, which leads 16 rows in all; rows 8
("Tháng 11"), 9 ("Tháng 10 hàng năm") and 31 ("Tháng 10/2026") fall in
October–November; rows 3 and 32 have the product "Báo cáo" alone. Trường
Xuân's Phòng Kinh tế leads rows 21 ("Quý II hàng năm"), 22 ("Quý I hàng
năm") and 23 ("Thường xuyên").
"""

from __future__ import annotations

import pytest

from retrieval.answer import Answerer, Turn
from retrieval.query import parse_query
from tests.test_question_classes import both, listed
from tracking.answer import status_question


@pytest.mark.parametrize("question", both("Đến hết ngày 30/9/2025, Việt Khê còn những việc nào trễ hạn?"))
def test_overdue_counts_from_the_day_the_question_gives(answerer: Answerer, question: str):
    answer = answerer.answer(question)  # the answerer's own today is 2026-07-01
    assert listed(answer.text) == {"1", "13"}  # Quý III ends on 30/9: due by the end of that day
    assert "10/12/2025" not in answer.text


@pytest.mark.parametrize("question", both("Việt Khê: nhiệm vụ nào đã đến hạn tính đến ngày 15/12/2025?"))
def test_due_by_a_day_wording(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"1", "12", "13"}


@pytest.mark.parametrize("question", both("Hôm nay 20/12/2025, ở Việt Khê việc nào hạn đã qua rồi?")
                         + both("Ngày 20/12/2025 thì Việt Khê những việc nào đã hết hạn?"))
def test_a_day_written_without_tinh_den(answerer: Answerer, question: str):
    # "hôm nay D", "ngày D thì … hết hạn": the day given, not the answerer's today (2026-07-01)
    assert listed(answerer.answer(question).text) == {"1", "12", "13"}


def test_a_deadline_day_is_not_the_day_asked_of(answerer: Answerer):
    query = parse_query("Việt Khê việc có hạn trước ngày 10/12/2025 đã quá hạn chưa", answerer.catalog)
    assert query.today != "2025-12-10"


def test_a_given_day_goes_to_the_plan_not_to_todays_statuses(answerer: Answerer):
    catalog = answerer.catalog
    dated = parse_query("tính đến ngày 30/9/2025 Việt Khê có nhiệm vụ nào trễ hạn", catalog)
    assert dated.today_given and dated.today == "2025-10-01"
    assert status_question(dated, catalog) is None
    # a status asked with the day stays a progress question
    assert status_question(parse_query("tính đến ngày 30/9/2025 Việt Khê nhiệm vụ nào chưa hoàn thành",
                                       catalog), catalog) is not None
    # "không làm cả năm" names a deadline, not the cancelled status
    assert status_question(parse_query("Nam An Phụ nhiệm vụ nào không làm cả năm 2026", catalog),
                           catalog) is None


@pytest.mark.parametrize("question", both("Ở Nam An Phụ đơn vị nào được giao chủ trì nhiều việc nhất?"))
def test_top_lead_counts_a_group_rows_sub_row_leads(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "aggregate"
    assert "Phòng Văn hóa – Xã hội" in answer.text and ": 16 trên" in answer.text and " 24," in answer.text


@pytest.mark.parametrize("question", both("Nam An Phụ: việc nào có sản phẩm đúng là 'Báo cáo' thôi?"))
def test_product_written_exactly(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"3", "32"}


@pytest.mark.parametrize("question", both("Việt Khê có những nhiệm vụ nào ra sản phẩm Quyết định của UBND xã"))
def test_product_without_a_verb_lists_every_row(answerer: Answerer, question: str):
    assert {"26", "27", "30", "31", "32"} <= listed(answerer.answer(question).text)


@pytest.mark.parametrize("question", both("Nam An Phụ, Phòng Kinh tế chủ trì những việc nào, bỏ việc kiểm kê tài sản"))
def test_rows_excluded_by_content(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"29", "30"}


@pytest.mark.parametrize("question", both("liệt kê các nhiệm vụ Phòng Kinh tế Nam An Phụ chủ trì, không tính nhiệm vụ 30"))
def test_rows_excluded_by_number(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "filter" and listed(answer.text) == {"28", "29"}


@pytest.mark.parametrize("question", both("Nam An Phụ các nhiệm vụ Phòng Kinh tế chủ trì ngoại trừ những việc làm cả năm"))
def test_excluded_deadline_negates_the_period(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"28", "29"}


@pytest.mark.parametrize("question", both("Nam An Phụ những nhiệm vụ nào có thời hạn trong tháng 10 hay tháng 11"))
def test_a_span_of_months(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"8", "9", "31"}


@pytest.mark.parametrize("question", both("Việt Khê: mục nào chỉ thực hiện trong quý IV/2025?"))
def test_only_in_a_quarter_wants_the_whole_quarter(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"14", "15", "16"}


@pytest.mark.parametrize("second", both("trong số đó mục nào hạn quý II?"))
def test_within_previous_keeps_the_new_deadline(answerer: Answerer, second: str):
    first = "Trường Xuân: Phòng Kinh tế chủ trì những nhiệm vụ nào?"
    previous = answerer.answer(first)
    assert {"21", "22", "23"} <= listed(previous.text)
    answer = answerer.answer(second, history=[Turn(first, previous)])
    assert listed(answer.text) == {"21"}
