"""Field words mistyped in chat: "ai chu tri vs ai phoi hp", "thoi hna the
nao", "san phma la gi", "chu tir la ai".

One syllable of a two-syllable field word (:data:`FIELD_WORDS`: "phối hợp",
"chủ trì", "thời hạn", "thời gian", "sản phẩm", "hoàn thành") typed beside
the other one, correct, is put right when it is no Vietnamese syllable at
all (:data:`SYLLABLE`: "hp", "hna", "tir", "phma") and lies one edit
(insertion, deletion, substitution or two letters swapped) from the
syllable expected. A real syllable is never changed ("phối hợp" stays
"phối hợp", "chủ tịch" is not "chủ trì"), so no word a plan writes is
touched.
"""

from __future__ import annotations

import re

from ingest.textnorm import fold

__all__ = ["FIELD_WORDS", "SYLLABLE", "fixed_field_typos", "is_syllable"]

#: The two-syllable field words a question asks by (folded), as pairs.
FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("phoi", "hop"), ("chu", "tri"), ("thoi", "han"), ("thoi", "gian"), ("san", "pham"),
    ("hoan", "thanh"),
)

#: A Vietnamese syllable, folded: an optional onset, one to three vowels, an optional coda.
SYLLABLE = re.compile(r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}"
                      r"(?:ng|nh|ch|[cmnpt])?$")

_WORD = re.compile(r"[^\W\d_]+")


def is_syllable(word: str) -> bool:
    """True when ``word`` (any case, diacritics optional) spells a Vietnamese syllable."""
    return bool(SYLLABLE.match(fold(word).lower()))


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion,
    substitution or swap of two adjacent letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _fix(first: str, second: str) -> tuple[str, str] | None:
    """The field word the folded pair (``first``, ``second``) mistypes, or ``None``."""
    for a, b in FIELD_WORDS:
        if first == a and second != b and not is_syllable(second) and _one_edit(second, b):
            return a, b
        if second == b and first != a and not is_syllable(first) and _one_edit(first, a):
            return a, b
    return None


def fixed_field_typos(raw: str) -> str:
    """``raw`` (the question as typed) with each mistyped field word put
    right (module docstring); the words written correctly are kept as typed."""
    words = list(_WORD.finditer(raw))
    if len(words) < 2:
        return raw
    out, last = [], 0
    for left, right in zip(words, words[1:]):
        if raw[left.end():right.start()].strip():
            continue  # punctuation between them: not one word
        fixed = _fix(fold(left.group(0)).lower(), fold(right.group(0)).lower())
        if fixed is None:
            continue
        for match, want in ((left, fixed[0]), (right, fixed[1])):
            if fold(match.group(0)).lower() != want and match.start() >= last:
                out.append(raw[last:match.start()] + want)
                last = match.end()
    return "".join(out) + raw[last:] if out else raw
