"""The storage seam: what retrieval needs from a store, on both sides.

The local implementation is FAISS + bm25s + JSON files under ``$CCHC_HOME``
(:class:`retrieval.store.IndexStore` reads, :class:`retrieval.store.LocalIndexWriter`
writes, :mod:`retrieval.retrievers` ranks); a server backend (one index for
a province's communes) implements the same three protocols and the indexer,
the searcher and the answerer work unchanged.

* :class:`PlanRepository` – the indexed plans and passages, read side.
* :class:`Retriever` – one ranking of passages for a query: positions into
  the repository's ``chunks`` with the retriever's raw score, best first.
* :class:`IndexWriter` – the write side: one writer at a time
  (:meth:`IndexWriter.lock`), the live manifest, and publishing a complete
  :class:`IndexSnapshot` atomically (all or nothing).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Callable, Protocol, runtime_checkable

import numpy as np

from ingest.model import Plan
from retrieval.chunks import Chunk

Ranking = list[tuple[int, float]]
"""``[(chunk position, raw score), ...]``, best first."""


@runtime_checkable
class PlanRepository(Protocol):
    """Read side of an index: ``manifest`` (dict), ``chunks`` (list in index
    order: position = retriever id), the plans by doc name."""

    manifest: dict
    chunks: list[Chunk]

    def plans(self) -> dict[str, Plan]:
        """Every indexed plan, ``{doc: Plan}`` in index order."""
        ...

    def plan(self, doc: str) -> Plan:
        """One plan by doc name; ``KeyError`` if it is not indexed."""
        ...


@runtime_checkable
class Retriever(Protocol):
    """One ranking of the repository's chunks.

    ``name`` is the retriever's key in the fusion weights (``syllables``,
    ``words``, ``folded``, ``dense``). ``rank(query, mask, depth)`` returns at
    most ``depth`` ``(position, raw score)`` pairs, best first, only
    positions where ``mask`` (bool array over chunks, or ``None`` for all)
    is true; BM25 retrievers keep positive scores only.
    """

    name: str

    def rank(self, query: str, mask: np.ndarray | None, depth: int) -> Ranking:
        """Ranked chunk positions for ``query`` (see the class docstring)."""
        ...


@dataclass
class IndexSnapshot:
    """Everything one index version holds, ready to be written.

    ``plans``: ``[(storage key, Plan, float32 (n_chunks_of_plan, dim))]`` in
    index order; ``chunks`` all chunks in the same order (their vectors are
    the plans' rows concatenated); ``tokens`` ``{analysis: [[token, ...]
    per chunk]}``; ``diacritics`` the folded n-gram → spelling table;
    ``manifest`` the manifest dict (see :mod:`retrieval.store`).
    """

    manifest: dict
    plans: list[tuple[str, Plan, np.ndarray]]
    chunks: list[Chunk]
    tokens: dict[str, list[list[str]]] = field(default_factory=dict)
    diacritics: dict[str, str] = field(default_factory=dict)
    dim: int = 0


@runtime_checkable
class IndexWriter(Protocol):
    """Write side of an index store.

    ``lock(notify)`` is a context manager held for a whole change (waits for
    another writer, telling ``notify``; raises an ``IngestError`` when it
    gives up); ``live_manifest()`` the manifest in force or ``None``;
    ``previous()`` the live index to reuse plans, vectors and tokens from
    (or ``None``; the caller closes it); ``write(snapshot)`` publishes it atomically: on any
    error the previous version stays live, unchanged.
    """

    home: str

    def lock(self, notify: Callable[[str], None] | None = None) -> AbstractContextManager:
        """Hold the store's single-writer lock."""
        ...

    def live_manifest(self) -> dict | None:
        """The live index's manifest, or ``None``."""
        ...

    def previous(self) -> PlanRepository | None:
        """The live index opened for reuse, or ``None``."""
        ...

    def write(self, snapshot: IndexSnapshot) -> str:
        """Publish ``snapshot``; return the new version's name."""
        ...
