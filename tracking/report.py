"""The quarterly CCHC report ("Báo cáo kết quả thực hiện công tác cải cách
hành chính quý … năm …") drafted from the task statuses.

:func:`build_report` computes every figure (:class:`QuarterReport`) from a
:class:`tracking.progress.TrackedPlan`; :func:`write_report` writes it as a
Word document in the genre's layout with the building blocks of
:mod:`drafting.docx_writer`:

* header block ("Số:      /BC-UBND", place and date), "BÁO CÁO", the
  subject "Kết quả thực hiện công tác cải cách hành chính quý III năm 2026";
* I. KẾT QUẢ THỰC HIỆN — the overall counts, then one numbered part per
  annex section of the plan with its counts and the tasks done (completion
  date, evidence);
* II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN — headed blanks for the officer;
* III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TỚI — the tasks not yet done whose
  deadline falls in the next quarter (:func:`ingest.deadline.due_overlaps`);
* the signature block, then a landscape annex: every task with its status.

Counts are of the plan's task rows (sub-rows included) with their status
as stored now; "quá hạn" is judged on :attr:`QuarterReport.as_of` (the
quarter's last day, or today while the quarter runs); "hoàn thành trong
quý" counts completion dates inside the quarter. :func:`report_changelog`
lists what was filled from where (like :mod:`drafting.changelog`).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import IO

from drafting.changelog import changelog_paths
from drafting.docx_writer import (
    add_group_row,
    add_paragraph,
    add_table_row,
    finish_document,
    grid_table,
    landscape_section,
    new_document,
    plain,
    write_header,
    write_signature,
)
from ingest.deadline import QUARTER_ROMAN, due_overlaps, next_quarter, period_bounds
from tracking.model import CANCELLED, DONE, IN_PROGRESS, NOT_STARTED, OPEN_STATUSES
from tracking.progress import (
    NO_SECTION,
    TaskProgress,
    TrackedPlan,
    count_statuses,
    progress_rows,
)

SYMBOL = "BC-UBND"
BLANK = "…" * 40
ANNEX_HEADERS = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Trạng thái",
                 "Ngày hoàn thành", "Ghi chú, minh chứng"]
ANNEX_WIDTHS = [12, 90, 38, 34, 28, 26, 40]


@dataclass
class ReportChange:
    """One line of the report's change log: where in the report (``location``),
    what was written (``value``) and where it came from (``source``)."""

    location: str
    value: str
    source: str


@dataclass
class SectionResult:
    """Part of section I: the annex section ``name``, ``counts``
    (:func:`tracking.progress.count_statuses`), its ``rows``, the tasks
    ``done`` and those ``done_in_quarter``."""

    name: str
    counts: dict[str, int]
    rows: list[TaskProgress]
    done: list[TaskProgress]
    done_in_quarter: list[TaskProgress]


@dataclass
class QuarterReport:
    """Everything the report states. ``totals`` counts all tasks; ``due``
    counts the tasks due in the quarter; ``next_tasks`` the open tasks due
    next quarter; ``changes`` the change log."""

    tracked: TrackedPlan
    quarter: int
    year: int
    as_of: date
    rows: list[TaskProgress]
    totals: dict[str, int]
    done_in_quarter: int
    due: dict[str, int]
    sections: list[SectionResult]
    next_quarter: tuple[int, int]
    next_tasks: list[TaskProgress]
    changes: list[ReportChange] = field(default_factory=list)

    @property
    def title(self) -> str:
        """"Kết quả thực hiện công tác cải cách hành chính quý III năm 2026"."""
        return (f"Kết quả thực hiện công tác cải cách hành chính quý "
                f"{QUARTER_ROMAN[self.quarter]} năm {self.year}")


_LEADING_NUMBER = re.compile(r"^\s*(?:[IVXLC]+|\d+)\s*[.)]\s*")


def section_heading(name: str) -> str:
    """An annex section's name without its own numbering ("II. Cải cách thể
    chế" → "Cải cách thể chế"): the report numbers its parts itself."""
    return _LEADING_NUMBER.sub("", plain(name)) or plain(name)


def _day(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _counts_sentence(c: dict[str, int], in_quarter: int | None = None) -> str:
    within = f" (trong đó hoàn thành trong quý: {in_quarter})" if in_quarter is not None else ""
    return (f"Tổng số {c['total']} nhiệm vụ; đã hoàn thành {c[DONE]}{within}; đang thực hiện "
            f"{c[IN_PROGRESS]}; chưa thực hiện {c[NOT_STARTED]}; không thực hiện {c[CANCELLED]}; "
            f"quá hạn {c['overdue']}.")


def build_report(tp: TrackedPlan, quarter: int, year: int, today: date | None = None) -> QuarterReport:
    """The figures of the report of ``quarter`` (1-4) of ``year`` for plan ``tp``.

    Raises ``ValueError`` for a quarter outside 1-4."""
    if quarter not in QUARTER_ROMAN:
        raise ValueError(f"quý không hợp lệ: {quarter} (cần 1..4)")
    period = f"{year}-Q{quarter}"
    start, end = period_bounds(period)
    today = today or date.today()
    as_of = min(today, end)
    rows = progress_rows(tp.plan, tp.statuses, as_of)

    def in_quarter(r: TaskProgress) -> bool:
        return (r.status.status == DONE and r.status.completed_on is not None
                and start <= date.fromisoformat(r.status.completed_on) <= end)

    groups: dict[str, list[TaskProgress]] = {}
    for r in rows:
        groups.setdefault(r.task.section or NO_SECTION, []).append(r)
    sections = [SectionResult(name, count_statuses(items), items,
                              [r for r in items if r.status.status == DONE],
                              [r for r in items if in_quarter(r)]) for name, items in groups.items()]
    ny, nq = next_quarter(year, quarter)
    next_period = f"{ny}-Q{nq}"
    next_tasks = [r for r in rows if r.status.status in OPEN_STATUSES and due_overlaps(r.task.due, next_period)]
    report = QuarterReport(
        tracked=tp, quarter=quarter, year=year, as_of=as_of, rows=rows, totals=count_statuses(rows),
        done_in_quarter=sum(in_quarter(r) for r in rows),
        due=count_statuses([r for r in rows if due_overlaps(r.task.due, period)]),
        sections=sections, next_quarter=(ny, nq), next_tasks=next_tasks)
    report.changes = _changes(report)
    return report


def _changes(report: QuarterReport) -> list[ReportChange]:
    plan = report.tracked.plan
    src = f"trạng thái nhiệm vụ ({report.tracked.plan_id[:12]}…, {plan.doc}), tính đến {_day(report.as_of.isoformat())}"
    out = [ReportChange("Tiêu đề", report.title, "quý và năm được chọn"),
           ReportChange("Đầu văn bản", plain(plan.metadata.issuing_body) or "(để trống)",
                        f"cơ quan ban hành của kế hoạch {plan.doc}"),
           ReportChange("I. Tổng hợp", _counts_sentence(report.totals, report.done_in_quarter), src)]
    for i, sec in enumerate(report.sections, start=1):
        out.append(ReportChange(f"I.{i}. {section_heading(sec.name)}",
                                _counts_sentence(sec.counts, len(sec.done_in_quarter)), src))
        for r in sec.done:
            out.append(ReportChange(f"I.{i}. đã hoàn thành", f"{r.task.label}: {plain(r.task.content)}",
                                    f"trạng thái cập nhật {r.status.updated_at or ''} bởi {r.status.updated_by or '—'}"))
    out.append(ReportChange("II. Tồn tại, hạn chế", "(để trống cho cán bộ điền)", "—"))
    ny, nq = report.next_quarter
    for r in report.next_tasks:
        out.append(ReportChange(f"III. Phương hướng quý {QUARTER_ROMAN[nq]}/{ny}",
                                f"{r.task.label}: {plain(r.task.content)}",
                                f"thời gian hoàn thành \"{r.task.deadline or ''}\" của kế hoạch, chưa hoàn thành"))
    out.append(ReportChange("Phụ lục", f"{len(report.rows)} dòng nhiệm vụ", src))
    return out


def item_text(r: TaskProgress) -> str:
    """A task's content as a list item of the report (its own leading "-"/"+" removed)."""
    return plain(r.task.content).lstrip("-–+•* ").rstrip(".") or r.task.label


def _task_line(r: TaskProgress) -> str:
    bits = []
    if r.status.completed_on:
        bits.append(f"hoàn thành ngày {_day(r.status.completed_on)}")
    if r.status.evidence:
        bits.append(f"minh chứng: {r.status.evidence}")
    tail = f" ({'; '.join(bits)})" if bits else ""
    return f"- {item_text(r)}{tail}."


def write_report(report: QuarterReport, path: str | os.PathLike | IO[bytes]) -> None:
    """Write ``report`` as .docx to ``path`` (a path or a binary stream); layout
    in the module docstring. Raises ``OSError`` when it cannot be written."""
    plan = report.tracked.plan
    doc = new_document()
    doc.core_properties.title = f"Báo cáo {report.title}"
    doc.core_properties.author = "cchc report"
    write_header(doc, plan, report.year, SYMBOL)
    add_paragraph(doc, "", after=6)
    add_paragraph(doc, "BÁO CÁO", bold=True, center=True, after=0)
    add_paragraph(doc, report.title, bold=True, center=True, after=12)
    basis = plain(plan.title or plan.metadata.title) or plan.doc
    body = plain(plan.metadata.issuing_body) or "Ủy ban nhân dân"
    add_paragraph(doc, f"Thực hiện {basis}, {body} báo cáo kết quả thực hiện công tác cải cách hành "
                       f"chính quý {QUARTER_ROMAN[report.quarter]} năm {report.year} như sau:",
                  justify=True, indent=True)

    add_paragraph(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True, justify=True, indent=True)
    add_paragraph(doc, f"Tính đến ngày {_day(report.as_of.isoformat())}: "
                       + _counts_sentence(report.totals, report.done_in_quarter), justify=True, indent=True)
    d = report.due
    add_paragraph(doc, f"Nhiệm vụ có thời hạn trong quý: {d['total']}; đã hoàn thành {d[DONE]}; "
                       f"đang thực hiện {d[IN_PROGRESS]}; chưa thực hiện {d[NOT_STARTED]}; "
                       f"không thực hiện {d[CANCELLED]}.", justify=True, indent=True)
    for i, sec in enumerate(report.sections, start=1):
        add_paragraph(doc, f"{i}. {section_heading(sec.name)}", bold=True, justify=True, indent=True)
        add_paragraph(doc, _counts_sentence(sec.counts, len(sec.done_in_quarter)), justify=True, indent=True)
        if sec.done:
            add_paragraph(doc, "Các nhiệm vụ đã hoàn thành:", italic=True, justify=True, indent=True)
            for r in sec.done:
                add_paragraph(doc, _task_line(r), justify=True, indent=True)

    add_paragraph(doc, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", bold=True, justify=True, indent=True)
    for heading in ("1. Tồn tại, hạn chế", "2. Nguyên nhân"):
        add_paragraph(doc, heading, bold=True, justify=True, indent=True)
        add_paragraph(doc, BLANK, indent=True)

    ny, nq = report.next_quarter
    add_paragraph(doc, f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ {QUARTER_ROMAN[nq]} NĂM {ny}", bold=True,
                  justify=True, indent=True)
    if report.next_tasks:
        for r in report.next_tasks:
            lead = f"chủ trì: {plain(r.task.lead)}; " if r.task.lead else ""
            add_paragraph(doc, f"- {item_text(r)} ({lead}thời hạn: "
                               f"{plain(r.task.deadline) or '—'}).", justify=True, indent=True)
    add_paragraph(doc, BLANK, indent=True)
    write_signature(doc, plan)

    landscape_section(doc)
    add_paragraph(doc, "Phụ lục", bold=True, center=True, after=0)
    add_paragraph(doc, f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ {QUARTER_ROMAN[report.quarter]} "
                       f"NĂM {report.year}", bold=True, center=True, after=0)
    add_paragraph(doc, f"(Kèm theo Báo cáo số      /{SYMBOL} ngày      tháng      năm {report.year})",
                  italic=True, center=True, after=8)
    table = grid_table(doc, ANNEX_HEADERS)
    section = None
    for r in report.rows:
        if r.task.section and r.task.section != section:
            section = r.task.section
            add_group_row(table, plain(section))
        st = r.status
        status = st.label + (" (quá hạn)" if r.overdue else "")
        notes = "; ".join(x for x in (st.reason and f"Lý do: {st.reason}", st.note,
                                       st.evidence and f"Minh chứng: {st.evidence}") if x)
        number = r.task.number or (f"{r.task.part_of}*" if r.task.part_of else "")
        add_table_row(table, [number, r.task.content or "", r.task.lead or "", r.task.deadline or "",
                              status, _day(st.completed_on), notes])
    usable = 297 - 40
    widths = [w * usable / sum(ANNEX_WIDTHS) for w in ANNEX_WIDTHS]
    finish_document(doc, [table], [widths])
    doc.save(os.fspath(path) if isinstance(path, (str, os.PathLike)) else path)


def report_bytes(report: QuarterReport) -> bytes:
    """The .docx of ``report`` as bytes (for a download button)."""
    buf = io.BytesIO()
    write_report(report, buf)
    return buf.getvalue()


CHANGELOG_HEADERS = ["Vị trí", "Nội dung điền", "Nguồn"]


def report_changelog_markdown(report: QuarterReport) -> str:
    """The change log as Markdown: a title line and one table row per filled item."""
    def cell(text: str) -> str:
        return (text or "").replace("|", "\\|").replace("\n", " ")
    lines = [f"# Nguồn số liệu: Báo cáo {report.title}", "",
             f"Kế hoạch: `{report.tracked.plan.doc}`; số liệu tính đến {_day(report.as_of.isoformat())}.", "",
             "| " + " | ".join(CHANGELOG_HEADERS) + " |", "|---|---|---|"]
    lines += ["| " + " | ".join(cell(x) for x in (c.location, c.value, c.source)) + " |" for c in report.changes]
    return "\n".join(lines) + "\n"


def report_changelog_csv(report: QuarterReport) -> str:
    """The change log as CSV text (header row, then one row per filled item)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CHANGELOG_HEADERS)
    writer.writerows((c.location, c.value, c.source) for c in report.changes)
    return out.getvalue()


def write_report_changelog(report: QuarterReport, docx_path: str | os.PathLike) -> tuple[str, str]:
    """Write ``<report>.changes.md`` and ``.changes.csv`` beside ``docx_path``; return their paths."""
    md_path, csv_path = changelog_paths(docx_path)
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(report_changelog_markdown(report))
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(report_changelog_csv(report))
    return md_path, csv_path
