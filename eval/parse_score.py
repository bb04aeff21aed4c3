"""Score parsed task rows against hand-checked gold rows (one JSON object a line).

usage: python -m eval.parse_score GOLD.jsonl PLAN_FILE_OR_PARSED.json [--verbose]

The second argument is a plan file (parsed here with ``ingest.pipeline``) or
the output of ``cchc parse FILE --json``. Rows are matched greedily: the
same section numeral and number first, then the most similar content
(token Jaccard); a match needs a score of at least 0.45. A row is *fully
right* when its number and its content, lead, coordinating, deadline and
product cells equal the gold after :func:`norm` (case, spaces, dashes,
tone-mark placement, markup). Prints one JSON summary line last::

    {"gold_rows", "pred_rows", "matched", "row_recall", "row_precision",
     "rows_fully_right", "high_conf_rows_fully_right", "<field>_acc", …}

The gold format (keys doc, section, number, part_of, content, lead,
coordinating, deadline, product, extra, confidence, note) is described in
``tests/data/real/README.md``. Figures per real plan: ``eval/RESULTS.md``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata

FIELDS = ["content", "lead", "coordinating", "deadline", "product"]

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
# old-style vs new-style tone placement: hoá/hóa, thuý/thúy, …
_TONE_FIX = [("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
             ("oé", "óe"), ("oè", "òe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
             ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")]


def norm(value: object) -> str:
    """Comparison form of a cell: NFC lower case, one dash, new-style tone
    marks, no tags or stars, single spaces, none around ``- / , ; :``, no
    doubled word, no end punctuation; ``None`` → ``""``."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).translate(_DASHES).lower()
    s = re.sub(r"<[^>]+>", " ", s).replace("*", " ")
    for a, b in _TONE_FIX:
        s = s.replace(a, b)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*([-/,;:])\s*", r"\1", s)
    s = re.sub(r"\b(\w+)( \1\b)+", r"\1", s)
    return s.strip(" .;,")


def jaccard(a: object, b: object) -> float:
    """Token Jaccard similarity of two cells after :func:`norm`."""
    ta, tb = set(re.findall(r"\w+", norm(a))), set(re.findall(r"\w+", norm(b)))
    return len(ta & tb) / max(1, len(ta | tb))


def _roman(section: str | None) -> str | None:
    m = re.match(r"\s*(?:<b>)?\s*([IVX]+)\b", section or "")
    return m.group(1) if m else None


def num_key(number: object) -> str:
    """A row number as compared: less a trailing "." or ")" and leading zeros."""
    s = str(number or "").strip().rstrip(".)").strip()
    return re.sub(r"^0+(?=\d)", "", s)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy (gold index, predicted index) pairs (see the module docstring)."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        best, best_score = None, 0.0
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            score = jaccard(g.get("content") or g.get("objective"), p.get("content") or p.get("objective"))
            same_num = g.get("number") and num_key(p.get("number")) == num_key(g["number"])
            if same_num and _roman(g.get("section")) == _roman(p.get("section")):
                score += 1.0
            elif same_num:
                score += 0.5
            if g.get("part_of") and num_key(p.get("part_of")) == num_key(g["part_of"]):
                score += 0.3
            if score > best_score:
                best, best_score = pi, score
        if best is not None and best_score >= 0.45:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def score(gold: list[dict], pred: list[dict], report: list[str] | None = None) -> dict:
    """Summary figures of ``pred`` rows against ``gold`` rows; the wrong and
    missing rows are described in ``report`` when a list is given."""
    pairs = match(gold, pred)
    field_ok = dict.fromkeys(FIELDS, 0)
    full_ok = hi_full = 0
    hi_total = sum(1 for g in gold if g.get("confidence") == "high")
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        ok = {f: norm(g.get(f)) == norm(p.get(f)) for f in FIELDS}
        for f in FIELDS:
            field_ok[f] += ok[f]
        num_ok = num_key(g.get("number")) == num_key(p.get("number"))
        right = all(ok.values()) and num_ok
        full_ok += right
        hi_full += right and g.get("confidence") == "high"
        if report is not None and not right:
            bad = [f for f in FIELDS if not ok[f]] + ([] if num_ok else ["number"])
            report.append(f"row {g.get('number')} ({(g.get('section') or '')[:20]}): wrong {bad}")
            for f in bad:
                report.append(f"   gold {f}: {str(g.get(f))[:110]!r}\n   pred {f}: {str(p.get(f))[:110]!r}")
    if report is not None:
        matched = {gi for gi, _ in pairs}
        report += [f"MISSING gold row {g.get('number')} {str(g.get('content'))[:60]!r}"
                   for gi, g in enumerate(gold) if gi not in matched]
    n = len(gold)
    return {
        "gold_rows": n, "pred_rows": len(pred), "matched": len(pairs),
        "row_recall": round(len(pairs) / max(1, n), 3),
        "row_precision": round(len(pairs) / max(1, len(pred)), 3),
        "rows_fully_right": round(full_ok / max(1, n), 3),
        "high_conf_rows_fully_right": round(hi_full / max(1, hi_total), 3),
        **{f"{f}_acc": round(field_ok[f] / max(1, n), 3) for f in FIELDS},
    }


def load_gold(path: str) -> list[dict]:
    """Gold rows of a ``.jsonl`` file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predicted_rows(path: str) -> list[dict]:
    """Task rows of a parsed ``.json`` (``{"tasks": …}`` or a list), else of a plan file parsed here."""
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        return data["tasks"] if isinstance(data, dict) else data
    from ingest.pipeline import parse_file

    return [t.to_dict() for t in parse_file(path).tasks]


def main(argv: list[str] | None = None) -> int:
    """Command line (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in args
    args = [a for a in args if a != "--verbose"]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    report: list[str] | None = [] if verbose else None
    summary = score(load_gold(args[0]), predicted_rows(args[1]), report)
    for line in report or []:
        print("  " + line)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
