"""A row number corrected within the question: "VK nv 7 à nhầm, nv 8 ai chủ
trì?", "TX nhiệm vụ 21, à không, nhiệm vụ 22 hạn khi nào?", "NAP nv 5 ý tôi là
nv 6", "mục 2.1 xin lỗi 2.2": the number before the correction is dropped, the
question asks the one after it.
"""

from __future__ import annotations

import re

from ingest.textnorm import fold

__all__ = ["CORRECTION", "corrected"]

#: What a correction says, on folded lower-case text: "à nhầm", "nhầm rồi", "à
#: không", "ý tôi là", "xin lỗi", "sửa lại", "đúng ra là" (not "không phải":
#: "nv 7, không phải nv 8" keeps the first).
CORRECTION = re.compile(
    r"[\s,;.]+(?:a |o )?(?:nham(?: roi)?|a khong|y (?:toi|em|minh|anh|chi) (?:la|hoi)|"
    r"xin loi|sua lai|dinh chinh|dung ra la|chinh xac la)\b[\s,;:.\-]*(?:la |phai la |hoi )?"
)
#: A row named by its number ("nv 7", "nhiệm vụ số 21", "mục 2.1"), on folded text.
_REF = re.compile(r"\b(?:nhiem vu|nvu|nv|viec|muc|dong|stt)\s*(?:so\s+|thu\s+)?(\d{1,3}(?:\.\d{1,2}){0,2})\b")
#: A number alone right after the correction ("à nhầm, 8").
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2}){0,2}\b")


def corrected(raw: str) -> str:
    """``raw`` (the question as typed, NFC) with each row number a correction
    takes back removed, the correction's words with it; ``raw`` unchanged
    when it corrects nothing (no numbered row just before the correction, or
    no number after it)."""
    folded = fold(raw)
    if len(folded) != len(raw):  # positions are read on the folded text
        return raw
    for cue in reversed(list(CORRECTION.finditer(folded))):
        before = [m for m in _REF.finditer(folded, 0, cue.start()) if m.end() == cue.start()]
        after = folded[cue.end():]
        if not before:
            continue
        if _REF.match(after):
            cut = before[-1].start()  # "nv 7 à nhầm, nv 8" → "nv 8"
        elif _NUMBER.match(after):
            cut = before[-1].start(1)  # "nv 7 à nhầm, 8" → "nv 8"
        else:
            continue
        raw, folded = raw[:cut] + raw[cue.end():], folded[:cut] + folded[cue.end():]
    return raw
