"""Extractive answers from passages, and when they abstain.

:class:`PassageAnswerer` answers a question with the few sentences or list
items of the plans in scope that share most of the question's content words
(idf-weighted, :mod:`retrieval.answering.scoring`, at least
:data:`MIN_SUPPORT`), each labelled with its plan; a task row found this
way is answered as a task. With an LLM configured (:mod:`retrieval.llm`)
the passages go to it instead. It abstains when no sentence has enough
support, or when a figure is asked ("bao nhiêu", "tỷ lệ") that the
supporting sentences do not state (years, dates and document numbers are
not figures: :func:`retrieval.answering.rows.has_figure`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.lexicon import CONTINUING_OPENERS
from ingest.model import Plan, Section, Task
from ingest.textnorm import fold
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import (
    figure_text,
    has_figure,
    parent_task,
    plan_label,
    plan_title,
    render_task,
    task_citation,
)
from retrieval.answering.scoring import TermWeights, rarest_terms, shape_bonus, support, term_set
from retrieval.query import FIELDS, PlanCatalog, Query
from retrieval.question.cues import SAYS_ABOUT

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from retrieval.chunks import Chunk
    from retrieval.search import Hit, HybridSearcher
    from retrieval.store import IndexStore


#: Share of the question's content weight (idf, words and word pairs) a
#: sentence must hold for an extractive answer. Calibrated on the dev set.
MIN_SUPPORT = 0.45
#: Below this support a sentence must also contain the question's rarest
#: word or a compound as rare (its most specific subject: "y tế", "cắt giảm",
#: :func:`retrieval.answering.scoring.rarest_terms`), so near-misses on
#: the same kind of target ("mức độ hài lòng … 90%") are not taken for it.
STRONG_SUPPORT = 0.6
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
#: … when what the plans say of a term is asked ("nói gì về X": :data:`SAYS_ABOUT`).
MAX_ABOUT_SENTENCES = 3
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

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[-+•]?\s*[A-ZĐÀ-Ỹ0-9])|(?<=;)[^\S\n]*\n\s*(?=\S)"
                         r"|(?<=[:;])\s+(?=[-+•]\s)")
#: A paragraph that is one list item ("- …", "+ …", "a) …") of at most
#: ITEM_CHARS characters is one answer unit: the whole item, every clause.
_ITEM = re.compile(r"^\s*(?:[-+•]|[a-zđ]\))\s")
ITEM_CHARS = 400
_PREFIX = re.compile(r"^\s*(?:[-+•*]|[a-zđ][),](?=\s)|\d+(?:\.\d+)*[.)])\s*")


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of a passage: split after ". ! ?" before a
    capital or digit, after ";" at a line end, and before a "- "/"+ " item;
    list markers ("a)", "-", "2.") stripped; fragments under 4 characters
    dropped. A list run in one line ("trên 6 nội dung: cải cách thể chế; …;
    Chính quyền số.") stays one sentence: its ";" is no sentence end; a
    sentence opening with :data:`ingest.lexicon.CONTINUING_OPENERS` ("Trong
    đó trọng tâm là …") is joined to the one before."""
    out: list[str] = []
    for piece in _SENT_SPLIT.split(text or ""):
        piece = _PREFIX.sub("", piece.strip()).strip()
        if out and piece.startswith(CONTINUING_OPENERS):
            out[-1] = f"{out[-1]} {piece}"  # "Trong đó …" is said of the sentence before
        elif len(piece) >= 4:
            out.append(piece)
    return out


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


def row_fields(query: Query) -> list[str]:
    """The fields a task row found by the passages is shown with: a row the
    question names by number, the fields asked; a row found by what it is
    about ("… kiểm tra thi hành pháp luật liên ngành hạn khi nào"), the
    whole row with the fields asked first, so the asker can tell it is the
    row meant (as :func:`retrieval.answering.lookup.lookup_answer` shows it)."""
    if query.task_refs or not query.fields:
        return list(query.fields)
    return list(query.fields) + [f for f in FIELDS if f not in query.fields]


def _row_terms(plan: Plan, row: Task) -> frozenset[str]:
    """The terms of what a task row is (:func:`term_set` of its content,
    objective and sub-section, with its parent task's content for a sub-row),
    without its deadline, unit and product cells: a row's "Quý IV/2025" and
    "Báo cáo kết quả" (a product most rows share) are not what "báo cáo quý"
    asks about."""
    parent = parent_task(plan, row)
    text = " ".join(filter(None, (row.content, row.objective, row.subsection,
                                  parent.content if parent is not None and parent is not row else None)))
    return term_set(text)


class PassageAnswerer:
    """Extractive (or LLM) answers over the chunks of an opened index.

    ``store`` is read for ``.chunks`` (each with ``id``, ``doc``, ``kind``,
    ``text``, ``quote``, ``locator``, ``page``, ``section``,
    ``task_number``); ``plans`` doc → :class:`Plan` and ``catalog`` as the
    :class:`retrieval.answer.Answerer` has them; ``searcher`` any object
    with ``search(query, k, docs=None, kinds=None) -> list[Hit]``
    (``None``: every answer abstains); ``llm`` an optional langchain chat
    model.
    """

    def __init__(self, store: IndexStore, plans: dict[str, Plan], catalog: PlanCatalog,
                 searcher: HybridSearcher | None = None, llm: BaseChatModel | None = None) -> None:
        self.plans = plans
        self.catalog = catalog
        self.searcher = searcher
        self.llm = llm
        self._last_search: tuple | None = None
        chunks = list(getattr(store, "chunks", None) or [])
        self.term_weights = TermWeights(chunk.text for chunk in chunks)
        self._chunks_by_doc: dict[str, list] = {}
        for chunk in chunks:
            self._chunks_by_doc.setdefault(chunk.doc, []).append(chunk)
        self._sections: dict[tuple[str, str], Section] = {
            (p.doc, s.locator): s for p in plans.values() for s in p.sections if s.locator
        }
        self._sentence_cache: dict[str, list[tuple[str, str, frozenset[str], str]]] = {}

    def search(self, query: Query) -> list:
        """Passages for ``query``: one search (one query embedding), limited to
        the named plans when there are any; deep enough that every named plan
        and, when a task field is asked, the best task rows are in the pool."""
        docs = set(query.plans) if query.plan_named else None
        if docs:
            k = min(POOL * len(docs), POOL_CROSS)
        else:
            k = POOL_CROSS
        key = (id(self.searcher), query.search_text, k, frozenset(docs) if docs else None)
        if self._last_search is not None and self._last_search[0] == key:
            return self._last_search[1]  # the same question searched twice (task look-up, then text)
        assert self.searcher is not None  # callers check it first
        hits = self.searcher.search(query.search_text, k=k, docs=docs)
        self._last_search = (key, hits)
        return hits

    def answer(self, query: Query, require: re.Pattern | None = None) -> Answer:
        """Answer ``query`` from passages: kind ``llm`` when an LLM is set and
        answers, else ``extractive`` (:meth:`candidates`, then at most
        :data:`MAX_SENTENCES` per plan, more list items for a plural
        question, other plans when close to the best). ``require`` keeps
        only sentences matching that pattern. Abstains without a searcher,
        without candidates, or when the LLM finds nothing. ``evidence`` is
        the cited passages, then the search's."""
        if self.searcher is None:
            return abstention(query)
        hits = self.search(query)
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
        words)``. Score = support (:func:`retrieval.answering.scoring.support`,
        at least :data:`MIN_SUPPORT`, and containing the question's rarest
        word below :data:`STRONG_SUPPORT`) + shape, task-row and search-rank
        bonuses. A plan with a part named (``query.parts``) gives only that
        part's sentences (annex: task rows, judged by what the task is; body: the rest), its rarest word
        judged among those the part writes (:meth:`_part_terms`). A figure question keeps only sentences stating a figure;
        ``require`` (a pattern) keeps only sentences matching it."""
        weights = self.term_weights.weights(query, self.catalog)
        if not weights:
            return []
        rarest = rarest_terms(weights, self.term_weights)
        ranks = {h.chunk.id: i for i, h in enumerate(hits)}
        docs = set(query.plans) if query.plan_named else set(self.plans)
        gates = {doc: self._part_terms(weights, doc, part) for doc, part in query.parts.items()}
        candidates = []
        for chunk in (c for doc in sorted(docs) for c in self._chunks_by_doc.get(doc, [])):
            part = query.parts.get(chunk.doc)
            if part and (chunk.kind == "task") != (part == "annex"):
                continue  # "PT (thân KH) với VK (phụ lục)": only the part named of this plan
            own, specific = gates.get(chunk.doc, (weights, rarest))
            rank = ranks.get(chunk.id)
            row = self._row_of(chunk)
            about = _row_terms(self.plans[chunk.doc], row) if part == "annex" and row is not None else None
            for sentence, raw, present, scored in self._sentences(chunk):
                # a row of the annex named is judged by what the task is, not by its deadline cell
                present = about if about is not None else present
                if query.figure and not has_figure(figure_text(row) if row else scored):
                    continue
                if require is not None and not require.search(scored):
                    continue
                score = support(own, present)
                if score < (MIN_SUPPORT if require is None else MIN_SUPPORT / 2):
                    continue
                if score < STRONG_SUPPORT and not specific & present and require is None:
                    continue  # weak overlap without the question's most specific word
                bonus = shape_bonus(query, raw)
                if chunk.kind == "task" and set(query.fields) - {"content"}:
                    bonus += TASK_ROW_BONUS
                if rank is not None:
                    bonus += SEARCH_BONUS * (1 - rank / len(hits))
                order = rank if rank is not None else len(hits)
                candidates.append((score + bonus, order, sentence, chunk, raw))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        return candidates

    def _part_terms(self, weights: dict[str, float], doc: str,
                    part: str) -> tuple[dict[str, float], frozenset[str]]:
        """The weights and the most specific terms (:func:`rarest_terms`) a
        sentence of part ``part`` (``annex``: task rows; ``body``: the rest)
        of plan ``doc`` is judged by: one question word that part never
        writes left out when three or more remain ("hạn gửi báo cáo quý …
        trong phụ lục" of a plan whose row reads "Xây dựng báo cáo … hàng
        quý": "gửi", which no row writes, neither weighs nor decides which
        row is about the item), the rarest judged among the words it writes."""
        written: set[str] = set()
        for chunk in self._chunks_by_doc.get(doc, []):
            if (chunk.kind == "task") == (part == "annex"):
                for _, _, present, _ in self._sentences(chunk):
                    written |= present
        words = [t for t in weights if " " not in t]
        unused = [t for t in words if t not in written]
        if len(unused) == 1 and len(words) - 1 >= 3:
            weights = {t: w for t, w in weights.items() if unused[0] not in t.split()}
        kept = {t: w for t, w in weights.items() if t in written}
        return weights, (rarest_terms(kept, self.term_weights) if kept else frozenset())

    def _choose(self, query: Query, candidates: list) -> dict[str, list]:
        best = candidates[0][0]
        several_named = query.plan_named and len(query.plans) > 1
        ratio = CROSS_PLAN_RATIO if query.cross_doc else PER_PLAN_RATIO
        per_doc: dict[str, list] = {}
        plural = bool(_PLURAL.search(query.key))
        # "A với B nói gì về X": each place a plan says it, as well supported as its first
        limit = MAX_ABOUT_SENTENCES if SAYS_ABOUT.search(query.key) else MAX_SENTENCES
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
            if limit == MAX_ABOUT_SENTENCES and cand[3].kind == "task" and any(
                    c[3].kind == "task" and self._task_of(c[3]) is self._task_of(cand[3]) for c in chosen):
                continue  # a sub-row of a task already given: the task is shown whole once
            first = chosen[0]
            anchor = next((c for c in chosen if c[3].kind == "paragraph"), None)
            if len(chosen) < limit and cand[0] >= 0.9 * first[0]:
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
                if plan is not None and task is not None:
                    rendered.append(render_task(plan, task, row_fields(query),
                                                plan_label(self.catalog, plan.doc) if label else None))
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
                blocks.append(f"{plan_label(self.catalog, doc)} ({where}): {text}" if label
                              else f"{text} ({where})")
            blocks.extend(rendered)
        return Answer("\n".join(blocks), False, citations, "extractive", evidence, query)

    def chunks_of(self, doc: str) -> list[Chunk]:
        """The indexed chunks of plan ``doc``, in index order."""
        return list(self._chunks_by_doc.get(doc, []))

    def cited_chunks(self, citations: list[Citation]) -> list[Chunk]:
        """The indexed chunks ``citations`` quote: same doc and locator, and
        (where a locator holds several paragraphs) the quote inside the chunk's."""
        out: list[Chunk] = []
        for cit in citations:
            same = [c for c in self._chunks_by_doc.get(cit.doc, []) if c.locator == cit.locator]
            quoted = [c for c in same if fold(cit.quote)[:60] in fold(c.quote)] or same
            out.extend(c for c in quoted if c not in out)
        return out

    def best_sentence(self, query: Query, chunk: Chunk) -> tuple[float, str]:
        """``(support, shown text)`` of ``chunk``'s answer unit that best
        supports ``query`` (:meth:`candidates`' support, no bonus); a
        paragraph's unit carries its short heading ("e, Đài phát thanh, …:
        Đổi mới …"). ``(0.0, "")`` for a question with no content word."""
        weights = self.term_weights.weights(query, self.catalog)
        scored = [(support(weights, present), shown) for shown, _, present, _ in self._sentences(chunk)]
        return max(scored, key=lambda x: x[0], default=(0.0, "")) if weights else (0.0, "")

    def task_of(self, chunk: Chunk) -> Task | None:
        """The numbered task a task chunk belongs to (a sub-row's parent), else ``None``."""
        return self._task_of(chunk)

    def _task_of(self, chunk: Chunk) -> Task | None:
        """The numbered task a task chunk belongs to (a sub-row's parent)."""
        row = self._row_of(chunk)
        return parent_task(self.plans[chunk.doc], row) if row is not None else None

    def _row_of(self, chunk: Chunk) -> Task | None:
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

    def hit_citation(self, hit: Hit) -> Citation:
        """Citation of a search hit (its chunk's doc, locator, page, quote)."""
        return self.chunk_citation(hit.chunk)

    def chunk_citation(self, chunk: Chunk) -> Citation:
        """Citation of a chunk: its doc, the plan title, locator, page, quote."""
        plan = self.plans.get(chunk.doc)
        title = plan_title(plan) if plan else getattr(chunk, "title", None)
        return Citation(chunk.doc, title, chunk.locator, chunk.page, chunk.quote,
                        getattr(chunk, "section", None),
                        ocr=bool(plan and plan.is_ocr_page(chunk.page)))

    def body_sentences(self, doc: str) -> list[tuple[Chunk, str, str, frozenset[str]]]:
        """The answer units of the body paragraphs of plan ``doc``, in order, as
        ``(chunk, shown, source words, terms)`` (:meth:`_sentences`)."""
        return [(chunk, shown, raw, present) for chunk in self._chunks_by_doc.get(doc, [])
                if chunk.kind == "paragraph" for shown, raw, present, _ in self._sentences(chunk)]

    def _sentences(self, chunk: Chunk) -> list[tuple[str, str, frozenset[str], str]]:
        """Answer units of a chunk as ``(shown, source words, terms, scored
        text)``, cached per chunk: a task row whole; a paragraph's sentences,
        each prefixed with its short heading ("c) Phòng Kinh tế xã:", "5. Kinh
        phí"), which often carries the subject (the unit with those duties) or
        the topic. A short list item is shown whole but scored per sentence:
        one unit per sentence, ``terms`` and ``scored text`` that sentence's."""
        cached = self._sentence_cache.get(chunk.id)
        if cached is not None:
            return cached
        extra = ""
        sentences: list[str] | list[tuple[str, str]]
        if chunk.kind == "task":
            sentences = [chunk.quote]
            row = self._row_of(chunk)
            parent = parent_task(self.plans[chunk.doc], row) if row is not None else None
            if parent is not None and parent is not row:
                extra = " " + (parent.content or "")  # a sub-row is read with its task
        elif chunk.kind == "paragraph" and len(chunk.quote) <= ITEM_CHARS and _ITEM.match(chunk.quote):
            # one list item ("- Giảm thiểu hồ sơ trễ hạn …, từ 98% trở lên. 100% hồ
            # sơ trễ hạn phải có văn bản xin lỗi …"): each sentence scored alone (words
            # spread over its clauses prove nothing), the whole item shown when one is chosen
            item = _PREFIX.sub("", chunk.quote.strip()).strip()
            section = self._sections.get((chunk.doc, chunk.section or ""))
            heading = _context_heading(section, chunk.quote)
            shown = f"{heading}: {item}" if heading else item
            units = split_sentences(item) or [item]
            cached = [(shown, item, term_set(f"{heading}: {u}" if heading else u), u) for u in units]
            self._sentence_cache[chunk.id] = cached
            return cached
        else:
            sentences = split_sentences(chunk.quote)
            section = self._sections.get((chunk.doc, chunk.section or ""))
            heading = _context_heading(section, chunk.quote) if chunk.kind == "paragraph" else None
            if heading:
                sentences = [(f"{heading}: {s}", s) for s in sentences]
        pairs = [x if isinstance(x, tuple) else (x, x) for x in sentences]
        cached = [(shown, raw, term_set(shown + extra), raw) for shown, raw in pairs]
        self._sentence_cache[chunk.id] = cached
        return cached
