"""The tasks of other plans like the previous answer's rows: "Việt Khê có
nhiệm vụ tương tự không?", "kế hoạch nào khác cũng có nhiệm vụ kiểm tra như
vậy?", "ở TX có việc giống vậy không?" (:func:`retrieval.question.followup.follow_up`
sets ``Query.similar_to``).

Each source row's words (content, objective, product, sub-section; the
plan names left out) are weighted by their rarity over every task row of
every plan (IDF); a row of a target plan is like it when it holds at least
:data:`MIN_SIMILAR` of the source's word weight. The like rows are ranked
by the mean of that share and the share of the source's adjacent word
pairs (IDF-weighted, :func:`retrieval.answering.lookup.row_pairs`), so "Kế
hoạch theo dõi thi hành pháp luật" finds "… theo dõi tình hình thi hành
pháp luật" before a long row that only shares folded syllables ("hành
chính", "đội ngũ"). The rows within :data:`NEAR_BEST` of their plan's best,
at most :data:`PER_PLAN` per plan, answer (a near tie goes to the row
more wholly about the source, :data:`FOCUS`); a plan with none is said so.
When the previous answer listed a whole group (more than
:data:`MANY_SOURCES` rows) or gave no row at all, its question's topic is
compared instead.

Words the follow-up adds itself ("… tương tự không, về giải ngân đầu tư ấy",
"NAP có nv phân cấp tương tự không?") narrow it: their adjacent-syllable
pairs that a source row writes and few rows share (:data:`RARE_SUBJECT`)
keep the source rows that hold them, and a target row holding them leads.
A target plan's row nearest in meaning to a source row that also meets the
near-meaning word bounds leads its plan's rows (meaning and words agree).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ingest.lexicon import canon
from ingest.model import Plan, Task
from ingest.textnorm import fold
from retrieval.answering.lookup import described_words, row_pairs, row_words, text_pairs
from retrieval.answering.model import Answer, abstention
from retrieval.answering.rows import parent_task, plan_label, plans_in_scope, sub_rows, task_citation
from retrieval.answering.tasks import TaskAnswerer, in_section
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import SIMILAR, SIMILAR_KIND
from retrieval.question.model import section_numeral, split_row_key
from retrieval.question.selection import topic_words

__all__ = ["FOCUS", "MANY_SOURCES", "MIN_SIMILAR", "NEAR_BEST", "NEAR_MEANING", "NEAR_MEANING_SCORE", "PER_PLAN",
           "similar_answer"]

#: Share of a source row's word weight a row must hold to be like it.
MIN_SIMILAR = 0.45
#: A plan with no row that like gives the row nearest in meaning to a source
#: row (``nearest``, the dense vectors) when it holds at least this share of
#: its words and its ranking score (the mean with the pair share) reaches
#: :data:`NEAR_MEANING_SCORE`: words, phrases and meaning agree ("triển khai
#: tinh giản biên chế theo Nghị định …" and "xây dựng Kế hoạch tinh giản biên
#: chế giai đoạn …"). Calibrated on every pair of seed plans: below it, rows
#: that only share genre words ("báo cáo giải ngân …" and "tổng kiểm kê tài sản công").
NEAR_MEANING = 0.35
NEAR_MEANING_SCORE = 0.33
#: A plan's rows within this share of its best score are shown too.
NEAR_BEST = 0.9
#: Weight of how wholly a row is about the source (the share of the row's
#: own word weight the source holds): it orders near ties only.
FOCUS = 0.05
#: A pair of the follow-up's own words is a subject when at most this share
#: of all task rows write it ("giải ngân", "phân cấp"; not "nhiệm vụ").
RARE_SUBJECT = 0.05
#: How far above a plan's best the row nearest in meaning is put: it leads
#: without pushing the word-ranked rows out of :data:`NEAR_BEST`.
LEAD_MARGIN = 1e-6
#: At most this many rows per plan (a third near tie shown: "Công bố danh mục TTHC" is like both
#: "Cập nhật, công khai TTHC …" and the other rows of the same group).
PER_PLAN = 3
#: More source rows than this (a whole group listed): the previous
#: question's topic is compared instead of each row.
MANY_SOURCES = 3


def _raw_pairs(text: str) -> set[str]:
    """Adjacent syllable pairs of ``text``'s ``canon`` key, within phrases."""
    pairs: set[str] = set()
    for phrase in re.split(r"[,;:.()/\n?!]+", canon(text)):
        words = phrase.split()
        pairs |= {f"{a} {b}" for a, b in zip(words, words[1:])}
    return pairs


def _row_text(task: Task) -> str:
    return " ; ".join(filter(None, (task.content, task.objective, task.subsection)))


@lru_cache(maxsize=4096)
def _text_pairs(text: str) -> frozenset[str]:
    """:func:`_raw_pairs` of a row's text, kept: every similar follow-up pairs the same rows."""
    return frozenset(_raw_pairs(text))


def _row_raw_pairs(task: Task) -> frozenset[str]:
    """:func:`_raw_pairs` of ``task``'s :func:`_row_text`, cached by that text."""
    return _text_pairs(_row_text(task))


def subject_pairs(question: str, sources: list[tuple[Plan, Task]], all_rows: list[Task],
                  names: frozenset[str]) -> set[str]:
    """The pairs of syllables a similar follow-up (``question``, as typed) adds
    about its subject: pairs of its ``canon`` key (the similarity cue and plan
    names out) that a source row writes and at most :data:`RARE_SUBJECT` of
    ``all_rows`` write: {"giai ngan", "dau tu"} of "VK có cái tương tự ko, về
    giải ngân đầu tư ấy" after "Báo cáo thực hiện giải ngân …"; empty when it adds none."""
    key = SIMILAR.sub(" ; ", canon(question))
    asked = {p for p in _raw_pairs(key) if not set(p.split()) & names}
    held = set().union(*(_row_raw_pairs(t) for _, t in sources)) if sources else set()
    asked &= held
    if not asked:
        return set()
    limit = RARE_SUBJECT * max(1, len(all_rows))
    counts = {p: 0 for p in asked}
    for row in all_rows:
        for p in asked & _row_raw_pairs(row):
            counts[p] += 1
    return {p for p, c in counts.items() if c <= limit}


def asked_kind(question: str, all_rows: list[Task], names: frozenset[str]) -> set[str]:
    """The adjacent-syllable pairs of the kind of row a like-row follow-up
    (``question``, as typed) names (:data:`SIMILAR_KIND`): {"hoi thi"} of "thế ở
    Việt Khê có cái hội thi nào tương tự không?"; kept only when at most
    :data:`RARE_SUBJECT` of ``all_rows`` write them (not "kiểm tra"); else empty."""
    m = SIMILAR_KIND.search(canon(question))
    words = [w for w in (m.group(1).split() if m else []) if w not in names]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    if not pairs:
        return set()
    held = sum(1 for row in all_rows if pairs <= _row_raw_pairs(row))
    return pairs if 0 < held <= RARE_SUBJECT * max(1, len(all_rows)) else set()


def _lead_kind(plan: Plan, kind: set[str], scored: dict[str, tuple[float, Task]],
               wanted: list[tuple[set[str], set[str]]], idf: dict[str, float],
               pair_idf: dict[str, float], names: frozenset[str]) -> None:
    """Let ``plan``'s rows of the kind the follow-up names (``kind``,
    :func:`asked_kind`) lead ``scored`` (updated in place), ranked among
    themselves by their likeness to the source rows, however slight."""
    top = max((s for s, _ in scored.values()), default=0.0)
    for row in plan.tasks:
        if not kind <= _row_raw_pairs(row):
            continue
        numbered = parent_task(plan, row) or row
        share = max(((_share(w, row_words(row) - names, idf) + _share(p, row_pairs(row), pair_idf)) / 2
                     for w, p in wanted), default=0.0)
        scored[numbered.number or ""] = (top + 1.0 + share, numbered)


def source_rows(plans: dict[str, Plan], keys: list[tuple[str, str]], query: Query) -> list[tuple[Plan, Task]]:
    """The rows ``keys`` name (:func:`retrieval.answering.rows.row_key`: "iii.3"
    is row 3 of mục III); of a plan whose numbers restart per section (Lộc
    Hòa: a "3" in mục I and in mục III) and a bare number, the one of the
    section the previous question named (``query.section_number``), else the first."""
    section = replace(query, subsection_number=None, task_refs=[])
    found: list[tuple[Plan, Task]] = []
    for doc, key in keys:
        plan = plans.get(doc)
        numeral, number = split_row_key(key)  # "iii.3": row 3 of mục III
        rows = [t for t in plan.tasks if t.number == number
                and (numeral is None or section_numeral(t.section) == numeral)] if plan else []
        if query.section_number:
            rows = [t for t in rows if in_section(t, section)] or rows
        if plan is not None and rows:
            found.append((plan, rows[0]))
    return found


#: A bracketed aside of a row's content: whom or what it covers ("Kiểm tra cải cách
#: hành chính (Các cơ quan chuyên môn, Trung tâm Phục vụ hành chính công thuộc UBND xã)").
_ASIDE = re.compile(r"\s*\([^()]{3,}\)")


def _without_aside(task: Task) -> Task | None:
    """``task`` as the row it is without the bracketed aside of its content and
    without its product: "Kiểm tra cải cách hành chính" of "Kiểm tra cải cách hành
    chính (Các cơ quan chuyên môn, …)", so another plan's row of that name alone
    is like it; ``None`` when the content has no aside."""
    content = _ASIDE.sub("", task.content or "").strip()
    if not content or content == (task.content or "").strip():
        return None
    return replace(task, content=content, product=None)


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


def _without_plans(topic: str, catalog: PlanCatalog) -> str:
    """``topic`` (a question, as typed) as a ``canon`` key without the plans'
    names and initials, taken out as whole phrases ("Lộc Hòa", not every
    "hóa": "số hóa hồ sơ" stays)."""
    key = f" {canon(topic)} "
    for alias in sorted({a for e in catalog.entries for a in (*e.aliases, e.key) if a}, key=len, reverse=True):
        key = key.replace(f" {alias} ", " ; ")
    return key


def _written(text: str, words: list[str]) -> str:
    """``text`` (as typed) from its first word whose ``canon`` form is one
    of ``words`` to its last: "kiểm tra thi hành pháp luật" of "ai là người
    … phụ trách việc kiểm tra thi hành pháp luật ở Việt Khê"."""
    tokens = re.findall(r"\w+", text)
    hits = [i for i, t in enumerate(tokens) if canon(t) in set(words)]
    return " ".join(tokens[hits[0]:hits[-1] + 1]) if hits else " ".join(words)


def _near_in_meaning(sources: list[tuple[Plan, Task]], plan: Plan,
                     nearest: Callable[[Plan, Task, str], Task | None],
                     idf: dict[str, float], pair_idf: dict[str, float],
                     names: frozenset[str]) -> list[tuple[float, Task]]:
    """``[(score, row)]`` of ``plan``'s rows nearest in meaning to a source row
    (``nearest``) that hold :data:`NEAR_MEANING` of its words and score
    :data:`NEAR_MEANING_SCORE` (word and pair shares, as rows are ranked), best first."""
    found: dict[str, tuple[float, Task]] = {}
    for source_plan, source in sources:
        row = nearest(source_plan, source, plan.doc)
        if row is None:
            continue
        share = _share(row_words(source) - names, row_words(row) - names, idf)
        score = (share + _share(row_pairs(source), row_pairs(row), pair_idf)) / 2
        if (share >= NEAR_MEANING and score >= NEAR_MEANING_SCORE
                and score > found.get(row.number or "", (0.0, row))[0]):
            found[row.number or ""] = (score, row)
    return sorted(found.values(), key=lambda x: -x[0])


def _lead_subject(plan: Plan, subject: set[str], scored: dict[str, tuple[float, Task]],
                  wanted: list[tuple[set[str], set[str]]], idf: dict[str, float],
                  pair_idf: dict[str, float], names: frozenset[str]) -> None:
    """Let ``plan``'s rows holding the most of ``subject`` (the follow-up's own
    subject pairs) lead ``scored`` (row number → (score, row)), updated in place."""
    hits: dict[str, tuple[int, Task]] = {}
    for row in plan.tasks:
        numbered = parent_task(plan, row) or row
        n = len(subject & _row_raw_pairs(row))
        if n:
            before = hits.get(numbered.number or "", (0, numbered))[0]
            hits[numbered.number or ""] = (max(n, before), numbered)
    if not hits:
        return
    most = max(n for n, _ in hits.values())
    top = max((s for s, _ in scored.values()), default=0.0)
    for number, (n, row) in hits.items():
        if n == most:
            share = max((_share(w, row_words(row) - names, idf) + _share(p, row_pairs(row), pair_idf)) / 2
                        for w, p in wanted)
            scored[number] = (top + 1.0 + share, row)


def _lead_nearest(sources: list[tuple[Plan, Task]], plan: Plan,
                  nearest: Callable[[Plan, Task, str], Task | None], scored: dict[str, tuple[float, Task]],
                  idf: dict[str, float], pair_idf: dict[str, float], names: frozenset[str]) -> None:
    """Put first in ``scored`` (updated in place) ``plan``'s row nearest in meaning
    to a source row when it meets the near-meaning word bounds (:func:`_near_in_meaning`)."""
    near = _near_in_meaning(sources, plan, nearest, idf, pair_idf, names)
    if not near:
        return
    top = max(s for s, _ in scored.values())
    row = near[0][1]
    numbered = parent_task(plan, row) or row
    # just above the best: it leads, and the rows near the best still show
    scored[numbered.number or ""] = (max(top, near[0][0]) + LEAD_MARGIN, numbered)


def similar_answer(tasks: TaskAnswerer, query: Query,
                   nearest: Callable[[Plan, Task, str], Task | None] | None = None) -> Answer | None:
    """Kind ``task``: per target plan the rows like ``query.similar_to``'s
    (module docstring), with the fields asked, cited; in a plan with none,
    the row ``nearest(source plan, source row, target doc)`` gives (nearest
    in meaning) when words agree (:data:`NEAR_MEANING`), said as the nearest; an explained
    abstention when no target plan has one; ``None`` when neither source
    rows nor a topic (``query.topic``, the previous question's words) are
    known. Targets: the plans named, else every plan but the sources'."""
    sources = source_rows(tasks.plans, query.similar_to, query)
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
    subject = subject_pairs(query.text, sources, [t for t, _, _ in rows], names) if sources else set()
    if subject:  # "NAP có nv phân cấp tương tự không?": the source rows about it
        sources = [s for s in sources if subject & _row_raw_pairs(s[1])] or sources
    kind = asked_kind(query.text, [t for t, _, _ in rows], names)
    wanted = [(row_words(task) - names, row_pairs(task)) for _, task in sources]
    wanted += [(row_words(bare) - names, row_pairs(bare)) for bare in map(_without_aside, (t for _, t in sources))
               if bare is not None]
    about = _about(tasks, sources)
    if len(sources) > MANY_SOURCES and query.topic:
        # a whole group listed: what the previous question was about
        wanted = [(set(topic_words(canon(query.topic))) - names,
                   text_pairs(_without_plans(query.topic, tasks.catalog)))]
        about = "các nhiệm vụ vừa nêu"
    elif not sources and query.topic:
        # no row at all: the words of the previous question that describe a task
        # words typed in capitals ("tập huấn AI") are the topic's own, never question words
        capitals = [fold(w).lower() for w in re.findall(r"\b[A-ZĐ]{2,}\b", query.topic)]
        words = [*described_words(canon(query.topic), names), *(w for w in capitals if w not in names)]
        if not words:
            return None
        wanted = [(set(words), text_pairs(_without_plans(query.topic, tasks.catalog)))]
        about = f"“{_written(query.topic, words)}”"
    blocks, citations, silent = [], [], []
    near: list[str] = []  # plans whose row is only the nearest in meaning
    for plan in targets:
        scored: dict[str, tuple[float, Task]] = {}
        for want, want_pairs in wanted:
            for row in plan.tasks:
                have = row_words(row) - names
                share = _share(want, have, idf)
                if share < MIN_SIMILAR:
                    continue
                score = (share + _share(want_pairs, row_pairs(row), pair_idf)) / 2 if want_pairs else share
                # on a near tie, the row more wholly about it (less else besides) first
                score += FOCUS * _share(have, want, idf)
                numbered = parent_task(plan, row) or row
                if score > scored.get(numbered.number or "", (0.0, row))[0]:
                    scored[numbered.number or ""] = (score, numbered)
        if kind and any(kind <= _row_raw_pairs(row) for row in plan.tasks):
            _lead_kind(plan, kind, scored, wanted, idf, pair_idf, names)
        elif subject:
            _lead_subject(plan, subject, scored, wanted, idf, pair_idf, names)
        elif scored and nearest is not None and len(sources) <= MANY_SOURCES:
            _lead_nearest(sources, plan, nearest, scored, idf, pair_idf, names)
        ranked = sorted(scored.values(), key=lambda x: -x[0])
        if not ranked and nearest is not None:
            ranked = _near_in_meaning(sources, plan, nearest, idf, pair_idf, names)
            near += [plan_label(tasks.catalog, plan.doc)] if ranked else []
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
    if near:
        text += ("\n(" + ", ".join(near) + ": không có nhiệm vụ trùng hẳn; "
                 "nêu nhiệm vụ gần nhất về nội dung.)")
    if silent:
        text += "\nKhông có nhiệm vụ tương tự: " + ", ".join(silent) + "."
    return Answer(text, False, citations, "task", list(citations), query)
