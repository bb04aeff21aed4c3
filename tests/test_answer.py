"""Answers on the real Nam An Phụ plan (Word fixture) plus a plan the tests build.

Expected values were read from the source document (the annex table of
``001_nam_an_phu_2026.docx`` and its body sections I.2 and IV), not from
this program's output. Passage search is replaced by a small lexical
searcher over the real chunks, so these tests exercise the answer logic
without building an index; ``tests/test_eval.py`` runs the real index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from ingest.model import Due, Metadata, Period, Plan, Task
from ingest.pipeline import parse_file
from ingest.textnorm import fold
from retrieval.answer import (
    ABSTAIN,
    Answerer,
    Turn,
    due_in_period,
    has_figure,
    split_sentences,
)
from retrieval.chunks import plan_to_chunks
from retrieval.conversation import Conversation
from tests.paths import CORPUS

NAP = "001_nam_an_phu_2026.docx"
TL = "tan_lap_2026_2030.txt"


@dataclass
class FakeHit:
    chunk: object
    score: float
    ranks: dict = field(default_factory=dict)


class LexicalSearcher:
    """Stand-in for HybridSearcher: ranks chunks by shared folded words."""

    def __init__(self, chunks):
        self.chunks = chunks
        self.calls = []

    def search(self, query, k=10, docs=None, kinds=None):
        self.calls.append((query, docs))
        words = set(re.findall(r"\w+", fold(query)))
        scored = []
        for c in self.chunks:
            if docs and c.doc not in docs:
                continue
            if kinds and c.kind not in kinds:
                continue
            overlap = len(words & set(re.findall(r"\w+", fold(c.text))))
            if overlap:
                scored.append(FakeHit(c, float(overlap)))
        scored.sort(key=lambda h: -h.score)
        return scored[:k]


class FakeStore:
    def __init__(self, plans):
        self._plans = {p.doc: p for p in plans}
        self.chunks = [c for p in plans for c in plan_to_chunks(p)]

    def plans(self):
        return self._plans


SEED_DOCS = (
    "000_d171992c76d70bad.txt", "001_45f28ce285131ed1.txt", "002_b6a4a2778198d6b8.txt",
    "003_c802cf9912aef313.txt", "004_83dc20140de0736e.txt")
"""File names of the five seed plans in ``corpus/`` (Phú Thái, Nam An Phụ, Trường Xuân, Lộc Hòa, Việt Khê)."""


def seed_answerer(today: str = "2026-07-01") -> Answerer:
    """An :class:`Answerer` over the five seed plans with the lexical stand-in searcher, ``today`` fixed."""
    plans = [parse_file(str(p)) for p in sorted(CORPUS.glob("00?_*.txt"))]
    store = FakeStore(plans)
    return Answerer(store, LexicalSearcher(store.chunks), today=today)


def talk(answerer: Answerer, *questions: str) -> list:
    """The answers of ``questions`` asked in order through one :class:`Conversation` of ``answerer``."""
    conversation = Conversation(answerer)
    return [conversation.ask(q) for q in questions]


def tan_lap() -> Plan:
    """A second plan, 2026 - 2030, that also has a task 22 and task 17."""
    plan = Plan(doc=TL, title="Kế hoạch cải cách hành chính xã Tân Lập giai đoạn 2026 - 2030",
                metadata=Metadata(title="Kế hoạch cải cách hành chính xã Tân Lập giai đoạn 2026 - 2030",
                                  unit_name="Tân Lập", period=Period("giai đoạn 2026 - 2030", 2026, 2030)))
    plan.tasks = [
        Task(doc=TL, number="22", section="V. CẢI CÁCH TÀI CHÍNH CÔNG",
             content="Báo cáo thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm",
             lead="Phòng Kinh tế", coordinating="Các cơ quan, đơn vị có liên quan",
             deadline="Quý I hàng năm", due=Due("2026-01-01", "2026-03-31", "annual"),
             product="Báo cáo"),
    ]
    return plan


@pytest.fixture(scope="module")
def nap(fixtures_dir) -> Plan:
    return parse_file(fixtures_dir / "001_nam_an_phu_2026.docx")


@pytest.fixture(scope="module")
def answerer(nap) -> Answerer:
    store = FakeStore([nap, tan_lap()])
    return Answerer(store, LexicalSearcher(store.chunks))


def numbers_listed(text: str) -> set[str]:
    """Task numbers of the first line of a filter answer ("Nhiệm vụ 28, 29, 30 …")."""
    first = text.splitlines()[0]
    m = re.search(r"(?:Nhiệm vụ|số) ([\d., ]+)", first)
    return {n.strip() for n in m.group(1).split(",") if n.strip()} if m else set()


# ---------------------------------------------------------------- task lookups

def test_task_fields_exact_with_citation(answerer):
    a = answerer.answer("Nam An Phụ 2026: nhiệm vụ 17 ai chủ trì, thời hạn khi nào?")
    assert not a.abstained and a.kind == "task"
    assert "Trung tâm Phục vụ hành chính công" in a.text and "Quý I năm 2026" in a.text
    assert [(c.doc, c.locator) for c in a.citations] == [(NAP, "nhiệm vụ 17")]
    assert "Xây dựng Kế hoạch công tác cải cách thủ tục hành chính" in a.citations[0].quote


def test_task_without_diacritics_and_abbreviations(answerer):
    a = answerer.answer("nv 29 nap han chot khi nao")
    assert "Quý 1/2026" in a.text and a.citations[0].locator == "nhiệm vụ 29"
    a = answerer.answer("NAP nv 8 thời gian hoàn thành và sản phẩm là gì?")
    assert "Tháng 11" in a.text and "Tác phẩm dự thi" in a.text


def test_task_with_sub_rows(answerer):
    a = answerer.answer("KH Nam An Phụ nv 24: thời hạn theo văn bản nào?")
    assert "310/KH-UBND" in a.text and "Cả năm 2026" in a.text
    assert {c.locator for c in a.citations} == {"nhiệm vụ 24", "nhiệm vụ 24 (dòng con)"}


def test_same_number_in_two_plans_is_answered_per_plan(answerer):
    a = answerer.answer("nhiệm vụ 22 do ai chủ trì?")
    assert "Nam An Phụ" in a.text and "Tân Lập" in a.text
    assert "Trung tâm Phục vụ hành chính công" in a.text and "Phòng Kinh tế" in a.text
    assert {c.doc for c in a.citations} == {NAP, TL}


def test_missing_task_number_or_plan_abstains(answerer):
    for q in ("nap nv 40 ai chu tri", "Tân Lập nhiệm vụ 17 ai chủ trì?",
              "Xã Hòa Bình Tây nhiệm vụ 3 do ai chủ trì?",
              "KH CCHC Nam An Phụ năm 2025, nhiệm vụ 3 ai chủ trì?"):
        a = answerer.answer(q)
        assert a.abstained and a.citations == [], q
        # the abstention says what is missing, not only "không tìm thấy"
        assert a.text != ABSTAIN and ("không có" in a.text.lower() or "chưa nạp" in a.text.lower()), (q, a.text)


def test_field_the_table_lacks_abstains(answerer):
    a = answerer.answer("Nhiệm vụ 17 KH Nam An Phụ được bố trí kinh phí bao nhiêu?")
    assert a.abstained
    # a figure the row does state is answered
    a = answerer.answer("NAP nhiệm vụ 22: tỷ lệ thanh toán trực tuyến tối thiểu bao nhiêu?")
    assert not a.abstained and "80%" in a.text


# ---------------------------------------------------------------- filters and counts

def test_filter_by_unit_lists_every_task(answerer):
    a = answerer.answer("KH NAP: Phòng Kinh tế xã chủ trì những nhiệm vụ nào?")
    assert a.kind == "filter" and numbers_listed(a.text) == {"28", "29", "30"}
    a = answerer.answer("Nam An Phụ: Văn phòng HĐND và UBND xã chủ trì những nhiệm vụ nào?")
    assert numbers_listed(a.text) == {str(n) for n in range(10, 17)}
    a = answerer.answer("nap trung tam dich vu su nghiep cong chu tri nv nao")
    assert numbers_listed(a.text) == {"8", "9"}


def test_filter_by_deadline(answerer):
    a = answerer.answer("nap nhung nv nao thoi gian thuong xuyen")
    assert numbers_listed(a.text) == {"18", "19", "20", "21", "22"}
    a = answerer.answer("Nam An Phụ: những nhiệm vụ nào có thời hạn trong Quý I?")
    assert numbers_listed(a.text) == {"1", "2", "17", "29"}
    a = answerer.answer("Nam An Phụ: nhiệm vụ nào có thời hạn rơi vào tháng 10?")
    assert numbers_listed(a.text) == {"9", "31"}
    a = answerer.answer('NAP mục Cải cách thể chế: nhiệm vụ nào không có thời gian "Cả năm 2026"?')
    assert numbers_listed(a.text) == {"15"}
    # "ghi là Quý I": written in quarters, so not "Trước ngày 15/01/2026"
    a = answerer.answer("Nam An Phụ: những nhiệm vụ nào có thời gian ghi là Quý I?")
    assert numbers_listed(a.text) == {"2", "17", "29"}


def test_counts_and_sections(answerer):
    a = answerer.answer("NAP mục VII Xây dựng CQĐT, CQS có bao nhiêu nhiệm vụ?")
    assert a.kind == "count" and a.text.startswith("5 nhiệm vụ")
    a = answerer.answer("Phụ lục KH CCHC Nam An Phụ 2026 có tổng cộng bao nhiêu nhiệm vụ?")
    assert a.text.startswith("35 nhiệm vụ")
    a = answerer.answer("Phòng Kinh tế chủ trì bao nhiêu nhiệm vụ?")  # no plan named: per plan
    assert "Nam An Phụ (năm 2026): 3 nhiệm vụ" in a.text and "Tân Lập (giai đoạn 2026 - 2030): 1 nhiệm vụ" in a.text


def test_filter_nothing_matches_abstains(answerer):
    a = answerer.answer("NAP: Phòng Kinh tế chủ trì những nhiệm vụ nào thực hiện thường xuyên?")
    assert a.abstained


def test_due_in_period_semantics():
    q1 = Due("2026-01-01", "2026-03-31", "once")
    assert due_in_period(q1, "2026-Q1", 2026) and due_in_period(q1, "*-Q1", 2026, exact=True)
    assert not due_in_period(Due("2026-01-01", "2026-12-31", "once"), "2026-10", 2026)
    assert due_in_period(Due(None, "2026-01-15", "once"), "2026-Q1", 2026)
    assert due_in_period(Due("2026-10-01", "2026-10-31", "annual"), "2027-10", 2026)
    assert not due_in_period(Due("2026-10-01", "2026-10-31", "annual"), "2027", 2026)
    assert not due_in_period(Due("2025-07-01", "2025-12-31", "once"), "2025-Q4", 2025, exact=True)
    assert not due_in_period(Due(None, None, "regular"), "2026", 2026)


# ---------------------------------------------------------------- extractive answers

def test_body_fact_extractive_sentence(answerer):
    a = answerer.answer("Nam An Phụ: mức độ hài lòng về giải quyết TTHC đạt bao nhiêu?")
    assert a.kind == "extractive" and "90%" in a.text
    assert a.citations and a.citations[0].doc == NAP and a.citations[0].locator == "mục I.2.f"
    assert len(a.text) < 400  # a sentence, not a whole chunk


def test_duty_sentence_keeps_its_unit_heading(answerer):
    a = answerer.answer("Nam An Phụ: đơn vị nào có trách nhiệm đổi mới chuyên mục, chuyên trang CCHC?")
    assert "Trung tâm Dịch vụ Sự nghiệp công" in a.text
    assert a.citations[0].locator == "mục IV.2.e"


def test_figure_not_stated_abstains(answerer):
    a = answerer.answer("Tổng kinh phí (số tiền) dự toán cho KH CCHC Nam An Phụ 2026 là bao nhiêu?")
    assert a.abstained
    a = answerer.answer("Nam An Phụ có kế hoạch xây dựng sân bay quốc tế không?")
    assert a.abstained


def test_named_plan_restricts_search(answerer):
    searcher = answerer.searcher
    searcher.calls.clear()
    answerer.answer("Tân Lập có tổ chức hội thi tìm hiểu về cải cách hành chính không?")
    assert searcher.calls and all(docs == {TL} for _, docs in searcher.calls)
    # a target only Nam An Phụ states is refused for Tân Lập, naming Nam An Phụ
    a = answerer.answer("Tân Lập đặt chỉ tiêu mức độ hài lòng bao nhiêu phần trăm?")
    assert a.abstained and "Tân Lập" in a.text and "Nam An Phụ" in a.text


def test_header_facts(answerer):
    a = answerer.answer("Ai ký ban hành KH CCHC Nam An Phụ?")
    assert "Nguyễn Văn Tuy" in a.text
    a = answerer.answer("Quyết định ban hành KH CCHC Nam An Phụ năm 2026 mang số mấy?")
    assert a.abstained  # "Số: /QĐ-UBND" is blank in the source


def test_plans_question(answerer):
    a = answerer.answer("Những kế hoạch CCHC nào áp dụng cho năm 2026?")
    assert a.kind == "plans" and "Nam An Phụ" in a.text and "Tân Lập" in a.text


def test_explicit_plan_option(answerer):
    a = answerer.answer("nhiệm vụ 22 do ai chủ trì?", plan="Tân Lập")
    assert "Phòng Kinh tế" in a.text and {c.doc for c in a.citations} == {TL}
    assert answerer.answer("nhiệm vụ 22 do ai chủ trì?", plan="Không Có").abstained


# ---------------------------------------------------------------- conversation

def test_follow_ups_resolve_against_previous_turn(answerer):
    first = answerer.answer("NAP nv 17 ai chủ trì?")
    history = [Turn("NAP nv 17 ai chủ trì?", first)]
    a = answerer.answer("còn nhiệm vụ 18?", history=history)
    assert a.citations[0].locator == "nhiệm vụ 18" and "Trung tâm Phục vụ hành chính công" in a.text
    history.append(Turn("còn nhiệm vụ 18?", a))
    b = answerer.answer("thế ai phối hợp?", history=history)
    assert b.citations[0].locator == "nhiệm vụ 18" and "Các phòng chuyên môn" in b.text
    # without answers stored, the conversation is replayed from the questions
    c = answerer.answer("thế ai phối hợp?", history=[Turn("NAP nv 17 ai chủ trì?"), Turn("còn nhiệm vụ 18?")])
    assert c.citations[0].locator == "nhiệm vụ 18"


# ---------------------------------------------------------------- LLM (fake chat model)

def test_llm_citations_outside_the_passages_are_dropped(nap):
    store = FakeStore([nap])
    llm = FakeListChatModel(responses=["Mức độ hài lòng đạt 90% trở lên [1] [9]."])
    a = Answerer(store, LexicalSearcher(store.chunks), llm=llm).answer(
        "Nam An Phụ: mức độ hài lòng về giải quyết TTHC đạt bao nhiêu?")
    assert a.kind == "llm" and "[9]" not in a.text and "[1]" in a.text
    assert len(a.citations) == 1 and a.citations[0].doc == NAP


def test_llm_not_found_abstains_and_tasks_skip_the_llm(nap):
    store = FakeStore([nap])
    llm = FakeListChatModel(responses=["KHÔNG_TÌM_THẤY"])
    answerer = Answerer(store, LexicalSearcher(store.chunks), llm=llm)
    assert answerer.answer("Nam An Phụ có kế hoạch xây dựng cầu cảng không?").abstained
    a = answerer.answer("NAP nv 17 ai chủ trì?")  # answered from the plan model
    assert a.kind == "task" and "Trung tâm Phục vụ hành chính công" in a.text


# ---------------------------------------------------------------- helpers

def test_sentences_and_figures():
    assert split_sentences("a) Câu một. Câu hai; - Ý ba") == ["Câu một.", "Câu hai;", "Ý ba"]
    assert has_figure("đạt 90% trở lên") and has_figure("tối thiểu 30 cơ quan")
    assert not has_figure("theo Nghị quyết số 76/NQ-CP ngày 15/7/2021, năm 2026")


# ---------------------------------------------------------------- CLI contract

def test_cli_batch_prints_the_json_contract(answerer, tmp_path, capsys):
    import argparse
    import json

    from cchc import commands_retrieval as cli

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    cli.register(sub)
    args = parser.parse_args(["ask", "--batch", "q.jsonl", "--json"])
    assert args.func is cli.cmd_ask and args.batch == "q.jsonl" and args.json
    assert parser.parse_args(["eval"]).qa_set.endswith("eval/dev.jsonl")
    assert parser.parse_args(["index", "a", "b"]).paths == ["a", "b"]

    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "q1", "question": "NAP nv 17 ai chủ trì?"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "q2", "question": "nap nv 40 ai chu tri"}) + "\n", encoding="utf-8")
    assert cli._ask_batch(answerer, str(batch), None, True) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == ["q1", "q2"]
    assert set(lines[0]) == {"id", "question", "answer", "abstained", "citations", "latency_ms"}
    assert set(lines[0]["citations"][0]) == {"doc", "title", "locator", "page", "quote"}
    assert lines[0]["citations"][0]["locator"] == "nhiệm vụ 17" and not lines[0]["abstained"]
    assert lines[1]["abstained"] and lines[1]["citations"] == []
    assert lines[1]["answer"] == "Kế hoạch Nam An Phụ (năm 2026) không có nhiệm vụ 40: phụ lục chỉ có nhiệm vụ 1–35."


def test_llm_configuration_from_settings(monkeypatch):
    from assistant.settings import Settings
    from retrieval.llm import LLMConfigError, get_chat_model

    assert get_chat_model(None) is None and get_chat_model("off") is None
    with pytest.raises(LLMConfigError, match="CCHC_LLM_MODEL"):
        get_chat_model("ollama")
    with pytest.raises(LLMConfigError, match="openai|ollama"):
        get_chat_model("bard", "x")
    monkeypatch.setenv("CCHC_LLM", "ollama")
    monkeypatch.setenv("CCHC_LLM_MODEL", "qwen")
    settings = Settings()
    assert settings.llm_enabled and (settings.llm, settings.llm_model) == ("ollama", "qwen")
    try:  # the provider package is optional: a clear error when it is missing
        import langchain_openai  # noqa: F401
    except ImportError:
        with pytest.raises(LLMConfigError, match="langchain-openai"):
            get_chat_model("openai", "gpt-x")


# ---------------------------------------------------------------- LLM answers checked against their sources

LLM_QUESTION = "Nam An Phụ: mức độ hài lòng về giải quyết TTHC đạt bao nhiêu?"


def llm_answer_kind(nap, reply: str):
    store = FakeStore([nap])
    llm = FakeListChatModel(responses=[reply])
    return Answerer(store, LexicalSearcher(store.chunks), llm=llm).answer(LLM_QUESTION)


def test_llm_answer_faithful_to_its_passage_is_kept(nap):
    a = llm_answer_kind(nap, "Mức độ hài lòng về giải quyết thủ tục hành chính đạt 90% trở lên [1].")
    assert a.kind == "llm" and "90%" in a.text


@pytest.mark.parametrize("invention", [
    "Mức độ hài lòng đạt tối thiểu 10% [1].",  # a figure
    "Mức độ hài lòng đạt 90% trở lên, hoàn thành trước ngày 30/6/2026 [1].",  # a date
    "Mức độ hài lòng đạt 90% trở lên, hoàn thành trong Quý III [1].",  # a quarter
    "Mức độ hài lòng đạt 90% trở lên, do Phòng Tư pháp chủ trì [1].",  # a unit name
    "Mức độ hài lòng đạt 90% trở lên (nhiệm vụ 57) [1].",  # a task number
])
def test_llm_inventions_fall_back_to_the_extractive_answer(nap, invention):
    a = llm_answer_kind(nap, invention)
    assert a.kind == "extractive" and not a.abstained
    assert "90%" in a.text and invention.split("[")[0] not in a.text


def test_unsupported_claims_names_each_kind():
    from retrieval.llm import unsupported_claims

    source = ["Nhiệm vụ 22: Phòng Văn hóa – Xã hội xã chủ trì, hoàn thành Quý II/2026, trước 15/07/2026; đạt 90%."]
    assert unsupported_claims("Phòng Văn hoá-Xã hội chủ trì nhiệm vụ 22, quý 2/2026, trước 15/7/2026, 90% [1]",
                              source) == []
    assert unsupported_claims("Phòng Kinh tế chủ trì nhiệm vụ 23, Quý IV/2027, trước 1/6/2026, 10%", source) == [
        "ngày 1/6/2026", "số 10", "số 2027", "số 23", "quý iv", "đơn vị phong kinh te"]
