"""A recurrence negated in two words ("không phải làm hàng năm") and a field
asked of listed rows that all leave it blank (issue 10). Phrasings written
for these tests.

From the seed texts in ``corpus/``: Trường Xuân's annex part VII holds rows
26–31; 26–29 are due "Hàng năm", 30 "Năm 2026" and 31 "Năm 2030", and the
Cơ quan phối hợp cells of 26–31 are blank.
"""

from __future__ import annotations

import pytest

from tests.test_turns_reference import talk


def test_not_annual_in_two_words_keeps_the_other_rows(answerer):
    _, subset = talk(answerer, "Trường Xuân phần VII công tác chỉ đạo điều hành gồm nv nào?",
                     "trong số đó việc nào không phải thực hiện hàng năm?")
    assert not subset.abstained
    numbers = [c.locator for c in subset.citations]
    assert numbers == ["nhiệm vụ 30", "nhiệm vụ 31"], numbers


def test_field_blank_in_every_listed_row_is_said_in_words(answerer):
    *_, last = talk(answerer, "Trường Xuân phần VII công tác chỉ đạo điều hành gồm nv nào?",
                    "trong số đó việc nào không phải thực hiện hàng năm?", "2 việc đó đơn vị nào phối hợp?")
    assert last.abstained
    assert "không ghi cơ quan phối hợp" in last.text and "30, 31" in last.text


def test_filter_on_the_blank_cell_itself_still_lists_the_rows(answerer):
    answer = answerer.answer("truong xuan nhung nv nao khong ghi co quan phoi hop?")
    assert not answer.abstained
    assert "nhiệm vụ 31" in [c.locator for c in answer.citations]


def test_a_day_after_toi_without_ngay_is_the_day_asked(answerer):
    """"tới 15/10/2025 còn nv nào trễ hạn": Việt Khê's rows 1 ("Trong tháng
    7/2025") and 13 ("Quý III năm 2025") were due before, rows of Quý IV not."""
    answer = answerer.answer("Viet Khe toi 15/10/2025 con viec nao tre han?")
    numbers = {c.locator for c in answer.citations}
    assert {"nhiệm vụ 1", "nhiệm vụ 13"} <= numbers, numbers
    assert "nhiệm vụ 12" not in numbers  # "Trước ngày 10/12/2025"


def test_sub_row_meeting_the_filter_is_listed_under_its_task(answerer):
    """Việt Khê's row 17 has coordinating units, its sub-row "Thẩm định kết quả
    rà soát" has none: the sub-row is what is listed."""
    answer = answerer.answer("VK nhiệm vụ nào để trống cơ quan phối hợp?")
    line = next(x for x in answer.text.splitlines() if x.startswith("- 17."))
    assert line.endswith("trong đó:")
    assert "Thẩm định kết quả rà soát" in answer.text


def test_due_from_today_to_the_end_of_a_month(answerer):
    """Nam An Phụ's rows 33 ("Tháng 7-9/2026"), 31 ("Tháng 10/2026") and 9
    ("Tháng 10 hàng năm") end between 1/8/2026 and 31/10/2026; row 8 ("Tháng
    11") after."""
    answer = answerer.answer("hôm nay 1/8/2026, Nam An Phụ những nv nào đến hạn từ nay đến hết tháng 10?")
    numbers = {c.locator for c in answer.citations}
    assert {"nhiệm vụ 9", "nhiệm vụ 31", "nhiệm vụ 33"} <= numbers, numbers
    assert "nhiệm vụ 8" not in numbers


@pytest.mark.parametrize("question", ["Lộc Hòa phụ lục phần VII chỉ đạo điều hành gồm bao nhiêu mục?",
                                      "loc hoa phu luc phan chi dao dieu hanh co may muc"])
def test_items_of_a_named_annex_section_are_its_rows(answerer, question):
    """Lộc Hòa's annex part VII holds rows 1–3; the whole annex has 7 parts."""
    answer = answerer.answer(question)
    assert answer.text.startswith("3 nhiệm vụ thuộc mục VII"), answer.text
    assert "chia làm 7 mục" not in answer.text


def test_parts_of_the_whole_annex_are_still_its_sections(answerer):
    assert "chia làm 7 mục" in answerer.answer("Lộc Hòa phụ lục có mấy mục?").text


def test_two_lists_in_one_line_are_each_answered(answerer):
    """Trường Xuân's row 22 is due "Quý I hàng năm", row 21 "Quý II hàng năm"."""
    answer = answerer.answer("Trường Xuân việc nào hạn quý I hàng năm; việc nào hạn quý II hàng năm?")
    first, second = answer.text.split("Về “")[1:3]
    assert "22." in first and "21." not in first
    assert "21." in second and "22." not in second


def test_one_list_with_a_remark_is_not_divided(answerer):
    answer = answerer.answer("Trường Xuân những nv nào do Phòng Kinh tế chủ trì, kể cả số thứ tự?")
    assert "Về “" not in answer.text


def test_window_to_a_month_end_counts_from_the_answers_today(answerer):
    """The day the answer is given (``today``), not the parse-time clock, opens the window."""
    answer = answerer.answer("Nam An Phụ nv nào đến hạn từ nay tới hết tháng 10/2026?", today="2026-08-01")
    numbers = {c.locator for c in answer.citations}
    assert {"nhiệm vụ 9", "nhiệm vụ 31", "nhiệm vụ 33"} <= numbers, numbers
    assert "nhiệm vụ 8" not in numbers
    assert "từ 01/08/2026 đến 31/10/2026" in answer.text
