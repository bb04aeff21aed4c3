"""A unit's body duty that writes what a question asks more fully than the
annex row a content look-up found: "Việt Khê giao phòng nào duy trì ISO 9001
và thí điểm ISO 18091?", "… đơn vị nào chủ trì triển khai, duy trì, cải tiến
hệ thống ISO 9001:2015?" — Phòng Kinh tế's duty in "Tổ chức thực hiện" writes
both standards and the work on them, while the row the words find ("Kiểm tra
việc xây dựng, áp dụng, duy trì … ISO 9001:2015", Phòng Văn hóa – Xã hội) is
the check of that work.

The question's terms (its content words, the field cues and plan names out,
and the numbers that name a standard or a document: "9001", "18091"; not a
year) are compared with the row's (with its sub-rows) and with each duty's.
A duty wins when it writes every term the row writes and more, at least
:data:`DUTY_COVER` of them, and what it adds is telling: a term no row of the
plan writes ("18091"), or the row is an act of oversight
(:data:`ingest.lexicon.OVERSIGHT_OPENERS`: "Kiểm tra việc …") the question
does not ask.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ingest.lexicon import OVERSIGHT_OPENERS, canon, contains_words
from ingest.model import Plan, Responsibility, Task
from retrieval.answering.duty_phrase import asks_duty_holder, duty_lines
from retrieval.answering.lookup import described_words, lookup_rows, row_text
from retrieval.answering.model import Answer
from retrieval.answering.rows import sub_rows
from retrieval.query import PlanCatalog, Query
from retrieval.question.parse import strip_cues

__all__ = ["DUTY_COVER", "dominant_duties", "dominant_duty_answer", "question_terms"]

#: Share of the question's terms a duty must write to be preferred over the row.
DUTY_COVER = 0.9
#: Fewest terms a question needs for the comparison to mean anything.
_MIN_TERMS = 3
#: A number naming a standard or a document ("9001", "18091"), not a year nor a row number.
_CODE = re.compile(r"(?<![\d/])\d{3,6}(?![\d/])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def question_terms(key: str, names: AbstractSet[str]) -> set[str]:
    """The terms of a question (``canon`` key) compared with rows and duties:
    its content words (:func:`retrieval.answering.lookup.described_words` of
    the key without its field cues) and the code numbers it writes."""
    text = strip_cues(key)
    return set(described_words(text, names)) | {n for n in _CODE.findall(text) if not _YEAR.match(n)}


def _terms(text: str | None) -> set[str]:
    key = canon(text)
    return set(key.split()) | set(re.findall(r"\d+", key))


def _oversight(task: Task, key: str) -> bool:
    """Does ``task`` open with an act of oversight the question ``key`` does not write?"""
    content = canon(task.content)
    return any(re.match(opener + r"\b", content) and contains_words(key, opener) < 0
               for opener in OVERSIGHT_OPENERS)


def dominant_duties(plan: Plan, task: Task, key: str, names: AbstractSet[str]) -> list[tuple[Responsibility, str]]:
    """The duties of ``plan``'s units that write the question (``canon``
    ``key``) more fully than its row ``task`` (module docstring), those
    writing most of its terms first; ``[]`` when the row stands."""
    asked = question_terms(key, names)
    if len(asked) < _MIN_TERMS or not plan.responsibilities:
        return []
    row = set().union(*(_terms(row_text(t)) for t in (task, *sub_rows(plan, task)))) & asked
    written = set().union(*(_terms(row_text(t)) for t in plan.tasks))
    scored: list[tuple[int, Responsibility, str]] = []
    for unit in plan.responsibilities:
        for duty in unit.duties:
            have = _terms(duty) & asked
            if not (row < have and len(have) >= DUTY_COVER * len(asked)):
                continue
            if (have - row) - written or _oversight(task, key):
                scored.append((len(have), unit, duty))
    if not scored:
        return []
    best = max(s for s, _, _ in scored)
    return [(unit, duty) for s, unit, duty in scored if s == best]


def dominant_duty_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Kind ``duties``: per plan of ``plans``, the duties that write a lead
    question (:func:`retrieval.answering.duty_phrase.asks_duty_holder`) more
    fully than the rows the content look-up finds (:func:`dominant_duties`),
    each with its unit and section, cited; ``None`` unless every plan has
    such a duty for each of its rows found (the rows answer then)."""
    if not asks_duty_holder(query) or not plans:
        return None
    names = catalog.name_words
    blocks, citations = [], []
    for plan in plans:
        rows = lookup_rows([plan], query, names)
        chosen: list[tuple[Responsibility, str]] = []
        for _, _, task in rows:
            duties = dominant_duties(plan, task, query.key, names)
            if not duties:
                return None
            chosen.extend(d for d in duties if d not in chosen)
        if not chosen:
            return None
        lines, cited = duty_lines(plan, catalog, chosen)
        blocks.extend(lines)
        citations.extend(cited)
    return Answer("\n".join(blocks), False, citations, "duties", list(citations), query)
