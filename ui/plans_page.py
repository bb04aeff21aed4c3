"""The "Kế hoạch" page: loaded plans with metadata and task counts, upload, removal.

Messages name the user's own file ("Kế hoạch Tân Lập.docx"), never the
temporary or sanitised names. After an upload, a plan whose tasks and body
match a loaded one (:func:`ingest.plan_match.find_same_plan`: the same plan
in another format) is reported, with the choice to keep both or replace
the old file. Plans are listed and removed by their names; the removal's
confirmation box is new after every removal. Reading warnings are shown in
plain words with the row they concern (:func:`ui.warning_text.clerk_warning`).
Upload and removal ask for ``CCHC_APP_PASSWORD`` when it is set
(:mod:`ui.guard`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assistant.corpus import sanitize_filename
from assistant.service import Assistant
from ingest.errors import MAX_BYTES, CchcError
from ingest.model import Plan
from ingest.plan_match import find_same_plan
from ui import resources
from ui.guard import unlocked
from ui.highlight import md_escape
from ui.resources import Engine
from ui.warning_text import clerk_warning

NOTICE_KEY = "plans_notice"
UPLOAD_KEY = "plans_upload"
UPLOAD_NONCE = "plans_upload_nonce"
REMOVE_NONCE = "plans_remove_nonce"
SAME_KEY = "plans_same"
"""``(new doc, [same docs], user's file name)`` after an upload that repeats a loaded plan."""


def plans_table(plans: dict[str, Plan], labels: dict[str, str]) -> pd.DataFrame:
    """One row per plan: name, title, issuer, level, period, decision, date, signer, counts, file."""
    rows = []
    for doc, plan in plans.items():
        m = plan.metadata
        rows.append({
            "Kế hoạch": labels.get(doc, doc),
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
            "Tệp": doc,
        })
    return pd.DataFrame(rows)


def _progress_callback(bar: DeltaGenerator) -> Callable[[float, str], None]:
    """The indexer's ``progress(fraction, label)`` hook drawing on the Streamlit ``bar``."""
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


def user_message(err: Exception, name: str) -> str:
    """``str(err)`` with the temporary and sanitised file names replaced by the user's ``name``."""
    text = str(err)
    for kind in ("pdf", "docx", "text"):
        safe = sanitize_filename(name, kind)
        if safe != name:
            text = text.replace(safe, name)
    return text.replace("upload.bin", name)


def _upload(engine: Engine | None, assistant: Assistant) -> None:
    st.subheader("Nạp kế hoạch mới")
    st.caption("PDF, DOCX, TXT hoặc MD, tối đa 50 MB. Định dạng được kiểm tra theo nội dung tệp.")
    if not unlocked("nạp hoặc gỡ kế hoạch", "plans_guard", assistant.settings.app_password):
        return
    nonce = st.session_state.get(UPLOAD_NONCE, 0)
    uploaded = st.file_uploader("Chọn tệp kế hoạch", key=f"{UPLOAD_KEY}_{nonce}",
                                max_upload_size=MAX_BYTES // (1024 * 1024))
    if st.button("Nạp và lập chỉ mục", key="plans_add", icon=":material/upload_file:", disabled=uploaded is None) and uploaded is not None:
        data = uploaded.getvalue()
        bar = st.progress(0.0, text="Bắt đầu")
        try:
            result = assistant.add_plan(data, uploaded.name, _progress_callback(bar))
        except CchcError as err:
            bar.empty()
            st.error(f"Không nạp được tệp {uploaded.name}: {user_message(err, uploaded.name)}")
            return
        resources.clear()
        n_tasks = len(result.plan.tasks)
        text = (f"Đã nạp {uploaded.name}: {n_tasks} nhiệm vụ, {len(result.plan.sections)} mục.")
        if n_tasks == 0:
            text += " Không tìm thấy bảng nhiệm vụ trong tệp này."
        st.session_state[NOTICE_KEY] = ("ok", text, [clerk_warning(w, result.plan)
                                                     for w in result.warnings])
        same = find_same_plan(result.plan, engine.plans.values()) if engine else []
        if same:
            st.session_state[SAME_KEY] = (result.doc, same, uploaded.name)
        st.session_state[UPLOAD_NONCE] = nonce + 1  # empty the uploader
        st.rerun()


def _same_plan_choice(engine: Engine | None, assistant: Assistant) -> None:
    """After an upload that repeats a loaded plan: keep both, or replace the old file(s)."""
    pending = st.session_state.get(SAME_KEY)
    if not pending or engine is None:
        return
    new_doc, same, name = pending
    old = [d for d in same if d in engine.plans]
    if new_doc not in engine.plans or not old:
        st.session_state.pop(SAME_KEY, None)
        return
    olds = ", ".join(engine.labels.get(d, d) for d in old)
    st.warning(f"Tệp {name} là cùng kế hoạch với {olds} đã nạp (cùng nhiệm vụ và nội dung, "
               "khác định dạng tệp). Giữ cả hai sẽ làm mỗi câu trả lời trích hai lần.",
               icon=":material/content_copy:")
    c1, c2, _ = st.columns([1, 1, 2])
    if c1.button("Giữ cả hai", key="plans_same_keep"):
        st.session_state.pop(SAME_KEY, None)
        st.rerun()
    if c2.button("Thay bản cũ bằng bản mới", key="plans_same_replace", type="primary"):
        bar = st.progress(0.0, text="Bắt đầu")
        try:
            for doc in old:
                assistant.remove_plan(doc, _progress_callback(bar))
        except CchcError as err:
            bar.empty()
            st.error(f"Không gỡ được bản cũ: {err}")
            return
        resources.clear()
        st.session_state.pop(SAME_KEY, None)
        st.session_state[NOTICE_KEY] = ("ok", f"Đã thay {olds} bằng {name}.", [])
        st.rerun()


def _remove(engine: Engine | None, assistant: Assistant) -> None:
    st.subheader("Gỡ kế hoạch")
    names = [os.path.basename(p) for p in assistant.corpus_files()]
    if not names:
        st.caption("Kho chưa có tệp nào.")
        return
    if not unlocked("nạp hoặc gỡ kế hoạch", "plans_guard_remove", assistant.settings.app_password):
        return
    labels = engine.labels if engine else {}
    nonce = st.session_state.get(REMOVE_NONCE, 0)  # a new box after each removal
    doc = st.selectbox("Kế hoạch cần gỡ", names, key=f"plans_remove_doc_{nonce}",
                       format_func=lambda d: labels.get(d, f"{d} (chưa có trong chỉ mục)"))
    sure = st.checkbox(f"Tôi chắc chắn muốn gỡ “{labels.get(doc, doc)}” khỏi kho và chỉ mục",
                       key=f"plans_remove_sure_{nonce}_{doc}")
    if st.button("Gỡ kế hoạch", key="plans_remove", icon=":material/delete:", disabled=not sure):
        bar = st.progress(0.0, text="Bắt đầu")
        try:
            assistant.remove_plan(doc, _progress_callback(bar))
        except CchcError as err:
            bar.empty()
            st.error(f"Không gỡ được: {err}")
            return
        resources.clear()
        st.session_state[NOTICE_KEY] = ("ok", f"Đã gỡ {labels.get(doc, doc)}.", [])
        st.session_state[REMOVE_NONCE] = nonce + 1
        st.rerun()


def render(engine: Engine | None, assistant: Assistant) -> None:
    """Draw the plans page; ``engine`` is ``None`` when there is no index yet."""
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
                        st.markdown(f"- {md_escape(clerk_warning(line, plan))}")
    st.caption(f"Kho tệp: `{assistant.corpus}` · Chỉ mục: `{assistant.home}`")
    _same_plan_choice(engine, assistant)
    _upload(engine, assistant)
    _remove(engine, assistant)
