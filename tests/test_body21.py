"""Body facts asked in styles of our own (helper body21), on the seed plans.

Read from the seed texts in ``corpus/``: Phú Thái's mục III.6.d carries out the
self-financing of public service units "theo Nghị định số 60/2021/NĐ-CP …
được sửa đổi bổ sung tại Nghị định số 111/2025/NĐ-CP …, Thông tư số
56/2022/TT-BTC", and the self-governance of staff and running costs "theo
Nghị định số 130/2005/NĐ-CP … sửa đổi, bổ sung tại Nghị định số
117/2013/NĐ-CP"; Trường Xuân's row 23 (Phòng Kinh tế) cites 60/2021 and
111/2025; its mục VI.1.b asks reports "hằng quý, 6 tháng và năm … (qua Phòng
Văn hóa - Xã Hội xã)" and also "phục vụ kỳ họp thường lệ của Hội đồng nhân dân
xã"; its Phòng Kinh tế (mục VI.4.b) "thẩm định kinh phí"; its mục II.1.b wants
Cần Thơ "dẫn đầu" on PCI, PAR INDEX, PAPI, SIPAS and PGI; Việt Khê reports to
"Sở Nội vụ" (mục V.8) and gives Phòng Kinh tế (V.9.c) ISO 9001 and ISO 18091;
Phú Thái's mục IV.2 gives duties to five units, then "đ) Các cơ quan, đơn vị
được giao …" and "g) Đề nghị Mặt trận Tổ quốc …"; Lộc Hòa's II.6.b names the
new digital technologies (Cloud Computing, Big Data, IoT, Blockchain); its
funding is "Từ nguồn ngân sách nhà nước", Trường Xuân's "bố trí trong dự
toán hằng năm". Phrasings written for these tests, not taken from a set.
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.answering.clauses import plan_clauses
from retrieval.answering.topic_bases import basis_topic, named_documents
from retrieval.query import Query, parse_query
from retrieval.question.cues import DUTY_UNITS_CUE, UNIT_TOPIC_ASKED

LH, NAP, PT, TX, VK = "003", "001", "000", "002", "004"


def _docs(answer) -> set[str]:
    return {c.doc[:3] for c in answer.citations}


# -- the legal documents a plan names on one subject

@pytest.mark.parametrize("question", [
    "Phú Thái dựa trên nghị định nào về cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập?",
    "phu thai can cu nhung van ban nao ve co che tu chu tai chinh don vi su nghiep",
    "KH Phú Thái căn cứ nghị định gì để triển khai tự chủ tài chính của đơn vị sự nghiệp công lập",
])
def test_documents_on_a_subject_are_those_the_body_cites_there(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "60/2021/NĐ-CP" in a.text and "111/2025/NĐ-CP" in a.text, question
    assert "130/2005" not in a.text, question  # the other self-governance clause is another subject
    assert _docs(a) == {PT}, question


def test_documents_on_another_subject_of_the_same_item(answerer):
    a = answerer.answer("phu thai can cu nghi dinh nao ve tu chu bien che va kinh phi quan ly hanh chinh")
    assert not a.abstained
    assert "130/2005/NĐ-CP" in a.text and "117/2013/NĐ-CP" in a.text
    assert "60/2021" not in a.text


def test_documents_on_a_subject_also_from_the_annex_row(answerer):
    a = answerer.answer("Trường Xuân căn cứ văn bản nào để thực hiện cơ chế tự chủ tài chính?")
    assert not a.abstained
    assert "111/2025/NĐ-CP" in a.text and "nhiệm vụ 23" in a.text


@pytest.mark.parametrize("question", [
    "NAP căn cứ văn bản nào để thực hiện kế hoạch?",
    "Nam An Phụ căn cứ những văn bản nào?",
])
def test_the_plan_itself_is_no_subject_the_legal_bases_answer(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "5256/QĐ-UBND" in a.text, question


def test_basis_topic_reads_the_subject_only():
    def topic(text: str) -> str | None:
        return basis_topic(Query(text=text, key=canon(text)))

    assert topic("căn cứ những nghị định nào về cơ chế tự chủ tài chính") == "co che tu chu tai chinh"
    assert topic("dựa trên văn bản nào để thực hiện tự chủ tài chính") == "tu chu tai chinh"
    assert topic("căn cứ những văn bản nào") is None
    assert topic("căn cứ văn bản nào để thực hiện kế hoạch CCHC năm 2026") is None


def test_named_documents_keep_number_and_date_once():
    text = ("theo Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ …, Thông tư số 56/2022/TT-BTC "
            "hướng dẫn; Nghị định số 60/2021/NĐ-CP ngày 21/6/2021")
    assert named_documents(text) == ["Nghị định số 60/2021/NĐ-CP ngày 21/6/2021", "Thông tư số 56/2022/TT-BTC"]


# -- the reporting regime: its periods, its channel, a report beside the periodic ones

@pytest.mark.parametrize("question", [
    "Trường Xuân các cơ quan nộp báo cáo CCHC theo những kỳ nào, qua phòng nào?",
    "truong xuan bao cao cai cach hanh chinh co may ky, gui qua dau",
])
def test_reporting_periods_and_channel(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "6 tháng" in a.text and "Phòng Văn hóa - Xã" in a.text, question
    assert _docs(a) == {TX}, question


@pytest.mark.parametrize("question", [
    "TX ngoài các báo cáo định kỳ thì còn phải báo cáo để phục vụ gì?",
    "truong xuan ngoai bao cao quy con phai bao cao gi nua",
])
def test_a_report_beside_the_periodic_ones(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "kỳ họp thường lệ" in a.text, question


def test_reporting_channel_of_another_plan(answerer):
    a = answerer.answer("viet khe bao cao cchc theo nhung ky nao, nop ve dau")
    assert not a.abstained
    assert "Sở Nội vụ" in a.text and _docs(a) == {VK}


# -- the units the implementation part gives duties to

@pytest.mark.parametrize("question", [
    "phu thai giao trach nhiem cu the cho nhung phong ban nao",
    "Phú Thái phân công nhiệm vụ cho các đơn vị nào trong phần tổ chức thực hiện?",
])
def test_units_given_duties_and_the_part_s_other_items(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    for unit in ("Phòng Kinh tế", "Trung tâm Phục vụ hành chính công", "Trung tâm Văn hoá, Thể thao"):
        assert unit in a.text, (question, unit)
    assert "Mặt trận Tổ quốc" in a.text, question  # g): no unit heading, still an item of the part


@pytest.mark.parametrize("key, asked", [
    ("phan cong trach nhiem cu the cho nhung don vi nao", True),
    ("lh giao cho nhung bo phan nao", True),
    ("giao nhiem vu cho may dau moi", True),
    ("nhiem vu 5 giao cho nhung don vi nao phoi hop", False),
    ("ubnd giao cac co quan lam gi", False),
])
def test_duty_units_cue(key, asked):
    assert bool(DUTY_UNITS_CUE.search(key)) is asked


# -- one unit's duty on a subject

@pytest.mark.parametrize("question", [
    "Trường Xuân phòng kinh tế lo gì về kinh phí?",
    "TX phong kinh te co vai tro gi doi voi kinh phi cchc",
    "truong xuan phong kinh te lam j voi kinh phi",
])
def test_a_unit_s_duty_on_a_subject(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.text.splitlines()[0].startswith("Trường Xuân") and "Phòng Kinh tế" in a.text.splitlines()[0]
    assert "thẩm định kinh phí" in a.text, question


@pytest.mark.parametrize("question, words", [
    ("NAP trung tâm phục vụ hành chính công làm gì về một cửa", "một cửa liên thông"),
    ("viet khe phong kinh te lam gi voi ISO", "18091"),
])
def test_a_unit_s_duty_on_a_subject_other_plans(answerer, question, words):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert words in a.text, question


def test_a_duty_asked_of_the_plan_itself_lists_every_duty(answerer):
    a = answerer.answer("LH cong chuc tu phap ho tich lam gi trong ke hoach nay")
    assert not a.abstained
    assert "thi hành pháp luật" in a.text and "cải cách thể chế" in a.text


def test_unit_topic_cue_reads_the_subject():
    m = UNIT_TOPIC_ASKED.search(canon("phòng kinh tế làm j với kinh phí CCHC"))
    assert m is not None and m.group("topic") == "kinh phi cai cach hanh chinh"
    assert canon("là j") == "la gi"


# -- lists the body states: digital technologies, indices aimed at

@pytest.mark.parametrize("question", [
    "loc hoa nhac nhung cong nghe so moi nao",
    "Lộc Hòa những công nghệ số mới được nêu là gì",
])
def test_new_digital_technologies_named(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "Blockchain" in a.text and "Big Data" in a.text, question


@pytest.mark.parametrize("question, words", [
    ("Trường Xuân muốn Cần Thơ thuộc nhóm dẫn đầu về những chỉ số nào?", ("PAPI", "PGI")),
    ("viet khe mong muon cai thien chi so nao", ("PCI", "PAPI")),
])
def test_indices_a_plan_wants(answerer, question, words):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert all(w in a.text for w in words), question


# -- funding of one plan compared with another

def test_a_clause_asking_only_alike_is_not_a_clause_of_its_own(answerer):
    q = parse_query("nguồn kinh phí Lộc Hòa lấy ở đâu, Trường Xuân có giống vậy không", answerer.catalog)
    assert plan_clauses(q, answerer.catalog) == []


@pytest.mark.parametrize("question", [
    "nguồn kinh phí Lộc Hòa lấy ở đâu, Trường Xuân có giống vậy không",
    "kinh phi cchc truong xuan lay tu dau, so voi loc hoa",
])
def test_funding_compared_gives_both_plans(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "ngân sách nhà nước" in a.text and "dự toán hằng năm" in a.text, question
    assert {LH, TX} <= _docs(a), question


# -- a body duty that says what a "who is given …" question asks better than the annex row

@pytest.mark.parametrize("question", [
    "Việt Khê đơn vị nào lo thí điểm ISO 18091?",
    "viet khe phong nao chu tri trien khai ap dung, cai tien he thong quan ly chat luong iso 9001 va thi diem 18091",
])
def test_the_duty_holder_before_a_row_on_checking_it(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    first = a.text.splitlines()[0]
    assert "Phòng Kinh tế" in first, question  # the body duty's unit, not row 42's checking unit
    assert "Phòng Văn hóa – Xã hội" not in first, question


def test_a_question_on_the_row_itself_keeps_the_row(answerer):
    a = answerer.answer("VK ai kiểm tra việc áp dụng ISO 9001 tại các cơ quan")
    assert a.kind == "task"
    assert "Nhiệm vụ 42" in a.text and "Phòng Văn hóa – Xã hội" in a.text


def test_a_task_s_units_are_not_the_units_given_duties():
    assert not DUTY_UNITS_CUE.search("viec ra soat thu tuc hanh chinh giao cho nhung don vi nao")


def test_a_unit_named_asks_its_own_duty_not_who(answerer):
    a = answerer.answer("Trường Xuân: Phòng Kinh tế xã chủ trì thẩm định những gì?")
    assert not a.abstained
    assert "Phòng Văn hóa - Xã hội (mục" not in a.text.splitlines()[0]
    assert "thẩm định kinh phí" in a.text
