"""The "Hỏi đáp" page: chat over the plans with numbered, openable citations.

The conversation shown lives in ``st.session_state`` (:data:`STATE_KEY`: a
list of messages ``{"role": "user"|"assistant", "text": str, "answer":
Answer, "question": str, "seconds": float, "scope": str}``) and is written
to the history database as it grows (:class:`ui.chat_store.ChatStore`);
its id is the page address's ``?c=`` parameter, so a reload (or the link)
brings it back, and the sidebar lists past conversations.

Every question is answered with the earlier turns as history and the
chosen scope (Phạm vi) as ``plan``: follow-ups ("thế ai phối hợp?") work,
switching the scope starts a fresh context and a plan the question names
wins over the scope, with a note (all three applied by
:meth:`retrieval.answer.Answerer.answer`). A list answer (several task
rows) is shown as one table of the rows with their citation numbers; other
answers have one expander per citation. Each answer has a copy button;
the whole conversation can be saved as Word or Markdown.
"""

from __future__ import annotations

import html
import time
from collections import Counter
from datetime import datetime

import pandas as pd
import streamlit as st

from ingest.model import Plan, Task
from ingest.textnorm import fold
from retrieval.answer import ABSTAIN, Answer, Turn
from retrieval.query import PlanCatalog
from ui.chat_store import ChatStore, answer_data, new_id, to_answer, valid_id
from ui.citations import citation_title, find_tasks, render_citation
from ui.conversation_export import to_docx, to_markdown
from ui.highlight import md_escape
from ui.resources import Engine
from ui.units import split_units, unit_groups, unit_key

STATE_KEY = "chat_messages"
PENDING_KEY = "chat_pending"
SCOPE_KEY = "chat_scope"
CONV_KEY = "chat_conversation"
QUERY_PARAM = "c"
ALL_PLANS = ""
LIST_KINDS = ("filter", "count")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_COPY_SCRIPT = """<script>
(() => {
  if (window.__cchcCopy) return;
  window.__cchcCopy = true;
  const copy = async (text) => {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) {
      const area = document.createElement('textarea');
      area.value = text; document.body.appendChild(area); area.select();
      const ok = document.execCommand('copy'); area.remove(); return ok;
    }
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest && event.target.closest('.cchc-copy');
    if (!button) return;
    const ok = await copy(button.dataset.copy || '');
    button.textContent = ok ? 'Đã sao chép' : 'Không sao chép được';
    setTimeout(() => { button.textContent = 'Sao chép câu trả lời'; }, 2000);
  });
})();
</script>"""

def _middle_task(plan: Plan) -> Task | None:
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
    """The conversation's turns, oldest first (the answerer skips those of another scope)."""
    msgs = st.session_state.get(STATE_KEY, [])
    return [Turn(m["question"], m["answer"]) for m in msgs if m["role"] == "assistant"]


def ask(engine: Engine, question: str, scope: str, store: ChatStore | None = None) -> None:
    """Answer ``question`` within ``scope`` (a doc, or "" for all) and append both
    messages, to the page and (with ``store``) to the conversation's history."""
    msgs = st.session_state.setdefault(STATE_KEY, [])
    history = _history()
    t0 = time.perf_counter()
    # The answerer applies the scope: a plan the question names wins, and its
    # answer says so; turns asked under another scope are not followed up.
    answer = engine.answerer.answer(question, plan=scope or None, history=history or None)
    seconds = time.perf_counter() - t0
    msgs.append({"role": "user", "text": question})
    msgs.append({"role": "assistant", "text": answer.text, "answer": answer,
                 "question": question, "seconds": seconds, "scope": scope})
    if store is not None:
        conv = st.session_state.get(CONV_KEY)
        if not conv:
            conv = st.session_state[CONV_KEY] = new_id()
            st.query_params[QUERY_PARAM] = conv
        store.add(conv, "user", question)
        store.add(conv, "assistant", answer.text,
                  answer_data(answer, question, seconds, scope))


def _load_conversation(store: ChatStore) -> None:
    """Make the page show the conversation of the address's ``?c=`` (after a reload or
    a click in the list); keep the address pointing at the one shown."""
    wanted = st.query_params.get(QUERY_PARAM)
    current = st.session_state.get(CONV_KEY)
    if valid_id(wanted) and wanted != current and store.exists(wanted):
        msgs = []
        for m in store.messages(wanted):
            if m["role"] == "assistant":
                m["answer"] = to_answer(m)
            msgs.append(m)
        st.session_state[STATE_KEY] = msgs
        st.session_state[CONV_KEY] = wanted
        st.session_state.pop(PENDING_KEY, None)
        last = next((m.get("scope") for m in reversed(msgs) if m["role"] == "assistant"), None)
        if last is not None:
            st.session_state[SCOPE_KEY] = last
    elif current and wanted != current:
        st.query_params[QUERY_PARAM] = current


def _new_conversation() -> None:
    st.session_state[STATE_KEY] = []
    st.session_state.pop(CONV_KEY, None)
    st.session_state.pop(PENDING_KEY, None)
    st.query_params.pop(QUERY_PARAM, None)


def _past_conversations(store: ChatStore) -> None:
    """The sidebar list of past conversations; a click opens one."""
    rows = store.conversations()
    with st.sidebar:
        st.markdown("**Các cuộc trò chuyện**")
        if not rows:
            st.caption("Chưa có cuộc trò chuyện nào được lưu.")
        current = st.session_state.get(CONV_KEY)
        for conv, title, updated in rows:
            when = datetime.fromtimestamp(updated).strftime("%d/%m %H:%M")
            label = f"{title[:60]}{'…' if len(title) > 60 else ''} · {when}"
            if st.button(label, key=f"chat_conv_{conv}", width="stretch",
                         type="primary" if conv == current else "tertiary"):
                st.query_params[QUERY_PARAM] = conv
                st.rerun()


def _list_rows(answer: Answer, engine: Engine) -> pd.DataFrame | None:
    """A list answer's task rows as one table (``None`` when it is not a list of rows):
    citation number, plan name, number, content, lead, deadline, page."""
    if answer.kind not in LIST_KINDS or len(answer.citations) < 2:
        return None
    rows = []
    for i, c in enumerate(answer.citations, start=1):
        tasks = find_tasks(engine.plans.get(c.doc), c.locator, c.quote)
        if not tasks:
            return None
        t = tasks[0]
        rows.append({"Nguồn": f"[{i}]", "Kế hoạch": engine.labels.get(c.doc, c.title or c.doc),
                     "Số": t.number or (f"{t.part_of} (dòng con)" if t.part_of else ""),
                     "Nội dung": t.content or "", "Chủ trì": t.lead or "",
                     "Thời hạn": t.deadline or "", "Trang": c.page})
    frame = pd.DataFrame(rows)
    if frame["Kế hoạch"].nunique() == 1:
        frame = frame.drop(columns="Kế hoạch")
    if frame["Trang"].isna().all():
        frame = frame.drop(columns="Trang")
    return frame


def _copy_button(text: str) -> None:
    st.html(f'<button class="cchc-copy" type="button" data-copy="{html.escape(text, quote=True)}" '
            'style="border:1px solid #d0d7de;border-radius:6px;background:#fff;padding:.15rem .6rem;'
            'font-size:.85rem;cursor:pointer">Sao chép câu trả lời</button>')


def _render_answer(msg: dict, engine: Engine, index: int) -> None:
    answer = msg["answer"]
    table = _list_rows(answer, engine)
    if answer.abstained:
        st.info(answer.text or ABSTAIN, icon=":material/search_off:")
    elif table is not None:
        # The rows go to the table; the text keeps its summary and plan headings.
        head = [line for line in answer.text.splitlines() if not line.lstrip().startswith("- ")]
        st.markdown(md_escape("\n".join(head)))
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={"Nội dung": st.column_config.TextColumn(width="large")})
    else:
        st.markdown(md_escape(answer.text))
    if answer.citations and table is None:
        st.markdown("**Nguồn:**")
        for i, citation in enumerate(answer.citations, start=1):
            with st.expander(citation_title(i, citation, engine.labels), expanded=False):
                render_citation(citation, msg["question"], engine.plans, answer.text)
    c1, c2 = st.columns([1, 3], vertical_alignment="center")
    with c1:
        _copy_button(answer.text)
    c2.caption(f"Trả lời trong {msg['seconds']:.2f} giây")


def _save_buttons(msgs: list[dict], engine: Engine) -> None:
    """"Lưu cuộc trò chuyện" as Word or Markdown; the bytes are built in this run."""
    st.markdown("**Lưu cuộc trò chuyện**")
    c1, c2, _ = st.columns([1, 1, 3])
    stamp = datetime.now().strftime("%Y%m%d_%H%M")
    c1.download_button("Tải Word (DOCX)", data=to_docx(msgs, engine.labels),
                       file_name=f"tro_chuyen_{stamp}.docx", mime=DOCX_MIME, key="chat_save_docx",
                       icon=":material/download:", on_click="ignore")
    c2.download_button("Tải Markdown", data=to_markdown(msgs, engine.labels),
                       file_name=f"tro_chuyen_{stamp}.md", mime="text/markdown",
                       key="chat_save_md", icon=":material/download:", on_click="ignore")


def render(engine: Engine, home: str | None = None) -> None:
    """Draw the chat page for the loaded ``engine``; ``home`` (the index folder)
    holds the conversation history (``None``: the history is not kept)."""
    store = ChatStore(home) if home else None
    if store is not None:
        _load_conversation(store)
    st.html(_COPY_SCRIPT, unsafe_allow_javascript=True)
    st.header("Hỏi đáp về kế hoạch cải cách hành chính")
    docs = list(engine.plans)
    if st.session_state.get(SCOPE_KEY) not in [ALL_PLANS] + docs:
        st.session_state.pop(SCOPE_KEY, None)  # the plan was removed
    col_scope, col_new = st.columns([3, 1], vertical_alignment="bottom")
    with col_scope:
        scope = st.selectbox(
            "Phạm vi", [ALL_PLANS] + docs, key=SCOPE_KEY,
            format_func=lambda d: engine.labels.get(d, d) if d else "Tất cả kế hoạch",
            help="Câu hỏi nêu tên kế hoạch khác thì theo tên đó. Đổi phạm vi thì câu hỏi "
                 "tiếp theo không dựa vào các câu trước.",
        )
    with col_new:
        if st.button("Cuộc trò chuyện mới", key="chat_new", icon=":material/add_comment:",
                     width="stretch"):
            _new_conversation()

    prompt = st.chat_input("Nhập câu hỏi, ví dụ: nhiệm vụ 5 do ai chủ trì?", key="chat_input")
    pending = st.session_state.pop(PENDING_KEY, None)
    question = (prompt or pending or "").strip()
    if question:
        with st.spinner("Đang tìm câu trả lời…"):
            ask(engine, question, scope, store)

    if store is not None:  # after the question, so the list holds this conversation
        _past_conversations(store)
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
    scopes = [m.get("scope", ALL_PLANS) for m in msgs if m["role"] == "assistant"]
    turn = 0
    for i, msg in enumerate(msgs):
        if msg["role"] == "user":
            if 0 < turn < len(scopes) and scopes[turn] != scopes[turn - 1]:
                st.caption("Đã đổi phạm vi: từ câu này không dựa vào các câu trước.")
            turn += 1
        with st.chat_message(msg["role"], avatar=":material/person:" if msg["role"] == "user" else ":material/assignment:"):
            if msg["role"] == "user":
                st.markdown(md_escape(msg["text"]))
            else:
                _render_answer(msg, engine, i)
    if msgs:
        _save_buttons(msgs, engine)
