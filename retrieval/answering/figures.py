"""Several figures (or several lists of rows) asked of the same plans in one question, answered ask by ask.

"Phú Thái cắt giảm thời gian giải quyết TTHC tối thiểu bao nhiêu %, kiểm tra
CCHC bao nhiêu % đơn vị?", "NAP: mức hài lòng đạt bao nhiêu; số hóa hồ sơ bao
nhiêu %?": staff ask two targets of one plan (or of the same plans) in one
line. Read as one query the first ask's passage wins and the second figure is
never given. :func:`figure_asks` divides the question where it is divided as
typed (:data:`retrieval.answering.clauses.CLAUSE_BREAK`), keeps the words before
the first ask (the plan's name, "Phú Thái:") as shared, joins to an ask the
pieces after it that ask no figure of their own ("…, ở mục nào"), and gives one
sub-question per ask when two asks or more each ask a figure
(:attr:`retrieval.question.Query.figure`) on a topic of their own
(:func:`retrieval.answering.targets.target_topic`, :data:`MIN_TOPIC_WORDS`), no row number, and name no
plan but the question's; the question as a whole must read as a figure asked
(passage, look-up or target), not one target's body and annex compared. :func:`figures_answer` answers each alone (the whole
routing, so a figure the plan does not state is refused as it would be asked
alone) and joins the answers, each under the ask as written. :func:`list_asks`
divides the same way a line asking two lists of rows with their own filters
("nv nào quý I hàng năm, nv nào quý II hàng năm?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.answering.clauses import CLAUSE_BREAK
from retrieval.answering.model import ABSTAIN, Answer
from retrieval.answering.targets import target_topic
from retrieval.query import Intent, PlanCatalog, Query, parse_query

__all__ = ["MIN_TOPIC_WORDS", "figure_asks", "figures_answer", "list_asks"]

#: Content words a piece's topic needs to be an ask of its own ("theo mục nào" has one).
MIN_TOPIC_WORDS = 2
#: Intents of a piece that asks a target's figure (not a count of rows, a
#: row by number, a header fact or the plans' periods).
_FIGURE_INTENTS = (Intent.SEARCH, Intent.LOOKUP, Intent.TARGETS)


def _asks_figure(piece: Query, catalog: PlanCatalog) -> bool:
    """Does ``piece`` (a clause, parsed) ask a figure on a topic of its own?"""
    return (piece.figure and Intent(piece.intent) in _FIGURE_INTENTS and not piece.task_refs
            and len(target_topic(piece, catalog)) >= MIN_TOPIC_WORDS)


def figure_asks(query: Query, catalog: PlanCatalog) -> list[tuple[str, str]]:
    """``[(ask as written, sub-question), …]`` for a question asking several
    figures of the same plans (module docstring), the sub-question with the
    shared words first, in the order written; ``[]`` for any other question (one ask, a clause naming another
    plan, a row number, a follow-up on earlier rows)."""
    if query.task_refs or query.previous_keys or Intent(query.intent) not in _FIGURE_INTENTS:
        return []  # "… phần mục tiêu là mấy %, phụ lục ghi bao nhiêu?" compares two parts of one target
    return _divide(query, catalog, lambda piece: _asks_figure(piece, catalog),
                   lambda piece: tuple(target_topic(piece, catalog)))


#: The asking word a list piece holds of its own ("nv nào", "bao nhiêu việc").
_ASKED = re.compile(r"\b(?:nao|bao nhieu|may)\b")
#: Intents of a piece that asks a list or count of rows by a filter.
_LIST_INTENTS = (Intent.FILTER, Intent.COUNT)


def _selection(piece: Query) -> tuple:
    """What a list piece selects (its filters), to tell two asks apart."""
    return (piece.unit, piece.unit_role, piece.period, piece.period_until, piece.recurrence, piece.regular,
            piece.negate, piece.topic, piece.section, tuple(piece.empty_fields), piece.product_text,
            piece.overdue, piece.due_within_days, piece.due_until, piece.due_before)


def list_asks(query: Query, catalog: PlanCatalog) -> list[tuple[str, str]]:
    """Like :func:`figure_asks`, for several lists of rows asked in one line,
    each with its own filter: "TX nv nào làm vào quý I hàng năm, nv nào quý
    II hàng năm?", "NAP việc nào do phòng Kinh tế chủ trì; việc nào do Trung
    tâm PVHCC?". ``[]`` unless two pieces or more each read as a list or
    count with a filter (:attr:`Query.has_filter`) and an asking word of
    their own, and select by the same kind of filter with other values."""
    if query.task_refs or query.previous_keys or Intent(query.intent) not in _LIST_INTENTS:
        return []
    asks = _divide(query, catalog, lambda piece: (Intent(piece.intent) in _LIST_INTENTS and piece.has_filter
                                                  and not piece.task_refs and bool(_ASKED.search(piece.key))),
                   _selection)
    kinds = {tuple(i for i, v in enumerate(_selection(parse_query(text, catalog))) if v not in (None, False, ()))
             for _, text in asks}
    return asks if len(kinds) == 1 else []  # parallel asks only: the same kind of filter, other values


def _divide(query: Query, catalog: PlanCatalog, asks_alone: Callable[[Query], bool],
            signature: Callable[[Query], tuple]) -> list[tuple[str, str]]:
    """The question's pieces (:data:`CLAUSE_BREAK`) that ``asks_alone`` holds
    for, each with the pieces after it that ask nothing of their own, and the
    words before the first ask shared by all; ``[]`` unless two asks or more
    with distinct ``signature`` and no piece names a plan the question does not."""
    pieces = [p.strip() for p in CLAUSE_BREAK.split(query.text) if p and p.strip()]
    if len(pieces) < 2:
        return []
    shared: list[str] = []
    asks: list[str] = []
    keys: list[tuple] = []
    for piece in pieces:
        parsed = parse_query(piece, catalog)
        if parsed.plan_named and set(parsed.plans) - set(query.plans):
            return []  # a clause of another plan: each plan's clause (answer_clauses)
        if asks_alone(parsed):
            asks.append(piece)
            keys.append(signature(parsed))
        elif asks:
            asks[-1] = f"{asks[-1]} {piece}"
        else:
            shared.append(piece)
    if len(asks) < 2 or len(set(keys)) < len(keys):
        return []
    prefix = " ".join(shared)
    return [(ask, f"{prefix} {ask}".strip()) for ask in asks]


def figures_answer(query: Query, catalog: PlanCatalog, asks: list[tuple[str, str]],
                   answer_one: Callable[[Query], Answer]) -> Answer | None:
    """Answer each sub-question of ``asks`` (:func:`figure_asks`) alone
    (``answer_one`` gets it parsed, with ``query``'s plans when it names none,
    and ``query``'s day) and join the answers, each under "Về “<ask>”:"; an
    ask that finds nothing says why when its answer knows (a figure only
    other plans state), else that nothing was found. ``None`` when no ask
    finds anything (the question is then answered whole). Citations and
    evidence are the parts', in the order asked; ``kind`` the first
    answering part's."""
    blocks: list[str] = []
    citations, evidence, kinds = [], [], []
    for asked, text in asks:
        sub = parse_query(text, catalog)
        if not sub.plan_named:
            sub.plans, sub.plan_named, sub.cross_doc = list(query.plans), query.plan_named, query.cross_doc
        sub.today, sub.today_given = query.today, query.today_given
        sub.mentioned = list(query.mentioned)
        part = answer_one(sub)
        if part.abstained:
            reason = part.text.strip() if part.text.strip() != ABSTAIN else (
                "Không tìm thấy nội dung này trong kế hoạch.")
            blocks.append(f"Về “{asked}”: {reason}")
            evidence.extend(part.evidence)
            continue
        blocks.append(f"Về “{asked}”:\n{part.text.strip()}")
        citations.extend(part.citations)
        evidence.extend(part.evidence)
        kinds.append(part.kind)
    if not kinds:
        return None
    return Answer("\n".join(blocks), False, citations, kinds[0],
                  citations + [e for e in evidence if e not in citations], query)
