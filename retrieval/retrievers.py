"""The local retrievers: bm25s over one token analysis, FAISS over the embeddings.

Each implements :class:`retrieval.protocols.Retriever`: ``rank(query, mask,
depth)`` → ``[(chunk position, raw score), ...]``, best first. The query
text each receives is prepared by :class:`retrieval.search.HybridSearcher`
(aliases, restored diacritics); fusing the rankings is
:func:`retrieval.search.rrf_fuse`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import numpy as np

from retrieval.analyzers import words_by_vocab
from retrieval.protocols import Ranking

if TYPE_CHECKING:
    import bm25s
    import faiss

    from retrieval.embeddings import VectorEmbeddings


class BM25Retriever:
    """A ``bm25s.BM25`` index over one analysis (``name`` ∈ syllables, words,
    folded; ``analyze`` its token function). ``by_vocab`` segments queries by
    the index vocabulary (:func:`retrieval.analyzers.words_by_vocab`)
    instead of calling ``analyze``. Keeps positive scores only."""

    def __init__(self, name: str, index: bm25s.BM25, analyze: Callable[[str], list[str]], n_chunks: int,
                 by_vocab: bool = False):
        self.name = name
        self.index = index
        self.analyze = analyze
        self.n_chunks = n_chunks
        self.by_vocab = by_vocab

    def scores(self, query: str) -> np.ndarray:
        """float32 BM25 score of every chunk for ``query``."""
        tokens = words_by_vocab(query, self.index.vocab_dict) if self.by_vocab else self.analyze(query)
        ids = self.index.get_tokens_ids(tokens)
        if not ids:
            return np.zeros(self.n_chunks, dtype=np.float32)
        return np.asarray(self.index.get_scores_from_ids(ids), dtype=np.float32)

    def rank(self, query: str, mask: np.ndarray | None, depth: int) -> Ranking:
        """The ``depth`` best chunks with a positive score, inside ``mask``."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:depth]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]


class DenseRetriever:
    """A FAISS inner-product index (``IndexFlatIP``, ids = chunk positions)
    queried with ``embedder.encode_query``; scores are cosine similarities."""

    name = "dense"

    def __init__(self, index: faiss.Index, embedder: VectorEmbeddings):
        self.index = index
        self.embedder = embedder
        self._vectors: np.ndarray | None = None  # every stored vector, read once by rank_like

    def rank(self, query: str, mask: np.ndarray | None, depth: int) -> Ranking:
        """The ``depth`` nearest chunks inside ``mask``, nearest first."""
        n = self.index.ntotal
        if n == 0:
            return []
        q = self.embedder.encode_query(query)[None, :]
        if mask is None:
            scores, ids = self.index.search(q, min(depth, n))
        else:
            import faiss

            allowed = np.flatnonzero(mask).astype(np.int64)
            if not len(allowed):
                return []
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))  # type: ignore[call-arg]
            scores, ids = self.index.search(q, min(depth, len(allowed)), params=params)
        keep = ids[0] >= 0
        return [(int(i), float(s)) for i, s in zip(ids[0][keep], scores[0][keep])]

    def rank_like(self, positions: list[int], mask: np.ndarray | None, depth: int) -> Ranking:
        """The ``depth`` chunks inside ``mask`` nearest to any of the indexed
        chunks at ``positions`` (their stored vectors, no embedding spent),
        nearest first; a chunk's score is its best cosine similarity to them."""
        n = self.index.ntotal
        sources = [p for p in positions if 0 <= p < n]
        if not sources:
            return []
        vectors = np.vstack([self.index.reconstruct(int(p)) for p in sources])
        if self._vectors is None:
            self._vectors = np.vstack([self.index.reconstruct(i) for i in range(n)])
        scores = (self._vectors @ vectors.T).max(axis=1)
        allowed = np.ones(n, dtype=bool) if mask is None else mask.copy()
        allowed[sources] = False
        order = [int(i) for i in np.argsort(-scores, kind="stable") if allowed[i]][:depth]
        return [(i, float(scores[i])) for i in order]
