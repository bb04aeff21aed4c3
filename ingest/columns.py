"""Column families of annex task tables, recognised by meaning.

One vocabulary for every reader of task tables (``ingest.tables`` for real
table cells, ``ingest.flattened`` for header labels flattened into lines).
Each family is a pattern on diacritics-free lower-case text
(:func:`ingest.textnorm.fold`); the list order settles overlaps, most specific
first: "Thời gian thực hiện" is a deadline, not a lead ("… thực hiện").

Families and the header words they cover (other issuers use other words):

* ``number`` – TT, STT, Số TT, Số thứ tự
* ``coordinating`` – Cơ quan/Đơn vị phối hợp
* ``deadline`` – Thời gian (thực hiện / hoàn thành / trình), Thời hạn, Tiến độ, Mốc
* ``product`` – Sản phẩm, Kết quả, Đầu ra, Hình thức (văn bản)
* ``lead`` – Cơ quan chủ trì, Cơ quan/Đơn vị/Bộ phận thực hiện, tham mưu, phụ trách
* ``objective`` – Mục tiêu, Chỉ tiêu
* ``content`` – Nội dung (công việc), Nhiệm vụ, Hoạt động, Đề án, Giải pháp
* ``note`` – Ghi chú; ``budget`` – Kinh phí, Nguồn vốn (kept in ``Task.extra``)
"""

from __future__ import annotations

import re

from ingest.textnorm import fold

COLUMN_FAMILIES: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"\b(?:s\.?\s?tt|so\s+tt|so thu tu|thu tu|tt)\b")),
    ("coordinating", re.compile(r"phoi hop")),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do|hoan thanh|thoi diem|\bmoc\b")),
    ("product", re.compile(r"san pham|ket qua|dau ra|hinh thuc")),
    (
        "lead",
        re.compile(
            r"chu tri|(?:co quan|don vi|bo phan)\s+(?:\w+\s+)?(?:thuc hien|tham muu|phu trach)"
            r"|phu trach|trach nhiem"
        ),
    ),
    ("objective", re.compile(r"muc tieu|chi tieu")),
    ("content", re.compile(r"noi dung|nhiem vu|cong viec|hoat dong|de an|giai phap|\bten\b")),
    ("note", re.compile(r"ghi chu")),
    ("budget", re.compile(r"kinh phi|nguon von")),
]

#: Families that have a field in :class:`ingest.model.Task`.
TASK_FIELDS = ("number", "objective", "content", "lead", "coordinating", "deadline", "product")


def family_of(label: str) -> str | None:
    """The family of one header cell's text, or ``None`` (first match wins)."""
    key = fold(label)
    if not key:
        return None
    for family, pattern in COLUMN_FAMILIES:
        if pattern.search(key):
            return family
    return None
