"""What numbers a plan's annex has, in words, for an abstention on a number it lacks.

"nap nv 36 ai chu tri?" (the annex numbers 1–35), "LH muc II.5 phan CC
TTHC la gi?" (part II of the Lộc Hòa annex numbers its rows in groups 1–4:
1.1 … 4.1), "Lộc Hòa mục III …, nhiệm vụ 5" (part III has rows 1–4), "NAP
mục VIII trong PL" (the annex has parts I–VII): the refusal says what the
plan does have, so the user sees the number is missing, not the search.

Numbers as the annex writes them (:attr:`ingest.model.Task.number`, sub-rows
left out); parts by the Roman numeral their heading opens with
(:attr:`ingest.model.Task.section`, "II. Cải cách thủ tục hành chính").
"""

from __future__ import annotations

import re

from ingest.model import Plan, Task

__all__ = ["number_span", "numbering_note"]

_ROMAN = re.compile(r"^\s*([IVXLC]+)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d+)(?:\.(\d+))*$")


def _part(task: Task) -> str | None:
    m = _ROMAN.match(task.section or "")
    return m.group(1).upper() if m else None


def number_span(numbers: list[str]) -> str:
    """"31–35" for three or more consecutive whole numbers ["31", "32", …,
    "35"] in that order, else the numbers joined by ", " ("2, 5, 7"; "1.1, 1.2")."""
    if len(numbers) > 2 and all(n.isdigit() for n in numbers):
        values = [int(n) for n in numbers]
        if values == list(range(values[0], values[0] + len(values))):
            return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(numbers)


def _span(values: list[int]) -> str:
    """[1, 2, 3, 4] → "1–4"; [1, 3] → "1, 3" (sorted, each once)."""
    return number_span([str(v) for v in sorted(set(values))])


def _rows_note(tasks: list[Task]) -> str | None:
    """"nhiệm vụ 1–4" for plain numbers; "các nhóm 1–4 (nhiệm vụ 1.1 … 4.1)"
    when the rows are numbered within groups; ``None`` when none is numbered."""
    numbers = [t.number for t in tasks if t.number and _NUMBER.match(t.number)]
    if not numbers:
        return None
    heads = [int(n.split(".")[0]) for n in numbers]
    if any("." in n for n in numbers):
        return f"các nhóm {_span(heads)} (nhiệm vụ {numbers[0]} … {numbers[-1]})"
    return f"nhiệm vụ {_span(heads)}"


def numbering_note(plan: Plan, part: str | None = None) -> str | None:
    """What the annex of ``plan`` numbers, in one clause: in its part
    ``part`` (Roman numeral, any case) when given — "mục II (Cải cách thủ tục
    hành chính) của phụ lục chỉ có các nhóm 1–4 (nhiệm vụ 1.1 … 4.1)" — or,
    when the annex has no such part, its parts ("phụ lục chỉ có các mục
    I–VII"); else its numbers ("phụ lục chỉ có nhiệm vụ 1–35"). ``None`` for
    a plan without numbered rows."""
    numbered = [t for t in plan.tasks if t.number]
    if not numbered:
        return None
    if part:
        parts = list(dict.fromkeys(p for p in (_part(t) for t in numbered) if p))
        inside = [t for t in numbered if _part(t) == part.upper()]
        if not inside:
            return f"phụ lục chỉ có các mục {parts[0]}–{parts[-1]}" if len(parts) > 1 else None
        heading = _ROMAN.sub("", inside[0].section or "").strip(" .")
        rows = _rows_note(inside)
        return f"mục {part.upper()} ({heading}) của phụ lục chỉ có {rows}" if rows else None
    numbers = [t.number for t in numbered]
    if len(set(numbers)) < len(numbers):  # numbers restart per part: no one span to give
        return None
    rows = _rows_note(numbered)
    return f"phụ lục chỉ có {rows}" if rows else None
