"""Units (cơ quan, đơn vị) named in a lead / coordinating cell: one splitter
and one comparison key for the whole project.

Plans write one unit many ways: "Phòng Văn hóa – Xã hội", "Phòng Văn hoá-
Xã hội", "Phòng VH-XH", "Phòng Văn hóa - Xã hội xã". :func:`unit_key` is
:func:`ingest.lexicon.canon` (diacritics folded, punctuation unified, genre
abbreviations expanded) without a trailing "xã"/"phường"/"thị trấn"/"huyện":
all four → ``"phong van hoa xa hoi"``. The task browser, the chat's filters,
``cchc tasks --lead`` and the duties answers all group and match by it.

:func:`split_units` cuts a cell naming several units into single names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ingest.lexicon import UNIT_QUALIFIER, canon, contains_words

__all__ = ["split_units", "task_unit_keys", "unit_key", "unit_matches"]

_SEPARATORS = re.compile(r"(\s*[;\n/]\s*|\s*,\s*|\s+\+\s+|^\s*[-+•]\s*)")
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}\b")
_UNIT_TAIL = re.compile(r"(?: (?:xa|phuong|thi tran|huyen))+$")


def split_units(cell: str | None) -> list[str]:
    """The unit names of one lead/coordinating cell, in order, stripped.

    Separators: ``;``, ``,``, ``/``, line breaks, `` + `` and a leading list
    bullet ("- Phòng A"). A dash inside a name ("Văn hóa - Xã hội") is kept.
    A piece that does not start with a capital letter or a digit continues
    the previous name instead of naming a unit of its own, and so does an
    acronym after "/" ("HĐND/UBND"): "Các phòng, ban, ngành" and "Văn phòng
    HĐND/UBND" stay whole while "Phòng Kinh tế, Phòng VH-XH" and "Sở Nội
    vụ/Sở Y tế" give two names each. Empty cell → ``[]``.
    """
    if not cell:
        return []
    names: list[str] = []
    pieces = _SEPARATORS.split(cell)  # text, separator, text, ...
    for i in range(0, len(pieces), 2):
        part = pieces[i].strip(" .-+•")
        if not part:
            continue
        separator = pieces[i - 1].strip() if i else ""
        continues = not (part[0].isupper() or part[0].isdigit()) or bool(
            separator == "/" and _ACRONYM.match(part))
        if names and continues:
            names[-1] = f"{names[-1]}{pieces[i - 1]}{part}".strip()
        else:
            names.append(part)
    return names


def unit_key(unit: str | None) -> str:
    """Normalised unit key: :func:`ingest.lexicon.canon` without a trailing
    "xã"/"phường"/"thị trấn"/"huyện".

    "Phòng Văn hóa – Xã hội xã" and "Phòng VH-XH" → "phong van hoa xa hoi";
    "Văn phòng HĐND và UBND xã" → "van phong hoi dong nhan dan va uy ban
    nhan dan". ``None`` → "".
    """
    return _UNIT_TAIL.sub("", canon(unit)).strip()


def unit_name_key(unit: str | None) -> str:
    """:func:`unit_key` without a qualifier after the unit's own name
    (:data:`ingest.lexicon.UNIT_QUALIFIER`): "Các trường trên địa bàn xã" →
    "cac truong"; a name without one keeps its whole key."""
    return UNIT_QUALIFIER.sub("", unit_key(unit)).strip()


def unit_matches(query_unit: str, cell: str | None) -> bool:
    """True when the unit key ``query_unit`` is one of the units of ``cell``
    (or contained, as whole words, in one of them)."""
    return any(contains_words(unit_key(u), query_unit) >= 0 for u in split_units(cell))


def task_unit_keys(cell: str | None) -> list[str]:
    """Distinct :func:`unit_key` of the units named in ``cell``, in order."""
    keys: list[str] = []
    for name in split_units(cell):
        key = unit_key(name)
        if key and key not in keys:
            keys.append(key)
    return keys


def unit_groups(names: Iterable[str]) -> dict[str, str]:
    """Key → display label for the given single unit names.

    The label is the most frequent spelling of the key; ties go to the
    longest spelling (diacritics and full words intact), then the first in
    alphabetical order. Names with an empty key are skipped.
    """
    counts: dict[str, Counter] = {}
    for name in names:
        key = unit_key(name)
        if key:
            counts.setdefault(key, Counter())[name.strip()] += 1
    return {
        key: sorted(c.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        for key, c in counts.items()
    }
