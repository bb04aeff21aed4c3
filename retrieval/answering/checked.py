"""The yes/no of a lead guessed in the question: "việc X có phải do Y chủ trì
không?", "giao cho ai việc X? có phải Phòng Y không?", "nv 7 có phải Phòng Y
chủ trì không?" — "Có: …" or "Không: …" with the lead the row writes, before
the row itself.
"""

from __future__ import annotations

from ingest.model import Task
from ingest.units import unit_matches
from retrieval.query import Query

__all__ = ["checked_lead_line"]


def checked_lead_line(query: Query, task: Task) -> str:
    """The yes/no of "việc X có phải do Y chủ trì không?" for the row ``task``
    found: "Có: …" when ``query.checked_unit`` is one of its lead units, else
    "Không: …" with the lead the row writes (or that its lead cell is empty)."""
    number = task.number or task.part_of or ""
    if unit_matches(query.checked_unit or "", task.lead):
        return f"Có: nhiệm vụ {number} do {task.lead} chủ trì."
    if not task.lead:
        return f"Không: nhiệm vụ {number} không ghi cơ quan chủ trì."
    return f"Không: nhiệm vụ {number} do {task.lead} chủ trì, không phải {query.checked_text}."
