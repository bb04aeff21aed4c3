"""A subject asked of a plan's texts, weighed by how rarely the plan writes it.

"… làm gì với kinh phí CCHC", "… căn cứ nghị định nào về cơ chế tự chủ tài
chính": the subject's adjacent word pairs (:func:`subject_terms`; its word
when it is one), each weighted by 1 / the number of the plan's duties and
annex rows that write it (:func:`subject_weights`), so a pair every text
writes ("cải cách hành chính") counts for little; a text scores the weights
of the pairs it writes (:func:`best_texts`).
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan

__all__ = ["best_texts", "is_subject", "pairs", "subject_terms", "subject_weights"]

#: Words that name only the plan, its genre or its parts ("trong KH CCHC", "trong phần tổ
#: chức thực hiện", "theo phụ lục"): a subject of these alone is no subject.
_PLAN_ITSELF = frozenset("""
ke hoach cai cach hanh chinh nha nuoc xa nam giai doan nay do cua cac va phan muc to chuc thuc hien
phu luc than van ban quyet dinh theo phan cong tren dia
""".split())


def is_subject(topic: str, names: frozenset[str] | set[str] = frozenset(), least: int = 1) -> bool:
    """Does ``topic`` (canonical) name a subject beyond the plan itself: at
    least ``least`` words that are no plan-name word (``names``) nor one of
    :data:`_PLAN_ITSELF`?"""
    return len([w for w in topic.split() if w not in _PLAN_ITSELF and w not in names and not w.isdigit()]) >= least

#: Words that only join others ("của", "và", "các"): no half of a subject's pair. Not
#: "the", which is also the "thể" of "thể chế"; a pair many texts write weighs little.
_JOINING = frozenset("cua cac nhung va voi cho trong la thi duoc o ve den toi nay do khong".split())
#: Where a phrase of a text ends.
_BREAK = re.compile(r"[,;:.()/\n\u2013\u2014]+|\s-\s")


def pairs(text: str) -> set[str]:
    """The adjacent word pairs of ``text`` (canonical), within its phrases,
    no joining word (:data:`_JOINING`) in either half, and its single words
    (a one-word subject, "ISO", is matched by the word)."""
    found: set[str] = set()
    for phrase in _BREAK.split(text):
        words = canon(phrase).split()
        found |= {f"{a} {b}" for a, b in zip(words, words[1:]) if a not in _JOINING and b not in _JOINING}
        found |= {w for w in words if w not in _JOINING}
    return found


def subject_terms(topic: str) -> set[str]:
    """What a text must write of the subject: its word pairs, or its word when it is one."""
    found = pairs(topic)
    two = {p for p in found if " " in p}
    return two or found


def subject_weights(plan: Plan, wanted: set[str], texts: list[str] | None = None) -> dict[str, float]:
    """Each pair of ``wanted`` → 1 / the number of the plan's duties, annex rows
    and other ``texts`` writing it (a pair no text writes is left out)."""
    written = [pairs(d) for r in plan.responsibilities for d in r.duties]
    written += [pairs(t.content or "") for t in plan.tasks]
    written += [pairs(t) for t in texts or []]
    counts = {p: sum(p in t for t in written) for p in wanted}
    return {p: 1 / n for p, n in counts.items() if n}


def best_texts(texts: list[str], weights: dict[str, float], floor: float = 0.0) -> list[tuple[float, int]]:
    """(score, index) of ``texts`` scoring above ``floor`` (and above 0) by the
    weighted pairs they share, best first."""
    scored = [(sum(w for p, w in weights.items() if p in pairs(t)), i) for i, t in enumerate(texts)]
    return sorted(((s, i) for s, i in scored if s > 0 and s >= floor), key=lambda x: (-x[0], x[1]))
