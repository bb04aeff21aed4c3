"""Lead-unit names (cơ quan chủ trì) grouped across spellings, for the task browser.

Plans write one unit many ways: "Phòng Văn hóa – Xã hội", "Phòng Văn hoá- Xã
hội", "Phòng VH-XH", "Phòng Văn hóa - Xã hội xã". The grouping key is
:func:`ingest.units.unit_key` — the same key the chat's filter answers
use, so the browser and the chat count the same tasks for a unit. Its rules
are the genre's, not one plan's: diacritics folded (``hoá``/``hóa`` alike),
dashes and punctuation unified, stock abbreviations expanded (VH-XH/VHXH,
HĐND, UBND, TTHC, VP, TT before "phục vụ" …), a trailing "xã"/"phường"/"thị
trấn" dropped; all four spellings above → ``"phong van hoa xa hoi"``.

:func:`unit_groups` picks one display label per key (it, the splitting and
the keys live in :mod:`ingest.units`; re-exported here for the pages).
"""

from __future__ import annotations

from ingest.units import split_units, task_unit_keys, unit_groups, unit_key

__all__ = ["split_units", "task_unit_keys", "unit_groups", "unit_key"]


