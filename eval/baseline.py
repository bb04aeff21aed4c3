"""The baseline: the plain RAG a user of the stack would build with langchain.

Each plan file's text (paragraphs and table rows, cells tab-joined, as the
loader reads them) is cut by langchain's ``RecursiveCharacterTextSplitter``
(``langchain-text-splitters``; :data:`CHUNK_SIZE` characters, overlap
:data:`CHUNK_OVERLAP`, its default separators: blank line, line break,
space). The chunks go into langchain-community's ``FAISS`` vector store over
the same embedder as the system (a langchain-core ``Embeddings``, see
:mod:`retrieval.embeddings`). The top chunk of a similarity search is the
answer, citing its file. It never abstains: that is what plain RAG does.

The chunk vectors are cached as ``.npy`` (no pickle) under ``cache_dir`` and
the store is rebuilt from them with ``FAISS.from_embeddings``.
"""

from __future__ import annotations

import hashlib
import os
import time

import numpy as np
from langchain_community.vectorstores import FAISS
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.errors import IngestError
from ingest.pipeline import iter_plan_files, load_document

CHUNK_SIZE = 800
CHUNK_OVERLAP = 100


def make_splitter(size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP
                  ) -> RecursiveCharacterTextSplitter:
    """The langchain splitter the baseline uses (``size``/``overlap`` in characters)."""
    return RecursiveCharacterTextSplitter(chunk_size=size, chunk_overlap=overlap)


def split_text(text: str, size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP) -> list[str]:
    """``text`` cut by :func:`make_splitter`: chunks of at most ``size``
    characters, consecutive chunks sharing up to ``overlap`` characters."""
    return make_splitter(size, overlap).split_text(text)


def document_text(path: str) -> str:
    """The plain text of a plan file: a text file as it is; for Word/PDF the
    loader's paragraphs and table rows (cells tab-joined), one per line."""
    if path.lower().endswith((".txt", ".md")):
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    doc = load_document(path)
    lines: list[str] = []
    for block in doc.blocks:
        if block.kind == "table":
            lines.extend("\t".join(c or "" for c in row) for row in block.rows)
        elif block.text:
            lines.append(block.text)
    return "\n".join(lines)


class BaselineRAG:
    """langchain splitter + the same embedder + langchain FAISS; top chunk = answer.

    ``paths`` plan files or folders; ``embeddings`` a langchain-core
    ``Embeddings`` (``embed_documents``/``embed_query``); its
    ``embedder_id``, when it has one, keys the vector cache under
    ``cache_dir``. ``chunks`` lists ``{doc, locator, quote}`` in store order;
    ``store`` is the ``FAISS`` vector store and ``index`` its faiss index.
    """

    def __init__(self, paths: list[str], embeddings: Embeddings, cache_dir: str | None = None):
        self.embeddings = embeddings
        self.chunks: list[dict] = []
        splitter = make_splitter()
        for path in iter_plan_files(paths):
            try:
                text = document_text(path)
            except (IngestError, OSError, ValueError):  # a file the system skips, the baseline skips
                continue
            for i, piece in enumerate(splitter.split_text(text)):
                self.chunks.append({"doc": os.path.basename(path), "locator": f"đoạn {i + 1}",
                                    "quote": piece})
        texts = [c["quote"] for c in self.chunks]
        vectors = self._vectors(texts, cache_dir)
        self.store = FAISS.from_embeddings(
            list(zip(texts, vectors.tolist())), embeddings,
            metadatas=[{"doc": c["doc"], "locator": c["locator"]} for c in self.chunks])
        self.index = self.store.index

    def _vectors(self, texts: list[str], cache_dir: str | None) -> np.ndarray:
        digest = hashlib.sha256(
            (getattr(self.embeddings, "embedder_id", "") + "\x00" + "\x00".join(texts)).encode()
        ).hexdigest()[:16]
        path = os.path.join(cache_dir, f"baseline-lc-{digest}.npy") if cache_dir else None
        if path and os.path.exists(path):
            return np.load(path, allow_pickle=False)
        vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
        if path:
            os.makedirs(cache_dir or ".", exist_ok=True)
            np.save(path, vectors, allow_pickle=False)
        return vectors

    def search(self, question: str, k: int = 5) -> list[dict]:
        """Top ``k`` chunks: dicts ``{doc, locator, quote, score}``, best first
        (``score`` is the store's distance: lower is closer)."""
        if not self.chunks:
            return []
        hits = self.store.similarity_search_with_score(question, k=min(k, len(self.chunks)))
        return [{"doc": d.metadata["doc"], "locator": d.metadata["locator"],
                 "quote": d.page_content, "score": float(s)} for d, s in hits]

    def ask(self, question: str, k: int = 5) -> tuple[dict, list[dict]]:
        """Answer record (the batch contract's keys) and the ranked chunks."""
        start = time.perf_counter()
        hits = self.search(question, k)
        ms = (time.perf_counter() - start) * 1000
        top = hits[0] if hits else None
        record = {
            "answer": top["quote"] if top else "",
            "abstained": False,
            "citations": [{"doc": top["doc"], "title": None, "locator": top["locator"],
                           "page": None, "quote": top["quote"]}] if top else [],
            "latency_ms": ms,
        }
        return record, hits
