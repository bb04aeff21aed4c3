"""Task rows found by what they are about, with no number: "ai lo việc số
hóa hồ sơ ở Trường Xuân?", "ISO 9001 ở Nam An Phụ khi nào xong?".

The question's content words (:func:`retrieval.question.selection.topic_words`
without plan names and the words that ask a field) are scored against each
task row's content, objective, product and sub-section, each word weighted
by its rarity among the rows in scope (IDF). The best rows (within 90 % of
the best score, or within :data:`COMPETE` of it holding a rare question word
the best row lacks; at most three) answer when they cover at least
:data:`MIN_COVER` of the question's weight and the hybrid search ranks them
among its first :data:`AGREE_TOP` hits; otherwise the question goes to the
passages of the body. A row the search ranks first and the words nearly
choose is shown beside them. A question in everyday words ("cái việc đi thi
đọc tin phát thanh … thì bên nào lo?") for which the words choose no row is
answered by the search's first hit when it is a row holding most of the
question words some row writes (:func:`search_led_rows`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet

from ingest.lexicon import canon, contains_words, paraphrase
from ingest.model import Plan, Task
from ingest.textnorm import fold
from retrieval.answering.checked import checked_lead_line
from retrieval.answering.model import Answer, abstention
from retrieval.answering.rows import parent_task, plans_in_scope, sub_rows, task_citation
from retrieval.answering.tasks import TaskAnswerer, unstated_reason
from retrieval.query import Query
from retrieval.question.cues import PADDING, PERSON_CUE, QUESTION_PARTICLES, SIMILAR, TARGET_SET
from retrieval.question.model import FIELDS
from retrieval.question.parse import strip_cues, strip_number_asked
from retrieval.question.selection import FUNCTION_WORDS, TOPIC_STOP_PHRASES, TOPIC_STOPWORDS, topic_words

__all__ = ["about_duty", "AGREE_TOP", "cites_document", "COMPETE", "content_key", "FULL_COVER", "MIN_COVER", "RARE_PAIR", "described_words", "duty_phrase", "lookup_answer", "lookup_rows", "row_text",
           "question_words", "without_name_runs", "search_led_rows", "KNOWN_SHARE", "row_pairs", "row_words", "text_pairs"]

#: Share of the question's word weight a row must hold to answer.
MIN_COVER = 0.6
#: A row answers only when it is among this many best search hits.
AGREE_TOP = 3
#: A pair of question syllables the stopwords split ("tự chủ", "cơ chế") is kept when at most this share of the rows in scope write it.
RARE_PAIR = 0.2
#: A row within this share of the best cover is shown beside it when it holds
#: a rarer-than-median question word the best row does not.
COMPETE = 0.8
#: A row holding this share of the question's weight is described whole: the
#: row the search prefers is not shown beside it.
FULL_COVER = 0.95
#: Syllables naming the task itself ("việc", "nhiệm vụ"), never a duty's own phrase.
_TASK_NOUNS = frozenset({"viec", "nhiem"})
#: Words that ask for a field rather than say what the task is about.
_ASKING = frozenset("""
lo phu trach dam nhiem chiu trach khi bao gio xong lam luc ngay dau moi ket qua nhan giao
thoi diem hoan tat nao xong truoc sau chinh can phai se ben
""".split())


def _row_text(task: Task) -> str:
    return canon(" ".join(filter(None, (task.content, task.objective, task.product, task.subsection))))


def row_text(task: Task) -> str:
    """A task row's searchable text: content, objective, product and
    sub-section as one ``canon`` key ("xay dung bao cao cai cach …")."""
    return _row_text(task)


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
    r"\b(?:Nghị định|Quyết định|Thông tư|Nghị quyết|Chỉ thị|Công văn|Kết luận|Kế hoạch|Đề án)(?:\s+số)?\s+\S*\d\S*"
    r"(?:\s+ngày\s+\S*\d\S*)?(?:\s+của\s+(?:Thủ tướng Chính phủ|Chính phủ|Bộ Chính trị|"
    r"(?:UBND|Ủy ban nhân dân|HĐND)\s+(?:tỉnh|thành phố|huyện|xã)|Bộ\s+\w+\s+\w+))?", re.IGNORECASE)


def cites_document(task: Task) -> bool:
    """True when a cell of the row ``task`` cites a document by its number
    (content or objective: "triển khai Đề án … theo Quyết định số
    323/QĐ-UBND"; deadline: "Theo hướng dẫn của Trung ương và Kế hoạch số
    310/KH-UBND …"; product): a question asking "theo QĐ số mấy", "theo kế
    hoạch số mấy" of what the row is about asks that row."""
    cells = " ".join(filter(None, (task.content, task.objective, task.deadline, task.product)))
    return _CITATION.search(cells) is not None


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


def question_words(key: str, names: AbstractSet[str], row_texts: list[str]) -> list[str]:
    """The words of a question (``canon`` key) that say what the task is
    about: staff wording put as the plans write it (:func:`paraphrase`), the
    field cues ("ra văn bản gì", "quý mấy nộp", "ai chịu trách nhiệm"), the
    padding ("cái vụ …", "việc … thì") and plan names taken out
    (:func:`strip_cues`, :func:`topic_words`). A pair of adjacent syllables
    the stopwords would split but at most :data:`RARE_PAIR` of ``row_texts``
    (each " " + a row's ``canon`` text + " ") write together ("tu chu", "tai
    chinh") keeps both syllables."""
    text = strip_cues(paraphrase(" ".join(PADDING.sub(" ", key).split())))  # cues match single spaces
    tokens = [w for w in without_name_runs(text.split(), names, row_texts) if w not in _ASKING]
    kept = [w for w in topic_words(" ".join(tokens)) if w not in QUESTION_PARTICLES]
    limit = RARE_PAIR * len(row_texts)
    content = set(kept)
    for a, b in zip(tokens, tokens[1:]):
        if (a in content and b in content) or a.isdigit() or b.isdigit() or len(a) < 2 or len(b) < 2:
            continue  # both kept already
        # two function syllables the rows seldom write together are a term ("tài sản
        # công": "tai san"), those they write everywhere are not ("ke hoach", "thuc hien")
        if not (a in content or b in content) and {a, b} & FUNCTION_WORDS:
            continue  # "cua cac", "va cac": grammar, however seldom the rows write it
        rare = limit if (a in content or b in content) else limit / 2
        if 0 < sum(f" {a} {b} " in t for t in row_texts) <= rare:
            kept.extend(w for w in (a, b) if w not in kept)
    return kept


def content_key(query: Query) -> str:
    """The question's ``canon`` key without the unit its yes/no check names
    ("việc X có phải do Y chủ trì không?": the row is found by X alone, Y is
    the answer's test, not words of the row)."""
    asked = query.key
    if query.checked_unit:
        pos = contains_words(asked, query.checked_unit)
        asked = asked if pos < 0 else asked[:pos] + " " + asked[pos + len(query.checked_unit):]
    return asked


def without_name_runs(tokens: list[str], names: AbstractSet[str], row_texts: list[str]) -> list[str]:
    """``tokens`` without the plan names they write: a run of two or more
    words of ``names`` ("loc hoa", "nam an phu"), or one such word no row of
    ``row_texts`` (each " " + a ``canon`` row text + " ") writes ("nap", "tx");
    a name's syllable the rows write, standing alone, is the question's own
    ("hóa" of "số hóa hồ sơ" asked of Lộc Hòa)."""
    kept: list[str] = []
    run: list[str] = []
    for w in [*tokens, ""]:
        if w and w in names:
            run.append(w)
            continue
        if len(run) == 1 and any(f" {run[0]} " in t for t in row_texts):
            kept.extend(run)
        run = []
        if w:
            kept.append(w)
    return kept


def _row_sets(plans: list[Plan]) -> list[tuple[Plan, Task, set[str]]]:
    """(plan, task, the words of its row) of every task row of ``plans``."""
    return [(plan, task, set(_row_text(task).split())) for plan in plans for task in plan.tasks]


def _weights(words: list[str], rows: list[tuple[Plan, Task, set[str]]]) -> dict[str, float]:
    """Each question word's weight among ``rows``: log(1 + n / (1 + rows holding it))."""
    n = len(rows)
    return {w: math.log(1 + n / (1 + sum(w in have for _, _, have in rows))) for w in words}


def lookup_rows(plans: list[Plan], query: Query, names: AbstractSet[str],
                favoured: tuple[str, str | None] | None = None) -> list[tuple[float, Plan, Task]]:
    """(cover, plan, numbered task) of the rows best matching the question's
    content words (:func:`question_words`), best first; ``[]`` when none
    covers :data:`MIN_COVER`. ``names`` are words of plan names, left out of
    the question's words. ``favoured`` (doc, number): the row the passage
    search ranks first; it is shown after the rows chosen when its cover is
    within :data:`COMPETE` of the best and the best is below
    :data:`FULL_COVER` ("đi thi đọc tin phát thanh": the contest row the
    search prefers beside the broadcast row the words prefer)."""
    texts = [f" {_row_text(task)} " for plan in plans for task in plan.tasks]
    words = question_words(content_key(query), names, texts)
    if not words:
        return []
    rows = _row_sets(plans)
    if not rows:
        return []
    idf = _weights(words, rows)
    total = sum(idf.values())
    scored: dict[tuple[str, str | None], tuple[float, Plan, Task]] = {}
    for plan, task, have in rows:
        cover = sum(idf[w] for w in words if w in have) / total
        hits = sum(w in have for w in words)
        numbered = parent_task(plan, task) or task
        key = (plan.doc, numbered.number)
        if hits < min(2, len(words)) or cover < (COMPETE * MIN_COVER if key == favoured else MIN_COVER):
            continue
        if key not in scored or scored[key][0] < cover:
            scored[key] = (cover, plan, numbered)
    ranked = sorted((r for r in scored.values() if r[0] >= MIN_COVER), key=lambda x: -x[0])
    if not ranked:
        return []
    best = ranked[0][0]
    rare = sorted(idf.values())[len(idf) // 2]
    best_words = set(_row_text(ranked[0][2]).split())
    # a close row holding a rare question word the best row lacks competes with it
    # ("giáo dục công" against "y tế công"): both are shown rather than the best alone
    chosen = [r for r in ranked
              if r[0] >= 0.9 * best or (r[0] >= COMPETE * best and any(
                  idf[w] >= rare and w in _row_text(r[2]).split() and w not in best_words for w in words))][:3]
    led = scored.get(favoured) if favoured is not None else None
    if led is not None and led not in chosen and led[0] >= COMPETE * best and best < FULL_COVER:
        chosen = [*chosen[:2], led]
    return chosen


#: Share of the question's word weight the words some row in scope writes must
#: hold for the search-led tier (:func:`search_led_rows`): the rest is staff
#: wording no row writes ("đi thi đọc tin", "bên nào lo").
KNOWN_SHARE = 0.5


def search_led_rows(plans: list[Plan], query: Query, names: AbstractSet[str],
                    hits: list) -> list[tuple[float, Plan, Task]]:
    """The rows of a look-up asked in everyday words ("cái việc đi thi đọc tin
    phát thanh của thành phố thì bên nào lo?"), which :func:`lookup_rows` does
    not find because many question words are written by no row: when the
    passage search's best hit is a task row, and the question words some row
    writes hold at least :data:`KNOWN_SHARE` of the question's weight, that
    row answers if it holds :data:`MIN_COVER` of those words' weight (two words
    at least). A row among the first :data:`AGREE_TOP` hits covering more of
    them is shown beside it (the search and the words disagree: both are
    offered). ``[]`` otherwise."""
    if not hits or hits[0].chunk.kind != "task":
        return []
    texts = [f" {_row_text(task)} " for plan in plans for task in plan.tasks]
    words = question_words(content_key(query), names, texts)
    rows = [(plan, parent_task(plan, task) or task, have) for plan, task, have in _row_sets(plans)]
    known = [w for w in words if any(w in have for _, _, have in rows)]
    if len(known) < 2:
        return []
    idf = _weights(words, rows)
    known_total = sum(idf[w] for w in known)
    if known_total < KNOWN_SHARE * sum(idf.values()):
        return []
    scored: dict[tuple[str, str | None], tuple[float, Plan, Task]] = {}
    for plan, numbered, have in rows:
        if sum(w in have for w in known) < 2:
            continue
        cover = sum(idf[w] for w in known if w in have) / known_total
        key = (plan.doc, numbered.number)
        if key not in scored or scored[key][0] < cover:
            scored[key] = (cover, plan, numbered)
    led = scored.get((hits[0].chunk.doc, hits[0].chunk.task_number))
    if led is None or led[0] < MIN_COVER:
        return []
    top = [(h.chunk.doc, h.chunk.task_number) for h in hits[:AGREE_TOP] if h.chunk.kind == "task"]
    beside = [scored[k] for k in dict.fromkeys(top[1:]) if k in scored and scored[k][0] > led[0]]
    return [led, *beside[:1]]


def duty_phrase(plan: Plan, key: str, names: AbstractSet[str]) -> str | None:
    """A phrase of the question (``canon`` key; two adjacent words, the
    field cues, padding and plan ``names`` out, one of them a content word)
    that a unit's duty in ``plan``'s body writes and none of its annex rows
    does ("đổi mới chuyên mục" of "ai lo đổi mới chuyên mục CCHC?", where a
    row only shares "cổng thông tin điện tử"): the question is about that
    duty, not a row. The words that only say a row is a target ("có chỉ tiêu
    thanh toán trực tuyến 80%, việc đó ai chủ trì?": :data:`TARGET_SET`) make
    no phrase. ``None`` when there is none."""
    duties = [f" {canon(d)} " for r in plan.responsibilities for d in r.duties]
    if not duties:
        return None
    text = TARGET_SET.sub(" ", strip_cues(paraphrase(" ".join(PADDING.sub(" ", key).split()))))
    tokens = [w for w in text.split() if w not in names and w not in _ASKING]
    content = set(topic_words(" ".join(tokens)))
    rows = [f" {_row_text(task)} " for task in plan.tasks]
    for a, b in zip(tokens, tokens[1:]):
        if len(a) < 2 or len(b) < 2 or a.isdigit() or b.isdigit() or not ({a, b} & content):
            continue
        if {a, b} & _TASK_NOUNS:
            continue  # "việc tiếp (tục) rà soát …": the word naming the task, no phrase of a duty
        pair = f" {a} {b} "
        if any(pair in d for d in duties) and not any(pair in r for r in rows):
            return pair.strip()
    return None


def about_duty(plan: Plan, task: Task, key: str, names: AbstractSet[str]) -> bool:
    """True when the question (``canon`` key) is about a duty of ``plan``'s
    body rather than its row ``task``: a phrase only a duty writes
    (:func:`duty_phrase`) of which the row has neither word as the question
    writes it — a row word counts when a word pair of the row holding it is
    also the question's ("kiểm tra", "chuyên môn" asked), not when it only
    spells another word ("chuyên môn" of a row beside "chuyên mục" asked)."""
    phrase = duty_phrase(plan, key, names)
    if phrase is None:
        return False
    row = _row_text(task).split()
    asked = f" {key} "
    shared = {w for a, b in zip(row, row[1:]) if f" {a} {b} " in asked for w in (a, b)}
    return not set(phrase.split()) & shared


def lookup_answer(tasks: TaskAnswerer, query: Query, hits: list | None = None) -> Answer | None:
    """Kind ``task``: the rows :func:`lookup_rows` finds, each with its
    number and whole row (the fields asked first), cited; ``None`` when no row is close enough. With the
    passage search's ``hits`` (best first), only rows among the first
    :data:`AGREE_TOP` task or paragraph hits answer, so a question the body
    answers better (a duty, a reporting rule) goes to the body; when the best row is among them, the rows
    competing with it are shown beside it wherever the search ranks them.
    When the rows leave every field asked blank, or a day is asked they do
    not write (:func:`retrieval.answering.tasks.unstated_reason`), the answer
    is that explained abstention, the row named."""
    names = tasks.catalog.name_words
    first = hits[0].chunk if hits else None
    favoured = (first.doc, first.task_number) if first is not None and first.kind == "task" else None
    lexical = lookup_rows(plans_in_scope(tasks.plans, query), query, names, favoured)
    found = [r for r in lexical if not about_duty(r[1], r[2], content_key(query), names)]
    if found and hits is not None:
        top = {(h.chunk.doc, h.chunk.task_number) for h in hits[:AGREE_TOP] if h.chunk.kind == "task"}
        agreed = [r for r in found if (r[1].doc, r[2].number) in top]
        # beside a row the search agrees on, a row competing with it is shown too:
        # the search does not know the plans' words for staff wording ("trường học công")
        found = found if agreed and (found[0][1].doc, found[0][2].number) in top else agreed
    if not lexical and hits is not None:  # no row the words choose (a row they choose the search
        # did not rank is no cue to take the search's row instead)
        found = [r for r in search_led_rows(plans_in_scope(tasks.plans, query), query, names, hits)
                 if not about_duty(r[1], r[2], content_key(query), names)]
    if not found:
        return None
    unstated = unstated_reason(tasks.catalog, [(plan, task) for _, plan, task in found], query)
    if unstated:
        # "việc X ai phối hợp?" of a row whose Cơ quan phối hợp cell is blank: an
        # explained abstention naming the row, as for a row asked by its number
        return abstention(query, reason=unstated)
    label = len({p.doc for _, p, _ in found}) > 1 or not query.plan_named
    blocks, citations = [], []
    for _, plan, task in found:
        # the whole row, the fields asked first: the asker knows the task by its content only
        fields = list(query.fields) + [f for f in FIELDS if f not in query.fields]
        blocks.append(tasks.render_task(plan, task, fields, label))
        citations.append(task_citation(plan, task))
        citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
    head = "" if len(found) == 1 else f"{len(found)} nhiệm vụ khớp với câu hỏi:\n"
    if query.checked_unit and len(found) == 1:
        head = checked_lead_line(query, found[0][2]) + "\n"
    return Answer(head + "\n".join(blocks), False, citations, "task", list(citations), query)
