"""Adding and removing plan files of the corpus, keeping corpus and index consistent.

:func:`add_plan` is all-or-nothing. In order it:

1. refuses an empty file or one over 50 MB (:data:`ingest.errors.MAX_BYTES`);
2. writes the bytes to a private temporary folder under a sanitised name
   (:func:`sanitize_filename`: no folders, no ``..``, ASCII letters,
   digits, ``-``, ``_``, ``.``; the extension follows the content);
3. decides the type from the content (:func:`ingest.sniff.sniff_format`);
4. refuses content identical to a corpus file (SHA-256);
5. parses it there in a bounded worker process
   (:func:`ingest.worker.parse_untrusted`: time and memory limits, so one
   hostile upload cannot slow the other users);
6. only then copies it into the corpus (a free name: ``name-2.pdf`` when
   ``name.pdf`` exists) and re-indexes the corpus incrementally
   (:func:`retrieval.indexer.build_index`, which must index the new file).

Any failure raises :class:`ingest.errors.IngestError` (Vietnamese message):
before step 6 nothing was written; in step 6 the copied file is removed,
and a failed build publishes nothing, so the corpus and the live index are
exactly as they were. :func:`remove_plan` takes a file out of the corpus
and the index, with the same all-or-nothing guarantee. Both hold the data
folder's writer lock (:func:`retrieval.store.writer_lock`, shared with
``cchc index`` in other processes) for the whole change.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from ingest.errors import MAX_BYTES, EmptyFileError, FileTooLargeError, IngestError
from ingest.model import Plan
from ingest.pipeline import iter_plan_files
from ingest.sniff import sniff_format
from ingest.worker import parse_untrusted
from retrieval.indexer import file_sha256
from retrieval.store import writer_lock

Progress = Callable[[float, str], None]
"""Progress callback: fraction done (0..1) and a Vietnamese step label."""

_EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc"}
_TEXT_EXTENSIONS = (".txt", ".md")
MAX_STEM = 80


class UploadError(IngestError):
    """An upload refused for a reason of its own (duplicate, index failure)."""


@dataclass
class UploadResult:
    """Outcome of :func:`add_plan`: the corpus file name, its plan, the new manifest."""

    doc: str
    plan: Plan
    manifest: dict
    warnings: list[str] = field(default_factory=list)


def sanitize_filename(name: str, kind: str) -> str:
    """A safe corpus file name for an upload called ``name`` of content ``kind``.

    Keeps only the last path component (``/`` and ``\\`` both separate),
    folds Vietnamese letters to ASCII ("Kế hoạch" → "Ke hoach"), turns any
    other character into ``_``, strips leading dots and underscores, caps
    the stem at :data:`MAX_STEM` characters, and sets the extension from
    ``kind`` (``pdf`` → ``.pdf``, ``docx`` → ``.docx``, ``doc`` → ``.doc``, ``text`` → ``.md``
    if the name said ``.md``, else ``.txt``). ``"../../etc/passwd"`` →
    ``"passwd.txt"``; an empty result becomes ``"ke_hoach"``.
    """
    base = re.split(r"[\\/]", name or "")[-1]
    stem, ext = os.path.splitext(base)
    folded = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", folded)
    stem = re.sub(r"\.{2,}", ".", stem).strip("._- ")[:MAX_STEM].rstrip("._- ")
    if kind == "text":
        suffix = ext.lower() if ext.lower() in _TEXT_EXTENSIONS else ".txt"
    else:
        suffix = _EXTENSIONS[kind]
    return (stem or "ke_hoach") + suffix


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()



def corpus_files(corpus: str) -> list[str]:
    """Plan files of the corpus folder (PDF/DOCX/TXT/MD by suffix), sorted; ``[]`` if absent."""
    return iter_plan_files([corpus]) if os.path.isdir(corpus) else []


def find_duplicate(data: bytes, corpus: str) -> str | None:
    """File name in ``corpus`` whose bytes equal ``data``, else ``None``."""
    digest = sha256_bytes(data)
    for path in corpus_files(corpus):
        if os.path.getsize(path) == len(data) and file_sha256(path) == digest:
            return os.path.basename(path)
    return None


def _free_name(corpus: str, name: str) -> str:
    stem, ext = os.path.splitext(name)
    candidate, n = name, 1
    while os.path.exists(os.path.join(corpus, candidate)):
        n += 1
        candidate = f"{stem}-{n}{ext}"
    return candidate


def _reindex(corpus: str, home: str, required: tuple[str, ...] = (),
             known: dict[str, Plan] | None = None, allow_empty: bool = False) -> dict:
    """Re-index the corpus; ``known`` maps absolute paths to plans already parsed."""
    from retrieval.indexer import build_index

    known = known or {}

    def parse(path: str) -> Plan:
        return known.get(os.path.abspath(path)) or parse_untrusted(path)

    return build_index(corpus_files(corpus), home=home, progress=False, required=required,
                       parse=parse, allow_empty=allow_empty)


def _noop(_fraction: float, _label: str) -> None:
    return None


def add_plan(data: bytes, name: str, corpus: str, home: str,
             progress: Progress | None = None) -> UploadResult:
    """Add one uploaded plan (bytes ``data`` named ``name``) to ``corpus`` and the index.

    Steps and guarantees are in the module docstring. Returns an
    :class:`UploadResult`. Raises :class:`ingest.errors.IngestError`
    subclasses: ``EmptyFileError``, ``FileTooLargeError``,
    ``UnsupportedTypeError``, ``CorruptFileError``, ``EncryptedFileError``,
    ``NoTextLayerError`` (from the checks and the parser) and
    :class:`UploadError` (duplicate content, indexing failure).
    """
    progress = progress or _noop
    if not data:
        raise EmptyFileError(name)
    if len(data) > MAX_BYTES:
        raise FileTooLargeError(name, len(data))
    with writer_lock(home, notify=lambda m: progress(0.0, m)), \
            tempfile.TemporaryDirectory(prefix="cchc-upload-") as tmp:
        progress(0.05, "Kiểm tra định dạng tệp")
        probe = os.path.join(tmp, "upload.bin")
        with open(probe, "wb") as fh:
            fh.write(data)
        kind = sniff_format(probe)
        safe = sanitize_filename(name, kind)
        staged = os.path.join(tmp, safe)
        os.replace(probe, staged)
        duplicate = find_duplicate(data, corpus)
        if duplicate:
            raise UploadError(f"Tệp này trùng nội dung với kế hoạch đã nạp: {duplicate}")
        progress(0.2, "Đọc và phân tích kế hoạch")
        plan = parse_untrusted(staged)

        progress(0.5, "Lập chỉ mục (chỉ phần mới)")
        os.makedirs(corpus, exist_ok=True)
        target = os.path.join(corpus, _free_name(corpus, safe))
        known = {os.path.abspath(target): plan} if os.path.basename(target) == safe else {}
        try:
            shutil.copyfile(staged, target)
            manifest = _reindex(corpus, home, required=(os.path.basename(target),), known=known)
        except BaseException as err:
            if os.path.exists(target):
                os.remove(target)
            if isinstance(err, IngestError):
                raise
            if isinstance(err, Exception):
                raise UploadError(f"Không lập được chỉ mục, đã hoàn tác ({type(err).__name__})") from err
            raise
        progress(1.0, "Hoàn tất")
    doc = os.path.basename(target)
    return UploadResult(doc=doc, plan=plan, manifest=manifest, warnings=list(plan.warnings))


def remove_plan(doc: str, corpus: str, home: str, progress: Progress | None = None) -> dict:
    """Remove plan file ``doc`` (a corpus file name) from ``corpus`` and the index.

    Returns the new manifest. Raises :class:`UploadError` when ``doc`` is not
    a file of the corpus or re-indexing fails (then the file is put back and
    the index restored).
    """
    progress = progress or _noop
    names = {os.path.basename(p): p for p in corpus_files(corpus)}
    if os.path.basename(doc) != doc or doc not in names:
        raise UploadError(f"Không có kế hoạch này trong kho: {doc}")
    with writer_lock(home, notify=lambda m: progress(0.0, m)), \
            tempfile.TemporaryDirectory(prefix="cchc-remove-", dir=corpus) as tmp:
        held = os.path.join(tmp, doc)
        progress(0.1, "Gỡ tệp khỏi kho")
        os.replace(names[doc], held)
        try:
            progress(0.4, "Cập nhật chỉ mục")
            manifest = _reindex(corpus, home, allow_empty=True)
        except BaseException as err:
            os.replace(held, names[doc])
            if isinstance(err, IngestError):
                raise
            if isinstance(err, Exception):
                raise UploadError(f"Không cập nhật được chỉ mục, đã hoàn tác ({type(err).__name__})") from err
            raise
        progress(1.0, "Hoàn tất")
    return manifest
