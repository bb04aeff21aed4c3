"""Task numbers spelled out in words → digits.

Staff typing on a phone write "nhiệm vụ hai mươi", "nv mười hai", "nhiệm vụ
ba mươi lăm", "nv hai mươi mốt", "nhiệm vụ thứ hai"; the parser reads task
numbers as digits, so :func:`spelled_task_numbers` rewrites the number words
that follow a task word ("nhiệm vụ", "nv", "task", "dòng", "STT", optionally
"số" / "thứ") into digits before the question is parsed. Number words
anywhere else are left alone ("một cửa", "năm 2026", "các nhiệm vụ sau").
"""

from __future__ import annotations

import re

from ingest.textnorm import fold, nfc

#: Folded units (1–9). "tư" (4), "lăm" (5) and "mốt" (1) are written only
#: after "mươi"; they fold to "tu", "lam", "mot".
UNIT_WORDS: dict[str, int] = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}
#: Units that stand for a number alone after a task word even when typed
#: without diacritics. "mot" (một cửa), "nam" (năm 2026), "sau" (các nhiệm
#: vụ sau), "bay", "tam" (tạm) and "tu" (từ) are numbers alone only when
#: written with their tone mark ("sáu", "bảy", "tám", "năm", "một", "tư").
_PLAIN_ALONE = {"hai", "ba", "bon", "chin"}
_MARKED_ALONE = {"một": 1, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "tư": 4}
_TEN = "muoi"  # mười / mươi
#: The words a task number follows (folded token sequences).
_TASK_WORDS = (("nhiem", "vu"), ("nv",), ("task",), ("dong",), ("stt",))
_FOLLOWERS = {"so", "thu"}  # "nhiệm vụ số …", "nhiệm vụ thứ …"
_JOINERS = {"va", "voi", "hoac"}
_WORD = re.compile(r"\w+")
_YEARISH = re.compile(r"\d{4}|nay|toi|sau|truoc|qua|ke|hoc|ngoai")


def _read_number(tokens: list[tuple[str, str]], i: int) -> tuple[int, int] | None:
    """The number spelled at ``tokens[i:]`` as ``(value, tokens used)``.

    ``tokens`` are ``(raw NFC word, folded word)`` pairs. Reads "U", "mười
    [U]", "U mươi [U]" (U a unit word); ``None`` when no number starts there
    or a lone unit is ambiguous (see :data:`_PLAIN_ALONE`).
    """
    def unit(j: int) -> int | None:
        return UNIT_WORDS.get(tokens[j][1]) if j < len(tokens) else None

    first = tokens[i][1] if i < len(tokens) else ""
    if first == _TEN:
        extra = unit(i + 1)
        return (10 + extra, 2) if extra else (10, 1)
    tens = unit(i)
    if tens is None:
        return None
    if i + 1 < len(tokens) and tokens[i + 1][1] == _TEN and tens >= 2:
        extra = unit(i + 2)
        return (tens * 10 + extra, 3) if extra else (tens * 10, 2)
    raw = tokens[i][0].lower()
    nxt = tokens[i + 1][1] if i + 1 < len(tokens) else ""
    if first in _PLAIN_ALONE or raw in _MARKED_ALONE:
        if first == "nam" and _YEARISH.fullmatch(nxt or "x"):
            return None  # "nhiệm vụ năm 2026", "nhiệm vụ năm nay"
        return (_MARKED_ALONE.get(raw, tens), 1)
    return None


def _listed(text: str, matches: list[re.Match], j: int) -> bool:
    """True when a comma stands between word ``j - 1`` and word ``j``."""
    return 0 < j < len(matches) and "," in text[matches[j - 1].end():matches[j].start()]


def spelled_task_numbers(text: str) -> str:
    """``text`` (NFC) with each task number spelled in words after a task
    word replaced by its digits: "NAP nhiệm vụ hai mươi là gì" → "NAP nhiệm
    vụ 20 là gì", "nv mười hai" → "nv 12", "nhiem vu ba muoi lam" →
    "nhiem vu 35". Everything else is returned unchanged.
    """
    text = nfc(text or "")
    matches = list(_WORD.finditer(text))
    tokens = [(m.group(0), fold(m.group(0))) for m in matches]
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        step = next((len(w) for w in _TASK_WORDS
                     if tuple(t[1] for t in tokens[i:i + len(w)]) == w), 0)
        if not step:
            i += 1
            continue
        j = i + step
        if j < len(tokens) and tokens[j][1] in _FOLLOWERS:
            j += 1
        number = _read_number(tokens, j)
        while number is not None:  # "nhiệm vụ hai mươi và hai mươi mốt"
            value, used = number
            edits.append((matches[j].start(), matches[j + used - 1].end(), str(value)))
            j += used
            k = j + 1 if j < len(tokens) and tokens[j][1] in _JOINERS else j
            number = _read_number(tokens, k) if k > j or _listed(text, matches, j) else None
            j = k if number is not None else j
        i = j
    for start, end, digits in reversed(edits):
        text = text[:start] + digits + text[end:]
    return text
