"""Answers with citations: structured (from the plan model) or extractive.

``Answerer(store, searcher, today=None).answer(question, plan=None,
history=None, today=None)`` returns an :class:`Answer`. The question is
read into a :class:`retrieval.question.Query` (:func:`parse_query`, whose
``INTENT_RULES`` pick the :class:`retrieval.question.Intent` in declared
order), resolved against the previous turn, restricted to the scope, and
sent to the handler of its intent (:attr:`Answerer.handlers`):

* ``task`` → rows by number (:class:`retrieval.answering.tasks.TaskAnswerer`);
  ``filter`` / ``count`` → every matching task of every plan in scope,
  grouped and labelled per plan (counts also per plan);
* ``aggregate`` → earliest/latest deadline, the unit that leads most
  (:mod:`retrieval.answering.aggregate`);
* ``lookup`` → a row found by its content, no number
  (:mod:`retrieval.answering.lookup`), when the hybrid search agrees;
* ``similar`` → the rows of other plans like the previous answer's
  (:mod:`retrieval.answering.similar`);
* ``body_annex`` → one plan's body and annex side by side (:mod:`retrieval.answering.parts`);
* ``which_plans`` → the plans that mention a term (:mod:`retrieval.answering.plans`);
* ``targets`` → one target per plan, its values cited (:mod:`retrieval.answering.targets`);
  ``upper`` → each plan's upper-level locality (:mod:`retrieval.answering.upper`);
* ``meta`` (every header fact asked) and ``plans`` → :mod:`retrieval.answering.meta`;
* ``search`` → a unit's duties (body list, then the annex rows it leads) or
  the few sentences of the best passages
  (:class:`retrieval.answering.text.PassageAnswerer`), or an LLM's answer.

A question whose clauses each name a plan and ask their own thing is
first divided (:attr:`Answerer.split`, :mod:`retrieval.answering.clauses`), and
so is one asking several figures of the same plans
(:mod:`retrieval.answering.figures`).
Before the handler, the body-first routes of :attr:`Answerer.before`
(a unit's duties, a section or list found by its heading, reporting) are
tried in declared order; after a handler that finds nothing or abstains,
the fallbacks of :attr:`Answerer.after`; then passage search. Where
the cue rules find no field, an exemplar vote by meaning
(:class:`retrieval.question.meaning.FieldVote`) may make the question a
look-up. Progress questions go to the task statuses first.

Every path **abstains** when nothing supports it, and says why when it
knows ("Kế hoạch Phú Thái … không có phụ lục nhiệm vụ.", "… không có nhiệm
vụ 40.", "Chưa nạp kế hoạch nào của …"); else :data:`ABSTAIN`.

Scope: ``plan`` (the app's Phạm vi, ``--plan``) restricts the plans; a plan
the question names outside it wins, and the answer starts with a note
saying so. Follow-ups ("còn nhiệm vụ 23?", "thế ai phối hợp?", "trong đó
…", "còn Trường Xuân?", "kế hoạch kia thì sao?") are resolved against the
previous turn's query (:meth:`retrieval.question.Query.follow_up`); a turn
answered under another scope is not followed (``Answer.scope``), so
switching scope starts afresh. ``today`` anchors "quá hạn"/"sắp đến hạn".

The answer types live in :mod:`retrieval.answering.model`; this module
re-exports them and the helpers other code imports from here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ingest.deadline import due_in_period
from ingest.model import Plan, Task
from retrieval.answering.achieved import achieved_answer, asks_achieved, stated_target
from retrieval.answering.aggregate import aggregate_answer
from retrieval.answering.annex import annex_sections_answer, asks_annex_sections
from retrieval.answering.annex_order import asks_section_position, section_position_answer
from retrieval.answering.annex_presence import annex_presence_answer, asks_annex_presence
from retrieval.answering.area_duty import with_area_duties
from retrieval.answering.assigned import assigned_answer
from retrieval.answering.clauses import clauses_answer, plan_clauses
from retrieval.answering.cross_rows import with_annex_rows, with_body_passages
from retrieval.answering.duties import (
    asks_all_duties,
    asks_duties,
    asks_duties_and_rows,
    duties_answer,
    duty_detail_answer,
    section_of_duties,
    topic_duties_answer,
)
from retrieval.answering.duty_cover import dominant_duty_answer
from retrieval.answering.duty_phrase import asks_duty_holder, duty_holder_answer
from retrieval.answering.elsewhere import asks_figure_of_one_plan, elsewhere_answer
from retrieval.answering.every_unit import asks_every_unit, every_unit_answer
from retrieval.answering.figures import figure_asks, figures_answer, list_asks
from retrieval.answering.funding import asks_funding, asks_funding_source, funding_answer
from retrieval.answering.inline_list import asks_duty_units, duty_units_answer, inline_count_answer
from retrieval.answering.lookup import lookup_answer, lookup_rows
from retrieval.answering.meta import meta_answer, plans_answer
from retrieval.answering.model import ABSTAIN, Answer, Citation, Turn, abstention
from retrieval.answering.nearest import nearest_answer, nearest_row
from retrieval.answering.other_part import other_part_answer
from retrieval.answering.part_detail import part_detail_answer
from retrieval.answering.parts import body_annex_answer
from retrieval.answering.period_plans import whole_year_answer
from retrieval.answering.perplan import complete_per_plan, fans_out, names_several, per_plan_answer
from retrieval.answering.plans import MentionIndex
from retrieval.answering.report_to import report_body, report_to_answer
from retrieval.answering.reporting import asks_reporting, is_other_report, reporting_answer
from retrieval.answering.row_fact import asks_row_date, asks_row_document, row_fact_query
from retrieval.answering.rows import (
    FIELD_LABELS,
    has_figure,
    parent_task,
    plan_label,
    plans_in_scope,
    row_key,
    sub_rows,
    task_citation,
    task_quote,
)
from retrieval.answering.scoring import STOPWORDS, STOPWORDS_PLAIN, query_terms, term_set
from retrieval.answering.section import section_answer
from retrieval.answering.sections import asks_item_count, heading_count_answer, list_answer
from retrieval.answering.similar import similar_answer
from retrieval.answering.similar_target import similar_target_answer
from retrieval.answering.target_count import asks_target_count, target_count_answer
from retrieval.answering.target_lead import figure_clause, target_lead_answer, with_body_target
from retrieval.answering.targets import TargetIndex
from retrieval.answering.tasks import TaskAnswerer, describe_filter, matches, unstated_reason
from retrieval.answering.text import (
    MIN_SUPPORT,
    STRONG_SUPPORT,
    PassageAnswerer,
    split_sentences,
)
from retrieval.answering.topic_bases import basis_topic, topic_bases_answer
from retrieval.answering.total_count import with_total
from retrieval.answering.unit_topic import asked_topic, unit_topic_answer
from retrieval.answering.unstated import (
    annex_answer,
    asks_annex,
    asks_contact,
    asks_figure,
    asks_headcount,
    asks_person,
    asks_progress_share,
    contact_answer,
    figure_unstated_answer,
    headcount_answer,
    person_answer,
    progress_share_answer,
)
from retrieval.answering.unstated_detail import unstated_detail
from retrieval.answering.upper import UpperIndex
from retrieval.query import Intent, PlanCatalog, Query, parse_query
from retrieval.question.chain import base_question
from retrieval.question.crossplan import asks_periods, whole_year
from retrieval.question.cues import EXCEPTION_ASKED, EXCEPTION_CLAUSE, FOLLOW_CUE
from retrieval.question.followup import follow_unit, follow_up
from retrieval.question.meaning import FieldVote
from retrieval.question.parse import lookup_by_meaning, question_unit, resolve_plan
from retrieval.question.row_subject import row_subject_again

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from retrieval.chunks import Chunk
    from retrieval.search import Hit, HybridSearcher
    from retrieval.store import IndexStore

__all__ = [
    "ABSTAIN",
    "FIELD_LABELS",
    "MIN_SUPPORT",
    "STOPWORDS",
    "STOPWORDS_PLAIN",
    "STRONG_SUPPORT",
    "Answer",
    "Answerer",
    "Citation",
    "Turn",
    "abstention",
    "describe_filter",
    "due_in_period",
    "has_figure",
    "parent_task",
    "query_terms",
    "split_sentences",
    "sub_rows",
    "task_citation",
    "task_quote",
    "term_set",
]


class Route(NamedTuple):
    """One routing step of :meth:`Answerer._handle`: when ``applies(query)``
    holds, ``run(query)`` is tried, and an answer (not ``None``) wins. A
    fallback with ``on_abstention`` False replaces only a handler that found
    nothing, not one that abstained."""

    name: str
    applies: Callable[[Query], bool]
    run: Callable[[Query], Answer | None]
    on_abstention: bool = True


class Answerer:
    """Answers questions over an opened index.

    ``store`` an :class:`retrieval.store.IndexStore` (``.plans()`` and
    ``.chunks`` are read); ``searcher`` a
    :class:`retrieval.search.HybridSearcher` or any object with
    ``search(query, k, docs=None, kinds=None) -> list[Hit]`` (``None``:
    every question needing passages abstains); ``llm`` an optional
    langchain chat model (:func:`retrieval.llm.get_chat_model`); ``status``
    the progress-question hook (``answer_status_question(query, store,
    catalog) -> Answer | None``, :mod:`tracking.answer`; the service layer
    passes it).
    """

    def __init__(self, store: IndexStore, searcher: HybridSearcher | None = None,
                 llm: BaseChatModel | None = None, today: date | str | None = None,
                 status: Callable[[Query, Any, PlanCatalog], Answer | None] | None = None) -> None:
        self.store = store
        #: answers progress questions from the task statuses, or ``None`` (not one):
        #: :func:`tracking.answer.answer_status_question`, given by the service layer
        self.status = status
        self.plans: dict[str, Plan] = dict(store.plans())
        self.catalog = PlanCatalog.from_plans(self.plans.values())
        self.tasks = TaskAnswerer(self.plans, self.catalog)
        self.passages = PassageAnswerer(store, self.plans, self.catalog, searcher, llm)
        chunks = getattr(store, "chunks", [])
        self.mentions = MentionIndex(chunks, self.plans, self.catalog)
        self.targets = TargetIndex(chunks, self.plans, self.catalog)
        self.uppers = UpperIndex(chunks, self.plans, self.catalog)
        self.today = today
        embedder = getattr(searcher, "embedder", None)
        home = getattr(store, "home", None)
        self.votes = FieldVote(embedder, os.path.join(home, "cache") if home else None) if embedder else None
        #: intent → handler, one per :class:`retrieval.question.Intent`
        #: (detected by :data:`retrieval.question.parse.INTENT_RULES`, in order).
        self.handlers: dict[Intent, Callable[[Query], Answer | None]] = {
            Intent.TASK: self.tasks.task_answer,
            Intent.WHICH_PLANS: self.mentions.answer,
            Intent.TARGETS: self.targets.answer,
            Intent.UPPER: self.uppers.answer,
            Intent.SIMILAR: self._similar,
            Intent.BODY_ANNEX: lambda q: body_annex_answer(self.tasks, self.passages, q),
            Intent.AGGREGATE: lambda q: aggregate_answer(self.tasks, q),
            # "tổng cộng bn nv, VP chủ trì mấy cái?": the plan's whole count before the unit's
            Intent.COUNT: lambda q: with_total(q, self._filter_or_duties(q), self.tasks),
            Intent.FILTER: self._filter_or_duties,
            Intent.LOOKUP: self._lookup,
            Intent.META: lambda q: meta_answer(q, plans_in_scope(self.plans, q), self.catalog,
                                               self.passages),
            Intent.PLANS: self._plans,
            Intent.SEARCH: self._duties_or_text,
        }
        #: routes tried before the intent's handler, and after it when it found
        #: nothing or abstained (:meth:`_routes`)
        self.before, self.after = self._routes()
        #: routes that divide a question before any handler reads it
        self.split = (
            # "giải ngân đầu tư: VK chỉ tiêu bn, TX có nv nào?": each plan's clause alone
            Route("clauses", lambda q: names_several(q), self._clauses),
            # "PT cắt giảm thời gian TTHC bao nhiêu %, kiểm tra CCHC bao nhiêu %?": each figure alone
            Route("figures", lambda q: q.figure, self._figures),
            # "TX nv nào quý I hàng năm, nv nào quý II hàng năm?": each list alone
            Route("lists", lambda q: q.intent in (Intent.FILTER, Intent.COUNT), self._lists),
        )

    @property
    def searcher(self) -> HybridSearcher | None:
        """The passage searcher (``None``: passage questions abstain)."""
        return self.passages.searcher

    @searcher.setter
    def searcher(self, value: HybridSearcher | None) -> None:
        self.passages.searcher = value

    @property
    def llm(self) -> BaseChatModel | None:
        """The optional chat model extractive questions go to."""
        return self.passages.llm

    @llm.setter
    def llm(self, value: BaseChatModel | None) -> None:
        self.passages.llm = value

    def answer(self, question: str, plan: str | None = None,
               history: list[Turn] | None = None, today: date | str | None = None) -> Answer:
        """Answer ``question`` (Vietnamese, diacritics optional).

        ``plan`` is the scope (the app's Phạm vi, ``--plan``: a file name or
        place name); a plan the question names itself wins over it and the
        answer says so. ``history`` the earlier turns, oldest first: turns
        asked under another scope are not followed up (switching scope
        starts afresh). ``today`` (ISO date or :class:`datetime.date`,
        default the answerer's, else the system date) anchors "quá hạn" and
        "sắp đến hạn". Never raises on odd questions; an unknown ``plan``
        gives an abstention.
        """
        query = parse_query(question, self.catalog)
        previous = self._previous_query(history, plan) if history else None
        again = row_subject_again(query, previous, self.catalog) if previous is not None else None
        if again is not None:  # "TX thì đạt bn?" after "LH II.3.4 số hóa hồ sơ mục tiêu bn %"
            query = again
        elif previous is not None:
            query = follow_unit(follow_up(query, previous), previous, self.plans, self.catalog)
            query.duties_carried = _duties_carried(query, previous)
            query.reasked = query.text == previous.text and bool(query.plans) \
                and set(query.plans) != set(previous.plans)
        # a day the question gives ("tính đến ngày 30/9/2025") wins over the clock
        query.today = query.today or _iso(today or self.today or date.today())
        note = self._apply_scope(query, plan)
        if query.plan_named and not query.plans:
            return abstention(query, reason=self._unknown_plan_reason(query))
        outside = self._year_outside(query, previous.plans if previous is not None and query.reasked else [])
        if outside is not None:
            return outside
        unstated = self._unstated(query)
        by_meaning = False if unstated else self._field_by_meaning(query)
        status = self.status(query, self.store, self.catalog) if self.status and not unstated else None
        if unstated is not None:  # what no plan records, said in words
            answer = unstated
        # progress questions are answered from the stored task statuses; a status
        # refusal ("nv 17 xong chưa?" with nothing recorded: the plan gives no progress) stands
        elif status is not None and (not status.abstained or status.kind == "status"):
            answer = status
        else:  # a progress reading that finds nothing yields to the plan's own text
            answer = self._route(query)
            if answer.abstained and status is not None:
                answer = status
        if previous is not None and history and answer.abstained and query.intent in (Intent.SIMILAR, Intent.TASK) \
                and set(query.plans) != set(previous.plans):
            answer = self._base_of_no_annex(query, history) or answer
        if previous is not None and history and _reasked_after_refusal(query, previous, history[-1]):
            answer = _what_it_says(answer, query)
        if (answer.abstained and answer.text == ABSTAIN and asks_figure(query) and query.plan_named and query.plans
                and not query.meta):
            # "NAP mức hài lòng với dịch vụ y tế công bao nhiêu %?" that nothing states: said per plan
            answer = replace(figure_unstated_answer(query, plans_in_scope(self.plans, query), self.catalog),
                             evidence=answer.evidence)
        # "DTI xếp hạng thứ mấy?", "cơ cấu giải thưởng thế nào?" that the answer found does not state
        answer = unstated_detail(query, answer, self.catalog, self._plan_text) or answer
        if by_meaning and answer.kind != "task":  # the vote's look-up found no row: as parsed
            query.fields, query.intent = [], Intent.SEARCH
        elif query.intent == Intent.LOOKUP and answer.kind != "task":
            query.intent = Intent.SEARCH  # what answered, for the next turn
        answer.scope = plan or None
        if answer.query is not None and not answer.query.result_keys and not answer.abstained:
            answer.query.result_keys = self._row_keys(answer.citations)
        elif answer.abstained and previous is not None and answer.query is not None:
            # an unanswered turn ("ai là người trực tiếp phụ trách?") keeps the rows in
            # focus, so "phối hợp thì sao?" next still asks about them
            answer.query.result_keys = answer.query.result_keys or list(previous.result_keys)
        if note and not answer.abstained:
            answer.text = f"{note}\n{answer.text}"
        elif (previous is not None and not answer.abstained and len(query.plans) == 1
              and set(query.plans) != set(previous.plans)):
            label = plan_label(self.catalog, query.plans[0])
            if label not in answer.text[:120]:  # the conversation moved to this plan: say which
                answer.text = f"{label}: {answer.text}"
        return answer

    def _plan_text(self, doc: str) -> str:
        """The words of plan ``doc``'s body sentences and task rows, joined (for
        :func:`retrieval.answering.unstated_detail.unstated_detail`)."""
        rows = [" ".join(filter(None, (t.objective, t.content, t.product))) for t in self.plans[doc].tasks] \
            if doc in self.plans else []
        return " . ".join([raw for _, _, raw, _ in self.passages.body_sentences(doc)] + rows)

    def _row_keys(self, citations: list[Citation]) -> list[tuple[str, str]]:
        """(doc, row key) of the task rows ``citations`` cite, in order, each once
        (:func:`retrieval.answering.rows.row_key`: "iii.3" where the plan numbers
        afresh per section, so "trong đó …" and "cái đó" next find that row)."""
        keys: list[tuple[str, str]] = []
        for c in citations:
            number = _task_number(c.locator)
            plan = self.plans.get(c.doc)
            if not number or plan is None:
                continue
            row = next((t for t in plan.tasks if t.number == number and t.section == c.section), None)
            key = (c.doc, row_key(plan, row) if row is not None else number)
            if key not in keys:
                keys.append(key)
        return keys

    def _year_outside(self, query: Query, carried_from: list[str] | None = None) -> Answer | None:
        """"TX mức độ hài lòng năm 2031 phải đạt bao nhiêu?": a figure asked of
        named plans for years none of them covers nor writes anywhere gives
        an abstention saying the plan's period; else ``None``. A question
        asked again of another plan ("còn xã Phú Thái?" after "NAP chỉ tiêu
        thu ngân sách 2026 …") carries the years of the plans it was first
        asked of (``carried_from``): those years were theirs, not asked now."""
        if not (query.plan_named and query.plans and query.figure) or query.task_refs:
            return None
        years = {int(y) for y in _YEAR.findall(query.key)}
        for doc in carried_from or []:
            period = self.plans[doc].metadata.period if doc in self.plans else None
            if period is not None and period.start_year is not None:
                years = {y for y in years if not period.start_year <= y <= (period.end_year or period.start_year)}
        plans = [self.plans[d] for d in query.plans if d in self.plans]
        if not years or not plans:
            return None
        for plan in plans:
            period = plan.metadata.period
            if period.start_year is None:
                return None
            if any(period.start_year <= y <= (period.end_year or period.start_year) for y in years):
                return None
            if any(_plan_writes(plan, str(y), self._topic_pairs(query)) for y in years):
                return None
        asked = ", ".join(str(y) for y in sorted(years))
        spans = "; ".join(f"{plan_label(self.catalog, p.doc)} áp dụng cho {p.metadata.period.text}"
                          for p in plans)
        return abstention(query, reason=f"Kế hoạch không nêu chỉ tiêu cho năm {asked}: {spans}.")

    def _unstated(self, query: Query) -> Answer | None:
        """What no plan records, said before any handler reads a row: a share
        of progress ("đã hoàn thành được bao nhiêu %?"), the name of a position
        ("ai là trưởng phòng văn hóa xã hội?"), a contact, a result actually reached
        ("thực tế đã đạt bao nhiêu?"), a count of staff, people or records ("bao nhiêu
        người / hồ sơ?"); else ``None``."""
        scope = plans_in_scope(self.plans, query)
        if asks_progress_share(query):
            return progress_share_answer(query, scope, self.catalog)
        if asks_person(query) and not query.task_refs:
            return person_answer(query, scope, self.catalog)
        if asks_contact(query):
            return contact_answer(query, scope, self.catalog)
        if asks_achieved(query):  # "thực tế đã đạt bao nhiêu": the plan sets targets, no result
            return achieved_answer(query, scope, self.catalog, self.targets)
        if asks_headcount(query):  # "bao nhiêu người / hồ sơ": the plan sets shares, no count
            return headcount_answer(query, scope, self.catalog, self._share_set)
        return None

    def _share_set(self, query: Query, doc: str) -> str | None:
        """The share plan ``doc`` sets on the subject of a count asked ("tỷ lệ hồ sơ
        giải quyết trực tuyến … 80%"), as a line (:func:`stated_target`), or ``None``."""
        plan = self.plans.get(doc)
        return stated_target(query, plan, self.targets, self.catalog, share=True) if plan else None

    def _topic_pairs(self, query: Query) -> frozenset[str]:
        """Adjacent content-word pairs of the question ("hai long", "giai quyet"),
        plan names and question words left out."""
        names = self.catalog.name_words
        words = [w for w in query_terms(query, names) if not _YEAR.fullmatch(w)]
        return frozenset(f"{a} {b}" for a, b in zip(words, words[1:]))

    def _field_by_meaning(self, query: Query) -> bool:
        """Where the cue rules found no field, the exemplar vote
        (:class:`retrieval.question.meaning.FieldVote`) may; True when it
        turned the question into a task look-up."""
        if (self.votes is None or query.intent != Intent.SEARCH or query.fields
                or query.task_refs or asks_duties(query)):
            return False  # a unit's duties are listed in the body, not a row's field
        names = self.catalog.name_words
        if not lookup_rows(plans_in_scope(self.plans, query), query, names):
            return False  # no task row is about it: no look-up to make, no embedding spent
        field = self.votes.field(self._dense_text(query))
        return field is not None and lookup_by_meaning(query, self.catalog, field)

    def _dense_text(self, query: Query) -> str:
        """The text the hybrid search embeds for ``query`` (aliases and
        abbreviations written out, diacritics restored), so the field vote
        reuses that one query vector (:meth:`VectorEmbeddings.encode_query`
        remembers it) instead of embedding the question a second time."""
        texts = getattr(self.passages.searcher, "query_texts", None)
        return texts(query.search_text)["dense"] if texts else query.text

    def _route(self, query: Query) -> Answer:
        """The handler of ``query.intent`` (:attr:`handlers`); a handler that
        finds nothing (``None``) hands over to passage search."""
        if query.other_part:  # "phần thân KH thì ghi bao nhiêu?" after a row: the other part, same subject
            found = other_part_answer(query, plans_in_scope(self.plans, query), self.catalog, self.passages)
            if found is not None:
                return found
        if query.intent in (Intent.SEARCH, Intent.LOOKUP, Intent.FILTER):
            # "So với NAP, VK có giao Phòng Kinh tế việc về tài sản công không?": per plan, yes/no with the rows
            found = assigned_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if found is not None:
                return found
        if query.intent in (Intent.COUNT, Intent.SEARCH) and asks_target_count(query):
            # "có bao nhiêu chỉ tiêu": the body's targets, not the annex rows
            found = target_count_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if found is not None:
                return found
        for route in self.split:
            if route.applies(query):
                found = route.run(query)
                if found is not None:
                    return found
        if fans_out(query):  # "NAP ai chủ trì, VK ai chủ trì?": each named plan alone
            found = per_plan_answer(query, self.catalog, self._handle, nearest=self._nearest)
            # a plan answered by its annex row alone: its body sentence on the same item too
            return with_body_passages(query, found, plans_in_scope(self.plans, query), self.catalog, self.passages)
        found = self._handle(query)
        if not names_several(query):
            # "TX đặt mục tiêu X đạt 100%, ai chủ trì?": the target, then the annex row that carries it
            found = target_lead_answer(query, found, plans_in_scope(self.plans, query), self.catalog,
                                       lambda f, plans: self._annex_rows(query, f, plans),
                                       lambda f, plans: self._rows_by_words(query, f))
            if len(query.plans) == 1:  # "… đạt bao nhiêu, ai lo việc đo lường?" answered by the row
                found = with_body_target(query, found, lambda: stated_target(
                    figure_clause(query), self.plans[query.plans[0]], self.targets, self.catalog))
        if names_several(query) and Intent(query.intent) == Intent.TARGETS and found.kind == "targets":
            # "so sánh chỉ tiêu X giữa A và B": a plan whose body states no figure for it, its annex row
            # on the target (the figures per row)
            unstated = [p for p in plans_in_scope(self.plans, query)
                        if not any(c.doc == p.doc and has_figure(c.quote) for c in found.citations)]
            return self._annex_rows(query, found, unstated)
        if names_several(query) and Intent(query.intent) == Intent.SEARCH:
            # passage search ranks the plans together: a named plan it left out is asked alone
            found = complete_per_plan(query, found, self.catalog, self._handle, nearest=self._nearest)
            # a plan answered by its body alone: its annex row on the same item too
            found = self._annex_rows(query, found, plans_in_scope(self.plans, query))
            # a plan answered by its annex row alone: its body sentence on the same item too
            return with_body_passages(query, found, plans_in_scope(self.plans, query), self.catalog, self.passages)
        return found

    def _similar(self, query: Query) -> Answer | None:
        """The rows of other plans like the previous answer's; when none is
        and a target is asked ("PT có chỉ tiêu tương tự không?"), the like
        target stated in the named plan's body, if any."""
        found = similar_answer(self.tasks, query, self._nearest_row)
        if found is not None and found.abstained:
            target = similar_target_answer(query, self.plans, self.catalog, self.passages)
            if target is not None:
                return target
        return found

    def _nearest(self, query: Query, doc: str, cited: list[Citation]) -> Answer | None:
        """Plan ``doc``'s passage nearest in meaning to the passages ``cited``
        (:func:`retrieval.answering.nearest.nearest_answer`), for a named plan an
        answer across plans found nothing in."""
        return nearest_answer(query, doc, cited, self.passages)

    def _nearest_row(self, plan: Plan, task: Task, target: str) -> Task | None:
        """Plan ``target``'s row nearest in meaning to ``plan``'s row ``task``
        (:func:`retrieval.answering.nearest.nearest_row`)."""
        return nearest_row(self.passages, plan, task, target)

    def _handle(self, query: Query) -> Answer:
        """The first answer of :attr:`before`, else the handler of
        ``query.intent``, else (when that found nothing or abstained) the
        first answer of :attr:`after`, else passage search."""
        found = self._handled(query)
        # "Lộc Hòa ai lo cải cách tài chính công?": the unit the implementation part
        # gives the area to, before the annex rows of the part
        return with_area_duties(query, found, plans_in_scope(self.plans, query), self.catalog) or found

    def _handled(self, query: Query) -> Answer:
        """:meth:`_handle` before the reform area's duties are added."""
        for route in self.before:
            if route.applies(query):
                found = route.run(query)
                if found is not None:
                    return found
        found = self.handlers.get(Intent(query.intent), self._duties_or_text)(query)
        for route in self.after:
            weak = found is None or (route.on_abstention and found.abstained)
            if weak and route.applies(query):
                better = route.run(query)
                if better is not None:
                    return better
        return found or self._duties_or_text(query)

    def _routes(self) -> tuple[tuple[Route, ...], tuple[Route, ...]]:
        """The body-first routes tried before the intent's handler, and the
        fallbacks tried after it, each in declared order."""
        def body(q: Query) -> bool:  # a look-up or passage question, not a row by number
            return q.intent in (Intent.SEARCH, Intent.LOOKUP)

        def reporting(q: Query) -> bool:
            return body(q) and asks_reporting(q) and not asks_duties(q)

        def one_plan(handler: Callable[[Query, list[Plan], PlanCatalog], Answer | None]
                     ) -> Callable[[Query], Answer | None]:
            return lambda q: self._one_plan(q, handler)

        def in_scope(handler: Callable[[Query, list[Plan], PlanCatalog], Answer | None]
                     ) -> Callable[[Query], Answer | None]:
            return lambda q: handler(q, plans_in_scope(self.plans, q), self.catalog)

        before = (
            # "kế hoạch nào không có phụ lục nhiệm vụ?": each plan's task rows, not a passage writing "phụ lục"
            Route("annex presence", asks_annex_presence, in_scope(annex_presence_answer)),
            # "căn cứ những nghị định nào về cơ chế tự chủ tài chính": the documents the plan
            # names where it writes the subject, not its preamble's bases
            Route("topic bases", lambda q: q.intent == Intent.META and q.meta == "bases"
                  and basis_topic(q, self.catalog.name_words) is not None, in_scope(topic_bases_answer)),
            # "đề án X theo QĐ số mấy, ai lo?", "việc Y theo kế hoạch số mấy?", "quy chế Z ban hành
            # khi nào?": the document a row cites, the row's deadline, not the plan's own header
            Route("row fact", lambda q: q.intent in (Intent.META, Intent.SEARCH, Intent.LOOKUP)
                  and (asks_row_document(q) or (q.intent == Intent.META and asks_row_date(q))), self._row_fact),
            # "phụ lục KH nào xếp chỉ đạo điều hành ở mục cuối cùng": where each annex puts the section
            Route("annex order", asks_section_position,
                  in_scope(section_position_answer)),
            # "phụ lục chia làm mấy mục lớn": the annex's own sections, not a body sentence
            Route("annex sections", lambda q: q.intent != Intent.TASK and asks_annex_sections(q),
                  in_scope(annex_sections_answer)),
            # "Phú Thái chỉ tiêu số hóa hồ sơ bao nhiêu %?" stated only by other
            # plans: refused, naming them, before a passage quotes another figure
            Route("elsewhere", asks_figure_of_one_plan,
                  lambda q: elsewhere_answer(q, self.targets, self.catalog)),
            # "phần tổ chức thực hiện phân công cho mấy đầu mối?": the units given duties
            Route("duty units", asks_duty_units, one_plan(duty_units_answer)),
            # "trách nhiệm các phòng ghi thế nào?": every unit of the part, each with its duties
            Route("every unit", lambda q: q.intent != Intent.TASK and asks_every_unit(q),
                  one_plan(every_unit_answer)),
            # "VK giao phòng nào duy trì ISO 9001 và thí điểm ISO 18091?": the body duty that
            # writes it more fully than the row found (there the check of ISO 9001), its unit
            Route("dominant duty", lambda q: body(q) and not q.task_refs, in_scope(dominant_duty_answer)),
            # "phòng kinh tế làm gì với kinh phí?": the unit's listed duties on that subject
            Route("unit topic", lambda q: body(q) and asked_topic(q, self.catalog.name_words) is not None, in_scope(unit_topic_answer)),
            # "Phòng X còn phụ trách gì nữa?": the unit's listed duties (body,
            # then the annex rows it leads) before any row found by content
            Route("duties", lambda q: body(q) and not q.task_refs and asks_duties(q), self._unit_duties),
            # "mục IV gồm mấy giải pháp": the section's items counted
            Route("item count", lambda q: body(q) and asks_item_count(q), one_plan(list_answer)),
            # "CCHC triển khai trên mấy nội dung?": a count a body sentence states
            Route("inline count", lambda q: body(q) and asks_item_count(q), one_plan(inline_count_answer)),
            # "mục 7.d gồm những gì": the whole body section, every item
            Route("section", lambda q: body(q) and not q.task_refs, in_scope(section_answer)),
            # "liệt kê đủ các chỉ tiêu chủ yếu": a body list found by its heading
            Route("list", lambda q: body(q) and not asks_item_count(q), one_plan(list_answer)),
            # "trong phần mục tiêu ghi giai đoạn nào": one sentence of the body part so headed
            Route("part detail", lambda q: q.intent == Intent.SEARCH and not q.task_refs,
                  in_scope(lambda q, plans, catalog: part_detail_answer(q, plans, catalog, self.passages))),
            # "xã nào báo cáo CCHC gửi về Sở Nội vụ?": the plans whose implementation part names the body
            Route("report to", lambda q: body(q) and report_body(q) is not None, in_scope(report_to_answer)),
            # "báo cáo quý gửi trước ngày nào": the implementation part, not an annex row
            Route("reporting", lambda q: reporting(q) and "lead" not in q.fields and not self._other_report(q),
                  one_plan(reporting_answer)),
            # "mục I.2 có mấy chỉ tiêu chủ yếu": the body list so headed, not annex rows
            Route("heading count", lambda q: q.intent == Intent.COUNT and asks_item_count(q),
                  one_plan(heading_count_answer)),
        )
        after = (
            # "Phòng X có những nhiệm vụ gì về <chủ đề>" that no annex row it leads is
            # about: its body duties on the topic
            Route("topic duties", lambda q: q.intent == Intent.FILTER and bool(q.unit and q.topic),
                  in_scope(topic_duties_answer)),
            # "PT, VK giao ai đổi mới chuyên mục CCHC?" that no row is about: the unit
            # whose duty writes the question's phrase no row of its plan writes
            Route("duty holder", lambda q: body(q) and asks_duty_holder(q), in_scope(duty_holder_answer)),
            # "ai tổng hợp báo cáo, định kỳ thế nào?" with no annex row about it
            Route("reporting", lambda q: q.intent == Intent.LOOKUP and reporting(q),
                  one_plan(reporting_answer), on_abstention=False),
            # no task row numbered so: a body section may be ("Phú Thái mục 7.d")
            Route("section", lambda q: q.intent == Intent.TASK, in_scope(section_answer)),
            # "mục II có bao nhiêu chỉ tiêu" of a plan without such rows: a body list
            Route("list", lambda q: q.intent in (Intent.COUNT, Intent.FILTER) and self._no_row(q),
                  one_plan(list_answer)),
            # "PT thời gian giải quyết TTHC phải giảm ít nhất bao nhiêu %?" that no passage
            # supports in the question's words: the named plan's target statement on the topic
            Route("targets", lambda q: body(q) and q.figure and q.plan_named and not q.task_refs,
                  self.targets.answer),
        )
        return before, after

    def _clauses(self, query: Query) -> Answer | None:
        """Each plan's own clause answered alone (:mod:`retrieval.answering.clauses`),
        or ``None`` when the question is not so divided."""
        clauses = plan_clauses(query, self.catalog)
        return clauses_answer(query, self.catalog, clauses, self._route) if clauses else None

    def _figures(self, query: Query) -> Answer | None:
        """Each figure asked answered alone (:mod:`retrieval.answering.figures`),
        or ``None`` when the question asks one figure only."""
        asks = figure_asks(query, self.catalog)
        return figures_answer(query, self.catalog, asks, self._route) if asks else None

    def _lists(self, query: Query) -> Answer | None:
        """Each list of rows asked answered alone (:func:`retrieval.answering.figures.list_asks`),
        or ``None`` when the question asks one list only."""
        asks = list_asks(query, self.catalog)
        return figures_answer(query, self.catalog, asks, self._route) if asks else None

    def _unit_duties(self, query: Query) -> Answer | None:
        """The unit's duties listed in the body, then the annex rows it leads;
        ``None`` when the body lists none."""
        found = duties_answer(query, plans_in_scope(self.plans, query), self.catalog)
        return None if found is None else self._with_annex_tasks(query, found)

    def _other_report(self, query: Query) -> bool:
        """A look-up whose best rows (:func:`retrieval.answering.lookup.lookup_rows`)
        are reports on their own subject (:func:`retrieval.answering.reporting.is_other_report`):
        "nv báo cáo giải ngân vốn đầu tư hạn khi nào?" asks that row, not the
        reporting regime (which still answers when the search does not agree)."""
        if query.intent != Intent.LOOKUP:
            return False
        rows = lookup_rows(plans_in_scope(self.plans, query), query, self.catalog.name_words)
        return bool(rows) and all(is_other_report(plan, task) for _, plan, task in rows)

    def _row_fact(self, query: Query) -> Answer | None:
        """A document number or an issuing day asked of a task described by its
        content (:func:`retrieval.answering.row_fact.row_fact_query`): the rows
        found, as a look-up the search agrees on; ``None`` when the plan's own
        header fact is asked."""
        asked = row_fact_query(query, plans_in_scope(self.plans, query), self.catalog.name_words)
        return None if asked is None else self._lookup(asked)

    def _no_row(self, query: Query) -> bool:
        """No row number asked, or no plan in scope has an annex to number."""
        return not query.task_refs or not any(p.tasks for p in plans_in_scope(self.plans, query))

    def _one_plan(self, query: Query,
                  handler: Callable[[Query, list[Plan], PlanCatalog], Answer | None]) -> Answer | None:
        """``handler(query, plans, catalog)`` for a question about named plans
        (or the only plan loaded); ``None`` for a question about every plan."""
        plans = plans_in_scope(self.plans, query)
        if len(plans) != 1 and not query.plan_named:
            return None
        return handler(query, plans, self.catalog)

    def _filter_or_duties(self, query: Query) -> Answer:
        """The annex rows a filter or count selects; for a question on a unit's
        duties ("Phòng X có nhiệm vụ gì?", "làm thường trực thì phải làm mấy
        việc nào?") the body's duties first, then those rows."""
        if query.unit and asks_duties_and_rows(query):
            both = self._duties_and_rows(query)
            if both is not None:
                return both
        result = self.tasks.filter_answer(query)
        only_unit = query.unit and not replace(query, unit=None, unit_text=None).has_filter
        listed = query.intent == Intent.FILTER or (query.intent == Intent.COUNT and asks_all_duties(query))
        if not (listed and only_unit and query.unit_role == "lead"):
            return result
        if _subject_beside_unit(query) and not asks_duties(query):
            # "Trung tâm X theo dõi mức độ hài lòng về việc gì?": a subject the unit
            # filter does not hold, no list of duties asked ("những nhiệm vụ gì
            # trong tổ chức thực hiện"); the unit's listed duty on it, when the body has one
            detail = self._duty_detail(query)
            if detail is not None:
                return detail
        if result.abstained:
            # "Phòng X có nhiệm vụ gì?": with no task of X in the annex (or no
            # annex), the organisation section states the unit's duties
            return self._duties_or_text(query)
        if asks_all_duties(query):
            # "Phòng X phải làm những việc gì?": the body's duties, then the annex rows
            body = duties_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if body is not None:
                return _joined(body, result)
        return result

    def _duties_and_rows(self, query: Query) -> Answer | None:
        """"Phòng X có trách nhiệm gì ở mục IV.2 và chủ trì những nv nào trong
        phụ lục?": the unit's duties from the body, then the annex rows it
        leads (a section written in the duties clause does not narrow those
        rows); ``None`` when the body lists no duties for the unit."""
        body = duties_answer(query, plans_in_scope(self.plans, query), self.catalog)
        if body is None:
            return None
        rows = query
        if section_of_duties(query):
            rows = replace(query, section=None, section_text=None, sections=[], section_number=None,
                           subsection_number=None)
        tasks = self.tasks.filter_answer(rows)
        return body if tasks.abstained else _joined(body, tasks)

    def _plans(self, query: Query) -> Answer:
        """Which plans cover a period; the period of every plan when that is
        asked ("KH nào giai đoạn 5 năm, KH nào 6 tháng cuối 2025?" compares
        all plans, unless the question or the scope fixed them)."""
        year = whole_year(query)
        if year is not None:  # "KH nào là cả năm 2025?": the plans of that whole year, the others said
            return whole_year_answer(query, year, list(self.plans.values()), self.catalog)
        compared = asks_periods(query) and not (query.plan_named and not query.cross_doc)
        plans = list(self.plans.values()) if compared else plans_in_scope(self.plans, query)
        return plans_answer(query, plans, self.catalog)

    def _annex_rows(self, query: Query, found: Answer, plans: list[Plan]) -> Answer:
        """``found`` followed by each of ``plans``' annex row on the item it
        answered (:func:`retrieval.answering.cross_rows.with_annex_rows`)."""
        return with_annex_rows(query, found, plans, self.catalog, self.catalog.name_words, self.passages,
                               self._nearest_row)

    def _rows_by_words(self, query: Query, body: Answer) -> Answer:
        """``body`` followed by the annex rows the question's own words find
        (:func:`retrieval.answering.lookup.lookup_answer` by the words alone:
        the search ranks the target sentence first), or ``body`` unchanged
        when none."""
        rows = lookup_answer(self.tasks, replace(query, intent=Intent.LOOKUP))
        if rows is None or rows.abstained or rows.kind != "task":
            return body
        return _joined(body, rows)

    def _lookup(self, query: Query) -> Answer | None:
        hits = self.passages.search(query) if self.passages.searcher is not None else None
        # None: no row is about it, the body may be (duties, targets, text)
        return lookup_answer(self.tasks, query, hits) or self._unstated_row(query)

    def _unstated_row(self, query: Query) -> Answer | None:
        """A look-up the search did not confirm whose passage answer leads with
        the very row found by content, when that row leaves the fields asked
        blank (or writes no day asked): the explained abstention of
        :func:`retrieval.answering.tasks.unstated_reason` rather than the row
        with its "(không ghi)" cell; ``None`` otherwise."""
        if self.passages.searcher is None:
            return None
        rows = lookup_rows(plans_in_scope(self.plans, query), query, self.catalog.name_words)
        if len(rows) != 1:
            return None
        _, plan, task = rows[0]
        reason = unstated_reason(self.catalog, [(plan, task)], query)
        if reason is None:
            return None
        text = self.passages.answer(query)
        lead = task_citation(plan, task)
        if text.abstained or not text.citations or (text.citations[0].doc, text.citations[0].locator) != (
                lead.doc, lead.locator):
            return None
        return abstention(query, reason=reason)

    def _apply_scope(self, query: Query, scope: str | None) -> str | None:
        """Restrict ``query`` to the scope ``scope``; a plan the question names
        outside it wins. Returns the note saying so, else ``None``."""
        if not scope:
            return None
        docs = resolve_plan(self.catalog, scope)
        if query.plan_named and query.plans and not set(query.plans) & set(docs):
            named = ", ".join(plan_label(self.catalog, d) for d in query.plans)
            scoped = ", ".join(plan_label(self.catalog, d) for d in docs) or scope
            query.cross_doc = False
            return (f"(Câu hỏi nêu {named}, ngoài phạm vi đang chọn ({scoped}); "
                    f"trả lời theo {named}.)")
        if query.plan_named:
            query.plans = [d for d in query.plans if d in docs]
        else:
            query.plans = docs
        query.plan_named, query.cross_doc = True, False
        return None

    def _unknown_plan_reason(self, query: Query) -> str:
        if query.unknown_place:
            return (f"Chưa nạp kế hoạch nào của {query.unknown_place}; các kế hoạch đã nạp: "
                    + ", ".join(e.label for e in self.catalog.entries) + ".")
        return ("Không có kế hoạch nào khớp với tên và năm hỏi trong các kế hoạch đã nạp ("
                + ", ".join(e.label for e in self.catalog.entries) + ").")

    def _duties_or_text(self, query: Query) -> Answer:
        """A unit's duties from the plan model when asked and listed — the
        body's list, then the annex tasks it leads — else text search."""
        if asks_duties(query):
            found = duties_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if found is not None:
                return self._with_annex_tasks(query, found)
        funding = asks_funding(query)
        # "lấy từ nguồn nào và ai tham mưu bố trí": the source first, not the unit's duty
        detail = None if asks_funding_source(query) else self._duty_detail(query)
        if detail is not None:
            return detail
        if asks_person(query):
            unnamed = person_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if unnamed is not None:
                return unnamed
        if asks_annex(query) and query.plan_named:
            return annex_answer(query, plans_in_scope(self.plans, query), self.catalog)
        if funding:
            funded = funding_answer(query, plans_in_scope(self.plans, query), self.catalog)
            if funded is not None and query.fields and not funded.abstained:
                # "… gửi trước ngày nào, ai thẩm định?": the section, and the
                # passage that states the rest when it is another one
                found = self.passages.answer(query)
                cited = {(c.doc, c.locator) for c in funded.citations}
                if not found.abstained and not {(c.doc, c.locator) for c in found.citations} <= cited:
                    return _also(funded, found)
            if funded is not None:
                return funded
        if EXCEPTION_ASKED.search(query.key):  # "… có ngoại lệ nào không": the sentence with its "trừ …"
            excepted = self.passages.answer(query, require=EXCEPTION_CLAUSE)
            if not excepted.abstained:
                return excepted
        return self.passages.answer(query)

    def _duty_detail(self, query: Query) -> Answer | None:
        """"Phòng Kinh tế xã trình phê duyệt kinh phí trong thời gian nào?": when
        the question names a unit and its best supporting sentence is one of
        that unit's listed duties, the duty and the unit's other duties
        (:func:`retrieval.answering.duties.duty_detail_answer`); else ``None``."""
        if self.passages.searcher is None or query.task_refs or question_unit(query.text, self.catalog) is None:
            return None
        candidates = self.passages.candidates(query, self.passages.search(query))
        if not candidates:
            return None
        if candidates[0][3].kind != "paragraph":
            return None
        best = [c[3] for c in candidates if c[0] >= DUTY_RATIO * candidates[0][0] and c[3].kind == "paragraph"]
        return duty_detail_answer(query, plans_in_scope(self.plans, query), self.catalog,
                                  [(c.doc, c.section, c.quote) for c in best])

    def _with_annex_tasks(self, query: Query, body: Answer) -> Answer:
        """``body`` (a unit's duties) followed by the annex tasks the unit
        leads in the plans in scope, when there are any."""
        unit = question_unit(query.text, self.catalog)
        if unit is None or query.has_filter:
            return body
        led = replace(query, intent=Intent.FILTER, unit=unit.key, unit_text=unit.text,
                      unit_role="lead", wants_list=True, fields=[], result_keys=[])
        tasks = self.tasks.filter_answer(led)
        return body if tasks.abstained else _joined(body, tasks)

    def _base_of_no_annex(self, query: Query, history: list[Turn]) -> Answer | None:
        """"thế ở Phú Thái thì sao?" after a field follow-up of a row: the plans
        asked have no annex, so no row is like it; the question the conversation
        started from (:func:`retrieval.question.chain.base_question`) asked of
        them instead, when that answers; else ``None``."""
        if not query.plans or any(self.plans[d].tasks for d in query.plans if d in self.plans):
            return None
        base = base_question([turn.question for turn in history], self.catalog)
        if base is None or set(base.plans) == set(query.plans):
            return None
        asked = replace(base, plans=list(query.plans), plan_named=True, result_keys=[], previous_keys=[],
                        mentioned=list(query.mentioned), today=query.today)
        found = self._route(asked)
        return None if found.abstained else found

    def _previous_query(self, history: list[Turn], scope: str | None = None) -> Query | None:
        last = history[-1]
        if last.answer is not None and (last.answer.scope or None) != (scope or None):
            return None  # the scope changed: a fresh conversation
        if last.answer is not None and last.answer.query is not None:
            return last.answer.query
        previous = None
        for turn in history:  # replay the conversation
            q = parse_query(turn.question, self.catalog)
            previous = follow_up(q, previous) if previous is not None else q
        return previous

    # -- the parts' public methods, as callers know them
    def matches(self, plan: Plan, task: Task, query: Query) -> bool:
        """Does ``task`` meet every filter of ``query``? (:func:`retrieval.answering.tasks.matches`)"""
        return matches(plan, task, query)

    def render_task(self, plan: Plan, task: Task, fields: list[str], label: bool) -> str:
        """A task (with its sub-rows) as answer text, the plan's label first
        when ``label`` (:meth:`retrieval.answering.tasks.TaskAnswerer.render_task`)."""
        return self.tasks.render_task(plan, task, fields, label)

    def candidates(self, query: Query, hits: list, require: re.Pattern | None = None) -> list[tuple]:
        """Supporting sentences, best first
        (:meth:`retrieval.answering.text.PassageAnswerer.candidates`)."""
        return self.passages.candidates(query, hits, require)

    def hit_citation(self, hit: Hit) -> Citation:
        """Citation of a search hit (its chunk's doc, locator, page, quote)."""
        return self.passages.hit_citation(hit)

    def chunk_citation(self, chunk: Chunk) -> Citation:
        """Citation of a chunk: its doc, the plan title, locator, page, quote."""
        return self.passages.chunk_citation(chunk)


def _reasked_after_refusal(query: Query, previous: Query, last: Turn) -> bool:
    """Is ``query`` the previous question asked again of another plan ("kế
    hoạch Nam An Phụ thì sao?") right after a turn that was refused ("cụ thể
    bao nhiêu tiền một năm?" → "Kế hoạch không nêu số tiền cụ thể …")?"""
    return (last.answer is not None and last.answer.abstained and query.text == previous.text
            and bool(query.plans) and set(query.plans) != set(previous.plans))


def _what_it_says(answer: Answer, query: Query) -> Answer:
    """A refusal that quotes what the plan says instead ("Kế hoạch không nêu
    số tiền cụ thể. <the funding section>") as the answer, cited: asked again
    of another plan after the same refusal, the asker wants that plan's text
    on the subject, the refusal still said. Any other answer unchanged."""
    quoted = [e for e in answer.evidence if e.doc in query.plans and e.quote and e.quote[:40] in answer.text]
    if not answer.abstained or not quoted:
        return answer
    return Answer(answer.text, False, quoted, "extractive", list(answer.evidence), answer.query)


def _joined(body: Answer, tasks: Answer) -> Answer:
    """A unit's duties (``body``) followed by the annex tasks it leads, both cited."""
    cited = body.citations + tasks.citations
    return Answer(f"{body.text}\nTrong phụ lục nhiệm vụ:\n{tasks.text}", False, cited,
                  body.kind, cited + [e for e in body.evidence if e not in cited], body.query)


#: Duties of the unit named that a detail question also finds: sentences
#: scoring at least this share of the best one (:meth:`Answerer._duty_detail`).
DUTY_RATIO = 0.9

#: A year the question names ("năm 2031", "đến 2031").
_YEAR = re.compile(r"\b(20\d{2})\b")


def _plan_writes(plan: Plan, year: str, pairs: frozenset[str]) -> bool:
    """Does ``plan`` write ``year`` in a passage on the question's topic (one
    that shares a content-word pair of ``pairs``), body or annex?"""
    texts = [p.text or "" for s in plan.sections for p in s.paragraphs]
    texts += [" ".join(filter(None, (t.content, t.objective, t.deadline, t.product))) for t in plan.tasks]
    return any(year in text and pairs & term_set(text) for text in texts)


def _also(first: Answer, more: Answer) -> Answer:
    """``first`` followed by ``more`` (another passage of the same question), both cited."""
    cited = first.citations + [c for c in more.citations if c not in first.citations]
    return Answer(f"{first.text}\n{more.text}", False, cited, first.kind,
                  cited + [e for e in first.evidence if e not in cited], first.query)


def _iso(day: date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


_TASK_LOCATOR = re.compile(r"^nhiệm vụ (\S+?)(?: \(dòng con\))?$")


def _task_number(locator: str) -> str | None:
    """"nhiệm vụ 22" → "22"; a sub-row's locator gives its parent's number."""
    m = _TASK_LOCATOR.match(locator)
    return m.group(1) if m else None


#: Most words of a follow-up that carries a duties question to another unit.
DUTIES_FOLLOW_WORDS = 10


def _subject_beside_unit(query: Query) -> bool:
    """True when ``query`` (a filter on a unit) has content words of its own
    besides the unit's name ("… theo dõi mức độ hài lòng về việc gì?"), not
    only the unit ("Phòng X có nhiệm vụ gì?")."""
    unit = set((query.unit or "").split())
    return any(w not in unit for w in query.content)


def _duties_carried(query: Query, previous: Query) -> bool:
    """Does follow-up ``query`` ask the previous turn's duties question of
    the unit it names ("LH: công chức Tư pháp có trách nhiệm gì?", then "còn
    công chức Văn hóa - xã hội?", "Trạm Y tế thì sao?")? A short question
    with the follow-up cue, no field, row, count or filter of its own, after
    a question on a unit's duties (:func:`asks_duties`)."""
    return (asks_duties(previous) and not asks_duties(query) and query.intent == Intent.SEARCH
            and not (query.fields or query.task_refs or query.count or query.has_filter or query.metas)
            and len(query.key.split()) <= DUTIES_FOLLOW_WORDS and bool(FOLLOW_CUE.search(query.key)))
