"""Which plans send their reports to a body: "xã nào trong kế hoạch ghi báo cáo
CCHC gửi về Sở Nội vụ?", "KH nào yêu cầu báo cáo lên UBND thành phố?",
"những xã nào báo cáo kết quả cho Sở Nội vụ", "NAP có gửi báo cáo về Sở Nội vụ
không?".

Read from the implementation part ("Tổ chức thực hiện"): a plan sends to the
body when a paragraph there speaks of a report ("báo cáo") and names the body
(:func:`ingest.lexicon.contains_words` on ``canon`` keys, so "UBND thành phố"
meets "Ủy ban nhân dân thành phố"). Each such plan is given with the words
around the body, cited by its paragraph; a plan that names it nowhere is said
so, with the place its own reporting paragraph sends reports to
(:func:`retrieval.answering.reporting.reporting_paragraphs`), so "báo cáo
UBND xã để báo cáo UBND thành phố" is seen rather than guessed. Asked with the
regime of named plans ("TX báo cáo định kỳ thế nào, có phải bc cho HĐND ko?":
:data:`retrieval.question.cues.REGIME_ASKED`), the regime
(:func:`retrieval.answering.reporting.reporting_answer`) comes first, then
whether the plan writes reports to the body ("Báo cáo cho …: có ghi / không ghi").
"""

from __future__ import annotations

import re

from ingest.lexicon import canon, contains_words, written_span
from ingest.model import Plan
from retrieval.answering.model import Answer, Citation
from retrieval.answering.reporting import reporting_answer, reporting_paragraphs
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import REGIME_ASKED, REPORT_BODY_END, REPORT_TO

__all__ = ["report_body", "report_to_answer"]

#: Characters quoted before and after the body named.
BEFORE, AFTER = 160, 120
_IMPLEMENTATION = re.compile(r"\bto chuc thuc hien\b")
_REPORT = re.compile(r"\bbao cao\b")
#: A place written after a department's name ("… thành phố", "… tỉnh Lào Cai").
_PLACE_AFTER = re.compile(r" (?:thanh pho|tinh|huyen|tp)(?: \w+){0,2}$")


def report_body(query: Query) -> str | None:
    """The body (a ``canon`` key, "so noi vu") the question asks reports be
    sent to (:data:`REPORT_TO`), cut at the first word that ends it; ``None``
    when none is named or a row number is asked."""
    m = REPORT_TO.search(query.key)
    if m is None or query.task_refs:
        return None
    words = []
    for w in (m.group("body") or m.group("body2") or "").split():
        if w in REPORT_BODY_END:
            break
        words.append(w)
    if len(words) > 2 and words[0] in ("so", "bo"):
        # "Sở Nội vụ thành phố": a department's place adds nothing ("UBND xã" and
        # "UBND thành phố" are two bodies; "Sở Nội vụ" is one)
        words = _PLACE_AFTER.sub("", " ".join(words)).split()
    return " ".join(words) if len(words) >= 2 else None


def _implementation_paragraphs(plan: Plan) -> list[tuple[str, str]]:
    """(locator, text) of the implementation part's paragraphs, in order."""
    return [(s.locator or s.heading, p.text) for s in plan.sections
            if s.path and _IMPLEMENTATION.search(canon(s.path[0])) for p in s.paragraphs]


def _body_at(flat: str, body: str) -> int:
    """Where in ``flat`` (one paragraph, spaces collapsed) the body is written
    after a report is spoken of ("… báo cáo UBND thành phố", not "nhiệm vụ UBND
    thành phố giao; … báo cáo UBND xã"), as a character offset; -1 if nowhere."""
    reported = False
    for m in re.finditer(r"\S+", flat):
        if not reported:
            reported = canon(flat[max(0, m.start() - 8):m.end()]).endswith("bao cao")
            continue
        if canon(flat[m.start():m.start() + 3 * len(body)]).startswith(body):
            return m.start()
    return -1


def _around(flat: str, pos: int) -> str:
    """The words of ``flat`` around offset ``pos``."""
    start, end = max(0, pos - BEFORE), min(len(flat), pos + AFTER)
    start = flat.find(" ", start) + 1 if start else 0
    cut = flat.rfind(" ", pos, end) if end < len(flat) else end
    end = cut if cut > pos else end
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def _tail(text: str) -> str:
    """The end of a reporting paragraph, where it names whom reports go to
    ("… về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) để báo cáo Ủy ban nhân
    dân thành phố.")."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= BEFORE + AFTER:
        return flat
    start = flat.find(" ", len(flat) - BEFORE - AFTER) + 1
    return "…" + flat[start:]


def report_to_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Kind ``plans`` (module docstring); ``None`` when no body is named or no
    plan in ``plans`` has an implementation part."""
    body = report_body(query)
    if body is None:
        return None
    sending: list[tuple[Plan, list[tuple[str, str, int]]]] = []
    others: list[Plan] = []
    for plan in plans:
        paragraphs = _implementation_paragraphs(plan)
        if not paragraphs:
            continue
        naming: list[tuple[str, str, int]] = []
        for where, text in paragraphs:
            flat = re.sub(r"\s+", " ", text).strip()
            if _REPORT.search(key := canon(flat)) and contains_words(key, body) >= 0:
                pos = _body_at(flat, body)
                if pos >= 0:
                    naming.append((where, flat, pos))
        (sending.append((plan, naming)) if naming else others.append(plan))
    if not sending and not others:
        return None
    shown = written_span(body, [t for _, naming in sending for _, t, _ in naming] + [query.text]) or body
    lines = []
    if len(sending) + len(others) > 1:
        lines.append(f"Kế hoạch ghi báo cáo gửi {shown}: " + (", ".join(plan_label(catalog, p.doc)
                                                                       for p, _ in sending)
                                                             if sending else "không kế hoạch nào") + ".")
    citations: list[Citation] = []
    for plan, naming in sending:
        for where, text, pos in naming[:2]:
            lines.append(f"- {plan_label(catalog, plan.doc)} (mục {where}): “{_around(text, pos)}”")
            citations.append(Citation(plan.doc, plan_title(plan), f"mục {where}", None, shorten(text, 500)))
    for plan in others:
        stated = reporting_paragraphs(plan)
        if stated:
            where, text = stated[0]
            lines.append(f"- {plan_label(catalog, plan.doc)}: không ghi gửi {shown}; phần tổ chức thực hiện ghi "
                         f"(mục {where}): “{_tail(text)}”")
            citations.append(Citation(plan.doc, plan_title(plan), f"mục {where}", None, shorten(text, 500)))
        else:
            lines.append(f"- {plan_label(catalog, plan.doc)}: không ghi gửi báo cáo về {shown}.")
    if query.plan_named and REGIME_ASKED.search(query.key):
        regime = reporting_answer(query, plans, catalog)
        if regime is not None and not regime.abstained:
            said = {(c.doc, c.locator) for c in regime.citations}
            more = [c for c in citations if (c.doc, c.locator) not in said]
            verdict = "có ghi" if sending else "không ghi"
            text = regime.text + f"\nBáo cáo cho {shown}: {verdict}.\n" + "\n".join(lines)
            cited = regime.citations + more
            return Answer(text, False, cited, "extractive", list(cited), query)
    return Answer("\n".join(lines), False, citations, "plans", list(citations), query)
