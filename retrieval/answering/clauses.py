"""A question of two clauses, each naming its own plan and asking its own
thing, answered clause by clause.

"giải ngân đầu tư: VK chỉ tiêu bn, TX có nv nào?", "NAP nv 22 ai chủ trì,
VK nv 5 hạn khi nào?", "Việt Khê mức hài lòng bao nhiêu; còn Trường Xuân
có nhiệm vụ khảo sát nào?": staff put two asks of two plans in one line.
Read as one query, the first ask decides the intent for both plans (the
target answer finds no target in Trường Xuân and says so, while the
question asked there for a task row). :func:`plan_clauses` divides the
question where it is divided as typed (",", ";", ":", "còn", "?"), keeps
the words before the first plan named as the shared topic ("giải ngân đầu
tư", "ban hành KH CCHC thì"), and gives one sub-question per plan — the shared topic and that
plan's clause — when there are two clauses or more, each naming exactly one
plan (different plans) and asking something besides the name, and the asks
differ (the same ask of each plan, "NAP ai chủ trì, VK ai chủ trì?", or a clause asking
only whether its plan is alike, "…, có giống Trường Xuân không?", is one
question asked of several plans: :mod:`retrieval.answering.perplan`) — unless
the question as a whole found no reading but passage search ("Ban hành KH
CCHC thì NAP hạn khi nào, VK hạn khi nào?"), where each clause, read alone,
may be a look-up of its own. A clause that only gives its plan's figure
("thanh toán trực tuyến: NAP 80%, LH chỉ tiêu gì …") asks nothing: the
question is the other plan's corresponding target, not divided.
:func:`clauses_answer` answers each sub-question alone and joins the
answers under each plan's label, naming the plan whose clause found nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.lexicon import canon
from retrieval.answering.model import Answer, abstention
from retrieval.answering.rows import plan_label
from retrieval.query import Intent, PlanCatalog, Query, parse_query

__all__ = ["CLAUSE_BREAK", "clauses_answer", "plan_clauses"]

#: Where a question's clauses are divided as typed.
CLAUSE_BREAK = re.compile(r"\s*(?:[,;:?]|\s(?=còn\s)|\s(?=con\s))\s*", re.IGNORECASE)


def _ask(key: str, catalog: PlanCatalog) -> frozenset[str]:
    """What a clause asks besides naming its plan: its words, plan names and
    the words that only join clauses left out."""
    key = _HOW_ABOUT.sub(" ", key)  # "…, TX thì sao": the other clause's ask, of this plan
    ask = frozenset(w for w in key.split() if w not in catalog.name_words and w not in _JOINING)
    if ask <= _LIKENESS and ask & _LIKENESS_HEADS:
        return frozenset()  # "…, có giống TX không", "so với TX thì sao": the other clause's ask, compared
    return ask


#: The words of a clause that only asks whether its plan is like the other ("có giống
#: TX không", "TX có khác gì không", "so với TX", "TX cũng vậy à"), and those of them
#: that say the likeness.
_LIKENESS = frozenset("co giong khac tuong tu nhu voi so khong ko k chu nhau gi hay the vay cung a".split())
_LIKENESS_HEADS = frozenset("giong khac tuong so cung".split())
#: "thì sao", "thế nào", "ra sao" closing a clause: the ask of the clause before, no ask of its own.
_HOW_ABOUT = re.compile(r"\b(?:(?:thi|nhu) )?(?:sao|the nao|ra sao)\s*$")


#: A figure as a clause states it ("80%", "80 phần trăm", "tối thiểu 90%"), canonical words.
_FIGURE_WORD = re.compile(r"\d+(?:[.,]\d+)?%?|phan|tram|toi thieu|toi da|it nhat|dat|la")


def _gives_figure(ask: frozenset[str]) -> bool:
    """Does a clause only state a figure ("NAP 80%": its ask is "80%"), the
    asker's own given, asking nothing of its plan? Then the question has one
    ask — the other plan's corresponding target — and is not divided."""
    return any(re.search(r"\d", w) for w in ask) and all(_FIGURE_WORD.fullmatch(w) for w in ask)


#: A clause asking whether its plan has rows on the subject: "VK có nv đo ko?", "TX có nhiệm vụ nào không".
ROWS_ASKED = re.compile(r"\bco (?:nhiem vu|viec|cong viec)\b(?:.*\b(?:khong|ko|k|chua|nao)\s*$)")
#: The target words of a shared subject ("chỉ tiêu", "mục tiêu", "tỷ lệ"), as typed.
_TARGET_WORDS = re.compile(r"\b(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu|tỷ lệ|tỉ lệ|ty le|ti le)\b", re.IGNORECASE)
#: Words that only bound or frame a figure asked ("đặt tối thiểu bao nhiêu", "đạt ít nhất"):
#: two clauses asking a figure differ in no ask by them.
_BOUND_WORDS = frozenset("dat toi thieu it nhat da muc la duoc".split())
#: Words that only join or open a clause ("còn", "thì", "và", "ở").
_JOINING = frozenset("con thi va o tai cua xa ke hoach".split())


def _before_plan(piece: str, catalog: PlanCatalog) -> tuple[str, str]:
    """``piece`` divided before the word where it first names a plan: the
    words before (naming none) and the rest ("Ban hành KH CCHC thì NAP hạn
    khi nào" → "Ban hành KH CCHC thì", "NAP hạn khi nào")."""
    words = piece.split()
    lead = 0
    for end in range(1, len(words) + 1):
        head = parse_query(" ".join(words[:end]), catalog)
        if head.plan_named:
            break
        lead = end
    return " ".join(words[:lead]), " ".join(words[lead:])


def plan_clauses(query: Query, catalog: PlanCatalog) -> list[tuple[str, str]]:
    """``[(doc, sub-question), …]`` for a question whose clauses name one
    plan each and ask different things (module docstring), in the order
    written; ``[]`` for any other question (one clause, a clause naming two
    plans, a bare "còn TX?" clause, the same ask of each plan)."""
    if len(query.plans) < 2 or query.previous_keys:
        return []
    pieces = [p for p in CLAUSE_BREAK.split(query.text) if p and p.strip()]
    if len(pieces) < 2:
        return []
    shared: list[str] = []
    clauses: list[tuple[str, str]] = []
    for piece in pieces:
        parsed = parse_query(piece, catalog)
        named = parsed.plans if parsed.plan_named else []
        if len(named) > 1:
            return []
        if not named:
            if clauses:  # words after a clause belong to it ("VK chỉ tiêu, bao nhiêu")
                doc, text = clauses[-1]
                clauses[-1] = (doc, f"{text} {piece}")
            else:
                shared.append(piece)
            continue
        if not clauses:  # "Ban hành KH CCHC thì NAP …": the words before the first plan named are shared
            lead, piece = _before_plan(piece, catalog)
            shared += [lead] if lead else []
        clauses.append((named[0], piece))
    docs = [doc for doc, _ in clauses]
    if len(clauses) < 2 or len(set(docs)) != len(docs):
        return []
    asks = [_ask(canon(text), catalog) for _, text in clauses]
    if any(not a for a in asks):
        return []  # a clause that only names its plan ("…, còn TX?")
    if any(_gives_figure(a) for a in asks):
        return []  # "thanh toán trực tuyến: NAP 80%, LH chỉ tiêu gì …": one plan's figure given, one ask
    cores = [a - _BOUND_WORDS for a in asks]
    if len(set(cores)) < len(cores) and Intent(query.intent) != Intent.SEARCH:
        # the same ask of each plan, which its handler answers per plan (also "TX đặt tối
        # thiểu bao nhiêu, còn LH đặt bao nhiêu": a figure asked of each, one bound said once)
        return []
    topic = " ".join(shared)
    # "chỉ tiêu hài lòng y tế: TX đặt bao nhiêu, VK có nv đo ko?": a clause asking for rows
    # reads the shared subject without its target word (no figure asked of that plan)
    return [(doc, f"{_TARGET_WORDS.sub(' ', topic) if ROWS_ASKED.search(canon(text)) else topic} {text}".strip())
            for doc, text in clauses]


def clauses_answer(query: Query, catalog: PlanCatalog, clauses: list[tuple[str, str]],
                   answer_one: Callable[[Query], Answer]) -> Answer:
    """Answer each sub-question of ``clauses`` (:func:`plan_clauses`) alone
    (``answer_one`` gets it parsed, with ``query``'s day, the part it names of
    the clause's plan (``parts``) and the other plans named kept in ``mentioned``) and join the answers, each under "<plan
    label>:"; a clause that finds nothing is said ("Trường Xuân (…): không
    tìm thấy …"). Abstains when no clause finds anything. Citations are the
    parts', in the order asked; ``kind`` the first answering part's."""
    blocks: list[str] = []
    citations, evidence, kinds, silent = [], [], [], []
    docs = [doc for doc, _ in clauses]
    for doc, text in clauses:
        sub = parse_query(text, catalog)
        sub.plans, sub.plan_named, sub.cross_doc = [doc], True, False
        if sub.intent == Intent.SEARCH and not sub.fields and ROWS_ASKED.search(sub.key):
            # "…, VK có nv đo ko?": the plan's rows on the shared subject, each shown whole
            sub.intent, sub.fields = Intent.LOOKUP, ["content"]
        sub.today, sub.today_given = query.today, query.today_given
        # "PT ghi trong thân KH, VK trong phụ lục": the part the whole question names of this plan
        sub.parts = {doc: query.parts[doc]} if doc in query.parts else sub.parts
        sub.mentioned = list(dict.fromkeys([*query.mentioned, *(d for d in docs if d != doc)]))
        part = answer_one(sub)
        label = plan_label(catalog, doc)
        if part.abstained:
            silent.append(label)
            continue
        body = part.text.strip()
        blocks.append(body if body.startswith(label.split(" (")[0]) else f"{label}: {body}")
        citations.extend(part.citations)
        evidence.extend(part.evidence)
        kinds.append(part.kind)
    if not blocks:
        return abstention(query)
    blocks += [f"{label}: không tìm thấy nội dung này trong kế hoạch." for label in silent]
    return Answer("\n".join(blocks), False, citations, kinds[0],
                  citations + [e for e in evidence if e not in citations], query)
