"""Lists run in one sentence and targets split over an annex row, answered
whole on the seed plans (Lộc Hòa 2025: body I.1, annex II.3.4)."""

from __future__ import annotations

import pytest

from ingest.pipeline import parse_file
from retrieval.answer import split_sentences
from retrieval.answering.rows import render_task
from tests.paths import CORPUS

LH = "003_c802cf9912aef313.txt"


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


@pytest.mark.parametrize(("question", "doc", "value"), [
    ("NAP hai long TTHC bn %?", "001_45f28ce285131ed1.txt", "90% trở lên"),
    ("TX hai long dv y te, giao duc cong toi thieu bn?", "002_b6a4a2778198d6b8.txt", "tối thiểu 90%"),
])
def test_chat_shorthand_for_how_many(answerer, question, doc, value):
    # "bn" is "bao nhiêu": a question word, not the sentence's rarest subject
    answer = answerer.answer(question)
    assert not answer.abstained and answer.citations[0].doc == doc and value in answer.text


@pytest.mark.parametrize(("question", "items"), [
    ("TX kể hết các chỉ số mà đến 2030 Cần Thơ phấn đấu vào nhóm 15 tỉnh, thành dẫn đầu",
     ("PCI", "PAR INDEX", "PAPI")),
    ("pt: KH liet ke nhung he thong thong minh nao can xay dung",
     ("y tế thông minh", "giáo dục thông minh", "du lịch thông minh")),
    ("Lộc Hòa kể tên các công nghệ số mới được nêu trong KH giúp mình",
     ("Cloud Computing", "Big Data", "Blockchain")),
])
def test_list_asked_with_filler_words(answerer, question, items):
    # "kể hết … mà", "liệt kê", "kể tên … giúp mình" say how to answer, not what
    answer = answerer.answer(question)
    assert not answer.abstained
    for item in items:
        assert item in answer.text


def test_report_shorthand(answerer):
    answer = answerer.answer("VK bc quy gui truoc ngay nao?")
    assert not answer.abstained and "ngày 10" in answer.text


def test_purpose_asked_with_nham(answerer):
    # "KH nhằm cải thiện …": "nhằm" frames the question, the sentence says "cải thiện"
    answer = answerer.answer("Phu Thai KH nham cai thien nhung chi so nao?")
    assert not answer.abstained and "PAR INDEX" in answer.text and "SIPAS" in answer.text


def test_body_list_counted_by_its_heading_noun(answerer):
    # "mục I.2 … mấy chỉ tiêu": the body list "2. Một số chỉ tiêu chủ yếu", not annex group I row 2
    answer = answerer.answer("NAP muc I.2 co may chi tieu chu yeu?")
    assert answer.kind == "count" and "gồm 7 mục" in answer.text
    assert answer.citations[0].locator == "mục I.2"
    tasks = answerer.answer("NAP muc I co bao nhieu nhiem vu?")
    assert "9 nhiệm vụ" in tasks.text
