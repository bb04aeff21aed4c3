"""Answers from a plan's header facts and from the catalog of loaded plans.

* **meta** questions (who signed, which decision, which date, which level
  issued it) are answered from :class:`ingest.model.Metadata`; a fact the
  header leaves blank gives an abstention, except a decision number, which
  is then looked for in the text; a plan naming no signer says whose
  decision issues it ("… của Chủ tịch Uỷ ban nhân dân xã Phú Thái"), and
  "ai ký, cấp nào ban hành?" is then answered by that authority;
* **plans** questions ("kế hoạch nào áp dụng cho năm 2026?") list the plans
  in scope with their titles.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.lexicon import canon
from ingest.model import Metadata, Plan, Task
from retrieval.answering.bases import (
    BASIS_CHARS,
    UpperPlan,
    bases_of_issuer,
    carried_out,
    legal_bases,
    of_issuer,
    upper_plan,
)
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.answering.which import names_only_matching, others_line
from retrieval.query import PlanCatalog, Query
from retrieval.question.crossplan import asks_periods
from retrieval.question.cues import BASIS_ISSUER, BASIS_KIND

if TYPE_CHECKING:
    from retrieval.answering.text import PassageAnswerer



def date_vi(iso: str | None) -> str | None:
    """"2025-07-31" → "31/7/2025", "2025-01-22" → "22/01/2025": as an
    administrative text writes a date (Nghị định 30/2020: a day below 10 and
    the months 1 and 2 take a leading 0); other text (and ``None``) unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not m:
        return iso
    day, month = int(m.group(3)), int(m.group(2))
    day_text = f"{day:02d}" if day < 10 else str(day)
    month_text = f"{month:02d}" if month < 3 else str(month)
    return f"{day_text}/{month_text}/{m.group(1)}"


def dated_as_written(written: str | None, when: str | None) -> str:
    """A header date as the plan writes it, with the short form beside it when
    the two differ: ("22 tháng 01 năm 2025", "22/01/2025") → "22 tháng 01 năm
    2025 (22/01/2025)"; ("31/7/2025", "31/7/2025") → "31/7/2025"; without a
    written form, ``when``."""
    if not written:
        return when or ""
    return written if not when or written == when else f"{written} ({when})"


_META_WORDS = {"signer": "người ký", "decision": "số quyết định", "date": "ngày ký ban hành",
               "bases": "căn cứ ban hành", "upper_plan": "kế hoạch cấp trên được căn cứ",
               "proposal": "tờ trình đề nghị ban hành", "issuer": "cơ quan ban hành"}
#: A header fact asked as left blank: "không ghi", "chưa có", "để trống", "bỏ trống".
_BLANK_ASKED = re.compile(r"\b(?:khong|chua) (?:ghi|co|neu|dien)\b|\b(?:de|bo) trong\b")
#: Header facts whose blank cell is said of each plan left blank when several plans are answered.
_BLANK_SAID = frozenset({"signer", "decision", "date"})
#: The plan's own decision written in its text ("Kèm theo Quyết định số 533/QĐ-UBND"),
#: not a decision it is based on.
_OWN_DECISION = re.compile(r"(?:kèm theo|ban hành kèm)[^.;]{0,40}?\d+\s*/\s*Q[ĐD]", re.I)
#: The preamble's proposal ("Theo đề nghị của Trưởng phòng … tại Tờ trình số …",
#: "Xét đề nghị của …"): who proposed the decision, and by which submission.
_PROPOSAL = re.compile(r"^\W*(?:theo|xét)\s+(?:đề nghị|tờ trình)\b", re.I)
#: A date written in words ("ngày 14 tháng 01 năm 2025").
_WORDED_DATE = re.compile(r"\bngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})\b")


def _with_short_dates(text: str) -> str:
    """``text`` with the short form beside each date written in words, as the
    header dates are shown (:func:`dated_as_written`): "ngày 14 tháng 01 năm
    2025" → "ngày 14 tháng 01 năm 2025 (14/01/2025)"."""
    return _WORDED_DATE.sub(lambda m: f"{m.group(0)} ({m.group(1)}/{m.group(2)}/{m.group(3)})", text)


def proposals(plan: Plan) -> list[tuple[str, str]]:
    """(locator, text) of every preamble paragraph of ``plan`` opening with
    "Theo đề nghị" / "Xét đề nghị" / "Theo Tờ trình", in document order."""
    return [(section.locator or section.heading, para.text.strip())
            for section in plan.sections for para in section.paragraphs if _PROPOSAL.match(para.text)]


def meta_answer(query: Query, plans: list[Plan], catalog: PlanCatalog, passages: PassageAnswerer) -> Answer:
    """Every header fact asked (``query.metas``, in order), each by
    :func:`fact_answer`, joined; a fact the plans leave blank is said in
    words ("… không ghi người ký."). Abstains when none is found, or when the
    first fact (the one asked now; a follow-up keeps the earlier ones after
    it) is blank."""
    metas = query.metas or ([query.meta] if query.meta else [])
    if len(metas) <= 1:
        return fact_answer(query, plans, catalog, passages)
    texts, citations, missing = [], [], []
    for name in metas:
        found = fact_answer(replace(query, meta=name, metas=[name]), plans, catalog, passages)
        if found.abstained:
            missing.append(_META_WORDS[name])
            continue
        texts.append(found.text)
        citations += [c for c in found.citations if c not in citations]
    names = ", ".join(plan_label(catalog, p.doc) for p in plans)
    if missing and metas[0] == "signer" and "issuer" in metas and _META_WORDS["issuer"] not in missing:
        # "ai ký, cấp nào ban hành?" of a plan naming no signer: the issuing authority answers the who
        missing[0] = "tên người ký"
    elif not texts or _META_WORDS[metas[0]] in missing:
        # nothing found, or not the fact asked first ("ai ký quyết định đó?" of a plan
        # with no signer, the decision number already given): said in words
        return abstention(query, reason=f"Kế hoạch {names} không ghi {', '.join(missing)}.")
    if missing:
        texts.append(f"Kế hoạch {names} không ghi {', '.join(missing)}.")
    return Answer("\n".join(texts), False, citations, "meta", list(citations), query)


def fact_answer(query: Query, plans: list[Plan], catalog: PlanCatalog, passages: PassageAnswerer) -> Answer:
    """Header facts of ``plans`` (those in scope): signer, decision number
    (with its date), date; kind ``meta``.

    A decision number is quoted from the sentence of the plan that writes
    it (so its date reads as written) when one is indexed; a fact the
    header leaves blank gives an abstention, except a decision number,
    which is then looked for in the text. ``passages`` is the extractive
    answerer (:class:`retrieval.answering.text.PassageAnswerer`) used for both.
    A which question ("những KH nào nêu tên người ký?", "KH nào có số
    hiệu?") names the plans that give the fact, each with its value, and
    counts the others (:mod:`retrieval.answering.which`).
    """
    blocks, citations = [], []
    for plan in plans:
        m = plan.metadata
        when = date_vi(m.date)
        if query.meta == "decision" and m.decision_number:
            sub = replace(query, plans=[plan.doc], plan_named=True)
            # as written in the text: "04 /QĐ-UBND" is the header's "04/QĐ-UBND"
            written = r"\s*/\s*".join(re.escape(part) for part in m.decision_number.split("/"))
            found = passages.answer(sub, require=re.compile(written))
            if not found.abstained:
                dated = f" ngày {dated_as_written(m.date_text, when)}" \
                    if when and when not in found.text and (m.date_text or when) not in found.text else ""
                blocks.append(f"{plan_label(catalog, plan.doc)}: Quyết định số {m.decision_number}{dated}. "
                              + found.text)
                citations.extend(found.citations)
                continue
            text = f"Ban hành kèm theo Quyết định số {m.decision_number}" + (
                f" ngày {when}." if when else ".")
        elif query.meta == "signer" and m.signer:
            text = f"Người ký: {m.signer}."
        elif query.meta == "issuer" and m.issuing_body:
            text = issuer_text(m)
        elif query.meta == "date" and m.date:
            text = f"Ngày ban hành: {dated_as_written(m.date_text, when)}."
        elif query.meta == "upper_plan" and (upper := upper_plan(plan)) is not None:
            blocks.append(upper_plan_block(plan, upper, catalog))
            citations.append(Citation(plan.doc, plan_title(plan), upper.locator, None,
                                      shorten(upper.text, BASIS_CHARS), None if upper.basis else upper.locator))
            continue
        elif query.meta in ("bases", "upper_plan") and (every := legal_bases(plan)):
            # the upper plan not singled out: every basis, the one asked among them;
            # "căn cứ QĐ nào của huyện X": that issuer's (and kind's) bases only
            issuer = BASIS_ISSUER.search(query.key)
            kind = BASIS_KIND.search(query.key)
            bases = (issuer and bases_of_issuer(plan, issuer.group(1), kind and kind.group(1))) or every
            count = f"({len(bases)} văn bản)" if issuer is None or bases == every \
                else "của cơ quan được hỏi"
            lines = [f"{plan_label(catalog, plan.doc)}: căn cứ ban hành {count}:"]
            lines += [f"- {shorten(_with_short_dates(text), BASIS_CHARS)}" for _, text in bases]
            blocks.append("\n".join(lines))
            citations.append(Citation(plan.doc, plan_title(plan), bases[0][0], None,
                                      shorten(bases[0][1], BASIS_CHARS)))
            continue
        elif query.meta == "bases" and (implemented := carried_out(plan)):
            # no "Căn cứ" line: the documents the purpose section says the plan carries out
            issuer, kind = BASIS_ISSUER.search(query.key), BASIS_KIND.search(query.key)
            chosen = of_issuer(implemented, issuer and issuer.group(1), kind and kind.group(1))
            lines = [f"{plan_label(catalog, plan.doc)}: không có dòng “Căn cứ …”; phần Mục đích nêu "
                     "kế hoạch triển khai:"]
            lines += [f"- {shorten(_with_short_dates(text), BASIS_CHARS)} (mục {where})" for where, text in chosen]
            blocks.append("\n".join(lines))
            citations.extend(Citation(plan.doc, plan_title(plan), f"mục {where}", None, shorten(text, BASIS_CHARS),
                                      where)
                             for where, text in chosen)
            continue
        elif query.meta == "proposal" and (proposed := proposals(plan)):
            blocks.append(f"{plan_label(catalog, plan.doc)}: " + " ".join(t for _, t in proposed))
            citations.append(Citation(plan.doc, plan_title(plan), proposed[0][0], None,
                                      shorten(proposed[0][1], BASIS_CHARS)))
            continue
        else:
            continue
        facts = "; ".join(x for x in (m.decision_number, when, m.signer) if x)
        blocks.append(f"{plan_label(catalog, plan.doc)}: {text}")
        citations.append(Citation(plan.doc, plan_title(plan), "thông tin chung", None,
                                  f"{plan_title(plan) or ''} ({facts})"))
    if not blocks:
        if query.meta == "decision":  # the number may still be written in the text
            found = passages.answer(query, require=_OWN_DECISION)
            if not found.abstained:
                return found
        names = ", ".join(plan_label(catalog, p.doc) for p in plans)
        if not names or not query.meta:
            return abstention(query)
        reason = f"Kế hoạch {names} không ghi {_META_WORDS[query.meta]} (ô để trống hoặc không nêu)."
        if query.meta == "signer":
            reason += "".join(f"\n{plan_label(catalog, p.doc)}: {by}" for p in plans if (by := decided_by(p.metadata)))
        rows = [(p, row) for p in plans for row in [issuing_row(p)] if row is not None]
        if query.meta == "date" and rows:
            # the day is blank, but the annex dates the plan's own issuing: said, still no day
            reason += "".join(f"\nPhụ lục của {plan_label(catalog, p.doc)} có {row.label} “{row.content}”, "
                              f"thời hạn: {row.deadline or '(không ghi)'}." for p, row in rows)
        return abstention(query, reason=reason)
    answered = {c.doc for c in citations}
    blank = [p for p in plans if p.doc not in answered]
    if query.meta in _BLANK_SAID and blank and _BLANK_ASKED.search(query.key) and len(plans) > 1:
        # "KH nào không ghi số quyết định?": the blank ones are the answer, named first
        head = (f"Không ghi {_META_WORDS[query.meta]} (để trống): "
                + ", ".join(plan_label(catalog, p.doc) for p in blank) + ".")
        blocks = [head, f"Các kế hoạch có ghi {_META_WORDS[query.meta]}:", *blocks]
        citations += _blank_citations(query.meta, blank)
    elif query.meta and blank and names_only_matching(query, [p.doc for p in plans]):
        # "những KH nào nêu tên người ký?": the plans without it are counted, not named
        blocks.append(others_line(len(blank), f"không ghi {_META_WORDS[query.meta]}"))
    elif query.meta in _BLANK_SAID and blank and len(plans) > 1:
        # "kế hoạch nào ghi số QĐ, kế hoạch nào để trống?": the blank ones named too
        blocks.append(f"Để trống {_META_WORDS[query.meta]} (ô không ghi): "
                      + ", ".join(plan_label(catalog, p.doc) for p in blank) + ".")
        citations += _blank_citations(query.meta, blank)
    return Answer("\n".join(blocks), False, citations, "meta", list(citations), query)


def decided_by(m: Metadata) -> str | None:
    """Whose decision issues the plan, as written, for a plan naming no signer:
    "ban hành kèm theo Quyết định số 533/QĐ-UBND của Chủ tịch Uỷ ban nhân dân xã
    Phú Thái." (:attr:`ingest.model.Metadata.authority`); ``None`` without one."""
    if not m.authority:
        return None
    number = f" số {m.decision_number}" if m.decision_number else ""
    return f"ban hành kèm theo Quyết định{number} của {m.authority}."


def issuer_text(m: Metadata) -> str:
    """The answer to "cấp nào / cơ quan nào ban hành": "Cơ quan ban hành: Ủy ban
    nhân dân xã Phú Thái (cấp xã); ban hành kèm theo Quyết định số 533/QĐ-UBND
    của Chủ tịch Uỷ ban nhân dân xã Phú Thái." — the decision's authority added
    when it is not the issuing body itself."""
    level = f" (cấp {m.level})" if m.level else ""
    text = f"Cơ quan ban hành: {m.issuing_body}{level}"
    by = decided_by(m)
    return text + (f"; {by}" if by and canon(m.authority) != canon(m.issuing_body) else ".")


def _blank_citations(meta: str, blank: list[Plan]) -> list[Citation]:
    """The header of each plan of ``blank`` cited for the fact ``meta`` it leaves blank."""
    return [Citation(p.doc, plan_title(p), "thông tin chung", None,
                     f"{plan_title(p) or p.doc} ({_META_WORDS[meta]}: để trống)") for p in blank]


#: An annex row issuing a CCHC plan ("Ban hành Kế hoạch cải cách hành chính năm 2026"), on its canonical key.
_ISSUING_ROW = re.compile(r"^ban hanh ke hoach cai cach hanh chinh\b")


def issuing_row(plan: Plan) -> Task | None:
    """The annex row of ``plan`` that issues the plan itself — a numbered row
    opening "Ban hành Kế hoạch cải cách hành chính …" whose years, if it names
    any, lie in the plan's period (the genre's row 1, "Ban hành Kế hoạch cải
    cách hành chính năm 2026" in the 2026 plan) — else ``None``."""
    period = plan.metadata.period
    for task in plan.tasks:
        key = canon(task.content)
        if not task.number or not _ISSUING_ROW.match(key):
            continue
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", key)]
        first, last = period.start_year, period.end_year or period.start_year
        if first is None or all(first <= y <= (last or first) for y in years):
            return task
    return None


def upper_plan_block(plan: Plan, found: UpperPlan, catalog: PlanCatalog) -> str:
    """The line answering which upper plan ``plan`` implements, ``found``
    (:func:`retrieval.answering.bases.upper_plan`): "Lộc
    Hòa (năm 2025): căn cứ kế hoạch của cấp trên: Căn cứ Quyết định số
    128/QĐ-UBND … của Ủy ban nhân dân huyện Lộc Ninh ban hành Kế hoạch …";
    for a plan with no such "Căn cứ" line, the body's words naming the plan
    it implements and where: "Phú Thái (…): không có dòng "Căn cứ" kế hoạch
    cấp trên; kế hoạch triển khai Kế hoạch cải cách hành chính của thành
    phố Hải Phòng năm 2025 (mục I.1: “…”)"."""
    label = plan_label(catalog, plan.doc)
    if found.basis:
        return f"{label}: căn cứ kế hoạch của cấp trên: {shorten(found.text, BASIS_CHARS)}"
    return (f"{label}: không có dòng \"Căn cứ\" kế hoạch cấp trên; kế hoạch triển khai {found.named} "
            f"(mục {found.locator}: “{shorten(found.text, BASIS_CHARS)}”)")


def plans_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """Kind ``plans``: "N kế hoạch:" and one line per plan of ``plans``
    (label and title), each cited by its title; the period of each plan
    when asked (:func:`periods_answer`; the caller passes every plan then,
    unless the question or the scope fixed them). Abstains when empty."""
    if asks_periods(query):
        return periods_answer(query, plans, catalog)
    if not plans:
        return abstention(query)
    lines, citations = [], []
    for plan in plans:
        lines.append(f"- {plan_label(catalog, plan.doc)}: {plan_title(plan) or plan.doc}")
        citations.append(Citation(plan.doc, plan_title(plan), "tiêu đề", None, plan_title(plan) or plan.doc))
    return Answer(f"{len(plans)} kế hoạch:\n" + "\n".join(lines), False, citations, "plans",
                  list(citations), query)


def periods_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """Kind ``plans``: the plans grouped by the period they cover, longest
    first ("giai đoạn 2026 - 2030 (5 năm): Trường Xuân"; "6 tháng cuối năm
    2025: Phú Thái, Việt Khê"), each plan cited by its title. For "kỳ kế
    hoạch của từng xã", "KH nào giai đoạn 5 năm, KH nào 6 tháng cuối
    2025?". Abstains when ``plans`` is empty; a plan whose header gives no
    period is said so."""
    if not plans:
        return abstention(query)
    groups: dict[str, list[Plan]] = {}
    spans: dict[str, float] = {}
    for plan in plans:
        period = plan.metadata.period
        text = period.text or "không ghi kỳ kế hoạch"
        groups.setdefault(text, []).append(plan)
        if period.start_year:
            years = (period.end_year or period.start_year) - period.start_year + 1
            spans[text] = years / 2 if re.search(r"\b6 th[aá]ng\b", text) else years
    lines, citations = [], []
    for text in sorted(groups, key=lambda t: -spans.get(t, 0)):
        span = spans.get(text)
        length = f" ({int(span)} năm)" if span and span > 1 and span == int(span) else ""
        names = ", ".join(catalog.by_doc[p.doc].name if p.doc in catalog.by_doc else p.doc
                          for p in groups[text])
        lines.append(f"- {text}{length}: {names}")
        for plan in groups[text]:
            citations.append(Citation(plan.doc, plan_title(plan), "tiêu đề", None,
                                      plan_title(plan) or plan.doc))
    head = "Kỳ của từng kế hoạch:"
    if _MULTI_YEAR_ASKED.search(query.key):
        # "kế hoạch nào là kế hoạch cả giai đoạn chứ không phải một năm?": those first
        longer = [p for p in plans if spans.get(p.metadata.period.text or "", 0) > 1]
        if longer:
            head = ("Kế hoạch cho cả giai đoạn (nhiều năm): "
                    + "; ".join(f"{catalog.by_doc[p.doc].name if p.doc in catalog.by_doc else p.doc}, "
                                f"{p.metadata.period.text}" for p in longer)
                    + ". Các kế hoạch còn lại cho một năm hoặc 6 tháng.\n" + head)
    return Answer(head + "\n" + "\n".join(lines), False, citations, "plans",
                  list(citations), query)


#: A plan of several years asked ("kế hoạch cả giai đoạn", "KH nào nhiều năm",
#: "kéo dài hơn một năm").
_MULTI_YEAR_ASKED = re.compile(r"\b(?:ca giai doan|nhieu nam|hon (?:mot|1) nam|(?:ke hoach|kh) giai doan)\b")
