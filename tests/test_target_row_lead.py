"""A row named as a target ("có chỉ tiêu … 80%, việc đó ai chủ trì?") is looked
up like any row described by its content: the words that only say the row is a
target ("chỉ tiêu", "mục tiêu", "đặt ra") make no body-duty phrase, so a body
duty that happens to write "chỉ tiêu" does not take the question from the row
(before, Nam An Phụ's question got Phòng Văn hóa - Xã hội's ISO duty: a wrong
lead said with confidence). Phrasings written for these tests.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 22 (online payment,
"đạt tối thiểu 80%") is led by "Trung tâm Phục vụ hành chính công", due
"Thường xuyên"; Trường Xuân's row 24 (100% of procedures online) by "Trung tâm
Phục vụ hành chính công".
"""

from __future__ import annotations

import pytest

from retrieval.answering.lookup import content_key, duty_phrase
from retrieval.question.parse import parse_query


@pytest.mark.parametrize("question, number, lead", [
    ("NAP có chỉ tiêu thanh toán trực tuyến 80%, việc đó ai chủ trì?", "22", "Trung tâm Phục vụ hành chính công"),
    ("nap co chi tieu thanh toan truc tuyen toi thieu 80% thi ben nao chiu trach nhiem", "22",
     "Trung tâm Phục vụ hành chính công"),
    ("Trường Xuân có chỉ tiêu 100% TTHC cung cấp trực tuyến, việc đó ai chủ trì?", "24",
     "Trung tâm Phục vụ hành chính công"),
])
def test_target_row_gives_its_lead(answerer, question, number, lead):
    answer = answerer.answer(question)
    assert answer.kind == "task" and not answer.abstained
    assert answer.text.startswith(f"Nhiệm vụ {number}:")
    assert lead in answer.text
    assert "ISO" not in answer.text


def test_target_words_make_no_duty_phrase(answerer):
    nap = next(p for p in answerer.plans.values() if p.doc.startswith("001"))
    query = parse_query("NAP có chỉ tiêu thanh toán trực tuyến 80%, việc đó ai chủ trì?", answerer.catalog)
    assert duty_phrase(nap, content_key(query), answerer.catalog.name_words) is None


def test_duty_phrase_still_found(answerer):
    """A phrase only a body duty writes still sends the question to the body."""
    nap = next(p for p in answerer.plans.values() if p.doc.startswith("001"))
    query = parse_query("NAP ai lo đổi mới chuyên mục CCHC?", answerer.catalog)
    phrase = duty_phrase(nap, content_key(query), answerer.catalog.name_words)
    assert phrase is not None and "chuyen muc" in phrase
