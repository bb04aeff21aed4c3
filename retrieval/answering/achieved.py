"""A result actually reached, asked of a plan that sets targets only: refused, the target quoted.

"NAP nv 22 tỷ lệ thanh toán trực tuyến thực tế đạt bao nhiêu %?", "Phú Thái đã cắt
giảm được bao nhiêu thủ tục?", "LH đã giải quyết được mấy hồ sơ trực tuyến rồi?",
"kết quả thực hiện năm 2025 đạt bao nhiêu?"
(:data:`retrieval.question.cues.ACHIEVED_ASKED`): a plan (kế hoạch) sets targets
and tasks for its period; what was reached is in the reports on it. Answered
with the plan's target ("đạt tối thiểu 80%"), a goal would be said as a result.
The abstention says so for each plan asked and quotes what the plan sets on the
subject: the row asked by number when it states a figure, else the plan's
figure-stating passage on the topic (:func:`stated_target`), so the asker sees
what the plan does say. The tasks done ("đã hoàn thành được mấy nhiệm vụ?") are
the statuses' (:mod:`tracking.answer`), not this refusal.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Plan
from ingest.targets import figures
from retrieval.answering.model import Answer, abstention
from retrieval.answering.rows import plan_label, shorten
from retrieval.answering.targets import TargetIndex, target_excerpt, target_topic
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ACHIEVED_ASKED, TASKS_COUNTED

__all__ = ["achieved_answer", "asks_achieved", "stated_target"]

#: A figure asked besides :data:`retrieval.question.cues.FIGURE_ASKED`'s words: "mấy",
#: "bn", a rank ("xếp thứ mấy").
_FIGURE_WORD = re.compile(r"\b(?:may|bn|xep (?:hang )?thu)\b")
#: The wording of an actual result, no part of its subject ("thực tế", "đã … được", "rồi",
#: "kết quả thực hiện"), taken out of the key before the topic is read.
_RESULT_FRAME = re.compile(r"\b(?:tren thuc te|thuc te|ket qua thuc hien|ket qua dat duoc|roi|da|duoc)\b")


def asks_achieved(query: Query) -> bool:
    """True when ``query`` asks a result actually reached, with a figure
    (:data:`retrieval.question.cues.ACHIEVED_ASKED`), and not a count of tasks
    ("đã làm được mấy nhiệm vụ": the statuses)."""
    key = query.key
    return (bool(ACHIEVED_ASKED.search(key)) and (query.figure or bool(_FIGURE_WORD.search(key)))
            and not TASKS_COUNTED.search(key))


def stated_target(query: Query, plan: Plan, targets: TargetIndex, catalog: PlanCatalog,
                  share: bool = False) -> str | None:
    """What ``plan`` sets on the subject of ``query``, as a line: "80% — nhiệm vụ 22:
    “…”". The rows the question numbers first (the first stating a figure), else
    the plan's figure-stating passage on the topic (:meth:`TargetIndex.stating`);
    with ``share``, only a percentage counts (a count asked is answered by a share).
    ``None`` when the plan states none."""
    def wanted(values: list[str]) -> list[str]:
        return [v for v in values if "%" in v] if share else values

    for task in (t for t in plan.tasks if t.number and t.number in query.task_refs):
        text = " ".join(filter(None, (task.content, task.objective)))
        values = wanted(figures(text))
        if values:
            return f"{', '.join(values)} — {task.label}: “{shorten(text, 220)}”"
    if query.task_refs:
        return None
    words = target_topic(replace(query, key=_RESULT_FRAME.sub(" ", query.key)), catalog)
    if len(words) < 2:
        return None
    for chunk, values in targets.stating(plan.doc, words):
        values = wanted(values)
        if values:
            return f"{', '.join(values)} — {chunk.locator}: “{target_excerpt(chunk.quote, words)}”"
    return None


def achieved_answer(query: Query, plans: list[Plan], catalog: PlanCatalog,
                    targets: TargetIndex) -> Answer | None:
    """The abstention for a result reached: per plan of ``plans``, "Kế hoạch X không
    ghi kết quả thực tế đã đạt …", then the target it sets on the subject when it
    states one ("Kế hoạch chỉ đặt chỉ tiêu: 80% — nhiệm vụ 22: “…”"). ``None``
    with no plan in scope."""
    lines = []
    for plan in plans:
        period = plan.metadata.period.text if plan.metadata.period else None
        line = (f"Kế hoạch {plan_label(catalog, plan.doc)} không ghi kết quả thực tế đã đạt: kế hoạch đặt chỉ "
                f"tiêu, nhiệm vụ{f' cho {period}' if period else ''}, không báo cáo kết quả thực hiện.")
        target = stated_target(query, plan, targets, catalog)
        lines.append(f"{line} Kế hoạch chỉ đặt chỉ tiêu: {target}" if target else line)
    return abstention(query, reason="\n".join(lines)) if lines else None
