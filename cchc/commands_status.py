"""``cchc status set|list|import|export`` and ``cchc report``: following a plan.

* ``status list [--plan NAME] [--lead TEXT] [--status S] [--overdue] [--json]``
  prints every task with its status (and "QUÁ HẠN");
* ``status set --plan NAME --task 22 [--sub 1] STATUS [--date D] [--reason R]
  [--note N] [--evidence E] [--who W]`` sets one task's status (``--sub``:
  the n-th sub-row under task 22; ``--section`` when numbers repeat);
* ``status export [--plan NAME] -o FILE.xlsx`` / ``status import FILE.xlsx``:
  the spreadsheet of :mod:`tracking.xlsx` (import checks every row and
  writes nothing when one is bad);
* ``report --plan NAME --quarter 3 --year 2026 -o bao-cao.docx``: the
  quarterly report (:mod:`tracking.report`) and its change log beside it.

Plans are the indexed ones (``cchc index`` first); ``--plan`` takes a file
name or a place name as ``cchc ask --plan`` does, and may be left out when
one plan is indexed. Statuses live in ``$CCHC_HOME/status.db``. Exit codes:
0 success, 2 bad input (message on stderr), 1 other errors.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import date
from typing import TYPE_CHECKING

from ingest.errors import InputError
from tracking.model import STATUS_LABELS, StatusError

if TYPE_CHECKING:  # imported lazily in the commands (index and store stack)
    from retrieval.store import IndexStore
    from tracking.progress import TrackedPlan
    from tracking.store import StatusStore


class StatusCommandError(InputError):
    """A bad argument of a status or report command (Vietnamese message, exit 2)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``status`` (with its actions) and ``report`` subcommands."""
    s = sub.add_parser("status", help="Trạng thái thực hiện nhiệm vụ: xem, cập nhật, nhập/xuất XLSX")
    actions = s.add_subparsers(dest="action", required=True)

    ls = actions.add_parser("list", help="liệt kê nhiệm vụ và trạng thái")
    ls.add_argument("--plan", help="tên tệp hoặc tên xã/phường của kế hoạch")
    ls.add_argument("--lead", help="chỉ nhiệm vụ của đơn vị chủ trì này (không phân biệt dấu)")
    ls.add_argument("--status", help="chỉ trạng thái này (vd. 'chưa thực hiện', done)")
    ls.add_argument("--overdue", action="store_true", help="chỉ nhiệm vụ quá hạn")
    ls.add_argument("--json", action="store_true", help="in JSON")
    ls.set_defaults(func=cmd_list)

    st = actions.add_parser("set", help="cập nhật trạng thái một nhiệm vụ")
    st.add_argument("status", help="; ".join(STATUS_LABELS.values()) + " (có dấu hoặc không)")
    st.add_argument("--plan", help="tên tệp hoặc tên xã/phường của kế hoạch")
    st.add_argument("--task", required=True, help="số thứ tự (TT) của nhiệm vụ, vd. 22")
    st.add_argument("--sub", type=int, help="dòng con thứ n (1, 2, …) của nhiệm vụ --task")
    st.add_argument("--section", help="mục của nhiệm vụ, khi số thứ tự lặp lại giữa các mục")
    st.add_argument("--date", help="ngày hoàn thành (2026-09-30 hoặc 30/09/2026; mặc định hôm nay)")
    st.add_argument("--reason", help="lý do (bắt buộc với 'không thực hiện')")
    st.add_argument("--note", help="ghi chú ngắn")
    st.add_argument("--evidence", help="minh chứng: số văn bản, tệp")
    st.add_argument("--who", help="người cập nhật (mặc định tên đăng nhập)")
    st.set_defaults(func=cmd_set)

    ex = actions.add_parser("export", help="xuất bảng trạng thái ra XLSX")
    ex.add_argument("--plan", help="chỉ kế hoạch này (mặc định tất cả)")
    ex.add_argument("-o", "--output", default="trang_thai.xlsx", help="tệp .xlsx")
    ex.set_defaults(func=cmd_export)

    im = actions.add_parser("import", help="nhập trạng thái từ tệp XLSX đã xuất")
    im.add_argument("file", help="tệp .xlsx (từ `cchc status export` hoặc ứng dụng)")
    im.add_argument("--who", help="người cập nhật (mặc định tên đăng nhập)")
    im.set_defaults(func=cmd_import)

    r = sub.add_parser("report", help="Dự thảo báo cáo kết quả CCHC quý (Word) từ trạng thái")
    r.add_argument("--plan", help="tên tệp hoặc tên xã/phường của kế hoạch")
    r.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4), help="quý 1..4")
    r.add_argument("--year", type=int, required=True, help="năm, vd. 2026")
    r.add_argument("-o", "--output", help="tệp .docx (mặc định bao_cao_quy<Q>_<năm>.docx)")
    r.set_defaults(func=cmd_report)


def _open(args: argparse.Namespace, plan_name: str | None,
          need_one: bool) -> tuple[IndexStore, StatusStore, dict[str, TrackedPlan], list[str]]:
    """``(index store, status store, {doc: TrackedPlan}, docs chosen)`` of the index
    under ``args.assistant.home`` (``CCHC_HOME``)."""
    from retrieval.query import PlanCatalog
    from retrieval.question.parse import resolve_plan
    from retrieval.store import IndexStore
    from tracking.progress import tracked
    from tracking.store import StatusStore

    index = IndexStore.open(args.assistant.home)
    store = StatusStore(index.home)
    plans = tracked(index, store)
    if plan_name:
        docs = resolve_plan(PlanCatalog.from_plans(p.plan for p in plans.values()), plan_name)
        if not docs:
            store.close()
            raise StatusCommandError(f"không có kế hoạch {plan_name!r} trong chỉ mục "
                                     f"(đã nạp: {', '.join(plans) or 'không có'})")
    else:
        docs = list(plans)
    if need_one and len(docs) != 1:
        store.close()
        raise StatusCommandError("cần chọn đúng một kế hoạch bằng --plan; khớp/đã nạp: " + ", ".join(docs))
    return index, store, plans, docs


def _find_task(tp: TrackedPlan, number: str, sub: int | None, section: str | None) -> str:
    from ingest.textnorm import fold

    matches = [(k, t) for k, t in zip(tp.keys, tp.plan.tasks)
               if (t.part_of == number and t.number is None if sub else t.number == number)
               and (not section or fold(section) in fold(t.section or ""))]
    if sub:
        matches = matches[sub - 1: sub] if 1 <= sub <= len(matches) else []
    if not matches:
        what = f"dòng con {sub} của nhiệm vụ {number}" if sub else f"nhiệm vụ {number}"
        raise StatusCommandError(f"không có {what} trong kế hoạch {tp.plan.doc}")
    if len(matches) > 1:
        sections = "; ".join(dict.fromkeys(t.section or "?" for _, t in matches))
        raise StatusCommandError(f"nhiệm vụ {number} có ở nhiều mục ({sections}): thêm --section")
    return matches[0][0]


def cmd_set(args: argparse.Namespace) -> int:
    """Validate and store one status; print the task and its new status."""
    from tracking.model import DONE, parse_status, validated

    _index, store, plans, docs = _open(args, args.plan, need_one=True)
    with store:
        tp = plans[docs[0]]
        key = _find_task(tp, args.task, args.sub, args.section)
        try:
            code = parse_status(args.status)
            day = args.date if args.date or code != DONE else date.today()
            status = validated(code, reason=args.reason, completed_on=day, note=args.note,
                               evidence=args.evidence)
        except StatusError as err:
            raise StatusCommandError(str(err)) from err
        changed = store.set(tp.plan_id, tp.plan, key, status, who=args.who)
    task = tp.plan.tasks[tp.keys.index(key)]
    print(f"{'Đã cập nhật' if changed else 'Không đổi'}: {task.label} – {status.label}"
          + (f" ({status.completed_on})" if status.completed_on else ""))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print the tasks with their statuses (a table, or JSON lines of dicts)."""
    from tracking.model import parse_status
    from tracking.progress import count_statuses
    from ui.units import split_units, unit_key

    _index, store, plans, docs = _open(args, args.plan, need_one=False)
    store.close()
    try:
        wanted = parse_status(args.status) if args.status else None
    except StatusError as err:
        raise StatusCommandError(str(err)) from err
    lead = unit_key(args.lead) if args.lead else None
    today = date.today()
    out = []
    for doc in docs:
        rows = [r for r in plans[doc].rows(today)
                if (wanted is None or r.status.status == wanted) and (not args.overdue or r.overdue)
                and (lead is None or any(lead in unit_key(u) for u in split_units(r.task.lead)))]
        if args.json:
            out += [{"doc": doc, "key": r.key, "number": r.task.number, "part_of": r.task.part_of,
                     "section": r.task.section, "lead": r.task.lead, "deadline": r.task.deadline,
                     **r.status.fields(), "overdue": r.overdue,
                     "updated_at": r.status.updated_at, "updated_by": r.status.updated_by} for r in rows]
            continue
        c = count_statuses(rows)
        print(f"{doc}: {c['total']} nhiệm vụ · " + " · ".join(
            f"{label} {c[code]}" for code, label in STATUS_LABELS.items()) + f" · quá hạn {c['overdue']}")
        for r in rows:
            number = r.task.number or f"{r.task.part_of}*"
            flag = " QUÁ HẠN" if r.overdue else ""
            print(f"  {number:>5}  {r.status.label:<16}{flag}  {(r.task.lead or '—')[:30]:<30}  "
                  f"{(r.task.content or '')[:60]}")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the status spreadsheet; print its path and row count."""
    from tracking.xlsx import write_status_xlsx

    _index, store, plans, docs = _open(args, args.plan, need_one=False)
    store.close()
    n = write_status_xlsx([plans[d] for d in docs], args.output)
    print(f"Đã ghi {n} nhiệm vụ: {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Check and import the spreadsheet; on a bad row print every error and write nothing."""
    from tracking.xlsx import import_xlsx

    if not os.path.isfile(args.file):
        raise StatusCommandError(f"không tìm thấy tệp: {args.file}")
    _index, store, plans, _docs = _open(args, None, need_one=False)
    with store:
        changed = import_xlsx(args.file, list(plans.values()), store, who=args.who)
    print(f"Đã nhập: {changed} nhiệm vụ thay đổi trạng thái")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the quarterly report .docx and its change log; print the paths and counts."""
    from tracking.report import build_report, write_report, write_report_changelog

    _index, store, plans, docs = _open(args, args.plan, need_one=True)
    store.close()
    report = build_report(plans[docs[0]], args.quarter, args.year)
    out = args.output or f"bao_cao_quy{args.quarter}_{args.year}.docx"
    write_report(report, out)
    md_path, csv_path = write_report_changelog(report, out)
    c = report.totals
    print(f"Đã ghi báo cáo: {out}")
    print(f"Nhật ký nguồn số liệu: {md_path}, {csv_path}")
    print(f"{c['total']} nhiệm vụ · đã hoàn thành {c['done']} · đang thực hiện {c['in_progress']} · "
          f"chưa thực hiện {c['not_started']} · không thực hiện {c['cancelled']} · quá hạn {c['overdue']}")
    return 0
