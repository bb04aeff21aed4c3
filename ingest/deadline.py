"""Deadline normaliser: the "Thời gian hoàn thành" cell → :class:`ingest.model.Due`.

Three public functions:

* :func:`parse_due` reads the free text of a deadline cell (thời gian thực
  hiện / hoàn thành) and returns ``Due(start, end, recurrence)``;
* :func:`due_overlaps` tells whether a ``Due`` falls in a calendar period
  (``"2026"``, ``"2026-Q1"``, ``"2026-03"``), for ``cchc tasks --due``:
  the task's span touches the period, and a cycle without dates matches
  periods at least as long;
* :func:`due_in_period` tells whether a ``Due`` lies *inside* such a period
  (or is exactly it), for the question filters ("nhiệm vụ nào có thời hạn
  trong Quý I?"): stricter on spans, yearly tasks and cycles. Both read
  periods with the same parser.

How a cell is read (all matching is done on a folded copy of the text:
NFC, lower case, diacritics removed, ``đ`` → ``d``, dashes unified, runs of
whitespace — including the line breaks of a PDF-flattened cell — collapsed;
so "hoá"/"hóa", "quý"/"quí", "hàng"/"hằng" are the same word):

1. Document citations are removed first, so their numbers and dates are
   never read as deadlines: "số 310/KH-UBND ngày 24/11/2025",
   "29/2023/NĐ-CP", "Quyết định 12/2025" (a document type, then a number
   with a "/").
2. Conditional clauses are dropped: from a marker ("theo …", "khi …",
   "sau khi …", "nếu …", "tùy …", "căn cứ …", "phụ thuộc …") to the end of
   its clause (clauses end at ``, ; ( )``, ". " and a "/" followed by a
   word). Everything inside, including a "hàng năm" or a year, describes the
   external event, not the task's own schedule, so "Theo thời gian đánh giá
   hàng năm của Bộ Y tế" and "Theo lộ trình năm 2025" give an all-``None``
   ``Due``; "Cả năm 2026/theo thời gian đánh giá …" keeps the year 2026 and
   "Thường xuyên, khi nhận được thông báo …" stays ``regular``.
3. Calendar periods are read, most specific first (each consumes its text):
   full dates (``d/m/yyyy``, ``d-m-yyyy``, ``d.m.yyyy``, "ngày d tháng m năm
   yyyy"); "6 tháng đầu/cuối năm yyyy"; quarters with roman or arabic
   numerals and lists/ranges ("Quý I/2026", "Quý 1/2026", "Quý III năm 2025",
   "Quý III, IV/2025", "Quý III-IV/2025"); months and month lists/ranges
   ("Tháng 10/2026", "Tháng 7-9/2026", "tháng 3 đến tháng 6/2026",
   ``mm/yyyy``); year ranges ("2026 - 2030", "Giai đoạn 2026-2030"); years
   ("Năm 2030", "Cả năm 2026", a bare ``yyyy``); and year-less forms
   ("ngày 15/01", "Tháng 11", "Quý IV", "Cả năm", "6 tháng đầu năm").
4. A year-less period takes the year of the next dated period of its clause
   ("tháng 11 đến tháng 2/2027" → 11/2026, wrapping back a year when needed),
   else of the previous one, else ``plan_year``; with none of these its dates
   stay ``None``.
5. A word just before a period changes its reading: "trước" (before) makes
   it a deadline with no start — on a day the day itself is the deadline
   ("Trước ngày 15/01/2026" → end 2026-01-15), on a longer period the day
   before it starts ("Trước tháng 6/2026" → end 2026-05-31); "chậm nhất",
   "hạn", "đến (hết)" keep the period's end with no start; "từ" keeps its
   start with no end.
6. The result is the hull of all periods read: ``start`` = earliest known
   start, ``end`` = latest known end. So "Ban hành kế hoạch: Quý I/2026.
   Thực hiện: Trong năm 2026 và giai đoạn 2026 - 2030" → 2026-01-01 ..
   2030-12-31, and "Tháng 01/2026 đến tháng 5/2026" → 2026-01-01 ..
   2026-05-31.
7. ``recurrence`` is the first recurrence word of the kept text:
   "thường xuyên"/"liên tục"/"hàng ngày" → ``regular``; "hàng/hằng/mỗi/từng
   năm" → ``annual``; "hàng/hằng/mỗi/từng quý", "(tháng) cuối quý" →
   ``quarterly``; "hàng/hằng/mỗi/từng tháng" → ``monthly``; a date fixed
   relative to each period ("chậm nhất 31/12 năm trước liền kề", "Trước
   ngày 31/01 năm liền kề", "Trước ngày 05 của tháng liền kề", "… quý tiếp
   theo") is that period's cycle (``annual``, ``monthly``, ``quarterly``);
   its year-less day falls in the plan year's neighbour ("năm trước (liền
   kề)" → the year before, "năm liền kề/tiếp theo/sau" → the year after).
   Without one,
   ``once`` when any period was read (even a year-less one left undated),
   else ``None``. Dates and a recurrence can coexist: "Năm 2026 và hàng năm
   khi điều chỉnh …" → 2026-01-01..2026-12-31, ``annual``; "Thực hiện
   thường xuyên và giai đoạn 2026 - 2030" → 2026..2030, ``regular``;
   "Quý II hàng năm" with ``plan_year=2026`` → 2026-04-01..2026-06-30,
   ``annual`` (the plan year's occurrence; :func:`due_overlaps` repeats it
   every year). A bare "Hàng năm" or a quarterly report cycle ("Trước ngày
   05 của tháng cuối quý") names no period of its own, so its dates stay
   ``None``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ingest.model import Due
from ingest.textnorm import fold

__all__ = ["parse_due", "due_overlaps", "due_in_period", "period_bounds", "next_quarter", "QUARTER_ROMAN"]

# ---------------------------------------------------------------- folding

def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` replaced by spaces (positions kept)."""
    return text[:start] + " " * (end - start) + text[end:]


# ---------------------------------------------------------------- patterns

_Y = r"((?:19|20)\d{2})(?!\d)"
_M = r"(0?[1-9]|1[0-2])(?!\d)"
_D = r"(0?[1-9]|[12]\d|3[01])(?!\d)"
_Q = r"(iv|i{1,3}|[1-4])(?![\w])"
_LIST_SEP = r"\s*(?:-|,|&|\+|va|den|toi)\s*"
_YEAR_TAIL = r"(?:\s*[/\-,]?\s*(?:nam\s*)?" + _Y + r")?"
# one separator used twice: "7-9/2026" after "Tháng" is a month range, not a day
_DATE_NUM = _D + r"\s*(?P<sep>[/.\-])\s*" + _M + r"\s*(?P=sep)\s*" + _Y
_DATE_WORDS = r"\bngay\s*" + _D + r"\s*thang\s*" + _M + r"(?:\s*,?\s*nam\s*|\s*/\s*)" + _Y

_CITATION = re.compile(
    r"(?:\bso\s*:?\s*\d+(?:\s*[/\-]\s*[a-z0-9]+)*"
    r"|\b(?:quyet\s+dinh|ke\s+hoach|cong\s+van|thong\s+tu|nghi\s+dinh|nghi\s+quyet|chi\s+thi"
    r"|thong\s+bao|van\s+ban)\s*:?\s*\d+\s*/\s*[a-z0-9]+(?:\s*[/\-]\s*[a-z0-9]+)*"
    r"|\b\d+(?:/\d+)*/[a-z]+\s*-\s*[a-z][a-z0-9\-]*)"
    r"(?:\s*,?\s*(?:ngay\s*)?(?:" + _D + r"\s*[/.\-]\s*" + _M + r"\s*[/.\-]\s*" + _Y
    + r"|" + _D + r"\s*thang\s*" + _M + r"\s*,?\s*nam\s*" + _Y + r"))?"
)
_CONDITIONAL = re.compile(
    r"\b(?:sau\s+khi|khi|neu|(?<!tiep )theo|tuy|can\s+cu|phu\s+thuoc|cho\s+den\s+khi)\b"
)
_CLAUSE_END = re.compile(r"[;,()]|\.(?=\s|$)|/(?=\s*[a-z])")

# "năm/quý/tháng (trước) liền kề", "… tiếp theo", "… kế tiếp": a date fixed
# relative to each period, i.e. a cycle ("chậm nhất 31/12 năm trước liền kề",
# "Trước ngày 05 của tháng liền kề")
_NEXT = r"(?:\s+truoc)?\s+(?:lien\s+ke|tiep\s+theo|ke\s+tiep)\b"
_RECURRENCE = [
    (re.compile(r"\b(?:thuong\s+xuyen|lien\s+tuc|(?:hang|moi|tung)\s+ngay)\b"), "regular"),
    (re.compile(r"\b(?:(?:hang|moi|tung)\s+nam\b(?!\s*\d)|nam" + _NEXT + r"|cua\s+nam\s+truoc\b)"), "annual"),
    (re.compile(r"\b(?:(?:hang|moi|tung)\s+qu[yi]|cuoi\s+(?:cua\s+)?(?:moi\s+)?qu[yi])\b"
                r"(?!\s*(?:iv|i{1,3}|[1-4])\b)|\bqu[yi]" + _NEXT), "quarterly"),
    (re.compile(r"\b(?:hang|moi|tung)\s+thang\b(?!\s*\d)|\bthang" + _NEXT), "monthly"),
]
# the year a year-less date belongs to, relative to the plan year
_PREVIOUS_YEAR = re.compile(r"(?:cua\s+)?nam\s+truoc(?:\s+lien\s+ke)?\b")
_FOLLOWING_YEAR = re.compile(r"(?:cua\s+)?nam\s+(?:lien\s+ke|tiep\s+theo|ke\s+tiep|sau)\b")

_BEFORE = re.compile(r"\btruoc(?:\s+(?:ngay|thang|qu[yi]|nam))?\s*:?\s*$")
_UNTIL = re.compile(
    r"\b(?:cham\s+nhat|han\s+chot|han|den|toi)(?:\s+(?:la|vao|het|ngay|thang|qu[yi]|nam|trong))*"
    r"\s*:?\s*$"
)
_FROM = re.compile(r"\b(?:tu|ke\s+tu|bat\s+dau(?:\s+tu)?)(?:\s+(?:ngay|thang|qu[yi]|nam))?\s*$")


# ---------------------------------------------------------------- periods

def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _quarter_number(token: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(token) or int(token)


@dataclass
class _Atom:
    """One calendar period read from the text.

    ``build(year)`` gives its (start, end); ``year`` is the year written in
    the text or ``None`` for a year-less period. ``is_day`` marks a single
    day (its own deadline under "trước").
    """

    pos: int
    end_pos: int
    year: int | None
    build: Callable[[int], tuple[date, date]]
    is_day: bool = False


def _day_builder(d: int, m: int) -> Callable[[int], tuple[date, date]]:
    return lambda y: (date(y, m, d), date(y, m, d))


def _months_builder(first: int, last: int) -> Callable[[int], tuple[date, date]]:
    return lambda y: _month_span(y, first, last)


def _years_builder(first: int, last: int) -> Callable[[int], tuple[date, date]]:
    return lambda _y: (date(first, 1, 1), date(last, 12, 31))


def _numbers(match_text: str, pattern: str) -> list[int]:
    return [_quarter_number(t) if not t.isdigit() else int(t) for t in re.findall(pattern, match_text)]


def _read_full_date(m: re.Match) -> _Atom | None:
    d, mo, y = (int(g) for g in m.groups() if g is not None and g.isdigit())
    return _Atom(m.start(), m.end(), y, _day_builder(d, mo), is_day=True)


def _read_half(m: re.Match) -> _Atom | None:
    first, last = (1, 6) if m.group(1) == "dau" else (7, 12)
    year = int(m.group(2)) if m.group(2) else None
    return _Atom(m.start(), m.end(), year, _months_builder(first, last))


def _read_quarters(m: re.Match) -> _Atom | None:
    body = m.group(0)
    if m.group("y"):
        body = body[: m.start("y") - m.start()]
    word = re.match(r"qu[yi]", body)
    assert word is not None  # the quarter pattern always starts with quý/quí
    quarters = _numbers(body[len(word.group(0)):], r"\b(iv|i{1,3}|[1-4])\b")
    if not quarters:
        return None
    first, last = min(quarters), max(quarters)
    year = int(m.group("y")) if m.group("y") else None
    return _Atom(m.start(), m.end(), year, _months_builder(3 * first - 2, 3 * last))


def _read_months(m: re.Match) -> _Atom | None:
    body = m.group(0)
    if m.group("y"):
        body = body[: m.start("y") - m.start()]
    months = [int(t) for t in re.findall(r"(?<!\d)\d{1,2}(?!\d)", body)]
    months = [x for x in months if 1 <= x <= 12]
    if not months:
        return None
    year = int(m.group("y")) if m.group("y") else None
    first, last = months[0], months[-1]
    if first <= last:
        return _Atom(m.start(), m.end(), year, _months_builder(first, last))
    # "tháng 11 - 2/2027": the range wraps; the written year is the last month's
    return _Atom(m.start(), m.end(), year,
                 lambda y: (_month_span(y - 1, first, first)[0], _month_span(y, last, last)[1]))


def _read_month_year(m: re.Match) -> _Atom | None:
    mo, y = int(m.group(1)), int(m.group(2))
    return _Atom(m.start(), m.end(), y, _months_builder(mo, mo))


def _read_year_range(m: re.Match) -> _Atom | None:
    first, last = int(m.group(1)), int(m.group(2))
    if last < first:
        return None
    return _Atom(m.start(), m.end(), first, _years_builder(first, last))


def _read_year(m: re.Match) -> _Atom | None:
    y = int(m.group(1))
    return _Atom(m.start(), m.end(), y, _years_builder(y, y))


def _read_yearless_day(m: re.Match) -> _Atom | None:
    d, mo = (int(g) for g in m.groups() if g is not None)
    return _Atom(m.start(), m.end(), None, _day_builder(d, mo), is_day=True)


def _read_yearless_year(m: re.Match) -> _Atom | None:
    return _Atom(m.start(), m.end(), None, lambda y: (date(y, 1, 1), date(y, 12, 31)))


# Most specific first; each match is blanked before the next pattern runs.
_PERIODS: list[tuple[re.Pattern, Callable[[re.Match], _Atom | None]]] = [
    (re.compile(r"(?<![\d/.\-])(?<!thang )(?<!qu[yi] )" + _DATE_NUM), _read_full_date),
    (re.compile(_DATE_WORDS), _read_full_date),
    # "ngày 15/01", "ngày 15 tháng 01" before "tháng 01" is read as a month
    (re.compile(r"\bngay\s*" + _D + r"\s*(?:[/.\-]|thang)\s*" + _M + r"(?![\d/.\-])"),
     _read_yearless_day),
    (re.compile(r"\b(?:6|sau)\s*thang\s*(dau|cuoi)(?:\s*nam)?(?:\s*[/\-]?\s*" + _Y + r")?"),
     _read_half),
    (re.compile(r"\bqu[yi]\s*" + _Q + r"(?:" + _LIST_SEP + r"(?:qu[yi]\s*)?" + _Q + r")*"
                + _YEAR_TAIL.replace(_Y, r"(?P<y>(?:19|20)\d{2})(?!\d)")), _read_quarters),
    (re.compile(r"\bthang\s*" + _M + r"(?:" + _LIST_SEP + r"(?:thang\s*)?" + _M + r")*"
                + _YEAR_TAIL.replace(_Y, r"(?P<y>(?:19|20)\d{2})(?!\d)")), _read_months),
    (re.compile(r"(?<![\d/.\-])" + _M + r"\s*/\s*" + _Y), _read_month_year),
    (re.compile(r"(?<![\d/.\-])" + _Y + r"\s*(?:-|den|toi)\s*(?:nam\s*)?" + _Y), _read_year_range),
    (re.compile(r"\bnam\s*" + _Y), _read_year),
    (re.compile(r"(?<![\d/.\-])" + _Y + r"(?!\s*/\s*\d)"), _read_year),
    # a bare "15/01" (not "1-2 lần"), once months and quarters are read
    (re.compile(r"(?<![\d/.\-])" + _D + r"\s*/\s*" + _M + r"(?![\d/.\-])"), _read_yearless_day),
    (re.compile(r"\b(?:ca|trong|suot)\s+nam\b(?!\s*\d)"), _read_yearless_year),
]


# ---------------------------------------------------------------- parsing

def _drop_conditionals(text: str) -> str:
    for m in list(_CONDITIONAL.finditer(text)):
        end = _CLAUSE_END.search(text, m.end())
        text = _blank(text, m.start(), end.start() if end else len(text))
    return text


def _clause_of(text: str, pos: int) -> int:
    return len(_CLAUSE_END.findall(text, 0, pos))


def _read_atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for pattern, reader in _PERIODS:
        for m in pattern.finditer(text):
            atom = reader(m)
            if atom is None:
                continue
            try:
                atom.build(atom.year or 2000)
            except ValueError:  # 31/02, 30/02 …: not a date
                continue
            atoms.append(atom)
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return sorted(atoms, key=lambda a: a.pos)


def _resolve(atom: _Atom, atoms: list[_Atom], text: str, plan_year: int | None) -> tuple[date, date] | None:
    """(start, end) of ``atom`` after year borrowing, or ``None`` if undated."""
    if atom.year is not None:
        return atom.build(atom.year)
    clause = _clause_of(text, atom.pos)
    same = [a for a in atoms if a.year is not None and _clause_of(text, a.pos) == clause]
    following = [a for a in same if a.pos > atom.pos]
    preceding = [a for a in same if a.pos < atom.pos]
    try:
        if following:
            lender = following[0]
            year = lender.year
            assert year is not None  # ``same`` holds dated atoms only
            span = atom.build(year)
            if span[0] > lender.build(year)[0]:
                span = atom.build(year - 1)
            return span
        if preceding:
            year = preceding[-1].year
            assert year is not None
            return atom.build(year)
        if plan_year is not None:
            rest = text[atom.end_pos:]
            shift = -1 if _PREVIOUS_YEAR.match(rest.lstrip()) else (1 if _FOLLOWING_YEAR.match(rest.lstrip()) else 0)
            return atom.build(plan_year + shift)
    except ValueError:  # 29/02 in a common year
        return None
    return None


def _apply_modifier(
    atom: _Atom, span: tuple[date, date], text: str, last_in_clause: bool
) -> tuple[date | None, date | None]:
    """(start, end) after the word before ``atom`` ("trước", "đến", "từ" …).

    "từ" opens the end only when nothing closes it: no later period in the
    clause and no "đến" inside the period itself ("từ tháng 3 đến tháng 6").
    """
    start, end = span
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, atom.pos)), default=0)
    before = text[clause_start: atom.pos]
    if _BEFORE.search(before):
        return None, (end if atom.is_day else start - timedelta(days=1))
    if _UNTIL.search(before):
        return None, end
    closed = re.search(r"\b(?:den|toi)\b", text[atom.pos: atom.end_pos])
    if _FROM.search(before) and last_in_clause and not closed:
        return start, None
    return start, end


def _recurrence(text: str) -> str | None:
    found = [(m.start(), kind) for pattern, kind in _RECURRENCE for m in [pattern.search(text)] if m]
    return min(found)[1] if found else None


def parse_due(text: str | None, plan_year: int | None = None) -> Due:
    """Normalise a deadline cell into ``Due(start, end, recurrence)``.

    ``text`` is the cell as written (any Unicode form, line breaks allowed);
    ``plan_year`` is the plan's year, used for periods written without one
    ("Tháng 11", "Quý II hàng năm"). Returns ISO ``YYYY-MM-DD`` strings or
    ``None``; ``recurrence`` is ``once``, ``regular``, ``annual``,
    ``quarterly``, ``monthly`` or ``None``. Never raises on odd text: what
    cannot be read is left ``None``. The rules, with the source patterns
    they handle, are in the module docstring.
    """
    if not text or not text.strip():
        return Due()
    folded = fold(text)
    folded = _CITATION.sub(lambda m: " " * len(m.group(0)), folded)
    kept = _drop_conditionals(folded)
    atoms = _read_atoms(kept)
    starts: list[date] = []
    ends: list[date] = []
    for atom in atoms:
        span = _resolve(atom, atoms, kept, plan_year)
        if span is None:
            continue
        clause = _clause_of(kept, atom.pos)
        last = not any(a.pos > atom.pos and _clause_of(kept, a.pos) == clause for a in atoms)
        start, end = _apply_modifier(atom, span, kept, last)
        if start is not None:
            starts.append(start)
        if end is not None:
            ends.append(end)
    recurrence = _recurrence(kept) or ("once" if atoms else None)
    return Due(
        start=min(starts).isoformat() if starts else None,
        end=max(ends).isoformat() if ends else None,
        recurrence=recurrence,
    )


# ---------------------------------------------------------------- overlap

_PERIOD = re.compile(r"^(\d{4})(?:-(?:[qQ]([1-4])|(\d{1,2})))?$")


def _parse_period(period: str) -> tuple[date, date, str]:
    m = _PERIOD.match(period.strip()) if isinstance(period, str) else None
    if not m or (m.group(3) and not 1 <= int(m.group(3)) <= 12):
        raise ValueError(
            f"kỳ không hợp lệ {period!r}: cần dạng YYYY, YYYY-Qn (n = 1..4) hoặc YYYY-MM, "
            "ví dụ 2026, 2026-Q1, 2026-03"
        )
    year = int(m.group(1))
    if m.group(2):
        q = int(m.group(2))
        return (*_month_span(year, 3 * q - 2, 3 * q), "quarter")
    if m.group(3):
        mo = int(m.group(3))
        return (*_month_span(year, mo, mo), "month")
    return date(year, 1, 1), date(year, 12, 31), "year"


QUARTER_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
"""Quarter number → the Roman numeral plans write ("Quý III")."""


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    """``(year, quarter)`` of the quarter after ``quarter`` (1-4) of ``year``."""
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of ``period`` (``"2026"``, ``"2026-Q3"``, ``"2026-03"``).

    Raises ``ValueError`` (Vietnamese, user-facing message) for another form.
    """
    start, end, _kind = _parse_period(period)
    return start, end


def _same_day_in(year: int, d: date) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return d.replace(year=year, day=28)


def due_overlaps(due: Due | None, period: str) -> bool:
    """True when ``due`` falls in ``period`` (``"2026"``, ``"2026-Q1"``, ``"2026-03"``).

    * With dates, the task's interval is tested against the period. A
      missing ``start`` means a pure deadline: only the ``end`` day counts
      (so "Trước ngày 15/01/2026" is in 2026-01, not in 2025). A missing
      ``end`` means open-ended: ``[start, ∞)``.
    * ``annual`` with dates repeats every year: the interval's month-days are
      matched in any year ("Quý II hàng năm" → every year's Q2; an interval
      of a year or more matches every period).
    * Without dates, a cycle matches periods at least as long as the cycle:
      ``monthly`` matches any period, ``quarterly`` a quarter or a year,
      ``annual`` a year. ``regular`` (Thường xuyên), ``once`` and ``None``
      without dates match nothing: they name no deadline to filter on.

    * ``due=None`` matches nothing (the period is still checked, so
      ``due_overlaps(None, period)`` validates a ``--due`` argument).

    Raises ``ValueError`` (Vietnamese, user-facing message) when ``period``
    is not ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``.
    """
    p_start, p_end, kind = _parse_period(period)
    if due is None:
        return False
    start = date.fromisoformat(due.start) if due.start else None
    end = date.fromisoformat(due.end) if due.end else None
    if start is None and end is None:
        cycles = {"monthly": {"month", "quarter", "year"}, "quarterly": {"quarter", "year"},
                  "annual": {"year"}}
        return kind in cycles.get(due.recurrence or "", set())
    if due.recurrence == "annual":
        start, end = start or end, end or start
        assert start is not None and end is not None  # not both None (returned above)
        length = end - start
        if length.days >= 365:
            return True
        for year in (p_start.year - 1, p_start.year):
            s = _same_day_in(year, start)
            if s <= p_end and s + length >= p_start:
                return True
        return False
    if start is None:
        assert end is not None
        return p_start <= end <= p_end
    if end is None:
        return start <= p_end
    return start <= p_end and end >= p_start


def due_in_period(due: Due, period: str, plan_year: int | None, exact: bool = False,
                  until: str | None = None) -> bool:
    """True when ``due`` lies *inside* ``period`` — the filter behind
    questions such as "nhiệm vụ nào có thời hạn trong Quý I?".

    ``period`` is ``"2026"``, ``"2026-Q1"``, ``"2026-03"``, or with ``*``
    for the year (``"*"``, ``"*-Q1"``, ``"*-03"``: a question that gives
    none), which stands for ``plan_year`` (``None`` → False).

    Where :func:`due_overlaps` (``cchc tasks --due``) asks whether a task
    is *running or due at some time in* a period, this asks whether it is
    *due within* it, so the two differ on purpose:

    * the task's dated span must lie inside the period, not just touch it
      (a pure deadline "Trước ngày 15/01/2026", with no start, by its end
      day; an open-ended ``[start, ∞)`` never does);
    * ``exact``: the span must be the whole period ("Cả năm 2026" for 2026;
      "Quý IV/2025", not "Quý III, IV/2025");
    * ``annual`` deadlines ("Tháng 10 hàng năm") are compared by month and
      day in the period's year only (a span of a year or more is not
      moved), and never fall in a whole year: a yearly task is not due in
      one particular year (:func:`due_overlaps` matches them in every year);
    * no dates (Thường xuyên, a bare "Hàng năm" or any other cycle alone)
      → False (:func:`due_overlaps` matches a cycle against periods at
      least as long).

    ``until`` (same forms) makes the period a span from ``period`` to the
    end of ``until``: "quý III, IV/2025", "Quý I hoặc Quý II", "tháng 10
    hoặc tháng 11" (a task due in either, or across both).

    Raises ``ValueError`` (as :func:`due_overlaps`) when ``period`` is not
    one of the forms above.
    """
    spans = []
    for text in filter(None, (period, until)):
        year_text, sep, rest = text.partition("-")
        if year_text == "*":
            if plan_year is None:
                return False
            text = f"{plan_year}{sep}{rest}"
        spans.append(_parse_period(text))
    p_start, p_end, kind = spans[0]
    if len(spans) > 1:
        p_end = max(p_end, spans[1][1])
    if due.start is None and due.end is None:
        return False
    start = date.fromisoformat(due.start) if due.start else None
    end = date.fromisoformat(due.end) if due.end else None
    if due.recurrence == "annual" and kind == "year":
        return False  # a yearly task is not due in one particular year
    if due.recurrence == "annual" and start and end and (end - start).days < 365:
        length = end - start
        start = _same_day_in(p_start.year, start)
        end = start + length
    if exact:
        return start == p_start and end == p_end
    if start is None:
        return end is not None and p_start <= end <= p_end
    if end is None:
        return False
    return p_start <= start and end <= p_end
