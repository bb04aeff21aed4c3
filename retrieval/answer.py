"""Answers with citations: structured (from the plan model) or extractive.

``Answerer(store, searcher).answer(question, plan=None, history=None)``
returns an :class:`Answer`. The question is parsed
(:func:`retrieval.query.parse_query`) and sent by its intent to:

* **task**, **filter** and **count** questions →
  :class:`retrieval.answer_tasks.TaskAnswerer` (task rows exactly as
  written, every matching task of every matching plan, labelled per plan);
* **meta** (who signed, which decision) and **plans** ("kế hoạch nào áp
  dụng cho năm 2026?") → :mod:`retrieval.answer_meta` (header facts, the
  catalog of loaded plans);
* other questions → :class:`retrieval.answer_text.PassageAnswerer`: the
  few sentences of the best passages that share most of the question's
  content words (:mod:`retrieval.answer_scoring`), or an LLM's answer when
  one is configured.

Every path **abstains** with :data:`ABSTAIN` when nothing supports it (a
plan named that is not loaded, a task number the named plan lacks, a filter
no task meets, a header fact the plan leaves blank, no sentence with enough
support, a figure asked that the supporting sentences do not state).

Follow-ups ("còn nhiệm vụ 23?", "thế ai phối hợp?") are resolved against
the previous turn's query (:meth:`retrieval.query.Query.follow_up`).

The answer types live in :mod:`retrieval.answer_model`; this module
re-exports them and the helpers other code imports from here.
"""

from __future__ import annotations

import re

from ingest.deadline import due_in_period
from ingest.model import Plan, Task
from retrieval.answer_duties import asks_duties, duties_answer
from retrieval.answer_meta import meta_answer, plans_answer
from retrieval.answer_model import ABSTAIN, Answer, Citation, Turn, abstention
from retrieval.answer_rows import (
    FIELD_LABELS,
    has_figure,
    parent_task,
    plans_in_scope,
    sub_rows,
    task_citation,
    task_quote,
)
from retrieval.answer_scoring import STOPWORDS, STOPWORDS_PLAIN, query_terms, term_set
from retrieval.answer_tasks import TaskAnswerer, describe_filter, matches
from retrieval.answer_text import MIN_SUPPORT, STRONG_SUPPORT, PassageAnswerer, split_sentences
from retrieval.query import PlanCatalog, Query, parse_query
from tracking.answer import answer_status_question

__all__ = [
    "ABSTAIN", "Answer", "Answerer", "Citation", "Turn", "abstention",
    "FIELD_LABELS", "task_quote", "task_citation", "sub_rows", "parent_task", "has_figure",
    "split_sentences", "due_in_period", "describe_filter", "query_terms", "term_set",
    "STOPWORDS", "STOPWORDS_PLAIN", "MIN_SUPPORT", "STRONG_SUPPORT",
]


class Answerer:
    """Answers questions over an opened index.

    ``store`` an :class:`retrieval.store.IndexStore` (``.plans()`` and
    ``.chunks`` are read); ``searcher`` a
    :class:`retrieval.search.HybridSearcher` or any object with
    ``search(query, k, docs=None, kinds=None) -> list[Hit]`` (``None``:
    every question needing passages abstains); ``llm`` an optional
    langchain chat model (:func:`retrieval.llm.get_chat_model`).
    """

    def __init__(self, store, searcher=None, llm=None):
        self.store = store
        self.plans: dict[str, Plan] = dict(store.plans())
        self.catalog = PlanCatalog.from_plans(self.plans.values())
        self.tasks = TaskAnswerer(self.plans, self.catalog)
        self.passages = PassageAnswerer(store, self.plans, self.catalog, searcher, llm)

    @property
    def searcher(self):
        """The passage searcher (``None``: passage questions abstain)."""
        return self.passages.searcher

    @searcher.setter
    def searcher(self, value) -> None:
        self.passages.searcher = value

    @property
    def llm(self):
        """The optional chat model extractive questions go to."""
        return self.passages.llm

    @llm.setter
    def llm(self, value) -> None:
        self.passages.llm = value

    def answer(self, question: str, plan: str | None = None,
               history: list[Turn] | None = None) -> Answer:
        """Answer ``question`` (Vietnamese, diacritics optional).

        ``plan`` restricts to one plan (file name or place name, as
        ``--plan``); ``history`` the earlier turns, oldest first. Never
        raises on odd questions; an unknown ``plan`` gives an abstention.
        """
        query = parse_query(question, self.catalog)
        if history:
            previous = self._previous_query(history)
            if previous is not None:
                query = query.follow_up(previous)
        if plan:
            docs = self.catalog.resolve(plan)
            query.plans = [d for d in docs if not query.plan_named or d in query.plans]
            query.plan_named, query.cross_doc = True, False
        if query.plan_named and not query.plans:
            return abstention(query)
        status = answer_status_question(query, self.store, self.catalog)
        if status is not None:  # progress questions, from the stored task statuses
            return status
        if query.intent == "task":
            return self.tasks.task_answer(query)
        if query.intent in ("filter", "count"):
            result = self.tasks.filter_answer(query)
            only_unit = not (query.period or query.regular or query.recurrence or query.deadline_text
                             or query.section or query.section_number)
            if result.abstained and query.intent == "filter" and query.unit and only_unit:
                # "Phòng X có nhiệm vụ gì?": with no task of X in the annex (or no
                # annex), the organisation section states the unit's duties
                return self._duties_or_text(query)
            return result
        if query.intent == "meta":
            return meta_answer(query, plans_in_scope(self.plans, query), self.catalog, self.passages)
        if query.intent == "plans":
            return plans_answer(query, plans_in_scope(self.plans, query), self.catalog)
        return self._duties_or_text(query)

    def _duties_or_text(self, query: Query) -> Answer:
        """A unit's duties from the plan model when asked and listed, else text search."""
        if asks_duties(query):
            found = duties_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if found is not None:
                return found
        return self.passages.answer(query)

    def _previous_query(self, history: list[Turn]) -> Query | None:
        last = history[-1]
        if last.answer is not None and last.answer.query is not None:
            return last.answer.query
        previous = None
        for turn in history:  # replay the conversation
            q = parse_query(turn.question, self.catalog)
            previous = q.follow_up(previous) if previous is not None else q
        return previous

    # -- the parts' public methods, as callers know them
    def matches(self, plan: Plan, task: Task, query: Query) -> bool:
        """Does ``task`` meet every filter of ``query``? (:func:`retrieval.answer_tasks.matches`)"""
        return matches(plan, task, query)

    def render_task(self, plan: Plan, task: Task, fields: list[str], label: bool) -> str:
        """A task (with its sub-rows) as answer text, the plan's label first
        when ``label`` (:meth:`retrieval.answer_tasks.TaskAnswerer.render_task`)."""
        return self.tasks.render_task(plan, task, fields, label)

    def candidates(self, query: Query, hits: list, require: re.Pattern | None = None) -> list[tuple]:
        """Supporting sentences, best first
        (:meth:`retrieval.answer_text.PassageAnswerer.candidates`)."""
        return self.passages.candidates(query, hits, require)

    def hit_citation(self, hit) -> Citation:
        """Citation of a search hit (its chunk's doc, locator, page, quote)."""
        return self.passages.hit_citation(hit)

    def chunk_citation(self, chunk) -> Citation:
        """Citation of a chunk: its doc, the plan title, locator, page, quote."""
        return self.passages.chunk_citation(chunk)
