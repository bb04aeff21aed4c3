"""The "Hỏi đáp" page: chat over the plans with numbered, openable citations.

The conversation lives in ``st.session_state`` (:data:`STATE_KEY`: a list
of messages ``{"role": "user"|"assistant", "text": str, "answer": Answer |
None, "seconds": float}``), and every question is answered with the
earlier turns as history, so follow-ups ("thế ai phối hợp?") work.
"""

from __future__ import annotations

import time
from collections import Counter

import streamlit as st

from ingest.model import Plan
from ingest.textnorm import fold
from retrieval.answer import ABSTAIN, Turn
from retrieval.query import PlanCatalog
from ui.citations import citation_title, render_citation
from ui.highlight import md_escape
from ui.resources import Engine
from ui.units import split_units, unit_groups, unit_key

STATE_KEY = "chat_messages"
PENDING_KEY = "chat_pending"
SCOPE_KEY = "chat_scope"
ALL_PLANS = ""

def _middle_task(plan: Plan):
    numbered = [t for t in plan.tasks if t.number and t.number.isdigit() and t.lead]
    return numbered[len(numbered) // 2] if numbered else None


def example_questions(plans: dict[str, Plan]) -> list[str]:
    """A few questions that the loaded plans can answer, built from their data.

    From the plan with the most tasks: a task lookup (its middle numbered
    task), the same without diacritics, the tasks of its most frequent
    lead unit, and the tasks due in the first quarter of its year.
    ``[]`` when no plan has tasks.
    """
    with_tasks = [p for p in plans.values() if p.tasks]
    if not with_tasks:
        return []
    plan = max(with_tasks, key=lambda p: len(p.tasks))
    name = PlanCatalog.from_plans([plan]).by_doc[plan.doc].name
    out: list[str] = []
    task = _middle_task(plan)
    if task:
        out.append(f"Nhiệm vụ {task.number} trong kế hoạch {name} do ai chủ trì?")
        out.append(f"nv {task.number} {fold(name)} ai phoi hop, thoi han khi nao?")
    leads = [n for t in plan.tasks for n in split_units(t.lead)]
    if leads:
        top = Counter(unit_key(n) for n in leads).most_common(1)[0][0]
        out.append(f"{name}: {unit_groups(leads)[top]} chủ trì những nhiệm vụ nào?")
    if plan.year:
        out.append(f"Kế hoạch {name} có những nhiệm vụ nào phải hoàn thành trong quý I/{plan.year}?")
    return out


def _history() -> list[Turn]:
    msgs = st.session_state.get(STATE_KEY, [])
    return [Turn(m["question"], m["answer"]) for m in msgs if m["role"] == "assistant"]


def ask(engine: Engine, question: str, scope: str) -> None:
    """Answer ``question`` within ``scope`` (a doc, or "" for all) and append both messages."""
    msgs = st.session_state.setdefault(STATE_KEY, [])
    history = _history()
    t0 = time.perf_counter()
    answer = engine.answerer.answer(question, plan=scope or None, history=history or None)
    seconds = time.perf_counter() - t0
    msgs.append({"role": "user", "text": question})
    msgs.append({"role": "assistant", "text": answer.text, "answer": answer,
                 "question": question, "seconds": seconds})


def _render_answer(msg: dict, engine: Engine, index: int) -> None:
    answer = msg["answer"]
    if answer.abstained:
        st.info(answer.text or ABSTAIN, icon=":material/search_off:")
    else:
        st.markdown(md_escape(answer.text))
    if answer.citations:
        st.markdown("**Nguồn:**")
        for i, citation in enumerate(answer.citations, start=1):
            with st.expander(citation_title(i, citation, engine.labels), expanded=False):
                render_citation(citation, msg["question"], engine.plans)
    st.caption(f"Trả lời trong {msg['seconds']:.2f} giây")


def render(engine: Engine) -> None:
    """Draw the chat page for the loaded ``engine``."""
    st.header("Hỏi đáp về kế hoạch cải cách hành chính")
    docs = list(engine.plans)
    if st.session_state.get(SCOPE_KEY) not in [ALL_PLANS] + docs:
        st.session_state.pop(SCOPE_KEY, None)  # the plan was removed
    col_scope, col_new = st.columns([3, 1], vertical_alignment="bottom")
    with col_scope:
        scope = st.selectbox(
            "Phạm vi", [ALL_PLANS] + docs, key=SCOPE_KEY,
            format_func=lambda d: engine.labels.get(d, d) if d else "Tất cả kế hoạch",
        )
    with col_new:
        if st.button("Cuộc trò chuyện mới", key="chat_new", icon=":material/add_comment:",
                     width="stretch"):
            st.session_state[STATE_KEY] = []
            st.session_state.pop(PENDING_KEY, None)

    prompt = st.chat_input("Nhập câu hỏi, ví dụ: nhiệm vụ 5 do ai chủ trì?", key="chat_input")
    pending = st.session_state.pop(PENDING_KEY, None)
    question = (prompt or pending or "").strip()
    if question:
        with st.spinner("Đang tìm câu trả lời…"):
            ask(engine, question, scope)

    msgs = st.session_state.get(STATE_KEY, [])
    if not msgs:
        examples = example_questions(engine.plans)
        if examples:
            st.markdown("**Gợi ý câu hỏi** — bấm để hỏi thử:")
            for i, example in enumerate(examples):
                if st.button(example, key=f"chat_example_{i}"):
                    st.session_state[PENDING_KEY] = example
                    st.rerun()
        st.caption("Có thể gõ không dấu và viết tắt (nv, TTHC, UBND, HĐND, VH-XH). "
                   "Câu hỏi tiếp theo có thể dựa vào câu trước: \"còn nhiệm vụ 23?\", "
                   "\"thế ai phối hợp?\".")
    for i, msg in enumerate(msgs):
        with st.chat_message(msg["role"], avatar=":material/person:" if msg["role"] == "user" else ":material/assignment:"):
            if msg["role"] == "user":
                st.markdown(md_escape(msg["text"]))
            else:
                _render_answer(msg, engine, i)
