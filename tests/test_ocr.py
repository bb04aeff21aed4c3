"""Scanned PDFs: OCR'd page by page into the same plan the text PDF gives.

The scans are made here from the real PDF fixture (``tests/scans.py``:
rendered, blurred, rotated 1-2°, grain and speckle, JPEG) so they have no
text layer. The tasks read from a scan are scored against the tasks of the
same pages of the text PDF. Tesseract is slow: the scored scan has four
pages (the first page and three annex pages with group rows, a row cut by
the page end and empty cells); ``eval/bench_ocr.py`` reads the whole plan
and prints the figures and the time.
"""

from __future__ import annotations

import cv2
import pytest
from pypdf import PdfReader, PdfWriter
from rapidfuzz import fuzz

from cchc.commands_retrieval import format_answer
from ingest.backends import ocr
from ingest.errors import NoTextLayerError, OcrTimeoutError, OcrUnavailableError
from ingest.model import OCR_NOTE
from ingest.ocrtext import clean_ocr_text
from ingest.pipeline import load_document, parse_file
from ingest.textnorm import fold
from retrieval.answering.model import Answer
from retrieval.answering.rows import task_citation
from tests.paths import PDF_FIXTURE
from tests.scans import make_scan, score_rows, subset_pdf

SCORED_PAGES = [1, 12, 13, 18]

needs_tesseract = pytest.mark.skipif(
    ocr.missing_tools() is not None,
    reason=f"OCR tests need tesseract-ocr and tesseract-ocr-vie: {ocr.missing_tools()}",
)


@pytest.fixture(scope="module")
def scan_and_gold(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan")
    scan = make_scan(PDF_FIXTURE, folder / "scan.pdf", SCORED_PAGES)
    gold = subset_pdf(PDF_FIXTURE, folder / "text.pdf", SCORED_PAGES)
    return scan, gold


@pytest.fixture(scope="module")
def scanned_plan(scan_and_gold):
    if ocr.missing_tools():
        pytest.skip(f"OCR needs tesseract-ocr and tesseract-ocr-vie: {ocr.missing_tools()}")
    return parse_file(scan_and_gold[0])


def test_scan_has_no_text_layer(scan_and_gold):
    reader = PdfReader(str(scan_and_gold[0]))
    assert len(reader.pages) == len(SCORED_PAGES)
    assert all(not (page.extract_text() or "").strip() for page in reader.pages)


@needs_tesseract
def test_scanned_annex_rows_match_the_text_pdf(scanned_plan, scan_and_gold):
    gold = parse_file(scan_and_gold[1])
    assert len(gold.tasks) >= 10
    score = score_rows(scanned_plan.tasks, gold.tasks)
    detail = f"{score}\n" + "\n".join(map(str, score.wrong))
    assert score.found >= 0.95, detail
    assert score.lead >= 0.95, detail
    assert score.deadline >= 0.95, detail
    assert score.full >= 0.80, detail
    # pages are kept: every row on the scan page its gold row is on
    assert [t.page for t in scanned_plan.tasks[:3]] == [t.page for t in gold.tasks[:3]]


@needs_tesseract
def test_scanned_first_page_gives_the_metadata(scanned_plan, scan_and_gold):
    gold = parse_file(scan_and_gold[1])
    for field in ("title", "issuing_body", "level", "period"):
        assert getattr(scanned_plan.metadata, field) == getattr(gold.metadata, field), field


@needs_tesseract
def test_scan_is_marked_in_the_plan_and_in_citations(scanned_plan):
    assert scanned_plan.source_kind == "scan"
    assert scanned_plan.ocr_pages == list(range(1, len(SCORED_PAGES) + 1))
    assert any("OCR" in w for w in scanned_plan.warnings)
    data = scanned_plan.to_dict()["metadata"]
    assert data["source_kind"] == "scan" and data["ocr_pages"] == scanned_plan.ocr_pages
    citation = task_citation(scanned_plan, scanned_plan.tasks[0])
    assert citation.ocr
    assert set(citation.to_dict()) == {"doc", "title", "locator", "page", "quote"}
    shown = format_answer(Answer(text="…", abstained=False, citations=[citation]))
    assert OCR_NOTE in shown


@needs_tesseract
def test_mixed_pdf_ocrs_only_the_scanned_page(tmp_path):
    scanned = make_scan(PDF_FIXTURE, tmp_path / "p3.pdf", [3], seed=3)
    writer = PdfWriter()
    text = PdfReader(str(PDF_FIXTURE))
    writer.add_page(text.pages[0])
    writer.add_page(text.pages[1])
    writer.add_page(PdfReader(str(scanned)).pages[0])
    mixed = tmp_path / "mixed.pdf"
    with open(mixed, "wb") as fh:
        writer.write(fh)
    doc = load_document(mixed)
    assert doc.ocr_pages == [3]
    plan = parse_file(mixed)
    assert plan.source_kind == "mixed" and plan.ocr_pages == [3]
    gold = [b.text for b in load_document(PDF_FIXTURE).blocks if b.kind == "paragraph" and b.page == 3]
    read = " ".join(b.text for b in doc.blocks if b.kind == "paragraph" and b.page == 3)
    assert gold
    assert fuzz.ratio(fold(" ".join(gold)), fold(read)) >= 90


@needs_tesseract
def test_page_time_limit_names_the_page(tmp_path, monkeypatch):
    scan = make_scan(PDF_FIXTURE, tmp_path / "one.pdf", [12])
    from ingest import options

    monkeypatch.setattr(options, "_current", options.ParseOptions(ocr_page_timeout=0.001))
    with pytest.raises(OcrTimeoutError) as info:
        load_document(scan)
    assert "trang 1" in str(info.value) and "one.pdf" in str(info.value)


def test_missing_tesseract_is_a_clear_refusal(tmp_path, monkeypatch):
    scan = make_scan(PDF_FIXTURE, tmp_path / "scan.pdf", [1])
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    with pytest.raises(OcrUnavailableError) as info:
        load_document(scan)
    assert isinstance(info.value, NoTextLayerError)
    assert "tesseract-ocr-vie" in str(info.value) and "scan.pdf" in str(info.value)


def test_group_row_numerals_follow_their_order():
    rows = [["I. Chỉ đạo điều hành", "", ""], ["1", "Ban hành", "Phòng A"],
            ["II. Cải cách thể chế", "", ""], ["IHL. Cải cách thủ tục hành chính", "", ""],
            ["1. Kiểm soát thủ tục", "", ""], ["IV. Cải cách tổ chức bộ máy", "", ""]]
    later = [["VI. Cải cách tài chính công", "", ""], ["VI. Chính quyền số", "", ""]]
    pages = [ocr.OcrPage(tables=[(0.0, rows)]), ocr.OcrPage(tables=[(0.0, later)])]
    ocr.number_group_rows(pages)
    assert [r[0].split(".")[0] for r in rows] == ["I", "1", "II", "III", "1", "IV"]
    assert [r[0] for r in later] == ["VI. Cải cách tài chính công", "VII. Chính quyền số"]


def test_deskew_finds_the_rotation():
    page = ocr.render(str(PDF_FIXTURE), 11, dpi=150)
    h, w = page.shape
    for angle in (1.5, -1.2):
        turned = cv2.warpAffine(page, cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), (w, h),
                                borderValue=255)
        assert abs(ocr.skew_angle(turned) + angle) <= 0.15


@pytest.mark.parametrize(
    "read, cleaned",
    [
        ("L. Chỉ đạo điều hành, kiếm tra và tuyên truyền", "I. Chỉ đạo điều hành, kiểm tra và tuyên truyền"),
        ("H. Cải cách thể chế", "II. Cải cách thể chế"),
        ("VIl. Xây dựng chính quyền số", "VII. Xây dựng chính quyền số"),
        ("1. Kiểm soát thủ tục hành chính", "1. Kiểm soát thủ tục hành chính"),
        ("Phòng Văn hóa —- Xã hội", "Phòng Văn hóa – Xã hội"),
        ("Phòng Văn hóa—Xã hội", "Phòng Văn hóa–Xã hội"),
        ("Cả năm 2026 -", "Cả năm 2026"),
        ("thành phố Hải _Phòng", "thành phố Hải Phòng"),
        ("| Báo cáo", "Báo cáo"),
        ("TỐ CHỨC THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"),
        ("Cống thông tin điện tử, tống số giao dịch", "Cổng thông tin điện tử, tổng số giao dịch"),
        ("đạt tối thiếu 80%", "đạt tối thiểu 80%"),
        ("Quy chế chi tiêu nội bộ", "Quy chế chi tiêu nội bộ"),  # both spellings are words
        ("Kế hoạch ( dự thảo )", "Kế hoạch (dự thảo)"),
        ("e\u0301 tô\u0309 chư\u0301c", "é tổ chức"),  # NFC
        ("kiểm tra vả tuyên truyền", "kiểm tra và tuyên truyền"),
        ("Phòng Vẫn hoá- Xã hội", "Phòng Văn hoá- Xã hội"),  # a lost breve
        ("vị trí viẹc làm, sản phãm cụ thế", "vị trí việc làm, sản phẩm cụ thể"),
        ("Trung tâm Pục vụ HCC, cơ cuan", "Trung tâm Phục vụ HCC, cơ quan"),  # spelling rules
        ("cuộc thi của UBND, PAKN", "cuộc thi của UBND, PAKN"),
        ("Quý ï năm 2026", "Quý I năm 2026"),
        ("Quý 1/2026", "Quý 1/2026"),
        ("gần với vị trí", "gần với vị trí"),  # a listed pair is never changed
        ("I1", "11"),  # letters read for digits
        ("cuộc thi phát thanh viên", "cuộc thi phát thanh viên"),  # "thanh" settled by "phát thanh"
        ("Báo cáo kết qua công tác", "Báo cáo kết quả công tác"),
        ("thành viên Tố CNSCĐ", "thành viên Tổ CNSCĐ"),
        ("đạt tối thiểu B0%", "đạt tối thiểu 80%"),
        ("ISO 9001:2015, Tháng 10/2026, CCHC", "ISO 9001:2015, Tháng 10/2026, CCHC"),
    ],
)
def test_ocr_text_cleaning(read, cleaned):
    assert clean_ocr_text(read) == cleaned
