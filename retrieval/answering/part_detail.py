"""A detail of the body asked by the part it is written in.

"Trong phần mục tiêu kế hoạch ghi tinh giản biên chế giai đoạn nào?", "phần
chỉ tiêu có ghi giai đoạn khác không?" (after an annex row was shown), "mục
tổ chức thực hiện nói báo cáo gửi ai?" name a part of the plan's body by its
heading's words (:data:`retrieval.question.cues.PART_NAMED`), not by its
number (:mod:`retrieval.answering.section`), and ask one detail of it, not its
whole list (:mod:`retrieval.answering.sections`). The answer is the sentence of
that part (its sub-sections included) that best supports the question, the
words naming the part left out of the score; a question with no subject of
its own ("… có ghi giai đoạn khác không?") takes the subject of the row the
conversation just showed (``Query.recent_keys``). Sentence search over the
whole plan would prefer the annex row that repeats the subject, or miss the
sentence because the part's name weighs in the score.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.lexicon import canon
from ingest.model import Plan, Section
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import has_figure, plan_label, plan_title, row_key, shorten
from retrieval.answering.scoring import support
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import PART_NAMED, QUESTION_PARTICLES, SAYS_ASKED

if TYPE_CHECKING:
    from retrieval.answering.text import PassageAnswerer
    from retrieval.chunks import Chunk

__all__ = ["named_parts", "part_detail_answer"]

#: Words of the part's name the question must give (its heading's first words, in order).
MIN_PART_WORDS = 2
#: A heading of more words than this is an item's text, not a part's name.
MAX_HEADING_WORDS = 10
#: A heading ending with ":" up to this length is a label (a unit's name), not an item's text.
MAX_LABEL_CHARS = 100
#: A heading's numbering and generic opening ("II.", "2.", "c)", "về", "các", "một số").
_OPENING = re.compile(r"^(?:(?:[ivxl]+|\d+|[a-z])\s+)?(?:ve\s+)?(?:mot so\s+|cac\s+|nhung\s+)?")
#: Share of the question's (or the row's) content weight the sentence must hold.
MIN_PART_SUPPORT = 0.45
#: A question with fewer content words of its own than this (particles such as
#: "ghi" not counted) asks about the row just shown, when there is one.
MIN_OWN_WORDS = 3
#: Sentences given per plan: the best and those scoring at least RATIO of it.
MAX_PART_SENTENCES, RATIO = 3, 0.9
#: Characters quoted per sentence.
SENTENCE_CHARS = 500


def _heading_words(section: Section) -> str | None:
    """The heading's canonical words without its numbering and generic opening
    ("2. Các chỉ tiêu chủ yếu đến năm 2030" → "chi tieu chu yeu den nam
    2030"); ``None`` for a heading that is a sentence (an item's text, not a
    part's name: over :data:`MAX_HEADING_WORDS` words)."""
    words = _OPENING.sub("", canon(section.heading)).strip()
    return words if len(words.split()) <= MAX_HEADING_WORDS else None


def named_parts(query: Query, plan: Plan) -> tuple[list[Section], set[str]]:
    """The body sections of ``plan`` whose heading opens with the words the
    question names a part by ("phần mục tiêu" → "II. MỤC TIÊU, CHỈ TIÊU" and
    "1. Mục tiêu"; "phần chỉ tiêu" → "2. Các chỉ tiêu chủ yếu"), the
    longest such run of at least :data:`MIN_PART_WORDS` words, and those
    words with the cue; ``([], set())`` when the question names no part so."""
    headings = [(s, h) for s in plan.sections if s.locator and (h := _heading_words(s))]
    for m in PART_NAMED.finditer(query.key):
        words = m.group(1).split()
        for n in range(len(words), MIN_PART_WORDS - 1, -1):
            phrase = " ".join(words[:n])
            found = [s for s, h in headings if f"{h} ".startswith(f"{phrase} ")]
            if found:
                return found, set(words[:n]) | {m.group(0).split()[0]}
    return [], set()


def _title(section: Section | None) -> str:
    """The name a sentence is shown under: its section's heading, or the
    nearest one above when that heading is the item's own text (a sentence
    of over :data:`MAX_HEADING_WORDS` words). A heading that introduces its
    items with ":" ("b, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã:",
    a unit's name) names them however many words it has, up to
    :data:`MAX_LABEL_CHARS` characters."""
    for heading in reversed(section.path or [section.heading]) if section else []:
        label = heading.strip().endswith(":") and len(heading.strip()) <= MAX_LABEL_CHARS
        if label or len(canon(heading).split()) <= MAX_HEADING_WORDS:
            return heading.strip().rstrip(":")
    return ""


def _under(locator: str | None, parts: list[Section]) -> bool:
    """Is the section ``locator`` one of ``parts`` or under one of them?"""
    if not locator:
        return False
    return any(locator == s.locator or locator.startswith(f"{s.locator}.") for s in parts)


def _row_text(plan: Plan, query: Query) -> str | None:
    """The content of the row the conversation showed last in ``plan``, if any."""
    for doc, key in reversed(query.recent_keys):
        if doc != plan.doc:
            continue
        row = next((t for t in plan.tasks if t.number and row_key(plan, t) == key), None)
        if row is not None and row.content:
            return row.content
    return None


def _weights(query: Query, plan: Plan, part_words: set[str], passages: PassageAnswerer,
             catalog: PlanCatalog) -> dict[str, float]:
    """The question's term weights without the words naming the part nor
    those asking whether it says something (:data:`SAYS_ASKED`); with too
    few words of its own, the weights of the row just shown added."""
    def kept(weights: dict[str, float]) -> dict[str, float]:
        return {t: w for t, w in weights.items() if not set(t.split()) & part_words}

    asked = replace(query, key=SAYS_ASKED.sub(" ", query.key))  # "có nhắc … không": the asking
    own = kept(passages.term_weights.weights(asked, catalog))
    subject = [t for t in own if " " not in t and t not in QUESTION_PARTICLES]
    if len(subject) >= MIN_OWN_WORDS:
        return own
    row = _row_text(plan, query)
    if row is None:
        return own if subject else {}
    shown = kept(passages.term_weights.weights(replace(query, text=row, key=canon(row)), catalog))
    return {**shown, **own}


def part_detail_answer(query: Query, plans: list[Plan], catalog: PlanCatalog,
                       passages: PassageAnswerer) -> Answer | None:
    """Per plan of ``plans`` whose body has the part ``query`` names
    (:func:`named_parts`): the sentences of that part that best support the
    question (at least :data:`MIN_PART_SUPPORT`), each with its section's
    heading and cited "mục <locator>". ``None`` when the question names no
    part, or no sentence of it supports the question (the caller answers
    otherwise)."""
    blocks, citations = [], []
    for plan in plans:
        parts, words = named_parts(query, plan)
        if not parts:
            continue
        weights = _weights(query, plan, words, passages, catalog)
        if not weights:
            continue
        scored = []
        for chunk, _, raw, present in passages.body_sentences(plan.doc):
            if _under(chunk.section, parts) and (not query.figure or has_figure(raw)):
                score = support(weights, present)
                if score >= MIN_PART_SUPPORT:
                    scored.append((score, chunk, raw))
        if not scored:
            continue
        scored.sort(key=lambda x: -x[0])
        unique: list[tuple[float, Chunk, str]] = []
        for x in scored:  # a list item once (its sentences are scored one by one)
            if all(x[2] != u[2] for u in unique):
                unique.append(x)
        best = [x for x in unique if x[0] >= RATIO * scored[0][0]][:MAX_PART_SENTENCES]
        sections = {s.locator: s for s in plan.sections}
        lines = []
        for _, chunk, raw in best:
            heading = _title(sections.get(chunk.section or ""))
            where = f"mục {chunk.section}"
            lines.append(f"{plan_label(catalog, plan.doc)} – {heading} ({where}): {shorten(raw, SENTENCE_CHARS)}")
            citations.append(Citation(plan.doc, plan_title(plan), where, chunk.page,
                                      shorten(raw, SENTENCE_CHARS), chunk.section))
        blocks.extend(lines)
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "extractive", list(citations), query)
