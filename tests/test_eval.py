"""The evaluation: judging rules of eval/qa-format.md, retrieval matching,
aggregation, the baseline's splitter/search and the runner's report.

The baseline and runner are exercised with a small deterministic embedder
(hashed bag of words) so no index has to be built here.
"""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pytest

from eval.baseline import BaselineRAG, split_text
from eval.metrics import (
    contains,
    first_match_rank,
    judge,
    locator_matches,
    normalize,
    strip_diacritics,
    summarize,
)
from eval.runner import format_report, gold_snippets, load_set, run_baseline, text_match_rank
from ingest.model import Paragraph, Plan, Section, Task
from ingest.textnorm import fold


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

class HashEmbeddings:
    """Deterministic bag-of-folded-words vectors (64 buckets), unit length."""

    embedder_id = "hash64"

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


def test_split_text_windows_overlap_and_cover():
    text = " ".join(f"từ{i}" for i in range(600))
    pieces = split_text(text, size=200, overlap=40)
    assert all(len(p) <= 200 for p in pieces)
    assert pieces[0].startswith("từ0 ") and pieces[-1].endswith("từ599")
    for a, b in zip(pieces, pieces[1:]):  # consecutive windows share text
        assert a[-20:].split()[-1] in b


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
    assert not record["abstained"]
    assert len(list(cache.glob("baseline-*.npy"))) == 1
    again = BaselineRAG([str(corpus)], HashEmbeddings(), cache_dir=str(cache))  # from cache
    assert np.allclose(again.index.reconstruct(0), rag.index.reconstruct(0))


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
