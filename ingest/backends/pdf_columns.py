"""Recover a task table drawn without ruling lines from a PDF page's words.

Used by :mod:`ingest.backends.pdf` on pages where pdfplumber finds no ruled
table. Source pattern: the annex table of a plan laid out as plain text at
fixed x-positions (no vertical rules; at most horizontal rules between rows),
each cell wrapped over several lines::

    TT   Nội dung nhiệm vụ          Cơ quan     Cơ quan       Thời gian    Sản phẩm
                                    chủ trì     phối hợp      hoàn thành
    I. Cải cách thể chế
    1    Rà soát văn bản quy phạm   Văn phòng   Các ban,      Quý II/2026  Báo cáo
         pháp luật của xã           HĐND-UBND   ngành
         - Tối thiểu 20% …

Steps (positions are pdfplumber word boxes, in PDF points):

1. **Lines**: words grouped by ``top`` (3 pt); a line is cut into
   *segments* at gaps wider than half a line height (narrower gaps are word
   spaces).
2. **Header** (:func:`find_header`): a run of at most five vertically close
   lines, ended by a row start, whose segments stack into label groups
   (segments overlapping horizontally are one label: "Cơ quan" / "chủ trì").
   A segment covering two or more segments of another header line is a
   spanning parent ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") and only
   prefixes their text. A segment naming several families ("TT Nội dung") is
   cut before the capitalised word opening each later family. Labels are
   classified by :func:`ingest.columns.family_of`; the header must have a
   ``number`` column first, a ``content`` or ``objective`` column, a ``lead``
   or ``deadline`` column and at least three families.
3. **Column bounds**: between two neighbouring labels the boundary is the
   middle of the widest x-interval covered by the fewest body words (the
   gutter); labels are often centred while cells are left-aligned, so label
   edges alone would misplace wide cells. Group-heading lines, which run
   across columns, are not counted.
4. **Table end**: the first line after a vertical gap of more than two line
   heights that is not a row start, or the end of the page (the table is then
   *open* and may continue on the next page).
5. **Rows**: each word goes to the column whose x-range holds its centre.
   A row starts at a line whose number column holds a task number ("3",
   "2.1"), a Roman or capital-letter group numeral ("II.", "B"), or whose first
   filled cell (number or first text column) starts with a bullet
   ("- …", "+ …", "• …"). Other lines continue the current row cell by cell
   (:func:`ingest.flattened.join_cell_lines`); lines before the first row
   start of a page form a row with an empty number (the tail of a row cut at
   the page break). A group row is emitted as ``[whole heading, '', …]``.
6. **Later pages**: a repeat of the header lines (same folded text) is
   skipped and the previous page's columns reused; a page without header
   continues an open table when its first lines are *columnar* (no word
   straddles a column boundary).

The module knows the column vocabulary (via ``ingest.columns``) but not the
task semantics: rows are handed to ``ingest.tables`` like ruled-table rows.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from pdfplumber.utils import cluster_objects

from ingest.cell_join import join_cell_lines
from ingest.columns import COLUMN_FAMILIES, family_of
from ingest.flattened import find_flattened_tables
from ingest.textnorm import clean_cell, fold

LINE_TOLERANCE = 3.0  # pt: words whose tops differ by less share a line
SEGMENT_GAP = 0.5  # gap (in line heights) that separates two cells on a line
HEADER_MAX_LINES = 5
HEADER_GAP = 1.0  # max vertical gap (line heights) between header lines
END_GAP = 2.0  # vertical gap (line heights) after which a non-row line ends the table
STRADDLE_PAD = 0.2  # line heights around a word that must not touch a boundary
MAX_LABEL_CHARS = 45

_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_GROUP = re.compile(r"^(?:[IVXLC]{1,6}|[A-H])[.):]?$")
_GROUP_INLINE = re.compile(r"^(?:[IVXLC]{1,6}|[A-H])[.):]\s+\S")
_BULLET = re.compile(r"^[-+•–—*·]\s*\S")

Word = dict  # a pdfplumber word: text, x0, x1, top, bottom, ...


@dataclass
class _Segment:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class _Line:
    words: list[Word]  # sorted by x0
    segments: list[_Segment]

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class Columns:
    """Columns of a recovered table.

    ``labels`` are the header texts (one per column, left to right);
    ``bounds`` the ``len(labels) - 1`` x-positions (pt) between columns;
    ``header_keys`` the folded text of each header line (to spot repeats).
    """

    labels: list[str]
    bounds: list[float]
    header_keys: list[str] = field(default_factory=list)
    page_size: tuple[int, int] = (0, 0)

    def column_of(self, x: float) -> int:
        """Index of the column whose x-range holds ``x``."""
        for i, b in enumerate(self.bounds):
            if x < b:
                return i
        return len(self.bounds)


@dataclass
class UnruledTable:
    """A table recovered from one page.

    ``rows``: cells as strings, every row ``len(columns.labels)`` long (the
    header row first when the page shows the header); ``top``/``bottom``: the
    vertical extent (pt) of the header and body lines taken, whose words are
    no longer body text; ``open``: the table runs to the end of the page.
    """

    rows: list[list[str]]
    top: float
    bottom: float
    columns: Columns
    open: bool


def recover_table(
    words: list[Word], page_size: tuple[int, int], previous: Columns | None = None
) -> UnruledTable | None:
    """Find an unruled task table among a page's ``words`` (see module doc).

    ``previous`` is the column layout of a table left open at the bottom of
    the previous page (same ``page_size`` required); it lets a repeated or
    missing header continue that table. Returns ``None`` when the page holds
    no such table. Raises nothing.
    """
    lines = _lines(words)
    if not lines:
        return None
    height = statistics.median(w["bottom"] - w["top"] for w in words)
    if previous is not None and previous.page_size != page_size:
        previous = None
    start, columns, header_lines = 0, None, 0  # start/header_lines are set with columns below
    if previous is not None:
        repeat = _repeat_length(lines, previous)
        if repeat:
            start, columns, header_lines = 0, previous, repeat
        elif _columnar(lines[0], previous, height):
            start, columns, header_lines = 0, previous, 0
    if columns is None:
        found = find_header(lines, height)
        if found is None:
            return None
        start, labels, label_spans, header_lines = found
        columns = Columns(
            labels=labels,
            bounds=_bounds(label_spans, _body_lines(lines, start + header_lines, height)),
            header_keys=[fold(ln.text) for ln in lines[start : start + header_lines]],
            page_size=page_size,
        )
    body_start = start + header_lines
    body = _body_lines(lines, body_start, height)
    rows = _rows(body, columns)
    if not rows:
        return None
    if header_lines:
        rows.insert(0, list(columns.labels))
    taken = lines[start : body_start + len(body)]
    is_open = body_start + len(body) == len(lines)
    return UnruledTable(
        rows=rows,
        top=taken[0].top,
        bottom=taken[-1].bottom,
        columns=columns,
        open=is_open,
    )


def recover_flattened(flow_words: list[Word], page_size: tuple[int, int]) -> UnruledTable | None:
    """Fallback when :func:`recover_table` finds nothing: read the page as a
    flattened table with :func:`ingest.flattened.find_flattened_tables`.

    ``flow_words`` are the page's words in content-stream order
    (``extract_words(use_text_flow=True)``), where a PDF drawn cell by cell
    yields one cell piece after another. They are cut into lines where the
    text goes back to the left, jumps to another baseline or leaves a gap
    wider than half a line height. Returns the first flattened table (all its
    page fragments' rows in one list; ``columns`` has no bounds and ``open``
    is False), or ``None``.
    """
    if not flow_words:
        return None
    height = statistics.median(w["bottom"] - w["top"] for w in flow_words)
    lines: list[list[Word]] = []
    for w in flow_words:
        last = lines[-1][-1] if lines else None
        if (
            last is None
            or abs(w["top"] - last["top"]) > LINE_TOLERANCE
            or w["x0"] < last["x1"]
            or w["x0"] - last["x1"] > SEGMENT_GAP * height
        ):
            lines.append([w])
        else:
            lines[-1].append(w)
    texts = [" ".join(w["text"] for w in ln) for ln in lines]
    tables = find_flattened_tables(texts)
    if not tables:
        return None
    table = tables[0]
    rows = [row for frag in table.fragments for row in frag]
    taken = [w for ln in lines[table.start : table.end] for w in ln]
    if not rows or not taken:
        return None
    return UnruledTable(
        rows=rows,
        top=min(w["top"] for w in taken),
        bottom=max(w["bottom"] for w in taken),
        columns=Columns(labels=list(rows[0]), bounds=[], page_size=page_size),
        open=False,
    )


# ---------------------------------------------------------------- lines


def _lines(words: list[Word]) -> list[_Line]:
    """Words grouped into lines by ``top`` and cut into segments at wide gaps."""
    out = []
    for cluster in cluster_objects(words, "top", LINE_TOLERANCE):
        cluster = sorted(cluster, key=lambda w: w["x0"])
        height = statistics.median(w["bottom"] - w["top"] for w in cluster)
        segments = [_Segment([cluster[0]])]
        for word in cluster[1:]:
            if word["x0"] - segments[-1].x1 > SEGMENT_GAP * height:
                segments.append(_Segment([word]))
            else:
                segments[-1].words.append(word)
        out.append(_Line(cluster, segments))
    out.sort(key=lambda ln: ln.top)
    return out


def _line_starts_row(line: _Line) -> bool:
    """Row-start shape before columns are known: the line's first segment is a
    task number, a group numeral followed by a capitalised word, or a bullet."""
    first = line.segments[0]
    head = first.words[0]["text"]
    if _NUMBER.match(head):
        return True
    rest = first.words[1]["text"] if len(first.words) > 1 else (
        line.segments[1].words[0]["text"] if len(line.segments) > 1 else ""
    )
    if _GROUP.match(head) and rest[:1].isupper():
        return True
    return bool(_BULLET.match(first.text))


# ---------------------------------------------------------------- header


def find_header(lines: list[_Line], height: float) -> tuple[int, list[str], list[tuple[float, float]], int] | None:
    """The first task-table header among ``lines``.

    Returns ``(start, labels, spans, size)``: index of its first line, the
    label texts and their ``(x0, x1)`` spans left to right, and the number of
    lines it takes; ``None`` when there is none (rules in the module doc).
    """
    for i, line in enumerate(lines):
        if not any(pat.search(fold(line.text)) for _, pat in COLUMN_FAMILIES):
            continue
        band = [line]
        j = i + 1
        while (
            j < len(lines)
            and len(band) < HEADER_MAX_LINES
            and not _line_starts_row(lines[j])
            and lines[j].top - lines[j - 1].bottom <= HEADER_GAP * height
        ):
            band.append(lines[j])
            j += 1
        if j >= len(lines) or not _line_starts_row(lines[j]):
            continue
        labels = _labels(band)
        if labels is not None:
            texts, spans = labels
            return i, texts, spans, len(band)
    return None


def _labels(band: list[_Line]) -> tuple[list[str], list[tuple[float, float]]] | None:
    """Label texts and spans of a header band, or ``None`` if it is no header."""
    segs = [(k, piece) for k, ln in enumerate(band) for seg in ln.segments for piece in _split_families(seg)]
    if any(len(s.text) > MAX_LABEL_CHARS for _, s in segs):
        return None
    parents: set[int] = set()
    for a, (ka, sa) in enumerate(segs):
        for kb in range(len(band)):
            if kb != ka and sum(1 for k, s in segs if k == kb and _overlap(sa, s)) >= 2:
                parents.add(a)
    children = [(k, s) for a, (k, s) in enumerate(segs) if a not in parents]
    groups: list[list[tuple[int, _Segment]]] = []
    for item in sorted(children, key=lambda it: it[1].x0):
        if groups and any(_overlap(item[1], s) for _, s in groups[-1]):
            groups[-1].append(item)
        else:
            groups.append([item])
    texts: list[str] = []
    spans: list[tuple[float, float]] = []
    families: list[str | None] = []
    for group in groups:
        group.sort(key=lambda it: (it[0], it[1].x0))
        text = clean_cell(" ".join(s.text for _, s in group)) or ""
        x0, x1 = min(s.x0 for _, s in group), max(s.x1 for _, s in group)
        family = family_of(text)
        if family is None:
            above = [segs[a][1].text for a in parents if segs[a][1].x0 <= x1 and segs[a][1].x1 >= x0]
            family = family_of(" ".join(above + [text]))
        texts.append(text)
        spans.append((x0, x1))
        families.append(family)
    found = {f for f in families if f}
    if (
        len(found) < 3
        or families[0] != "number"
        or not ({"content", "objective"} & found)
        or not ({"lead", "deadline"} & found)
    ):
        return None
    return texts, spans


def _overlap(a: _Segment, b: _Segment) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _split_families(seg: _Segment) -> list[_Segment]:
    """Cut a segment naming several families ("TT Nội dung nhiệm vụ") before
    the capitalised word that opens each later family."""
    words = seg.words
    starts = []  # (word index, family) where a family's match begins
    offsets, pos = [], 0
    for w in words:
        offsets.append(pos)
        pos += len(fold(w["text"])) + 1
    key = " ".join(fold(w["text"]) for w in words)
    for fam, pat in COLUMN_FAMILIES:
        for m in pat.finditer(key):
            idx = max(k for k, off in enumerate(offsets) if off <= m.start())
            starts.append((idx, fam))
    starts.sort()
    cuts, current, prev = [], None, 0
    for idx, fam in starts:
        if current is None:
            current, prev = fam, idx
            continue
        if fam == current or idx <= prev:
            continue
        caps = [k for k in range(prev + 1, idx + 1) if words[k]["text"][:1].isupper()]
        if caps:
            cuts.append(caps[-1])
            current, prev = fam, idx
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(_Segment(words[last:cut]))
        last = cut
    pieces.append(_Segment(words[last:]))
    return pieces


def _repeat_length(lines: list[_Line], columns: Columns) -> int:
    """Header lines repeated at the top of ``lines`` (0 when none)."""
    k = 0
    while k < len(lines) and k < len(columns.header_keys) and fold(lines[k].text) == columns.header_keys[k]:
        k += 1
    return k if k >= min(2, len(columns.header_keys)) else 0


# ---------------------------------------------------------------- columns


def _bounds(spans: list[tuple[float, float]], body: list[_Line]) -> list[float]:
    """Column boundaries: the emptiest, widest gutter between neighbouring labels."""
    words = [w for ln in body if not _is_group_line(ln) for w in ln.words]
    bounds = []
    for (_, a), (b, _) in zip(spans, spans[1:]):
        if b - a < 1.0:
            bounds.append((a + b) / 2)
            continue
        steps = max(2, int((b - a) / 0.5))
        xs = [a + (b - a) * s / steps for s in range(steps + 1)]
        counts = [sum(1 for w in words if w["x0"] < x < w["x1"]) for x in xs]
        low = min(counts)
        best, run_start = (0, 0, 0), None
        for s, c in enumerate(counts + [None]):
            if c == low and run_start is None:
                run_start = s
            elif c != low and run_start is not None:
                best = max(best, (s - run_start, run_start, s - 1))
                run_start = None
        _, s0, s1 = best
        bounds.append((xs[s0] + xs[s1]) / 2)
    return bounds


def _is_group_line(line: _Line) -> bool:
    head = line.words[0]["text"]
    nxt = line.words[1]["text"] if len(line.words) > 1 else ""
    return bool(_GROUP.match(head) and nxt[:1].isupper())


def _columnar(line: _Line, columns: Columns, height: float) -> bool:
    """No word of ``line`` straddles (or touches) a column boundary."""
    pad = STRADDLE_PAD * height
    return not any(w["x0"] - pad < b < w["x1"] + pad for w in line.words for b in columns.bounds)


# ---------------------------------------------------------------- rows


def _body_lines(lines: list[_Line], start: int, height: float) -> list[_Line]:
    """Lines from ``start`` up to the table end (rule 4 of the module doc)."""
    body: list[_Line] = []
    for k in range(start, len(lines)):
        line = lines[k]
        if body and line.top - body[-1].bottom > END_GAP * height and not _line_starts_row(line):
            break
        body.append(line)
    return body


def _rows(body: list[_Line], columns: Columns) -> list[list[str]]:
    """Cut the body lines into rows of joined cells (rule 5 of the module doc)."""
    n = len(columns.labels)
    rows: list[list[list[str]]] = []  # cells as lists of physical lines
    groups: set[int] = set()  # indexes of group rows
    for line in body:
        parts: list[list[str]] = [[] for _ in range(n)]
        for w in line.words:
            parts[columns.column_of((w["x0"] + w["x1"]) / 2)].append(w["text"])
        cells = [" ".join(p) for p in parts]
        kind = _row_kind(cells)
        if kind == "group":
            groups.add(len(rows))
            rows.append([[line.text]] + [[] for _ in range(n - 1)])
            continue
        if kind == "row" or not rows:
            rows.append([[c] if c else [] for c in cells])
            continue
        current = rows[-1]
        if len(rows) - 1 in groups:
            current[0].append(line.text)
            continue
        for col, text in enumerate(cells):
            if text:
                current[col].append(text)
    return [[join_cell_lines(cell) for cell in row] for row in rows]


def _row_kind(cells: list[str]) -> str | None:
    """``"group"``, ``"row"`` (a numbered or bulleted row start) or ``None``."""
    number = cells[0].strip()
    rest = next((c for c in cells[1:] if c.strip()), "")
    if number and _NUMBER.match(number):
        return "row"
    if number and (_GROUP.match(number) and rest[:1].isupper() or _GROUP_INLINE.match(number)):
        return "group"
    first = next((k for k, c in enumerate(cells) if c.strip()), None)
    if first is not None and first <= 1 and _BULLET.match(cells[first].strip()):
        return "row"
    return None
