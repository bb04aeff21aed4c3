"""``cchc eval``: run the QA sets through the system and the baseline, side by side.

By default the dev side (``eval/dev.jsonl`` and ``eval/dev-conv.jsonl``)
and the locked side (``eval/locked.jsonl``, ``eval/locked-conv.jsonl``)
run in one process on one index; :func:`format_comparison` prints them
next to each other with the gap (dev minus locked, in points) per type,
per class of the locked set, for the no-diacritics variant and for the
conversation turns. Conversations are judged turn by turn: the system
answers the turns of one conversation, in order, through one
:class:`retrieval.conversation.Conversation` (the state ``cchc ask`` keeps on
standard input); the baseline, which has no conversation state, answers
each turn on its own.

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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eval.metrics import (
    TASK_LOCATOR,
    TYPES,
    accuracy_by,
    first_match_rank,
    judge,
    retrieval_figures,
    strip_diacritics,
    summarize,
)
from ingest.model import Plan
from ingest.textnorm import fold

if TYPE_CHECKING:
    from eval.baseline import BaselineRAG
    from retrieval.answer import Answerer
    from retrieval.answering.model import Citation

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


def _evidence_dicts(citations: list[Citation]) -> list[dict]:
    return [{"doc": c.doc, "locator": c.locator, "quote": c.quote, "section": c.section}
            for c in citations]


def run_system(answerer: Answerer, items: list[dict], plain: bool = False) -> dict[str, Any]:
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


def flatten_turns(conversations: list[dict]) -> list[dict]:
    """The turns of ``conversations`` as judgeable items, in order, with
    ``id`` "<conversation id>#<turn number>" and ``conversation`` the id."""
    out = []
    for conv in conversations:
        for n, turn in enumerate(conv.get("turns", []), 1):
            out.append(dict(turn, id=f"{conv.get('id')}#{n}", conversation=conv.get("id")))
    return out


def run_conversations(answerer: Answerer, conversations: list[dict], plain: bool = False
                      ) -> dict[str, Any]:
    """Answer every turn through one :class:`retrieval.conversation.Conversation` per
    conversation (questions stripped of diacritics when ``plain``).

    Returns ``{"items", "records", "ranks"}`` over the flattened turns
    (:func:`flatten_turns`), records and ranks as :func:`run_system`.
    """
    from retrieval.conversation import Conversation

    items = flatten_turns(conversations)
    records, ranks = [], []
    current, conversation = None, None
    for item in items:
        if item["conversation"] != current or conversation is None:
            current, conversation = item["conversation"], Conversation(answerer)
        question = _question(item, plain)
        start = time.perf_counter()
        answer = conversation.ask(question)
        ms = (time.perf_counter() - start) * 1000
        records.append({"id": item["id"], "question": question, "answer": answer.text,
                        "abstained": answer.abstained,
                        "citations": [c.to_dict() for c in answer.citations],
                        "latency_ms": ms, "kind": answer.kind})
        ranks.append(first_match_rank(item, _evidence_dicts(answer.evidence)))
    return {"items": items, "records": records, "ranks": ranks}


def conversations_right(items: list[dict], records: list[dict]) -> tuple[int, int]:
    """(conversations with every turn right, conversations) over flattened turns."""
    whole: dict[str, bool] = {}
    for item, rec in zip(items, records):
        cid = str(item.get("conversation") or item.get("id"))
        whole[cid] = whole.get(cid, True) and judge(item, rec)
    return sum(whole.values()), len(whole)


def run_baseline(baseline: BaselineRAG, items: list[dict], plans: dict[str, Plan], plain: bool = False
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


def _fmt(v: float | tuple[int, int] | None, pct: bool = True) -> str:
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

    def row(label: str, getter: Callable[..., Any], pct: bool = True) -> None:
        lines.append(label.ljust(22) + "".join(_fmt(getter(columns[n]), pct).rjust(width)
                                                for n in names))

    types = [t for t in TYPES if any(t in c["accuracy"] for c in columns.values())]
    for t in types:
        row(f"đúng: {t}", lambda c, t=t: c["accuracy"].get(t))
    row("đúng: tổng", lambda c: c["overall"])
    if any("conversations" in c for c in columns.values()):
        row("hội thoại trọn cuộc", lambda c: c.get("conversations"))
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


def _summaries(items: list[dict], runs: dict[str, dict]) -> dict[str, dict]:
    """One :func:`summarize` per run, with the per-class accuracy, the
    search-alone figures when the run has them, and whole conversations."""
    columns = {}
    for name, run in runs.items():
        its = run.get("items", items)
        summary = summarize(its, run["records"], run["ranks"])
        summary["by_class"] = accuracy_by("class", its, run["records"])
        if "search_ranks" in run:  # the search's top 5 only, so any rank is within 5
            search = retrieval_figures(its, run["search_ranks"])
            summary["search_recall@1"] = search["recall@1"]
            summary["search_recall@5"] = search["recall@5"]
        if any("conversation" in it for it in its):
            summary["conversations"] = conversations_right(its, run["records"])
        columns[name] = summary
    return columns


SYSTEM, SYSTEM_PLAIN, BASELINE, BASELINE_PLAIN = (
    "hệ thống", "hệ thống (không dấu)", "baseline", "baseline (không dấu)")


def _evaluate(answerer: Answerer, rag: BaselineRAG | None, items: list[dict] | None, conversations: list[dict] | None,
              plans: dict[str, Plan], plain_variant: bool) -> dict[str, dict]:
    """The runs of one set: questions (``items``) or ``conversations``."""
    runs: dict[str, dict] = {}
    variants = [(False, SYSTEM, BASELINE)] + ([(True, SYSTEM_PLAIN, BASELINE_PLAIN)]
                                              if plain_variant else [])
    for plain, sys_name, _ in variants:
        if conversations is not None:
            runs[sys_name] = run_conversations(answerer, conversations, plain=plain)
        else:
            runs[sys_name] = run_system(answerer, items or [], plain=plain)
    for plain, sys_name, base_name in variants:
        if rag is not None:
            its = runs[sys_name].get("items", items or [])
            runs[base_name] = dict(run_baseline(rag, its, plans, plain=plain), items=its)
    return runs


def _open_baseline(answerer: Answerer) -> BaselineRAG:
    from eval.baseline import BaselineRAG

    store = answerer.store
    paths = [f.get("path") for f in store.manifest.get("files", {}).values()]
    paths = [p for p in paths if p and os.path.exists(p)]
    searcher = answerer.searcher
    if searcher is None:
        raise ValueError("the baseline needs the index's embedder: open the answerer with a searcher")
    return BaselineRAG(paths, searcher.embedder,
                       cache_dir=os.path.join(store.home, "baseline-cache"))


def _gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> str:
    """``a`` minus ``b`` in points, both (right, total) or None."""
    if not a or not b or not a[1] or not b[1]:
        return "—"
    return f"{100 * (a[0] / a[1] - b[0] / b[1]):+5.1f}"


def format_comparison(dev: dict[str, dict], locked: dict[str, dict],
                      dev_conv: dict[str, dict] | None = None,
                      locked_conv: dict[str, dict] | None = None) -> str:
    """Dev and locked side by side: per type, overall, no diacritics and
    conversation turns, for the system and the baseline, with the gap
    (dev − locked, points); then the locked set's accuracy per class."""
    names = ["dev: hệ thống", "locked: hệ thống", "chênh lệch", "dev: baseline",
             "locked: baseline"]
    width = 20
    lines = ["So sánh dev – locked (chênh lệch = dev − locked, điểm %)", "",
             "".ljust(26) + "".join(n.rjust(width) for n in names)]

    def row(label: str, d: dict[str, Any], lk: dict[str, Any]) -> None:
        ds, ls = d.get(SYSTEM), lk.get(SYSTEM)
        db, lb = d.get(BASELINE), lk.get(BASELINE)
        cells = [_fmt(ds), _fmt(ls), _gap(ds, ls), _fmt(db), _fmt(lb)]
        lines.append(label.ljust(26) + "".join(c.rjust(width) for c in cells))

    def pick(columns: dict[str, dict] | None, key: str, sub: str | None = None) -> dict[str, Any]:
        out = {}
        for name, c in (columns or {}).items():
            v = c.get(key) if sub is None else c.get(key, {}).get(sub)
            out[name] = v
        return out

    types = [t for t in TYPES if any(t in c["accuracy"] for c in list(dev.values()) + list(locked.values()))]
    for t in types:
        row(t, pick(dev, "accuracy", t), pick(locked, "accuracy", t))
    row("tổng", pick(dev, "overall"), pick(locked, "overall"))
    plain_d = {SYSTEM: (dev.get(SYSTEM_PLAIN) or {}).get("overall"),
               BASELINE: (dev.get(BASELINE_PLAIN) or {}).get("overall")}
    plain_l = {SYSTEM: (locked.get(SYSTEM_PLAIN) or {}).get("overall"),
               BASELINE: (locked.get(BASELINE_PLAIN) or {}).get("overall")}
    row("tổng, không dấu", plain_d, plain_l)
    if dev_conv is not None or locked_conv is not None:
        row("hội thoại: từng lượt", pick(dev_conv, "overall"), pick(locked_conv, "overall"))
        row("hội thoại: trọn cuộc", pick(dev_conv, "conversations"),
            pick(locked_conv, "conversations"))
    classes = sorted({k for c in locked.values() for k in c.get("by_class", {})})
    if classes:
        lines += ["", "locked theo loại câu hỏi (class)", "",
                  "".ljust(26) + "".join(n.rjust(width) for n in ("hệ thống", "không dấu", "baseline"))]
        for k in classes:
            cells = [_fmt((locked.get(n) or {}).get("by_class", {}).get(k))
                     for n in (SYSTEM, SYSTEM_PLAIN, BASELINE)]
            lines.append(k.ljust(26) + "".join(c.rjust(width) for c in cells))
    return "\n".join(lines)


def run_eval(qa_set: str, answerer: Any, baseline: bool = True,
             plain_variant: bool = True, out: str | None = None,
             locked: str | None = None, conv: str | None = None,
             locked_conv: str | None = None) -> dict[str, Any]:
    """Evaluate ``answerer`` (:attr:`assistant.service.Assistant.answerer`, over
    the index) on ``qa_set`` and, when given, the
    locked set ``locked`` and the conversation sets ``conv`` (dev side) and
    ``locked_conv``; a set whose file does not exist is skipped.

    Returns ``{"text": report, "columns": {run name: summary} of qa_set,
    "sets": {set path: columns}}``; with ``out``, also writes every answer
    record (JSONL, with its set and run name).
    """
    items = load_set(qa_set)
    plans = answerer.plans
    if answerer.searcher is not None:  # warm-up: the lazily loaded analyzers and models
        answerer.searcher.search(items[0]["question"], k=1)
    answerer.answer(items[0]["question"])
    rag = _open_baseline(answerer) if baseline else None
    sets: dict[str, tuple[list[dict], dict[str, dict]]] = {}
    sets[qa_set] = (items, _evaluate(answerer, rag, items, None, plans, plain_variant))
    for path, is_conv in ((locked, False), (conv, True), (locked_conv, True)):
        if path and os.path.exists(path):
            data = load_set(path)
            runs = _evaluate(answerer, rag, None if is_conv else data, data if is_conv else None,
                             plans, plain_variant)
            sets[path] = (data, runs)
    columns = {path: _summaries(data, runs) for path, (data, runs) in sets.items()}
    texts = [format_report(path, cols) for path, cols in columns.items()]
    if locked in columns:
        texts.append(format_comparison(columns[qa_set], columns[locked],
                                       columns.get(conv or ""), columns.get(locked_conv or "")))
    if out:
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        with open(out, "w", encoding="utf-8") as fh:
            for path, (data, runs) in sets.items():
                for name, run in runs.items():
                    its = run.get("items", data)
                    for item, rec, rank in zip(its, run["records"], run["ranks"]):
                        line = dict(rec, set=path, run=name, type=item.get("type"), rank=rank,
                                    right=judge(item, rec))
                        fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return {"text": "\n\n".join(texts), "columns": columns[qa_set], "sets": columns}
