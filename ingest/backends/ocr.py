"""OCR of one PDF page that has no text layer (a scan), for the PDF loader.

:func:`read_page` renders the page, cleans the image, finds ruled tables and
reads the text with Tesseract (``lang="vie"``). It returns the same pieces
the PDF loader takes from pdfplumber for a text page, in PDF points:

* ``OcrPage.words`` – body words outside every table, as pdfplumber-like
  dicts ``{"text", "x0", "x1", "top", "bottom"}``. Words of one visual line
  share that line's ``top``/``bottom`` (Tesseract's boxes differ with the
  diacritics stacked above a letter), so the loader's line grouping works
  on them unchanged.
* ``OcrPage.tables`` – ``(top, rows)`` per ruled table: one row per grid
  row, one cell per grid column; a merged cell's text sits in its top-left
  grid position and the positions it covers are ``""`` (as pdfplumber's
  ``None`` cells become ``""``).

Steps (image at :data:`DPI` dpi, 8-bit grey):

1. Render with pypdfium2; median filter (3 px) against grain; dark specks
   under :data:`SPECKLE_AREA` pixels whitened (after deskewing).
2. Deskew: the angle in ±5° (0.25° then 0.05° steps) that maximises the
   variance of the row sums of the binarised, quarter-size image (text
   lines and table rules are horizontal when it is right); the image is
   rotated back by it.
3. Ruling lines: adaptive threshold, then morphological opening with a long
   horizontal (1/25 of the page width) and a long vertical (1/60 of the page
   height) kernel gives the line masks. A connected part of the line masks
   is a table when it spans over a fifth of the page width and has at least
   three vertical rules (two columns; a framed box is not a table) and two
   horizontal ones. Its cells are the connected white
   areas inside the grid; cell edges clustered (12 px) give the grid
   columns and rows, and a cell covering several of them is a merged cell.
4. Cells: the rules erased, each cell cut to the box of its letter-sized
   dark areas (a cell without any is blank), binarised, and the cells of a
   page stacked on one sheet that Tesseract reads as one block
   (``--psm 6``); every word goes back to the cell it came from. The rest
   of the page (tables blanked) is read once with automatic page
   segmentation (``--psm 3``). Words read with a confidence under
   :data:`MIN_WORD_CONFIDENCE` (:data:`MIN_CELL_WORD_CONFIDENCE` in cells,
   which hold letters), and marks other than a dash or "&" between words,
   are dropped (speckle). Tesseract reads Otsu-binarised images
   (:func:`_binary`), not the grey.
5. Every text is cleaned by :func:`ingest.ocrtext.clean_ocr_text`
   (Vietnamese post-cleaning).
6. Once every page is read, :func:`number_group_rows` repairs the Roman
   numerals of annex group rows from their order.

Tesseract runs with ``OMP_THREAD_LIMIT=1`` (one core per call; pages run in
parallel instead, see :mod:`ingest.backends.pdf`). Every call gets the time
left of the page's budget (:func:`page_timeout`); when it runs out,
:class:`ingest.errors.OcrTimeoutError` names the page.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import cv2
import numpy as np

from ingest import options
from ingest.errors import OcrTimeoutError, OcrUnavailableError
from ingest.ocrtext import clean_ocr_text, fix_tones

_T = TypeVar("_T")

DPI = 300
LANG = "vie"
DEFAULT_PAGE_TIMEOUT = 180.0  # seconds per page; CCHC_OCR_PAGE_TIMEOUT overrides
MIN_WORD_CONFIDENCE = 30.0
MIN_CELL_WORD_CONFIDENCE = 5.0  # cells hold letters (blank ones are skipped): keep "VII." read at 20
MAX_SKEW = 5.0  # degrees searched either way
H_KERNEL_RATIO = 25  # horizontal rule: at least page width / 25
V_KERNEL_RATIO = 60  # vertical rule: at least page height / 60
EDGE_TOLERANCE = 12  # px at DPI: cell edges closer than this are one grid line
MIN_CELL = 15  # px: smaller white areas inside a grid are not cells
CELL_PADDING = 12  # px of white added around a cell before OCR
CELL_INSET = 3  # px cut from each side of a cell (rule residue)
CELL_GAP = 40  # px of white between cells stacked on one sheet
MAX_SHEET_HEIGHT = 16000  # px: a taller stack of cells is split into sheets
GLYPH_HEIGHT = (16, 150)  # px at DPI: a dark area this high may be a letter
GLYPH_AREA = 60  # px at DPI: ... and at least this large
MIN_GLYPHS = 1  # a cell or page with fewer letter-sized areas is blank
GLYPH_MARGIN = 24  # px kept around the letters of a cell (diacritics, dots)
SPECKLE_AREA = 10  # px at DPI: dark specks smaller than this are noise

_HAS_TEXT = re.compile(r"\w")
_JOINER = re.compile(r"^[-–—&+/]+$")  # a dash or "&" standing between words
MIN_JOINER_CONFIDENCE = 10.0
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one render at a time
# OMP_THREAD_LIMIT=1 for Tesseract (one thread per page; pages run in parallel)
# is set by the entry points (assistant.runtime, ingest.worker's child).


@dataclass
class OcrPage:
    """What OCR read on one page (see the module docstring); ``angle`` in degrees."""

    words: list[dict] = field(default_factory=list)
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)
    angle: float = 0.0


def missing_tools() -> str | None:
    """Why OCR cannot run here (Vietnamese), or ``None`` when it can.

    Checks the ``tesseract`` program and its Vietnamese data (``vie``), i.e.
    Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie`` packages.
    """
    if shutil.which("tesseract") is None:
        return "chưa cài Tesseract OCR (gói tesseract-ocr và tesseract-ocr-vie)"
    import pytesseract

    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractError, OSError, RuntimeError) as exc:
        return f"Tesseract OCR không chạy được ({exc})"
    if LANG not in langs:
        return "Tesseract OCR chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie)"
    return None


def require_tools(name: str) -> None:
    """Raise :class:`OcrUnavailableError` for file ``name`` when OCR cannot run."""
    reason = missing_tools()
    if reason:
        raise OcrUnavailableError(name, reason)


def page_timeout() -> float:
    """Seconds allowed per page: ``ParseOptions.ocr_page_timeout`` (``CCHC_OCR_PAGE_TIMEOUT``,
    :mod:`ingest.options`) or :data:`DEFAULT_PAGE_TIMEOUT` when not positive."""
    value = options.current().ocr_page_timeout
    return value if value > 0 else DEFAULT_PAGE_TIMEOUT


def render(path: str, index: int, dpi: int = DPI) -> np.ndarray:
    """Page ``index`` (0-based) of the PDF at ``path`` as an 8-bit grey image."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        pdf = pdfium.PdfDocument(path)
        try:
            bitmap = pdf[index].render(scale=dpi / 72, grayscale=True)
            return np.array(bitmap.to_pil().convert("L"))
        finally:
            pdf.close()


def read_page(path: str, index: int, name: str, timeout: float | None = None) -> OcrPage:
    """OCR page ``index`` (0-based) of ``path``; ``name`` is the file name for messages.

    Raises :class:`OcrTimeoutError` when the page takes longer than
    ``timeout`` seconds (default :func:`page_timeout`).
    """
    budget = _Budget(timeout or page_timeout(), name, index + 1)
    image = cv2.medianBlur(render(path, index), 3)
    angle = skew_angle(image)
    if abs(angle) >= 0.05:
        image = _rotate(image, angle)
    image = _despeckle(image)
    grid = _line_mask(image)
    tables = [_read_table(image, grid, box, budget) for box in _table_boxes(grid)]
    body = image.copy()
    body[grid > 0] = 255
    for (x0, y0, x1, y1), _rows in tables:
        body[y0:y1, x0:x1] = 255
    scale = 72 / DPI
    words = [
        {**w, "x0": w["x0"] * scale, "x1": w["x1"] * scale,
         "top": w["top"] * scale, "bottom": w["bottom"] * scale}
        for w in _page_words(body, budget)
    ]
    return OcrPage(
        words=words,
        tables=[(box[1] * scale, rows) for box, rows in tables if any(any(r) for r in rows)],
        angle=angle,
    )


_GROUP_MARKER = re.compile(r"^([IVXLHl|!1]{1,6})\.\s+(?=\w)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int | None:
    """Value of a Roman numeral I-XXX, ``None`` when it is not one."""
    if not re.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})", numeral) or not numeral:
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out, value = out + letters, value - number
    return out


def number_group_rows(pages: list[OcrPage]) -> None:
    """Repair the Roman numerals of annex group rows OCR'd in ``pages`` (in page order).

    A group row is a table row whose first non-empty cell is its only one and
    starts with a Roman-like marker ("IHL. Cải cách thủ tục hành chính"). The
    genre numbers them I, II, III… in order, so a marker that is not a
    numeral, or not above the previous group's, becomes the one after it.
    Markers of digits only ("1. …", a sub-group) are not touched.
    """
    previous = 0
    for page in pages:
        for _top, rows in page.tables:
            for row in rows:
                filled = [i for i, cell in enumerate(row) if cell]
                if len(filled) != 1:
                    continue
                cell = row[filled[0]]
                match = _GROUP_MARKER.match(cell)
                if not match or match.group(1).isdigit():
                    continue
                value = _roman_value(match.group(1))
                if value is None or value <= previous:
                    value = previous + 1
                    row[filled[0]] = f"{_roman(value)}. {cell[match.end():]}"
                previous = value


# ------------------------------------------------------------- image steps


def skew_angle(gray: np.ndarray) -> float:
    """The page's skew in degrees (counter-clockwise positive), see step 2."""
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    h, w = ink.shape

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        turned = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST)
        return float(np.var(turned.sum(axis=1, dtype=np.float64)))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.25), key=sharpness)
    best = max(np.arange(best - 0.25, best + 0.26, 0.05), key=sharpness)
    return round(float(best), 2)


def _rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _despeckle(gray: np.ndarray) -> np.ndarray:
    """Whiten dark specks: connected dark areas under :data:`SPECKLE_AREA` px.

    The smallest printed marks of the genre at :data:`DPI` dpi (the dot below
    "ạ", a full stop) are larger; scanner grain and dust are not.
    """
    ink = _ink(gray)
    _n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < SPECKLE_AREA
    small[0] = False
    out = gray.copy()
    out[small[labels] & (ink > 0)] = 255
    return out


def _binary(gray: np.ndarray) -> np.ndarray:
    """Black text on white by Otsu's threshold, specks removed: what Tesseract
    reads (its own thresholding is misled by scanner grain in a mostly empty
    area, e.g. a cell holding only a task number)."""
    ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    _n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < SPECKLE_AREA
    small[0] = True
    return np.where(small[labels], 255, 0).astype(np.uint8)


def _ink(gray: np.ndarray) -> np.ndarray:
    """Dark pixels as 255 (adaptive threshold: uneven scan lighting is fine)."""
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15
    )


def _line_mask(gray: np.ndarray) -> np.ndarray:
    """Horizontal and vertical ruling lines (255), slightly thickened."""
    ink = _ink(gray)
    h, w = ink.shape
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // H_KERNEL_RATIO, 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, h // V_KERNEL_RATIO))
    )
    return cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5), np.uint8))


def _table_boxes(grid: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes ``(x0, y0, x1, y1)`` of the line-mask parts that are tables, top first."""
    w = grid.shape[1]
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    boxes = []
    for i in range(1, n):
        x, y, bw, bh, _area = stats[i]
        if bw < w / 5 or bh < 2 * MIN_CELL:
            continue
        part = (labels[y:y + bh, x:x + bw] == i).astype(np.uint8)
        if _rule_count(part, axis=0) >= 3 and _rule_count(part, axis=1) >= 2:
            boxes.append((int(x), int(y), int(x + bw), int(y + bh)))
    return sorted(boxes, key=lambda b: b[1])


def _rule_count(part: np.ndarray, axis: int) -> int:
    """How many rules cross the part: runs of columns (axis 0) or rows (axis 1)
    covered over more than half the part's height (or width)."""
    cover = part.sum(axis=axis) > 0.5 * part.shape[axis]
    runs = np.flatnonzero(np.diff(np.concatenate(([0], cover.astype(np.int8), [0]))) == 1)
    return len(runs)


def _cluster(values: list[int]) -> list[int]:
    """Representative positions of ``values`` merged within :data:`EDGE_TOLERANCE`."""
    out: list[list[int]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= EDGE_TOLERANCE:
            out[-1].append(v)
        else:
            out.append([v])
    return [int(np.median(group)) for group in out]


def _index(edges: list[int], value: int) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _read_table(
    gray: np.ndarray, grid: np.ndarray, box: tuple[int, int, int, int], budget: _Budget
) -> tuple[tuple[int, int, int, int], list[list[str]]]:
    """OCR the cells of the table in ``box``: ``(box, rows)``, see step 3-4."""
    x0, y0, x1, y1 = box
    inside = 255 - grid[y0:y1, x0:x1]
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=4)
    cells = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        touches = x == 0 or y == 0 or x + w >= x1 - x0 or y + h >= y1 - y0
        if touches or w < MIN_CELL or h < MIN_CELL:
            continue
        cells.append((int(x + x0), int(y + y0), int(x + x0 + w), int(y + y0 + h)))
    if not cells:
        return box, []
    lefts = _cluster([c[0] for c in cells])
    tops = _cluster([c[1] for c in cells])
    rows = [[""] * len(lefts) for _ in tops]
    clean = gray.copy()
    clean[grid > 0] = 255
    crops = [clean[cy0 + CELL_INSET:cy1 - CELL_INSET, cx0 + CELL_INSET:cx1 - CELL_INSET]
             for cx0, cy0, cx1, cy1 in cells]
    for (cx0, cy0, _cx1, _cy1), text in zip(cells, _cells_text(crops, budget)):
        if text:
            rows[_index(tops, cy0)][_index(lefts, cx0)] = text
    return box, rows


# ------------------------------------------------------------------ reading


class _Budget:
    """The time left for one page; :meth:`left` raises when none is."""

    def __init__(self, seconds: float, name: str, page: int):
        self.seconds, self.name, self.page = seconds, name, page
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise OcrTimeoutError(self.name, self.page, self.seconds)
        return remaining

    def run(self, fn: Callable[..., _T], *args: object, **kwargs: object) -> _T:
        """Call a pytesseract function with the time left; a Tesseract timeout
        becomes :class:`OcrTimeoutError`."""
        try:
            return fn(*args, timeout=self.left(), **kwargs)
        except RuntimeError as exc:
            if "timeout" in str(exc).lower():
                raise OcrTimeoutError(self.name, self.page, self.seconds) from exc
            raise


def _glyph_box(gray: np.ndarray) -> tuple[int, int, int, int] | None:
    """Box ``(x0, y0, x1, y1)`` around the letter-sized dark areas (at least
    :data:`MIN_GLYPHS`, :data:`GLYPH_HEIGHT` px high and :data:`GLYPH_AREA` px
    large) widened by :data:`GLYPH_MARGIN`; ``None`` when the image is blank."""
    ink = _ink(gray)
    _n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    stats = stats[1:]
    heights, areas = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    glyphs = stats[(heights >= GLYPH_HEIGHT[0]) & (heights <= GLYPH_HEIGHT[1]) & (areas >= GLYPH_AREA)]
    if len(glyphs) < MIN_GLYPHS:
        return None
    h, w = gray.shape
    x0 = max(int(glyphs[:, 0].min()) - GLYPH_MARGIN, 0)
    y0 = max(int(glyphs[:, 1].min()) - GLYPH_MARGIN, 0)
    x1 = min(int((glyphs[:, 0] + glyphs[:, 2]).max()) + GLYPH_MARGIN, w)
    y1 = min(int((glyphs[:, 1] + glyphs[:, 3]).max()) + GLYPH_MARGIN, h)
    return x0, y0, x1, y1


def _words(gray: np.ndarray, psm: int, budget: _Budget,
           min_confidence: float = MIN_WORD_CONFIDENCE) -> list[tuple[tuple[int, int, int], dict]]:
    """Tesseract's words of ``gray`` as ``(line key, word box in px)``, in
    reading order; speckle words (under ``min_confidence``) dropped (step 4)."""
    import pytesseract

    data = budget.run(
        pytesseract.image_to_data, gray, lang=LANG, config=f"--psm {psm}",
        output_type=pytesseract.Output.DICT,
    )
    out = []
    for i, raw in enumerate(data["text"]):
        text = clean_ocr_text(raw)
        conf = float(data["conf"][i])
        if not text:
            continue
        if _HAS_TEXT.search(text) and conf < min_confidence:
            continue
        if not _HAS_TEXT.search(text) and not (_JOINER.match(text) and conf >= MIN_JOINER_CONFIDENCE):
            continue
        left, top = data["left"][i], data["top"][i]
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        out.append((key, {"text": text, "x0": left, "x1": left + data["width"][i],
                          "top": top, "bottom": top + data["height"][i]}))
    return out


def _cells_text(crops: list[np.ndarray], budget: _Budget) -> list[str]:
    """The text of each cell crop (lines joined with spaces; ``""`` when blank).

    A cell without letter-sized dark areas is blank. The others are cut to
    their letters, binarised and stacked, :data:`CELL_GAP` px apart, on
    sheets of at most :data:`MAX_SHEET_HEIGHT` px that Tesseract reads as
    one block each (``--psm 6``: one process per sheet instead of one per
    cell); each word goes back to the cell whose band holds its centre.
    """
    texts: list[list[str]] = [[] for _ in crops]
    pieces = []
    for i, crop in enumerate(crops):
        box = _glyph_box(crop) if crop.size else None
        if box is not None:
            x0, y0, x1, y1 = box
            pieces.append((i, _binary(crop[y0:y1, x0:x1])))
    sheet: list[tuple[int, np.ndarray]] = []
    for piece in pieces + [None]:
        height = sum(p.shape[0] + CELL_GAP for _i, p in sheet)
        if piece is None or (sheet and height + piece[1].shape[0] > MAX_SHEET_HEIGHT):
            if sheet:
                _read_sheet(sheet, texts, budget)
            sheet = []
        if piece is not None:
            sheet.append(piece)
    return [clean_ocr_text(" ".join(words)) for words in texts]


def _read_sheet(sheet: list[tuple[int, np.ndarray]], texts: list[list[str]], budget: _Budget) -> None:
    """OCR stacked cell images; append each word to ``texts[cell index]``."""
    width = max(p.shape[1] for _i, p in sheet) + 2 * CELL_PADDING
    height = sum(p.shape[0] + CELL_GAP for _i, p in sheet) + CELL_GAP
    image = np.full((height, width), 255, np.uint8)
    bands = []
    y = CELL_GAP
    for index, piece in sheet:
        h, w = piece.shape
        image[y:y + h, CELL_PADDING:CELL_PADDING + w] = piece
        bands.append((y - CELL_GAP // 2, y + h + CELL_GAP // 2, index))
        y += h + CELL_GAP
    for _key, word in _words(image, 6, budget, MIN_CELL_WORD_CONFIDENCE):
        middle = (word["top"] + word["bottom"]) / 2
        for top, bottom, index in bands:
            if top <= middle < bottom:
                texts[index].append(word["text"])
                break


def _page_words(gray: np.ndarray, budget: _Budget) -> list[dict]:
    """Body words in pixels, each with its visual line's top/bottom (step 4)."""
    if _glyph_box(gray) is None:
        return []
    lines: dict[tuple[int, int, int], list[dict]] = {}
    for key, word in _words(_binary(gray), 3, budget):
        lines.setdefault(key, []).append(word)
    for words in lines.values():  # tone marks are fixed on word pairs of a line
        fixed = fix_tones(" ".join(w["text"] for w in words)).split(" ")
        if len(fixed) == len(words):
            for word, text in zip(words, fixed):
                word["text"] = text
    return _snap_lines(list(lines.values()))


def _snap_lines(lines: list[list[dict]]) -> list[dict]:
    """Give every word of one visual line the same top and bottom.

    Tesseract lines (one per layout block) whose vertical spans overlap by
    over half the smaller one are one visual line: the two-column header of
    the genre's documents is then one line with a wide gap, as in a text PDF.
    """
    spans = sorted(
        ([min(w["top"] for w in ln), max(w["bottom"] for w in ln), ln] for ln in lines),
        key=lambda s: s[0],
    )
    merged: list[list] = []
    for top, bottom, words in spans:
        if merged:
            m = merged[-1]
            overlap = min(bottom, m[1]) - max(top, m[0])
            if overlap > 0.5 * min(bottom - top, m[1] - m[0]):
                m[0], m[1] = min(m[0], top), max(m[1], bottom)
                m[2] = m[2] + words
                continue
        merged.append([top, bottom, list(words)])
    out = []
    for top, bottom, words in merged:
        out += [{**w, "top": top, "bottom": bottom} for w in words]
    return out
