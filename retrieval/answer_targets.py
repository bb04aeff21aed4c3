"""Cross-plan target answers: one target (chỉ tiêu) in several plans.

Questions handled (:func:`retrieval.question.crossplan.asks_targets`): a target word ("chỉ tiêu", "mục
tiêu", "tỷ lệ") with a cross-plan wording ("các xã đặt mục tiêu thanh toán
trực tuyến thế nào?", "kế hoạch nào …") or two plans or more named or a
comparison ("so sánh chỉ tiêu hồ sơ trực tuyến giữa Nam An Phụ và Việt
Khê", "NAP và TX khác nhau thế nào"), diacritics optional.

For every plan in scope the passages (:class:`retrieval.chunks.Chunk`:
targets, body paragraphs, task rows) that state a figure
(:func:`ingest.targets.figures`) are scored by the share of the topic's
content words and (weighted most) adjacent word pairs they hold (``canon`` keys); the best one, when it holds at
least :data:`MIN_SHARE` of them, is the plan's line: its values, a short
excerpt, its locator — one cited line per plan. A plan with none is said
so ("không nêu chỉ tiêu này"). Bounded: one line per plan, excerpts of at
most :data:`EXCERPT` characters around the first topic word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.lexicon import canon
from ingest.targets import figures
from retrieval.answer_model import Answer, Citation
from retrieval.answer_rows import plan_label, plan_title
from retrieval.chunks import Chunk
from retrieval.query import PlanCatalog, Query
from retrieval.question.selection import topic_words

__all__ = ["EXCERPT", "MIN_SHARE", "TargetIndex", "target_excerpt", "target_topic"]

#: Share of the topic words a passage must hold to state the plan's target.
MIN_SHARE = 0.7
#: Characters of excerpt shown per plan.
EXCERPT = 220

#: phrases of the question that say "target", "compare" or "how", not the topic
#: (removed as whole phrases: "hai" alone would also take "hài lòng")
_FRAME_PHRASES = """
chi tieu|muc tieu|ty le|dat ra|so sanh|doi chieu|giua|khac nhau|giong nhau|khac gi|chenh lech|
moi|tung|nhu the nao|the nao|ra sao|bao nhieu|phan tram|cac xa|hai ke hoach|ca hai|hai xa|
cai cach hanh chinh|giai doan|dat duoc|dat|voi|hon kem|ke hoach|kh|cchc
""".replace("\n", "").split("|")
_FRAME = re.compile(r"\b(?:" + "|".join(sorted(_FRAME_PHRASES, key=len, reverse=True)) + r")\b")



def _topic(q: Query, catalog: PlanCatalog) -> list[str]:
    """The topic's content words: the question key without the frame
    phrases (:data:`_FRAME`) and the plans' names, in order."""
    names = sorted({a for e in catalog.entries for a in (*e.aliases, e.key) if a}, key=len, reverse=True)
    key = _FRAME.sub(" ", q.key)
    for name in names:
        key = re.sub(rf"\b{re.escape(name)}\b", " ", key)
    return topic_words(key)


def _excerpt(text: str, words: list[str]) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= EXCERPT:
        return flat
    pos = 0
    for m in re.finditer(r"\S+", flat):
        if canon(m.group(0)) in words:
            pos = m.start()
            break
    start = max(0, min(pos - EXCERPT // 3, len(flat) - EXCERPT))
    end = min(len(flat), start + EXCERPT)
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def target_topic(q: Query, catalog: PlanCatalog) -> list[str]:
    """The target's content words in ``q`` ("Phú Thái đặt chỉ tiêu số hóa hồ
    sơ TTHC bao nhiêu %?" → ``["so", "hoa", "ho", "so", …]`` minus repeats):
    the question without its frame phrases and plan names."""
    return _topic(q, catalog)


def target_excerpt(text: str, words: list[str]) -> str:
    """At most :data:`EXCERPT` characters of ``text`` around the first of ``words``."""
    return _excerpt(text, words)


def _share(words: list[str], pairs: list[str], keys: set[str], text: str) -> float:
    """How much of the topic a passage holds (0..1): 0.3 × the share of its
    words + 0.7 × the share of its adjacent word pairs, so "số hóa hồ sơ" is
    not met by "hồ sơ … hóa" (folded syllables collide)."""
    single = len(set(words) & keys) / len(words)
    if not pairs:
        return single
    return 0.3 * single + 0.7 * sum(f" {p} " in text for p in pairs) / len(pairs)


class TargetIndex:
    """The figure-stating passages of every plan, keyed once per answerer."""

    def __init__(self, chunks: Iterable[Chunk], plans: dict, catalog: PlanCatalog):
        self.plans = plans
        self.catalog = catalog
        self.by_doc: dict[str, list[tuple[set[str], str, Chunk, list[str]]]] = {}
        for chunk in chunks:
            if chunk.kind == "meta":
                continue
            values = figures(chunk.quote)
            if values:
                key = canon(chunk.quote)
                self.by_doc.setdefault(chunk.doc, []).append((set(key.split()), f" {key} ", chunk, values))

    def share(self, doc: str, words: list[str]) -> float:
        """How much of the topic ``words`` the best figure-stating passage of
        ``doc`` holds (0..1; 0 when ``doc`` states no figure)."""
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        return max((_share(words, pairs, keys, text) for keys, text, _, _ in self.by_doc.get(doc, [])),
                   default=0.0)

    def best(self, doc: str, words: list[str]) -> tuple[Chunk, list[str]] | None:
        """The passage of ``doc`` holding most of ``words`` (targets before
        body before task rows on ties), or ``None`` under :data:`MIN_SHARE`."""
        rank = {"target": 0, "paragraph": 1, "task": 2}
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        scored = [(_share(words, pairs, keys, text), -rank.get(c.kind, 3), c, v)
                  for keys, text, c, v in self.by_doc.get(doc, [])]
        if not scored:
            return None
        share, _, chunk, values = max(scored, key=lambda s: (s[0], s[1]))
        return (chunk, values) if share >= MIN_SHARE else None

    def answer(self, query: Query) -> Answer | None:
        """Kind ``targets``: one cited line per plan in scope with the
        target's values, then the plans that do not state it; ``None`` when
        the question has no topic or no plan states it (passage search then)."""
        words = _topic(query, self.catalog)
        if not words:
            return None
        docs = query.plans if query.plans else sorted(self.plans)
        lines: list[str] = []
        citations: list[Citation] = []
        missing: list[str] = []
        for doc in docs:
            found = self.best(doc, words)
            if found is None:
                missing.append(doc)
                continue
            chunk, values = found
            plan = self.plans.get(doc)
            lines.append(f"- {plan_label(self.catalog, doc)}: {', '.join(values)} — {chunk.locator}: "
                         f"“{_excerpt(chunk.quote, words)}”")
            citations.append(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                      chunk.page, chunk.quote, chunk.section))
        if not lines:
            return None
        head = f"Chỉ tiêu theo từng kế hoạch ({len(lines)}/{len(docs)} kế hoạch nêu):"
        if missing:
            lines.append("Không nêu chỉ tiêu này: "
                         + ", ".join(plan_label(self.catalog, d) for d in missing) + ".")
        return Answer("\n".join([head, *lines]), False, citations, "targets", list(citations), query)
