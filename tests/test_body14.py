"""Body facts and targets of the seed plans in shapes the body routes missed
(helper body14). Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Lộc Hòa's "3. Công chức Tài chính -
Kế toán có trách nhiệm" (V.3) leads "Cải cách tài chính công" and advises on
the funding ("bố trí kinh phí"); its II.7.a "Mục tiêu" says "Phấn đấu duy trì
Chỉ số cải cách hành chính của huyện (PAR INDEX)"; its place-date line is
"Lộc Hòa, ngày 22 tháng 01 năm 2025"; Trường Xuân's decision is dated "06
tháng 01 năm 2026"; Việt Khê's header leaves the day blank and its annex row 1
"Ban hành Kế hoạch cải cách hành chính 6 tháng cuối năm 2025" is due "Trong
tháng 7/2025"; Nam An Phụ's I.2.a aims at a high rank on "PAR Index", "SIPAS"
and "DCI" in 2026; every plan names SIPAS among its aims; Phú Thái has no
"Căn cứ" line, its "1. Mục đích" (I.1) opens "Triển khai thực hiện có hiệu quả
Nghị quyết số 76/NQ- CP … của Chính phủ"; Phú Thái (II.2) and Nam An Phụ
(I.2.b) both aim at "Hoàn thành 100% nhiệm vụ được … thành phố … giao"; Lộc
Hòa's annex row 3.1 (VI) aims at "Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 90% -
80% các TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực
tuyến"; Nam An Phụ's I.2.d raises the budget revenue "ít nhất 10%", while Việt
Khê only writes "Vượt chỉ tiêu thu ngân sách năm 2025 được Ủy ban nhân dân
thành phố giao".
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.answer import Answerer
from retrieval.answering.unstated import asks_progress_share
from retrieval.query import Intent, parse_query
from tests.test_answer import seed_answerer, talk


def _parsed(answerer: Answerer, question: str):
    return parse_query(question, answerer.catalog)


# -- "cc" before a civil servant's field is "công chức"; before a reform it is not


@pytest.mark.parametrize(("typed", "read"), [
    ("cc Tài chính - Kế toán", "cong chuc tai chinh ke toan"),
    ("CC VH-XH", "cong chuc van hoa xa hoi"),
    ("cc tu phap ho tich", "cong chuc tu phap ho tich"),
    ("CC TTHC", "cc thu tuc hanh chinh"),
    ("phần CC tài chính công", "phan cc tai chinh cong"),
])
def test_cc_reads_cong_chuc_only_before_a_field(typed, read):
    assert canon(typed) == read


@pytest.mark.parametrize("question", ["xã Lộc Hòa, cc Tài chính - Kế toán phải làm những việc gì?",
                                      "loc hoa cc tai chinh ke toan co trach nhiem gi"])
def test_duties_of_a_civil_servant_written_cc(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "Cải cách tài chính công" in answer.text and "bố trí kinh phí" in answer.text
    assert any(c.locator == "mục V.3" for c in answer.citations)


# -- the form the answer is asked in is no part of its subject


def test_abbreviation_asked_in_brackets_is_no_topic(answerer):
    answer = answerer.answer("Lộc Hòa phấn đấu duy trì chỉ số gì? (ghi tên viết tắt)")
    assert not answer.abstained
    assert "PAR INDEX" in answer.text
    assert any(c.locator == "mục II.7.a" for c in answer.citations)


def test_name_the_communes_is_no_topic_of_a_target(answerer):
    answer = answerer.answer("Các kế hoạch nào đặt chỉ tiêu về SIPAS, kể tên các xã")
    assert not answer.abstained
    for place in ("Phú Thái", "Nam An Phụ", "Trường Xuân", "Lộc Hòa", "Việt Khê"):
        assert place in answer.text, place


# -- a share asked of a named target is the target, not progress made


def test_share_of_a_named_target_is_not_progress():
    plain = parse_query("NAP nv 5 đã hoàn thành được mấy %?", seed_answerer().catalog)
    target = parse_query("NAP chỉ tiêu hoàn thành mấy % nhiệm vụ được giao?", seed_answerer().catalog)
    assert asks_progress_share(plain)
    assert not asks_progress_share(target)


def test_shared_target_of_two_plans_gives_its_figure(answerer):
    answer = answerer.answer("Phú Thái với Nam An Phụ, chỉ tiêu hoàn thành mấy % nhiệm vụ thành phố giao?")
    assert not answer.abstained
    assert "100%" in answer.text
    assert {c.doc[:3] for c in answer.citations} >= {"000", "001"}


# -- "X ban hành KH … ngày nào": the plan's own date


def test_plan_issued_on_which_day_is_the_header_date(answerer):
    answer = answerer.answer("Trường Xuân ban hành kế hoạch CCHC giai đoạn 2026 - 2030 vào ngày nào?")
    assert answer.kind == "meta" and not answer.abstained
    assert "06 tháng 01 năm 2026" in answer.text


def test_blank_issuing_day_names_the_row_issuing_the_plan(answerer):
    answer = answerer.answer("viet khe ban hanh ke hoach ngay nao")
    assert answer.abstained
    assert "không ghi ngày ký ban hành" in answer.text
    assert "nhiệm vụ 1" in answer.text and "Trong tháng 7/2025" in answer.text


def test_a_row_issuing_a_plan_by_a_deadline_is_still_the_row(answerer):
    query = _parsed(answerer, "NAP: ban hành KH CCHC năm 2026 phải xong trước ngày nào?")
    assert query.meta is None and "deadline" in query.fields
    other = _parsed(answerer, "TX, kế hoạch theo dõi thi hành pháp luật thì ban hành kế hoạch ngày nào?")
    assert other.meta is None


# -- a list of indices is the body's, its year no deadline


@pytest.mark.parametrize("question", ["NAP: kể hết các chỉ số mà xã phấn đấu đạt thứ hạng cao trong năm 2026",
                                      "liet ke nhung chi so Nam An Phu phan dau dat thu hang cao nam 2026"])
def test_indices_listed_are_not_a_row_filter(answerer, question):
    query = _parsed(answerer, question)
    assert query.intent != Intent.FILTER and query.period is None, question
    answer = answerer.answer(question)
    assert not answer.abstained, question
    for index in ("PAR Index", "SIPAS", "DCI"):
        assert index in answer.text, (question, index)


# -- legal bases of a plan without a "Căn cứ" preamble


@pytest.mark.parametrize("question", ["Phú Thái dựa trên nghị quyết nào của Chính phủ?",
                                      "KH phu thai can cu nghi quyet nao cua CP"])
def test_bases_of_a_plan_without_a_preamble_are_what_it_carries_out(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, question
    assert "76/NQ- CP" in answer.text and "không có dòng “Căn cứ …”" in answer.text
    assert any(c.doc.startswith("000") and c.locator == "mục I.1" for c in answer.citations)


def test_a_plan_with_a_preamble_keeps_its_bases(answerer):
    answer = answerer.answer("Lộc Hòa căn cứ những văn bản nào?")
    assert not answer.abstained
    assert "128/QĐ-UBND" in answer.text and "không có dòng" not in answer.text


# -- one plan's figure given, the other plan's corresponding target asked


def test_a_clause_giving_a_figure_is_no_ask_of_its_own(answerer):
    answer = answerer.answer("thanh toán trực tuyến: Trường Xuân 80%, Lộc Hòa chỉ tiêu thế nào?")
    assert not answer.abstained
    assert "90%" in answer.text
    assert any(c.doc.startswith("003") and c.locator.startswith("nhiệm vụ 3.1") for c in answer.citations)


# -- the previous figure question asked again of a plan that sets it in words


def test_plan_switch_after_a_figure_quotes_a_target_set_in_words(answerer):
    first, second = talk(answerer, "Nam An Phụ thu ngân sách năm 2026 phải tăng tối thiểu bao nhiêu %?",
                         "thế còn Việt Khê?")
    assert "10%" in first.text
    assert not second.abstained
    assert "Vượt chỉ tiêu thu ngân sách năm 2025" in second.text and "không nêu con số" in second.text
    assert all(c.doc.startswith("004") for c in second.citations)


def test_the_same_figure_asked_afresh_is_still_refused(answerer):
    answer = answerer.answer("Việt Khê thu ngân sách phải tăng tối thiểu bao nhiêu %?")
    assert answer.abstained
    assert "không nêu con số" in answer.text and "Vượt chỉ tiêu thu ngân sách năm 2025" in answer.text
