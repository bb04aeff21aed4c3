"""Reading warnings (``Plan.warnings``) in words a clerk understands, with the row they concern.

The parser writes short technical notes ("001.txt: dòng nhóm 'III' mang
thêm dữ liệu; đã ghép vào nhiệm vụ 4.1"). :func:`clerk_warning` rewrites
the known ones (:data:`RULES`: the source pattern and its plain wording)
and, when a note names a task, appends the start of that row's content so
the clerk can find it in the original file. Unknown notes are kept, without
the leading file name.
"""

from __future__ import annotations

import re

from ingest.model import Plan

RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"dòng nhóm '(?P<group>[^']+)' mang thêm dữ liệu; đã ghép vào nhiệm vụ (?P<task>\S+)"),
     ("Trong bảng nhiệm vụ, dòng tiêu đề nhóm {group} có lẫn chữ của nhiệm vụ {task} (thường do "
     "chuyển đổi tệp làm lệch ô). Phần chữ đó đã được ghép vào nhiệm vụ {task}; nên đối chiếu "
     "dòng này với tệp gốc.")),
    (re.compile(r"dòng không số trước nhiệm vụ đầu tiên, bỏ qua"),
     ("Ở đầu bảng nhiệm vụ có một dòng không đánh số, nằm trước nhiệm vụ đầu tiên; dòng này "
     "không được đọc. Nên kiểm tra đầu bảng trong tệp gốc.")),
    (re.compile(r"nhiệm vụ (?P<task>\S+)(?P<sub> \(dòng con\))? có ô thừa ngoài bảng"),
     ("Nhiệm vụ {task}{sub}: có chữ nằm ngoài các cột của bảng, phần đó không được đọc. Nên "
     "kiểm tra dòng này trong tệp gốc.")),
    (re.compile(r"Số mục trùng lặp trong thân kế hoạch: (?P<number>.+)"),
     ("Phần nội dung kế hoạch có hơn một mục cùng đánh số {number}; khi hỏi về mục {number}, "
     "câu trả lời có thể lấy từ mục nào trong số đó.")),
]
"""Source pattern of a parser note → its plain wording (``{name}`` = the pattern's groups)."""

_PREFIX = re.compile(r"^[^\s:]+\.(?:txt|md|docx|pdf): ", re.IGNORECASE)


def _row_hint(plan: Plan | None, number: str | None) -> str:
    if plan is None or not number:
        return ""
    task = next((t for t in plan.tasks if t.number == number), None)
    if task is None or not task.content:
        return ""
    words = task.content.split()
    start = " ".join(words[:14]) + ("…" if len(words) > 14 else "")
    page = f", trang {task.page}" if task.page else ""
    return f" (Dòng nhiệm vụ {number}{page}: “{start}”)"


def clerk_warning(note: str, plan: Plan | None = None) -> str:
    """The plain Vietnamese wording of one parser ``note`` of ``plan`` (rules above),
    with the row it concerns when it names a task."""
    text = _PREFIX.sub("", note.strip())
    for pattern, wording in RULES:
        m = pattern.search(text)
        if m:
            groups = {k: (v or "") for k, v in m.groupdict().items()}
            return wording.format(**groups) + _row_hint(plan, groups.get("task"))
    return text
