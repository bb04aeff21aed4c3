"""End-to-end: the real app in a real headless Chromium.

Starts ``streamlit run app.py`` headless on a free localhost port against a
temporary ``CCHC_HOME`` indexed from the bundled corpus plans of Nam An Phụ
and Lộc Hòa (``corpus/001_*``, ``corpus/003_*``; two plans so the
comparison page works, few enough to keep the embedding step short), then
drives Debian's ``/usr/bin/chromium`` with playwright-core:

* ``tests/e2e/ask.mjs`` asks "Nhiệm vụ 22 trong kế hoạch Nam An Phụ do ai
  chủ trì?", opens the citation and saves a screenshot (``docs/screenshot.png``
  when ``CCHC_UPDATE_SCREENSHOT=1``);
* ``tests/e2e/pages.mjs`` walks every page (issue 12): the visible text has
  none of Streamlit's English words, nothing is fetched from another host,
  every download button gives a file that opens (clicked twice), a list
  answer is one table, the copy button fills the clipboard, a reload keeps
  the conversation, Phạm vi restricts and resets the context and yields to a
  plan named in the question, and a broken upload is reported under the
  user's file name. ``CCHC_UPDATE_SCREENSHOT=1`` also refreshes the
  ``docs/screenshot-*.png`` pictures;
* ``tests/e2e/status.mjs`` marks task 28 of Nam An Phụ done on the "Tiến độ"
  page and checks it is stored and still counted after a reload.

Screenshots go to ``tests/e2e/out/`` (gitignored).

Set-up (once): ``apt-get install -y chromium`` and ``npm install`` in
``tests/e2e/``. Skipped, with the reason, when chromium, node or
playwright-core is missing. The expected lead unit was read from the source
row 22 of the plan: "Trung tâm Phục vụ hành chính công".
"""

from __future__ import annotations

import calendar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
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
    """URL of a headless ``streamlit run app.py`` over a fresh index of plans 001 and 003."""
    from retrieval.indexer import build_index

    base = tmp_path_factory.mktemp("e2e")
    corpus, home = base / "corpus", base / "home"
    corpus.mkdir()
    # Nam An Phụ, and Lộc Hòa so that the comparison page has two plans.
    sources = sorted((REPO / "corpus").glob("001_*")) + sorted((REPO / "corpus").glob("003_*"))
    assert len(sources) == 2, "corpus/001_* (Nam An Phụ) or corpus/003_* (Lộc Hòa) is missing"
    for src in sources:
        shutil.copy(src, corpus / src.name)
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert not manifest["errors"], manifest["errors"]

    port = _free_port()
    env = dict(os.environ, CCHC_HOME=str(home), CCHC_CORPUS=str(corpus))
    env.pop("CCHC_APP_PASSWORD", None)
    log = open(base / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py",
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],  # the rest from .streamlit/config.toml
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
    # Labelled by the plan's name and place, not by the file name.
    assert not any("001_" in c for c in seen["citations"]), seen["citations"]
    assert EXPECTED_LEAD in seen["source"]          # the opened citation shows the row
    assert not seen["pageErrors"], seen["pageErrors"]
    assert shot.stat().st_size > 10_000
    if os.environ.get("CCHC_UPDATE_SCREENSHOT") == "1":  # refresh the README's picture
        SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, SCREENSHOT_COPY)


# ------------------------------------------------------------------ every page (issue 12)

ENGLISH = ["Choose an option", "Choose options", "Select all", "No results", "Upload",
           "Drag and drop", "Browse files", "per file", "Deploy", "Rerun", "Clear cache",
           "Record a screencast", "Press Enter", "options available", "Running...",
           "Skip to main content", "Made with Streamlit", "Use arrow keys", "Choose date", *calendar.month_name[1:]]
"""Streamlit's own English words that must never reach the page."""
PAGE_SHOTS = {"Nhiệm vụ - quý I.png": "screenshot-tasks.png", "Tiến độ.png": "screenshot-status.png", "Kế hoạch.png": "screenshot-plans.png",
              "Soạn kế hoạch mới.png": "screenshot-draft.png", "So sánh.png": "screenshot-compare.png",
              "hoi_dap.png": "screenshot-chat-list.png"}


@pytest.fixture(scope="module")
def walk(app_url):
    """The report of ``tests/e2e/pages.mjs`` over every page (run once)."""
    out = OUT / "pages"
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run(
        ["node", str(E2E / "pages.mjs"), app_url, str(out)],
        cwd=E2E, capture_output=True, text=True, timeout=3 * BROWSER_TIMEOUT,
        env=dict(os.environ, CHROMIUM_PATH=CHROMIUM),
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0 and lines, result.stderr[-3000:]
    report = json.loads(lines[-1])
    if os.environ.get("CCHC_UPDATE_SCREENSHOT") == "1":
        for shot, name in PAGE_SHOTS.items():
            if (out / shot).exists():
                shutil.copy(out / shot, REPO / "docs" / name)
    return report


def test_every_page_is_vietnamese_and_offline(walk):
    assert set(walk["pages"]) >= {"Hỏi đáp", "Nhiệm vụ", "Tiến độ", "Báo cáo quý", "Kế hoạch",
                                  "Soạn kế hoạch mới", "So sánh"}
    for name, text in walk["pages"].items():
        found = [w for w in ENGLISH if w.lower() in text.lower()]
        assert not found, (name, found)
    # A select box searched for something absent says so in Vietnamese.
    assert "Không có kết quả" in walk["pages"]["Nhiệm vụ (tìm)"]
    # The date picker of the overdue view.
    today = date.today()
    assert f"Tháng {today.month}" in walk["pages"]["Nhiệm vụ (lịch)"]
    # The uploader's own words.
    assert "Tối đa 50 MB mỗi tệp" in walk["pages"]["Kế hoạch"]
    assert not walk["external"], walk["external"]  # nothing fetched from the internet
    assert not walk["pageErrors"], walk["pageErrors"]


def test_every_download_button_gives_a_file_that_opens(walk):
    import csv
    import io as _io

    import docx
    from openpyxl import load_workbook

    pages = {d["page"] for d in walk["downloads"]}
    assert pages >= {"Hỏi đáp", "Nhiệm vụ", "Soạn kế hoạch mới", "So sánh"}, pages
    # Every button seen on a page gave a file, on the first click and on the second.
    assert walk["buttons"] >= 9 and len(walk["downloads"]) == 2 * walk["buttons"]
    for item in walk["downloads"]:
        data = Path(item["path"]).read_bytes()
        assert data, item
        name = item["file"]
        if name.endswith(".docx"):
            assert docx.Document(_io.BytesIO(data)).paragraphs, item
        elif name.endswith(".xlsx"):
            rows = list(load_workbook(_io.BytesIO(data)).active.values)
            assert len(rows) > 1, item
            if name == "nhiem_vu.xlsx":  # the task table's columns as on screen
                assert rows[0][:4] == ("Số", "Nội dung", "Chủ trì", "Thời hạn")
                assert "Mục tiêu" in rows[0]  # Lộc Hòa's objectives are kept
        elif name.endswith(".csv"):
            rows = list(csv.reader(_io.StringIO(data.decode("utf-8-sig"))))
            assert len(rows) > 1, item
        elif name.endswith(".json"):
            assert json.loads(data)
        else:
            assert data.decode("utf-8").strip(), item


def test_chat_table_copy_reload_and_scope(walk):
    chat = walk["chat"]
    # A list answer is one table of rows, not a stack of expanders.
    assert chat["tables"] == 1 and chat["expanders"] == 0
    # The copy button puts the whole answer on the clipboard.
    assert chat["copied"].startswith(chat["answer"].splitlines()[0])
    assert "Trung tâm Phục vụ hành chính công" in chat["copied"]
    assert chat["copyLabel"] == "Đã sao chép"
    # The conversation id is in the address and a reload shows the conversation again.
    assert "?c=" in chat["url"] and chat["urlAfterReload"] == chat["url"]
    assert any("quý I/2026" in m for m in chat["afterReload"]), chat["afterReload"]
    assert any(b.startswith("Kế hoạch Nam An Phụ có những nhiệm vụ") for b in chat["pastConversations"])
    # Phạm vi: the plan picked answers a question that names none; a fresh context is noted.
    assert EXPECTED_LEAD in chat["scoped"] and "Nam An Phụ" in chat["scoped"]
    assert chat["scopeNote"]
    # A plan named in the question wins over the scope, and the answer says so.
    assert "Câu hỏi nêu Lộc Hòa" in chat["override"], chat["override"]
    assert "[1] Lộc Hòa" in chat["override"], chat["override"]


def test_task_filters_agree_with_the_chat_in_the_browser(walk):
    # The chat's answer to the Quý I question names its tasks: "Nhiệm vụ 1, 2, 17, 29 có …".
    listed = re.match(r"Nhiệm vụ ([\d., ]+) có thời hạn", walk["chat"]["answer"])
    assert listed, walk["chat"]["answer"]
    n_chat = len([n for n in listed.group(1).split(",") if n.strip()])
    assert walk["tasks"]["quarterOne"].startswith(f"{n_chat} /"), walk["tasks"]
    # A unit typed without diacritics finds its tasks.
    assert not walk["tasks"]["unitTyped"].startswith("0 /"), walk["tasks"]


def test_upload_error_names_the_users_file(walk):
    assert "Kế hoạch hỏng.docx" in walk["upload"]["error"]
    assert "upload.bin" not in walk["upload"]["error"]


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
    tp = next(t for t in plans.values() if t.plan.doc.startswith("001_"))  # Nam An Phụ
    done = {tp.plan.tasks[tp.keys.index(k)].number: s for k, s in tp.statuses.items() if s.status == DONE}
    assert "28" in done and done["28"].evidence == "BC 12/BC-UBND"
    assert sum(before.values()) + 1 == len(tp.statuses)
    n_done = str(len(done))
    assert seen["metrics"]["Đã hoàn thành"] == seen["metricsAfterReload"]["Đã hoàn thành"] == n_done
