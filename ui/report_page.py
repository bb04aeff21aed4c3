"""The "Báo cáo quý" page: the quarterly CCHC report drafted from the task
statuses (:mod:`tracking.report`) — pick plan, quarter and year, see the
figures, download the Word file and the log of what was filled from where."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from ingest.deadline import QUARTER_ROMAN
from tracking.model import CANCELLED, DONE, IN_PROGRESS, NOT_STARTED
from tracking.progress import tracked
from tracking.report import (
    CHANGELOG_HEADERS,
    build_report,
    report_bytes,
    report_changelog_csv,
    section_heading,
)
from tracking.store import StatusStore
from ui.resources import Engine

PLAN_KEY, QUARTER_KEY, YEAR_KEY = "report_plan", "report_quarter", "report_year"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(engine: Engine) -> None:
    """Draw the quarterly report page for the loaded ``engine``."""
    st.header("Báo cáo kết quả CCHC theo quý")
    docs = [d for d, p in engine.plans.items() if p.tasks]
    if not docs:
        st.info("Các kế hoạch đã nạp không có bảng nhiệm vụ.")
        return
    today = date.today()
    c1, c2, c3 = st.columns([3, 1, 1])
    doc = c1.selectbox("Kế hoạch", docs, key=PLAN_KEY, format_func=lambda d: engine.labels.get(d, d))
    st.session_state.setdefault(QUARTER_KEY, (today.month - 1) // 3 + 1)
    st.session_state.setdefault(YEAR_KEY, engine.plans[doc].year or today.year)
    quarter = c2.selectbox("Quý", [1, 2, 3, 4], key=QUARTER_KEY, format_func=lambda q: f"Quý {QUARTER_ROMAN[q]}")
    year = int(c3.number_input("Năm", min_value=2000, max_value=2100, step=1, key=YEAR_KEY))
    with StatusStore(engine.assistant.home) as store:
        tp = tracked(engine.store, store)[doc]
    report = build_report(tp, quarter, year, today)
    st.markdown(f"**{report.title}** — số liệu tính đến {report.as_of:%d/%m/%Y}")
    t = report.totals
    cols = st.columns(6)
    for col, (label, value) in zip(cols, [
            ("Tổng số", t["total"]), ("Đã hoàn thành", t[DONE]), ("Trong quý", report.done_in_quarter),
            ("Đang thực hiện", t[IN_PROGRESS]), ("Chưa thực hiện", t[NOT_STARTED]), ("Quá hạn", t["overdue"])]):
        col.metric(label, value)
    st.dataframe(pd.DataFrame([{
        "Mục": section_heading(s.name), "Tổng": s.counts["total"], "Đã hoàn thành": s.counts[DONE],
        "Hoàn thành trong quý": len(s.done_in_quarter), "Đang thực hiện": s.counts[IN_PROGRESS],
        "Chưa thực hiện": s.counts[NOT_STARTED], "Không thực hiện": s.counts[CANCELLED],
        "Quá hạn": s.counts["overdue"]} for s in report.sections]), hide_index=True, width="stretch")
    ny, nq = report.next_quarter
    st.caption(f"Phương hướng quý {QUARTER_ROMAN[nq]}/{ny}: {len(report.next_tasks)} nhiệm vụ chưa hoàn "
               "thành có thời hạn trong quý tới. Mục II (tồn tại, hạn chế) để trống cho cán bộ điền.")
    name = f"bao_cao_cchc_quy{quarter}_{year}"
    d1, d2 = st.columns(2)
    # Bytes built in this run: a deferred file can expire before the click (issue 12).
    d1.download_button("Tải báo cáo (Word)", data=report_bytes(report), file_name=f"{name}.docx",
                       mime=DOCX_MIME, key="report_docx", icon=":material/download:", type="primary",
                       on_click="ignore")
    d2.download_button("Tải nhật ký nguồn số liệu (CSV)",
                       data=report_changelog_csv(report).encode("utf-8-sig"),
                       file_name=f"{name}.changes.csv", mime="text/csv", key="report_log",
                       icon=":material/download:", on_click="ignore")
    with st.expander(f"Nguồn số liệu ({len(report.changes)} mục)"):
        st.dataframe(pd.DataFrame([(c.location, c.value, c.source) for c in report.changes],
                                  columns=CHANGELOG_HEADERS), hide_index=True, width="stretch")
