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

1. Render with pypdfium2; median filter (3 px) against speckle.
2. Deskew: the angle in ±5° (0.25° then 0.05° steps) that maximises the
   variance of the row sums of the binarised, quarter-size image (text
   lines and table rules are horizontal when it is right); the image is
   rotated back by it.
3. Ruling lines: adaptive threshold, then morphological opening with a long
   horizontal (1/25 of the page width) and a long vertical (1/60 of the page
   height) kernel gives the line masks. A connected part of the line masks
   is a table when it spans over a fifth of the page width and has at least
   two vertical and two horizontal rules. Its cells are the connected white
   areas inside the grid; cell edges clustered (12 px) give the grid
   columns and rows, and a cell covering several of them is a merged cell.
4. Each cell is OCR'd on its own (``--psm 6``, the rules erased, a white
   border added; blank cells skipped); the rest of the page (tables blanked)
   is OCR'd once with automatic page segmentation (``--psm 3``); words with
   no letter or digit, or read with a confidence under
   :data:`MIN_WORD_CONFIDENCE`, are dropped (speckle).
5. Every text is cleaned by :func:`ingest.ocrtext.clean_ocr_text`
   (Vietnamese post-cleaning).

Tesseract runs with ``OMP_THREAD_LIMIT=1`` (one core per call; pages run in
parallel instead, see :mod:`ingest.backends.pdf`). Every call gets the time
left of the page's budget (:func:`page_timeout`); when it runs out,
:class:`ingest.errors.OcrTimeoutError` names the page.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from ingest.errors import OcrTimeoutError, OcrUnavailableError
from ingest.ocrtext import clean_ocr_text

DPI = 300
LANG = "vie"
DEFAULT_PAGE_TIMEOUT = 180.0  # seconds per page; CCHC_OCR_PAGE_TIMEOUT overrides
MIN_WORD_CONFIDENCE = 30.0
MAX_SKEW = 5.0  # degrees searched either way
H_KERNEL_RATIO = 25  # horizontal rule: at least page width / 25
V_KERNEL_RATIO = 60  # vertical rule: at least page height / 60
EDGE_TOLERANCE = 12  # px at DPI: cell edges closer than this are one grid line
MIN_CELL = 15  # px: smaller white areas inside a grid are not cells
CELL_PADDING = 12  # px of white added around a cell before OCR
MIN_CELL_INK = 25  # dark pixels below which a cell is blank

_HAS_TEXT = re.compile(r"\w")
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one render at a time
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


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
    except Exception as exc:  # a broken install reports in many ways
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
    """Seconds allowed per page: ``$CCHC_OCR_PAGE_TIMEOUT`` or :data:`DEFAULT_PAGE_TIMEOUT`."""
    try:
        value = float(os.environ.get("CCHC_OCR_PAGE_TIMEOUT", DEFAULT_PAGE_TIMEOUT))
    except ValueError:
        value = DEFAULT_PAGE_TIMEOUT
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
    return cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))


def _table_boxes(grid: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes ``(x0, y0, x1, y1)`` of the line-mask parts that are tables, top first."""
    h, w = grid.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    boxes = []
    for i in range(1, n):
        x, y, bw, bh, _area = stats[i]
        if bw < w / 5 or bh < 2 * MIN_CELL:
            continue
        part = (labels[y:y + bh, x:x + bw] == i).astype(np.uint8)
        if _rule_count(part, axis=0) >= 2 and _rule_count(part, axis=1) >= 2:
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


def _read_table(gray, grid, box, budget) -> tuple[tuple[int, int, int, int], list[list[str]]]:
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
    for cx0, cy0, cx1, cy1 in cells:
        text = _cell_text(clean[cy0:cy1, cx0:cx1], budget)
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

    def run(self, fn, *args, **kwargs):
        """Call a pytesseract function with the time left; a Tesseract timeout
        becomes :class:`OcrTimeoutError`."""
        try:
            return fn(*args, timeout=self.left(), **kwargs)
        except RuntimeError as exc:
            if "timeout" in str(exc).lower():
                raise OcrTimeoutError(self.name, self.page, self.seconds) from exc
            raise


def _cell_text(crop: np.ndarray, budget: _Budget) -> str:
    """One cell's text (lines joined with spaces), ``""`` for a blank cell."""
    import pytesseract

    if int((_ink(crop) > 0).sum()) < MIN_CELL_INK:
        return ""
    padded = cv2.copyMakeBorder(crop, *[CELL_PADDING] * 4, cv2.BORDER_CONSTANT, value=255)
    text = budget.run(pytesseract.image_to_string, padded, lang=LANG, config="--psm 6")
    return clean_ocr_text(" ".join(text.split()))


def _page_words(gray: np.ndarray, budget: _Budget) -> list[dict]:
    """Body words in pixels, each with its visual line's top/bottom (step 4)."""
    import pytesseract

    if int((_ink(gray) > 0).sum()) < MIN_CELL_INK:
        return []
    data = budget.run(
        pytesseract.image_to_data, gray, lang=LANG, config="--psm 3",
        output_type=pytesseract.Output.DICT,
    )
    lines: dict[tuple[int, int, int], list[dict]] = {}
    for i, raw in enumerate(data["text"]):
        text = clean_ocr_text(raw)
        if not text or not _HAS_TEXT.search(text) or float(data["conf"][i]) < MIN_WORD_CONFIDENCE:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i], data["top"][i]
        lines.setdefault(key, []).append(
            {"text": text, "x0": left, "x1": left + data["width"][i],
             "top": top, "bottom": top + data["height"][i]}
        )
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
