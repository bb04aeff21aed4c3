"""Streamlit app: chat, task browser and plan management, in Vietnamese.

Run with ``streamlit run app.py`` (``make run`` indexes ``corpus/`` first).
Environment: ``CCHC_CORPUS`` (plan folder, default ``./corpus``),
``CCHC_HOME`` (index folder, default ``./.cchc``), plus the retrieval
settings (``CCHC_EMBEDDINGS``, ``CCHC_LLM`` …). Pages: "Hỏi đáp" (chat),
"Nhiệm vụ" (tasks), "Tiến độ" (task statuses, progress), "Báo cáo quý"
(the quarterly report), "Kế hoạch" (plans), "Soạn kế hoạch mới" (next year's
draft), "So sánh" (compare two plans); the page code lives in ``ui/``.
"""

from __future__ import annotations

import streamlit as st

from retrieval.store import IndexNotFoundError
from ui import (
    chat,
    compare_page,
    draft_page,
    plans_page,
    report_page,
    resources,
    status_page,
    tasks_page,
    vietnamese,
)
from ui.config import corpus_dir, home_dir
from ui.corpus_admin import corpus_files

# Page name → (icon, how to draw it from (engine, corpus, home)). Add a page
# by adding a line; the first page is the start page. "Kế hoạch" also
# draws without an index (it can build one).
PAGES = {
    "Hỏi đáp": (":material/forum:", lambda engine, corpus, home: chat.render(engine, home)),
    "Nhiệm vụ": (":material/checklist:", lambda engine, corpus, home: tasks_page.render(engine)),
    "Tiến độ": (":material/task_alt:", lambda engine, corpus, home: status_page.render(engine)),
    "Báo cáo quý": (":material/summarize:",
                    lambda engine, corpus, home: report_page.render(engine)),
    "Kế hoạch": (":material/folder_open:", plans_page.render),
    "Soạn kế hoạch mới": (":material/edit_document:",
                          lambda engine, corpus, home: draft_page.render(engine)),
    "So sánh": (":material/compare_arrows:",
                lambda engine, corpus, home: compare_page.render(engine)),
}
PAGES_WITHOUT_INDEX = {"Kế hoạch"}

st.set_page_config(page_title="Trợ lý kế hoạch CCHC", page_icon=vietnamese.PAGE_ICON,
                   layout="wide")
vietnamese.install()
st.markdown(
    "<style>.cchc-quote{border-left:3px solid #d0d7de;padding:.3rem .8rem;"
    "background:#f6f8fa;border-radius:4px;line-height:1.55}"
    ".cchc-quote mark{background:#ffe08a;padding:0 .1rem;border-radius:2px}</style>",
    unsafe_allow_html=True,
)

corpus, home = corpus_dir(), home_dir()

# Streamlit forgets the state of widgets not drawn in a run; re-assigning
# keeps the task filters and the chat scope while another page is shown.
for key in (*tasks_page.FILTER_KEYS, chat.SCOPE_KEY, draft_page.DOC_KEY, draft_page.YEAR_KEY,
            compare_page.A_KEY, compare_page.B_KEY, status_page.PLAN_KEY, report_page.PLAN_KEY,
            report_page.QUARTER_KEY, report_page.YEAR_KEY):
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]

with st.sidebar:
    st.title("Trợ lý CCHC")
    st.caption("Hỏi đáp và tra cứu kế hoạch cải cách hành chính")
    page = st.radio("Trang", list(PAGES), key="page",
                    format_func=lambda p: f"{PAGES[p][0]} {p}")

try:
    engine = resources.get_engine(home)
except IndexNotFoundError:
    engine = None

with st.sidebar:
    if engine is not None:
        n_tasks = sum(len(p.tasks) for p in engine.plans.values())
        st.caption(f"{len(engine.plans)} kế hoạch · {n_tasks} nhiệm vụ đã nạp")

if engine is None and page not in PAGES_WITHOUT_INDEX:
    st.warning("Chưa có chỉ mục — hãy chạy `cchc index` (hoặc `make run`), "
               "hoặc lập chỉ mục ngay từ kho tệp.")
    files = corpus_files(corpus)
    if st.button(f"Lập chỉ mục {len(files)} tệp trong {corpus}", disabled=not files,
                 key="build_index"):
        from retrieval.indexer import build_index

        try:
            with st.spinner("Đang lập chỉ mục…"):
                manifest = build_index(files, home=home, progress=False)
        except Exception as err:  # noqa: BLE001 - shown to the user; the old state is kept
            st.error(f"Không lập được chỉ mục: {err}")
        else:
            resources.clear()
            if manifest.get("errors"):
                st.session_state[plans_page.NOTICE_KEY] = (
                    "err", "Một số tệp không đọc được và bị bỏ qua.",
                    [f"{k}: {v}" for k, v in manifest["errors"].items()])
            st.rerun()
else:
    PAGES[page][1](engine, corpus, home)
