"""Work caches of an index build, kept by text hash under ``<home>/cache/``.

An index build computes two costly things per passage text: its embedding
and its BM25 token analyses (underthesea word segmentation is the slow one).
Both are reused by text hash (:func:`text_key`) from the live index, and
each batch a build computes is also written here at once as a *shard*, so a
build that is killed (kill -9, power cut) loses nothing it had computed: the
next run loads the shards and carries on. After a build is published its
results live in the index and the shards are deleted (:meth:`ShardCache.clear`).

Layout (no pickle: ``.npy`` read with ``allow_pickle=False`` and JSON)::

    cache/emb-<embedder hash>-<uuid>.npy    float32 (n, dim)
    cache/emb-<embedder hash>-<uuid>.json   [text key, ...]  (written last)
    cache/tok-<analyzer hash>-<uuid>.json   {analysis: {text key: [token, ...]}}

A shard counts only when its ``.json`` exists (written by ``os.replace``
after the data), so a kill while writing leaves at most an ignored file,
which :meth:`ShardCache.clear` removes.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid

import numpy as np

CACHE_DIR = "cache"


def text_key(text: str) -> str:
    """Cache key of a chunk text (hex SHA-1 of its UTF-8 bytes)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _short(identity: str) -> str:
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]


def _atomic_write_bytes(path: str, data: bytes) -> None:
    tmp = f"{path}.{uuid.uuid4().hex[:8]}.part"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class ShardCache:
    """Shards of one kind (``prefix`` "emb" or "tok") for one ``identity``
    (embedder id or analyzer fingerprint) under ``<home>/cache/``."""

    def __init__(self, home: str, prefix: str, identity: str):
        self.folder = os.path.join(home, CACHE_DIR)
        self.prefix = prefix
        self.stem = f"{prefix}-{_short(identity)}-"

    def _paths(self) -> list[str]:
        if not os.path.isdir(self.folder):
            return []
        return sorted(os.path.join(self.folder, n) for n in os.listdir(self.folder)
                      if n.startswith(self.stem) and n.endswith(".json"))

    def new_shard(self) -> str:
        """Path stem (no suffix) of a fresh shard; creates the folder."""
        os.makedirs(self.folder, exist_ok=True)
        return os.path.join(self.folder, self.stem + uuid.uuid4().hex[:12])

    def clear(self) -> None:
        """Delete every shard of this kind (any identity) and partial files."""
        if not os.path.isdir(self.folder):
            return
        for name in os.listdir(self.folder):
            if name.startswith(self.prefix + "-"):
                try:
                    os.remove(os.path.join(self.folder, name))
                except FileNotFoundError:
                    pass


class VectorCache(ShardCache):
    """Embeddings by text key for one embedder: in memory, and in shards.

    ``vectors`` is ``{text key: float32 (dim,)}``. :meth:`load` adds what
    earlier (possibly killed) builds wrote; :meth:`add` stores a batch in
    memory and writes it as one shard.
    """

    def __init__(self, home: str, embedder_id: str):
        super().__init__(home, "emb", embedder_id)
        self.vectors: dict[str, np.ndarray] = {}

    def load(self) -> int:
        """Read every complete shard; return how many vectors were added."""
        added = 0
        for keys_path in self._paths():
            try:
                with open(keys_path, encoding="utf-8") as fh:
                    keys = json.load(fh)
                matrix = np.load(keys_path[:-5] + ".npy", allow_pickle=False)
            except (OSError, ValueError):
                continue
            if matrix.ndim != 2 or len(matrix) != len(keys):
                continue
            for key, vec in zip(keys, matrix):
                if key not in self.vectors:
                    self.vectors[key] = vec
                    added += 1
        return added

    def add(self, keys: list[str], matrix: np.ndarray) -> None:
        """Keep ``matrix`` rows under ``keys`` and write them as one shard."""
        matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        for key, vec in zip(keys, matrix):
            self.vectors[key] = vec
        stem = self.new_shard()
        tmp = f"{stem}.{uuid.uuid4().hex[:8]}.part.npy"
        np.save(tmp, matrix, allow_pickle=False)
        os.replace(tmp, stem + ".npy")
        _atomic_write_bytes(stem + ".json", json.dumps(keys).encode("utf-8"))


class TokenCache(ShardCache):
    """BM25 token analyses by text key for one analyzer fingerprint.

    ``tokens`` is ``{analysis name: {text key: [token, ...]}}``.
    """

    def __init__(self, home: str, fingerprint: str, analyses: list[str]):
        super().__init__(home, "tok", fingerprint)
        self.tokens: dict[str, dict[str, list[str]]] = {name: {} for name in analyses}

    def load(self) -> int:
        """Read every complete shard; return how many analyses were added."""
        added = 0
        for path in self._paths():
            try:
                with open(path, encoding="utf-8") as fh:
                    data = json.load(fh)
            except (OSError, ValueError):
                continue
            for name, table in data.items():
                known = self.tokens.get(name)
                if known is None or not isinstance(table, dict):
                    continue
                for key, toks in table.items():
                    if key not in known:
                        known[key] = toks
                        added += 1
        return added

    def add(self, batch: dict[str, dict[str, list[str]]]) -> None:
        """Keep ``batch`` (same shape as ``tokens``) and write it as one shard."""
        for name, table in batch.items():
            self.tokens.setdefault(name, {}).update(table)
        _atomic_write_bytes(self.new_shard() + ".json",
                            json.dumps(batch, ensure_ascii=False).encode("utf-8"))
