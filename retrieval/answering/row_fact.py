"""A header-like fact asked of a task row named by its content, not of the
plan: "đề án hồ sơ địa chính theo QĐ số mấy?", "việc rà soát, sắp xếp, tinh
gọn bộ máy thực hiện theo kế hoạch số mấy của UBND thành phố?" (the document
the row cites, in any of its cells), "quy chế quản lý tài sản công phải ban
hành khi nào?" (the row's deadline, not the plan's signing day).

The cue that asks the fact is taken out of the question and what is left is
looked up among the task rows (:func:`retrieval.answering.lookup.lookup_rows`).
The question is a row's when rows are found and

* a document's number is asked and every row found cites one
  (:func:`cites_document`: "theo Nghị định số …", "Kế hoạch số 310/KH-UBND");
* an issuing day is asked, the question names something besides the plan's
  own title ("kế hoạch CCHC năm 2026 ban hành khi nào" is the plan's), and no
  row found is the row issuing the plan itself
  (:func:`retrieval.answering.meta.issuing_row`).

Otherwise ``None``: the plan's own header fact is asked.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from ingest.lexicon import canon
from ingest.model import Plan, Task
from retrieval.answering.lookup import cites_document, lookup_rows
from retrieval.answering.meta import issuing_row
from retrieval.answering.rows import sub_rows
from retrieval.query import Intent, Query
from retrieval.question.cues import DOC_FOLLOWED_ASKED, DOC_KINDS, DOC_NUMBER_ASKED, META_CUES
from retrieval.question.selection import topic_words

__all__ = ["asks_row_document", "asks_row_date", "row_fact_query"]

#: "theo", "căn cứ", "thực hiện theo" before the document asked: how the row cites it.
_CITED_BY = re.compile(r"\b(?:(?:thuc hien |trien khai )?theo|can cu(?: vao)?|dua tren|dua vao)\s*$")


#: The author named after the document asked ("… số mấy của UBND thành phố …"): the rest of the key.
_AUTHOR = re.compile(r"^\s*cua\b.*$")
#: A document's kind ("quyết định", "kế hoạch" …), which describes no row.
_DOC_KIND = re.compile(r"\b" + DOC_KINDS + r"\b")


def asks_row_document(query: Query) -> bool:
    """True when ``query`` (no row number) asks a document's number or the
    document it follows ("theo QĐ số mấy", "theo kế hoạch số mấy", "nghị định
    số nào", "căn cứ quyết định nào")."""
    return not query.task_refs and (query.meta == "decision" or bool(DOC_NUMBER_ASKED.search(query.key))
                                    or bool(DOC_FOLLOWED_ASKED.search(query.key)))


def asks_row_date(query: Query) -> bool:
    """True when ``query`` (no row number) asks an issuing day only ("… ban hành khi nào")."""
    return not query.task_refs and query.metas == ["date"]


def _without_document_asked(key: str) -> str:
    """``key`` without the document number asked and the word citing it
    ("theo kế hoạch số mấy", "theo QĐ số mấy"): what describes the row."""
    for pattern in (dict(META_CUES)["decision"], DOC_FOLLOWED_ASKED, DOC_NUMBER_ASKED):
        while (m := pattern.search(key)) is not None:
            head = _CITED_BY.sub(" ", key[:m.start()])
            # "… của UBND thành phố", "… của TP Hải Phòng" after it: the document's author
            key = f"{head} {_AUTHOR.sub(' ', key[m.end():])}"
    return " ".join(key.split())


def _cites(plan: Plan, task: Task) -> bool:
    """Does the row ``task`` or one of its sub-rows cite a document by number?"""
    return any(cites_document(t) for t in (task, *sub_rows(plan, task)))


def _beyond_title(plan: Plan, key: str, names: AbstractSet[str]) -> bool:
    """Does ``key`` name something besides ``plan``'s own title words ("kế
    hoạch cải cách hành chính nhà nước xã … năm 2026"), plan names
    (``names``: "NAP") and kinds of document ("quyết định")?"""
    title = set(canon(plan.metadata.title or "").split()) | {"ke", "hoach", "cai", "cach", "hanh", "chinh", "ban"}
    return any(w not in title and w not in names for w in topic_words(_DOC_KIND.sub(" ", key)))


def row_fact_query(query: Query, plans: list[Plan], names: AbstractSet[str]) -> Query | None:
    """The look-up of the row whose fact ``query`` asks (module docstring):
    ``query`` as a :data:`Intent.LOOKUP` of the rows, the fact's cue out of
    its key (the deadline asked for an issuing day), or ``None`` when the
    plan's own header fact is asked."""
    if asks_row_document(query):
        key = _without_document_asked(query.key)
        asked = replace(query, intent=Intent.LOOKUP, meta=None, metas=[], figure=False, key=key)
        rows = lookup_rows(plans, asked, names)
        if not rows or not all(_beyond_title(plan, key, names) for _, plan, _ in rows):
            return None  # "KH VK kèm theo QĐ số mấy": the plan's own decision
        return asked if all(_cites(plan, task) for _, plan, task in rows) else None
    if asks_row_date(query):
        key = " ".join(dict(META_CUES)["date"].sub(" ", query.key).split())
        fields = list(dict.fromkeys(["deadline", *query.fields]))
        asked = replace(query, intent=Intent.LOOKUP, meta=None, metas=[], figure=False, key=key, fields=fields)
        rows = lookup_rows(plans, asked, names)
        if not rows or not all(_beyond_title(plan, key, names) for _, plan, _ in rows):
            return None
        return asked if all(task is not issuing_row(plan) for _, plan, task in rows) else None
    return None
