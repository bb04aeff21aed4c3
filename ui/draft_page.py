"""The "Soạn kế hoạch mới" page: next year's draft of a loaded plan, its change log, downloads.

The user picks a plan of the index and a target year; the page runs
:func:`drafting.shift.draft_plan`, shows the change log as a table (rows
marked "cần xem lại" shaded, with a switch to show only those), and offers
the draft as Word (:func:`drafting.docx_writer.docx_bytes`) and the change
log as CSV and Markdown (:mod:`drafting.changelog`). Drafts are cached per
index version, plan and year.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from drafting.changelog import (
    HEADERS,
    changelog_csv,
    changelog_markdown,
    changelog_paths,
)
from drafting.docx_writer import docx_bytes
from drafting.shift import Draft, draft_plan
from ingest.model import Plan
from ui.guard import unlocked
from ui.highlight import md_escape
from ui.resources import Engine

DOC_KEY = "draft_doc"
YEAR_KEY = "draft_year"
REVIEW_ONLY_KEY = "draft_review_only"
REVIEW_COLUMN = "Lý do cần xem lại"
CHANGE_COLUMNS = HEADERS + [REVIEW_COLUMN]
"""Columns of :func:`changes_frame`: the change-log headers plus the review reason."""
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_REVIEW_FILL = "background-color: #fff3cd"


@dataclass(frozen=True)
class Download:
    """One download offered by the page: ``data()`` builds the file's bytes on demand."""

    key: str
    label: str
    file_name: str
    mime: str
    data: Callable[[], bytes]


def default_year(plan: Plan) -> int:
    """The year after the plan's period (2026 plan → 2027; "2021 - 2025" → 2026).

    Falls back on next calendar year when the period is unknown;
    :func:`drafting.shift.draft_plan` may then still find the year in the
    title, or report the problem.
    """
    period = plan.metadata.period
    last = period.end_year or period.start_year
    return last + 1 if last else date.today().year + 1


def changes_frame(draft: Draft) -> pd.DataFrame:
    """One row per change, in document order, columns :data:`CHANGE_COLUMNS`.

    ``Lý do cần xem lại`` is "" for a change that needs no review.
    """
    rows = []
    for change in draft.changes:
        d = change.to_dict()
        rows.append(dict(zip(CHANGE_COLUMNS,
                             (d["location"], d["old"], d["new"], d["rule"], d["status"],
                              d["review"]))))
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def draft_downloads(draft: Draft) -> list[Download]:
    """The Word draft and its change log (CSV with BOM, Markdown), named after the source file.

    ``001_x.docx`` drafted for 2027 → ``du_thao_2027_001_x.docx``,
    ``du_thao_2027_001_x.changes.csv`` and ``….changes.md``.
    """
    base = os.path.splitext(os.path.basename(draft.source.doc))[0] or "ke_hoach"
    docx_name = f"du_thao_{draft.target_year}_{base}.docx"
    md_name, csv_name = changelog_paths(docx_name)
    return [
        Download("draft_docx", "Tải dự thảo (DOCX)", docx_name, DOCX_MIME,
                 lambda: docx_bytes(draft)),
        Download("draft_log_csv", "Tải nhật ký thay đổi (CSV)", csv_name, "text/csv",
                 lambda: changelog_csv(draft).encode("utf-8-sig")),
        Download("draft_log_md", "Tải nhật ký thay đổi (MD)", md_name, "text/markdown",
                 lambda: changelog_markdown(draft).encode("utf-8")),
    ]


@st.cache_resource(show_spinner="Đang soạn dự thảo…", max_entries=16)
def _draft(index_root: str, doc: str, year: int, _plan: Plan) -> Draft:
    return draft_plan(_plan, year)


def _reset_year(engine: Engine) -> None:
    doc = st.session_state.get(DOC_KEY)
    if doc in engine.plans:
        st.session_state[YEAR_KEY] = default_year(engine.plans[doc])


def _choose(engine: Engine) -> tuple[str, int]:
    docs = list(engine.plans)
    if st.session_state.get(DOC_KEY) not in docs:
        st.session_state[DOC_KEY] = docs[0]
        st.session_state[YEAR_KEY] = default_year(engine.plans[docs[0]])
    st.session_state.setdefault(YEAR_KEY, default_year(engine.plans[st.session_state[DOC_KEY]]))
    c1, c2 = st.columns([3, 1])
    doc = c1.selectbox("Kế hoạch gốc", docs, key=DOC_KEY,
                       format_func=lambda d: engine.labels.get(d, d),
                       on_change=_reset_year, args=(engine,))
    year = c2.number_input("Năm của kế hoạch mới", min_value=2000, max_value=2100, step=1,
                           key=YEAR_KEY)
    return doc, int(year)


def _change_table(frame: pd.DataFrame, review_only: bool) -> None:
    rows = frame[frame[REVIEW_COLUMN] != ""] if review_only else frame
    # Status first so that review rows stand out without scrolling sideways.
    rows = rows[[HEADERS[4]] + HEADERS[:4] + [REVIEW_COLUMN]]
    styled = rows.style.apply(
        lambda row: [_REVIEW_FILL if row[REVIEW_COLUMN] else ""] * len(row), axis=1)
    medium = st.column_config.TextColumn(width="medium")
    st.dataframe(styled, hide_index=True, width="stretch",
                 column_config={c: medium for c in ("Vị trí", "Trước", "Sau", "Quy tắc")})


def render(engine: Engine) -> None:
    """Draw the drafting page for the loaded ``engine``."""
    st.header("Soạn kế hoạch mới")
    st.caption("Tạo dự thảo kế hoạch năm mới từ một kế hoạch đã nạp: năm của kế hoạch và "
               "thời hạn được dời theo năm mới; văn bản trích dẫn giữ nguyên; số, ngày ban "
               "hành và người ký để trống. Mọi thay đổi được liệt kê để rà soát.")
    if not engine.plans:
        st.info("Chưa có kế hoạch nào trong chỉ mục.")
        return
    if not unlocked("soạn kế hoạch mới", "draft_guard", engine.assistant.settings.app_password):
        return
    doc, year = _choose(engine)
    try:
        draft = _draft(engine.store.root, doc, year, engine.plans[doc])
    except ValueError as err:
        st.error(f"Không soạn được dự thảo: {err}")
        return

    st.markdown(f"**{md_escape(draft.source.title or doc)}** → "
                f"**{md_escape(draft.plan.title or '')}**")
    c1, c2, c3 = st.columns(3)
    c1.metric("Thay đổi", len(draft.changes))
    c2.metric("Cần xem lại", draft.review_count)
    c3.metric("Nhiệm vụ", len(draft.plan.tasks))
    if draft.review_count:
        st.warning(f"{draft.review_count} mục **cần xem lại** (tô vàng trong bảng): thời hạn "
                   "của nhiệm vụ một lần hoặc nhiều năm, mục tiêu nhiều năm, văn bản trích dẫn "
                   "mang năm cũ… Các mục này chưa được sửa tự động, cột \"Sau\" là đề xuất.")

    st.subheader("Nhật ký thay đổi")
    frame = changes_frame(draft)
    review_only = st.toggle("Chỉ hiện các mục cần xem lại", key=REVIEW_ONLY_KEY,
                            disabled=not draft.review_count)
    _change_table(frame, review_only)

    cols = st.columns(3)
    for col, item in zip(cols, draft_downloads(draft)):
        # The bytes are built in this run: a button never points at a file that
        # has expired on the server (deferred downloads failed on repeated clicks).
        col.download_button(item.label, data=item.data(), file_name=item.file_name,
                            mime=item.mime, key=item.key, icon=":material/download:",
                            on_click="ignore")
