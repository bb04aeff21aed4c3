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
good that gives another value (:meth:`TargetIndex.stating`). Words and pairs count by their rarity
among the figure-stating passages (:meth:`TargetIndex.weight`), so the specific part of a topic
("hài lòng", "đúng hạn") decides more than "thủ tục hành chính", which most targets hold. A
sub-row ("- Tối thiểu 20% phòng, ban, ngành") is read with its parent row's content ("Kiểm tra
cải cách hành chính"). A plan that sets the target in words with no figure is quoted so ("không
nêu con số", :meth:`TargetIndex.worded`); across plans, a plan that states nothing but a passage
holding the target's specific pair gets that passage, said as not quite it ("gần nhất",
:meth:`TargetIndex.nearest`). A plan with none is said so ("không nêu chỉ tiêu này"). Bounded: one line per plan (at most :data:`PER_PLAN` passages), excerpts of at
most :data:`EXCERPT` characters around the first topic word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from ingest.lexicon import canon
from ingest.model import Target
from ingest.targets import figures
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label, plan_title
from retrieval.answering.which import names_only_matching, values_meet
from retrieval.chunks import Chunk
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import (
    BACK_REFERENCE,
    COMPARISON_VERDICT,
    SUPERLATIVE,
    TARGET_CONTENT_WORDS,
    TARGET_FRAME,
    THRESHOLD_PHRASE,
)
from retrieval.question.selection import topic_words

__all__ = ["EXCERPT", "LOOSE_WORDS", "MIN_SHARE", "PER_PLAN", "TIE", "TargetIndex", "target_excerpt",
           "target_topic", "topic_values"]

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


def _topic(text: str, catalog: PlanCatalog) -> list[str]:
    """The topic's content words: ``text`` (a question's ``canon`` key)
    without the frame phrases (:data:`retrieval.question.cues.TARGET_FRAME`), the verdict asked ("ai cao
    hơn", "bằng nhau"), a superlative ("xã nào … cao nhất": each plan's value is
    given, :data:`retrieval.question.cues.SUPERLATIVE`), the back-reference words ("chỉ tiêu này"), the
    plans' names and the percentages it gives ("LH 96%, NAP bao nhiêu?":
    a value, not what is measured), in order."""
    names = sorted({a for e in catalog.entries for a in (*e.aliases, e.key) if a}, key=len, reverse=True)
    key = TARGET_FRAME.sub(" ", BACK_REFERENCE.sub(" ", COMPARISON_VERDICT.sub(" ", SUPERLATIVE.sub(" ", text))))
    for name in names:
        key = re.sub(rf"\b{re.escape(name)}\b", " ", key)
    return [w for w in topic_words(key, TARGET_CONTENT_WORDS) if not _PERCENT.fullmatch(w)]


#: A percentage as a canonical word ("96%", "12.5%").
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?%")


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
    if start and flat[start - 1] != " ":  # whole words only
        space = flat.find(" ", start, pos)
        start = space + 1 if space >= 0 else start
    if end < len(flat) and flat[end] != " ":
        space = flat.rfind(" ", max(start, pos), end)
        end = space if space > 0 else end
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def target_topic(q: Query, catalog: PlanCatalog) -> list[str]:
    """The target's content words in ``q`` ("Phú Thái đặt chỉ tiêu số hóa hồ
    sơ TTHC bao nhiêu %?" → ``["so", "hoa", "ho", "so", …]`` minus repeats):
    the question without its frame phrases and plan names."""
    return _topic(q.key, catalog)


def target_excerpt(text: str, words: list[str]) -> str:
    """At most :data:`EXCERPT` characters of ``text`` around the first of ``words``."""
    return _excerpt(text, words)


#: Where a passage divides its statements: ";", a sentence end, a " - " list dash, a line break.
_CLAUSE = re.compile(r"\s*(?:;|\.\s|\s-\s|^-\s|\n)\s*")


def topic_values(quote: str, words: list[str], values: list[str]) -> list[str]:
    """The figures of ``values`` (a passage's, :func:`ingest.targets.figures`)
    that the passage's clause on the topic gives: ``quote`` divided at ";",
    sentence ends and list dashes, the clauses stating a figure scored by how
    many of the topic's ``words`` they hold, the best one's figures ("- Tỷ lệ
    hồ sơ trực tuyến đạt tối thiểu 90% - 80% các TTHC … thanh toán trực
    tuyến" gives 80% for "thanh toán trực tuyến"); all ``values`` when no
    clause holds a topic word or none names a figure of them."""
    best, chosen = 0, list(values)
    for clause in _CLAUSE.split(quote):
        own = [v for v in figures(clause) if v in values]
        score = len(set(words) & set(canon(clause).split()))
        if own and score > best:
            best, chosen = score, own
    return chosen


def _share(words: list[str], pairs: list[str], keys: set[str], text: str,
           weight: Callable[[str], float] = lambda _: 1.0) -> float:
    """How much of the topic a passage holds (0..1): 0.3 × the share of its
    words + 0.7 × the share of its adjacent word pairs, so "số hóa hồ sơ" is
    not met by "hồ sơ … hóa" (folded syllables collide); each word and pair
    counts by ``weight`` (its rarity among the figure-stating passages), so
    "đúng hạn" decides more than "hồ sơ", which nearly every target holds."""
    single = sum(weight(w) for w in set(words) & keys) / sum(weight(w) for w in set(words))
    if not pairs:
        return single
    held = sum(weight(p) for p in pairs if f" {p} " in text)
    return 0.3 * single + 0.7 * held / sum(weight(p) for p in pairs)


def _siblings(first: Chunk, other: Chunk) -> bool:
    """Are ``first`` and ``other`` sub-rows of one numbered row (one target
    broken down: "- Tối thiểu 20% phòng, ban …", "- Tối thiểu 30% các cơ quan …")?"""
    return (first is not other and first.kind == other.kind == "task"
            and "(dòng con)" in (first.locator or "") and first.locator == other.locator
            and first.task_number == other.task_number and first.section == other.section)


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
                key = canon(f"{self._parent_content(chunk)} {chunk.quote}")
                self.by_doc.setdefault(chunk.doc, []).append((set(key.split()), f" {key} ", chunk, values))
        #: in how many figure-stating passages each word and adjacent word pair occurs
        self.df: Counter[str] = Counter()
        for passages in self.by_doc.values():
            for keys, text, _, _ in passages:
                tokens = text.split()
                self.df.update(keys | {f"{a} {b}" for a, b in zip(tokens, tokens[1:])})
        self.passage_count = sum(len(p) for p in self.by_doc.values())

    def _parent_content(self, chunk: Chunk) -> str:
        """The content of the numbered row a sub-row chunk belongs to ("" for
        any other chunk): a sub-row ("- Tối thiểu 20% phòng, ban, ngành") states
        the figure of its parent's task ("Kiểm tra cải cách hành chính"), so the
        parent's words are part of what it states."""
        plan = self.plans.get(chunk.doc)
        if chunk.kind != "task" or plan is None or "(dòng con)" not in (chunk.locator or ""):
            return ""
        parent = next((t for t in plan.tasks if t.number and t.number == chunk.task_number
                       and (chunk.section is None or t.section == chunk.section)), None)
        return parent.content or "" if parent is not None else ""

    def weight(self, term: str) -> float:
        """The rarity (idf) of a word or word pair among the figure-stating
        passages: ``log(1 + N / (1 + df))``; 1.0 for one no passage holds (a
        word of the question's phrasing far more often than of a target's:
        it counts, as much as a common word, but does not decide)."""
        df = self.df.get(term, 0)
        return math.log(1 + self.passage_count / (1 + df)) if df else 1.0

    def share(self, doc: str, words: list[str]) -> float:
        """How much of the topic ``words`` the best figure-stating passage of
        ``doc`` holds (0..1; 0 when ``doc`` states no figure)."""
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        return max((_share(words, pairs, keys, text, self.weight) for keys, text, _, _ in self.by_doc.get(doc, [])),
                   default=0.0)

    def key_pair(self, chunk: Chunk, words: list[str]) -> str | None:
        """The rarest adjacent word pair of the topic ``words`` that ``chunk``
        (a figure-stating passage) holds — what it says that other targets do
        not ("đúng hạn" of "hồ sơ giải quyết đúng hạn") — or ``None``."""
        text = next((t for _, t, c, _ in self.by_doc.get(chunk.doc, []) if c is chunk), "")
        held = [f"{a} {b}" for a, b in zip(words, words[1:]) if f" {a} {b} " in text]
        return max(held, key=self.weight) if held else None

    def holds(self, doc: str, term: str) -> bool:
        """Does a figure-stating passage of ``doc`` hold ``term`` (words, ``canon``)?"""
        return any(f" {term} " in text for _, text, _, _ in self.by_doc.get(doc, []))

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
        75%"); a sub-row's sibling sub-rows count as good (one target broken
        down). ``[]`` under :data:`MIN_SHARE`."""
        rank = {"target": 0, "paragraph": 1, "task": 2}
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        passages = self.by_doc.get(doc, [])
        scored = sorted(((_share(words, pairs, keys, text, self.weight), -rank.get(c.kind, 3), c, v)
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
        best = scored[0][2]
        for share, _, chunk, values in scored:
            if len(chosen) >= PER_PLAN:
                break
            if share < scored[0][0] - TIE and not _siblings(best, chunk):
                continue
            if chosen and not set(values) - shown:
                continue
            chosen.append((chunk, values))
            shown |= set(values)
        return chosen

    def _nearest_lines(self, missing: list[str], words: list[str], head: str,
                       citations: list[Citation]) -> list[str]:
        """One line per plan of ``missing`` with a passage near the target
        (:meth:`nearest`), said as not quite it; those plans leave ``missing``
        and their passages join ``citations``."""
        lines = []
        for doc in list(missing):
            near = self.nearest(doc, words, head)
            if not near:
                continue
            missing.remove(doc)
            plan = self.plans.get(doc)
            focus = head.split()[:1]  # the excerpt around the head pair
            lines.append(f"- {plan_label(self.catalog, doc)}: không nêu đúng chỉ tiêu này; gần nhất: " + "; ".join(
                f"{', '.join(values)} — {chunk.locator}: “{_excerpt(chunk.quote, focus)}”" for chunk, values in near))
            citations.extend(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                      chunk.page, chunk.quote, chunk.section) for chunk, _ in near)
        return lines

    def _head(self, query: Query, docs: list[str], words: list[str], missing: list[str]) -> str | None:
        """The topic pair every plan stating the target holds in its statement,
        the rarest of them (:meth:`key_pair`), when a question across plans
        left some plans without a statement; else ``None``."""
        if not missing or query.plan_named and len(query.plans) < 2:
            return None
        heads = {self.key_pair(found[0][0], words) for d in docs if d not in missing
                 for found in [self.stating(d, words)] if found}
        return heads.pop() if len(heads) == 1 else None

    def worded(self, doc: str, words: list[str]) -> Target | None:
        """The body target of ``doc`` (:attr:`ingest.model.Plan.targets`) that
        states the topic ``words`` with no figure ("Vượt chỉ tiêu thu ngân sách
        … đạt tỷ lệ cao"), holding at least :data:`MIN_SHARE` of them, or ``None``."""
        plan = self.plans.get(doc)
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        best, top = None, MIN_SHARE
        for target in plan.targets if plan is not None else []:
            if target.values:
                continue
            key = canon(target.text)
            share = _share(words, pairs, set(key.split()), f" {key} ", self.weight)
            if share >= top:
                best, top = target, share
        return best

    def nearest(self, doc: str, words: list[str], head: str) -> list[tuple[Chunk, list[str]]]:
        """The figure-stating passage of ``doc`` that holds the topic's
        ``head`` pair (the pair that makes the target the other plans state
        specific: "hài lòng" of "mức độ hài lòng về giải quyết TTHC") and most
        of ``words``, though under :data:`MIN_SHARE` ("Tỷ lệ khảo sát hài lòng
        của người dân trực tuyến … 94%"), best first, at most :data:`PER_PLAN`
        with different values; ``[]`` when none holds it."""
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        held = sorted(((_share(words, pairs, keys, text, self.weight), c, v)
                       for keys, text, c, v in self.by_doc.get(doc, []) if f" {head} " in text),
                      key=lambda h: h[0], reverse=True)
        chosen: list[tuple[Chunk, list[str]]] = []
        for _, chunk, values in held:
            if len(chosen) < PER_PLAN and set(values) - {v for _, vs in chosen for v in vs}:
                chosen.append((chunk, values))
        return chosen

    def answer(self, query: Query) -> Answer | None:
        """Kind ``targets``: one cited line per plan in scope with the
        target's values, then the plans that do not state it; ``None`` when
        the question has no topic or no plan states it (passage search then)."""
        # "đạt 90% trở lên": the bound (``query.threshold``) is no part of the topic
        words = _topic(THRESHOLD_PHRASE.sub(" ", query.key) if query.threshold else query.key, self.catalog)
        if query.topic and BACK_REFERENCE.search(query.key):
            # "các xã khác chỉ tiêu này thế nào?": the previous turn's subject
            words = _topic(canon(query.topic), self.catalog)
        if not words:
            return None
        docs = query.plans if query.plans else [d for d in sorted(self.plans) if d not in query.other_than]
        if names_only_matching(query, docs):
            return self._which_answer(query, docs, words)
        lines: list[str] = []
        citations: list[Citation] = []
        missing: list[str] = []
        answered = 0
        worded: list[str] = []
        for doc in docs:
            found = self.stating(doc, words)
            plan = self.plans.get(doc)
            target = None if found else self.worded(doc, words)
            if target is not None:  # the plan sets the target in words, no figure
                where = f"mục {target.section}" if target.section else "mục tiêu"
                worded.append(f"- {plan_label(self.catalog, doc)}: không nêu con số — {where}: "
                              f"“{_excerpt(target.text, words)}”")
                citations.append(Citation(doc, plan_title(plan) if plan else None, where, target.page,
                                          target.text))
                continue
            if not found:
                missing.append(doc)
                continue
            answered += 1
            places = [f"{', '.join(values)} — {chunk.locator}: “{_excerpt(chunk.quote, words)}”"
                      for chunk, values in found]
            lines.append(f"- {plan_label(self.catalog, doc)}: " + "; ".join(places))
            citations.extend(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                      chunk.page, chunk.quote, chunk.section) for chunk, _ in found)
        if not lines:
            return None
        head = f"Chỉ tiêu theo từng kế hoạch ({answered}/{len(docs)} kế hoạch nêu):"
        lines += worded
        specific = self._head(query, docs, words, missing)
        if specific is not None:
            lines += self._nearest_lines(missing, words, specific, citations)
        if missing:
            lines.append("Không nêu chỉ tiêu này: "
                         + ", ".join(plan_label(self.catalog, d) for d in missing) + ".")
        return Answer("\n".join([head, *lines]), False, citations, "targets", list(citations), query)

    def _which_answer(self, query: Query, docs: list[str], words: list[str]) -> Answer | None:
        """Kind ``targets`` for "kế hoạch nào đặt chỉ tiêu X (đạt 90% trở
        lên)?" (:attr:`Query.which`): the plans of ``docs`` that state the
        target — with a bound (``query.threshold``), those whose figure meets
        it — one cited line each; the others counted, not named (a plan with
        only a passage near the target does not state it; one setting it in
        words, without a figure, states it unless a figure or a bound is
        asked). ``None`` when no plan states the target at all (passage
        search then); an abstention saying so when plans state it but none
        meets the bound."""
        bound = query.threshold
        lines: list[str] = []
        citations: list[Citation] = []
        unstated = below = worded = 0
        for doc in docs:
            plan = self.plans.get(doc)
            found = self.stating(doc, words)
            target = None if found else self.worded(doc, words)
            if target is not None and not (bound or query.figure):
                where = f"mục {target.section}" if target.section else "mục tiêu"
                lines.append(f"- {plan_label(self.catalog, doc)}: không nêu con số — {where}: "
                             f"“{_excerpt(target.text, words)}”")
                citations.append(Citation(doc, plan_title(plan) if plan else None, where, target.page, target.text))
                continue
            if target is not None:
                worded += 1  # set in words: no figure to give or to compare
                continue
            if not found:
                unstated += 1
                continue
            if bound is not None:  # the figure the plan gives for the topic, against the bound
                found = [(chunk, own) for chunk, values in found
                         for own in [topic_values(chunk.quote, words, values)] if values_meet(own, bound)]
                if not found:
                    below += 1
                    continue
            # with a bound, the excerpt shows the figure compared
            lines.append(f"- {plan_label(self.catalog, doc)}: " + "; ".join(
                f"{', '.join(values)} — {chunk.locator}: “{_excerpt(chunk.quote, [canon(values[0])] if bound else words)}”"
                for chunk, values in found))
            citations.extend(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                      chunk.page, chunk.quote, chunk.section) for chunk, _ in found)
        if not lines and not (below or worded):
            return None
        level = f" {_BOUND_WORDS[bound[0]].format(_number(bound[1]))}" if bound else ""
        head = (f"Kế hoạch đặt chỉ tiêu này{level} ({len(lines)}/{len(docs)} kế hoạch):" if lines
                else f"Không kế hoạch nào đặt chỉ tiêu này{level}.")
        rest: list[str] = []
        if bound is not None and below:
            rest.append(f"{below} kế hoạch đặt mức {_BOUND_WORDS[_COMPLEMENT[bound[0]]].format(_number(bound[1]))}")
        if worded:
            rest.append(f"{worded} kế hoạch nêu chỉ tiêu này nhưng không nêu con số")
        if unstated:
            rest.append(f"{unstated} kế hoạch không nêu chỉ tiêu này")
        if rest:
            lines.append(f"{'Các kế hoạch còn lại' if lines else f'Trong {len(docs)} kế hoạch'}: {'; '.join(rest)}.")
        if not citations:  # no plan meets it: refused, saying what the plans set instead
            return abstention(query, reason="\n".join([head, *lines]))
        return Answer("\n".join([head, *lines]), False, citations, "targets", list(citations), query)


#: A bound said back in words (``Query.threshold``'s operator).
_BOUND_WORDS = {">=": "từ {}% trở lên", ">": "trên {}%", "<=": "từ {}% trở xuống", "<": "dưới {}%"}
#: The figures a bound leaves out ("từ 90% trở lên" leaves out "dưới 90%").
_COMPLEMENT = {">=": "<", ">": "<=", "<=": ">", "<": ">="}


def _number(value: float) -> str:
    """90.0 → "90", 5.5 → "5,5" (the decimal comma)."""
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")
