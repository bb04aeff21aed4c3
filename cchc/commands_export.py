"""``cchc draft``, ``cchc diff`` and ``cchc export``: working from parsed plans.

* ``draft --from PLAN --year 2027 [-o draft.docx]`` writes next year's draft
  (Word) and its change log beside it (``draft.changes.md``/``.csv``);
* ``diff PLAN_A PLAN_B [--json] [--semantic] [--threshold T] [--all]``
  compares two plans' tasks and targets by meaning;
* ``export --format xlsx|csv|ics [FILES…] [--doc …] [-o FILE]`` exports the
  tasks of the given plans (default the corpus, ``CCHC_CORPUS``); ``-o -``
  writes CSV/ICS to standard output.

Exit codes: 0 success, 2 bad input (unreadable plan, impossible year,
missing path; message on stderr), 1 other errors.
"""

from __future__ import annotations

import argparse
import json
import sys

from ingest.errors import InputError


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
                   help="thêm độ tương đồng ngữ nghĩa (bộ nhúng CCHC_EMBEDDINGS) vào điểm so khớp")
    c.add_argument("--threshold", type=float, default=None,
                   help="ngưỡng so khớp 0..1 (mặc định 0.4)")
    c.add_argument("--all", action="store_true", help="liệt kê cả nhiệm vụ chung không đổi")
    c.set_defaults(func=cmd_diff)

    e = sub.add_parser("export", help="Xuất nhiệm vụ ra XLSX, CSV hoặc lịch ICS")
    e.add_argument("files", nargs="*", help="tệp hoặc thư mục (mặc định CCHC_CORPUS hoặc corpus/)")
    e.add_argument("--format", choices=("xlsx", "csv", "ics"), required=True)
    e.add_argument("--doc", help="chỉ kế hoạch có tên tệp chứa chuỗi này")
    e.add_argument("-o", "--output", help="tệp ra (mặc định nhiem_vu.<định dạng>; '-' = stdout)")
    e.set_defaults(func=cmd_export)


def cmd_draft(args: argparse.Namespace) -> int:
    """Write the draft .docx and its change logs; print where and how many reviews."""
    files = args.assistant.draft(args.source, args.year, args.output)
    draft = files.draft
    print(f"Đã ghi dự thảo: {files.docx}")
    print(f"Nhật ký thay đổi: {files.changes_md}, {files.changes_csv}")
    print(f"{len(draft.plan.tasks)} nhiệm vụ · {len(draft.changes)} thay đổi · "
          f"{draft.review_count} mục cần xem lại")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Print the comparison of two plans as a table or JSON."""
    from drafting.diff import format_diff

    result = args.assistant.diff(args.plan_a, args.plan_b, args.threshold, args.semantic)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_diff(result, show_unchanged=args.all))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the selected tasks; for ICS print how many events repeat and how many tasks were skipped."""
    from assistant.service import select_tasks

    assistant = args.assistant
    plans = assistant.plans(args.files or None)
    tasks = select_tasks(plans, doc=args.doc)
    out = args.output or f"nhiem_vu.{args.format}"
    to_stdout = out == "-"
    if to_stdout and args.format == "xlsx":
        raise InputError("XLSX cần một tệp ra (-o FILE.xlsx)")
    info = sys.stderr if to_stdout else sys.stdout
    where = "stdout" if to_stdout else out
    result = assistant.export(tasks, args.format, sys.stdout if to_stdout else out, plans)
    if args.format == "ics":
        print(f"Đã ghi {result.events} sự kiện (nhiệm vụ có thời hạn) vào {where}", file=info)
        if result.recurring:
            print(f"Trong đó {result.recurring} sự kiện lặp lại (Hàng năm, Hàng quý, Hàng tháng, "
                  "Thường xuyên)", file=info)
        print(f"Bỏ qua {result.skipped} nhiệm vụ không có ngày cụ thể "
              "(theo chỉ đạo, không ghi thời hạn …)", file=info)
    else:
        print(f"Đã ghi {result.rows} nhiệm vụ vào {where}", file=info)
    return 0
