"""Exclusions on the lead unit that leave no row (helper filt10), on the
seed plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's section VII
(chính quyền điện tử, chính quyền số) holds rows 31 to 35, every one led by
its Phòng Văn hoá - Xã hội.
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from retrieval.answer import Answerer
from tests.test_answer import seed_answerer


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return seed_answerer()


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
    assert answer.citations and all(c.doc.startswith("001") for c in answer.citations)


def test_exclusion_in_a_section_the_plan_lacks_still_refuses(answerer):
    answer = answerer.answer("Nam An Phụ mục XV có nhiệm vụ nào không do Phòng Văn hóa - Xã hội chủ trì?")
    assert answer.abstained or not fold(answer.text).startswith("khong co: tat ca")
