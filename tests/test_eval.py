"""The evaluation: judging rules of eval/qa-format.md, retrieval matching,
aggregation, the baseline's splitter/search, the runner's report, the
conversation runner, and the gold checks of the locked sets.

The baseline and runner are exercised with a small deterministic embedder
(hashed bag of words, a langchain-core ``Embeddings``) so no index has to
be built here; conversations run through the real answerer over the seed
plans with the lexical stand-in searcher of ``tests/test_answer.py``.
"""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from eval.baseline import BaselineRAG, split_text
from eval.check_sets import Corpus, check_file, check_question
from eval.metrics import (
    accuracy_by,
    contains,
    first_match_rank,
    judge,
    locator_matches,
    normalize,
    strip_diacritics,
    summarize,
)
from eval.runner import (
    conversations_right,
    format_comparison,
    format_report,
    gold_snippets,
    load_set,
    run_baseline,
    run_conversations,
    text_match_rank,
)
from ingest.model import Paragraph, Plan, Section, Task
from ingest.pipeline import parse_file
from ingest.textnorm import fold
from retrieval.answer import Answerer
from retrieval.cli import Conversation
from tests.paths import REPO
from tests.test_answer import FakeStore, LexicalSearcher

EVAL = REPO / "eval"


# ---------------------------------------------------------------- judging

def test_normalize_unifies_case_dashes_and_tone_placement():
    assert normalize("Phòng Văn hoá- Xã hội") == normalize("phòng văn hóa – xã hội")
    assert normalize("Thủy") == normalize("thuỷ")
    assert normalize("  Quý   I/2026 ") == "quý i/2026"


def test_bare_numbers_match_whole_tokens_only():
    assert contains("Nhiệm vụ 2, 17, 29.", "2")
    assert not contains("Cả năm 2026", "2")
    assert not contains("mục 2.3", "2")
    assert contains("đạt 90% trở lên", "90%")
    assert contains("Trước ngày 15/01/2026", "15/01/2026")
    assert contains("Phòng Văn hoá- Xã hội chủ trì", "Phòng Văn hóa – Xã hội")


def test_judge_answerable_and_unanswerable():
    item = {"type": "task_lookup", "must_include": ["Phòng Kinh tế", "Quý I"],
            "citations": [{"doc": "a.txt", "locator": "task 22"}]}
    good = {"answer": "Phòng Kinh tế chủ trì; Quý I hàng năm", "abstained": False,
            "citations": [{"doc": "a.txt"}]}
    assert judge(item, good)
    assert not judge(item, dict(good, citations=[{"doc": "b.txt"}]))  # wrong plan cited
    assert not judge(item, dict(good, answer="Phòng Kinh tế chủ trì"))  # a must_include missing
    assert not judge(item, dict(good, abstained=True))
    unanswerable = {"type": "unanswerable", "must_include": [], "citations": []}
    assert judge(unanswerable, {"answer": "Không tìm thấy", "abstained": True, "citations": []})
    assert not judge(unanswerable, good)


# ---------------------------------------------------------------- retrieval matching

@pytest.mark.parametrize("gold, locator, quote, section, expected", [
    ("task 22", "nhiệm vụ 22", "", None, True),
    ("task 24", "nhiệm vụ 24 (dòng con)", "", None, True),
    ("task 2", "nhiệm vụ 22", "", None, False),
    ("section II.2", "mục II.2.b", "", None, True),
    ("section II.2.b", "mục II.2", "", None, False),
    ("section II.2", "mục II.20", "", None, False),
    ("Phụ lục, II. Cải cách thể chế", "nhiệm vụ 10", "", "II. Cải cách thể chế", True),
    ("Phụ lục, II. Cải cách thể chế", "nhiệm vụ 17", "", "III. Cải cách thủ tục hành chính", False),
    ("Phụ lục, VI.2.1", "nhiệm vụ 2.1", "", "VI. Xây dựng chính quyền số", True),
    ("Phụ lục, VI.2.1", "nhiệm vụ 2.1", "", "II. Cải cách thủ tục hành chính", False),
    ("tổng đài 1022", "mục II.2.b", "qua tổng đài 1022 của tỉnh", None, True),
])
def test_locator_matches(gold, locator, quote, section, expected):
    assert locator_matches(gold, locator, quote, section) is expected


def test_first_match_rank_needs_the_same_doc():
    item = {"citations": [{"doc": "a.txt", "locator": "task 5"}]}
    ranked = [{"doc": "b.txt", "locator": "nhiệm vụ 5"}, {"doc": "a.txt", "locator": "nhiệm vụ 4"},
              {"doc": "a.txt", "locator": "nhiệm vụ 5"}]
    assert first_match_rank(item, ranked) == 3
    assert first_match_rank(item, ranked[:2]) is None


def test_summarize_figures():
    items = [{"type": "task_lookup", "must_include": ["X"], "citations": [{"doc": "a", "locator": "task 1"}]},
             {"type": "task_lookup", "must_include": ["Y"], "citations": [{"doc": "a", "locator": "task 2"}]},
             {"type": "unanswerable", "must_include": [], "citations": []},
             {"type": "unanswerable", "must_include": [], "citations": []}]
    records = [{"answer": "X", "abstained": False, "citations": [{"doc": "a"}], "latency_ms": 10},
               {"answer": "", "abstained": True, "citations": [], "latency_ms": 20},
               {"answer": "", "abstained": True, "citations": [], "latency_ms": 30},
               {"answer": "Z", "abstained": False, "citations": [{"doc": "a"}], "latency_ms": 40}]
    s = summarize(items, records, ranks=[1, 3, None, None])
    assert s["accuracy"] == {"task_lookup": (1, 2), "unanswerable": (1, 2)}
    assert s["overall"] == (2, 4)
    assert s["abstain_precision"] == 0.5 and s["abstain_recall"] == 0.5
    assert s["false_abstain_rate"] == 0.5
    assert s["recall@1"] == 0.5 and s["recall@5"] == 1.0 and s["mrr"] == pytest.approx((1 + 1 / 3) / 2)
    assert s["p50_ms"] == 25 and s["p95_ms"] == pytest.approx(38.5)


def test_strip_diacritics_keeps_case():
    assert strip_diacritics("Đặt chỉ tiêu Quý I") == "Dat chi tieu Quy I"


# ---------------------------------------------------------------- baseline

class HashEmbeddings(Embeddings):
    """Deterministic bag-of-folded-words vectors (64 buckets), unit length."""

    embedder_id = "hash64"

    def embed_documents(self, texts):
        return [self._vec(t).tolist() for t in texts]

    def embed_query(self, text):
        return self._vec(text).tolist()

    def _vec(self, text):
        v = np.zeros(64, dtype=np.float32)
        for w in re.findall(r"\w+", fold(text)):
            v[int(hashlib.md5(w.encode()).hexdigest(), 16) % 64] += 1
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode_passages(self, texts):
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, 64), np.float32)

    def encode_query(self, text):
        return self._vec(text)


def test_split_text_is_langchains_recursive_splitter():
    text = "\n".join(" ".join(f"từ{i}-{j}" for j in range(12)) for i in range(60))
    pieces = split_text(text, size=200, overlap=40)
    assert all(len(p) <= 200 for p in pieces)
    assert pieces[0].startswith("từ0-0 ") and pieces[-1].endswith("từ59-11")
    assert all(p.split()[-1].startswith("từ") for p in pieces)  # cut at separators, not in a word
    joined = " ".join(pieces)
    assert all(f"từ{i}-11" in joined for i in range(60))  # nothing lost


def test_baseline_answers_with_top_chunk_and_caches_vectors(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "KẾ HOẠCH cải cách hành chính xã Thử Nghiệm năm 2026\n"
        + "Nội dung chung về cải cách hành chính. " * 60
        + "\nMức độ hài lòng của người dân về giải quyết thủ tục hành chính đạt 95% trở lên.\n",
        encoding="utf-8")
    cache = tmp_path / "cache"
    rag = BaselineRAG([str(corpus)], HashEmbeddings(), cache_dir=str(cache))
    assert len(rag.chunks) > 2
    record, hits = rag.ask("mức độ hài lòng về giải quyết thủ tục hành chính đạt bao nhiêu")
    assert "95%" in record["answer"] and record["citations"][0]["doc"] == "a.txt"
    assert not record["abstained"] and hits[0]["quote"] == record["answer"]
    assert len(list(cache.glob("baseline-*.npy"))) == 1
    assert type(rag.store).__name__ == "FAISS"  # langchain-community's vector store
    again = BaselineRAG([str(corpus)], HashEmbeddings(), cache_dir=str(cache))  # from cache
    assert np.allclose(again.index.reconstruct(0), rag.index.reconstruct(0))
    q = "giải quyết thủ tục hành chính"
    assert [h["quote"] for h in again.search(q, k=3)] == [h["quote"] for h in rag.search(q, k=3)]


def test_gold_snippets_resolve_through_the_plan():
    plan = Plan(doc="a.txt", sections=[Section("II.2", "2. Chỉ tiêu", 2, paragraphs=[
        Paragraph("b) Tỷ lệ hồ sơ trực tuyến đạt 80%.")])],
        tasks=[Task(doc="a.txt", number="22", content="Báo cáo giải ngân vốn đầu tư công hằng năm")])
    assert gold_snippets({"doc": "a.txt", "locator": "task 22"}, plan) == [
        fold("Báo cáo giải ngân vốn đầu tư công hằng năm")[:40]]
    assert any("ty le ho so" in s for s in gold_snippets({"doc": "a.txt", "locator": "section II.2"}, plan))
    item = {"citations": [{"doc": "a.txt", "locator": "task 22"}]}
    ranked = [{"doc": "a.txt", "quote": "khác"},
              {"doc": "a.txt", "quote": "22\tBáo cáo giải ngân vốn đầu tư công hằng năm\tPhòng"}]
    assert text_match_rank(item, ranked, {"a.txt": plan}) == 2


def test_run_baseline_and_report(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Báo cáo năm gửi trước ngày 05/12/2026.\n" * 3, encoding="utf-8")
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "1", "type": "body_fact", "question": "báo cáo năm gửi trước ngày nào",
         "must_include": ["05/12/2026"], "citations": [{"doc": "a.txt", "locator": "05/12/2026"}]},
        {"id": "2", "type": "unanswerable", "question": "kinh phí bao nhiêu",
         "must_include": [], "citations": []},
    ]) + "\n", encoding="utf-8")
    items = load_set(str(qa))
    rag = BaselineRAG([str(corpus)], HashEmbeddings())
    run = run_baseline(rag, items, {})
    assert [r["abstained"] for r in run["records"]] == [False, False]
    assert run["ranks"][0] == 1
    summary = summarize(items, run["records"], run["ranks"])
    assert summary["accuracy"] == {"body_fact": (1, 1), "unanswerable": (0, 1)}
    text = format_report(str(qa), {"baseline": summary})
    assert "body_fact" in text and "100.0% (1/1)" in text and "Recall@1" in text


# ---------------------------------------------------------------- must_exclude, classes

def test_judge_rejects_an_answer_listing_an_excluded_row():
    item = {"type": "filter", "must_include": ["17"], "must_exclude": ["18", "19"],
            "citations": [{"doc": "a.txt", "locator": "task 17"}]}
    rec = {"answer": "Nhiệm vụ 17 (Quý I năm 2026).", "abstained": False, "citations": [{"doc": "a.txt"}]}
    assert judge(item, rec)
    assert not judge(item, dict(rec, answer="Nhiệm vụ 17, 18, 19, 20."))  # the exclusion ignored
    assert judge(item, dict(rec, answer="Nhiệm vụ 17 – hạn 18/3/2026"))  # a date is not row 18


def test_accuracy_by_class_counts_only_items_with_a_class():
    items = [{"type": "filter", "class": "filter_empty", "must_include": ["1"], "citations": []},
             {"type": "filter", "class": "filter_empty", "must_include": ["2"], "citations": []},
             {"type": "unanswerable", "class": "unanswerable", "must_include": [], "citations": []},
             {"type": "filter", "must_include": ["3"], "citations": []}]
    recs = [{"answer": "1", "abstained": False}, {"answer": "x", "abstained": False},
            {"answer": "", "abstained": True}, {"answer": "3", "abstained": False}]
    assert accuracy_by("class", items, recs) == {"filter_empty": (1, 2), "unanswerable": (1, 1)}


# ---------------------------------------------------------------- conversations

@pytest.fixture(scope="module")
def seed_answerer(seeds_dir) -> Answerer:
    """The real answerer over the parsed Nam An Phụ and Trường Xuân seeds."""
    plans = [parse_file(p) for p in sorted(seeds_dir.glob("00[12]_*.txt"))]
    store = FakeStore(plans)
    return Answerer(store, LexicalSearcher(store.chunks))


def test_conversation_keeps_the_previous_turn(seed_answerer):
    conv = Conversation(seed_answerer)
    first = conv.ask("Trường Xuân nhiệm vụ 22 ai chủ trì?")
    assert "Phòng Kinh tế" in first.text
    follow = conv.ask("thế thời gian thì sao?")
    assert "Quý I hàng năm" in follow.text and len(conv.history) == 2
    alone = Conversation(seed_answerer).ask("thế thời gian thì sao?")
    assert "Quý I hàng năm" not in alone.text  # the follow-up needs the state


def test_run_conversations_judges_turns_through_one_state_per_conversation(seed_answerer):
    convs = load_set(str(EVAL / "qa-sample-conv.jsonl")) + [{"id": "x", "turns": [
        {"question": "thế thời gian thì sao?", "type": "task_lookup", "must_include": ["Quý I hàng năm"],
         "citations": [{"doc": "002_b6a4a2778198d6b8.txt", "locator": "task 22"}]}]}]
    run = run_conversations(seed_answerer, convs)
    assert [it["id"] for it in run["items"]] == ["sc1#1", "sc1#2", "sc1#3", "x#1"]
    right = [judge(it, rec) for it, rec in zip(run["items"], run["records"])]
    assert right[:2] == [True, True]  # "thế thời gian thì sao?" resolved against task 22
    assert right[3] is False  # a new conversation starts with no state
    assert conversations_right(run["items"], run["records"])[1] == 2
    summary = summarize(run["items"], run["records"], run["ranks"])
    summary["conversations"] = conversations_right(run["items"], run["records"])
    text = format_report("conv", {"hệ thống": summary})
    assert "hội thoại trọn cuộc" in text


def test_format_comparison_prints_the_gap_and_the_classes():
    def col(acc, overall, by_class=None):
        return {"n": 4, "accuracy": acc, "overall": overall, "by_class": by_class or {}}
    dev = {"hệ thống": col({"filter": (9, 10)}, (9, 10)), "baseline": col({"filter": (1, 10)}, (1, 10))}
    locked = {"hệ thống": col({"filter": (7, 10)}, (7, 10), {"filter_empty": (1, 2)}),
              "baseline": col({"filter": (0, 10)}, (0, 10), {"filter_empty": (0, 2)})}
    text = format_comparison(dev, locked)
    assert "+20.0" in text and "filter_empty" in text and "50.0% (1/2)" in text


# ---------------------------------------------------------------- the locked sets

def test_locked_sets_are_what_the_plans_say(seeds_dir):
    """Every gold string of the locked sets occurs in a cited plan (and in
    the cited task's row for task lookups); ids are unique."""
    corpus = Corpus(seeds_dir)
    for name in ("locked.jsonl", "locked-conv.jsonl", "calibration.jsonl", "dev-conv.jsonl"):
        assert check_file(EVAL / name, corpus) == [], name


def test_locked_set_covers_the_classes_and_the_plain_third():
    items = load_set(str(EVAL / "locked.jsonl"))
    assert len(items) >= 150
    classes = {it["class"] for it in items}
    for needed in ("content_lookup", "section_number", "multi_field", "filter_exclusion", "filter_empty",
                   "filter_date", "filter_topic", "filter_product", "filter_section", "filter_quarter",
                   "aggregate", "cross_plan", "body_duties", "body_list", "body_funding",
                   "body_reporting", "body_count", "unanswerable"):
        assert needed in classes, needed
    plain = [it for it in items if it["question"] == strip_diacritics(it["question"])]
    assert len(plain) * 3 >= len(items)
    convs = load_set(str(EVAL / "locked-conv.jsonl"))
    assert len(convs) >= 20 and all(2 <= len(c["turns"]) <= 4 for c in convs)
    dev_questions = {it["question"] for it in load_set(str(EVAL / "dev.jsonl"))}
    assert not dev_questions & {it["question"] for it in items}
    assert not {it["id"] for it in items} & {it["id"] for it in load_set(str(EVAL / "calibration.jsonl"))}


def test_check_question_reports_a_string_the_plan_does_not_say(seeds_dir):
    corpus = Corpus(seeds_dir)
    q = {"type": "task_lookup", "answer": "Phòng Tư pháp", "must_include": ["Phòng Tư pháp"],
         "citations": [{"doc": "002_b6a4a2778198d6b8.txt", "locator": "task 22"}]}
    problems = check_question("q", q, corpus)
    assert any("not in the cited documents" in p for p in problems)
    q = dict(q, answer="Phòng Văn hóa - Xã hội", must_include=["Phòng Văn hóa - Xã hội"])
    assert any("row of task 22" in p for p in check_question("q", q, corpus))  # in the plan, not in row 22
