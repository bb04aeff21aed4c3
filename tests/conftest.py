"""Shared test paths: the seed plans and the real Word/PDF fixtures.

Everything the tests read lives in the repository (see :mod:`tests.paths`):
the seeds in ``corpus/``, the Word file and its PDF in ``tests/data/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.runtime import configure_runtime
from tests.paths import CORPUS, DATA, DOCX_FIXTURE, PDF_FIXTURE

# The test session is an entry point: the process set-up ``cchc`` and the app
# do (OpenMP passive waiting before torch loads, offline model hubs).
configure_runtime()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Folder of the seed plans (``*.txt`` text conversions, i.e. ``corpus/``)."""
    assert any(CORPUS.glob("00?_*.txt")), f"missing seed plans in {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory) -> Path:
    """One folder holding the real Word file and its PDF (``001_nam_an_phu_2026.docx``/``.pdf``).

    The committed files live apart by format (``tests/data/docx``, ``tests/data/pdf``);
    tests that want them side by side get this read-only copy folder.
    """
    assert DOCX_FIXTURE.is_file() and PDF_FIXTURE.is_file(), f"missing fixtures in {DATA}"
    folder = tmp_path_factory.mktemp("fixtures")
    for path in (DOCX_FIXTURE, PDF_FIXTURE):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def docx_index(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus folder holding only the real Word plan, and its index, built once
    per test session: ``(corpus, home)``. Read-only: copy it (:func:`docx_env`)."""
    from retrieval.indexer import build_index

    base = tmp_path_factory.mktemp("docx_index")
    corpus, home = base / "corpus", base / "home"
    corpus.mkdir()
    shutil.copy(DOCX_FIXTURE, corpus / DOCX_FIXTURE.name)
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert not manifest["errors"], manifest["errors"]
    return corpus, home


@pytest.fixture
def docx_env(docx_index, tmp_path, monkeypatch) -> tuple[Path, Path]:
    """Fresh copies of :func:`docx_index`'s corpus and index, with ``CCHC_CORPUS`` and
    ``CCHC_HOME`` pointing at them and the repository as working folder."""
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    shutil.copytree(docx_index[0], corpus)
    shutil.copytree(docx_index[1], home)
    monkeypatch.setenv("CCHC_CORPUS", str(corpus))
    monkeypatch.setenv("CCHC_HOME", str(home))
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    return corpus, home


@pytest.fixture(scope="module")
def answerer():
    """The real :class:`~retrieval.answer.Answerer` over the five seed plans, lexical
    searcher, ``today`` 2026-07-01 (:func:`tests.test_answer.seed_answerer`).

    Module scope: each test module gets its own instance, as when every module
    built it; the Answerer keeps no conversation (a Conversation passes the
    history in) but its passage answerer caches searches and sentences. A module
    that needs other plans or settings defines its own ``answerer`` fixture."""
    from tests.test_answer import seed_answerer  # imported late: after configure_runtime()

    return seed_answerer()
