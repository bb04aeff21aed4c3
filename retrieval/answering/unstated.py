"""What the plans do not say, said in words (not a bare "Không tìm thấy").

* a person's name for a position ("Giám đốc Trung tâm Phục vụ hành chính
  công tên là gì?", "trưởng phòng kinh tế là ai?"): the plans give
  positions, not names; only the signer is named (answered by
  :mod:`retrieval.answering.meta`). The abstention says which plan does not
  name that position, and who signed it;
* a share of progress ("nv 13 tới giờ đã hoàn thành được bao nhiêu %?"):
  neither the plan nor the task statuses record percentages;
* whether a plan has an annex of tasks ("Kế hoạch Phú Thái có phụ lục nhiệm
  vụ không?"): from the plan model, "có, N nhiệm vụ" or "không có";
* a contact ("so dt phong VH-XH xa Phu Thai la bao nhieu?", "email của Trung
  tâm PVHCC"): plans name units, not their telephone numbers or addresses;
  refused for each plan that writes no telephone number or mail address;
* a headcount ("trung tâm PVHCC có bao nhiêu biên chế?", "TX có bao nhiêu cán
  bộ công chức?"), or a count of people or records ("bao nhiêu người được tập
  huấn?", "LH có bao nhiêu hồ sơ giải quyết trực tuyến?", "mấy thủ tục đã cắt
  giảm?"): plans set shares ("100% cán bộ, công chức …", "tỷ lệ hồ sơ … 80%"),
  not counts; refused for each plan that writes no such count, with the share
  the plan sets on the subject, if any;
* a figure asked of named plans that nothing of theirs states (a target of
  another subject, an amount, a rank): said per plan, not a bare "Không tìm thấy".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.lexicon import canon
from ingest.model import Plan
from ingest.textnorm import fold, nfc
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label, plan_title, shorten, task_citation
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import (
    CONTACT_ASKED,
    CONTACT_CUE,
    CONTACT_FIELDS,
    COUNTED_NOUNS,
    HEADCOUNT_CUE,
    PERSON_CUE,
    PROGRESS_SHARE,
    SHARE_ASKED,
    STAFF_NOUNS,
    TARGET_SET,
)

__all__ = ["annex_answer", "asks_annex", "asks_contact", "asks_headcount", "asks_person", "asks_progress_share",
           "asks_figure", "contact_answer", "figure_unstated_answer", "headcount_answer", "person_answer", "progress_share_answer"]

#: Positions the plans name without a person.
POSITION = re.compile(r"\b(?:(?:pho )?giam doc|(?:pho )?chu tich|(?:pho )?truong phong|(?:pho )?chanh van phong|"
                      r"(?:pho )?truong ban|truong tram|hieu truong|bi thu|thu truong|cong chuc|can bo)\b")
#: "có phụ lục (nhiệm vụ) không", "phụ lục … có không", "kèm phụ lục không".
ANNEX_CUE = re.compile(r"\b(?:co|kem(?: theo)?) (?:bang |danh muc )?phu luc\b.*\b(?:khong|chua)\b"
                       r"|\bphu luc\b.*\bco (?:khong|chua)\b")
#: Words that end a position as written ("… tên là gì", "… của xã X").
_POSITION_END = {"ten", "la", "o", "tai", "thuoc", "nam", "co"}


#: "ai là trưởng phòng …": a position right after "ai là".
_WHO_IS = re.compile(r"\bai (?:la|dang la|giu chuc) (?=" + POSITION.pattern[2:] + ")")


def asks_person(query: Query) -> bool:
    """True when ``query`` asks the name of a position (not the signer):
    "trưởng phòng kinh tế tên là gì?", "ai là trưởng phòng văn hóa xã hội?"."""
    named = PERSON_CUE.search(query.key) or _WHO_IS.search(query.key)
    return bool(named and POSITION.search(query.key)) and not query.meta


def asks_progress_share(query: Query) -> bool:
    """True when ``query`` asks how many percent of a task or plan is done
    ("TX nv 13 tới giờ đã hoàn thành được bao nhiêu %?"); not when a target
    is named before the share ("NAP có chỉ tiêu hoàn thành bao nhiêu % nhiệm
    vụ được giao?": :data:`retrieval.question.cues.TARGET_SET`), which the
    plan sets."""
    text = fold(nfc(query.text)).lower()
    share = PROGRESS_SHARE.search(text)
    return share is not None and not TARGET_SET.search(text[:share.start()])


def progress_share_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """The abstention for a share of progress: the plans give deadlines, not
    percentages done, and the statuses are "chưa / đang / đã hoàn thành".
    Names the tasks asked with their deadline when ``query`` numbers them."""
    lines = []
    for plan in plans:
        rows = [t for t in plan.tasks if t.number and t.number in query.task_refs]
        asked = "; ".join(f"{t.label}: thời hạn {t.deadline or '(không ghi)'}" for t in rows)
        lines.append(f"Kế hoạch {plan_label(catalog, plan.doc)} không ghi tiến độ thực hiện theo phần trăm"
                     + (f" ({asked})" if asked else "") + ".")
    lines.append("Trạng thái nhiệm vụ chỉ ghi chưa thực hiện / đang thực hiện / đã hoàn thành, "
                 "không có số phần trăm hoàn thành.")
    return abstention(query, reason="\n".join(lines))


def asks_annex(query: Query) -> bool:
    """True when ``query`` asks whether a plan has an annex of tasks."""
    return bool(ANNEX_CUE.search(query.key)) and not query.task_refs


def _position_text(query: Query, catalog: PlanCatalog) -> str:
    """The position as the question writes it ("Giám đốc Trung tâm Phục vụ
    hành chính công"), cut before the name question and the plan's name."""
    aliases = {tuple(a.split()) for e in catalog.entries for a in e.aliases if a}
    raw = query.text.split()
    folded = [fold(w).lower().strip("?,.:;") for w in raw]
    head = POSITION.search(" ".join(folded))
    if head is None:
        return "người giữ chức danh hỏi"
    start = len(" ".join(folded)[:head.start()].split())
    out: list[str] = []
    rest = list(zip(raw[start:], folded[start:]))
    plains = [p for _, p in rest]

    def plan_at(i: int) -> bool:  # a plan's name starts here ("… văn hóa xã hội xã Trường Xuân")
        return any(tuple(plains[i:i + len(a)]) == a for a in aliases)

    for i, (word, plain) in enumerate(rest):
        after = plains[i + 1] if i + 1 < len(plains) else ""
        if out and (plain in _POSITION_END or plan_at(i) or (plain == "ho" and after in {"ten", "va"})
                    or (plain in {"xa", "phuong"} and (i + 1 >= len(rest) or plan_at(i + 1)))):
            break
        out.append(word.strip("?,.:;"))
    return " ".join(out)


def person_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """The abstention for a name the plans do not give: "Kế hoạch X không nêu
    tên <position> (kế hoạch chỉ nêu chức danh; người ký: …)". ``None`` when
    the signer of every plan holds that position (the header names them)."""
    position = _position_text(query, catalog)
    head = POSITION.search(canon(position))
    lines, citations = [], []
    for plan in plans:
        signer = plan.metadata.signer
        titles = [canon(t) for t in (plan.metadata.signature_title or "").split("\n") if t.strip()]
        if signer and head and titles and titles[-1] == head.group(0):
            # the signer signs as that position ("CHỦ TỊCH"): the header names them
            lines.append(f"Kế hoạch {plan_label(catalog, plan.doc)} do {signer} "
                         f"({(plan.metadata.signature_title or '').splitlines()[-1].strip()}) ký; "
                         f"ngoài người ký, kế hoạch không nêu họ tên.")
            citations.append(Citation(plan.doc, plan_title(plan), "chữ ký", None, signer))
            continue
        tail = f"; người ký kế hoạch: {signer}" if signer else ""
        lines.append(f"Kế hoạch {plan_label(catalog, plan.doc)} không nêu tên {position} "
                     f"(kế hoạch chỉ nêu chức danh, không nêu họ tên{tail}).")
    if citations:
        return Answer("\n".join(lines), False, citations, "meta", list(citations), query)
    return abstention(query, reason="\n".join(lines)) if lines else None


def annex_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """Per plan of ``plans``: "có phụ lục nhiệm vụ, N nhiệm vụ" (cited by its
    first task) or "không có phụ lục nhiệm vụ" (cited by its title)."""
    lines, citations = [], []
    for plan in plans:
        label = plan_label(catalog, plan.doc)
        numbered = [t for t in plan.tasks if t.number]
        if plan.tasks:
            lines.append(f"Kế hoạch {label} có phụ lục nhiệm vụ: {len(numbered) or len(plan.tasks)} nhiệm vụ.")
            citations.append(task_citation(plan, plan.tasks[0]))
        else:
            lines.append(f"Kế hoạch {label} (tệp đã nạp) không có phụ lục nhiệm vụ.")
            citations.append(Citation(plan.doc, plan_title(plan), "Kế hoạch", None, plan_title(plan) or label))
    return Answer("\n".join(lines), False, citations, "plans", list(citations), query)


#: What a written contact looks like: a telephone number ("0290 3851 234",
#: "0290.3851234") or a mail address.
_CONTACT_WRITTEN = re.compile(r"\b0\d{2,3}[ .]?\d{3,4}[ .]?\d{3,4}\b|\S@\S+\.\w")


def asks_contact(query: Query) -> bool:
    """True when ``query`` asks a contact detail ("số điện thoại", "sđt",
    "email", "đường dây nóng") and no task row by number (that row's answer
    says its own refusal)."""
    if not CONTACT_CUE.search(query.key) or query.task_refs:
        return False
    # "việc nhắn tin SMS, email … ai chủ trì?": a row's field asked of a task the contact word describes
    return not (set(query.fields) - {"content"}) or bool(CONTACT_ASKED.search(query.key))


def _texts(plan: Plan) -> list[str]:
    """Every body paragraph and task row (content, units, product) of ``plan``."""
    texts = [p.text or "" for s in plan.sections for p in s.paragraphs]
    return texts + [" ".join(filter(None, (t.content, t.objective, t.lead, t.coordinating, t.product)))
                    for t in plan.tasks]


def _writes_contact(plan: Plan) -> bool:
    return any(_CONTACT_WRITTEN.search(t) for t in _texts(plan))


def contact_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """The abstention for a contact no plan of ``plans`` writes: "Kế hoạch X
    không ghi số điện thoại (kế hoạch chỉ nêu tên cơ quan, đơn vị …)";
    ``None`` when one of them writes a telephone number or mail address
    (passage search then quotes it)."""
    m = CONTACT_CUE.search(query.key)
    if m is None or not plans or any(_writes_contact(p) for p in plans):
        return None
    what = CONTACT_FIELDS[m.group(1)]
    lines = [f"Kế hoạch {plan_label(catalog, p.doc)} không ghi {what} (kế hoạch chỉ nêu tên cơ quan, "
             f"đơn vị thực hiện, không có thông tin liên hệ)." for p in plans]
    return abstention(query, reason="\n".join(lines))


def asks_headcount(query: Query) -> bool:
    """True when ``query`` asks a count (:data:`HEADCOUNT_CUE`: staff, people, dossiers,
    procedures …), not a share ("bao nhiêu % cán bộ": the key drops "%"; "tỷ lệ số
    TTHC …": :data:`SHARE_ASKED`)."""
    return (bool(HEADCOUNT_CUE.search(query.key)) and "%" not in query.text
            and not SHARE_ASKED.search(query.key))


def _writes_count(text: str, noun: str) -> bool:
    """Does ``text`` (``canon``) write a count of ``noun`` ("12 biên chế", "05 công
    chức", "150 hồ sơ"), not a share ("100% cán bộ")?"""
    return re.search(rf"(?<![\d.,%])\d+ {noun}\b", text) is not None


def headcount_answer(query: Query, plans: list[Plan], catalog: PlanCatalog,
                     shares: Callable[[Query, str], str | None] | None = None) -> Answer | None:
    """The abstention for a count no plan of ``plans`` writes: "Kế hoạch X không
    nêu số biên chế, số lượng cán bộ, công chức …" for staff, "… không nêu số hồ sơ …"
    for the rest, each followed by the share the plan sets on the subject when
    ``shares(query, doc)`` gives one ("Kế hoạch nêu tỷ lệ: 80% — nhiệm vụ 3.2: “…”");
    the rows a question numbers (:attr:`Query.task_refs`) are named. ``None`` when one
    of the plans (or rows) writes such a count, for passage search to quote."""
    m = HEADCOUNT_CUE.search(query.key)
    if m is None or not plans:
        return None
    noun = m.group(1)
    rows = {p.doc: [t for t in p.tasks if t.number and t.number in query.task_refs] for p in plans}
    if any(_writes_count(canon(t), noun) for p in plans
           for t in (_row_texts(rows[p.doc]) if rows[p.doc] else _texts(p))):
        return None
    staff = noun in STAFF_NOUNS
    what = "số biên chế, số lượng cán bộ, công chức" if staff else COUNTED_NOUNS[noun]
    lines = []
    for p in plans:
        asked = "; ".join(f"{t.label} “{shorten(t.content or '', 140)}”" for t in rows[p.doc])
        line = (f"Kế hoạch {plan_label(catalog, p.doc)} không nêu {what}" + (f" ở {asked}" if asked else "")
                + f" (kế hoạch chỉ nêu nhiệm vụ và tỷ lệ phải đạt, không nêu {'số người' if staff else 'con số cụ thể'}).")
        share = shares(query, p.doc) if shares is not None else None
        lines.append(f"{line} Kế hoạch nêu tỷ lệ: {share}" if share else line)
    return abstention(query, reason="\n".join(lines))


def _row_texts(tasks: list) -> list[str]:
    return [" ".join(filter(None, (t.content, t.objective, t.product))) for t in tasks]


#: The kind of figure asked, as said in a refusal: a rank, an amount of money, else a target's figure.
_FIGURE_KINDS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"\b(?:xep (?:hang )?thu|thu hang|dung thu|xep hang)\b"), "thứ hạng"),
    (re.compile(r"\b(?:kinh phi|so tien|tien|du toan|ngan sach|trieu|ty dong)\b"), "số tiền, kinh phí cụ thể"),
)


def asks_figure(query: Query) -> bool:
    """A figure asked (``query.figure``: "bao nhiêu", "%", "tỷ lệ") or a rank ("xếp thứ mấy")."""
    return query.figure or bool(_FIGURE_KINDS[0][0].search(query.key))


def figure_unstated_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer:
    """The abstention for a figure asked of named plans that no passage, target or row of
    theirs states ("NAP mức hài lòng với dịch vụ y tế công bao nhiêu %?", "PT kinh phí cho
    tuyên truyền là bao nhiêu?", "LH xếp thứ mấy?"), said per plan instead of a bare "Không
    tìm thấy": "Kế hoạch X không nêu chỉ tiêu (con số) cho nội dung hỏi." """
    what = next((said for cue, said in _FIGURE_KINDS if cue.search(query.key)), "chỉ tiêu (con số) cho nội dung hỏi")
    rows = {p.doc: [t.label for t in p.tasks if t.number and t.number in query.task_refs] for p in plans}
    lines = [f"Kế hoạch {plan_label(catalog, p.doc)} không nêu {what}"
             + (f" ở {', '.join(rows[p.doc])}" if rows[p.doc] else "")
             + " (không có trong phần chỉ tiêu, nhiệm vụ hay phụ lục của kế hoạch)." for p in plans]
    return abstention(query, reason="\n".join(lines))
