"""Tasks written as prose under a heading, and the warning when a plan has none.

Source pattern (department plans without a task table): a numbered heading
names the task, bullets under it detail it, and a line of labelled fields
assigns it::

    III. NHIỆM VỤ TRỌNG TÂM
    1. Tái cơ cấu ngành công nghiệp theo chiều sâu …      ← task "1"
    - Tham mưu UBND tỉnh xây dựng chính sách …            ← its sub-rows
    - Phối hợp xây dựng danh mục dự án …
    Lãnh đạo phụ trách: Phó giám đốc Hoàng Văn Thuân.     ← kept in ``extra``
    Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý
    Năng lượng, Phòng Quản lý Thương mại.
    Thời gian thực hiện: Quý II/2026.

A section is a task when one of its paragraphs *opens* with a label of the
lead family ("Đơn vị chủ trì:", "Cơ quan chủ trì:", "Chủ trì:"); each label
("… phối hợp:", "Thời gian …:", "Thời hạn:", "Tiến độ:", "Sản phẩm:", "Kết
quả:", other "Label:" phrases of the column vocabulary) takes the text up to
the next label. The task is numbered as its heading, under the heading
above it; each bullet of the section becomes a sub-row (``part_of``) with
the same lead, coordinating units, deadline and product.
"""

from __future__ import annotations

import re

from ingest.columns import family_of
from ingest.deadline import parse_due
from ingest.markers import parse_marker
from ingest.model import Section, Task
from ingest.textkey import aligned_fold

# "Đơn vị chủ trì:", "Cơ quan phối hợp:", "Thời gian thực hiện:", "Lãnh đạo phụ trách:" …
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[;.]\s)|(?<=[;.]))\s*((?:[^\W\d_][^\W\d_]*\s+){0,4}[^\W\d_]+)\s*:\s*",
)
_BULLET = re.compile(r"^\s*[-+•–]\s*")
_LEAD_LABEL = re.compile(r"^\s*(?:(?:don vi|co quan|bo phan)\s+)?chu tri(?:\s+thuc hien)?\s*:")
_EXTRA_LABELS = re.compile(r"^(?:lanh dao phu trach|nguoi phu trach|lanh dao chi dao)$")
_ANNEX_NAMED = re.compile(
    r"(?:phu luc|danh muc nhiem vu|bang phan cong|bieu phan cong|phan cong nhiem vu|"
    r"bang tong hop nhiem vu|nhiem vu cu the)\b"
)


def _fields(text: str) -> dict[str, str]:
    """Labelled fields of one paragraph: family (or printed label) → value."""
    key = aligned_fold(text)
    marks = [m for m in _LABEL.finditer(text)]
    out: dict[str, str] = {}
    for k, m in enumerate(marks):
        label = m.group(1)
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        value = text[m.end():stop].strip(" ;.")
        folded = key[m.start(1):m.end(1)].strip()
        family = family_of(label)
        if _EXTRA_LABELS.match(folded):
            out[label.strip()] = value
        elif family in ("lead", "coordinating", "deadline", "product") and family not in out:
            out[family] = value
    return out


def _is_assignment(text: str) -> bool:
    return bool(_LEAD_LABEL.match(aligned_fold(text)))


def _section_fields(section: Section) -> dict[str, str]:
    """The labelled fields of a section's assignment paragraphs (first value of each wins)."""
    fields: dict[str, str] = {}
    for p in section.paragraphs:
        found = _fields(p.text)
        if found and (_is_assignment(p.text) or _LABEL.match(p.text)):
            for name, value in found.items():
                fields.setdefault(name, value)
    return fields


_TASK_FIELDS = ("lead", "coordinating", "deadline", "product")


def _task(doc: str, section: str | None, fields: dict[str, str], plan_year: int | None,
          number: str | None, part_of: str | None, content: str, page: int | None,
          extra: dict[str, str]) -> Task:
    deadline = fields.get("deadline") or None
    return Task(
        doc=doc, number=number, part_of=part_of, section=section, content=content,
        lead=fields.get("lead") or None, coordinating=fields.get("coordinating") or None,
        deadline=deadline, due=parse_due(deadline, plan_year), product=fields.get("product") or None,
        page=page, extra=extra,
    )


def tasks_from_sections(sections: list[Section], doc: str, plan_year: int | None) -> list[Task]:
    """Tasks from sections that assign their work in labelled prose (module doc).

    Returns ``[]`` when no section does. Annex sections are not read.
    """
    tasks: list[Task] = []
    for section in sections:
        if section.locator.lower().startswith("phụ lục"):
            continue
        if not any(_is_assignment(p.text) for p in section.paragraphs):
            continue
        fields = _section_fields(section)
        marker = parse_marker(section.heading)
        numbered = marker is not None and marker.kind in ("arabic", "dotted", "letter", "roman")
        number = marker.label if numbered and marker else (section.locator.split(".")[-1] or None)
        title = marker.rest if numbered and marker else section.heading
        parent = section.path[-2] if len(section.path) > 1 else None
        extra = {k: v for k, v in fields.items() if k not in _TASK_FIELDS}
        tasks.append(_task(doc, parent, fields, plan_year, number, None, title, section.page, extra))
        for p in section.paragraphs:
            item = _BULLET.sub("", p.text).strip()
            if _BULLET.match(p.text) and not _fields(item).keys() & {"lead", "coordinating"}:
                tasks.append(_task(doc, parent, fields, plan_year, None, number, item, p.page, {}))
    return tasks


def names_a_task_list(sections: list[Section]) -> bool:
    """Whether the plan's text refers to an annex or a task list ("Phụ lục kèm
    theo", "danh mục nhiệm vụ", "bảng phân công nhiệm vụ") or has an annex."""
    for section in sections:
        if section.locator.lower().startswith("phụ lục"):
            return True
        for text in [section.heading] + [p.text for p in section.paragraphs]:
            if _ANNEX_NAMED.search(aligned_fold(text)):
                return True
    return False
