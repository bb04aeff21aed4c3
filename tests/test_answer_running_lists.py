"""Lists run in one sentence and targets split over an annex row, answered
whole on the seed plans (Lộc Hòa 2025: body I.1, annex II.3.4)."""

from __future__ import annotations

import pytest

from ingest.pipeline import parse_file
from retrieval.answer import split_sentences
from retrieval.answer_rows import render_task
from tests.paths import CORPUS
from tests.test_answer import seed_answerer

LH = "003_c802cf9912aef313.txt"


@pytest.fixture(scope="module")
def answerer():
    return seed_answerer()


def test_semicolon_list_in_running_text_is_one_sentence():
    text = ("Cải cách hành chính triển khai đồng bộ trên 6 nội dung: cải cách thể chế; "
            "cải cách tài chính công và xây dựng phát triển Chính quyền điện tử; Chính quyền số. "
            "Trong đó trọng tâm là chuyển đổi số gắn với cải cách thủ tục hành chính.")
    assert split_sentences(text) == [text]
    # a ";" at a line end, or before a "- " item, still ends a list item
    assert split_sentences("Căn cứ Luật A;\nCăn cứ Nghị định B;") == ["Căn cứ Luật A;", "Căn cứ Nghị định B;"]
    assert split_sentences("gồm: - Ý một; - Ý hai") == ["gồm:", "Ý một;", "Ý hai"]


@pytest.mark.parametrize("question", [
    "LH CCHC triển khai đồng bộ trên mấy nội dung, kể ra",
    "LH: 6 nội dung CCHC triển khai đồng bộ là gì, trọng tâm là cái nào?",
])
def test_running_list_answered_with_its_focus(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained and answer.citations[0].doc == LH
    for item in ("cải cách thể chế", "cải cách chế độ công vụ", "Chính quyền số",
                 "chuyển đổi số gắn với cải cách thủ tục hành chính"):
        assert item in answer.text


def test_sub_row_target_cell_is_shown():
    plan = parse_file(CORPUS / LH)
    task = next(t for t in plan.tasks if t.number == "3.4" and t.section and t.section.startswith("II."))
    text = render_task(plan, task, [])
    assert "Về số hóa hồ sơ giải quyết TTHC" in text
    assert "TTHC đạt từ 70% trở lên" in text and "đạt từ 30% trở lên" in text
