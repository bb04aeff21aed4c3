"""The "So sánh" page: two loaded plans compared task by task and target by target.

The user picks plan A (older / first) and plan B; the page runs
:func:`drafting.diff.diff_plans` (tasks matched by meaning, not by number)
and shows a summary, then tabs: changed fields of shared tasks, all shared
tasks, tasks only in A, tasks only in B, and target differences. The report
(:func:`drafting.diff.format_diff`) and the JSON
(:meth:`drafting.diff.PlanDiff.to_dict`) can be downloaded. Results are
cached per index version and pair of plans.
"""

from __future__ import annotations

import json
from typing import Iterable

import pandas as pd
import streamlit as st

from drafting.diff import PlanDiff, diff_plans, format_diff
from ingest.fields import labels, task_number_text
from ingest.model import Plan, Task
from ui.resources import Engine

A_KEY = "compare_a"
B_KEY = "compare_b"
CHANGE_COLUMNS = ["Số (A)", "Số (B)", "Nhiệm vụ (A)", "Thay đổi", "Ở A", "Ở B"]
MATCH_COLUMNS = ["Số (A)", "Số (B)", "Nội dung (A)", "Nội dung (B)", "Độ giống", "Khác nhau"]
ONLY_COLUMNS = labels(("number", "section", "content", "lead", "coordinating", "deadline", "product"),
                      short=True)
TARGET_COLUMNS = ["Khác biệt", "Mục", "Chỉ tiêu (A)", "Số liệu (A)", "Chỉ tiêu (B)", "Số liệu (B)"]


_num = task_number_text  # task number, or "<n> (dòng con)" for a sub-row of task n


def _text(task: Task) -> str:
    return task.content or task.objective or ""


def changes_frame(d: PlanDiff) -> pd.DataFrame:
    """One row per changed field of a shared task (lead, coordinating, deadline, product).

    Columns :data:`CHANGE_COLUMNS`; "Ở A"/"Ở B" hold the field's text in each plan.
    """
    rows = [[_num(m.a), _num(m.b), _text(m.a), c.label, c.a or "", c.b or ""]
            for m in d.changed for c in m.changes]
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def matched_frame(d: PlanDiff) -> pd.DataFrame:
    """One row per shared task, columns :data:`MATCH_COLUMNS`.

    "Độ giống" is the match score in [0, 1]; "Khác nhau" lists the changed
    fields ("" when none).
    """
    rows = [[_num(m.a), _num(m.b), _text(m.a), _text(m.b), round(m.score, 2),
             ", ".join(c.label for c in m.changes)] for m in d.matched]
    return pd.DataFrame(rows, columns=MATCH_COLUMNS)


def only_frame(tasks: list[Task]) -> pd.DataFrame:
    """Tasks found in one plan only, columns :data:`ONLY_COLUMNS`."""
    rows = [[_num(t), t.section or "", _text(t), t.lead or "", t.coordinating or "",
             t.deadline or "", t.product or ""] for t in tasks]
    return pd.DataFrame(rows, columns=ONLY_COLUMNS)


def _heading(plan: Plan, locator: str | None, width: int = 60) -> str:
    """"<locator>. <heading>" of a section, the heading cut to ``width`` characters."""
    for s in plan.sections:
        if s.locator == locator:
            heading = s.heading if len(s.heading) <= width else s.heading[: width - 1] + "…"
            return f"{locator}. {heading}" if locator else heading
    return locator or ""


def targets_frame(d: PlanDiff) -> pd.DataFrame:
    """Target differences, columns :data:`TARGET_COLUMNS`.

    "Khác biệt" is "Số liệu khác" (a shared target whose figures differ),
    "Chỉ có ở A" or "Chỉ có ở B"; "Mục" is the section of the target in the
    plan that has it (A's for shared targets).
    """
    rows = [["Số liệu khác", _heading(d.a, c.a.section), c.a.text, ", ".join(c.a.values),
             c.b.text, ", ".join(c.b.values)] for c in d.targets_changed]
    rows += [["Chỉ có ở A", _heading(d.a, t.section), t.text, ", ".join(t.values), "", ""]
             for t in d.targets_removed]
    rows += [["Chỉ có ở B", _heading(d.b, t.section), "", "", t.text, ", ".join(t.values)]
             for t in d.targets_added]
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)


@st.cache_resource(show_spinner="Đang so sánh hai kế hoạch…", max_entries=16)
def _diff(index_root: str, doc_a: str, doc_b: str, _a: Plan, _b: Plan) -> PlanDiff:
    return diff_plans(_a, _b)


def _choose(engine: Engine) -> tuple[str, str]:
    docs = list(engine.plans)
    for key, default in ((A_KEY, docs[0]), (B_KEY, docs[1])):
        if st.session_state.get(key) not in docs:
            st.session_state[key] = default

    def label(doc: str) -> str:
        return engine.labels.get(doc, doc)

    c1, c2 = st.columns(2)
    a = c1.selectbox("Kế hoạch A (cũ / thứ nhất)", docs, key=A_KEY, format_func=label)
    b = c2.selectbox("Kế hoạch B (mới / thứ hai)", docs, key=B_KEY, format_func=label)
    return a, b


def _table(frame: pd.DataFrame, empty: str, texts: Iterable[str]) -> None:
    """Show ``frame`` (or the ``empty`` note); ``texts`` are long-text columns kept medium-wide
    so that the columns after them stay on screen."""
    if frame.empty:
        st.caption(empty)
        return
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={c: st.column_config.TextColumn(width="medium") for c in texts})


def render(engine: Engine) -> None:
    """Draw the comparison page for the loaded ``engine``."""
    st.header("So sánh hai kế hoạch")
    st.caption("Nhiệm vụ được ghép theo nội dung, không theo số thứ tự (số thứ tự thay đổi "
               "giữa các năm). Dùng cho hai năm của một xã hoặc hai xã khác nhau.")
    if len(engine.plans) < 2:
        st.info("Cần ít nhất hai kế hoạch đã nạp để so sánh.")
        return
    doc_a, doc_b = _choose(engine)
    if doc_a == doc_b:
        st.info("Hãy chọn hai kế hoạch khác nhau.")
        return
    d = _diff(engine.store.root, doc_a, doc_b, engine.plans[doc_a], engine.plans[doc_b])

    cols = st.columns(5)
    cols[0].metric("Nhiệm vụ chung", len(d.matched))
    cols[1].metric("Chung nhưng có thay đổi", len(d.changed))
    cols[2].metric("Chỉ có ở A (bỏ)", len(d.removed))
    cols[3].metric("Chỉ có ở B (mới)", len(d.added))
    n_targets = len(d.targets_changed) + len(d.targets_removed) + len(d.targets_added)
    cols[4].metric("Chỉ tiêu khác", n_targets)

    tabs = st.tabs([f"Thay đổi ({len(d.changed)})", f"Nhiệm vụ chung ({len(d.matched)})",
                    f"Chỉ có ở A ({len(d.removed)})", f"Chỉ có ở B ({len(d.added)})",
                    f"Chỉ tiêu ({n_targets})"])
    with tabs[0]:
        st.caption("Chủ trì, phối hợp, thời hạn, sản phẩm khác nhau giữa hai nhiệm vụ được "
                   "ghép; thời hạn chỉ khác năm của kế hoạch không tính là thay đổi.")
        _table(changes_frame(d), "Không có nhiệm vụ chung nào thay đổi.",
               ("Nhiệm vụ (A)", "Ở A", "Ở B"))
    with tabs[1]:
        _table(matched_frame(d), "Hai kế hoạch không có nhiệm vụ chung.",
               ("Nội dung (A)", "Nội dung (B)"))
    with tabs[2]:
        _table(only_frame(d.removed), "Mọi nhiệm vụ của A đều có ở B.", ONLY_COLUMNS[1:])
    with tabs[3]:
        _table(only_frame(d.added), "Mọi nhiệm vụ của B đều có ở A.", ONLY_COLUMNS[1:])
    with tabs[4]:
        _table(targets_frame(d), "Không có khác biệt về chỉ tiêu.",
               ("Mục", "Chỉ tiêu (A)", "Chỉ tiêu (B)"))

    # The bytes are built in this run (a deferred file can expire before the click).
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button("Tải báo cáo (TXT)", data=format_diff(d, True).encode("utf-8"),
                       file_name="so_sanh.txt", mime="text/plain", key="compare_txt",
                       icon=":material/download:", on_click="ignore")
    c2.download_button("Tải JSON", key="compare_json", file_name="so_sanh.json",
                       data=json.dumps(d.to_dict(), ensure_ascii=False, indent=2).encode("utf-8"),
                       mime="application/json", icon=":material/download:", on_click="ignore")
