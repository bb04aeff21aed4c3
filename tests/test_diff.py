"""Plan comparison (issue 5): tasks matched by meaning, field changes, targets.

Uses the real Word and PDF files of seed 001 and, when the text backend can
read it, seed 004 (another commune, a 6-month plan of 2025).
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import pytest

from cchc.cli import main
from drafting.diff import (
    RELATED_UNITS,
    diff_plans,
    match_items,
    similarity,
    units_signature,
)
from drafting.shift import draft_plan
from ingest.pipeline import parse_file
from tests.paths import DOCX_FIXTURE, PDF_FIXTURE

ROOT = Path(__file__).resolve().parents[1]
DOCX = DOCX_FIXTURE
PDF = PDF_FIXTURE


@pytest.fixture(scope="module")
def plan_001():
    return parse_file(DOCX)


@pytest.fixture(scope="module")
def plan_004():
    path = next((ROOT / "corpus").glob("004_*.txt"))
    return parse_file(path)


def _pair(result, number_a: str):
    return next((m for m in result.matched if m.a.number == number_a), None)


def test_similarity_expands_the_genres_abbreviations():
    assert similarity("Rà soát VBQPPL trên địa bàn xã",
                      "Rà soát văn bản quy phạm pháp luật trên địa bàn xã") > 0.9
    assert similarity("Kiểm tra ISO 9001:2015", "Tổng kiểm kê tài sản công") < 0.2


def test_diff_001_against_004_finds_shared_tasks_and_their_leads(plan_001, plan_004):
    result = diff_plans(plan_001, plan_004)
    # ISO 9001:2015 checking: 001 task 35, 004 task 42 (read from both annexes)
    iso = _pair(result, "35")
    assert iso is not None and "ISO 9001:2015" in iso.b.content and iso.b.number == "42"
    # reviewing legal documents: 001 task 11 ↔ 004 task 11 "rà soát văn bản QPPL"
    review = _pair(result, "11")
    assert review is not None and "rà soát văn bản QPPL" in review.b.content
    # publishing procedures (001 task 18 ↔ 004 task 18): the lead differs
    publish = _pair(result, "18")
    assert publish is not None and publish.b.number == "18"
    lead = next(c for c in publish.changes if c.field == "lead")
    assert lead.a == "Trung tâm Phục vụ hành chính công"
    assert lead.b == "Văn phòng HĐND và UBND xã"
    # the asset inventory of 001 has no counterpart in 004
    assert any(t.number == "28" for t in result.removed)
    assert len(result.matched) + len(result.removed) == len(plan_001.tasks)
    assert len(result.matched) + len(result.added) == len(plan_004.tasks)


def test_same_plan_in_two_formats_matches_everything(plan_001):
    result = diff_plans(plan_001, parse_file(PDF))
    assert not result.removed and not result.added
    assert all(m.a.number == m.b.number and m.a.content == m.b.content for m in result.matched)
    assert not result.changed


def test_next_year_draft_matches_by_meaning_not_number(plan_001):
    draft = draft_plan(plan_001, 2027)
    shuffled = copy.deepcopy(draft.plan)
    order = list(range(len(shuffled.tasks)))
    random.Random(5).shuffle(order)
    shuffled.tasks = [shuffled.tasks[i] for i in order]
    for i, task in enumerate(shuffled.tasks):  # numbers shift between years
        task.number = str(i + 1) if task.number else None
    result = diff_plans(plan_001, shuffled)
    assert not result.removed and not result.added
    for m in result.matched:
        assert m.b.content.replace("2027", "2026") == m.a.content
    # deadlines moved with the year are not changes; those left for review are
    changed = {m.a.number or m.a.content for m in result.changed}
    reviewed = {plan_001.tasks[i].number or plan_001.tasks[i].content for i in draft.task_notes}
    assert changed == reviewed
    assert all({c.field for c in m.changes} == {"deadline"} for m in result.changed)


def test_cli_diff_json(plan_001, capsys):
    assert main(["diff", str(DOCX), str(PDF), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["matched"] == len(plan_001.tasks)
    assert data["summary"]["removed"] == data["summary"]["added"] == 0
    assert data["matched"][0]["a"]["lead"]


def test_cli_diff_table_and_missing_file(plan_001, capsys, tmp_path):
    assert main(["diff", str(DOCX), str(PDF)]) == 0
    out = capsys.readouterr().out
    assert "Nhiệm vụ chung: 37" in out and "CHỈ CÓ Ở A" in out
    assert main(["diff", str(DOCX), str(tmp_path / "none.docx")]) == 2


def test_kiem_tra_cchc_tasks_of_two_communes_are_paired(plan_001, plan_004):
    # 001 task 6 "Kiểm tra cải cách hành chính (Các cơ quan chuyên môn, …)" and 004 task 6
    # "Kiểm tra cải cách hành chính" (a parent row with its sub-rows), both in section I
    result = diff_plans(plan_001, plan_004)
    pair = _pair(result, "6")
    assert pair is not None and pair.b.number == "6" and pair.b.content == "Kiểm tra cải cách hành chính"


def test_coordinating_units_worded_differently_are_not_a_change(plan_001, plan_004):
    # 001 writes "Các cơ quan, chuyên môn, đơn vị liên quan", 004 "Các phòng, ban, đơn vị có liên quan"
    assert units_signature("Các cơ quan, chuyên môn, đơn vị liên quan") == \
        units_signature("Các phòng, ban, đơn vị có liên quan") == frozenset({RELATED_UNITS})
    assert units_signature("Phòng VH-XH") == units_signature("Phòng Văn hóa – Xã hội xã")
    # 004 task 4 adds the health units: that is a real difference
    assert units_signature("Các phòng, ban, đơn vị có liên quan; các đơn vị sự nghiệp công lập "
                           "trong lĩnh vực y tế") != units_signature("Các phòng, ban, đơn vị có liên quan")
    result = diff_plans(plan_001, plan_004)
    first = _pair(result, "1")  # Ban hành Kế hoạch CCHC: both plans' generic coordinating units
    assert first is not None and first.b.number == "1"
    assert "coordinating" not in {c.field for c in first.changes}
    changed = [m for m in result.matched if "coordinating" in {c.field for c in m.changes}]
    assert all(units_signature(m.a.coordinating) != units_signature(m.b.coordinating) for m in changed)
    assert len(changed) < len(result.matched) / 2


def test_same_content_is_paired_within_the_same_section_first():
    a = ["Kiểm tra cải cách hành chính"]
    b = ["Kiểm tra cải cách hành chính", "Kiểm tra cải cách hành chính"]
    groups = (["Chỉ đạo điều hành, kiểm tra và tuyên truyền"],
              ["Cải cách thể chế", "Chỉ đạo điều hành, kiểm tra và tuyên truyền"])
    assert [(i, j) for i, j, _ in match_items(a, b, groups=groups)] == [(0, 1)]
    assert match_items(a, b, groups=groups)[0][2] == pytest.approx(1.0)  # the score stays the content's
