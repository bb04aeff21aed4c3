"""Hostile files: bombs, malformed Word XML, and the bounded parsing worker.

Every file is built here from the real Word fixture (``tests/data/docx``) by
rewriting its ``word/document.xml``; each must be refused with an
``IngestError`` whose Vietnamese message names the file (and the limit, for
limits), quickly and without python-docx building its objects.
"""

from __future__ import annotations

import re
import time
import zipfile

import pytest

from cchc.cli import main
from ingest.errors import CorruptFileError, IngestError, ParseLimitError
from ingest.pipeline import load_document, parse_file
from ingest.worker import WorkerLimits, parse_untrusted
from tests.paths import CORPUS, DOCX_FIXTURE, PDF_FIXTURE


def docx_with(tmp_path, name: str, rewrite, compression: int = zipfile.ZIP_DEFLATED):
    """A copy of the Word fixture whose document.xml is ``rewrite(bytes)``."""
    path = tmp_path / name
    with zipfile.ZipFile(DOCX_FIXTURE) as zin, zipfile.ZipFile(path, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = rewrite(data)
            zout.writestr(info.filename, data)
    return path


def _first_row_pr(xml: bytes, inner: bytes) -> bytes:
    return re.sub(rb"(<w:tr\b[^>]*>)", rb"\1<w:trPr>" + inner + rb"</w:trPr>", xml, count=1)


HOSTILE = {
    "grid_before_5m.docx": (lambda d: _first_row_pr(d, b'<w:gridBefore w:val="5000000"/>'),
                            ParseLimitError, "gridBefore"),
    "grid_span_abc.docx": (lambda d: re.sub(rb'<w:gridSpan w:val="\d+"/>', b'<w:gridSpan w:val="abc"/>', d),
                           CorruptFileError, "gridSpan"),
    "grid_span_1_5.docx": (lambda d: re.sub(rb'<w:gridSpan w:val="\d+"/>', b'<w:gridSpan w:val="1.5"/>', d),
                           CorruptFileError, "gridSpan"),
    "no_body.docx": (lambda d: re.sub(rb"<w:body>.*</w:body>", b"", d, flags=re.S),
                     CorruptFileError, "w:body"),
    "million_paragraphs.docx": (lambda d: d.replace(b"</w:body>", b"<w:p/>" * 1_000_000 + b"</w:body>"),
                                ParseLimitError, "đoạn văn"),
    "many_rows.docx": (lambda d: d.replace(b"</w:body>", b"<w:tbl>" + b"<w:tr/>" * 40_000 + b"</w:tbl></w:body>"),
                       ParseLimitError, "dòng bảng"),
    "broken_xml.docx": (lambda d: d[: len(d) // 2], CorruptFileError, "XML"),
}


def test_fixture_has_the_structures_the_rewrites_hit():
    with zipfile.ZipFile(DOCX_FIXTURE) as zf:
        xml = zf.read("word/document.xml")
    assert b"<w:gridSpan w:val=" in xml and re.search(rb"<w:tr\b", xml) and b"<w:body>" in xml


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_docx_refused_fast_naming_the_problem(tmp_path, name):
    rewrite, error, words = HOSTILE[name]
    path = docx_with(tmp_path, name, rewrite)
    assert path.stat().st_size < 400_000  # small files that would explode
    start = time.monotonic()
    with pytest.raises(error) as info:
        load_document(path)
    assert time.monotonic() - start < 10
    message = str(info.value)
    assert name in message and words in message


def test_corrupt_deflate_and_unsupported_compression(tmp_path):
    lzma = docx_with(tmp_path, "lzma.docx", lambda d: d, compression=zipfile.ZIP_LZMA)
    with pytest.raises(CorruptFileError, match="kiểu nén ZIP không được hỗ trợ"):
        load_document(lzma)
    data = bytearray(DOCX_FIXTURE.read_bytes())
    with zipfile.ZipFile(DOCX_FIXTURE) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 64
    for i in range(start, start + 64):
        data[i] ^= 0x5A
    broken = tmp_path / "deflate.docx"
    broken.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError) as err:
        load_document(broken)
    assert "deflate.docx" in str(err.value) and "Error" not in str(err.value)


def test_cli_parse_refuses_a_bomb_without_traceback(tmp_path, capsys):
    path = docx_with(tmp_path, "bom.docx", HOSTILE["grid_before_5m.docx"][0])
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bom.docx" in err and "giới hạn" in err and "Traceback" not in err


def test_worker_returns_the_same_plan_as_in_process():
    for path in (DOCX_FIXTURE, sorted(CORPUS.glob("00?_*.txt"))[1]):
        assert parse_untrusted(path).to_dict() == parse_file(path).to_dict()


def test_worker_keeps_the_error_class_and_message(tmp_path):
    path = docx_with(tmp_path, "span.docx", HOSTILE["grid_span_abc.docx"][0])
    with pytest.raises(CorruptFileError) as inside:
        parse_file(path)
    with pytest.raises(CorruptFileError) as outside:
        parse_untrusted(path)
    assert str(outside.value) == str(inside.value)


def test_worker_time_limit_kills_and_names_the_limit():
    start = time.monotonic()
    with pytest.raises(ParseLimitError) as err:
        parse_untrusted(PDF_FIXTURE, WorkerLimits(seconds=0.05, memory_mb=2048))
    assert time.monotonic() - start < 5
    assert "thời gian đọc quá 0.05 giây" in str(err.value) and PDF_FIXTURE.name in str(err.value)


def test_worker_memory_limit_refuses_cleanly(tmp_path):
    row = "1\tRà soát văn bản quy phạm pháp luật của xã\tPhòng Kinh tế\tCác phòng\tQuý II/2027\tBáo cáo\n"
    big = tmp_path / "lon.txt"
    big.write_text("KẾ HOẠCH\n" + row * 350_000, encoding="utf-8")  # ~38 MB, under the 50 MB cap
    with pytest.raises(IngestError) as err:
        parse_untrusted(big, WorkerLimits(seconds=60, memory_mb=200))
    assert isinstance(err.value, ParseLimitError) and "bộ nhớ quá 200 MB" in str(err.value)
    assert "lon.txt" in str(err.value)
