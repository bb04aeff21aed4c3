"""The change log of a draft as Markdown and CSV, written beside the draft.

Columns (Vietnamese headers, :data:`HEADERS`): ``Vị trí`` (location),
``Trước`` (old text), ``Sau`` (new text, or the proposal for a review item),
``Quy tắc`` (rule), ``Trạng thái`` ("đã đổi" / "cần xem lại" …); the CSV and
the Markdown add ``Lý do`` (:data:`LOG_HEADERS`): why a person must check
the line, or for a plain change the rule that made it. Review items come first in the
Markdown summary count; rows keep document order.
"""

from __future__ import annotations

import csv
import io
import os

from drafting.shift import Change, Draft

__all__ = ["HEADERS", "LOG_HEADERS", "changelog_markdown", "changelog_csv", "write_changelog", "changelog_paths"]

HEADERS = ["Vị trí", "Trước", "Sau", "Quy tắc", "Trạng thái"]
LOG_HEADERS = HEADERS + ["Lý do"]


def _row(change: Change) -> list[str]:
    return [change.location, change.old, change.new, change.rule, change.status,
            change.review or change.rule]


def _md_cell(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def changelog_markdown(draft: Draft) -> str:
    """The change log as a Markdown document: a summary line and one table row per change."""
    plan = draft.plan
    lines = [
        f"# Nhật ký thay đổi: {plan.title or plan.doc}",
        "",
        f"Nguồn: `{draft.source.doc}` (kỳ: {draft.source.metadata.period.text or '—'}) → "
        f"năm {draft.target_year}. {len(draft.changes)} thay đổi, "
        f"{draft.review_count} mục **cần xem lại**.",
        "",
        "| " + " | ".join(LOG_HEADERS) + " |",
        "|" + "---|" * len(LOG_HEADERS),
    ]
    for change in draft.changes:
        cells = [_md_cell(c) for c in _row(change)]
        if change.review:
            cells[4] = f"**{cells[4]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def changelog_csv(draft: Draft) -> str:
    """The change log as CSV text (header row, then one row per change)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LOG_HEADERS)
    writer.writerows(_row(c) for c in draft.changes)
    return out.getvalue()


def changelog_paths(docx_path: str | os.PathLike) -> tuple[str, str]:
    """``draft.docx`` → (``draft.changes.md``, ``draft.changes.csv``)."""
    base, _ = os.path.splitext(os.fspath(docx_path))
    return base + ".changes.md", base + ".changes.csv"


def write_changelog(draft: Draft, docx_path: str | os.PathLike) -> tuple[str, str]:
    """Write the Markdown and CSV change logs beside ``docx_path``; return their paths.

    The CSV is UTF-8 with a BOM so spreadsheet programs read Vietnamese
    correctly. Raises ``OSError`` when a file cannot be written.
    """
    md_path, csv_path = changelog_paths(docx_path)
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(changelog_markdown(draft))
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(changelog_csv(draft))
    return md_path, csv_path
