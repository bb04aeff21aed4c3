"""Cross-plan questions asked of every plan at once, and counts compared
(helper cross10), on the five seed plans. Phrasings written for these tests.

Read from the seed texts in ``corpus/``: "Đề án 06" is written in Phú Thái,
Lộc Hòa and Việt Khê, not in Nam An Phụ nor Trường Xuân; Nam An Phụ's and
Việt Khê's annex part II "Cải cách thể chế" each hold rows 10 to 16.
"""

from __future__ import annotations

import pytest

from retrieval.question import parse_query


@pytest.mark.parametrize("question", ["Có phải tất cả các xã đều nhắc tới Đề án 06 không?",
                                      "moi ke hoach deu neu de an 06 a?",
                                      "cả năm kế hoạch cũng đều đề cập Đề án 06 chứ?"])
def test_every_plan_asked_whether_it_mentions_a_term_answers_no_and_names_the_others(answerer, question):
    answer = answerer.answer(question)
    assert answer.kind == "plans", question
    assert answer.text.startswith("Không — chỉ 3/5"), answer.text
    missing = answer.text.splitlines()[-1]
    assert missing.startswith("Không nhắc đến:") and "Nam An Phụ" in missing and "Trường Xuân" in missing
    assert {c.doc[:3] for c in answer.citations} == {"000", "003", "004"} or len(answer.citations) >= 3


def test_every_plan_with_a_question_word_is_no_term_to_look_for(answerer):
    answer = answerer.answer("tất cả các kế hoạch đều có bao nhiêu nhiệm vụ?")
    assert answer.kind != "plans"
    assert not answer.query.mention_every


def test_which_plans_wording_keeps_its_plain_lead_line(answerer):
    answer = answerer.answer("Kế hoạch nào nhắc đến Đề án 06?")
    assert answer.text.startswith("3/5 kế hoạch nhắc đến")


@pytest.mark.parametrize("question", ["so sánh số nhiệm vụ cải cách thể chế giữa Nam An Phụ và Việt Khê",
                                      "So sanh so nv phan cai cach the che cua NAP voi VK"])
def test_task_counts_compared_between_two_plans_are_counted_per_plan(answerer, question):
    answer = answerer.answer(question)
    assert answer.query.count, question
    heads = [line for line in answer.text.splitlines() if "7 nhiệm vụ thuộc mục II" in line]
    assert len(heads) == 2 and any("Nam An Phụ" in h for h in heads) and any("Việt Khê" in h for h in heads)


def test_a_comparison_without_a_count_is_no_count(answerer):
    query = parse_query("so sánh mục tiêu cải cách thể chế của Nam An Phụ và Việt Khê", answerer.catalog)
    assert not query.count


def test_the_unit_given_the_standing_role_is_quoted_not_only_the_role_spoken_of(answerer):
    # Trường Xuân's part VI.2 "Phòng Văn hóa - Xã hội" a) "Là cơ quan Thường trực tham mưu về công tác CCHC"
    answer = answerer.answer("Ở Trường Xuân, đơn vị nào được giao làm cơ quan thường trực về cải cách hành chính?")
    assert not answer.abstained
    assert "Phòng Văn hóa - Xã hội" in answer.text
    assert any(c.locator == "mục VI.2.a" for c in answer.citations)
