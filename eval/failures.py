"""Print the failed items of a ``cchc eval --out`` run, for tuning on DEV sets.

``python -m eval.failures OUT.jsonl SET.jsonl [CONV.jsonl …] [--class C] [--type T]``
reads the judged records ``cchc eval --out`` wrote and the question sets they
came from, and prints, for each wrong answer of the system column: the id,
type/class, question, the ``must_include`` strings the answer lacks, the
``must_exclude`` strings it contains, the gold and the system's answer.

Never run it on the locked sets (``eval/README.md``): it refuses a path whose
name starts with ``locked``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from eval.metrics import contains
from eval.runner import flatten_turns, load_set


def _items(paths: list[str]) -> dict[str, dict]:
    """Every question (and conversation turn) of ``paths`` by id."""
    out: dict[str, dict] = {}
    for path in paths:
        if os.path.basename(path).startswith("locked"):
            raise SystemExit(f"refused: {path} is a locked set (report only, eval/README.md)")
        rows = load_set(path)
        if rows and "turns" in rows[0]:
            rows = flatten_turns(rows)
        out.update({r["id"]: r for r in rows})
    return out


def failures(records: list[dict], items: dict[str, dict], run: str = "hệ thống") -> list[str]:
    """One text block per wrong record of column ``run`` whose item is in ``items``."""
    blocks = []
    for rec in records:
        item = items.get(rec.get("id", ""))
        if item is None or rec.get("run", run) != run or rec.get("right", True):
            continue
        answer = rec.get("answer", "")
        missing = [m for m in item.get("must_include", []) if not contains(answer, m)]
        extra = [m for m in item.get("must_exclude", []) if contains(answer, m)]
        docs = sorted({c.get("doc", "")[:3] for c in rec.get("citations", [])})
        gold_docs = sorted({c["doc"][:3] for c in item.get("citations", [])})
        blocks.append("\n".join([
            f"## {item['id']} [{item.get('type')}/{item.get('class', '-')}] kind={rec.get('kind')}"
            f" abstained={rec.get('abstained')} docs={docs} gold_docs={gold_docs}",
            f"Q: {item.get('question')}",
            f"missing: {missing}" + (f"  must_exclude found: {extra}" if extra else ""),
            f"gold: {item.get('answer', '')}",
            "answer: " + answer[:700].replace("\n", "\n        "),
        ]))
    return blocks


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring. Returns the exit code (0)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="JSONL written by cchc eval --out")
    ap.add_argument("sets", nargs="+", help="the question sets (and conversation sets) of that run")
    ap.add_argument("--type", dest="type_", help="only this type")
    ap.add_argument("--class", dest="class_", help="only this class")
    args = ap.parse_args(argv)
    items = _items(args.sets)
    items = {k: v for k, v in items.items()
             if (not args.type_ or v.get("type") == args.type_)
             and (not args.class_ or v.get("class") == args.class_)}
    with open(args.out, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    blocks = failures(records, items)
    sys.stdout.write("\n\n".join(blocks) + f"\n\n{len(blocks)} wrong\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
