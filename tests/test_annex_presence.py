"""Which plans have a task annex (:mod:`retrieval.answering.annex_presence`),
read from the plan model rather than from a passage that writes "phụ lục"
(before, "kế hoạch nào không có phụ lục?" quoted Lộc Hòa's heading "(có phụ
lục kèm theo)", and "KH nào có phụ lục?" said all five plans mention one).
Phrasings written for these tests.

Read from the seed texts in ``corpus/``: Nam An Phụ, Trường Xuân, Lộc Hòa and
Việt Khê have annex tables (35, 31, 37 and 42 numbered rows); Phú Thái's
mục III.7.e writes "(Danh mục nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch
này)" but its file holds no task table.
"""

from __future__ import annotations

import pytest

from retrieval.answering.annex_presence import asks_annex_presence
from retrieval.question.parse import parse_query


@pytest.mark.parametrize("question", [
    "kế hoạch nào không có phụ lục nhiệm vụ?",
    "mấy KH có phụ lục?",
    "xa nao ko co phu luc",
    "có bao nhiêu kế hoạch kèm phụ lục danh mục nhiệm vụ?",
])
def test_plans_with_and_without_an_annex(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained
    assert answer.text.startswith("4/5 kế hoạch có phụ lục nhiệm vụ:")
    assert "Lộc Hòa (năm 2025): có phụ lục, 37 nhiệm vụ." in answer.text
    assert "Phú Thái (6 tháng cuối năm 2025): không có phụ lục nhiệm vụ" in answer.text
    assert "mục III.7.e" in answer.text  # where the plan names the annex its file lacks


def test_one_plan_asked(answerer):
    answer = answerer.answer("Phú Thái có phụ lục không?")
    assert "không có phụ lục nhiệm vụ" in answer.text
    assert [c.locator for c in answer.citations] == ["mục III.7.e"]
    answer = answerer.answer("Việt Khê có kèm phụ lục không")
    assert "có phụ lục, 42 nhiệm vụ" in answer.text


@pytest.mark.parametrize("question", [
    "phụ lục KH nào có nhiệm vụ về ISO?",
    "phụ lục chia làm mấy mục lớn?",
    "nhiệm vụ 22 có trong phụ lục không?",
    "trong phụ lục có nhiệm vụ nào về số hóa không?",
])
def test_rows_of_an_annex_are_not_this_question(answerer, question):
    assert not asks_annex_presence(parse_query(question, answerer.catalog))
