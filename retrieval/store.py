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

A build writes a ``.tmp-index-*`` folder, renames it to ``index-*`` and only
then swaps ``CURRENT`` with ``os.replace`` (atomic), so a crash or Ctrl-C at
any point leaves the previous index live. Nothing is pickled: JSON, ``.npy``
written and read with ``allow_pickle=False``, and FAISS's own format.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from typing import Any

import numpy as np

from ingest.errors import IndexStateError
from ingest.model import Plan, plan_from_dict
from retrieval.chunks import Chunk

FORMAT = 1
POINTER = "CURRENT"
NO_INDEX_MESSAGE = "Chưa có chỉ mục — hãy chạy `cchc index` (no index found: run `cchc index`)"


class IndexNotFoundError(IndexStateError):
    """No usable index under the data folder; ``str(err)`` tells the user to run
    ``cchc index``. An :class:`ingest.errors.IndexStateError`: the CLI prints it and exits 2."""

    def __init__(self, home: str, detail: str = ""):
        extra = f" [{detail}]" if detail else ""
        super().__init__(f"{NO_INDEX_MESSAGE}: {home}{extra}")


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


def new_build_dir(home: str) -> str:
    """Create and return an empty ``<home>/.tmp-index-*`` folder for one build."""
    os.makedirs(home, exist_ok=True)
    name = f".tmp-index-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    path = os.path.join(home, name)
    os.makedirs(path)
    return path


def live_dir(home: str) -> str | None:
    """The live index folder named by ``CURRENT``, or ``None`` if there is none."""
    pointer = os.path.join(home, POINTER)
    try:
        with open(pointer, encoding="utf-8") as fh:
            name = fh.read().strip()
    except FileNotFoundError:
        return None
    path = os.path.join(home, name)
    return path if name and os.path.isdir(path) else None


def publish(home: str, build_dir: str) -> str:
    """Make the finished ``build_dir`` the live index; return its final path.

    Renames ``.tmp-index-X`` → ``index-X``, then atomically replaces
    ``CURRENT``, then deletes older ``index-*`` and stale ``.tmp-index-*``
    folders. Until the ``os.replace`` the previous index stays live.
    """
    final = os.path.join(home, os.path.basename(build_dir).replace(".tmp-", "", 1))
    os.rename(build_dir, final)
    tmp_pointer = os.path.join(home, f".{POINTER}.{uuid.uuid4().hex[:8]}")
    with open(tmp_pointer, "w", encoding="utf-8") as fh:
        fh.write(os.path.basename(final) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp_pointer, os.path.join(home, POINTER))
    for entry in os.listdir(home):
        full = os.path.join(home, entry)
        if full != final and os.path.isdir(full) and (
            entry.startswith("index-") or entry.startswith(".tmp-index-")
        ):
            shutil.rmtree(full, ignore_errors=True)
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

    @classmethod
    def open(cls, home: str | None = None) -> "IndexStore":
        """Open the live index under ``home`` (see :func:`resolve_home`).

        Raises :class:`IndexNotFoundError` when there is no index, it is of
        another format, or its files cannot be read.
        """
        home = resolve_home(home)
        root = live_dir(home)
        if root is None:
            raise IndexNotFoundError(home)
        try:
            manifest = read_json(os.path.join(root, "manifest.json"))
            if manifest.get("format") != FORMAT:
                raise IndexNotFoundError(home, f"format {manifest.get('format')} != {FORMAT}")
            chunks = [Chunk.from_dict(c) for c in read_json(os.path.join(root, "chunks.json"))]
        except (OSError, ValueError, TypeError, KeyError) as err:
            raise IndexNotFoundError(home, str(err)) from err
        return cls(home, root, manifest, chunks)

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

    def dense_index(self):
        """The FAISS index (``IndexFlatIP``, ids = chunk positions)."""
        import faiss

        return faiss.read_index(os.path.join(self.root, "dense.faiss"))

    def diacritics_table(self) -> dict[str, str]:
        """Folded n-gram → spelling table (``{}`` if the index has none)."""
        path = os.path.join(self.root, "diacritics.json")
        return read_json(path) if os.path.exists(path) else {}

    def bm25(self, analysis: str):
        """The ``bm25s.BM25`` index for one analysis, or ``None`` if empty."""
        import bm25s

        path = os.path.join(self.root, "bm25", analysis)
        if not os.path.isdir(path):
            return None
        return bm25s.BM25.load(path, load_corpus=False, mmap=False, allow_pickle=False)
