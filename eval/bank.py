"""A generated question bank: every numbered task × field of the plans, in
several phrasings, written from the plan model (so it tests the genre, not
hand-picked items).

``python -m eval.bank [PLANS…] -o eval/bank.jsonl`` writes one QA line per
(task, field) in the format of ``eval/qa-format.md`` (type ``task_lookup``,
``must_include`` the cell's words, the task row cited). Each (task, field)
gets one phrasing, picked by a stable hash from the field's templates, so
every template is used across the bank; about one line in four names the
task by its content instead of its number (a look-up with no number). An
empty cell expects the words "không ghi" (a task split into sub-rows, the
first sub-row's value). Rows whose number repeats in the
plan are named with their annex section ("mục II, nhiệm vụ 3").

``--half tune|check`` keeps one half of the lines (by the same hash), so
thresholds can be set on one half and reported on the other.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import zlib
from collections.abc import Iterator

from ingest.model import Plan, Task
from ingest.pipeline import parse_file
from ingest.units import split_units
from retrieval.answering.rows import sub_rows
from retrieval.question.catalog import place_name

__all__ = ["TEMPLATES", "bank_items", "main"]

#: field → phrasings; {ref} names the task ("nhiệm vụ 22"), {plan} the place.
TEMPLATES: dict[str, list[str]] = {
    "lead": [
        "{plan} {ref} ai chủ trì?",
        "Đơn vị nào chịu trách nhiệm chính {ref} của {plan}?",
        "{ref} ({plan}) do cơ quan nào thực hiện chính?",
        "Ở {plan}, ai là đầu mối {ref}?",
    ],
    "coordinating": [
        "{plan}: {ref} có những đơn vị nào phối hợp?",
        "Cơ quan phối hợp thực hiện {ref} của {plan} là ai?",
        "{ref} ở {plan} cần ai phối hợp?",
    ],
    "deadline": [
        "{ref} của {plan} phải hoàn thành khi nào?",
        "{plan} {ref} thời hạn?",
        "Hạn chót của {ref} kế hoạch {plan}?",
        "Bao giờ phải xong {ref} ({plan})?",
    ],
    "product": [
        "Sản phẩm của {ref} ({plan}) là gì?",
        "{plan} {ref} đầu ra là gì?",
        "Kết quả đầu ra của {ref} ở {plan}?",
    ],
}
#: Phrasings that name the task by its content ({what}: its first words).
LOOKUP_TEMPLATES: dict[str, list[str]] = {
    "lead": ["Ai phụ trách việc {what} ở {plan}?", "{plan}: việc {what} do đơn vị nào chủ trì?"],
    "deadline": ["Ở {plan}, việc {what} phải xong khi nào?", "{plan}: {what} hạn chót khi nào?"],
}
_EMPTY = "không ghi"


def _stable(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode("utf-8"))


def _expected(plan: Plan, task: Task, name: str) -> str:
    value = getattr(task, name)
    if not value:  # a task split into sub-rows carries its cells there
        value = next((getattr(r, name) for r in sub_rows(plan, task) if getattr(r, name)), None)
    if not value:
        return _EMPTY
    if name in ("lead", "coordinating"):
        return split_units(value)[0] if split_units(value) else value
    if name == "product" and len(value) > 60:
        return value[:60].rsplit(" ", 1)[0]
    return value


def _what(task: Task, words: int = 8) -> str:
    return " ".join((task.content or "").split()[:words]).rstrip(" ,.;:").lower()


def bank_items(plans: list[Plan]) -> Iterator[dict]:
    """QA lines for every numbered task × field of ``plans`` (see module docstring)."""
    for plan in plans:
        name = place_name(plan)
        numbers = [t.number for t in plan.tasks if t.number]
        for task in plan.tasks:
            if not task.number:
                continue
            ref = f"nhiệm vụ {task.number}"
            if numbers.count(task.number) > 1:
                roman = (task.section or "").split(".")[0].strip()
                ref = f"mục {roman}, nhiệm vụ {task.number}" if roman else ref
            for field, templates in TEMPLATES.items():
                h = _stable(plan.doc, task.number, task.section or "", field)
                by_content = field in LOOKUP_TEMPLATES and h % 4 == 0 and len(_what(task).split()) >= 5
                if by_content:
                    pool = LOOKUP_TEMPLATES[field]
                    question = pool[h // 4 % len(pool)].format(what=_what(task), plan=name)
                else:
                    question = templates[h % len(templates)].format(ref=ref, plan=name)
                question = question[0].upper() + question[1:]
                yield {
                    "id": f"b{h:08x}", "type": "task_lookup", "question": question,
                    "must_include": [_expected(plan, task, field)],
                    "citations": [{"doc": plan.doc, "locator": f"task {task.number}"}],
                    "field": field, "by_content": by_content,
                    "half": "tune" if (h >> 8) % 2 == 0 else "check",
                }


def main(argv: list[str] | None = None) -> int:
    """Write the bank; prints how many lines, per field."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plans", nargs="*", help="plan files or folders (default corpus/)")
    ap.add_argument("-o", "--out", default="eval/bank.jsonl")
    ap.add_argument("--half", choices=("tune", "check"))
    args = ap.parse_args(argv)
    paths: list[str] = []
    for p in args.plans or ["corpus"]:
        paths += sorted(glob.glob(os.path.join(p, "*"))) if os.path.isdir(p) else [p]
    plans = [parse_file(p) for p in paths]
    items = [i for i in bank_items(plans) if not args.half or i["half"] == args.half]
    with open(args.out, "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for item in items:
        key = item["field"] + (" (nội dung)" if item["by_content"] else "")
        counts[key] = counts.get(key, 0) + 1
    print(f"{len(items)} câu → {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
