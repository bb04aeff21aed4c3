"""Unanswerable traps answered with something else, now refused with the reason,
while the real questions of the same shape stay answered (issue 10). Phrasings
written for these tests, not taken from a set.

Read from the seed texts in ``corpus/``: Việt Khê's header leaves the decision's
number and day blank ("Quyết định số /QĐ-UBND ngày /7/2025"); Trường Xuân's is
04/QĐ-UBND of 06/01/2026. Nam An Phụ row 22 sets "tỷ lệ thanh toán trực tuyến …
đạt tối thiểu 80%" (Thường xuyên), row 28 runs "Tháng 01/2026 đến tháng 5/2026",
row 8 is "Tháng 11", row 4 "Quý IV/2026"; Trường Xuân row 13 is "Thực hiện thường
xuyên và giai đoạn 2026 - 2030", row 26 "Hàng năm". Phú Thái mục II.6 sets a cut of
at least 50% of the time of procedures; Lộc Hòa row 3.2 (mục II) a share of 80% of
dossiers handled online. No plan writes a count of people, dossiers or procedures.
Việt Khê's part IV is "Cải cách tổ chức bộ máy", rows 26–27, both led by Phòng Văn
hóa – Xã hội.
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from retrieval.query import parse_query

VK = "004_83dc20140de0736e.txt"


def both(*questions: str) -> list[str]:
    """Each question as written and with every diacritic removed."""
    return [v for q in questions for v in (q, fold(q))]


# ------------------------------------------------------------ the signing's day

@pytest.mark.parametrize("question", both("Việt Khê ký kế hoạch ngày mấy?", "KH Việt Khê được ký vào ngày bao nhiêu?",
                                          "ngày mấy thì VK ký kế hoạch?"))
def test_a_blank_signing_day_is_said_not_another_date(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không ghi ngày ký ban hành" in a.text
    assert "Việt Khê" in a.text


@pytest.mark.parametrize("question", both("Trường Xuân ký KH ngày mấy?", "quyết định ban hành KH Trường Xuân ký ngày nào"))
def test_a_written_signing_day_is_answered(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained and "06/01/2026" in a.text


@pytest.mark.parametrize("question", both("Việt Khê KH do ông/bà nào ký vậy?"))
def test_a_blank_signer_asked_as_which_person_is_said(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không ghi người ký" in a.text


def test_a_signer_asked_as_which_person_is_answered(answerer):
    a = answerer.answer("KH Trường Xuân do ông nào ký?")
    assert not a.abstained and "Nguyễn Văn Phúc" in a.text


def test_registering_or_a_reporting_period_is_no_signing(answerer):
    for question in ("Việt Khê đăng ký kế hoạch đào tạo ngày nào?", "VK báo cáo định kỳ gửi trước ngày nào?"):
        assert parse_query(question, answerer.catalog).meta != "date", question


# ------------------------------------------------------------ a month the deadline does not give

@pytest.mark.parametrize(("question", "written"), [
    ("TX nv 13 hoàn thành vào tháng mấy?", "Thực hiện thường xuyên và giai đoạn 2026 - 2030"),
    ("nap nv 4 thang may phai xong", "Quý IV/2026"),
    ("Việt Khê nhiệm vụ 22 xong vào tháng nào?", "Thường xuyên"),
])
def test_a_month_asked_of_a_deadline_without_one_is_said(answerer, question, written):
    a = answerer.answer(question)
    assert a.abstained and "không ghi tháng cụ thể" in a.text and written in a.text


def test_a_quarter_asked_of_a_yearly_deadline_is_said(answerer):
    a = answerer.answer("Trường Xuân nv 26 quý mấy phải xong?")
    assert a.abstained and "không ghi quý cụ thể" in a.text and "Hàng năm" in a.text


@pytest.mark.parametrize(("question", "gold"), [
    ("NAP nv 28 làm từ tháng mấy đến tháng mấy?", "Tháng 01/2026 đến tháng 5/2026"),
    ("nam an phu nv 8 thang may", "Tháng 11"),
    ("NAP nv 4 quý mấy hoàn thành?", "Quý IV/2026"),
])
def test_a_month_or_quarter_the_cell_gives_is_answered(answerer, question, gold):
    a = answerer.answer(question)
    assert not a.abstained and gold in a.text


# ------------------------------------------------------------ "bộ máy" is no "bỏ mấy"

@pytest.mark.parametrize("question", both("Việt Khê phần tổ chức bộ máy Phòng VH-XH chủ trì những nv nào?"))
def test_the_apparatus_before_a_unit_is_no_exclusion(answerer, question):
    q = parse_query(question, answerer.catalog)
    assert not q.exclude_units and q.unit
    a = answerer.answer(question)
    assert not a.abstained and "26" in a.text and "27" in a.text


def test_leaving_rows_out_still_reads_as_an_exclusion(answerer):
    q = parse_query("TX bỏ mấy việc thường xuyên ra thì còn nv nào?", answerer.catalog)
    assert q.negate and q.regular


# ------------------------------------------------------------ an actual result, not the target

@pytest.mark.parametrize("question", both("NAP nv 22 tỷ lệ thanh toán trực tuyến thực tế đã đạt bao nhiêu?"))
def test_an_actual_result_of_a_row_is_refused_with_its_target(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không ghi kết quả thực tế" in a.text and "80%" in a.text


@pytest.mark.parametrize("question", both("Phú Thái đã cắt giảm được bao nhiêu thủ tục rồi?",
                                          "Lộc Hòa đã giải quyết được mấy hồ sơ trực tuyến?"))
def test_a_result_reached_is_refused_naming_the_plan(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không ghi kết quả thực tế" in a.text
    assert ("Phú Thái" if "phu thai" in fold(question).lower() else "Lộc Hòa") in a.text


@pytest.mark.parametrize(("question", "gold"), [
    ("NAP tỷ lệ thanh toán trực tuyến đạt bao nhiêu?", "80%"),
    ("Phú Thái cắt giảm thời gian giải quyết TTHC tối thiểu bao nhiêu %?", "50%"),
])
def test_the_target_itself_is_still_answered(answerer, question, gold):
    a = answerer.answer(question)
    assert not a.abstained and gold in a.text


def test_tasks_done_are_the_statuses_not_this_refusal(answerer):
    a = answerer.answer("NAP đã hoàn thành được mấy nhiệm vụ?")
    assert "kết quả thực tế" not in a.text


# ------------------------------------------------------------ a count the plan gives as a share

@pytest.mark.parametrize("question", both("Lộc Hòa có bao nhiêu hồ sơ được giải quyết trực tuyến?"))
def test_a_count_of_dossiers_is_refused_with_the_share(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không nêu số hồ sơ" in a.text and "80%" in a.text


def test_a_count_of_procedures_is_refused_with_the_share(answerer):
    a = answerer.answer("Phú Thái có bao nhiêu thủ tục hành chính được cắt giảm thời gian giải quyết?")
    assert a.abstained and "không nêu số thủ tục hành chính" in a.text and "50%" in a.text


@pytest.mark.parametrize("question", both("Trường Xuân có bao nhiêu người trong ban chỉ đạo CCHC?",
                                          "Nam An Phụ có mấy người được cử đi tập huấn?"))
def test_a_count_of_people_is_refused_not_another_subjects_figure(answerer, question):
    a = answerer.answer(question)
    assert a.abstained and "không nêu số người" in a.text
    assert "50%" not in a.text  # Phú Thái's cut of procedures' time, "theo chỉ đạo của thành phố"


def test_a_headcount_of_a_numbered_row_names_the_row(answerer):
    a = answerer.answer("Nam An Phụ có bao nhiêu công chức được cử đi tập huấn AI trong nv 31?")
    assert a.abstained and "không nêu số biên chế" in a.text and "nhiệm vụ 31" in a.text


@pytest.mark.parametrize("question", ["LH tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ bao nhiêu?",
                                      "Nam An Phụ số hóa hồ sơ thủ tục hành chính ai chủ trì?"])
def test_a_share_or_a_dossier_task_is_no_count(answerer, question):
    a = answerer.answer(question)
    assert not a.abstained and "không nêu số" not in a.text


# ------------------------------------------------------------ a place typed without diacritics

@pytest.mark.parametrize(("question", "place"), [
    ("kh cchc xa tan lap nam 2026 co bao nhieu nv?", "xã tan lap"),
    ("phuong hong bang ke hoach cchc ai ky?", "phường hong bang"),
    ("xa tan phong co nv nao ve chuyen doi so", "xã tan phong"),
])
def test_a_place_not_loaded_typed_without_diacritics_is_said(answerer, question, place):
    a = answerer.answer(question)
    assert a.abstained and f"Chưa nạp kế hoạch nào của {place}" in a.text


@pytest.mark.parametrize("question", ["phong van hoa xa hoi xa nam an phu chu tri nv nao",
                                      "cac xa khac chi tieu hai long bn?",
                                      "xa viet khe co bao nhieu nv", "ubnd xa truong xuan ban hanh kh ngay nao"])
def test_genre_words_and_loaded_places_after_xa_are_no_unknown_place(answerer, question):
    assert parse_query(question, answerer.catalog).unknown_place is None


# ------------------------------------------------------------ a figure nothing states, said per plan

@pytest.mark.parametrize(("question", "says"), [
    ("NAP mức hài lòng với dịch vụ y tế công bao nhiêu %?", "không nêu chỉ tiêu (con số)"),
    ("Phú Thái kinh phí cụ thể cho tuyên truyền CCHC là bao nhiêu?", "không nêu số tiền"),
    ("truong xuan phan dau chi so DCI xep hang thu may", "không nêu thứ hạng"),
])
def test_a_figure_no_passage_states_is_refused_in_words(answerer, question, says):
    a = answerer.answer(question)
    assert a.abstained and says in a.text and a.text.startswith("Kế hoạch ")
