"""TXT / Markdown loader: text file → :class:`ingest.blocks.LoadedDocument`.

Source patterns handled (the seeds are Word or PDF documents converted to
text, so the same file may mix them):

* **Decoding**: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else legacy
  Windows-1258; then Unicode NFC.
* **Markup stripped from text**: HTML tags (``<b>``, ``</i>``, ``<br>``,
  ``<span …>``…) and entities (``&nbsp;``, ``&amp;``…); Markdown emphasis
  (``**``, ``*``), heading marks (leading ``#``; a heading is a paragraph of
  its own), block quotes,
  backslash escapes and links ``[text](url)``; Word artefacts such as
  ``[bookmark: _Hlk204792937]``. A bold run glued to the text before it
  ("I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích, yêu cầu:**", "KẾ HOẠCH**Cải cách…**")
  is a paragraph the conversion lost: the line is split there.
* **Tables**: a line with two or more tabs, or a Markdown pipe row
  (``| a | b |``; separator rows ``|---|`` are dropped), is a table row; cells
  are stripped of markup. Consecutive table lines form one table block; a
  blank line between table lines marks a page break in these conversions, so
  each run of table lines is its own block (a repeated header row, if any,
  stays in its block). Rows are padded with ``''`` to the widest row of the
  table, i.e. of the adjacent blocks with nothing but blank lines between.
* **Flattened tables** (PDF → text, one cell piece per line, no separator):
  rebuilt by :mod:`ingest.flattened`; one table block per page fragment.
* **A header row alone, its cells one per line below it** (or in scrambled
  blocks): rebuilt by :mod:`ingest.cell_lines` into one table block.
* **Paragraphs**: see :func:`continues` for the rule that joins hard-wrapped
  lines, and :func:`paragraph_style` for when blank lines separate paragraphs.

The loader knows nothing of the genre: no annex, task or header meaning.
Text files have no pages: ``has_pages`` is False and ``page`` is ``None``.
"""

from __future__ import annotations

import codecs
import html
import os
import re
import statistics
import unicodedata
from dataclasses import dataclass

from ingest import legacy
from ingest.blocks import Block, LoadedDocument
from ingest.cell_lines import rebuild as rebuild_cell_lines
from ingest.errors import CorruptFileError, EmptyFileError, LegacyEncodingError
from ingest.flattened import find_flattened_tables

# ---------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------


def decode_text(data: bytes, name: str = "") -> str:
    """Decode file bytes to NFC text with ``\\n`` line ends.

    UTF-16 when a UTF-16 BOM is present; else UTF-8 (BOM dropped); else
    Windows-1258 (legacy Vietnamese). Raises :class:`CorruptFileError` when
    none decodes, :class:`EmptyFileError` when the text is only whitespace.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codecs_to_try = ["utf-16"]
    else:
        codecs_to_try = ["utf-8-sig", "cp1258"]
    text = None
    for codec in codecs_to_try:
        try:
            text = data.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise CorruptFileError(name, "không giải mã được văn bản (cần UTF-8)")
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyFileError(name)
    return text


def decode_plan_text(data: bytes, name: str = "") -> tuple[str, str | None]:
    """:func:`decode_text`, then TCVN3/VNI detection (:mod:`ingest.legacy`):
    ``(text, legacy encoding converted or None)``. Raises
    :class:`ingest.errors.LegacyEncodingError` for mojibake no reading fixes."""
    try:
        text = decode_text(data, name)
    except CorruptFileError:
        text = data.decode("latin-1")  # TCVN3/VNI capitals are not Windows-1258
        fixed, encoding = legacy.decode_text_bytes(data, text, name)
        if encoding is None:
            raise
        return unicodedata.normalize("NFC", fixed).replace("\r\n", "\n").replace("\r", "\n"), encoding
    raw = data if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    if raw is not None:
        try:
            data.decode("utf-8-sig")
            raw = legacy.as_legacy_bytes(text)  # UTF-8: only mojibake saved as UTF-8 is legacy
        except UnicodeDecodeError:
            pass
    if raw is None:
        if legacy.looks_like_mojibake(text):
            raise LegacyEncodingError(name)
        return text, None
    fixed, encoding = legacy.decode_text_bytes(raw, text, name)
    if encoding is None:
        return text, None
    fixed = unicodedata.normalize("NFC", fixed).replace("\r\n", "\n").replace("\r", "\n")
    return fixed, encoding


# ---------------------------------------------------------------------------
# markup cleaning
# ---------------------------------------------------------------------------

_HTML_TAGS = (
    "a|abbr|b|big|blockquote|br|center|code|col|colgroup|del|div|em|font|h[1-6]|hr|i|img|"
    "ins|li|mark|ol|p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|"
    "thead|tr|u|ul"
)
_TAG_RE = re.compile(rf"</?\s*(?:{_HTML_TAGS})\b[^<>]*?/?>", re.I)
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
_WORD_ARTEFACT_RE = re.compile(r"\[(?:bookmark|image|footnote|endnote|comment)[^\]]*\]", re.I)
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_CLOSING_HASHES_RE = re.compile(r"\s+#+\s*$")
_MD_QUOTE_RE = re.compile(r"^\s{0,3}>\s?")
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_STARS_RE = re.compile(r"\*+")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\u00ad\ufeff]")


def clean_inline(text: str) -> str:
    """Strip HTML, Markdown bold/italic stars, links, escapes and Word
    artefacts from one line or cell; collapse spaces; strip; tidy "( x )" to
    "(x)" (left by removed tags). ``<br>`` becomes a space."""
    text = _WORD_ARTEFACT_RE.sub(" ", text)
    text = _TAG_RE.sub(" ", text)
    if "&" in text:
        text = _ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _STARS_RE.sub("", _MD_ESCAPE_RE.sub(lambda m: "\x00" if m.group(1) == "*" else m.group(1), text))
    text = text.replace("\x00", "*")
    text = _INVISIBLE_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text).strip()
    return text.replace("( ", "(").replace(" )", ")")


@dataclass
class TextLine:
    """A logical line of the document after cleaning.

    ``kind``: "blank", "text" or "table"; ``text``: cleaned text; ``cells``:
    cleaned cells of a table line; ``hard_break``: a paragraph must start
    here (markup showed a lost paragraph boundary).
    """

    kind: str
    text: str = ""
    cells: list[str] | None = None
    hard_break: bool = False


_PIPE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _split_glued_bold(raw: str, bold: bool) -> tuple[list[str], bool]:
    """Split ``raw`` where a bold run opens right after other text.

    ``bold`` is whether a bold run is open at the start of the line (bold
    runs may span lines). Returns (pieces, bold state at the end).
    """
    pieces: list[str] = []
    start = 0
    for m in re.finditer(r"\*{2,}", raw):
        opening = not bold
        bold = not bold
        before = raw[start : m.start()]
        after = raw[m.end() : m.end() + 1]
        if opening and before.strip() and not before[-1:].isspace() and after.strip():
            pieces.append(raw[start : m.start()])
            start = m.start()
    pieces.append(raw[start:])
    return pieces, bold


def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [clean_inline(c.replace("\\|", "|")) for c in cells]


def _is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def logical_lines(text: str) -> list[TextLine]:
    """Classify and clean every line of ``text`` (see the module docstring)."""
    out: list[TextLine] = []
    bold = False
    in_pipe_table = False
    after_heading = False
    raw_lines = text.split("\n")
    for idx, raw in enumerate(raw_lines):
        if not raw.strip():
            out.append(TextLine("blank"))
            bold = in_pipe_table = False
            continue
        if raw.count("\t") >= 2:
            out.append(TextLine("table", cells=[clean_inline(c) for c in raw.split("\t")]))
            continue
        if "|" in raw and _PIPE_SEPARATOR_RE.match(raw):
            in_pipe_table = True  # the separator under a pipe header: dropped
            continue
        next_is_separator = idx + 1 < len(raw_lines) and "|" in raw_lines[idx + 1] and bool(
            _PIPE_SEPARATOR_RE.match(raw_lines[idx + 1])
        )
        if _is_pipe_row(raw) or ("|" in raw and (in_pipe_table or next_is_separator)):
            out.append(TextLine("table", cells=_pipe_cells(raw)))
            continue
        in_pipe_table = False
        line = _MD_QUOTE_RE.sub("", raw)
        heading = bool(_MD_HEADING_RE.match(line))
        line = _MD_CLOSING_HASHES_RE.sub("", _MD_HEADING_RE.sub("", line)) if heading else line
        line = re.sub(r"^(\s*)\*(\s+)", r"\1-\2", line)  # "* item" is a bullet
        pieces, bold = _split_glued_bold(line, bold)
        first = True
        for piece in pieces:
            cleaned = clean_inline(piece)
            if cleaned:
                out.append(TextLine("text", cleaned, hard_break=heading or after_heading or not first))
                first = False
                after_heading = False
        after_heading = heading
    return out


# ---------------------------------------------------------------------------
# paragraphs
# ---------------------------------------------------------------------------

# a line that opens a list item or heading: "I.", "1.", "1.2", "a)", "a,", "-", "+", "Điều 1."
_LIST_START_RE = re.compile(
    r"^(?:[IVXLC]+[.)]\s|\d+(?:\.\d+)*[.)](?:\s|$)|\d+(?:\.\d+)+\s|[a-zđ][.)]\s|[a-zđ],\s|"
    r"[-+•–—*]\s*\S|\(\d+\)|\([a-zđ]\)\s|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+)"
)
_SENTENCE_END_RE = re.compile(r"[.;:!?…]\s*[\"'”)]*$")
_CONTINUES_RE = re.compile(r"(?:[,\-–/(&]|\b(?:của|và|các|với|trong|theo|về|cho|tại|đến|hoặc|những|được|là|để|từ|có|thuộc))$")
# a word that takes a number after it: "Nghị định số" / "130/2005/NĐ-CP"
_NUMBER_NOUN_RE = re.compile(r"\b(?:số|năm|ngày|tháng|quý|khoản|điều|mục)$", re.I)


def _starts_lower(text: str) -> bool:
    return text[:1].isalpha() and text[:1].islower()


def _is_caps_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def wrap_width(texts: list[str]) -> float | None:
    """Estimated hard-wrap width of a document's text lines, or ``None``.

    The median length of the lines followed by a lower-case continuation
    (the clearest sign of a wrapped line); needs five such lines.
    """
    samples = [
        len(a)
        for a, b in zip(texts, texts[1:])
        if _starts_lower(b) and not _LIST_START_RE.match(b) and not _SENTENCE_END_RE.search(a)
    ]
    return statistics.median(samples) if len(samples) >= 5 else None


def continues(prev: str, nxt: str, width: float | None, blank_between: bool, blank_breaks: bool) -> bool:
    """Whether line ``nxt`` continues the paragraph whose last line is ``prev``.

    The rule, in order:

    1. ``nxt`` opens a list item or heading ("I.", "1.", "1.2", "a)", "a,",
       "-", "+", "Điều 1.") → new paragraph.
    2. ``nxt`` starts with a lower-case letter → continuation (also across a
       blank line, where a page break cut a sentence), unless ``prev`` ends a
       sentence and a blank line that separates paragraphs lies between.
    3. A blank line in between, in a document where blank lines separate
       paragraphs (``blank_breaks``) → new paragraph.
    4. One line is an all-capital title and the other is not → new paragraph.
    5. ``prev`` ends with a connector word or ``, - / ( &``, or with a word
       taking a number ("số", "năm", "ngày"…) before a number → continuation.
    6. ``prev`` ends a sentence (``. ; : ! ? …``) → new paragraph.
    7. Otherwise (a capitalised or numeric start after an unfinished line)
       the line was hard-wrapped only if ``prev`` is about as long as the
       document's wrap width (≥ 85 %, ≤ 125 %; see :func:`wrap_width`).
    """
    if _LIST_START_RE.match(nxt):
        return False
    ends_sentence = bool(_SENTENCE_END_RE.search(prev))
    if _starts_lower(nxt):
        return not (blank_between and blank_breaks and ends_sentence)
    if blank_between and blank_breaks:
        return False
    if _is_caps_title(prev) != _is_caps_title(nxt):
        return False
    if _CONTINUES_RE.search(prev) or (_NUMBER_NOUN_RE.search(prev) and nxt[:1].isdigit()):
        return True
    if ends_sentence:
        return False
    return 0.85 * width <= len(prev) <= 1.25 * width if width else False


def paragraph_style(lines: list[TextLine]) -> tuple[float | None, bool]:
    """(wrap width, double-spaced) of a document's logical ``lines``.

    Double-spaced: most text lines (≥ 60 %) are followed by a blank line
    *and* the text is hard-wrapped — a PDF conversion that puts a blank line
    after every line, where blank lines say nothing about paragraphs.
    """
    texts = [ln.text for ln in lines if ln.kind == "text"]
    width = wrap_width(texts)
    text_idx = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    followed_by_blank = sum(1 for i in text_idx if i + 1 < len(lines) and lines[i + 1].kind == "blank")
    double_spaced = bool(text_idx) and followed_by_blank >= 0.6 * len(text_idx) and width is not None
    return width, double_spaced


def assemble_paragraphs(lines: list[TextLine], width: float | None = None, double_spaced: bool = False) -> list[str]:
    """Join text lines of one stretch of a document into paragraphs.

    ``lines`` are "text" and "blank" logical lines (no table lines); ``width``
    and ``double_spaced`` describe the whole document (:func:`paragraph_style`).
    Lines are joined with a space when :func:`continues` says so; blank lines
    separate paragraphs unless the document is double-spaced; a
    ``hard_break`` line always starts a paragraph.
    """
    paragraphs: list[str] = []
    current: str | None = None
    current_last = ""
    blank_between = False
    for ln in lines:
        if ln.kind == "blank":
            blank_between = True
            continue
        if current is not None and not ln.hard_break and continues(
            current_last, ln.text, width, blank_between, not double_spaced
        ):
            current = f"{current} {ln.text}"
        else:
            if current is not None:
                paragraphs.append(current)
            current = ln.text
        current_last = ln.text
        blank_between = False
    if current is not None:
        paragraphs.append(current)
    return paragraphs


# ---------------------------------------------------------------------------
# the backend
# ---------------------------------------------------------------------------


def _table_block(rows: list[list[str]]) -> Block:
    return Block(kind="table", rows=rows, row_pages=[None] * len(rows))


def _pad_tables(blocks: list[Block]) -> None:
    """Pad the rows of each run of adjacent table blocks (page fragments of
    one table: only blank lines between them) to the run's widest row."""
    run: list[Block] = []
    for block in blocks + [Block(kind="paragraph")]:
        if block.kind == "table":
            run.append(block)
            continue
        width = max((len(r) for b in run for r in b.rows), default=0)
        for b in run:
            b.rows = [r + [""] * (width - len(r)) for r in b.rows]
        run = []


def _cell_line_table(
    rows: list[list[str]], lines: list[TextLine], i: int, in_flat: set[int]
) -> tuple[list[list[str]], int] | None:
    """A header row alone, its table written below it one cell per line
    (:mod:`ingest.cell_lines`): (rows, index after the table) or ``None``."""
    if len(rows) != 1 or i >= len(lines) or i in in_flat:
        return None
    texts = [ln.text if ln.kind == "text" else ("\t" if ln.kind == "table" else "") for ln in lines[i:]]
    table = rebuild_cell_lines([c for c in rows[0]], texts)
    if table is None or len(table.rows) < 2:
        return None
    return table.rows, i + table.end


def text_to_blocks(text: str) -> list[Block]:
    """Blocks of a decoded text (see the module docstring for the rules)."""
    lines = logical_lines(text)
    flat = find_flattened_tables([ln.text if ln.kind == "text" else ("\t\t" if ln.kind == "table" else "") for ln in lines])
    flat_at = {t.start: t for t in flat}
    in_flat = {i for t in flat for i in range(t.start, t.end)}
    width, double_spaced = paragraph_style([ln for i, ln in enumerate(lines) if i not in in_flat])
    blocks: list[Block] = []
    stretch: list[TextLine] = []

    def flush_text() -> None:
        for para in assemble_paragraphs(stretch, width, double_spaced):
            blocks.append(Block(kind="paragraph", text=para))
        stretch.clear()

    i = 0
    while i < len(lines):
        if i in flat_at:
            flush_text()
            table = flat_at[i]
            for fragment in table.fragments:
                if fragment:
                    blocks.append(_table_block(fragment))
            i = table.end
            continue
        ln = lines[i]
        if ln.kind == "table":
            flush_text()
            rows = []
            while i < len(lines) and lines[i].kind == "table":
                rows.append(lines[i].cells or [])
                i += 1
            below = _cell_line_table(rows, lines, i, in_flat)
            if below is not None:
                rows, i = below
            blocks.append(_table_block(rows))
            continue
        stretch.append(ln)
        i += 1
    flush_text()
    _pad_tables(blocks)
    return blocks


class TextBackend:
    """Loader for ``.txt`` and ``.md`` files (see the module docstring).

    ``load(path)`` returns a :class:`LoadedDocument` with ``has_pages`` False;
    raises :class:`CorruptFileError` when the bytes are not text in a known
    encoding and :class:`EmptyFileError` when there is no text.
    """

    def load(self, path: str) -> LoadedDocument:
        """Blocks of the text file at ``path`` (errors: see the class docstring)."""
        name = os.path.basename(path)
        with open(path, "rb") as fh:
            data = fh.read()
        if not data:
            raise EmptyFileError(name)
        text, encoding = decode_plan_text(data, name)
        blocks = text_to_blocks(text)
        if not blocks:
            raise EmptyFileError(name)
        return LoadedDocument(name=name, blocks=blocks, has_pages=False, encoding=encoding)
