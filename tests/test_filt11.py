"""Task look-ups and filters over annex rows (helper filt11), on the five seed
plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Việt Khê's Trung tâm hành chính công
leads rows 20 and 21 (row 21 beside other units) and coordinates row 22; its
rows 26, 27, 30, 31 and 32 have the product "Quyết định của UBND xã"; its rows
12, 14 and 16 are about following or checking "tình hình thi hành pháp luật".
Nam An Phụ's section III rows have "Các phòng chuyên môn" as coordinating unit
except row 17; its rows 9, 31 and 33 fall due from mid-June to October 2026,
rows 1, 2, 17 and 29 in Quý I/2026. Trường Xuân's row 21 is due "Quý II hàng
năm"; its row 4 (Kế hoạch kiểm soát TTHC) is led by the Trung tâm Phục vụ
hành chính công. Lộc Hòa's plan names only its district, huyện Lộc Ninh.
"""

from __future__ import annotations

import re

import pytest

from retrieval.question.parse import parse_query


def listed(text: str) -> set[str]:
    """Row numbers listed one per line ("- 22. …") in a filter answer."""
    return set(re.findall(r"^\s*- (\d+(?:\.\d+)?)\.", text, re.MULTILINE))


def test_province_asked_of_a_plan_naming_only_its_district_is_refused_with_what_it_gives(answerer):
    answer = answerer.answer("xã Lộc Hòa nằm ở tỉnh nào vậy?")
    assert answer.abstained
    assert "huyện Lộc Ninh" in answer.text
    district = answerer.answer("Lộc Hòa thuộc huyện nào?")
    assert not district.abstained and "Lộc Ninh" in district.text


def test_unit_given_as_coordinating_lists_the_rows_it_coordinates(answerer):
    answer = answerer.answer("Trung tâm hành chính công bên Việt Khê được phân công phối hợp ở những nhiệm vụ nào?")
    assert not answer.abstained
    assert listed(answer.text) == {"22"}


def test_unit_in_either_role_asked_at_the_question_end(answerer):
    answer = answerer.answer("Việt Khê: trung tâm hành chính công xuất hiện ở nv nào, chủ trì hay phối hợp cũng được")
    assert listed(answer.text) == {"20", "21", "22"}


def test_quoted_product_is_no_deadline(answerer):
    query = parse_query('Việt Khê có những nv nào mà sản phẩm ghi đúng là "Quyết định của UBND xã"?',
                        answerer.catalog)
    assert query.deadline_text is None and query.product_exact
    answer = answerer.answer('Việt Khê có những nv nào mà sản phẩm ghi đúng là "Quyết định của UBND xã"?')
    assert listed(answer.text) == {"26", "27", "30", "31", "32"}


def test_rows_set_for_a_quarter_include_the_recurring_ones(answerer):
    answer = answerer.answer("Trường Xuân có nhiệm vụ nào được ấn định vào Quý II không?")
    assert not answer.abstained
    assert "21" in listed(answer.text)
    assert "Quý II hàng năm" in answer.text


def test_window_up_to_a_day_from_a_supposed_today(answerer):
    answer = answerer.answer("Coi như hôm nay là 20/6/2026, Nam An Phụ có nv nào hạn từ nay tới hết 31/10/2026?")
    assert listed(answer.text) == {"9", "31", "33"}


def test_quarter_or_earlier_is_no_topic(answerer):
    query = parse_query("Nam An Phụ có những nhiệm vụ nào hạn trong Quý I/2026 trở về trước?", answerer.catalog)
    assert query.topic is None and query.period == "2026-Q1"
    answer = answerer.answer("Nam An Phụ có những nhiệm vụ nào hạn trong Quý I/2026 trở về trước?")
    assert {"1", "2", "17", "29"} <= listed(answer.text)


def test_exclusion_on_the_coordinating_cell_leaves_the_lead_alone(answerer):
    question = 'Nam An Phụ mục III, nhiệm vụ nào có đơn vị phối hợp không phải là "Các phòng chuyên môn"?'
    assert parse_query(question, answerer.catalog).exclude_role == "coordinating"
    answer = answerer.answer(question)
    assert listed(answer.text) == {"17"}


@pytest.mark.parametrize(("unit", "verdict", "lead"), [
    ("Phòng Kinh tế", "Không", "Trung tâm Phục vụ hành chính công"),
    ("Trung tâm Phục vụ hành chính công", "Có", "Trung tâm Phục vụ hành chính công"),
])
def test_yes_no_check_of_a_rows_lead(answerer, unit, verdict, lead):
    question = f"Ở Trường Xuân, việc xây dựng kế hoạch kiểm soát TTHC có phải do {unit} chủ trì không?"
    answer = answerer.answer(question)
    assert not answer.abstained
    assert answer.text.startswith(verdict), answer.text
    assert lead in answer.text
    assert any(c.locator == "nhiệm vụ 4" for c in answer.citations)


def test_topic_listing_kinds_with_one_head_matches_any_kind(answerer):
    question = "Việt Khê có những nv nào về theo dõi, kiểm tra tình hình thi hành pháp luật?"
    query = parse_query(question, answerer.catalog)
    assert len(query.topics) == 2
    assert listed(answerer.answer(question).text) == {"12", "14", "16"}


def test_topic_without_kinds_is_read_as_before(answerer):
    query = parse_query("Nam An Phụ có những nhiệm vụ nào về chuyển đổi số?", answerer.catalog)
    assert query.topics == []
