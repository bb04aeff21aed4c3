"""Judging answers and aggregating figures, as ``eval/qa-format.md`` says.

* :func:`normalize` – NFC, lower case, unified dashes (and the spaces
  around them), tone marks in one place ("hoá" = "hóa", "thuỷ" = "thủy"),
  whitespace collapsed.
* :func:`contains` – a ``must_include`` string in an answer; a bare number
  matches only as a whole number ("2" not inside "2026" or "2.3").
* :func:`judge` – an answerable question is right when the answer is not an
  abstention, contains every ``must_include``, none of the optional
  ``must_exclude`` and cites at least one gold document; an unanswerable one
  is right when the answer abstains.
* :func:`locator_matches` / :func:`first_match_rank` – retrieval: does a
  ranked passage (doc + locator) match a gold citation ("task 22",
  "section II.3", "Phụ lục, II. Cải cách thể chế", or a short quote).
* :func:`accuracy_by` – right/total per value of an item key (``class``);
* :func:`summarize` – accuracy by type, Recall@1/@5, MRR
  (:func:`retrieval_figures`), abstention precision/recall,
  false-abstention rate, p50/p95 latency.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ingest.textnorm import fold

_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+", re.UNICODE)
#: A gold or passage locator naming a task row ("task 22", "nhiem vu 2.3"),
#: on a folded key; group 1 is the row number.
TASK_LOCATOR = re.compile(r"^(?:task|nhiem vu|nv)\s+(\S+)$")


def _tone_last(word: str) -> str:
    chars = unicodedata.normalize("NFD", word)
    tones = [c for c in chars if c in _TONES]
    if not tones:
        return word
    base = "".join(c for c in chars if c not in _TONES)
    # place the tone on the last vowel-bearing position consistently: after the word
    return unicodedata.normalize("NFC", base + tones[0])


def normalize(text: str | None) -> str:
    """Judge key of ``text`` (see module docstring)."""
    text = unicodedata.normalize("NFC", text or "").lower()
    text = _DASHES.sub(" - ", text)
    text = _WORD.sub(lambda m: _tone_last(m.group(0)), text)
    return re.sub(r"\s+", " ", text).strip()


_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*%?$")


def contains(answer: str, item: str) -> bool:
    """True when ``item`` (a ``must_include`` string) occurs in ``answer``."""
    a, i = normalize(answer), normalize(item)
    if not i:
        return True
    if _BARE_NUMBER.match(i):
        return re.search(r"(?<![\d.,/])" + re.escape(i) + r"(?![\d]|[.,/]\d)", a) is not None
    return i in a


def judge(item: dict, record: dict) -> bool:
    """Whether ``record`` (``{"answer", "abstained", "citations"}``) answers
    the question ``item`` (a line of the QA set) correctly."""
    if item.get("type") == "unanswerable":
        return bool(record.get("abstained"))
    if record.get("abstained"):
        return False
    if not all(contains(record.get("answer", ""), m) for m in item.get("must_include", [])):
        return False
    if any(contains(record.get("answer", ""), m) for m in item.get("must_exclude", [])):
        return False
    gold_docs = {c["doc"] for c in item.get("citations", [])}
    if not gold_docs:
        return True
    return any(c.get("doc") in gold_docs for c in record.get("citations", []))


# ------------------------------------------------------------ retrieval

def _key(text: str | None) -> str:
    return re.sub(r"[^0-9a-z.]+", " ", fold(text)).strip()


def locator_matches(gold: str, locator: str | None, quote: str | None = None,
                    section: str | None = None) -> bool:
    """Does a passage (``locator``, ``quote``, annex ``section``) match the
    gold locator ``gold``?

    * "task 22" / "nhiệm vụ 22" – the passage is task 22 or one of its
      sub-rows;
    * "section II.3" / "mục II.3" (words after the number ignored) – the
      passage sits in II.3 or below it;
    * "title" / "header" – the plan's header facts or title; "căn cứ" – a
      legal-basis paragraph ("Căn cứ …") or the decision part;
    * "Phụ lục, <section>" – the passage is a task of that annex section
      (same roman numeral, else ≥ 75 % of the heading's words);
    * anything else is a quote: it occurs in the passage's quote.
    """
    g = _key(gold)
    loc = _key(locator)
    m = TASK_LOCATOR.match(g)
    if m:
        return re.match(r"^nhiem vu " + re.escape(m.group(1)) + r"(?: |$)", loc) is not None
    if re.match(r"^(?:title|header|tieu de)\b", g):
        return loc in ("thong tin chung", "tieu de") or loc.startswith("phu luc")
    if re.search(r"\bcan cu\b", g):
        return _key(quote).startswith("can cu") or "quyet dinh" in loc
    m = re.match(r"^(?:section|muc)\s+([ivxlc\d][\w.]*)", g)
    if m:
        want = m.group(1).rstrip(".")
        have = re.sub(r"^muc\s+", "", loc).rstrip(".")
        return have == want or have.startswith(want + ".")
    m = re.match(r"^phu luc\s*(.*)$", g)
    if m:
        rest = m.group(1).strip()
        if not rest:
            return loc.startswith("nhiem vu")
        numbered = re.match(r"^([ivxlc]+)\.(\d+(?:\.\d+)*)\.?(\s+\S.*)?$", rest)
        if numbered:  # "Phụ lục, VI.2.1": row 2.1 of section VI; "II.2 <name>": rows 2.x
            roman, number, named = numbered.groups()
            row = re.match(r"^nhiem vu (\S+)", loc)
            sec_num = re.match(r"^([ivxlc]+)\b", _key(section))
            if not row or not sec_num or sec_num.group(1) != roman:
                return False
            return row.group(1) == number or (bool(named) and row.group(1).startswith(number + "."))
        sec = _key(section)
        if not sec:
            return False
        numeral = re.compile(r"^([ivxlc]+)\b\.?\s*")
        want_num, have_num = numeral.match(rest), numeral.match(sec)
        if want_num and have_num:  # "II. Cải cách thủ tục hành chính" = "II. CẢI CẢI THỦ TỤC …"
            return want_num.group(1) == have_num.group(1)
        words = set(numeral.sub("", rest).split())
        return bool(words) and len(words & set(sec.split())) / len(words) >= 0.75
    return bool(g) and (g in _key(quote) or g == loc)


def first_match_rank(item: dict, ranked: Iterable[dict]) -> int | None:
    """1-based rank of the first passage in ``ranked`` (dicts with ``doc``,
    ``locator``, ``quote``, optional ``section``) matching a gold citation
    of ``item`` (same doc and :func:`locator_matches`), else ``None``."""
    gold = item.get("citations", [])
    for rank, p in enumerate(ranked, 1):
        for g in gold:
            if p.get("doc") == g.get("doc") and locator_matches(
                g.get("locator", ""), p.get("locator"), p.get("quote"), p.get("section")
            ):
                return rank
    return None


# ------------------------------------------------------------ aggregation

def accuracy_by(key: str, items: list[dict], records: list[dict]) -> dict[str, tuple[int, int]]:
    """``{value of item[key]: (right, total)}`` judged by :func:`judge`;
    items without ``key`` are left out (``{}`` when none has it)."""
    out: dict[str, list[int]] = {}
    for item, rec in zip(items, records):
        if item.get(key):
            a = out.setdefault(str(item[key]), [0, 0])
            a[0] += judge(item, rec)
            a[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


TYPES = ("task_lookup", "filter", "body_fact", "cross_doc", "unanswerable")


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    pos = (len(values) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def summarize(items: list[dict], records: list[dict], ranks: list[int | None] | None = None
              ) -> dict[str, Any]:
    """Figures for one run.

    ``items`` the QA lines; ``records`` the answers in the same order
    (``answer``, ``abstained``, ``citations``, ``latency_ms``); ``ranks``
    the :func:`first_match_rank` per item (``None`` = not found), or
    ``None`` to skip retrieval figures. Returns ``{"n", "accuracy":
    {type: (right, total)}, "overall": (right, total), "recall@1",
    "recall@5", "mrr", "abstain_precision", "abstain_recall",
    "false_abstain_rate", "p50_ms", "p95_ms"}`` (ratios in 0..1 or
    ``None`` when undefined).
    """
    acc: dict[str, list[int]] = {}
    right_all = 0
    for item, rec in zip(items, records):
        ok = judge(item, rec)
        a = acc.setdefault(item.get("type", "?"), [0, 0])
        a[0] += ok
        a[1] += 1
        right_all += ok
    answerable = [(i, r) for i, r in zip(items, records) if i.get("type") != "unanswerable"]
    unanswerable = [(i, r) for i, r in zip(items, records) if i.get("type") == "unanswerable"]
    abstained = [(i, r) for i, r in zip(items, records) if r.get("abstained")]
    out: dict[str, Any] = {
        "n": len(items),
        "accuracy": {t: tuple(v) for t, v in acc.items()},
        "overall": (right_all, len(items)),
        "abstain_precision": (sum(i.get("type") == "unanswerable" for i, _ in abstained)
                              / len(abstained)) if abstained else None,
        "abstain_recall": (sum(bool(r.get("abstained")) for _, r in unanswerable)
                           / len(unanswerable)) if unanswerable else None,
        "false_abstain_rate": (sum(bool(r.get("abstained")) for _, r in answerable)
                               / len(answerable)) if answerable else None,
    }
    lat = [r["latency_ms"] for r in records if r.get("latency_ms") is not None]
    out["p50_ms"], out["p95_ms"] = _percentile(lat, 0.5), _percentile(lat, 0.95)
    if ranks is not None:
        out.update(retrieval_figures(items, ranks))
    return out


def retrieval_figures(items: list[dict], ranks: list[int | None]) -> dict[str, float | None]:
    """Recall@1, Recall@5 and MRR of ``ranks`` (1-based rank of the first
    passage matching a gold citation per item, ``None`` = not found), over
    the answerable ``items`` that have gold citations. Returns
    ``{"recall@1", "recall@5", "mrr"}``, each in 0..1 or ``None`` when no
    item counts."""
    scored = [rk for it, rk in zip(items, ranks)
              if it.get("type") != "unanswerable" and it.get("citations")]
    n = len(scored)
    return {
        "recall@1": sum(1 for r in scored if r is not None and r <= 1) / n if n else None,
        "recall@5": sum(1 for r in scored if r is not None and r <= 5) / n if n else None,
        "mrr": sum(1 / r for r in scored if r is not None) / n if n else None,
    }


def strip_diacritics(text: str) -> str:
    """``text`` with every diacritic removed, case kept ("Đặt" → "Dat")."""
    nfd = unicodedata.normalize("NFD", text)
    out = "".join(c for c in nfd if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))
