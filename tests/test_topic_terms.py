"""A three-word topic ("chuyển đổi số", "tài sản công") is a term: a row that
holds two of its syllables apart is not about it (Trường Xuân's row 23, on
financial autonomy, writes "chuyên đề" and "Nghị định số"; folded, those are
two of the three syllables of "chuyen doi so"). Rows that write the term, or
two of its words side by side, still match. Phrasings written for these tests.

Read from the seed texts in ``corpus/``: Trường Xuân writes "chuyển đổi số"
in no annex row; Nam An Phụ's row 31 writes "CDS" (chuyển đổi số); Việt Khê
has no row on "tài sản"; Nam An Phụ's rows 28 and 29 are on "tài sản công".
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon


@pytest.mark.parametrize("question", [
    "TX những việc nào liên quan đến chuyển đổi số?",
    "truong xuan cac nv ve chuyen doi so",
])
def test_term_not_matched_by_scattered_syllables(answerer, question):
    answer = answerer.answer(question)
    assert "23." not in answer.text and "tự chủ tài chính" not in answer.text
    assert answer.abstained and "chuyen doi so" in canon(answer.text)


def test_term_absent_from_a_plan_is_said(answerer):
    answer = answerer.answer("Việt Khê các nhiệm vụ về tài sản công")
    assert answer.abstained and "tài sản công" in answer.text


@pytest.mark.parametrize("question, numbers", [
    ("NAP những nv về chuyển đổi số", ["31"]),
    ("Nam An Phụ các nhiệm vụ về tài sản công", ["28", "29"]),
])
def test_term_written_still_matches(answerer, question, numbers):
    answer = answerer.answer(question)
    assert not answer.abstained and answer.kind == "filter"
    for number in numbers:
        assert f"{number}." in answer.text
