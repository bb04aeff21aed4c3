"""Rebuild table rows from text where a PDF-to-text conversion flattened a table.

Source pattern (seed 004): every cell is broken over several short lines, one
cell after another, with no column separator at all::

    TT Nội dung nhiệm vụ          ← header labels, one (piece of a) label per line
    Cơ quan / chủ trì / Cơ quan / phối hợp / Thời gian / thực hiện/ / hoàn thành / Sản phẩm
    I. Chỉ đạo điều hành, kiểm tra và tuyên truyền      ← group row
    1                                                   ← row start: task number
    Ban hành Kế hoạch cải cách hành chính 6 tháng       ← content cell, line 1
    cuối năm 2025                                       ← content cell, line 2
    Phòng Văn / hóa – Xã hội                            ← lead cell
    Các phòng, ban, đơn / vị có liên quan               ← coordinating cell
    Trong tháng / 7/2025                                ← deadline cell
    Kế hoạch của / UBND xã                              ← product cell
     TT Nội dung nhiệm vụ …                             ← header repeated: page break

Steps, all driven by the structure of the genre rather than fixed strings:

1. **Header** (:func:`detect_header`): a run of short lines whose labels fall
   in keyword families — index (TT, STT), content (nội dung, nhiệm vụ, công
   việc, hoạt động), target (mục tiêu, chỉ tiêu), lead (chủ trì, đơn vị thực
   hiện), coordinating (phối hợp), deadline (thời gian, thời hạn, tiến độ,
   hoàn thành), product (sản phẩm, kết quả), note (ghi chú), budget (kinh phí)
   — in any order, followed by a row start. One column per family.
2. **Records**: the body is cut at row starts — a line holding only the next
   task number ("7", "2.3"), a number followed by capitalised text ("6 Kiểm
   tra cải cách hành chính"), or a short Roman-numbered group heading ("II.
   Cải cách thể chế"). Numbers must follow the running sequence (next number,
   one skipped, a restart at 1 after a group heading, a dotted child), so a
   year such as "2025" on its own line is not a row start. A repeat of the
   header lines is a page break: a new fragment starts, and lines before the
   next row start form a *continuation* record.
3. **Column widths** (:func:`learn_widths`), in :func:`visual_length` units,
   are first taken from *clear* records — those whose cell-start lines
   (capitalised, not after a dangling word) number exactly the cells needed
   and agree with the column vocabulary — then re-estimated from all cells of
   a first pass.
4. **Cells** of each record are found by a dynamic programme over the cut
   points between lines (and between a short leading phrase ending a deadline
   and a capitalised word on the same line, e.g. "Thường xuyên Văn bản thẩm
   định", where two narrow cells were glued). Every candidate cell is scored
   against its column (:class:`_Scorer`): width (a line wider than the column
   is unlikely; a break although the next word would have fitted suggests a
   new cell), case (cells start with a capital, digit or bullet; lines that
   continue a cell often start lower case), dangling ends ("của", "và", ",",
   ":", "Quý" before "III,IV/2025" continue), vocabulary by column type
   (deadline cells start with Quý/Tháng/Trước/Cả năm/Thường xuyên/…, unit cells
   with Phòng/Văn phòng/Trung tâm/Các/UBND/…, product cells with Kế hoạch/Báo
   cáo/Quyết định/…) and repetition (a second pass favours cell texts that
   occur at least twice in the same column, and penalises cutting one short).
   A column stays empty only when that scores better than filling it.
5. A record may hold several rows: a bullet line ("- Tối thiểu 20%…") in the
   content column, or more cells than one row holds, starts a sub-row whose
   first cell is ``''``. A continuation record after a page break fills the
   cells the row above left open (dangling end or full last line) when that
   fits better than reading it as a new sub-row.

Group rows are emitted as ``[heading, '', …]``. The header row opens every
fragment that starts with a (repeated) header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.cell_join import CONNECTORS as _CONNECTORS
from ingest.cell_join import is_dangling, join_cell_lines
from ingest.cell_join import last_word as _last_word
from ingest.columns import COLUMN_FAMILIES
from ingest.lexicon import opens_cell
from ingest.textnorm import fold

Cell = list[str]  # the physical lines of one cell
Row = list[Cell]
_State = tuple[int, int, bool, bool]  # (atom i, column index k, consumed, row0), see _segment
_Option = tuple[float, tuple | None, _State | None]  # (score, move, next state)

# ---------------------------------------------------------------------------
# vocabulary
# ---------------------------------------------------------------------------

# header families: the shared vocabulary of ingest.columns
_FAMILY_PATTERNS = COLUMN_FAMILIES

# cell-start vocabularies, matched on NFC lower-case text
_DEADLINE_WORD = re.compile(r"\b(?:quý|tháng|năm|thường xuyên|hàng|hằng|định kỳ|\d{4})\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# words that cannot end a cell: the phrase continues on the next line
# a time word (or "số") at a line end and a number or quarter numeral on the
# next line belong together: "năm" / "2025", "Quý" / "III,IV/2025", "số" / "120/2020"
_TIME_WORD_END = re.compile(r"\b(?:năm|tháng|quý|ngày|đoạn|kỳ|hạn|số)$", re.I)
_NUMBER_OR_QUARTER = re.compile(r"^(?:\d|[IVX]+\s*(?:[,/\-–]|$))")
_BULLET = re.compile(r"^[-+•–—]\s*\S")
_NUMBER_ONLY = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_NUMBER_TEXT = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$")
_GROUP = re.compile(r"^([IVXLC]{1,6})[.)]\s+(\S.*)$")
_NARROW = set(" .,;:()/-–'\"“”")

# scores, in log-odds-like units
_EMPTY_COST = {"content": -8.0, "objective": -4.0, "lead": -3.5, "coordinating": -1.5, "deadline": -3.0, "product": -3.0}
_EMPTY_OTHER = -1.5
_SUBROW_COST = -4.0
_BULLET_SUBROW_COST = -0.5
_EARLY_END_COST = -1.0
_LOWER_START = -5.0
_DANGLING_CUT = -3.0
_PUNCT_CUT = -2.0
_INLINE_CUT = -1.5
_FIT_FACTOR = 0.9
_ROOM_SLOPE = 8.0
_LEXICON_HIT = 1.0
_LEXICON_PREFIX = -2.0
_NEG = -1e9
_MAX_CELL_LINES = 30  # longer candidate cells are not considered

# column types when no header is given (the genre's usual order)
_DEFAULT_TYPES = ["number", "content", "lead", "coordinating", "deadline", "product"]


# ---------------------------------------------------------------------------
# small text helpers
# ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def visual_length(text: str) -> float:
    """Approximate printed width of ``text`` in average-letter units.

    Capitals are wider than lower-case letters, spaces and punctuation
    narrower (proportional fonts), so "HĐND" takes more room than "hành".
    """
    return sum(1.45 if c.isupper() else 0.55 if c in _NARROW else 1.0 for c in text)


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


def _starts_lower(text: str) -> bool:
    ch = text[:1]
    return ch.isalpha() and ch.islower()


def _is_deadline_start(text: str) -> bool:
    return opens_cell(text, "deadline", wide=True)


@lru_cache(maxsize=65536)
def _lexicon_key(text: str) -> str:
    return fold(text).strip(" ;,.")


# ---------------------------------------------------------------------------
# header
# ---------------------------------------------------------------------------


@dataclass
class Header:
    """A detected header: one ``labels``/``types`` entry per column.

    ``keys`` are the folded header lines, used to recognise repeats at page
    tops; ``size`` is the number of non-blank lines the header takes.
    """

    labels: list[str]
    types: list[str]
    keys: list[str]
    size: int


def _families(text: str) -> list[tuple[int, str]]:
    """(position, family) matches in folded ``text``, in order, no overlaps."""
    key = fold(text)
    found = sorted((m.start(), m.end(), fam) for fam, pat in _FAMILY_PATTERNS for m in pat.finditer(key))
    out: list[tuple[int, str]] = []
    last_end = -1
    for start, end, fam in found:
        if start >= last_end:
            out.append((start, fam))
            last_end = end
    return out


def _split_label(label: str) -> list[tuple[str, str | None]]:
    """Split a label holding several families ("TT Nội dung nhiệm vụ") before
    the capitalised word that opens each later family. Returns (text, family)
    pairs, family ``None`` when none matched."""
    fams = _families(label)
    if not fams:
        return [(label, None)]
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", label)]
    pieces: list[tuple[str, str | None]] = []
    start, current, prev = 0, fams[0][1], 0
    for pos, fam in fams[1:]:
        if fam == current:
            prev = pos
            continue
        cuts = [w for w, word in words if prev < w <= pos and word[:1].isupper()]
        cut = cuts[-1] if cuts else pos
        pieces.append((label[start:cut].strip(), current))
        start, current, prev = cut, fam, pos
    pieces.append((label[start:].strip(), current))
    return pieces


def detect_header(lines: list[str], start: int = 0, max_lines: int = 16) -> Header | None:
    """Recognise a flattened header beginning at ``lines[start]``.

    A header is a run of at most ``max_lines`` short lines (≤ 40 characters,
    blank lines skipped, none a list item or ending a sentence) whose labels
    cover at least three keyword families, content or target among them, and
    the TT/STT family or a fourth one, followed by a row start. A label line
    starting in lower case, or after a line ending in "/", "-" or ",",
    continues the label above ("Cơ quan" / "chủ trì"); a line matching no
    family joins the next one. Returns ``None`` when there is no such header.
    """
    collected: list[str] = []
    i, end = start, None
    while i < len(lines) and len(collected) < max_lines:
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        if collected and _row_start_kind(line) is not None:
            end = i - 1
            break
        if len(line) > 40 or "\t" in line or _BULLET.match(line) or line.endswith((".", ";")):
            return None  # header labels are short, and never list items or sentences
        collected.append(line)
    if end is None or not collected:
        return None
    labels: list[str] = []
    for line in collected:
        if labels and (line[:1].islower() or labels[-1].endswith(("/", "-", ","))):
            labels[-1] = f"{labels[-1]} {line}"
        else:
            labels.append(line)
    merged: list[list] = []
    pending = ""
    for label in labels:
        for text, fam in _split_label(label):
            if fam is None:
                pending = f"{pending} {text}".strip()
            elif merged and merged[-1][1] == fam and not pending:
                merged[-1][0] = f"{merged[-1][0]} {text}"
            else:
                merged.append([f"{pending} {text}".strip(), fam])
                pending = ""
    if pending and merged:
        merged[-1][0] = f"{merged[-1][0]} {pending}"
    types = [fam for _, fam in merged]
    families = set(types)
    if len(families) < 3 or not ({"content", "objective"} & families):
        return None
    if "number" not in families and len(families) < 4:
        return None  # without a TT/STT column, ask for more evidence
    return Header(
        labels=[re.sub(r"\s+", " ", text).strip() for text, _ in merged],
        types=types,
        keys=[fold(line) for line in collected],
        size=len(collected),
    )


def _header_repeat_length(lines: list[str], i: int, header: Header) -> int:
    """Lines (blank ones included) a repeat of ``header`` takes at ``lines[i]``;
    0 when there is none. The first two header lines must match, the rest
    match as far as they go."""
    k, j = 0, i
    while j < len(lines) and k < len(header.keys):
        line = lines[j].strip()
        if line and fold(line) != header.keys[k]:
            break
        k += bool(line)
        j += 1
    return j - i if k >= min(2, len(header.keys)) else 0


# ---------------------------------------------------------------------------
# records
# ---------------------------------------------------------------------------


@dataclass
class _Atom:
    text: str
    line_start: bool  # begins a physical line
    phys: int  # physical line number within the record


@dataclass
class _Record:
    kind: str  # "numbered" | "group" | "cont"
    number: str = ""
    head: str = ""  # group heading
    atoms: list[_Atom] = field(default_factory=list)
    fragment: int = 0


def _row_start_kind(line: str) -> tuple[str, str, str] | None:
    """("number", number, rest), ("group", numeral, line) or ``None``: the
    shape of a row start, before the sequence check."""
    line = line.strip()
    m = _NUMBER_ONLY.match(line)
    if m:
        return ("number", m.group(1), "")
    m = _NUMBER_TEXT.match(line)
    if m and m.group(2)[:1].isupper():
        return ("number", m.group(1), m.group(2))
    m = _GROUP.match(line)
    if m and len(line) <= 90 and m.group(2)[:1].isupper() and not line.endswith((".", ";")):
        return ("group", m.group(1), line)
    return None


class _Sequence:
    """Running task-number sequence, to tell task numbers from stray numbers."""

    def __init__(self) -> None:
        self.last: list[int] | None = None
        self.after_group = True

    def accepts(self, number: str) -> bool:
        parts = [int(p) for p in number.split(".")]
        if parts[0] == 0 or parts[0] > 500:
            return False
        if self.last is None:
            return parts[0] <= 2 or len(parts) > 1
        last = self.last
        if len(parts) == 1:
            return parts[0] in (last[0] + 1, last[0] + 2) or (parts[0] == 1 and self.after_group)
        if parts[:-1] == last[:-1] and parts[-1] in (last[-1] + 1, last[-1] + 2):
            return True  # next sibling "2.3" after "2.2"
        if parts[:-1] == last[: len(parts) - 1] and parts[-1] == 1:
            return True  # first child "2.1" after "2" or "2.3.1" after "2.3"
        return len(parts) == 2 and parts[1] == 1 and parts[0] in (last[0] + 1, 1)

    def take(self, number: str) -> None:
        self.last = [int(p) for p in number.split(".")]
        self.after_group = False


def _split_inline(text: str) -> list[str]:
    """Cut candidates inside one physical line: before a capitalised word
    (or number) among the first five words when the words before it end a
    deadline phrase or a number ("Thường xuyên | Văn bản thẩm định",
    "III,IV/2025 | Báo cáo của Phòng") — narrow cells glued on one line."""
    words = text.split()
    pieces: list[str] = []
    cur: list[str] = []
    for k, w in enumerate(words):
        if (
            cur
            and k <= 4
            and (w[:1].isupper() or w[:1].isdigit())
            and not is_dangling(" ".join(cur))
            and (_is_deadline_start(" ".join(cur)) or cur[-1][-1:].isdigit())
        ):
            pieces.append(" ".join(cur))
            cur = []
        cur.append(w)
    if cur:
        pieces.append(" ".join(cur))
    return pieces


def _records(lines: list[str], header: Header | None) -> tuple[list[_Record], int]:
    """Cut body ``lines`` into records; returns (records, number of fragments)."""
    records: list[_Record] = []
    seq = _Sequence()
    fragment = 0
    current: _Record | None = None
    phys = 0
    i = 0
    while i < len(lines):
        line = re.sub(r"\s+", " ", lines[i]).strip()
        if not line:
            i += 1
            continue
        repeat = _header_repeat_length(lines, i, header) if header else 0
        if repeat:
            fragment += 1
            current = None
            i += repeat
            continue
        i += 1
        kind = _row_start_kind(line)
        if kind and kind[0] == "number" and seq.accepts(kind[1]):
            seq.take(kind[1])
            current = _Record("numbered", number=kind[1], fragment=fragment)
            records.append(current)
            phys = 0
            if kind[2]:
                current.atoms.append(_Atom(kind[2], True, 0))
                phys = 1
            continue
        if kind and kind[0] == "group":
            seq.after_group = True
            current = _Record("group", head=line, fragment=fragment)
            records.append(current)
            phys = 1
            continue
        if current is None:
            current = _Record("cont", fragment=fragment)
            records.append(current)
            phys = 0
        for k, piece in enumerate(_split_inline(line)):
            current.atoms.append(_Atom(piece, k == 0, phys))
        phys += 1
    return records, fragment + 1


def _cell_lines(atoms: list[_Atom]) -> Cell:
    """The physical lines of a run of atoms."""
    lines: Cell = []
    last_phys = None
    for a in atoms:
        if lines and a.phys == last_phys:
            lines[-1] = f"{lines[-1]} {a.text}"
        else:
            lines.append(a.text)
        last_phys = a.phys
    return lines


# ---------------------------------------------------------------------------
# cell scoring
# ---------------------------------------------------------------------------


class _Scorer:
    """Scores candidate cells against the column model of one table.

    ``types``: column types; ``widths``: column → width in
    :func:`visual_length` units; ``loose``: columns whose width is only a
    lower bound; ``lexicon``: column → folded cell texts seen twice or more.
    """

    def __init__(
        self,
        types: list[str],
        widths: dict[int, float] | None = None,
        loose: set[int] | None = None,
        lexicon: dict[int, set[str]] | None = None,
    ):
        self.types = types
        self.widths = widths or {}
        self.loose = loose or set()
        self.lexicon = lexicon or {}

    def empty(self, col: int) -> float:
        return _EMPTY_COST.get(self.types[col], _EMPTY_OTHER)

    def cell(self, col: int, lines: Cell, continuing: bool = False) -> float:
        """Score ``lines`` as one cell of column ``col``; ``continuing`` marks
        the rest of a cell cut at a page break (a lower-case start is then
        expected, and the vocabulary is not checked)."""
        kind = self.types[col]
        width = self.widths.get(col)
        first = lines[0]
        score = 0.0
        if _starts_lower(first):
            score += 0.5 if continuing else _LOWER_START
        elif not continuing:
            score += self._vocabulary(kind, first, " ".join(lines))
        if width:
            # once per cell: the widest line decides (widths are estimates)
            tol = 0.5 * width if col in self.loose else max(1.5, 0.12 * width)
            excess = max(visual_length(line) for line in lines) - width
            if excess > tol:
                score -= 1.0 + 3.0 * excess / width
        for a, b in zip(lines, lines[1:]):
            if kind in ("content", "objective") and _BULLET.match(b):
                return _NEG  # a bullet in the content column starts a sub-row
            score += self._line_break(width, a, b)
            if _starts_lower(b) or b[:1].isdigit() or not _is_deadline_start(b):
                continue
            if kind != "deadline":
                score -= 1.0  # a capitalised deadline word: the deadline cell began
            elif not _is_deadline_start(first) and not is_dangling(a):
                score -= 1.5  # the deadline proper starts on this inner line
        if self.lexicon.get(col) and _lexicon_key(join_cell_lines(lines)) in self.lexicon[col]:
            score += _LEXICON_HIT
        return score

    @staticmethod
    @lru_cache(maxsize=65536)
    def _line_break(width: float | None, a: str, b: str) -> float:
        """Score a line break from ``a`` to ``b`` inside one cell.

        A break is expected when the next word would not have fitted on ``a``
        (``fill`` ≥ 0.9 of the width); the more room was left, the likelier
        ``b`` starts a new cell. A lower-case or dangling continuation is
        otherwise a small plus, a capitalised one a small minus.
        """
        fill = visual_length(f"{a} {_first_word(b)}") / width if width else 1.5
        room = -_ROOM_SLOPE * (_FIT_FACTOR - fill) if fill < _FIT_FACTOR else 0.0
        if _starts_lower(b) or is_dangling(a) or b[:1] in "()":
            return room if room else 0.3
        return room + (-0.2 if fill >= 1.05 else -0.5)

    @staticmethod
    def _vocabulary(kind: str, first: str, text: str) -> float:
        """Evidence that a cell starting with ``first`` (whole ``text``)
        belongs to a column of type ``kind``."""
        low = first.lower()
        deadline = _is_deadline_start(first)
        if kind == "deadline":
            if deadline:
                return 1.5
            return -0.5 if _DEADLINE_WORD.search(text) else -2.5
        if kind in ("lead", "coordinating"):
            score = 1.0 if opens_cell(low, "unit", wide=True) else -2.0
            return score - 1.5 if _YEAR.search(text) else score  # units carry no years
        if kind == "product":
            if opens_cell(low, "product", wide=True):
                return 1.0
            return -2.0 if deadline else 0.0
        if kind in ("content", "objective"):
            return -0.5 if deadline and not low[:1].isdigit() else 0.0
        return 0.0


def _cut_cost(atoms: list[_Atom], j: int) -> float:
    """Cost of a cell boundary between ``atoms[j-1]`` and ``atoms[j]``."""
    prev = atoms[j - 1].text
    cost = 0.0
    if _last_word(prev) in _CONNECTORS:
        cost += _DANGLING_CUT
    elif is_dangling(prev):
        cost += _PUNCT_CUT
    elif _TIME_WORD_END.search(prev.rstrip(" :")) and _NUMBER_OR_QUARTER.match(atoms[j].text):
        cost += _DANGLING_CUT
    if not atoms[j].line_start:
        cost += _INLINE_CUT
    return cost


# ---------------------------------------------------------------------------
# the dynamic programme
# ---------------------------------------------------------------------------


def _segment(
    atoms: list[_Atom],
    scorer: _Scorer,
    n: int,
    first_row: str = "new",
    open_cols: dict[int, bool] | None = None,
) -> tuple[float, list[Row]]:
    """Best split of ``atoms`` into rows of cells for columns 1..n-1.

    ``first_row``: "new" (a numbered row: starts at the content column),
    "subrow" (an unnumbered sub-row: pays the sub-row cost) or "cont" (the
    rest of the row above, cut at a page break: only ``open_cols`` may be
    filled, see :func:`_open_columns`; a weakly open cell must go on in
    lower case). Returns (score, rows of n-1 cells, each a list of lines).
    """
    open_cols = open_cols or {}
    m = len(atoms)
    cuts = [0.0] + [_cut_cost(atoms, j) for j in range(1, m)] + [0.0]
    cols = list(range(1, n))
    last = len(cols)

    def subrow_cost(i: int) -> float:
        bullet = atoms[i].line_start and _BULLET.match(atoms[i].text)
        return _BULLET_SUBROW_COST if bullet else _SUBROW_COST

    @lru_cache(maxsize=None)
    def cell(k: int, i: int, j: int, cont: bool) -> float:
        lines = _cell_lines(atoms[i:j])
        score = scorer.cell(cols[k], lines, continuing=cont)
        if cont and not open_cols.get(cols[k]) and not _starts_lower(lines[0]):
            score -= 2.0  # only a sign of a cut: a capitalised line is a new cell
        known = scorer.lexicon.get(cols[k])
        if j < m and known and score > _NEG / 2:
            # a cell text known from other rows goes on past j: do not cut it short
            here = _lexicon_key(join_cell_lines(lines))
            ahead = _lexicon_key(join_cell_lines(_cell_lines(atoms[i : min(m, j + 8)])))
            if any(len(t) > len(here) and t.startswith(here + " ") and ahead.startswith(t) for t in known):
                score += _LEXICON_PREFIX
        return score

    # best[(i, k, consumed, row0)] = (score, move, next state): the best way
    # to place atoms[i:] when column index k is next; ``consumed``: the row
    # being filled has a cell already; ``row0``: it is the record's first row.
    # Filled from the end (i descending, k descending); a new row goes back to
    # k = 0 at the same i, which needs only states with consumed = False.
    best: dict[_State, _Option] = {}
    for i in range(m, -1, -1):
        for consumed in (False, True):
            for row0 in (True, False):
                for k in range(last, -1, -1):
                    best[(i, k, consumed, row0)] = _best_option(
                        best, i, k, consumed, row0, m, last, cols, atoms, scorer, first_row, open_cols, cuts,
                        cell, subrow_cost,
                    )
    score, moves = 0.0, []
    start: _State = (0, 0, False, True)
    score = best[start][0]
    state: _State | None = start
    while state is not None:
        _, move, state = best[state]
        if move is not None:
            moves.append(move)
    if first_row == "subrow" and atoms:
        score += subrow_cost(0)
    rows: list[Row] = [[[] for _ in cols]]
    for move in moves:
        if move[0] == "row":
            rows.append([[] for _ in cols])
        else:
            _, k, i, j = move
            rows[-1][k] = _cell_lines(atoms[i:j])
    return score, rows


def _best_option(
    best: dict[_State, _Option], i: int, k: int, consumed: bool, row0: bool, m: int, last: int, cols: list[int],
    atoms: list[_Atom], scorer: _Scorer, first_row: str, open_cols: dict[int, bool], cuts: list[float],
    cell: Callable[[int, int, int, bool], float], subrow_cost: Callable[[int], float],
) -> _Option:
    """One step of :func:`_segment`'s programme: the best (score, move, next
    state) from state (i, k, consumed, row0), given the later states."""
    if k == last:
        if i == m:
            return (0.0, None, None)
        if not consumed:
            return (_NEG, None, None)
        nxt: _State = (i, 0, False, False)
        return (best[nxt][0] + subrow_cost(i), ("row",), nxt)
    col = cols[k]
    cont = row0 and first_row == "cont"
    # leave the column empty
    if cont:
        empty = 0.0 if col not in open_cols else -0.5
    else:
        empty = scorer.empty(col)
    nxt = (i, k + 1, consumed, row0)
    options: list[_Option] = [(best[nxt][0] + empty, None, nxt)]
    # end the row early before a bullet sub-row (its other cells empty)
    if consumed and i < m and k >= 1 and atoms[i].line_start and _BULLET.match(atoms[i].text):
        nxt = (i, 0, False, False)
        options.append((best[nxt][0] + _EARLY_END_COST + _BULLET_SUBROW_COST, ("row",), nxt))
    if i < m and (not cont or col in open_cols):
        for j in range(i + 1, min(m, i + _MAX_CELL_LINES) + 1):
            c = cell(k, i, j, cont)
            if c <= _NEG / 2:
                break
            nxt = (j, k + 1, True, row0)
            options.append((c + cuts[j] + best[nxt][0], ("cell", k, i, j), nxt))
    return max(options, key=lambda o: o[0])


def _open_columns(row: Row, widths: dict[int, float], lower_follows: bool) -> dict[int, bool]:
    """Columns of ``row`` (index cell first) whose cell looks cut off by the
    page break, mapped to True when the cut is certain: a dangling end
    ("của", ","); False for a weaker sign — when the next page has a line in
    lower case (``lower_follows``), a last line filling ≥ 90 % of the column
    that does not end a sentence or a number."""
    out: dict[int, bool] = {}
    for col in range(1, len(row)):
        lines = row[col]
        if not lines:
            continue
        last = lines[-1].rstrip()
        width = widths.get(col)
        full = visual_length(last) >= 0.9 * width if width else False
        if is_dangling(last):
            out[col] = True
        elif lower_follows and full and not re.search(r"[.;!?)\d]$", last):
            out[col] = False
    return out


def _rows_of(records: list[_Record], n: int, scorer: _Scorer, n_frag: int) -> list[list[Row]]:
    """Run the DP over all records; rows (cells as line lists) per fragment."""
    fragments: list[list[Row]] = [[] for _ in range(max(n_frag, 1))]
    prev: Row | None = None
    for rec in records:
        out: list[Row] = []
        if rec.kind == "group":
            head = [rec.head]
            atoms = list(rec.atoms)
            while atoms and _starts_lower(atoms[0].text):
                head.append(atoms.pop(0).text)
            out.append([head] + [[] for _ in range(n - 1)])
            if atoms:
                out.extend([[]] + r for r in _segment(atoms, scorer, n, "subrow")[1])
        elif rec.kind == "numbered":
            rows = _segment(rec.atoms, scorer, n, "new")[1] if rec.atoms else [[[] for _ in range(n - 1)]]
            out.append([[rec.number]] + rows[0])
            out.extend([[]] + r for r in rows[1:])
        elif rec.atoms:
            options = [_segment(rec.atoms, scorer, n, "subrow")]
            lower = any(_starts_lower(a.text) for a in rec.atoms)
            open_cols = _open_columns(prev, scorer.widths, lower) if prev else {}
            if open_cols:
                options.append(_segment(rec.atoms, scorer, n, "cont", open_cols))
            out.extend([[]] + r for r in max(options, key=lambda o: o[0])[1])
        if out:
            prev = out[-1]
        fragments[min(rec.fragment, len(fragments) - 1)].extend(out)
    return [frag for frag in fragments if frag]


# ---------------------------------------------------------------------------
# widths and repetition
# ---------------------------------------------------------------------------


def _unambiguous_split(atoms: list[_Atom], cells: int) -> list[Cell] | None:
    """Split a record at its cell-start lines when there are exactly ``cells``.

    A cell-start line begins with a capital, digit or bullet and does not
    follow a dangling line. Returns the cells' lines or ``None``.
    """
    phys = _cell_lines(atoms)
    if not phys or _starts_lower(phys[0]):
        return None
    starts = [0] + [
        k for k in range(1, len(phys))
        if not _starts_lower(phys[k]) and not is_dangling(phys[k - 1]) and phys[k][:1] not in "()"
    ]
    if len(starts) != cells:
        return None
    bounds = starts + [len(phys)]
    return [phys[bounds[c] : bounds[c + 1]] for c in range(cells)]


def _consistent(split: list[Cell], types: list[str]) -> bool:
    """The first lines of a split agree with the column types' vocabulary."""
    for lines, kind in zip(split, types):
        deadline = _is_deadline_start(lines[0])
        if (kind == "deadline") != deadline and kind in ("deadline", "lead", "coordinating", "product"):
            return False
    return True


def _clear_splits(records: list[_Record], types: list[str]) -> list[list[Cell]]:
    """Splits of the numbered records that are unambiguous and consistent."""
    out = []
    for rec in records:
        if rec.kind == "numbered":
            split = _unambiguous_split(rec.atoms, len(types) - 1)
            if split and _consistent(split, types[1:]):
                out.append(split)
    return out


def learn_widths(rows: list[list[Cell]], n: int) -> tuple[dict[int, float], set[int]]:
    """Column widths from rows of cells (index cell first, cells as lines).

    Returns (widths, loose): per column 1..n-1 the widest line, in
    :func:`visual_length` units, and the columns where no cell wrapped over
    two lines — there the widest line is only a lower bound of the width
    (short cells such as "Kế hoạch" say little about the column).
    """
    widths: dict[int, float] = {}
    wrapped: set[int] = set()
    for row in rows:
        for col in range(1, min(n, len(row))):
            lines = row[col]
            if lines:
                widths[col] = max(widths.get(col, 0.0), max(visual_length(line) for line in lines))
                if len(lines) > 1:
                    wrapped.add(col)
    return widths, set(widths) - wrapped


def _robust_widths(rows: list[Row], n: int, floor: dict[int, float]) -> dict[int, float]:
    """Widths re-estimated from a first pass: per column the 90th percentile
    of its line widths, never below the clear records' widths ``floor``."""
    out = dict(floor)
    for col in range(1, n):
        lengths = sorted(visual_length(line) for row in rows if len(row) > col for line in row[col])
        if len(lengths) >= 5:
            out[col] = max(floor.get(col, 0.0), lengths[int(0.9 * (len(lengths) - 1))])
    return out


def _lexicon_from(rows: list[Row], types: list[str]) -> dict[int, set[str]]:
    """Cell texts seen at least twice per column (unit columns pooled):
    tables repeat unit names, deadlines and products."""
    counts: dict[str, Counter] = {}
    group = {col: "unit" if kind in ("lead", "coordinating") else str(col) for col, kind in enumerate(types)}
    for row in rows:
        if not row[0] or not row[0][0][:1].isdigit():
            continue
        for col in range(1, min(len(row), len(types))):
            if types[col] not in ("content", "objective") and row[col]:
                counts.setdefault(group[col], Counter())[_lexicon_key(join_cell_lines(row[col]))] += 1
    out: dict[int, set[str]] = {}
    for col in range(1, len(types)):
        counter = counts.get(group[col])
        if counter:
            out[col] = {text for text, c in counter.items() if c >= 2 and text}
    return out


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------


def rebuild_fragments(lines: list[str], n_columns: int | None = None) -> list[list[list[str]]]:
    """Rebuild a flattened table into per-page fragments of rows.

    ``lines``: the table's text lines, header first (blank lines ignored).
    The header is found with :func:`detect_header`; ``n_columns`` overrides
    its column count and is required when ``lines`` do not start with a
    header (column types then follow the usual order TT, content, lead,
    coordinating, deadline, product). Returns one list of rows per page
    (split at repeated headers); every row has exactly ``n`` string cells,
    ``''`` when empty; the header row opens every fragment that starts with a
    header. Raises ``ValueError`` without a header or ``n_columns``.
    """
    header = detect_header(lines, 0)
    if header is None and not n_columns:
        raise ValueError("no table header found and no column count given")
    if n_columns:
        n = n_columns
    else:
        assert header is not None  # raised above otherwise
        n = len(header.types)
    if header is not None:
        types = (header.types + ["other"] * n)[:n]
        body = lines[_skip_lines(lines, header.size):]
    else:
        types = (_DEFAULT_TYPES + ["other"] * n)[:n]
        body = lines
    records, n_frag = _records(body, header)
    clear: list[Row] = [[[]] + split for split in _clear_splits(records, types)]
    widths, loose = learn_widths(clear, n)
    if len(clear) < 3:  # too little evidence: learn from a pass without widths
        loose = set(range(1, n))
        widths = _robust_widths([r for f in _rows_of(records, n, _Scorer(types), n_frag) for r in f], n, {})
    first = [r for f in _rows_of(records, n, _Scorer(types, widths, loose), n_frag) for r in f]
    widths = _robust_widths(first, n, widths)
    scorer = _Scorer(types, widths, loose - _wrapped_columns(first, n), _lexicon_from(first, types))
    fragments = [[[join_cell_lines(cell) for cell in row] for row in frag] for frag in _rows_of(records, n, scorer, n_frag)]
    if header is not None:
        header_row = (header.labels + [""] * n)[:n]
        fragments = fragments or [[]]
        for frag in fragments:
            frag.insert(0, list(header_row))
    return fragments


def rebuild_rows(lines: list[str], n_columns: int | None = None) -> list[list[str]]:
    """Rows of a flattened table (header row first), all fragments in order.

    Same input and errors as :func:`rebuild_fragments`; the page breaks are
    not marked here except by the repeated header rows.
    """
    return [row for frag in rebuild_fragments(lines, n_columns) for row in frag]


def _wrapped_columns(rows: list[Row], n: int) -> set[int]:
    return {col for row in rows for col in range(1, min(n, len(row))) if len(row[col]) > 1}


def _skip_lines(lines: list[str], count: int) -> int:
    """Index just after the first ``count`` non-blank lines."""
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen == count:
                return i + 1
    return len(lines)


@dataclass
class FlatTable:
    """A flattened table found in a document: ``lines[start:end]`` rebuilt
    into ``fragments`` (see :func:`rebuild_fragments`)."""

    start: int
    end: int
    fragments: list[list[list[str]]]


def find_flattened_tables(lines: list[str]) -> list[FlatTable]:
    """Find and rebuild every flattened table in a document's ``lines``.

    A table whose rows hold one line per cell (or come in scrambled blocks)
    is rebuilt by :func:`ingest.cell_lines.rebuild` instead.

    A table starts at a header (:func:`detect_header`) and runs to the end of
    the lines, to a tab-separated or pipe line, or to a line that cannot be in
    a cell: an all-capital line of three or more words that is not a header
    repeat, or a line more than 1.4 × longer than the longest line of the
    table's first five records. Returns the tables in document order.
    """
    tables: list[FlatTable] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        header = None
        if line and len(line) <= 40 and "\t" not in lines[i] and _families(line):
            header = detect_header(lines, i)
        if header is None:
            i += 1
            continue
        from ingest.cell_lines import (
            rebuild as rebuild_cell_lines,  # it reuses this module's vocabulary
        )

        body = i + _skip_lines(lines[i:], header.size)
        one_per_line = rebuild_cell_lines(header.labels, lines[body:], strict=True)
        if one_per_line is not None:
            tables.append(FlatTable(i, body + one_per_line.end, [one_per_line.rows]))
            i = body + one_per_line.end
            continue
        end = _table_end(lines, i, header)
        tables.append(FlatTable(i, end, rebuild_fragments(lines[i:end])))
        i = end
    return tables


def _is_title_line(line: str) -> bool:
    """An all-capital line of three or more words ("TM. ỦY BAN NHÂN DÂN")."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    letters = [c for c in line if c.isalpha()]
    return len(words) >= 3 and len(letters) >= 10 and all(c.isupper() for c in letters)


def _table_end(lines: list[str], start: int, header: Header) -> int:
    body = start + _skip_lines(lines[start:], header.size)
    rows_seen = 0
    longest = 0
    for j in range(body, len(lines)):
        raw = lines[j]
        line = raw.strip()
        if not line:
            continue
        if "\t" in raw or line.startswith("|"):
            return j
        if _row_start_kind(line) is not None:
            rows_seen += 1
            continue
        if _is_title_line(line) and fold(line) not in header.keys:
            return j
        if rows_seen <= 5:
            longest = max(longest, len(line))
        elif longest and len(line) > 1.4 * longest:
            return j
    return len(lines)


__all__ = [
    "FlatTable",
    "Header",
    "detect_header",
    "find_flattened_tables",
    "is_dangling",
    "join_cell_lines",
    "learn_widths",
    "rebuild_fragments",
    "rebuild_rows",
    "visual_length",
]
