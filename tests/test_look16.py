"""Task look-ups as staff ask them: a task in everyday words, a yes/no check
carrying a guess of the lead, several fields in one line with short forms,
a row named by its number and by one of its cells. Phrasings written for
these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 8 (the announcer
contest, "Tham gia cuộc thi phát thanh viên …") is led by "Trung tâm Dịch vụ
Sự nghiệp công", due "Tháng 11"; its row 28 ("Thực hiện Tổng kiểm kê tài sản
công …") by "Phòng Kinh tế xã", "Tháng 01/2026 đến tháng 5/2026"; its row 32
(data onto the city's IOC) by "Phòng Văn hoá- Xã hội". Việt Khê's row 7 (the
PCI index) is led by "Phòng Kinh tế"; its row 22 has "Trung tâm hành chính
công" as Cơ quan phối hợp; its row 29 (attracting talent) gives the product
"Nghị quyết của HĐND xã". Lộc Hòa's row II.3 (SMS, ZMS, email utilities) is
led by "Văn phòng UBND xã"; its row VI.2.1 gives the product "CSDL chuyên ngành".
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.question.cues import CONTACT_ASKED, LATEST, LEAD_GUESSED
from retrieval.question.parse import asks_row_number, parse_query


@pytest.mark.parametrize("question", [
    "VK nv 22 ai chu tri, ai ph?",
    "Việt Khê nhiệm vụ 22 đv ph là ai",
    "viet khe nv 22 ph gom nhung ai",
])
def test_ph_beside_an_asking_word_asks_the_coordinating_cell(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "Trung tâm hành chính công" in a.text


def test_ph_alone_asks_nothing(answerer):
    q = parse_query("VK nv 22 ai chu tri", answerer.catalog)
    assert q.fields == ["lead"]


@pytest.mark.parametrize("question, head", [
    ("Việt Khê việc nâng cao chỉ số năng lực cạnh tranh PCI giao cho ai? có phải Phòng Văn hóa – Xã hội không?",
     "Không: nhiệm vụ 7 do Phòng Kinh tế chủ trì"),
    ("viet khe viec nang cao chi so nang luc canh tranh PCI ai lo, phong kinh te dung khong", "Có: nhiệm vụ 7"),
])
def test_a_guess_of_the_lead_is_said_yes_or_no_with_the_real_lead(answerer, question, head):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.text.startswith(head), a.text


def test_a_guess_is_read_only_where_the_lead_is_asked():
    assert LEAD_GUESSED.search(canon("giao cho ai việc X? có phải Phòng Kinh tế không vậy?"))
    assert LEAD_GUESSED.search(canon("việc X ai lo, Phòng Kinh tế đúng không"))
    assert not LEAD_GUESSED.search(canon("Phòng Kinh tế chủ trì những việc gì?"))


def test_the_unit_checked_is_no_word_of_the_row(answerer):
    # "Văn phòng HĐND và UBND" is written in body duties: the check is no duty question
    a = answerer.answer("Nam An Phụ việc tích hợp dữ liệu lên hệ thống IOC có phải Văn phòng HĐND và UBND chủ trì không?")
    assert a.text.startswith("Không: nhiệm vụ 32 do Phòng Văn hoá- Xã hội chủ trì"), a.text
    assert "Cả năm 2026" in a.text


def test_a_contact_word_naming_the_task_is_no_contact_asked(answerer):
    a = answerer.answer("Lộc Hòa việc gửi SMS, email thông báo kết quả giải quyết hồ sơ do ai chủ trì?")
    assert not a.abstained
    assert "Văn phòng UBND xã" in a.text
    refused = answerer.answer("Lộc Hòa email liên hệ của Văn phòng UBND xã là gì?")
    assert refused.abstained
    assert CONTACT_ASKED.search(canon("số điện thoại bao nhiêu"))
    assert not CONTACT_ASKED.search(canon("việc nhắn tin SMS, email báo kết quả ai chủ trì"))


def test_the_final_product_is_no_latest_deadline(answerer):
    a = answerer.answer("Việt Khê: việc xây dựng chính sách thu hút nhân tài thì sản phẩm cuối cùng là gì?")
    assert "Nghị quyết của HĐND xã" in a.text
    assert "muộn nhất" not in a.text
    assert LATEST.search(canon("nhiệm vụ nào có hạn cuối cùng"))
    assert not LATEST.search(canon("kết quả sau cùng là văn bản gì"))


@pytest.mark.parametrize("question", [
    "việc kiểm kê tài sản công là nv mấy",
    "cái đó thuộc dòng bao nhiêu",
])
def test_the_row_number_asked_without_so(question):
    assert asks_row_number(canon(question))


def test_function_syllables_seldom_written_together_are_a_term(answerer):
    a = answerer.answer("NAP việc tổng kiểm kê lại tài sản công do ai làm, từ tháng mấy đến tháng mấy?")
    assert not a.abstained
    assert "Phòng Kinh tế xã" in a.text
    assert "Tháng 01/2026 đến tháng 5/2026" in a.text


def test_a_row_named_by_number_and_by_its_cell_shows_that_cell(answerer):
    a = answerer.answer("loc hoa phan VI muc 2.1 csdl chuyen nganh ai phu trach?")
    assert not a.abstained
    assert "Sản phẩm: CSDL chuyên ngành" in a.text
    plain = answerer.answer("Lộc Hòa mục VI 2.1 ai chủ trì?")
    assert "Sản phẩm" not in plain.text  # only the fields asked, the lead and the deadline


def test_a_task_in_everyday_words_is_found(answerer):
    a = answerer.answer("Nam An Phụ cái vụ đi thi làm phát thanh viên về CCHC của thành phố thì bên nào lo?")
    assert not a.abstained, a.text
    assert "Trung tâm Dịch vụ Sự nghiệp công" in a.text
    assert "nhiệm vụ 8" in [c.locator for c in a.citations]


@pytest.mark.parametrize("question, number", [
    ("VK nv 7 à nhầm, nv 8 ai chủ trì?", "8"),
    ("Trường Xuân nhiệm vụ 21, à không, nhiệm vụ 22 hạn khi nào?", "22"),
    ("NAP nv 5 ý tôi là 6 thì ai chủ trì", "6"),
])
def test_a_row_number_taken_back_asks_the_one_after(answerer, question, number):
    a = answerer.answer(question)
    assert not a.abstained
    assert [c.locator for c in a.citations][:1] == [f"nhiệm vụ {number}"], a.text


def test_not_that_row_keeps_the_first():
    from retrieval.question.corrections import corrected

    assert corrected("nv 7, không phải nv 8, ai chủ trì?") == "nv 7, không phải nv 8, ai chủ trì?"


@pytest.mark.parametrize("question, head", [
    ("VK nv 7 có phải Phòng Văn hóa – Xã hội chủ trì không?", "Không: nhiệm vụ 7 do Phòng Kinh tế chủ trì"),
    ("Việt Khê nhiệm vụ 7 do Phòng Kinh tế chủ trì đúng không?", "Có: nhiệm vụ 7 do Phòng Kinh tế chủ trì"),
])
def test_a_numbered_row_checked_says_yes_or_no(answerer, question, head):
    a = answerer.answer(question)
    assert a.text.startswith(head), a.text
    assert "Cả năm 2025" in a.text


@pytest.mark.parametrize("question", [
    "Lộc Hòa VI-2.1 ai chủ trì?",
    "loc hoa VI/2.1 san pham gi",
    "Lộc Hòa mục sáu 2.1 ai chủ trì",
    "Lộc Hòa mục VI, 2.1 hạn khi nào",
])
def test_a_section_number_written_loosely_names_that_section_row(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained
    assert a.text.startswith("Nhiệm vụ 2.1 [VI."), a.text
    assert "Rà soát quy chế hoạt động Bộ phận một cửa" not in a.text  # row 2.1 of section II


def test_a_lowercase_vi_is_no_numeral(answerer):
    q = parse_query("đơn vị 2.1 ai chủ trì", answerer.catalog)
    assert q.section_number is None
