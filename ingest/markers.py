"""Numbering markers of a plan's body lines (the genre's outline syntax).

A Vietnamese administrative plan numbers its outline as::

    I. / II) / III -           roman    → level 1 ("I. MỤC ĐÍCH, YÊU CẦU")
    1. / 2) / 1.1. / 1.2.1     arabic   → level 2; dotted "1.1" → level 3, …
    a) / đ) / a. / a,          letter   → level 3
    - / + / • / – / "- +"      bullet   → a list item (not a heading)

:func:`parse_marker` recognises one marker at the start of a line;
:func:`split_glued_heading` separates a roman heading from a sub-heading the
conversion glued onto it ("I. MỤC ĐÍCH, YÊU CẦU1. Mục đích, yêu cầu:").
Leftover Markdown emphasis or heading signs in front of a marker
("### b) Nhiệm vụ", "**I. MỤC ĐÍCH**") are tolerated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

#: Nesting rank: a new heading closes every open heading of equal or higher rank.
RANK = {"roman": 0, "arabic": 1, "dotted": 1, "letter": 2}
#: Minimum outline level of each heading kind (model: 1 roman, 2 arabic, 3 letter).
MIN_LEVEL = {"roman": 1, "arabic": 2, "dotted": 2, "letter": 3}


@dataclass(frozen=True)
class Marker:
    """A recognised line marker.

    ``kind`` is ``roman``, ``arabic``, ``dotted``, ``letter`` or ``bullet``;
    ``label`` the numbering as written without punctuation ("II", "3",
    "1.2", "b"; the bullet characters for a bullet); ``rest`` the text after
    the marker, stripped of trailing emphasis signs.
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


def parse_marker(text: str) -> Marker | None:
    """Return the :class:`Marker` that starts ``text``, or ``None``.

    Patterns: roman ``II.``/``II)``/``II:``/``II - `` (valid numerals
    I–XLIX, the punctuation is required so words such as "Vượt" never match); dotted
    ``1.2.`` or ``1.2``; arabic ``1.``/``1)`` (one or two digits, not followed
    by another digit: "2025." and "1.5" are not markers); letter ``a)``,
    ``a.`` or ``a,`` (``a.``/``a,`` need a following space); bullets ``-``,
    ``+``, ``•``, ``–`` and combinations such as ``- +``.
    """
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
