"""One unit's duty on one subject, asked in the unit's name.

"TX phòng kinh tế làm gì với kinh phí CCHC?", "Văn phòng lo gì về cải cách
thể chế?", "Trung tâm PVHCC có vai trò gì trong việc tiếp nhận hồ sơ?",
"phòng VH-XH có trách nhiệm gì đối với khảo sát sự hài lòng?"
(:data:`retrieval.question.cues.UNIT_TOPIC_ASKED`): the duties the plan lists
for that unit (:attr:`ingest.model.Plan.responsibilities`) that write the
subject, best first, then the annex rows the unit leads on it. A duty is
scored by the subject's content-word pairs it shares (each pair weighted by
how few of the plan's duties write it, so "cải cách hành chính" counts for
little), and the duties scoring at least half the best are given. ``None``
when the question names no unit with listed duties or none writes the
subject (the caller answers otherwise).
"""

from __future__ import annotations

from dataclasses import replace

from ingest.model import Plan, Task
from ingest.units import split_units, unit_key
from retrieval.answering.duties import DUTY_CHARS, chosen_units, named_unit
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten, task_citation
from retrieval.answering.subject import best_texts, is_subject, subject_terms, subject_weights
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import UNIT_TOPIC_ASKED
from retrieval.question.parse import question_unit

__all__ = ["asked_topic", "unit_topic_answer"]

#: A duty is given when it scores at least this share of the best one's score.
KEEP_SHARE = 0.5
#: Annex rows the unit leads on the subject, at most.
MAX_ROWS = 5


def asked_topic(query: Query, names: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The subject of a unit's duty asked ("kinh phi cai cach hanh chinh"), or
    ``None`` when the question does not ask so, numbers a row, or names only
    the plan or its part ("trách nhiệm gì trong KH CCHC", ``names`` the
    plan-name words: :func:`retrieval.answering.subject.is_subject`)."""
    if query.task_refs:
        return None
    m = UNIT_TOPIC_ASKED.search(query.key)
    return m.group("topic") if m and is_subject(m.group("topic"), names) else None


def unit_topic_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: the named unit's duties on the subject asked
    (module docstring), cited by the unit's locator, then the annex rows it
    leads on it. ``None`` when no plan lists such a duty."""
    topic = asked_topic(query, catalog.name_words)
    unit = question_unit(query.text, catalog) if topic else None
    if topic is None or unit is None:
        return None
    asked = replace(query, unit=unit.key, unit_text=unit.text)
    wanted = subject_terms(topic)
    blocks: list[str] = []
    citations: list[Citation] = []
    for plan in plans:
        weights = subject_weights(plan, wanted)
        named = [r for r in plan.responsibilities if r.duties and named_unit(r.unit, asked)]
        for resp in chosen_units(named, asked):
            best = best_texts(resp.duties, weights)
            if not best:
                continue
            kept = [i for s, i in best if s >= KEEP_SHARE * best[0][0]]
            where = f"mục {resp.section}" if resp.section else "Tổ chức thực hiện"
            lines = [f"{plan_label(catalog, plan.doc)} – {resp.unit} ({where}), về nội dung hỏi:"]
            lines += [f"- {shorten(resp.duties[i], DUTY_CHARS)}" for i in kept]
            rows = _led_rows(plan, unit.key, weights, KEEP_SHARE * best[0][0])
            if rows:
                lines.append("Trong phụ lục, do đơn vị này chủ trì:")
                lines += [f"- {t.label[:1].upper()}{t.label[1:]}: {shorten(t.content, DUTY_CHARS)}" for t in rows]
            blocks.append("\n".join(lines))
            citations.append(Citation(plan.doc, plan_title(plan), where, None,
                                      shorten(resp.duties[kept[0]], DUTY_CHARS)))
            citations += [task_citation(plan, t) for t in rows]
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "duties", list(citations), query)


def _led_rows(plan: Plan, unit: str, weights: dict[str, float], floor: float) -> list[Task]:
    """The annex rows of ``plan`` led by ``unit`` (a unit key) that write the
    subject at least as well as ``floor``, best first, at most :data:`MAX_ROWS`."""
    led = [t for t in plan.tasks if t.content and any(unit_key(u) == unit or unit in unit_key(u)
                                                     for u in split_units(t.lead or ""))]
    return [led[i] for _, i in best_texts([t.content or "" for t in led], weights, floor)][:MAX_ROWS]
