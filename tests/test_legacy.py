"""Legacy Vietnamese encodings: a seed written in TCVN3 or VNI parses like the Unicode seed.

The encoders here are the inverse of :mod:`ingest.legacy`'s tables, written
independently of the decoder's logic (Unicode letter → TCVN3 byte; letter →
VNI base + mark); each seed plan from ``corpus/`` is encoded, written as a
file, parsed, and its tasks compared with the Unicode seed's.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zipfile

import pytest

from ingest import legacy
from ingest.errors import LegacyEncodingError
from ingest.pipeline import parse_file
from tests.paths import CORPUS, DOCX_FIXTURE

TONES = "\u0300\u0309\u0303\u0301\u0323"
TCVN3_OF = {v: k for k, v in {**legacy.TCVN3, **legacy.TCVN3_CAPITALS}.items()}
SEEDS = sorted(CORPUS.glob("00?_*.txt"))


def to_tcvn3(text: str, capitals: bool = True) -> bytes:
    """Unicode → TCVN3 bytes; a letter without its own code is base + tone
    byte. ``capitals=False`` writes toned capitals with the small letter's
    code (as a ``.VnTimeH`` font does)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        code = TCVN3_OF.get(ch)
        if code is not None and (capitals or code >= 0xA1):
            out.append(code)
            continue
        if not capitals and ch.lower() in TCVN3_OF:
            out.append(TCVN3_OF[ch.lower()])
            continue
        nfd = unicodedata.normalize("NFD", ch)
        tone = next((m for m in nfd[1:] if m in TONES), "")
        base = unicodedata.normalize("NFC", nfd.replace(tone, "") if tone else nfd)
        if not tone or not (ord(base) < 0x80 or base in TCVN3_OF):
            out += ch.encode("cp1252")  # punctuation: “ ” – …
            continue
        out += bytes([ord(base)]) if ord(base) < 0x80 else bytes([TCVN3_OF[base]])
        if tone:
            out.append(TCVN3_OF[tone])
    return bytes(out)


VNI_BASE = {"ă": ("a", "ê"), "â": ("a", "â"), "ê": ("e", "â"), "ô": ("o", "â"),
            "ơ": ("ô", ""), "ư": ("ö", ""), "đ": ("ñ", "")}
VNI_TONE = dict(zip(TONES, ("ø", "û", "õ", "ù", "ï")))
VNI_TONED_MARK = {  # circumflex / breve mark byte + tone → one byte
    ("â", "\u0301"): "á", ("â", "\u0300"): "à", ("â", "\u0309"): "å", ("â", "\u0303"): "ã",
    ("â", "\u0323"): "ä", ("ê", "\u0301"): "é", ("ê", "\u0300"): "è", ("ê", "\u0309"): "ú",
    ("ê", "\u0303"): "ü", ("ê", "\u0323"): "ë"}
VNI_I = dict(zip(TONES, ("ì", "æ", "ó", "í", "ò")))


def to_vni(text: str) -> bytes:
    """Unicode → VNI-Windows bytes (base letter + mark byte)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        low = ch.lower()
        nfd = unicodedata.normalize("NFD", low)
        tone = next((m for m in nfd[1:] if m in TONES), "")
        base = unicodedata.normalize("NFC", nfd.replace(tone, "") if tone else nfd)
        if ord(ch) < 0x80 or not (base in VNI_BASE or base in "aeiouy"):
            out.append(ch)
            continue
        if base == "i" and tone:
            seq = VNI_I[tone]
        elif base == "y" and tone == "\u0323":
            seq = "î"
        else:
            letter, mark = VNI_BASE.get(base, (base, ""))
            if mark and tone:
                mark = VNI_TONED_MARK[(mark, tone)]
            elif tone:
                mark = VNI_TONE[tone]
            seq = letter + mark
        out.append(seq.upper() if ch != low else seq)
    return "".join(out).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 (precomposed where it has the letter, else base + tone)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tone = next(m for m in nfd[1:] if m in TONES)
            out += unicodedata.normalize("NFC", nfd.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def task_view(plan, lower: bool = False):
    rows = [{k: v for k, v in t.to_dict().items() if k != "doc"} for t in plan.tasks]
    return [{k: (v.lower() if lower and isinstance(v, str) else v) for k, v in r.items()} for r in rows]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("seed", SEEDS[1:4], ids=lambda p: p.name[:3])
def test_legacy_text_parses_like_the_unicode_seed(tmp_path, seed, encoding):
    text = seed.read_text(encoding="utf-8")
    data = to_tcvn3(text) if encoding == "tcvn3" else to_vni(text)
    assert b"\xc3" not in data[:2000] or encoding == "vni"  # not UTF-8
    path = tmp_path / seed.name
    path.write_bytes(data)
    expected, plan = parse_file(seed), parse_file(path)
    assert plan.tasks and task_view(plan) == task_view(expected)
    assert plan.title == expected.title and plan.metadata.unit_name == expected.metadata.unit_name
    assert any(legacy.LABELS[encoding] in w for w in plan.warnings)


def test_word_file_in_vntime_font_is_converted(tmp_path):
    with zipfile.ZipFile(DOCX_FIXTURE) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")

    def encode_run(m: re.Match) -> str:
        raw = to_tcvn3(html.unescape(m.group(2)), capitals=False)
        chars = raw.decode("latin-1").replace("&", "&amp;").replace("<", "&lt;")
        return m.group(1) + chars + m.group(3)

    xml = re.sub(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", encode_run, xml)
    xml = re.sub(r'w:(ascii|hAnsi)="[^"]*"', r'w:\1=".VnTime"', xml)
    parts["word/document.xml"] = xml.encode("utf-8")
    path = tmp_path / "vntime.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    expected, plan = parse_file(DOCX_FIXTURE), parse_file(path)
    assert len(plan.tasks) == len(expected.tasks) > 0
    assert task_view(plan, lower=True) == task_view(expected, lower=True)
    assert any("TCVN3" in w for w in plan.warnings)


def test_mojibake_no_reading_fixes_is_refused(tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8")
    data = bytes(b ^ 0x0F if b >= 0xA1 else b for b in to_tcvn3(text, capitals=False))
    path = tmp_path / "loi_ma.txt"
    path.write_bytes(data)
    with pytest.raises(LegacyEncodingError) as err:
        parse_file(path)
    assert "loi_ma.txt" in str(err.value) and "bảng mã" in str(err.value)


def test_unicode_and_windows_1258_seeds_are_left_alone(tmp_path):
    seed = SEEDS[2]
    path = tmp_path / "cp1258.txt"
    path.write_bytes(to_cp1258(seed.read_text(encoding="utf-8")))
    assert task_view(parse_file(path)) == task_view(parse_file(seed))
    for seed in SEEDS:
        assert not any("bảng mã" in w for w in parse_file(seed).warnings)
