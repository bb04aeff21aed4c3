"""Task look-ups on the seed plans, in phrasings written for these tests
(none is taken from the eval sets): row numbers qualified by their section
(Lộc Hòa numbers restart per section), a row found by its content and asked
by its number, and follow-ups after a look-up or an unanswered turn.

Expected values were read from the seed texts in ``corpus/``: Lộc Hòa
section VI row 2.3 ("Công Dịch vụ công của tỉnh, kho lưu trữ …", product
"Hệ thống QLVB") is not section II row 2.3 ("Giám sát, đánh giá …"); Lộc Hòa
section VI has no row 3 but rows 3.1 and 3.2; section I row 2 is led by "Tư
pháp – hộ tịch"; Nam An Phụ row 28 is the "Tổng kiểm kê tài sản công" (Phòng
Kinh tế xã, "Tháng 01/2026 đến tháng 5/2026"); row 8 (the broadcasting
contest) has "Các phòng, cơ quan liên quan thuộc UBND xã" as coordinating.
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from retrieval.answer import Turn
from tests.test_answer import SEED_DOCS
from tests.test_question_classes import listed

PT, NAP, TX, LH, VK = SEED_DOCS


@pytest.mark.parametrize("question", ["Lộc Hòa phần VI.2.3 sản phẩm là gì?", "loc hoa VI.2.3 san pham la gi"])
def test_a_row_number_qualified_by_its_section(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained
    assert [c.locator for c in answer.citations][:1] == ["nhiệm vụ 2.3"]
    assert "Hệ thống QLVB" in answer.text
    assert "Giám sát" not in answer.text  # section II's row 2.3


def test_a_section_group_with_no_row_of_that_number_lists_the_group(answerer):
    answer = answerer.answer(fold("Lộc Hòa mục VI.3 đơn vị nào chủ trì?"))
    assert not answer.abstained
    assert listed(answer.text) == {"3.1", "3.2"}


def test_follow_up_with_another_section_qualified_number(answerer):
    first = answerer.answer("LH mục I.1 cơ quan nào chủ trì?")
    second = answerer.answer("còn I.2?", history=[Turn("q", first)])
    assert not second.abstained
    assert "Tư pháp – hộ tịch" in second.text
    assert all(c.doc == LH for c in second.citations)


@pytest.mark.parametrize("question", ["tổng kiểm kê tài sản công ở Nam An Phụ thuộc nhiệm vụ nào?",
                                      "nam an phu kiem ke tai san cong la nv thu may"])
def test_a_row_found_by_its_content_asked_by_its_number(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained
    assert answer.text.startswith("Nhiệm vụ 28:")
    assert "Phòng Kinh tế xã" in answer.text  # the whole row is given


def test_padding_is_not_content_and_a_field_follow_up_asks_the_same_row(answerer):
    first = answerer.answer("cho mình hỏi cái việc tổng kiểm kê tài sản công của NAP thì ai lo?")
    assert first.text.startswith("Nhiệm vụ 28:")
    second = answerer.answer("thế hạn chót là khi nào?", history=[Turn("q", first)])
    assert not second.abstained
    assert "Tháng 01/2026 đến tháng 5/2026" in second.text


def test_an_unanswered_turn_keeps_the_row_in_focus(answerer):
    first = answerer.answer("NAP nv 8 hạn khi nào?")
    second = answerer.answer("họ tên người trực tiếp phụ trách là gì?", history=[Turn("q", first)])
    third = answerer.answer("còn phối hợp?", history=[Turn("q", first), Turn("q", second)])
    assert not third.abstained
    assert "Các phòng, cơ quan liên quan thuộc UBND xã" in third.text
