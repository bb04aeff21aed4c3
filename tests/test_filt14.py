"""Deadline filters of helper filt14, on the five seed plans. Phrasings
written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's rows 24, 25 and 31
are due "Năm 2030" while rows 14 and others are due "Giai đoạn 2026 - 2030";
Nam An Phụ's rows written in months are 8 ("Tháng 11"), 9 ("Tháng 10 hàng
năm"), 28 ("Tháng 01/2026 đến tháng 5/2026"), 31 ("Tháng 10/2026") and 33
("Tháng 7-9/2026"); Việt Khê's row 1 is due "Trong tháng 7/2025", row 12
"Trước ngày 10/12/2025", row 13 "Quý III năm 2025", the rows of "Quý
III,IV/2025" and "Quý IV/2025" end on 31/12/2025.
"""

from __future__ import annotations

import pytest

from retrieval.question.parse import parse_query


def _rows(answer, prefix: str) -> list[str]:
    return [c.locator for c in answer.citations if c.doc.startswith(prefix)]


@pytest.mark.parametrize("question", ["Trường Xuân có nhiệm vụ nào thời hạn ghi đúng năm 2030 không, bỏ qua giai đoạn?",
                                      "truong xuan nhung nv han ghi dung nam 2030"])
def test_a_year_written_exactly_leaves_the_period_rows_out(answerer, question):
    a = answerer.answer(question)
    assert _rows(a, "002") == ["nhiệm vụ 24", "nhiệm vụ 25", "nhiệm vụ 31"], question
    assert "Giai đoạn 2026 - 2030" not in a.text


def test_the_day_given_as_today_in_shorthand_is_the_day_counted_from(answerer):
    q = parse_query("hnay la 20/3/2026 thi NAP nhung nv nao qua han", answerer.catalog)
    assert q.today == "2026-03-20" and q.overdue
    a = answerer.answer("hnay la 20/3/2026 thi NAP nhung nv nao qua han")
    assert _rows(a, "001") == ["nhiệm vụ 1"]  # "Trước ngày 15/01/2026"; the quarter I rows end on 31/3


@pytest.mark.parametrize("question", ["Lấy ngày 15/10/2026, NAP những nv hạn ghi theo tháng mà chưa đến hạn?",
                                      "tinh tai 15/10/2026 NAP nv nao han theo thang con han"])
def test_rows_in_months_not_yet_due_as_of_a_day(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.not_yet_due and not q.overdue and q.deadline_form == "thang", question
    a = answerer.answer(question)
    # 9 ("Tháng 10 hàng năm") and 31 (October 2026) still run on 15/10; 28 and 33 have ended
    assert _rows(a, "001") == ["nhiệm vụ 8", "nhiệm vụ 9", "nhiệm vụ 31"], question


def test_not_yet_overdue_is_not_overdue(answerer):
    q = parse_query("tính đến 01/12/2025 VK nhiệm vụ nào chưa quá hạn", answerer.catalog)
    assert q.not_yet_due and not q.overdue
    a = answerer.answer("tính đến 01/12/2025 VK nhiệm vụ nào chưa quá hạn")
    shown = _rows(a, "004")
    assert "nhiệm vụ 12" in shown and "nhiệm vụ 14" in shown  # 10/12 and quarter IV still ahead
    assert "nhiệm vụ 1" not in shown and "nhiệm vụ 13" not in shown  # July and quarter III are past


@pytest.mark.parametrize("question", ["VK tính đến 20/12/2025 nv nào trễ hạn, chỉ xét hạn ghi theo ngày hoặc theo "
                                      "tháng hay riêng quý 3",
                                      "viet khe den ngay 20/12/2025 nv nao da qua han (thoi han ghi theo ngay, "
                                      "thang hoac rieng quy III)"])
def test_deadline_forms_listed_as_alternatives(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.deadline_forms == ["ngay", "thang", "quy-3"] and q.period is None, question
    a = answerer.answer(question)
    assert _rows(a, "004") == ["nhiệm vụ 1", "nhiệm vụ 12", "nhiệm vụ 13"], question
    assert "Quý III,IV/2025" not in a.text and "Quý IV/2025" not in a.text


def test_one_quarter_alone_is_still_the_period_asked(answerer):
    q = parse_query("VK nhiệm vụ nào hạn quý III?", answerer.catalog)
    assert q.period == "*-Q3" and not q.deadline_forms


def test_a_product_said_again_in_brackets_matches_either_wording(answerer):
    question = "TX nv nao co sp la Diem/Chi so (Điểm số Chỉ số) vay?"
    q = parse_query(question, answerer.catalog)
    assert q.product_alternatives == ["diem so chi so"]
    a = answerer.answer(question)
    assert _rows(a, "002") == ["nhiệm vụ 8", "nhiệm vụ 9", "nhiệm vụ 11", "nhiệm vụ 12"]
    assert "Điểm số" in a.text.split("\n")[0]
