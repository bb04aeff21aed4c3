"""Filters over annex rows (helper filt15), on the five seed plans. Phrasings
written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Lộc Hòa numbers rows afresh in each
part; its part V "Cải cách tài chính công" has rows 1 and 2, both led by
"Tài chính - Kế toán xã", row 2 with a sub-row on "kiểm toán"; its row IV.3
leaves the product cell empty and is due "Khi có kế hoạch của tỉnh".
Trường Xuân's rows 26 to 31 close the annex; its rows 24 and 25, led by the
Trung tâm Phục vụ hành chính công, are due "Năm 2030".
"""

from __future__ import annotations

from retrieval.query import parse_query


def test_sub_row_meeting_a_unit_filter_is_shown_under_its_row(answerer):
    a = answerer.answer("Lộc Hòa: những việc nào do bộ phận Tài chính - Kế toán chủ trì?")
    assert not a.abstained
    assert "Tài chính - Kế toán xã" in a.text
    assert "kiểm toán" in a.text
    assert "(mục V)" in a.text


def test_empty_product_filter_shows_the_deadline(answerer):
    a = answerer.answer("Lộc Hòa có dòng nào để trống sản phẩm không?")
    assert not a.abstained
    assert "Khi có kế hoạch của tỉnh" in a.text


def test_row_range_is_spelled_out(answerer):
    for text in ("Trường Xuân nv 26-31 hạn thế nào", "Trường Xuân từ nhiệm vụ 26 đến 31 hạn ra sao"):
        assert parse_query(text, answerer.catalog).task_refs == [str(n) for n in range(26, 32)], text


def test_lead_asked_of_a_part_named_by_its_heading(answerer):
    a = answerer.answer("Ở Lộc Hòa, mảng cải cách tài chính công giao cho bộ phận nào?")
    assert not a.abstained
    assert "Tài chính - Kế toán xã" in a.text


def test_negated_period_is_not_quoted_back(answerer):
    a = answerer.answer("Trường Xuân: các việc Trung tâm Phục vụ hành chính công chủ trì, bỏ những việc hạn Năm 2030")
    assert not a.abstained
    assert "năm 2030" not in a.text.lower()
    assert {c.locator for c in a.citations} >= {"nhiệm vụ 4", "nhiệm vụ 12"}
