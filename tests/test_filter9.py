"""Filters, look-ups and follow-up turns of the kinds found in dev9, on the
five seed plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's rows 28 ("Thực hiện
Tổng kiểm kê tài sản công …", Phòng Kinh tế xã, "Tháng 01/2026 đến tháng
5/2026") and 29 ("Ban hành quy chế quản lý, sử dụng tài sản công …", Quý
1/2026) are the rows about public assets; rows 8, 9, 31 and 33 fall due
between 01/09/2026 and 30/11/2026; Trường Xuân's rows 8, 9, 11 and 12 give
"Điểm số … Chỉ số" as product; Việt Khê's rows 3, 4, 5 and 15 have a product
"Báo cáo kết quả điều tra, khảo sát"; Lộc Hòa's annex part V "Cải cách tài
chính công" holds two rows led by "Tài chính - Kế toán xã", while its body
part V is "Tổ chức thực hiện".
"""

from __future__ import annotations

import re

import pytest

from retrieval.question.parse import parse_query
from retrieval.question.selection import stopword_term
from tests.test_turns_reference import talk


def rows_listed(text: str) -> list[str]:
    """The row numbers an answer's first line lists ("Nhiệm vụ 8, 9 …")."""
    first = text.splitlines()[0]
    m = re.search(r"Nhiệm vụ ((?:\d+(?:\.\d+)?(?:, )?)+)", first)
    return m.group(1).split(", ") if m else []


# ----------------------------------------------------------- topic terms

@pytest.mark.parametrize("question", [
    "Nam An Phụ có những nhiệm vụ nào liên quan tới tài sản công?",
    "NAP: ke ra cac nv ve tai san cong",
])
def test_topic_of_stopword_syllables_is_a_topic(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert sorted(rows_listed(answer.text)) == ["28", "29"], answer.text


def test_stopword_term_keeps_a_subject_not_a_field():
    assert stopword_term("tai san cong la nhung nhiem vu nao") == ["tai", "san", "cong"]
    assert stopword_term("thoi han") == []  # a field asked, not a subject
    assert stopword_term("san pham") == []
    assert stopword_term("cong") == []  # one syllable is no term


def test_time_span_asked_with_a_lead_in_is_the_deadline(answerer):
    answer = answerer.answer("Ở Nam An Phụ, việc tổng kiểm kê tài sản công do ai chủ trì, "
                             "thực hiện trong khoảng thời gian nào?")
    assert not answer.abstained
    assert "Phòng Kinh tế xã" in answer.text
    assert "Tháng 01/2026 đến tháng 5/2026" in answer.text


# ----------------------------------------------------------- products

def test_product_counted_in_scores(answerer):
    answer = answerer.answer("Trường Xuân: nv nào có sản phẩm thể hiện bằng Điểm số, Chỉ số?")
    assert sorted(rows_listed(answer.text), key=int) == ["8", "9", "11", "12"], answer.text


def test_product_offered_with_a_second_verb(answerer):
    answer = answerer.answer("Việt Khê có những nhiệm vụ nào sản phẩm là hay gồm báo cáo kết quả điều tra, khảo sát?")
    assert sorted(rows_listed(answer.text), key=int) == ["3", "4", "5", "15"], answer.text


# ----------------------------------------------------------- date windows

@pytest.mark.parametrize("question", [
    "Nam An Phụ: những nhiệm vụ có hạn từ 01/09/2026 đến 30/11/2026?",
    "Kể từ ngày 01/09/2026, nv nào của Nam An Phụ tới hạn cho đến hết ngày 30/11/2026?",
    "Nam An Phụ có nv nào đến hạn trong khoảng 01/09/2026 - 30/11/2026?",
])
def test_window_between_two_days(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.today == "2026-09-01" and q.today_given and q.due_within_days == 90, q
    answer = answerer.answer(question)
    assert sorted(rows_listed(answer.text), key=int) == ["8", "9", "31", "33"], answer.text
    assert "Quý IV/2026" not in answer.text  # ends after the window


def test_second_day_before_the_first_is_no_window(answerer):
    q = parse_query("Nam An Phụ: nhiệm vụ từ 30/11/2026 đến 01/09/2026?", answerer.catalog)
    assert q.due_within_days is None


# ----------------------------------------------------------- annex sections

def test_annex_section_contents_are_its_rows(answerer):
    answer = answerer.answer("Trong phụ lục của Lộc Hòa, mục V Cải cách tài chính công có những nội dung gì?")
    assert not answer.abstained
    assert "Tài chính - Kế toán xã" in answer.text
    assert "TỔ CHỨC THỰC HIỆN" not in answer.text  # the body part V, not the annex one


# ----------------------------------------------------------- follow-up turns

def test_plan_switch_with_its_own_day(answerer):
    first, second, third = talk(
        answerer,
        "Đến ngày 01/10/2025, Việt Khê có những nhiệm vụ nào đã quá hạn?",
        "thế còn Nam An Phụ, tính tới ngày 01/04/2026?",
        "trong số đó nhiệm vụ nào Phòng Kinh tế xã chủ trì?",
    )
    assert sorted(rows_listed(first.text), key=int) == ["1", "13"], first.text
    assert sorted(rows_listed(second.text.split(": ", 1)[-1]), key=int) == ["1", "2", "17", "29"], second.text
    assert not third.abstained
    assert rows_listed(third.text) == ["29"], third.text


def test_annex_section_contents_go_on_in_sub_rows(answerer):
    answer = answerer.answer("Phụ lục Lộc Hòa: phần Cải cách tài chính công gồm những nội dung gì?")
    assert "kiến nghị sau thanh tra, kiểm tra, kiểm toán" in answer.text  # row 2's unnumbered sub-row


def test_duties_question_carried_to_the_unit_named_next(answerer):
    first, second, third = talk(answerer, "Lộc Hòa: công chức Tư pháp - hộ tịch phải làm những việc gì?",
                                "thế còn công chức Văn hóa - xã hội?", "còn Trạm Y tế xã?")
    assert "cải cách thể chế" in first.text
    assert "tuyên truyền cải cách hành chính" in second.text, second.text
    assert "dịch vụ y tế công" in third.text, third.text
