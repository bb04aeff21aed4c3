"""Body facts asked in styles of our own (helper body15), on the seed plans.

Read from the seed texts in ``corpus/``: Lộc Hòa's "Tổ chức thực hiện"
(mục V.1.b) has the Văn phòng-thống kê report "định kỳ hàng quý"; Nam An
Phụ's mục IV.1.c gives the quarterly and 6-month reports "trước ngày 05";
Nam An Phụ's funding part is "III. KINH PHÍ", Trường Xuân's "V. KINH PHÍ".
Phrasings written for these tests, not taken from a set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["KH Lộc Hòa có yêu cầu báo cáo quý không?",
                                      "ke hoach loc hoa co phai bao cao quy ko"])
def test_yes_no_on_a_period_report_gives_the_reporting_regime(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert "chế độ báo cáo" in a.text and "hàng quý" in a.text, question
    assert any(c.locator == "mục V.1.b" for c in a.citations), question


def test_yes_no_on_the_half_year_report_names_its_day(answerer):
    a = answerer.answer("ke hoach Nam An Phu co phai bao cao 6 thang khong")
    assert "trước ngày 05" in a.text
    assert any(c.locator == "mục IV.1.c" for c in a.citations)


@pytest.mark.parametrize(("question", "locator"), [
    ("cái phần nói về tiền làm kế hoạch Nam An Phụ ghi thế nào?", "mục III"),
    ("kinh phi thuc hien ke hoach Truong Xuan lay tu dau", "mục V"),
])
def test_funding_named_loosely_gives_the_funding_part(answerer, question, locator):
    a = answerer.answer(question)
    assert "kinh phí" in a.text.lower(), question
    assert [c.locator for c in a.citations][:1] == [locator], question


def test_signer_asked_without_diacritics(answerer):
    assert "Nguyễn Công Thành" in answerer.answer("ai ky ke hoach Loc Hoa").text
