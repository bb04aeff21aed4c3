"""End-to-end: the real app in a real headless Chromium.

Starts ``streamlit run app.py`` headless on a free localhost port against a
temporary ``CCHC_HOME`` indexed from the bundled corpus plan of Nam An Phụ
(``corpus/001_*``; one plan keeps the embedding step short), then drives
Debian's ``/usr/bin/chromium`` with playwright-core (``tests/e2e/ask.mjs``):
asks "Nhiệm vụ 22 trong kế hoạch Nam An Phụ do ai chủ trì?", waits for the
answer and its citation, opens the citation and saves a screenshot to
``tests/e2e/out/`` (gitignored), and to ``docs/screenshot.png`` when
``CCHC_UPDATE_SCREENSHOT=1``. A second script (``tests/e2e/status.mjs``)
marks task 28 done on the "Tiến độ" page and checks it is stored and still
counted after a reload.

Set-up (once): ``apt-get install -y chromium`` and ``npm install`` in
``tests/e2e/``. Skipped, with the reason, when chromium, node or
playwright-core is missing. The expected lead unit was read from the source
row 22 of the plan: "Trung tâm Phục vụ hành chính công".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
E2E = REPO / "tests" / "e2e"
OUT = E2E / "out"
SCREENSHOT_COPY = REPO / "docs" / "screenshot.png"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
QUESTION = "Nhiệm vụ 22 trong kế hoạch Nam An Phụ do ai chủ trì?"
EXPECTED_LEAD = "Trung tâm Phục vụ hành chính công"
START_TIMEOUT = 120
BROWSER_TIMEOUT = 240


def _missing_tools() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return (f"chromium not found at {CHROMIUM}: run `apt-get update && apt-get install -y "
                "chromium` (or set CHROMIUM_PATH)")
    if shutil.which("node") is None:
        return "node not found: install Node.js to drive the browser"
    if not (E2E / "node_modules" / "playwright-core").is_dir():
        return "playwright-core not installed: run `npm install` in tests/e2e/"
    return None


pytestmark = pytest.mark.skipif(_missing_tools() is not None,
                                reason=_missing_tools() or "")


_HOMES: dict[str, str] = {}
"""App URL → its ``CCHC_HOME`` (the status test reads the store the app wrote)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"streamlit not healthy at {url} after {timeout}s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """URL of a headless ``streamlit run app.py`` over a fresh index of plan 001."""
    from retrieval.indexer import build_index

    base = tmp_path_factory.mktemp("e2e")
    corpus, home = base / "corpus", base / "home"
    corpus.mkdir()
    sources = sorted((REPO / "corpus").glob("001_*"))
    assert sources, "corpus/001_* (the Nam An Phụ plan) is missing"
    for src in sources:
        shutil.copy(src, corpus / src.name)
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert not manifest["errors"], manifest["errors"]

    port = _free_port()
    env = dict(os.environ, CCHC_HOME=str(home), CCHC_CORPUS=str(corpus))
    log = open(base / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py",
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", "--client.toolbarMode", "viewer"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    _HOMES[url] = str(home)
    try:
        _wait_healthy(url, proc, START_TIMEOUT)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def test_ask_in_browser_shows_answer_and_citation(app_url):
    OUT.mkdir(parents=True, exist_ok=True)
    shot = OUT / "chat_nhiem_vu_22.png"
    if shot.exists():
        shot.unlink()
    result = subprocess.run(
        ["node", str(E2E / "ask.mjs"), app_url, QUESTION, str(shot)],
        cwd=E2E, capture_output=True, text=True, timeout=BROWSER_TIMEOUT,
        env=dict(os.environ, CHROMIUM_PATH=CHROMIUM),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert EXPECTED_LEAD in seen["answer"]
    assert any("[1]" in c and "nhiệm vụ 22" in c and "Nam An Phụ" in c
               for c in seen["citations"]), seen["citations"]
    assert EXPECTED_LEAD in seen["source"]          # the opened citation shows the row
    assert not seen["pageErrors"], seen["pageErrors"]
    assert shot.stat().st_size > 10_000
    if os.environ.get("CCHC_UPDATE_SCREENSHOT") == "1":  # refresh the README's picture
        SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, SCREENSHOT_COPY)


def test_status_set_in_browser_is_stored_and_survives_reload(app_url):
    """The "Tiến độ" page in the browser: task 28 marked "đã hoàn thành" with
    evidence is confirmed, counted, written to ``status.db`` and still counted
    after a reload (a new session)."""
    from retrieval.store import IndexStore
    from tracking.model import DONE
    from tracking.progress import tracked
    from tracking.store import StatusStore

    home = _HOMES[app_url]
    with StatusStore(home) as store:
        before = {doc: len(tp.statuses) for doc, tp in tracked(IndexStore.open(home), store).items()}
    OUT.mkdir(parents=True, exist_ok=True)
    shot = OUT / "tien_do.png"
    result = subprocess.run(
        ["node", str(E2E / "status.mjs"), app_url, "28 – ", "đã hoàn thành", "BC 12/BC-UBND", str(shot)],
        cwd=E2E, capture_output=True, text=True, timeout=BROWSER_TIMEOUT,
        env=dict(os.environ, CHROMIUM_PATH=CHROMIUM), check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert "Đã lưu" in seen["notice"] and not seen["pageErrors"], seen
    with StatusStore(home) as store:
        plans = tracked(IndexStore.open(home), store)
    (tp,) = plans.values()
    done = {tp.plan.tasks[tp.keys.index(k)].number: s for k, s in tp.statuses.items() if s.status == DONE}
    assert "28" in done and done["28"].evidence == "BC 12/BC-UBND"
    assert sum(before.values()) + 1 == len(tp.statuses)
    n_done = str(len(done))
    assert seen["metrics"]["Đã hoàn thành"] == seen["metricsAfterReload"]["Đã hoàn thành"] == n_done
