"""Rebuild table rows from text where a PDF-to-text conversion flattened a table.

Source pattern (seed 004): every table cell is broken over several short lines,
one cell after another, with no column separator at all::

    TT Nội dung nhiệm vụ          ← header labels, one (part of a) label per line
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

Steps (all driven by the structure of the genre, not by fixed strings):

1. **Header** (:func:`detect_header`): a run of short lines whose labels fall in
   keyword families (index TT/STT, content nội dung/nhiệm vụ/công việc/hoạt
   động, target mục tiêu/chỉ tiêu, lead chủ trì/đơn vị thực hiện, coordinating
   phối hợp, deadline thời gian/thời hạn/tiến độ, product sản phẩm/kết quả,
   notes ghi chú, budget kinh phí), in any order, followed by a row start. The
   number of families found is the number of columns.
2. **Records**: the body is cut at row starts — a line holding only the next
   task number ("7", "2.3"), a number followed by capitalised text ("6 Kiểm
   tra cải cách hành chính"), or a short Roman-numbered group heading
   ("II. Cải cách thể chế"). Numbers must follow the running sequence (next
   number, one skipped, or a restart at 1 / a dotted child), so years such as
   "2025" inside a cell are not row starts. A repeat of the header lines is a
   page break: a new fragment starts, and the lines before the next row start
   form a *continuation* record.
3. **Column widths** are learnt from records whose split is unambiguous (the
   lines starting a cell — capitalised, not after a dangling word — number
   exactly the cells needed): the longest line seen in each column.
4. **Cells** of each record are found by a dynamic programme over the cut
   points between lines (and between a short leading phrase and a capitalised
   word on the same line, e.g. "Thường xuyên Văn bản thẩm định" where two cells
   were glued). Each candidate cell is scored against its column: width (a
   line longer than the column is unlikely; a line break where the next word
   would still have fitted suggests a new cell), case (a cell starts with a
   capital, digit or bullet; a continuation line starts lower case), dangling
   ends (a line ending in "của", "và", ",", "-" continues), and vocabulary by
   column type (deadline cells start with Quý/Tháng/Trước/Cả năm/Thường
   xuyên/…, unit cells with Phòng/Văn phòng/Trung tâm/Các/UBND/…, product
   cells with Kế hoạch/Báo cáo/Quyết định/…). A column is left empty only
   when that scores better than filling it. A record may hold several rows:
   a bullet line ("- Tối thiểu 20%…") in the content column, or more cells
   than one row holds, starts a sub-row whose first cell is ``''``.
5. A continuation record after a page break fills the cells the row above
   left open (ending in a dangling word or a full-width line) when that fits
   better than reading it as a new sub-row.

Group rows are emitted as ``[heading, '', …]``. The header row starts every
fragment that starts with a (repeated) header.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.textnorm import fold

# ---------------------------------------------------------------------------
# vocabulary (matched on NFC lower-case text, start of a cell)
# ---------------------------------------------------------------------------

_FAMILY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # matched on folded (diacritics-free) header text
    ("index", re.compile(r"\b(?:s\.?\s?tt|so\s+tt|so thu tu|tt)\b")),
    ("coord", re.compile(r"phoi hop")),
    ("lead", re.compile(r"chu tri|(?:co quan|don vi|bo phan)\s+(?:thuc hien|tham muu|phu trach)|phu trach")),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do|hoan thanh|thoi diem|moc")),
    ("product", re.compile(r"san pham|ket qua|dau ra|hinh thuc")),
    ("target", re.compile(r"muc tieu|chi tieu")),
    ("content", re.compile(r"noi dung|nhiem vu|cong viec|hoat dong|de an|giai phap|ten\b")),
    ("note", re.compile(r"ghi chu")),
    ("budget", re.compile(r"kinh phi|nguon von")),
]

_DEADLINE_START = re.compile(
    r"^(?:quý|tháng|trước|cả năm|thường xuyên|năm\b|trong\b|theo\b|khi\b|hàng\b|hằng\b|"
    r"định kỳ|ngày\b|ngay\b|sau\b|từ\b|giai đoạn|đến\b|đầu\b|cuối\b|giữa\b|liên tục|"
    r"đột xuất|kịp thời|chậm nhất|hạn\b|thời hạn|6 tháng|\d)"
)
# a time word at a line end and a number or quarter numeral on the next line
# belong together: "năm" / "2025", "Quý" / "III,IV/2025", "giai đoạn" / "2026"
_TIME_WORD_END = re.compile(r"\b(?:năm|tháng|quý|ngày|đoạn|kỳ|hạn)$", re.I)
_NUMBER_OR_QUARTER = re.compile(r"^(?:\d|[IVX]+\s*(?:[,/\-–]|$))")
_UNIT_START = re.compile(
    r"^(?:phòng|văn phòng|trung tâm|ban\b|sở\b|các\b|cơ quan|ubnd|hđnd|ủy ban|uỷ ban|"
    r"công an|hội\b|hội đồng|trạm|đài|bộ phận|công chức|tư pháp|tài chính|trường|đơn vị|"
    r"đoàn\b|mặt trận|mttq|quân sự|ban chỉ huy|chi cục|kho bạc|thanh tra|chủ tịch|"
    r"lãnh đạo|cán bộ|thường trực|bộ\b|tổ\b|ngân hàng|bảo hiểm|chi nhánh|đảng ủy|đảng uỷ|"
    r"văn hóa|văn hoá|địa chính|kinh tế|y tế|hợp tác xã|thủ trưởng|trưởng\b|người đứng đầu|"
    r"tất cả|toàn bộ|cấp\b|ubmttq|ct\b|pct\b|hộ tịch|lao động|nội vụ|thống kê|bưu điện|"
    r"điện lực|xây dựng|giao thông|nông nghiệp|môi trường|tài nguyên|kiểm lâm|chi hội|"
    r"liên đoàn|ngành\b|chính quyền|kế toán|quản lý|bch\b|đtn\b|chi bộ)"
)
_PRODUCT_START = re.compile(
    r"^(?:kế hoạch|báo cáo|quyết định|văn bản|công văn|thông báo|hội nghị|hội thi|nghị quyết|"
    r"quy chế|quy định|quy trình|hồ sơ|danh mục|tờ trình|chương trình|đề án|hệ thống|lớp\b|"
    r"tài liệu|biên bản|kết quả|cổng|kho\b|mẫu|trang\b|phần mềm|cơ sở dữ liệu|csdl|dữ liệu|"
    r"các\b|số liệu|sản phẩm|bài\b|tin\b|chuyên mục|ấn phẩm|phóng sự|tthc|dvc|100%|"
    r"[-+•–])"
)
# words that cannot end a cell: the phrase continues on the next line
_CONNECTORS = frozenset(
    "của và các với trong theo về cho tại đến hoặc những được là để từ có thuộc trên "
    "dưới bằng do như nhằm gồm đối đã sẽ một số ở qua giữa mà vào ra lên".split()
)
_BULLET = re.compile(r"^[-+•–—]\s*\S")
_NUMBER_ONLY = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_NUMBER_TEXT = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$")
_GROUP = re.compile(r"^([IVXLC]{1,6})[.)]\s+(\S.*)$")

# scores (log-odds-like units)
_EMPTY_COST = {"content": -8.0, "target": -4.0, "lead": -3.5, "coord": -1.5,
               "deadline": -3.0, "product": -3.0}
_EMPTY_OTHER = -1.5
_SUBROW_COST = -4.0
_BULLET_SUBROW_COST = -0.5
_EARLY_END_COST = -1.0
_LOWER_START = -5.0
_DANGLING_CUT = -3.0
_PUNCT_CUT = -2.0
_INLINE_CUT = -1.5
_FIT_FACTOR = 0.9
_LEXICON_HIT = 1.0
_LEXICON_PREFIX = -2.0
_NEG = -1e9
_DEADLINE_WORD = re.compile(r"\b(?:quý|tháng|năm|thường xuyên|hàng|hằng|định kỳ|\d{4})\b", re.I)
_NARROW = set(" .,;:()/-–'\"“”")

# Default column types when no header is given (the genre's usual order).
_DEFAULT_TYPES = ["index", "content", "lead", "coord", "deadline", "product"]


# ---------------------------------------------------------------------------
# header
# ---------------------------------------------------------------------------


@dataclass
class Header:
    """A detected header: column ``labels``/``types`` and its source lines.

    ``keys`` are the folded header lines (used to recognise repeats at page
    tops); ``size`` is how many non-blank lines the header takes.
    """

    labels: list[str]
    types: list[str]
    keys: list[str]
    size: int


def _families(text: str) -> list[tuple[int, str]]:
    """(position, family) matches in folded ``text``, sorted by position."""
    key = fold(text)
    found: list[tuple[int, int, str]] = []
    for fam, pat in _FAMILY_PATTERNS:
        for m in pat.finditer(key):
            found.append((m.start(), m.end(), fam))
    found.sort()
    out: list[tuple[int, str]] = []
    last_end = -1
    for start, end, fam in found:
        if start < last_end:  # overlapping match of another family
            continue
        out.append((start, fam))
        last_end = end
    return out


def _split_label(label: str) -> list[tuple[str, str | None]]:
    """Split one label text holding several families ("TT Nội dung nhiệm vụ").

    The cut goes before the capitalised word that opens the later family.
    Returns (text, family) pairs; family ``None`` when none matched.
    """
    fams = _families(label)
    if not fams:
        return [(label, None)]
    # folded text keeps word positions of the original when only marks change
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", label)]
    pieces: list[tuple[str, str]] = []
    start = 0
    current = fams[0][1]
    prev_end = 0
    for pos, fam in fams[1:]:
        if fam == current:
            prev_end = pos
            continue
        cut = None
        for wpos, word in words:
            if prev_end < wpos <= pos and word[:1].isupper():
                cut = wpos
        if cut is None:
            cut = pos
        pieces.append((label[start:cut].strip(), current))
        start, current, prev_end = cut, fam, pos
    pieces.append((label[start:].strip(), current))
    return pieces


def detect_header(lines: list[str], start: int = 0, max_lines: int = 16) -> Header | None:
    """Recognise a flattened header beginning at ``lines[start]``.

    ``lines`` are text lines (blank ones are skipped). A header is a run of at
    most ``max_lines`` short lines (≤ 40 characters) whose labels cover at least
    three keyword families including content or target, and that is followed
    by a row start (task number or Roman group heading). Label lines starting
    in lower case continue the label above ("Cơ quan" / "chủ trì"). Returns
    ``None`` when there is no such header.
    """
    collected: list[str] = []
    i = start
    end = None
    while i < len(lines) and len(collected) < max_lines:
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        if collected and _row_start_kind(line) is not None:
            end = i - 1
            break
        if len(line) > 40 or "\t" in line:
            return None
        collected.append(line)
    if end is None or not collected:
        return None
    # group lines into labels: a lower-case line continues the label above
    labels: list[str] = []
    for line in collected:
        if labels and (line[:1].islower() or labels[-1].endswith(("/", "-", ","))):
            labels[-1] = f"{labels[-1]} {line}"
        else:
            labels.append(line)
    columns: list[tuple[str, str | None]] = []
    for label in labels:
        columns.extend(_split_label(label))
    # a label without a family continues the next labelled one ("Cơ quan" "Chủ trì")
    merged: list[list] = []
    pending = ""
    for text, fam in columns:
        if fam is None:
            pending = f"{pending} {text}".strip()
            continue
        if merged and merged[-1][1] == fam and not pending:
            merged[-1][0] = f"{merged[-1][0]} {text}"
            continue
        merged.append([f"{pending} {text}".strip(), fam])
        pending = ""
    if pending and merged:
        merged[-1][0] = f"{merged[-1][0]} {pending}"
    fams = [fam for _, fam in merged]
    if len(set(fams)) < 3 or not ({"content", "target"} & set(fams)):
        return None
    # the last label line must be the last family line: trim trailing junk
    size = len(collected)
    return Header(
        labels=[re.sub(r"\s+", " ", t).strip() for t, _ in merged],
        types=fams,
        keys=[fold(c) for c in collected],
        size=size,
    )


def _header_repeat_length(lines: list[str], i: int, header: Header) -> int:
    """Number of lines (blank ones included) a repeat of ``header`` takes at ``i``.

    Returns 0 when ``lines[i:]`` does not repeat the header. The first two
    header lines must match; the rest match as far as they go.
    """
    k = 0
    j = i
    while j < len(lines) and k < len(header.keys):
        line = lines[j].strip()
        if not line:
            j += 1
            continue
        if fold(line) != header.keys[k]:
            break
        k += 1
        j += 1
    if k >= min(2, len(header.keys)):
        return j - i
    return 0


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
    head: str = ""  # group heading text
    atoms: list[_Atom] = field(default_factory=list)
    fragment: int = 0


def _row_start_kind(line: str) -> tuple[str, str, str] | None:
    """Classify a line as a possible row start, without the sequence check.

    Returns ("number", number, rest) or ("group", numeral, text) or ``None``.
    """
    line = line.strip()
    m = _NUMBER_ONLY.match(line)
    if m:
        return ("number", m.group(1), "")
    m = _NUMBER_TEXT.match(line)
    if m and m.group(2)[:1].isupper() and "/" not in line.split()[0]:
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
            if parts[0] in (last[0] + 1, last[0] + 2):
                return True
            return parts[0] == 1 and self.after_group
        # dotted: child of the current number, or next sibling
        if parts[:-1] == last[:-1] and parts[-1] in (last[-1] + 1, last[-1] + 2):
            return True
        if parts[:-1] == last and parts[-1] == 1:
            return True
        if len(parts) == 2 and parts[1] == 1 and parts[0] in (last[0] + 1, 1):
            return True
        return parts[:-1] == last[: len(parts) - 1] and parts[-1] == 1

    def take(self, number: str) -> None:
        self.last = [int(p) for p in number.split(".")]
        self.after_group = False


def _split_inline(text: str) -> list[str]:
    """Split one physical line at cut candidates: before a capitalised word
    within the first four words, where two narrow cells may have been glued
    ("Thường xuyên Văn bản thẩm định", "III,IV/2025 Báo cáo của Phòng").
    """
    words = text.split()
    pieces: list[str] = []
    cur: list[str] = []
    for k, w in enumerate(words):
        if (
            cur
            and k <= 4
            and (w[:1].isupper() or w[:1].isdigit())
            and cur[-1].lower() not in _CONNECTORS
            and not cur[-1].endswith((",", "-", "/", "(", "–"))
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
        raw = lines[i]
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:
            i += 1
            continue
        if header is not None:
            rep = _header_repeat_length(lines, i, header)
            if rep:
                fragment += 1
                current = None
                i += rep
                continue
        kind = _row_start_kind(line)
        if kind and kind[0] == "number" and seq.accepts(kind[1]):
            seq.take(kind[1])
            current = _Record("numbered", number=kind[1], fragment=fragment)
            records.append(current)
            phys = 0
            if kind[2]:
                current.atoms.append(_Atom(kind[2], True, phys))
                phys += 1
            i += 1
            continue
        if kind and kind[0] == "group":
            seq.after_group = True
            current = _Record("group", head=line, fragment=fragment)
            records.append(current)
            phys = 1
            i += 1
            continue
        if current is None:
            current = _Record("cont", fragment=fragment)
            records.append(current)
            phys = 0
        for k, piece in enumerate(_split_inline(line)):
            current.atoms.append(_Atom(piece, k == 0, phys))
        phys += 1
        i += 1
    return records, fragment + 1


# ---------------------------------------------------------------------------
# cell scoring
# ---------------------------------------------------------------------------


def _is_deadline_start(text: str) -> bool:
    return bool(_DEADLINE_START.match(text.lower()))


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].lower().strip("“”\"'") if words else ""


def is_dangling(text: str) -> bool:
    """True when ``text`` (a line or cell) cannot end there: it ends in a
    connector word ("của", "và", "các", "theo"…) or in ``, - / ( –``."""
    text = text.rstrip()
    if not text:
        return False
    if text.endswith((",", "-", "/", "(", "–", "&", ":")):
        return True
    return _last_word(text) in _CONNECTORS


def visual_length(text: str) -> float:
    """Approximate printed width of ``text`` in average-letter units.

    Capitals are wider than lower-case letters and spaces or punctuation
    narrower (proportional fonts), so "HĐND" takes more room than "hành".
    """
    return sum(1.45 if c.isupper() else 0.55 if c in _NARROW else 1.0 for c in text)


def join_cell_lines(lines: list[str]) -> str:
    """Join a cell's lines with spaces; a code cut at its hyphen ("NĐ-" / "CP",
    "323/QĐ-" / "UBND", "III-" / "IV/2025": capitals or digits before the
    hyphen) is rejoined without one."""
    out = ""
    for line in lines:
        token = out.split()[-1] if out.split() else ""
        code = token[:-1].split("/")[-1] if token.endswith("-") else ""
        if code and not any(c.islower() for c in code) and line[:1].isalnum():
            out += line
        elif out:
            out = f"{out} {line}"
        else:
            out = line
    return out


def _lexicon_key(text: str) -> str:
    return fold(text).strip(" ;,.")


def _starts_lower(text: str) -> bool:
    ch = text[:1]
    return ch.isalpha() and ch.islower()


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


class _Scorer:
    """Scores candidate cells of one table against its column model."""

    def __init__(
        self,
        types: list[str],
        widths: dict[int, float] | None,
        lexicon: dict[int, set[str]] | None = None,
        loose: set[int] | None = None,
    ):
        self.types = types
        self.widths = widths or {}
        self.lexicon = lexicon or {}
        # columns whose width is only a lower bound (no wrapped cell seen)
        self.loose = loose or set()

    def empty(self, col: int) -> float:
        return _EMPTY_COST.get(self.types[col], _EMPTY_OTHER)

    def cell(self, col: int, lines: list[str], continuing: bool = False) -> float:
        """Score ``lines`` (the cell's physical lines) as a cell of ``col``.

        ``continuing`` marks the continuation of a cell cut at a page break:
        a lower-case start is then expected rather than penalised.
        """
        kind = self.types[col]
        width = self.widths.get(col)
        first = lines[0]
        score = 0.0
        if _starts_lower(first):
            score += 0.5 if continuing else _LOWER_START
        elif not continuing:
            score += self._vocabulary(kind, first, " ".join(lines))
        if width:
            # once per cell: the widest line decides (the width is an estimate)
            tol = 0.5 * width if col in self.loose else max(1.5, 0.12 * width)
            excess = max(visual_length(line) for line in lines) - width
            if excess > tol:
                score -= 1.0 + 3.0 * excess / width
        if self.lexicon.get(col) and _lexicon_key(join_cell_lines(lines)) in self.lexicon[col]:
            score += _LEXICON_HIT
        for a, b in zip(lines, lines[1:]):
            if kind in ("content", "target") and _BULLET.match(b):
                return _NEG
            score += self._line_break(kind, width, a, b)
            if (
                kind == "deadline"
                and not _is_deadline_start(first)
                and not is_dangling(a)
                and not _starts_lower(b)
                and _is_deadline_start(b)
            ):
                score -= 1.5  # the deadline proper starts on this inner line
        return score

    @staticmethod
    def _line_break(kind: str, width: int | None, a: str, b: str) -> float:
        """Score a line break from ``a`` to ``b`` inside one cell.

        A break is expected when the next word would not have fitted on
        ``a`` (``fill`` > 1); a capitalised line after a line with room left
        suggests a new cell instead, the more so the more room was left, and
        a capitalised deadline word ("Quý", "Thường xuyên") outside the
        deadline column suggests the deadline cell has begun.
        """
        fill = visual_length(f"{a} {_first_word(b)}") / width if width else 1.5
        room = -8.0 * (_FIT_FACTOR - fill) if fill < _FIT_FACTOR else 0.0
        if _starts_lower(b) or is_dangling(a) or b[:1] in "()":
            return room + (0.3 if not room else 0.0)
        score = room + (-0.2 if fill >= 1.05 else -0.5)
        if kind != "deadline" and not b[:1].isdigit() and _is_deadline_start(b):
            score -= 1.0
        return score

    @staticmethod
    def _vocabulary(kind: str, first: str, text: str) -> float:
        """Vocabulary evidence that a cell starting with ``first`` (whole
        text ``text``) belongs to a column of type ``kind``."""
        low = first.lower()
        deadline = _is_deadline_start(first)
        if kind == "deadline":
            if deadline:
                return 1.5
            return -0.5 if _DEADLINE_WORD.search(text) else -2.5
        if kind in ("lead", "coord"):
            if _UNIT_START.match(low):
                score = 1.0
            else:
                score = -2.0
            if re.search(r"\b(?:19|20)\d\d\b", text):  # units carry no years
                score -= 1.5
            return score
        if kind == "product":
            if _PRODUCT_START.match(low):
                return 1.0
            return -2.0 if deadline else 0.0
        if kind in ("content", "target"):
            return -0.5 if deadline and not low[:1].isdigit() else 0.0
        return 0.0


def _cell_lines(atoms: list[_Atom]) -> list[str]:
    """Join the atoms of one cell into its physical lines."""
    lines: list[str] = []
    last_phys = None
    for a in atoms:
        if lines and a.phys == last_phys:
            lines[-1] = f"{lines[-1]} {a.text}"
        else:
            lines.append(a.text)
        last_phys = a.phys
    return lines


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
    open_cols: frozenset[int] = frozenset(),
) -> tuple[float, list[list[str]]]:
    """Best split of ``atoms`` into rows of cells for columns 1..n-1.

    ``first_row`` is "new" (the first row starts at the content column, as a
    numbered row), "subrow" (an unnumbered sub-row: pays the sub-row cost) or
    "cont" (continuation after a page break: only ``open_cols`` may be
    filled, the others stay empty). Returns (score, rows without index cell).
    """
    m = len(atoms)
    cols = list(range(1, n))
    K = len(cols)

    @lru_cache(maxsize=None)
    def cell(k: int, i: int, j: int, cont: bool) -> float:
        score = scorer.cell(cols[k], _cell_lines(atoms[i:j]), continuing=cont)
        if j < m and score > _NEG / 2 and scorer.lexicon.get(cols[k]):
            # a known cell of this column continues past j: do not cut it short
            here = _lexicon_key(join_cell_lines(_cell_lines(atoms[i:j])))
            ahead = _lexicon_key(join_cell_lines(_cell_lines(atoms[i : min(m, j + 8)])))
            for known in scorer.lexicon[cols[k]]:
                if len(known) > len(here) and known.startswith(here + " ") and ahead.startswith(known):
                    score += _LEXICON_PREFIX
                    break
        return score

    @lru_cache(maxsize=None)
    def best(i: int, k: int, consumed: bool, row0: bool) -> tuple[float, tuple]:
        """Best (score, moves) from atom ``i`` filling column index ``k``."""
        if k == K:
            if i == m:
                return (0.0, ())
            if not consumed:
                return (_NEG, ())
            cost = _BULLET_SUBROW_COST if _BULLET.match(atoms[i].text) and atoms[i].line_start else _SUBROW_COST
            sc, mv = best(i, 0, False, False)
            return (sc + cost, (("row",),) + mv)
        options: list[tuple[float, tuple]] = []
        col = cols[k]
        cont_mode = row0 and first_row == "cont"
        may_fill = not cont_mode or col in open_cols
        # leave this column empty
        if cont_mode and col not in open_cols:
            empty_cost = 0.0
        elif cont_mode:
            empty_cost = -1.0
        else:
            empty_cost = scorer.empty(col)
        sc, mv = best(i, k + 1, consumed, row0)
        options.append((sc + empty_cost, (("empty", k),) + mv))
        # end the row early before a bullet sub-row (trailing cells empty)
        if (
            consumed
            and i < m
            and k >= 1
            and atoms[i].line_start
            and _BULLET.match(atoms[i].text)
        ):
            sc, mv = best(i, 0, False, False)
            options.append((sc + _EARLY_END_COST + _BULLET_SUBROW_COST, (("row",),) + mv))
        if may_fill and i < m:
            for j in range(i + 1, m + 1):
                c = cell(k, i, j, cont_mode)
                if c <= _NEG / 2:
                    break
                cut = _cut_cost(atoms, j) if j < m else 0.0
                sc, mv = best(j, k + 1, True, row0)
                options.append((c + cut + sc, (("cell", k, i, j),) + mv))
        return max(options, key=lambda o: o[0])

    score, moves = best(0, 0, False, True)
    if first_row == "subrow":
        score += _BULLET_SUBROW_COST if atoms and _BULLET.match(atoms[0].text) else _SUBROW_COST
    rows: list[list[str]] = [[""] * (n - 1)]
    for move in moves:
        if move[0] == "row":
            rows.append([""] * (n - 1))
        elif move[0] == "cell":
            _, k, i, j = move
            rows[-1][k] = join_cell_lines(_cell_lines(atoms[i:j]))
    return score, rows


# ---------------------------------------------------------------------------
# widths
# ---------------------------------------------------------------------------


def _unambiguous_split(atoms: list[_Atom], cells: int) -> list[list[str]] | None:
    """Split by cell-start lines when exactly ``cells`` of them exist.

    A cell-start line begins a physical line with a capital, digit or bullet
    and does not follow a dangling line. Returns the cells' lines or ``None``.
    """
    phys: list[str] = []
    for a in atoms:
        if a.line_start or not phys:
            phys.append(a.text)
        else:
            phys[-1] = f"{phys[-1]} {a.text}"
    if not phys:
        return None
    starts = [0]
    for k in range(1, len(phys)):
        if not _starts_lower(phys[k]) and not is_dangling(phys[k - 1]) and phys[k][:1] not in "()":
            starts.append(k)
    if len(starts) != cells or _starts_lower(phys[0]):
        return None
    bounds = starts + [len(phys)]
    split = [phys[bounds[c] : bounds[c + 1]] for c in range(cells)]
    return split


def _consistent(split: list[list[str]], types: list[str]) -> bool:
    """The split's first lines agree with the column types' vocabulary."""
    for lines, kind in zip(split, types):
        deadline = _is_deadline_start(lines[0])
        if kind == "deadline" and not deadline:
            return False
        if kind in ("lead", "coord", "product") and deadline:
            return False
    return True


def _clear_splits(records: list[_Record], types: list[str]) -> list[list[list[str]]]:
    """Splits of the numbered records that are unambiguous and consistent."""
    out = []
    for rec in records:
        if rec.kind != "numbered":
            continue
        split = _unambiguous_split(rec.atoms, len(types) - 1)
        if split and _consistent(split, types[1:]):
            out.append(split)
    return out


def learn_widths(records: list[_Record], types: list[str]) -> tuple[dict[int, float], set[int]]:
    """Column widths from the clear records (see :func:`_clear_splits`).

    Returns (widths, loose): the longest line per column (1..n-1), in
    :func:`visual_length` units, and the columns where no clear cell wrapped
    over two lines — there the longest line is only a lower bound of the
    width (short cells such as "Kế hoạch" say little about the column).
    """
    widths: dict[int, float] = {}
    wrapped: set[int] = set()
    for split in _clear_splits(records, types):
        for k, lines in enumerate(split, start=1):
            widths[k] = max(widths.get(k, 0.0), max(visual_length(l) for l in lines))
            if len(lines) > 1:
                wrapped.add(k)
    return widths, set(widths) - wrapped


def _open_columns(row: list[str], scorer: _Scorer, last_lines: dict[int, str]) -> frozenset[int]:
    """Columns of ``row`` whose cell looks cut off (dangling end or full last line)."""
    out = set()
    for col in range(1, len(row)):
        if not row[col]:
            continue
        last = last_lines.get(col, row[col])
        width = scorer.widths.get(col)
        if is_dangling(row[col]) or (width and len(last) >= 0.9 * width):
            out.add(col)
    return frozenset(out)


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------


def rebuild_fragments(lines: list[str], n_columns: int | None = None) -> list[list[list[str]]]:
    """Rebuild a flattened table into per-page fragments of rows.

    ``lines``: the table's text lines, header first (blank lines ignored). The
    header is detected with :func:`detect_header`; ``n_columns`` overrides its
    column count (and is required when ``lines`` do not start with a header;
    column types then follow the usual order TT, content, lead, coordinating,
    deadline, product). Returns a list of fragments (one per page, split at
    repeated headers), each a list of rows of exactly ``n`` cells (strings,
    ``''`` when empty). The header row opens every fragment that starts with
    a header. Raises ``ValueError`` when neither a header nor ``n_columns`` is
    available.
    """
    header = detect_header(lines, 0)
    if header is None and not n_columns:
        raise ValueError("no table header found and no column count given")
    n = n_columns or len(header.types)
    if header is not None:
        types = (header.types + ["other"] * n)[:n]
        header_row = (header.labels + [""] * n)[:n]
        body_start = _skip_lines(lines, header.size)
    else:
        types = (_DEFAULT_TYPES + ["other"] * n)[:n]
        header_row = None
        body_start = 0
    records, n_frag = _records(lines[body_start:], header)
    widths, loose = learn_widths(records, types)
    if len(_clear_splits(records, types)) < 3:
        # too little evidence: a first pass without widths, then learn from it
        first = _rows_of(records, n, _Scorer(types, None))
        widths = _widths_from_rows([row for frag in first for row in frag], n)
        loose = set(widths)
    first = _rows_of(records, n, _Scorer(types, widths, loose=loose), n_frag)
    lexicon = _lexicon_from([row for frag in first for row in frag], types)
    fragments = _rows_of(records, n, _Scorer(types, widths, lexicon, loose), n_frag)
    if header_row is not None:
        for k in range(len(fragments)):
            fragments[k].insert(0, list(header_row))
    return fragments


def rebuild_rows(lines: list[str], n_columns: int | None = None) -> list[list[str]]:
    """Rows of a flattened table (header row first), all fragments in order.

    Same input and errors as :func:`rebuild_fragments`; the page breaks are
    lost here (repeated header rows are kept where they occurred).
    """
    return [row for frag in rebuild_fragments(lines, n_columns) for row in frag]


def _skip_lines(lines: list[str], count: int) -> int:
    """Index just after the first ``count`` non-blank lines."""
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen == count:
                return i + 1
    return len(lines)


def _widths_from_rows(rows: list[list[str]], n: int) -> dict[int, float]:
    """Fallback widths when no record is clear: the median cell length per
    column (a cell is usually one to three lines), at least 8."""
    widths: dict[int, float] = {}
    for col in range(1, n):
        lengths = sorted(visual_length(r[col]) for r in rows if len(r) > col and r[col])
        if lengths:
            widths[col] = max(8.0, lengths[len(lengths) // 2])
    return widths


def _lexicon_from(rows: list[list[str]], types: list[str]) -> dict[int, set[str]]:
    """Cell texts seen at least twice per column (unit columns pooled):
    tables repeat unit names, deadlines and products."""
    from collections import Counter

    counts: dict[str, Counter] = {}
    group = {col: ("unit" if kind in ("lead", "coord") else str(col)) for col, kind in enumerate(types)}
    for row in rows:
        if not row or not row[0].strip() or not row[0].strip()[0].isdigit():
            continue
        for col in range(1, min(len(row), len(types))):
            if types[col] in ("content", "target") or not row[col]:
                continue
            counts.setdefault(group[col], Counter())[_lexicon_key(row[col])] += 1
    out: dict[int, set[str]] = {}
    for col in range(1, len(types)):
        counter = counts.get(group[col])
        if counter:
            out[col] = {text for text, c in counter.items() if c >= 2 and text}
    return out


def _rows_of(records: list[_Record], n: int, scorer: _Scorer, n_frag: int = 1) -> list[list[list[str]]]:
    """Run the DP over all records, grouping rows by fragment."""
    fragments: list[list[list[str]]] = [[] for _ in range(max(n_frag, 1))]
    prev_row: list[str] | None = None
    prev_last: dict[int, str] = {}
    for rec in records:
        out: list[list[str]] = []
        if rec.kind == "group":
            head = rec.head
            atoms = list(rec.atoms)
            while atoms and _starts_lower(atoms[0].text):
                head = f"{head} {atoms.pop(0).text}"
            out.append([head] + [""] * (n - 1))
            if atoms:
                _, rows = _segment(atoms, scorer, n, "subrow")
                out.extend([""] + r for r in rows)
        elif rec.kind == "numbered":
            if rec.atoms:
                _, rows = _segment(rec.atoms, scorer, n, "new")
            else:
                rows = [[""] * (n - 1)]
            out.append([rec.number] + rows[0])
            out.extend([""] + r for r in rows[1:])
        elif rec.atoms:
            options = [_segment(rec.atoms, scorer, n, "subrow")]
            if prev_row is not None:
                open_cols = _open_columns(prev_row, scorer, prev_last)
                if open_cols:
                    options.append(_segment(rec.atoms, scorer, n, "cont", open_cols))
            _, rows = max(options, key=lambda o: o[0])
            out.extend([""] + r for r in rows)
        if out:
            prev_row = out[-1]
            prev_last = _last_lines(rec, out[-1])
        fragments[min(rec.fragment, len(fragments) - 1)].extend(out)
    return [frag for frag in fragments if frag] or [[]]


def _last_lines(rec: _Record, row: list[str]) -> dict[int, str]:
    """Last physical line of each cell of ``row`` (for the open-cell test)."""
    out: dict[int, str] = {}
    lines = _cell_lines(rec.atoms) if rec.atoms else []
    for col, text in enumerate(row):
        if not text:
            continue
        for line in reversed(lines):
            if text.endswith(line):
                out[col] = line
                break
    return out


@dataclass
class FlatTable:
    """A flattened table found in a list of lines: ``lines[start:end]``."""

    start: int
    end: int
    fragments: list[list[list[str]]]


def find_flattened_tables(lines: list[str]) -> list[FlatTable]:
    """Find and rebuild every flattened table in a document's ``lines``.

    A table starts at a header (:func:`detect_header`) and runs until the end
    of the lines, a tab-separated or pipe line, or a line that cannot be in a
    table cell: an all-capital line that is not a group heading, or a line
    longer than 1.4 × the longest line of the table's first five records.
    Returns the tables in order, each with its line span and fragments.
    """
    tables: list[FlatTable] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line or len(line) > 40 or "\t" in lines[i] or not _families(line):
            i += 1
            continue
        header = detect_header(lines, i)
        if header is None:
            i += 1
            continue
        end = _table_end(lines, i, header)
        try:
            fragments = rebuild_fragments(lines[i:end])
        except ValueError:
            i += 1
            continue
        tables.append(FlatTable(i, end, fragments))
        i = end
    return tables


def _is_title_line(line: str) -> bool:
    """An all-capital line of at least three words ("CHỦ TỊCH ỦY BAN NHÂN DÂN")."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    letters = [c for c in line if c.isalpha()]
    return len(words) >= 3 and len(letters) >= 10 and all(c.isupper() for c in letters)


def _table_end(lines: list[str], start: int, header: Header) -> int:
    body = _skip_lines(lines[start:], header.size) + start
    seen_rows = 0
    longest = 0
    for j in range(body, len(lines)):
        raw = lines[j]
        line = raw.strip()
        if not line:
            continue
        if "\t" in raw or line.startswith("|"):
            return j
        kind = _row_start_kind(line)
        if kind is not None:
            seen_rows += 1
            continue
        if _is_title_line(line) and fold(line) not in header.keys:
            return j
        if seen_rows <= 5:
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
    "learn_widths",
    "rebuild_fragments",
    "rebuild_rows",
]


def _debug_dump(lines: list[str]) -> None:  # pragma: no cover - developer aid
    for frag in rebuild_fragments(lines):
        print("=== fragment")
        for row in frag:
            print(" | ".join(row))


_ = math  # keep import for scorers that may need log-scaling
