"""Task look-ups by section number, annex sections by name, filters by a
coordinating unit's kind or by two kinds of deadline, and header facts as
written — on the five seed plans. Phrasings written for these tests, not
taken from a set.

Read from the seed texts in ``corpus/``: Lộc Hòa numbers its annex rows
afresh per section (section VI "Xây dựng và phát triển Chính quyền điện
tử, Chính quyền số" has rows 1.1, 2.1 … 3.2; row 2.2 "Kết nối, tích hợp,
chia sẻ thông tin …" is led by "Văn phòng UBND xã"), its row 3.4 of part II
states its target "70%" only in the sub-row cut by the page, its annex has
seven parts, and its place-date line reads "ngày 22 tháng 01 năm 2025";
Việt Khê's rows 4 and 5 (not 31) have "các đơn vị sự nghiệp công lập" among
their coordinating units, row 12 is due "Trước ngày 10/12/2025", rows 14–16
"Quý IV/2025", row 1 "Trong tháng 7/2025", and row 15 "Điều tra, khảo sát
tình hình thi hành pháp luật trong lĩnh vực trọng tâm, liên ngành" has the
product "Báo cáo kết quả điều tra, khảo sát"; its part VII "Xây dựng Chính
quyền điện tử, Chính quyền số" holds rows 38 to 42; Phú Thái has no annex.
"""

from __future__ import annotations

import re

import pytest

from ingest.pipeline import parse_file
from retrieval.question.parse import parse_query
from tests.paths import CORPUS

LH = "003_c802cf9912aef313.txt"
VK = "004_83dc20140de0736e.txt"


def numbers(answer) -> list[str]:
    """The task numbers an answer cites, in order."""
    return [c.locator.removeprefix("nhiệm vụ ") for c in answer.citations if c.locator.startswith("nhiệm vụ")]


# ------------------------------------------------------------ section-qualified numbers

@pytest.mark.parametrize("question", ["Lộc Hòa phần VI 2.2 ai chủ trì?", "LH muc VI, 2.2 do ai chu tri",
                                      "Lộc Hòa mục VI 2.2 hạn năm nào?"])
def test_numeral_apart_from_the_dotted_number_names_the_row_of_that_section(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert (q.section_number, q.task_refs) == ("vi", ["2.2"]), question
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "Văn phòng UBND xã" in answer.text and "Kết nối, tích hợp" in answer.text, question
    assert all(c.section and c.section.startswith("VI.") for c in answer.citations), question


def test_bare_number_after_a_numeral_is_not_read_as_a_row(answerer):
    q = parse_query("Lộc Hòa mục II 3 việc nào thường xuyên?", answerer.catalog)
    assert q.task_refs == [] and q.section_number == "ii"


def test_figure_stated_in_the_sub_row_answers_the_row(answerer):
    answer = answerer.answer("Lộc Hòa 3.4 phần cải cách TTHC tỷ lệ số hóa hồ sơ phải đạt mấy phần trăm?")
    assert not answer.abstained
    assert "70%" in answer.text and "30%" in answer.text
    assert "nhiệm vụ 3.4" in [c.locator for c in answer.citations]


def test_row_found_by_passages_shows_the_whole_row(answerer):
    answer = answerer.answer("Việt Khê việc điều tra khảo sát thi hành pháp luật lĩnh vực trọng tâm xong khi nào?")
    assert not answer.abstained
    assert "Quý IV/2025" in answer.text
    assert "Báo cáo kết quả điều tra, khảo sát" in answer.text  # the product, though only the deadline was asked


# ------------------------------------------------------------ annex sections by name

@pytest.mark.parametrize("question", ["Việt Khê mục chính quyền số có những nhiệm vụ nào?",
                                      "VK phan xay dung chinh quyen so gom nhung viec nao"])
def test_annex_section_named_by_part_of_its_heading_lists_its_rows(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert numbers(answer) == ["38", "39", "40", "41", "42"], question


def test_annex_divided_into_sections_is_counted_and_listed(answerer):
    answer = answerer.answer("phụ lục kế hoạch Lộc Hòa có mấy phần lớn?")
    assert not answer.abstained
    assert "chia làm 7 mục" in answer.text
    assert "VI. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số" in answer.text
    assert all(c.doc == LH for c in answer.citations)


def test_annex_sections_of_a_plan_without_annex_are_refused_saying_why(answerer):
    answer = answerer.answer("phụ lục của Phú Thái gồm các mục nào?")
    assert answer.abstained
    assert "không có phụ lục nhiệm vụ" in answer.text


def test_tasks_of_the_annex_counted_are_still_a_task_count(answerer):
    answer = answerer.answer("Việt Khê phụ lục có bao nhiêu nhiệm vụ?")
    assert answer.kind == "count" and "chia làm" not in answer.text


# ------------------------------------------------------------ filters

@pytest.mark.parametrize("question", ["Việt Khê việc nào có các đơn vị sự nghiệp công lập tham gia phối hợp?",
                                      "VK nhiem vu nao phoi hop voi don vi su nghiep cong lap"])
def test_unit_kind_named_only_in_coordinating_cells_filters_by_that_role(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert numbers(answer) == ["4", "5"], question


def test_unit_kind_narrowed_by_its_field_keeps_the_one_row(answerer):
    answer = answerer.answer("VK có nv nào phối hợp với đơn vị sự nghiệp công lập trong lĩnh vực y tế?")
    assert numbers(answer) == ["4"]


def test_two_kinds_of_deadline_are_both_kept_and_nothing_else(answerer):
    answer = answerer.answer("Việt Khê các nhiệm vụ hạn trước 10/12 hoặc Quý IV là những cái nào?")
    assert numbers(answer) == ["12", "14", "15", "16"]
    assert "Trong tháng 7/2025" not in answer.text


def test_overdue_among_two_kinds_of_deadline(answerer):
    answer = answerer.answer("tính đến 20/12/2025 VK những việc hạn Quý IV hay trước ngày 10/12 đã trễ hạn chưa?")
    assert numbers(answer) == ["12"]
    assert "Trong tháng 7/2025" not in answer.text


def test_a_day_alone_is_still_a_bound(answerer):
    answer = answerer.answer("Việt Khê liệt kê các nhiệm vụ trước 30/9/2025")
    assert numbers(answer) == ["1", "13"]


# ------------------------------------------------------------ header facts as written

def test_header_date_is_kept_as_written():
    meta = parse_file(str(CORPUS / LH)).metadata
    assert (meta.date, meta.date_text) == ("2025-01-22", "22 tháng 01 năm 2025")


def test_date_answer_quotes_the_plan_s_words(answerer):
    answer = answerer.answer("KH Lộc Hòa do ai ký, ngày ký là ngày nào?")
    assert "Nguyễn Công Thành" in answer.text
    assert "22 tháng 01 năm 2025" in answer.text and "22/01/2025" in answer.text


def test_date_written_short_is_not_repeated(answerer):
    answer = answerer.answer("Phú Thái kế hoạch ký ngày nào?")
    assert len(re.findall(r"31/7/2025", answer.text)) == 1
