"""Loaders and content sniffing on real files.

The Word and PDF fixtures are seed 001 (the PDF was printed from the Word
file); expectations come from the seed's text conversion
(``001_45f28ce285131ed1.txt``): its lines before the annex table are the
body paragraphs, its tab-separated lines the annex rows (cut at the seed's
own page breaks, so a seed cell may be the start of the full cell).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.backends.docx import DocxBackend
from ingest.backends.pdf import PdfBackend
from ingest.sniff import sniff_format, text_encoding

SEED = "001_45f28ce285131ed1.txt"
STEM = "001_nam_an_phu_2026"
TTHC_CENTRE = "Trung tâm Phục vụ hành chính công"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def squash(text: str) -> str:
    """Whitespace-free form: PDF cells may gain a space at a wrapped hyphen."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def seed(seeds_dir):
    """(body lines, annex rows) of the seed text."""
    lines = (seeds_dir / SEED).read_text(encoding="utf-8").split("\n")
    first_row = next(i for i, line in enumerate(lines) if "\t" in line)
    body = [norm(line.replace("*", "")) for line in lines[:first_row]]  # drop **bold**
    rows = [line.split("\t") for line in lines[first_row:] if "\t" in line]
    return [line for line in body if line], rows


@pytest.fixture(scope="module")
def docx_doc(fixtures_dir):
    return DocxBackend().load(str(fixtures_dir / f"{STEM}.docx"))


@pytest.fixture(scope="module")
def pdf_doc(fixtures_dir):
    return PdfBackend().load(str(fixtures_dir / f"{STEM}.pdf"))


def paragraphs(doc):
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def table_rows(doc):
    return [row for b in doc.blocks if b.kind == "table" for row in b.rows]


def numbered(rows):
    return [row for row in rows if row and row[0].isdigit()]


# ------------------------------------------------------------------ DOCX


def test_docx_paragraphs_are_the_seed_body_in_order(docx_doc, seed):
    body, _rows = seed
    assert docx_doc.has_pages is False
    assert all(b.page is None for b in docx_doc.blocks)
    assert paragraphs(docx_doc) == body


def test_docx_heading_comes_before_the_annex_table(docx_doc):
    kinds = [b.kind for b in docx_doc.blocks]
    heading = next(
        i for i, b in enumerate(docx_doc.blocks) if b.text.startswith("I. MỤC ĐÍCH, YÊU CẦU")
    )
    assert kinds.count("table") == 1
    assert heading < kinds.index("table")
    assert docx_doc.blocks[kinds.index("table") - 1].text.startswith("của Chủ tịch")


def test_docx_annex_rows_match_the_seed(docx_doc, seed):
    _body, seed_rows = seed
    rows = table_rows(docx_doc)
    assert rows[0][:2] == ["TT", "Nội dung công việc"]
    assert all(len(row) == 6 for row in rows)
    by_number = {row[0]: row for row in numbered(rows)}
    seed_numbered = numbered(seed_rows)
    assert [r[0] for r in seed_numbered] == [r[0] for r in numbered(rows)][: len(seed_numbered)]
    for seed_row in seed_numbered:
        row = by_number[seed_row[0]]
        for seed_cell, cell in zip(seed_row, row):
            assert norm(cell).startswith(norm(seed_cell)), (seed_row[0], seed_cell, cell)
    assert TTHC_CENTRE in by_number["22"]
    # A group row spans the grid (gridSpan=6): its text once, then empty cells.
    group = next(row for row in rows if row[0].startswith("II. Cải cách thể chế"))
    assert group[1:] == [""] * 5


def test_docx_merged_and_nested_cells(tmp_path):
    doc = Document()
    doc.add_paragraph("Before")
    doc.add_paragraph("")  # empty paragraphs are skipped
    table = doc.add_table(rows=3, cols=3)
    for col, text in enumerate("abc"):
        table.cell(0, col).text = text
    table.cell(1, 0).text = "wide"
    table.cell(1, 0).merge(table.cell(1, 1))  # horizontal: gridSpan=2
    table.cell(1, 2).text = "tall"
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical: vMerge restart/continue
    table.cell(2, 1).text = "r2c1"
    inner = table.cell(2, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "n1", "n2"
    after = doc.add_paragraph("line one")
    after.add_run().add_break()
    after.add_run("line two")
    path = tmp_path / "merged.docx"
    doc.save(path)

    blocks = DocxBackend().load(str(path)).blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1].rows == [["a", "b", "c"], ["wide", "", "tall"], ["n1 n2", "r2c1", ""]]
    assert blocks[2].text == "line one line two"


# ------------------------------------------------------------------- PDF


def test_pdf_blocks_carry_pages(pdf_doc):
    assert pdf_doc.has_pages is True
    pages = [b.page for b in pdf_doc.blocks]
    assert all(isinstance(p, int) and p >= 1 for p in pages)
    assert pages == sorted(pages)
    breaks = [b.page for b in pdf_doc.blocks if b.kind == "page_break"]
    assert breaks == list(range(2, max(pages) + 1))
    for block in pdf_doc.blocks:
        if block.kind == "table":
            assert block.row_pages == [block.page] * len(block.rows)


def test_pdf_paragraphs_are_the_seed_body_in_order(pdf_doc, seed):
    body, _rows = seed
    assert paragraphs(pdf_doc) == body
    heading = next(b for b in pdf_doc.blocks if b.text.startswith("I. MỤC ĐÍCH, YÊU CẦU"))
    first_table = next(b for b in pdf_doc.blocks if b.kind == "table")
    assert heading.page < first_table.page


def test_pdf_annex_rows_span_pages_and_match_the_word_table(pdf_doc, docx_doc):
    tables = [b for b in pdf_doc.blocks if b.kind == "table"]
    assert len({b.page for b in tables}) >= 10
    word_rows = table_rows(docx_doc)
    word_by_number = {row[0]: row for row in numbered(word_rows)}
    pdf_numbered = numbered(table_rows(pdf_doc))
    assert [r[0] for r in pdf_numbered] == [r[0] for r in numbered(word_rows)]
    for row in pdf_numbered:
        assert len(row) == 6
        for cell, full in zip(row, word_by_number[row[0]]):
            # A row cut by a page break holds the start of each cell here.
            assert squash(full).startswith(squash(cell)), (row[0], cell, full)
    row22 = next(r for r in pdf_numbered if r[0] == "22")
    assert any(TTHC_CENTRE in cell for cell in row22)
    # Each page repeats the header row; each page break may add one
    # continuation row; otherwise the rows are the Word table's.
    extra = len(table_rows(pdf_doc)) - (len(tables) - 1) - len(word_rows)
    assert 0 <= extra <= len(tables) - 1
    assert all(b.rows[0][0] == "TT" for b in tables)


def _courier_pdf(path, pages):
    """Write a PDF of Courier 11 pt lines: ``pages`` is a list of [(x, y, text)]."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        c.setFont("Courier", 11)
        for x, y, text in lines:
            c.drawString(x, y, text)
        c.showPage()
    c.save()


def test_pdf_layout_rules(tmp_path):
    full = "x" * 60  # 396 pt wide: a full line of the 72..468 pt column
    page1 = [
        (297, 815, "1"),  # page number in the top margin
        (72, 780, "PEOPLE'S COMMITTEE"),
        (330, 780, "SOCIALIST REPUBLIC"),
        (72, 766, "OF THE COMMUNE"),
        (330, 766, "Independence"),
        (72, 730, "First paragraph " + full[16:]),
        (72, 716, full),
        (72, 702, "short last line."),
        (72, 688, "a) an item " + "x" * 48 + ";"),  # full width, ends with ";"
        (72, 674, "- a dash item " + full[14:]),
        (72, 100, "Running paragraph " + full[18:]),
        (72, 86, "continued and still going on without any final " + "x" * 12),
    ]
    page2 = [
        (72, 780, "the same paragraph ends here."),
        (100, 766, "Indented new paragraph."),
        (297, 30, "- 2 -"),  # page number in the bottom margin
    ]
    path = tmp_path / "layout.pdf"
    _courier_pdf(path, [page1, page2])
    blocks = PdfBackend().load(str(path)).blocks
    got = [(b.kind, b.page, b.text) for b in blocks]
    assert got == [
        ("paragraph", 1, "PEOPLE'S COMMITTEE"),
        ("paragraph", 1, "OF THE COMMUNE"),
        ("paragraph", 1, "SOCIALIST REPUBLIC"),
        ("paragraph", 1, "Independence"),
        ("paragraph", 1, f"First paragraph {full[16:]} {full} short last line."),
        ("paragraph", 1, page1[8][2]),
        ("paragraph", 1, page1[9][2]),
        ("paragraph", 1, f"{page1[10][2]} {page1[11][2]} the same paragraph ends here."),
        ("page_break", 2, ""),
        ("paragraph", 2, "Indented new paragraph."),
    ]


# ----------------------------------------------------------------- sniff


def test_sniff_uses_content_not_extension(fixtures_dir, tmp_path):
    assert sniff_format(fixtures_dir / f"{STEM}.docx") == "docx"
    assert sniff_format(fixtures_dir / f"{STEM}.pdf") == "pdf"
    renamed = tmp_path / "plan.txt"
    renamed.write_bytes((fixtures_dir / f"{STEM}.pdf").read_bytes())
    assert sniff_format(renamed) == "pdf"


def test_sniff_text_encodings(seeds_dir, tmp_path):
    text = (seeds_dir / SEED).read_text(encoding="utf-8")
    cases = {
        "utf8.txt": (text.encode("utf-8"), "utf-8-sig"),
        "bom.md": (text.encode("utf-8-sig"), "utf-8-sig"),
        "utf16.txt": (text.encode("utf-16"), "utf-16"),
        # Windows-1258 writes tones as combining marks after the base letter.
        "legacy.txt": ("Kê\u0301 hoa\u0323ch năm 2026, Hà Nô\u0323i\n".encode("cp1258"), "cp1258"),
    }
    for name, (data, codec) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert sniff_format(path) == "text", name
        assert text_encoding(data) == codec, name
