"""Whether each plan gives a unit a task on a subject, a yes/no per plan
("So với Nam An Phụ, Việt Khê có giao Phòng Kinh tế việc về tài sản công
không?", "NAP và TX có giao Trung tâm Phục vụ HCC làm ISO không?", "Phòng
Kinh tế có được giao nhiệm vụ về tài sản công không?" :data:`ASSIGNED_ASKED`).

Per plan in scope: "có" with the annex rows the unit leads whose row writes
the subject (as a phrase, or every content word of it), cited; else
"không", and the rows on the subject that another unit leads, when there
are, so the asker sees who has it. A strict reading: a yes/no about one
subject is not answered by rows that share only some of its words.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon, contains_words
from ingest.model import Plan, Task
from retrieval.answering.model import Answer
from retrieval.answering.rows import plan_label, sub_rows, task_citation
from retrieval.answering.tasks import unit_in_role
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ASSIGNED_ASKED, QUESTION_WORD
from retrieval.question.parse import question_unit

__all__ = ["asked_assignment", "assigned_answer"]

#: A subject of this many words or more is also met by a row holding every one of them apart.
LOOSE_WORDS = 4
#: Most rows quoted per plan and answer.
ROWS_SHOWN = 6


def asked_assignment(query: Query, catalog: PlanCatalog) -> tuple[str, str, str] | None:
    """(unit key, unit as the plans write it, subject key) when ``query``
    asks whether a plan gives a unit a task on a subject
    (:data:`ASSIGNED_ASKED`), no row number; ``None`` otherwise (also when
    the unit is none of the loaded plans' or the subject has no content word)."""
    if query.task_refs:
        return None
    m = ASSIGNED_ASKED.search(query.key)
    if m is None:
        return None
    unit_text = m.group("unit") or m.group("unit2")
    topic = m.group("topic") or m.group("topic2")
    unit = question_unit(unit_text, catalog)
    topic = re.sub(r"^(?:ve|viec|nhiem vu|cong viec|lam) ", "", topic).strip()
    if unit is None or not _words(topic) or QUESTION_WORD.search(topic):
        return None  # "có giao Phòng X việc gì không": no subject to check
    return unit.key, unit.text, topic


def _with_sub_rows(plan: Plan, task: Task) -> list[Task]:
    return [task, *sub_rows(plan, task)]


def _row_text(plan: Plan, task: Task) -> str:
    rows = _with_sub_rows(plan, task)
    text = canon(" ".join(filter(None, (v for r in rows for v in (r.content, r.objective, r.product)))))
    return re.sub(r"(?<=\d)[:/.](?=\d)", " ", text)  # "ISO 18091:2020" holds "iso 18091"


def _about(plan: Plan, task: Task, topic: str) -> bool:
    """Does the row (with its sub-rows) write the subject as a phrase, or (a
    long subject) every one of its words?"""
    text = _row_text(plan, task)
    words = _words(topic)
    return contains_words(text, topic) >= 0 or (len(words) >= LOOSE_WORDS and words <= set(text.split()))


#: Words that frame a subject without being it.
_FRAME = frozenset("cac nhung viec mot so".split())


def _words(topic: str) -> set[str]:
    return set(topic.split()) - _FRAME


def _line(task: Task) -> str:
    content = (task.content or "").strip()
    content = content if len(content) <= 160 else content[:157].rstrip() + "…"
    parts = [f"chủ trì: {task.lead}" if task.lead else "", f"thời gian hoàn thành: {task.deadline}" if task.deadline else ""]
    extra = "; ".join(p for p in parts if p)
    return f"  - Nhiệm vụ {task.number}: {content}" + (f" ({extra})" if extra else "")


def assigned_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Kind ``task``: per plan of ``plans`` whether it gives the unit asked a
    task on the subject (module docstring); ``None`` when the question is not
    so asked or no plan in scope has an annex."""
    asked = asked_assignment(query, catalog)
    if asked is None or not any(p.tasks for p in plans):
        return None
    unit, unit_text, topic = asked
    shown = _written(topic, query.text)
    lines: list[str] = []
    citations = []
    for plan in plans:
        label = plan_label(catalog, plan.doc)
        if not plan.tasks:
            lines.append(f"{label}: kế hoạch không có phụ lục nhiệm vụ.")
            continue
        on_topic = [t for t in plan.tasks if t.number and _about(plan, t, topic)]
        led = [t for t in on_topic if any(unit_in_role(unit, r, "lead") for r in _with_sub_rows(plan, t))]
        if led:
            leads = "; ".join(dict.fromkeys(r.lead for t in led for r in _with_sub_rows(plan, t)
                                            if r.lead and unit_in_role(unit, r, "lead")))
            lines.append(f"{label}: có — nhiệm vụ {', '.join(t.number or '' for t in led)} về “{shown}” "
                         f"do {leads} chủ trì:")
            lines += [_line(t) for t in led[:ROWS_SHOWN]]
            citations += [task_citation(plan, t) for t in led[:ROWS_SHOWN]]
            continue
        lines.append(f"{label}: không — phụ lục không có nhiệm vụ về “{shown}” do {unit_text} chủ trì.")
        if on_topic:
            lines.append("  Nhiệm vụ về nội dung này do đơn vị khác chủ trì:")
            lines += [_line(t) for t in on_topic[:ROWS_SHOWN]]
            citations += [task_citation(plan, t) for t in on_topic[:ROWS_SHOWN]]
    return Answer("\n".join(lines), False, citations, "task", list(citations), query)


def _written(topic: str, text: str) -> str:
    """The subject as the question types it (diacritics and abbreviations
    kept: "kiểm tra CCHC"), else its key."""
    words = re.findall(r"\w+", text)
    keys = [canon(w) for w in words]
    for i in range(len(words)):
        joined = ""
        for j in range(i, len(words)):
            joined = f"{joined} {keys[j]}".strip()
            if joined == topic:
                return " ".join(words[i:j + 1])
            if len(joined) >= len(topic):
                break
    return topic
