"""A unit's duties asked in everyday words, a duty's detail, and a detail of
a body part named by its heading, on the five seed plans. Phrasings written
for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's "VI. TỔ CHỨC THỰC
HIỆN" lists "4. Phòng Kinh tế xã" (cải cách tài chính công, thẩm định kinh
phí …) and "2. Phòng Văn hóa - Xã hội" (16 items, the first "Là cơ quan
Thường trực …", one "Tổng hợp báo cáo UBND xã và Sở Nội vụ …"); its annex
gives Phòng Kinh tế rows 21 to 23. Its targets "II.2.c" say "kế hoạch tinh
giản biên chế giai đoạn 2026-2031" while annex row 14 says 2026-2030. Nam
An Phụ's "IV.2.c) Phòng Kinh tế xã" must submit the CCHC budget "trong Quý
I/2026". No plan gives a headcount.
"""

from __future__ import annotations

import pytest

from retrieval.answering.part_detail import named_parts
from retrieval.conversation import Conversation
from retrieval.query import parse_query

TX, NAP = "002_b6a4a2778198d6b8.txt", "001_45f28ce285131ed1.txt"


def locators(answer) -> list[str]:
    return [c.locator for c in answer.citations]


@pytest.mark.parametrize("question", [
    "Phòng Kinh tế xã Trường Xuân lo việc gì?",
    "ở Trường Xuân phòng kinh tế lo nhung gi vay",
])
def test_everyday_words_for_duties_give_body_and_annex(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "cải cách tài chính công" in answer.text and "thẩm định kinh phí" in answer.text
    assert "mục VI.4" in locators(answer)
    assert "nhiệm vụ 21" in locators(answer)  # the annex rows it leads follow


def test_duties_counted_are_the_body_list_then_the_annex_rows(answerer):
    answer = answerer.answer("Trường Xuân: Phòng Văn hóa - Xã hội là thường trực CCHC thì phải làm bao nhiêu việc?")
    assert not answer.abstained
    assert "cơ quan Thường trực" in answer.text and "Sở Nội vụ" in answer.text
    assert "16 nội dung" in answer.text
    assert locators(answer)[0] == "mục VI.2"
    assert any(loc.startswith("nhiệm vụ") for loc in locators(answer))


def test_a_duty_detail_asked_in_the_units_name_gives_that_duty_first(answerer):
    answer = answerer.answer("Phòng Kinh tế xã Nam An Phụ phải trình duyệt kinh phí CCHC vào lúc nào?")
    assert not answer.abstained
    first, *rest = answer.text.split("\n")
    assert "Phòng Kinh tế xã" in first
    assert "Quý I/2026" in rest[0]
    assert "cải cách tài chính công" in answer.text  # the unit's other duties follow
    assert locators(answer) == ["mục IV.2.c"]


def test_a_unit_without_listed_duties_is_not_given_another_plans(answerer):
    answer = answerer.answer("Lộc Hòa phòng kinh tế phải làm bao nhiêu việc?")
    assert all(c.doc.startswith("003") for c in answer.citations)


@pytest.mark.parametrize("question", [
    "Kế hoạch Trường Xuân, phần mục tiêu nói tinh giản biên chế đến giai đoạn nào?",
    "TX trong phan chi tieu ghi ke hoach tinh gian bien che giai doan nao",
])
def test_a_detail_asked_by_its_body_part_comes_from_that_part(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "2026-2031" in answer.text, question
    assert locators(answer) == ["mục II.2.c"], question


def test_a_body_part_asked_after_a_row_takes_the_rows_subject(answerer):
    conversation = Conversation(answerer)
    row = conversation.ask("Trường Xuân nhiệm vụ 14 hạn khi nào?")
    assert "2026 - 2030" in row.text
    part = conversation.ask("phần chỉ tiêu có nêu giai đoạn khác không?")
    assert not part.abstained
    assert "2026-2031" in part.text
    assert locators(part) == ["mục II.2.c"]


@pytest.mark.parametrize("question", [
    "Trường Xuân mức hài lòng về giải quyết TTHC phải đạt bao nhiêu?",
    "Trường Xuân phân công Phòng Kinh tế làm gì?",
    "tỷ lệ phần trăm hồ sơ số hóa của Trường Xuân?",
])
def test_words_that_fold_like_a_part_cue_name_no_part(answerer, question):
    plan = answerer.plans[TX]
    assert named_parts(parse_query(question, answerer.catalog), plan) == ([], set()), question


def test_headcount_is_not_answered_by_a_list_item_with_a_figure(answerer):
    query = parse_query("Trường Xuân có bao nhiêu cán bộ công chức?", answerer.catalog)
    assert answerer.passages.answer(query).abstained  # no sentence states a headcount
    assert answerer.answer("TX co tat ca bao nhieu can bo cong chuc?").abstained


def test_asking_whether_a_part_says_something_scores_only_the_thing_asked(answerer):
    answer = answerer.answer("Phú Thái, phần nhiệm vụ giải pháp có đề cập tiêu chuẩn ISO không?")
    assert not answer.abstained
    assert "ISO 9001:2015" in answer.text
    assert all(c.locator.startswith("mục III.") for c in answer.citations)
