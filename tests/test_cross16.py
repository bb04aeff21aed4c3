"""Cross-plan questions as staff phrase them (issue 10, class 6), on the five
seed plans. Phrasings written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Nam An Phụ's annex has 35 rows,
Việt Khê's 42, Trường Xuân's 31; Trường Xuân is the only plan of several
years ("giai đoạn 2026 - 2030"); Nam An Phụ writes "Chỉ số năng lực cạnh
tranh cấp xã (DCI)" and Lộc Hòa "… cấp xã (DDCI)", while Việt Khê writes
only "… cấp tỉnh (PCI)"; Nam An Phụ and Việt Khê leave the decision number
blank; Lộc Hòa's upper level is "huyện Lộc Ninh"; Nam An Phụ's rows 28 and
29 (tài sản công) are led by Phòng Kinh tế xã, and Việt Khê has no row on
tài sản công; Lộc Hòa's row 2.3 sets the online satisfaction survey at
"tối thiểu 94%"; Trường Xuân's row 26 is "Xây dựng kế hoạch CCHC hàng năm".
"""

from __future__ import annotations

import pytest

from retrieval.answering.acronyms import Glossary
from retrieval.answering.clauses import plan_clauses
from retrieval.question.cues import ASSIGNED_ASKED, COUNT
from retrieval.question.model import Intent
from retrieval.question.parse import parse_query

PT, NAP, TX, LH, VK = "000", "001", "002", "003", "004"


def _docs(answer) -> set[str]:
    return {c.doc[:3] for c in answer.citations}


def _cites(answer, doc: str, locator: str) -> bool:
    return any(c.doc.startswith(doc) and c.locator == locator for c in answer.citations)


def _intent(answerer, question: str) -> str:
    return str(parse_query(question, answerer.catalog).intent)


# ------------------------------------------------------------ counts per named plan

@pytest.mark.parametrize("text, counted", [
    ("số nv trong phụ lục của NAP và VK?", True),
    ("tổng hợp số nhiệm vụ từng kế hoạch", True),
    ("so luong nhiem vu moi ke hoach", True),
    ("hồ sơ nhiệm vụ lưu ở đâu", False),
    ("nhiệm vụ số 3 là gì", False),
])
def test_the_number_of_tasks_asked_as_so_nv(text, counted):
    from ingest.lexicon import canon

    assert bool(COUNT.search(canon(text))) is counted


def test_so_nv_of_named_plans_counts_each_plan(answerer):
    a = answerer.answer("so nv phụ lục của Nam An Phụ với Việt Khê?")
    assert a.query.intent == Intent.COUNT
    assert "35 nhiệm vụ" in a.text and "42 nhiệm vụ" in a.text, a.text


# ------------------------------------------------------------ the period of each plan

@pytest.mark.parametrize("question", [
    "cả 5 kế hoạch, mỗi cái làm cho kỳ nào?",
    "mấy KH này thuộc kỳ nào vậy, từng kế hoạch một",
    "KH nào làm cho nhiều năm chứ không phải một năm?",
])
def test_each_plans_period_is_asked(answerer, question):
    assert _intent(answerer, question) == "plans"
    a = answerer.answer(question)
    assert "2026 - 2030" in a.text and "6 tháng cuối năm 2025" in a.text, a.text
    assert len(_docs(a)) == 5


def test_the_multi_year_plan_is_named_first(answerer):
    a = answerer.answer("kế hoạch nào là kế hoạch cả giai đoạn, không phải một năm?")
    first = a.text.splitlines()[0]
    assert "Trường Xuân" in first and "2026 - 2030" in first, a.text
    assert "Nam An Phụ" not in first


def test_a_subjects_period_is_not_the_plans_period(answerer):
    q = parse_query("đào tạo bồi dưỡng công chức ở NAP và TX khác nhau thế nào: TX ghi giai đoạn nào, "
                    "NAP theo quyết định nào?", answerer.catalog)
    assert q.intent != Intent.PLANS


# ------------------------------------------------------------ which plans mention a short name

def test_the_glossary_reads_full_names_before_brackets():
    g = Glossary(["a) Phấn đấu về Chỉ số cải cách hành chính (PAR Index), Chỉ số năng lực cạnh tranh cấp xã (DCI).",
                  "Chỉ số hài lòng của người dân, tổ chức với sự phục vụ của cơ quan hành chính Nhà nước (SIPAS)"])
    assert g.names["dci"] == ["chi so nang luc canh tranh cap xa"]
    assert g.names["sipas"][0].startswith("chi so hai long cua nguoi dan")
    assert g.expansions("chi so dci", []) == ["chi so nang luc canh tranh cap xa"]
    assert g.is_full_name("chi so nang luc canh tranh cap xa")


def test_a_short_name_is_met_by_a_plan_writing_the_full_name_with_its_own_short_name(answerer):
    a = answerer.answer("xã nào có nêu chỉ số DCI trong kế hoạch?")
    assert _docs(a) == {NAP, LH}, a.text
    assert "DDCI" in a.text


def test_a_full_name_with_its_short_names_is_one_term(answerer):
    a = answerer.answer("Chỉ số năng lực cạnh tranh cấp xã (DCI, DDCI) có trong kế hoạch của xã nào?")
    assert a.query.intent == Intent.WHICH_PLANS
    assert _docs(a) == {NAP, LH}, a.text  # not Việt Khê's "… cấp tỉnh (PCI)"


def test_a_short_name_is_not_met_by_a_row_sharing_words_of_its_full_name(answerer):
    a = answerer.answer("những kế hoạch nào nhắc tới PAPI?")
    assert NAP not in _docs(a), a.text
    assert {TX, LH, VK} <= _docs(a)


# ------------------------------------------------------------ upper level, header facts

def test_every_plans_upper_level_even_when_some_are_guessed(answerer):
    a = answerer.answer("Các xã thuộc tỉnh, thành phố nào? NAP thuộc Hải Phòng đúng không, còn TX?")
    assert a.query.intent == Intent.UPPER
    assert "Cần Thơ" in a.text and "Lộc Ninh" in a.text and "Hải Phòng" in a.text, a.text
    assert len(_docs(a)) == 5


def test_the_plans_leaving_the_decision_number_blank_are_named(answerer):
    a = answerer.answer("Trong các kế hoạch, kế hoạch nào có số quyết định và kế hoạch nào bỏ trống?")
    assert "533/QĐ-UBND" in a.text and "09/QĐ-UBND" in a.text
    blank = next(line for line in a.text.splitlines() if "để trống" in line.lower())
    assert "Nam An Phụ" in blank and "Việt Khê" in blank and "Phú Thái" not in blank, a.text


# ------------------------------------------------------------ a unit given a task on a subject, per plan

@pytest.mark.parametrize("text, unit, topic", [
    ("so voi viet khe nam an phu co giao phong kinh te viec ve tai san cong khong", "phong kinh te", "tai san cong"),
    ("tx co giao cho trung tam phuc vu hanh chinh cong lam iso khong", "trung tam phuc vu hanh chinh cong", "iso"),
    ("phong van hoa xa hoi co duoc giao nhiem vu ve tuyen truyen khong", None, "tuyen truyen"),
])
def test_the_assignment_asked(text, unit, topic):
    m = ASSIGNED_ASKED.search(text)
    assert m is not None
    assert (m.group("unit") or m.group("unit2")).startswith(unit or "phong van hoa")
    assert (m.group("topic") or m.group("topic2")).endswith(topic)


def test_each_plan_says_whether_it_gives_the_unit_the_subject(answerer):
    a = answerer.answer("So với Việt Khê thì Nam An Phụ có giao Phòng Kinh tế việc về tài sản công không?")
    assert _cites(a, NAP, "nhiệm vụ 28") and _cites(a, NAP, "nhiệm vụ 29"), a.text
    assert VK not in _docs(a)
    lines = a.text.splitlines()
    assert any(line.startswith("Nam An Phụ") and "có" in line and "Phòng Kinh tế xã" in line for line in lines)
    assert any(line.startswith("Việt Khê") and "không" in line for line in lines), a.text


def test_a_subject_led_by_another_unit_is_said_with_its_lead(answerer):
    a = answerer.answer("NAP có giao Trung tâm Phục vụ hành chính công làm ISO 18091 không?")
    assert "không" in a.text.splitlines()[0], a.text
    assert _cites(a, NAP, "nhiệm vụ 34") and "Phòng Văn hoá- Xã hội" in a.text


# ------------------------------------------------------------ one target of each plan

def test_mức_là_bao_nhiêu_of_every_commune_is_a_target(answerer):
    a = answerer.answer("Mức hài lòng về giải quyết TTHC của từng xã là bao nhiêu?")
    assert a.query.intent == Intent.TARGETS
    assert "97%" in a.text and "94%" in a.text, a.text
    assert len(_docs(a)) == 5


def test_one_figure_asked_of_two_plans_with_different_bound_words_is_one_ask(answerer):
    q = parse_query("Tỷ lệ hồ sơ giải quyết trực tuyến: Lộc Hòa đặt ít nhất bao nhiêu, còn TX đặt bao nhiêu?",
                    answerer.catalog)
    assert plan_clauses(q, answerer.catalog) == []


def test_a_closing_thi_sao_asks_the_clause_before_of_its_plan(answerer):
    q = parse_query("ban hành kế hoạch CCHC hằng năm: NAP hạn trước 15/01/2026, còn TX thì sao", answerer.catalog)
    assert plan_clauses(q, answerer.catalog) == []
    a = answerer.answer("ban hành kế hoạch CCHC hằng năm: NAP hạn trước 15/01/2026, còn TX thì sao")
    assert _cites(a, TX, "nhiệm vụ 26"), a.text
    assert "Trường Xuân (giai đoạn 2026 - 2030): không tìm thấy" not in a.text


def test_which_plans_leave_a_header_fact_blank_names_those_first(answerer):
    a = answerer.answer("những kế hoạch nào chưa ghi số quyết định?")
    first = a.text.splitlines()[0]
    assert "Nam An Phụ" in first and "Việt Khê" in first and "Trường Xuân" not in first, a.text
    assert {NAP, VK} <= _docs(a)


def test_a_count_of_several_named_plans_is_each_plans_count_alone(answerer):
    a = answerer.answer("số nhiệm vụ phụ lục của NAP, TX, VK?")
    lines = a.text.splitlines()
    assert lines[0].startswith("Số nhiệm vụ theo từng kế hoạch"), a.text
    assert len(lines) == 4 and "31 nhiệm vụ" in a.text


def test_mức_đặt_ra_thế_nào_of_each_commune_is_a_target(answerer):
    assert _intent(answerer, "mức độ số hóa hồ sơ của mỗi xã đặt ra thế nào?") == "targets"


def test_a_clause_asking_for_rows_gets_the_rows_not_a_figure_refusal(answerer):
    a = answerer.answer("chỉ tiêu hài lòng về y tế, giáo dục công: TX đạt bao nhiêu, còn VK có nhiệm vụ đo lường không?")
    assert "90%" in a.text, a.text
    assert _cites(a, VK, "nhiệm vụ 4") and _cites(a, VK, "nhiệm vụ 5"), a.text
