"""Shared test paths: the seed plans and the real Word/PDF fixtures.

``shared/`` sits beside the repository (``<repo>/../shared``), in the work
tree and in CI's fresh clone alike, so paths are resolved from this file,
never hard-coded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = SHARED / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Folder of the seed plans (``*.txt`` text conversions)."""
    assert SEEDS.is_dir(), f"missing seed folder {SEEDS}"
    return SEEDS


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Folder of the real Word/PDF files (``001_nam_an_phu_2026.docx``/``.pdf``)."""
    assert FIXTURES.is_dir(), f"missing fixture folder {FIXTURES}"
    return FIXTURES
