"""``cchc parse`` and ``cchc tasks``: the plan model on the command line.

JSON contract: ``parse --json`` prints ``Plan.to_dict()``; ``tasks --json``
prints a list of ``Task.to_dict()``. Without ``--json`` both print readable
Vietnamese text.
"""

from __future__ import annotations

import argparse
import json
import sys

from assistant.parsing import parse_plan
from ingest.fields import labels
from ingest.model import Period, Plan, Task

__all__ = ["cmd_parse", "cmd_tasks", "format_plan_summary", "format_task_table", "register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``parse`` and ``tasks`` subcommands."""
    p = sub.add_parser("parse", help="Đọc một kế hoạch và in mô hình cấu trúc")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="in JSON")
    p.set_defaults(func=cmd_parse)

    t = sub.add_parser("tasks", help="Liệt kê nhiệm vụ trong phụ lục, có bộ lọc")
    t.add_argument("files", nargs="*", help="tệp hoặc thư mục (mặc định CCHC_CORPUS hoặc corpus/)")
    t.add_argument("--doc", help="chỉ kế hoạch có tên tệp chứa chuỗi này")
    t.add_argument("--lead", help="cơ quan chủ trì chứa chuỗi này (không phân biệt hoa/thường, dấu)")
    t.add_argument("--due", help="kỳ hạn: 2026 | 2026-Q1 | 2026-03")
    t.add_argument("--json", action="store_true", help="in JSON")
    t.set_defaults(func=cmd_tasks)


def cmd_parse(args: argparse.Namespace) -> int:
    """Print one plan as JSON or as a readable summary (parsed in a bounded
    worker: :func:`assistant.parsing.parse_plan` with ``untrusted=True``)."""
    plan = parse_plan(args.file, untrusted=True)
    if args.json:
        json.dump(plan.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(format_plan_summary(plan))
    return 0


def _years(period: Period) -> str | None:
    """"năm 2026" / "2026–2030" for a period known only by its years."""
    if period.start_year is None:
        return None
    if period.end_year in (None, period.start_year):
        return f"năm {period.start_year}"
    return f"{period.start_year}–{period.end_year}"


def format_plan_summary(plan: Plan) -> str:
    """Readable Vietnamese summary: metadata, section count, task count."""
    m = plan.metadata
    lines = [
        f"Tệp: {plan.doc}",
        f"Tiêu đề: {plan.title or '—'}",
        f"Cơ quan ban hành: {m.issuing_body or '—'}"
        + (f" (trực thuộc {m.parent_body})" if m.parent_body else ""),
        f"Đơn vị: {m.unit_name or '—'} ({m.level or '—'})",
        f"Kỳ kế hoạch: {m.period.text or _years(m.period) or '—'}",
        f"Số quyết định: {m.decision_number or '—'}   Ngày: {m.date or '—'}   Người ký: {m.signer or '—'}",
        f"Số mục: {len(plan.sections)}   Chỉ tiêu: {len(plan.targets)}   "
        f"Đơn vị có trách nhiệm: {len(plan.responsibilities)}",
        f"Nhiệm vụ: {sum(1 for t in plan.tasks if t.number)} có số, "
        f"{sum(1 for t in plan.tasks if not t.number)} dòng con",
    ]
    lines += [f"Cảnh báo: {w}" for w in plan.warnings]
    return "\n".join(lines)


def cmd_tasks(args: argparse.Namespace) -> int:
    """List tasks over the given files (default the corpus, ``CCHC_CORPUS``)."""
    tasks = args.assistant.tasks(args.files or None, args.doc, args.lead, args.due)
    if args.json:
        json.dump([t.to_dict() for t in tasks], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(format_task_table(tasks))
    return 0


def format_task_table(tasks: list[Task], width: int = 60) -> str:
    """Readable table: plan | TT | content | lead | deadline (cells cut to ``width``)."""

    def cut(text: str | None, n: int) -> str:
        text = text or "—"
        return text if len(text) <= n else text[: n - 1] + "…"

    doc, number, content, lead, deadline = labels(("doc", "number", "content", "lead", "deadline"),
                                                  short=True)
    header = f"{doc:<28} {number:<8} {content:<{width}} {lead:<32} {deadline}"
    lines = [header, "-" * len(header)]
    for t in tasks:
        number = t.number or f"({t.part_of})"
        lines.append(
            f"{cut(t.doc, 28):<28} {number:<8} {cut(t.content or t.objective, width):<{width}} "
            f"{cut(t.lead, 32):<32} {cut(t.deadline, 40)}"
        )
    lines.append(f"Tổng: {len(tasks)} dòng")
    return "\n".join(lines)
