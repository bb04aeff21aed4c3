"""Index-aligned comparison key for pattern matching on Vietnamese text.

:func:`ingest.textnorm.fold` collapses spaces, so positions found in its
output do not map back to the source. :func:`aligned_fold` folds character
by character instead — lower case, diacritics removed, "đ" → "d" — keeping
the length, so a match ``m`` on the key slices the original text with
``text[m.start():m.end()]`` ("ngày 06 tháng 01" → "ngay 06 thang 01").
"""

from __future__ import annotations

import unicodedata


def aligned_fold(text: str) -> str:
    """``text`` folded one character at a time; ``len`` is unchanged."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        out.append("d" if base == "đ" else base)
    return "".join(out)
