"""Hybrid search: retrievers (three BM25 analyses, the dense index) + weighted RRF fusion.

The retrievers are :class:`retrieval.protocols.Retriever` implementations
(:mod:`retrieval.retrievers` for the local store); :func:`rrf_fuse` is the
fusion step, independent of where the rankings come from.

For a query, each retriever ranks the chunks (BM25 keeps chunks with a
positive score; dense keeps the nearest :data:`DEPTH`), then a chunk's
fused score is ``sum(WEIGHTS[r] / (RRF_K + rank_r))`` over the retrievers
that ranked it (ranks 1-based). Weights and ``RRF_K`` were tuned on
``eval/dev.jsonl`` (retrieval Recall@1 against the gold citations).

Query preparation (:meth:`HybridSearcher.query_texts`): commune initials
of indexed plans are expanded ("NAP" → "Nam An Phụ"), and a query typed
without any diacritic is restored with the corpus's own spelling before it
reaches the syllable, word and dense retrievers (the folded index takes it
as typed). Everything is loaded once in :class:`HybridSearcher`; a warm query costs
a few milliseconds of BM25 plus one query embedding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ingest.errors import IndexStateError
from ingest.model import Plan
from ingest.textnorm import fold
from retrieval.analyzers import ANALYZERS, expand_abbreviations, restore_diacritics
from retrieval.chunks import Chunk
from retrieval.embeddings import VectorEmbeddings, get_embeddings
from retrieval.protocols import Ranking, Retriever
from retrieval.retrievers import BM25Retriever, DenseRetriever
from retrieval.store import IndexStore

WEIGHTS: dict[str, float] = {
    "syllables": 0.25,
    "words": 2.0,
    "folded": 1.5,
    "dense": 0.5,
}
"""Retriever name → RRF weight. Tuned by grid search on ``eval/dev.jsonl``
(134 answerable questions, each asked as written and with every diacritic
stripped; retrieval Recall@1 against the gold citations): R@1 0.858 as
written, 0.851 without diacritics (syllables alone 0.815, words 0.773,
folded 0.756, dense 0.647). A flat optimum: neighbouring weights score
within 0.01."""

RRF_K = 60
"""RRF rank offset."""

DEPTH = 100
"""How many top results of each retriever enter the fusion."""

QUERY_WORDS_BY_VOCAB = True
"""Segment queries for the words index by longest match against its
vocabulary (:func:`retrieval.analyzers.words_by_vocab`) instead of loading
underthesea at query time (saves ~3 s of cold start)."""


def plan_aliases(plans: dict[str, Plan]) -> dict[str, list[str]]:
    """Initials of each plan's unit name → unit names ("nap" → ["Nam An Phụ"]).

    Staff abbreviate commune names by their initials ("NAP", "TX"); the
    aliases are computed from the indexed plans' ``metadata.unit_name``
    (two or more syllables), never from a fixed list.
    """
    out: dict[str, list[str]] = {}
    for plan in plans.values():
        name = (plan.metadata.unit_name or "").strip()
        syl = fold(name).split()
        if len(syl) >= 2:
            initials = "".join(s[0] for s in syl if s[:1].isalnum())
            if name not in out.setdefault(initials, []):
                out[initials].append(name)
    return out


def has_diacritics(text: str) -> bool:
    """Whether ``text`` has any non-ASCII letter (Vietnamese marks, "đ")."""
    return any(ch.isalpha() and not ch.isascii() for ch in text)


@dataclass
class Hit:
    """One search result.

    ``score`` is the fused RRF score (higher is better); ``ranks`` the
    1-based rank per retriever that ranked the chunk (``syllables``,
    ``words``, ``folded``, ``dense``); ``raw`` the retrievers' own scores
    (BM25 score, dense cosine similarity) for calibrating thresholds.
    """

    chunk: Chunk
    score: float
    ranks: dict[str, int]
    raw: dict[str, float] = field(default_factory=dict)


class EmbedderMismatchError(IndexStateError):
    """The embedder at hand is not the one the index was built with; rebuild with ``cchc index``."""

    def __init__(self, have: str, index: str):
        super().__init__(f"Bộ nhúng {have} khác bộ nhúng của chỉ mục {index}: hãy chạy lại `cchc index`")


def rrf_fuse(rankings: dict[str, Ranking], weights: dict[str, float], rrf_k: int = RRF_K,
             k: int = 10) -> list[tuple[int, float, dict[str, int], dict[str, float]]]:
    """Weighted reciprocal-rank fusion of ``rankings`` (retriever name →
    ranking, best first): a position's score is ``sum(weights[name] / (rrf_k
    + rank))`` over the rankings holding it (ranks 1-based). Returns the
    ``k`` best as ``(position, fused score, {name: rank}, {name: raw
    score})``, ties broken by position."""
    fused: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    raw: dict[int, dict[str, float]] = {}
    for name, ranked in rankings.items():
        weight = weights[name]
        for rank, (pos, score) in enumerate(ranked, start=1):
            fused[pos] = fused.get(pos, 0.0) + weight / (rrf_k + rank)
            ranks.setdefault(pos, {})[name] = rank
            raw.setdefault(pos, {})[name] = score
    order = sorted(fused, key=lambda p: (-fused[p], p))[:k]
    return [(p, fused[p], ranks[p], raw[p]) for p in order]


class HybridSearcher:
    """Loads an :class:`IndexStore`'s BM25 and FAISS indexes once; answers
    :meth:`search` calls. ``embedder`` defaults to the one the index was
    built with (its ``embedder_spec``); a mismatching ``embedder_id``
    raises :class:`EmbedderMismatchError`. ``weights`` and ``rrf_k`` override
    :data:`WEIGHTS` and :data:`RRF_K`; ``retrievers`` (name →
    :class:`retrieval.protocols.Retriever`) replaces the local store's
    (:meth:`local_retrievers`), e.g. with a server backend's.
    """

    def __init__(self, store: IndexStore, embedder: VectorEmbeddings | None = None,
                 weights: dict[str, float] | None = None, rrf_k: int = RRF_K,
                 retrievers: dict[str, Retriever] | None = None):
        self.store = store
        self.chunks = store.chunks
        self.weights = dict(weights or WEIGHTS)
        self.rrf_k = rrf_k
        self.embedder = embedder or get_embeddings(store.manifest["embedder_spec"])
        if self.embedder.embedder_id != store.manifest["embedder_id"]:
            raise EmbedderMismatchError(self.embedder.embedder_id, store.manifest["embedder_id"])
        self.aliases = plan_aliases(store.plans())
        self.diacritics = store.diacritics_table()
        self.retrievers: dict[str, Retriever] = dict(retrievers or {})
        if retrievers is None:
            self.retrievers = self.local_retrievers(store)
        self._docs = np.array([c.doc for c in self.chunks], dtype=object)
        self._kinds = np.array([c.kind for c in self.chunks], dtype=object)
        self._positions: dict[str, int] | None = None  # chunk id → position, built by like()

    def local_retrievers(self, store: IndexStore) -> dict[str, Retriever]:
        """The local store's retrievers: one :class:`BM25Retriever` per stored
        analysis, then the :class:`DenseRetriever`."""
        out: dict[str, Retriever] = {}
        for name, analyze in ANALYZERS.items():
            index = store.bm25(name)
            if index is not None:
                out[name] = BM25Retriever(name, index, analyze, len(store.chunks),
                                          by_vocab=name == "words" and QUERY_WORDS_BY_VOCAB)
        out["dense"] = DenseRetriever(store.dense_index(), self.embedder)
        return out

    def _mask(self, docs: set[str] | None, kinds: set[str] | None) -> np.ndarray | None:
        if not docs and not kinds:
            return None
        mask = np.ones(len(self.chunks), dtype=bool)
        if docs:
            mask &= np.isin(self._docs, list(docs))
        if kinds:
            mask &= np.isin(self._kinds, list(kinds))
        return mask

    def expand_query(self, query: str) -> str:
        """``query`` with the unit name appended after each plan alias it uses:
        "NAP nv 8" → "NAP nv 8 (Nam An Phụ)" (folded when the query has no
        diacritics, so it keeps its weight profile)."""
        names: list[str] = []
        for token in fold(query).replace("-", " ").split():
            for name in self.aliases.get(token.strip(".,:;?!()"), []):
                if name not in names:
                    names.append(name)
        if not names:
            return query
        if not has_diacritics(query):
            names = [fold(n) for n in names]
        return f"{query} ({', '.join(names)})"

    def query_texts(self, query: str) -> dict[str, str]:
        """What each retriever is given for ``query``.

        Plan aliases are expanded (:meth:`expand_query`); the dense query also
        has its abbreviations written out. A query without any diacritic is
        first restored with the corpus's spelling
        (:func:`retrieval.analyzers.restore_diacritics`) for the syllable,
        word and dense retrievers; the folded index gets it as typed.
        """
        expanded = self.expand_query(query)
        if has_diacritics(query) or not self.diacritics:
            written = expanded
        else:
            written = restore_diacritics(expanded, self.diacritics)
        texts = {name: written for name in ANALYZERS}
        texts["folded"] = expanded
        texts["dense"] = expand_abbreviations(written)
        return texts

    def rankings(self, query: str, docs: set[str] | None = None,
                 kinds: set[str] | None = None,
                 names: set[str] | None = None) -> dict[str, list[tuple[int, float]]]:
        """Each retriever's ranked list ``[(chunk position, raw score), ...]``
        for ``query`` (as :meth:`query_texts` prepares it), best first, at
        most :data:`DEPTH`, restricted to ``docs``/``kinds``; ``names``
        limits the retrievers run (default: all four)."""
        names = set(names) if names is not None else {*ANALYZERS, "dense"}
        texts = self.query_texts(query)
        mask = self._mask(docs, kinds)
        return {name: retriever.rank(texts[name], mask, DEPTH)
                for name, retriever in self.retrievers.items() if name in names}

    def search(self, query: str, k: int = 10, docs: set[str] | None = None,
               kinds: set[str] | None = None) -> list[Hit]:
        """The ``k`` best chunks for ``query`` by weighted RRF, best first.

        ``docs`` limits results to those doc (file) names, ``kinds`` to those
        chunk kinds (``task``, ``paragraph``, ``target``, ``meta``). An empty
        index, an empty query or no match gives ``[]``.
        """
        if not self.chunks or not (query or "").strip():
            return []
        names = {name for name, w in self.weights.items() if w}
        fused = rrf_fuse(self.rankings(query, docs, kinds, names), self.weights, self.rrf_k, k)
        return [Hit(self.chunks[p], score, ranks, raw) for p, score, ranks, raw in fused]


    def like(self, chunks: list[Chunk], k: int = 10, docs: set[str] | None = None,
             kinds: set[str] | None = None) -> list[Hit]:
        """The ``k`` chunks nearest in meaning to ``chunks`` (indexed chunks:
        a passage or row another plan answered with), by the dense index's
        stored vectors, best first, within ``docs``/``kinds``; ``raw["dense"]``
        the cosine similarity, ``ranks["dense"]`` the rank. ``[]`` when the
        dense retriever cannot compare stored vectors (another backend)."""
        dense = self.retrievers.get("dense")
        rank_like = getattr(dense, "rank_like", None)
        if rank_like is None or not chunks:
            return []
        if self._positions is None:
            self._positions = {c.id: i for i, c in enumerate(self.chunks)}
        positions = [self._positions[c.id] for c in chunks if c.id in self._positions]
        ranked = rank_like(positions, self._mask(docs, kinds), k)
        return [Hit(self.chunks[p], score, {"dense": r}, {"dense": score})
                for r, (p, score) in enumerate(ranked, start=1)]


def query_overlap(query: str, chunk: Chunk) -> float:
    """Share of the query's diacritics-free syllables found in the chunk text (0–1)."""
    q = set(ANALYZERS["folded"](query))
    if not q:
        return 0.0
    return len(q & set(ANALYZERS["folded"](chunk.text))) / len(q)


__all__ = [
    "DEPTH",
    "RRF_K",
    "WEIGHTS",
    "Hit",
    "HybridSearcher",
    "has_diacritics",
    "query_overlap",
    "rrf_fuse",
]
