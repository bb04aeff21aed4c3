"""Body lists answered whole, a unit's duties asked with the plan as scope,
and money asked as a target: phrasings staff use, on the seed plans."""

from __future__ import annotations

import pytest

NAP, PT, TX = "001_45f28ce285131ed1.txt", "000_d171992c76d70bad.txt", "002_b6a4a2778198d6b8.txt"


def test_section_by_number_lists_every_item(answerer):
    # Phú Thái has no annex: "mục 7.d" is the body's list III.7.d, every item whole
    answer = answerer.answer("Phu Thai: muc 7.d bao gom nhung noi dung nao?")
    assert not answer.abstained and answer.citations[0].doc == PT
    assert answer.citations[0].locator == "mục III.7.d"
    for item in ("Quản lý văn bản và hồ sơ công việc", "liên thông 02 cấp", "chữ ký số",
                 "du lịch thông minh"):
        assert item in answer.text


def test_section_by_heading_words_lists_every_item(answerer):
    answer = answerer.answer("Kể ra đầy đủ các chỉ tiêu chủ yếu của kế hoạch Nam An Phụ")
    assert answer.citations[0].locator == "mục I.2"
    for value in ("DCI", "tăng ít nhất 10%", "90% trở lên"):
        assert value in answer.text


def test_section_items_counted(answerer):
    answer = answerer.answer("kh truong xuan phan IV co tat ca bao nhieu giai phap")
    assert answer.citations[0].doc == TX and "gồm 7 mục" in answer.text


def test_common_heading_word_is_not_a_section(answerer):
    # "yêu cầu" and "phần trăm" name no list: the target sentence answers
    answer = answerer.answer("Phú Thái yêu cầu kiểm tra tối thiểu bao nhiêu phần trăm số cơ quan?")
    assert "30%" in answer.text and "gồm" not in answer.text


@pytest.mark.parametrize("question", [
    "Nam An Phụ: Phòng Kinh tế xã phụ trách những việc gì theo kế hoạch?",
    "phong kinh te xa nam an phu con lam gi nua",
    "NAP Phòng Kinh tế xã được giao những nhiệm vụ gì trong KH năm 2026 vậy?",
])
def test_duties_with_the_plan_as_scope(answerer, question):
    answer = answerer.answer(question)
    assert answer.kind == "duties" and answer.citations[0].locator == "mục IV.2.c"
    assert "phê duyệt kinh phí" in answer.text and "Theo dõi, tổng hợp và kiểm tra" in answer.text


def test_budget_revenue_is_a_target_not_funding(answerer):
    answer = answerer.answer("chi tieu thu ngan sach cua Nam An Phu nam 2026 la bao nhieu?")
    assert "10%" in answer.text and "KINH PHÍ" not in answer.text


def test_legal_bases_listed_once_each(answerer):
    answer = answerer.answer("kế hoạch Lộc Hòa được ban hành dựa trên những căn cứ nào?")
    assert answer.kind == "meta" and not answer.abstained
    assert "76/NQ-CP" in answer.text and "531/QĐ-UBND" in answer.text
    assert answer.text.count("128/QĐ-UBND") == 1  # stated twice in the plan, listed once
    assert "Căn cứ các nội dung của Kế hoạch này" not in answer.text  # a duty, not a basis


def test_blank_decision_number_is_said_not_guessed(answerer):
    # Nam An Phụ's decision reads "Số: /QĐ-UBND": the bases' numbers must not stand in for it
    answer = answerer.answer("QD ban hanh ke hoach Nam An Phu mang so bao nhieu?")
    assert answer.abstained and "không ghi số quyết định" in answer.text
    assert "5256" not in answer.text


def test_date_written_as_the_plan_writes_it(answerer):
    answer = answerer.answer("Lộc Hòa ký quyết định ban hành kế hoạch vào ngày nào?")
    assert "22/01/2025" in answer.text


@pytest.mark.parametrize("question", [
    "Trường Xuân: chế độ báo cáo kết quả CCHC quy định ra sao?",
    "truong xuan cac don vi phai gui bao cao dinh ky ve dau",
])
def test_reporting_regime_from_the_implementation_part(answerer, question):
    answer = answerer.answer(question)
    assert "hằng quý, 6 tháng và năm" in answer.text and "Phòng Văn hóa - Xã Hội xã" in answer.text
    assert all(c.doc == TX and c.locator.startswith("mục VI") for c in answer.citations)
    assert answer.text.count("Phối hợp thực hiện Kế hoạch; báo cáo UBND xã") == 1  # said once


def test_reporting_day_follows_the_conversation_to_another_plan(answerer):
    from retrieval.answer import Turn
    first = answerer.answer("Phú Thái: báo cáo quý phải nộp trước ngày mấy?")
    assert "trước ngày 06 của tháng cuối quý" in first.text
    second = answerer.answer("thế còn Nam An Phụ?", history=[Turn("Phú Thái: báo cáo quý phải nộp trước ngày mấy?", first)])
    assert "trước ngày 05 tháng cuối của quý" in second.text and second.citations[0].doc == NAP


def test_a_year_the_plan_does_not_cover_is_said(answerer):
    answer = answerer.answer("Trường Xuân: đến năm 2032 tỷ lệ hồ sơ trực tuyến toàn trình phải đạt bao nhiêu %?")
    assert answer.abstained and "2026 - 2030" in answer.text
    # a year inside the period, or written beside the topic, is answered
    kept = answerer.answer("chỉ tiêu thu ngân sách năm 2026 của NAP phải tăng ít nhất bao nhiêu so với năm 2025?")
    assert not kept.abstained and "10%" in kept.text


def test_funding_and_who_appraises_it(answerer):
    answer = answerer.answer("viet khe: kinh phi cai cach hanh chinh bo tri tu dau va ai tham dinh du tru?")
    assert "Phòng Kinh tế, Phòng Văn hoá - xã hội thẩm định" in answer.text
    assert answer.citations[0].locator == "mục IV"


def test_bases_of_the_district_are_bases_not_the_upper_locality(answerer):
    answer = answerer.answer("loc hoa ban hanh ke hoach can cu nhung van ban nao cua huyen?")
    assert answer.kind == "meta" and "128/QĐ-UBND" in answer.text
