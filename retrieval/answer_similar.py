"""The tasks of other plans like the previous answer's rows: "Việt Khê có
nhiệm vụ tương tự không?", "kế hoạch nào khác cũng có nhiệm vụ kiểm tra như
vậy?", "ở TX có việc giống vậy không?" (:func:`retrieval.question.followup.follow_up`
sets ``Query.similar_to``).

Each source row's words (content, objective, product, sub-section; the
plan names left out) are weighted by their rarity over every task row of
every plan (IDF); a row of a target plan scores the share of the source's
weight it holds. The rows scoring at least :data:`MIN_SIMILAR`, within
:data:`NEAR_BEST` of their plan's best, at most :data:`PER_PLAN` per plan,
answer; a plan with none is said so. When the previous answer listed a
whole group (more than :data:`MANY_SOURCES` rows), its question's topic is
compared instead; when it showed one row and a target plan has no row
like it, a row holding every word of the conversation's subject
(``Query.subject``) is.
"""

from __future__ import annotations

import math

from ingest.lexicon import canon
from ingest.model import Plan, Task
from retrieval.answer_lookup import row_words
from retrieval.answer_model import Answer, abstention
from retrieval.answer_rows import parent_task, plan_label, plans_in_scope, sub_rows, task_citation
from retrieval.answer_tasks import TaskAnswerer
from retrieval.query import Query
from retrieval.question.selection import topic_words

__all__ = ["MANY_SOURCES", "MIN_SIMILAR", "NEAR_BEST", "PER_PLAN", "similar_answer"]

#: Share of a source row's word weight a row must hold to be like it.
MIN_SIMILAR = 0.45
#: A plan's rows within this share of its best score are shown too.
NEAR_BEST = 0.95
#: At most this many rows per plan.
PER_PLAN = 2
#: More source rows than this (a whole group listed): the previous
#: question's topic is compared instead of each row.
MANY_SOURCES = 3


def _source_rows(plans: dict[str, Plan], keys: list[tuple[str, str]]) -> list[tuple[Plan, Task]]:
    found: list[tuple[Plan, Task]] = []
    for doc, number in keys:
        plan = plans.get(doc)
        task = next((t for t in plan.tasks if t.number == number), None) if plan else None
        if plan is not None and task is not None:
            found.append((plan, task))
    return found


def _about(tasks: TaskAnswerer, sources: list[tuple[Plan, Task]]) -> str:
    """"nhiệm vụ 9, 10 (Trường Xuân)": the source rows, grouped by plan."""
    by_doc: dict[str, list[str]] = {}
    for plan, task in sources:
        by_doc.setdefault(plan.doc, []).append(task.number or "")
    return "; ".join(f"nhiệm vụ {', '.join(numbers)} ({tasks.catalog.by_doc[doc].name})"
                     if doc in tasks.catalog.by_doc else f"nhiệm vụ {', '.join(numbers)}"
                     for doc, numbers in by_doc.items())


def similar_answer(tasks: TaskAnswerer, query: Query) -> Answer | None:
    """Kind ``task``: per target plan the rows like ``query.similar_to``'s
    (module docstring), with the fields asked, cited; an explained
    abstention when no target plan has one; ``None`` when the source rows
    are unknown. Targets: the plans named, else every plan but the
    sources'."""
    sources = _source_rows(tasks.plans, query.similar_to)
    if not sources:
        return None
    source_docs = {p.doc for p, _ in sources}
    targets = (plans_in_scope(tasks.plans, query) if query.plan_named
               else [p for d, p in tasks.plans.items() if d not in source_docs])
    names = tasks.catalog.name_words
    rows = [(plan, task, row_words(task) - names) for plan in tasks.plans.values() for task in plan.tasks]
    n = len(rows)
    df: dict[str, int] = {}
    for _, _, words in rows:
        for w in words:
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log(1 + n / (1 + c)) for w, c in df.items()}
    wanted = [row_words(task) - names for _, task in sources]
    about = _about(tasks, sources)
    if len(sources) > MANY_SOURCES and query.topic:
        # the previous answer listed a whole group: what its question was about
        wanted = [set(topic_words(canon(query.topic))) - names]
        about = "các nhiệm vụ vừa nêu"
    subject = set(topic_words(canon(query.subject))) - names if query.subject and len(sources) == 1 else set()
    blocks, citations, silent = [], [], []
    for plan in targets:
        scored: dict[str, tuple[float, Task]] = {}
        for want in wanted:
            total = sum(idf.get(w, 0.0) for w in want)
            if not total:
                continue
            for row in plan.tasks:
                score = sum(idf.get(w, 0.0) for w in want & (row_words(row) - names)) / total
                numbered = parent_task(plan, row) or row
                if score >= MIN_SIMILAR and score > scored.get(numbered.number or "", (0.0, row))[0]:
                    scored[numbered.number or ""] = (score, numbered)
        if not scored and subject:
            # no row like the one shown, but one on what the conversation asked about ("KH
            # nào có nv ứng dụng AI?", "cái của VK …", "còn của NAP?"): every word of it
            scored = {(r := parent_task(plan, row) or row).number or "": (1.0, r)
                      for row in plan.tasks if subject <= row_words(row)}
        ranked = sorted(scored.values(), key=lambda x: -x[0])
        if not ranked:
            silent.append(plan_label(tasks.catalog, plan.doc))
            continue
        chosen = [t for s, t in ranked if s >= NEAR_BEST * ranked[0][0]][:PER_PLAN]
        for task in chosen:
            blocks.append(tasks.render_task(plan, task, query.fields, True))
            citations.append(task_citation(plan, task))
            citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
    if not blocks:
        where = ", ".join(silent) or "các kế hoạch khác"
        return abstention(query, reason=f"Không thấy nhiệm vụ tương tự {about} trong kế hoạch {where}.")
    text = f"Nhiệm vụ tương tự {about}:\n" + "\n".join(blocks)
    if silent:
        text += "\nKhông có nhiệm vụ tương tự: " + ", ".join(silent) + "."
    return Answer(text, False, citations, "task", list(citations), query)
