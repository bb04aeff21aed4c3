"""Questions about the loaded plans themselves, in the word orders staff use
(issue 10): the term before "KH nào có nhắc", signers of several plans,
plans counted for a year, plans grouped by an upper locality named bare.
Phrasings written for these tests.

From the seed texts in ``corpus/``: Nam An Phụ, Phú Thái and Việt Khê name
"TCVN ISO 18091", Trường Xuân and Lộc Hòa do not; Nam An Phụ's plan is signed
by Nguyễn Văn Tuy and Lộc Hòa's by Nguyễn Công Thành; three plans are for
2025 (Phú Thái, Lộc Hòa, Việt Khê); Trường Xuân is under thành phố Cần Thơ.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["ISO 18091 thì KH nào có nhắc?", "iso 18091 xa nao de cap den vay"])
def test_term_first_then_which_plans(answerer, question):
    answer = answerer.answer(question)
    assert answer.kind == "plans", (question, answer.kind)
    head = answer.text.split("Không nhắc đến")[0]
    for place in ("Phú Thái", "Nam An Phụ", "Việt Khê"):
        assert place in head, question
    assert "Trường Xuân" not in head and "Lộc Hòa" not in head


@pytest.mark.parametrize("question", ["ai ky ke hoach cua NAP va LH?", "KH của NAP, LH do ai ký?"])
def test_signer_of_several_plans_is_not_their_period(answerer, question):
    answer = answerer.answer(question)
    assert "Nguyễn Văn Tuy" in answer.text and "Nguyễn Công Thành" in answer.text, answer.text
    assert "Kỳ của từng kế hoạch" not in answer.text


def test_plans_counted_for_a_year(answerer):
    answer = answerer.answer("co may ke hoach nam 2025 vay?")
    assert answer.text.startswith("3 kế hoạch"), answer.text
    for place in ("Phú Thái", "Lộc Hòa", "Việt Khê"):
        assert place in answer.text


def test_plans_grouped_by_a_bare_upper_name(answerer):
    answer = answerer.answer("xã nào thuộc Cần Thơ?")
    assert answer.kind == "upper", answer.kind
    assert "Cần Thơ: Trường Xuân" in answer.text


def test_a_field_after_thuoc_is_not_a_place(answerer):
    assert answerer.answer("kế hoạch nào thuộc lĩnh vực nội vụ?").kind != "upper"
