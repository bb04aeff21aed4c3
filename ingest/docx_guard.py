"""Safety checks of a DOCX package, run before python-docx builds any object.

A DOCX is a ZIP of XML parts; a small file can expand into gigabytes of XML,
millions of paragraphs, or a cell claiming to span five million grid columns
(``w:gridBefore w:val="5000000"``), each of which makes python-docx (and the
table reader, which fills one string per grid column) run for minutes and
take gigabytes. :func:`check_docx` reads the ZIP directory and streams
``word/document.xml`` through a tree-less lxml parser (a *target* parser:
nothing is kept), counting and checking as it goes, and refuses the file at
the first limit it passes (:class:`ingest.errors.ParseLimitError`, naming
the limit) or at the first malformed value (:class:`ingest.errors.CorruptFileError`).

Checked (limits in :data:`DOCX_LIMITS`):

* ZIP: number of entries, total uncompressed size, compression methods
  (stored/deflate only), encrypted entries, damaged deflate streams;
* ``word/document.xml``: its uncompressed size, a ``w:body`` present,
  counts of paragraphs (``w:p``), table rows (``w:tr``) and cells (``w:tc``),
  and every ``w:gridSpan``/``w:gridBefore``/``w:gridAfter`` value: a whole
  number from 0 to ``max_grid`` (Word itself allows 63 columns).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from ingest.errors import CorruptFileError, EncryptedFileError, ParseLimitError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAIN_PART = "word/document.xml"


@dataclass(frozen=True)
class DocxLimits:
    """Limits of :func:`check_docx`; sizes in bytes."""

    max_entries: int = 2_000
    max_uncompressed: int = 300 * 1024 * 1024
    max_document_xml: int = 100 * 1024 * 1024
    max_paragraphs: int = 100_000
    max_rows: int = 30_000
    max_cells: int = 300_000
    max_grid: int = 64


DOCX_LIMITS = DocxLimits()
_GRID_TAGS = {W + "gridSpan": "gridSpan", W + "gridBefore": "gridBefore", W + "gridAfter": "gridAfter"}
_SUPPORTED = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_READ = 1 << 16


class _Counter:
    """lxml parser target: counts elements and checks grid values, keeps nothing."""

    def __init__(self, name: str, limits: DocxLimits):
        self.name = name
        self.limits = limits
        self.paragraphs = self.rows = self.cells = 0
        self.body = False

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        if tag == W + "p":
            self.paragraphs += 1
            if self.paragraphs > self.limits.max_paragraphs:
                raise ParseLimitError(self.name, f"quá {self.limits.max_paragraphs} đoạn văn")
        elif tag == W + "tr":
            self.rows += 1
            if self.rows > self.limits.max_rows:
                raise ParseLimitError(self.name, f"quá {self.limits.max_rows} dòng bảng")
        elif tag == W + "tc":
            self.cells += 1
            if self.cells > self.limits.max_cells:
                raise ParseLimitError(self.name, f"quá {self.limits.max_cells} ô bảng")
        elif tag == W + "body":
            self.body = True
        elif tag in _GRID_TAGS:
            self._grid(_GRID_TAGS[tag], attrib.get(W + "val"))

    def _grid(self, what: str, value: str | None) -> None:
        if value is None:
            return
        text = value.strip()
        if not text.isdigit():
            raise CorruptFileError(
                self.name, f"bảng có số ô gộp ({what}) không hợp lệ: “{value[:20]}”")
        if int(text) > self.limits.max_grid:
            raise ParseLimitError(
                self.name, f"ô bảng gộp {text[:12]} cột ({what}), tối đa {self.limits.max_grid}")

    def end(self, tag: str) -> None:
        return None

    def data(self, data: str) -> None:
        return None

    def close(self) -> None:
        return None


def check_docx(path: str, name: str, limits: DocxLimits = DOCX_LIMITS) -> None:
    """Refuse ``path`` (shown as ``name``) if its package passes a limit.

    Raises :class:`ParseLimitError` (a limit of :class:`DocxLimits`),
    :class:`CorruptFileError` (unreadable ZIP, unsupported compression,
    damaged stream, malformed XML, no ``w:body``, a non-integer grid span)
    or :class:`EncryptedFileError` (encrypted ZIP entries). Returns ``None``
    when the file may be handed to python-docx.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_directory(infos, name, limits)
            main = next((i for i in infos if i.filename == MAIN_PART), None)
            if main is None:
                raise CorruptFileError(name, "thiếu phần nội dung word/document.xml")
            counter = _Counter(name, limits)
            _stream_xml(zf, main, counter, name, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise CorruptFileError(name, "dữ liệu nén trong tệp Word bị hỏng") from exc
    except NotImplementedError as exc:
        raise CorruptFileError(name, "tệp Word dùng kiểu nén ZIP không được hỗ trợ") from exc
    if not counter.body:
        raise CorruptFileError(name, "tài liệu Word không có phần thân (w:body)")


def _check_directory(infos: list[zipfile.ZipInfo], name: str, limits: DocxLimits) -> None:
    if len(infos) > limits.max_entries:
        raise ParseLimitError(name, f"quá {limits.max_entries} phần trong gói DOCX")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedFileError(name)
        if info.compress_type not in _SUPPORTED:
            raise CorruptFileError(name, "tệp Word dùng kiểu nén ZIP không được hỗ trợ")
        total += info.file_size
    if total > limits.max_uncompressed:
        raise ParseLimitError(
            name, f"dung lượng giải nén quá {limits.max_uncompressed // (1024 * 1024)} MB")


def _stream_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _Counter,
                name: str, limits: DocxLimits) -> None:
    too_big = ParseLimitError(
        name, f"nội dung word/document.xml quá {limits.max_document_xml // (1024 * 1024)} MB")
    if info.file_size > limits.max_document_xml:
        raise too_big
    parser = etree.XMLParser(target=counter, resolve_entities=False, no_network=True,
                             huge_tree=False, load_dtd=False)
    read = 0
    try:
        with zf.open(info) as fh:
            while True:
                block = fh.read(_READ)
                if not block:
                    break
                read += len(block)
                if read > limits.max_document_xml:  # the directory lied about the size
                    raise too_big
                parser.feed(block)
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise CorruptFileError(name, "nội dung XML của tệp Word bị hỏng") from exc
