"""A unit's duty that says what a "who is given …" question asks better than
any annex row does.

"Ở Việt Khê phòng nào được giao duy trì ISO 9001 và thí điểm ISO 18091?":
the look-up's best row is "Kiểm tra việc … duy trì và cải tiến … ISO
9001:2015" (Phòng Văn hóa – Xã hội checks it), while the implementation
part gives Phòng Kinh tế "triển khai áp dụng, duy trì, cải tiến … ISO
9001:2015 … và thí điểm áp dụng … ISO 18091-2020". When one duty of the
named plan (:attr:`ingest.model.Plan.responsibilities`) writes nearly every
word of the question that the plan's texts write and at least
:data:`MORE_WORDS` more of them than the best row, and its unit is not that
row's lead, the duty's unit answers, and the row is named beside it with its
own lead (both are the plan's words; the row is another task on the same
subject). ``None`` otherwise: the look-up answers as before.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan, Responsibility, Task
from ingest.units import split_units, unit_key
from retrieval.answering.lookup import lookup_rows
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import FIELD_LABELS, plan_label, plan_title, shorten, task_citation
from retrieval.query import Query
from retrieval.question.catalog import PlanCatalog
from retrieval.question.parse import question_unit, strip_cues
from retrieval.question.selection import FUNCTION_WORDS

__all__ = ["covering_duty_answer"]

#: The duty must write this share of the question's words the plan writes …
MIN_SHARE = 0.75
#: … and this many more of them than the best row.
MORE_WORDS = 2
#: A word more than this share of the plan's texts write says nothing of which one is meant.
COMMON = 0.4
#: Characters quoted of the duty and of the row.
QUOTE_CHARS = 500


def _words(text: str) -> set[str]:
    """The canonical words of ``text``, numbers split at ":", "." and "-" ("9001:2015" → "9001", "2015")."""
    return {w for w in re.split(r"[\s:./-]+", canon(text)) if w}


def _led_by(task: Task, unit: str) -> bool:
    """Does ``unit`` (a unit key) lead ``task``?"""
    return any(unit_key(u) == unit for u in split_units(task.lead or ""))


def covering_duty_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """The duty (module docstring) of the one plan in ``plans`` whose unit the
    question asks, the best row beside it; ``None`` when the question asks no
    lead, names a unit itself, names no single plan, or no duty covers it so
    much better."""
    if "lead" not in query.fields or query.task_refs or len(plans) != 1 or query.unit \
            or question_unit(query.text, catalog) is not None:
        return None  # a unit named ("Phòng Kinh tế chủ trì thẩm định gì?") asks its duty, not who
    plan = plans[0]
    duties = [(r, d) for r in plan.responsibilities for d in r.duties]
    rows = lookup_rows(plans, query, catalog.name_words)
    if not duties or not rows:
        return None
    texts = [_words(d) for _, d in duties] + [_words(t.content or "") for t in plan.tasks]
    asked = _words(strip_cues(query.key)) - catalog.name_words - FUNCTION_WORDS
    known = {w for w in asked if 0 < sum(w in t for t in texts) <= COMMON * len(texts)}
    if len(known) < 3:
        return None
    row = rows[0][2]
    row_cover = len(known & _words(row.content or ""))
    resp, duty = max(duties, key=lambda rd: len(known & _words(rd[1])))
    cover = len(known & _words(duty))
    if cover < MIN_SHARE * len(known) or cover < row_cover + MORE_WORDS or _led_by(row, unit_key(resp.unit)):
        return None
    return _answer(query, plan, catalog, resp, duty, row)


def _answer(query: Query, plan: Plan, catalog: PlanCatalog, resp: Responsibility, duty: str, row: Task) -> Answer:
    where = f"mục {resp.section}" if resp.section else "Tổ chức thực hiện"
    lines = [f"{plan_label(catalog, plan.doc)}: {resp.unit} ({where}) được giao: {shorten(duty, QUOTE_CHARS)}",
             f"Trong phụ lục, {row.label} ({shorten(row.content, QUOTE_CHARS)}) — "
             f"{FIELD_LABELS['lead']}: {row.lead or 'không ghi'}."]
    citations = [Citation(plan.doc, plan_title(plan), where, None, shorten(duty, QUOTE_CHARS)),
                 task_citation(plan, row)]
    return Answer("\n".join(lines), False, citations, "duties", list(citations), query)
