"""Cross-plan answers where each plan words the same thing its own way, and
the turns that move between plans. Phrasings written for these tests.

A real index (hybrid search with the default embedder) of two seed plans,
built once for the module. Read from the seed texts in ``corpus/``:

* Trường Xuân (002) row 22 "Báo cáo thực hiện giải ngân kế hoạch đầu tư vốn
  ngân sách nhà nước hàng năm" (Quý I hàng năm); Việt Khê (004) row 37
  "Thực hiện giải ngân kế hoạch đầu tư công thành phố đạt tối thiểu 95% kế
  hoạch thành phố giao" (Cả năm 2025): the same subject, few shared words.
* Việt Khê row 2 "Xây dựng báo cáo cải cách hành chính hàng quý và năm …"
  is due "Trước ngày 20 của tháng cuối quý", while its part V.8 says the
  quarterly report is sent "trước ngày 10 tháng cuối của quý".
* Việt Khê row 38 "Ứng dụng AI vào tự động hóa thông minh RPA …"; row 6
  "Kiểm tra cải cách hành chính" states its figures in sub-rows only.
* Each plan has a funding section ("KINH PHÍ") stating no amount: Trường
  Xuân's is mục V ("dự toán hằng năm theo phân cấp ngân sách hiện hành").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.answer import Answerer
from retrieval.indexer import build_index
from retrieval.query import Intent, parse_query
from retrieval.search import HybridSearcher
from retrieval.store import IndexStore
from tests.paths import CORPUS
from tests.test_answer import talk

TX = "002_b6a4a2778198d6b8.txt"
VK = "004_83dc20140de0736e.txt"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory) -> Answerer:
    root = tmp_path_factory.mktemp("cross")
    corpus: Path = root / "corpus"
    corpus.mkdir()
    for name in (TX, VK):
        shutil.copy(CORPUS / name, corpus / name)
    home = str(root / "home")
    manifest = build_index([str(corpus)], home=home, progress=False)
    assert manifest["errors"] == {}
    store = IndexStore.open(home)
    return Answerer(store, HybridSearcher(store), today="2026-07-01")


def cited(answer) -> set[tuple[str, str]]:
    return {(c.doc, c.locator) for c in answer.citations}


def test_a_plan_left_out_gives_its_row_nearest_in_meaning(answerer):
    answer = answerer.answer("vốn đầu tư công giải ngân ở Trường Xuân và Việt Khê được ghi ra sao?")
    assert not answer.abstained
    assert {(TX, "nhiệm vụ 22"), (VK, "nhiệm vụ 37")} <= cited(answer)
    assert "95%" in answer.text and "Quý I hàng năm" in answer.text
    # Việt Khê row 37 writes "giải ngân … đầu tư công" itself: it is the plan's row on the item, not only the nearest


def test_nearest_in_meaning_needs_the_words_to_agree(answerer):
    # nothing in Việt Khê is about a cemetery: no nearest passage is offered for it
    answer = answerer.answer("quy hoạch nghĩa trang ở Trường Xuân và Việt Khê thế nào?")
    assert "nội dung gần nhất" not in answer.text


def test_similar_row_found_by_meaning_is_said_to_be_the_nearest(answerer):
    _, similar = talk(answerer, "VK nhiệm vụ 37 ai chủ trì?", "Trường Xuân có việc nào giống vậy không?")
    assert not similar.abstained
    assert (TX, "nhiệm vụ 22") in cited(similar)
    assert "gần nhất về nội dung" in similar.text


def test_reporting_gives_the_annex_report_row_and_says_the_days_differ(answerer):
    answer = answerer.answer("Việt Khê: hạn nộp báo cáo CCHC theo quý là ngày mấy?")
    assert not answer.abstained
    assert (VK, "nhiệm vụ 2") in cited(answer)
    assert "Trước ngày 20 của tháng cuối quý" in answer.text
    assert "trước ngày 10" in answer.text
    assert "ghi ngày gửi báo cáo khác nhau" in answer.text


@pytest.mark.parametrize("question", ["kế hoạch nào có ứng dụng AI, chỉ VK thôi à?",
                                      "xa nao co ung dung AI, moi Viet Khe a?"])
def test_a_guessed_plan_is_no_scope_of_a_which_plans_question(answerer, question):
    query = parse_query(question, answerer.catalog)
    assert query.intent == Intent.WHICH_PLANS and not query.plan_named
    answer = answerer.answer(question)
    assert answer.kind == "plans" and "Việt Khê" in answer.text
    # every plan was searched (a which question counts the plans that do not, tests/test_which.py)
    assert "Các kế hoạch còn lại (1) không nhắc đến." in answer.text or "2/2" in answer.text


def test_a_plan_named_in_a_plain_question_stays_its_scope(answerer):
    query = parse_query("chỉ tiêu của VK về ứng dụng AI là gì?", answerer.catalog)
    assert query.plan_named and query.plans == [VK]


def test_a_whole_question_pointing_at_the_other_plan_is_asked_of_both(answerer):
    *_, last = talk(answerer, "Trường Xuân kinh phí CCHC lấy từ đâu?", "còn Việt Khê?",
                    "nguồn kinh phí của xã kia bố trí thế nào?")
    assert not last.abstained
    assert {c.doc for c in last.citations} == {TX, VK}


def test_the_bare_other_plan_still_asks_the_previous_question_of_it(answerer):
    first, _, third = talk(answerer, "Trường Xuân kinh phí CCHC lấy từ đâu?", "còn Việt Khê?",
                           "kế hoạch kia thì sao?")
    assert {c.doc for c in third.citations} == {TX}
    assert third.text.split("\n")[0] == first.text.split("\n")[0]


def test_a_refused_amount_asked_again_of_another_plan_gives_its_funding_text(answerer):
    first, second = talk(answerer, "Việt Khê mỗi năm dành bao nhiêu tiền cho CCHC?", "còn Trường Xuân thì sao?")
    assert first.abstained  # the amount itself is never stated
    assert not second.abstained
    assert "không nêu số tiền cụ thể" in second.text
    assert "phân cấp ngân sách hiện hành" in second.text
    assert {c.doc for c in second.citations} == {TX}


def test_a_sub_row_figure_is_read_with_its_task(answerer):
    # Việt Khê row 6 "Kiểm tra cải cách hành chính", sub-rows "- Tối thiểu 20% phòng, ban,
    # ngành, đơn vị" and "- Tối thiểu 30% các cơ quan, đơn vị thuộc và trực thuộc …"
    answer = answerer.answer("chỉ tiêu kiểm tra CCHC ở các đơn vị của TX và VK là bao nhiêu %?")
    assert answer.kind == "targets"
    assert "20%" in answer.text
    assert any(c.doc == VK and c.locator.startswith("nhiệm vụ 6") for c in answer.citations)
