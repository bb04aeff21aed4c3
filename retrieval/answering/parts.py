"""One plan's body and its annex side by side: "tinh giản biên chế TX ghi
giai đoạn nào, phần chỉ tiêu với phụ lục có khác không?", "VK báo cáo quý:
phần tổ chức thực hiện với phụ lục nv 2 ghi ngày khác nhau không?", "thân
kế hoạch và bảng nhiệm vụ có khớp nhau không?".

:func:`retrieval.question.crossplan.asks_body_and_annex` tells such a question (the body named — "phần
chỉ tiêu", "phần tổ chức thực hiện", "thân/nội dung kế hoạch" — and the
annex — "phụ lục", "bảng/danh mục nhiệm vụ" — in one question);
:func:`body_annex_answer` gives the body's best sentences (never a task
row) and the annex rows (by number, else by content), each under its part's
name and cited, so the two can be compared; the part that says nothing is
said so.
"""

from __future__ import annotations

from dataclasses import replace

from retrieval.answering.lookup import lookup_rows
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label, plans_in_scope, render_task, sub_rows, task_citation
from retrieval.answering.tasks import TaskAnswerer
from retrieval.answering.text import PassageAnswerer
from retrieval.query import Query
from retrieval.question.crossplan import without_parts

__all__ = ["BODY_SENTENCES", "body_annex_answer"]

#: Body sentences shown.
BODY_SENTENCES = 2


def body_annex_answer(tasks: TaskAnswerer, passages: PassageAnswerer, query: Query) -> Answer:
    """Kind ``extractive``: "Phần nội dung kế hoạch (mục …): …" then
    "Phụ lục: <rows>", each cited; the rows are ``query.task_refs`` when
    given, else the rows found by content (:func:`lookup_rows`). Abstains
    when neither part says anything; a silent part is named."""
    key = without_parts(query.key)  # what both parts should say, not "phụ lục … có khác không"
    query = replace(query, key=key, search_text=key)
    scope = plans_in_scope(tasks.plans, query)
    if len(scope) != 1:
        return abstention(query)
    plan = scope[0]
    rows = [t for t in plan.tasks if t.number in query.task_refs] if query.task_refs else []
    if not rows:
        names = tasks.catalog.name_words
        rows = [t for _, _, t in lookup_rows([plan], query, names)][:2]
    body_q = replace(query, task_refs=[], fields=[], plans=[plan.doc], plan_named=True)
    hits = passages.search(body_q) if passages.searcher is not None else []
    chosen = [c for c in passages.candidates(body_q, hits) if c[3].kind != "task"]
    chosen = [c for c in chosen if c[0] >= 0.9 * chosen[0][0]][:BODY_SENTENCES] if chosen else []
    if not rows and not chosen:
        return abstention(query)
    lines, citations = [f"{plan_label(tasks.catalog, plan.doc)}:"], []
    if chosen:
        locs = []
        for _, _, sentence, chunk, raw in chosen:
            cit = passages.chunk_citation(chunk)
            citations.append(Citation(cit.doc, cit.title, cit.locator, cit.page, raw, cit.section))
            locs.append(cit.locator)
        lines.append(f"- Phần nội dung kế hoạch ({', '.join(dict.fromkeys(locs))}): "
                     + " ".join(c[2] for c in chosen))
    else:
        lines.append("- Phần nội dung kế hoạch: không thấy câu nào nói về việc này.")
    if rows:
        lines.append("- Phụ lục nhiệm vụ:")
        for task in rows:
            lines.append("  " + render_task(plan, task, query.fields).replace("\n", "\n  "))
            citations.append(task_citation(plan, task))
            citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
    else:
        lines.append("- Phụ lục nhiệm vụ: không có dòng nào về việc này.")
    return Answer("\n".join(lines), False, citations, "extractive", list(citations), query)
