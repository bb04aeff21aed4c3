"""Citations of other documents inside plan text: found so they are never edited.

A plan cites laws, decrees and the province's plans; their numbers, dates and
names carry years that are not the plan's own ("Nghị quyết số 76/NQ-CP ngày
15/7/2021 … giai đoạn 2021-2030"). :func:`find_citations` returns their spans.

Source patterns (matched on a diacritics-free, lower-case copy of the text
that keeps every character's position):

1. **Numbered document**: a document-type word (Luật, Nghị quyết, Nghị định,
   Quyết định, Chỉ thị, Thông tư, Kế hoạch, Công văn, Văn bản, Thông báo,
   Hướng dẫn, Tờ trình, Kết luận, Chương trình, Đề án, Báo cáo …) followed by
   "số" and/or a number with a symbol: "Kế hoạch số 310/KH-UBND",
   "Quyết định 468/QĐ-TTg", "Chỉ thị số 23//CT-TTg", "Quyết định số
   /QĐ-UBND" (number left blank).
2. **Bare symbol**: "111/2025/NĐ-CP", "76/NQ-CP" (number, optional year,
   letters-dash-letters).
3. **Law by name**: "Luật <name> ngày 16/6/2025" / "… năm 2019" (capital L,
   a date or year within the clause).
4. **Standards**: "ISO 9001:2015" (number ``:`` year).

Patterns 1–3 extend over the "ngày <date>" that follows, and, when the next
words introduce the document's issuer or name ("của", "về", "về việc",
"ban hành", "quy định", "hướng dẫn", "phê duyệt", "sửa đổi"), up to the end
of the clause (``;``, ``.``, a parenthesis or a line break): the name of the
cited document ("… ban hành Chương trình tổng thể … giai đoạn 2021-2030")
belongs to that document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.textkey import aligned_fold

__all__ = ["Citation", "find_citations", "inside"]


_DOC_TYPES = (
    r"hien\s+phap|bo\s+luat|luat|phap\s+lenh|nghi\s+quyet|nghi\s+dinh|quyet\s+dinh|chi\s+thi"
    r"|thong\s+tu(?:\s+lien\s+tich)?|ke\s+hoach|cong\s+van|cong\s+dien|van\s+ban|thong\s+bao"
    r"|huong\s+dan|to\s+trinh|ket\s+luan|chuong\s+trinh|de\s+an|bao\s+cao"
)
_SYMBOL = r"[a-z0-9&]+(?:\s*-\s*[a-z0-9&]+)*"
_NUMBER = (
    r"(?:so\s*:?\s*\d*\s*(?:/+\s*(?:\d{4}\s*/+\s*)?" + _SYMBOL + r")?"
    r"|\d+\s*/+\s*(?:\d{4}\s*/+\s*)?" + _SYMBOL + r")"
)
_DATE = (
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s*thang\s*\d{1,2}\s*,?\s*nam\s*\d{4})"
)
_DATE_TAIL = r"(?:\s*,?\s*(?:ngay|ban\s+hanh\s+ngay)\s*" + _DATE + r")?"
_NUMBERED = re.compile(r"\b(?:" + _DOC_TYPES + r")\s*:?\s*" + _NUMBER + _DATE_TAIL)
_BARE_SYMBOL = re.compile(
    r"(?<![\w/])\d+\s*/+\s*(?:\d{4}\s*/+\s*)?[a-z]{1,8}(?:\s*-\s*[a-z0-9&]+)+" + _DATE_TAIL
)
_LAW = re.compile(
    r"\b(?:bo\s+)?luat\b[^;.\n()]{0,200}?(?:\bngay\s*" + _DATE + r"|\bnam\s*\d{4})"
)
_STANDARD = re.compile(r"(?<![\w:])\d{3,5}\s*:\s*\d{4}(?!\d)")
_NAME_START = re.compile(
    r"\s*,?\s*(?:cua|ve\s+viec|v/v|ve|ban\s+hanh|quy\s+dinh|huong\s+dan|phe\s+duyet|sua\s+doi)\b"
)
_CLAUSE_END = re.compile(r"[;()\n]|\.(?=\s|$)")


@dataclass
class Citation:
    """One cited document in a text.

    ``start``/``end`` delimit the whole citation (number, date, issuer and
    name); ``head_end`` ends the number-and-date part, so
    ``text[head_end:end]`` is the issuer and name ("" when there is none).
    """

    start: int
    end: int
    head_end: int


def _extend(folded: str, head_end: int) -> int:
    """End of the citation: the clause's end when a name or issuer follows."""
    if not _NAME_START.match(folded, head_end):
        return head_end
    stop = _CLAUSE_END.search(folded, head_end)
    return stop.start() if stop else len(folded)


def find_citations(text: str) -> list[Citation]:
    """Citations of other documents in ``text`` (NFC), sorted, non-overlapping.

    See the module docstring for the patterns. Never raises; an empty or
    ``None`` text gives ``[]``.
    """
    if not text:
        return []
    folded = aligned_fold(text)
    found: list[Citation] = []
    for pattern in (_NUMBERED, _BARE_SYMBOL):
        for m in pattern.finditer(folded):
            found.append(Citation(m.start(), _extend(folded, m.end()), m.end()))
    for m in _LAW.finditer(folded):
        if text[m.start()].isupper():  # "Luật …", not "pháp luật"
            found.append(Citation(m.start(), _extend(folded, m.end()), m.end()))
    for m in _STANDARD.finditer(folded):
        found.append(Citation(m.start(), m.end(), m.end()))
    found.sort(key=lambda c: (c.start, -c.end))
    merged: list[Citation] = []
    for c in found:
        if merged and c.start < merged[-1].end:
            last = merged[-1]
            if c.end > last.end:
                merged[-1] = Citation(last.start, c.end, max(last.head_end, c.head_end))
            continue
        merged.append(c)
    return merged


def inside(pos: int, citations: list[Citation]) -> Citation | None:
    """The citation covering character ``pos``, or ``None``."""
    for c in citations:
        if c.start <= pos < c.end:
            return c
    return None
