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
* Numbers with letters read for digits ("I1" → "11", "B0%" → "80%"): a
  token of two or more digits and I, l, |, O, B holding at least one digit.
* "Tố" before an acronym is "Tổ" (a team: "Tổ CNSCĐ", "Tổ CCHC").
* "Quý" followed by a letter read for I ("Quý ï năm 2026", "Quý l/2026")
  becomes "Quý I" (a "1" is left: the genre writes both "Quý 1" and "Quý I").
* Marks and letters (:func:`fix_tones`): spellings Vietnamese rules out
  ("cuan" → "quan", "Pục" → "Phục"), and word pairs read with the right
  letters but wrong marks (the hook above read as an acute: "tố chức",
  "kiếm tra", "Cống thông tin"; a lost breve: "Vẫn hoá") put back to the
  genre's spelling (:data:`ingest.ocrwords.GENRE_PAIRS`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ingest.ocrwords import GENRE_PAIRS
from ingest.textnorm import clean_cell, fold

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
_CU_FOR_QU = re.compile(r"^cu(?:a[nctmiouy]|[âăeêyơ])")
_P_FOR_PH = re.compile(r"^p[aăâeêioôơuưy]")
_DIGITISH = re.compile(r"(?<![\w/.-])(?=[IlO|B]*\d)(?=\d*[IlO|B])[\dIlO|B]{2,}(?=%|[\s,.;:)/]|$)")
_DIGIT_FOR = str.maketrans({"I": "1", "l": "1", "|": "1", "O": "0", "B": "8"})
_TEAM = re.compile(r"\bTố(?= [A-ZĐ]{2,}\b)")
_QUARTER_I = re.compile(r"\b(Quý|QUÝ)\s+[lïíìỉ|!](?=\s*(?:/|năm\b|$))")


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
    text = _QUARTER_I.sub(r"\1 I", text)
    text = _TEAM.sub("Tổ", text)
    text = _DIGITISH.sub(lambda m: m.group(0).translate(_DIGIT_FOR), text)
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
def _pairs() -> tuple[frozenset[str], dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The genre pairs, and the pairs by toneless key and by folded key."""
    listed = frozenset(unicodedata.normalize("NFC", p) for p in GENRE_PAIRS)
    by_tones: dict[str, set[str]] = {}
    by_fold: dict[str, set[str]] = {}
    for pair in listed:
        by_tones.setdefault(" ".join(toneless(w) for w in pair.split()), set()).add(pair)
        by_fold.setdefault(fold(pair), set()).add(pair)
    return (listed, {k: frozenset(v) for k, v in by_tones.items()},
            {k: frozenset(v) for k, v in by_fold.items()})


def _closest(read: str, forms: frozenset[str] | None) -> str | None:
    """The form nearest to ``read`` (edit distance), ``None`` on a tie or no form."""
    if not forms:
        return None
    ranked = sorted((Levenshtein.distance(read, f), f) for f in forms)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def _recase(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _spelling(word: str) -> str:
    """Letters Vietnamese spelling rules out: "cu" before a vowel that needs
    "qu" ("cuan" → "quan", "cuy" → "quy"); "p" + vowel in a word with
    Vietnamese marks ("Pục" → "Phục", native words spell "ph")."""
    bare = toneless(word)
    if _CU_FOR_QU.match(bare):
        return ("Q" if word[0] == "C" else "q") + word[1:]
    if _P_FOR_PH.match(bare) and fold(word) != word.lower():
        return word[0] + ("H" if word.isupper() else "h") + word[1:]
    return word


def fix_tones(text: str) -> str:
    """Put back the marks of genre word pairs read with wrong ones.

    Words are first respelled by :func:`_spelling`. A pair of words
    separated by one space that is not itself a pair of
    :data:`ingest.ocrwords.GENRE_PAIRS` takes the listed spelling with the
    same letters and vowel marks but other tones ("tố chức" → "tổ chức");
    failing that, the listed spelling with the same letters but other vowel
    marks too ("Vẫn hoá" → "Văn hoá", "viẹc làm" → "việc làm"). When several
    listed spellings fit, the nearest by edit distance is taken, none on a
    tie. A word already read as part of a listed pair with its left
    neighbour is not changed by the next pair ("phát thanh viên" stays).
    Words keep the case they were read with.
    """
    listed, by_tones, by_fold = _pairs()
    words = list(_WORD.finditer(text))
    tokens = [_spelling(m.group(0)) for m in words]
    settled: set[int] = set()  # words already read as part of a listed pair
    for i in range(len(tokens) - 1):
        if text[words[i].end():words[i + 1].start()] != " ":
            continue
        first, second = tokens[i], tokens[i + 1]
        spelled = f"{first.lower()} {second.lower()}"
        if spelled in listed:
            settled.update((i, i + 1))
            continue
        right = _closest(spelled, by_tones.get(f"{toneless(first)} {toneless(second)}"))
        if right is None:
            right = _closest(spelled, by_fold.get(fold(spelled)))
        if right is None:
            continue
        right_first, right_second = right.split()
        if i in settled and right_first != first.lower():
            continue
        tokens[i], tokens[i + 1] = _recase(right_first, first), _recase(right_second, second)
        settled.update((i, i + 1))
    out, last = [], 0
    for match, token in zip(words, tokens):
        out.append(text[last:match.start()])
        out.append(token)
        last = match.end()
    out.append(text[last:])
    return "".join(out)
