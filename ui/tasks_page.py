"""The "Nhiệm vụ" page: every task in one table, filters, the due-soon view, exports, charts."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from ingest.deadline import QUARTER_ROMAN
from ui.due import RECURRENCE_LABELS
from ui.exports import to_csv_bytes, to_xlsx_bytes
from ui.resources import Engine
from ui.tasks_data import (
    DISPLAY_COLUMNS,
    TaskFilter,
    apply_filters,
    per_month,
    per_unit,
    upcoming,
)

ROMAN = QUARTER_ROMAN
VIEW_ALL = "Tất cả"
VIEW_SOON = "Sắp đến hạn"
FILTER_KEYS = ("tasks_plans", "tasks_units", "tasks_year", "tasks_quarter", "tasks_month",
               "tasks_recurrence", "tasks_text", "tasks_view", "tasks_ref", "tasks_days")
"""Widget keys of the filters, kept while the user is on another page."""
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _years(frame: pd.DataFrame) -> list[int]:
    years: set[int] = set()
    for due in frame["_due"]:
        for value in (due.start, due.end):
            if value:
                years.add(int(value[:4]))
    return sorted(years)


def _drop_stale(key: str, options) -> None:
    """Forget picks of a widget that are no longer options (a plan was removed)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value is not None and value not in options:
        del st.session_state[key]


def read_filter(engine: Engine) -> TaskFilter:
    """Draw the filter widgets and return what the user picked."""
    frame = engine.tasks
    _drop_stale("tasks_plans", engine.plans)
    _drop_stale("tasks_units", engine.units)
    _drop_stale("tasks_year", [None] + _years(frame))
    c1, c2 = st.columns(2)
    docs = c1.multiselect("Kế hoạch", list(engine.plans), key="tasks_plans",
                          format_func=lambda d: engine.labels.get(d, d),
                          placeholder="Tất cả kế hoạch")
    units = c2.multiselect("Cơ quan chủ trì", list(engine.units), key="tasks_units",
                           format_func=lambda k: engine.units.get(k, k),
                           placeholder="Tất cả đơn vị",
                           help="Các cách viết của cùng một đơn vị được gộp lại "
                                "(ví dụ \"Phòng VH-XH\" và \"Phòng Văn hóa - Xã hội\").")
    c3, c4, c5, c6 = st.columns([1, 1, 1, 2])
    year = c3.selectbox("Năm đến hạn", [None] + _years(frame), key="tasks_year",
                        format_func=lambda y: "Tất cả" if y is None else str(y))
    quarter = c4.selectbox("Quý", [None, 1, 2, 3, 4], key="tasks_quarter",
                           format_func=lambda q: "Tất cả" if q is None else f"Quý {ROMAN[q]}",
                           disabled=year is None)
    month = c5.selectbox("Tháng", [None] + list(range(1, 13)), key="tasks_month",
                         format_func=lambda m: "Tất cả" if m is None else f"Tháng {m}",
                         disabled=year is None)
    recurrences = c6.multiselect("Lặp lại", list(RECURRENCE_LABELS), key="tasks_recurrence",
                                 format_func=lambda r: RECURRENCE_LABELS[r],
                                 placeholder="Mọi loại")
    text = st.text_input("Tìm trong nhiệm vụ (có dấu hoặc không dấu)", key="tasks_text",
                         placeholder="ví dụ: so hoa ho so, dịch vụ công trực tuyến")
    return TaskFilter(docs=docs, units=units, year=year,
                      quarter=quarter if year else None, month=month if year else None,
                      recurrences=recurrences, text=text)


def _table(rows: pd.DataFrame, extra: list[str]) -> None:
    st.dataframe(
        rows[extra + DISPLAY_COLUMNS], hide_index=True, width="stretch",
        column_config={
            "Nội dung": st.column_config.TextColumn(width="large"),
            "Số": st.column_config.TextColumn(width="small"),
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


def render(engine: Engine) -> None:
    """Draw the task browser for the loaded ``engine``."""
    st.header("Danh sách nhiệm vụ")
    if engine.tasks.empty:
        st.info("Chưa có nhiệm vụ nào: các kế hoạch đã nạp không có bảng nhiệm vụ.")
        return
    flt = read_filter(engine)
    rows = apply_filters(engine.tasks, flt)

    view = st.radio("Chế độ xem", [VIEW_ALL, VIEW_SOON], horizontal=True, key="tasks_view")
    extra: list[str] = []
    if view == VIEW_SOON:
        c1, c2 = st.columns(2)
        ref = c1.date_input("Tính từ ngày", value=date.today(), key="tasks_ref",
                            format="DD/MM/YYYY")
        days = c2.radio("Trong vòng", [30, 90], horizontal=True, key="tasks_days",
                        format_func=lambda d: f"{d} ngày")
        rows = upcoming(rows, ref, days)
        extra = ["Hạn kế tiếp", "Còn (ngày)"]
        st.caption("Nhiệm vụ lặp lại (hàng năm/quý/tháng) tính theo lần đến hạn kế tiếp; "
                   "nhiệm vụ \"thường xuyên\" không có hạn nên không hiện ở đây.")

    st.markdown(f"**{len(rows)}** / {len(engine.tasks)} nhiệm vụ")
    _table(rows, extra)
    c1, c2, _ = st.columns([1, 1, 3])
    # Files are built only when a button is clicked (callables).
    c1.download_button("Tải CSV", data=lambda: to_csv_bytes(rows), file_name="nhiem_vu.csv",
                       mime="text/csv", key="tasks_csv", icon=":material/download:")
    c2.download_button("Tải Excel (XLSX)", data=lambda: to_xlsx_bytes(rows),
                       file_name="nhiem_vu.xlsx", mime=XLSX_MIME, key="tasks_xlsx",
                       icon=":material/download:")
    _charts(rows, engine)
