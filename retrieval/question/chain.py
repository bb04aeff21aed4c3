"""The question a run of follow-ups started from: :func:`base_question`.

"Bên Nam An Phụ báo cáo quý nộp trước ngày mấy?" → "vậy nộp qua ai?" →
"thế ở Phú Thái thì sao?": the last turn asks the like of the row the
second one pointed at, but Phú Thái has no annex, so what it asks again is
the first question, the one that named its plan and said what it wanted.
"""

from __future__ import annotations

from collections.abc import Iterable

from retrieval.question.catalog import PlanCatalog
from retrieval.question.cues import FOLLOW_CUE
from retrieval.question.model import Query
from retrieval.question.parse import parse_query

__all__ = ["base_question"]

#: Fewest words of a question that says what it wants on its own.
_FULL_WORDS = 6


def base_question(questions: Iterable[str], catalog: PlanCatalog) -> Query | None:
    """The latest of ``questions`` (earlier turns, oldest first) that names its
    plan and asks a whole thing — at least :data:`_FULL_WORDS` words, not
    opening with a follow-up cue ("vậy …", "còn …", "thế …") — parsed on its
    own; ``None`` when none does."""
    for text in reversed(list(questions)):
        q = parse_query(text, catalog)
        if q.plan_named and len(q.key.split()) >= _FULL_WORDS and not FOLLOW_CUE.match(q.key):
            return q
    return None
