"""Rebuild task tables that a PDF-to-text conversion wrote one cell per line.

Two source patterns, both after a header whose labels name the columns (a
pipe row ``| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |``,
possibly followed by label lines the conversion left outside it, such as
"Thời gian thực hiện"):

* **One cell per line** (ministry annexes)::

      1                                   ← row start: number alone
      Tổ chức tuyên truyền …              ← a title only: a group row
      a)                                  ← lettered item
      Tổ chức Hội nghị phổ biến …         ← content
      Cục Lâm nghiệp và Kiểm lâm          ← lead
      Vụ Pháp chế; các cơ quan …          ← coordinating
      Quý III, IV/2026                    ← deadline

  A row with fewer lines than cells has its lines placed in the columns
  they fit best (in order); a row with more lines has a cell wrapped over
  lines (a lower-case line, or one after a dangling end, continues the line
  above) when that gives one cell per column, else it was cut at a page break:
  the first lines are its cells, the rest continue, in order, the cells
  left unfinished ("…, Cục" / "Lâm nghiệp và Kiểm lâm", a lower-case start).

* **Scrambled blocks** (a PDF whose text layer runs column by column): the
  TT numbers come as one block, then the task cells, then the unit and
  deadline cells. The TT block gives the row count ``N``; the lines after it
  are grouped into cells (a lower-case line or one after a dangling end
  continues the cell above) and, when there are ``N`` cells per column,
  dealt out in the order that fits the columns best (column by column, row
  by row, or the content column first and the rest row by row).

Rows come out as lists of ``n`` strings, the header row first, group rows as
``[number, title, '', …]``; ``ingest.tables`` reads them like any table.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.cell_join import is_dangling, join_cell_lines
from ingest.columns import family_of
from ingest.lexicon import NAMELESS_HEADS, opens_cell
from ingest.textnorm import fold

_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_LETTER = re.compile(r"^([a-zđ])\s*\)$")
_ROMAN = re.compile(r"^([IVX]{1,5})\.?$")
_ROMAN_TITLE = re.compile(r"^([IVX]{1,5})[.)]\s+(\S.{0,120})$")
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_SENTENCE_END = re.compile(r"[.;!?…]$")
# lines that end a table: signature blocks, a new annex, a recipients list
_TABLE_END = re.compile(r"^(?:nơi nhận|tm\.|kt\.|t/m|phụ lục|ghi chú\s*:)", re.IGNORECASE)


@dataclass
class CellLineTable:
    """A rebuilt table: ``rows`` (header first) from ``lines[0:end]``."""

    rows: list[list[str]]
    end: int


def header_types(labels: list[str]) -> list[str] | None:
    """Column families of a header's labels, or ``None`` when it is not a task
    header (needs a content column, a number column and a lead or deadline
    column)."""
    types = [family_of(label) or "other" for label in labels]
    if "content" not in types or "number" not in types or not ({"lead", "deadline"} & set(types)):
        return None
    return types


def _is_label(line: str, types: list[str]) -> str | None:
    """The family of a short label line not yet in the header ("Thời gian thực hiện")."""
    if len(line) > 40 or _SENTENCE_END.search(line):
        return None
    family = family_of(line)
    return family if family and family not in types and family != "number" else None


def _row_start(line: str) -> tuple[str, str] | None:
    """("number" | "letter" | "roman", marker) for a line holding only a row marker."""
    for kind, rx in (("number", _NUMBER), ("letter", _LETTER), ("roman", _ROMAN)):
        m = rx.match(line)
        if m:
            return kind, line if kind == "letter" else m.group(1)
    return None


class _Sequence:
    """Running numbers and letters, so a stray "2027" or "c)" in a cell is not a row."""

    def __init__(self) -> None:
        self.number: list[int] | None = None
        self.letter: int | None = None

    def accepts(self, kind: str, marker: str) -> bool:
        if kind == "roman":
            return True
        if kind == "letter":
            k = _LETTERS.find(marker[0])
            return k == 0 if self.letter is None else k == self.letter + 1
        parts = [int(p) for p in marker.split(".")]
        if self.number is None:
            return parts[0] <= 2
        last = self.number
        if len(parts) == 1:
            return parts[0] in (last[0] + 1, 1)
        return parts[:-1] == last[: len(parts) - 1] and parts[-1] in (1, (last + [0])[len(parts) - 1] + 1)

    def take(self, kind: str, marker: str) -> None:
        if kind == "letter":
            self.letter = _LETTERS.find(marker[0])
        elif kind == "number":
            self.number = [int(p) for p in marker.split(".")]
            self.letter = None
        else:
            self.number, self.letter = None, None


def _fit(line: str, kind: str) -> float:
    """How well a line opens a cell of column family ``kind``."""
    low = line.lower()
    unit = bool(opens_cell(low, "unit", wide=True))
    deadline = bool(opens_cell(low, "deadline", wide=True)) and len(line) <= 60
    if kind == "deadline":
        return 2.0 if deadline else -2.0
    if kind in ("lead", "coordinating"):
        return 1.0 if unit else -1.0
    if kind == "product":
        return 1.0 if opens_cell(low, "product", wide=True) else 0.0
    if kind in ("content", "objective"):
        return -1.0 if (deadline or unit) else 0.5
    return 0.0


def _unfinished(cell: str) -> bool:
    """A cell that cannot end here: a dangling word, or a unit head word without its name ("…, Cục")."""
    words = cell.split()
    return is_dangling(cell) or (bool(words) and fold(words[-1]).strip(",;") in NAMELESS_HEADS)


def _place(lines: list[str], kinds: list[str]) -> list[str]:
    """Put fewer lines than columns into the columns (in order) they fit best."""
    best, best_score = None, float("-inf")
    for cols in itertools.combinations(range(len(kinds)), len(lines)):
        if lines and kinds[0] in ("content", "objective") and cols[0] != 0:
            continue
        score = sum(_fit(text, kinds[c]) for text, c in zip(lines, cols))
        if score > best_score:
            best, best_score = cols, score
    out = [""] * len(kinds)
    for text, col in zip(lines, best or ()):
        out[col] = text
    return out


def _continue(cells: list[list[str]], extra: list[str], kinds: list[str]) -> None:
    """Append the lines after a page break to the cells they continue (in order)."""
    best, best_score = None, float("-inf")
    for cols in itertools.combinations(range(len(kinds)), len(extra)):
        score = 0.0
        for text, col in zip(extra, cols):
            last = cells[col][-1] if cells[col] else ""
            score += 2.0 if _unfinished(last) else 0.0
            score += 1.0 if text[:1].islower() and kinds[col] in ("content", "objective") else 0.0
            score -= 0.0 if cells[col] else 1.0
            if kinds[col] == "deadline" and not opens_cell(text, "deadline", wide=True):
                score -= 2.0
        if score > best_score:
            best, best_score = cols, score
    for text, col in zip(extra, best or ()):
        cells[col].append(text)


def _record_cells(lines: list[str], kinds: list[str]) -> list[str]:
    """The data cells of one row from its lines (see the module docstring)."""
    m = len(kinds)
    if len(lines) <= m:
        return _place(lines, kinds) if len(lines) < m else list(lines)
    wrapped = _group_cells(lines)  # a cell wrapped over lines: "… các cơ quan" / "đảng của tỉnh"
    if len(wrapped) == m and all(_fit(text, kind) >= 0 for text, kind in zip(wrapped, kinds) if kind == "deadline"):
        return wrapped
    cells = [[text] for text in lines[:m]]
    extra = lines[m:]
    if len(extra) > m:
        return [join_cell_lines(c) for c in cells[:-1]] + [join_cell_lines(cells[-1] + extra)]
    _continue(cells, extra, kinds)
    return [join_cell_lines(c) for c in cells]


def _group_cells(lines: list[str]) -> list[str]:
    """Lines → cells: a lower-case line, or one after a dangling end, continues the cell above."""
    cells: list[list[str]] = []
    for text in lines:
        if cells and (text[:1].islower() or is_dangling(cells[-1][-1])):
            cells[-1].append(text)
        else:
            cells.append([text])
    return [join_cell_lines(c) for c in cells]


def _deal(cells: list[str], n_rows: int, kinds: list[str]) -> list[list[str]] | None:
    """Deal scrambled cells out to ``n_rows`` rows in the order that fits best."""
    m = len(kinds)
    if len(cells) != n_rows * m:
        return None
    orders = {
        "rows": [[cells[r * m + c] for c in range(m)] for r in range(n_rows)],
        "columns": [[cells[c * n_rows + r] for c in range(m)] for r in range(n_rows)],
    }
    rest = cells[n_rows:]
    orders["content first"] = [
        [cells[r]] + [rest[r * (m - 1) + c] for c in range(m - 1)] for r in range(n_rows)
    ]

    def score(rows: list[list[str]]) -> float:
        return sum(_fit(text, kinds[c]) for row in rows for c, text in enumerate(row))

    return max(orders.values(), key=score)


def _ends_table(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    caps_title = len(line.split()) >= 3 and len(letters) >= 10 and all(c.isupper() for c in letters)
    return caps_title or bool(_TABLE_END.match(line))


def rebuild(labels: list[str], lines: list[str], strict: bool = False) -> CellLineTable | None:
    """Rebuild the table under a header of ``labels`` from the text ``lines`` after it.

    ``lines`` are the document's text lines following the header ('' for a
    blank line, a line starting with a tab for a table line, which ends the
    table). Returns ``None`` when the labels are not a task header or the
    lines do not start with a row marker; otherwise the rows (header first)
    and how many lines they took. ``strict`` (used when the header was
    itself flattened into lines, so the cells may instead be wrapped over
    several lines each, see :mod:`ingest.flattened`) also asks that most
    rows hold exactly one line (or one wrapped run of lines) per cell, or
    that the blocks are scrambled.
    """
    types = header_types(labels)
    if types is None:
        return None
    labels = list(labels)
    i = 0
    while i < len(lines):  # label lines left outside the header row
        text = lines[i].strip()
        family = _is_label(text, types) if text else None
        if text and family is None:
            break
        if family:
            labels.append(text)
            types.append(family)
        i += 1
    num_col = types.index("number")
    kinds = [t for k, t in enumerate(types) if k != num_col]
    records: list[tuple[str, str, list[str]]] = []
    seq = _Sequence()
    end = i
    for j in range(i, len(lines)):
        text = lines[j].strip()
        if lines[j].startswith("\t"):
            break
        if not text:
            continue
        if _ends_table(text):
            break
        start = _row_start(text)
        titled = _ROMAN_TITLE.match(text)
        if titled and start is None and titled.group(2)[:1].isupper() and not _SENTENCE_END.search(text):
            seq.take("roman", titled.group(1))
            records.append(("roman", titled.group(1), [titled.group(2)]))
        elif start and seq.accepts(*start):
            seq.take(*start)
            records.append((start[0], start[1] if start[0] != "letter" else text, []))
        elif records:
            records[-1][2].append(text)
        else:
            return None
        end = j + 1
    if not records:
        return None
    header = (labels + [""] * len(types))[: len(types)]
    rows = [header]

    def row_of(number: str, cells: list[str]) -> list[str]:
        out = list(cells)
        out.insert(num_col, number)
        return out

    if len(records) >= 2 and all(not body for _, _, body in records[:-1]):
        # scrambled: the TT block first, every cell after it
        dealt = _deal(_group_cells(records[-1][2]), len(records), kinds)
        if dealt is None:
            return None
        rows += [row_of(number, cells) for (_, number, _), cells in zip(records, dealt)]
        return CellLineTable(rows, end)
    if strict:
        rows_with_cells = [body for kind, _, body in records if kind != "roman" and len(body) > 1]
        exact = sum(len(kinds) in (len(body), len(_group_cells(body))) for body in rows_with_cells)
        if not rows_with_cells or exact < 0.6 * len(rows_with_cells):
            return None
    for k, (kind, number, body) in enumerate(records):
        nxt = records[k + 1][0] if k + 1 < len(records) else None
        if kind == "roman" or (len(body) == 1 and kind == "number" and nxt == "letter"):
            rows.append(row_of(number, [" ".join(body)] + [""] * (len(kinds) - 1)))
            continue
        rows.append(row_of(number, _record_cells(body, kinds)))
    return CellLineTable(rows, end)
