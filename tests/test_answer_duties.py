"""A unit's duties are answered from the plan model's responsibilities."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from retrieval.answering.duties import asks_duties, duties_answer
from retrieval.query import PlanCatalog, parse_query

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def plans():
    return [parse_file(CORPUS / name) for name in ("000_d171992c76d70bad.txt", "001_45f28ce285131ed1.txt")]


@pytest.fixture(scope="module")
def catalog(plans):
    return PlanCatalog.from_plans(plans)


def ask(question, plans, catalog):
    query = parse_query(question, catalog)
    assert asks_duties(query)
    in_scope = [p for p in plans if p.doc in query.plans] or plans
    return duties_answer(query, in_scope, catalog)


def test_duties_of_a_unit_come_from_its_section(plans, catalog):
    answer = ask("Trung tâm Phục vụ hành chính công xã Nam An Phụ có trách nhiệm gì?", plans, catalog)
    assert answer is not None and not answer.abstained
    assert answer.citations[0].doc == "001_45f28ce285131ed1.txt"
    assert answer.citations[0].locator == "mục IV.2.d"
    assert "Công khai kịp thời, đầy đủ bằng phương tiện điện tử" in answer.text


def test_plan_without_annex(plans, catalog):
    answer = ask("Phú Thái: Phòng Kinh tế xã có nhiệm vụ gì?", plans, catalog)
    assert answer.citations[0].doc == "000_d171992c76d70bad.txt"
    assert "cải cách tài chính công" in answer.text


def test_unit_not_listed_gives_none(plans, catalog):
    assert ask("Nam An Phụ: Công an xã có trách nhiệm gì?", plans, catalog) is None


def test_specific_question_is_not_a_duties_list(catalog):
    query = parse_query("Phòng Văn hóa - Xã hội có trách nhiệm báo cáo trước ngày nào?", catalog)
    assert not asks_duties(query)


@pytest.mark.parametrize("question", [
    "Trường Xuân: Phòng Kinh tế xã đảm nhận những việc gì trong kế hoạch?",
    "truong xuan phong kinh te xa phu trach gi theo ke hoach cchc",
    "Trường Xuân, Phòng Kinh tế xã còn làm gì nữa vậy?",
])
def test_duties_asked_with_a_tail_or_another_verb(answerer, question):
    """"… gì theo KH", "… gì nữa", "phụ trách / đảm nhận gì": the unit's whole
    body list (VI.4, its thẩm định kinh phí duty included), not a row by content."""
    answer = answerer.answer(question)
    assert answer.kind == "duties", answer.text
    assert any(c.doc.startswith("002_") and c.locator == "mục VI.4" for c in answer.citations)
    assert "thẩm định kinh phí" in answer.text


def test_row_question_with_a_plan_tail_is_not_a_duties_list(catalog):
    """A deadline filter keeps its meaning even when it ends with "theo kế hoạch"."""
    query = parse_query("Phòng Kinh tế xã có nhiệm vụ nào đến hạn trong quý III theo kế hoạch?", catalog)
    assert not asks_duties(query)
