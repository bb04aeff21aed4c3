"""The baseline: plain RAG over fixed-size text chunks.

Each plan file's text (paragraphs and table rows, cells tab-joined, as the
loader reads them) is cut by :func:`split_text` into windows of
:data:`CHUNK_SIZE` characters overlapping by :data:`CHUNK_OVERLAP`
(``langchain_text_splitters`` is not installed, so this is a simple
character splitter that prefers to cut at a line break or space). The
windows are embedded with the same embedder as the system, searched with a
FAISS inner-product index, and the top window is the answer, citing its
file. It never abstains: that is what plain RAG does.
"""

from __future__ import annotations

import hashlib
import os
import time

import numpy as np

from ingest.pipeline import iter_plan_files, load_document

CHUNK_SIZE = 800
CHUNK_OVERLAP = 100


def split_text(text: str, size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP) -> list[str]:
    """Windows of at most ``size`` characters, each starting ``overlap``
    characters before the previous one ended, cut at the last line break
    (else space) of the window when there is one in its second half."""
    text = text.strip()
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", start + size // 2, end), text.rfind(" ", start + size // 2, end))
            if cut > start:
                end = cut
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        if end >= len(text):
            break
        start = max(end - overlap, start + 1)
    return out


def document_text(path: str) -> str:
    """The plain text of a plan file: a text file as it is; for Word/PDF the
    loader's paragraphs and table rows (cells tab-joined), one per line."""
    if path.lower().endswith((".txt", ".md")):
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    doc = load_document(path)
    lines = []
    for block in doc.blocks:
        if block.kind == "table":
            lines.extend("\t".join(c or "" for c in row) for row in block.rows)
        elif block.text:
            lines.append(block.text)
    return "\n".join(lines)


class BaselineRAG:
    """Fixed-size chunks + the same embedder + FAISS; top chunk = answer.

    ``paths`` plan files or folders; ``embeddings`` an object with
    ``encode_passages(list[str]) -> (n, d) float32`` and ``encode_query(str)
    -> (d,)`` (see :mod:`retrieval.embeddings`), ``embedder_id`` used for
    the vector cache under ``cache_dir`` (``.npy``, no pickle).
    """

    def __init__(self, paths: list[str], embeddings, cache_dir: str | None = None):
        import faiss

        self.embeddings = embeddings
        self.chunks: list[dict] = []
        for path in iter_plan_files(paths):
            try:
                text = document_text(path)
            except Exception:  # a file the system skips, the baseline skips too
                continue
            for i, piece in enumerate(split_text(text)):
                self.chunks.append({"doc": os.path.basename(path), "locator": f"đoạn {i + 1}",
                                    "quote": piece})
        texts = [c["quote"] for c in self.chunks]
        vectors = self._vectors(texts, cache_dir)
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)

    def _vectors(self, texts: list[str], cache_dir: str | None) -> np.ndarray:
        digest = hashlib.sha256(
            (getattr(self.embeddings, "embedder_id", "") + "\x00" + "\x00".join(texts)).encode()
        ).hexdigest()[:16]
        path = os.path.join(cache_dir, f"baseline-{digest}.npy") if cache_dir else None
        if path and os.path.exists(path):
            return np.load(path, allow_pickle=False)
        vectors = np.ascontiguousarray(self.embeddings.encode_passages(texts), dtype=np.float32)
        if path:
            os.makedirs(cache_dir, exist_ok=True)
            np.save(path, vectors, allow_pickle=False)
        return vectors

    def search(self, question: str, k: int = 5) -> list[dict]:
        """Top ``k`` chunks: dicts ``{doc, locator, quote, score}``, best first."""
        q = np.asarray(self.embeddings.encode_query(question), dtype=np.float32)[None, :]
        scores, ids = self.index.search(q, min(k, len(self.chunks)))
        return [dict(self.chunks[i], score=float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]

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
