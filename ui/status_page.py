"""The "Tiến độ" page: task statuses of a plan — edit (one form per task),
"Quá hạn", progress per section and lead unit (charts), the audit list,
the review list of a revised plan, and the status spreadsheet (download
and import).

Statuses are read from and written to :class:`tracking.store.StatusStore`
under the index folder; nothing here is cached, so a change made in the
CLI shows on the next run of the page.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from tracking.model import (
    DONE,
    OPEN_STATUSES,
    STATUS_LABELS,
    StatusError,
    TaskStatus,
    validated,
)
from tracking.progress import TaskProgress, TrackedPlan, count_statuses, lead_groups, summary, tracked
from tracking.store import StatusStore, default_user
from tracking.xlsx import ImportRowsError, import_xlsx, write_status_xlsx
from ui.due import next_deadline
from ui.resources import Engine
from ui.units import split_units, unit_key

PLAN_KEY, TASK_KEY, WHO_KEY = "status_plan", "status_task", "status_who"
VALUE_KEY, DATE_KEY, REASON_KEY = "status_value", "status_date", "status_reason"
NOTE_KEY, EVIDENCE_KEY, UNIT_KEY = "status_note", "status_evidence", "status_unit"
OVERDUE_KEY, NOTICE_KEY, UPLOAD_KEY = "status_overdue_only", "status_notice", "status_upload"
RELOAD_KEY = "status_reload_form"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS_COLORS = {"đã hoàn thành": "#2e7d32", "đang thực hiện": "#f9a825",
                 "chưa thực hiện": "#9e9e9e", "không thực hiện": "#6d4c41"}


def _task_option(tp: TrackedPlan, key: str) -> str:
    task = tp.plan.tasks[tp.keys.index(key)]
    number = task.number or f"{task.part_of} (dòng con)"
    text = (task.content or "").lstrip("-+• ")
    return f"{number} – {text[:90]}"


def _load_form(tp: TrackedPlan) -> None:
    """Put the chosen task's stored status into the form widgets."""
    st_ = tp.statuses.get(st.session_state.get(TASK_KEY) or "", TaskStatus())
    st.session_state[VALUE_KEY] = st_.status
    st.session_state[DATE_KEY] = date.fromisoformat(st_.completed_on) if st_.completed_on else None
    st.session_state[REASON_KEY] = st_.reason or ""
    st.session_state[NOTE_KEY] = st_.note or ""
    st.session_state[EVIDENCE_KEY] = st_.evidence or ""


def _next(row: TaskProgress, today: date) -> str:
    """The next deadline of a task still to do (:func:`ui.due.next_deadline`), as dd/mm/yyyy."""
    if row.status.status not in OPEN_STATUSES:
        return ""
    nxt = next_deadline(row.task.due, today, row.task.deadline)
    return f"{nxt:%d/%m/%Y}" if nxt else ""


def status_frame(tp: TrackedPlan, today: date) -> pd.DataFrame:
    """One row per task: Số, Mục, Nội dung, Chủ trì, Thời hạn, Hạn kế tiếp (open tasks), Trạng thái,
    Ngày hoàn thành, Quá hạn, Ghi chú, Minh chứng, Cập nhật (who and when)."""
    rows = []
    for r in tp.rows(today):
        s = r.status
        rows.append({
            "Số": r.task.number or f"{r.task.part_of} (dòng con)",
            "Mục": r.task.section or "",
            "Nội dung": r.task.content or "",
            "Chủ trì": r.task.lead or "",
            "Thời hạn": r.task.deadline or "",
            "Hạn kế tiếp": _next(r, today),
            "Trạng thái": s.label,
            "Ngày hoàn thành": s.completed_on or "",
            "Quá hạn": "Quá hạn" if r.overdue else "",
            "Ghi chú": "; ".join(x for x in (s.reason and f"Lý do: {s.reason}", s.note) if x),
            "Minh chứng": s.evidence or "",
            "Cập nhật": f"{s.updated_by or ''} {s.updated_at or ''}".strip(),
        })
    return pd.DataFrame(rows)


def _form(tp: TrackedPlan, store: StatusStore, keys: list[str]) -> None:
    """The form for one task of ``keys`` (the tasks of the chosen unit)."""
    st.subheader("Cập nhật trạng thái")
    if not keys:
        st.caption("Không có nhiệm vụ nào theo bộ lọc.")
        return
    if st.session_state.pop(RELOAD_KEY, False) and st.session_state.get(TASK_KEY) in keys:
        _load_form(tp)  # show what was stored (e.g. the completion date filled in)
    if st.session_state.get(TASK_KEY) not in keys:
        st.session_state[TASK_KEY] = keys[0]
        _load_form(tp)
    st.selectbox("Nhiệm vụ", keys, key=TASK_KEY, format_func=lambda k: _task_option(tp, k),
                 on_change=_load_form, args=(tp,))
    c1, c2 = st.columns(2)
    c1.selectbox("Trạng thái", list(STATUS_LABELS), key=VALUE_KEY, format_func=lambda c: STATUS_LABELS[c])
    c2.date_input("Ngày hoàn thành (khi đã hoàn thành)", key=DATE_KEY, format="DD/MM/YYYY",
                  max_value=date.today())
    st.text_input("Lý do (bắt buộc khi không thực hiện)", key=REASON_KEY)
    c3, c4 = st.columns(2)
    c3.text_input("Ghi chú", key=NOTE_KEY)
    c4.text_input("Minh chứng (số văn bản, tệp)", key=EVIDENCE_KEY)
    if st.button("Lưu trạng thái", key="status_save", type="primary", icon=":material/save:"):
        code = st.session_state[VALUE_KEY]
        day = st.session_state[DATE_KEY]
        if code == DONE and day is None:
            day = date.today()
        try:
            status = validated(code, reason=st.session_state[REASON_KEY] or None,
                               completed_on=day if code == DONE else None,
                               note=st.session_state[NOTE_KEY] or None,
                               evidence=st.session_state[EVIDENCE_KEY] or None)
        except StatusError as err:
            st.error(f"Không lưu được: {err}")
            return
        key = st.session_state[TASK_KEY]
        changed = store.set(tp.plan_id, tp.plan, key, status, who=st.session_state.get(WHO_KEY) or None)
        st.session_state[RELOAD_KEY] = True
        st.session_state[NOTICE_KEY] = (f"Đã lưu: {_task_option(tp, key)[:60]} – {status.label}"
                                        if changed else "Không có gì thay đổi.")
        st.rerun()


def _chart(items: list[dict], title: str) -> None:
    st.markdown(f"**{title}**")
    rows = [{"Nhóm": it["group"], "Trạng thái": label, "Số nhiệm vụ": it[code]}
            for it in items for code, label in STATUS_LABELS.items() if it[code]]
    if not rows:
        st.caption("Không có dữ liệu.")
        return
    chart = alt.Chart(pd.DataFrame(rows)).mark_bar().encode(
        x=alt.X("sum(Số nhiệm vụ):Q", title="Số nhiệm vụ"),
        y=alt.Y("Nhóm:N", sort=None, title=None, axis=alt.Axis(labelLimit=280)),
        color=alt.Color("Trạng thái:N", scale=alt.Scale(domain=list(STATUS_COLORS),
                                                        range=list(STATUS_COLORS.values()))),
        tooltip=["Nhóm", "Trạng thái", "Số nhiệm vụ"],
    )
    st.altair_chart(chart, width="stretch")


def _summary_table(items: list[dict], first: str) -> pd.DataFrame:
    return pd.DataFrame([{first: it["group"], "Tổng": it["total"],
                          **{label: it[code] for code, label in STATUS_LABELS.items()},
                          "Quá hạn": it["overdue"]} for it in items])


def _audit(store: StatusStore, tp: TrackedPlan) -> None:
    entries = store.audit(tp.plan_id, limit=200)
    with st.expander(f"Lịch sử cập nhật ({len(entries)})"):
        if not entries:
            st.caption("Chưa có thay đổi nào.")
            return
        names = {k: _task_option(tp, k) for k in tp.keys}
        actions = {"set": "cập nhật", "import": "nhập từ XLSX", "carry": "giữ từ bản trước"}
        st.dataframe(pd.DataFrame([{
            "Thời điểm (UTC)": e.at, "Người": e.who or "", "Thao tác": actions.get(e.action, e.action),
            "Nhiệm vụ": names.get(e.task_key or "", e.task_key or ""),
            "Thay đổi": "; ".join(f"{f}: {STATUS_LABELS.get(o, o) or '—'} → {STATUS_LABELS.get(n, n) or '—'}"
                                  for f, (o, n) in e.changes.items() if f != "from"),
        } for e in entries]), hide_index=True, width="stretch")


def _spreadsheet(plans: dict[str, TrackedPlan], tp: TrackedPlan, store: StatusStore) -> None:
    st.subheader("Bảng trạng thái (Excel)")
    c1, c2 = st.columns(2)
    # Bytes built in this run: a deferred file can expire before the click (issue 12).
    c1.download_button("Tải bảng trạng thái (XLSX)", data=_xlsx(tp),
                       file_name="trang_thai_nhiem_vu.xlsx", mime=XLSX_MIME, key="status_xlsx",
                       icon=":material/download:", on_click="ignore")
    upload = c2.file_uploader("Nhập lại bảng đã điền", type=["xlsx"], key=UPLOAD_KEY)
    if upload is not None and c2.button("Nhập trạng thái", key="status_import"):
        try:
            changed = import_xlsx(upload, list(plans.values()), store,
                                  who=st.session_state.get(WHO_KEY) or None)
        except ImportRowsError as err:
            st.error("Không nhập được (không ghi gì):\n\n" + "\n".join(f"- {e}" for e in err.errors))
            return
        st.session_state[NOTICE_KEY] = f"Đã nhập: {changed} nhiệm vụ thay đổi trạng thái."
        st.rerun()


def _xlsx(tp: TrackedPlan) -> bytes:
    import io

    buf = io.BytesIO()
    write_status_xlsx([tp], buf)
    return buf.getvalue()


def render(engine: Engine) -> None:
    """Draw the progress page for the loaded ``engine``."""
    st.header("Tiến độ thực hiện nhiệm vụ")
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice)
    docs = [d for d, p in engine.plans.items() if p.tasks]
    if not docs:
        st.info("Các kế hoạch đã nạp không có bảng nhiệm vụ.")
        return
    with StatusStore(engine.assistant.home) as store:
        plans = tracked(engine.store, store)
        c1, c2 = st.columns([3, 1])
        doc = c1.selectbox("Kế hoạch", docs, key=PLAN_KEY, format_func=lambda d: engine.labels.get(d, d))
        if WHO_KEY not in st.session_state:
            st.session_state[WHO_KEY] = default_user()
        c2.text_input("Người cập nhật", key=WHO_KEY)
        tp = plans[doc]
        review = store.review(tp.plan_id)
        if review:
            st.warning(f"Kế hoạch đã được sửa đổi: {len(review)} trạng thái của bản trước không khớp "
                       "nhiệm vụ nào, cần xem lại.")
            st.dataframe(pd.DataFrame([{"Số (bản trước)": r.number or "", "Nội dung": r.content or "",
                                        "Trạng thái": STATUS_LABELS.get(r.status, r.status),
                                        "Ghi chú": r.note or ""} for r in review]),
                         hide_index=True, width="stretch")
        today = date.today()
        rows = tp.rows(today)
        c = count_statuses(rows)
        cols = st.columns(6)
        for col, (label, value) in zip(cols, [("Tổng số", c["total"])]
                                       + [(STATUS_LABELS[k].capitalize(), c[k]) for k in STATUS_LABELS]
                                       + [("Quá hạn", c["overdue"])]):
            col.metric(label, value)

        groups = lead_groups(rows)
        if st.session_state.get(UNIT_KEY) not in (None, *groups):  # another plan was chosen
            del st.session_state[UNIT_KEY]
        f1, f2 = st.columns([3, 1])
        unit = f1.selectbox("Đơn vị chủ trì", [None, *sorted(groups, key=lambda k: groups[k])], key=UNIT_KEY,
                            format_func=lambda k: "Tất cả" if k is None else groups.get(k, k),
                            help="Các cách viết của cùng một đơn vị được gộp lại.")
        overdue_only = f2.checkbox("Chỉ nhiệm vụ quá hạn", key=OVERDUE_KEY)
        keep = [(unit is None or unit in {unit_key(u) for u in split_units(r.task.lead)})
                and (not overdue_only or r.overdue) for r in rows]
        _form(tp, store, [r.key for r, k in zip(rows, keep) if k])

        st.subheader("Danh sách nhiệm vụ")
        frame = status_frame(tp, today)
        shown = frame[keep]
        st.markdown(f"**{len(shown)}** / {len(frame)} nhiệm vụ")
        st.dataframe(shown, hide_index=True, width="stretch",
                     column_config={"Nội dung": st.column_config.TextColumn(width="large")})

        st.subheader("Tiến độ theo mục và theo đơn vị chủ trì")
        by_section, by_lead = summary(rows, "section"), summary(rows, "lead")
        g1, g2 = st.columns(2)
        with g1:
            _chart(by_section, "Theo mục của kế hoạch")
        with g2:
            _chart(by_lead, "Theo cơ quan chủ trì")
        st.dataframe(_summary_table(by_section, "Mục"), hide_index=True, width="stretch")
        st.dataframe(_summary_table(by_lead, "Cơ quan chủ trì"), hide_index=True, width="stretch")
        if len(plans) > 1:
            all_rows = [r for p in plans.values() for r in p.rows(today)]
            by_plan = summary(all_rows, "plan")
            for item in by_plan:
                item["group"] = engine.labels.get(item["group"], item["group"])
            st.dataframe(_summary_table(by_plan, "Kế hoạch"), hide_index=True, width="stretch")
        _audit(store, tp)
        _spreadsheet(plans, tp, store)


__all__ = ["render", "status_frame"]
