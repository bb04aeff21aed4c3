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
excerpt, its locator (a long topic is also met by a passage holding all its
words but one, :data:`LOOSE_WORDS`) — one cited line per plan, with a second passage as
good that gives another value (:meth:`TargetIndex.stating`). A plan with none is said
so ("không nêu chỉ tiêu này"). Bounded: one line per plan (at most :data:`PER_PLAN` passages), excerpts of at
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
from retrieval.question.cues import BACK_REFERENCE, COMPARISON_VERDICT
from retrieval.question.selection import topic_words

__all__ = ["EXCERPT", "LOOSE_WORDS", "MIN_SHARE", "PER_PLAN", "TIE", "TargetIndex", "target_excerpt",
           "target_topic"]

#: Share of the topic words a passage must hold to state the plan's target.
MIN_SHARE = 0.7
#: Characters of excerpt shown per passage.
EXCERPT = 220
#: A topic of this many words or more is also stated by a passage holding
#: all its words but one, its first and last word pairs as written.
LOOSE_WORDS = 4
#: Passages stating the target shown per plan, at most.
PER_PLAN = 2
#: A further passage of a plan holds at least its best share less this.
TIE = 0.05

#: phrases of the question that say "target", "compare" or "how", not the topic
#: (removed as whole phrases: "hai" alone would also take "hài lòng")
_FRAME_PHRASES = """
chi tieu|muc tieu|ty le|dat ra|so sanh|doi chieu|giua|khac nhau|giong nhau|khac gi|chenh lech|
moi|tung|nhu the nao|the nao|ra sao|bao nhieu|bn|phan tram|cac xa|xa khac|noi khac|hai ke hoach|ca hai|hai xa|
cai cach hanh chinh|giai doan|dat duoc|dat|voi|hon kem|ke hoach|kh|cchc|cu the|muc|
so voi nam truoc|so voi cung ky|so voi ky truoc|nam truoc|ghi ro|con so|ghi
""".replace("\n", "").split("|")
_FRAME = re.compile(r"\b(?:" + "|".join(sorted(_FRAME_PHRASES, key=len, reverse=True)) + r")\b")



def _topic(text: str, catalog: PlanCatalog) -> list[str]:
    """The topic's content words: ``text`` (a question's ``canon`` key)
    without the frame phrases (:data:`_FRAME`), the verdict asked ("ai cao
    hơn", "bằng nhau"), the back-reference words ("chỉ tiêu này") and the
    plans' names, in order."""
    names = sorted({a for e in catalog.entries for a in (*e.aliases, e.key) if a}, key=len, reverse=True)
    key = _FRAME.sub(" ", BACK_REFERENCE.sub(" ", COMPARISON_VERDICT.sub(" ", text)))
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
    return _topic(q.key, catalog)


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
                # a sub-row ("- Tối thiểu 20% phòng, ban, ngành, đơn vị") is read with its
                # task ("Kiểm tra cải cách hành chính"), which names what the figure is of
                key = canon(f"{chunk.quote} {self._parent_content(chunk)}")
                self.by_doc.setdefault(chunk.doc, []).append((set(key.split()), f" {key} ", chunk, values))

    def _parent_content(self, chunk: Chunk) -> str:
        """The content of the numbered task a sub-row chunk ("(dòng con)") belongs
        to, else ""."""
        plan = self.plans.get(chunk.doc)
        if plan is None or chunk.kind != "task" or "(dòng con)" not in (chunk.locator or ""):
            return ""
        parent = next((t for t in plan.tasks if t.number and t.number == chunk.task_number
                       and (chunk.section is None or t.section == chunk.section)), None)
        return parent.content or "" if parent is not None else ""

    def share(self, doc: str, words: list[str]) -> float:
        """How much of the topic ``words`` the best figure-stating passage of
        ``doc`` holds (0..1; 0 when ``doc`` states no figure)."""
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        return max((_share(words, pairs, keys, text) for keys, text, _, _ in self.by_doc.get(doc, [])),
                   default=0.0)

    def best(self, doc: str, words: list[str]) -> tuple[Chunk, list[str]] | None:
        """The passage of ``doc`` holding most of ``words`` (targets before
        body before task rows on ties), or ``None`` under :data:`MIN_SHARE`."""
        found = self.stating(doc, words)
        return found[0] if found else None

    def stating(self, doc: str, words: list[str]) -> list[tuple[Chunk, list[str]]]:
        """The passages of ``doc`` that state the target: the best one
        (:meth:`best`'s order), then up to :data:`PER_PLAN` − 1 more that
        hold as much of ``words`` (within :data:`TIE`) and give a value the
        earlier ones do not — a target written in the body list and again,
        with another figure, in an annex row or its sub-row ("Tỷ lệ hồ sơ
        trực tuyến … 90% - 80% …", "… thanh toán trực tuyến … đạt tối thiểu
        75%"). ``[]`` under :data:`MIN_SHARE`."""
        rank = {"target": 0, "paragraph": 1, "task": 2}
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        passages = self.by_doc.get(doc, [])
        scored = sorted(((_share(words, pairs, keys, text), -rank.get(c.kind, 3), c, v)
                         for keys, text, c, v in passages), key=lambda s: (s[0], s[1]), reverse=True)
        if scored and scored[0][0] < MIN_SHARE and len(words) >= LOOSE_WORDS:
            # "giải ngân vốn đầu tư công" written "giải ngân kế hoạch đầu tư công": all the
            # topic's words but one, with its first and last pairs as written, state it too
            ends = {pairs[0], pairs[-1]}
            scored = sorted(((MIN_SHARE, -rank.get(c.kind, 3), c, v) for keys, text, c, v in passages
                             if len(set(words) - keys) <= 1 and all(f" {e} " in text for e in ends)),
                            key=lambda s: (s[0], s[1]), reverse=True) or scored
        if not scored or scored[0][0] < MIN_SHARE:
            return []
        chosen: list[tuple[Chunk, list[str]]] = []
        shown: set[str] = set()
        for share, _, chunk, values in scored:
            if share < scored[0][0] - TIE or len(chosen) >= PER_PLAN:
                break
            if chosen and not set(values) - shown:
                continue
            chosen.append((chunk, values))
            shown |= set(values)
        return chosen

    def answer(self, query: Query) -> Answer | None:
        """Kind ``targets``: one cited line per plan in scope with the
        target's values, then the plans that do not state it; ``None`` when
        the question has no topic or no plan states it (passage search then)."""
        words = _topic(query.key, self.catalog)
        if query.topic and BACK_REFERENCE.search(query.key):
            # "các xã khác chỉ tiêu này thế nào?": the previous turn's subject
            words = _topic(canon(query.topic), self.catalog)
        if not words:
            return None
        docs = query.plans if query.plans else [d for d in sorted(self.plans) if d not in query.other_than]
        lines: list[str] = []
        citations: list[Citation] = []
        missing: list[str] = []
        answered = 0
        for doc in docs:
            found = self.stating(doc, words)
            if not found:
                missing.append(doc)
                continue
            answered += 1
            plan = self.plans.get(doc)
            places = [f"{', '.join(values)} — {chunk.locator}: “{_excerpt(chunk.quote, words)}”"
                      for chunk, values in found]
            lines.append(f"- {plan_label(self.catalog, doc)}: " + "; ".join(places))
            citations.extend(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                      chunk.page, chunk.quote, chunk.section) for chunk, _ in found)
        if not lines:
            return None
        head = f"Chỉ tiêu theo từng kế hoạch ({answered}/{len(docs)} kế hoạch nêu):"
        if missing:
            lines.append("Không nêu chỉ tiêu này: "
                         + ", ".join(plan_label(self.catalog, d) for d in missing) + ".")
        return Answer("\n".join([head, *lines]), False, citations, "targets", list(citations), query)
