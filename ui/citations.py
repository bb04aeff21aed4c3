"""Open a citation: the task row as a small table, or the passage with the question's words marked.

:func:`find_tasks` looks the cited row up in the plan model;
:func:`render_citation` draws one citation inside an expander.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from ingest.fields import FIELDS, label, short_label, task_number_text, task_section_text
from ingest.model import OCR_NOTE, Plan, Task
from retrieval.answering.model import Citation
from ui.highlight import highlight_answer_html

_TASK_LOCATOR = re.compile(r"^nhiệm vụ\s+(\S+?)(\s*\(dòng con\))?$")

TASK_FIELDS = [
    (short_label("number"), task_number_text),
    (label("section"), task_section_text),
    *((label(name), FIELDS[name].get)
      for name in ("objective", "content", "lead", "coordinating", "deadline", "recurrence",
                   "product")),
    (label("page"), lambda t: str(t.page) if t.page else None),
]
"""Rows of the task table: Vietnamese label and how to read it from a :class:`Task`."""


def find_tasks(plan: Plan | None, locator: str, quote: str = "") -> list[Task]:
    """The task rows a citation ``locator`` ("nhiệm vụ 22", "nhiệm vụ 24 (dòng con)") names.

    When the number occurs more than once in the plan, the row whose
    :func:`retrieval.answer.task_quote` equals ``quote`` is preferred.
    Returns ``[]`` for a locator that is not a task or a plan without it.
    """
    m = _TASK_LOCATOR.match((locator or "").strip())
    if plan is None or not m:
        return []
    number, sub = m.group(1), bool(m.group(2))
    if sub:
        rows = [t for t in plan.tasks if t.number is None and t.part_of == number]
    else:
        rows = [t for t in plan.tasks if t.number == number]
    if len(rows) > 1 and quote:
        from retrieval.answer import task_quote

        exact = [t for t in rows if task_quote(t) == quote]
        rows = exact or rows
    return rows


def task_table(task: Task) -> pd.DataFrame:
    """Two-column table ("Trường", "Giá trị") of the task's non-empty fields."""
    rows = [(label, get(task)) for label, get in TASK_FIELDS]
    return pd.DataFrame([(k, v) for k, v in rows if v], columns=["Trường", "Giá trị"])


def citation_title(index: int, citation: Citation, labels: dict[str, str]) -> str:
    """Expander label: "[1] Nam An Phụ (năm 2026) — nhiệm vụ 22 · trang 12"."""
    plan = labels.get(citation.doc, citation.title or citation.doc)
    page = f" · trang {citation.page}" if citation.page else ""
    if getattr(citation, "ocr", False):
        page += f" ({OCR_NOTE})"
    return f"[{index}] {plan} — {citation.locator}{page}"


def render_citation(citation: Citation, question: str, plans: dict[str, Plan], answer: str = "") -> None:
    """Draw one citation's source: task fields as a table, else the passage with the
    words that answer marked (:func:`ui.highlight.highlight_answer_html`); then a
    caption with the plan title, the place and, last, the file name."""
    plan = plans.get(citation.doc)
    title = citation.title or (plan.title if plan else None) or citation.doc
    tasks = find_tasks(plan, citation.locator, citation.quote)
    if tasks:
        for task in tasks[:1]:
            st.table(task_table(task).set_index("Trường"))
    else:
        st.markdown(
            f'<div class="cchc-quote">{highlight_answer_html(citation.quote, question, answer)}</div>',
            unsafe_allow_html=True,
        )
    page = f" · Trang {citation.page}" if citation.page else ""
    st.caption(f"Kế hoạch: {title} · Vị trí: {citation.locator}{page} · Tệp nguồn: {citation.doc}")
