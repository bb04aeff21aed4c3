"""Body facts of the seed plans asked in shapes the body routes missed (helper
body11). Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's preamble closes with
"Theo Đề nghị của Trưởng Phòng Văn hóa - Xã hội tại Tờ trình số
12/TTr-VHXH"; Việt Khê's has no such line; Phú Thái's section III.7.d
"Phát triển các ứng dụng, dịch vụ" lists "Quản lý văn bản và hồ sơ công
việc" first; Trường Xuân's II.2.b "Về cải cách TTHC" (under "2. Các chỉ
tiêu chủ yếu đến năm 2030") has 9 dashes; Lộc Hòa's II.4.a "Mục tiêu" of
"4. Cải cách chế độ công vụ" opens with a sentence ending "trong đó:" and
then 6 dashes; Nam An Phụ's "Trung tâm Dịch vụ Sự nghiệp công xã" (IV.2.e)
renews the "chuyên mục, chuyên trang" and leads annex rows 8 and 9; Việt
Khê's "c, Phòng Kinh tế" (V.9.c) has four duties, the last on "TCVN ISO
9001:2015"; Lộc Hòa's e-government target exempts "bí mật Nhà nước"
files; its funding section says "ngân sách nhà nước" and its "Công chức
Tài chính - Kế toán" advises on it.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["Trường Xuân ban hành KH theo tờ trình số mấy?",
                                      "KH của TX là theo đề nghị của ai vậy"])
def test_preamble_proposal_is_a_header_fact(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "12/TTr-VHXH" in answer.text and "Văn hóa - Xã hội" in answer.text


def test_a_plan_without_a_proposal_line_says_so(answerer):
    answer = answerer.answer("Việt Khê ban hành theo tờ trình số mấy?")
    assert answer.abstained
    assert "TTr" not in answer.text


@pytest.mark.parametrize("question", ["Phú Thái mục 7d có những gì?",
                                      "ở Phú Thái, phần ứng dụng, dịch vụ (III.7.d) ghi những việc nào?"])
def test_section_number_glued_or_in_brackets(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "Quản lý văn bản và hồ sơ công việc" in answer.text
    assert "chữ ký số trên nền tảng di động" in answer.text
    assert any(c.locator == "mục III.7.d" for c in answer.citations)


def test_dashes_of_a_sub_part_named_by_its_words_are_counted(answerer):
    answer = answerer.answer("Trường Xuân, chỉ tiêu về cải cách TTHC gồm bao nhiêu gạch đầu dòng?")
    assert not answer.abstained
    assert "gồm 9 mục" in answer.text
    assert any(c.locator == "mục II.2.b" for c in answer.citations)


def test_targets_of_a_part_skip_the_opening_sentence(answerer):
    answer = answerer.answer("Lộc Hòa đặt mấy chỉ tiêu cụ thể cho mục tiêu cải cách chế độ công vụ?")
    assert "gồm 6 mục" in answer.text
    assert any(c.locator == "mục II.4.a" for c in answer.citations)
    assert "nhiệm vụ thuộc" not in answer.text  # not the annex rows of the part


def test_unit_written_by_initials(answerer):
    answer = answerer.answer("Nam An Phụ giao trung tâm DVSNC làm những việc gì?")
    assert not answer.abstained
    assert "chuyên mục, chuyên trang" in answer.text


def test_body_duties_and_annex_rows_asked_in_two_clauses(answerer):
    answer = answerer.answer("Nam An Phụ: trung tâm dịch vụ sự nghiệp công có trách nhiệm gì, "
                             "và chủ trì những nhiệm vụ nào ở phụ lục?")
    assert "chuyên mục, chuyên trang" in answer.text
    assert "phát thanh viên" in answer.text


def test_every_duty_of_a_unit_in_the_implementation_part(answerer):
    answer = answerer.answer("Việt Khê, phòng kinh tế lo các nội dung gì theo phần tổ chức thực hiện?")
    assert answer.kind == "duties"
    assert "TCVN ISO 9001:2015" in answer.text and "tài chính công" in answer.text


def test_exception_of_a_target(answerer):
    answer = answerer.answer("Lộc Hòa, hồ sơ công việc xử lý trên môi trường mạng có ngoại lệ gì không?")
    assert not answer.abstained
    assert "bí mật Nhà nước" in answer.text


def test_mention_frame_words_are_no_subject(answerer):
    answer = answerer.answer("Lộc Hòa có nhắc đến những công nghệ số mới nào?")
    assert not answer.abstained
    assert "Big Data" in answer.text and "Blockchain" in answer.text


def test_funding_source_and_its_adviser(answerer):
    answer = answerer.answer("Lộc Hòa: kinh phí của kế hoạch từ đâu ra và ai tham mưu bố trí?")
    assert "ngân sách nhà nước" in answer.text
    assert "Tài chính - Kế toán" in answer.text


def test_a_funding_step_still_gives_the_units_duty(answerer):
    answer = answerer.answer("Nam An Phụ, phòng kinh tế trình phê duyệt kinh phí vào lúc nào?")
    assert "Quý I/2026" in answer.text


def test_documents_a_part_cites(answerer):
    answer = answerer.answer("Phú Thái, phần cải cách tài chính công có viện dẫn những nghị định nào?")
    assert "Nghị định số 60/2021/NĐ-CP" in answer.text and "Nghị định số 111/2025/NĐ-CP" in answer.text
    assert any(c.locator == "mục III.6" for c in answer.citations)


def test_a_basis_dated_in_words_also_shows_the_short_date(answerer):
    answer = answerer.answer("Lộc Hòa căn cứ những văn bản nào để ban hành KH?")
    assert "14/01/2025" in answer.text
def test_legal_basis_asked_by_its_issuer(answerer):
    answer = answerer.answer("kế hoạch Lộc Hòa căn cứ quyết định nào của UBND huyện Lộc Ninh?")
    assert "128/QĐ-UBND" in answer.text and "14/01/2025" in answer.text
    assert "76/NQ-CP" not in answer.text and "531/QĐ-UBND" not in answer.text


def test_legal_basis_asked_by_kind_and_issuer(answerer):
    answer = answerer.answer("Nam An Phụ dựa vào nghị quyết nào của Chính phủ để ban hành kế hoạch?")
    assert "76/NQ-CP" in answer.text
    assert "5256/QĐ-UBND" not in answer.text


def test_every_legal_basis_when_no_issuer_is_named(answerer):
    answer = answerer.answer("Nam An Phụ ban hành kế hoạch căn cứ những văn bản gì?")
    assert "76/NQ-CP" in answer.text and "5256/QĐ-UBND" in answer.text


def test_body_duties_of_a_unit_on_a_topic_no_row_is_about(answerer):
    answer = answerer.answer("Trường Xuân: phòng văn hóa xã hội được giao những việc gì về đo lường hài lòng?")
    assert answer.kind == "duties"
    assert "SIPAS" in answer.text and "y tế công" in answer.text and "giáo dục công" in answer.text


def test_a_topic_the_units_duties_do_not_name_is_still_refused(answerer):
    answer = answerer.answer("Trường Xuân: phòng văn hóa xã hội có nhiệm vụ gì về phòng cháy chữa cháy?")
    assert answer.kind != "duties"
    assert "y tế công" not in answer.text


def test_legal_bases_of_two_issuers_joined(answerer):
    answer = answerer.answer("kế hoạch Lộc Hòa căn cứ các văn bản nào của huyện và của xã?")
    assert "128/QĐ-UBND" in answer.text and "531/QĐ-UBND" in answer.text
    assert "76/NQ-CP" not in answer.text
