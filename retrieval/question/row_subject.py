"""A figure asked again of another plan after a row asked by its number:
"LH II.3.4 số hóa hồ sơ mục tiêu bao nhiêu %?" then "TX thì đạt bn?" (or "còn
TX thì sao?").

Row numbers belong to one plan (Trường Xuân's II.3.4, if any, is about
something else), so the follow-up asks the earlier question's *subject* — its
words without the plan's name, the row's number and the figure asked ("số hóa
hồ sơ") — of the plan named now, read afresh (a body target or a row of that
plan, whichever states it). Only when the earlier question wrote a subject of
at least :data:`MIN_SUBJECT` content words; else the usual follow-up applies.
"""

from __future__ import annotations

import re
from dataclasses import replace

from retrieval.question.catalog import PlanCatalog
from retrieval.question.cues import FIGURE_ASKED, FOLLOW_CUE, OBJECTIVE_CUE
from retrieval.question.model import Intent, Query
from retrieval.question.parse import content_words, parse_query

__all__ = ["MIN_SUBJECT", "row_subject_again"]

#: Fewest content words the earlier question's subject must have.
MIN_SUBJECT = 2
#: A row reference in a ``canon`` key: "ii.3.4", "3.4", "nv 22", "muc ii 3 4", "nhiem vu so 5".
_ROW_REF = re.compile(r"\b(?:(?:nhiem vu|nv|muc|dong|stt)(?: so)? )?(?:[ivx]+[. ])?\d{1,3}(?:\.\d{1,2}){0,2}\b")
#: Most words of the follow-up ("TX thì đạt bn", "còn Trường Xuân thì đạt bao nhiêu %?").
_SHORT = 8


def row_subject_again(question: Query, previous: Query, catalog: PlanCatalog) -> Query | None:
    """``question`` read as the earlier row question's subject asked of the
    plan(s) it names (module docstring), or ``None``."""
    if not (previous.intent == Intent.TASK and previous.task_refs
            and (previous.figure or "objective" in previous.fields)):
        return None
    if not (question.plan_named and question.plans and set(question.plans) != set(previous.plans)
            and question.intent == Intent.SEARCH and not question.task_refs and not question.has_filter
            and (question.figure or FOLLOW_CUE.search(question.key)) and len(question.key.split()) <= _SHORT):
        return None
    if [w for w in question.content if not FIGURE_ASKED.search(w) and not FOLLOW_CUE.search(w)
            and w not in ("dat", "muc", "tieu", "chi")]:
        return None  # a subject of its own: asked as it stands
    subject = _ROW_REF.sub(" ", catalog.without_names(previous.key))
    subject = OBJECTIVE_CUE.sub(" ", FIGURE_ASKED.sub(" ", subject))
    if len(content_words(subject.split())) < MIN_SUBJECT:
        return None
    names = " ".join(next(e.key for e in catalog.entries if e.doc == doc) for doc in question.plans)
    asked = parse_query(f"{names} {' '.join(subject.split())} dat bao nhieu %", catalog)
    if set(asked.plans) != set(question.plans) or asked.task_refs:
        return None
    return replace(asked, mentioned=list(question.mentioned) or [*previous.mentioned, *previous.plans])
