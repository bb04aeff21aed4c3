"""Filters by product, exclusion, empty cells and unit (helper filtx21), on the
five seed plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's rows whose Sản phẩm cell
is just "Kế hoạch" are 4 and 26-30 (rows 1, 2, 14, 16, 18 write "Kế hoạch …"
with more words); Nam An Phụ's cells that are just "Báo cáo" are rows 3 and 32.
Nam An Phụ's Phòng Kinh tế leads rows 28 (Tổng kiểm kê tài sản công), 29 and
30; its part VII holds rows 31-35, of which 34 and 35 are about ISO. Việt Khê's
Phòng Kinh tế leads rows 7 (PCI), 34-37 (Cải cách tài chính công) and 41; of
34-37, 35 is about "tự chủ"; its part II (thể chế) rows 10-16 write "Quý
IV/2025" in rows 14, 15, 16 ("Quý III,IV/2025" in 10 and 11). Lộc Hòa's part
VII rows 1-3 leave the deadline cell empty; Trường Xuân's part VII rows 26-31
leave the coordinating cell empty, Nam An Phụ's part VII fills every product.
"""

from __future__ import annotations

import re

import pytest

from ingest.lexicon import canon
from retrieval.question.parse import parse_query


def _listed(text: str) -> set[str]:
    return set(re.findall(r"^\s*- (\d+)\.", text, re.M))


# ------------------------------------------------------------ a product cell that is exactly a word

@pytest.mark.parametrize("question", [
    "Trường Xuân có những nhiệm vụ nào sản phẩm chỉ là Kế hoạch thôi?",
    "truong xuan nv nao san pham ghi 'ke hoach' tron",
    "Ở TX, việc nào có sp chỉ ghi “Kế hoạch” là việc nào?",
    "TX sp ghi vỏn vẹn 'Kế hoạch' là những nv nào",
    "Trường Xuân nv nào sản phẩm chỉ có mỗi chữ \"Kế hoạch\"?",
])
def test_product_cell_that_is_just_the_word(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert (q.product_text, q.product_exact) == ("ke hoach", True), question
    a = answerer.answer(question)
    assert not a.abstained, question
    assert _listed(a.text) == {"4", "26", "27", "28", "29", "30"}, question


def test_product_word_said_plain_in_another_plan(answerer):
    a = answerer.answer("nam an phu nv nao san pham chi ghi bao cao tron")
    assert _listed(a.text) == {"3", "32"}


def test_product_without_only_still_holds_the_word(answerer):
    q = parse_query("TX nhiệm vụ nào có sản phẩm là kế hoạch", answerer.catalog)
    assert q.product_text == "ke hoach" and not q.product_exact


def test_product_opening_with_chi_is_no_only(answerer):
    q = parse_query("TX nhiệm vụ nào có sản phẩm là chỉ thị", answerer.catalog)
    assert (q.product_text, q.product_exact) == ("chi thi", False)


def test_exact_product_none_found_says_exact(answerer):
    a = answerer.answer("VK những việc có sản phẩm đúng là \"Báo cáo\" là việc nào")
    assert a.abstained and "ghi đúng" in a.text


# ------------------------------------------------------------ exclusions by content

@pytest.mark.parametrize("question, rows", [
    ("nam an phu ngoai viec kiem ke tai san cong thi phong kinh te con lam nv nao", {"29", "30"}),
    ("Việt Khê: ngoài việc PCI ra thì Phòng Kinh tế còn chủ trì những việc gì?", {"34", "35", "36", "37", "41"}),
    ("bên cạnh việc kiểm kê tài sản công, Phòng Kinh tế NAP còn chủ trì việc gì?", {"29", "30"}),
    # "đo lường" folds to "do", no glue word; the unit cut where it begins, past the word limit
    ("VK ngoài mấy việc đo lường sự hài lòng thì P.VH-XH còn chủ trì gì",
     {"1", "2", "6", "8", "9", "25", "26", "27", "28", "29", "30", "31", "32", "33", "38", "42"}),
])
def test_rows_left_out_before_the_unit(answerer, question, rows):
    q = parse_query(question, answerer.catalog)
    assert q.unit and "phong" not in (q.exclude_topic or ""), question
    a = answerer.answer(question)
    assert _listed(a.text) == rows, question


@pytest.mark.parametrize("question", [
    "nap muc vii nhung viec ko lien quan iso",
    "Nam An Phụ mục VII có những nhiệm vụ nào chẳng dính gì đến ISO?",
    "Nam An Phụ, phần VII: việc nào không liên quan tới ISO?",
    "Nam An Phụ mục VII nv nào không phải về ISO?",
])
def test_rows_not_about_a_topic(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.exclude_topic == "iso" and q.topic is None, question
    assert _listed(answerer.answer(question).text) == {"31", "32", "33"}, question


@pytest.mark.parametrize("question, rows", [
    ("ngoài PCI ra thì P.KT Việt Khê còn chủ trì gì nữa?", {"34", "35", "36", "37", "41"}),
    ("Trường Xuân trừ tuyên truyền ra thì phòng văn hóa xã hội còn lo những việc nào",
     {"13", "14", "15", "16", "17", "18", "19", "20", "26", "27", "28", "30", "31"}),
])
def test_rows_left_out_with_no_noun_closed_by_ra(answerer, question, rows):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert _listed(a.text) == rows, question


def test_a_unit_left_out_with_ra_stays_a_unit_exclusion(answerer):
    q = parse_query("ngoài Văn phòng HĐND và UBND ra thì đơn vị nào chủ trì nhiều nhất ở Việt Khê?",
                    answerer.catalog)
    assert q.exclude_units and q.exclude_topic is None


def test_rows_left_out_are_counted_not_listed_again(answerer):
    a = answerer.answer("NAP ngoài cái kiểm kê tài sản công ra thì phòng kinh tế chủ trì những nv nào")
    assert _listed(a.text) == {"29", "30"}
    head = a.text.split("\n")[0]
    assert "không tính 1 nhiệm vụ" in head and "28" not in head and "kiểm kê" not in head.lower()


def test_every_row_of_the_part_about_the_topic_said_not_refused(answerer):
    a = answerer.answer("Trường Xuân mục cải cách thể chế có những nhiệm vụ nào không liên quan tới pháp luật?")
    assert not a.abstained
    assert a.text.startswith("Không có") and _listed(a.text) == {"1", "2", "3"}


def test_rows_not_about_a_two_syllable_topic_in_a_named_part(answerer):
    question = "Việt Khê phần tài chính công, nv nào không dính đến tự chủ?"
    assert parse_query(question, answerer.catalog).exclude_topic == "tu chu"
    assert _listed(answerer.answer(question).text) == {"34", "36", "37"}


# ------------------------------------------------------------ exclusion by a deadline cell in a section

@pytest.mark.parametrize("question", [
    "VK mục cải cách thể chế bỏ các nv có cột thời hạn ghi Quý IV/2025 thì còn nv nào",
    "viet khe muc the che, tru nhung viec co o thoi gian ghi quy iv/2025 ra",
])
def test_deadline_cell_left_out_in_a_section(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.negate and q.period == "2025-Q4", question
    a = answerer.answer(question)
    assert _listed(a.text) == {"10", "11", "12", "13"}, question
    assert "ghi quý IV/2025" in a.text


# ------------------------------------------------------------ do the rows fill a cell?

@pytest.mark.parametrize("question", [
    "loc hoa muc vii cac viec co ghi thoi gian hoan thanh ko",
    "Lộc Hòa phần VII chỉ đạo điều hành, các nhiệm vụ có ghi hạn hay không?",
    "Lộc Hòa phần chỉ đạo điều hành có nv nào ghi thời hạn không?",
    "Lộc Hòa các nv mục VII đã ghi thời hạn chưa?",
])
def test_section_rows_without_a_deadline_said_not_refused(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained, question
    assert a.text.startswith("Không") and _listed(a.text) == {"1", "2", "3"}, question
    assert len(a.citations) == 3


def test_rows_with_and_without_the_cell(answerer):
    a = answerer.answer("Trường Xuân mục VII nv nào có ghi cơ quan phối hợp, nv nào không?")
    assert not a.abstained and a.text.startswith("Không")
    assert _listed(a.text) == {str(n) for n in range(26, 32)}
    a = answerer.answer("Nam An Phụ mục VII các nhiệm vụ có nêu sản phẩm không?")
    assert not a.abstained and a.text.startswith("Có")


def test_some_rows_fill_the_cell(answerer):
    a = answerer.answer("Lộc Hòa mục II các nhiệm vụ có ghi thời hạn hay không?")
    assert not a.abstained
    assert "để trống ô này (3.1, 3.2, 3.3)" in a.text


def test_a_value_asked_is_a_filter_not_presence(answerer):
    q = parse_query("Nam An Phụ nhiệm vụ nào có ghi thời hạn là Quý I không?", answerer.catalog)
    assert not q.presence and q.period == "*-Q1"


def test_presence_over_a_whole_plan(answerer):
    a = answerer.answer("Việt Khê các nhiệm vụ có ghi sản phẩm không?")
    assert not a.abstained and a.text.startswith("Có: cả 42 nhiệm vụ")
    a = answerer.answer("Phú Thái các nv có ghi thời hạn không?")
    assert a.abstained and "không có phụ lục" in a.text


def test_presence_asked_of_no_rows_is_a_follow_up(answerer):
    assert not parse_query("thế nó có ghi cơ quan phối hợp không?", answerer.catalog).presence


def test_a_numbered_row_asked_so_stays_a_row(answerer):
    q = parse_query("Nhiệm vụ 22 Nam An Phụ có ghi thời hạn không?", answerer.catalog)
    assert q.intent == "task" and not q.presence


# ------------------------------------------------------------ a unit's rows across the whole annex

@pytest.mark.parametrize("question", [
    "Việt Khê P. Kinh tế chủ trì những nv nào (kể cả ngoài mục tài chính công)",
    "VK nv nao P.Kinh te chu tri",
    "viet khe phong kinh te chu tri nv nao, ca trong lan ngoai phan cai cach tai chinh cong",
])
def test_unit_rows_across_the_annex(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.unit == "phong kinh te" and not (q.section or q.exclude_topic), question
    assert _listed(answerer.answer(question).text) == {"7", "34", "35", "36", "37", "41"}, question


def test_outside_a_part_without_also_is_an_exclusion(answerer):
    a = answerer.answer("Việt Khê những nv nào do Phòng Kinh tế chủ trì ngoài mục tài chính công")
    assert _listed(a.text) == {"7", "41"}


def test_p_dot_is_a_department_before_its_field_only():
    assert canon("P. Kinh tế") == "phong kinh te"
    assert canon("P.VH-XH") == "phong van hoa xa hoi"
    assert canon("P.KT") == "phong kinh te"
    assert canon("P. Tân Lập") == "p tan lap"  # a ward (phường), not a department
    assert canon("TP Hải Phòng") == "thanh pho hai phong"


@pytest.mark.parametrize("question", [
    "NAP ngoài phần VII thì Phòng Văn hóa - Xã hội chủ trì nv nào",
    "Nam An Phụ Phòng Văn hóa - Xã hội chủ trì những nv nào ngoài mục VII?",
])
def test_a_section_left_out_by_its_numeral(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.exclude_sections == ["vii"] and q.section_number is None, question
    assert _listed(answerer.answer(question).text) == {"1", "2", "3", "4", "6", "7", "23", "24", "25", "26", "27"}


@pytest.mark.parametrize("question, rows", [
    ("VK Phòng Kinh tế chủ trì những nv nào ngoài phần tài chính công?", {"7", "41"}),
    ("VK Phòng Kinh tế chủ trì nv nào, tính cả phần ngoài tài chính công", {"7", "34", "35", "36", "37", "41"}),
])
def test_outside_a_part_named_by_words(answerer, question, rows):
    assert _listed(answerer.answer(question).text) == rows, question
