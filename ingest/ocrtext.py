"""Vietnamese post-cleaning of Tesseract output (scanned pages).

:func:`clean_ocr_text` is applied to every OCR'd word and cell. Rules, all
about the genre's printed text, none about one document:

* Unicode NFC (Tesseract may emit a base letter plus combining marks).
* Dashes: Tesseract reads the en dash between unit-name parts ("Văn hóa –
  Xã hội") as an em dash or an em dash glued to a hyphen ("—", "—-", "-—");
  those become "–". Administrative documents print no em dashes.
* Residue of erased ruling lines and specks: "|" at either end, "_" next to
  a letter, and a lone "-", "_", "~" or "." after the last word are dropped.
* Spaces: runs joined, no space before , ; : . ) and after (.
* Roman numerals of group headings at the start ("L. Chỉ đạo…",
  "H. Cải cách thể chế"): a marker made of I, V, X and the letters Tesseract
  reads for I (l, L, |, !, 1) or for II (H) becomes the numeral when the
  result is one (I–XX) and it holds at least one letter.
* Tone marks (:func:`fix_tones`): a word pair read with the right letters but
  wrong tones (the hook above read as an acute: "tố chức", "kiếm tra",
  "Cống thông tin") is put back to the genre's spelling
  (:data:`ingest.ocrwords.GENRE_PAIRS`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ingest.ocrwords import GENRE_PAIRS
from ingest.textnorm import clean_cell

_EM_DASH = re.compile(r"(\s*)(?:[-–]?—+[-–]?|–-|-–)(\s*)")
_EDGE_BARS = re.compile(r"^[|¦]+\s*|\s*[|¦]+$")
_UNDERSCORE = re.compile(r"_(?=\w)|(?<=\w)_")
_TRAILING_MARK = re.compile(r"\s+[-_~.]+$")
_SPACE_BEFORE = re.compile(r"\s+([,;:.)])")
_SPACE_AFTER = re.compile(r"([(])\s+")
_ROMAN_MARKER = re.compile(r"^([IVXLHl|!1]{1,5})\.(?=\s)")
_ROMAN = re.compile(r"^(?:X{0,2})(?:IX|IV|V?I{0,3})$")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+")


def clean_ocr_text(text: str | None) -> str:
    """The cleaned text of one OCR'd word, line or cell (``""`` when empty)."""
    text = clean_cell(text) or ""
    if not text:
        return ""
    text = _EDGE_BARS.sub("", text)
    text = _EM_DASH.sub(lambda m: " – " if (m.group(1) or m.group(2)) else "–", text)
    text = _UNDERSCORE.sub("", text)
    text = _TRAILING_MARK.sub("", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = _roman_marker(text)
    return fix_tones(clean_cell(text) or "")


def _roman_marker(text: str) -> str:
    match = _ROMAN_MARKER.match(text)
    if not match or not re.search(r"[A-Za-z|!]", match.group(1)):
        return text
    numeral = match.group(1).replace("H", "II")
    numeral = re.sub(r"[lL|!1]", "I", numeral)
    if numeral == match.group(1) or not numeral or not _ROMAN.match(numeral):
        return text
    return numeral + text[match.end(1):]


def toneless(word: str) -> str:
    """``word`` in lower case without its tone mark ("Tổ" → "tô"); the vowel
    marks (â ă ê ô ơ ư) and đ are kept."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


@lru_cache(maxsize=1)
def _pairs() -> dict[str, frozenset[str]]:
    """Toneless key of each genre pair → the pairs spelled with it."""
    out: dict[str, set[str]] = {}
    for pair in GENRE_PAIRS:
        key = " ".join(toneless(w) for w in pair.split())
        out.setdefault(key, set()).add(unicodedata.normalize("NFC", pair))
    return {k: frozenset(v) for k, v in out.items()}


def _recase(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def fix_tones(text: str) -> str:
    """Put back the tones of genre word pairs read with wrong ones.

    A pair of words separated by one space whose toneless form is that of
    exactly one spelling in :data:`ingest.ocrwords.GENRE_PAIRS`, and which is
    not itself spelled as any listed pair, takes that spelling (with the
    case of the words read). Everything else is left as read.
    """
    pairs = _pairs()
    words = list(_WORD.finditer(text))
    if len(words) < 2:
        return text
    tokens = [m.group(0) for m in words]
    for i in range(len(tokens) - 1):
        if text[words[i].end():words[i + 1].start()] != " ":
            continue
        first, second = tokens[i], tokens[i + 1]
        spelled = f"{first.lower()} {second.lower()}"
        forms = pairs.get(f"{toneless(first)} {toneless(second)}")
        if not forms or spelled in forms or len(forms) != 1:
            continue
        right_first, right_second = next(iter(forms)).split()
        tokens[i], tokens[i + 1] = _recase(right_first, first), _recase(right_second, second)
    out, last = [], 0
    for match, token in zip(words, tokens):
        out.append(text[last:match.start()])
        out.append(token)
        last = match.end()
    out.append(text[last:])
    return "".join(out)
