"""The on-disk index: layout, atomic publishing, and reading it back.

Data folder (``home``): ``.cchc/`` in the current directory, or env
``CCHC_HOME``. Inside it::

    CURRENT                  name of the live index folder (one line)
    index-<stamp>/           one complete index
        manifest.json        {format, embedder_spec, embedder_id, dim,
                              parser_fingerprint, versions, files: {name:
                              {doc, key, sha256, n_chunks, n_tasks, path}},
                              errors: {name: message}, n_chunks, created}
        chunks.json          [Chunk.to_dict(), ...] grouped by doc, manifest order
        plans/<key>.json     Plan.to_dict() of one file
        vectors/<key>.npy    float32 (n_chunks_of_doc, dim), rows = that doc's chunks
        dense.faiss          faiss IndexFlatIP over all vectors, ids = chunk order
        bm25/<analysis>/     bm25s index (JSON + .npy, no pickle) per analysis
        diacritics.json      {folded n-gram: most frequent spelling} for
                             restoring queries typed without dấu
        tokens.json          {analysis: [[token, ...] per chunk]} (reused by
                             the next build for unchanged passages)
    cache/                   embedding and token shards of builds in progress
                             (:mod:`retrieval.cache`)
    write.lock               the writer lock

A build writes a ``.tmp-index-*`` folder, renames it to ``index-*`` and only
then swaps ``CURRENT`` with ``os.replace`` (atomic), so a crash or Ctrl-C at
any point leaves the previous index live. Nothing is pickled: JSON, ``.npy``
written and read with ``allow_pickle=False``, and FAISS's own format.

One writer at a time: every writer (``cchc index``, an upload, a removal)
holds :func:`writer_lock` (a ``filelock`` on ``<home>/write.lock``) for its
whole change; a second writer waits, saying so, and gives up with
:class:`IndexBusyError` after :data:`LOCK_TIMEOUT` seconds. Under the lock,
:func:`clean_stale` removes what a killed writer left (``.tmp-index-*``
folders, ``.CURRENT.<hex>`` files). Readers hold a shared ``flock`` on their
index folder's ``manifest.json`` while they use it; publishing deletes an old
``index-*`` folder only when no reader holds it (else a later publish does),
and :meth:`IndexStore.open` retries when the pointer moved under it, so a
reader never sees a missing folder.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

import numpy as np

from ingest.errors import IndexStateError
from ingest.model import Plan, plan_from_dict
from retrieval.chunks import Chunk
from retrieval.protocols import IndexSnapshot

if TYPE_CHECKING:
    import bm25s
    import faiss

FORMAT = 1
POINTER = "CURRENT"
LOCK_NAME = "write.lock"
LOCK_TIMEOUT = 600.0
"""Seconds a second writer waits for the data folder before refusing."""
NO_INDEX_MESSAGE = "Chưa có chỉ mục — hãy chạy `cchc index` (no index found: run `cchc index`)"

log = logging.getLogger(__name__)


class IndexNotFoundError(IndexStateError):
    """No usable index under the data folder; ``str(err)`` tells the user to run
    ``cchc index``. An :class:`ingest.errors.IndexStateError`: the CLI prints it and exits 2."""

    def __init__(self, home: str, detail: str = ""):
        extra = f" [{detail}]" if detail else ""
        super().__init__(f"{NO_INDEX_MESSAGE}: {home}{extra}")


class IndexBusyError(IndexStateError):
    """Another writer held the data folder for longer than the wait allowed."""

    def __init__(self, home: str, waited: float):
        super().__init__(
            f"Thư mục dữ liệu {home} đang được một tiến trình khác cập nhật "
            f"(đã chờ {waited:.0f} giây). Hãy thử lại sau khi tiến trình đó xong."
        )


def resolve_home(home: str | os.PathLike | None = None) -> str:
    """Absolute data folder: ``home`` (``Settings.home``), else ``./.cchc``."""
    return os.path.abspath(home or os.path.join(os.getcwd(), ".cchc"))


def write_json(path: str, data: Any) -> None:
    """Write ``data`` as UTF-8 JSON (Vietnamese kept readable)."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)


def read_json(path: str) -> Any:
    """Read a UTF-8 JSON file."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _say(message: str) -> None:
    log.warning(message)


@contextmanager
def writer_lock(home: str, timeout: float | None = None,
                notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the data folder's writer lock for the ``with`` block.

    Re-entrant within one thread (an upload holds it around the index build
    it runs). When another process or thread holds it, ``notify`` (default: a
    log warning) gets a Vietnamese "waiting" message, then the call waits up
    to ``timeout`` seconds (default :data:`LOCK_TIMEOUT`) and raises
    :class:`IndexBusyError` if the lock is still taken. On entry, stale
    temporary files are removed (:func:`clean_stale`).
    """
    from filelock import FileLock, Timeout

    os.makedirs(home, exist_ok=True)
    lock = FileLock(os.path.join(home, LOCK_NAME), is_singleton=True)
    limit = LOCK_TIMEOUT if timeout is None else timeout
    try:
        lock.acquire(timeout=0)
    except Timeout:
        (notify or _say)(f"Đang chờ tiến trình khác cập nhật chỉ mục trong {home}…")
        try:
            lock.acquire(timeout=limit)
        except Timeout:
            raise IndexBusyError(home, limit) from None
    try:
        if lock.lock_counter == 1:
            clean_stale(home)
        yield
    finally:
        lock.release()


def clean_stale(home: str) -> list[str]:
    """Remove what killed writers left in ``home``; return the names removed.

    Call only while holding :func:`writer_lock` (then no build is running):
    ``.tmp-index-*`` folders, ``.CURRENT.<hex>`` pointer drafts, and
    ``index-*`` folders that are neither live nor held by a reader.
    """
    removed: list[str] = []
    live = live_dir(home)
    for entry in sorted(os.listdir(home)):
        full = os.path.join(home, entry)
        if entry.startswith(f".{POINTER}.") and os.path.isfile(full):
            os.remove(full)
        elif entry.startswith(".tmp-index-") and os.path.isdir(full):
            shutil.rmtree(full, ignore_errors=True)
        elif entry.startswith("index-") and full != live and os.path.isdir(full):
            if not _remove_unused(full):
                continue
        else:
            continue
        removed.append(entry)
    return removed


def _remove_unused(folder: str) -> bool:
    """Delete a finished index folder unless a reader holds it; True if deleted."""
    manifest = os.path.join(folder, "manifest.json")
    try:
        fd = os.open(manifest, os.O_RDONLY)
    except FileNotFoundError:  # a half-deleted folder: nothing can read it
        shutil.rmtree(folder, ignore_errors=True)
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        shutil.rmtree(folder, ignore_errors=True)
        return True
    finally:
        os.close(fd)


def new_build_dir(home: str) -> str:
    """Create and return an empty ``<home>/.tmp-index-*`` folder for one build."""
    os.makedirs(home, exist_ok=True)
    name = f".tmp-index-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    path = os.path.join(home, name)
    os.makedirs(path)
    return path


def live_name(home: str) -> str:
    """The name ``CURRENT`` holds ("" when there is no pointer)."""
    try:
        with open(os.path.join(home, POINTER), encoding="utf-8") as fh:
            return fh.read().strip()
    except OSError:
        return ""


def live_dir(home: str) -> str | None:
    """The live index folder named by ``CURRENT``, or ``None`` if there is none."""
    name = live_name(home)
    path = os.path.join(home, name)
    return path if name and os.path.isdir(path) else None


def publish(home: str, build_dir: str) -> str:
    """Make the finished ``build_dir`` the live index; return its final path.

    Call while holding :func:`writer_lock`. Renames ``.tmp-index-X`` →
    ``index-X``, then atomically replaces ``CURRENT``, then deletes the
    older ``index-*`` folders no reader holds (:func:`clean_stale`). Until
    the ``os.replace`` the previous index stays live.
    """
    final = os.path.join(home, os.path.basename(build_dir).replace(".tmp-", "", 1))
    os.rename(build_dir, final)
    tmp_pointer = os.path.join(home, f".{POINTER}.{uuid.uuid4().hex[:8]}")
    try:
        with open(tmp_pointer, "w", encoding="utf-8") as fh:
            fh.write(os.path.basename(final) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_pointer, os.path.join(home, POINTER))
    except BaseException:
        if os.path.exists(tmp_pointer):
            os.remove(tmp_pointer)
        raise
    clean_stale(home)
    return final


class IndexStore:
    """A read-only view of the live index.

    Attributes: ``home`` (data folder), ``root`` (live index folder),
    ``manifest`` (dict, see module docstring), ``chunks`` (list of
    :class:`Chunk` in index order: position = FAISS id = BM25 doc id).
    Heavy parts (plans, FAISS, BM25) load on first use and are cached.
    """

    def __init__(self, home: str, root: str, manifest: dict, chunks: list[Chunk]):
        self.home = home
        self.root = root
        self.manifest = manifest
        self.chunks = chunks
        self._plans: dict[str, Plan] | None = None
        self._hold: int | None = None

    @classmethod
    def open(cls, home: str | None = None) -> "IndexStore":
        """Open the live index under ``home`` (see :func:`resolve_home`).

        Holds a shared ``flock`` on the folder's ``manifest.json`` for the
        store's lifetime (a writer then keeps the folder); if the pointer
        moved and the folder went while opening, reads the pointer again.
        Raises :class:`IndexNotFoundError` when there is no index, it is of
        another format, or its files cannot be read.
        """
        home = resolve_home(home)
        for _attempt in range(5):
            root = live_dir(home)
            if root is None:
                raise IndexNotFoundError(home)
            try:
                fd = os.open(os.path.join(root, "manifest.json"), os.O_RDONLY)
            except FileNotFoundError:
                continue  # deleted between reading the pointer and opening: retry
            fcntl.flock(fd, fcntl.LOCK_SH)
            try:
                manifest = read_json(os.path.join(root, "manifest.json"))
                if manifest.get("format") != FORMAT:
                    raise IndexNotFoundError(home, f"format {manifest.get('format')} != {FORMAT}")
                chunks = [Chunk.from_dict(c) for c in read_json(os.path.join(root, "chunks.json"))]
            except FileNotFoundError:
                os.close(fd)
                continue
            except (OSError, ValueError, TypeError, KeyError) as err:
                os.close(fd)
                raise IndexNotFoundError(home, str(err)) from err
            except BaseException:
                os.close(fd)
                raise
            store = cls(home, root, manifest, chunks)
            store._hold = fd
            return store
        raise IndexNotFoundError(home, "chỉ mục đang được thay liên tục, hãy thử lại")

    def close(self) -> None:
        """Release the hold on the index folder (also done when collected)."""
        fd, self._hold = self._hold, None
        if fd is not None:
            os.close(fd)

    def __del__(self) -> None:
        try:
            self.close()
        except (OSError, AttributeError):
            pass

    @classmethod
    def try_open(cls, home: str | None = None) -> "IndexStore | None":
        """:meth:`open`, or ``None`` when there is no usable index."""
        try:
            return cls.open(home)
        except IndexNotFoundError:
            return None

    def _key(self, doc: str) -> str:
        for entry in self.manifest["files"].values():
            if entry["doc"] == doc:
                return entry["key"]
        raise KeyError(doc)

    def plans(self) -> dict[str, Plan]:
        """Every indexed plan, ``{doc: Plan}`` in manifest order."""
        if self._plans is None:
            self._plans = {}
            for entry in self.manifest["files"].values():
                data = read_json(os.path.join(self.root, "plans", entry["key"] + ".json"))
                self._plans[entry["doc"]] = plan_from_dict(data)
        return self._plans

    def plan(self, doc: str) -> Plan:
        """One plan by doc name; raises ``KeyError`` if it is not indexed."""
        return self.plans()[doc]

    def doc_vectors(self, doc: str) -> np.ndarray:
        """float32 ``(n_chunks_of_doc, dim)`` embeddings of one doc's chunks."""
        path = os.path.join(self.root, "vectors", self._key(doc) + ".npy")
        return np.load(path, allow_pickle=False)

    def dense_index(self) -> faiss.Index:
        """The FAISS index (``IndexFlatIP``, ids = chunk positions)."""
        import faiss

        return faiss.read_index(os.path.join(self.root, "dense.faiss"))

    def diacritics_table(self) -> dict[str, str]:
        """Folded n-gram → spelling table (``{}`` if the index has none)."""
        path = os.path.join(self.root, "diacritics.json")
        return read_json(path) if os.path.exists(path) else {}

    def bm25(self, analysis: str) -> bm25s.BM25 | None:
        """The ``bm25s.BM25`` index for one analysis, or ``None`` if empty."""
        import bm25s

        path = os.path.join(self.root, "bm25", analysis)
        if not os.path.isdir(path):
            return None
        return bm25s.BM25.load(path, load_corpus=False, mmap=False, allow_pickle=False)

    def tokens(self) -> dict[str, list[list[str]]]:
        """The BM25 token analyses per chunk ``{analysis: [[token, ...]]}``
        (``{}`` for an index written before they were stored)."""
        path = os.path.join(self.root, "tokens.json")
        return read_json(path) if os.path.exists(path) else {}


def _write_bm25(root: str, tokens: dict[str, list[list[str]]]) -> None:
    import bm25s

    for name, corpus in tokens.items():
        if not corpus:
            continue
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)
        retriever.save(os.path.join(root, "bm25", name), allow_pickle=False)


def _write_faiss(root: str, matrix: np.ndarray) -> None:
    import faiss

    index = faiss.IndexFlatIP(matrix.shape[1])
    if len(matrix):
        index.add(matrix)
    faiss.write_index(index, os.path.join(root, "dense.faiss"))


class LocalIndexWriter:
    """The local :class:`retrieval.protocols.IndexWriter`: FAISS + bm25s + JSON
    folders under ``home`` (layout in the module docstring)."""

    def __init__(self, home: str | None = None, timeout: float | None = None):
        self.home = resolve_home(home)
        self.timeout = timeout

    def lock(self, notify: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """:func:`writer_lock` on ``home``."""
        return writer_lock(self.home, self.timeout, notify)

    def live_manifest(self) -> dict | None:
        """The live manifest, or ``None`` when there is no readable index."""
        root = live_dir(self.home)
        if root is None:
            return None
        try:
            manifest = read_json(os.path.join(root, "manifest.json"))
        except (OSError, ValueError):
            return None
        return manifest if manifest.get("format") == FORMAT else None

    def previous(self) -> IndexStore | None:
        """The live index opened for reuse (close it when done), or ``None``."""
        return IndexStore.try_open(self.home)

    def write(self, snapshot: IndexSnapshot) -> str:
        """Write ``snapshot`` into a fresh folder and publish it; return its name.

        Any error removes the unfinished folder and re-raises; the previous
        index stays live. Call while holding :meth:`lock`.
        """
        build_dir = new_build_dir(self.home)
        try:
            os.makedirs(os.path.join(build_dir, "plans"))
            os.makedirs(os.path.join(build_dir, "vectors"))
            matrices: list[np.ndarray] = []
            for key, plan, vecs in snapshot.plans:
                write_json(os.path.join(build_dir, "plans", key + ".json"), plan.to_dict())
                np.save(os.path.join(build_dir, "vectors", key + ".npy"), vecs, allow_pickle=False)
                matrices.append(vecs)
            write_json(os.path.join(build_dir, "chunks.json"), [c.to_dict() for c in snapshot.chunks])
            matrix = (np.concatenate(matrices) if matrices
                      else np.zeros((0, snapshot.dim), dtype=np.float32))
            _write_faiss(build_dir, np.ascontiguousarray(matrix, dtype=np.float32))
            _write_bm25(build_dir, snapshot.tokens)
            write_json(os.path.join(build_dir, "tokens.json"), snapshot.tokens)
            write_json(os.path.join(build_dir, "diacritics.json"), snapshot.diacritics)
            write_json(os.path.join(build_dir, "manifest.json"), snapshot.manifest)
            final = publish(self.home, build_dir)
        except BaseException:
            shutil.rmtree(build_dir, ignore_errors=True)
            raise
        return os.path.basename(final)
