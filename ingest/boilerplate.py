"""Recognisers for the fixed furniture of a Vietnamese administrative document.

Decree 30/2020/NĐ-CP fixes the layout every plan and decision follows: the
national motto (Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / Tiêu ngữ
"Độc lập - Tự do - Hạnh phúc"), the issuer's letterhead in capitals
("ỦY BAN NHÂN DÂN" / "XÃ TRƯỜNG XUÂN"), the number line ("Số: 04/QĐ-UBND"),
the place-and-date line ("Trường Xuân, ngày 06 tháng 01 năm 2026"), the
recipients list ("Nơi nhận:" and its "- …" items) and the signature block
(authority "TM. ỦY BAN NHÂN DÂN", position "CHỦ TỊCH", the signer's name).
These lines carry metadata, not body text. Every function takes one line
of text (NFC) and returns a bool.
"""

from __future__ import annotations

import re

from ingest.markers import parse_marker
from ingest.textnorm import fold

_SIGNATURE_PREFIX = re.compile(r"^(?:(?:tm|kt|tl|tuq|q|ktl)\s*\.|t/m|k/t)\s*\S")
_POSITIONS = (
    "chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban",
    "pho truong ban", "truong phong", "pho truong phong", "bi thu",
    "pho bi thu", "chanh van phong", "thu truong", "nguoi ky",
)


def is_caps(text: str) -> bool:
    """True when at least 80 % of the letters of ``text`` are capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def is_national_motto(text: str) -> bool:
    """The Quốc hiệu or Tiêu ngữ line (either, or both joined on one line)."""
    key = fold(text)
    return key.startswith("cong hoa xa hoi chu nghia viet nam") or (
        "doc lap" in key and "tu do" in key and "hanh phuc" in key and len(key) < 90
    )


def is_number_line(text: str) -> bool:
    """The document number line, "Số: 04/QĐ-UBND" (number possibly blank), or
    a Party number "Số 45-KH/TU"."""
    return re.match(r"^so\s*(?::|\d+\s*(?:-\s*[a-z]+\s*)?/|/)", fold(text)) is not None and "/" in text


def is_place_date(text: str) -> bool:
    """The place-and-date line, "<Place>, ngày … tháng … năm …"."""
    return re.match(r"^[^\W\d_][\w .'-]{1,40},\s*ngay\b", fold(text)) is not None


def is_recipients_heading(text: str) -> bool:
    """The "Nơi nhận:" line that opens the recipients list."""
    return fold(text).startswith("noi nhan")


def is_signature_title(text: str) -> bool:
    """An authority or position line of a signature block, in capitals:
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"."""
    if not is_caps(text) or len(text) > 60:
        return False
    key = fold(text).rstrip(" .:")
    return bool(_SIGNATURE_PREFIX.match(key)) or key in _POSITIONS


def is_signature_note(text: str) -> bool:
    """A bracketed note inside a signature block: "(Đã ký)", "(ký tên, đóng dấu)"."""
    key = fold(text)
    return key.startswith("(") and key.endswith(")") and ("ky" in key.split() or "da ky" in key)


def is_person_name(text: str) -> bool:
    """A personal name line: 2–5 words, each a capital followed by lower-case
    letters ("Nguyễn Văn Phúc"), no digits or punctuation, at most 40 chars."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 40:
        return False
    return all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


def _is_recipient_item(text: str) -> bool:
    return text[:1] in "-+•–" and len(text) <= 120


def _recipients_blocks(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of "Nơi nhận:" lines with their items."""
    blocks = []
    i, n = 0, len(texts)
    while i < n:
        if is_recipients_heading(texts[i]):
            j = i + 1
            while j < n and _is_recipient_item(texts[j]):
                j += 1
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def signer_indices(texts: list[str]) -> list[int]:
    """Indices of signer-name lines: the first personal-name line within four
    lines after a signature title ("CHỦ TỊCH", "KT. CHỦ TỊCH") or after the
    end of a recipients list (layouts that print the name under the list);
    recipient items and further title lines in between are not counted (a
    PDF's text interleaves the two columns of the signature block)."""
    anchors = [i for i, t in enumerate(texts) if is_signature_title(t)]
    anchors += [end - 1 for _, end in _recipients_blocks(texts)]
    found: set[int] = set()
    for a in sorted(anchors):
        other = 0
        for j in range(a + 1, len(texts)):
            if is_person_name(texts[j]):
                found.add(j)
                break
            # a PDF prints the two columns interleaved: the recipients list and
            # further title lines come between the title and the name
            if is_signature_title(texts[j]) or _is_recipient_item(texts[j]) or is_signature_note(texts[j]):
                continue
            other += 1
            if other >= 4:
                break
    return sorted(found)


def signer_in_cell(text: str) -> str | None:
    """The signer's name at the end of a signature table cell whose lines were
    joined ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Phúc"), or ``None``."""
    words = text.split()
    for k in (5, 4, 3, 2):
        if len(words) <= k:
            continue
        name, head = " ".join(words[-k:]), " ".join(words[:-k])
        key = fold(head)
        if is_person_name(name) and is_caps(head) and (
            _SIGNATURE_PREFIX.match(key) or any(p in key for p in _POSITIONS)
        ):
            return name
    return None


def furniture_mask(texts: list[str]) -> list[bool]:
    """Mark the furniture lines of a run of lines (``True`` = furniture).

    Marked: motto, number, place-date, signature-title and signature-note
    lines; a "Nơi nhận" line with the short "- …" items after it; the signer
    lines of :func:`signer_indices`; capitalised lines without an outline
    marker just before (at most three lines above) a motto line — the
    letterhead printed beside it ("ỦY BAN NHÂN DÂN" / "XÃ LỘC HÒA"). Lines
    after the motto are left alone: the document type ("QUYẾT ĐỊNH",
    "KẾ HOẠCH") follows it.
    """
    mask = [
        is_national_motto(t) or is_number_line(t) or is_place_date(t)
        or is_signature_title(t) or is_signature_note(t)
        for t in texts
    ]
    for start, end in _recipients_blocks(texts):
        for j in range(start, end):
            mask[j] = True
    for j in signer_indices(texts):
        mask[j] = True
    for i, t in enumerate(texts):
        if not is_national_motto(t):
            continue
        j = i - 1
        while j >= 0 and i - j <= 3:
            tj = texts[j]
            if not (is_national_motto(tj) or mask[j]):
                if not is_caps(tj) or len(tj) > 80 or parse_marker(tj) is not None:
                    break
                mask[j] = True
            j -= 1
    return mask
