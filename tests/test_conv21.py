"""Follow-up turns and traps (helper conv21), on the seed plans in ``corpus/``.
Phrasings written for these tests, not taken from a set.

Read from the seed texts: Việt Khê's rows 4 and 5 measure satisfaction with
public health ("Theo thời gian đánh giá hàng năm của Bộ Y tế") and education
("Cả năm 2025") services; its row 38 is the one that writes "AI" ("Ứng dụng AI
vào tự động hóa …", "Cả năm 2025"); its mục II. Cải cách thể chế holds rows
10–16, Trường Xuân's mục I. Cải cách thể chế rows 1–3; Việt Khê's Phòng Kinh tế
leads rows 7, 34–37 and 41. Lộc Hòa's row II.2.4 cites "Quyết định số
1394/QĐ-UBND"; Nam An Phụ's row 28 cites no document. Việt Khê's body sets one
satisfaction target for procedures ("đạt 90% trở lên"), Trường Xuân's also one
for "lĩnh vực đất đai, xây dựng, đầu tư" (95%); Nam An Phụ only says "nâng cao
xếp hạng … (DTI)"; Việt Khê's row 9 assigns the online contest, no prizes.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.lexicon import canon, cased_acronyms_typed
from retrieval.question.cues import PRIZE_ASKED, RANK_ASKED, ROW_DOCUMENT_ASKED, only_fields
from tests.test_answer import talk

NAP, PT, TX, VK, LH = "001", "000", "002", "004", "003"


# -- a field asked by its column's header after rows were shown

@pytest.mark.parametrize("follow", ["thời gian thực hiện ghi thế nào?", "thoi gian thuc hien ghi the nao",
                                    "cột thời hạn ghi gì?", "thời gian hoàn thành ghi ra sao"])
def test_deadline_asked_by_its_column_header(answerer, follow):
    _, last = talk(answerer, "Việt Khê: việc đo lường sự hài lòng với dịch vụ y tế công do ai chủ trì?", follow)
    assert last.kind == "task", follow
    assert "Theo thời gian đánh giá hàng năm của Bộ Y tế" in last.text, follow


@pytest.mark.parametrize("key, expected", [
    ("thời gian thực hiện ghi thế nào?", True),
    ("cơ quan phối hợp ghi những ai?", True),
    ("đơn vị thực hiện là ai?", True),
    ("thời gian thực hiện kế hoạch tuyên truyền ghi thế nào?", False),
    ("thực hiện thế nào?", False),
])
def test_only_fields_reads_column_headers(key, expected):
    assert only_fields(canon(key)) is expected


# -- an acronym typed in capitals as a topic, then "hạn cái đó"

@pytest.mark.parametrize("question", ["VK có cái nào về AI không", "Viet Khe co nv nao ve AI ko"])
def test_capital_acronym_is_a_topic(answerer, question):
    *_, last = talk(answerer, "NAP nv 31 là gì, hạn", question, "hạn cái đó")
    assert [c.locator for c in talk(answerer, question)[0].citations][:1] == ["nhiệm vụ 38"]
    assert last.kind == "task" and "Cả năm 2025" in last.text
    assert [c.doc[:3] for c in last.citations] == [VK]


def test_lower_case_ai_stays_a_question_word():
    assert cased_acronyms_typed("tập huấn AI cho cán bộ") == {"ai"}
    assert cased_acronyms_typed("ai chủ trì nv 5?") == frozenset()
    assert cased_acronyms_typed("AI CHỦ TRÌ NV 5?") == frozenset()


# -- "còn TX mục …?" after a section's rows; "còn TX thì sao?" after "trong đó …"

def test_section_named_with_another_plan_after_a_subset(answerer):
    *_, last = talk(answerer, "VK mục cải cách thể chế gồm những nv nào?", "trong đó nv nào hạn Quý IV/2025?",
                    "còn Trường Xuân mục cải cách thể chế?")
    assert not last.abstained
    assert {c.locator for c in last.citations} == {"nhiệm vụ 1", "nhiệm vụ 2", "nhiệm vụ 3"}
    assert {c.doc[:3] for c in last.citations} == {TX}


def test_section_named_without_diacritics_after_a_section_list(answerer):
    _, last = talk(answerer, "NAP muc cai cach TTHC gom nhung nv nao", "con VK muc cai cach tai chinh cong thi sao")
    assert {c.doc[:3] for c in last.citations} == {VK}
    assert {"nhiệm vụ 34", "nhiệm vụ 37"} <= {c.locator for c in last.citations}


def test_subset_asked_of_another_plan_keeps_the_unit(answerer):
    *_, last = talk(answerer, "Việt Khê những nhiệm vụ do Phòng Kinh tế chủ trì?",
                    "trong đó cái nào hạn Quý III,IV/2025", "còn TX thì sao?")
    assert last.query.unit == "phong kinh te"
    assert "Phòng Kinh tế" in last.text


# -- after a turn that found nothing, the row still in focus

@pytest.mark.parametrize("follow", ["nó hạn khi nào?", "vậy nó xong khi nào"])
def test_row_in_focus_after_no_similar_row(answerer, follow):
    *_, last = talk(answerer, "LH II.3.4 là nv gì", "TX có nv tương tự không?", follow)
    assert last.kind == "task", follow
    assert {c.doc[:3] for c in last.citations} == {LH}


# -- the document a row goes by

@pytest.mark.parametrize("follow", ["theo quyết định nào?", "theo QĐ số mấy?", "căn cứ quyết định nào vậy",
                                    "nó thực hiện theo văn bản nào"])
def test_document_a_row_cites(answerer, follow):
    _, last = talk(answerer, "Lộc Hòa mục II.2.4 là nv gì, hạn khi nào?", follow)
    assert last.kind == "task", follow
    assert "1394/QĐ-UBND" in last.text, follow


def test_row_document_cue_is_a_whole_question():
    assert ROW_DOCUMENT_ASKED.search(canon("theo nghị định nào?"))
    assert not ROW_DOCUMENT_ASKED.search(canon("kế hoạch ban hành theo quyết định nào?"))
    assert not ROW_DOCUMENT_ASKED.search(canon("nhiệm vụ nào thực hiện theo quyết định 1394?"))


# -- traps refused with the reason; real questions of the same shape answered

@pytest.mark.parametrize("question, reason", [
    ("NAP phấn đấu chỉ số DTI xếp hạng thứ mấy?", "không nêu thứ hạng cụ thể"),
    ("NAP chi so DTI dung top may", "không nêu thứ hạng cụ thể"),
    ("VK hội thi trực tuyến tìm hiểu CCHC cơ cấu giải thưởng ra sao?", "không nêu giải thưởng"),
    ("VK mức hài lòng TTHC lĩnh vực đất đai phải đạt bao nhiêu %?", "lĩnh vực đất đai"),
    ("TX mức hài lòng TTHC lĩnh vực tư pháp đạt bao nhiêu %", "lĩnh vực tư pháp"),
])
def test_unstated_detail_refused_with_reason(answerer, question, reason):
    ans = answerer.answer(question)
    assert ans.abstained, question
    assert reason in ans.text, question


@pytest.mark.parametrize("question, expected", [
    ("VK mức độ hài lòng về giải quyết TTHC phải đạt bao nhiêu %?", "90%"),
    ("TX mức hài lòng về giải quyết TTHC lĩnh vực đất đai đạt tối thiểu bao nhiêu %", "97%"),
    ("VK hội thi trực tuyến tìm hiểu CCHC do ai chủ trì?", "Phòng Văn hóa – Xã hội"),
    ("tx neu bao nhieu giai phap thuc hien?", "7"),
])
def test_same_shape_still_answered(answerer, question, expected):
    ans = answerer.answer(question)
    assert not ans.abstained, question
    assert expected in ans.text, question


@pytest.mark.parametrize("key, rank, prize", [
    ("xep hang thu may", True, False), ("dung top may", True, False), ("la may noi dung nao", False, False),
    ("co may giai", False, True), ("bao nhieu giai phap", False, False), ("may giai doan", False, False),
])
def test_rank_and_prize_cues(key, rank, prize):
    assert bool(RANK_ASKED.search(key)) is rank
    assert bool(PRIZE_ASKED.search(key)) is prize


def test_status_with_nothing_recorded_gives_the_reason_and_deadline():
    from ingest.pipeline import parse_file
    from retrieval.question.catalog import PlanCatalog
    from tests.test_answer import CORPUS
    from tracking.answer import StatusQuestion, status_answer
    from tracking.model import DONE, TaskStatus, task_keys
    from tracking.progress import TrackedPlan

    plan = parse_file(str(next(CORPUS.glob(f"{NAP}_*.txt"))))
    catalog = PlanCatalog.from_plans([plan])
    tracked = TrackedPlan("id", plan, task_keys(plan), {})
    ans = status_answer(StatusQuestion(docs=[plan.doc], task_refs=["17"]), [tracked], catalog, date(2026, 7, 1))
    assert ans.abstained and ans.kind == "status"
    assert "Quý I năm 2026" in ans.text and "không ghi kết quả" in ans.text
    assert "QUÁ HẠN" not in ans.text
    key = tracked.keys[[t.number for t in plan.tasks].index("17")]
    tracked.statuses[key] = TaskStatus(status=DONE, completed_on="2026-03-20")
    ans = status_answer(StatusQuestion(docs=[plan.doc], task_refs=["17"]), [tracked], catalog, date(2026, 7, 1))
    assert not ans.abstained and "20/03/2026" in ans.text  # a recorded status is said


# -- a row's figure asked again of another plan: the subject, not the row number

@pytest.mark.parametrize("follow", ["TX thì đạt bn", "còn Trường Xuân thì đạt bao nhiêu %?", "con TX thi sao"])
def test_row_figure_asked_of_another_plan_asks_the_subject(answerer, follow):
    _, last = talk(answerer, "LH II.3.4 số hóa hồ sơ mục tiêu bao nhiêu %", follow)
    assert not last.abstained, follow
    assert "100%" in last.text and {c.doc[:3] for c in last.citations} == {TX}, follow


def test_row_number_asked_again_of_another_plan_without_a_figure(answerer):
    _, last = talk(answerer, "NAP nv 22 ai chủ trì", "còn TX thì sao?")
    assert [c.locator for c in last.citations][:1] == ["nhiệm vụ 22"]
    assert {c.doc[:3] for c in last.citations} == {TX}


def test_status_of_a_row_numbered_afresh_in_its_section():
    from ingest.pipeline import parse_file
    from retrieval.question.catalog import PlanCatalog
    from tests.test_answer import CORPUS
    from tracking.answer import StatusQuestion, status_answer
    from tracking.model import task_keys
    from tracking.progress import TrackedPlan

    plan = parse_file(str(next(CORPUS.glob(f"{LH}_*.txt"))))
    tracked = TrackedPlan("id", plan, task_keys(plan), {})
    asked = StatusQuestion(docs=[plan.doc], task_refs=["2.4"], section_number="ii")
    ans = status_answer(asked, [tracked], PlanCatalog.from_plans([plan]), date(2026, 7, 1))
    assert ans.abstained and "Quý I/2025" in ans.text and "Thường xuyên" not in ans.text
