"""Load benchmark: concurrent app sessions asking questions at once.

    python -m eval.bench_load [--mode engine|apptest] [--sessions 20] [--questions 3] [--home .cchc]

``--mode engine`` (default): ``--sessions`` threads share one answerer
loaded once, as the app's sessions share the ``st.cache_resource`` engine
(:mod:`ui.resources`), and each asks ``--questions`` questions from
``eval/dev.jsonl`` one after the other: the server-side cost of an answer
under concurrent use. ``--mode apptest`` runs whole Streamlit sessions of
``app.py`` through ``AppTest``, one per thread (page script included);
AppTest keeps some state per process, so concurrent AppTests can fail
inside Streamlit itself ("Runtime hasn't been created"): such failures are
counted apart as harness errors. Printed: p50/p95/max seconds per
answer and per first page load, errors, and the process's resident memory
(peak and after the run). The index must exist (``cchc index corpus``, or
``--home``); nothing is written.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.answer import Answerer

REPO = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _questions(n: int) -> list[str]:
    out = []
    with open(REPO / "eval" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item.get("question"):
                out.append(item["question"])
    return out[: max(n * 7, n)]


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def session(idx: int, questions: list[str], n: int, timeout: float, out: dict) -> None:
    """One user: open the app, ask ``n`` questions; record latencies and errors."""
    from streamlit.testing.v1 import AppTest

    try:
        start = time.perf_counter()
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=timeout)
        at.run()
        out["load"].append(time.perf_counter() - start)
        if at.exception:
            out["errors"].append(f"session {idx}: {at.exception[0].value}")
            return
        for k in range(n):
            question = questions[(idx * n + k) % len(questions)]
            start = time.perf_counter()
            at.chat_input(key="chat_input").set_value(question).run()
            out["answer"].append(time.perf_counter() - start)
            if at.exception:
                out["errors"].append(f"session {idx}: {at.exception[0].value}")
    except Exception as err:  # noqa: BLE001 - counted and printed
        out["errors"].append(f"session {idx} (harness): {type(err).__name__}: {str(err)[:120]}")


def engine_user(idx: int, answerer: Answerer, questions: list[str], n: int, out: dict) -> None:
    """One user of the shared answerer: ``n`` questions, latencies recorded."""
    try:
        for k in range(n):
            question = questions[(idx * n + k) % len(questions)]
            start = time.perf_counter()
            answerer.answer(question)
            out["answer"].append(time.perf_counter() - start)
    except Exception as err:  # noqa: BLE001 - counted and printed
        out["errors"].append(f"user {idx}: {type(err).__name__}: {err}")


def run_engine(args: argparse.Namespace, questions: list[str]) -> dict:
    """``args.sessions`` threads sharing one answerer (:func:`engine_user`); the latencies
    (s), errors and resident memory (MB) as lists under their names."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    out: dict[str, list] = {"load": [], "answer": [], "errors": []}
    start = time.perf_counter()
    answerer = Assistant.open(Settings()).answerer
    answerer.answer("nhiệm vụ 1")
    out["warm"] = [time.perf_counter() - start]
    out["rss_before"] = [_rss_mb()]
    threads = [threading.Thread(target=engine_user, args=(i, answerer, questions, args.questions, out))
               for i in range(args.sessions)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out["wall"] = [time.perf_counter() - start]
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the sessions and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["engine", "apptest"], default="engine")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=3)
    parser.add_argument("--home", help="index folder (default $CCHC_HOME or .cchc)")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    if args.home:
        os.environ["CCHC_HOME"] = os.path.abspath(args.home)
    os.chdir(REPO)
    questions = _questions(args.questions)
    if args.mode == "engine":
        out = run_engine(args, questions)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.sessions} concurrent users × {args.questions} questions, {os.cpu_count()} CPU cores "
              "(threads sharing one answerer, as the app's sessions share its cached engine)")
        print(f"engine load + warm-up: {out['warm'][0]:.1f} s")
        print(f"answer: p50 {_pct(out['answer'], .5):.2f} s, p95 {_pct(out['answer'], .95):.2f} s, "
              f"max {max(out['answer'] or [float('nan')]):.2f} s over {len(out['answer'])} answers; "
              f"wall {out['wall'][0]:.1f} s")
        print(f"memory: RSS {out['rss_before'][0]:.0f} MB after load, {_rss_mb():.0f} MB after the run, "
              f"peak {peak:.0f} MB")
        print(f"errors: {len(out['errors'])}")
        for err in out["errors"][:10]:
            print("  " + err)
        return 1 if out["errors"] else 0
    out = {"load": [], "answer": [], "errors": []}
    # Warm the shared engine once (the first visitor after a restart pays it).
    warm_start = time.perf_counter()
    session(-1, questions, 1, args.timeout, {"load": [], "answer": [], "errors": out["errors"]})
    warm = time.perf_counter() - warm_start
    rss_before = _rss_mb()
    threads = [threading.Thread(target=session, args=(i, questions, args.questions, args.timeout, out))
               for i in range(args.sessions)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.sessions} concurrent sessions × {args.questions} questions, {os.cpu_count()} CPU cores "
          f"(Streamlit AppTest in threads, one process)")
    print(f"cold start (first session, engine load + warm-up): {warm:.1f} s")
    print(f"first page load per session: p50 {_pct(out['load'], .5):.2f} s, "
          f"p95 {_pct(out['load'], .95):.2f} s, max {max(out['load'] or [float('nan')]):.2f} s")
    print(f"answer: p50 {_pct(out['answer'], .5):.2f} s, p95 {_pct(out['answer'], .95):.2f} s, "
          f"max {max(out['answer'] or [float('nan')]):.2f} s over {len(out['answer'])} answers; "
          f"wall {wall:.1f} s")
    print(f"memory: RSS {rss_before:.0f} MB after warm-up, {_rss_mb():.0f} MB after the run, "
          f"peak {peak:.0f} MB")
    print(f"errors: {len(out['errors'])}")
    for err in out["errors"][:10]:
        print("  " + err)
    if out["errors"]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
