"""The app's "Soạn kế hoạch mới" and "So sánh" pages, through AppTest.

One index is built per module from two real plans: the Word file of seed
001 (xã Nam An Phụ, năm 2026) and the text of seed 004 (xã Việt Khê, 6 tháng
cuối năm 2025). Expected values come from the sources, not from the
program: the task rows of 001 are read from its Word table with python-docx
(:func:`tests.test_app._docx_rows`); the 004 facts were read in its text
(task 18 "Cập nhật, công khai TTHC…" led by "Văn phòng HĐND và UBND xã",
task 42 checking ISO 9001:2015, no asset inventory anywhere).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from ingest.textnorm import fold
from tests.test_app import PLAN_DOCX, _app, _docx_rows, _go

REPO = Path(__file__).resolve().parents[1]
SEED_004 = next((REPO / "corpus").glob("004_*.txt"), None)
DRAFT_PAGE, COMPARE_PAGE = "Soạn kế hoạch mới", "So sánh"


@pytest.fixture(scope="module")
def two_plan_env(tmp_path_factory, fixtures_dir):
    """Corpus of 001 (Word) + 004 (text), indexed once; env vars set for the module.

    The pages only read the index, so the tests share it (and the app's
    cached engine).
    """
    from retrieval.indexer import build_index

    assert SEED_004 is not None, "seed 004 missing from corpus/"
    base = tmp_path_factory.mktemp("draft_compare")
    corpus, home = base / "corpus", base / "home"
    corpus.mkdir()
    shutil.copy(fixtures_dir / PLAN_DOCX, corpus / PLAN_DOCX)
    shutil.copy(SEED_004, corpus / SEED_004.name)
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert not manifest["errors"], manifest["errors"]
    mp = pytest.MonkeyPatch()
    mp.setenv("CCHC_CORPUS", str(corpus))
    mp.setenv("CCHC_HOME", str(home))
    mp.chdir(REPO)
    yield corpus, home
    mp.undo()


def _metric(at, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


def _download_labels(at) -> list[str]:
    return [b.label for b in at.get("download_button")]


def test_draft_page_shows_change_log_with_review_items_and_downloads(two_plan_env, fixtures_dir):
    from drafting.shift import draft_plan
    from retrieval.store import IndexStore
    from ui.draft_page import REVIEW_COLUMN, draft_downloads

    rows = _docx_rows(fixtures_dir / PLAN_DOCX)
    at = _go(_app(), DRAFT_PAGE)
    at.selectbox(key="draft_doc").set_value(PLAN_DOCX).run()
    assert not at.exception
    assert at.number_input(key="draft_year").value == 2027  # the year after "năm 2026"
    log = at.dataframe[0].value
    assert set(log.columns) >= {"Vị trí", "Trước", "Sau", "Quy tắc", "Trạng thái"}
    title = log[log["Vị trí"] == "tiêu đề"].iloc[0]
    assert "năm 2026" in title["Trước"] and "năm 2027" in title["Sau"]

    # Every deadline of the Word table naming 2026 is listed, moved to 2027
    # (applied, or proposed for review).
    dated = [r for r in rows if "2026" in r[4]]
    assert len(dated) >= 20
    for number, *_cells in dated:
        deadline = _cells[3]
        hit = log[log["Vị trí"].str.match(rf"nhiệm vụ {number}\b.*Thời gian hoàn thành")
                  & (log["Trước"] == deadline)]
        assert len(hit) >= 1, (number, deadline)
        assert set(hit["Sau"]) == {deadline.replace("2026", "2027")}
    # The citation in task 24's deadline cell is not touched.
    assert not log["Trước"].str.contains("310/KH-UBND").any()

    # "Cần xem lại" rows are visible, counted, and can be shown alone.
    review = log[log[REVIEW_COLUMN] != ""]
    assert len(review) == _metric(at, "Cần xem lại") > 0
    assert review["Trạng thái"].str.contains("cần xem lại").all()
    asset_inventory = next(r for r in rows if "kiểm kê tài sản" in r[1].lower())
    assert asset_inventory[4] in set(review["Trước"])  # a one-off task of 2026
    at.toggle(key="draft_review_only").set_value(True).run()
    shown = at.dataframe[0].value
    assert len(shown) == len(review) and (shown[REVIEW_COLUMN] != "").all()

    assert _download_labels(at) == ["Tải dự thảo (DOCX)", "Tải nhật ký thay đổi (CSV)",
                                    "Tải nhật ký thay đổi (MD)"]
    # What those buttons deliver, built from the same plan of the index.
    import docx

    plan = IndexStore.open(str(two_plan_env[1])).plans()[PLAN_DOCX]
    files = {d.key: d for d in draft_downloads(draft_plan(plan, 2027))}
    assert files["draft_docx"].file_name.endswith(".docx")
    document = docx.Document(io.BytesIO(files["draft_docx"].data()))
    numbers = {c.cells[0].text.strip() for t in document.tables for c in t.rows}
    assert {r[0] for r in rows} <= numbers
    table = list(csv.reader(io.StringIO(files["draft_log_csv"].data().decode("utf-8-sig"))))
    assert table[0] == ["Vị trí", "Trước", "Sau", "Quy tắc", "Trạng thái", "Lý do"]
    assert [r[0] for r in table[1:]] == list(log["Vị trí"])
    assert f"{len(review)} mục **cần xem lại**" in files["draft_log_md"].data().decode("utf-8")

    # Another year, then a year that is not after the plan's.
    at.toggle(key="draft_review_only").set_value(False).run()
    at.number_input(key="draft_year").set_value(2028).run()
    log = at.dataframe[0].value
    assert "năm 2028" in log[log["Vị trí"] == "tiêu đề"].iloc[0]["Sau"]
    at.number_input(key="draft_year").set_value(2026).run()
    assert not at.exception
    assert any("Không soạn được dự thảo" in e.value for e in at.error)


def test_compare_page_lists_shared_changed_removed_tasks_of_001_and_004(two_plan_env,
                                                                       fixtures_dir):
    rows = _docx_rows(fixtures_dir / PLAN_DOCX)
    text_004 = fold(SEED_004.read_text(encoding="utf-8"))
    at = _go(_app(), COMPARE_PAGE)
    at.selectbox(key="compare_a").set_value(PLAN_DOCX).run()
    at.selectbox(key="compare_b").set_value(SEED_004.name).run()
    assert not at.exception

    # Every task of 001 is either shared or reported as dropped.
    assert _metric(at, "Nhiệm vụ chung") + _metric(at, "Chỉ có ở A (bỏ)") == len(rows)
    changes, matched, only_a, only_b, _targets = (d.value for d in at.dataframe)
    assert _metric(at, "Chỉ có ở B (mới)") == len(only_b) > 0

    # Checking ISO 9001:2015: 001 task 35 ↔ 004 task 42, both led by Phòng Văn hóa – Xã hội.
    iso = matched[matched["Nội dung (A)"].str.contains("ISO 9001:2015")
                  & matched["Nội dung (B)"].str.contains("ISO 9001:2015")]
    assert list(iso["Số (A)"]) == ["35"] and list(iso["Số (B)"]) == ["42"]
    assert "Cơ quan chủ trì" not in iso.iloc[0]["Khác nhau"]
    # Publishing procedures (18 ↔ 18): the lead differs, shown with both plans' text.
    lead = changes[(changes["Số (A)"] == "18") & (changes["Thay đổi"] == "Cơ quan chủ trì")]
    assert len(lead) == 1
    assert lead.iloc[0]["Ở A"] == next(r[2] for r in rows if r[0] == "18")
    assert fold(lead.iloc[0]["Ở B"]) == "van phong hdnd va ubnd xa"
    assert lead.iloc[0]["Số (B)"] == "18"
    # The asset inventory of 001 has no counterpart in 004.
    assert "kiem ke tai san" not in text_004
    assert only_a["Nội dung"].str.contains("kiểm kê tài sản", case=False).any()
    assert _download_labels(at) == ["Tải báo cáo (TXT)", "Tải JSON"]

    # The same plan on both sides is refused.
    at.selectbox(key="compare_b").set_value(PLAN_DOCX).run()
    assert any("hai kế hoạch khác nhau" in i.value for i in at.info)
    assert not re.search("Nhiệm vụ chung", " ".join(m.label for m in at.metric))
