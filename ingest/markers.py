"""Numbering markers of a plan's body lines (the genre's outline syntax).

A Vietnamese administrative plan numbers its outline as::

    I. / II) / III -           roman    → level 1 ("I. MỤC ĐÍCH, YÊU CẦU")
    1. / 2) / 1.1. / 1.2.1     arabic   → level 2; dotted "1.1" → level 3, …
    a) / đ) / a. / a,          letter   → level 3
    - / + / • / – / "- +"      bullet   → a list item (not a heading)

Above the roman level some plans group their chapters in parts::

    Phần I / PHẦN II. / Phần 1: / PHẦN THỨ NHẤT      part → level 0
    A. / B) / C - (capital letter, title in capitals) part → level 0

and some write a chapter without a number, as a line in capitals
("TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN:"), see :func:`unnumbered_heading`.

:func:`parse_marker` recognises one marker at the start of a line;
:func:`split_glued_heading` separates a roman heading from a sub-heading the
conversion glued onto it ("I. MỤC ĐÍCH, YÊU CẦU1. Mục đích, yêu cầu:").
Leftover Markdown emphasis or heading signs in front of a marker
("### b) Nhiệm vụ", "**I. MỤC ĐÍCH**") are tolerated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.textkey import aligned_fold
from ingest.textnorm import is_caps as _is_caps

#: Vietnamese lower-case letters used as outline labels (a, b, …, đ, …).
_LETTER = "a-zđ"
_LEAD = r"^[\s#*_>]*"

_ROMAN = re.compile(_LEAD + r"(?P<label>[IVXL]{1,7})(?:\s*[.):]|\s+[-–]\s+)\s*(?P<rest>.*)$")
_DOTTED = re.compile(_LEAD + r"(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<rest>\S.*)$")
_ARABIC = re.compile(
    _LEAD + r"(?P<label>\d{1,2})\s*(?:\.\s+|\)\s*|\.(?=[^\d\s]))(?P<rest>\S.*)$"
)
_LETTER_RE = re.compile(
    _LEAD + rf"(?P<label>[{_LETTER}])(?:\s*\)\s*|[.,]\s+)(?P<rest>\S.*)$"
)
_BULLET = re.compile(r"^\s*(?P<label>(?:[-+•–—·∙▪◦]\s*)+)(?P<rest>.*)$")
_VALID_ROMAN = re.compile(r"^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ORDINALS = {"nhat": "I", "hai": "II", "ba": "III", "tu": "IV", "bon": "IV", "nam": "V",
             "sau": "VI", "bay": "VII", "tam": "VIII", "chin": "IX", "muoi": "X"}
_PART_WORD = re.compile(
    r"^[\s#*_>]*(?P<word>phan)\s+(?:thu\s+(?P<ord>" + "|".join(_ORDINALS) + r")|(?P<num>[ivxl]{1,7}|\d{1,2}))"
    r"(?![a-z0-9])\s*(?:[.:)]|[-–](?=\s))?\s*(?P<rest>.*)$"
)
_LETTER_PART = re.compile(_LEAD + r"(?P<label>[A-ZĐ])(?:\s*[.)]\s*|\s+[-–]\s+)(?P<rest>\S.*)$")
_PART_TITLE_MAX = 120

#: Nesting rank: a new heading closes every open heading of equal or higher rank.
RANK = {"part": -1, "roman": 0, "caps": 0, "arabic": 1, "dotted": 1, "letter": 2}
#: Minimum outline level of each heading kind (model: 1 roman, 2 arabic,
#: 3 letter; a part above the roman level is 0, an unnumbered chapter 1).
MIN_LEVEL = {"part": 0, "roman": 1, "caps": 1, "arabic": 2, "dotted": 2, "letter": 3}


@dataclass(frozen=True)
class Marker:
    """A recognised line marker.

    ``kind`` is ``part``, ``roman``, ``arabic``, ``dotted``, ``letter``,
    ``bullet`` or ``caps`` (an unnumbered heading); ``label`` the numbering
    as written without punctuation ("II", "3", "1.2", "b"; the bullet
    characters for a bullet; "A" or "Phần II" for a part; the title for an
    unnumbered heading); ``rest`` the text after the marker, stripped of
    trailing emphasis signs.
    """

    kind: str
    label: str
    rest: str

    @property
    def is_heading(self) -> bool:
        """True for numbering markers (roman, arabic, dotted, letter)."""
        return self.kind != "bullet"

    @property
    def depth(self) -> int:
        """Number of components of a dotted label ("1.2.1" → 3), else 1."""
        return self.label.count(".") + 1


def _tidy(rest: str) -> str:
    return rest.strip().strip("*_").strip()


def _title_like(rest: str) -> bool:
    """A heading title: short and not ending a sentence."""
    return len(rest) <= _PART_TITLE_MAX and rest.rstrip("*_ ")[-1:] not in ".;,"


def parse_part(text: str) -> Marker | None:
    """A part heading above the roman level, or ``None``.

    Patterns: "Phần"/"PHẦN" (capital P) then a roman or arabic number or
    "thứ <ordinal>" ("PHẦN THỨ HAI" → label "Phần II"; ordinals nhất … mười
    become roman numerals), then ``.``/``:``/``)``/`` - `` or nothing, and
    an optional title that starts with a capital or digit ("Phần II của Kế
    hoạch …" is a sentence, not a part). A capital letter ``A.``/``B)``/
    ``C - `` followed by a title in capitals ("A. ĐÁNH GIÁ KẾT QUẢ"); I, V, X
    and L are roman chapters, not parts. Either
    title must be at most 120 characters and not end with ``. ; ,``.
    """
    key = aligned_fold(text)
    m = _PART_WORD.match(key)
    if m and text[m.start("word")] == "P":
        if m.group("ord"):
            label = _ORDINALS[m.group("ord")]
        else:
            label = m.group("num").upper()
            if not label.isdigit() and not _VALID_ROMAN.match(label):
                return None
        rest = _tidy(text[m.start("rest"):])
        if not rest or (rest[0].isupper() or rest[0].isdigit()) and _title_like(rest):
            return Marker("part", f"Phần {label}", rest)
        return None
    m = _LETTER_PART.match(text)
    if m and m.group("label") not in "IVXL":  # those are roman chapters
        rest = _tidy(m.group("rest"))
        if rest and _is_caps(rest) and _title_like(rest):
            return Marker("part", m.group("label"), rest)
    return None


def unnumbered_heading(text: str) -> Marker | None:
    """An unnumbered chapter heading, or ``None``.

    Pattern: a line without a marker, in capitals (80 % of its letters), of
    at least two words and five letters, at most 120 characters, not opening
    with "(" and not ending with ``. ; ,`` ("TỔ CHỨC THỰC HIỆN",
    "KINH PHÍ THỰC HIỆN:"). The marker's ``label`` is the title without
    emphasis and trailing ":" — it serves as the section's locator.
    """
    if parse_marker(text) is not None:
        return None
    title = _tidy(text.strip().lstrip("#>").strip())
    letters = sum(c.isalpha() for c in title)
    if (len(title.split()) < 2 or letters < 5 or title.startswith("(")
            or not _title_like(title) or not _is_caps(title)):
        return None
    return Marker("caps", title.rstrip(" :"), title)


def parse_marker(text: str) -> Marker | None:
    """Return the :class:`Marker` that starts ``text``, or ``None``.

    Patterns: parts (:func:`parse_part`); roman ``II.``/``II)``/``II:``/``II - `` (valid numerals
    I–XLIX, the punctuation is required so words such as "Vượt" never match); dotted
    ``1.2.`` or ``1.2``; arabic ``1.``/``1)`` (one or two digits, not followed
    by another digit: "2025." and "1.5" are not markers); letter ``a)``,
    ``a.`` or ``a,`` (``a.``/``a,`` need a following space); bullets ``-``,
    ``+``, ``•``, ``–`` and combinations such as ``- +``.
    """
    part = parse_part(text)
    if part is not None:
        return part
    m = _ROMAN.match(text)
    if m and _VALID_ROMAN.match(m.group("label")) and _tidy(m.group("rest")):
        return Marker("roman", m.group("label"), _tidy(m.group("rest")))
    m = _DOTTED.match(text)
    if m:
        return Marker("dotted", m.group("label"), _tidy(m.group("rest")))
    m = _ARABIC.match(text)
    if m:
        return Marker("arabic", m.group("label"), _tidy(m.group("rest")))
    m = _LETTER_RE.match(text)
    if m:
        return Marker("letter", m.group("label"), _tidy(m.group("rest")))
    m = _BULLET.match(text)
    if m and m.group("rest").strip():
        return Marker("bullet", m.group("label").replace(" ", ""), m.group("rest").strip())
    return None


_GLUED_SUB = re.compile(r"(?P<sub>\d{1,2}[.)]\s*\S.*)$")


def split_glued_heading(text: str) -> list[str]:
    """Split a roman heading from an arabic sub-heading glued after it.

    ``"I. MỤC ĐÍCH, YÊU CẦU1. Mục đích, yêu cầu:"`` →
    ``["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích, yêu cầu:"]``. The split happens
    only when the roman title is written in capitals (no lower-case letter)
    and the glued part is a mixed-case arabic heading, so a capitalised
    title holding a figure ("II. CHỈ TIÊU NĂM 2025") is left whole. Any other
    text is returned as a one-element list.
    """
    marker = parse_marker(text)
    if marker is None or marker.kind != "roman":
        return [text]
    for m in re.finditer(r"\d{1,2}[.)]", text):
        head, tail = text[: m.start()].rstrip(), text[m.start():]
        title = head[head.find(marker.label) + len(marker.label):].strip(" .):*_#")
        if not title or any(ch.islower() for ch in title):
            continue
        if not head[-1].isalpha() or not _GLUED_SUB.match(tail):
            continue
        sub = parse_marker(tail)
        if sub and sub.kind == "arabic" and any(ch.islower() for ch in sub.rest):
            return [head.strip("*_ "), tail.strip("*_ ")]
    return [text]
