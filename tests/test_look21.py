"""Task look-ups as staff ask them (issue 10, slice look21), on the five seed
plans in ``corpus/``; phrasings written for these tests, each with and
without diacritics.

What the seeds say (read from ``corpus/``):

* Việt Khê row 12 carries out the monitoring of law enforcement, deadline
  "Trước ngày 10/12/2025", product "Báo cáo theo dõi tình hình thi hành pháp
  luật"; row 41 the land-records scheme ("Theo lộ trình năm 2025", Phòng Kinh
  tế, "theo Quyết định số 323/QĐ-UBND"); row 42 is the *check* of ISO 9001
  (Phòng Văn hóa – Xã hội), while the body (mục V.9.c) gives Phòng Kinh tế the
  work itself: applying, keeping up ISO 9001:2015 and piloting ISO 18091.
* Nam An Phụ row 29 issues the public-assets rules (Quý 1/2026, product
  "Quy chế chi tiêu nội bộ; …"); row 24's first sub-row cites "Kế hoạch số
  310/KH-UBND" in its deadline cell; row 30 cites "Nghị định số 111/2025/NĐ-CP";
  row 5 is led by the provincial departments with Phòng Văn hóa - Xã hội
  coordinating; row 18 publishes the procedures ("công khai TTHC").
"""

from __future__ import annotations

import pytest

from ingest.textnorm import fold
from retrieval.query import parse_query
from retrieval.question.typos import fixed_field_typos, is_syllable
from tests.test_answer import SEED_DOCS
from tracking.answer import status_question

PT, NAP, TX, LH, VK = SEED_DOCS


def both(question: str) -> list[str]:
    """The question as written and with every diacritic removed."""
    return [question, fold(question)]


# ------------------------------------------------------------ mistyped field words


def test_mistyped_field_words_are_put_right():
    assert fixed_field_typos("nv 5 ai chu tri vs ai phoi hp") == "nv 5 ai chu tri vs ai phoi hop"
    assert fixed_field_typos("nv nao ghi thoi hna quy I") == "nv nao ghi thoi han quy I"
    assert fixed_field_typos("nv 3 san phma la gi") == "nv 3 san pham la gi"
    assert fixed_field_typos("chu tir la ai") == "chu tri la ai"
    # real syllables are never changed
    for text in ("ai phối hợp", "chủ tịch ký", "thời gian nào", "phoi hop voi ai", "san phan"):
        assert fixed_field_typos(text) == text
    assert is_syllable("hợp") and is_syllable("nghiêng") and not is_syllable("hp") and not is_syllable("hna")


def test_mistyped_coordinating_is_asked(answerer):
    for q in ("Nam An Phu nv5 ai chu tri vs ai phoi hp", "NAP nhiệm vụ 5 chủ trì là ai, phói hp là ai"):
        query = parse_query(q, answerer.catalog)
        assert query.fields[:2] == ["lead", "coordinating"], q
        a = answerer.answer(q)
        assert "Sở Nội vụ" in a.text and "Phòng Văn hóa - Xã hội" in a.text, q


# ------------------------------------------------------------ "tiến độ" of a row


def test_progress_of_a_row_is_its_deadline_not_a_status_report(answerer):
    for q in (*both("Đề án hồ sơ địa chính, cơ sở dữ liệu đất đai ở Việt Khê ai chủ trì, tiến độ thế nào?"),
              *both("NAP nhiệm vụ 28 tiến độ ra sao?"), "vk tien do de an ho so dia chinh the nao"):
        assert status_question(parse_query(q, answerer.catalog), answerer.catalog) is None, q
    a = answerer.answer("Đề án hồ sơ địa chính, cơ sở dữ liệu đất đai ở Việt Khê ai chủ trì, tiến độ thế nào?")
    assert a.kind == "task" and "Theo lộ trình năm 2025" in a.text and "Phòng Kinh tế" in a.text
    # the progress of a plan or a period is still a status report
    for q in ("Tiến độ quý III thế nào?", "tiến độ thực hiện kế hoạch Nam An Phụ thế nào",
              "nhiệm vụ 22 đã hoàn thành chưa?"):
        assert status_question(parse_query(q, answerer.catalog), answerer.catalog) is not None, q


# ------------------------------------------------------------ a row named by its product


@pytest.mark.parametrize("q", [
    *both("Việt Khê: báo cáo theo dõi tình hình thi hành pháp luật phải nộp trước ngày nào?"),
    "VK bc theo doi thi hanh phap luat han khi nao",
])
def test_report_named_by_a_rows_product_asks_that_row(answerer, q):
    a = answerer.answer(q)
    assert a.kind == "task" and "Trước ngày 10/12/2025" in a.text, q
    assert a.citations[0].locator == "nhiệm vụ 12", q


def test_reform_report_still_asks_the_regime(answerer):
    for q in both("Việt Khê báo cáo CCHC quý gửi trước ngày nào?"):
        a = answerer.answer(q)
        assert "chế độ báo cáo" in a.text and "Trước ngày 10/12/2025" not in a.text, q


# ------------------------------------------------------------ a row's own document, its issuing day


@pytest.mark.parametrize("q, locator, expected", [
    ("Nam An Phụ: việc rà soát, sắp xếp, tinh gọn bộ máy làm theo kế hoạch số mấy của thành phố?",
     "nhiệm vụ 24", "310/KH-UBND"),
    ("NAP tự chủ của đơn vị sự nghiệp công lập thực hiện theo nghị định nào?", "nhiệm vụ 30", "111/2025/NĐ-CP"),
    ("Việt Khê đề án hồ sơ địa chính căn cứ quyết định nào?", "nhiệm vụ 41", "323/QĐ-UBND"),
])
def test_document_a_row_cites_answers_that_row(answerer, q, locator, expected):
    for asked in both(q):
        a = answerer.answer(asked)
        assert not a.abstained and a.kind == "task", asked
        assert a.citations[0].locator == locator and expected in a.text, asked


def test_plans_own_decision_is_not_a_rows(answerer):
    for q in ("kh VK kèm theo QĐ số mấy", "kế hoạch CCHC của NAP ban hành kèm theo quyết định nào"):
        a = answerer.answer(q)
        assert a.kind != "task" and "323/QĐ-UBND" not in a.text, q


def test_issuing_day_of_a_rows_document_is_its_deadline(answerer):
    for q in (*both("NAP quy chế quản lý, sử dụng tài sản công phải ban hành khi nào, kèm quy chế gì?"),
              "nam an phu quy che quan ly, su dung tai san cong ban hanh bao gio"):
        a = answerer.answer(q)
        assert a.kind == "task" and "Quý 1/2026" in a.text and "Quy chế chi tiêu nội bộ" in a.text, q
    # the plan's own issuing day stays a header fact
    for q in ("Kế hoạch CCHC của Việt Khê ban hành khi nào", "NAP ký ban hành kế hoạch ngày nào"):
        assert answerer.answer(q).kind != "task", q


# ------------------------------------------------------------ a body duty written more fully than the row


@pytest.mark.parametrize("q", [
    *both("Ở Việt Khê phòng nào được giao duy trì ISO 9001 và thí điểm ISO 18091?"),
    "Viet Khe giao don vi nao chu tri trien khai, duy tri, cai tien he thong ISO 9001:2015?",
    "VK ai lo áp dụng, duy trì ISO 9001:2015 và thí điểm TCVN ISO 18091",
])
def test_duty_written_more_fully_than_the_check_row_gives_the_lead(answerer, q):
    a = answerer.answer(q)
    assert not a.abstained and a.kind == "duties", q
    assert "Phòng Kinh tế" in a.text and "Phòng Văn hóa" not in a.text, q
    assert a.citations[0].doc == VK and a.citations[0].locator == "mục V.9.c", q


def test_the_check_itself_is_still_the_row(answerer):
    for q in both("Việt Khê ai kiểm tra việc áp dụng, duy trì ISO 9001?"):
        a = answerer.answer(q)
        assert a.kind == "task" and a.citations[0].locator == "nhiệm vụ 42", q
    for q in both("Nam An Phụ ai chủ trì tổng kiểm kê tài sản công?"):  # the row writes it all
        a = answerer.answer(q)
        assert a.kind == "task" and a.citations[0].locator == "nhiệm vụ 28", q


# ------------------------------------------------------------ staff words no row writes


@pytest.mark.parametrize("q", [
    *both("NAP việc niêm yết công khai thủ tục hành chính do ai chủ trì?"),
    "Nam An Phụ ai lo đăng tải TTHC lên cơ sở dữ liệu quốc gia",
])
def test_posting_procedures_is_the_rows_publishing(answerer, q):
    a = answerer.answer(q)
    assert not a.abstained and a.kind == "task", q
    assert "nhiệm vụ 18" in {c.locator for c in a.citations}, q
    assert "Trung tâm Phục vụ hành chính công" in a.text, q
