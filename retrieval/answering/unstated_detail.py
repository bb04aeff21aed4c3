"""Details a plan does not state, asked as if it did: refused with the reason,
the plan's own words on the subject quoted.

* a rank ("NAP phấn đấu chỉ số DTI xếp hạng thứ mấy?", "PAR INDEX đứng top
  mấy"): the plans say "nâng cao xếp hạng", rarely a place; refused unless the
  answer found writes one (:data:`retrieval.question.cues.RANK_STATED`);
* the prizes of a contest ("Hội thi … có cơ cấu giải thưởng thế nào?"): the
  plans assign the contest, not its prizes; refused unless the answer writes them;
* a figure of one field of procedures ("mức hài lòng TTHC lĩnh vực đất đai
  phải đạt bao nhiêu %?") where the answer's figure is the plan's general one
  (its sentence does not name the field): refused, the general figure said.

:func:`unstated_detail` is applied to the answer built for the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.textnorm import fold
from retrieval.answering.model import ABSTAIN, Answer, abstention
from retrieval.answering.rows import plan_label, shorten
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import FIELD_QUALIFIER, PRIZE_ASKED, PRIZE_STATED, RANK_ASKED, RANK_STATED

__all__ = ["unstated_detail"]

#: Characters of the plan's own words quoted in the refusal.
QUOTED = 300


def unstated_detail(query: Query, answer: Answer, catalog: PlanCatalog,
                    plan_text: Callable[[str], str]) -> Answer | None:
    """An abstention saying what the plan does not state (module docstring),
    with ``answer``'s passage quoted as what it does say; ``None`` when the
    question asks no such detail, ``answer`` abstained already, or its text
    states the detail (a field's figure: when no sentence of the plan's own text,
    ``plan_text(doc)``, writes the field with a figure)."""
    if not query.plans or query.task_refs or (answer.abstained and answer.text != ABSTAIN):
        return None
    if answer.abstained:  # nothing found at all: the detail asked is said not stated
        what = ("thứ hạng cụ thể" if RANK_ASKED.search(query.key)
                else "giải thưởng (cơ cấu giải)" if PRIZE_ASKED.search(query.key) else None)
        names = ", ".join(plan_label(catalog, d) for d in query.plans)
        return abstention(query, evidence=answer.evidence, reason=f"Kế hoạch {names} không nêu {what}.") \
            if what else None
    said = fold(answer.text + " " + " ".join(c.quote or "" for c in answer.citations))
    if RANK_ASKED.search(query.key) and not RANK_STATED.search(said):
        what = "thứ hạng cụ thể"
    elif PRIZE_ASKED.search(query.key) and not PRIZE_STATED.search(said):
        what = "giải thưởng (cơ cấu giải)"
    else:
        qualifier = FIELD_QUALIFIER.search(query.key) if query.figure else None
        if qualifier is None or all(w in said.split() for w in qualifier.group(1).split()):
            return None
        field = qualifier.group(1)
        if any(re.search(rf"\b{re.escape(field)}\b[^.;]*%", fold(plan_text(doc))) for doc in query.plans):
            return None  # "… lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 95%": stated
        what = f"chỉ tiêu riêng cho lĩnh vực {_written(query.text, qualifier.group(1))}"
    names = ", ".join(plan_label(catalog, d) for d in query.plans)
    return abstention(query, evidence=answer.citations,
                      reason=f"Kế hoạch {names} không nêu {what}; kế hoạch chỉ ghi: {shorten(answer.text, QUOTED)}")


def _written(text: str, folded: str) -> str:
    """``folded`` words as the question wrote them (diacritics kept), else as given."""
    words = text.split()
    n = len(folded.split())
    for i in range(len(words) - n + 1):
        span = " ".join(words[i:i + n])
        if fold(span).strip(",.?!:;") == folded:
            return span.strip(",.?!:;")
    return folded
