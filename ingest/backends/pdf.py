"""PDF loader: body paragraphs and ruled tables, page by page, in vertical order.

Output: ``has_pages=True``; every block carries its 1-based ``page``; a
``page_break`` block (``page`` = the new page) separates pages. A table that
runs over a page break is one ``table`` block per page (joining the rows is
the genre code's job); ``row_pages`` repeats the page for each row.

Libraries: pypdf opens the file first (encryption and damage checks);
pdfplumber reads positioned words and finds ruled tables
(``page.find_tables()`` with its default line strategy). Cells: line breaks
joined with a space, ``None`` (a grid position covered by a merged cell) →
``""``. Body text is the words whose centre lies outside every table's bbox.

Pages without a ruled table: an annex task table laid out as plain text
(no ruling lines, or horizontal rules only) is recovered from the words'
x-positions, or failing that from the text flow, by
:mod:`ingest.backends.pdf_columns`; it yields one ``table`` block per page
like a ruled table, and its words are not body text.

Line and paragraph reconstruction (per page, top to bottom):

* Words are grouped into lines by their ``top`` (3 pt tolerance, as
  pdfplumber does). A line whose words are separated by a gap wider than
  three line heights is split into segments — the two-column header of
  Vietnamese administrative documents ("ỦY BAN NHÂN DÂN ... CỘNG HÒA XÃ HỘI
  CHỦ NGHĨA VIỆT NAM"). A run of consecutive split lines is emitted column
  by column (left column's segments first), each segment a paragraph.
* A lone page number (digits, optionally "- 3 -" / "Trang 3") at the very
  top or bottom of the page is dropped.
* Other lines are joined into one paragraph until a line starts a new one:
  (a) the vertical gap to the previous line exceeds the document's usual
  in-paragraph gap (its 10th percentile) by 0.4 line height; (b) the line
  starts further right than the previous one by 0.8 line height (first-line
  indent, centred lines); (c) the previous line ends short of the text
  column's right edge by over 15% of the column width (last line of a
  paragraph); (d) the line begins with a list/heading marker ("I.", "1.",
  "1.2", "1)", "a)", "a.", "-", "+", "•") and the previous line ends with . ; : ! ?
* A paragraph cut by a page break (the next page starts with a line that
  starts no new paragraph by (b)-(d)) is continued: the text is appended to
  the paragraph block of the page it started on.
"""

from __future__ import annotations

import logging
import os
import re
import statistics
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.table import Table
from pdfplumber.utils import cluster_objects
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError
from tqdm import tqdm

from ingest import options
from ingest.backends import ocr
from ingest.backends.ocr import OcrPage
from ingest.backends.pdf_columns import Columns, Word, recover_flattened, recover_table
from ingest.blocks import Block, LoadedDocument

# pypdf and pdfminer log repairs of damaged files ("EOF marker not found");
# the entry points quieten them (assistant.runtime), the loader reports
# failures itself, in one clear message.
from ingest.errors import (
    CorruptFileError,
    EncryptedFileError,
    IngestError,
    NoTextLayerError,
)
from ingest.textnorm import clean_cell

log = logging.getLogger(__name__)

LINE_TOLERANCE = 3.0  # pt: words whose tops differ by less share a line
COLUMN_GAP_LINES = 3.0  # horizontal gap (in line heights) splitting a line
GAP_PERCENTILE = 0.10  # the usual in-paragraph gap
GAP_EXTRA_LINES = 0.4  # gap above the usual one that starts a paragraph
INDENT_LINES = 0.8  # x0 shift (in line heights) that starts a paragraph
SHORT_LINE_RATIO = 0.15  # share of column width left free by a paragraph's last line
MARGIN_RATIO = 0.10  # top/bottom share of the page searched for page numbers

_MARKER = re.compile(
    r"^(?:[IVXLCDM]+\.|\d+(?:\.\d+)*[.)]|\d+(?:\.\d+)+|\(?[a-zđ]\)|[a-zđ]\.|[-+•–—*·∙])(?:\s|$)"
)
_SENTENCE_END = re.compile(r"[.;:!?…]['\"”’)]*$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,4}\s*-|(?:Trang|trang)\s+\d{1,4}|\d{1,4})$")


@dataclass
class _Line:
    """One line (or one column segment of a line) of body text."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    column: int = 0  # index of the segment when the line was split
    split: bool = False  # True when the line had several segments


class PdfBackend:
    """Load a PDF into a :class:`LoadedDocument` (see the module docstring).

    ``load(path)`` raises :class:`EncryptedFileError` when the file needs a
    password (it cannot be opened with the empty one), :class:`CorruptFileError`
    when pypdf or pdfplumber cannot parse it (truncated, damaged) and
    :class:`NoTextLayerError` when no page carries any text, even after OCR.
    Pages without a text layer are OCR'd (:mod:`ingest.backends.ocr`); that
    raises :class:`OcrUnavailableError` when Tesseract is missing and
    :class:`OcrTimeoutError` when a page exceeds its time limit.
    """

    def load(self, path: str) -> LoadedDocument:
        """Return the blocks of every page in order; ``has_pages`` is ``True``."""
        path = os.fspath(path)
        name = os.path.basename(path)
        _check_with_pypdf(path, name)
        try:
            pages, ocr_pages = _read_pages(path, name)
        except IngestError:
            raise
        except Exception as exc:  # any parser failure means an unreadable file
            raise CorruptFileError(name, _describe(exc)) from exc
        if not any(page.lines or page.tables for page in pages):
            raise NoTextLayerError(name)
        return LoadedDocument(
            name=name, blocks=_assemble(pages), has_pages=True, ocr_pages=ocr_pages
        )


def _check_with_pypdf(path: str, name: str) -> None:
    """Open with pypdf: reject password-protected and unparsable files."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                    raise EncryptedFileError(name)
            except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
                raise EncryptedFileError(name) from exc
        if len(reader.pages) == 0:
            raise CorruptFileError(name, "không có trang nào")
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise CorruptFileError(name, _describe(exc)) from exc


def _describe(exc: Exception) -> str:
    """Vietnamese detail for the CorruptFileError message; the parser's own
    (English) error goes to the log, not to the user."""
    log.info("PDF parser error: %s: %s", type(exc).__name__, exc)
    return "cấu trúc PDF không đọc được, có thể bị cắt cụt hoặc hỏng"


# ---------------------------------------------------------------- reading


@dataclass
class _Page:
    """What one page yields: its size, body lines and tables as ``(top, rows)``."""

    size: tuple[int, int]
    lines: list[_Line]
    tables: list[tuple[float, list[list[str]]]]
    # (vmerged, hspanned) of a ruled table, by ``id`` of its rows (see ``Block``)
    merges: dict[int, tuple[list[list[int]], list[list[int]]]] = field(default_factory=dict)


def _read_pages(path: str, name: str) -> tuple[list[_Page], list[int]]:
    """Read every page's body lines and ruled tables with pdfplumber.

    Pages without a text layer are read by OCR first (:func:`_ocr_pages`);
    returns the pages and the 1-based numbers of the OCR'd ones.
    """
    pages = []
    carry: Columns | None = None  # columns of an unruled table open at the page end
    with pdfplumber.open(path) as pdf:
        scanned = _ocr_pages(path, name, pdf)
        for index, page in enumerate(pdf.pages):
            if index in scanned:
                found = scanned[index]
                size = (round(float(page.width)), round(float(page.height)))
                lines = _drop_page_numbers(_lines(found.words), float(page.height))
                pages.append(_Page(size, lines, found.tables))
                carry = None
                continue
            extracted = [(t, [[_cell_text(c) for c in row] for row in t.extract()]) for t in page.find_tables()]
            # a one-column "table" is a framed text block (a title over lines): body text
            extracted = [(t, rows) for t, rows in extracted if max((len(r) for r in rows), default=0) >= 2]
            bboxes = [t.bbox for t, _ in extracted]
            table_items = []
            merges = {}
            for table, rows in extracted:
                if any(any(row) for row in rows):
                    table_items.append((table.bbox[1], rows))
                    merges[id(rows)] = _merged_positions(table)
            words = [w for w in page.extract_words() if not _inside_any(w, bboxes)]
            size = (round(float(page.width)), round(float(page.height)))
            if not table_items:
                words, carry = _take_unruled_table(page, words, size, carry, table_items)
            else:
                carry = None
            lines = _drop_page_numbers(_lines(words), float(page.height))
            pages.append(_Page(size, lines, table_items, merges))
            page.flush_cache()
    return pages, sorted(i + 1 for i in scanned)


def _ocr_pages(path: str, name: str, pdf: PDF) -> dict[int, OcrPage]:
    """OCR every page that has no text layer: ``{0-based index: OcrPage}``.

    A page has no text layer when it carries no characters at all (a scanned
    image, or vector drawings only). Pages run in parallel on
    ``ParseOptions.ocr_workers`` (``CCHC_OCR_WORKERS``) threads (default: the CPU count, at most 4; each
    Tesseract call uses one core), with a progress bar on stderr (or, in
    :mod:`ingest.worker`'s child, ``ParseOptions.progress_lines``: one progress
    line per page for the parent).
    """
    todo = []
    for index, page in enumerate(pdf.pages):
        if not page.chars:
            todo.append(index)
        page.flush_cache()
    if not todo:
        return {}
    ocr.require_tools(name)
    workers = _ocr_workers()
    results: dict[int, OcrPage] = {}
    as_lines = options.current().progress_lines  # set by ingest.worker for its child
    with (
        tqdm(total=len(todo), desc=f"OCR {name}", unit="trang", file=sys.stderr,
             disable=True if as_lines else None, leave=False) as bar,
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        futures = {pool.submit(ocr.read_page, path, i, name): i for i in todo}
        if as_lines:
            _report(0, len(todo))
        try:
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                bar.update(1)
                if as_lines:
                    _report(len(results), len(todo))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    ocr.number_group_rows([results[i] for i in sorted(results)])
    return results


def _report(done: int, total: int) -> None:
    """One progress line for :mod:`ingest.worker`'s parent (``PROGRESS_PREFIX done total``)."""
    sys.stderr.write(f"{options.PROGRESS_PREFIX}{done} {total}\n")
    sys.stderr.flush()


def _ocr_workers() -> int:
    value = options.current().ocr_workers
    return value if value > 0 else max(1, min(4, os.cpu_count() or 1))


def _merged_positions(table: Table) -> tuple[list[list[int]], list[list[int]]]:
    """(vmerged, hspanned) of a pdfplumber table, as in :class:`ingest.blocks.Block`.

    A grid position without a cell of its own (``None`` in ``table.rows[i].cells``)
    is covered by a cell from above when a cell of an earlier row in that
    column reaches below this row's top, else by the cell on its left.
    """
    grid = [row.cells for row in table.rows]
    vmerged: list[list[int]] = []
    hspanned: list[list[int]] = []
    for i, cells in enumerate(grid):
        tops = [c[1] for c in cells if c is not None]
        top = min(tops) if tops else None
        down, right = [], []
        for col, cell in enumerate(cells):
            if cell is not None:
                continue
            above = next((grid[j][col] for j in range(i - 1, -1, -1) if col < len(grid[j]) and grid[j][col]), None)
            if above is not None and top is not None and above[3] > top + 0.5:
                down.append(col)
            else:
                right.append(col)
        vmerged.append(down)
        hspanned.append(right)
    return vmerged, hspanned


def _take_unruled_table(
    page: Page, words: list[Word], size: tuple[int, int], carry: Columns | None,
    table_items: list[tuple[float, list[list[str]]]],
) -> tuple[list[Word], Columns | None]:
    """Recover an unruled task table (:mod:`ingest.backends.pdf_columns`).

    Appends ``(top, rows)`` to ``table_items`` when a table is found (by word
    x-positions, else by reading the text flow as a flattened table) and
    returns the words left for body text and the columns to carry to the
    next page (``None`` unless the table runs to the page end).
    """
    found = recover_table(words, size, carry)
    if found is None:
        found = recover_flattened(page.extract_words(use_text_flow=True), size)
    if found is None or max((len(r) for r in found.rows), default=0) < 2:
        return words, None  # one column is body text (a title over lines), never a table
    table_items.append((found.top, found.rows))
    rest = [w for w in words if not found.top - 0.5 <= (w["top"] + w["bottom"]) / 2 <= found.bottom + 0.5]
    return rest, (found.columns if found.open else None)


_CODE_BREAK = re.compile(r"(?<=[A-ZĐ0-9]-)\n(?=[A-ZĐ0-9]+\b)")


def _cell_text(cell: str | None) -> str:
    """A table cell's lines joined with spaces, "" for an empty cell.

    A line that ends inside a document symbol cut after its hyphen
    ("…111/2025/NĐ-" / "CP của Chính phủ") is joined without a space.
    """
    if not cell:
        return ""
    return clean_cell(_CODE_BREAK.sub("", cell)) or ""


def _inside_any(word: dict, bboxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in bboxes)


def _lines(words: list[dict]) -> list[_Line]:
    """Group words into lines, splitting a line at column-wide gaps."""
    out: list[_Line] = []
    for cluster in cluster_objects(words, "top", LINE_TOLERANCE):
        cluster = sorted(cluster, key=lambda w: w["x0"])
        height = statistics.median(w["bottom"] - w["top"] for w in cluster)
        segments = [[cluster[0]]]
        for word in cluster[1:]:
            if word["x0"] - segments[-1][-1]["x1"] > COLUMN_GAP_LINES * height:
                segments.append([word])
            else:
                segments[-1].append(word)
        for i, seg in enumerate(segments):
            text = clean_cell(" ".join(w["text"] for w in seg))
            if text:
                out.append(
                    _Line(
                        text=text,
                        x0=seg[0]["x0"],
                        x1=seg[-1]["x1"],
                        top=min(w["top"] for w in seg),
                        bottom=max(w["bottom"] for w in seg),
                        column=i,
                        split=len(segments) > 1,
                    )
                )
    return out


def _drop_page_numbers(lines: list[_Line], page_height: float) -> list[_Line]:
    """Remove a lone page number that is the first or last line in a margin band."""
    if not lines:
        return lines
    margin = MARGIN_RATIO * page_height
    first, last = lines[0], lines[-1]
    if _PAGE_NUMBER.match(first.text) and first.bottom <= margin:
        lines = lines[1:]
    if lines and _PAGE_NUMBER.match(last.text) and last.top >= page_height - margin:
        lines = lines[:-1]
    return lines


# ------------------------------------------------------------- assembling


@dataclass
class _Layout:
    """Document-wide measures used by the paragraph rules.

    ``columns`` maps a page size to the text column's (left, right) edges,
    so portrait and landscape pages are measured separately.
    """

    line_height: float
    usual_gap: float
    columns: dict[tuple[int, int], tuple[float, float]]

    @classmethod
    def measure(cls, pages: list[_Page]) -> "_Layout":
        heights: list[float] = []
        gaps: list[float] = []
        columns: dict[tuple[int, int], tuple[float, float]] = {}
        for page in pages:
            body = [ln for ln in page.lines if not ln.split]
            for prev, line in zip(body, body[1:]):
                if line.top >= prev.bottom:
                    gaps.append(line.top - prev.bottom)
            heights += [ln.bottom - ln.top for ln in body]
            for ln in body:
                left, right = columns.get(page.size, (ln.x0, ln.x1))
                columns[page.size] = (min(left, ln.x0), max(right, ln.x1))
        gaps.sort()
        usual = gaps[int(GAP_PERCENTILE * (len(gaps) - 1))] if gaps else 0.0
        height = statistics.median(heights) if heights else 12.0
        return cls(line_height=height, usual_gap=usual, columns=columns)

    def starts_paragraph(self, prev: _Line, prev_page: _Page, line: _Line, page: _Page) -> bool:
        """Rules (a)-(d) of the module docstring, or the page-break rule.

        Within a page any of (a)-(d) starts a paragraph. Across a page break
        the paragraph continues only on a page of the same size, when the
        previous line ends without . ; : ! ? and (b)-(d) do not fire.
        """
        if prev_page.size != page.size:
            return True
        if prev_page is page:
            if line.top - prev.bottom > self.usual_gap + GAP_EXTRA_LINES * self.line_height:
                return True
        elif _SENTENCE_END.search(prev.text):
            return True
        if line.x0 - prev.x0 > INDENT_LINES * self.line_height:
            return True
        left, right = self.columns.get(page.size, (prev.x0, prev.x1))
        if right - prev.x1 > SHORT_LINE_RATIO * (right - left):
            return True
        return bool(_MARKER.match(line.text) and _SENTENCE_END.search(prev.text))


def _assemble(pages: list[_Page]) -> list[Block]:
    """Turn per-page lines and tables into ordered blocks (see module docstring)."""
    layout = _Layout.measure(pages)
    blocks: list[Block] = []
    prev: tuple[_Line, _Page] | None = None  # last body line and its page
    for number, page in enumerate(pages, start=1):
        if number > 1:
            blocks.append(Block(kind="page_break", page=number))
        for kind, item in _vertical_order(page.lines, page.tables):
            if kind == "table":
                vmerged, hspanned = page.merges.get(id(item), ([], []))
                blocks.append(
                    Block(
                        kind="table", rows=item, row_pages=[number] * len(item), page=number,
                        vmerged=vmerged, hspanned=hspanned,
                    )
                )
                prev = None
            elif kind == "columns":
                blocks.extend(Block(kind="paragraph", text=ln.text, page=number) for ln in item)
                prev = None
            else:
                if prev is not None and not layout.starts_paragraph(*prev, item, page):
                    _continue_paragraph(blocks, item.text)
                else:
                    blocks.append(Block(kind="paragraph", text=item.text, page=number))
                prev = (item, page)
    return blocks


def _continue_paragraph(blocks: list[Block], text: str) -> None:
    """Append ``text`` to the last paragraph block (skipping a page break)."""
    for block in reversed(blocks):
        if block.kind == "paragraph":
            block.text = f"{block.text} {text}"
            return


def _vertical_order(
    lines: list[_Line], tables: list[tuple[float, list[list[str]]]]
) -> Iterator[tuple[str, Any]]:  # the item's type depends on the kind (see below)
    """Yield ``("line", _Line)``, ``("columns", [_Line])`` and ``("table", rows)``.

    Tables and lines are merged by their top; a run of consecutive split
    lines becomes one ``columns`` item ordered column by column.
    """
    items: list[tuple[float, str, object]] = [(ln.top, "line", ln) for ln in lines]
    items += [(top, "table", rows) for top, rows in tables]
    items.sort(key=lambda it: (it[0], it[1] == "line"))
    run: list[_Line] = []
    for _top, kind, item in items:
        if kind == "line" and isinstance(item, _Line) and item.split:
            run.append(item)
            continue
        if run:
            yield "columns", sorted(run, key=lambda ln: (ln.column, ln.top))
            run = []
        yield kind, item
    if run:
        yield "columns", sorted(run, key=lambda ln: (ln.column, ln.top))
