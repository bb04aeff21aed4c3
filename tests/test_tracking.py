"""Task statuses, progress answers, the status spreadsheet and the quarterly report.

Works on the real Word plan of seed 001 (``tests/data/docx/001_nam_an_phu_2026.docx``),
indexed once per module into a temporary ``CCHC_HOME``; each test gets its own copy
(so its own ``status.db``). Expected figures are computed here from the statuses
the test set and the plan model's tasks, never typed in: task numbers used below
were read from the Word table (28–30 are led by "Phòng Kinh tế xã"; 24 has two
sub-rows; 29 is due "Quý 1/2026"; 18 is "Thường xuyên").
"""

from __future__ import annotations

import copy
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest

from cchc.cli import main
from ingest.deadline import due_overlaps
from ingest.pipeline import parse_file
from ingest.textnorm import fold
from tests.paths import DOCX_FIXTURE, REPO
from tracking import store as store_module
from tracking.model import (
    CANCELLED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    STATUS_LABELS,
    StatusError,
    parse_status,
    task_keys,
    validated,
)
from tracking.progress import count_statuses, is_overdue, progress_rows, summary
from tracking.store import StatusStore

DOC = DOCX_FIXTURE.name
TODAY = date.today()
APP = str(REPO / "app.py")


@pytest.fixture(scope="module")
def plan():
    return parse_file(str(DOCX_FIXTURE))


@pytest.fixture
def built(docx_index):
    return docx_index


@pytest.fixture
def env(docx_env):
    return docx_env


def cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def stored(home) -> dict:
    """``{task number or part_of/ordinal: TaskStatus}`` read straight from the store."""
    from retrieval.store import IndexStore
    from tracking.progress import tracked

    with StatusStore(str(home)) as store:
        tp = tracked(IndexStore.open(str(home)), store)[DOC]
    return tp


def _kinh_te(plan):
    return [t for t in plan.tasks if "kinh te" in fold(t.lead or "")]


# ------------------------------------------------------------------ model and store


def test_status_words_and_validation():
    assert parse_status("Đã hoàn thành") == parse_status("da hoan thanh") == parse_status("done") == DONE
    assert parse_status("chưa thực hiện") == NOT_STARTED and parse_status("đang") == IN_PROGRESS
    with pytest.raises(StatusError, match="không hợp lệ"):
        parse_status("gần xong")
    with pytest.raises(StatusError, match="lý do"):
        validated("không thực hiện")
    with pytest.raises(StatusError, match="chỉ ghi khi"):
        validated("đang thực hiện", completed_on="2026-03-01")
    with pytest.raises(StatusError, match="tương lai"):
        validated("done", completed_on=date(2026, 5, 2), today=date(2026, 5, 1))
    assert validated("done", completed_on="05/08/2026", today=date(2026, 9, 1)).completed_on == "2026-08-05"


def test_task_keys_are_unique_and_cover_sub_rows(plan):
    keys = task_keys(plan)
    assert len(keys) == len(set(keys)) == len(plan.tasks)
    subs = [k for k, t in zip(keys, plan.tasks) if t.part_of == "24"]
    assert len(subs) == 2 and subs[0] != subs[1]


def test_statuses_survive_reopen_and_are_audited(plan, tmp_path):
    keys = task_keys(plan)
    with StatusStore(str(tmp_path)) as store:
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.set("plan-a", plan, keys[0], validated("done", completed_on="2026-01-10"), who="cán bộ A")
        store.set("plan-a", plan, keys[1], validated("đang thực hiện", note="đang dự thảo"), who="cán bộ B")
        assert not store.set("plan-a", plan, keys[1], validated("đang thực hiện", note="đang dự thảo"))
        with pytest.raises(KeyError):
            store.set("plan-a", plan, "no-such-task", validated("done"))
    with StatusStore(str(tmp_path)) as store:  # a restart
        got = store.statuses("plan-a")
        assert got[keys[0]].status == DONE and got[keys[0]].completed_on == "2026-01-10"
        assert got[keys[1]].note == "đang dự thảo" and got[keys[1]].updated_by == "cán bộ B"
        audit = store.audit("plan-a")
        assert [(a.who, a.changes["status"][1]) for a in audit] == [("cán bộ B", IN_PROGRESS),
                                                                    ("cán bộ A", DONE)]


def test_migration_backs_up_first_and_keeps_data(plan, tmp_path, monkeypatch):
    keys = task_keys(plan)
    with StatusStore(str(tmp_path)) as store:
        store.set("plan-a", plan, keys[0], validated("done", completed_on="2026-01-10"), who="x")
        assert store.version == 1
    monkeypatch.setattr(store_module, "MIGRATIONS",
                        store_module.MIGRATIONS + ["ALTER TABLE statuses ADD COLUMN checked_by TEXT"])
    with StatusStore(str(tmp_path)) as store:
        assert store.version == 2
        assert store.statuses("plan-a")[keys[0]].status == DONE
    backups = list(tmp_path.glob("status.db.bak-v1-*"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
    assert old.execute("SELECT status FROM statuses").fetchall() == [("done",)]
    assert "checked_by" not in [r[1] for r in old.execute("PRAGMA table_info(statuses)")]


def test_revised_plan_keeps_matched_statuses_and_lists_the_rest(plan, tmp_path):
    keys = task_keys(plan)
    by_number = {t.number: k for k, t in zip(keys, plan.tasks) if t.number}
    revised = copy.deepcopy(plan)
    # the revision drops task 30, rewrites task 29 entirely, and inserts a new
    # first task, so that every later task is renumbered
    revised.tasks = [t for t in revised.tasks if t.number != "30"]
    t29 = next(t for t in revised.tasks if t.number == "29")
    t29.content = "Tổ chức hội nghị sơ kết công tác phòng chống thiên tai"
    new = copy.deepcopy(revised.tasks[0])
    new.content = "Nhiệm vụ mới bổ sung về chuyển đổi số cấp xã"
    for t in revised.tasks:
        for attr in ("number", "part_of"):
            if getattr(t, attr):
                setattr(t, attr, str(int(getattr(t, attr)) + 1))
    new.number = "1"
    revised.tasks.insert(0, new)

    with StatusStore(str(tmp_path)) as store:
        store.register("v1", plan)
        store.set_many("v1", plan, [
            (by_number["28"], validated("done", completed_on="2026-05-20")),
            (by_number["29"], validated("đang thực hiện")),
            (by_number["30"], validated("không thực hiện", reason="sáp nhập")),
            (by_number["22"], validated("đang thực hiện", note="80%")),
        ], who="a")
        assert store.register("v1", plan) is None  # the same plan again: nothing to do
        result = store.register("v2", revised)
        assert result.previous == "v1"
        got = store.statuses("v2")
        new_keys = dict(zip(task_keys(revised), revised.tasks))
        carried = {new_keys[k].content: s.status for k, s in got.items()}
        old_content = {t.number: t.content for t in plan.tasks}
        assert carried == {old_content["28"]: DONE, old_content["22"]: IN_PROGRESS}
        assert {new_keys[k].number for k in got} == {"29", "23"}  # found under their new numbers
        review = store.review("v2")
        assert sorted((r.number, r.status) for r in review) == [("29", IN_PROGRESS), ("30", CANCELLED)]
        assert [a.action for a in store.audit("v2")] == ["carry", "carry"]


def test_overdue_rule(plan):
    tasks = {t.number: t for t in plan.tasks if t.number}
    on = date(2026, 7, 1)
    assert is_overdue(tasks["29"], IN_PROGRESS, on)          # Quý 1/2026, still open
    assert not is_overdue(tasks["29"], DONE, on)
    assert not is_overdue(tasks["29"], IN_PROGRESS, date(2026, 3, 31))
    assert not is_overdue(tasks["18"], NOT_STARTED, on)      # Thường xuyên: no deadline passes
    rows = progress_rows(plan, {}, on)
    assert count_statuses(rows)["total"] == len(plan.tasks)
    by_lead = {g["group"]: g for g in summary(rows, "lead")}
    assert sum(g["total"] for g in summary(rows, "section")) == len(plan.tasks)
    kt = [g for name, g in by_lead.items() if "kinh te" in fold(name)]
    assert len(kt) == 1 and kt[0]["total"] == len(_kinh_te(plan))


# ------------------------------------------------------------------ CLI, restart, re-index


def test_cli_set_list_survive_restart_reindex_and_reupload(env, capsys, plan):
    corpus, home = env
    code, out, _ = cli(capsys, "status", "set", "đã hoàn thành", "--plan", "Nam An Phụ", "--task", "28",
                       "--date", "20/05/2026", "--evidence", "Báo cáo 12/BC-UBND", "--who", "Nguyễn Văn A")
    assert code == 0 and "nhiệm vụ 28" in out
    assert cli(capsys, "status", "set", "dang thuc hien", "--task", "29", "--note", "đang rà soát")[0] == 0
    assert cli(capsys, "status", "set", "done", "--task", "24", "--sub", "2", "--date", "2026-08-05")[0] == 0
    code, _, err = cli(capsys, "status", "set", "không thực hiện", "--task", "30")
    assert code == 2 and "lý do" in err
    code, _, err = cli(capsys, "status", "set", "done", "--task", "999")
    assert code == 2 and "999" in err

    # another process (a restart) reads what was set
    env_vars = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "cchc.cli", "status", "list", "--lead", "kinh te", "--json"],
                          capture_output=True, text=True, env=env_vars, cwd=REPO, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    rows = {r["number"]: r for r in json.loads(proc.stdout)}
    assert set(rows) == {t.number for t in _kinh_te(plan)}
    assert rows["28"]["status"] == DONE and rows["28"]["completed_on"] == "2026-05-20"
    assert rows["28"]["evidence"] == "Báo cáo 12/BC-UBND" and rows["28"]["updated_by"] == "Nguyễn Văn A"
    assert rows["29"]["status"] == IN_PROGRESS and rows["30"]["status"] == NOT_STARTED

    def snapshot():
        tp = stored(home)
        return {k: s.fields() for k, s in tp.statuses.items()}

    before = snapshot()
    assert len(before) == 3
    from retrieval.indexer import build_index

    build_index([str(corpus)], home=str(home), progress=False)          # re-index
    assert snapshot() == before
    (corpus / DOC).rename(corpus / "nam_an_phu_tai_len_lai.docx")       # the same file uploaded again
    build_index([str(corpus)], home=str(home), progress=False)
    from retrieval.store import IndexStore
    from tracking.progress import tracked

    with StatusStore(str(home)) as store:
        tp = tracked(IndexStore.open(str(home)), store)["nam_an_phu_tai_len_lai.docx"]
    assert {k: s.fields() for k, s in tp.statuses.items()} == before


# ------------------------------------------------------------------ spreadsheet


def test_xlsx_round_trip_and_bad_rows_write_nothing(env, capsys, tmp_path, plan):
    from openpyxl import load_workbook

    from tracking.xlsx import COMPLETED, NOTE, REASON, STATUS, STATUS_COLUMNS

    assert cli(capsys, "status", "set", "đang thực hiện", "--task", "29")[0] == 0
    out = tmp_path / "trang_thai.xlsx"
    code, text, _ = cli(capsys, "status", "export", "-o", str(out))
    assert code == 0 and str(len(plan.tasks)) in text
    wb = load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[-len(STATUS_COLUMNS):] == STATUS_COLUMNS and header[3] == "TT"
    col = {h: i + 1 for i, h in enumerate(header)}
    lines = {ws.cell(r, col["TT"]).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, col["TT"]).value}
    assert ws.cell(lines["29"], col[STATUS]).value == STATUS_LABELS[IN_PROGRESS]
    ws.cell(lines["1"], col[STATUS]).value = "Đã hoàn thành"
    ws.cell(lines["1"], col[COMPLETED]).value = "10/01/2026"
    ws.cell(lines["30"], col[STATUS]).value = "không thực hiện"
    ws.cell(lines["30"], col[REASON]).value = "Đã sáp nhập đơn vị"
    ws.cell(lines["2"], col[STATUS]).value = "đang thực hiện"
    ws.cell(lines["2"], col[NOTE]).value = "đã ban hành dự thảo"
    good = tmp_path / "good.xlsx"
    wb.save(good)

    # bad rows: every one reported, nothing written
    ws.cell(lines["5"], col[STATUS]).value = "gần xong"
    ws.cell(lines["6"], col[STATUS]).value = "không thực hiện"
    ws.cell(lines["7"], col["Mã nhiệm vụ"]).value = "99||không có|0"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = {k: s.fields() for k, s in stored(env[1]).statuses.items()}
    code, _, err = cli(capsys, "status", "import", str(bad))
    assert code == 2
    for tt in ("5", "6", "7"):
        assert f"Dòng {lines[tt]} (TT {tt})" in err
    assert {k: s.fields() for k, s in stored(env[1]).statuses.items()} == before

    code, text, _ = cli(capsys, "status", "import", str(good), "--who", "Tổ CCHC")
    assert code == 0 and "3 nhiệm vụ" in text
    tp = stored(env[1])
    by_number = {tp.plan.tasks[tp.keys.index(k)].number: s for k, s in tp.statuses.items()}
    assert by_number["1"].status == DONE and by_number["1"].completed_on == "2026-01-10"
    assert by_number["30"].status == CANCELLED and by_number["30"].reason == "Đã sáp nhập đơn vị"
    assert by_number["2"].note == "đã ban hành dự thảo" and by_number["29"].status == IN_PROGRESS
    assert by_number["1"].updated_by == "Tổ CCHC"

    # the exported sheet of the new state reads back to the same statuses (round trip)
    again = tmp_path / "again.xlsx"
    assert cli(capsys, "status", "export", "-o", str(again))[0] == 0
    assert cli(capsys, "status", "import", str(again))[1].startswith("Đã nhập: 0 ")


# ------------------------------------------------------------------ chat


def test_chat_answers_progress_from_statuses(env, capsys, plan):
    from retrieval.answer import Answerer
    from retrieval.store import IndexStore
    from tracking.answer import answer_status_question

    answerer = Answerer(IndexStore.open(str(env[1])), status=answer_status_question)
    kinh_te = {t.number for t in _kinh_te(plan)}
    # before anything is recorded: every task is chưa thực hiện, and asking creates no store
    ans = answerer.answer("Những nhiệm vụ nào của Phòng Kinh tế chưa hoàn thành?")
    assert ans.kind == "status" and f"{len(kinh_te)} nhiệm vụ: đã hoàn thành 0" in ans.text
    assert not (env[1] / "status.db").exists()

    assert cli(capsys, "status", "set", "done", "--task", "28", "--date", "2026-05-20")[0] == 0
    assert cli(capsys, "status", "set", "done", "--task", "33", "--date", "2026-08-15")[0] == 0
    assert cli(capsys, "status", "set", "đang thực hiện", "--task", "29")[0] == 0
    for question in ("Những nhiệm vụ nào của Phòng Kinh tế chưa hoàn thành?",
                     "nhung nhiem vu nao cua phong kinh te chua hoan thanh"):
        ans = answerer.answer(question)
        assert not ans.abstained and ans.kind == "status"
        assert {c.locator for c in ans.citations} == {f"nhiệm vụ {n}" for n in kinh_te - {"28"}}
        assert f"{len(kinh_te)} nhiệm vụ: đã hoàn thành 1, đang thực hiện 1" in ans.text
        assert f"Nhiệm vụ chưa hoàn thành ({len(kinh_te) - 1}):" in ans.text

    ans = answerer.answer("Tiến độ quý III thế nào?")
    due_q3 = [t for t in plan.tasks if due_overlaps(t.due, "2026-Q3")]
    assert f"quý III/2026: {len(due_q3)} nhiệm vụ" in ans.text
    assert "Hoàn thành trong quý III/2026: 1 nhiệm vụ." in ans.text
    assert "nhiệm vụ 33" in {c.locator for c in ans.citations}

    ans = answerer.answer("Nhiệm vụ 28 đã hoàn thành chưa?")
    assert ans.kind == "status" and "ngày 20/05/2026" in ans.text
    assert [c.locator for c in ans.citations] == ["nhiệm vụ 28"]
    ans = answerer.answer("nhiem vu 29 da hoan thanh chua")  # not done: its actual status is said
    assert [c.locator for c in ans.citations] == ["nhiệm vụ 29"] and "đang thực hiện" in ans.text
    # other questions keep their answers, also when they speak of pace
    assert answerer.answer("Kế hoạch yêu cầu gì về đẩy nhanh tiến độ giải quyết hồ sơ?").kind != "status"
    ans = answerer.answer("Nhiệm vụ 22 do ai chủ trì?")
    assert ans.kind != "status" and "Trung tâm Phục vụ hành chính công" in ans.text


# ------------------------------------------------------------------ the quarterly report


def _numbers_of(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\b(\d+)\b", text)]


def test_quarterly_report_counts_equal_the_statuses(env, capsys, tmp_path, plan):
    import docx

    for argv in (["done", "--task", "28", "--date", "2026-05-20"],
                 ["done", "--task", "33", "--date", "2026-08-15", "--evidence", "QĐ 45/QĐ-UBND"],
                 ["done", "--task", "24", "--sub", "1", "--date", "2026-09-30"],
                 ["đang thực hiện", "--task", "29"],
                 ["không thực hiện", "--task", "30", "--reason", "Sáp nhập"]):
        assert cli(capsys, "status", "set", *argv)[0] == 0
    out = tmp_path / "bao-cao.docx"
    code, _, _ = cli(capsys, "report", "--plan", DOC, "--quarter", "3", "--year", "2026", "-o", str(out))
    assert code == 0

    tp = stored(env[1])
    codes = Counter(s.status for s in tp.statuses.values())
    as_of = min(TODAY, date(2026, 9, 30))
    overdue = sum(is_overdue(t, tp.statuses[k].status if k in tp.statuses else NOT_STARTED, as_of)
                  for k, t in zip(tp.keys, tp.plan.tasks))
    in_q3 = sum(1 for s in tp.statuses.values()
                if s.completed_on and "2026-07-01" <= s.completed_on <= "2026-09-30")
    expected = [len(plan.tasks), codes[DONE], in_q3, codes[IN_PROGRESS],
                len(plan.tasks) - sum(codes.values()), codes[CANCELLED], overdue]
    assert expected[1:3] == [3, 2]

    document = docx.Document(str(out))
    paras = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in paras
    assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2026" in paras
    total_line = next(p for p in paras if p.startswith("Tính đến ngày"))
    assert _numbers_of(total_line.split(":", 1)[1]) == expected
    header = document.tables[0].rows[0].cells
    assert "/BC-UBND" in header[0].text and "năm 2026" in header[1].text

    # I.: one part per annex section, its counts from the statuses of its tasks
    sections = list(dict.fromkeys(t.section for t in plan.tasks))
    heads = [i for i, p in enumerate(paras) if re.match(r"^\d+\. ", p) and i < paras.index(
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")]
    assert len(heads) == len(sections)
    for i, section in zip(heads, sections):
        keys = [k for k, t in zip(tp.keys, plan.tasks) if t.section == section]
        c = Counter(tp.statuses[k].status for k in keys if k in tp.statuses)
        got = _numbers_of(paras[i + 1])
        assert got[:2] == [len(keys), c[DONE]] and got[3:6] == [
            c[IN_PROGRESS], len(keys) - sum(c.values()), c[CANCELLED]], (section, paras[i + 1])
    assert any("QĐ 45/QĐ-UBND" in p and "15/08/2026" in p for p in paras)

    # II. left as headed blanks; III. the open tasks due in quarter IV
    assert {"1. Tồn tại, hạn chế", "2. Nguyên nhân"} <= set(paras)
    start = paras.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2026")
    items = [p for p in paras[start + 1:] if p.startswith("- ")]
    due_q4 = [t for k, t in zip(tp.keys, plan.tasks) if due_overlaps(t.due, "2026-Q4")
              and (k not in tp.statuses or tp.statuses[k].status in (NOT_STARTED, IN_PROGRESS))]
    assert len(items) == len(due_q4) > 0

    # the annex: every task row with its stored status
    annex = document.tables[-1]
    rows = [[c.text for c in r.cells] for r in annex.rows[1:] if len({c.text for c in r.cells}) > 1]
    assert len(rows) == len(plan.tasks)
    for (key, task), row in zip(zip(tp.keys, plan.tasks), rows):
        status = tp.statuses[key].status if key in tp.statuses else NOT_STARTED
        assert row[4].startswith(STATUS_LABELS[status]), (task.label, row)

    log = (tmp_path / "bao-cao.changes.md").read_text(encoding="utf-8")
    assert "I. Tổng hợp" in log and "tính đến" in log and (tmp_path / "bao-cao.changes.csv").is_file()


# ------------------------------------------------------------------ the app


def _app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _go(at, page):
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: str(m.value) for m in at.metric}


def test_app_sets_a_status_and_it_survives_a_restart(env, plan):
    at = _go(_app(), "Tiến độ")
    assert _metrics(at)["Đã hoàn thành"] == "0"
    numbers = [t.number for t in plan.tasks]
    at.selectbox(key="status_task").select_index(numbers.index("28")).run()
    at.selectbox(key="status_value").set_value(DONE).run()
    at.date_input(key="status_date").set_value(date(2026, 5, 20)).run()
    at.text_input(key="status_evidence").set_value("BC 12/BC-UBND").run()
    at.text_input(key="status_who").set_value("Trần Thị B").run()
    at.button(key="status_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Đã lưu" in s.value for s in at.success)
    assert _metrics(at)["Đã hoàn thành"] == "1"

    # a reason is required for "không thực hiện": refused, nothing stored
    at.selectbox(key="status_task").select_index(numbers.index("30")).run()
    at.selectbox(key="status_value").set_value(CANCELLED).run()
    at.button(key="status_save").click().run()
    assert any("lý do" in e.value for e in at.error)

    tp = stored(env[1])
    assert {tp.plan.tasks[tp.keys.index(k)].number: s.status for k, s in tp.statuses.items()} == {"28": DONE}
    s = next(iter(tp.statuses.values()))
    assert (s.completed_on, s.evidence, s.updated_by) == ("2026-05-20", "BC 12/BC-UBND", "Trần Thị B")

    at = _go(_app(), "Tiến độ")  # a new session: statuses come from the store
    # the unit filter narrows both the form's tasks and the list
    kinh_te = [t for t in plan.tasks if "kinh te" in fold(t.lead or "")]
    options = at.selectbox(key="status_unit").options
    at.selectbox(key="status_unit").select_index(next(i for i, o in enumerate(options) if "Kinh tế" in o)).run()
    assert len(at.selectbox(key="status_task").options) == len(kinh_te)
    assert set(at.dataframe[0].value["Số"]) == {t.number for t in kinh_te}
    at.selectbox(key="status_unit").select_index(0).run()  # "Tất cả"
    table = at.dataframe[0].value
    row = table[table["Số"] == "28"].iloc[0]
    assert row["Trạng thái"] == STATUS_LABELS[DONE] and row["Minh chứng"] == "BC 12/BC-UBND"
    overdue = {r.task.number for r in tp.rows(TODAY) if r.overdue}
    assert set(table[table["Quá hạn"] != ""]["Số"]) == overdue
    assert _metrics(at)["Quá hạn"] == str(len(overdue))

    at = _go(at, "Hỏi đáp")
    at.chat_input(key="chat_input").set_value("những nhiệm vụ nào của Phòng Kinh tế đã hoàn thành?").run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(m.value for msg in at.chat_message if msg.name == "assistant" for m in msg.markdown)
    assert "Nhiệm vụ đã hoàn thành (1):" in said and "nhiệm vụ 28" in " ".join(e.label for e in at.expander)

    at = _go(at, "Báo cáo quý")
    at.selectbox(key="report_quarter").set_value(2).run()
    at.number_input(key="report_year").set_value(2026).run()
    assert not at.exception
    metrics = _metrics(at)
    assert metrics["Đã hoàn thành"] == "1" and metrics["Trong quý"] == "1"  # 20/05 is in quarter II
    assert metrics["Tổng số"] == str(len(plan.tasks))


def _set_cell(cell, text: str) -> None:
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    para = cell.paragraphs[0]
    for run in para.runs[1:]:
        run._r.getparent().remove(run._r)
    para.runs[0].text = text


def test_revised_word_plan_reindexed_keeps_matched_statuses(env, capsys, plan):
    """The officer replaces the plan file by a revision (task 29 rewritten, task 30
    removed) under the same name and re-indexes: the other statuses follow their
    tasks, the two that no longer match are listed for review in the app."""
    import docx

    from retrieval.indexer import build_index

    corpus, home = env
    for argv in (["done", "--task", "28", "--date", "2026-05-20"], ["đang thực hiện", "--task", "29"],
                 ["không thực hiện", "--task", "30", "--reason", "Sáp nhập"],
                 ["done", "--task", "24", "--sub", "2", "--date", "2026-08-05"]):
        assert cli(capsys, "status", "set", *argv)[0] == 0
    old = stored(home)

    document = docx.Document(str(corpus / DOC))
    rows = {r.cells[0].text.strip(): r for r in document.tables[0].rows}
    _set_cell(rows["29"].cells[1], "Tổ chức hội nghị sơ kết công tác phòng chống thiên tai năm 2026")
    rows["30"]._tr.getparent().remove(rows["30"]._tr)
    document.save(str(corpus / DOC))
    build_index([str(corpus)], home=str(home), progress=False)

    new = stored(home)
    assert new.plan_id != old.plan_id and len(new.plan.tasks) == len(plan.tasks) - 1
    by_task = {(t.number, t.part_of, t.content): new.statuses[k].status
               for k, t in zip(new.keys, new.plan.tasks) if k in new.statuses}
    sub_24 = [t for t in plan.tasks if t.part_of == "24"][1]
    t28 = next(t for t in plan.tasks if t.number == "28")
    assert by_task == {("28", None, t28.content): DONE, (None, "24", sub_24.content): DONE}
    with StatusStore(str(home)) as store:
        review = store.review(new.plan_id)
    assert sorted((r.number, r.status) for r in review) == [("29", IN_PROGRESS), ("30", CANCELLED)]

    at = _go(_app(), "Tiến độ")
    assert any("2 trạng thái của bản trước" in w.value for w in at.warning)
