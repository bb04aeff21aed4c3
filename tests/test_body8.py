"""Body answers: a unit's duties (several units, everyday words, the annex
asked too), body lists named loosely, counts a sentence states, the units
the implementation part gives duties to, and staff wording no plan writes.
Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Lộc Hòa's part V gives duties to
six units (V.1 "Công chức Văn phòng-thống kê xã" … V.5 "Trạm Y tế xã", V.6
"Các trường trên địa bàn xã"), and its I.1 says CCHC is carried out "trên 6
nội dung: cải cách thể chế; …"; Nam An Phụ's IV.2.e gives the "Trung tâm
Dịch vụ Sự nghiệp công xã" two duties and its annex rows 8 and 9 are led by
that centre; Phú Thái's IV.2.d gives "Trung tâm Phục vụ hành chính công
xã" the one-stop shop, and its III.7.d "Phát triển các ứng dụng, dịch vụ"
has four items; Trường Xuân's II.1.b puts Cần Thơ in "nhóm 15 tỉnh, thành
phố dẫn đầu" on PCI, PAR INDEX, PAPI, SIPAS, PGI.
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon, paraphrase
from ingest.units import unit_name_key
from retrieval.question.cues import DUTY_UNITS_CUE


def test_two_units_named_in_one_question_are_each_answered(answerer):
    answer = answerer.answer("Lộc Hòa giao cho trạm y tế và các trường những việc gì?")
    assert not answer.abstained
    assert "dịch vụ y tế công" in answer.text and "dịch vụ giáo dục công" in answer.text
    assert {c.locator for c in answer.citations} >= {"mục V.5", "mục V.6"}


def test_one_unit_named_keeps_only_that_unit(answerer):
    answer = answerer.answer("Lộc Hòa trạm y tế được giao những gì?")
    assert "dịch vụ y tế công" in answer.text
    assert "giáo dục công" not in answer.text


def test_a_unit_named_without_its_qualifier():
    assert unit_name_key("Các trường trên địa bàn xã") == "cac truong"
    assert unit_name_key("Phòng Kinh tế xã") == "phong kinh te"


@pytest.mark.parametrize("asked", ["phụ trách mảng gì?", "lo lĩnh vực nào vậy?"])
def test_a_duty_asked_as_a_field_of_work(answerer, asked):
    answer = answerer.answer(f"Phú Thái Trung tâm Phục vụ HCC {asked}")
    assert not answer.abstained, asked
    assert "một cửa liên thông" in answer.text, asked
    assert answer.citations[0].locator == "mục IV.2.d", asked


def test_duties_asked_with_the_annex_give_body_then_rows(answerer):
    answer = answerer.answer("Nam An Phụ: trung tâm dịch vụ sự nghiệp công phải làm gì, kể cả phụ lục?")
    assert "chuyên mục, chuyên trang" in answer.text
    assert "phát thanh viên" in answer.text and "chuyên đề phát thanh" in answer.text
    assert answer.text.index("chuyên mục") < answer.text.index("phát thanh viên")


def test_a_body_list_named_by_its_heading_without_fillers(answerer):
    answer = answerer.answer("Phú Thái phần phát triển ứng dụng, dịch vụ bao gồm những gì?")
    assert not answer.abstained
    for item in ("Quản lý văn bản và hồ sơ công việc", "liên thông 02 cấp",
                 "chữ ký số trên nền tảng di động", "y tế thông minh"):
        assert item in answer.text, item
    assert answer.citations[0].locator == "mục III.7.d"


def test_a_count_stated_in_a_sentence_with_its_items(answerer):
    answer = answerer.answer("Lộc Hòa triển khai cải cách hành chính trên bao nhiêu nội dung?")
    assert not answer.abstained
    assert "6 nội dung" in answer.text
    for item in ("cải cách thể chế", "cải cách chế độ công vụ", "cải cách tài chính công"):
        assert item in answer.text, item
    assert answer.citations[0].locator == "mục I.1"


def test_the_units_given_duties_are_counted(answerer):
    answer = answerer.answer("kế hoạch Lộc Hòa giao nhiệm vụ cho bao nhiêu đơn vị?")
    assert not answer.abstained
    assert "6 đơn vị" in answer.text
    assert "Trạm Y tế xã" in answer.text and "Các trường trên địa bàn xã" in answer.text


def test_staff_wording_is_replaced_only_when_no_plan_writes_it():
    unknown = {"top"}.__contains__
    assert paraphrase("thuoc top 15", unknown) == "thuoc nhom dan dau 15"
    assert paraphrase("tram y te xa", unknown) == "tram y te xa"
    assert paraphrase("tram y te xa") == "y te cong xa"


def test_a_ranking_asked_in_staff_words_finds_the_target(answerer):
    answer = answerer.answer("Trường Xuân phấn đấu tới năm 2030 Cần Thơ vào top 15 ở các chỉ số nào?")
    assert not answer.abstained
    for index in ("PCI", "PAR INDEX", "PAPI", "SIPAS", "PGI"):
        assert index in answer.text, index


@pytest.mark.parametrize("asked", ["có bao nhiêu đơn vị được giao nhiệm vụ chủ trì?",
                                   "những cơ quan nào được phân công trong phụ lục?"])
def test_annex_units_are_not_the_units_given_duties(asked):
    assert not DUTY_UNITS_CUE.search(canon(asked)), asked
