"""How well a sentence supports a question: idf-weighted content words.

A question's content words (:func:`query_terms`: field phrases, stopwords
and plan names removed) and their adjacent pairs are weighted by idf over
the indexed chunks (:class:`TermWeights`); a sentence's support
(:func:`support`) is the share of that weight among its own words and word
pairs (:func:`term_set`). :func:`shape_bonus` slightly prefers sentences of
the shape asked (a percentage, a date).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Set as AbstractSet
from typing import Iterable

from ingest.lexicon import canon, expand_abbreviations, paraphrase
from ingest.textnorm import fold, nfc
from retrieval.query import PlanCatalog, Query
from retrieval.question.crossplan import ANNEX_PART, BODY_PART, COMPARE
from retrieval.question.cues import (
    ANSWER_FORM,
    COMPARISON_VERDICT,
    FOLLOW_OPENER,
    LIST_ASKING,
    MENTION_FRAME,
    QUESTION_PARTICLES,
    ROLE_ASKED,
)

#: Term weight = idf ** IDF_POWER: above 1, a sentence missing the
#: question's rarest words (its specific subject) loses more support.
IDF_POWER = 1.0

#: Question and function words, as typed with diacritics: they say nothing
#: about which sentence answers. Genre words ("kế hoạch", "cải cách") are not
#: listed: their low idf already makes them count little.
STOPWORDS = set("""
ai gì nào bao nhiêu mấy là có không chưa được của các những một và với cho trong trên
về theo để thì sao thế vậy còn hay hoặc như này đó kia khi giờ lúc từ tại ở ra vào
làm nếu cụ thể gồm bị phải cần sẽ đã đang phường thị trấn sánh giữa lâu lần lấy
khác nhau nêu mà giúp mình nhằm à ạ muốn mong
""".split())
#: The same for words typed without diacritics, limited to those whose bare
#: form is not also a content word ("tu" may be "tự", "the" may be "thể");
#: "muon" (what a plan "muốn", wants) is also "muộn", which the plans write as
#: "trễ hạn" and the deadline cues read ("muộn nhất").
STOPWORDS_PLAIN = set("""
ai gi nao bao nhieu la khong chua duoc cua cac nhung mot va voi trong tren theo de thi
sao vay hay hoac nhu kia khi gio luc o neu gom bi phai can se da dang phuong tran
sanh giua lau lan lay khac nhau giup nham muon mong
""".split())
#: Phrases that name the field asked ("ai chủ trì", "hạn khi nào") or the
#: kind of figure ("phần trăm", "tỷ lệ"): a task row answers them by its
#: labels, a figure by being there; a sentence need not repeat them. So
#: are the words asking for a whole list ("kể tên", "kể hết", "liệt kê").
FIELD_PHRASES = re.compile(
    r"\b(?:chu tri|phoi hop|thoi han|han chot|san pham|thoi gian|hoan thanh|thuc hien|"
    r"don vi|co quan|ket qua|noi dung|khi nao|bao gio|ai lam|phan tram|ty le|xong|"
    r"nhu the nao|the nao|ra sao|han(?= (?:khi|chot|nao|ngay|la|cuoi|gui|nop|bao cao|moi|tung|cua))|han$|^han\b|"
    # the unit asked and where the plan says it: "ai phụ trách …", "đơn vị … gọi là gì",
    # "theo phần tổ chức thực hiện"
    r"phu trach|dau moi|(?:duoc )?goi la gi|ten (?:la )?gi|(?:theo )?(?:phan )?to chuc thuc hien|"
    + LIST_ASKING + r"|"  # the answer's shape: "kể tên / kể hết / liệt kê …" a list
    + ANSWER_FORM + r"|"  # … or a form of it: "(tên viết tắt)"
    + MENTION_FRAME + r")\b"  # "nói tới …", "là những cái nào": the frame, not the subject
)


def query_terms(query: Query, names: AbstractSet[str]) -> list[str]:
    """Content words of a question (canon form, in order): field phrases,
    the comparison frame (:data:`retrieval.question.crossplan.COMPARE`) and
    verdict (:data:`retrieval.question.cues.COMPARISON_VERDICT`), the
    question particles of a field question (:data:`retrieval.question.cues.QUESTION_PARTICLES`: "ai lo"),
    the word opening a follow-up (:data:`retrieval.question.cues.FOLLOW_OPENER`: "còn …"),
    stopwords (judged on the word as typed, an abbreviation on its words),
    the parts named of the plans (``query.parts``: "thân KH", "phụ lục")
    and plan names removed."""
    drop = set()
    for word in re.findall(r"\w+", expand_abbreviations(nfc(query.text)).lower()):  # "bn" → "bao nhiêu"
        bare = fold(word)
        if (word in STOPWORDS) if word != bare else (word in STOPWORDS_PLAIN):
            drop.add(bare)
    # the comparison frame ("so sánh", "khác nhau", "từng xã") and the verdict
    # asked ("ai cao hơn", "đều có … đúng không") are no content either
    key = COMPARISON_VERDICT.sub(" ", COMPARE.sub(" ", FIELD_PHRASES.sub(" ", FOLLOW_OPENER.sub(" ", query.key))))
    if query.parts:  # "PT (thân KH) với VK (phụ lục)": the parts say where to read, not what
        key = ANNEX_PART.sub(" ", BODY_PART.sub(" ", key))
    # "ai lo …", "ghi ngày nào": words that only phrase the field asked
    particles = QUESTION_PARTICLES if query.fields else frozenset()
    return [t for t in key.split() if t not in drop and t not in names and t not in particles]


def terms(text: str) -> list[str]:
    """The :func:`retrieval.query.canon` words of ``text``, in order."""
    return canon(text).split()


def term_set(text: str) -> frozenset[str]:
    """The :func:`retrieval.query.canon` words of ``text`` and its word
    pairs; a standard's number with its year ("ISO 9001:2015") also gives
    its parts, so "ISO 9001" in a question meets it."""
    words = terms(text)
    parts = [p for w in words if ":" in w for p in w.split(":") if p]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
    pairs += [f"{a} {b.split(':')[0]}" for a, b in zip(words, words[1:]) if ":" in b]
    return frozenset(words) | frozenset(parts) | frozenset(pairs)


class TermWeights:
    """Document frequencies of canon words over ``texts`` (the indexed
    chunks' texts), and the question weights they give (:meth:`weights`)."""

    def __init__(self, texts: Iterable[str] = ()):
        self.df: Counter[str] = Counter()
        #: chunks writing each adjacent word pair ("giai ngan"): a compound's own rarity
        self.pair_df: Counter[str] = Counter()
        self.n = 0
        for text in texts:
            self.n += 1
            words = terms(text)
            self.df.update(set(words))
            self.pair_df.update({f"{a} {b}" for a, b in zip(words, words[1:])})

    def unknown(self, word: str) -> bool:
        """True when no indexed chunk has the canon word ``word``."""
        return self.df.get(word, 0) == 0

    def weights(self, query: Query, catalog: PlanCatalog) -> dict[str, float]:
        """Term → weight for ``query``: each content word
        (:func:`query_terms`, the names of the plans it names or the
        conversation named before removed, a staff wording no plan writes
        in the plans' words: :func:`ingest.lexicon.paraphrase`)
        weighs ``log(1 + n / (1 + df)) ** IDF_POWER``; each pair of adjacent
        content words ("a b") the mean of its two words. ``{}`` when the
        question has no content word."""
        names: set[str] = set()
        # the plans named, and those named before in the conversation (a
        # question re-asked of another plan still holds the first one's name)
        for doc in dict.fromkeys([*query.plans, *query.mentioned]):
            entry = catalog.by_doc.get(doc)
            if entry:
                names |= set(entry.key.split()) | entry.aliases
        # staff wording the plans never write ("top 15") in the plans' words
        words = paraphrase(" ".join(query_terms(query, names)), self.unknown).split()
        n = max(self.n, 1)
        weights: dict[str, float] = {}
        for t in words:
            weights[t] = math.log(1 + n / (1 + self.df.get(t, 0))) ** IDF_POWER
        for a, b in zip(words, words[1:]):
            weights[f"{a} {b}"] = 0.5 * (weights[a] + weights[b])
        return weights


def rarest_terms(weights: dict[str, float], df: TermWeights) -> frozenset[str]:
    """The question's most specific terms among ``weights`` (:meth:`TermWeights.weights`):
    its rarest word, and its rarest word pair the plans write (a compound:
    "giải ngân", "y tế") when no more chunks write that pair than the word —
    a syllable's own rarity misleads where it also spells other words ("ngân"
    of "ngân sách"), so "giải ngân" is as specific as "vốn" when both are
    written as rarely. ``frozenset()`` when the question has no word."""
    unigrams = {t: w for t, w in weights.items() if " " not in t}
    if not unigrams:
        return frozenset()
    rarest = max(unigrams, key=lambda t: unigrams[t])
    written = {t: df.pair_df[t] for t in weights if " " in t and df.pair_df.get(t, 0) > 0}
    fewest = min(written.values(), default=0)
    if not written or fewest > df.df.get(rarest, 0):
        return frozenset({rarest})
    return frozenset({rarest} | {t for t, n in written.items() if n == fewest})


def support(weights: dict[str, float], present: frozenset[str]) -> float:
    """Share (0..1) of the question's term weight (words and word pairs) in
    the terms ``present`` in a sentence (:func:`term_set`); 0 without weights."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


def shape_bonus(query: Query, sentence: str) -> float:
    """Small preference (0.05, else 0) for sentences of the shape asked: a
    percentage for "tỷ lệ/phần trăm", a date for "khi nào/thời hạn"; more
    (0.3) for the sentence giving a unit the standing role asked
    (:data:`ROLE_ASKED`: "…: Là cơ quan thường trực") — it answers, the
    others only speak of the role."""
    role = ROLE_ASKED.search(query.key)
    if role and re.search(r"\bla " + role.group(1) + r"\b", fold(sentence).lower()):
        return 0.3  # the unit given the role ("…: Là cơ quan thường trực"), not the role spoken of
    if query.figure and "%" in sentence and re.search(r"phan tram|ty le|%", query.key):
        return 0.05
    if "deadline" in query.fields and re.search(r"\d{1,2}/\d{1,2}|quy|thang|ngay", fold(sentence)):
        return 0.05
    return 0.0
