"""Which-plans questions across the five seed plans: the plans that meet the
condition are named, the others only counted; a yes/no of every plan still
names those that do not; a task count compared between plans is said.
Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: ISO 18091 is written by Phú Thái
(mục III.7.e, at the end of a long sentence on ISO 9001), Nam An Phụ (row 34
and the body) and Việt Khê, not by Trường Xuân nor Lộc Hòa; the satisfaction
target on solving TTHC is 90% in Phú Thái, Nam An Phụ and Việt Khê, 97% in
Trường Xuân, none in Lộc Hòa; the online-payment target is 80% in Nam An Phụ
(row 22) and Trường Xuân, 75% / 80% in Lộc Hòa's rows; Phú Thái, Nam An Phụ
and Việt Khê are under thành phố Hải Phòng, Trường Xuân under thành phố Cần
Thơ, Lộc Hòa under huyện Lộc Ninh; the signers are Nguyễn Văn Tuy (Nam An
Phụ), Nguyễn Văn Phúc (Trường Xuân), Nguyễn Công Thành (Lộc Hòa), Phú Thái
and Việt Khê name none; Nam An Phụ's annex has 35 rows, Trường Xuân's 31,
Việt Khê's 42.
"""

from __future__ import annotations

import re

import pytest

from retrieval.query import parse_query
from retrieval.question.crossplan import threshold

PLACES = ("Phú Thái", "Nam An Phụ", "Trường Xuân", "Lộc Hòa", "Việt Khê")


def named(text: str) -> set[str]:
    """The seed plans an answer names."""
    return {p for p in PLACES if p in text}


# ------------------------------------------------------------ the question model

@pytest.mark.parametrize("question, which", [
    ("những kế hoạch nào đề cập tiêu chuẩn ISO 18091?", True),
    ("xã nào trực thuộc TP Cần Thơ?", True),
    ("tất cả các xã đều nhắc ISO 18091 phải không?", False),  # a yes/no of every plan
    ("ISO 18091 xã nào cũng nhắc à?", False),
    ("KH nào thuộc Hải Phòng, KH nào thuộc Cần Thơ?", False),  # two asks side by side
    ("xã nào đặt chỉ tiêu hài lòng cao nhất?", False),  # a ranking
])
def test_which_is_read_from_one_plan_selector(answerer, question, which):
    assert parse_query(question, answerer.catalog).which is which, question


@pytest.mark.parametrize("text, bound", [
    ("kế hoạch nào đặt mức hài lòng từ 95% trở lên", (">=", 95.0)),
    ("xã nào có tỷ lệ trên 85 %", (">", 85.0)),
    ("KH nào đặt tỷ lệ không thấp hơn 70 phần trăm", (">=", 70.0)),
    ("KH nào để tỷ lệ hồ sơ trễ hạn không quá 3%", ("<=", 3.0)),
    ("những xã nào đặt tỷ lệ ít hơn 12,5%", ("<", 12.5)),
    ("xã nào đặt tỷ lệ hài lòng bao nhiêu %", None),
    ("KH nào cho năm 2026 trở lên", None),  # a year is no percentage
])
def test_threshold_reads_the_bound_on_a_percentage(text, bound):
    assert threshold(text) == bound, text


# ------------------------------------------------------------ terms mentioned

def test_which_plans_mention_a_term_names_only_those_that_do(answerer):
    found = answerer.answer("những kế hoạch nào đề cập tiêu chuẩn ISO 18091?")
    assert not found.abstained
    assert named(found.text) == {"Phú Thái", "Nam An Phụ", "Việt Khê"}
    assert "Các kế hoạch còn lại (2) không nhắc đến." in found.text


def test_a_yes_no_of_every_plan_names_those_that_do_not(answerer):
    found = answerer.answer("tất cả các xã đều nhắc ISO 18091 phải không?")
    assert found.text.startswith("Không")
    assert {"Trường Xuân", "Lộc Hòa"} <= named(found.text)


def test_the_excerpt_shows_the_most_telling_word_of_the_term(answerer):
    # Phú Thái writes 18091 at the end of a long sentence that opens on ISO 9001
    found = answerer.answer("xã nào có nói về việc áp dụng TCVN ISO 18091:2020?")
    line = next(x for x in found.text.splitlines() if x.startswith("- Phú Thái"))
    assert "18091" in line


def test_a_further_ask_after_a_comma_is_no_part_of_the_term(answerer):
    found = answerer.answer("kế hoạch nào có ứng dụng AI, cho biết số nhiệm vụ")
    query = parse_query("kế hoạch nào có ứng dụng AI, cho biết số nhiệm vụ", answerer.catalog)
    assert query.mention == "ung dung ai"
    assert {"Nam An Phụ", "Việt Khê"} <= named(found.text)
    assert re.search(r"nhiệm vụ 31\b", found.text) and re.search(r"nhiệm vụ 38\b", found.text)


# ------------------------------------------------------------ targets with a bound

def test_a_target_bound_lists_the_plans_whose_figure_meets_it(answerer):
    found = answerer.answer("kế hoạch nào đặt mức hài lòng của người dân về giải quyết TTHC từ 90% trở lên?")
    assert found.kind == "targets"
    assert named(found.text) == {"Phú Thái", "Nam An Phụ", "Trường Xuân", "Việt Khê"}
    assert "97%" in found.text


def test_a_higher_bound_leaves_out_the_plans_below_it(answerer):
    found = answerer.answer("xã nào đặt mức hài lòng về giải quyết TTHC trên 95%?")
    assert named(found.text) == {"Trường Xuân"}
    assert "3 kế hoạch đặt mức từ 95% trở xuống" in found.text


def test_the_figure_compared_is_the_one_of_the_topic(answerer):
    # Lộc Hòa's row 3.1 gives 90% (online files) and 80% (online payment): the payment one counts
    found = answerer.answer("những kế hoạch nào đặt tỷ lệ thanh toán trực tuyến từ 78% trở lên?")
    assert named(found.text) == {"Nam An Phụ", "Trường Xuân", "Lộc Hòa"}
    line = next(x for x in found.text.splitlines() if x.startswith("- Lộc Hòa"))
    assert "80%" in line and "90%" not in line.split("—")[0]


def test_a_bound_no_plan_sets_a_target_for_is_refused(answerer):
    found = answerer.answer("KH nào đặt chỉ tiêu hài lòng về dịch vụ bưu chính từ 90% trở lên?")
    assert found.abstained


# ------------------------------------------------------------ the upper locality

def test_which_communes_are_under_a_named_locality(answerer):
    found = answerer.answer("xã nào trực thuộc TP Cần Thơ?")
    assert found.kind == "upper"
    assert named(found.text) == {"Trường Xuân"}
    assert "Các kế hoạch còn lại (4) không thuộc thành phố Cần Thơ." in found.text


def test_two_localities_asked_side_by_side_still_group_every_plan(answerer):
    found = answerer.answer("KH nào thuộc Hải Phòng, KH nào thuộc Cần Thơ?")
    assert named(found.text) == set(PLACES)


# ------------------------------------------------------------ header facts

def test_which_plans_give_the_signer_names_each_and_counts_the_rest(answerer):
    found = answerer.answer("kế hoạch nào có ghi người ký?")
    assert found.kind == "meta"
    assert {"Nguyễn Văn Tuy", "Nguyễn Văn Phúc", "Nguyễn Công Thành"} <= set(re.findall(r"Nguyễn \w+ \w+", found.text))
    assert named(found.text) == {"Nam An Phụ", "Trường Xuân", "Lộc Hòa"}
    assert "Các kế hoạch còn lại (2) không ghi người ký." in found.text


def test_which_plans_have_a_decision_number(answerer):
    found = answerer.answer("những KH nào có số hiệu quyết định?")
    assert found.kind == "meta"
    assert {"533/QĐ-UBND", "04/QĐ-UBND", "09/QĐ-UBND"} <= set(re.findall(r"\d+/QĐ-UBND", found.text))
    assert "Nam An Phụ" not in found.text and "Việt Khê" not in found.text


# ------------------------------------------------------------ counts compared

@pytest.mark.parametrize("question, verdict", [
    ("giữa Trường Xuân và Việt Khê, kế hoạch nào ít việc hơn?", "Trường Xuân (giai đoạn 2026 - 2030) ít hơn"),
    ("Việt Khê với Nam An Phụ thì bên nào nhiều nhiệm vụ hơn?", "Việt Khê (6 tháng cuối năm 2025) nhiều hơn"),
    ("Nam An Phụ có nhiều nhiệm vụ hơn Trường Xuân không?", "Nam An Phụ (năm 2026) nhiều hơn"),
])
def test_a_task_count_compared_between_plans_is_said(answerer, question, verdict):
    found = answerer.answer(question)
    assert found.kind == "count", question
    assert verdict in found.text, question
    counts = {"Nam An Phụ": "35", "Trường Xuân": "31", "Việt Khê": "42"}
    for place in named(found.text):
        assert re.search(rf"{place}[^\n]*: {counts[place]} nhiệm vụ", found.text), question


def test_a_count_compared_keeps_the_rows_it_counts(answerer):
    # a unit named beside the plans: the plans compared on that unit's rows, not the units ranked
    found = answerer.answer("Phòng Kinh tế chủ trì ở NAP hay VK nhiều nv hơn?")
    assert found.kind == "count"
    assert re.search(r"Nam An Phụ[^\n]*: 3 nhiệm vụ", found.text)
    assert re.search(r"Việt Khê[^\n]*: 6 nhiệm vụ", found.text)
    assert "Việt Khê (6 tháng cuối năm 2025) nhiều hơn" in found.text


def test_a_filter_between_the_comparison_words_is_still_a_count(answerer):
    query = parse_query("giữa NAP và VK thì bên nào nhiều nhiệm vụ thường xuyên hơn?", answerer.catalog)
    assert query.count and query.regular and query.count_compare == "more"
    found = answerer.answer("giữa NAP và VK thì bên nào nhiều nhiệm vụ thường xuyên hơn?")
    assert not found.abstained and "nhiều hơn" in found.text


def test_a_bound_no_plan_meets_is_refused_saying_what_they_set(answerer):
    found = answerer.answer("những xã nào đặt mức hài lòng về giải quyết TTHC từ 99% trở lên?")
    assert found.abstained
    assert "4 kế hoạch đặt mức dưới 99%" in found.text
    assert not named(found.text)
