"""Checks that a question set's gold strings are what the plans say.

``python -m eval.check_sets eval/locked.jsonl eval/locked-conv.jsonl …``
prints one line per problem and exits 1 when there is any.

For every answerable question (or conversation turn), it checks four things:

* each ``must_include`` string occurs in one of the cited documents. Both
  sides go through the judge's :func:`eval.metrics.normalize`, so lines are
  joined and dashes and tone marks are unified. A document flattened from a
  PDF, whose cells are broken over lines, therefore still matches;
* for a task lookup citing ``task N``, each non-numeric string occurs in
  that task's own row (the row and its sub-rows, every field) in the plan
  model;
* each ``must_include`` occurs in the gold ``answer`` when there is one;
* no ``must_exclude`` string is matched by the gold ``answer``.

An unanswerable item must have empty ``must_include`` and ``citations``.
Ids must be unique within a file.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eval.metrics import TASK_LOCATOR, _key, contains, normalize
from ingest.model import Plan
from ingest.pipeline import parse_file

_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*%?$")
_ROW_FIELDS = ("content", "lead", "coordinating", "deadline", "product", "objective")


def load_jsonl(path: str | Path) -> list[dict]:
    """Lines of a JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _questions(rows: Iterable[dict]) -> Iterator[tuple[str, dict]]:
    """(label, question) for plain lines and for each turn of a conversation."""
    for row in rows:
        if "turns" in row:
            for i, turn in enumerate(row["turns"], 1):
                yield f"{row.get('id')}#{i}", turn
        else:
            yield str(row.get("id")), row


class Corpus:
    """The seed plans, parsed lazily: normalised full text and task rows.

    ``corpus_dir`` is the folder of the cited ``doc`` file names.
    """

    def __init__(self, corpus_dir: str | Path) -> None:
        self.dir = Path(corpus_dir)
        self._text: dict[str, str] = {}
        self._plans: dict[str, Plan] = {}

    def text(self, doc: str) -> str:
        """Judge-normalised text of ``doc``; KeyError when it is not a file."""
        if doc not in self._text:
            path = self.dir / doc
            if not path.is_file():
                raise KeyError(doc)
            self._text[doc] = normalize(path.read_text(encoding="utf-8"))
        return self._text[doc]

    def row(self, doc: str, number: str) -> str | None:
        """Normalised text of task ``number`` of ``doc`` with its sub-rows,
        or ``None`` when the plan has no such task."""
        if doc not in self._plans:
            self._plans[doc] = parse_file(str(self.dir / doc))
        parts: list[str] = []
        current = None
        for task in self._plans[doc].tasks:
            if task.number:
                current = task.number
            if current == number:
                parts.extend(str(getattr(task, f, None) or "") for f in _ROW_FIELDS)
        return normalize(" ".join(parts)) if parts else None


def check_question(label: str, q: dict, corpus: Corpus) -> list[str]:
    """Problems with one question or turn ``q`` (see the module docstring)."""
    problems: list[str] = []
    must = q.get("must_include", [])
    cites = q.get("citations", [])
    if q.get("type") == "unanswerable":
        if must or cites:
            problems.append(f"{label}: unanswerable with must_include or citations")
        return problems
    if not cites:
        problems.append(f"{label}: no citation")
    texts = []
    for c in cites:
        try:
            texts.append(corpus.text(c["doc"]))
        except KeyError:
            problems.append(f"{label}: cited document not in corpus: {c['doc']}")
    joined = " ".join(texts)
    for m in must:
        if normalize(m) not in joined:
            problems.append(f"{label}: not in the cited documents: {m!r}")
        if "answer" in q and not contains(q["answer"], m):
            problems.append(f"{label}: not in the gold answer: {m!r}")
    for m in q.get("must_exclude", []):
        if "answer" in q and contains(q["answer"], m):
            problems.append(f"{label}: must_exclude matched by the gold answer: {m!r}")
    if q.get("type") == "task_lookup":
        for c in cites:
            loc = TASK_LOCATOR.match(_key(c.get("locator")))
            if not loc or c["doc"] not in corpus._text:
                continue
            row = corpus.row(c["doc"], loc.group(1))
            if row is None:
                problems.append(f"{label}: {c['doc']} has no task {loc.group(1)}")
                continue
            for m in must:
                if not _BARE_NUMBER.match(m) and normalize(m) not in row:
                    problems.append(f"{label}: not in the row of task {loc.group(1)}: {m!r}")
    return problems


def check_file(path: str | Path, corpus: Corpus) -> list[str]:
    """Problems in one set file: duplicate ids and every question's checks."""
    rows = load_jsonl(path)
    problems: list[str] = []
    seen: set[str] = set()
    for row in rows:
        rid = str(row.get("id"))
        if rid in seen:
            problems.append(f"{path}: duplicate id {rid}")
        seen.add(rid)
    for label, q in _questions(rows):
        problems.extend(f"{path}: {p}" for p in check_question(label, q, corpus))
    return problems


def main(argv: list[str] | None = None) -> int:
    """Check the files named in ``argv`` against ``corpus/``; 1 on problems."""
    args = list(sys.argv[1:] if argv is None else argv)
    corpus_dir = "corpus"
    if args[:1] == ["--corpus"] and len(args) > 1:
        corpus_dir, args = args[1], args[2:]
    corpus = Corpus(corpus_dir)
    problems = [p for path in args for p in check_file(path, corpus)]
    for p in problems:
        print(p)
    print(f"{len(args)} file(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
