"""Bounded fuzzing: mutated text, Word and PDF plans are parsed or refused cleanly.

Hypothesis mutates the repository's own documents (a seed plan from
``corpus/``, the Word fixture's XML and ZIP bytes, a one-page cut of the PDF
fixture) and every mutation must end in a :class:`ingest.pipeline.Plan` or
an :class:`ingest.errors.IngestError` whose Vietnamese message names the
file and carries no library jargon, within :data:`LIMIT_S` seconds. The
examples are derandomised (the same ones each run) and few enough to stay
under about a minute; a handful also go through the bounded worker.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from ingest.errors import IngestError
from ingest.model import Plan
from ingest.pipeline import parse_file
from ingest.worker import WorkerLimits, parse_untrusted
from tests.paths import CORPUS, DOCX_FIXTURE, PDF_FIXTURE

LIMIT_S = 20.0
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
JARGON = re.compile(r"Traceback|Error\b|Exception|errno|zlib|lxml|pdfminer|pypdf|KeyError")

SEED_TEXT = sorted(CORPUS.glob("00?_*.txt"))[1].read_bytes()[:20_000]
with zipfile.ZipFile(DOCX_FIXTURE) as _zf:
    DOCX_PARTS = {i.filename: _zf.read(i) for i in _zf.infolist()}
DOCX_BYTES = DOCX_FIXTURE.read_bytes()


def _one_page_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_page(PdfReader(str(PDF_FIXTURE)).pages[-1])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PDF_BYTES = _one_page_pdf()

HOSTILE_VALUES = [b"abc", b"1.5", b"-3", b"", b"99999999999999999999", b"0", b"\xc3\xa9", b"64", b"65"]


@st.composite
def byte_mutations(draw, data: bytes, max_ops: int = 6) -> bytes:
    """``data`` with a few flips, deletions, insertions, duplications or a cut."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, max_ops))):
        if not out:
            break
        op = draw(st.sampled_from(["flip", "delete", "insert", "dup", "cut"]))
        i = draw(st.integers(0, len(out) - 1))
        if op == "flip":
            out[i] ^= draw(st.integers(1, 255))
        elif op == "delete":
            del out[i:i + draw(st.integers(1, 64))]
        elif op == "insert":
            out[i:i] = draw(st.binary(min_size=1, max_size=16))
        elif op == "dup":
            out[i:i] = out[i:i + draw(st.integers(1, 256))] * draw(st.integers(2, 50))
        else:
            del out[i:]
    return bytes(out)


@st.composite
def xml_mutations(draw) -> bytes:
    """The fixture's document.xml with attribute values swapped for hostile
    ones, elements cut out or repeated, or raw byte mutations."""
    xml = DOCX_PARTS["word/document.xml"]
    kind = draw(st.sampled_from(["attr", "cut", "bytes"]))
    if kind == "attr":
        attrs = list(re.finditer(rb'w:(gridSpan|gridBefore|gridAfter|vMerge|w|val)="[^"]*"', xml))
        for _ in range(draw(st.integers(1, 4))):
            m = draw(st.sampled_from(attrs))
            value = draw(st.sampled_from(HOSTILE_VALUES))
            xml = xml[:m.start()] + m.group(0).split(b"=")[0] + b'="' + value + b'"' + xml[m.end():]
            attrs = list(re.finditer(rb'w:(gridSpan|gridBefore|gridAfter|vMerge|w|val)="[^"]*"', xml))
        return xml
    if kind == "cut":
        tags = list(re.finditer(rb"<w:(tbl|tr|tc|tblGrid|p)\b", xml))
        m = draw(st.sampled_from(tags))
        span = draw(st.integers(10, 5000))
        return xml[:m.start()] + xml[m.start() + span:]
    return draw(byte_mutations(xml, max_ops=4))


def docx_bytes(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in DOCX_PARTS.items():
            zf.writestr(name, document_xml if name == "word/document.xml" else data)
    return out.getvalue()


def check(path, parse=parse_file) -> None:
    """Parsed, or refused with a clean Vietnamese IngestError, within the limit."""
    start = time.monotonic()
    try:
        result = parse(path)
    except IngestError as err:
        message = str(err)
        assert path.name in message, message
        assert not JARGON.search(message), message
    else:
        assert isinstance(result, Plan)
    assert time.monotonic() - start < LIMIT_S


@settings(max_examples=40, **SETTINGS)
@given(data=byte_mutations(SEED_TEXT))
def test_fuzz_text(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fz") / "ke_hoach.txt"
    path.write_bytes(data)
    check(path)


@settings(max_examples=30, **SETTINGS)
@given(xml=xml_mutations())
def test_fuzz_docx_xml(tmp_path_factory, xml):
    path = tmp_path_factory.mktemp("fz") / "ke_hoach.docx"
    path.write_bytes(docx_bytes(xml))
    check(path)


@settings(max_examples=20, **SETTINGS)
@given(data=byte_mutations(DOCX_BYTES, max_ops=3))
def test_fuzz_docx_zip(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fz") / "ke_hoach.docx"
    path.write_bytes(data)
    check(path)


@settings(max_examples=15, **SETTINGS)
@given(data=byte_mutations(PDF_BYTES, max_ops=3))
def test_fuzz_pdf(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fz") / "ke_hoach.pdf"
    path.write_bytes(data)
    check(path)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@settings(max_examples=3, **SETTINGS)
@given(seed=st.integers(0, 10**6))
def test_fuzz_through_the_worker(tmp_path_factory, fmt, seed):
    import random

    rng = random.Random(seed)
    base = {"txt": SEED_TEXT, "docx": DOCX_BYTES, "pdf": PDF_BYTES}[fmt]
    data = bytearray(base)
    for _ in range(3):
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    path = tmp_path_factory.mktemp("fz") / f"ke_hoach.{fmt}"
    path.write_bytes(bytes(data))
    check(path, lambda p: parse_untrusted(p, WorkerLimits(seconds=LIMIT_S, memory_mb=1024)))
