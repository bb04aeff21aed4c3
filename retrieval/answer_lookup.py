"""Task rows found by what they are about, with no number: "ai lo việc số
hóa hồ sơ ở Trường Xuân?", "ISO 9001 ở Nam An Phụ khi nào xong?".

The question's content words (:func:`retrieval.question.selection.topic_words`
without plan names and the words that ask a field) are scored against each
task row's content, objective, product and sub-section, each word weighted
by its rarity among the rows in scope (IDF). The best rows (within 90 % of
the best score, at most three) answer when they cover at least
:data:`MIN_COVER` of the question's weight and the hybrid search ranks them
among its first :data:`AGREE_TOP` hits; otherwise the question goes to the
passages of the body.
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet

from ingest.lexicon import canon
from ingest.model import Plan, Task
from ingest.textnorm import fold
from retrieval.answer_model import Answer
from retrieval.answer_rows import parent_task, plans_in_scope, sub_rows, task_citation
from retrieval.answer_tasks import TaskAnswerer
from retrieval.query import Query
from retrieval.question.cues import PADDING, PERSON_CUE, QUESTION_PARTICLES, SIMILAR
from retrieval.question.model import FIELDS
from retrieval.question.parse import strip_number_asked
from retrieval.question.selection import TOPIC_STOP_PHRASES, TOPIC_STOPWORDS, topic_words

__all__ = ["AGREE_TOP", "MIN_COVER", "described_words", "lookup_answer", "lookup_rows", "row_pairs", "row_words", "text_pairs"]

#: Share of the question's word weight a row must hold to answer.
MIN_COVER = 0.6
#: A row answers only when it is among this many best search hits.
AGREE_TOP = 3
#: Words that ask for a field rather than say what the task is about.
_ASKING = frozenset("""
lo phu trach dam nhiem chiu trach khi bao gio xong lam luc ngay dau moi ket qua nhan giao
thoi diem hoan tat nao xong truoc sau chinh can phai se
""".split())


def _row_text(task: Task) -> str:
    return canon(" ".join(filter(None, (task.content, task.objective, task.product, task.subsection))))


def row_words(task: Task) -> set[str]:
    """The content words of a task row (content, objective, product,
    sub-section; :func:`topic_words` of their ``canon`` text), without the
    documents it cites ("theo Nghị định số 29/2023/NĐ-CP ngày 03/6/2023 của
    Chính phủ": rare words that say which text, not what the task is,
    :data:`_CITATION`) nor other words with digits."""
    text = _CITATION.sub(" ; ", " ; ".join(filter(None, (task.content, task.objective, task.product,
                                                         task.subsection))))
    # words typed in capitals ("AI", "ISO") are content even where their folded form is a question word
    capitals = {fold(w).lower() for w in re.findall(r"\b[A-ZĐ]{2,}\b", text)}
    return {w for w in {*topic_words(canon(text)), *capitals} if not any(c.isdigit() for c in w)}


#: A document cited in a row, as written: "Nghị định số 29/2023/NĐ-CP ngày
#: 03/6/2023 của Chính phủ", "Quyết định 1234/QĐ-UBND".
_CITATION = re.compile(
    r"\b(?:Nghị định|Quyết định|Thông tư|Nghị quyết|Chỉ thị|Công văn|Kết luận)(?:\s+số)?\s+\S*\d\S*"
    r"(?:\s+ngày\s+\S*\d\S*)?(?:\s+của\s+(?:Thủ tướng Chính phủ|Chính phủ|Bộ Chính trị|"
    r"(?:UBND|Ủy ban nhân dân|HĐND)\s+(?:tỉnh|thành phố|huyện|xã)|Bộ\s+\w+\s+\w+))?", re.IGNORECASE)


def row_pairs(task: Task) -> set[str]:
    """The adjacent content-word pairs of what a task row is (content and
    objective; not the product, whose "Báo cáo của UBND xã" every kind of
    row shares), read within each phrase (split at punctuation, so "Ban
    hành, triển khai" gives no "hành triển") without the documents cited
    (:data:`_CITATION`), both words outside
    :data:`retrieval.question.selection.TOPIC_STOPWORDS`: "theo doi",
    "phap luat" of "Kế hoạch theo dõi thi hành pháp luật", so a row is
    told apart from one that only shares folded syllables ("đội ngũ")."""
    return text_pairs(_CITATION.sub(" ; ", " ; ".join(filter(None, (task.content, task.objective)))))


def text_pairs(text: str) -> set[str]:
    """The adjacent content-word pairs of ``text`` (as :func:`row_pairs`)."""
    pairs: set[str] = set()
    for phrase in _PHRASE_BREAK.split(text):
        words = [w for w in canon(phrase).split() if len(w) > 1 and not any(c.isdigit() for c in w)]
        pairs |= {f"{a} {b}" for a, b in zip(words, words[1:])
                  if a not in TOPIC_STOPWORDS and b not in TOPIC_STOPWORDS and not TOPIC_STOP_PHRASES.fullmatch(f"{a} {b}")}
    return pairs


#: Where a phrase of a row ends: punctuation, line breaks.
_PHRASE_BREAK = re.compile(r"[,;:.()/\n\u2013\u2014]+|\s-\s")


def described_words(key: str, names: AbstractSet[str]) -> list[str]:
    """The words of an earlier question (``canon`` key) that describe a
    task's content, for comparing rows with it: its topic words without the padding ("cho hỏi", "cái"), the
    row number asked, the person asked ("ai là người trực tiếp phụ trách …,
    tên gì"), the words that ask a field (:data:`_ASKING`) and ``names``
    (words of plan names), in order."""
    text = SIMILAR.sub(" ", PERSON_CUE.sub(" ", PADDING.sub(" ", strip_number_asked(key))))
    return [w for w in topic_words(text) if w not in names and w not in _ASKING
            and w not in QUESTION_PARTICLES]


def lookup_rows(plans: list[Plan], query: Query, names: AbstractSet[str]) -> list[tuple[float, Plan, Task]]:
    """(cover, plan, numbered task) of the rows best matching the question's
    content words, best first; ``[]`` when none covers :data:`MIN_COVER`.
    ``names`` are words of plan names, left out of the question's words."""
    text = PADDING.sub(" ", strip_number_asked(query.key))
    words = [w for w in topic_words(text) if w not in names and w not in _ASKING
             and w not in QUESTION_PARTICLES]
    if not words:
        return []
    rows = [(plan, task, set(_row_text(task).split())) for plan in plans for task in plan.tasks]
    if not rows:
        return []
    n = len(rows)
    idf = {w: math.log(1 + n / (1 + sum(w in have for _, _, have in rows))) for w in words}
    total = sum(idf.values())
    scored: dict[tuple[str, str | None], tuple[float, Plan, Task]] = {}
    for plan, task, have in rows:
        cover = sum(idf[w] for w in words if w in have) / total
        hits = sum(w in have for w in words)
        if hits < min(2, len(words)) or cover < MIN_COVER:
            continue
        numbered = parent_task(plan, task) or task
        key = (plan.doc, numbered.number)
        if key not in scored or scored[key][0] < cover:
            scored[key] = (cover, plan, numbered)
    ranked = sorted(scored.values(), key=lambda x: -x[0])
    if not ranked:
        return []
    best = ranked[0][0]
    return [r for r in ranked if r[0] >= 0.9 * best][:3]


def lookup_answer(tasks: TaskAnswerer, query: Query, hits: list | None = None) -> Answer | None:
    """Kind ``task``: the rows :func:`lookup_rows` finds, each with its
    number and whole row (the fields asked first), cited; ``None`` when no row is close enough. With the
    passage search's ``hits`` (best first), only rows among the first
    :data:`AGREE_TOP` task or paragraph hits answer, so a question the body
    answers better (a duty, a reporting rule) goes to the body."""
    names = tasks.catalog.name_words
    found = lookup_rows(plans_in_scope(tasks.plans, query), query, names)
    if found and hits is not None:
        top = {(h.chunk.doc, h.chunk.task_number) for h in hits[:AGREE_TOP] if h.chunk.kind == "task"}
        found = [r for r in found if (r[1].doc, r[2].number) in top]
    if not found:
        return None
    label = len({p.doc for _, p, _ in found}) > 1 or not query.plan_named
    blocks, citations = [], []
    for _, plan, task in found:
        # the whole row, the fields asked first: the asker knows the task by its content only
        fields = list(query.fields) + [f for f in FIELDS if f not in query.fields]
        blocks.append(tasks.render_task(plan, task, fields, label))
        citations.append(task_citation(plan, task))
        citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
    head = "" if len(found) == 1 else f"{len(found)} nhiệm vụ khớp với câu hỏi:\n"
    return Answer(head + "\n".join(blocks), False, citations, "task", list(citations), query)
