"""Questions about progress, answered from the stored statuses.

Handles (diacritics optional):

* "những nhiệm vụ nào của Phòng Kinh tế chưa hoàn thành?" — the tasks of a
  lead unit in a status ("chưa hoàn thành" = chưa or đang thực hiện;
  "chưa thực hiện", "đang thực hiện", "đã hoàn thành", "không thực hiện");
* "nhiệm vụ nào quá hạn?" / "trễ hạn" — open tasks whose deadline passed;
* "tiến độ quý III thế nào?", "tiến độ thực hiện kế hoạch Nam An Phụ" —
  counts by status for the tasks due in the period (all tasks without
  one), plus what was completed in it, and the overdue tasks;
* "nhiệm vụ 22 đã hoàn thành chưa?" / "… xong chưa?" — one task's status.

:func:`status_question` is the detector (``None`` for other questions);
:func:`status_answer` builds the :class:`retrieval.answering.model.Answer`
(``kind="status"``) from :class:`tracking.progress.TrackedPlan` values, each
listed task cited to its row (:func:`retrieval.answering.rows.task_citation`);
:func:`answer_status_question` wires both to an opened index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.deadline import QUARTER_ROMAN, due_overlaps, period_bounds
from ingest.textnorm import fold
from ingest.units import split_units, unit_key
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, shorten, task_citation
from retrieval.query import Intent, PlanCatalog, Query, question_period, question_unit
from retrieval.question.cues import asks_overdue
from retrieval.question.model import section_numeral
from retrieval.store import IndexStore
from tracking.model import (
    CANCELLED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    OPEN_STATUSES,
    STATUS_LABELS,
)
from tracking.progress import TaskProgress, TrackedPlan, count_statuses

LIST_LIMIT = 30
"""Most tasks listed in one answer (the counts are always complete)."""

# (pattern on the folded question, status codes asked); first match wins
_STATUS_CUES: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (re.compile(r"\bchua (?:duoc )?(?:hoan thanh|xong|lam xong)\b"), OPEN_STATUSES),
    (re.compile(r"\bchua (?:duoc )?(?:thuc hien|trien khai|lam)\b"), (NOT_STARTED,)),
    (re.compile(r"\bdang (?:duoc )?(?:thuc hien|trien khai|lam)\b"), (IN_PROGRESS,)),
    # "không làm cả năm 2026", "không thực hiện trong quý I" name a deadline, not a status
    (re.compile(r"\bkhong (?:duoc )?(?:thuc hien|trien khai|lam)\b"
                r"(?! (?:ca nam|trong|vao|quy|thang|nam|hang|thuong xuyen|giai doan))"), (CANCELLED,)),
    (re.compile(r"\b(?:da (?:duoc )?(?:hoan thanh|xong|thuc hien xong|lam xong))\b"), (DONE,)),
]
_PROGRESS = re.compile(
    r"(?<!day nhanh )(?<!dam bao )(?<!ve )\btien do (?:thuc hien|trien khai|chung|cua|ke hoach|nhiem vu|"
    r"cac nhiem vu|quy|nam|thang|the nao|ra sao|nhu the nao|den dau|hien nay|hien tai|hoan thanh)\b"
    r"|^(?:the )?tien do\b|\btien do\s*\??$"
    r"|\bket qua thuc hien (?:ke hoach|nhiem vu|quy|nam|thang)\b")
"""A progress question, not a question about what the plan says of pace
("đẩy nhanh tiến độ giải quyết hồ sơ", "yêu cầu về tiến độ …")."""
_ONE_TASK = re.compile(r"\b(?:hoan thanh|xong|thuc hien) chua\b|\btrang thai\b|\btinh trang\b")


@dataclass
class StatusQuestion:
    """The parsed pieces of a progress question.

    ``docs`` the plans (``[]`` = every loaded plan); ``unit``/``unit_text``
    the lead unit's key and spelling (``None`` = any); ``period`` a due
    period ("2026-Q3"; "*-Q3" = the plan's year; ``None`` = all tasks);
    ``statuses`` the status codes asked (empty = a progress summary);
    ``overdue`` only overdue tasks; ``task_refs`` task numbers asked, of the
    annex section numbered ``section_number`` ("ii" of "mục II.2.4", for plans
    numbering afresh per section) when given.
    """

    docs: list[str] = field(default_factory=list)
    unit: str | None = None
    unit_text: str | None = None
    period: str | None = None
    statuses: tuple[str, ...] = ()
    overdue: bool = False
    task_refs: list[str] = field(default_factory=list)
    section_number: str | None = None


def status_question(query: Query, catalog: PlanCatalog) -> StatusQuestion | None:
    """The :class:`StatusQuestion` of ``query`` when it asks about progress or
    statuses (module docstring), else ``None``."""
    key = fold(query.text)
    statuses = next((codes for pat, codes in _STATUS_CUES if pat.search(key)), ())
    overdue = asks_overdue(query.key)  # a cue of canon keys ("TTHC" written out)
    one_task = bool(query.task_refs) and bool(_ONE_TASK.search(key) or statuses)
    if not (statuses or overdue or _PROGRESS.search(key) or one_task):
        return None
    if not (statuses or overdue or one_task) and (query.task_refs or query.intent == Intent.LOOKUP):
        # "đề án X ai chủ trì, tiến độ thế nào?", "nv 22 tiến độ ra sao?": the "tiến độ"
        # of a row (by number or by its content) is its deadline cell, not a status report
        return None
    if query.today_given and overdue and not statuses and not one_task:
        # "tính đến 30/9/2025 nhiệm vụ nào quá hạn?": the plan's deadlines on that
        # day, not today's statuses (the plan's filter answers it)
        return None
    unit = question_unit(query.text, catalog)
    return StatusQuestion(
        docs=list(query.plans) if query.plan_named else [],
        unit=unit.key if unit else None, unit_text=unit.text if unit else None,
        period=question_period(query.text), statuses=statuses, overdue=overdue,
        task_refs=list(query.task_refs) if one_task else [],
        section_number=query.section_number if one_task else None)


def _asked_row(row: TaskProgress, question: StatusQuestion) -> bool:
    """Is ``row`` a task the question asks by number (in its section, when one is named)?"""
    return (row.task.number or row.task.part_of) in question.task_refs and (
        question.section_number is None or section_numeral(row.task.section) == question.section_number)


def _period_of(period: str | None, plan_year: int | None) -> str | None:
    if period and period.startswith("*"):
        return f"{plan_year}{period[1:]}" if plan_year else None
    return period


def period_text(period: str) -> str:
    """"2026-Q3" → "quý III/2026", "2026-03" → "tháng 3/2026", "2026" → "năm 2026"."""
    year, _, rest = period.partition("-")
    if rest.startswith("Q"):
        return f"quý {QUARTER_ROMAN[int(rest[1:])]}/{year}"
    if rest:
        return f"tháng {int(rest)}/{year}"
    return f"năm {year}"


def _in_unit(row: TaskProgress, unit: str | None) -> bool:
    return unit is None or any(unit_key(u) == unit for u in split_units(row.task.lead))


def _counts_text(counts: dict[str, int]) -> str:
    parts = [f"{STATUS_LABELS[c]} {counts[c]}" for c in (DONE, IN_PROGRESS, NOT_STARTED, CANCELLED)]
    return f"{counts['total']} nhiệm vụ: " + ", ".join(parts) + f"; quá hạn {counts['overdue']}"


def _asked_text(question: StatusQuestion) -> str:
    """"chưa hoàn thành", "đã hoàn thành", "quá hạn", "đang thực hiện, quá hạn" …"""
    words = ["chưa hoàn thành"] if set(question.statuses) == set(OPEN_STATUSES) else [
        STATUS_LABELS[s] for s in question.statuses]
    return ", ".join(words + (["quá hạn"] if question.overdue else []))


def _row_line(row: TaskProgress) -> str:
    task, st = row.task, row.status
    bits = [st.label]
    if st.completed_on:
        bits.append(f"ngày {date.fromisoformat(st.completed_on):%d/%m/%Y}")
    if st.reason:
        bits.append(f"lý do: {st.reason}")
    if row.overdue:
        bits.append("QUÁ HẠN" + (f" (hạn {task.deadline})" if task.deadline else ""))
    if st.evidence:
        bits.append(f"minh chứng: {st.evidence}")
    lead = f" ({task.lead})" if task.lead else ""
    return f"- {task.label[0].upper()}{task.label[1:]}{lead}: {shorten(task.content, 160)} — " + "; ".join(bits)


def status_answer(question: StatusQuestion, plans: list[TrackedPlan], catalog: PlanCatalog,
                  today: date | None = None) -> Answer:
    """The answer to ``question`` over ``plans`` (those in scope, in order).

    Text: per plan, its label, the period and unit asked, the counts by
    status, then the tasks asked (at most :data:`LIST_LIMIT`, each cited).
    Abstains (``abstained`` True, a Vietnamese explanation) when the unit,
    period or task asked has no task in the plans."""
    today = today or date.today()
    unrecorded = _unrecorded_answer(question, plans, catalog, today)
    if unrecorded is not None:
        return unrecorded
    blocks: list[str] = []
    citations: list[Citation] = []
    for tp in plans:
        period = _period_of(question.period, tp.plan.year)
        rows = [r for r in tp.rows(today) if _in_unit(r, question.unit)]
        if question.task_refs:
            rows = [r for r in rows if _asked_row(r, question)]
        completed_in: list[TaskProgress] = []
        if period:
            start, end = period_bounds(period)
            completed_in = [r for r in rows if r.status.completed_on
                            and start <= date.fromisoformat(r.status.completed_on) <= end]
            rows = [r for r in rows if due_overlaps(r.task.due, period)]
        if not rows and not completed_in:
            continue
        head = plan_label(catalog, tp.plan.doc)
        scope = []
        if question.unit_text:
            scope.append(f"đơn vị chủ trì {question.unit_text}")
        if period:
            scope.append(f"thời hạn trong {period_text(period)}")
        lines = [f"{head}" + (f" — {', '.join(scope)}" if scope else "") + f": {_counts_text(count_statuses(rows))}."]
        if period and completed_in:
            lines.append(f"Hoàn thành trong {period_text(period)}: {len(completed_in)} nhiệm vụ.")
        if question.task_refs:  # "nhiệm vụ 28 đã hoàn thành chưa?": its status, whatever it is
            listed = rows
        elif question.statuses or question.overdue:
            listed = [r for r in rows if (not question.statuses or r.status.status in question.statuses)
                      and (not question.overdue or r.overdue)]
            day = f", hạn trước ngày {today:%d/%m/%Y}" if question.overdue else ""
            lines.append(f"Nhiệm vụ {_asked_text(question)}{day} ({len(listed)})" + (":" if listed else "."))
        else:
            listed = [r for r in rows if r.overdue] + [r for r in completed_in if not r.overdue]
            if listed:
                lines.append("Quá hạn và hoàn thành trong kỳ:" if period else "Quá hạn:")
        for r in listed[:LIST_LIMIT]:
            lines.append(_row_line(r))
            citations.append(task_citation(tp.plan, r.task))
        if len(listed) > LIST_LIMIT:
            lines.append(f"… và {len(listed) - LIST_LIMIT} nhiệm vụ khác.")
        blocks.append("\n".join(lines))
    if not blocks:
        what = (f" của {question.unit_text}" if question.unit_text else "") + (
            " có thời hạn trong kỳ đã hỏi" if question.period else "")
        return Answer(f"Không tìm thấy nhiệm vụ nào{what} trong các kế hoạch đã nạp.", True, [], "abstain")
    note = "Trạng thái do cán bộ cập nhật; nhiệm vụ chưa cập nhật tính là chưa thực hiện."
    return Answer("\n\n".join(blocks) + "\n\n" + note, False, citations, "status",
                  list(citations))


def _unrecorded_answer(question: StatusQuestion, plans: list[TrackedPlan], catalog: PlanCatalog,
                       today: date) -> Answer | None:
    """"nv 17 đã hoàn thành chưa?" when no status was ever recorded for the
    tasks asked: the plan only assigns the task and its deadline and records no
    result, so the question is refused with that reason and the deadline (the
    row cited as evidence; kind ``status``, abstained: a refusal that stands over
    the plan's text), not answered "chưa thực hiện" by default. ``None``
    when no task number is asked, none is found, or one has a recorded status."""
    if not question.task_refs:
        return None
    found = [(tp, r) for tp in plans for r in tp.rows(today) if _asked_row(r, question) and r.task.number]
    if not found or any(r.key in tp.statuses for tp, r in found):
        return None
    lines = []
    for tp, r in found:
        deadline = f"thời hạn {r.task.deadline}" if r.task.deadline else "không ghi thời hạn"
        lines.append(f"{plan_label(catalog, tp.plan.doc)}: kế hoạch chỉ giao {r.task.label} "
                     f"({shorten(r.task.content, 120)}) và {deadline}; kế hoạch không ghi kết quả hay tiến độ "
                     "thực hiện.")
    note = "Chưa có trạng thái nào được cập nhật cho nhiệm vụ này (trang Tiến độ hoặc lệnh cchc status set)."
    evidence = [task_citation(tp.plan, r.task) for tp, r in found]
    return Answer("\n".join(lines) + "\n" + note, True, [], "status", evidence)


def answer_status_question(query: Query, index_store: IndexStore, catalog: PlanCatalog,
                           today: date | None = None) -> Answer | None:
    """The status answer of ``query`` over the opened ``index_store``
    (statuses from :class:`tracking.store.StatusStore` under its ``home``;
    no store is created by a question), or ``None`` when ``query`` is not a
    progress question. "Quá hạn" counts from ``today``, else ``query.today``
    (the day the question gives, "tính đến ngày 30/9/2025", or the
    answerer's), else the system date. An unreadable store gives an
    abstention saying so."""
    question = status_question(query, catalog)
    if question is None or not hasattr(index_store, "manifest"):
        return None
    import sqlite3

    from tracking.progress import tracked, untracked
    from tracking.store import StatusStore, store_exists

    if not store_exists(index_store.home):  # nothing recorded yet: every task is chưa thực hiện
        plans = untracked(index_store)
    else:
        try:
            with StatusStore(index_store.home) as store:
                plans = tracked(index_store, store)
        except sqlite3.DatabaseError as err:
            return Answer(f"Không đọc được dữ liệu trạng thái nhiệm vụ ({err}).", True, [], "abstain",
                          query=query)
    scope = [plans[d] for d in (question.docs or sorted(plans)) if d in plans]
    if today is None and query.today:
        today = date.fromisoformat(query.today)
    answer = status_answer(question, scope, catalog, today)
    answer.query = query
    return answer
