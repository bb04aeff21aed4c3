"""Section filters with a lead exclusion that leaves nothing, subsets over a
row's sub-rows, and a dotted number followed by its part, on the seed plans.
Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's annex part VII
(chính quyền số) holds rows 31 to 35, every one led by Phòng Văn hóa – Xã
hội; Việt Khê's row 6 (kiểm tra CCHC) has two sub-rows, "tối thiểu 20%"
led by Phòng Văn hóa – Xã hội and "tối thiểu 30%" led by "Các phòng, ban,
ngành"; Lộc Hòa's annex part II row 3.3 aims at "02 nhóm TTHC liên thông"
(khai sinh …, khai tử …).
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from retrieval.answering.numbering import number_span
from retrieval.query import parse_query
from tests.test_answer import talk


@pytest.mark.parametrize("question", [
    "Nam An Phụ mục VII có nhiệm vụ nào mà Phòng Văn hóa - Xã hội không chủ trì không?",
    "NAP phan VII chinh quyen so: nv nao khong do Phong VH-XH chu tri?",
])
def test_exclusion_leaving_no_row_names_the_rows_checked(answerer, question):
    found = answerer.answer(question)
    assert not found.abstained, question
    assert found.text.startswith("Không có"), found.text
    assert "31–35" in found.text and "chủ trì" in found.text
    assert [c.locator for c in found.citations] == [f"nhiệm vụ {n}" for n in range(31, 36)]
    assert all(c.doc.startswith("001") for c in found.citations)


@pytest.mark.parametrize("question", [
    "Nam An Phụ: trong mục VII chính quyền số, việc nào không phải Phòng Văn hóa - Xã hội chủ trì?",
    "xa Nam An Phu muc VII co nhiem vu nao khong do phong van hoa xa hoi chu tri",
])
def test_exclusion_leaving_nothing_is_said_with_the_rows_checked(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    text = fold(answer.text)
    assert text.startswith("khong co"), answer.text
    assert "31" in answer.text and "35" in answer.text
    assert "đều do" in answer.text  # every row led by the unit alone
    assert answer.citations and all(c.doc.startswith("001") for c in answer.citations)


def test_exclusion_in_a_section_the_plan_lacks_still_refuses(answerer):
    answer = answerer.answer("Nam An Phụ mục XV có nhiệm vụ nào không do Phòng Văn hóa - Xã hội chủ trì?")
    assert answer.abstained or not fold(answer.text).startswith("khong co: tat ca")


def test_exclusion_leaving_rows_still_lists_them(answerer):
    found = answerer.answer("Nam An Phụ mục VII có nhiệm vụ nào không do Phòng Kinh tế chủ trì?")
    assert not found.abstained
    assert not found.text.startswith("Không có")
    assert {c.locator for c in found.citations} == {f"nhiệm vụ {n}" for n in range(31, 36)}


def test_exclusion_without_any_row_in_the_section_is_still_refused(answerer):
    found = answerer.answer("Nam An Phụ mục IX có nhiệm vụ nào không do Phòng Kinh tế chủ trì?")
    assert not found.text.startswith("Không có:")


def test_subset_after_a_row_with_sub_rows_is_over_its_sub_rows(answerer):
    _, subset = talk(answerer, "Việt Khê nhiệm vụ 6 gồm những dòng nào?",
                     "trong đó dòng nào không phải Phòng Văn hóa - Xã hội chủ trì?")
    assert not subset.abstained
    assert "30%" in subset.text and "Các phòng, ban, ngành" in subset.text
    assert "20%" not in subset.text
    assert all(c.locator == "nhiệm vụ 6" for c in subset.citations)


@pytest.mark.parametrize("question", [
    "Lộc Hòa: 3.3 phần II có mấy nhóm thủ tục liên thông, gồm nhóm nào?",
    "Loc Hoa 3.3 thuoc muc II co bao nhieu nhom TTHC lien thong?",
])
def test_dotted_number_before_its_part_is_that_row(answerer, question):
    found = answerer.answer(question)
    assert not found.abstained, question
    assert "02 nhóm" in found.text and "khai sinh" in found.text and "khai tử" in found.text
    assert found.citations[0].locator == "nhiệm vụ 3.3"


def test_dotted_number_before_its_part_parses_as_section_and_row(answerer):
    query = parse_query("3.3 phần II của Lộc Hòa là gì?", answerer.catalog)
    assert query.task_refs[:1] == ["3.3"]
    assert (query.section_number, query.subsection_number) == ("ii", "3")
    bare = parse_query("Lộc Hòa phần II có 3 nhiệm vụ nào?", answerer.catalog)
    assert "3" not in bare.task_refs or bare.section_number == "ii"


def test_number_span():
    assert number_span(["31", "32", "33", "34", "35"]) == "31–35"
    assert number_span(["2", "5", "7"]) == "2, 5, 7"
    assert number_span(["1.1", "1.2", "1.3"]) == "1.1, 1.2, 1.3"


@pytest.mark.parametrize("question", [
    "Xã Nam An Phụ: Phòng Kinh tế có trách nhiệm gì theo mục IV.2, và chủ trì những nhiệm vụ nào của phụ lục?",
    "NAP phong kinh te co nhiem vu gi o phan IV.2 va chu tri nhung nv nao trong bang phu luc",
])
def test_duties_in_a_body_section_then_the_annex_rows_led(answerer, question):
    found = answerer.answer(question)
    assert not found.abstained, question
    locators = [c.locator for c in found.citations]
    assert "mục IV.2.c" in locators, locators
    assert {"nhiệm vụ 28", "nhiệm vụ 29", "nhiệm vụ 30"} <= set(locators), locators
    assert "Phòng Văn hóa - Xã hội:" not in found.text  # the unit's own duties, not the whole section
