"""Speed benchmark of answering: warm latency per question (p50/p95/max, by
intent) and the cold time of one ``cchc ask`` process, beside the plain-RAG
baseline's warm latency on the same questions, all in one run.

``python -m eval.bench_ask [--home DIR] [--set eval/dev.jsonl] [--extra FILE…]
[--no-cold] [--no-baseline]`` needs a built index (``cchc index corpus``).
Targets (issue 10): warm p95 ≤ 300 ms per question, cold ``cchc ask`` ≤ 10 s.
Figures are printed, not asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

__all__ = ["main", "percentile"]

WARM_P95_MS = 300.0
COLD_S = 10.0


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by nearest rank; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def _questions(paths: list[str]) -> list[str]:
    out: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    item = json.loads(line)
                    if "question" in item:
                        out.append(item["question"])
                    out += [t["question"] for t in item.get("turns", [])]
    return out


def _row(name: str, values: list[float]) -> str:
    return (f"{name:<28}{len(values):>6}{statistics.median(values) if values else 0:>10.1f}"
            f"{percentile(values, 0.95):>10.1f}{max(values) if values else 0:>10.1f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; returns 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", default=os.environ.get("CCHC_HOME"))
    ap.add_argument("--set", dest="qa_set", default="eval/dev.jsonl")
    ap.add_argument("--extra", nargs="*", default=[], help="more QA files (e.g. a generated bank)")
    ap.add_argument("--no-cold", action="store_true")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)

    from retrieval.cli import load_answerer

    questions = _questions([args.qa_set] + args.extra)
    t0 = time.perf_counter()
    answerer = load_answerer(args.home)
    open_s = time.perf_counter() - t0
    answerer.answer(questions[0])  # warm-up: lazily loaded analyzers and the model
    by_intent: dict[str, list[float]] = {}
    every: list[float] = []
    for q in questions:
        t = time.perf_counter()
        answer = answerer.answer(q)
        ms = 1000 * (time.perf_counter() - t)
        every.append(ms)
        intent = str(answer.query.intent) if answer.query is not None else "?"
        by_intent.setdefault(intent, []).append(ms)

    print(f"{'':<28}{'câu':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    print(_row("hệ thống (ấm)", every))
    for intent, values in sorted(by_intent.items()):
        print(_row(f"  {intent}", values))
    if not args.no_baseline and answerer.searcher is not None:
        from eval.baseline import BaselineRAG

        store = answerer.store
        paths = [f.get("path") for f in store.manifest.get("files", {}).values()]
        paths = [p for p in paths if p and os.path.exists(p)]
        rag = BaselineRAG(paths, answerer.searcher.embedder,
                          cache_dir=os.path.join(store.home, "baseline-cache"))
        rag.ask(questions[0])
        base: list[float] = []
        for q in questions:
            t = time.perf_counter()
            rag.ask(q)
            base.append(1000 * (time.perf_counter() - t))
        print(_row("baseline RAG (ấm)", base))
    print(f"mở chỉ mục trong tiến trình: {open_s:.2f} s")
    p95 = percentile(every, 0.95)
    print(f"p95 ấm {p95:.1f} ms (mục tiêu ≤ {WARM_P95_MS:.0f} ms): {'đạt' if p95 <= WARM_P95_MS else 'CHƯA ĐẠT'}")
    if not args.no_cold:
        env = dict(os.environ)
        if args.home:
            env["CCHC_HOME"] = args.home
        cmd = [sys.executable, "-m", "cchc.cli", "ask", questions[0]]
        t = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        cold = time.perf_counter() - t
        state = "đạt" if cold <= COLD_S and done.returncode == 0 else "CHƯA ĐẠT"
        print(f"cchc ask nguội: {cold:.2f} s (mục tiêu ≤ {COLD_S:.0f} s, mã thoát {done.returncode}): {state}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
