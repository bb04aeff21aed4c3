"""Filters over annex rows (helper filt16), on the five seed plans. Phrasings
written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's rows 26 to 31 leave the
coordinating cell empty; its part III (tổ chức bộ máy) has rows 13 and 14 due
"(…) giai đoạn 2026 - 2030", 15 and 16 due "Năm 2026 và hàng năm …" and
"Hàng năm và chuyên đề …"; its rows 17 and 18 are about "đào tạo" (17 of
"cán bộ", 18 "đào tạo, bồi dưỡng công chức"). Nam An Phụ's rows due inside
quarter IV/2026 but not over the whole year are 4 (Quý IV/2026), 8 (Tháng 11),
9 (Tháng 10 hàng năm) and 31 (Tháng 10/2026); its part VII rows 31-35 are all
led by the Phòng Văn hóa – Xã hội. Việt Khê's Văn phòng HĐND và UBND xã sits
in the coordinating cell of rows 17, 21 and 40 only; its rows due on a day or
in a month are 1 (Trong tháng 7/2025), 2 (… ngày 20 của tháng cuối quý) and 12
(Trước ngày 10/12/2025); its rows 3, 4, 5 measure satisfaction ("đo lường
(mức độ) sự hài lòng").
"""

from __future__ import annotations

import re

import pytest

from ingest.lexicon import canon
from retrieval.question.parse import parse_query
from retrieval.question.selection import slash_alternatives


def _listed(text: str) -> set[str]:
    return set(re.findall(r"^\s*- (\d+)\.", text, re.M))


@pytest.mark.parametrize("question", [
    "Trường Xuân có việc nào không có ai phối hợp không?",
    "truong xuan nv nao ko co dv phoi hop",
    "TX những nhiệm vụ nào ô phối hợp bỏ trống",
    "Ở Trường Xuân, việc nào chưa nêu tên bên phối hợp?",
])
def test_empty_coordinating_cell_named_loosely(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert _listed(a.text) == {str(n) for n in range(26, 32)}, question


def test_dv_before_a_role_is_a_unit_elsewhere_a_service():
    assert "don vi phoi hop" in canon("ko có dv phối hợp")
    assert "don vi nao chu tri" in canon("dv nào chủ trì")
    assert canon("dv y tế") == "dich vu y te"


@pytest.mark.parametrize("question", [
    "Việt Khê: những việc Văn phòng HĐND và UBND xã chỉ đóng vai trò phối hợp",
    "VK nv nao Van phong HDND va UBND xa khong chu tri ma chi phoi hop",
])
def test_unit_only_as_coordinating(answerer, question):
    assert parse_query(question, answerer.catalog).unit_role == "coordinating"
    assert _listed(answerer.answer(question).text) == {"17", "21", "40"}, question


def test_quarter_without_the_whole_year_rows(answerer):
    question = "Nam An Phụ có nv nào hạn rơi vào quý IV/2026, không tính những việc làm cả năm?"
    q = parse_query(question, answerer.catalog)
    assert q.period == "2026-Q4" and not q.period_exact and q.exclude_deadlines == ["whole_year"]
    assert _listed(answerer.answer(question).text) == {"4", "8", "9", "31"}


def test_section_without_a_span_of_years(answerer):
    a = answerer.answer("Trường Xuân mục III, bỏ các việc giai đoạn 2026-2030 ra thì còn việc nào?")
    assert _listed(a.text) == {"15", "16"}
    assert "2026 - 2030" in a.text  # the head line says what was left out


def test_overdue_on_a_day_or_month_deadline_leaving_out_quarters(answerer):
    question = "tính tới 15/12/2025, ở Việt Khê việc nào hạn ghi cụ thể ngày tháng (trừ quý, thường xuyên) đã trễ hạn?"
    q = parse_query(question, answerer.catalog)
    assert not q.regular and q.overdue and q.today == "2025-12-16"
    assert set(q.exclude_deadlines) == {"form:quy", "regular"} and q.deadline_forms == ["ngay", "thang"]
    assert _listed(answerer.answer(question).text) == {"1", "12"}


def test_one_kind_alone_stays_a_negated_condition(answerer):
    q = parse_query("Kể các nhiệm vụ của Nam An Phụ, bỏ qua các nhiệm vụ thường xuyên", answerer.catalog)
    assert q.regular and q.negate and q.exclude_deadlines == []


def test_topic_right_after_the_rows_noun(answerer):
    question = "Việt Khê những nhiệm vụ đo lường mức độ hài lòng"
    assert parse_query(question, answerer.catalog).intent == "filter"
    assert _listed(answerer.answer(question).text) == {"3", "4", "5"}


def test_every_row_is_about_reform_so_that_is_no_topic(answerer):
    assert parse_query("NAP các nhiệm vụ cải cách hành chính", answerer.catalog).topic is None
    assert parse_query("Việt Khê các nhiệm vụ còn lại", answerer.catalog).topic is None


def test_topic_as_a_slash_list(answerer):
    question = "Trường Xuân các việc về bồi dưỡng/đào tạo cán bộ"
    assert parse_query(question, answerer.catalog).topic_alternatives == ["boi duong", "dao tao can bo"]
    assert _listed(answerer.answer(question).text) == {"17", "18"}


def test_slash_alternatives_need_words_on_both_sides():
    assert slash_alternatives("tap huan dao tao", "về tập huấn/đào tạo") == ["tap huan", "dao tao"]
    assert slash_alternatives("tap huan", "tính đến 15/12/2025 các việc về tập huấn") == []


def test_unit_left_out_inside_a_section_lists_the_rows_checked(answerer):
    question = "Nam An Phụ mục chính quyền số, ngoài những việc Phòng Văn hóa – Xã hội chủ trì còn việc nào không?"
    q = parse_query(question, answerer.catalog)
    assert q.exclude_units and q.exclude_topic is None
    a = answerer.answer(question)
    assert not a.abstained and a.text.startswith("Không có")
    assert _listed(a.text) == {"31", "32", "33", "34", "35"}


def test_whole_year_left_out_as_not_being_of_that_kind(answerer):
    a = answerer.answer("NAP việc nào đến hạn trong quý IV/2026 nhưng không phải loại làm cả năm")
    assert _listed(a.text) == {"4", "8", "9", "31"}


@pytest.mark.parametrize("question", [
    "Đến ngày 15/12/2025 VK có nv nào đã quá hạn (chỉ tính các nv có hạn ngày, tháng cụ thể)?",
    "Tính đến 15/12/2025, Việt Khê nv nào có hạn là một ngày/tháng cụ thể mà đã trễ?",
])
def test_overdue_among_day_or_month_deadlines(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.deadline_forms == ["ngay", "thang"] and q.overdue, question
    assert _listed(answerer.answer(question).text) == {"1", "12"}, question


def test_rows_counted_by_a_bare_topic(answerer):
    a = answerer.answer("VK có mấy nv đo lường sự hài lòng")
    assert a.text.startswith("3 nhiệm vụ") and {c.locator for c in a.citations} == {
        "nhiệm vụ 3", "nhiệm vụ 4", "nhiệm vụ 5"}
