"""The cells a question describes its row by: "Lộc Hòa mục VI 2.1 (CSDL chuyên
ngành) hạn khi nào" names the row by its number and by what its Sản phẩm cell
writes. The answer shows that cell beside the fields asked, so the asker sees
the row answered is the one meant (a loose section number, a number restarting
per section).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ingest.lexicon import canon
from ingest.model import Task
from ingest.textnorm import fold
from retrieval.query import Query
from retrieval.question.cues import QUESTION_PARTICLES
from retrieval.question.parse import strip_cues
from retrieval.question.selection import topic_words

__all__ = ["DESCRIBING_WORDS", "described_fields"]

#: Fewest of the question's content words a cell must write to be the one it describes the row by.
DESCRIBING_WORDS = 2

#: The cells a row may be described by, beyond the content the answer always shows.
_CELLS = ("product", "coordinating", "lead")


def described_fields(task: Task, query: Query, names: AbstractSet[str]) -> list[str]:
    """The fields of ``task`` not asked whose cell writes at least
    :data:`DESCRIBING_WORDS` of the question's content words (the field cues,
    plan ``names`` and question particles out), in table order; ``[]`` when
    the question asks the whole row (no field)."""
    if not query.fields:
        return []
    words = {w for w in topic_words(strip_cues(query.key)) if w not in names and w not in QUESTION_PARTICLES}
    if len(words) < DESCRIBING_WORDS:
        return []
    shown = set(canon(task.content or "").split())
    typed = _surface(query.text)
    found = []
    for field in _CELLS:
        cell = getattr(task, field, None)
        if field in query.fields or not cell:
            continue
        held = (set(canon(cell).split()) & words) - shown
        written = _surface(cell)
        # words the content does not show, or the whole cell typed as the plan writes it ("CSDL chuyên ngành")
        if len(held) >= DESCRIBING_WORDS or (len(written) >= DESCRIBING_WORDS and written <= typed):
            found.append(field)
    return found


def _surface(text: str) -> set[str]:
    """The words of ``text`` as typed, folded and lower-cased, no abbreviation
    written out ("CSDL chuyên ngành" → {"csdl", "chuyen", "nganh"})."""
    return set(re.findall(r"\w+", fold(text).lower()))
