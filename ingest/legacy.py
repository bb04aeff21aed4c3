"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI, detected and converted to Unicode.

Many older government files were typed before Unicode, in fonts that draw
Vietnamese letters over Latin-1 code points: TCVN3 (TCVN 5712:1993, fonts
``.VnTime``, ``.VnArial``…) puts one letter per byte ("B¶o Th¾ng" = "Bảo
Thắng"), VNI (fonts ``VNI-Times``…) writes a base letter followed by a mark
byte ("Vieät Nam" = "Việt Nam"). Read as Windows-1258/1252, or shown as
plain characters in a Word run, such text is mojibake: no title, no task.

* :func:`decode_tcvn3` / :func:`decode_vni` convert bytes (the Latin-1 /
  Windows-1252 code units of the text) with the tables below.
* :func:`vietnamese_score` is the share of a text's words that are among
  the genre's commonest syllables (:data:`COMMON_SYLLABLES`): about 0.45
  for a real plan, under 0.05 for mojibake.
* :func:`best_reading` picks the reading (as decoded, TCVN3, VNI) with the
  clearly best score; :func:`repair_texts` applies it to a document's texts
  and :func:`decode_text_bytes` to a text file's bytes. Text that still
  looks like mojibake under every reading raises
  :class:`ingest.errors.LegacyEncodingError` (refused, never indexed).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

# TCVN3 bytes 0xA1..0xFF (TCVN 5712:1993 VN3 over VN1's code points; bytes
# 0xB0..0xB4 are the combining tone marks). Bytes below 0xA1 are Windows-1252.
_TCVN3_HIGH = (
    "ĂÂÊÔƠƯĐăâêôơưđẶ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọ"
    "ồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
TCVN3: dict[int, str] = {0xA1 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}
assert len(TCVN3) == 0xFF - 0xA1 + 1
# Capitals with a tone (TCVN 5712 VN1) at 0x80..0x9F and some control codes.
# Windows-1252 punctuation shares 0x80..0x9F, so these are read as letters
# only next to a letter (and the quote codes 0x91..0x94 only inside a word).
TCVN3_CAPITALS: dict[int, str] = {
    **{0x80 + i: ch for i, ch in enumerate("ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ")},
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
    0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}
_QUOTES = range(0x91, 0x95)

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
# VNI mark bytes (as Windows-1252 characters), in the order of _TONES.
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â ấ ầ ẩ ẫ ậ
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă ắ ằ ẳ ẵ ặ


def _vni_table() -> dict[str, str]:
    """VNI sequence → Unicode letter, built from the mark rows above."""
    table: dict[str, str] = {}

    def add(seq: str, base: str, *marks: str) -> None:
        letter = unicodedata.normalize("NFC", base + "".join(marks))
        table[seq] = letter
        table[seq.upper()] = letter.upper()
        if len(seq) == 2:  # upper-case letter typed with a lower-case mark, and back
            table[seq[0].upper() + seq[1]] = letter.upper()
            table[seq[0] + seq[1].upper()] = letter

    for base in "aeouy":
        for tone, mark in zip(_TONES[1:], _VNI_TONE[1:]):
            add(base + mark, base, tone)
    for base in "aeo":
        for tone, mark in zip(_TONES, _VNI_CIRCUMFLEX):
            add(base + mark, base, "\u0302", tone)
    for tone, mark in zip(_TONES, _VNI_BREVE):
        add("a" + mark, "a", "\u0306", tone)
    for horn_char, base in (("ô", "o"), ("ö", "u")):  # ơ, ư and their tones
        add(horn_char, base, "\u031b")
        for tone, mark in zip(_TONES[1:], _VNI_TONE[1:]):
            add(horn_char + mark, base, "\u031b", tone)
    for tone, char in zip(_TONES[1:], ("í", "ì", "æ", "ó", "ò")):  # i with a tone: one byte
        add(char, "i", tone)
    add("î", "y", "\u0323")  # ỵ
    add("ñ", "đ")
    return table


VNI: dict[str, str] = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

MIN_SCORE = 0.15
"""Score a reading needs to count as Vietnamese: real plans score 0.42–0.48
(the five seeds), their TCVN3/VNI bytes read as Windows-1258 0.00–0.03."""

COMMON_SYLLABLES = frozenset(
    "của và các được trong người hành chính thực hiện năm đơn vị xã phòng kế hoạch "
    "nhiệm vụ công cải cách quản lý thủ tục cơ quan với những việc đến theo chủ trì "
    "phối hợp thời gian hoàn thành ủy ban nhân dân báo cáo tổ chức triển khai số "
    "dịch trực tuyến nâng cao hồ sơ cán bộ chức viên huyện tỉnh phường thị trấn".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_LATIN1_LETTER = re.compile(r"[\u00a0-\u00ff]")
_TCVN3_FONT = re.compile(r"\.Vn[A-Za-z]", re.ASCII)
_VNI_FONT = re.compile(r"VNI[- ][A-Za-z]", re.ASCII)


def _is_letter_byte(byte: int | None) -> bool:
    return byte is not None and (chr(byte).isalpha() and byte < 0x80 or byte >= 0xA1
                                 or byte in TCVN3_CAPITALS and byte not in _QUOTES)


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes → NFC Unicode text: 0xA1..0xFF by :data:`TCVN3`, capitals
    by :data:`TCVN3_CAPITALS` when next to a letter, other bytes as
    Windows-1252."""
    out = []
    n = len(data)
    for i, byte in enumerate(data):
        if byte >= 0xA1:
            out.append(TCVN3[byte])
            continue
        if byte in TCVN3_CAPITALS:
            before = _is_letter_byte(data[i - 1]) if i else False
            after = _is_letter_byte(data[i + 1]) if i + 1 < n else False
            if (before and after) if byte in _QUOTES else (before or after):
                out.append(TCVN3_CAPITALS[byte])
                continue
        out.append(bytes([byte]).decode("cp1252", errors="replace"))
    return unicodedata.normalize("NFC", "".join(out))


def decode_vni(data: bytes) -> str:
    """VNI (Windows) bytes → NFC Unicode text: base letters and mark bytes
    combined by :data:`VNI`, longest sequence first."""
    text = data.decode("cp1252", errors="replace")
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: VNI[m.group(0)], text))


DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}
LABELS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def vietnamese_score(text: str) -> float:
    """Share (0–1) of ``text``'s words with a non-ASCII letter that are common
    Vietnamese syllables (ASCII words such as "ban", "theo" survive any
    misreading, so they do not count)."""
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text)) if not w.isascii()]
    if not words:
        return 0.0
    return sum(w in COMMON_SYLLABLES for w in words) / len(words)


def looks_like_mojibake(text: str) -> bool:
    """True when ``text`` has many Latin-1 letters (¸ ¶ µ Ø Ï …) and few
    Vietnamese words: legacy-encoded text read as if it were Unicode."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 40:
        return False
    latin1 = len(_LATIN1_LETTER.findall(text))
    return latin1 / letters > 0.04 and vietnamese_score(text) < 0.05


def as_legacy_bytes(text: str) -> bytes | None:
    """The code units of ``text`` as a legacy font saw them (Latin-1 or
    Windows-1252 per character), or ``None`` if it has real Unicode letters."""
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(code)
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def best_reading(sample: str, fonts: str = "") -> str | None:
    """``"tcvn3"``, ``"vni"`` or ``None`` (keep ``sample`` as it is).

    A legacy reading wins when its :func:`vietnamese_score` is at least :data:`MIN_SCORE`
    and twice the sample's own; ``fonts`` (font names the document uses)
    breaks a tie in favour of the encoding they name.
    """
    raw = as_legacy_bytes(sample)
    if raw is None:
        return None
    own = vietnamese_score(sample)
    scores = {name: vietnamese_score(decode(raw)) for name, decode in DECODERS.items()}
    if _TCVN3_FONT.search(fonts):
        scores["tcvn3"] += 0.01
    if _VNI_FONT.search(fonts):
        scores["vni"] += 0.01
    name = max(scores, key=lambda n: scores[n])
    return name if scores[name] >= MIN_SCORE and scores[name] >= 2 * own else None


def convert(text: str, encoding: str) -> str:
    """``text`` (legacy code units shown as characters) read as ``encoding``;
    unchanged when it holds characters no legacy font has."""
    raw = as_legacy_bytes(text)
    return text if raw is None else DECODERS[encoding](raw)


def repair_texts(texts: Iterable[str], name: str, fonts: str = "") -> str | None:
    """The legacy encoding ``texts`` (one document's) are written in, or ``None``.

    Raises :class:`ingest.errors.LegacyEncodingError` when the texts look
    like mojibake and no reading turns them into Vietnamese.
    """
    from ingest.errors import LegacyEncodingError

    sample = "\n".join(t for t in texts if t)[:200_000]
    legacy = [t for t in sample.split("\n") if as_legacy_bytes(t) is not None]
    encoding = best_reading("\n".join(legacy), fonts) if legacy else None
    if encoding is None and looks_like_mojibake(sample):
        raise LegacyEncodingError(name)
    return encoding


def decode_text_bytes(data: bytes, text: str, name: str) -> tuple[str, str | None]:
    """A text file's content: ``text`` (``data`` decoded as its codec), or
    ``data`` read as TCVN3/VNI when that reading is clearly Vietnamese.

    Returns ``(text, encoding or None)``; raises
    :class:`ingest.errors.LegacyEncodingError` for mojibake no reading fixes.
    """
    from ingest.errors import LegacyEncodingError

    own = vietnamese_score(text[:200_000])
    if own >= MIN_SCORE:
        return text, None
    scores = {n: vietnamese_score(d(data[:400_000])) for n, d in DECODERS.items()}
    best = max(scores, key=lambda n: scores[n])
    if scores[best] >= MIN_SCORE and scores[best] >= 2 * own:
        return DECODERS[best](data), best
    if looks_like_mojibake(text[:200_000]):
        raise LegacyEncodingError(name)
    return text, None
