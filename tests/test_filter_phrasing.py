"""Filters and cross-plan questions in staff phrasing (abbreviations, asides,
staged deadlines) on the five seed plans, each asked with and without
diacritics; phrasings written for these tests (none from eval/).

Expected values were read from the seed texts in ``corpus/``: Trường Xuân
row 2 is due "Ban hành kế hoạch: Quý I/2026. Thực hiện: Trong năm 2026 và
giai đoạn 2026 - 2030", rows 21 "Quý II hàng năm" and 22 "Quý I hàng năm";
rows 4 and 26-30 have the product "Kế hoạch" alone; in its section II the
Trung tâm Phục vụ hành chính công leads every row but 6, 8 and 10. Việt
Khê rows 12, 14, 15, 16 are about "thi hành pháp luật" (rows 10, 11, 13,
32, 33 name "pháp luật" or "ban hành" apart); in its section VII the Phòng
Văn hoá- Xã hội leads rows 38 and 42 only. Nam An Phụ row 22 and Trường
Xuân's target II.2.b set online payments at 80%; Trường Xuân belongs to
thành phố Cần Thơ.
"""

from __future__ import annotations

import pytest

from retrieval.answer import Answerer
from tests.test_question_classes import both, listed


@pytest.mark.parametrize("question", both("Trường Xuân có những nhiệm vụ nào hạn trong Quý I hoặc Quý II?"))
def test_a_staged_deadline_is_due_when_one_stage_is(answerer: Answerer, question: str):
    # row 2 runs to 2030, but its plan is issued in Quý I/2026
    assert listed(answerer.answer(question).text) == {"2", "21", "22"}


@pytest.mark.parametrize("question", both("Việt Khê những việc liên quan đến thi hành pháp luật "
                                          "(theo dõi, kiểm tra) là những việc nào?"))
def test_a_topic_term_matches_as_a_phrase_and_an_aside_is_no_topic(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"12", "14", "15", "16"}


@pytest.mark.parametrize("question", both("Việt Khê có các nhiệm vụ nào về đo lường sự hài lòng?"))
def test_a_longer_topic_still_matches_its_words_apart(answerer: Answerer, question: str):
    # row 4 writes "đo lường mức độ hài lòng"
    assert {"3", "4", "5"} <= listed(answerer.answer(question).text)


@pytest.mark.parametrize("question", both("Trường Xuân nhiệm vụ nào sản phẩm chỉ ghi mỗi chữ 'Kế hoạch'?"))
def test_a_product_named_as_words_is_the_whole_cell(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert listed(answer.text) == {"4", "26", "27", "28", "29", "30"}
    assert "chu" not in answer.text.splitlines()[0].lower().split()


@pytest.mark.parametrize("question", both("Việt Khê mục VII nhiệm vụ nào ko do Phòng Văn hóa - Xã hội chủ trì?"))
def test_ko_excludes_a_lead_unit(answerer: Answerer, question: str):
    assert listed(answerer.answer(question).text) == {"39", "40", "41"}


@pytest.mark.parametrize("question", both("Trường Xuân mục II, trừ TT PV HCC ra thì nhiệm vụ nào do đơn vị "
                                          "khác chủ trì?"))
def test_tt_pv_hcc_is_the_service_centre(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert listed(answer.text) == {"6", "8", "10"}
    assert "Trung tâm Phục vụ hành chính công" in answer.text.splitlines()[0]


@pytest.mark.parametrize("question", both("kế hoạch nào theo TP Cần Thơ?"))
def test_plans_under_a_city_with_theo(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "upper"
    assert "thành phố Cần Thơ: Trường Xuân" in answer.text


@pytest.mark.parametrize("question", both("thanh toán trực tuyến: Nam An Phụ vs Trường Xuân chỉ tiêu bn?"))
def test_targets_compared_with_vs_and_bn(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "targets"
    assert "(2/2 kế hoạch nêu)" in answer.text
    assert answer.text.count("80%") >= 2


@pytest.mark.parametrize("question", both("Kế hoạch nào có nhiệm vụ riêng trong phụ lục về triển khai "
                                          "TCVN ISO 18091:2020?"))
def test_a_mentioned_term_keeps_its_number_and_drops_where_it_is_asked(answerer: Answerer, question: str):
    answer = answerer.answer(question)
    assert answer.kind == "plans"
    assert "Nam An Phụ" in answer.text and "nhiệm vụ 34" in answer.text
    # it writes only "TCVN ISO 9001:2015": counted among the rest, not named (tests/test_which.py)
    assert "Trường Xuân" not in answer.text and "Các kế hoạch còn lại" in answer.text


@pytest.mark.parametrize("question", both("Việt Khê các nhiệm vụ về thi hành pháp luật"))
def test_the_topic_is_quoted_as_the_rows_write_it(answerer: Answerer, question: str):
    first = answerer.answer(question).text.splitlines()[0]
    assert "pháp luật”" in first and "phap luat" not in first
