"""``cchc eval``: run a QA set through the system and the baseline, side by side.

For each question (and for its no-diacritics variant, every diacritic
stripped) the runner records the system's answer (``Answerer.answer``,
timed, warm), the ranked evidence it used, the hybrid search alone, and the
baseline's top chunks (:class:`eval.baseline.BaselineRAG`, same embedder).
It prints accuracy by type (judged by :func:`eval.metrics.judge`),
Recall@1/@5 and MRR, abstention precision/recall, the false-abstention rate
and p50/p95 latency, one column per run.

The baseline's chunks carry no locators, so its retrieval is matched by
text: a gold citation is resolved, through the plan model, to the words it
denotes (the task's content — for "Phụ lục, VI.2.1" row 2.1 of section VI
—, the section's first paragraphs, the annex section heading, or the quote
itself), and a chunk matches when it contains their start
(:func:`gold_snippets`).
"""

from __future__ import annotations

import json
import os
import re
import time
from typing import Any

from eval.metrics import (
    TASK_LOCATOR,
    TYPES,
    first_match_rank,
    judge,
    retrieval_figures,
    strip_diacritics,
    summarize,
)
from ingest.model import Plan
from ingest.textnorm import fold

SNIPPET_CHARS = 40


def load_set(path: str) -> list[dict]:
    """The QA lines of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _flat(text: str | None) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def gold_snippets(citation: dict, plan: Plan | None) -> list[str]:
    """Folded starts of the source words a gold citation denotes (see module docstring)."""
    loc = citation.get("locator", "")
    f = fold(loc)
    out: list[str] = []
    if plan is not None:
        m = TASK_LOCATOR.match(f)
        if m:
            out = [_flat(t.content)[:SNIPPET_CHARS] for t in plan.tasks
                   if (t.number == m.group(1) or t.part_of == m.group(1)) and t.content]
        m = re.match(r"^(?:section|muc)\s+(\S+)$", f)
        if m:
            want = m.group(1).rstrip(".")
            for s in plan.sections:
                if s.locator and (s.locator.lower() == want or s.locator.lower().startswith(want + ".")):
                    out += [_flat(p.text)[:SNIPPET_CHARS] for p in s.paragraphs[:3] if p.text]
                    out.append(_flat(s.heading)[:SNIPPET_CHARS])
        m = re.match(r"^phu luc[,:\s-]*(.+)$", f)
        if m:
            numbered = re.match(r"^([ivxlc]+)\.(\d+(?:\.\d+)*)\b", m.group(1))
            if numbered:  # "Phụ lục, VI.2.1": row 2.1 of section VI
                roman, number = numbered.groups()
                out += [_flat(t.content)[:SNIPPET_CHARS] for t in plan.tasks
                        if (t.number == number or t.part_of == number) and t.content
                        and re.match(roman + r"\b", fold(t.section or ""))]
            else:
                out.append(_flat(m.group(1))[:SNIPPET_CHARS])
    if not out:
        out = [_flat(loc)[:SNIPPET_CHARS]]
    return [s for s in out if len(s) >= 6]


def text_match_rank(item: dict, ranked: list[dict], plans: dict[str, Plan]) -> int | None:
    """1-based rank of the first chunk of ``ranked`` (``doc``, ``quote``)
    holding a gold citation's words, else ``None``."""
    wanted = [(c["doc"], gold_snippets(c, plans.get(c["doc"]))) for c in item.get("citations", [])]
    for rank, chunk in enumerate(ranked, 1):
        text = _flat(chunk.get("quote"))
        for doc, snippets in wanted:
            if chunk.get("doc") == doc and any(s in text for s in snippets):
                return rank
    return None


def _question(item: dict, plain: bool) -> str:
    """The item's question, stripped of diacritics when ``plain``."""
    return strip_diacritics(item["question"]) if plain else item["question"]


def _evidence_dicts(citations) -> list[dict]:
    return [{"doc": c.doc, "locator": c.locator, "quote": c.quote, "section": c.section}
            for c in citations]


def run_system(answerer, items: list[dict], plain: bool = False) -> dict[str, Any]:
    """Answer every item (its question stripped of diacritics when ``plain``).

    Returns ``{"records", "ranks", "search_ranks"}``: answer records (the
    batch contract's keys), the rank of the first evidence matching a gold
    citation, and the same for the hybrid search alone (top 5).
    """
    records, ranks, search_ranks = [], [], []
    for item in items:
        question = _question(item, plain)
        start = time.perf_counter()
        answer = answerer.answer(question)
        ms = (time.perf_counter() - start) * 1000
        records.append({"id": item.get("id"), "question": question, "answer": answer.text,
                        "abstained": answer.abstained,
                        "citations": [c.to_dict() for c in answer.citations],
                        "latency_ms": ms, "kind": answer.kind})
        ranks.append(first_match_rank(item, _evidence_dicts(answer.evidence)))
        hits = answerer.searcher.search(question, k=5) if answerer.searcher else []
        search_ranks.append(first_match_rank(item, _evidence_dicts(
            [answerer.hit_citation(h) for h in hits])))
    return {"records": records, "ranks": ranks, "search_ranks": search_ranks}


def run_baseline(baseline, items: list[dict], plans: dict[str, Plan], plain: bool = False
                 ) -> dict[str, Any]:
    """Ask the baseline every item; ``{"records", "ranks"}`` as :func:`run_system`."""
    records, ranks = [], []
    for item in items:
        question = _question(item, plain)
        record, hits = baseline.ask(question, k=5)
        record.update(id=item.get("id"), question=question)
        records.append(record)
        ranks.append(text_match_rank(item, hits, plans))
    return {"records": records, "ranks": ranks}


def _fmt(v, pct=True) -> str:
    if v is None:
        return "—"
    if isinstance(v, tuple):
        right, total = v
        return f"{100 * right / total:5.1f}% ({right}/{total})" if total else "—"
    return f"{100 * v:5.1f}%" if pct else f"{v:7.1f}"


def format_report(qa_set: str, columns: dict[str, dict]) -> str:
    """The figures as a text table, one column per run."""
    names = list(columns)
    width = 24
    lines = [f"Bộ câu hỏi: {qa_set} ({next(iter(columns.values()))['n']} câu)", ""]
    lines.append("".ljust(22) + "".join(n.rjust(width) for n in names))

    def row(label, getter, pct=True):
        lines.append(label.ljust(22) + "".join(_fmt(getter(columns[n]), pct).rjust(width)
                                                for n in names))

    types = [t for t in TYPES if any(t in c["accuracy"] for c in columns.values())]
    for t in types:
        row(f"đúng: {t}", lambda c, t=t: c["accuracy"].get(t))
    row("đúng: tổng", lambda c: c["overall"])
    row("Recall@1", lambda c: c.get("recall@1"))
    row("Recall@5", lambda c: c.get("recall@5"))
    row("MRR", lambda c: c.get("mrr"))
    row("tìm kiếm lai R@1", lambda c: c.get("search_recall@1"))
    row("tìm kiếm lai R@5", lambda c: c.get("search_recall@5"))
    row("từ chối: precision", lambda c: c.get("abstain_precision"))
    row("từ chối: recall", lambda c: c.get("abstain_recall"))
    row("từ chối nhầm", lambda c: c.get("false_abstain_rate"))
    row("p50 (ms)", lambda c: c.get("p50_ms"), pct=False)
    row("p95 (ms)", lambda c: c.get("p95_ms"), pct=False)
    return "\n".join(lines)


def run_eval(qa_set: str, answerer: Any, baseline: bool = True,
             plain_variant: bool = True, out: str | None = None) -> dict[str, Any]:
    """Evaluate ``answerer`` (:attr:`assistant.service.Assistant.answerer`, over the index) on ``qa_set``.

    Returns ``{"text": report, "columns": {run name: summary}}``; with
    ``out``, also writes every answer record (JSONL, with its run name).
    """
    items = load_set(qa_set)
    plans = answerer.plans
    if answerer.searcher is not None:  # warm-up: the lazily loaded analyzers and models
        answerer.searcher.search(items[0]["question"], k=1)
    answerer.answer(items[0]["question"])
    runs: dict[str, dict] = {"hệ thống": run_system(answerer, items)}
    if plain_variant:
        runs["hệ thống (không dấu)"] = run_system(answerer, items, plain=True)
    if baseline:
        from eval.baseline import BaselineRAG

        store = answerer.store
        paths = [f.get("path") for f in store.manifest.get("files", {}).values()]
        paths = [p for p in paths if p and os.path.exists(p)]
        rag = BaselineRAG(paths, answerer.searcher.embedder,
                          cache_dir=os.path.join(store.home, "baseline-cache"))
        runs["baseline"] = run_baseline(rag, items, plans)
        if plain_variant:
            runs["baseline (không dấu)"] = run_baseline(rag, items, plans, plain=True)
    columns = {}
    for name, run in runs.items():
        summary = summarize(items, run["records"], run["ranks"])
        if "search_ranks" in run:  # the search's top 5 only, so any rank is within 5
            search = retrieval_figures(items, run["search_ranks"])
            summary["search_recall@1"] = search["recall@1"]
            summary["search_recall@5"] = search["recall@5"]
        columns[name] = summary
    if out:
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        with open(out, "w", encoding="utf-8") as fh:
            for name, run in runs.items():
                for item, rec, rank in zip(items, run["records"], run["ranks"]):
                    line = dict(rec, run=name, type=item.get("type"), rank=rank,
                                right=judge(item, rec))
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return {"text": format_report(qa_set, columns), "columns": columns}
