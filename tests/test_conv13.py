"""Follow-up turns that restate the earlier subject, ask a body duty in
other words, or ask a unit's duty on a subject (helper conv13), on the seed
plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Lộc Hòa's body (mục II.2.a) aims at
hồ sơ "giải quyết đúng và trước hạn từ 98% trở lên", its annex row 2.2 at
"Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 96%"; its mục V.3 gives
"Công chức Tài chính - Kế toán" the lead on "Cải cách tài chính công";
Trường Xuân's mục VI.5 has the Trung tâm Phục vụ hành chính công follow the
people's "mức độ hài lòng … về giải quyết thủ tục hành chính".
"""

from __future__ import annotations

import pytest

from tests.test_answer import talk


@pytest.mark.parametrize("follow", ["còn ở phụ lục thì chỉ tiêu đúng hạn là bao nhiêu?",
                                    "con phu luc thi chi tieu dung han la bao nhieu"])
def test_annex_asked_with_the_body_subject_restated_gives_the_annex_row(answerer, follow):
    first, second = talk(answerer, "Lộc Hòa phấn đấu tỷ lệ hồ sơ giải quyết đúng và trước hạn bao nhiêu phần trăm?",
                         follow)
    assert "98%" in first.text
    assert not second.abstained, follow
    assert "96%" in second.text, follow
    assert second.query.other_part == "annex"
    assert any(c.locator == "nhiệm vụ 2.2" for c in second.citations), follow


def test_annex_with_a_subject_of_its_own_is_no_other_part_follow_up(answerer):
    *_, last = talk(answerer, "Lộc Hòa phấn đấu tỷ lệ hồ sơ giải quyết đúng và trước hạn bao nhiêu phần trăm?",
                    "trong phụ lục có nhiệm vụ tập huấn nào?")
    assert last.query.other_part is None


@pytest.mark.parametrize("question", ["Lộc Hòa, ai lo cải cách tài chính công?", "loc hoa ai lo tai chinh cong"])
def test_who_takes_care_of_a_field_is_the_body_duty(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    # the body duty (mục V.3) or the annex part V rows, whose lead cells write the same unit
    assert "Tài chính - Kế toán" in a.text, question
    assert all(c.doc.startswith("003") for c in a.citations), question
    assert not any("Văn phòng" in line for line in a.text.splitlines() if "chủ trì" in line), question


def test_who_takes_care_of_a_field_after_another_plan(answerer):
    *_, last = talk(answerer, "Phú Thái giao ai chủ trì cải cách tài chính công?",
                    "còn Lộc Hòa thì ai lo cải cách tài chính công?")
    assert not last.abstained
    assert "Tài chính - Kế toán" in last.text
    assert all(c.doc.startswith("003") for c in last.citations)


@pytest.mark.parametrize("question", [
    "Trường Xuân, Trung tâm Phục vụ hành chính công theo dõi sự hài lòng về cái gì?",
    "TX trung tam phuc vu HCC theo doi muc do hai long ve viec gi",
])
def test_a_units_duty_on_a_subject_is_its_body_duty_not_all_its_rows(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.kind == "duties", question
    assert "giải quyết thủ tục hành chính" in a.text.split("\n")[1], question
    assert a.citations[0].locator == "mục VI.5", question


def test_a_units_duties_without_a_subject_still_list_its_rows(answerer):
    a = answerer.answer("Trường Xuân, Trung tâm Phục vụ hành chính công chủ trì những nhiệm vụ nào?")
    assert not a.abstained
    assert any(c.locator == "nhiệm vụ 9" for c in a.citations)


#: Việt Khê's row 6 (kiểm tra CCHC) in two parts, one "Tối thiểu 30% các cơ quan,
#: đơn vị thuộc và trực thuộc …"; Phú Thái's body target II.5 "tối thiểu 30% số
#: cơ quan, đơn vị thuộc và trực thuộc", with no such row in its annex.
_PARTED_ROW = ("Việt Khê nhiệm vụ 6 gồm những phần nào, mỗi phần mấy phần trăm?", "phần 30% ai chủ trì?")


def test_a_like_target_asked_of_a_plan_without_a_like_row_is_its_body_target(answerer):
    *_, last = talk(answerer, *_PARTED_ROW, "Phú Thái có chỉ tiêu tương tự không?")
    assert not last.abstained
    assert "30%" in last.text
    assert [c.locator for c in last.citations] == ["mục II.5"]
    assert all(c.doc.startswith("000") for c in last.citations)


def test_a_like_target_no_body_states_is_not_made_up(answerer):
    *_, last = talk(answerer, *_PARTED_ROW, "Lộc Hòa có chỉ tiêu tương tự không?")
    assert "phần thân kế hoạch" not in last.text
