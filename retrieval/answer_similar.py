"""The tasks of other plans like the previous answer's rows: "Việt Khê có
nhiệm vụ tương tự không?", "kế hoạch nào khác cũng có nhiệm vụ kiểm tra như
vậy?", "ở TX có việc giống vậy không?" (:func:`retrieval.question.followup.follow_up`
sets ``Query.similar_to``).

Each source row's words (content, objective, product, sub-section; the
plan names left out) are weighted by their rarity over every task row of
every plan (IDF); a row of a target plan is like it when it holds at least
:data:`MIN_SIMILAR` of the source's word weight. The like rows are ranked
by the mean of that share and the share of the source's adjacent word
pairs (IDF-weighted, :func:`retrieval.answer_lookup.row_pairs`), so "Kế
hoạch theo dõi thi hành pháp luật" finds "… theo dõi tình hình thi hành
pháp luật" before a long row that only shares folded syllables ("hành
chính", "đội ngũ"). The rows within :data:`NEAR_BEST` of their plan's best,
at most :data:`PER_PLAN` per plan, answer; a plan with none is said so.
When the previous answer listed a whole group (more than
:data:`MANY_SOURCES` rows) or gave no row at all, its question's topic is
compared instead.
"""

from __future__ import annotations

import math
import re

from ingest.lexicon import canon
from ingest.model import Plan, Task
from retrieval.answer_lookup import described_words, row_pairs, row_words, text_pairs
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


def _idf(counts: list[set[str]]) -> dict[str, float]:
    """Rarity of each key over ``counts`` (one set per task row)."""
    df: dict[str, int] = {}
    for keys in counts:
        for k in keys:
            df[k] = df.get(k, 0) + 1
    return {k: math.log(1 + len(counts) / (1 + c)) for k, c in df.items()}


def _share(want: set[str], have: set[str], idf: dict[str, float]) -> float:
    total = sum(idf.get(w, 0.0) for w in want)
    return sum(idf.get(w, 0.0) for w in want & have) / total if total else 0.0


def _topic_pairs(topic: str, names: frozenset[str] | set[str]) -> set[str]:
    return {p for p in text_pairs(topic) if not set(p.split()) & names}


def _written(text: str, words: list[str]) -> str:
    """``text`` (as typed) from its first word whose ``canon`` form is one
    of ``words`` to its last: "kiểm tra thi hành pháp luật" of "ai là người
    … phụ trách việc kiểm tra thi hành pháp luật ở Việt Khê"."""
    tokens = re.findall(r"\w+", text)
    hits = [i for i, t in enumerate(tokens) if canon(t) in set(words)]
    return " ".join(tokens[hits[0]:hits[-1] + 1]) if hits else " ".join(words)


def similar_answer(tasks: TaskAnswerer, query: Query) -> Answer | None:
    """Kind ``task``: per target plan the rows like ``query.similar_to``'s
    (module docstring), with the fields asked, cited; an explained
    abstention when no target plan has one; ``None`` when neither source
    rows nor a topic (``query.topic``, the previous question's words) are
    known. Targets: the plans named, else every plan but the sources'."""
    sources = _source_rows(tasks.plans, query.similar_to)
    if not sources and not query.topic:
        return None
    source_docs = {p.doc for p, _ in sources} or set(query.mentioned[-1:])
    targets = (plans_in_scope(tasks.plans, query) if query.plan_named
               else [p for d, p in tasks.plans.items() if d not in source_docs])
    names = tasks.catalog.name_words
    rows = [(task, row_words(task) - names, row_pairs(task)) for plan in tasks.plans.values()
            for task in plan.tasks]
    idf = _idf([words for _, words, _ in rows])
    pair_idf = _idf([pairs for _, _, pairs in rows])
    wanted = [(row_words(task) - names, row_pairs(task)) for _, task in sources]
    about = _about(tasks, sources)
    if len(sources) > MANY_SOURCES and query.topic:
        # a whole group listed: what the previous question was about
        wanted = [(set(topic_words(canon(query.topic))) - names, _topic_pairs(query.topic, names))]
        about = "các nhiệm vụ vừa nêu"
    elif not sources and query.topic:
        # no row at all: the words of the previous question that describe a task
        words = described_words(canon(query.topic), names)
        if not words:
            return None
        wanted = [(set(words), text_pairs(" ".join(words)))]
        about = f"“{_written(query.topic, words)}”"
    blocks, citations, silent = [], [], []
    for plan in targets:
        scored: dict[str, tuple[float, Task]] = {}
        for want, want_pairs in wanted:
            for row in plan.tasks:
                share = _share(want, row_words(row) - names, idf)
                if share < MIN_SIMILAR:
                    continue
                score = (share + _share(want_pairs, row_pairs(row), pair_idf)) / 2 if want_pairs else share
                numbered = parent_task(plan, row) or row
                if score > scored.get(numbered.number or "", (0.0, row))[0]:
                    scored[numbered.number or ""] = (score, numbered)
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
