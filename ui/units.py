"""Lead-unit names (cơ quan chủ trì) grouped across spellings, for the task browser.

Plans write one unit many ways: "Phòng Văn hóa – Xã hội", "Phòng Văn hoá- Xã
hội", "Phòng VH-XH", "Phòng Văn hóa - Xã hội xã". The grouping key is
:func:`ingest.units.unit_key` — the same key the chat's filter answers
use, so the browser and the chat count the same tasks for a unit. Its rules
are the genre's, not one plan's: diacritics folded (``hoá``/``hóa`` alike),
dashes and punctuation unified, stock abbreviations expanded (VH-XH/VHXH,
HĐND, UBND, TTHC, VP, TT before "phục vụ" …), a trailing "xã"/"phường"/"thị
trấn" dropped; all four spellings above → ``"phong van hoa xa hoi"``.

:func:`unit_groups` picks one display label per key (splitting and keys come
from :mod:`ingest.units`).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ingest.units import split_units, task_unit_keys, unit_key

__all__ = ["unit_key", "split_units", "unit_groups", "task_unit_keys"]


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
