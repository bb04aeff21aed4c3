"""Vietnamese post-cleaning of Tesseract output (scanned pages).

:func:`clean_ocr_text` is applied to every OCR'd word and cell. Rules, all
about the genre's printed text, none about one document:

* Unicode NFC (Tesseract may emit a base letter plus combining marks).
* Dashes: Tesseract reads the en dash between unit-name parts ("Văn hóa –
  Xã hội") as an em dash or an em dash glued to a hyphen ("—", "—-", "-—");
  those become "–". Administrative documents print no em dashes.
* Quotes and stray marks: curly quotes are kept; a "|" left by an erased
  ruling line at either end is dropped.
* Spaces: runs joined, no space before , ; : . ) and after (.
"""

from __future__ import annotations

import re

from ingest.textnorm import clean_cell

_EM_DASH = re.compile(r"\s*(?:[-–]?—+[-–]?|–-|-–)\s*")
_EDGE_BARS = re.compile(r"^[|¦]+\s*|\s*[|¦]+$")
_SPACE_BEFORE = re.compile(r"\s+([,;:.)])")
_SPACE_AFTER = re.compile(r"([(])\s+")


def clean_ocr_text(text: str | None) -> str:
    """The cleaned text of one OCR'd word, line or cell (``""`` when empty)."""
    text = clean_cell(text) or ""
    if not text:
        return ""
    text = _EDGE_BARS.sub("", text)
    text = _EM_DASH.sub(lambda m: " – " if m.group(0).strip() != m.group(0) else "–", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return clean_cell(text) or ""
