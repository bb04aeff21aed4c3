"""Follow-up turns of conversations (helper conv16), on the seed plans.
Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's row 17 (Trung tâm Phục
vụ hành chính công, "Quý I năm 2026", coordinating "Các cơ quan, chuyên
môn, đơn vị liên quan", product "Kế hoạch") is the only row of its mục III
with a one-off deadline, the rest "Thường xuyên"; its row 6 is "Kiểm tra cải
cách hành chính (Các cơ quan chuyên môn, …)", Việt Khê's row 6 "Kiểm tra cải
cách hành chính" with sub-rows "Tối thiểu 20% …" and "Tối thiểu 30% …";
Việt Khê's Phòng Kinh tế leads rows 7, 34–37, 41, of which 37 alone writes
a share ("tối thiểu 95%"); Trường Xuân's Phòng Kinh tế leads 21, 22, 23.
Phú Thái has no annex; its attachment note reads "(Kèm theo Quyết định số
533/QĐ-UBND ngày 31/7/2025 của Chủ tịch Uỷ ban nhân dân xã Phú Thái)" and no
signer is named; its mục IV.1.d has the quarterly report sent "trước ngày
06"; Trường Xuân's decision is dated "06 tháng 01 năm 2026".
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from ingest.pipeline import parse_file
from retrieval.question.cues import only_fields
from tests.test_answer import talk

NAP, PT, TX, VK = "001", "000", "002", "004"


@pytest.mark.parametrize("follow", ["thế ai ph?", "vậy đơn vị ph là ai", "chủ trì, ph là ai?"])
def test_ph_is_shorthand_of_coordinating(answerer, follow):
    *_, last = talk(answerer, "NAP nv 17 ai chủ trì?", follow)
    assert not last.abstained, follow
    assert "Các cơ quan, chuyên môn, đơn vị liên quan" in last.text, follow


def test_ph_alone_is_not_expanded():
    assert "phoi hop" not in canon("PH 2026")
    assert canon("ai ph?") == "ai phoi hop"


@pytest.mark.parametrize("key, expected", [
    ("ai phối hợp, hạn thế nào?", True),
    ("vậy ai làm, hạn bao giờ, sp là gì?", True),
    ("thế ai chủ trì và sản phẩm là gì?", True),
    ("ai phối hợp nhiệm vụ kiểm tra CCHC, hạn thế nào?", False),
    ("thế nào", False),
])
def test_only_fields(key, expected):
    assert only_fields(canon(key)) is expected


def test_several_fields_asked_after_a_row_found_by_its_content(answerer):
    first, last = talk(answerer, "NAP cái việc tham gia hội thi trực tuyến tìm hiểu CCHC của thành phố là nv mấy?",
                       "ai phối hợp, thời hạn ra sao?")
    assert first.query.result_keys[:1] == [(first.citations[0].doc, "7")]
    assert last.kind == "task"
    assert "Các cơ quan, chuyên môn, đơn vị liên quan" in last.text
    assert "Khi thành phố tổ chức" in last.text


@pytest.mark.parametrize("within, field, expected", [
    ("trong đó cái nào có hạn cụ thể?", "thế ai phối hợp", "Các cơ quan, chuyên môn, đơn vị liên quan"),
    ("trong số đó nv nào có thời hạn rõ ràng", "sản phẩm của nó?", "Kế hoạch"),
])
def test_rows_with_a_definite_deadline_then_its_field(answerer, within, field, expected):
    _, subset, last = talk(answerer, "NAP mục cải cách thủ tục hành chính gồm những nv nào?", within, field)
    assert subset.query.dated_only
    assert [k for _, k in subset.query.result_keys] == ["17"]
    assert not last.abstained
    assert expected in last.text


@pytest.mark.parametrize("within", ["trong đó cái nào có chỉ tiêu %?", "trong số đó nv nào có ghi phần trăm"])
def test_rows_that_set_a_share_then_its_deadline(answerer, within):
    _, subset, last = talk(answerer, "Việt Khê phòng kinh tế chủ trì những nhiệm vụ nào?", within, "hạn của nó?")
    assert [k for _, k in subset.query.result_keys] == ["37"]
    assert "Cả năm 2025" in last.text


def test_a_share_asked_is_no_share_filter(answerer):
    _, last = talk(answerer, "Việt Khê phòng kinh tế chủ trì những nhiệm vụ nào?", "trong đó cái nào đạt bao nhiêu %?")
    assert not last.query.percent_only


def test_the_decisions_authority_is_read_from_the_attachment_note():
    plan = parse_file("corpus/000_d171992c76d70bad.txt")
    assert plan.metadata.authority == "Chủ tịch Uỷ ban nhân dân xã Phú Thái"
    assert plan.metadata.signer is None


def test_who_signed_and_which_level_issued_after_the_decision(answerer):
    _, last = talk(answerer, "KH CCHC Phú Thái ban hành kèm theo quyết định số mấy?", "thế ai ký, cấp nào ban hành?")
    assert not last.abstained
    assert "Chủ tịch Uỷ ban nhân dân xã Phú Thái" in last.text
    assert "không ghi tên người ký" in last.text


@pytest.mark.parametrize("question", ["ai ký kế hoạch Phú Thái?", "KH PT do ai ky"])
def test_signer_alone_of_a_plan_naming_none_is_still_refused_with_whose_decision(answerer, question):
    a = answerer.answer(question)
    assert a.abstained, question
    assert "Chủ tịch Uỷ ban nhân dân xã Phú Thái" in a.text, question


def test_issuing_level_asked(answerer):
    a = answerer.answer("Kế hoạch Việt Khê do cấp nào ban hành?")
    assert not a.abstained
    assert "Ủy ban nhân dân xã Việt Khê" in a.text


@pytest.mark.parametrize("question, lead", [
    ("NAP ai ban hành quy chế quản lý tài sản công?", "Phòng Kinh tế xã"),
    ("Nam An Phụ kế hoạch tuyên truyền CCHC năm nay do ai ban hành?", "Phòng Văn hóa – Xã hội"),
])
def test_a_rows_issuer_is_no_header_fact(answerer, question, lead):
    a = answerer.answer(question)
    assert "issuer" not in a.query.metas, question
    assert a.kind != "meta", question
    assert lead in a.text, question


def test_decision_of_another_plan_gives_its_date_as_written(answerer):
    _, last = talk(answerer, "Phú Thái KH kèm quyết định số mấy?", "thế ở Trường Xuân số quyết định là gì?")
    assert "04/QĐ-UBND" in last.text
    assert "06 tháng 01 năm 2026" in last.text


def test_plan_without_annex_is_asked_the_first_question(answerer):
    *_, last = talk(answerer, "Nam An Phụ báo cáo CCHC hàng quý gửi trước ngày mấy của tháng cuối quý?",
                    "vậy gửi qua ai?", "còn ở Phú Thái thì sao?")
    assert not last.abstained
    assert "06" in last.text
    assert all(c.doc.startswith(PT) for c in last.citations)


def test_similar_row_despite_a_bracketed_aside(answerer):
    *_, last = talk(answerer, "NAP nv 6 là gì, ai chủ trì?", "còn VK thì sao")
    assert not last.abstained
    assert "20%" in last.text and "30%" in last.text
    assert any(c.doc.startswith(VK) for c in last.citations)


@pytest.mark.parametrize("follow", ["còn TX phòng kinh tế thì sao", "thế ở Trường Xuân phòng kinh tế thì sao?"])
def test_unit_named_again_in_another_plan_lists_its_rows(answerer, follow):
    *_, last = talk(answerer, "NAP Phòng Kinh tế xã chủ trì nv nào?", "trong đó cái nào hạn sớm nhất?", follow)
    assert last.kind == "filter", follow
    for number in ("21", "22", "23"):
        assert number in last.text, follow
    assert all(c.doc.startswith(TX) for c in last.citations), follow


@pytest.mark.parametrize("first", ["NAP nv 8 là gì", "NAP nv 9 là gì"])
def test_like_row_of_the_kind_the_follow_up_names(answerer, first):
    _, last = talk(answerer, first, "vậy ở Việt Khê có cái hội thi nào giống vậy không, ai phụ trách?")
    assert not last.abstained, first
    assert [k for _, k in last.query.result_keys][:1] == ["9"], first
    assert "Hội thi trực tuyến" in last.text and "Phòng Văn hóa – Xã hội" in last.text, first


def test_a_common_kind_does_not_lead(answerer):
    from retrieval.answering.similar import asked_kind

    rows = [t for p in answerer.plans.values() for t in p.tasks]
    assert asked_kind("VK có cái kiểm tra nào tương tự không?", rows, answerer.catalog.name_words) == set()
    assert asked_kind("VK có cái hội thi nào tương tự không?", rows, answerer.catalog.name_words) == {"hoi thi"}
