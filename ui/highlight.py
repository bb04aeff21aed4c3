"""Text shown as Markdown/HTML: passages with the question's words marked, escaped answers.

:func:`highlight_html` escapes a passage and wraps in ``<mark>`` every word
the question used:

* a question word written with diacritics marks the same word only
  ("độ" marks "độ", not "do"); tone-mark placement does not matter
  ("hoá" = "hóa", :func:`tone_key`);
* a question word typed without diacritics marks every accented form
  ("ho so" marks "hồ sơ");
* abbreviations meet their full words both ways, through
  :func:`retrieval.query.canon` ("TTHC" marks "thủ tục hành chính", and
  "thủ tục hành chính" marks "TTHC");
* function and question words (:data:`STOPWORDS`: "và", "của", "các",
  "ai", "nào", …) are never marked.

:func:`md_escape` makes an answer's plain text safe to show as Markdown.
"""

from __future__ import annotations

import html
import re
import unicodedata

from ingest.lexicon import canon, canonical_tones
from ingest.textnorm import fold, nfc

STOPWORDS = frozenset(
    "và với của các cho trong ngoài là có không được bị thì mà những như nào gì ai khi đâu "
    "sao bao nhiêu mấy để đến từ tại về theo này đó kia một mỗi từng hay hoặc sẽ đã đang còn "
    "cũng rất nhất thuộc ra vào lên xuống thế vậy do".split()
)
"""Vietnamese function and question words (NFC, lower case) that are never highlighted."""

FOLDED_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)
"""The same without diacritics, for words of a question typed without them."""

_WORD = re.compile(r"\w+", re.UNICODE)


def tone_key(word: str) -> str:
    """Lower-case ``word`` with its tone mark placed by
    :func:`ingest.lexicon.canonical_tones`, so that "hoá" and "hóa", "thuỷ"
    and "thủy" compare equal."""
    return canonical_tones(word.lower())


def question_terms(question: str) -> tuple[set[str], set[str]]:
    """Content words of ``question`` as ``(exact, folded)``.

    ``exact``: :func:`tone_key` of the words written with diacritics;
    ``folded``: words typed without diacritics, plus the words of expanded
    abbreviations ("TTHC" → "thu", "tuc", "hanh", "chinh"). Stopwords are
    dropped from both.
    """
    exact: set[str] = set()
    folded: set[str] = set()
    words = _WORD.findall(nfc(question or "").lower())
    for word in words:
        if fold(word) != word:
            if word not in STOPWORDS:
                exact.add(tone_key(word))
        elif word not in FOLDED_STOPWORDS:
            folded.add(word)
    plain = {fold(w) for w in words}
    folded |= {t for t in canon(question).split() if t not in plain and t not in FOLDED_STOPWORDS}
    return exact, folded


def highlight_html(text: str, question: str) -> str:
    """HTML of ``text`` (escaped, line breaks as ``<br>``) with the question's words in ``<mark>``.

    Matching rules are in the module docstring. Returns a single line (no
    blank lines), safe to embed in Markdown with ``unsafe_allow_html``.
    """
    exact, folded = question_terms(question)
    every = folded | {fold(unicodedata.normalize("NFC", w)) for w in exact}
    out: list[str] = []
    pos = 0
    for m in _WORD.finditer(text or ""):
        out.append(html.escape(text[pos:m.start()]))
        word = m.group(0)
        parts = canon(word).split()
        hit = (tone_key(word) in exact or fold(word) in folded
               or (len(parts) > 1 and all(p in every for p in parts)))
        out.append(f"<mark>{html.escape(word)}</mark>" if hit else html.escape(word))
        pos = m.end()
    out.append(html.escape((text or "")[pos:]))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])")
_ORDERED_ITEM = re.compile(r"^(\s*(?:[-+]\s+)?\d+)\.(?=\s)", re.MULTILINE)


def md_escape(text: str) -> str:
    """Plain ``text`` as Markdown that shows it literally.

    Markdown/HTML specials are escaped; "22. …" at a line start (or after a
    "- " bullet) is escaped too, so task numbers are never renumbered as an
    ordered list; line
    breaks are kept (hard breaks); "- " items stay bullets.
    """
    text = _MD_SPECIAL.sub(r"\\\1", text or "")
    text = _ORDERED_ITEM.sub(r"\1\\.", text)
    return text.replace("\n", "  \n")


_VALUE = re.compile(r"\d+(?:[.,/]\d+)*(?:\s*%)?")
MIN_PHRASE = 3
"""Fewest consecutive question words that :func:`highlight_answer_html` marks as a phrase."""


def _values(text: str) -> set[str]:
    return {re.sub(r"\s+", "", m.group(0)).rstrip(".,") for m in _VALUE.finditer(text or "")}


def highlight_answer_html(text: str, question: str, answer: str) -> str:
    """HTML of a cited passage with the words that *answer* in ``<mark>``.

    Marked: (1) every value of ``answer`` found in ``text`` — numbers,
    percentages ("90%", "100 %"), dates ("31/12/2026"), decimals — and
    (2) runs of at least :data:`MIN_PHRASE` consecutive words of the
    question (diacritics and abbreviations as in :func:`highlight_html`),
    so the phrase asked about ("kết quả kiểm tra cải cách hành chính") is
    marked but single common syllables ("kiểm", "tra", "cơ", "quan") are
    not. Escaped, line breaks as ``<br>``, one line.
    """
    text = text or ""
    wanted = _values(answer)
    spans: list[tuple[int, int]] = []
    for m in _VALUE.finditer(text):
        if re.sub(r"\s+", "", m.group(0)).rstrip(".,") in wanted:
            spans.append((m.start(), m.end()))
    exact, folded = question_terms(question)
    every = folded | {fold(unicodedata.normalize("NFC", w)) for w in exact}
    run: list[re.Match] = []
    words: list[re.Match[str] | None] = [*_WORD.finditer(text), None]
    for w in words:
        if w is not None and (tone_key(w.group(0)) in exact or fold(w.group(0)) in every):
            run.append(w)
            continue
        if len(run) >= MIN_PHRASE:
            spans.append((run[0].start(), run[-1].end()))
        run = []
    spans.sort()
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>")
