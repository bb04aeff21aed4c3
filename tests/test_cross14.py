"""One item asked of several named plans: each plan's own annex row on it
(issue cross14), on the five seed plans. Phrasings written for these tests.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 3 (quarterly CCHC
report) is due "Trước ngày 05 của tháng cuối quý", Việt Khê's row 2 (the same
report) "Trước ngày 20 của tháng cuối quý", while both bodies say the report
is sent "trước ngày 05/10 tháng cuối của quý"; Trường Xuân's row 22 reports on
disbursing public investment "Quý I hàng năm", Việt Khê's row 37 disburses
"tối thiểu 95%"; Nam An Phụ row 15, Trường Xuân row 2 and Việt Khê row 12
issue the plan for monitoring law enforcement.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "hạn gửi bc CCHC hằng quý ở NAP và VK khác nhau chỗ nào",
    "Báo cáo cải cách hành chính hằng quý ở Nam An Phụ với Việt Khê hạn gửi có giống nhau không?",
])
def test_body_answer_also_gives_each_plans_annex_row(answerer, question):
    found = answerer.answer(question)
    assert "Trước ngày 05 của tháng cuối quý" in found.text, question
    assert "Trước ngày 20 của tháng cuối quý" in found.text, question
    cited = {(c.doc[:3], c.locator) for c in found.citations}
    assert {("001", "nhiệm vụ 3"), ("004", "nhiệm vụ 2")} <= cited


def test_rows_answer_when_no_body_passage_does(answerer):
    found = answerer.answer("vụ giải ngân đầu tư công, TX và VK mỗi nơi ghi ra sao")
    assert not found.abstained
    assert "Quý I hàng năm" in found.text and "95%" in found.text


def test_three_plans_each_give_their_row(answerer):
    found = answerer.answer("ke hoach theo doi thi hanh phap luat o NAP, TX va VK han khi nao")
    locators = {(c.doc[:3], c.locator) for c in found.citations}
    assert {("001", "nhiệm vụ 15"), ("002", "nhiệm vụ 2"), ("004", "nhiệm vụ 12")} <= locators


def test_an_item_no_plan_has_gets_no_row(answerer):
    found = answerer.answer("hạn phóng vệ tinh quan trắc ở NAP và VK khác nhau thế nào?")
    assert "Trong phụ lục nhiệm vụ" not in found.text
    assert not any(c.locator.startswith("nhiệm vụ") for c in found.citations)
