"""Bad inputs: each must raise its own IngestError subclass, with a clear message.

Every file is built here in ``tmp_path`` (mostly from the real fixtures) and
loaded through ``ingest.pipeline.load_document``, the path every consumer
uses. Text files are not loaded here (the text backend is tested on its own).
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib

import pytest
from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.backends.docx import DocxBackend
from ingest.backends.ocr import missing_tools
from ingest.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    IngestError,
    NoTextLayerError,
    OcrUnavailableError,
    UnsupportedTypeError,
)
from ingest.pipeline import load_document
from ingest.sniff import OLE_MAGIC

STEM = "001_nam_an_phu_2026"


@pytest.fixture(scope="module")
def pdf_bytes(fixtures_dir):
    return (fixtures_dir / f"{STEM}.pdf").read_bytes()


@pytest.fixture(scope="module")
def docx_bytes(fixtures_dir):
    return (fixtures_dir / f"{STEM}.docx").read_bytes()


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def expect(error: type[IngestError], path) -> IngestError:
    """Load ``path`` and return the raised error, checking its class and message."""
    with pytest.raises(error) as info:
        load_document(path)
    assert type(info.value) is error
    assert os.path.basename(path) in str(info.value)
    return info.value


def png_bytes() -> bytes:
    """A valid 1x1 white PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


# ------------------------------------------------------------------- PDF


@pytest.mark.parametrize("share", [0.1, 0.5, 0.95])
def test_truncated_pdf_is_corrupt(tmp_path, pdf_bytes, share):
    path = write(tmp_path, "cut.pdf", pdf_bytes[: int(len(pdf_bytes) * share)])
    expect(CorruptFileError, path)


def test_pdf_header_with_garbage_is_corrupt(tmp_path):
    path = write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + os.urandom(4000))
    expect(CorruptFileError, path)


def _encrypted(pdf_bytes: bytes, user: str, owner: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_is_encrypted(tmp_path, pdf_bytes):
    path = write(tmp_path, "locked.pdf", _encrypted(pdf_bytes, "secret", "owner"))
    err = expect(EncryptedFileError, path)
    assert "mật khẩu" in str(err)


def test_pdf_with_only_an_owner_password_still_loads(tmp_path, pdf_bytes):
    # Opens with the empty user password, as every PDF viewer does.
    path = write(tmp_path, "restricted.pdf", _encrypted(pdf_bytes, "", "owner"))
    doc = load_document(path)
    assert any(b.text.startswith("I. MỤC ĐÍCH, YÊU CẦU") for b in doc.blocks)


def test_image_only_pdf_has_no_text_layer(tmp_path):
    # Pages without a text layer are OCR'd (tests/test_ocr.py); drawings
    # without any letters still leave no text: refused, naming OCR.
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for _page in range(2):
        c.rect(72, 400, 300, 200, fill=1)  # a filled shape, like a scanned picture
        c.grid([72, 200, 330], [100, 150, 200])  # ruled lines without any text
        c.showPage()
    c.save()
    err = expect(OcrUnavailableError if missing_tools() else NoTextLayerError, path)
    assert "OCR" in str(err)


def test_random_bytes_named_pdf_are_unsupported(tmp_path):
    data = bytes(range(256)) * 16  # binary: NULs and control bytes, no signature
    err = expect(UnsupportedTypeError, write(tmp_path, "random.pdf", data))
    assert "không phải PDF" in str(err)


# ------------------------------------------------------------------ DOCX


def test_zip_renamed_docx_is_unsupported(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "not a Word document")
    err = expect(UnsupportedTypeError, path)
    assert "word/document.xml" in str(err)


def test_xlsx_renamed_docx_is_unsupported(tmp_path):
    path = tmp_path / "sheet.docx"
    Workbook().save(path)
    err = expect(UnsupportedTypeError, path)
    assert "Excel" in str(err)


def test_truncated_docx_is_corrupt(tmp_path, docx_bytes):
    path = write(tmp_path, "cut.docx", docx_bytes[: len(docx_bytes) // 2])
    expect(CorruptFileError, path)


def test_docx_with_broken_xml_is_corrupt(tmp_path, docx_bytes):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # unclosed elements
            dst.writestr(item, data)
    expect(CorruptFileError, path)


def _ole(stream_name: str) -> bytes:
    """An OLE2 header plus a directory entry naming ``stream_name`` (UTF-16-LE).

    Enough for content sniffing, which reads only the signature and the
    stream names; Word stores a password-protected .docx this way.
    """
    entry = stream_name.encode("utf-16-le").ljust(64, b"\x00")
    return OLE_MAGIC + b"\x00" * 504 + entry + b"\x00" * 1024


def test_password_protected_docx_is_encrypted(tmp_path):
    path = write(tmp_path, "locked.docx", _ole("EncryptedPackage"))
    expect(EncryptedFileError, path)
    with pytest.raises(EncryptedFileError):
        DocxBackend().load(str(path))


def test_damaged_word_97_doc_is_corrupt(tmp_path):
    # Word 97 .doc files are read (tests/test_doc.py); one whose compound
    # file cannot be parsed is reported as damaged, without LibreOffice.
    path = write(tmp_path, "old.doc", _ole("WordDocument"))
    err = expect(CorruptFileError, path)
    assert ".doc" in str(err)


def test_other_office_97_file_is_unsupported(tmp_path):
    path = write(tmp_path, "sheet.doc", _ole("Workbook"))
    err = expect(UnsupportedTypeError, path)
    assert ".docx" in str(err)


# ----------------------------------------------------------------- other


def test_empty_file(tmp_path):
    expect(EmptyFileError, write(tmp_path, "empty.pdf", b""))


def test_png_renamed_txt_is_unsupported(tmp_path):
    err = expect(UnsupportedTypeError, write(tmp_path, "photo.txt", png_bytes()))
    assert "PNG" in str(err)


def test_missing_file_and_cli_exit_code(tmp_path, capsys):
    from cchc.cli import main
    from ingest.errors import MissingFileError

    with pytest.raises(MissingFileError):
        load_document(tmp_path / "khong_co.pdf")
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 2
    assert "Tệp rỗng" in capsys.readouterr().err
