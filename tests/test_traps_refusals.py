"""Reasoned refusals on the five seed plans (issue 10, unanswerable traps).
Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân states "Thực hiện số hóa
hồ sơ TTHC, kết quả TTHC theo quy định, đảm bảo tỷ lệ đạt 100%" (mục II.2.b),
Phú Thái and Nam An Phụ state no digitisation rate; Trường Xuân alone writes
the satisfaction target for "đất đai, xây dựng" (95%). Part II of the Lộc
Hòa annex (Cải cách thủ tục hành chính) numbers its rows in groups 1–4
(1.1 … 4.1), part III has rows 1–4, while the body's mục II.5 is "Cải cách
tài chính công". Nam An Phụ's annex has rows 1–35, Việt Khê's 1–42. No plan
writes a telephone number.
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from retrieval.answering.elsewhere import asks_figure_of_one_plan, elsewhere_answer
from retrieval.query import parse_query


def both(question: str) -> list[str]:
    """The question as written and with every diacritic removed."""
    return [question, fold(question)]


@pytest.mark.parametrize("question", both("Phú Thái đặt chỉ tiêu số hóa hồ sơ TTHC là bao nhiêu %?")
                         + both("kh Nam An Phụ tỷ lệ số hóa hồ sơ thủ tục hành chính phải đạt bn?"))
def test_figure_only_another_plan_states_is_refused_naming_it(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and not a.citations
    assert "không nêu chỉ tiêu" in a.text and "Trường Xuân" in a.text and "100%" in a.text
    asked = "Phú Thái" if "phu thai" in fold(question).lower() else "Nam An Phụ"
    assert a.text.startswith(f"Kế hoạch {asked}")


def test_satisfaction_of_one_sector_only_another_plan_writes(answerer):
    a = answerer.answer("Việt Khê: mức độ hài lòng về giải quyết TTHC lĩnh vực đất đai, xây dựng tối thiểu bao nhiêu?")
    assert a.abstained and "Việt Khê" in a.text and "Trường Xuân" in a.text and "95%" in a.text


@pytest.mark.parametrize("question", [
    "Phú Thái đặt chỉ tiêu cắt giảm thời gian giải quyết TTHC bao nhiêu?",
    "Trường Xuân tỷ lệ số hóa hồ sơ TTHC đạt bao nhiêu %?",
    "vk muc do hai long ve giai quyet TTHC chi tieu bao nhieu",
])
def test_a_target_the_plan_states_is_not_refused(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert asks_figure_of_one_plan(q)
    assert elsewhere_answer(q, answerer.targets, answerer.catalog) is None


@pytest.mark.parametrize("question", [
    "Lộc Hòa 2.2 phần cải cách TTHC: tỷ lệ đúng hạn tối thiểu bao nhiêu?",  # a row by its number
    "Việt Khê nhiệm vụ 37 giải ngân tối thiểu bao nhiêu %?",
    "các xã đặt chỉ tiêu số hóa hồ sơ bao nhiêu %?",  # no plan named: the cross-plan answer
])
def test_rows_by_number_and_cross_plan_questions_are_not_this_refusal(answerer, question):
    assert not asks_figure_of_one_plan(parse_query(question, answerer.catalog))


@pytest.mark.parametrize("question", both("Lộc Hòa mục II.5 phần cải cách TTHC là gì?"))
def test_a_number_the_named_part_lacks_is_refused_not_another_parts_section(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "tài chính công" not in a.text
    assert "mục II (Cải cách thủ tục hành chính) của phụ lục chỉ có các nhóm 1–4" in a.text


def test_a_section_number_under_its_own_part_still_answers(answerer):
    a = answerer.answer("Phú Thái mục 7.d gồm những gì?")
    assert not a.abstained and "mục III.7.d" in a.text


@pytest.mark.parametrize(("question", "says"), [
    ("nap nv 36 ai chu tri?", "không có nhiệm vụ 36: phụ lục chỉ có nhiệm vụ 1–35."),
    ("Việt Khê nhiệm vụ 45 thời hạn?", "phụ lục chỉ có nhiệm vụ 1–42."),
    ("Lộc Hòa mục III nhiệm vụ 5 là gì?", "mục III (Cải cách tổ chức bộ máy) của phụ lục chỉ có nhiệm vụ 1–4."),
])
def test_a_missing_row_number_says_what_the_annex_numbers(answerer, question, says):
    a = answerer.answer(question)
    assert a.abstained and says in a.text


@pytest.mark.parametrize("question", both("Nam An Phụ nv 17 số điện thoại đầu mối là gì?"))
def test_a_rows_contact_is_refused(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không nêu số điện thoại" in a.text and "Trung tâm Phục vụ hành chính công" in a.text


@pytest.mark.parametrize("question", both("Số điện thoại của Phòng Văn hóa - Xã hội xã Phú Thái là bao nhiêu?")
                         + ["sdt trung tam phuc vu hanh chinh cong truong xuan?"])
def test_a_units_contact_is_refused_in_words(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không ghi số điện thoại" in a.text
    assert ("Phú Thái" if "phu thai" in fold(question).lower() else "Trường Xuân") in a.text


@pytest.mark.parametrize("question", ["trung tam phuc vu HCC nam an phu co bao nhieu bien che?",
                                      "Trường Xuân có bao nhiêu cán bộ, công chức?",
                                      "TX dự kiến tinh giản bao nhiêu biên chế giai đoạn 2026-2030?"])
def test_a_headcount_no_plan_writes_is_refused_in_words(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không nêu số biên chế" in a.text


def test_a_share_of_staff_is_not_a_headcount(answerer):
    a = answerer.answer("LH bao nhiêu % cán bộ công chức giữ chức vụ lãnh đạo sử dụng chữ ký số?")
    assert not a.abstained and "100%" in a.text
