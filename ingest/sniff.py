"""Decide a file's format from its bytes, never from its extension.

:func:`sniff_format` returns ``"pdf"``, ``"docx"``, ``"doc"`` (Word 97-2003)
or ``"text"`` (TXT and MD alike) and raises an :mod:`ingest.errors` error for anything else.
:func:`text_encoding` tells a text backend which codec the bytes decode with.

Signatures checked, in order:

* ``%PDF-`` within the first 1024 bytes → PDF.
* A ZIP (``PK\\x03\\x04``/``PK\\x05\\x06``) holding ``word/document.xml`` → DOCX;
  another ZIP (renamed .zip, .xlsx, .pptx, .odt) is unsupported; a ZIP whose
  directory cannot be read is corrupt.
* An OLE2 compound file (``D0 CF 11 E0 A1 B1 1A E1``) naming an
  ``EncryptedPackage`` stream is a password-protected Office Open XML file →
  ``"docx"`` (the DOCX backend reports it as encrypted); one holding a
  ``WordDocument`` stream is a Word 97-2003 document → ``"doc"`` (see
  :func:`ole_word_kind`); any other OLE2 file (.xls, .ppt, .msg) is unsupported.
* Known image signatures (PNG, JPEG, GIF, TIFF, BMP, WebP) are unsupported.
* Otherwise text when the bytes decode (UTF-8 with/without BOM, UTF-16 with a
  BOM, or Vietnamese Windows-1258) and at most 1% of the characters are
  control characters other than tab/newline/carriage return/form feed, or
  when they read as Vietnamese in a legacy encoding (TCVN3, VNI:
  :mod:`ingest.legacy`), reported as ``"latin-1"``.
"""

from __future__ import annotations

import codecs
import os
import struct
import unicodedata
import zipfile

from ingest.errors import CorruptFileError, UnsupportedTypeError

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
DOCX_MAIN_PART = "word/document.xml"

# How much of a presumed text file is checked (an incremental decode, so a
# multi-byte character cut at the boundary is not an error).
TEXT_PROBE_BYTES = 1024 * 1024
MAX_CONTROL_RATIO = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\x0b"}

_IMAGE_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF87a", "ảnh GIF"),
    (b"GIF89a", "ảnh GIF"),
    (b"II*\x00", "ảnh TIFF"),
    (b"MM\x00*", "ảnh TIFF"),
)

_SUFFIX_FORMAT = {".pdf": "PDF", ".docx": "DOCX", ".doc": "Word (.doc)", ".txt": "văn bản", ".md": "văn bản"}


def sniff_format(path: str | os.PathLike) -> str:
    """Return ``"pdf"``, ``"docx"``, ``"doc"`` or ``"text"`` for the file at ``path``.

    The decision uses the content only (see the module docstring for the
    signatures). Raises :class:`UnsupportedTypeError` for any other content
    (images, archives, spreadsheets, binaries) with a Vietnamese detail
    naming what was found, and :class:`CorruptFileError` for a ZIP whose
    directory cannot be read (e.g. a truncated DOCX). An empty file is the
    caller's check (``EmptyFileError``); here it sniffs as ``"text"``.
    """
    path = os.fspath(path)
    name = os.path.basename(path)
    with open(path, "rb") as fh:
        head = fh.read(TEXT_PROBE_BYTES)

    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        return _sniff_zip(path, name)
    if head.startswith(OLE_MAGIC):
        if is_encrypted_ooxml(path):
            return "docx"
        if ole_word_kind(path) is not None:
            return "doc"
        raise UnsupportedTypeError(
            name,
            "tệp Office 97-2003 không phải tài liệu Word (.xls/.ppt) — hãy lưu lại dưới dạng .docx",
        )
    image = _image_kind(head)
    if image:
        raise UnsupportedTypeError(name, image)
    if text_encoding(head) is not None:
        return "text"
    raise UnsupportedTypeError(name, _unknown_detail(name))


def is_encrypted_ooxml(path: str | os.PathLike) -> bool:
    """True if ``path`` is an OLE2 container with an ``EncryptedPackage`` stream.

    That is how Word (and Excel) store a password-protected .docx/.xlsx: the
    ZIP package is encrypted inside a compound file. The stream name is
    stored in UTF-16-LE in the OLE directory, which may sit anywhere in the
    file, so the whole file is scanned (files are at most 50 MB).
    """
    with open(path, "rb") as fh:
        if fh.read(len(OLE_MAGIC)) != OLE_MAGIC:
            return False
        return ENCRYPTED_PACKAGE in fh.read()


WORD_STREAM = "WordDocument"
_FIB_FLAGS = 0x0A  # FibBase flags (uint16 LE); bit 8 is fEncrypted
_F_ENCRYPTED = 0x0100


def ole_word_kind(path: str | os.PathLike) -> str | None:
    """``"doc"``, ``"encrypted"`` or ``"damaged"`` for an OLE2 Word 97-2003 file, else ``None``.

    Read with ``olefile``: a ``WordDocument`` stream makes a Word document;
    its File Information Block's ``fEncrypted`` flag a password-protected
    one. A compound file olefile cannot parse is ``"damaged"`` when its
    directory still names a ``WordDocument`` stream (UTF-16-LE), else ``None``.
    """
    import olefile

    try:
        with olefile.OleFileIO(os.fspath(path)) as ole:
            if not ole.exists(WORD_STREAM):
                return None
            fib = ole.openstream(WORD_STREAM).read(_FIB_FLAGS + 2)
    except (OSError, ValueError, IndexError, KeyError, struct.error, NotImplementedError):
        # olefile's errors (OleFileError is an OSError) and parsing failures of damaged files
        with open(path, "rb") as fh:
            named = WORD_STREAM.encode("utf-16-le") in fh.read()
        return "damaged" if named else None
    if len(fib) < _FIB_FLAGS + 2:
        return "damaged"
    flags = struct.unpack_from("<H", fib, _FIB_FLAGS)[0]
    return "encrypted" if flags & _F_ENCRYPTED else "doc"


def text_encoding(data: bytes) -> str | None:
    """Codec name the bytes decode with as plain text, or ``None`` if not text.

    Tried in order: a UTF-16 BOM (``"utf-16"``), UTF-8 with or without BOM
    (``"utf-8-sig"``), Windows-1258 (``"cp1258"``, legacy Vietnamese). Bytes
    containing NUL outside UTF-16, or more than 1% control characters, are
    not text. ``data`` may be a prefix of the file: a multi-byte sequence cut
    at its end is accepted.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        return None
    else:
        candidates = ["utf-8-sig", "cp1258"]
    for codec in candidates:
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        try:
            text = decoder.decode(data, final=False)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return codec
    if candidates != ["utf-16"] and _legacy_vietnamese(data):
        return "latin-1"
    return None


def _legacy_vietnamese(data: bytes) -> bool:
    """Whether ``data`` reads as Vietnamese in TCVN3 or VNI (whose capitals
    use control and undefined Windows-1258 codes)."""
    from ingest import legacy

    sample = data[:200_000]
    return any(legacy.vietnamese_score(decode(sample)) >= legacy.MIN_SCORE for decode in legacy.DECODERS.values())


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(
        1
        for ch in text
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls <= MAX_CONTROL_RATIO * len(text)


def _image_kind(head: bytes) -> str | None:
    for magic, label in _IMAGE_MAGICS:
        if head.startswith(magic):
            return label
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "ảnh WebP"
    if head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00":
        return "ảnh BMP"
    return None


def _sniff_zip(path: str, name: str) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(name, "tệp nén ZIP/DOCX không đọc được, có thể bị cắt cụt") from exc
    if DOCX_MAIN_PART in names:
        return "docx"
    if "xl/workbook.xml" in names:
        detail = "bảng tính Excel (.xlsx)"
    elif "ppt/presentation.xml" in names:
        detail = "bản trình chiếu PowerPoint (.pptx)"
    elif "content.xml" in names and "mimetype" in names:
        detail = "tài liệu OpenDocument (.odt/.ods)"
    else:
        detail = "tệp nén ZIP, không phải tài liệu Word (thiếu word/document.xml)"
    raise UnsupportedTypeError(name, detail)


def _unknown_detail(name: str) -> str:
    claimed = _SUFFIX_FORMAT.get(os.path.splitext(name)[1].lower())
    if claimed:
        return f"tên tệp là {claimed} nhưng nội dung không phải {claimed}"
    return "nội dung nhị phân không nhận dạng được"
