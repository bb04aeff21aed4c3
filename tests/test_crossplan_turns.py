"""Cross-plan questions and turns on the five seed plans, in phrasings written
for these tests: two clauses naming two plans with different asks, "các xã
khác chỉ tiêu này …" after a row, "xã nào khác có nv tương tự" (also after
a turn that found nothing), a term typed in comma-separated parts, every
value of a target, and a target asked by its subject of a plan without it.

Values read from ``corpus/``: Việt Khê task 37 (giải ngân đầu tư công, tối
thiểu 95%), Trường Xuân task 22 (báo cáo thực hiện giải ngân, Quý I hàng
năm); online payment 80% in Nam An Phụ task 22 and Trường Xuân mục II.2.b,
and in Lộc Hòa the annex row 3.1 (90% / 80%) with its sub-row (75%); Nam An
Phụ task 31 (tập huấn ứng dụng trí tuệ AI) and Việt Khê task 38 (ứng dụng
AI … RPA); Trường Xuân task 2 (Kế hoạch theo dõi thi hành pháp luật) and
Việt Khê task 12 (… theo dõi tình hình thi hành pháp luật, trước ngày
10/12/2025); Trường Xuân's 90% satisfaction with public health and
education services (mục II.2.c), which Nam An Phụ names in task 5 with no
figure.
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.answer import Answerer, Turn
from retrieval.answering.clauses import plan_clauses
from retrieval.query import Intent, parse_query
from retrieval.question.crossplan import mention_parts
from retrieval.question.model import Query
from tests.test_answer import SEED_DOCS

PT, NAP, TX, LH, VK = SEED_DOCS


def _line(text: str, place: str) -> str:
    return next((ln for ln in text.splitlines() if ln.startswith(f"- {place}") or ln.startswith(place)), "")


def _turns(answerer: Answerer, *questions: str):
    history: list[Turn] = []
    for question in questions:
        answer = answerer.answer(question, history=history)
        history.append(Turn(question, answer))
    return history[-1].answer


@pytest.mark.parametrize("question", [
    "giải ngân đầu tư: VK chỉ tiêu bao nhiêu, TX có nhiệm vụ nào?",
    "giai ngan dau tu cong; Viet Khe chi tieu bn, con Truong Xuan co nv nao",
])
def test_two_clauses_each_plan_its_own_ask(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained
    assert "95%" in _line(a.text, "Việt Khê")
    assert "Nhiệm vụ 22" in _line(a.text, "Trường Xuân")
    assert {(c.doc, c.locator) for c in a.citations} >= {(VK, "nhiệm vụ 37"), (TX, "nhiệm vụ 22")}


@pytest.mark.parametrize("question", [
    "việc khảo sát hài lòng: NAP ai chủ trì, VK ai chủ trì?",  # one ask of two plans
    "NAP và VK chỉ tiêu thanh toán trực tuyến khác nhau thế nào?",  # one clause
    "VK chỉ tiêu giải ngân bao nhiêu, còn TX?",  # the second clause only names its plan
])
def test_not_divided(answerer, question):
    assert plan_clauses(parse_query(question, answerer.catalog), answerer.catalog) == []


def test_other_communes_this_target_after_a_row(answerer):
    a = _turns(answerer, "NAP nv 22 chỉ tiêu thanh toán trực tuyến bao nhiêu?",
               "các xã khác chỉ tiêu này bao nhiêu?")
    assert not a.abstained and a.query.intent == Intent.TARGETS
    assert "80%" in _line(a.text, "- Trường Xuân")
    assert "75%" in _line(a.text, "- Lộc Hòa")  # the sub-row of 3.1, a second value
    assert not _line(a.text, "- Nam An Phụ")  # "khác": the plan of the row is set aside
    assert NAP not in {c.doc for c in a.citations}


def test_every_value_of_a_target_bounded_per_plan(answerer):
    a = answerer.answer("Lộc Hòa với Trường Xuân chỉ tiêu thanh toán trực tuyến khác nhau thế nào?")
    line = _line(a.text, "- Lộc Hòa")
    assert "90%" in line and "75%" in line
    assert sum(c.doc == LH for c in a.citations) == 2


def test_comma_separated_term_either_part(answerer):
    assert mention_parts(Query(text="kh nao co nv tap huan, ung dung AI",
                               key=canon("kh nao co nv tap huan, ung dung AI"),
                               mention="tap huan ung dung ai")) == ["tap huan", "ung dung ai"]
    a = answerer.answer("kế hoạch nào có nhiệm vụ tập huấn, ứng dụng AI?")
    assert a.query.intent == Intent.WHICH_PLANS and not a.abstained
    cited = {(c.doc, c.locator) for c in a.citations}
    assert {(NAP, "nhiệm vụ 31"), (VK, "nhiệm vụ 38")} <= cited
    assert "(“Ứng dụng AI”)" in _line(a.text, "- Việt Khê")  # the part it mentions is named


def test_similar_row_ranked_by_its_phrases(answerer):
    a = _turns(answerer, "TX nv 2 ban hành KH gì, khi nào?", "VK có nv giống vậy không, hạn?")
    assert a.query.intent == Intent.SIMILAR and not a.abstained
    assert "Nhiệm vụ 12" in a.text and "10/12/2025" in a.text
    assert "Nhiệm vụ 32" not in a.text  # shares folded syllables only ("đội ngũ", "hành chính")


def test_similar_after_a_turn_that_found_no_row(answerer):
    first = answerer.answer("ai là người trực tiếp phụ trách việc kiểm tra thi hành pháp luật ở Việt Khê, tên gì?")
    assert not first.query.result_keys
    a = answerer.answer("xã nào khác có nv tương tự?", history=[Turn(first.query.text, first)])
    assert a.query.intent == Intent.SIMILAR and not a.abstained
    assert "thi hành pháp luật" in a.text.splitlines()[0]  # compared with the question's topic
    assert VK not in {c.doc for c in a.citations} and a.citations


def test_target_by_its_subject_of_a_plan_without_the_figure(answerer):
    first = answerer.answer("Trường Xuân chỉ tiêu hài lòng về dịch vụ y tế, giáo dục công lập?")
    assert not first.abstained and "90%" in first.text
    a = answerer.answer("còn Nam An Phụ?", history=[Turn(first.query.text, first)])
    assert a.abstained  # task 5 names the survey, with no figure
