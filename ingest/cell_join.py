"""Joining a table cell's lines: the two rules the PDF-flattened and the
cell-per-line table readers share (:mod:`ingest.flattened`,
:mod:`ingest.cell_lines`, :mod:`ingest.backends.pdf_columns`).

* :func:`join_cell_lines` – a cell's lines joined with spaces, codes cut at
  their hyphen ("NĐ-" / "CP") rejoined;
* :func:`is_dangling` – a line that cannot end there (a connector word or
  punctuation at its end, :data:`CONNECTORS`).
"""

from __future__ import annotations

__all__ = ["CONNECTORS", "is_dangling", "join_cell_lines", "last_word"]

CONNECTORS = frozenset(
    "của và các với trong theo về cho tại đến hoặc những được là để từ có thuộc trên "
    "dưới bằng do như nhằm gồm đối đã sẽ một ở qua giữa mà vào ra lên".split()
)
"""Words a Vietnamese line cannot end with when the sentence goes on."""


def join_cell_lines(lines: list[str]) -> str:
    """Join a cell's lines with spaces; a code cut at its hyphen ("NĐ-" / "CP",
    "323/QĐ-" / "UBND", "III-" / "IV/2025": capitals or digits before the
    hyphen) is rejoined without one."""
    out = ""
    for line in lines:
        token = out.rsplit(None, 1)[-1] if out.strip() else ""
        code = token[:-1].split("/")[-1] if token.endswith("-") else ""
        if code and not any(c.islower() for c in code) and line[:1].isalnum():
            out += line
        elif out:
            out = f"{out} {line}"
        else:
            out = line
    return out


def is_dangling(text: str) -> bool:
    """True when ``text`` (a line or cell) cannot end there: it ends in a
    connector word ("của", "và", "các", "theo"…) or in ``, - / ( – & :``."""
    text = text.rstrip()
    if not text:
        return False
    if text.endswith((",", "-", "/", "(", "–", "&", ":")):
        return True
    return last_word(text) in CONNECTORS


def last_word(text: str) -> str:
    """The last word of ``text``, lower case, quotes stripped ("" when empty)."""
    words = text.split()
    return words[-1].lower().strip("“”\"'") if words else ""
