"""The annex row of the same item in each named plan, after a cross-plan
passage answer that quoted only a plan's body.

"hạn gửi báo cáo quý ở A và B khác nhau thế nào?", "so sánh chỉ tiêu X giữa
A và B": passage search keeps each named plan's best passage, often a body
sentence ("Trách nhiệm chung: … báo cáo Quý … gửi trước ngày 05 …"), while
the plan's annex has a row on the very item with its own deadline, lead and
target. A right cross-plan answer gives both parts per plan, so
:func:`with_annex_rows` adds, for each named plan whose part cites no task
row, that plan's row best matching the question's content words
(:func:`retrieval.answering.lookup.lookup_rows`, which already requires a
high share of those words), under the plan's label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.model import Plan, Task
from retrieval.answering.lookup import lookup_rows, question_words, row_text
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, render_task, task_citation
from retrieval.answering.text import TASK_ROW_BONUS
from retrieval.query import PlanCatalog, Query
from retrieval.question.crossplan import TARGET
from retrieval.question.cues import COMPARE_FRAME, TASKS_NAMED

if TYPE_CHECKING:
    from retrieval.answering.text import PassageAnswerer

__all__ = ["ROW_SUPPORT", "with_annex_rows", "with_body_passages"]

#: Share of the item's content weight (:meth:`PassageAnswerer.best_sentence`) a row
#: added for a plan must hold, as for a plan's nearest passage
#: (:data:`retrieval.answering.nearest.NEAREST_SUPPORT`).
ROW_SUPPORT = 0.3

#: ``like(plan, task, target doc)``: the row of ``target`` nearest in meaning to
#: ``plan``'s row ``task`` (:func:`retrieval.answering.nearest.nearest_row`), or ``None``
NearestRow = Callable[[Plan, Task, str], Task | None]


def _cites_row(found: Answer, doc: str) -> bool:
    """True when ``found`` cites a task row ("nhiệm vụ …") of plan ``doc``."""
    return any(c.doc == doc and c.locator.startswith("nhiệm vụ") for c in found.citations)


#: "KH Phú Thái", "kế hoạch của xã Việt Khê": the words that only refer to a plan
#: named (its name replaced by ``_NAMED`` first)
_NAMED = "\u00a7"
_PLAN_REFERENCE = re.compile(r"\b(?:ke hoach|kh)(?: cua)?(?: (?:xa|phuong))? " + _NAMED)


#: "còn TX thì sao", "thế nào": the words asking the item again of another plan, no part of it.
_HOW_ABOUT = re.compile(r"\b(?:con|(?:thi |nhu )?(?:sao|the nao)|ra sao)\b"
                        # "NAP hạn trước 15/01/2026": one plan's deadline given, no part of the item
                        r"|\b(?:(?:thoi )?han )?(?:truoc|sau|den|trong)(?: ngay)? \d{1,2}/\d{1,2}(?:/\d{4})?(?!\S)")


def _item_query(query: Query, plans: list[Plan], names: AbstractSet[str],
                catalog: PlanCatalog | None = None) -> Query:
    """``query`` with its key reduced to the item: the compare words
    (:data:`COMPARE_FRAME`), the kind of figure asked ("chỉ tiêu", "tỷ lệ":
    :data:`retrieval.question.crossplan.TARGET`, the rows name the item by its
    content) and the words that only refer to a plan named ("KH Phú Thái",
    with ``catalog``) out, and one content word no annex row of ``plans``
    writes ("gửi" in "hạn gửi báo cáo quý": the rows say "xây dựng báo cáo")
    when at least three others remain to match the row by."""
    key = query.key
    if catalog is not None:
        for alias in sorted({a for e in catalog.entries for a in e.aliases}, key=len, reverse=True):
            key = re.sub(rf"\b{re.escape(alias)}\b", _NAMED, key)
        key = _PLAN_REFERENCE.sub(" ", key).replace(_NAMED, " ")
    key = " ".join(TARGET.sub(" ", COMPARE_FRAME.sub(" ", _HOW_ABOUT.sub(" ", key))).split())
    texts = [f" {row_text(t)} " for plan in plans for t in plan.tasks]
    words = question_words(key, names, texts)
    unused = [w for w in words if not any(f" {w} " in t for t in texts)]
    if len(unused) == 1 and len(words) - 1 >= 3:
        key = " ".join(w for w in key.split() if w != unused[0])
    return replace(query, key=key)


def _row_support(passages: PassageAnswerer, item: Query, plan: Plan, task: Task) -> float:
    """The support (:meth:`PassageAnswerer.best_sentence`) of row ``task``'s
    indexed passage for the item asked; 0 when the row has none."""
    chunks = [c for c in passages.chunks_of(plan.doc) if c.kind == "task" and c.task_number == task.number
              and c.section == task.section]
    return max((passages.best_sentence(item, c)[0] for c in chunks), default=0.0)


def _cited_rows(found: Answer, plans: list[Plan]) -> list[tuple[Plan, Task]]:
    """The numbered rows ``found`` cites, with their plans, in order."""
    by_doc = {p.doc: p for p in plans}
    rows: list[tuple[Plan, Task]] = []
    for c in found.citations:
        plan = by_doc.get(c.doc)
        if plan is None or not c.locator.startswith("nhiệm vụ "):
            continue
        number = c.locator.removeprefix("nhiệm vụ ").split()[0]
        task = next((t for t in plan.tasks if t.number == number and (c.section is None or t.section == c.section)),
                    None)
        if task is not None:
            rows.append((plan, task))
    return rows


#: Fewest consecutive words of the item a row must write as a phrase to be a candidate (:func:`_phrase_row`).
PHRASE_WORDS = 4


def _phrase_row(plan: Plan, item: Query) -> Task | None:
    """``plan``'s numbered row writing the longest run of the item's words as
    a phrase, at least :data:`PHRASE_WORDS` ("kế hoạch CCHC" → "ke hoach cai
    cach hanh chinh" in "Xây dựng kế hoạch CCHC hàng năm"), the first such
    row; ``None`` when no row writes so many."""
    words = item.key.split()
    best, best_len = None, PHRASE_WORDS - 1
    for task in plan.tasks:
        if not task.number:
            continue
        text = f" {row_text(task)} "
        for i in range(len(words)):
            n = best_len + 1
            while i + n <= len(words) and f" {' '.join(words[i:i + n])} " in text:
                best, best_len = task, n
                n += 1
    return best


def _best_row(plan: Plan, item: Query, names: AbstractSet[str], found: Answer, plans: list[Plan],
              passages: PassageAnswerer | None, like: NearestRow | None) -> Task | None:
    """``plan``'s row on the item: the rows whose words match it
    (:func:`lookup_rows`), its best row read as a passage of its annex alone
    (:meth:`PassageAnswerer.candidates`, whose support floor and specificity
    gate apply), and the row nearest in meaning to the rows the other plans
    answered with (``like``), the one the item's words support
    most (at least :data:`ROW_SUPPORT`); without ``passages``, the best
    matching row."""
    found_rows = [task for _, _, task in lookup_rows([plan], item, names)]
    if passages is None:
        return found_rows[0] if found_rows else None
    candidates = list(found_rows)
    # the plan's rows read as passages of its annex alone (support, specificity gate)
    annex = replace(item, plans=[plan.doc], plan_named=True, parts={plan.doc: "annex"})
    scanned = next((passages.task_of(c[3]) for c in passages.candidates(annex, [])), None)
    if scanned is not None and scanned not in candidates:
        candidates.append(scanned)
    phrased = _phrase_row(plan, item)
    if phrased is not None and phrased not in candidates:
        candidates.append(phrased)
    if like is not None:
        for other, task in _cited_rows(found, plans):
            if other.doc != plan.doc:
                near = like(other, task, plan.doc)
                if near is not None and near not in candidates:
                    candidates.append(near)
                break
    scored = [(_row_support(passages, item, plan, t), -i, t) for i, t in enumerate(candidates)]
    scored = [x for x in scored if x[0] >= ROW_SUPPORT]
    return max(scored, key=lambda x: (x[0], x[1]))[2] if scored else None


def with_annex_rows(query: Query, found: Answer, plans: list[Plan], catalog: PlanCatalog,
                    names: AbstractSet[str], passages: PassageAnswerer | None = None,
                    like: NearestRow | None = None) -> Answer:
    """``found`` (a cross-plan answer) followed by, for each plan of
    ``plans`` (the named plans, in the question's order) it cites no task
    row of, that plan's best matching annex row ("<label> – Nhiệm vụ n: …"
    with the fields asked, lead and deadline). ``names`` are the words of
    plan names, not content words. ``found`` unchanged when it abstained or
    no such row exists; an abstained ``found`` becomes the rows found, the
    plans without one named ("…: không tìm thấy …"). With ``passages``, a
    plan's row is chosen among those matching the item's words and the one
    nearest in meaning (``like``) to a row another plan answered with, by
    how much of the item it says (:func:`_best_row`)."""
    item = _item_query(query, plans, names, catalog)
    blocks, added = [], []
    for plan in plans:
        if _cites_row(found, plan.doc) or query.parts.get(plan.doc) == "body":
            continue  # a row already, or the body alone asked of this plan ("theo phần tổ chức thực hiện")
        task = _best_row(plan, item, names, found, plans, passages, like)
        if task is None:
            continue
        blocks.append(render_task(plan, task, list(query.fields), label=plan_label(catalog, plan.doc)))
        added.append(task_citation(plan, task))
    if not blocks:
        return found
    if found.abstained:  # no passage of the body: the rows alone, and the plans without one named
        silent = [plan_label(catalog, p.doc) for p in plans if p.doc not in {c.doc for c in added}]
        text = "\n".join(blocks + [f"{label}: không tìm thấy nội dung này trong kế hoạch." for label in silent])
        return Answer(text, False, added, "task", list(added), found.query or query)
    text = _silent_line_kept(found.text.rstrip(), [plan_label(catalog, c.doc) for c in added])
    text = text + "\nTrong phụ lục nhiệm vụ:\n" + "\n".join(blocks)
    cited = found.citations + added
    return Answer(text, False, cited, found.kind, cited + [e for e in found.evidence if e not in cited],
                  found.query)


#: What a per-plan answer says of a plan that found nothing (:mod:`retrieval.answering.perplan`).
_NOT_FOUND = "không tìm thấy nội dung này trong kế hoạch."
#: The targets answer's line naming the plans that state no figure (:mod:`retrieval.answering.targets`).
_SILENT = "Không nêu chỉ tiêu này: "


def _silent_line_kept(text: str, labels: list[str]) -> str:
    """``text`` with the plans of ``labels`` (given an annex row below) taken
    out of its "Không nêu chỉ tiêu này: …" line, which then says they are in
    the annex rows below, so no plan is said to state nothing and then quoted."""
    # "<label>: không tìm thấy nội dung này trong kế hoạch." of a plan now given its row: dropped
    lines = [line for line in text.split("\n") if not any(line == f"{label}: {_NOT_FOUND}" for label in labels)]
    for i, line in enumerate(lines):
        if not line.startswith(_SILENT):
            continue
        named = [n.strip() for n in line[len(_SILENT):].rstrip(".").split(", ")]
        rest = [n for n in named if n not in labels]
        moved = [n for n in named if n in labels]
        if not moved:
            continue
        said = [f"{_SILENT}{', '.join(rest)}."] if rest else []
        said.append(f"Không nêu trong câu chỉ tiêu; có ở dòng phụ lục dưới đây: {', '.join(moved)}.")
        lines[i:i + 1] = said
    return "\n".join(lines)


def _body_line(query: Query, plan: Plan, catalog: PlanCatalog, passages: PassageAnswerer,
               others: list[str]) -> tuple[str, Citation] | None:
    """``plan``'s body sentence on the item asked, when its score is at least
    that of the plan's best task row but the preference a row gets for a
    field asked (:data:`retrieval.answering.text.TASK_ROW_BONUS`: the body says
    the item as well as the annex does): ``("<label> (mục …): <sentence>", citation)``, else ``None``."""
    sub = replace(query, plans=[plan.doc], plan_named=True, result_keys=[],
                  mentioned=list(dict.fromkeys([*query.mentioned, *others])))
    candidates = passages.candidates(sub, passages.search(sub))
    body = next((c for c in candidates if c[3].kind == "paragraph"), None)
    row = next((c for c in candidates if c[3].kind == "task"), None)
    if body is None or (row is not None and body[0] < row[0] - TASK_ROW_BONUS):
        return None  # the row's own preference for a field asked does not hide the body
    _, _, sentence, chunk, raw = body
    cit = passages.chunk_citation(chunk)
    citation = Citation(cit.doc, cit.title, cit.locator, cit.page, raw, cit.section, ocr=cit.ocr)
    return f"{plan_label(catalog, plan.doc)} ({chunk.locator}): {sentence}", citation


def with_body_passages(query: Query, found: Answer, plans: list[Plan], catalog: PlanCatalog,
                       passages: PassageAnswerer) -> Answer:
    """``found`` (an answer naming several plans, each plan's part a task row or
    a passage) followed, for each plan of ``plans`` it answers with task rows
    only, by that plan's body sentence on the same item when the body states
    it at least as well as the annex (:func:`_body_line`): "ISO 9001 ở TX và VK
    ai chủ trì?" where Việt Khê's row is the check of ISO (Phòng Văn hóa – Xã
    hội) and its "Tổ chức thực hiện" gives the unit applying it (Phòng Kinh
    tế). Plans whose annex alone was asked (``query.parts``) are left as they
    are; ``found`` unchanged when it abstained, the question asks for tasks
    ("… nv nào, hạn": :data:`retrieval.question.cues.TASKS_NAMED`) or no such
    sentence exists."""
    if found.abstained or TASKS_NAMED.search(query.key):
        return found  # "… nv nào, hạn": the rows were asked, not what the body says
    docs = [p.doc for p in plans]
    lines, added = [], []
    for plan in plans:
        own = [c for c in found.citations if c.doc == plan.doc]
        if not own or not all(_cites_row(replace(found, citations=[c]), plan.doc) for c in own):
            continue
        if query.parts.get(plan.doc) == "annex":
            continue
        line = _body_line(query, plan, catalog, passages, [d for d in docs if d != plan.doc])
        if line is not None:
            lines.append(line[0])
            added.append(line[1])
    if not lines:
        return found
    text = found.text.rstrip() + "\nTrong phần thân kế hoạch:\n" + "\n".join(lines)
    cited = found.citations + added
    return Answer(text, False, cited, found.kind, cited + [e for e in found.evidence if e not in cited],
                  found.query)
