"""The `cchc parse` / `cchc tasks` JSON contract on the bundled plans."""

from __future__ import annotations

import json
from pathlib import Path

from cchc.cli import main

REPO = Path(__file__).resolve().parents[1]
NAP = str(REPO / "corpus" / "001_45f28ce285131ed1.txt")
TASK_KEYS = ["doc", "number", "part_of", "section", "subsection", "objective", "content", "lead",
             "coordinating", "deadline", "due", "product", "page", "extra"]


def run_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_parse_json_contract(capsys):
    data = run_json(capsys, "parse", NAP, "--json")
    assert list(data)[:5] == ["doc", "title", "metadata", "sections", "tasks"]
    assert data["doc"] == "001_45f28ce285131ed1.txt"
    task = data["tasks"][0]
    assert list(task) == TASK_KEYS
    assert set(task["due"]) == {"start", "end", "recurrence"}
    assert data["metadata"]["period"]["start_year"] == 2026


def test_tasks_lead_ignores_case_diacritics_and_abbreviations(capsys):
    plain = run_json(capsys, "tasks", str(REPO / "corpus"), "--lead", "van hoa", "--json")
    abbreviated = run_json(capsys, "tasks", str(REPO / "corpus"), "--lead", "VH-XH", "--json")
    assert plain and [t["lead"] for t in plain] == [t["lead"] for t in abbreviated]
    assert all("văn hóa" in t["lead"].lower() or "văn hoá" in t["lead"].lower() for t in plain)
    # every plan with an annex has tasks led by the culture-society office
    assert {t["doc"][:3] for t in plain} >= {"001", "002", "004"}


def test_tasks_due_quarter(capsys):
    rows = run_json(capsys, "tasks", NAP, "--due", "2026-Q1", "--json")
    numbers = {t["number"] for t in rows}
    assert {"1", "2", "17", "28", "29"} <= numbers  # Trước 15/01, Quý I, Quý I năm, Tháng 01–5, Quý 1
    assert not {"4", "18", "31", "33"} & numbers  # Quý IV, Thường xuyên, Tháng 10, Tháng 7-9


def test_tasks_bad_period_exits_2(capsys):
    assert main(["tasks", NAP, "--due", "2026-Q5"]) == 2
    assert "2026-Q5" in capsys.readouterr().err


def test_parse_names_the_lost_task_list_and_the_parent_body(capsys, tmp_path):
    """Never silent: a plan naming an annex but yielding no task says so."""
    lost = tmp_path / "lost.txt"
    lost.write_text("UBND TỈNH LÀO CAI\nSỞ NỘI VỤ\nKẾ HOẠCH\nCải cách hành chính năm 2026\nI. NHIỆM VỤ\n"
                    "1. Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\n", encoding="utf-8")
    assert main(["parse", str(lost)]) == 0
    out = capsys.readouterr().out
    assert "Cơ quan ban hành: Sở Nội vụ tỉnh Lào Cai (trực thuộc Ủy ban nhân dân tỉnh Lào Cai)" in out
    assert "Cảnh báo: lost.txt: kế hoạch nhắc tới phụ lục/danh mục nhiệm vụ nhưng không đọc được nhiệm vụ nào" in out
