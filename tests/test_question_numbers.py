"""Task numbers spelled out in words ("nhiệm vụ hai mươi mốt", "nv mười
hai"), as staff type them on a phone. Phrasings written for these tests.

From the seed texts in ``corpus/``: Trường Xuân's row 21 is led by "Phòng
Kinh tế", due "Quý II hàng năm"; Việt Khê's row 12 is due "Trước ngày
10/12/2025" with product "Báo cáo theo dõi tình hình thi hành pháp luật".
"""

from __future__ import annotations

import pytest

from retrieval.question.numbers import spelled_task_numbers


@pytest.mark.parametrize(("text", "expected"), [
    ("nhiệm vụ hai mươi mốt", "nhiệm vụ 21"),
    ("nv mười hai ai lo", "nv 12 ai lo"),
    ("nhiem vu ba muoi lam", "nhiem vu 35"),
    ("nhiệm vụ số bảy", "nhiệm vụ số 7"),
    ("nv mười, mười một và mười hai", "nv 10, 11 và 12"),
    ("nhiệm vụ năm do ai chủ trì", "nhiệm vụ 5 do ai chủ trì"),
])
def test_number_words_after_a_task_word_become_digits(text, expected):
    assert spelled_task_numbers(text) == expected


@pytest.mark.parametrize("text", [
    "các nhiệm vụ sau đây",          # "sau" = following, not six
    "nhiệm vụ năm 2026",             # a year
    "nhiệm vụ năm nay",
    "bộ phận một cửa liên thông",    # no task word
    "nhiem vu tam dung",             # "tạm", typed without marks
])
def test_other_number_words_are_left_alone(text):
    assert spelled_task_numbers(text) == text


def test_spelled_number_reaches_the_row(answerer):
    answer = answerer.answer("Trường Xuân nhiệm vụ hai mươi mốt bao giờ xong, phòng nào làm?")
    assert not answer.abstained
    assert "Quý II hàng năm" in answer.text and "Phòng Kinh tế" in answer.text
    assert [c.locator for c in answer.citations][:1] == ["nhiệm vụ 21"]


def test_product_asked_as_what_is_handed_in(answerer):
    answer = answerer.answer("viet khe nv muoi hai nop cai gi?")
    assert "Báo cáo theo dõi tình hình thi hành pháp luật" in answer.text
    assert [c.locator for c in answer.citations][:1] == ["nhiệm vụ 12"]


def test_capital_ai_is_the_acronym_not_who(answerer):
    """Nam An Phụ's row 31 is the training in "trí tuệ AI", due "Tháng 10/2026"."""
    answer = answerer.answer("cái vụ tập huấn AI cho cán bộ bên Nam An Phụ hạn tháng mấy, nộp cái gì?")
    assert not answer.abstained
    assert "Tháng 10/2026" in answer.text and "Giấy mời/Danh sách" in answer.text
    assert "nhiệm vụ 31" in [c.locator for c in answer.citations]
    assert answer.query is not None and "lead" not in answer.query.fields


def test_lower_case_ai_still_asks_who(answerer):
    from retrieval.question.parse import parse_query
    assert "lead" in parse_query("nv 31 của Nam An Phụ ai chủ trì?", answerer.catalog).fields
    assert "lead" in parse_query("NV 31 CỦA NAM AN PHỤ AI CHỦ TRÌ?", answerer.catalog).fields
