"""One item asked of several plans (issue: cross-plan answers), on the five
seed plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Trường Xuân's row 22 reads "Báo
cáo thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm",
Việt Khê's row 37 "Thực hiện giải ngân kế hoạch đầu tư công thành phố đạt
tối thiểu 95% …" and its row 34 speaks of "vốn nhà nước" without
"giải ngân"; Việt Khê's row 2 (quarterly report) is due "Trước ngày 20 của
tháng cuối quý"; Trường Xuân's row 26 is "Xây dựng kế hoạch CCHC hàng năm"
(due "Hàng năm"); Việt Khê's "Tổ chức thực hiện" gives cải cách TTHC to
"b, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã:" (mục V.9.b) and the
ISO 9001 system to "c, Phòng Kinh tế" (mục V.9.c), while its row 42 is the
check of ISO led by Phòng Văn hóa – Xã hội.
"""

from __future__ import annotations

import pytest

from retrieval.answering.scoring import TermWeights, rarest_terms
from retrieval.question.crossplan import plan_parts
from retrieval.question.parse import parse_query

PT, NAP, TX, LH, VK = "000", "001", "002", "003", "004"


def _docs(answer, kind: str | None = None) -> list[str]:
    """The plan prefixes the answer cites, in order (only task rows / only body passages)."""
    out = []
    for c in answer.citations:
        row = c.locator.startswith("nhiệm vụ")
        if kind is None or (kind == "task") == row:
            out.append(c.doc[:3])
    return out


def _cites(answer, doc: str, locator: str) -> bool:
    return any(c.doc.startswith(doc) and c.locator == locator for c in answer.citations)


def _parts(answerer, question: str) -> dict[str, str]:
    q = parse_query(question, answerer.catalog)
    return {d[:3]: p for d, p in plan_parts(q, {e.doc: e.aliases for e in answerer.catalog.entries}).items()}


def test_a_compound_as_rare_as_the_rarest_word_is_as_specific():
    df = TermWeights(["giải ngân kế hoạch đầu tư công", "quản lý vốn nhà nước đầu tư",
                      "ngân sách nhà nước", "ngân sách xã", "dự toán ngân sách"])
    weights = {"giai": 1.0, "ngan": 0.5, "von": 1.2, "giai ngan": 0.75}
    assert rarest_terms(weights, df) == {"von", "giai ngan"}
    # a pair written more often than the rarest word does not join it
    assert rarest_terms({"von": 1.2, "ngan": 0.5, "ngan sach": 0.5}, df) == {"von"}


def test_each_plan_gives_its_row_on_the_item_not_a_row_sharing_a_rarer_syllable(answerer):
    a = answerer.answer("việc giải ngân vốn đầu tư: Trường Xuân với Việt Khê mỗi bên ghi thế nào?")
    assert _cites(a, TX, "nhiệm vụ 22"), a.text
    assert _cites(a, VK, "nhiệm vụ 37"), a.text
    assert "95%" in a.text


@pytest.mark.parametrize("question, expected", [
    ("hạn gửi báo cáo quý: PT ghi trong thân kế hoạch, VK trong phụ lục thế nào?", {PT: "body", VK: "annex"}),
    ("đối chiếu phần thân KH của Phú Thái với phụ lục của Việt Khê về báo cáo quý", {PT: "body", VK: "annex"}),
    ("trong phụ lục của Nam An Phụ và Trường Xuân, lập kế hoạch CCHC hạn khi nào?", {NAP: "annex", TX: "annex"}),
    ("theo phần tổ chức thực hiện, ở NAP và VK ai lo cải cách thủ tục hành chính?", {NAP: "body", VK: "body"}),
    ("NAP và VK ai lo cải cách thủ tục hành chính?", {}),
    ("phụ lục của Trường Xuân có bao nhiêu nhiệm vụ?", {}),
])
def test_the_part_named_of_each_plan(answerer, question, expected):
    assert _parts(answerer, question) == expected


def test_per_plan_parts_read_the_body_of_one_and_the_annex_of_the_other(answerer):
    a = answerer.answer("hạn gửi báo cáo quý: PT ghi trong thân kế hoạch, VK trong phụ lục thế nào?")
    assert not a.abstained
    assert PT in _docs(a, "body") and PT not in _docs(a, "task"), a.text
    assert _cites(a, VK, "nhiệm vụ 2") and VK not in _docs(a, "body"), a.text
    assert "Trước ngày 20 của tháng cuối quý" in a.text


def test_the_annex_named_of_every_plan_gives_rows_only(answerer):
    a = answerer.answer("hạn ban hành KH CCHC hằng năm ở phụ lục của NAP và TX?")
    assert _cites(a, NAP, "nhiệm vụ 1"), a.text
    assert _cites(a, TX, "nhiệm vụ 26"), a.text
    assert not _docs(a, "body"), a.text  # no header ("Quyết định …") nor body sentence
    assert "Hàng năm" in a.text


@pytest.mark.parametrize("question", ["ở mỗi xã ai là cơ quan thường trực về CCHC?",
                                      "từng kế hoạch giao việc thường trực CCHC cho đơn vị nào?"])
def test_each_commune_asks_every_plan(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert q.cross_doc and not q.plan_named


def test_every_commune_with_the_standing_role_is_answered(answerer):
    a = answerer.answer("ở mỗi xã ai là cơ quan thường trực về CCHC?")
    assert {TX, LH} <= set(_docs(a)), a.text
    assert "Văn phòng-thống kê" in a.text


def test_a_unit_heading_of_many_words_names_the_duty(answerer):
    a = answerer.answer("theo phần tổ chức thực hiện, ở NAP và VK đơn vị nào chủ trì cải cách thủ tục hành chính?")
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" in a.text, a.text
    assert not _docs(a, "task"), a.text  # the body was asked: no annex row added


def test_a_plan_answered_by_a_row_also_gives_its_body_on_the_item(answerer):
    a = answerer.answer("hệ thống ISO 9001:2015 ở Trường Xuân và Việt Khê do đơn vị nào chủ trì?")
    assert _cites(a, VK, "mục V.9.c"), a.text
    assert "Phòng Kinh tế" in a.text


def test_a_target_the_body_gives_no_figure_for_adds_the_annex_row_with_its_figures(answerer):
    a = answerer.answer("đối chiếu chỉ tiêu kiểm tra CCHC giữa kế hoạch Phú Thái và kế hoạch Việt Khê")
    assert a.kind == "targets", a.text
    assert any(c.doc.startswith(VK) and c.locator.startswith("nhiệm vụ 6") for c in a.citations), a.text
    assert "20%" in a.text and "30%" in a.text


def test_rows_asked_by_name_get_no_body_sentence_beside_them(answerer):
    a = answerer.answer("nhiệm vụ về ISO 9001:2015 ở Trường Xuân và Việt Khê, ai chủ trì?")
    assert "Trong phần thân kế hoạch" not in a.text, a.text


def test_what_plans_say_about_a_term_gives_each_place_a_plan_says_it(answerer):
    a = answerer.answer("Phú Thái và Lộc Hòa ghi gì về chữ ký số?")
    assert PT in _docs(a) and LH in _docs(a), a.text
    assert _cites(a, LH, "mục II.6.a"), a.text  # the target, beside the duty and the row
    assert "giữ chức vụ lãnh đạo sử dụng chữ ký số" in a.text
