"""Single-plan task look-ups by content and their explained abstentions, on
the five seed plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's row 28 ("Thực hiện
kiểm tra công vụ hàng năm") leaves its Cơ quan phối hợp cell blank, and its
row 22 is a report on its own subject ("Báo cáo thực hiện giải ngân kế hoạch
đầu tư vốn ngân sách nhà nước hàng năm", due "Quý I hàng năm"); Nam An Phụ's
row 7 (the online contest) is due "Khi thành phố tổ chức" and its row 8 (the
announcer contest, led by "Trung tâm Dịch vụ Sự nghiệp công") "Tháng 11";
Việt Khê's row 12 is due "Trước ngày 10/12/2025", its row 41 carries out a
scheme "ban hành kèm theo Quyết định số 323/QĐ-UBND", and its header leaves
the plan's own decision number blank.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Ở Trường Xuân, việc thực hiện kiểm tra công vụ hằng năm do những đơn vị nào phối hợp?",
    "truong xuan kiem tra cong vu hang nam phoi hop voi ai",
])
def test_blank_cell_of_a_row_found_by_content_is_an_explained_abstention(answerer, question):
    a = answerer.answer(question)
    assert a.abstained, question
    assert a.text.startswith("Nhiệm vụ 28"), a.text
    assert "không ghi cơ quan phối hợp" in a.text
    assert "Phòng Văn hóa - Xã hội" in a.text  # the row read is named, with its lead


@pytest.mark.parametrize("question, written", [
    ("Nam An Phụ hội thi trực tuyến về CCHC tổ chức vào ngày cụ thể nào?", "Khi thành phố tổ chức"),
    ("Nam An Phụ nv 8 hạn chót là ngày mấy?", "Tháng 11"),
])
def test_a_day_the_row_does_not_write_is_said_with_what_it_writes(answerer, question, written):
    a = answerer.answer(question)
    assert a.abstained, question
    assert "không ghi ngày cụ thể" in a.text
    assert written in a.text


def test_a_day_the_row_writes_is_answered(answerer):
    a = answerer.answer("Việt Khê nhiệm vụ 12 phải hoàn thành trước ngày nào?")
    assert not a.abstained
    assert "10/12/2025" in a.text


@pytest.mark.parametrize("opener", ["Vui lòng cho biết", "Đề nghị cho biết", "Xin cho biết"])
def test_a_request_opener_does_not_send_a_row_question_to_the_body(answerer, opener):
    a = answerer.answer(f"{opener} ở Nam An Phụ ai chủ trì việc tham gia cuộc thi phát thanh viên?")
    assert not a.abstained
    assert "Trung tâm Dịch vụ Sự nghiệp công" in a.text
    assert [c.locator for c in a.citations][:1] == ["nhiệm vụ 8"]


def test_a_report_on_its_own_subject_is_its_annex_row(answerer):
    a = answerer.answer("Trường Xuân: báo cáo tình hình giải ngân vốn đầu tư từ ngân sách hằng năm thì hạn lúc nào?")
    assert not a.abstained
    assert "Quý I hàng năm" in a.text
    assert [c.locator for c in a.citations][:1] == ["nhiệm vụ 22"]


def test_the_reform_report_still_gets_the_reporting_regime(answerer):
    a = answerer.answer("Nam An Phụ báo cáo quý về CCHC phải gửi trước ngày nào?")
    assert not a.abstained
    assert "chế độ báo cáo" in a.text and "ngày 05" in a.text


def test_a_decision_a_row_cites_is_read_from_the_row(answerer):
    a = answerer.answer("Việt Khê: đề án cơ sở dữ liệu đất đai triển khai theo quyết định số mấy?")
    assert not a.abstained
    assert "323/QĐ-UBND" in a.text
    assert [c.locator for c in a.citations][:1] == ["nhiệm vụ 41"]


def test_the_plans_own_decision_is_still_the_header_fact(answerer):
    a = answerer.answer("Việt Khê: kế hoạch này ban hành kèm quyết định số mấy?")
    assert a.abstained
    assert "không ghi số quyết định" in a.text
    assert "323" not in a.text
