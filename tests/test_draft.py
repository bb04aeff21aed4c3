"""Next year's draft (issue 5): year-shifting rules, Word output, change log.

Built on the real Word file of seed 001 (fixtures/001_nam_an_phu_2026.docx)
and on the text seeds when the text backend parses them. Expected values
below are read from the source documents, not from this program's output.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from drafting.changelog import changelog_paths, write_changelog
from drafting.citations import find_citations
from drafting.docx_writer import write_docx
from drafting.shift import ShiftContext, draft_plan, shift_text
from ingest.model import Due, Metadata, Paragraph, Period, Plan, Section, Task
from ingest.pipeline import parse_file
from tests.paths import DOCX_FIXTURE

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = DOCX_FIXTURE
CORPUS = ROOT / "corpus"


def _seed(prefix: str) -> Plan:
    """Parse a corpus seed by its number prefix ("001")."""
    return parse_file(next(CORPUS.glob(f"{prefix}_*.txt")))


@pytest.fixture(scope="module")
def source() -> Plan:
    return parse_file(FIXTURE)


@pytest.fixture(scope="module")
def draft(source):
    return draft_plan(source, 2027)


@pytest.fixture(scope="module")
def docx_path(draft, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("draft") / "ke_hoach_2027.docx"
    write_docx(draft, path)
    write_changelog(draft, path)
    return path


def _task(plan: Plan, number: str) -> Task:
    return next(t for t in plan.tasks if t.number == number)


def _annex_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text.strip() == "TT")


# ---------------------------------------------------------------- rules on text

CTX_2026 = ShiftContext(start=2026, end=2026, target=2027)


@pytest.mark.parametrize("old,new", [
    ("Quý I/2026", "Quý I/2027"),
    ("Trước ngày 15/01/2026", "Trước ngày 15/01/2027"),
    ("Cả năm 2026", "Cả năm 2027"),
    ("Tháng 01/2026 đến tháng 5/2026", "Tháng 01/2027 đến tháng 5/2027"),
    ("tăng ít nhất 10% so với 2025", "tăng ít nhất 10% so với 2026"),
    ("Thường xuyên", "Thường xuyên"),
    ("Hàng năm", "Hàng năm"),
    ("Tháng 10 hàng năm", "Tháng 10 hàng năm"),
    ("Năm 2030", "Năm 2030"),
    ("TCVN ISO 9001:2015 năm 2026", "TCVN ISO 9001:2015 năm 2027"),
])
def test_shift_text_moves_only_the_plan_years(old, new):
    assert shift_text(old, CTX_2026).text == new


@pytest.mark.parametrize("citation", [
    "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
    "cải cách hành chính nhà nước giai đoạn 2021-2030",
    "Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố",
    "Nghị định số 111/2025/NĐ-CP",
    "Quyết định số 5256/QĐ-UBND ngày 26/12/2026 của Ủy ban nhân dân thành phố về việc ban "
    "hành Kế hoạch cải cách hành chính năm 2026",
    "Luật Tổ chức chính quyền địa phương ngày 16/6/2026",
])
def test_citations_are_never_shifted(citation):
    text = f"Căn cứ {citation}; xã ban hành Kế hoạch năm 2026 như sau"
    result = shift_text(text, CTX_2026)
    assert citation in result.text
    assert result.text.endswith("Kế hoạch năm 2027 như sau")


def test_six_month_plan_becomes_full_year_plan():
    ctx = ShiftContext(start=2025, end=2025, target=2026, half="cuoi")
    assert shift_text("Kế hoạch CCHC xã 6 tháng cuối năm 2025", ctx).text == \
        "Kế hoạch CCHC xã năm 2026"
    assert shift_text("DANH MỤC NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025", ctx).text == \
        "DANH MỤC NHIỆM VỤ NĂM 2026"


def _built_half_year_plan() -> Plan:
    tasks = [
        Task(doc="h.docx", number="1", section="I. Chỉ đạo điều hành",
             content="Ban hành Kế hoạch CCHC 6 tháng cuối năm 2025", lead="Phòng Văn hóa - Xã hội",
             deadline="Trong tháng 7/2025", due=Due("2025-07-01", "2025-07-31", "once")),
        Task(doc="h.docx", number="2", section="I. Chỉ đạo điều hành",
             content="Cập nhật, công khai thủ tục hành chính", lead="Trung tâm Phục vụ hành chính công",
             deadline="Thường xuyên", due=Due(None, None, "regular")),
    ]
    return Plan(
        doc="h.docx", title="Kế hoạch cải cách hành chính xã A 6 tháng cuối năm 2025",
        metadata=Metadata(title="Kế hoạch cải cách hành chính xã A 6 tháng cuối năm 2025",
                          issuing_body="Ủy ban nhân dân xã A", unit_name="A",
                          period=Period("6 tháng cuối năm 2025", 2025, 2025),
                          decision_number="533/QĐ-UBND", signer="Nguyễn Văn B"),
        sections=[Section("I", "I. MỤC ĐÍCH", 1, ["I. MỤC ĐÍCH"], None,
                          [Paragraph("Triển khai Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 "
                                     "của Chính phủ; thực hiện trong 6 tháng cuối năm 2025 trên "
                                     "địa bàn xã.")])],
        tasks=tasks,
    )


def test_half_year_draft_marks_dated_deadlines_and_keeps_regular_ones():
    d = draft_plan(_built_half_year_plan(), 2026)
    assert d.plan.metadata.period.text == "năm 2026"
    assert d.plan.title == "Kế hoạch cải cách hành chính xã A năm 2026"
    assert d.plan.sections[0].paragraphs[0].text.endswith("thực hiện trong năm 2026 trên địa bàn xã.")
    assert "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021" in d.plan.sections[0].paragraphs[0].text
    first, second = d.plan.tasks
    assert first.content == "Ban hành Kế hoạch CCHC năm 2026"
    # a deadline inside the old half-year is not silently moved
    assert first.deadline == "Trong tháng 7/2025" and 0 in d.task_notes
    assert "Trong tháng 7/2026" in d.task_notes[0]
    assert second.deadline == "Thường xuyên" and 1 not in d.task_notes
    assert d.plan.metadata.signer is None and d.plan.metadata.decision_number is None


# ---------------------------------------------------------------- draft of seed 001

def test_draft_opens_and_keeps_the_source_tasks(source, draft, docx_path):
    doc = Document(docx_path)
    table = _annex_table(doc)
    numbers = [r.cells[0].text.strip() for r in table.rows[1:]]
    task_numbers = [n for n in numbers if n.isdigit()]
    assert task_numbers == [t.number for t in source.tasks if t.number]
    assert len(task_numbers) == 35
    # group rows ("I. Chỉ đạo điều hành …") keep the annex's sections
    assert any(n.startswith("VII.") for n in numbers)
    back = parse_file(docx_path)
    assert [(t.number, t.content) for t in back.tasks] == \
        [(t.number, t.content) for t in draft.plan.tasks]
    assert len(back.tasks) == len(source.tasks)


def test_deadlines_move_to_the_target_year(source, draft):
    # values read from the annex of seed 001
    assert _task(source, "1").deadline == "Trước ngày 15/01/2026"
    assert _task(draft.plan, "1").deadline == "Trước ngày 15/01/2027"
    assert _task(draft.plan, "2").deadline == "Quý I/2027"
    assert _task(draft.plan, "6").deadline == "Cả năm 2027"
    assert _task(draft.plan, "9").deadline == "Tháng 10 hàng năm"
    assert _task(draft.plan, "18").deadline == "Thường xuyên"
    assert _task(draft.plan, "1").content == "Ban hành Kế hoạch cải cách hành chính năm 2027"
    assert draft.plan.metadata.period.text == "năm 2027"
    assert draft.plan.title.endswith("xã Nam An Phụ năm 2027")


def test_no_old_year_deadline_remains_unless_marked(draft, docx_path):
    old = re.compile(r"(?<!\d)2026(?!\d)")
    for i, task in enumerate(draft.plan.tasks):
        text = task.deadline or ""
        for c in reversed(find_citations(text)):
            text = text[:c.start] + text[c.end:]
        if old.search(text):
            assert i in draft.task_notes, task.label
    # one-off tasks of 2026 are marked, e.g. the asset inventory (Tháng 01/2026 đến tháng 5/2026)
    index = next(i for i, t in enumerate(draft.plan.tasks) if t.number == "28")
    assert draft.plan.tasks[index].deadline == "Tháng 01/2026 đến tháng 5/2026"
    assert "Tháng 01/2027 đến tháng 5/2027" in draft.task_notes[index]
    # and visibly so in the Word table
    table = _annex_table(Document(docx_path))
    col = [c.text for c in table.rows[0].cells].index("Thời gian hoàn thành")
    for row in table.rows[1:]:
        cell = row.cells[col].text
        if old.search(cell):
            assert "Cần xem lại" in cell


def test_legal_citations_are_byte_identical(source, draft, docx_path):
    pairs = [(s.text, n.text) for so, sn in zip(source.sections, draft.plan.sections)
             for s, n in zip(so.paragraphs, sn.paragraphs)]
    pairs += [(getattr(a, f) or "", getattr(b, f) or "")
              for a, b in zip(source.tasks, draft.plan.tasks)
              for f in ("content", "deadline", "product")]
    checked = 0
    for old, new in pairs:
        for c in find_citations(old):
            assert old[c.start:c.end] in new
            checked += 1
    assert checked >= 4
    text = "\n".join(p.text for p in Document(docx_path).paragraphs)
    cells = "\n".join(c.text for t in Document(docx_path).tables for r in t.rows for c in r.cells)
    assert "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021" in text
    assert "giai đoạn 2021-2030" in text
    assert "Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố" in cells
    assert "Nghị định số 111/2025/NĐ-CP" in cells
    assert "Nghị định số 118/NĐ-CP ngày 09/6/2025" in text


def test_decision_number_date_and_signer_are_blank(source, docx_path):
    assert source.metadata.signer  # the source names its signer
    doc = Document(docx_path)
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Số:      /QĐ-UBND" in cells
    assert "ngày      tháng      năm 2027" in cells + text
    assert source.metadata.signer not in text + cells


def test_word_layout_of_the_genre(docx_path):
    doc = Document(docx_path)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    text = [p.text for p in doc.paragraphs]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Độc lập - Tự do - Hạnh phúc" in cells
    assert "KẾ HOẠCH" in text and "Phụ lục" in text
    assert any(t.startswith("I. MỤC ĐÍCH") for t in text)
    assert doc.sections[0].page_width < doc.sections[0].page_height
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # landscape annex
    header = _annex_table(doc).rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["TT", "Nội dung", "Cơ quan chủ trì",
                                             "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_change_log_lists_every_substitution(draft, docx_path):
    md_path, csv_path = changelog_paths(docx_path)
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(draft.changes)
    row = next(r for r in rows if r["Vị trí"] == "nhiệm vụ 1, cột Thời gian hoàn thành")
    assert (row["Trước"], row["Sau"]) == ("Trước ngày 15/01/2026", "Trước ngày 15/01/2027")
    assert row["Quy tắc"] and row["Trạng thái"] == "đã đổi"
    review = [r for r in rows if "cần xem lại" in r["Trạng thái"]]
    assert any(r["Vị trí"] == "nhiệm vụ 28, cột Thời gian hoàn thành" for r in review)
    # every task whose deadline moved is logged
    moved = [t.label for a, t in zip(draft.source.tasks, draft.plan.tasks) if a.deadline != t.deadline]
    logged = {r["Vị trí"].split(", cột")[0] for r in rows if "Thời gian" in r["Vị trí"]}
    assert set(moved) <= logged
    md = Path(md_path).read_text(encoding="utf-8")
    assert md.count("\n| ") == len(draft.changes) + 1


# ---------------------------------------------------------------- other seeds

def test_multi_year_plan_marks_multi_year_deadlines():
    plan = _seed("002")
    d = draft_plan(plan, 2027)
    assert d.plan.title.endswith("năm 2027")
    for i, (old, new) in enumerate(zip(plan.tasks, d.plan.tasks)):
        if old.deadline and re.search(r"2026\s*-\s*2030|2030", old.deadline):
            assert i in d.task_notes and new.deadline == old.deadline


# ---------------------------------------------------------------- LibreOffice

@pytest.fixture(scope="module")
def pdf_path(docx_path) -> Path:
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if not exe:
        pytest.skip("LibreOffice not installed (Debian package libreoffice-writer-nogui)")
    out = docx_path.parent
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    pdf = docx_path.with_suffix(".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000
    return pdf


def test_libreoffice_converts_the_draft(pdf_path):
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_path))
    assert len(reader.pages) >= 5
    first = reader.pages[0].extract_text()
    assert "QUYẾT ĐỊNH" in first and "Căn cứ" in first  # the decision page comes first
    assert "KẾ HOẠCH" in "\n".join(p.extract_text() for p in reader.pages[1:3])


def test_pdf_of_the_draft_parses_back_to_the_same_tasks(pdf_path, draft):
    back = parse_file(pdf_path)
    assert [(t.number, t.content) for t in back.tasks] == \
        [(t.number, t.content) for t in draft.plan.tasks]
    assert back.metadata.period.start_year == 2027


def test_cli_draft_writes_docx_and_change_logs(tmp_path, capsys):
    from cchc.cli import main

    out = tmp_path / "du_thao.docx"
    assert main(["draft", "--from", str(FIXTURE), "--year", "2027", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "37 nhiệm vụ" in printed and "cần xem lại" in printed
    assert out.exists() and all(Path(p).exists() for p in changelog_paths(out))
    assert main(["draft", "--from", str(FIXTURE), "--year", "2026", "-o", str(out)]) == 2
    assert "phải sau" in capsys.readouterr().err


# ---------------------------------------------------------------- decision page, signature, review marks

def _rows(draft_obj, tmp_path) -> list[dict]:
    path = tmp_path / "d.docx"
    write_docx(draft_obj, path)
    _, csv_path = write_changelog(draft_obj, path)
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_decision_page_keeps_its_can_cu_and_flags_the_upper_level_plan(source, draft, docx_path):
    doc = Document(docx_path)
    text = [p.text for p in doc.paragraphs]
    # read from the cover of seed 001: the decision, its authority line and its legal bases
    assert text.index("QUYẾT ĐỊNH") < text.index("KẾ HOẠCH")
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM AN PHỤ" in text
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;" in text
    upper = ("Căn cứ Quyết định số 5256/QĐ-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố Hải "
             "Phòng về việc Ban hành Kế hoạch Cải cách hành chính nhà nước thành phố Hải Phòng năm 2026;")
    assert upper in text  # the upper level's plan for the old year, as written
    assert "QUYẾT ĐỊNH:" in text and any(t.startswith("Điều 1.") and "năm 2027" in t for t in text)
    para = doc.paragraphs[text.index(upper)]
    assert para.runs[0].font.highlight_color is not None  # marked in the Word file
    flagged = [c for c in draft.changes if c.location.startswith("quyết định") and c.review]
    assert any("5256/QĐ-UBND" in c.old for c in flagged)
    assert source.metadata.signer not in "\n".join(text)


def test_signature_block_is_kept_as_the_source_writes_it(draft, docx_path, tmp_path):
    cells = [c.text for t in Document(docx_path).tables for r in t.rows for c in r.cells]
    signature = [c for c in cells if "(để trống: người ký)" in c]
    assert signature and all(c.startswith("CHỦ TỊCH") and "TM." not in c for c in signature)  # seed 001
    tx = draft_plan(_seed("002"), 2031)  # seed 002 signs "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"
    assert tx.plan.metadata.signature_title == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    path = tmp_path / "tx.docx"
    write_docx(tx, path)
    cells = [c.text for t in Document(path).tables for r in t.rows for c in r.cells]
    assert any(c.startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") for c in cells)
    assert "Nguyễn Văn Phúc" not in "\n".join(cells)


def test_old_decision_line_is_flagged_and_blanked(tmp_path):
    d = draft_plan(_seed("003"), 2026)  # Lộc Hòa: "(Ban hành kèm theo Quyết định số: 09/QĐ-UBND ngày 22/01/2025 …)"
    rows = _rows(d, tmp_path)
    row = next(r for r in rows if "09/QĐ-UBND ngày 22/01/2025" in r["Trước"])
    assert "cần xem lại" in row["Trạng thái"] and row["Lý do"].startswith("dòng quyết định cũ")
    assert "năm 2026" in row["Sau"] and "09/QĐ" not in row["Sau"]
    cells = "\n".join(c.text for t in Document(tmp_path / "d.docx").tables for r in t.rows for c in r.cells)
    text = "\n".join(p.text for p in Document(tmp_path / "d.docx").paragraphs)
    assert "09/QĐ-UBND ngày 22/01/2025" not in text + cells
    # the district plan of 2025 cited in the căn cứ is kept and flagged
    assert any("128/QĐ-UBND" in r["Trước"] and "cần xem lại" in r["Trạng thái"] for r in rows)


def test_half_year_period_change_is_for_review(tmp_path):
    d = draft_plan(_seed("004"), 2026)  # Việt Khê, 6 tháng cuối năm 2025
    assert d.plan.metadata.period.text == "năm 2026"
    rows = _rows(d, tmp_path)
    period = next(r for r in rows if r["Vị trí"] == "kỳ kế hoạch")
    assert (period["Trước"], period["Sau"]) == ("6 tháng cuối năm 2025", "năm 2026")
    assert period["Trạng thái"] == "đã đổi, cần xem lại" and "6 tháng" in period["Lý do"]
    title = next(r for r in rows if r["Vị trí"] == "tiêu đề")
    assert "cần xem lại" in title["Trạng thái"]
    task1 = next(r for r in rows if r["Vị trí"] == "nhiệm vụ 1, cột Nội dung")
    assert task1["Sau"] == "Ban hành Kế hoạch cải cách hành chính năm 2026" and "cần xem lại" in task1["Trạng thái"]


def test_previous_year_references_are_for_review(draft, tmp_path):
    # seed 001 target d): "(tăng ít nhất 10% so với 2025)" → "so với 2026", to check
    prev = [c for c in draft.changes if "so với 2025" in c.old]
    assert prev and all(c.review and "so với 2026" in c.new for c in prev)
    rows = _rows(draft_plan(_seed("002"), 2031), tmp_path)  # "giai đoạn trước" in seed 002
    assert any(r["Trước"] == "giai đoạn trước" and r["Trạng thái"] == "cần xem lại" for r in rows)


def test_change_log_has_a_reason_column(draft, docx_path):
    _, csv_path = changelog_paths(docx_path)
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["Vị trí", "Trước", "Sau", "Quy tắc", "Trạng thái", "Lý do"]
    assert all(r["Lý do"] for r in rows)
    review = next(r for r in rows if r["Vị trí"] == "nhiệm vụ 28, cột Thời gian hoàn thành")
    assert review["Lý do"] == "nhiệm vụ một lần, thời hạn nằm trong kỳ cũ"


def test_metadata_reads_the_authority_and_signature_lines():
    # as written on the covers of seeds 001 and 002
    nap, tx = _seed("001").metadata, _seed("002").metadata
    assert (nap.authority, nap.signature_title) == ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM AN PHỤ", "CHỦ TỊCH")
    assert (tx.authority, tx.signature_title) == ("ỦY BAN NHÂN DÂN XÃ TRƯỜNG XUÂN",
                                                  "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
