"""A figure asked of one plan that only other plans state: refused, naming them.

"Phú Thái đặt chỉ tiêu số hóa hồ sơ TTHC bao nhiêu phần trăm?", "NAP chi tieu
ty le so hoa ho so TTHC bn %?": the question names one plan and asks a
figure (bao nhiêu, tỷ lệ, %), and the plan asked states no figure on that
topic while another plan does (Trường Xuân: "100% hồ sơ … được số hóa"). The
near miss is the genre's classic trap: passage search would quote the asked
plan's nearest target, a figure about something else, said confidently.

The topic is the question without its frame and plan names
(:func:`retrieval.answering.targets.target_topic`); a plan "states" it when one
of its figure-stating passages holds :data:`retrieval.answering.targets.MIN_SHARE`
of the topic (:meth:`retrieval.answering.targets.TargetIndex.stating`, word pairs
weighted most). The asked plan must stay under that share and at least
:data:`MARGIN` below the plan that states it best, so a target the asked plan
writes in other words than the question's is not refused.
The abstention says which plans do state it, with their value and locator
("Kế hoạch khác có nêu: Trường Xuân … 100% (mục II.2.b)"), those passages
kept as evidence; a plan the conversation already named ("còn Nam An Phụ thì
sao?" after Lộc Hòa's figure) is named without its figure again. An asked plan
that sets the target in words only ("Vượt chỉ tiêu thu ngân sách năm 2025 được
Ủy ban nhân dân thành phố giao") is quoted first, the figure it lacks said; the
previous question asked again of it ("còn xã Phú Thái?": ``Query.reasked``)
gets that quote as its answer, not a refusal. A question naming a row or a section by number ("mục 3.4",
"2.2 phần cải cách TTHC") is about that row: not handled here.
"""

from __future__ import annotations

import re

from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label, plan_title
from retrieval.answering.section import asked_section_refs
from retrieval.answering.target_lead import figure_clause
from retrieval.answering.targets import MIN_SHARE, TargetIndex, target_excerpt, target_topic
from retrieval.query import Intent, PlanCatalog, Query

__all__ = ["MARGIN", "asks_figure_of_one_plan", "elsewhere_answer"]

#: How much more of the topic another plan's passage must hold than the asked plan's.
MARGIN = 0.15
#: Topic words needed: one word ("tỷ lệ hồ sơ") is too little to refuse on.
MIN_WORDS = 2
#: A row or group number in the question ("2.2 phần cải cách TTHC").
_DOTTED = re.compile(r"\b\d+\.\d+\b")


def asks_figure_of_one_plan(query: Query) -> bool:
    """True when ``query`` is a passage question asking a figure of exactly
    one named plan, with no task row or section number in it."""
    return (query.intent in (Intent.SEARCH, Intent.LOOKUP) and query.figure and query.plan_named
            and len(query.plans) == 1 and not query.task_refs and not query.meta
            and not asked_section_refs(query) and not _DOTTED.search(query.key))


def elsewhere_answer(query: Query, targets: TargetIndex, catalog: PlanCatalog) -> Answer | None:
    """The abstention for a figure the asked plan does not state and other
    loaded plans do: "Kế hoạch X không nêu chỉ tiêu về “…”. Kế hoạch khác có
    nêu: Y: 100% — mục II.2.b: “…”". ``None`` when the asked plan may state
    it, or no other plan does (the other routes then answer or abstain)."""
    words = target_topic(query, catalog)
    if len(words) < MIN_WORDS or not query.plans:
        return None
    asked = query.plans[0]
    if targets.stating(asked, words):
        return None
    # "VK hài lòng đạt bao nhiêu, ai lo việc khảo sát?": the figure's own clause is the
    # target's subject; a plan stating that is not refused for the row words beside it
    own_clause = target_topic(figure_clause(query), catalog)
    if len(own_clause) >= MIN_WORDS and targets.stating(asked, own_clause):
        return None
    own = targets.share(asked, words)
    lines, evidence = [], []
    for doc in sorted(targets.plans):
        found = targets.best(doc, words) if doc != asked else None
        if found is None:
            continue
        chunk, values = found
        # a loosely matched statement (all the topic's words but one) counts as MIN_SHARE;
        # within the margin, the asked plan still does not state it when none of its
        # figures holds the topic's most specific pair this plan's statement holds
        key = targets.key_pair(chunk, words)
        if (max(targets.share(doc, words), MIN_SHARE) < own + MARGIN
                and (key is None or targets.holds(asked, key))):
            continue
        plan = targets.plans.get(doc)
        if doc in query.mentioned:  # the conversation has just quoted it: named, not repeated
            lines.append(f"- {plan_label(catalog, doc)}: như câu trả lời trước ({chunk.locator}).")
            continue
        lines.append(f"- {plan_label(catalog, doc)}: {', '.join(values)} — {chunk.locator}: "
                     f"“{target_excerpt(chunk.quote, words)}”")
        evidence.append(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                 chunk.page, chunk.quote, chunk.section))
    if not lines:
        return None
    worded = targets.worded(asked, words)
    if worded is not None:
        # the asked plan sets the target in words: what it writes, the figure it lacks said
        where = f"mục {worded.section}" if worded.section else "mục tiêu"
        plan = targets.plans.get(asked)
        quoted = Citation(asked, plan_title(plan) if plan else None, where, worded.page, worded.text)
        said = (f"Kế hoạch {plan_label(catalog, asked)} không nêu con số cho chỉ tiêu này; kế hoạch ghi ({where}): "
                f"“{worded.text.strip()}”")
        if query.reasked:  # "còn xã Phú Thái?": that plan's own target on the subject is the answer
            return Answer(said, False, [quoted], "targets", [quoted, *evidence], query)
        return abstention(query, [quoted, *evidence], f"{said}\nKế hoạch khác có nêu:\n" + "\n".join(lines))
    reason = (f"Kế hoạch {plan_label(catalog, asked)} không nêu chỉ tiêu (con số) cho nội dung này.\n"
              "Kế hoạch khác có nêu:\n" + "\n".join(lines))
    return abstention(query, evidence, reason)
