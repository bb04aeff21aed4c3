"""Split a plan's logical lines into its parts: cover, title, body, annexes.

The genre's order is fixed::

    [cover]   letterhead, and often the issuing decision (QUYẾT ĐỊNH …,
              Căn cứ …, Điều 1 …, Nơi nhận, signature)
    [title]   "KẾ HOẠCH" (or CHƯƠNG TRÌNH / ĐỀ ÁN) in capitals, then the
              subject line(s) "Cải cách hành chính … năm 2026"
    [note]    "(Kèm theo Quyết định số … ngày … của …)"
    [body]    preamble, then the numbered outline I. / 1. / a) …
    [annexes] "Phụ lục" / "PHỤ LỤC I" heading, caption lines, task table

Rules:

* The title is the first line before the first roman or part heading
  ("Phần I", "A. ĐÁNH GIÁ …", see :func:`ingest.markers.parse_part`) starting with
  the plan type in capitals ("KẾ HOẠCH", also glued to its subject:
  "KẾ HOẠCHCải cách …"). Up to three
  following lines are the subject while they carry no marker, do not open
  with "(" or "Căn cứ", do not end with ``. ; :`` and stay under 160
  characters (a first subject line rejoined from several, up to 320, is the
  whole subject). A "(… kèm theo …)" line after them is the note; it runs on
  while its parentheses are open or the next short line closes one.
* Without a title line, the body starts at the first roman or part heading and what
  comes before it is cover.
* The first annex starts at a short line (≤ 150 chars, not ending with
  ``.``/``;``) opening with "Phụ lục"/"PHỤ LỤC" after the body has started; failing that, at the first
  table of four or more columns after the body's first heading. Each further
  "Phụ lục" line starts another annex.
* Small tables (≤ 4 rows, ≤ 3 columns) outside the annexes are letterhead or
  signature layouts; their cells are kept in ``furniture_cells`` for the
  metadata rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lines import Line
from ingest.markers import parse_marker
from ingest.textnorm import fold

PLAN_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN")
_MAX_SUBJECT_LINES = 3


@dataclass
class Parts:
    """The parts of a plan, each a list of :class:`ingest.lines.Line`.

    ``plan_type`` is the title word as written ("KẾ HOẠCH") or ``None``;
    ``subject`` the subject lines; ``note`` the attachment-note lines;
    ``annexes`` one list per annex, its heading line first.
    """

    cover: list[Line] = field(default_factory=list)
    plan_type: str | None = None
    subject: list[Line] = field(default_factory=list)
    note: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    annexes: list[list[Line]] = field(default_factory=list)
    furniture_cells: list[Line] = field(default_factory=list)


def _title_type(text: str) -> tuple[str, str] | None:
    """("KẾ HOẠCH", remainder) when ``text`` opens with a capitalised plan type."""
    stripped = text.strip("*_# ")
    for kind in PLAN_TYPES:
        if not stripped.startswith(kind):
            continue
        rest = stripped[len(kind):]
        nxt = rest[:1]
        if not nxt or not nxt.isalpha() or any(c.islower() for c in rest):
            return kind, rest.strip(" :*_")
    return None


def is_annex_heading(text: str) -> bool:
    """A short heading line opening with "Phụ lục" ("PHỤ LỤC", "Phụ lục 01",
    "PHỤ LỤC II"), not a sentence that merely starts with the word."""
    key = fold(text.strip("*_# "))
    return (
        len(text) <= 150
        and text.rstrip("*_ ")[-1:] not in ".;"
        and re.match(r"^phu luc\b", key) is not None
    )


_MAX_SUBJECT_CHARS = 160
_MAX_JOINED_SUBJECT_CHARS = 320


def _is_subject(text: str, first: bool = False) -> bool:
    """A subject line: no marker, not a note or legal basis, no sentence end,
    at most 160 characters — or, for the first line, up to 320 when the
    subject's lines were rejoined into one ("Triển khai thực hiện Chỉ thị số
    11-CT/TU ngày … / của Ban Thường vụ Tỉnh ủy … / công tác … tỉnh Lào Cai")."""
    return (
        parse_marker(text) is None
        and not text.startswith("(")
        and not fold(text).startswith("can cu")
        and not is_annex_heading(text)
        and text.rstrip("*_ ")[-1:] not in ".;:"
        and len(text) <= (_MAX_JOINED_SUBJECT_CHARS if first else _MAX_SUBJECT_CHARS)
    )


def _take_note(lines: list[Line], i: int) -> int:
    """Index after the attachment note that starts at ``lines[i]`` (or ``i``)."""
    if i >= len(lines) or lines[i].is_table or not lines[i].text.startswith("("):
        return i
    if "kem theo" not in fold(lines[i].text):
        return i
    depth = lines[i].text.count("(") - lines[i].text.count(")")
    i += 1
    while i < len(lines) and not lines[i].is_table:
        text = lines[i].text
        closes = text.count(")") > text.count("(")
        if depth > 0 or (closes and len(text) <= 150 and parse_marker(text) is None):
            depth += text.count("(") - text.count(")")
            i += 1
            continue
        break
    return i


def _is_small_table(line: Line) -> bool:
    return line.is_table and len(line.rows) <= 4 and max((len(r) for r in line.rows), default=0) <= 3


def _cells(line: Line) -> list[Line]:
    return [Line(c, line.page) for row in line.rows for c in row if c and c.strip()]


def split_parts(lines: list[Line]) -> Parts:
    """Split ``lines`` (from :func:`ingest.lines.logical_lines`) into :class:`Parts`."""
    parts = Parts()
    first_roman = next(
        (i for i, ln in enumerate(lines)
         if not ln.is_table and (m := parse_marker(ln.text)) and m.kind in ("roman", "part")),
        len(lines),
    )
    start = next((i for i, ln in enumerate(lines[:first_roman])
                  if not ln.is_table and _title_type(ln.text)), None)
    if start is None:
        parts.cover, body_start = lines[:first_roman], first_roman
    else:
        parts.cover = lines[:start]
        title = _title_type(lines[start].text)
        assert title is not None  # ``start`` is the first line with a title type
        parts.plan_type, rest = title
        i = start + 1
        if rest:
            if rest.isupper() and len(rest.split()) <= 3:
                rest = rest.lower()  # "CHƯƠNG TRÌNH HÀNH ĐỘNG" → "Chương trình hành động"
            parts.subject.append(Line(rest, lines[start].page))
        while (i < len(lines) and len(parts.subject) < _MAX_SUBJECT_LINES
               and not lines[i].is_table and _is_subject(lines[i].text, first=not parts.subject)):
            parts.subject.append(lines[i])
            i += 1
            if len(lines[i - 1].text) > _MAX_SUBJECT_CHARS:
                break  # a rejoined subject is the whole subject
        end = _take_note(lines, i)
        parts.note, body_start = lines[i:end], end

    annex_starts = [i for i in range(body_start, len(lines))
                    if not lines[i].is_table and is_annex_heading(lines[i].text)]
    if not annex_starts:
        first_heading = next(
            (i for i in range(body_start, len(lines))
             if not lines[i].is_table and (m := parse_marker(lines[i].text)) and m.is_heading),
            len(lines),
        )
        wide = next(
            (i for i in range(first_heading, len(lines))
             if lines[i].is_table and max((len(r) for r in lines[i].rows), default=0) >= 4),
            None,
        )
        annex_starts = [wide] if wide is not None else []
    body_end = annex_starts[0] if annex_starts else len(lines)
    parts.body = lines[body_start:body_end]
    for k, a in enumerate(annex_starts):
        b = annex_starts[k + 1] if k + 1 < len(annex_starts) else len(lines)
        parts.annexes.append(lines[a:b])

    for line in parts.cover + parts.body:
        if _is_small_table(line):
            parts.furniture_cells.extend(_cells(line))
    return parts
