"""Paths of the documents the tests read, all inside the repository.

The seed plans come from ``corpus/`` (the bundled plans), the real Word file
and its PDF rendering from ``tests/data/<format>/``. Nothing outside the
repository is read, so a user's fresh clone runs the suite as CI does.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
DATA = REPO / "tests" / "data"
STEM = "001_nam_an_phu_2026"
DOCX_FIXTURE = DATA / "docx" / f"{STEM}.docx"
PDF_FIXTURE = DATA / "pdf" / f"{STEM}.pdf"
