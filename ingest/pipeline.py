"""File → plan model: the one entry point every consumer uses.

``parse_file(path)`` checks the file (size, emptiness, type by content),
dispatches to the backend for its format, then applies the genre rules:
``ingest.structure`` (metadata, section tree, targets, responsibilities) and
``ingest.tables`` (annex task table → tasks).
"""

from __future__ import annotations

import logging
import os

from ingest.blocks import Backend, LoadedDocument
from ingest.errors import (
    MAX_BYTES,
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    IngestError,
    MissingFileError,
)
from ingest.model import Plan, PlanWarning
from ingest.sniff import sniff_format

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".doc", ".txt", ".md")
_KIND_LABEL = {"pdf": "PDF", "docx": "Word (DOCX)", "doc": "Word 97 (DOC)", "text": "văn bản"}
log = logging.getLogger(__name__)


def _backend(kind: str) -> Backend:
    """The loader for a sniffed ``kind`` (pdf, docx, doc; anything else is text)."""
    if kind == "pdf":
        from ingest.backends.pdf import PdfBackend

        return PdfBackend()
    if kind == "docx":
        from ingest.backends.docx import DocxBackend

        return DocxBackend()
    if kind == "doc":
        from ingest.backends.doc import DocBackend

        return DocBackend()
    from ingest.backends.text import TextBackend

    return TextBackend()


def load_document(path: str | os.PathLike) -> LoadedDocument:
    """Load ``path`` with the backend its content calls for.

    Raises :class:`ingest.errors.MissingFileError`, ``EmptyFileError``, ``FileTooLargeError`` (over
    50 MB), ``UnsupportedTypeError``, ``CorruptFileError``,
    ``EncryptedFileError``, ``NoTextLayerError`` (``OcrUnavailableError``
    when a scanned PDF cannot be OCR'd), ``OcrTimeoutError`` or
    ``MissingToolError`` (a .doc without LibreOffice).
    """
    path = os.fspath(path)
    name = os.path.basename(path)
    if not os.path.isfile(path):
        raise MissingFileError(path)
    size = os.path.getsize(path)
    if size == 0:
        raise EmptyFileError(name)
    if size > MAX_BYTES:
        raise FileTooLargeError(name, size)
    kind = sniff_format(path)
    try:
        doc = _backend(kind).load(path)
    except (IngestError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - any library failure is a damaged file to the user
        log.info("%s loader failed on %s: %s: %s", kind, name, type(exc).__name__, exc)
        raise CorruptFileError(name, f"nội dung {_KIND_LABEL.get(kind, kind)} không đọc được") from exc
    if not any((b.text or b.rows) for b in doc.blocks):
        raise EmptyFileError(name)
    if kind != "text":  # the text backend reads legacy bytes itself
        repair_legacy(doc)
    return doc


def repair_legacy(doc: LoadedDocument) -> None:
    """Convert ``doc``'s texts in place when they are TCVN3/VNI shown as
    Latin-1 characters (a Word run in ``.VnTime``, a PDF in a VNI font),
    judged over the whole document (:func:`ingest.legacy.repair_texts`); a
    text with real Unicode letters is left alone. Sets ``doc.encoding``.
    Raises :class:`ingest.errors.LegacyEncodingError` for mojibake."""
    from ingest import legacy

    texts = [b.text for b in doc.blocks if b.text]
    texts += [cell for b in doc.blocks for row in b.rows for cell in row if cell]
    encoding = legacy.repair_texts(texts, doc.name, " ".join(doc.fonts))
    if encoding is None:
        return
    for block in doc.blocks:
        if block.text:
            block.text = legacy.convert(block.text, encoding)
        block.rows = [[legacy.convert(c, encoding) if c else c for c in row] for row in block.rows]
    doc.encoding = encoding


def build_plan(doc: LoadedDocument) -> Plan:
    """Apply the genre rules to a loaded document and return its :class:`Plan`.

    Tasks come from the annex tables, else from tasks assigned in prose
    (:mod:`ingest.prose_tasks`); a plan that names an annex or task list but
    yields no task carries a warning saying so.
    """
    from ingest.legacy import LABELS
    from ingest.prose_tasks import names_a_task_list, tasks_from_sections
    from ingest.structure import read_body
    from ingest.tables import extract_tasks

    plan = read_body(doc)
    plan.tasks, warnings = extract_tasks(doc, plan_year=plan.year)
    plan.warnings.extend(warnings)
    if doc.encoding:
        plan.warnings.append(PlanWarning(
            f"Đã chuyển văn bản từ bảng mã {LABELS[doc.encoding]} sang Unicode.", "legacy_encoding"))
    if not plan.tasks:
        plan.tasks = tasks_from_sections(plan.sections, doc.name, plan.year)
    if not plan.tasks and names_a_task_list(plan.sections):
        plan.warnings.append(PlanWarning(
            f"{doc.name}: kế hoạch nhắc tới phụ lục/danh mục nhiệm vụ nhưng không đọc được nhiệm vụ nào "
            "(bảng có thể đã mất hoặc hỏng khi chuyển đổi tệp)", "no_tasks", "phụ lục"))
    _mark_ocr(plan, doc)
    return plan


def _mark_ocr(plan: Plan, doc: LoadedDocument) -> None:
    """Record which pages were OCR'd (``Plan.source_kind``/``ocr_pages``) and warn once.

    Tasks on OCR'd pages get :func:`ingest.ocrtext.fix_tones` again: a row cut
    by a page break is joined after each page's cells were cleaned.
    """
    if not doc.ocr_pages:
        return
    from ingest.ocrtext import fix_tones

    pages = sorted(set(doc.ocr_pages))
    for task in plan.tasks:  # cells joined across a page break: their pairs are new
        if task.page in pages:
            for name in ("section", "subsection", "objective", "content", "lead",
                         "coordinating", "deadline", "product"):
                value = getattr(task, name)
                if value:
                    setattr(task, name, fix_tones(value))
    text_pages = {b.page for b in doc.blocks if b.kind != "page_break" and b.page} - set(pages)
    plan.ocr_pages = pages
    plan.source_kind = "mixed" if text_pages else "scan"
    shown = ", ".join(str(p) for p in pages) if len(pages) <= 12 else f"{len(pages)} trang"
    plan.warnings.append(PlanWarning(
        f"Nội dung đọc từ bản scan bằng nhận dạng chữ (OCR), trang {shown}: "
        "hãy đối chiếu với bản gốc trước khi dùng.", "ocr", f"trang {shown}"))


def parse_file(path: str | os.PathLike) -> Plan:
    """Parse one plan file (PDF, DOCX, DOC, TXT or MD) into a :class:`Plan`, in
    this process (for untrusted files use :func:`ingest.worker.parse_untrusted`).

    Errors are those of :func:`load_document`; a failure of the genre rules
    on a damaged document is a :class:`CorruptFileError` too.
    """
    doc = load_document(path)
    try:
        return build_plan(doc)
    except (IngestError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - never a traceback for a user's file
        log.info("plan rules failed on %s: %s: %s", doc.name, type(exc).__name__, exc)
        raise CorruptFileError(doc.name, "cấu trúc kế hoạch không đọc được") from exc


def iter_plan_files(paths: list[str]) -> list[str]:
    """Expand files and folders into a sorted list of plan files (by suffix)."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for entry in sorted(os.listdir(p)):
                full = os.path.join(p, entry)
                if os.path.isfile(full) and entry.lower().endswith(SUPPORTED_SUFFIXES):
                    out.append(full)
        else:
            out.append(p)
    return out
