"""Loaded blocks → logical lines: one line per paragraph of the source.

Backends emit one block per paragraph, but some sources break paragraphs
into several blocks: text conversions of PDFs keep the page's line wraps
("… xác định" / "rõ trách nhiệm …"), Word files sometimes split a sentence
over two paragraphs. :func:`logical_lines` rejoins such pieces with two rules
that only use the shape of the text:

1. *Lower-case continuation* — a block is joined to the previous one when
   it starts with a lower-case letter, carries no outline marker and the
   previous one does not end a sentence (``. ! ?``; a ``;``/``:``/``,`` end
   still joins) and is not in capitals (a title such as "QUYẾT ĐỊNH" stays
   apart from its subject line). Vietnamese paragraphs, headings and list items start with a
   capital or a marker, so a lower-case start means the line wrapped.
2. *Full-width continuation* — when rule 1 shows the document is wrapped
   at a fixed width (the 90th percentile of the wrapped lines' lengths,
   backed by at least :data:`MIN_WRAP_EVIDENCE` wraps within -20 %/+10 % of
   it), a block starting with a capital or "(" is also joined when the
   previous line reaches 85 % of that width, does not end a clause
   (``. ; : ! ? )``), is not a numbered heading and neither line is in
   capitals: a full line that stops mid-clause was wrapped
   ("… chính quyền phục vụ" / "Nhân dân, hoạt động …").

Table blocks become ``Line(is_table=True)`` placeholders so later rules know
where tables sit; page breaks are dropped (pages travel on the lines).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ingest.blocks import Block, LoadedDocument
from ingest.markers import parse_marker
from ingest.textnorm import clean_cell, is_caps

MIN_WRAP_EVIDENCE = 8
_ENDS_CLAUSE = ".;:!?"
_ENDS_SENTENCE = ".!?"


@dataclass
class Line:
    """One logical line: ``text`` (NFC, spaces collapsed), 1-based ``page`` or
    ``None``; ``is_table`` marks a table block (``rows`` holds its cells)."""

    text: str
    page: int | None = None
    is_table: bool = False
    rows: list[list[str]] = field(default_factory=list)


def _ends_clause(text: str) -> bool:
    return text.rstrip("*_ ")[-1:] in _ENDS_CLAUSE


def _starts_lower(text: str) -> bool:
    first = text.lstrip("*_ ")[:1]
    return first.isalpha() and first.islower()


def _wrap_width(texts: list[str]) -> float | None:
    """Typical full-line length (90th percentile of the lines that wrapped into
    a lower-case continuation), or ``None`` without enough evidence."""
    lengths = [
        len(prev)
        for prev, cur in zip(texts, texts[1:])
        if prev and cur and not _ends_clause(prev) and _starts_lower(cur)
        and parse_marker(cur) is None
    ]
    if len(lengths) < MIN_WRAP_EVIDENCE:
        return None
    width = statistics.quantiles(lengths, n=10)[-1]  # 90th percentile
    close = [n for n in lengths if 0.8 * width <= n <= 1.1 * width]
    return width if len(close) >= MIN_WRAP_EVIDENCE else None


def _continues(prev: str, cur: str, width: float | None) -> bool:
    if parse_marker(cur) is not None:
        return False
    end = prev.rstrip("*_ ")[-1:]
    if _starts_lower(cur):
        return end not in _ENDS_SENTENCE and not is_caps(prev)
    marker = parse_marker(prev)
    return (
        width is not None
        and end not in _ENDS_CLAUSE + ")"
        and (marker is None or not marker.is_heading)
        and len(prev) >= 0.85 * width
        and not is_caps(prev)
        and not is_caps(cur)
    )


def logical_lines(doc: LoadedDocument) -> list[Line]:
    """Return the document's logical lines in order (see module docstring).

    Paragraph blocks are cleaned with :func:`ingest.textnorm.clean_cell`
    (NFC, whitespace collapsed) and empty ones dropped; a joined line keeps
    the page of its first piece. Table blocks are kept as placeholders and
    never joined across.
    """
    blocks: list[Block] = doc.blocks
    texts = [clean_cell(b.text) or "" for b in blocks if b.kind == "paragraph"]
    width = _wrap_width([t for t in texts if t])
    out: list[Line] = []
    last_piece = ""  # the previous physical line, for the width rule
    for block in blocks:
        if block.kind == "table":
            page = block.page if block.page is not None else next(
                (p for p in block.row_pages if p is not None), None
            )
            out.append(Line("", page, True, block.rows))
            last_piece = ""
            continue
        if block.kind != "paragraph":
            continue
        text = clean_cell(block.text)
        if not text:
            continue
        prev = out[-1] if out else None
        if prev is not None and not prev.is_table and _continues(last_piece, text, width):
            prev.text = f"{prev.text} {text}"
        else:
            out.append(Line(text, block.page))
        last_piece = text
    return out
