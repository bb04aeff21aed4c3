"""Cross-plan questions (helper cross9), on the five seed plans. Phrasings
written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 35 and Việt Khê's
row 42 both check the ISO 9001 quality system, due "Cả năm 2026" and
"Quý III,IV/2025"; Phú Thái's target II.5 inspects "tối thiểu 30%" of its
units, Việt Khê's row 6 "Tối thiểu 20%" of its offices.
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.answering.scoring import query_terms
from retrieval.query import parse_query


@pytest.mark.parametrize("question", [
    "Nam An Phụ và Việt Khê đều có việc kiểm tra hệ thống ISO 9001 à, thời hạn mỗi bên?",
    "NAP với VK cùng có nv kiểm tra ISO 9001 à, hạn của từng bên?",
])
def test_both_plans_confirmed_with_each_sides_deadline(answerer, question):
    found = answerer.answer(question)
    assert not found.abstained, question
    assert "Cả năm 2026" in found.text and "Quý III" in found.text, question
    docs = {c.doc[:3] for c in found.citations}
    assert {"001", "004"} <= docs, question


def test_distributive_frame_and_particle_are_no_content(answerer):
    query = parse_query("NAP với VK có việc kiểm tra ISO à, hạn mỗi bên?", answerer.catalog)
    words = query_terms(query, set())
    assert "ben" not in words and "a" not in words
    assert "iso" in words


@pytest.mark.parametrize("typed, key", [("tỉ lệ", "ty le"), ("ti le", "ty le"), ("kĩ năng", "ky nang"),
                                        ("quản lí", "quan ly"), ("tí", "ti")])
def test_i_and_y_spellings_share_one_key(typed, key):
    assert canon(typed) == key


def test_share_spelt_with_i_compared_across_two_plans(answerer):
    found = answerer.answer("ti le kiem tra CCHC toi thieu cua Phu Thai va Viet Khe?")
    assert not found.abstained
    assert "30%" in found.text and "20%" in found.text


def test_unit_given_a_body_duty_not_a_row_sharing_common_words(answerer):
    # Nam An Phụ's row 18 only shares "cổng thông tin điện tử"; its part IV.2.e gives the duty
    found = answerer.answer("Nam An Phụ giao đơn vị nào đổi mới chuyên mục cải cách hành chính "
                            "trên cổng thông tin điện tử?")
    assert not found.abstained
    assert "Trung tâm Dịch vụ Sự nghiệp công" in found.text
    assert [c.locator for c in found.citations] == ["mục IV.2.e"]


def test_each_named_plan_gives_its_own_unit_for_one_duty(answerer):
    found = answerer.answer("Phú Thái với Việt Khê: ai được giao đổi mới chuyên mục CCHC trên cổng TTĐT xã?")
    assert "Trung tâm Văn hoá, Thể thao và Truyền thông" in found.text
    assert "Đài phát thanh" in found.text
    assert "nhiệm vụ 18" not in found.text
