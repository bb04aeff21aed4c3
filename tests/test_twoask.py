"""Questions that ask different things of different plans, header facts a
plan lacks, and follow-ups moving between the body and the annex (helper
twoask), on the five seed plans. Phrasings written for these tests.

Read from the seed texts in ``corpus/``: Lộc Hòa's decision preamble has
"Căn cứ Quyết định số 128/QĐ-UBND … của Ủy ban nhân dân huyện Lộc Ninh ban
hành Kế hoạch …"; Phú Thái has no "Căn cứ" line, its "Mục đích" (mục I.1)
carries out "Kế hoạch cải cách hành chính của thành phố Hải Phòng năm 2025";
Trường Xuân's basis is Quyết định số 3339/QĐ-UBND of thành phố Cần Thơ; Nam
An Phụ's header names its signer but leaves the date blank; Lộc Hòa's annex
row II.2.2 targets 96% of files on time, its body (mục II.2.a) 98%; its annex
part VII row 1 lists three plans and leaves the deadline cell empty.
"""

from __future__ import annotations

import pytest

from retrieval.query import parse_query
from tests.test_answer import talk


@pytest.mark.parametrize("question", [
    "Trường Xuân dựa trên kế hoạch của thành phố nào, còn Lộc Hòa theo KH của cấp nào?",
    "KH Truong Xuan can cu ke hoach cua cap tren nao, con Loc Hoa thi bam theo ke hoach cua dau?",
])
def test_each_plan_gets_its_own_upper_plan(answerer, question):
    found = answerer.answer(question)
    assert not found.abstained
    assert "3339/QĐ-UBND" in found.text and "Cần Thơ" in found.text
    assert "128/QĐ-UBND" in found.text and "Lộc Ninh" in found.text
    assert "Luật Tổ chức chính quyền địa phương" not in found.text  # the upper plan, not every basis
    assert {c.doc[:3] for c in found.citations} == {"002", "003"}


def test_plan_without_basis_line_gives_the_plan_it_implements(answerer):
    found = answerer.answer("Phú Thái thực hiện theo kế hoạch của cấp trên nào?")
    assert not found.abstained
    assert "thành phố Hải Phòng năm 2025" in found.text
    assert [c.locator for c in found.citations] == ["I.1"]


def test_upper_plan_is_a_header_fact_of_its_own():
    from ingest.pipeline import parse_file
    from retrieval.question.catalog import PlanCatalog
    from tests.test_answer import CORPUS

    catalog = PlanCatalog.from_plans([parse_file(str(p)) for p in sorted(CORPUS.glob("00?_*.txt"))])
    assert parse_query("Lộc Hòa triển khai kế hoạch của huyện nào?", catalog).metas == ["upper_plan"]
    # every basis asked stays the list of bases
    assert parse_query("Lộc Hòa căn cứ những văn bản nào?", catalog).metas == ["bases"]


@pytest.mark.parametrize("question", ["Nam An Phụ ký ban hành kế hoạch vào ngày nào?",
                                      "kh nam an phu duoc ky ban hanh khi nao"])
def test_signing_date_missing_is_refused_not_the_signer(answerer, question):
    found = answerer.answer(question)
    assert found.abstained
    assert "không ghi ngày ký ban hành" in found.text
    assert "Nguyễn Văn Tuy" not in found.text


def test_signer_and_date_both_asked_still_answer_the_signer(answerer):
    found = answerer.answer("NAP ai ký, ký ban hành ngày nào?")
    assert not found.abstained
    assert "Nguyễn Văn Tuy" in found.text and "không ghi ngày ký ban hành" in found.text


def test_body_figure_after_an_annex_row(answerer):
    row, body = talk(answerer, "Lộc Hòa nhiệm vụ II.2.2 mục tiêu là gì?", "còn thân kế hoạch ghi mấy phần trăm?")
    assert "96%" in row.text
    assert not body.abstained
    assert "98%" in body.text and "96%" not in body.text.split(":", 1)[-1].split("về")[0]
    assert [c.locator for c in body.citations] == ["mục II.2.a"]
    assert all(not c.locator.startswith("nhiệm vụ") for c in body.citations)


def test_next_row_after_the_body_turn(answerer):
    *_, last = talk(answerer, "Lộc Hòa nhiệm vụ II.2.2 mục tiêu là gì?", "còn thân kế hoạch ghi mấy phần trăm?",
                    "mục liền sau thì sao?")
    assert [c.locator for c in last.citations][:1] == ["nhiệm vụ 2.3"]


def test_annex_after_a_body_answer(answerer):
    body, annex = talk(answerer, "Lộc Hòa phần thân KH đặt tỷ lệ hồ sơ được giải quyết đúng và trước hạn bao nhiêu?",
                       "thế trong phụ lục thì sao?")
    assert "98%" in body.text
    assert not annex.abstained
    assert "96%" in annex.text
    assert [c.locator for c in annex.citations][:1] == ["nhiệm vụ 2.2"]


def test_row_listed_in_a_section_then_its_empty_deadline(answerer):
    rows, item, deadline = talk(answerer, "Lộc Hòa phụ lục phần VII có mấy nhiệm vụ?",
                                "nhiệm vụ 1 gồm những kế hoạch gì?", "thời hạn ban hành các kế hoạch đó là khi nào?")
    assert not item.abstained
    assert "Kế hoạch tuyên truyền cải cách hành chính" in item.text
    assert {c.doc[:3] for c in item.citations} == {"003"} and len(item.citations) == 1
    assert deadline.abstained
    assert "không ghi thời gian hoàn thành" in deadline.text


def test_duty_phrase_not_taken_by_a_row_sharing_one_syllable(answerer):
    # Nam An Phụ's rows write "chuyên môn", only a body duty (mục IV.2.e) writes "chuyên mục"
    found = answerer.answer("Nam An Phụ giao đơn vị nào đổi mới chuyên mục cải cách hành chính?")
    assert not found.abstained
    assert "Trung tâm Dịch vụ Sự nghiệp công" in found.text
    assert [c.locator for c in found.citations][:1] == ["mục IV.2.e"]
