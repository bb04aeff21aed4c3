"""A :class:`drafting.shift.Draft` as a Word document in the genre's layout.

Layout (Times New Roman throughout, A4):

* When the source has a cover decision: the QUYẾT ĐỊNH page — the same
  header with the number and date blank, "QUYẾT ĐỊNH", its subject, the
  authority line as the source writes it, the căn cứ (italic), "QUYẾT
  ĐỊNH:", the articles, the signature block — then a page break.
* Portrait section: the header — issuing body and "Số:      /QĐ-UBND" on
  the left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh
  phúc" and "<place>, ngày      tháng      năm <year>" on the right (a
  borderless two-column table); "KẾ HOẠCH", the subject, the blank
  "(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm …)" line;
  the body sections with their own numbering (headings bold, list items and
  paragraphs justified); the signature block with the signer left blank and
  its title lines as the source writes them (:func:`signature_lines`).
* Landscape section: "Phụ lục", its caption and the task table TT | (Mục
  tiêu) | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn
  thành | Sản phẩm (| extra columns of the source), the header row repeated
  on each page (``w:tblHeader``), one merged row per section and
  sub-section of the annex.

Review marks: a task row under review is shaded and its deadline cell
carries an italic note ("Cần xem lại: … Nếu giữ nhiệm vụ: …"); a body
paragraph under review is highlighted and carries a Word comment with the
reason. Conversion mark-up in the model's text ("**bold**", "<b>") is
removed.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafting.shift import Draft
from ingest.fields import label as field_label
from ingest.model import Plan, Task
from ingest.model import Section as PlanSection
from ingest.sections import ANNEX_LOCATOR, COVER_LOCATOR, is_leaf_item_section
from ingest.textnorm import fold

__all__ = ["write_docx", "docx_bytes", "plain", "ANNEX_COLUMNS", "new_document", "write_header",
           "write_signature", "signature_lines", "add_paragraph", "landscape_section", "grid_table", "add_group_row",
           "add_table_row", "finish_document"]

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
REVIEW_FILL = "FFF2CC"
HEADER_FILL = "D9D9D9"
REVIEW_COLOR = RGBColor(0xC0, 0x00, 0x00)
# rows with less text than this fit on a page: keep them whole (w:cantSplit)
CANT_SPLIT_CHARS = 700

# (model attribute, header text, relative width)
ANNEX_COLUMNS: list[tuple[str, str, float]] = [
    (name, field_label(name), width)
    for name, width in (("number", 12), ("objective", 45), ("content", 80), ("lead", 38),
                        ("coordinating", 40), ("deadline", 36), ("product", 40))
]
_EXTRA_WIDTH = 28

_MARKUP = re.compile(r"\*\*|__|</?(?:b|i|u|strong|em)>|^#+\s*")
_STAR = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def plain(text: str | None) -> str:
    """``text`` without the conversion's emphasis mark-up (``**``, ``*``, ``<b>``, ``#``)."""
    if not text:
        return ""
    return re.sub(r"\s{2,}", " ", _STAR.sub("", _MARKUP.sub("", text))).strip()


# ---------------------------------------------------------------- low level

def _set_font(style_or_run: CharacterStyle | Run, size: float | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _para(container: DocxDocument | _Cell, text: str = "", *, bold: bool = False, italic: bool = False,
          size: float | None = None, align: WD_PARAGRAPH_ALIGNMENT | None = None, indent: bool = False,
          after: float = 6, upper: bool = False) -> Paragraph:
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        run = p.add_run(text.upper() if upper else text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    return p


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _fixed_layout(table: Table, widths_mm: list[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, width in zip(table.columns, widths_mm):
        col.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
               align: WD_PARAGRAPH_ALIGNMENT | None = None) -> None:
    p = cell.paragraphs[0]
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic


# ---------------------------------------------------------------- parts

def _issuer_lines(plan: Plan) -> list[str]:
    body = plain(plan.metadata.issuing_body)
    if not body:
        return ["ỦY BAN NHÂN DÂN", "………………"]
    key = fold(body)
    for head in ("uy ban nhan dan", "hoi dong nhan dan"):
        if key.startswith(head + " "):
            return [body[: len(head)].upper(), body[len(head):].strip().upper()]
    return [body.upper()]


def _place(plan: Plan) -> str:
    return plain(plan.metadata.unit_name) or "………………"


def _subject(plan: Plan) -> str:
    title = plain(plan.title or plan.metadata.title)
    title = re.sub(r"^\s*k[eế]\s*ho[aạ]ch\b[\s:.-]*", "", title, flags=re.IGNORECASE)
    return title[:1].upper() + title[1:] if title else f"Cải cách hành chính {plan.metadata.period.text or ''}".strip()


def _decision_symbol(draft: Draft) -> str:
    m = re.search(r"/\s*(\S+)\s*$", draft.source.metadata.decision_number or "")
    return m.group(1) if m else "QĐ-UBND"


def _attached_line(draft: Draft) -> str:
    body = plain(draft.plan.metadata.issuing_body) or "Ủy ban nhân dân"
    return (f"(Kèm theo Quyết định số      /{_decision_symbol(draft)} ngày      tháng      "
            f"năm {draft.target_year} của {body})")


def _write_header(doc: DocxDocument, draft: Draft) -> None:
    write_header(doc, draft.plan, draft.target_year, _decision_symbol(draft))


def _note_paragraph(doc: DocxDocument, p: Paragraph, note: str) -> None:
    for run in p.runs:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if p.runs:
        doc.add_comment(p.runs, text=note, author="cchc draft", initials="CC")


def _write_body(doc: DocxDocument, draft: Draft) -> None:
    for si, section in enumerate(draft.plan.sections):
        if section.locator.startswith(ANNEX_LOCATOR) or section.locator == COVER_LOCATOR:
            continue
        leaf = is_leaf_item_section(section)
        if section.locator and not leaf:
            p = _para(doc, plain(section.heading), bold=section.level <= 2,
                      italic=section.level > 2, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
            if (si, -1) in draft.paragraph_notes:
                _note_paragraph(doc, p, draft.paragraph_notes[(si, -1)])
        for pi, para in enumerate(section.paragraphs):
            p = _para(doc, plain(para.text), align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
            if (si, pi) in draft.paragraph_notes:
                _note_paragraph(doc, p, draft.paragraph_notes[(si, pi)])


def _write_signature(doc: DocxDocument, draft: Draft) -> None:
    write_signature(doc, draft.plan)


def _cover(draft: Draft) -> tuple[int, PlanSection] | None:
    """(index, section) of the draft's cover decision, or ``None``."""
    for si, section in enumerate(draft.plan.sections):
        if section.locator == COVER_LOCATOR:
            return si, section
    return None


_ARTICLE = re.compile(r"^\s*[*_]*\s*điều\s+\d", re.IGNORECASE)


def _authority_line(plan: Plan) -> str:
    if plan.metadata.authority:
        return plain(plan.metadata.authority).upper()
    body = plain(plan.metadata.issuing_body)
    return body.upper() if body else "ỦY BAN NHÂN DÂN"


def _write_decision(doc: DocxDocument, draft: Draft) -> bool:
    """The QUYẾT ĐỊNH page (module docstring); ``False`` when the source has none."""
    found = _cover(draft)
    if found is None:
        return False
    si, section = found
    _write_header(doc, draft)
    _para(doc, "", after=6)
    _para(doc, "QUYẾT ĐỊNH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, size=14)
    subject = re.sub(r"^\s*quy[eế]t\s+đ[iị]nh\b[\s:.-]*", "", plain(section.heading),
                     flags=re.IGNORECASE)
    if subject:
        p = _para(doc, subject[:1].upper() + subject[1:], bold=True,
                  align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
        if (si, -1) in draft.paragraph_notes:
            _note_paragraph(doc, p, draft.paragraph_notes[(si, -1)])
    _para(doc, _authority_line(draft.plan), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    decided = False
    for pi, para in enumerate(section.paragraphs):
        text = plain(para.text)
        if _ARTICLE.match(text) and not decided:
            _para(doc, "QUYẾT ĐỊNH:", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            decided = True
        p = _para(doc, text, italic=not decided, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        if (si, pi) in draft.paragraph_notes:
            _note_paragraph(doc, p, draft.paragraph_notes[(si, pi)])
    _write_signature(doc, draft)
    doc.add_page_break()
    return True


def _annex_captions(draft: Draft) -> tuple[str, list[str]]:
    for section in draft.plan.sections:
        if section.locator.startswith(ANNEX_LOCATOR):
            lines = [plain(p.text) for p in section.paragraphs if plain(p.text)]
            return plain(section.heading) or "Phụ lục", lines
    return "Phụ lục", []


def _columns(tasks: list[Task]) -> list[tuple[str, str, float]]:
    cols = [c for c in ANNEX_COLUMNS if c[0] != "objective" or any(t.objective for t in tasks)]
    extras = list(dict.fromkeys(k for t in tasks for k in t.extra))
    return cols + [(f"extra:{k}", k, _EXTRA_WIDTH) for k in extras]


def _value(task: Task, attr: str) -> str:
    if attr.startswith("extra:"):
        return plain(task.extra.get(attr[6:]))
    return plain(getattr(task, attr))


def _group_row(table: Table, text: str, italic: bool) -> None:
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    _cell_text(merged, text, bold=True, italic=italic)


def _write_annex(doc: DocxDocument, draft: Draft) -> None:
    tasks = draft.plan.tasks
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    heading, captions = _annex_captions(draft)
    _para(doc, heading, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    if not captions:
        captions = [f"DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {draft.plan.metadata.period.text or ''}"
                    .strip().upper()]
    for line in captions:
        _para(doc, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, _attached_line(draft), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=8)

    cols = _columns(tasks)
    usable = 297 - 40
    total = sum(c[2] for c in cols)
    widths = [c[2] * usable / total for c in cols]
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    for cell, (_, text, _) in zip(header.cells, cols):
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, HEADER_FILL)
    section_name = subsection_name = None
    for index, task in enumerate(tasks):
        if task.section and task.section != section_name:
            section_name, subsection_name = task.section, None
            _group_row(table, plain(task.section), italic=False)
        if task.subsection and task.subsection != subsection_name:
            subsection_name = task.subsection
            _group_row(table, plain(task.subsection), italic=True)
        row = table.add_row()
        if sum(len(_value(task, c[0])) for c in cols) < CANT_SPLIT_CHARS:
            _cant_split(row)
        note = draft.task_notes.get(index)
        for cell, (attr, _, _) in zip(row.cells, cols):
            center = attr == "number"
            _cell_text(cell, _value(task, attr),
                       align=WD_ALIGN_PARAGRAPH.CENTER if center else None)
            if note:
                _shade(cell, REVIEW_FILL)
            if note and attr == "deadline":
                p = cell.add_paragraph()
                run = p.add_run(note)
                run.italic = True
                run.font.color.rgb = REVIEW_COLOR
    _fixed_layout(table, widths)
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(TABLE_PT)


def _all_runs(doc: DocxDocument) -> Iterator[Run]:
    for p in doc.paragraphs:
        yield from p.runs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs


def _page_setup(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    _set_font(normal, BODY_PT)
    for name in ("Table Grid", "Normal Table"):
        try:
            _set_font(doc.styles[name])
        except KeyError:  # pragma: no cover - style missing in a custom template
            pass
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def docx_bytes(draft: Draft) -> bytes:
    """The .docx of ``draft`` as bytes (for a download button)."""
    buf = io.BytesIO()
    write_docx(draft, buf)
    return buf.getvalue()


def write_docx(draft: Draft, path: str | os.PathLike | IO[bytes]) -> str | IO[bytes]:
    """Write ``draft`` to ``path`` (a .docx path or a binary stream), layout as above.

    Returns what was written to. The annex section is written only when the
    plan has tasks. Raises ``OSError`` when the file cannot be written.
    """
    doc = Document()
    _page_setup(doc)
    core = doc.core_properties
    core.title = f"Kế hoạch {_subject(draft.plan)}"
    core.author = "cchc draft"
    _write_decision(doc, draft)
    _write_header(doc, draft)
    _para(doc, "", after=6)
    _para(doc, "KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, size=14)
    _para(doc, _subject(draft.plan), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, _attached_line(draft), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _write_body(doc, draft)
    _write_signature(doc, draft)
    if draft.plan.tasks:
        _write_annex(doc, draft)
    for run in _all_runs(doc):
        _set_font(run)
    if isinstance(path, (str, os.PathLike)):
        path = os.fspath(path)
    doc.save(path)
    return path


# ---------------------------------------------------------------- for other documents
# The genre's building blocks, shared with the other documents written in
# this layout (the quarterly report, :mod:`tracking.report`).

def new_document() -> DocxDocument:
    """An empty ``docx.Document``: A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt."""
    doc = Document()
    _page_setup(doc)
    return doc


def write_header(doc: DocxDocument, plan: Plan, year: int, symbol: str) -> None:
    """The header block: issuing body and "Số:      /<symbol>" on the left, the
    national motto and "<place>, ngày      tháng      năm <year>" on the right."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed_layout(table, [70, 95])
    left, right = table.rows[0].cells
    lines = _issuer_lines(plan)
    for i, line in enumerate(lines):
        p = left.paragraphs[0] if i == 0 else left.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(line)
        run.bold = i == len(lines) - 1
        run.font.size = Pt(13)
    p = left.add_paragraph(f"Số:      /{symbol}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, (text, size) in enumerate((("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12),
                                      ("Độc lập - Tự do - Hạnh phúc", 13))):
        p = right.paragraphs[0] if i == 0 else right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(f"{_place(plan)}, ngày      tháng      năm {year}")
    run.italic = True
    run.font.size = Pt(13)


def signature_lines(plan: Plan) -> list[str]:
    """The signature block's title lines: the source's own
    (``Metadata.signature_title``: "CHỦ TỊCH"; "TM. ỦY BAN NHÂN DÂN" /
    "CHỦ TỊCH"), else "CHỦ TỊCH" when the decision is the Chủ tịch's
    (authority "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …"), else "TM. <issuer>" /
    "CHỦ TỊCH"."""
    meta = plan.metadata
    if meta.signature_title:
        return [line.strip() for line in meta.signature_title.split("\n") if line.strip()]
    if fold(meta.authority).startswith("chu tich"):
        return ["CHỦ TỊCH"]
    return [f"TM. {_issuer_lines(plan)[0]}", "CHỦ TỊCH"]


def write_signature(doc: DocxDocument, plan: Plan) -> None:
    """"Nơi nhận" on the left; on the right the title lines of
    :func:`signature_lines` and a blank signer."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed_layout(table, [80, 85])
    left, right = table.rows[0].cells
    _cell_text(left, "Nơi nhận:", bold=True, italic=True)
    for line in ("- Như trên;", "- Lưu: VT."):
        p = left.add_paragraph(line)
        p.paragraph_format.space_after = Pt(0)
        p.runs[0].font.size = Pt(11)
    titles = signature_lines(plan)
    _cell_text(right, titles[0], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for text, bold in [(t, True) for t in titles[1:]] + [
            ("", False), ("", False), ("", False), ("(để trống: người ký)", False)]:
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        if text:
            run = p.add_run(text)
            run.bold = bold
            run.italic = not bold


def add_paragraph(container: DocxDocument | _Cell, text: str = "", *, bold: bool = False, italic: bool = False,
                  size: float | None = None, center: bool = False, justify: bool = False, indent: bool = False,
                  after: float = 6) -> Paragraph:
    """A paragraph in the body style (``after`` = space after in pt); returns it."""
    align = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY if justify else None
    return _para(container, text, bold=bold, italic=italic, size=size, align=align, indent=indent,
                 after=after)


def landscape_section(doc: DocxDocument) -> Section:
    """Start a new landscape A4 section (20 mm margins) on a new page; return it."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    return section


def grid_table(doc: DocxDocument, headers: list[str]) -> Table:
    """A ruled table with one bold, shaded header row repeated on each page."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, headers):
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, HEADER_FILL)
    return table


def add_group_row(table: Table, text: str, italic: bool = False) -> None:
    """A row merged across the table holding a bold group heading (a section)."""
    _group_row(table, text, italic)


def add_table_row(table: Table, values: list[str], center: tuple[int, ...] = (0,)) -> None:
    """A row of plain texts (columns in ``center`` centred); short rows are kept on one page."""
    row = table.add_row()
    if sum(len(v) for v in values) < CANT_SPLIT_CHARS:
        _cant_split(row)
    for i, (cell, value) in enumerate(zip(row.cells, values)):
        _cell_text(cell, plain(value), align=WD_ALIGN_PARAGRAPH.CENTER if i in center else None)


def finish_document(doc: DocxDocument, tables: list[Table], widths_mm: list[list[float]]) -> None:
    """Fix the widths of ``tables`` (one list of mm per table), set the table
    text to 12 pt and every run to Times New Roman."""
    for table, widths in zip(tables, widths_mm):
        _fixed_layout(table, widths)
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(TABLE_PT)
    for run in _all_runs(doc):
        _set_font(run)
