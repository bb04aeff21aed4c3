"""A recurrence negated in two words ("không phải làm hàng năm") and a field
asked of listed rows that all leave it blank (issue 10). Phrasings written
for these tests.

From the seed texts in ``corpus/``: Trường Xuân's annex part VII holds rows
26–31; 26–29 are due "Hàng năm", 30 "Năm 2026" and 31 "Năm 2030", and the
Cơ quan phối hợp cells of 26–31 are blank.
"""

from __future__ import annotations

import pytest

from retrieval.answer import Answerer
from retrieval.conversation import Conversation
from tests.test_answer import seed_answerer


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return seed_answerer()


def talk(answerer: Answerer, *questions: str):
    conversation = Conversation(answerer)
    return [conversation.ask(q) for q in questions]


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
