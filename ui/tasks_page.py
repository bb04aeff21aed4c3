"""The "Nhiệm vụ" page: every task in one table, filters, the due-soon and overdue views,
exports, charts.

A period filter means what the chat means by default: "Quý I/2026" lists the
tasks whose deadline falls in that quarter (:func:`ingest.deadline.due_in_period`,
the rule of :func:`retrieval.answering.tasks.matches`); "Đang thực hiện trong
kỳ" is the separate overlap reading (:func:`ingest.deadline.due_overlaps`).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from ingest.deadline import QUARTER_ROMAN
from tracking.progress import tracked
from tracking.store import StatusStore, store_exists
from ui.due import RECURRENCE_LABELS
from ui.exports import to_csv_bytes, to_xlsx_bytes
from ui.resources import Engine
from ui.tasks_data import (
    PERIOD_DUE,
    PERIOD_RUNNING,
    TaskFilter,
    apply_filters,
    matching_units,
    overdue,
    per_month,
    per_unit,
    shown_columns,
    upcoming,
)

ROMAN = QUARTER_ROMAN
ALL = 0
"""The "Tất cả" choice of the year, quarter and month boxes (0, not ``None``:
a ``None`` value makes Streamlit show its own placeholder after a rerun)."""
VIEW_ALL = "Tất cả"
VIEW_SOON = "Sắp đến hạn"
VIEW_LATE = "Quá hạn"
PERIOD_LABELS = {PERIOD_DUE: "Đến hạn trong kỳ", PERIOD_RUNNING: "Đang thực hiện trong kỳ"}
"""Period modes (:data:`ui.tasks_data.PERIOD_DUE`/``PERIOD_RUNNING``) and their labels."""
FILTER_KEYS = ("tasks_plans", "tasks_units", "tasks_unit_text", "tasks_year", "tasks_quarter",
               "tasks_month", "tasks_period_mode", "tasks_recurrence", "tasks_text",
               "tasks_view", "tasks_ref", "tasks_days", "tasks_ended")
"""Widget keys of the filters, kept while the user is on another page."""
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _years(frame: pd.DataFrame) -> list[int]:
    years: set[int] = set()
    for due in frame["_due"]:
        for value in (due.start, due.end):
            if value:
                years.add(int(value[:4]))
    return sorted(years)


def _drop_stale(key: str, options: Collection[object]) -> None:
    """Forget picks of a widget that are no longer options (a plan was removed)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value is not None and value not in options:
        del st.session_state[key]


def read_filter(engine: Engine) -> TaskFilter:
    """Draw the filter widgets and return what the user picked.

    Every box starts on "Tất cả"; the lead unit can be picked from the list
    or typed (without diacritics, or as an abbreviation: "van phong", "tu
    phap", "VH-XH"), which also narrows the list.
    """
    frame = engine.tasks
    years = [ALL] + _years(frame)
    _drop_stale("tasks_plans", engine.plans)
    _drop_stale("tasks_year", years)
    c1, c2, c3 = st.columns([2, 1, 2])
    docs = c1.multiselect("Kế hoạch", list(engine.plans), key="tasks_plans",
                          format_func=lambda d: engine.labels.get(d, d),
                          placeholder="Tất cả kế hoạch", select_all=False)
    unit_text = c2.text_input("Tìm cơ quan chủ trì", key="tasks_unit_text",
                              placeholder="ví dụ: van phong, tu phap, VH-XH",
                              help="Gõ có dấu hoặc không dấu, hoặc viết tắt; "
                                   "khớp như trong Hỏi đáp.")
    options = matching_units(engine.units, unit_text)
    picked = [k for k in st.session_state.get("tasks_units", []) if k in engine.units]
    options.update({k: engine.units[k] for k in picked})  # keep what was picked
    _drop_stale("tasks_units", options)
    units = c3.multiselect("Cơ quan chủ trì", list(options), key="tasks_units",
                           format_func=lambda k: engine.units.get(k, k),
                           placeholder=("Tất cả đơn vị" if options else
                                        "Không có đơn vị khớp với tên đã gõ"),
                           select_all=False,
                           help="Các cách viết của cùng một đơn vị được gộp lại "
                                "(ví dụ \"Phòng VH-XH\" và \"Phòng Văn hóa - Xã hội\").")
    c3, c4, c5, c6, c7 = st.columns([1, 1, 1, 2, 2])
    year = c3.selectbox("Năm", years, key="tasks_year",
                        format_func=lambda y: "Tất cả" if y == ALL else str(y))
    if year == ALL:  # no year: the quarter and month boxes read "Tất cả" too
        st.session_state["tasks_quarter"] = st.session_state["tasks_month"] = ALL
    quarter = c4.selectbox("Quý", [ALL, 1, 2, 3, 4], key="tasks_quarter",
                           format_func=lambda q: "Tất cả" if q == ALL else f"Quý {ROMAN[q]}",
                           disabled=year == ALL)
    month = c5.selectbox("Tháng", [ALL] + list(range(1, 13)), key="tasks_month",
                         format_func=lambda m: "Tất cả" if m == ALL else f"Tháng {m}",
                         disabled=year == ALL)
    mode = c6.radio("Tính theo kỳ", list(PERIOD_LABELS), key="tasks_period_mode",
                    format_func=PERIOD_LABELS.get, disabled=year == ALL,
                    help="Đến hạn trong kỳ: thời hạn hoàn thành nằm trong kỳ (như Hỏi đáp). "
                         "Đang thực hiện trong kỳ: thời gian thực hiện có phần nằm trong kỳ.")
    recurrences = c7.multiselect("Lặp lại", list(RECURRENCE_LABELS), key="tasks_recurrence",
                                 format_func=lambda r: RECURRENCE_LABELS[r],
                                 placeholder="Tất cả", select_all=False)
    text = st.text_input("Tìm trong nhiệm vụ (có dấu hoặc không dấu)", key="tasks_text",
                         placeholder="ví dụ: so hoa ho so, dịch vụ công trực tuyến")
    return TaskFilter(docs=docs, units=units, unit_text="" if units else unit_text,
                      year=year or None,
                      quarter=(quarter or None) if year else None,
                      month=(month or None) if year else None,
                      period_mode=mode or PERIOD_DUE, recurrences=recurrences, text=text)


def _table(rows: pd.DataFrame, columns: list[str]) -> None:
    st.dataframe(
        rows[columns], hide_index=True, width="stretch",
        column_config={
            "Số": st.column_config.TextColumn(width="small"),
            "Nội dung": st.column_config.TextColumn(width="large"),
            "Chủ trì": st.column_config.TextColumn(width="medium"),
            "Thời hạn": st.column_config.TextColumn(width="medium"),
        },
    )


def _charts(rows: pd.DataFrame, engine: Engine) -> None:
    units = per_unit(rows, engine.units).head(15)
    months = per_month(rows)
    c1, c2 = st.columns(2)
    with c1:
        st.markdown("**Số nhiệm vụ theo cơ quan chủ trì**")
        if units.empty:
            st.caption("Không có dữ liệu.")
        else:
            chart = alt.Chart(units).mark_bar().encode(
                x=alt.X("Số nhiệm vụ:Q", title="Số nhiệm vụ"),
                y=alt.Y("Chủ trì:N", sort="-x", title=None,
                        axis=alt.Axis(labelLimit=260)),
                tooltip=["Chủ trì", "Số nhiệm vụ"],
            )
            st.altair_chart(chart, width="stretch")
    with c2:
        st.markdown("**Số nhiệm vụ theo tháng đến hạn**")
        if months.empty:
            st.caption("Không có nhiệm vụ có ngày hạn.")
        else:
            chart = alt.Chart(months).mark_bar().encode(
                x=alt.X("Tháng:O", title="Tháng (năm-tháng)"),
                y=alt.Y("Số nhiệm vụ:Q", title="Số nhiệm vụ"),
                tooltip=["Tháng", "Số nhiệm vụ"],
            )
            st.altair_chart(chart, width="stretch")
        st.caption("Tính theo ngày kết thúc của thời hạn; nhiệm vụ thường xuyên/không có "
                   "ngày không được tính.")


def _statuses(engine: Engine) -> dict[tuple[str, str], str]:
    """The recorded task statuses ``{(doc, key): code}`` (``{}`` before any was recorded)."""
    home = engine.assistant.home
    if not store_exists(home):
        return {}
    with StatusStore(home) as store:
        return {(doc, key): s.status for doc, tp in tracked(engine.store, store).items()
                for key, s in tp.statuses.items()}


def _view(rows: pd.DataFrame, engine: Engine) -> tuple[pd.DataFrame, list[str]]:
    """The rows of the chosen view and the view's own columns."""
    view = st.radio("Chế độ xem", [VIEW_ALL, VIEW_SOON, VIEW_LATE], horizontal=True,
                    key="tasks_view")
    if view == VIEW_ALL:
        return rows, []
    c1, c2, c3 = st.columns([1, 1, 2])
    ref = c1.date_input("Tính đến ngày", value=date.today(), key="tasks_ref",
                        format="DD/MM/YYYY")
    ended = c3.checkbox("Gồm cả kế hoạch đã hết kỳ", key="tasks_ended",
                        help="Mặc định chỉ tính các kế hoạch còn trong kỳ thực hiện.")
    if view == VIEW_LATE:
        st.caption("Nhiệm vụ chưa hoàn thành (theo trang Tiến độ) đã qua thời hạn; nhiệm vụ "
                   "thường xuyên, hàng quý, hàng tháng không có một hạn duy nhất nên xem ở "
                   "\"Sắp đến hạn\".")
        return overdue(rows, ref, ended, _statuses(engine)), ["Hạn", "Quá (ngày)"]
    days = c2.radio("Trong vòng", [30, 90], horizontal=True, key="tasks_days",
                    format_func=lambda d: f"{d} ngày")
    st.caption("Nhiệm vụ lặp lại (hàng năm/quý/tháng) tính theo lần đến hạn kế tiếp trong "
               "kỳ của kế hoạch; nhiệm vụ \"thường xuyên\" không có hạn nên không hiện ở đây.")
    return upcoming(rows, ref, days, ended), ["Hạn kế tiếp", "Còn (ngày)"]


def render(engine: Engine) -> None:
    """Draw the task browser for the loaded ``engine``."""
    st.header("Danh sách nhiệm vụ")
    if engine.tasks.empty:
        st.info("Chưa có nhiệm vụ nào: các kế hoạch đã nạp không có bảng nhiệm vụ.")
        return
    flt = read_filter(engine)
    rows, extra = _view(apply_filters(engine.tasks, flt), engine)
    columns = shown_columns(rows, extra)

    st.markdown(f"**{len(rows)}** / {len(engine.tasks)} nhiệm vụ")
    _table(rows, columns)
    # The files are built in this run, so the buttons never point at bytes
    # that have expired; they hold the columns on screen.
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button("Tải CSV", data=to_csv_bytes(rows, columns), file_name="nhiem_vu.csv",
                       mime="text/csv", key="tasks_csv", icon=":material/download:",
                       on_click="ignore")
    c2.download_button("Tải Excel (XLSX)", data=to_xlsx_bytes(rows, columns),
                       file_name="nhiem_vu.xlsx", mime=XLSX_MIME, key="tasks_xlsx",
                       icon=":material/download:", on_click="ignore")
    _charts(rows, engine)
