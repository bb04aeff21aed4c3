"""Answers on a unit's duties from the plan model's responsibilities.

"Trung tâm Phục vụ hành chính công xã có trách nhiệm gì?" is answered from
:class:`ingest.model.Responsibility` (the organisation section's unit →
duties list), not by sentence search: the plan states the duties as a list
under the unit's heading, and the answer gives that list with its locator.
"""

from __future__ import annotations

import re

from ingest.model import Plan, Responsibility
from ingest.textnorm import fold
from ingest.units import unit_key, unit_name_key
from retrieval.answering.lookup import text_pairs
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ANNEX_NAMED, CLAUSE_JOINED, SECTION_NUMBER, SECTION_PLACED

#: What may follow the question word without changing the question: the plan
#: it is asked of ("theo KH", "trong kế hoạch CCHC 2025") and closing particles
#: ("nữa", "vậy", "ạ"), on the canonical question key.
_TAIL = (r"(?: (?:theo|trong|cua|tai|o) (?:ke hoach|van ban|quyet dinh)(?: [\w/.-]+){0,8})?"
         r"(?: (?:theo|trong|tai|o) (?:phan |muc )?(?:to chuc thuc hien|phan cong trach nhiem))?"
         r"(?: (?:theo|duoc) (?:su )?phan cong(?: \w+){0,4}?)?"
         r"(?: (?:ca|ke ca|lan|va|gom ca) (?:trong )?(?:phan )?(?:phu luc|bang phu luc|than van ban))?"
         r"(?: (?:nua|vay|a|the|nhi|day|ha|khong))*\s*$")
#: What a unit leads in the body's words, not annex rows: "chủ trì nội dung
#: gì", "chủ trì những lĩnh vực nào", "chủ trì mảng CCHC nào".
_LEADS_CONTENT = r"\bchu tri (?:nhung |cac )?(?:noi dung|linh vuc|mang|cong tac)\b"
#: Questions about what a unit must do ("trách nhiệm gì", "có nhiệm vụ gì",
#: "lo mảng nào", "phụ trách lĩnh vực gì", "… những việc gì, cả phụ lục?",
#: "làm gì", "làm những việc gì", in everyday words "lo những gì", "lo việc gì", "lo những nội dung gì", "phụ trách gì nữa", "đảm nhận những việc
#: gì", "được phân công gì", "phải làm những việc gì", "nhiệm vụ của Phòng X",
#: "giao Phòng X những việc gì", "được giao gì", "chủ trì nội dung gì"), each
#: optionally followed by :data:`_TAIL` ("… có trách nhiệm gì theo KH?", "… trong phần tổ chức thực hiện", "còn
#: làm gì nữa?", "làm những việc gì theo phân công?"), on the canonical key.
DUTY_CUE = re.compile(
    r"\b(?:trach nhiem|nhiem vu|phan cong)(?: \w+){0,2} (?:gi|nao|nhu the nao)" + _TAIL
    + r"|\b(?:lam|lo|phu trach|dam nhan|dam nhiem|dam trach|thuc hien) (?:nhung |cac )?(?:(?:cong )?viec )?gi" + _TAIL
    + r"|\b(?:lam|lo|phu trach|dam nhan|dam nhiem|dam trach|thuc hien) (?:nhung |cac )?(?:mang|linh vuc|phan viec"
    r"|noi dung|cong tac)"
    r"(?: \w+){0,2}? (?:gi|nao)" + _TAIL
    + r"|\bphai (?:lam|thuc hien|dam nhiem|dam nhan)\b"
    r"|^(?:cac |nhung )?(?:trach nhiem|nhiem vu|phan cong|viec) (?:cua|danh cho)\b"
    r"|\b(?:trach nhiem|phan cong) (?:cua|danh cho)\b"
    r"|\b(?:duoc )?giao (?:cho )?(?:\w+ ){1,10}(?:nhung |cac )?(?:viec|nhiem vu|trach nhiem) (?:gi|nao)\b"
    r"|\bduoc giao (?:nhung |cac )?(?:gi|viec gi)" + _TAIL
    + r"|" + _LEADS_CONTENT + r"(?: \w+){0,5}? (?:gi|nao)" + _TAIL
)
#: A question about the rows a unit leads ("Phòng X chủ trì những nhiệm vụ
#: nào"), answered from the annex alone; not what it leads in the body's
#: words (:data:`_LEADS_CONTENT`).
LEADS_ROWS = re.compile(r"\bchu tri\b(?! (?:nhung |cac )?(?:noi dung|linh vuc|mang|cong tac)\b)")
#: Duties quoted per unit (all of a plan's list), each cut to this many characters.
MAX_DUTIES, DUTY_CHARS = 40, 700


def asks_duties(query: Query) -> bool:
    """True when ``query`` asks what a unit must do (the unit is matched
    later), in its words or carried from the previous turn (``duties_carried``)."""
    return bool(DUTY_CUE.search(query.key) or _duties_before_rows(query.key)) or query.duties_carried


def _duties_before_rows(key: str) -> bool:
    """The duty cue holds in the clause before a "chủ trì nv nào" clause
    ("… có trách nhiệm gì trong KH, và chủ trì nv nào trong phụ lục?")."""
    rows = LEADS_ROWS.search(key)
    if rows is None:
        return False
    return bool(DUTY_CUE.search(re.sub(r"\s(?:va|con)\s*$", "", key[:rows.start()]).rstrip()))


def asks_all_duties(query: Query) -> bool:
    """True when ``query`` asks a unit's duties as a whole (body and annex),
    not only the annex rows it leads ("chủ trì"): also when it asks both in
    two clauses ("có trách nhiệm gì trong KH, và chủ trì nv nào trong phụ
    lục?": the duty cue holds before the "chủ trì …" clause)."""
    if not asks_duties(query):
        return False
    return LEADS_ROWS.search(query.key) is None or _duties_before_rows(query.key)


def asks_duties_and_rows(query: Query) -> bool:
    """"Phòng X có trách nhiệm gì (ở mục IV.2) và chủ trì những nv nào trong
    phụ lục?": the unit's duties asked first, then the annex rows it leads
    (:data:`DUTY_CUE` before :data:`LEADS_ROWS`, the annex named after)."""
    rows, annex = LEADS_ROWS.search(query.key), ANNEX_NAMED.search(query.key)
    if not (rows and annex and rows.start() < annex.start()):
        return False
    clause = CLAUSE_JOINED.sub("", SECTION_PLACED.sub("", query.key[:rows.start()].rstrip()))
    return bool(DUTY_CUE.search(clause))


def section_of_duties(query: Query) -> bool:
    """Is the section the question numbers written in its duties clause
    ("trách nhiệm gì ở mục IV.2 và chủ trì …"), before the rows are asked? Then
    it places the duties in the body, and the annex rows are not narrowed by it."""
    rows, section = LEADS_ROWS.search(query.key), SECTION_NUMBER.search(query.key)
    return bool(rows and section and section.start() < rows.start())


def named_unit(unit: str, query: Query) -> bool:
    """Does the question name this responsibility's unit? Its key equals or
    contains the question's unit, or is written whole in the question."""
    key = unit_key(unit)
    if not key:
        return False
    wanted = query.unit or ""
    if wanted and (key == wanted or wanted in key or key in wanted):
        return True
    return _written(unit, query)


def _written(unit: str, query: Query) -> bool:
    """Is the unit's name written whole in the question, with or without its
    qualifier ("các trường" for "Các trường trên địa bàn xã")?"""
    keys = {unit_key(unit), unit_name_key(unit)}
    return any(k and len(k.split()) >= 2 and f" {k} " in f" {query.key} " for k in keys)


def chosen_units(named: list[Responsibility], query: Query) -> list[Responsibility]:
    """The responsibilities answered among ``named`` (those matching the
    question's unit), in the plan's order: every one written in the question
    when it names two or more units ("trạm y tế với các trường được giao
    gì?"), none a part of another's name; else the longest name only (the
    question's "Phòng Kinh tế" is not "Phòng Kinh tế và Hạ tầng")."""
    written = [r for r in named if _written(r.unit, query)]
    keys = [unit_name_key(r.unit) for r in written]
    apart = all(a == b or (a not in b and b not in a) for a in keys for b in keys)
    if len(written) >= 2 and apart and len(set(keys)) == len(keys):
        return written
    return sorted(named, key=lambda r: -len(unit_key(r.unit)))[:1]


def duties_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """The duties of ``query.unit`` in each plan of ``plans`` that lists them.

    A responsibility matches when its unit's key (:func:`unit_key`) equals the
    question's unit key, one contains the other ("Trung tâm Phục vụ Hành
    chính công xã" ~ "Trung tâm Phục vụ hành chính công"), or it is written
    whole in the question; per plan the longest such unit wins, or every
    unit the question writes when it names several (:func:`chosen_units`). Returns
    ``None`` when no plan lists duties for that unit (the caller then
    searches text). A count asked ("phải làm mấy việc?") is said in the
    heading line ("…, 16 nội dung:").
    """
    blocks, citations = [], []
    for plan in plans:
        named = [r for r in plan.responsibilities if r.duties and named_unit(r.unit, query)]
        for resp in chosen_units(named, query):
            where = f"mục {resp.section}" if resp.section else "Tổ chức thực hiện"
            counted = f", {len(resp.duties)} nội dung" if query.count else ""  # "phải làm mấy việc?"
            lines = [f"{plan_label(catalog, plan.doc)} – {resp.unit} ({where}{counted}):"]
            lines += [f"- {shorten(d, DUTY_CHARS)}" for d in resp.duties[:MAX_DUTIES]]
            if len(resp.duties) > MAX_DUTIES:
                lines.append(f"(và {len(resp.duties) - MAX_DUTIES} nội dung khác)")
            blocks.append("\n".join(lines))
            citations.append(Citation(plan.doc, plan_title(plan), where, None,
                                      shorten(resp.duties[0], DUTY_CHARS)))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "duties", list(citations), query)


def _holds(duty: str, quote: str) -> bool:
    """Is ``duty`` the text of the passage ``quote`` (one starts the other)?"""
    a, b = fold(duty).strip(" -+•")[:60], fold(quote).strip(" -+•")
    return bool(a) and (a in b or b[:60] in fold(duty))


def duty_detail_answer(query: Query, plans: list[Plan], catalog: PlanCatalog,
                       passages: list[tuple[str, str | None, str]]) -> Answer | None:
    """A detail of one of a unit's duties asked in the unit's name ("Phòng
    Kinh tế xã trình phê duyệt kinh phí trong thời gian nào?", "Văn phòng
    tham mưu cải cách thể chế hay TTHC?").

    ``passages`` are the best supporting passages, best first, as ``(doc,
    section locator, quote)``. When the best one is a duty the plan lists
    for the unit the question names, the duties among ``passages`` are
    given first, then the unit's other duties, cited by the
    responsibility's locator. ``None`` when the best passage is no duty of
    the unit named (the caller answers from the passage alone)."""
    if not passages or not passages[0][1]:
        return None
    doc, section, quote = passages[0]
    assert section is not None
    for plan in plans:
        if plan.doc != doc:
            continue
        named = [r for r in plan.responsibilities if r.duties and named_unit(r.unit, query)
                 and (r.section == section or section.startswith(f"{r.section}."))]
        for resp in sorted(named, key=lambda r: -len(unit_key(r.unit)))[:1]:
            if not any(_holds(d, quote) for d in resp.duties):
                return None
            quotes = [q for d_, _, q in passages if d_ == doc]
            matched = [d for d in resp.duties if any(_holds(d, q) for q in quotes)]
            others = [d for d in resp.duties if d not in matched][:MAX_DUTIES]
            where = f"mục {resp.section}"
            lines = [f"{plan_label(catalog, plan.doc)} – {resp.unit} ({where}):"]
            lines += [f"- {shorten(d, DUTY_CHARS)}" for d in matched]
            if others:
                lines.append(f"Các nội dung khác của {resp.unit}:")
                lines += [f"- {shorten(d, DUTY_CHARS)}" for d in others]
            cited = [Citation(plan.doc, plan_title(plan), where, None, shorten(matched[0], DUTY_CHARS))]
            return Answer("\n".join(lines), False, cited, "duties", list(cited), query)
    return None


def topic_duties_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """The body duties of the named unit on the question's topic ("Phòng
    VH-XH có những nhiệm vụ gì về khảo sát, đo lường sự hài lòng?" when no
    annex row it leads is about it): per plan, the unit's listed duties
    (matched as :func:`duties_answer` does) that share a content-word pair
    (:func:`retrieval.answering.lookup.text_pairs`) with ``query.topic``, in the
    plan's order. ``None`` when the question names no unit or topic, or no
    such duty is listed (the caller keeps its answer)."""
    if not query.unit or not query.topic:
        return None
    wanted = text_pairs(query.topic)
    blocks, citations = [], []
    for plan in plans:
        named = [r for r in plan.responsibilities if r.duties and named_unit(r.unit, query)]
        for resp in chosen_units(named, query):
            duties = [d for d in resp.duties if text_pairs(d) & wanted]
            if not duties:
                continue
            where = f"mục {resp.section}" if resp.section else "Tổ chức thực hiện"
            lines = [f"{plan_label(catalog, plan.doc)} – {resp.unit} ({where}), các nội dung về chủ đề hỏi:"]
            lines += [f"- {shorten(d, DUTY_CHARS)}" for d in duties[:MAX_DUTIES]]
            blocks.append("\n".join(lines))
            citations.append(Citation(plan.doc, plan_title(plan), where, None, shorten(duties[0], DUTY_CHARS)))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "duties", list(citations), query)
