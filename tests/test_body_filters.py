"""Body facts, product / deadline-form filters and explained abstentions on the
five seed plans, in phrasings written for these tests (none from eval/), each
asked with and without diacritics.

Expected values were read from the seed texts in ``corpus/``: Việt Khê's
section "IV. KINH PHÍ" ends "… được Phòng Kinh tế, Phòng Văn hoá - xã hội
thẩm định theo quy định"; Lộc Hòa's "IV. KINH PHÍ THỰC HIỆN" starts "Từ
nguồn ngân sách nhà nước"; Nam An Phụ's "2. Một số chỉ tiêu chủ yếu" has
items a, b, c, d, đ, e, f (7); Trường Xuân rows 21 and 22 have product
"Báo cáo", row 29 "Kế hoạch"; Việt Khê row 26 has product "Quyết định của
UBND xã", row 1 "Kế hoạch của UBND xã"; Việt Khê row 13 is due "Quý III năm
2025", row 1 "Trong tháng 7/2025", row 18 "Thường xuyên"; Nam An Phụ row 1
is due "Trước ngày 15/01/2026", row 2 "Quý I/2026"; Nam An Phụ names no
director of its public-service centre; Phú Thái has no annex.
"""

from __future__ import annotations

import pytest

from retrieval.answer import Answerer
from retrieval.query import parse_query
from tests.test_question_classes import both, listed


@pytest.mark.parametrize("question", both("Kế hoạch Việt Khê dùng nguồn tiền nào để thực hiện?"))
def test_funding_quotes_the_whole_funding_section(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert not answer.abstained
    assert "KINH PHÍ" in answer.text and "thẩm định theo quy định" in answer.text
    assert answer.citations[0].locator == "mục IV"


@pytest.mark.parametrize("question", both("tiền làm kế hoạch của Lộc Hòa lấy từ đâu ra?"))
def test_funding_source_other_wording(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert "Từ nguồn ngân sách nhà nước" in answer.text


@pytest.mark.parametrize("question", both(
    "Lộc Hòa, kinh phí để thực hiện kế hoạch cải cách hành chính nhà nước năm 2025 của xã lấy ở đâu?"))
def test_funding_asked_with_a_long_subject(answerer: Answerer, question: str):
    """Many words between "kinh phí" and "lấy ở đâu" still ask the funding source."""
    answer = answerer.answer(question)
    assert "Từ nguồn ngân sách nhà nước" in answer.text
    assert answer.citations[0].locator == "mục IV"


@pytest.mark.parametrize("question", both("Việt Khê: kinh phí làm kế hoạch do phòng nào thẩm định?"))
def test_funding_process_actor_comes_from_the_funding_section(answerer: Answerer, question: str):
    """"ai / phòng nào thẩm định" asks the funding section's actor, not a row's lead."""
    answer = answerer.answer(question)
    assert not answer.abstained
    assert "Phòng Kinh tế, Phòng Văn hoá - xã hội thẩm định" in answer.text


@pytest.mark.parametrize("question", both("Nam An Phụ phấn đấu thu ngân sách năm 2026 tăng bao nhiêu?"))
def test_revenue_target_is_not_the_funding_section(answerer: Answerer, question: str):
    """"Thu ngân sách" is a target (I.2.d), not where the plan's money comes from."""
    answer = answerer.answer(question)
    assert "10%" in answer.text and "KINH PHÍ" not in answer.text


@pytest.mark.parametrize("question", both("Kinh phí thực hiện kế hoạch Nam An Phụ là bao nhiêu tỷ đồng?"))
def test_funding_amount_not_stated_is_explained(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.abstained
    assert "không nêu số tiền" in answer.text and "nguồn kinh phí cải cách hành chính" in answer.text


@pytest.mark.parametrize("question", both("Nam An Phụ đặt ra mấy mục tiêu cụ thể?")
                         + both("Kế hoạch Nam An Phụ có bao nhiêu chỉ tiêu?"))
def test_target_count_comes_from_the_body(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert not answer.abstained and answer.kind == "count"
    assert "7 chỉ tiêu" in answer.text and "90%" in answer.text


@pytest.mark.parametrize("question", both("Trường Xuân: nhiệm vụ nào có sản phẩm là báo cáo?"))
def test_product_filter(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "filter"
    numbers = listed(answer.text)
    assert {"21", "22"} <= numbers and "29" not in numbers


@pytest.mark.parametrize("question", both("Việt Khê có những việc nào mà sản phẩm là Quyết định của UBND xã?"))
def test_product_filter_with_a_unit_inside_the_product(answerer: Answerer, question: str):
    q = parse_query(question, answerer.catalog)
    assert q.product_text and q.unit is None  # "UBND xã" is part of the product, not a lead
    numbers = listed(answerer.answer(question).text)
    assert "26" in numbers and "1" not in numbers


@pytest.mark.parametrize("question", both("Những nhiệm vụ nào của Việt Khê có thời hạn ghi theo quý?"))
def test_deadline_written_in_quarters(answerer: Answerer, question: str):
    numbers = listed(answerer.answer(question).text)
    assert "13" in numbers and "1" not in numbers and "18" not in numbers


@pytest.mark.parametrize("question", both("Nam An Phụ có việc nào đến hạn trong 30 ngày kể từ ngày 01/01/2026?"))
def test_due_within_days_from_a_day_the_question_gives(answerer: Answerer, question: str):
    q = parse_query(question, answerer.catalog)
    assert q.today == "2026-01-01" and q.due_within_days == 30
    numbers = listed(answerer.answer(question).text)
    assert "1" in numbers and "2" not in numbers  # Quý I/2026 ends 31/03, past 30 days


@pytest.mark.parametrize("question", both("Trung tâm Phục vụ hành chính công Nam An Phụ phải làm những việc gì?"))
def test_unit_duties_body_and_annex_together(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "duties"
    assert "Công khai kịp thời" in answer.text  # body, mục IV.2.d
    assert "Trong phụ lục nhiệm vụ" in answer.text and "17" in listed(answer.text.split("phụ lục")[-1])


@pytest.mark.parametrize("question", both("Giám đốc Trung tâm Phục vụ hành chính công Nam An Phụ tên là gì?"))
def test_person_name_the_plan_does_not_give(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.abstained and "không nêu tên" in answer.text and "Nam An Phụ" in answer.text


@pytest.mark.parametrize("question", both("Kế hoạch Phú Thái có kèm phụ lục nhiệm vụ không?"))
def test_plan_without_annex_is_said(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert "không có phụ lục nhiệm vụ" in answer.text
