"""One question asked of several named plans, answered plan by plan.

"việc khảo sát hài lòng: NAP ai chủ trì, VK ai chủ trì?", "trong NAP và VK,
ai phụ trách ISO 9001 theo phần tổ chức thực hiện?", "so sánh hạn gửi báo
cáo quý của Phú Thái và Nam An Phụ", "đơn vị tuyên truyền CCHC ở NAP, PT,
VK gọi là gì?": the question names two plans or more and its handler
(passage search, a look-up by content, a unit's duties) would rank the
passages of all of them together, so one plan's best passage crowds the
others out. :func:`fans_out` tells a look-up by content of several plans,
which :func:`per_plan_answer` asks of each plan alone and joins the answers
under each plan's label, saying in words which plan gave nothing; passage
search already keeps each named plan's best sentences, so
:func:`complete_per_plan` only asks alone the named plans its answer left
out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label
from retrieval.query import Intent, PlanCatalog, Query

__all__ = ["FAN_OUT_INTENTS", "complete_per_plan", "fans_out", "names_several", "per_plan_answer"]

#: the intents whose handlers rank one pool of passages or rows; the others
#: (task rows by number, filters, counts, header facts, targets, upper
#: locality, which plans) already answer per plan.
FAN_OUT_INTENTS = (Intent.LOOKUP,)


def names_several(query: Query) -> bool:
    """True when ``query`` names two plans or more (by name, initials or
    period) and does not select among a previous answer's rows."""
    return query.plan_named and len(query.plans) >= 2 and not query.previous_keys


def fans_out(query: Query) -> bool:
    """True when ``query`` names several plans (:func:`names_several`) and its
    intent is one of :data:`FAN_OUT_INTENTS`."""
    return names_several(query) and Intent(query.intent) in FAN_OUT_INTENTS


def _sub_query(query: Query, doc: str) -> Query:
    """``query`` of the one plan ``doc``; the other plans named stay in
    ``mentioned`` so their names are not read as content words."""
    others = [d for d in query.plans if d != doc]
    return replace(query, plans=[doc], result_keys=[],
                   mentioned=list(dict.fromkeys([*query.mentioned, *others])))


#: ``nearest(query of one plan, that plan's doc, the other plans' citations)``:
#: the plan's passage nearest in meaning to theirs (:mod:`retrieval.answering.nearest`), or ``None``
Nearest = Callable[[Query, str, list[Citation]], Answer | None]


def complete_per_plan(query: Query, found: Answer, catalog: PlanCatalog,
                      answer_one: Callable[[Query], Answer], nearest: Nearest | None = None) -> Answer:
    """``found`` (the answer over all of ``query``'s plans) with the named
    plans it cites nothing of asked alone (``answer_one``) and appended
    under their labels; one that finds nothing alone gives its passage
    nearest in meaning to ``found``'s (``nearest``), else is named. An
    abstained ``found`` is replaced by :func:`per_plan_answer`."""
    if found.abstained:
        return per_plan_answer(query, catalog, answer_one, nearest=nearest)
    cited = {c.doc for c in found.citations}
    missing = [d for d in query.plans if d not in cited]
    if not missing:
        return found
    if nearest is not None:
        ask, like = answer_one, nearest

        def answer_one(sub: Query) -> Answer:  # alone, else like what the others answered
            part = ask(sub)
            closest = like(sub, sub.plans[0], found.citations) if part.abstained else None
            return closest or part
    rest = per_plan_answer(replace(query, plans=missing), catalog, answer_one, keep=query.plans)
    if rest.abstained:
        labels = ", ".join(plan_label(catalog, d) for d in missing)
        text = f"{found.text}\n{labels}: không tìm thấy nội dung này trong kế hoạch."
        return replace(found, text=text)
    citations = found.citations + rest.citations
    text = found.text.strip()
    if len(cited) == 1 and not text.startswith(plan_label(catalog, next(iter(cited))).split(" (")[0]):
        text = f"{plan_label(catalog, next(iter(cited)))}: {text}"  # one plan answered: say which
    return replace(found, text=f"{text}\n{rest.text}", citations=citations,
                   evidence=citations + [e for e in found.evidence + rest.evidence
                                         if e not in citations])


def per_plan_answer(query: Query, catalog: PlanCatalog,
                    answer_one: Callable[[Query], Answer],
                    keep: list[str] | None = None, nearest: Nearest | None = None) -> Answer:
    """Ask ``query`` of each of its plans (``answer_one`` gets a copy with
    one plan) and join the answers, each under "<plan label>:"; a plan that
    gives nothing is named ("Việt Khê (…): không tìm thấy …"). Abstains when
    no plan gives anything. Citations and evidence are the parts', in plan
    order; ``kind`` is the first answering part's; ``query`` is ``query``.
    ``keep`` every plan the question named (default ``query.plans``): their
    names are not content words of any part. ``nearest``: a plan that gives
    nothing gives its passage nearest in meaning to the other plans' answers,
    when there is one (:data:`Nearest`)."""
    blocks: list[str] = []
    citations, evidence = [], []
    kinds: list[str] = []
    silent: list[str] = []
    silent_docs: list[str] = []
    for doc in query.plans:
        part = answer_one(_sub_query(replace(query, plans=keep or query.plans), doc))
        label = plan_label(catalog, doc)
        if part.abstained:
            silent.append(label)
            silent_docs.append(doc)
            continue
        text = part.text.strip()
        if not text.startswith(label.split(" (")[0]):
            text = f"{label}: {text}"
        blocks.append(text)
        citations.extend(part.citations)
        evidence.extend(part.evidence)
        kinds.append(part.kind)
    if not blocks:
        return abstention(query)
    for doc in silent_docs:
        sub = _sub_query(replace(query, plans=keep or query.plans), doc)
        closest = nearest(sub, doc, list(citations)) if nearest is not None else None
        if closest is not None:
            silent.remove(plan_label(catalog, doc))
            blocks.append(closest.text.strip())
            citations.extend(closest.citations)
            evidence.extend(closest.evidence)
    for label in silent:
        blocks.append(f"{label}: không tìm thấy nội dung này trong kế hoạch.")
    return Answer("\n".join(blocks), False, citations, kinds[0],
                  citations + [e for e in evidence if e not in citations], query)
