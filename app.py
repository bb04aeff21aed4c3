"""Streamlit app: chat, task browser and plan management, in Vietnamese.

Run with ``streamlit run app.py`` (``make run`` indexes ``corpus/`` first).
Configuration: :class:`assistant.settings.Settings`, built here on every
script run (``CCHC_CORPUS`` plan folder, ``CCHC_HOME`` index folder,
``CCHC_EMBEDDINGS``, ``CCHC_LLM``, ``CCHC_APP_PASSWORD`` …); the pages work
through the :class:`assistant.service.Assistant` of those settings. Pages: "Hỏi đáp" (chat),
"Nhiệm vụ" (tasks), "Tiến độ" (task statuses, progress), "Báo cáo quý"
(the quarterly report), "Kế hoạch" (plans), "Soạn kế hoạch mới" (next year's
draft), "So sánh" (compare two plans); the page code lives in ``ui/``.
"""

from __future__ import annotations

import streamlit as st

from assistant.runtime import configure_runtime
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.errors import CchcError
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

# Page name → (icon, how to draw it from (engine, assistant)). Add a page
# by adding a line; the first page is the start page. "Kế hoạch" also
# draws without an index (it can build one).
PAGES = {
    "Hỏi đáp": (":material/forum:", lambda engine, assistant: chat.render(engine, assistant.home)),
    "Nhiệm vụ": (":material/checklist:", lambda engine, assistant: tasks_page.render(engine)),
    "Tiến độ": (":material/task_alt:", lambda engine, assistant: status_page.render(engine)),
    "Báo cáo quý": (":material/summarize:",
                    lambda engine, assistant: report_page.render(engine)),
    "Kế hoạch": (":material/folder_open:", plans_page.render),
    "Soạn kế hoạch mới": (":material/edit_document:",
                          lambda engine, assistant: draft_page.render(engine)),
    "So sánh": (":material/compare_arrows:",
                lambda engine, assistant: compare_page.render(engine)),
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

configure_runtime()
settings = Settings()
configure_runtime(settings)
assistant = Assistant.open(settings)
corpus, home = assistant.corpus, assistant.home

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

engine: resources.Engine | None
try:
    engine = resources.get_engine(settings)
except IndexNotFoundError:
    engine = None

with st.sidebar:
    if engine is not None:
        n_tasks = sum(len(p.tasks) for p in engine.plans.values())
        st.caption(f"{len(engine.plans)} kế hoạch · {n_tasks} nhiệm vụ đã nạp")

if engine is None and page not in PAGES_WITHOUT_INDEX:
    st.warning("Chưa có chỉ mục — hãy chạy `cchc index` (hoặc `make run`), "
               "hoặc lập chỉ mục ngay từ kho tệp.")
    files = assistant.corpus_files()
    if st.button(f"Lập chỉ mục {len(files)} tệp trong {corpus}", disabled=not files,
                 key="build_index"):
        try:
            with st.spinner("Đang lập chỉ mục…"):
                manifest = assistant.index(files, progress=False)
        except (CchcError, OSError) as err:  # shown to the user; the old state is kept
            st.error(f"Không lập được chỉ mục: {err}")
        else:
            resources.clear()
            if manifest.get("errors"):
                st.session_state[plans_page.NOTICE_KEY] = (
                    "err", "Một số tệp không đọc được và bị bỏ qua.",
                    [f"{k}: {v}" for k, v in manifest["errors"].items()])
            st.rerun()
else:
    PAGES[page][1](engine, assistant)
