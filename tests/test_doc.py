"""Word 97-2003 .doc: converted by LibreOffice, read as the Word file it came from.

``tests/data/doc/001_nam_an_phu_2026.doc`` was made from the Word fixture
with LibreOffice 7.4 (docx → odt → doc, ``--convert-to``; its direct
docx → doc export drops the table's row properties, so Word and LibreOffice
alike read that file's annex as plain paragraphs).
"""

from __future__ import annotations

import shutil
import struct

import olefile
import pytest

from ingest.backends import doc as doc_backend
from ingest.errors import CorruptFileError, EncryptedFileError, MissingToolError
from ingest.pipeline import load_document, parse_file
from ingest.sniff import ole_word_kind, sniff_format
from tests.paths import DATA, DOCX_FIXTURE

DOC_FIXTURE = DATA / "doc" / "001_nam_an_phu_2026.doc"

needs_libreoffice = pytest.mark.skipif(
    doc_backend.soffice_path() is None,
    reason="reading .doc needs LibreOffice (libreoffice-writer-nogui): soffice not found",
)


def test_doc_is_told_apart_from_docx_and_encrypted_docx():
    assert sniff_format(DOC_FIXTURE) == "doc"
    assert ole_word_kind(DOC_FIXTURE) == "doc"
    assert sniff_format(DOCX_FIXTURE) == "docx"
    assert ole_word_kind(DOCX_FIXTURE) is None


@needs_libreoffice
def test_doc_gives_the_tasks_of_its_docx():
    got, want = parse_file(DOC_FIXTURE), parse_file(DOCX_FIXTURE)
    assert got.doc == DOC_FIXTURE.name
    assert len(want.tasks) >= 30
    def fields(t):
        return {k: v for k, v in t.to_dict().items() if k != "doc"}

    right = sum(fields(a) == fields(b) for a, b in zip(got.tasks, want.tasks))
    assert len(got.tasks) == len(want.tasks)
    assert right / len(want.tasks) >= 0.98
    assert got.metadata == want.metadata
    assert [s.locator for s in got.sections] == [s.locator for s in want.sections]


def _encrypted_copy(tmp_path):
    """The fixture with the File Information Block's fEncrypted flag set."""
    path = tmp_path / "locked.doc"
    shutil.copy(DOC_FIXTURE, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        flags = struct.unpack_from("<H", stream, 0x0A)[0] | 0x0100
        struct.pack_into("<H", stream, 0x0A, flags)
        ole.write_stream("WordDocument", bytes(stream))
    return path


def test_password_protected_doc_is_encrypted(tmp_path):
    path = _encrypted_copy(tmp_path)
    assert ole_word_kind(path) == "encrypted"
    with pytest.raises(EncryptedFileError) as info:
        load_document(path)
    assert "locked.doc" in str(info.value)


def test_doc_without_libreoffice_names_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(doc_backend, "soffice_path", lambda: None)
    with pytest.raises(MissingToolError) as info:
        load_document(DOC_FIXTURE)
    assert "LibreOffice" in str(info.value) and DOC_FIXTURE.name in str(info.value)


@needs_libreoffice
def test_conversion_time_limit(monkeypatch):
    from ingest import options

    monkeypatch.setattr(options, "_current", options.ParseOptions(doc_timeout=0.05))
    with pytest.raises(CorruptFileError) as info:
        load_document(DOC_FIXTURE)
    assert "giây" in str(info.value)
