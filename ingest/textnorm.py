"""Text normalisation shared by parsing, filtering and search.

* :func:`nfc` – Unicode NFC, the form every stored string uses.
* :func:`fold` – comparison key: NFC, lower case, diacritics removed
  ("Phòng Văn hóa – Xã hội" → "phong van hoa - xa hoi"), dashes unified,
  whitespace collapsed. Used for case/diacritics-insensitive matching.
* :func:`clean_cell` – a cell or line as stored: NFC, inner line breaks and
  runs of spaces joined to one space, stripped; empty → ``None``.
* :func:`is_caps` – at least 80 % of the letters are capitals (headings,
  national motto lines).
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def fold(text: str | None) -> str:
    """Lower-case, diacritics-free, dash-unified, space-collapsed key of ``text``."""
    if not text:
        return ""
    text = _DASHES.sub("-", unicodedata.normalize("NFD", text))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", text.lower()).strip()


def clean_cell(text: str | None) -> str | None:
    """Join line breaks and spaces, strip; ``None`` for an empty cell."""
    if text is None:
        return None
    text = _SPACES.sub(" ", nfc(text)).strip()
    return text or None


def is_caps(text: str) -> bool:
    """True when at least 80 % of the letters of ``text`` are capitals (and there are two or more)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
