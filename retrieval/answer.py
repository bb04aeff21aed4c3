"""Answers with citations: structured (from the plan model) or extractive.

``Answerer(store, searcher).answer(question, plan=None, history=None)``
returns an :class:`Answer`:

* **task** questions ("nv 22 NAP ai chủ trì?") are answered from
  :class:`ingest.model.Task` fields, exactly as written, with the task's
  sub-rows; a number several plans have, with no plan named, is answered
  per plan, labelled; a section given ("mục VI, chỉ tiêu 2.1") narrows
  plans whose numbering restarts per section;
* **filter** and **count** questions ("Phòng Kinh tế chủ trì những nhiệm vụ
  nào?", "bao nhiêu nhiệm vụ thường xuyên?", "nhiệm vụ nào không phải
  thường xuyên?") list every matching task of every matching plan with
  its number, grouped and labelled per plan (the filter semantics are in
  :meth:`Answerer.matches`);
* **meta** questions (who signed, which decision) are answered from the
  plan's header facts; **plans** questions ("kế hoạch nào áp dụng cho năm
  2026?") from the catalog of loaded plans;
* other questions get an **extractive** answer: the few sentences or list
  items of the best passages that share most of the question's content
  words (idf-weighted, :data:`MIN_SUPPORT`), each labelled with its plan;
  a task row found this way is answered as a task. With an LLM configured
  (:mod:`retrieval.llm`) the passages go to it instead;
* the answer **abstains** with :data:`ABSTAIN` when nothing supports it: a
  plan named that is not loaded, a task number the named plan lacks, a
  filter no task meets, a header fact the plan leaves blank, no sentence
  with enough support, or a figure asked ("bao nhiêu", "tỷ lệ") that the
  supporting sentences do not state (years, dates and document numbers are
  not figures).

Follow-ups ("còn nhiệm vụ 23?", "thế ai phối hợp?") are resolved against
the previous turn's query (:meth:`retrieval.query.Query.follow_up`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from ingest.model import Due, Plan, Section, Task
from ingest.textnorm import fold, nfc
from retrieval.query import (
    FIELDS,
    PlanCatalog,
    Query,
    canon,
    parse_query,
    section_words,
    unit_matches,
)

ABSTAIN = "Không tìm thấy thông tin này trong các kế hoạch đã nạp."

#: Share of the question's content weight (idf, words and word pairs) a
#: sentence must hold for an extractive answer. Calibrated on the dev set.
MIN_SUPPORT = 0.45
#: Below this support a sentence must also contain the question's rarest
#: word (its most specific subject: "y tế", "cắt giảm"), so near-misses on
#: the same kind of target ("mức độ hài lòng … 90%") are not taken for it.
STRONG_SUPPORT = 0.6
#: Term weight = idf ** IDF_POWER: above 1, a sentence missing the
#: question's rarest words (its specific subject) loses more support.
IDF_POWER = 1.0
#: With no plan named, another plan joins the answer (labelled) when its
#: best sentence scores at least this share of the best one.
PER_PLAN_RATIO = 0.9
#: The same for questions across plans ("xã nào", "so sánh").
CROSS_PLAN_RATIO = 0.6
#: A question asking for several things ("những … nào", "gồm những gì") gets
#: up to this many items of the list (same section) that its best one is in,
#: those scoring at least LIST_RATIO of the best.
MAX_LIST_SENTENCES = 6
LIST_RATIO = 0.7
_PLURAL = re.compile(r"\b(?:nhung|cac)\b.*\b(?:nao|gi)\b|\bgom nhung\b|\bnhung gi\b")
#: Headings up to this length prefix their paragraphs' sentences.
HEADING_CHARS = 100
#: At most this many sentences per plan in an extractive answer.
MAX_SENTENCES = 2
#: Passages read per search within one plan (the sentences of all of them
#: are scored: the support score re-ranks the search's pool).
POOL = 20
#: Passages read when the answer may span plans.
POOL_CROSS = 40
#: Passages handed to the LLM.
LLM_PASSAGES = 8
#: Preference for a task row when the question asks a task field.
TASK_ROW_BONUS = 0.1
#: Preference for sentences of passages the hybrid search ranked, scaled
#: from this (rank 1) down to 0 (end of the pool). Every sentence of the
#: plans in scope is scored, so a passage the search missed can still answer.
SEARCH_BONUS = 0.1

FIELD_LABELS = {
    "content": "Nội dung",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "deadline": "Thời gian hoàn thành",
    "product": "Sản phẩm",
    "objective": "Mục tiêu",
}


@dataclass
class Citation:
    """Where an answer comes from: ``doc`` (file name), ``title`` (plan
    title), ``locator`` ("nhiệm vụ 22", "mục II.3.b"), ``page`` (1-based or
    ``None``) and ``quote`` (the source words). ``section`` (a task's annex
    section) is kept for evaluation and left out of :meth:`to_dict`."""

    doc: str
    title: str | None
    locator: str
    page: int | None
    quote: str
    section: str | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The CLI contract's ``{"doc", "title", "locator", "page", "quote"}``."""
        return {"doc": self.doc, "title": self.title, "locator": self.locator,
                "page": self.page, "quote": self.quote}


@dataclass
class Answer:
    """An answer: ``text`` (Vietnamese), ``abstained``, ``citations``,
    ``kind`` (``task`` | ``filter`` | ``count`` | ``meta`` | ``plans`` |
    ``extractive`` | ``llm`` | ``abstain``). ``evidence`` ranks what was
    considered, best first (for retrieval metrics); ``query`` is the
    resolved query (for follow-ups)."""

    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    kind: str = "extractive"
    evidence: list[Citation] = field(default_factory=list)
    query: Query | None = None


@dataclass
class Turn:
    """One earlier exchange: the question and, when known, its :class:`Answer`
    (whose ``query`` makes the follow-up exact)."""

    question: str
    answer: Answer | None = None


def abstention(query: Query | None = None, evidence: list[Citation] | None = None) -> Answer:
    """The standard abstention answer."""
    return Answer(ABSTAIN, True, [], "abstain", list(evidence or []), query)


# ------------------------------------------------------------ small helpers

def _short(text: str | None, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _title(plan: Plan) -> str | None:
    return plan.metadata.title or plan.title


def task_quote(task: Task) -> str:
    """The row as source words: "22. <content> | Cơ quan chủ trì: … | …"."""
    parts = [f"{task.number}. {task.content or ''}".strip() if task.number else (task.content or "")]
    for name in ("objective", "lead", "coordinating", "deadline", "product"):
        value = getattr(task, name)
        if value:
            parts.append(f"{FIELD_LABELS[name]}: {value}")
    return " | ".join(p for p in parts if p)


def task_citation(plan: Plan, task: Task) -> Citation:
    """Citation of one task row."""
    return Citation(plan.doc, _title(plan), task.label, task.page, task_quote(task), task.section)


def sub_rows(plan: Plan, task: Task) -> list[Task]:
    """The unnumbered rows that belong to numbered ``task`` (same section)."""
    return [t for t in plan.tasks if t.number is None and t.part_of == task.number
            and t.section == task.section]


def parent_task(plan: Plan, row: Task) -> Task | None:
    """The numbered task a sub-row belongs to (itself when numbered)."""
    if row.number:
        return row
    return next((t for t in plan.tasks if t.number == row.part_of and t.section == row.section), None)


def _roman(text: str | None) -> str | None:
    m = re.match(r"^\s*([IVXLC]+)\b", text or "", re.IGNORECASE)
    return m.group(1).lower() if m else None


def _lead_number(text: str | None) -> str | None:
    m = re.match(r"^\s*(\d+)\b", text or "")
    return m.group(1) if m else None


_YEARISH = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b(?:19|20)\d{2}\b|\b\d+\s*/\s*[A-ZĐa-zđ][\w/-]*"
    r"|\b\d+/\d{4}/[\w-]+|\bISO\s*\d+(?::\d+)?|\bTCVN\b[\s\w:]*"
)


def has_figure(text: str) -> bool:
    """True when ``text`` states a figure: a number that is not a year, a
    date, a document number ("76/NQ-CP") or a standard's name."""
    return bool(re.search(r"\d", _YEARISH.sub(" ", text or "")))


_SENT_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=[-+•]?\s*[A-ZĐÀ-Ỹ0-9])|(?<=:)\s+(?=[-+•]\s)")
_PREFIX = re.compile(r"^\s*(?:[-+•*]|[a-zđ][),](?=\s)|\d+(?:\.\d+)*[.)])\s*")


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of a passage: split after ". ; ! ?" before a
    capital or digit, and before a "- "/"+ " item; list markers ("a)", "-",
    "2.") stripped; fragments under 4 characters dropped."""
    out = []
    for piece in _SENT_SPLIT.split(text or ""):
        piece = _PREFIX.sub("", piece.strip()).strip()
        if len(piece) >= 4:
            out.append(piece)
    return out


# ------------------------------------------------------------ deadlines

def _period_bounds(period: str, plan_year: int | None) -> tuple[date, date] | None:
    year_text, _, rest = period.partition("-")
    if year_text == "*":
        if plan_year is None:
            return None
        year = plan_year
    else:
        year = int(year_text)
    if not rest:
        return date(year, 1, 1), date(year, 12, 31)
    if rest.startswith("Q"):
        q = int(rest[1:])
        first, last = 3 * q - 2, 3 * q
    else:
        first = last = int(rest)
    end = (date(year + (last == 12), last % 12 + 1, 1) - timedelta(days=1))
    return date(year, first, 1), end


def due_in_period(due: Due, period: str, plan_year: int | None, exact: bool = False) -> bool:
    """Does a deadline fall in ``period`` ("2026", "2026-Q1", "2026-03",
    "*-Q1" = the plan's year)?

    Default: the task's dated span lies inside the period (a pure deadline
    "Trước ngày 15/01/2026" by its end day). ``exact``: the span is the
    whole period ("Cả năm 2026" for 2026; "Quý IV/2025", not "Quý III,
    IV/2025"). ``annual`` deadlines ("Tháng 10 hàng năm") are compared by
    month and day in the period's year, and never fall in a whole year (a
    yearly task is not due in one particular year). No dates (Thường xuyên,
    Hàng năm alone) → False.
    """
    bounds = _period_bounds(period, plan_year)
    if bounds is None or (due.start is None and due.end is None):
        return False
    p_start, p_end = bounds
    start = date.fromisoformat(due.start) if due.start else None
    end = date.fromisoformat(due.end) if due.end else None
    if due.recurrence == "annual" and p_end - p_start >= timedelta(days=364):
        return False  # a yearly task is not due in one particular year
    if due.recurrence == "annual" and start and end and (end - start).days < 365:
        length = end - start
        try:
            start = start.replace(year=p_start.year)
        except ValueError:
            start = start.replace(year=p_start.year, day=28)
        end = start + length
    if exact:
        return start == p_start and end == p_end
    if start is None:
        return end is not None and p_start <= end <= p_end
    if end is None:
        return False
    return p_start <= start and end <= p_end


def _is_regular(task: Task) -> bool:
    return task.due.recurrence == "regular" or "thuong xuyen" in fold(task.deadline)


def _date_vi(iso: str | None) -> str | None:
    """"2025-07-31" → "31/7/2025"; other text unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{int(m.group(3))}/{int(m.group(2))}/{m.group(1)}" if m else iso


def _clean_heading(text: str | None) -> str:
    return _PREFIX.sub("", re.sub(r"[*#]+", "", text or "")).strip().rstrip(":").strip()


def _context_heading(section: Section | None, quote: str) -> str | None:
    """The heading that gives a paragraph its subject: the section's own
    heading, or its parent's when the section is a list item whose heading
    is the paragraph itself ("1. Công chức Văn phòng-thống kê xã" over "a)
    Là cơ quan thường trực …"). ``None`` when it is long or repeats the text."""
    if section is None:
        return None
    path = list(section.path or [section.heading])
    for heading in reversed(path[-2:]):
        h = _clean_heading(heading)
        if not h:
            continue
        if fold(h)[:60] in fold(quote) or fold(quote)[:60] in fold(h):
            continue  # the item's own heading: look one level up
        return h if len(h) <= HEADING_CHARS else None
    return None


def _figure_text(task: Task) -> str:
    """The cells of a task row that can state a figure (not its number or deadline)."""
    return " ".join(x or "" for x in (task.content, task.objective, task.product))


def _same_text(a: str | None, b: str | None) -> bool:
    return canon(a) == canon(b)


# ------------------------------------------------------------ the answerer

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
        self.searcher = searcher
        self.llm = llm
        self.plans: dict[str, Plan] = dict(store.plans())
        self.catalog = PlanCatalog.from_plans(self.plans.values())
        self._df: Counter[str] = Counter()
        self._n_chunks = 0
        self._chunks_by_doc: dict[str, list] = {}
        for chunk in getattr(store, "chunks", None) or []:
            self._n_chunks += 1
            self._df.update(set(_terms(chunk.text)))
            self._chunks_by_doc.setdefault(chunk.doc, []).append(chunk)
        self._sections: dict[tuple[str, str], Section] = {
            (p.doc, s.locator): s for p in self.plans.values() for s in p.sections if s.locator
        }
        self._sentence_cache: dict[str, list[tuple[str, str, frozenset[str]]]] = {}

    # -- entry point
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
        if query.intent == "task":
            return self._task_answer(query)
        if query.intent in ("filter", "count"):
            return self._filter_answer(query)
        if query.intent == "meta":
            return self._meta_answer(query)
        if query.intent == "plans":
            return self._plans_answer(query)
        return self._search_answer(query)

    def _previous_query(self, history: list[Turn]) -> Query | None:
        last = history[-1]
        if last.answer is not None and last.answer.query is not None:
            return last.answer.query
        previous = None
        for turn in history:  # replay the conversation
            q = parse_query(turn.question, self.catalog)
            previous = q.follow_up(previous) if previous is not None else q
        return previous

    def _candidate_plans(self, query: Query) -> list[Plan]:
        docs = query.plans if query.plan_named else sorted(self.plans)
        return [self.plans[d] for d in docs if d in self.plans]

    def _label(self, doc: str) -> str:
        entry = self.catalog.by_doc.get(doc)
        return entry.label if entry else doc

    # -- tasks
    def _in_section(self, task: Task, query: Query) -> bool:
        if query.section_number and _roman(task.section) != query.section_number:
            return False
        if query.subsection_number:
            sub, number = query.subsection_number, task.number or task.part_of or ""
            in_group = number == sub or number.startswith(sub + ".")
            if not in_group and not ("." not in number and _lead_number(task.subsection) == sub):
                return False
        return True

    def _section_words_match(self, task: Task, query: Query) -> bool:
        have = section_words(task.section) | section_words(task.subsection)
        for key in query.sections or [query.section]:
            wanted = section_words(key)
            if wanted and len(wanted & have) / len(wanted) >= 0.75:
                return True
        return False

    def render_task(self, plan: Plan, task: Task, fields: list[str], label: bool) -> str:
        """A task (with its sub-rows) as answer text: header with content,
        then the ``fields`` asked plus the lead and deadline (all fields when
        none is asked), exactly as written."""
        if fields:  # the fields asked first, then the lead and deadline for context
            fields = list(fields) + [f for f in ("lead", "deadline") if f not in fields]
        else:
            fields = list(FIELDS)
        head = f"{self._label(plan.doc)} – " if label else ""
        dup = sum(1 for t in plan.tasks if t.number == task.number) > 1
        section = f" [{task.section}]" if dup and task.section else ""
        lines = [f"{head}{task.label[0].upper()}{task.label[1:]}{section}: "
                 f"{_short(task.content, 300)}".rstrip()]
        if task.objective:
            lines.append(f"  {FIELD_LABELS['objective']}: {task.objective}")
        rows = [task] + sub_rows(plan, task)
        for row in rows:
            values = [f"{FIELD_LABELS[f]}: {getattr(row, f) or '(không ghi)'}"
                      for f in fields if f != "content"]
            if row is task:
                if len(rows) > 1 and not any(getattr(task, f) for f in fields if f != "content"):
                    continue
                if values:
                    lines.append("  " + "; ".join(values) + ".")
            else:
                lines.append(f"  • {_short(row.content, 200)} — " + "; ".join(values) + ".")
        return "\n".join(lines)

    def _task_answer(self, query: Query) -> Answer:
        found: list[tuple[Plan, Task]] = []
        for plan in self._candidate_plans(query):
            tasks = [t for t in plan.tasks if t.number in query.task_refs and self._in_section(t, query)]
            if query.section:
                narrowed = [t for t in tasks if self._section_words_match(t, query)]
                tasks = narrowed or tasks
            found.extend((plan, t) for t in tasks)
        if not found:
            return abstention(query)
        if query.figure and not (set(query.fields) - {"content"}):
            # "kinh phí bao nhiêu?": only a row that states a figure answers
            if not any(has_figure(" ".join(r.content or "" for r in [t] + sub_rows(p, t))
                                  + " " + (t.objective or "") + " " + (t.product or ""))
                       for p, t in found):
                return abstention(query)
        label = len({p.doc for p, _ in found}) > 1 or not query.plan_named
        blocks, citations = [], []
        for plan, task in found:
            blocks.append(self.render_task(plan, task, query.fields, label))
            citations.append(task_citation(plan, task))
            citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
        return Answer("\n".join(blocks), False, citations, "task", list(citations), query)

    # -- filters and counts
    def matches(self, plan: Plan, task: Task, query: Query) -> bool:
        """Does ``task`` meet every filter of ``query``?

        Unit: one of the lead units contains the unit asked. Section: the
        roman numeral / sub-number, or the section words. Deadline: the
        quoted text (equal when exact, else contained), "thường xuyên", or
        the period (:func:`due_in_period`; "ghi là Quý I" also wants the
        deadline written in quarters); negated by "không (phải)…", when the
        task has a deadline at all.
        """
        if query.unit and not unit_matches(query.unit, task.lead):
            return False
        if not self._in_section(task, query):
            return False
        if query.section and not self._section_words_match(task, query):
            return False
        condition = None
        if query.deadline_text:
            condition = (_same_text(task.deadline, query.deadline_text) if query.period_exact
                         else canon(query.deadline_text) in canon(task.deadline))
        elif query.regular:
            condition = _is_regular(task)
        elif query.recurrence:
            condition = task.due.recurrence == query.recurrence
        elif query.period:
            condition = due_in_period(task.due, query.period, plan.year, query.period_exact)
            if condition and query.period_written:
                unit = "quy" if "-Q" in query.period else ("thang" if "-" in query.period else "")
                words = canon(task.deadline).split()
                condition = (unit in words) if unit else bool(set(words) & {query.period})
        if condition is None:
            return True
        if query.negate:
            return bool(task.deadline) and not condition
        return condition

    def _filter_answer(self, query: Query) -> Answer:
        groups: list[tuple[Plan, list[Task]]] = []
        for plan in self._candidate_plans(query):
            hits: list[Task] = []
            for task in plan.tasks:
                if self.matches(plan, task, query):
                    parent = parent_task(plan, task)
                    if parent is not None and parent not in hits:
                        hits.append(parent)
            if hits:
                groups.append((plan, hits))
        if not groups:
            return abstention(query)
        described = describe_filter(query)
        label = len(groups) > 1 or not query.plan_named
        extra = [f for f in query.fields if f not in ("lead", "content")] or ["deadline"]
        blocks, citations = [], []
        for plan, tasks in groups:
            numbers = ", ".join(t.number or "?" for t in tasks)
            head = f"{self._label(plan.doc)}: " if label else ""
            if query.intent == "count":
                lines = [f"{head}{len(tasks)} nhiệm vụ{described} (số {numbers})."]
            else:
                lines = [f"{head}Nhiệm vụ {numbers}{described}."]
            limit = 240 if len(tasks) <= 12 else 110
            for t in tasks:
                values = []
                if not query.unit or len({r.lead for r in [t] + sub_rows(plan, t)}) > 1:
                    values.append(f"chủ trì: {t.lead or '; '.join(r.lead or '' for r in sub_rows(plan, t))}")
                values += [f"{FIELD_LABELS[f].lower()}: {getattr(t, f) or '(không ghi)'}" for f in extra]
                goal = f" [{FIELD_LABELS['objective']}: {_short(t.objective, limit)}]" if t.objective else ""
                lines.append(f"- {t.number}. {_short(t.content, limit)}{goal} ({'; '.join(values)})")
                citations.append(task_citation(plan, t))
            blocks.append("\n".join(lines))
        if query.intent == "count" and len(groups) > 1 and re.search(r"\bnhat\b", query.key):
            most = max(groups, key=lambda g: len(g[1]))
            blocks.append(f"Nhiều nhất: {self._label(most[0].doc)} ({len(most[1])} nhiệm vụ).")
        return Answer("\n".join(blocks), False, citations, query.intent, list(citations), query)

    # -- header facts and the catalog
    def _meta_answer(self, query: Query) -> Answer:
        """Header facts: signer, decision number (with its date), date.

        A decision number is quoted from the sentence of the plan that
        writes it (so its date reads as written) when one is indexed; a fact
        the header leaves blank gives an abstention, except a decision
        number, which is then looked for in the text.
        """
        blocks, citations = [], []
        for plan in self._candidate_plans(query):
            m = plan.metadata
            when = _date_vi(m.date)
            if query.meta == "decision" and m.decision_number:
                sub = replace(query, plans=[plan.doc], plan_named=True)
                found = self._search_answer(sub, require=re.compile(re.escape(m.decision_number)))
                if not found.abstained:
                    blocks.append(f"{self._label(plan.doc)}: Quyết định số {m.decision_number}. "
                                  + found.text)
                    citations.extend(found.citations)
                    continue
                text = f"Ban hành kèm theo Quyết định số {m.decision_number}" + (
                    f" ngày {when}." if when else ".")
            elif query.meta == "signer" and m.signer:
                text = f"Người ký: {m.signer}."
            elif query.meta == "date" and m.date:
                text = f"Ngày ban hành: {when}."
            else:
                continue
            facts = "; ".join(x for x in (m.decision_number, when, m.signer) if x)
            blocks.append(f"{self._label(plan.doc)}: {text}")
            citations.append(Citation(plan.doc, _title(plan), "thông tin chung", None,
                                      f"{_title(plan) or ''} ({facts})"))
        if not blocks:
            if query.meta == "decision":  # the number may still be written in the text
                return self._search_answer(query, require=re.compile(r"\d+\s*/\s*Q[ĐD]", re.I))
            return abstention(query)
        return Answer("\n".join(blocks), False, citations, "meta", list(citations), query)

    def _plans_answer(self, query: Query) -> Answer:
        plans = self._candidate_plans(query)
        if not plans:
            return abstention(query)
        lines, citations = [], []
        for plan in plans:
            lines.append(f"- {self._label(plan.doc)}: {_title(plan) or plan.doc}")
            citations.append(Citation(plan.doc, _title(plan), "tiêu đề", None, _title(plan) or plan.doc))
        return Answer(f"{len(plans)} kế hoạch:\n" + "\n".join(lines), False, citations, "plans",
                      list(citations), query)

    # -- extractive answers
    def _search(self, query: Query) -> list:
        """Passages for ``query``: one search (one query embedding), limited to
        the named plans when there are any; deep enough that every named plan
        and, when a task field is asked, the best task rows are in the pool."""
        docs = set(query.plans) if query.plan_named else None
        if docs:
            k = min(POOL * len(docs), POOL_CROSS)
        else:
            k = POOL_CROSS
        return self.searcher.search(query.search_text, k=k, docs=docs)

    def _search_answer(self, query: Query, require: re.Pattern | None = None) -> Answer:
        if self.searcher is None:
            return abstention(query)
        hits = self._search(query)
        evidence = [self.hit_citation(h) for h in hits]
        if self.llm is not None and hits:
            from retrieval.llm import llm_answer

            result = llm_answer(self.llm, query.text, hits[:LLM_PASSAGES], self.hit_citation)
            if result is not None:
                text, cited = result
                if not cited:
                    return abstention(query, evidence)
                return Answer(text, False, cited, "llm", evidence, query)
        candidates = self.candidates(query, hits, require)
        if not candidates:
            return abstention(query, evidence)
        chosen = self._choose(query, candidates)
        answer = self._compose(query, chosen, evidence)
        seen = {(c.doc, c.locator) for c in answer.citations}
        answer.evidence = answer.citations + [e for e in evidence if (e.doc, e.locator) not in seen]
        return answer

    def candidates(self, query: Query, hits: list, require: re.Pattern | None = None) -> list[tuple]:
        """Every sentence of the plans in scope that supports ``query``, best
        first: tuples ``(score, search rank, shown text, chunk, source
        words)``. Score = support (:func:`_support`, at least
        :data:`MIN_SUPPORT`, and containing the question's rarest word below
        :data:`STRONG_SUPPORT`) + shape, task-row and search-rank bonuses. A
        figure question keeps only sentences stating a figure; ``require``
        (a pattern) keeps only sentences matching it."""
        weights = self._weights(query)
        if not weights:
            return []
        unigrams = {t: w for t, w in weights.items() if " " not in t}
        rarest = max(unigrams, key=unigrams.get) if unigrams else None
        ranks = {h.chunk.id: i for i, h in enumerate(hits)}
        docs = set(query.plans) if query.plan_named else set(self.plans)
        candidates = []
        for chunk in (c for doc in sorted(docs) for c in self._chunks_by_doc.get(doc, [])):
            rank = ranks.get(chunk.id)
            row = self._row_of(chunk)
            for sentence, raw, present in self._sentences(chunk):
                if query.figure and not has_figure(_figure_text(row) if row else raw):
                    continue
                if require is not None and not require.search(raw):
                    continue
                support = _support(weights, present)
                if support < (MIN_SUPPORT if require is None else MIN_SUPPORT / 2):
                    continue
                if support < STRONG_SUPPORT and rarest not in present and require is None:
                    continue  # weak overlap without the question's most specific word
                bonus = _shape_bonus(query, raw)
                if chunk.kind == "task" and set(query.fields) - {"content"}:
                    bonus += TASK_ROW_BONUS
                if rank is not None:
                    bonus += SEARCH_BONUS * (1 - rank / len(hits))
                order = rank if rank is not None else len(hits)
                candidates.append((support + bonus, order, sentence, chunk, raw))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        return candidates

    def _choose(self, query: Query, candidates: list) -> dict[str, list]:
        best = candidates[0][0]
        several_named = query.plan_named and len(query.plans) > 1
        ratio = CROSS_PLAN_RATIO if query.cross_doc else PER_PLAN_RATIO
        per_doc: dict[str, list] = {}
        plural = bool(_PLURAL.search(query.key))
        for cand in candidates:
            doc = cand[3].doc
            if doc not in per_doc:
                if per_doc and not several_named and cand[0] < ratio * best:
                    continue
                if per_doc and query.plan_named and not several_named:
                    continue
            chosen = per_doc.setdefault(doc, [])
            if not chosen:
                chosen.append(cand)
                continue
            if any(c[2] == cand[2] for c in chosen):
                continue
            first = chosen[0]
            anchor = next((c for c in chosen if c[3].kind == "paragraph"), None)
            if len(chosen) < MAX_SENTENCES and cand[0] >= 0.9 * first[0]:
                chosen.append(cand)
            elif (plural and anchor is not None and len(chosen) < MAX_LIST_SENTENCES
                  and cand[0] >= LIST_RATIO * anchor[0] and cand[3].kind == "paragraph"
                  and cand[3].section == anchor[3].section):
                chosen.append(cand)  # more items of the same list ("những … nào?")
        return per_doc

    def _compose(self, query: Query, per_doc: dict[str, list], evidence: list[Citation]) -> Answer:
        label = len(per_doc) > 1 or not query.plan_named
        blocks, citations = [], []
        for doc, chosen in per_doc.items():
            plan = self.plans.get(doc)
            prose, locs, rendered = [], [], []
            last_heading = None
            for _, _, sentence, chunk, raw in chosen:
                task = self._task_of(chunk) if plan is not None else None
                if task is not None:
                    rendered.append(self.render_task(plan, task, query.fields, label))
                    citations.append(task_citation(plan, task))
                    continue
                cit = self.chunk_citation(chunk)
                citations.append(Citation(cit.doc, cit.title, cit.locator, cit.page, raw, cit.section))
                heading = sentence[: len(sentence) - len(raw)] if sentence.endswith(raw) else ""
                if heading and heading == last_heading:
                    sentence = raw  # the list's heading once
                last_heading = heading
                prose.append(sentence)
                locs.append(cit.locator)
            if prose:
                where = ", ".join(dict.fromkeys(locs))
                text = " ".join(prose)
                blocks.append(f"{self._label(doc)} ({where}): {text}" if label else f"{text} ({where})")
            blocks.extend(rendered)
        return Answer("\n".join(blocks), False, citations, "extractive", evidence, query)

    def _task_of(self, chunk) -> Task | None:
        """The numbered task a task chunk belongs to (a sub-row's parent)."""
        row = self._row_of(chunk)
        return parent_task(self.plans[chunk.doc], row) if row is not None else None

    def _row_of(self, chunk) -> Task | None:
        """The table row a task chunk holds: the numbered row, or the sub-row
        ("(dòng con)" locator) whose content the chunk quotes."""
        if chunk.kind != "task" or not chunk.task_number or chunk.doc not in self.plans:
            return None
        rows = [t for t in self.plans[chunk.doc].tasks
                if (t.number or t.part_of) == chunk.task_number
                and (chunk.section is None or t.section == chunk.section)]
        if "(dòng con)" in (chunk.locator or ""):
            quote = fold(chunk.quote)
            subs = [t for t in rows if t.number is None]
            return next((t for t in subs if fold(t.content)[:50] in quote), subs[0] if subs else None)
        return next((t for t in rows if t.number), None)

    def hit_citation(self, hit) -> Citation:
        """Citation of a search hit (its chunk's doc, locator, page, quote)."""
        return self.chunk_citation(hit.chunk)

    def chunk_citation(self, chunk) -> Citation:
        """Citation of a chunk: its doc, the plan title, locator, page, quote."""
        plan = self.plans.get(chunk.doc)
        title = _title(plan) if plan else getattr(chunk, "title", None)
        return Citation(chunk.doc, title, chunk.locator, chunk.page, chunk.quote,
                        getattr(chunk, "section", None))

    def _sentences(self, chunk) -> list[tuple[str, str, frozenset[str]]]:
        """Answer units of a chunk as ``(shown, source words, terms)``, cached
        per chunk: a task
        row whole; a paragraph's sentences, each prefixed with its short
        heading ("c) Phòng Kinh tế xã:", "5. Kinh phí"), which often carries
        the subject (the unit with those duties) or the topic."""
        cached = self._sentence_cache.get(chunk.id)
        if cached is not None:
            return cached
        extra = ""
        if chunk.kind == "task":
            sentences = [chunk.quote]
            row = self._row_of(chunk)
            parent = parent_task(self.plans[chunk.doc], row) if row is not None else None
            if parent is not None and parent is not row:
                extra = " " + (parent.content or "")  # a sub-row is read with its task
        else:
            sentences = split_sentences(chunk.quote)
            section = self._sections.get((chunk.doc, chunk.section or ""))
            heading = _context_heading(section, chunk.quote) if chunk.kind == "paragraph" else None
            if heading:
                sentences = [(f"{heading}: {s}", s) for s in sentences]
        sentences = [x if isinstance(x, tuple) else (x, x) for x in sentences]
        cached = [(shown, raw, term_set(shown + extra)) for shown, raw in sentences]
        self._sentence_cache[chunk.id] = cached
        return cached

    def _weights(self, query: Query) -> dict[str, float]:
        names: set[str] = set()
        for doc in query.plans:
            entry = self.catalog.by_doc.get(doc)
            if entry:
                names |= set(entry.key.split()) | entry.aliases
        terms = query_terms(query, names)
        n = max(self._n_chunks, 1)
        weights: dict[str, float] = {}
        for t in terms:
            weights[t] = math.log(1 + n / (1 + self._df.get(t, 0))) ** IDF_POWER
        for a, b in zip(terms, terms[1:]):
            weights[f"{a} {b}"] = 0.5 * (weights[a] + weights[b])
        return weights


# ------------------------------------------------------------ scoring

#: Question and function words, as typed with diacritics: they say nothing
#: about which sentence answers. Genre words ("kế hoạch", "cải cách") are not
#: listed: their low idf already makes them count little.
STOPWORDS = set("""
ai gì nào bao nhiêu mấy là có không chưa được của các những một và với cho trong trên
về theo để thì sao thế vậy còn hay hoặc như này đó kia khi giờ lúc từ tại ở ra vào
làm nếu cụ thể gồm bị phải cần sẽ đã đang phường thị trấn sánh giữa lâu lần lấy
khác nhau nêu
""".split())
#: The same for words typed without diacritics, limited to those whose bare
#: form is not also a content word ("tu" may be "tự", "the" may be "thể").
STOPWORDS_PLAIN = set("""
ai gi nao bao nhieu la khong chua duoc cua cac nhung mot va voi trong tren theo de thi
sao vay hay hoac nhu kia khi gio luc o neu gom bi phai can se da dang phuong tran
sanh giua lau lan lay khac nhau
""".split())
#: Phrases that name the field asked ("ai chủ trì", "hạn khi nào") or the
#: kind of figure ("phần trăm", "tỷ lệ"): a task row answers them by its
#: labels, a figure by being there; a sentence need not repeat them.
FIELD_PHRASES = re.compile(
    r"\b(?:chu tri|phoi hop|thoi han|han chot|san pham|thoi gian|hoan thanh|thuc hien|"
    r"don vi|co quan|ket qua|noi dung|khi nao|bao gio|ai lam|phan tram|ty le|xong|"
    r"nhu the nao|the nao|ra sao|han(?= (?:khi|chot|nao|ngay|la|cuoi))|han$)\b"
)


def query_terms(query: Query, names: set[str]) -> list[str]:
    """Content words of a question (canon form, in order): field phrases,
    stopwords (judged on the word as typed) and plan names removed."""
    drop = set()
    for word in re.findall(r"\w+", nfc(query.text).lower()):
        bare = fold(word)
        if (word in STOPWORDS) if word != bare else (word in STOPWORDS_PLAIN):
            drop.add(bare)
    return [t for t in FIELD_PHRASES.sub(" ", query.key).split() if t not in drop and t not in names]


def _terms(text: str) -> list[str]:
    return canon(text).split()


def term_set(text: str) -> frozenset[str]:
    """The :func:`retrieval.query.canon` words of ``text`` and its word pairs."""
    terms = _terms(text)
    return frozenset(terms) | frozenset(f"{a} {b}" for a, b in zip(terms, terms[1:]))


def _support(weights: dict[str, float], present: frozenset[str]) -> float:
    """Share of the question's term weight (words and word pairs) in the
    terms ``present`` in a sentence (:func:`term_set`)."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


def _shape_bonus(query: Query, sentence: str) -> float:
    """Small preference for sentences of the shape asked: a percentage for
    "tỷ lệ/phần trăm", a date for "khi nào/thời hạn"."""
    if query.figure and "%" in sentence and re.search(r"phan tram|ty le|%", query.key):
        return 0.05
    if "deadline" in query.fields and re.search(r"\d{1,2}/\d{1,2}|quy|thang|ngay", fold(sentence)):
        return 0.05
    return 0.0


def describe_filter(query: Query) -> str:
    """The filters of ``query`` in Vietnamese (" do Phòng Kinh tế chủ trì, …")."""
    parts = []
    if query.unit_text:
        parts.append(f"do {query.unit_text} chủ trì")
    if query.section_text:
        parts.append(f"thuộc mục {query.section_text}")
    elif query.section_number:
        parts.append(f"thuộc mục {query.section_number.upper()}"
                     + (f".{query.subsection_number}" if query.subsection_number else ""))
    neg = "không " if query.negate else ""
    if query.deadline_text:
        parts.append(f"{neg}có thời gian ghi {'đúng ' if query.period_exact else ''}“{query.deadline_text}”")
    elif query.regular:
        parts.append(f"{neg}thực hiện thường xuyên")
    elif query.recurrence:
        cycle = {"annual": "hàng năm", "quarterly": "hàng quý", "monthly": "hàng tháng"}
        parts.append(f"{neg}thực hiện {cycle[query.recurrence]}")
    elif query.period:
        year, _, rest = query.period.partition("-")
        tail = f"/{year}" if year != "*" else ""
        if rest.startswith("Q"):
            what = f"quý {['I', 'II', 'III', 'IV'][int(rest[1:]) - 1]}{tail}"
        elif rest:
            what = f"tháng {int(rest)}{tail}"
        else:
            what = f"năm {year}"
        parts.append(f"{neg}có thời hạn {'đúng ' if query.period_exact else 'trong '}{what}")
    return (" " + ", ".join(parts)) if parts else ""
