"""A named plan that an answer across plans left out: its passage nearest in
meaning to what the other plans answered with.

"giải ngân vốn đầu tư công TX với VK mỗi nơi ghi gì?": Trường Xuân's row
reads "Báo cáo thực hiện giải ngân kế hoạch đầu tư vốn ngân sách …", Việt
Khê's "Thực hiện giải ngân kế hoạch đầu tư công … đạt tối thiểu 95%"; "đơn
vị tuyên truyền CCHC (chuyên mục, tin bài) ở NAP, PT, VK gọi là gì?": two
plans put it under "Trung tâm … Truyền thông xã: … tin, bài …", Việt Khê
under "Đài phát thanh, Cổng thông tin điện tử xã: … chuyên mục, chuyên
trang …". Each plan words the same thing its own way, so the question's
words alone find one plan's passage and miss the other's.

:func:`nearest_answer` takes the passages the answering plans were cited
for, asks the dense index for the left-out plan's passage of the same kind
(task row or paragraph) nearest to them (:meth:`retrieval.search.HybridSearcher.like`),
and gives it when the words agree too: it holds at least
:data:`NEAREST_SUPPORT` of the question's content weight. The answer says
it is the plan's nearest content ("nội dung gần nhất"), not the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.model import Plan, Task
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, render_task, task_citation
from retrieval.query import Query

if TYPE_CHECKING:
    from retrieval.answering.text import PassageAnswerer

__all__ = ["NEAREST_SUPPORT", "nearest_answer", "nearest_row"]

#: Share of the question's content weight (:func:`retrieval.answering.scoring.support`)
#: the nearest passage must hold: below sentence search's own floor
#: (:data:`retrieval.answering.text.MIN_SUPPORT`), since meaning agrees as well.
NEAREST_SUPPORT = 0.3
#: Passages of the left-out plan read, nearest first.
_DEPTH = 3


def nearest_answer(query: Query, doc: str, cited: list[Citation],
                   passages: PassageAnswerer) -> Answer | None:
    """Plan ``doc``'s passage nearest in meaning to the passages ``cited``
    (the other plans' answer), as one labelled block, cited; ``None`` when
    nothing is cited, the searcher cannot compare stored vectors, or the
    nearest passage shares too few of ``query``'s words. ``query`` is the
    question asked of ``doc`` alone (the other plans' names in ``mentioned``)."""
    searcher = passages.searcher
    like = getattr(searcher, "like", None)
    sources = passages.cited_chunks([c for c in cited if c.doc != doc])
    plan = passages.plans.get(doc)
    if like is None or not sources or plan is None:
        return None
    hits = like(sources, k=_DEPTH, docs={doc}, kinds={c.kind for c in sources})
    if not hits:
        return None
    chunk = hits[0].chunk
    score, shown = passages.best_sentence(query, chunk)
    if score < NEAREST_SUPPORT:
        return None
    label = plan_label(passages.catalog, doc)
    task = passages.task_of(chunk) if chunk.kind == "task" else None
    if task is not None:
        text = f"{label} – nội dung gần nhất:\n" + render_task(plan, task, query.fields)
        citation = task_citation(plan, task)
    else:
        citation = passages.chunk_citation(chunk)
        text = f"{label} – nội dung gần nhất ({chunk.locator}): {shown}"
    return Answer(text, False, [citation], "extractive", [citation], query)


def nearest_row(passages: PassageAnswerer, plan: Plan, task: Task, target: str) -> Task | None:
    """The numbered row of plan ``target`` nearest in meaning to ``plan``'s
    row ``task`` (the dense index's stored vectors of their chunks), else
    ``None`` (no searcher able to compare them, no row)."""
    like = getattr(passages.searcher, "like", None)
    sources = [c for c in passages.chunks_of(plan.doc) if c.kind == "task"
               and c.task_number == task.number and c.section == task.section]
    if like is None or not sources:
        return None
    hits = like(sources, k=1, docs={target}, kinds={"task"})
    return passages.task_of(hits[0].chunk) if hits else None
