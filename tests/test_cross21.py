"""Cross-plan questions (issue 10, class 6) as staff phrase them: the annex rows
on a standard or a document, who is given a reform area in two plans'
"Tổ chức thực hiện", which plans send reports to a body, where an annex puts a
section, which plan covers a whole year, and "hai xã đó …" after a row and its
like. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 34 applies TCVN ISO
18091:2020 while Phú Thái (no annex) and Việt Khê write it only in their body;
rows citing Nghị định 111/2025/NĐ-CP are Nam An Phụ 30 and Trường Xuân 23; the
rows on AI are Nam An Phụ 31 ("trí tuệ AI") and Việt Khê 38 ("Ứng dụng AI …"),
Lộc Hòa names "trí tuệ nhân tạo (AI)" in its body only; Lộc Hòa's "Tổ chức thực
hiện" gives cải cách thể chế to Công chức Tư pháp – hộ tịch and Trường Xuân's to
Văn phòng HĐND và UBND xã; Phú Thái, Trường Xuân and Việt Khê send reports on to
Sở Nội vụ, Nam An Phụ to UBND xã then UBND thành phố; Trường Xuân and Lộc Hòa put
chỉ đạo điều hành last in their annex (mục VII), Nam An Phụ and Việt Khê first;
Lộc Hòa is the only plan of the whole year 2025 (Phú Thái and Việt Khê: 6 tháng
cuối năm 2025); Việt Khê's row 2 and Nam An Phụ's row 3 (the quarterly CCHC
report) are both led by Phòng Văn hóa – Xã hội.
"""

from __future__ import annotations

import pytest

from retrieval.question.crossplan import annex_only, asks_annex_rows, whole_year
from retrieval.question.model import Intent
from retrieval.question.parse import parse_query
from tests.test_answer import talk

PT, NAP, TX, LH, VK = "000", "001", "002", "003", "004"


def _docs(answer) -> set[str]:
    return {c.doc[:3] for c in answer.citations}


def _cites(answer, doc: str, locator: str) -> bool:
    return any(c.doc.startswith(doc) and c.locator == locator for c in answer.citations)


# ------------------------------------------------------------ annex rows on a term

@pytest.mark.parametrize("text", [
    "xã nào có nhiệm vụ riêng trong phụ lục về ISO 18091?",
    "xa nao co nv rieng ve TCVN ISO 18091 trong phu luc",
    "trong bảng nhiệm vụ, KH nào có nv triển khai ISO 18091:2020?",
])
def test_own_row_on_a_standard_names_the_row_and_the_body_only_plans(answerer, text):
    a = answerer.answer(text)
    assert _cites(a, NAP, "nhiệm vụ 34"), a.text
    assert "34" in a.text and "Phòng Văn hoá- Xã hội" in a.text, a.text
    # Việt Khê and Phú Thái write it in their body only: said, not given as rows
    assert "Việt Khê" in a.text and "không có nhiệm vụ riêng trong phụ lục" in a.text, a.text
    assert "không có phụ lục nhiệm vụ" in a.text, a.text  # Phú Thái


@pytest.mark.parametrize("text", [
    "nv nào trong phụ lục nhắc NĐ 111/2025/NĐ-CP?",
    "nv nao trong phu luc nhac ND 111/2025/ND-CP",
    "những nhiệm vụ nào dẫn chiếu Nghị định 111/2025/NĐ-CP",
])
def test_rows_citing_a_decree_across_plans(answerer, text):
    a = answerer.answer(text)
    assert not a.abstained, a.text
    assert _cites(a, NAP, "nhiệm vụ 30") and _cites(a, TX, "nhiệm vụ 23"), a.text
    assert "Phòng Kinh tế" in a.text


@pytest.mark.parametrize("text", [
    "Nhiệm vụ ứng dụng trí tuệ nhân tạo AI: xã nào có, ai chủ trì?",
    "ung dung tri tue nhan tao (AI) thi KH nao co nv, ai lo",
    "ứng dụng AI: kế hoạch nào có nhiệm vụ này?",
])
def test_rows_on_an_acronym_written_otherwise(answerer, text):
    a = answerer.answer(text)
    assert _cites(a, NAP, "nhiệm vụ 31") and _cites(a, VK, "nhiệm vụ 38"), a.text
    assert "Phòng Văn hóa – Xã hội" in a.text
    if "Lộc Hòa" in a.text:  # its body only
        assert "chỉ nêu trong phần thân" in a.text


def test_rows_asked_read_from_the_question(answerer):
    catalog = answerer.catalog
    assert asks_annex_rows(parse_query("xã nào có nv về tổng kiểm kê tài sản công", catalog))
    assert annex_only(parse_query("KH nào có nhiệm vụ riêng về Đề án 06", catalog))
    assert not annex_only(parse_query("KH nào có nhiệm vụ về Đề án 06", catalog))
    assert not asks_annex_rows(parse_query("kế hoạch nào nhắc đến PAPI?", catalog))
    # a topic filter on the rows is no term to look for
    assert parse_query("nhiệm vụ nào về đào tạo do Văn phòng chủ trì", catalog).intent == Intent.FILTER


def test_annex_alone_asked_with_no_row_anywhere_says_so(answerer):
    a = answerer.answer("trong phụ lục kế hoạch nào có nv riêng về Đề án 06?")
    assert not a.abstained
    assert a.text.startswith("Không kế hoạch nào có nhiệm vụ riêng trong phụ lục"), a.text
    assert "chỉ nêu trong phần thân" in a.text


# ------------------------------------------------------------ a reform area in two plans

@pytest.mark.parametrize("text", [
    "ở LH và TX ai phụ trách cải cách thể chế theo phần tổ chức thực hiện?",
    "theo to chuc thuc hien, TX voi LH giao ai lo cai cach the che",
])
def test_area_of_two_plans_in_the_implementation_part(answerer, text):
    a = answerer.answer(text)
    assert "Tư pháp – hộ tịch" in a.text, a.text
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" in a.text, a.text
    assert _docs(a) >= {TX, LH}


# ------------------------------------------------------------ reports sent to a body

@pytest.mark.parametrize("text", [
    "Xã nào ghi báo cáo CCHC gửi về Sở Nội vụ?",
    "nhung ke hoach nao bao cao ket qua cho So Noi vu",
    "bc cchc cua xa nao gui ve so noi vu",
    "KH nào báo cáo kết quả cho Sở Nội vụ thành phố, gửi trước ngày nào?",
])
def test_plans_reporting_to_a_body(answerer, text):
    a = answerer.answer(text)
    head = a.text.splitlines()[0]
    for name in ("Phú Thái", "Trường Xuân", "Việt Khê"):
        assert name in head, a.text
    assert "Nam An Phụ" not in head
    assert "Nam An Phụ (năm 2026): không ghi gửi Sở Nội vụ" in a.text, a.text


def test_a_body_named_before_the_report_is_not_where_it_goes(answerer):
    # Phú Thái writes "nhiệm vụ … Ủy ban nhân dân thành phố … giao; … báo cáo Ủy ban nhân xã":
    # the city gives tasks there, it is not sent the reports
    a = answerer.answer("kế hoạch nào yêu cầu báo cáo lên UBND thành phố?")
    head = a.text.splitlines()[0]
    assert "Nam An Phụ" in head and "Việt Khê" in head and "Phú Thái" not in head, a.text


# ------------------------------------------------------------ where an annex puts a section

@pytest.mark.parametrize("text, place, at, elsewhere", [
    ("Phụ lục KH nào để công tác chỉ đạo, điều hành ở mục cuối cùng?", "cuối cùng", ("Trường Xuân", "Lộc Hòa"),
     ("Nam An Phụ", "Việt Khê")),
    ("phu luc xa nao xep chi dao dieu hanh len dau", "đầu tiên", ("Nam An Phụ", "Việt Khê"),
     ("Trường Xuân", "Lộc Hòa")),
    ("trong bảng nhiệm vụ, cải cách thể chế là mục đầu tiên của xã nào?", "đầu tiên", ("Trường Xuân", "Lộc Hòa"),
     ("Nam An Phụ", "Việt Khê")),
])
def test_annex_section_place(answerer, text, place, at, elsewhere):
    a = answerer.answer(text)
    first, _, rest = a.text.partition("Các kế hoạch khác")
    assert place in first.splitlines()[0], a.text
    assert all(name in first for name in at), a.text
    assert all(name in rest for name in elsewhere), a.text
    assert "Phú Thái" in a.text and "không có phụ lục" in a.text


def test_annex_section_place_of_one_plan(answerer):
    a = answerer.answer("phụ lục của TX, cải cách tài chính công nằm ở mục thứ mấy")
    assert "V. CẢI CÁCH TÀI CHÍNH CÔNG" in a.text and "mục thứ 5 trong 7 mục" in a.text, a.text
    b = answerer.answer("phu luc ke hoach nao xep cai cach che do cong vu o muc thu 4")
    assert b.query.intent != Intent.TASK or "mục thứ 4" in b.text.splitlines()[0], b.text


# ------------------------------------------------------------ plans of a whole year

@pytest.mark.parametrize("text, year", [
    ("KH nào là cả năm 2025?", 2025),
    ("kh nao ap dung tron nam 2025", 2025),
    ("xã nào làm kế hoạch cho cả năm 2025 chứ không phải 6 tháng", 2025),
])
def test_plan_of_the_whole_year(answerer, text, year):
    a = answerer.answer(text)
    lines = a.text.splitlines()
    assert lines[0] == f"Kế hoạch cho cả năm {year}:", a.text
    assert "Lộc Hòa" in lines[1]
    assert "Phú Thái, Việt Khê: chỉ 6 tháng cuối năm 2025." in a.text, a.text


def test_whole_year_of_a_longer_plan_and_rows_left_alone(answerer):
    a = answerer.answer("kế hoạch nào áp dụng trọn năm 2026?")
    assert "Nam An Phụ" in a.text.splitlines()[1]
    assert "Trường Xuân: giai đoạn 2026 - 2030 (năm 2026 nằm trong kỳ kế hoạch)" in a.text, a.text
    # rows due in the whole year are a deadline filter, not the plans' period
    assert whole_year(parse_query("nv nào hạn cả năm 2025", answerer.catalog)) is None


# ------------------------------------------------------------ "hai xã đó" after a row and its like

def test_both_plans_pointed_at_after_a_similar_row(answerer):
    *_, a = talk(answerer, "VK nv 2 thời hạn và sản phẩm?", "NAP có nv tương tự không?",
                 "hai xã đó cùng giao cho phòng nào chủ trì?")
    assert _cites(a, VK, "nhiệm vụ 2") and _cites(a, NAP, "nhiệm vụ 3"), a.text
    assert not _cites(a, VK, "nhiệm vụ 3") and not _cites(a, NAP, "nhiệm vụ 2"), a.text
    assert "Văn hóa – Xã hội" in a.text and "Văn hoá- Xã hội" in a.text


def test_both_sides_asked_another_field(answerer):
    *_, a = talk(answerer, "VK nv 2 thời hạn và sản phẩm?", "NAP có nv tương tự không?",
                 "ca hai ben thoi han the nao?")
    assert "Trước ngày 20 của tháng cuối quý" in a.text and "Trước ngày 05 của tháng cuối quý" in a.text, a.text


def test_regime_and_a_body_of_one_plan(answerer):
    a = answerer.answer("TX các cơ quan báo cáo định kỳ ra sao, có phải bc cho HĐND không?")
    assert "chế độ báo cáo" in a.text and "hằng quý, 6 tháng và năm" in a.text, a.text
    assert "Báo cáo cho Hội đồng nhân dân: có ghi." in a.text, a.text
