"""The "Kế hoạch" page: loaded plans with metadata and task counts, upload, removal."""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from assistant.service import Assistant
from ingest.errors import MAX_BYTES, CchcError
from ingest.model import Plan
from ui import resources
from ui.highlight import md_escape
from ui.resources import Engine

NOTICE_KEY = "plans_notice"
UPLOAD_KEY = "plans_upload"
UPLOAD_NONCE = "plans_upload_nonce"


def plans_table(plans: dict[str, Plan], labels: dict[str, str]) -> pd.DataFrame:
    """One row per plan: name, file, title, issuer, level, period, decision, date, signer, counts."""
    rows = []
    for doc, plan in plans.items():
        m = plan.metadata
        rows.append({
            "Kế hoạch": labels.get(doc, doc),
            "Tệp": doc,
            "Tiêu đề": m.title or plan.title or "",
            "Cơ quan ban hành": m.issuing_body or "",
            "Đơn vị": m.unit_name or "",
            "Cấp": m.level or "",
            "Kỳ": m.period.text or "",
            "Số quyết định": m.decision_number or "",
            "Ngày": m.date or "",
            "Người ký": m.signer or "",
            "Số nhiệm vụ": len(plan.tasks),
            "Số mục": len(plan.sections),
            "Cảnh báo": len(plan.warnings),
        })
    return pd.DataFrame(rows)


def _progress_callback(bar):
    def update(fraction: float, label: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=label)
    return update


def _show_notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    if not notice:
        return
    kind, text, details = notice
    (st.success if kind == "ok" else st.error)(text)
    if details:
        with st.expander(f"Cảnh báo khi đọc ({len(details)})"):
            for line in details:
                st.markdown(f"- {md_escape(line)}")


def _upload(assistant: Assistant) -> None:
    st.subheader("Nạp kế hoạch mới")
    st.caption("PDF, DOCX, TXT hoặc MD, tối đa 50 MB. Định dạng được kiểm tra theo nội dung tệp.")
    nonce = st.session_state.get(UPLOAD_NONCE, 0)
    uploaded = st.file_uploader("Chọn tệp kế hoạch", key=f"{UPLOAD_KEY}_{nonce}",
                                max_upload_size=MAX_BYTES // (1024 * 1024))
    if st.button("Nạp và lập chỉ mục", key="plans_add", icon=":material/upload_file:", disabled=uploaded is None):
        data = uploaded.getvalue()
        bar = st.progress(0.0, text="Bắt đầu")
        try:
            result = assistant.add_plan(data, uploaded.name, _progress_callback(bar))
        except CchcError as err:
            bar.empty()
            st.error(f"Không nạp được tệp: {err}")
            return
        resources.clear()
        n_tasks = len(result.plan.tasks)
        text = (f"Đã nạp {result.doc}: {n_tasks} nhiệm vụ, {len(result.plan.sections)} mục.")
        if n_tasks == 0:
            text += " Không tìm thấy bảng nhiệm vụ trong tệp này."
        st.session_state[NOTICE_KEY] = ("ok", text, result.warnings)
        st.session_state[UPLOAD_NONCE] = nonce + 1  # empty the uploader
        st.rerun()


def _remove(assistant: Assistant) -> None:
    st.subheader("Gỡ kế hoạch")
    names = [os.path.basename(p) for p in assistant.corpus_files()]
    if not names:
        st.caption("Kho chưa có tệp nào.")
        return
    doc = st.selectbox("Tệp cần gỡ", names, key="plans_remove_doc")
    sure = st.checkbox("Tôi chắc chắn muốn gỡ kế hoạch này khỏi kho và chỉ mục",
                       key="plans_remove_sure")
    if st.button("Gỡ kế hoạch", key="plans_remove", icon=":material/delete:", disabled=not sure):
        bar = st.progress(0.0, text="Bắt đầu")
        try:
            assistant.remove_plan(doc, _progress_callback(bar))
        except CchcError as err:
            bar.empty()
            st.error(f"Không gỡ được: {err}")
            return
        resources.clear()
        st.session_state[NOTICE_KEY] = ("ok", f"Đã gỡ {doc}.", [])
        st.session_state.pop("plans_remove_sure", None)
        st.rerun()


def render(engine: Engine | None, assistant: Assistant) -> None:
    """Draw the plans page; ``engine`` is ``None`` when there is no index yet; changes go
    through ``assistant`` (:meth:`assistant.service.Assistant.add_plan` / ``remove_plan``)."""
    st.header("Kế hoạch đã nạp")
    _show_notice()
    if engine is None or not engine.plans:
        st.info("Chưa có kế hoạch nào trong chỉ mục.")
    else:
        table = plans_table(engine.plans, engine.labels)
        st.dataframe(table, hide_index=True, width="stretch")
        errors = engine.store.manifest.get("errors") or {}
        for name, message in errors.items():
            st.warning(f"Tệp {name} trong kho không đọc được và không có trong chỉ mục: {message}")
        with_warnings = [(d, p) for d, p in engine.plans.items() if p.warnings]
        if with_warnings:
            with st.expander("Cảnh báo khi đọc các kế hoạch"):
                for doc, plan in with_warnings:
                    st.markdown(f"**{md_escape(engine.labels.get(doc, doc))}**")
                    for line in plan.warnings:
                        st.markdown(f"- {md_escape(line)}")
    st.caption(f"Kho tệp: `{assistant.corpus}` · Chỉ mục: `{assistant.home}`")
    _upload(assistant)
    _remove(assistant)
