"""Token analyses for the three BM25 indexes (documents and queries alike).

* :func:`syllables` – NFC, lower case, split on non-word characters:
  ``"Phòng Văn hóa - Xã hội"`` → ``["phòng", "văn", "hóa", "xã", "hội"]``.
* :func:`words` – underthesea word segmentation, multi-syllable words joined
  by ``_``: → ``["phòng", "văn_hóa", "xã_hội"]``.
* :func:`folded` – syllables without diacritics (``ingest.textnorm.fold``),
  for queries typed without dấu: → ``["phong", "van", "hoa", "xa", "hoi"]``.

Before any analysis, :func:`expand_abbreviations` rewrites the stock
abbreviations of Vietnamese administrative writing (CCHC, TTHC, UBND, HĐND,
nv, …) to their full words, and letter–digit runs are split ("NV22" →
"NV 22"), so "nv 22 cchc" and "nhiệm vụ 22 cải cách hành chính" meet.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Container, Iterable

from ingest.lexicon import ABBREVIATIONS, canonical_tones, expand_abbreviations  # noqa: F401 (re-exported)
from ingest.textnorm import fold

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[^\W_]+")


_TASK_REF = re.compile(
    r"(?<!\w)(?:nhi[eệ]m\s+v[uụ]|task)\s+(?:s[oố]\s+)?(\d+(?:\.\d+)*)(?![\d\w])",
    re.IGNORECASE,
)


def task_markers(text: str) -> list[str]:
    """One token per task reference in ``text``: "Nhiệm vụ 22", "nv 22", "task
    2.4" → "nhiemvu22", "nhiemvu2d4" (a rare token, so BM25 can match the
    numbered row rather than every text holding "nhiệm vụ" and "22")."""
    return ["nhiemvu" + n.replace(".", "d") for n in _TASK_REF.findall(text)]


def syllables(text: str) -> list[str]:
    """Lower-case NFC syllables of ``text`` (abbreviations expanded), then
    its :func:`task_markers`."""
    text = expand_abbreviations(text)
    return [t.lower() for t in _TOKEN.findall(text)] + task_markers(text)


def folded(text: str) -> list[str]:
    """Diacritics-free lower-case syllables of ``text`` ("đ" → "d"), then
    its :func:`task_markers`."""
    text = fold(expand_abbreviations(text))
    return _TOKEN.findall(text) + task_markers(text)


def words(text: str) -> list[str]:
    """underthesea words of ``text``, lower case, syllables joined by "_".

    Tokens without a letter or digit (punctuation) are dropped. Imports
    underthesea on first call (~3 s).
    """
    from underthesea import word_tokenize

    text = expand_abbreviations(text)
    out: list[str] = []
    for token in word_tokenize(text):
        parts = _TOKEN.findall(token.lower())
        if parts:
            out.append("_".join(parts))
    return out + task_markers(text)


def words_by_vocab(text: str, vocab: Container[str], max_len: int = 4) -> list[str]:
    """Query-time word segmentation without loading underthesea (~3 s).

    Greedy longest match of ``text``'s syllables against ``vocab`` (the
    words BM25 index vocabulary, whose multi-syllable words underthesea
    found in the documents): "phòng văn hóa xã hội" with "văn_hóa", "xã_hội"
    in ``vocab`` → ["phòng", "văn_hóa", "xã_hội"]. Matches up to ``max_len``
    syllables; unmatched syllables stay single.
    """
    text = expand_abbreviations(text)
    syl = [t.lower() for t in _TOKEN.findall(text)]

    def known_word(run: list[str]) -> str | None:
        word = "_".join(run)
        return word if word in vocab else None

    return greedy_longest(syl, known_word, max_len, min_len=2) + task_markers(text)


def greedy_longest(
    tokens: list[str], lookup: Callable[[list[str]], str | None], max_len: int, min_len: int = 1
) -> list[str]:
    """Left-to-right longest match: runs of ``max_len`` … ``min_len`` tokens.

    ``lookup(run)`` returns the replacement of a known run or ``None``; a
    token in no known run is kept as it is. Returns the new token list.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(max_len, len(tokens) - i), min_len - 1, -1):
            hit = lookup(tokens[i:i + n])
            if hit is not None:
                out.append(hit)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


_QUERY_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


def diacritics_table(texts: Iterable[str], max_n: int = 3) -> dict[str, str]:
    """Folded syllable n-gram → its most frequent written form in ``texts``.

    Keys are 1- to ``max_n``-syllable runs without diacritics, space-joined
    ("bao cao" → "báo cáo", "nam an phu" → "nam an phụ"); values the
    lower-case spelling that occurs most often (ties: first seen). Built
    from the indexed chunks, so it knows the corpus's own words and names.
    """
    counts: dict[str, Counter] = {}
    folds: dict[str, str] = {}
    for text in texts:
        syl = [t.lower() for t in _TOKEN.findall(expand_abbreviations(text))]
        keys = [folds.get(t) or folds.setdefault(t, fold(t)) for t in syl]
        for n in range(1, max_n + 1):
            for i in range(len(syl) - n + 1):
                key = " ".join(keys[i:i + n])
                counts.setdefault(key, Counter())[" ".join(syl[i:i + n])] += 1
    return {key: c.most_common(1)[0][0] for key, c in counts.items()}


def restore_diacritics(text: str, table: dict[str, str], max_n: int = 3) -> str:
    """``text`` typed without diacritics, rewritten with the corpus's spelling.

    Greedy longest match of folded syllable runs against ``table`` (from
    :func:`diacritics_table`): "bao cao nam gui truoc ngay nao" → "báo cáo
    năm gửi trước ngày nào". Unknown syllables and punctuation are kept.
    """
    tokens = _QUERY_TOKEN.findall(fold(expand_abbreviations(text)))
    return " ".join(greedy_longest(tokens, lambda run: table.get(" ".join(run)), max_n, min_len=1))


ANALYZERS: dict[str, Callable[[str], list[str]]] = {
    "syllables": syllables,
    "words": words,
    "folded": folded,
}
"""Name → analysis function; the names are the BM25 index names."""
