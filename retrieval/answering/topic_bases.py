"""The legal documents a plan names on one subject.

"KH Phú Thái căn cứ những nghị định nào về cơ chế tự chủ tài chính đơn vị sự
nghiệp công lập?", "TX dựa trên văn bản nào để thực hiện tự chủ tài chính?"
(:data:`retrieval.question.cues.BASIS_TOPIC`) ask the documents the plan
cites where it writes the subject, not its preamble's "Căn cứ …" list: the
body clauses and annex rows that name a document by its number ("theo Nghị
định số 60/2021/NĐ-CP …") scored by the subject's word pairs
(:mod:`retrieval.answering.subject`); the best, and those close to it, are
given with the documents they name. ``None`` when the subject is only the
plan itself ("căn cứ văn bản nào để thực hiện kế hoạch",
:func:`retrieval.answering.subject.is_subject`) or no such clause
writes it well (the caller lists the legal bases).
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten, task_citation
from retrieval.answering.subject import best_texts, is_subject, subject_terms, subject_weights
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import BASIS_TOPIC

__all__ = ["basis_topic", "named_documents", "topic_bases_answer"]

#: A clause is given when it scores at least this share of the best one.
KEEP_SHARE = 0.6
#: The best clause must write at least this share of the subject's weight.
MIN_COVER = 0.5
#: Characters quoted per clause; clauses given per plan, at most.
CLAUSE_CHARS, MAX_CLAUSES = 500, 4
#: A document named by its kind and number, its date when written ("Nghị định số
#: 60/2021/NĐ-CP ngày 21/6/2021", "Thông tư số 56/2022/TT-BTC"), on the text as written.
_DOCUMENT = re.compile(
    r"\b(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư(?: liên tịch)?|Kế hoạch|Chương trình|Luật)"
    r"\s+số\s*:?\s*\d+\s*/\s*[\w/.-]*[\wĐđ](?:\s+ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}| tháng \d{1,2} năm \d{4}))?",
    re.I)
#: A list item's own letter ("d) ", "đ) ").
_ITEM_MARK = re.compile(r"^[a-zđ]\)\s*", re.I)
#: Where a body paragraph's clauses end.
_CLAUSE_END = re.compile(r"(?<=[;])\s+|(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])")


def basis_topic(query: Query, names: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The subject of a legal basis asked on one subject, or ``None`` (none
    asked, or only the plan itself: :data:`_GENRE` and plan-name words)."""
    if query.task_refs:
        return None
    m = BASIS_TOPIC.search(query.key)
    if m is None:
        return None
    return m.group("topic") if is_subject(m.group("topic"), names, least=2) else None


def named_documents(text: str) -> list[str]:
    """The documents ``text`` names by number (:data:`_DOCUMENT`), each once, in order."""
    return list(dict.fromkeys(" ".join(m.group(0).split()) for m in _DOCUMENT.finditer(text)))


def _clauses(plan: Plan) -> list[tuple[str, int | None, str]]:
    """(locator, page, clause) of every body clause of ``plan`` that names a document by number."""
    found = []
    for section in plan.sections:
        where = f"mục {section.locator}" if section.locator else section.heading
        for para in section.paragraphs:
            for clause in _CLAUSE_END.split(para.text):
                if _DOCUMENT.search(clause):
                    found.append((where, para.page, _ITEM_MARK.sub("", clause.strip().lstrip("-+• ").strip())))
    return found


def topic_bases_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: the clauses and rows naming documents on the
    subject asked (module docstring), each with its documents and place.
    ``None`` when no plan writes the subject beside a numbered document."""
    topic = basis_topic(query, catalog.name_words)
    if topic is None:
        return None
    wanted = subject_terms(" ".join(w for w in topic.split() if w not in catalog.name_words))
    blocks: list[str] = []
    citations: list[Citation] = []
    for plan in plans:
        clauses = _clauses(plan)
        rows = [t for t in plan.tasks if t.content and _DOCUMENT.search(t.content)]
        texts = [c for _, _, c in clauses] + [t.content or "" for t in rows]
        weights = subject_weights(plan, wanted, [canon(t) for t in texts])
        best = best_texts(texts, weights)
        total = sum(weights.values())
        if not best or not total or best[0][0] < MIN_COVER * total:
            continue
        kept = [i for s, i in best if s >= KEEP_SHARE * best[0][0]][:MAX_CLAUSES]
        lines = [f"{plan_label(catalog, plan.doc)} – văn bản kế hoạch nêu về nội dung hỏi:"]
        for i in kept:
            documents = "; ".join(named_documents(texts[i]))
            if i < len(clauses):
                where, page, text = clauses[i]
                lines.append(f"- {documents} ({where}): {shorten(text, CLAUSE_CHARS)}")
                citations.append(Citation(plan.doc, plan_title(plan), where, page, shorten(text, CLAUSE_CHARS)))
            else:
                row = rows[i - len(clauses)]
                lines.append(f"- {documents} (phụ lục, {row.label}): {shorten(row.content, CLAUSE_CHARS)}")
                citations.append(task_citation(plan, row))
        blocks.append("\n".join(lines))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "extractive", list(citations), query)


