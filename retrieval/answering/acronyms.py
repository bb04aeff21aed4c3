"""Short names the plans define in brackets ("Chỉ số năng lực cạnh tranh cấp
xã (DCI)", "… (SIPAS)"), read once from the passages.

A term asked by its short name ("KH nào có nhắc chỉ số DCI?") is also met by
a plan that writes the full name with a short name of its own (Lộc Hòa:
"Chỉ số năng lực cạnh tranh cấp xã (DDCI)"), and a term asked by its full
name is one thing, matched as written (not "Chỉ số năng lực cạnh tranh cấp
tỉnh (PCI)", whose words are the same but one): :mod:`retrieval.answering.plans`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ingest.lexicon import canon

__all__ = ["MAX_NAME_WORDS", "Glossary"]

#: Most words of a full name before its bracketed short name.
MAX_NAME_WORDS = 20
_SHORT = re.compile(r"\(\s*([A-ZĐ][A-ZĐ0-9]{1,9})\s*\)")
#: Where a name may start: after a sentence mark, or (walking back while the words
#: open in lower case) a comma between its parts ("Chỉ số hài lòng của người dân, tổ chức …").
_SENTENCE_BREAK = re.compile(r"[:.()\n]")
_PART_BREAK = re.compile(r"[,;]")


class Glossary:
    """short name (``canon`` key) → the full names (``canon`` keys, most written
    first) the passages give it, and full name → the short names written
    after it in each passage."""

    def __init__(self, quotes: Iterable[str]):
        names: dict[str, Counter[str]] = {}
        for quote in quotes:
            for m in _SHORT.finditer(quote or ""):
                full = _full_name(quote[:m.start()])
                if full:
                    names.setdefault(canon(m.group(1)), Counter())[full] += 1
        self.names = {short: [n for n, _ in counts.most_common()] for short, counts in names.items()}
        self.full_names = frozenset(n for ns in self.names.values() for n in ns)

    def expansions(self, term: str, shorts: Iterable[str]) -> list[str]:
        """The full names of the short names of ``term`` (a ``canon`` key) among
        ``shorts`` (the acronyms typed): "chi so dci" with {"dci"} → ["chi so
        nang luc canh tranh cap xa"]; ``[]`` when none is defined."""
        words = term.split()
        found: list[str] = []
        # the short names typed in capitals, and any word of the term that is one (3 letters or more)
        for short in [*shorts, *(w for w in words if len(w) >= 3 and w in self.names)]:
            if short in words:
                found += [n for n in self.names.get(short, []) if n not in found]
        return found

    def is_full_name(self, term: str) -> bool:
        """Is ``term`` (a ``canon`` key) a full name some plan gives a short name?"""
        return term in self.full_names


def _full_name(before: str) -> str | None:
    """The full name ending just before a bracket, as a ``canon`` key: the
    words since the last sentence mark, walking back over comma-separated
    parts while the part opens in lower case ("Chỉ số hài lòng của người
    dân, tổ chức với sự phục vụ của cơ quan hành chính Nhà nước"), at most
    :data:`MAX_NAME_WORDS` words, opening with a capital ("Chỉ số năng lực
    cạnh tranh cấp xã"); ``None`` when there is none."""
    parts = _PART_BREAK.split(_SENTENCE_BREAK.split(before)[-1])
    words: list[str] = []
    for part in reversed(parts):
        words = part.split() + words
        if len(words) > MAX_NAME_WORDS:
            return None
        if words and words[0][:1].isupper():
            break
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return canon(" ".join(words)) or None
