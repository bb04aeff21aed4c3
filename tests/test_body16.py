"""Body facts asked in styles of our own (helper body16), on the seed plans.

Read from the seed texts in ``corpus/``: Việt Khê's "IV. KINH PHÍ" has the
estimates "được Phòng Kinh tế, Phòng Văn hoá - xã hội thẩm định" and its
mục V.8 the units send them "trước ngày 25/01/2025"; Lộc Hòa's mục II.2.a
aims at hồ sơ "giải quyết đúng và trước hạn từ 98% trở lên. 100% hồ sơ trễ
hạn phải có văn bản xin lỗi"; its "1. Mục đích" (mục I.1) has three dash
items, its "2. Yêu cầu" (mục I.2) the three items a)–c); its mục V gives
six units duties, V.3 "Công chức Tài chính - Kế toán" the lead on "Cải cách
tài chính công"; Phú Thái (no annex read) gives "cải cách thể chế" to the
Văn phòng HĐND và UBND (mục IV.2.b); Trường Xuân's annex has 31 tasks, six
led by the Văn phòng HĐND và UBND (1, 2, 3, 6, 8, 10), and its rows on
"kiểm tra" are 16, 27, 28. Phrasings written for these tests, not taken
from a set.
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.question.cues import asks_overdue

LH, PT, TX, VK = "003", "000", "002", "004"


# -- funding: the estimate's deadline and who reviews it

@pytest.mark.parametrize("question", [
    "Việt Khê dự trù kp gửi xã hạn chót ngày nào, phòng nào thẩm định?",
    "viet khe kinh phi thuc hien: han nop du tru va don vi tham dinh?",
])
def test_funding_process_gives_the_funding_part_and_the_deadline(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "Phòng Kinh tế" in a.text, question
    assert "25/01/2025" in a.text, question
    assert all(c.doc.startswith(VK) for c in a.citations), question


def test_kp_is_the_chat_shorthand_of_kinh_phi():
    assert canon("nguồn kp lấy ở đâu") == "nguon kinh phi lay o dau"


# -- a target with its late counterpart

@pytest.mark.parametrize("key", [
    "ty le ho so giai quyet dung va truoc han bao nhieu tre han thi sao",
    "ho so duoc giai quyet dung han dat may phan tram con qua han xu ly the nao",
])
def test_the_late_half_of_a_timeliness_target_is_no_overdue_question(key):
    assert not asks_overdue(key)


@pytest.mark.parametrize("key", ["nhiem vu nao da qua han", "nhung viec tre han cua phong kinh te"])
def test_overdue_tasks_are_still_asked(key):
    assert asks_overdue(key)


@pytest.mark.parametrize("question", [
    "Lộc Hòa hồ sơ phải giải quyết đúng và trước hạn bao nhiêu phần trăm, còn hồ sơ trễ hạn thì sao?",
    "loc hoa ty le ho so dung va truoc han la bn, tre han thi phai lam gi",
])
def test_a_target_with_its_late_counterpart(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.kind != "status", question
    assert "98%" in a.text and "xin lỗi" in a.text, question


# -- lists named loosely

@pytest.mark.parametrize("question", [
    "Lộc Hòa yêu cầu của kế hoạch gồm bao nhiêu ý?",
    "loc hoa phan yeu cau co nhung y nao",
    "Lộc Hòa các yêu cầu của KH là gì?",
])
def test_the_requirements_named_loosely_give_the_part_whole(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.citations[0].locator == "mục I.2", question
    for words in ("đồng bộ", "người đứng đầu", "nguồn lực"):
        assert words in a.text, (question, words)


def test_the_requirements_counted(answerer):
    a = answerer.answer("LH yêu cầu của KH có mấy ý?")
    assert "gồm 3 mục" in a.text


def test_verb_yeu_cau_names_no_list(answerer):
    a = answerer.answer("Trường Xuân yêu cầu các cơ quan báo cáo theo những kỳ nào?")
    assert not any(c.locator == "mục I.2" for c in a.citations[:1])


def test_a_heading_that_joins_two_names_is_named_by_one(answerer):
    a = answerer.answer("Nam An Phụ yêu cầu của kế hoạch gồm mấy ý?")
    assert a.citations[0].locator == "mục I.1"
    assert "Mục đích, yêu cầu" in a.text


def test_a_heading_many_parts_share_is_not_guessed(answerer):
    # Lộc Hòa has a "a) Mục tiêu" under each of its seven reform areas
    a = answerer.answer("Lộc Hòa phần mục tiêu gồm những ý nào?")
    assert not any(c.locator == "mục II.1.a" for c in a.citations[:1]) or "II.2.a" in a.text


@pytest.mark.parametrize("question", [
    "Kế hoạch Lộc Hòa, mục I phần mục đích có bao nhiêu gạch đầu dòng?",
    "loc hoa muc I co may gach dau dong",
])
def test_dash_items_of_a_numbered_section_counted(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "gồm 3 mục (gạch đầu dòng)" in a.text, question


def test_a_part_under_a_numbered_section_is_named_by_its_heading(answerer):
    a = answerer.answer("Lộc Hòa mục I yêu cầu có mấy ý?")
    assert a.citations[0].locator == "mục I.2"
    assert "gồm 3 mục" in a.text


def test_according_to_a_part_is_no_list_of_it(answerer):
    a = answerer.answer("Lộc Hòa tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt bao nhiêu theo phần nội dung?")
    assert "98%" in a.text


def test_a_section_number_not_in_the_plan_is_not_a_heading(answerer):
    a = answerer.answer("Lộc Hòa mục IX trong phụ lục gồm những việc gì?")
    assert not any(c.locator == "mục Phụ lục" for c in a.citations)


# -- every unit's duties at once

@pytest.mark.parametrize("question", [
    "Lộc Hòa trách nhiệm của các bộ phận được ghi ra sao?",
    "loc hoa moi bo phan duoc giao lam gi",
])
def test_every_units_duties(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.kind == "duties", question
    assert "6 đơn vị" in a.text, question
    for unit in ("Tư pháp", "Tài chính - Kế toán", "Trạm Y tế"):
        assert unit in a.text, (question, unit)


def test_every_unit_with_a_subject_of_its_own_is_not_every_duty(answerer):
    a = answerer.answer("Việt Khê các phòng chuyên môn có trách nhiệm gì về kinh phí?")
    assert "giao trách nhiệm cho" not in a.text


# -- who is in charge of a reform area

@pytest.mark.parametrize("question", ["Lộc Hòa ai phụ trách mảng tài chính công?",
                                      "loc hoa cai cach tai chinh cong do ai lo"])
def test_a_reform_area_gives_its_body_duty_and_its_rows(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    lines = a.text.splitlines()
    assert lines[0].startswith("Theo phần Tổ chức thực hiện"), question
    assert "Công chức Tài chính - Kế toán (mục V.3)" in lines[1], question
    assert "Trong phụ lục nhiệm vụ:" in a.text, question
    assert a.citations[0].locator == "mục V.3", question
    assert any(c.locator.startswith("nhiệm vụ") for c in a.citations), question


def test_a_reform_area_of_a_plan_without_rows_is_its_body_duty(answerer):
    a = answerer.answer("Phú Thái đơn vị nào lo cải cách thể chế?")
    assert not a.abstained
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã (mục IV.2.b)" in a.text
    assert a.citations[0].locator == "mục IV.2.b"


def test_a_task_of_the_area_is_not_the_area(answerer):
    a = answerer.answer("Lộc Hòa ai lo việc rà soát ban hành văn bản QPPL về quản lý ngân sách trong phần tài chính công?")
    assert not a.text.startswith("Theo phần Tổ chức thực hiện")


def test_an_annex_part_by_number_stays_its_rows(answerer):
    a = answerer.answer("LH phụ lục mục V cải cách tài chính công do ai chủ trì?")
    assert not a.text.startswith("Theo phần Tổ chức thực hiện")
    assert "Tài chính - Kế toán" in a.text


# -- bracketed kinds of a topic, a total beside a count

@pytest.mark.parametrize("question", [
    "Trường Xuân có những nhiệm vụ gì về kiểm tra (CCHC, công vụ, tổ chức bộ máy)?",
    "truong xuan nv nao ve kiem tra (cchc, cong vu, bo may)",
])
def test_bracketed_kinds_of_a_topic_name_no_annex_part(answerer, question):
    a = answerer.answer(question)
    cited = {c.locator for c in a.citations}
    assert {"nhiệm vụ 16", "nhiệm vụ 27", "nhiệm vụ 28"} <= cited, question
    assert "nhiệm vụ 13" not in cited, question


@pytest.mark.parametrize("question", [
    "Trường Xuân có tất cả bao nhiêu nhiệm vụ, trong đó Văn phòng HĐND và UBND chủ trì mấy?",
    "TX tong so nv phu luc la bn, VP HDND va UBND chu tri may nv",
])
def test_a_total_beside_a_units_count(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "tổng cộng 31 nhiệm vụ" in a.text, question
    assert "6 nhiệm vụ" in a.text, question


def test_a_units_own_total_is_no_plan_total(answerer):
    a = answerer.answer("Văn phòng HĐND và UBND Trường Xuân chủ trì tổng cộng mấy nhiệm vụ?")
    assert "tổng cộng 31" not in a.text
    assert "6 nhiệm vụ" in a.text


# -- the plan's main tasks, a heading asked in the plural

@pytest.mark.parametrize("question", ["Phú Thái những việc chính của kế hoạch là gì?",
                                      "phu thai nhiem vu trong tam gom nhung gi"])
def test_main_tasks_named_loosely_give_the_tasks_part(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.citations[0].locator == "mục III", question
    assert "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" in a.text, question


def test_a_tasks_part_that_points_to_the_annex_gives_the_annex_parts(answerer):
    a = answerer.answer("Trường Xuân nhiệm vụ trọng tâm là những gì?")
    assert "(Theo Phụ lục đính kèm)" in a.text
    assert "I. CẢI CÁCH THỂ CHẾ (3 nhiệm vụ)" in a.text


def test_a_heading_written_whole_in_the_plural_is_listed(answerer):
    a = answerer.answer("Việt Khê kế hoạch có những nhiệm vụ, giải pháp chủ yếu nào?")
    assert a.citations[0].locator == "mục III"
    assert "Cải cách thể chế" in a.text


def test_the_plans_own_part_asked_in_the_singular(answerer):
    a = answerer.answer("truong xuan muc dich cua ke hoach la gi")
    assert a.citations[0].locator == "mục I.1"


def test_the_purpose_of_an_activity_is_no_part_of_the_plan(answerer):
    a = answerer.answer("Trường Xuân mục đích của việc khảo sát là gì?")
    assert not any(c.locator == "mục I.1" for c in a.citations[:1])


def test_the_thing_counted_names_no_heading(answerer):
    a = answerer.answer("Lộc Hòa CCHC được triển khai trên bao nhiêu nội dung, đó là gì?")
    assert not any(c.locator == "mục II" for c in a.citations[:1])
