"""Test helpers for scanned input: a noisy "scan" of a text PDF and a row scorer.

:func:`make_scan` renders chosen pages of a PDF and degrades them the way a
photocopied, scanned plan is degraded (blur, a rotation of 1-2°, grain,
speckle, JPEG compression), then writes an image-only PDF: no text layer.
:func:`subset_pdf` keeps chosen pages of a text PDF (the gold for the same
pages). :func:`score_rows` compares the tasks read from the scan with the
tasks read from the text PDF.

Used by ``tests/test_ocr.py`` and the benchmark ``eval/bench_ocr.py``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image
from pypdf import PdfReader, PdfWriter
from rapidfuzz import fuzz

from ingest.model import Task
from ingest.textnorm import fold

FIELDS = ("number", "part_of", "section", "content", "lead", "coordinating", "deadline", "product")


def make_scan(source: Path, out: Path, pages: list[int] | None = None, *, dpi: int = 200,
              seed: int = 7, max_angle: float = 2.0) -> Path:
    """Write an image-only PDF of ``pages`` (1-based; all when ``None``) of ``source``.

    Each page: rendered at ``dpi`` in grey, Gaussian blur (σ 0.9), rotated by
    a random angle of 1 to ``max_angle`` degrees either way, Gaussian grain
    (σ 12 grey levels), 0.2% black and 0.2% white speckle, JPEG quality 60.
    The same ``seed`` gives the same file.
    """
    import pypdfium2 as pdfium

    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(source))
    images = []
    try:
        for index in range(len(pdf)):
            if pages and index + 1 not in pages:
                continue
            grey = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            images.append(Image.fromarray(_degrade(np.asarray(grey), rng, max_angle)))
    finally:
        pdf.close()
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi, quality=60)
    return out


def _degrade(grey: np.ndarray, rng: np.random.Generator, max_angle: float) -> np.ndarray:
    page: np.ndarray = cv2.GaussianBlur(grey.astype(np.float32), (3, 3), 0.9)
    h, w = page.shape
    angle = rng.uniform(1.0, max_angle) * rng.choice([-1, 1])
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    # float32 in, float32 out (asarray: no copy, only the type cv2's stubs leave open)
    page = np.asarray(cv2.warpAffine(page, turn, (w, h), borderValue=255), dtype=np.float32)
    page += rng.normal(0, 12, page.shape)
    speckle = rng.random(page.shape)
    page[speckle < 0.002] = 0
    page[speckle > 0.998] = 255
    return np.clip(page, 0, 255).astype(np.uint8)


def subset_pdf(source: Path, out: Path, pages: list[int]) -> Path:
    """Write the 1-based ``pages`` of ``source`` (a text PDF) to ``out``."""
    reader = PdfReader(str(source))
    writer = PdfWriter()
    for number in pages:
        writer.add_page(reader.pages[number - 1])
    with open(out, "wb") as fh:
        writer.write(fh)
    return out


_DASH = re.compile(r"\s*[-\u2010-\u2015]\s*")
_SLASH = re.compile(r"\s*/\s*")
_END = re.compile(r"[\s.,;:]+$")


def strict_key(value: str | None) -> str:
    """Comparison key keeping diacritics: NFC, lower case, dashes and slashes
    without spaces around them, spaces collapsed, trailing punctuation dropped."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value).lower()
    text = _SLASH.sub("/", _DASH.sub("-", text))
    return _END.sub("", " ".join(text.split()))


@dataclass
class RowScore:
    """Share of gold rows found, with the lead unit right, the deadline right, fully right."""

    gold: int
    found: float
    lead: float
    deadline: float
    full: float
    wrong: list[tuple[str, str, str]]  # (row label, field, "ocr ≠ gold")

    def __str__(self) -> str:
        return (f"rows {self.gold}: found {self.found:.1%}, lead {self.lead:.1%}, "
                f"deadline {self.deadline:.1%}, fully right {self.full:.1%}")


def _same_due(a: Task, b: Task) -> bool:
    """Both deadlines normalise to the same dated period ("Quý 1/2026" and
    "Quý I/2026", both spellings of the genre)."""
    return a.due == b.due and (a.due.start is not None or a.due.end is not None)


def score_rows(got: list[Task], gold: list[Task]) -> RowScore:
    """Match each gold row to a read row (same order, content similarity ≥ 60
    on the folded text, one to one) and score the matched fields by
    :func:`strict_key`; a deadline also counts as right when it normalises
    to the same dated ``due`` period as the gold's (:func:`_same_due`)."""
    used: set[int] = set()
    found = lead = deadline = full = 0
    wrong: list[tuple[str, str, str]] = []
    start = 0
    for row in gold:
        best, best_score = None, 60.0
        for j in range(start, len(got)):
            if j in used:
                continue
            score = fuzz.ratio(fold(row.content), fold(got[j].content))
            if score > best_score:
                best, best_score = j, score
        if best is None:
            wrong.append((row.label, "row", "not found"))
            continue
        used.add(best)
        start = best + 1
        other = got[best]
        found += 1
        bad = [f for f in FIELDS if strict_key(getattr(other, f)) != strict_key(getattr(row, f))
               and not (f == "deadline" and _same_due(other, row))]
        lead += "lead" not in bad
        deadline += "deadline" not in bad
        full += not bad
        wrong += [(row.label, f, f"{getattr(other, f)!r} ≠ {getattr(row, f)!r}") for f in bad]
    n = max(len(gold), 1)
    return RowScore(len(gold), found / n, lead / n, deadline / n, full / n, wrong)
