"""Follow-up turns that point back or move on (issue 10), on the five seed
plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 1 ("Ban hành Kế
hoạch cải cách hành chính năm 2026") is due "Trước ngày 15/01/2026", its
earliest deadline, with product "Kế hoạch cải cách hành chính của UBND xã";
Lộc Hòa's row 2.2 targets "Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu
96%"; Nam An Phụ's header leaves the decision number blank ("Quyết định số
/QĐ-UBND"); Trường Xuân's annex part III "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH
CHÍNH NHÀ NƯỚC" holds rows 13 to 16.
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from tests.test_answer import talk


@pytest.mark.parametrize("pointer", ["sản phẩm của nó là gì?", "sp cua no la gi?", "nó có sản phẩm gì?"])
def test_pronoun_no_points_at_the_row_just_shown(answerer, pointer):
    *_, last = talk(answerer, "kế hoạch Nam An Phụ có bao nhiêu nhiệm vụ?", "cái nào hạn sớm nhất?", pointer)
    assert not last.abstained, pointer
    assert "Kế hoạch cải cách hành chính của UBND xã" in last.text, pointer
    assert [c.locator for c in last.citations][:1] == ["nhiệm vụ 1"], pointer


def test_a_plan_with_an_ask_of_its_own_is_not_the_previous_question_again(answerer):
    first, _, third = talk(answerer, "Nam An Phụ mức độ hài lòng về TTHC bao nhiêu %?", "còn Trường Xuân?",
                           "thế Lộc Hòa thì tỷ lệ giải quyết hồ sơ đúng hạn tối thiểu bao nhiêu?")
    assert "96%" in third.text and "96%" not in first.text
    assert any(c.locator == "nhiệm vụ 2.2" for c in third.citations)


def test_bare_plan_switch_still_asks_the_previous_question(answerer):
    first, second = talk(answerer, "Lộc Hòa tỷ lệ giải quyết hồ sơ đúng hạn tối thiểu bao nhiêu?",
                         "còn Nam An Phụ thì sao?")
    assert "96%" in first.text
    assert all(c.doc.startswith("001") for c in second.citations) or second.abstained
    assert "96%" not in second.text


@pytest.mark.parametrize("question", ["còn QĐ của Nam An Phụ số mấy?", "quyết định của xã Nam An Phụ số mấy"])
def test_decision_number_asked_with_the_plan_between_is_read_as_the_header_fact(answerer, question):
    *_, last = talk(answerer, "QĐ ban hành KH CCHC Lộc Hòa số mấy?", question)
    assert last.abstained, question
    assert "không ghi số quyết định" in last.text, question


@pytest.mark.parametrize("question", ["Trường Xuân phần cải cách tổ chức bộ máy có những nhiệm vụ nào?",
                                      "truong xuan phan cai cach to chuc bo may co nhung nv nao"])
def test_section_named_without_its_qualifier_lists_its_rows(answerer, question):
    a = answerer.answer(question)
    shown = [c.locator for c in a.citations if c.doc.startswith("002")]
    assert shown == [f"nhiệm vụ {n}" for n in (13, 14, 15, 16)], (question, shown)
    assert fold("tổ chức bộ máy").upper() in fold(a.text).upper()


def test_next_row_follows_the_row_just_asked(answerer):
    first, second = talk(answerer, "Trường Xuân nhiệm vụ 24 ai chủ trì?", "nv tiếp theo thì sao")
    assert [c.locator for c in first.citations][:1] == ["nhiệm vụ 24"]
    assert [c.locator for c in second.citations][:1] == ["nhiệm vụ 25"]
    assert "90%" in second.text  # row 25: "Tối thiểu 90% hồ sơ thủ tục hành chính …"


def test_objective_of_a_row_in_an_annex_without_that_column_gives_the_row(answerer):
    for q in ("Trường Xuân nhiệm vụ 24 chỉ tiêu gì?", "truong xuan nv 24 chi tieu gi"):
        a = answerer.answer(q)
        assert not a.abstained, q
        assert "không có cột Mục tiêu" in a.text and "Năm 2030" in a.text, q
    # the column asked as such, or a row whose content states no figure: the column is absent
    for q in ("Trường Xuân nv 24 cột mục tiêu ghi gì?", "Nam An Phụ nhiệm vụ 18 chỉ tiêu gì?"):
        a = answerer.answer(q)
        assert a.abstained and "không có cột Mục tiêu" in a.text, q


def test_that_unit_lists_the_rows_the_previous_rows_lead_unit_leads(answerer):
    _, second = talk(answerer, "Nam An Phụ nhiệm vụ 8 ai chủ trì?", "đơn vị đó còn chủ trì nv nào nữa không")
    shown = [c.locator for c in second.citations]
    assert shown == ["nhiệm vụ 8", "nhiệm vụ 9"], shown  # both led by Trung tâm Dịch vụ Sự nghiệp công
    assert "Trung tâm Dịch vụ Sự nghiệp công" in second.text


def test_among_the_rows_above_a_bare_year_is_a_deadline_year(answerer):
    _, second = talk(answerer, "Trường Xuân nv nào không ghi cơ quan phối hợp?", "trong mấy cái trên cái nào năm 2030")
    assert [c.locator for c in second.citations] == ["nhiệm vụ 31"]  # 26–31 have no coordinating unit; 31 is "Năm 2030"


def test_a_named_plan_picks_its_row_among_rows_of_several_plans(answerer):
    *_, last = talk(answerer, "NAP nv tham gia hội thi trực tuyến CCHC số mấy?", "xã nào khác có nv tương tự ko?",
                    "VK cái đó hạn khi nào?")
    assert [c.doc[:3] for c in last.citations] == ["004"] and "Quý III, IV/2025" in last.text


def test_plan_switch_after_a_row_found_by_its_subject_gives_that_plans_row_on_it(answerer):
    *_, last = talk(answerer, "KH nào có nv ứng dụng AI?", "cái của Việt Khê ai chủ trì, sản phẩm gì?",
                    "còn của Nam An Phụ thì tháng mấy")
    assert [c.locator for c in last.citations if c.doc.startswith("001")][:1] == ["nhiệm vụ 31"]
    assert "Tháng 10/2026" in last.text


def test_which_plans_needs_an_acronym_of_the_term_not_only_its_other_words(answerer):
    a = answerer.answer("KH nào có nv ứng dụng AI?")
    named = {c.doc[:3] for c in a.citations}
    assert {"001", "004"} <= named, named  # NAP 31 "ứng dụng trí tuệ AI", VK 38 "Ứng dụng AI vào …"
    assert "000" not in named and "002" not in named, named  # "ứng dụng công nghệ thông tin" only
    b = answerer.answer("KH nào có đụng tới giải ngân vốn đầu tư công?")
    assert {"002", "004"} <= {c.doc[:3] for c in b.citations}  # TX 22 "giải ngân … đầu tư vốn", VK 37


def test_a_row_of_the_list_by_its_place(answerer):
    _, second = talk(answerer, "Việt Khê phần tổ chức bộ máy có nv nào?", "nv đầu tiên sản phẩm là gì?")
    assert [c.locator for c in second.citations][:1] == ["nhiệm vụ 26"]  # the list is rows 26, 27
    assert "Quyết định của UBND xã" in second.text
    _, last = talk(answerer, "Việt Khê phần tổ chức bộ máy có nv nào?", "cái cuối cùng ai chủ trì?")
    assert [c.locator for c in last.citations][:1] == ["nhiệm vụ 27"]


def test_a_blank_header_fact_asked_after_another_abstains_in_words(answerer):
    first, second = talk(answerer, "Phú Thái KH kèm quyết định số mấy?", "ai ký quyết định đó, tên gì?")
    assert "533/QĐ-UBND" in first.text  # Phú Thái's header names no signer
    assert second.abstained and "không ghi người ký" in second.text


def test_rows_of_a_plan_numbered_afresh_per_section_keep_their_section_across_turns(answerer):
    """Lộc Hòa numbers rows 1, 2, 3 … again in each part: part III's rows must
    not be mixed with part I's rows of the same number in later turns."""
    first, second, third = talk(answerer, "Lộc Hòa mục III có những nhiệm vụ nào?",
                                "trong đó cái nào do Các bộ phận có liên quan chủ trì?", "cái đầu tiên hạn thế nào")
    assert first.query.result_keys == [("003_c802cf9912aef313.txt", f"iii.{n}") for n in (1, 2, 3, 4)]
    assert {c.section for c in second.citations} == {"III. Cải cách tổ chức bộ máy"}
    assert [c.locator for c in third.citations][:1] == ["nhiệm vụ 2"]
    assert third.citations[0].section == "III. Cải cách tổ chức bộ máy"
    assert "Theo tiến độ phê duyệt" in third.text


@pytest.mark.parametrize("amount", ["cụ thể bao nhiêu tiền một năm?", "cu the bao nhieu ty dong?"])
def test_an_amount_of_money_asked_after_the_funding_source_is_refused_quoting_the_section(answerer, amount):
    first, second = talk(answerer, "kinh phí CCHC của Trường Xuân lấy từ đâu?", amount)
    assert not first.abstained and "dự toán hằng năm" in first.text
    assert second.abstained, amount  # the funding section (mục V) writes no amount
    assert "không nêu số tiền" in second.text and "dự toán hằng năm" in second.text, amount
