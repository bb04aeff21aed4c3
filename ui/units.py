"""Lead-unit names (cơ quan chủ trì) grouped across spellings, for the task browser.

Plans write one unit many ways: "Phòng Văn hóa – Xã hội", "Phòng Văn hoá- Xã
hội", "Phòng VH-XH", "Phòng Văn hóa - Xã hội xã". The grouping key is
:func:`retrieval.query.unit_key` — the same key the chat's filter answers
use, so the browser and the chat count the same tasks for a unit. Its rules
are the genre's, not one plan's: diacritics folded (``hoá``/``hóa`` alike),
dashes and punctuation unified, stock abbreviations expanded (VH-XH/VHXH,
HĐND, UBND, TTHC, VP, TT before "phục vụ" …), a trailing "xã"/"phường"/"thị
trấn" dropped; all four spellings above → ``"phong van hoa xa hoi"``.

:func:`split_units` cuts a cell naming several units into single names;
:func:`unit_groups` picks one display label per key.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from retrieval.query import unit_key

__all__ = ["unit_key", "split_units", "unit_groups", "task_unit_keys"]

_SEPARATORS = re.compile(r"(\s*[;\n/]\s*|\s*,\s*|\s+\+\s+|^\s*[-+•]\s*)")
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}\b")


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
        continues = not (part[0].isupper() or part[0].isdigit()) or (
            separator == "/" and _ACRONYM.match(part))
        if names and continues:
            names[-1] = f"{names[-1]}{pieces[i - 1]}{part}".strip()
        else:
            names.append(part)
    return names


def task_unit_keys(cell: str | None) -> list[str]:
    """Distinct grouping keys of the units named in ``cell``, in order."""
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
