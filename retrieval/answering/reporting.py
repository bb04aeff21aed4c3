"""A plan's reporting regime: how often, by which day, to whom.

"Báo cáo CCHC quý gửi trước ngày nào?", "các cơ quan báo cáo định kỳ thế
nào, gửi về đâu?", "chế độ báo cáo ra sao?", "bao lâu báo cáo một lần?",
"báo cáo theo những kỳ nào, gửi qua đâu?", "ngoài báo cáo quý, 6 tháng,
năm còn phải báo cáo gì?" are
answered from the body's implementation part ("Tổ chức thực hiện"): every
paragraph there that states a reporting period or day ("định kỳ", "hằng
quý", "6 tháng", "trước ngày …"), each once, cited by its locator. Sentence
search would pick an annex row that mentions a report, or one unit's line.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan, Task
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import FIELD_LABELS, plan_label, plan_title, shorten, task_citation
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import REPORT_DAY_ASKED
from retrieval.question.selection import topic_words

__all__ = ["REPORTING_CUE", "asks_reporting", "is_other_report", "report_rows", "reporting_answer", "reporting_paragraphs"]

#: A question on the reporting regime (canonical key): "báo cáo … định kỳ",
#: "chế độ báo cáo", "báo cáo quý gửi trước ngày nào", "bao lâu báo cáo một
#: lần", "báo cáo gửi về đâu".
REPORTING_CUE = re.compile(
    r"\bche do (?:thong tin )?bao cao\b"
    r"|\bbao cao\b.{0,60}\b(?:dinh ky|bao lau|may lan|truoc ngay|gui (?:ve|truoc|cho|den)|nop (?:ve|truoc)"
    r"|ngay nao|ngay may|han (?:gui|nop)|hang (?:quy|thang|tuan|nam)|thoi han)\b"
    r"|\b(?:dinh ky|bao lau|hang quy)\b.{0,40}\bbao cao\b"
    # the periods and the channel: "báo cáo theo những kỳ nào, gửi qua đâu", "kỳ báo cáo",
    # "nộp báo cáo qua phòng nào"
    r"|\bbao cao\b.{0,60}\b(?:(?:nhung|cac|may) ky|ky nao|(?:gui|nop) qua|qua (?:dau|ai|phong nao|don vi nao"
    r"|co quan nao|bo phan nao)|(?:gui|nop) (?:ai|dau|o dau|cho ai))\b"
    r"|\b(?:ky|dot) bao cao\b|\b(?:gui|nop) bao cao\b.{0,30}\b(?:qua|ve|cho) (?:dau|ai|phong nao|co quan nao)\b"
    # a report beside the periodic ones: "ngoài báo cáo quý, 6 tháng, năm còn phải báo cáo gì"
    r"|\bngoai (?:cac |nhung )?bao cao (?:dinh ky|quy|thang|nam|6 thang|sau thang)\b"
    r"|\bbao cao (?:dinh ky|quy|6 thang|sau thang)\b.{0,40}\bcon (?:phai )?(?:\w+ )?bao cao\b"
    # a yes/no on a period report: "có yêu cầu báo cáo quý không", "phải báo cáo 6 tháng ko"
    r"|\bbao cao (?:quy|thang|tuan|nam|6 thang|sau thang)\b(?=.{0,30}\b(?:khong|ko|k)\b)"
)
#: A paragraph stating a reporting period or day (on its canonical text).
_REGIME = re.compile(r"\bbao cao\b.*\b(?:dinh ky|hang (?:quy|tuan|thang|nam)|6 thang|truoc ngay|dot xuat)\b"
                     r"|\b(?:dinh ky|hang (?:quy|tuan|thang|nam))\b.*\bbao cao\b")
#: An annex row that is the reform report itself ("Xây dựng Báo cáo CCHC hàng
#: quý và năm …"): a periodic report (:data:`_REGIME`) of the reform.
_REFORM_REPORT = re.compile(r"\bcai cach hanh chinh\b")
#: A day stated ("trước ngày 05 tháng cuối của quý", "trước ngày 10/12").
_DAY = re.compile(r"\btrước ngày \d+|\bngày \d+/\d+", re.I)
#: The implementation part's heading.
_IMPLEMENTATION = re.compile(r"\bto chuc thuc hien\b")
#: A list item's own letter or dash ("đ) ", "- ").
_ITEM_MARK = re.compile(r"^(?:[a-zđ]\W|[-–•+])\s*", re.I)
#: Paragraphs quoted per plan, characters each.
MAX_PARAGRAPHS, PARAGRAPH_CHARS = 6, 500


def asks_reporting(query: Query) -> bool:
    """True when ``query`` asks a reporting regime (no task number)."""
    return bool(REPORTING_CUE.search(query.key)) and not query.task_refs


def reporting_paragraphs(plan: Plan) -> list[tuple[str, str]]:
    """(locator, text) of every paragraph of the implementation part that
    states a reporting period or day, in order, the unit first when it is
    one unit's duty ("Công chức Văn phòng-thống kê xã: Tổng hợp, báo cáo …");
    a text repeated under several units ("Phối hợp thực hiện Kế hoạch; báo
    cáo UBND xã hằng quý …") once."""
    found, seen = [], set()
    units = {r.section: r.unit for r in plan.responsibilities if r.section}
    for section in plan.sections:
        if not (section.path and _IMPLEMENTATION.search(canon(section.path[0]))):
            continue
        for para in section.paragraphs:
            key = canon(_ITEM_MARK.sub("", para.text.strip()))
            if _REGIME.search(key) and key not in seen:
                seen.add(key)
                text = _ITEM_MARK.sub("", para.text.strip())
                unit = units.get(section.locator) or units.get(section.locator.rsplit(".", 1)[0])
                found.append((section.locator or section.heading, f"{unit}: {text}" if unit else text))
    return found


#: The day of a "trước ngày 05 …" / "trước ngày 10/12" (group 1, no leading zero).
_BEFORE_DAY = re.compile(r"\btrước ngày 0?(\d+)", re.I)


def _days_differ(paragraphs: list[str], deadlines: list[str]) -> bool:
    """Do the report rows' deadlines name a day ("Trước ngày 20 của tháng cuối
    quý") that the body's reporting paragraphs never give ("trước ngày 10")?"""
    body = {d for text in paragraphs for d in _BEFORE_DAY.findall(text)}
    annex = {d for text in deadlines for d in _BEFORE_DAY.findall(text)}
    return bool(body and annex and not annex <= body)


def report_rows(plan: Plan) -> list[Task]:
    """The annex rows of ``plan`` that are the periodic reform report itself
    ("Xây dựng Báo cáo CCHC hàng quý và năm …", with its own deadline cell
    "Trước ngày 05 của tháng cuối quý"), in order."""
    return [t for t in plan.tasks if t.number and t.deadline
            and _REGIME.search(key := canon(t.content or "")) and _REFORM_REPORT.search(key)]


def is_other_report(plan: Plan, task: Task) -> bool:
    """True when the annex row ``task`` of ``plan`` is a report on its own
    subject ("Báo cáo thực hiện giải ngân kế hoạch đầu tư vốn …"), or its
    product is one ("Báo cáo theo dõi tình hình thi hành pháp luật" of the row
    carrying out that monitoring plan: :func:`names_report`), not the periodic
    reform report (:func:`report_rows`): a question describing it ("nv báo
    cáo giải ngân … hạn khi nào?", "báo cáo theo dõi thi hành pháp luật phải
    xong trước ngày nào?") asks that row, not the regime."""
    if task in report_rows(plan):
        return False
    return bool(re.search(r"\bbao cao\b", canon(task.content or ""))) or names_report(task.product)


#: The subject of a report a product cell names: the words after "Báo cáo"
#: up to its author ("của UBND xã"), a list break or the end.
_REPORT_SUBJECT = re.compile(r"\bbao cao\b((?:(?! cua\b)[^;,/\n])*)")
#: Fewest content syllables that make a report's subject its own ("kiểm tra"), not
#: the bare "Báo cáo", "Báo cáo kết quả thực hiện" or "Báo cáo của UBND xã".
_SUBJECT_MIN = 2


def names_report(product: str | None) -> bool:
    """True when the product cell ``product`` names a report on a subject of
    its own ("Báo cáo theo dõi tình hình thi hành pháp luật", "Báo cáo kết quả
    kiểm tra"), not a bare report or one named by its author only ("Báo cáo",
    "Báo cáo của UBND xã", "Báo cáo kết quả thực hiện")."""
    for subject in _REPORT_SUBJECT.findall(canon(product or "").replace(" va ", " ; ")):
        if len([w for w in topic_words(subject) if w not in _GENERIC_SUBJECT]) >= _SUBJECT_MIN:
            return True
    return False


#: Words of a report's subject that name no subject ("kết quả thực hiện", "tổng hợp").
_GENERIC_SUBJECT = frozenset("thuc hien tong hop dinh ky hang nam nam quy thang cong tac trien khai".split())


def reporting_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: its reporting paragraphs, each cited, then its
    annex rows that are the report itself (:func:`report_rows`: a plan may
    give the report's day in both, and not always the same day). ``None``
    when no plan states one (the caller searches text)."""
    blocks, citations, dated = [], [], False
    for plan in plans:
        found = reporting_paragraphs(plan)
        rows = report_rows(plan)
        if not found and not rows:
            continue
        dated = dated or any(_DAY.search(text) for _, text in found) or any(_DAY.search(t.deadline or "")
                                                                           for t in rows)
        lines = [f"{plan_label(catalog, plan.doc)} – chế độ báo cáo:"]
        for where, text in found[:MAX_PARAGRAPHS]:
            lines.append(f"- (mục {where}) {shorten(text, PARAGRAPH_CHARS)}")
            citations.append(Citation(plan.doc, plan_title(plan), f"mục {where}", None,
                                      shorten(text, PARAGRAPH_CHARS)))
        for row in rows:
            lines.append(f"- (phụ lục, {row.label}) {shorten(row.content, PARAGRAPH_CHARS)}: "
                         f"{FIELD_LABELS['deadline']}: {row.deadline}"
                         + (f"; {FIELD_LABELS['lead']}: {row.lead}" if row.lead else ""))
            citations.append(task_citation(plan, row))
        if _days_differ([text for _, text in found], [t.deadline or "" for t in rows]):
            lines.append("Lưu ý: phần tổ chức thực hiện và phụ lục ghi ngày gửi báo cáo khác nhau.")
        blocks.append("\n".join(lines))
    if not blocks:
        return None
    if REPORT_DAY_ASKED.search(query.key) and not dated:
        # "gửi trước ngày mấy?" of a plan that gives the periods but no day
        return abstention(query, citations, reason="Kế hoạch không nêu ngày gửi báo cáo cụ thể. "
                                                   + "\n".join(blocks))
    return Answer("\n".join(blocks), False, citations, "extractive", list(citations), query)
