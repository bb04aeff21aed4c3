"""Plan model → retrieval chunks (what the BM25 and dense indexes hold).

One chunk per:

* task row (``kind="task"``): the plan's name and period, the annex section
  path and every field with its Vietnamese label ("Cơ quan chủ trì: …");
  locator ``"nhiệm vụ 22"`` (:attr:`ingest.model.Task.label`);
* body paragraph or list item (``kind="paragraph"``): prefixed
  ``"<plan name> <period> | <heading path> | <text>"``; locator
  ``"mục II.3.b"``. A leaf heading with no paragraphs under it (plans often
  write a whole target as a numbered heading) is a chunk of its own;
* target (``kind="target"``) whose sentence no paragraph already holds;
* the plan's header facts (``kind="meta"``, locator ``"thông tin chung"``).

The prefix matters: plans of different communes repeat near-identical
sentences, so each chunk's indexed text names its plan. ``quote`` holds the
source words alone, for display.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from ingest.fields import ROW_FIELDS
from ingest.fields import label as field_label
from ingest.model import Plan, Section, Task
from ingest.textnorm import fold

_SPACES = re.compile(r"\s+")

TASK_FIELDS: tuple[tuple[str, str], ...] = tuple((name, field_label(name)) for name in ROW_FIELDS)
"""Task attribute → Vietnamese label (:mod:`ingest.fields`), in the order written into chunks."""


@dataclass
class Chunk:
    """One retrievable unit.

    ``id`` is stable for unchanged input (doc, kind, locator, ordinal);
    ``kind`` is ``task`` | ``paragraph`` | ``target`` | ``meta``;
    ``locator`` is Vietnamese ("nhiệm vụ 22", "mục II.3.b"); ``page`` is
    1-based or ``None``; ``text`` is what is indexed (with the plan prefix);
    ``quote`` the source words shown to users; ``task_number`` the task's
    number (a sub-row's parent number); ``section`` the annex section of a
    task or the body section locator of a paragraph.
    """

    id: str
    doc: str
    title: str
    kind: str
    locator: str
    page: int | None
    text: str
    quote: str
    task_number: str | None = None
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of the fields."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Chunk":
        """Inverse of :meth:`to_dict`; raises ``TypeError`` on unknown keys."""
        return cls(**data)


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _contains(haystack: str | None, needle: str | None) -> bool:
    """Whether ``needle`` appears in ``haystack``, ignoring case and diacritics."""
    n = fold(needle)
    return bool(n) and n in fold(haystack)


def plan_title(plan: Plan) -> str:
    """The plan's display title: its title, else the unit name, else the file name."""
    return _clean(plan.title or plan.metadata.title or plan.metadata.unit_name or plan.doc)


def plan_label(plan: Plan) -> str:
    """Plan name for chunk prefixes: title plus unit name and period text when
    the title lacks them ("Kế hoạch CCHC xã Nam An Phụ năm 2026")."""
    parts = [plan_title(plan)]
    unit = _clean(plan.metadata.unit_name)
    if unit and not _contains(parts[0], unit):
        parts.append(unit)
    period = _clean(plan.metadata.period.text)
    if period and not _contains(" ".join(parts), period):
        parts.append(period)
    return " ".join(parts)


# numbered outline paths: "II.3.b", "3", "III (2).1", "A.I.2", "Phần II.I.1"
_NUMBERED = re.compile(r"^(?:Phần [IVXLC\d]+|[A-H](?=\.)|[IVXLC]+|\d+)(?:[.\s]|$)")
_PATH_MAX = 120


def section_locator(section: Section) -> str:
    """Vietnamese locator of a body section: "mục II.3.b" for a numbered one,
    else its locator or heading as written ("Phụ lục"), else "phần mở đầu"."""
    if section.locator and _NUMBERED.match(section.locator):
        return f"mục {section.locator}"
    return _clean(section.locator) or _clean(section.heading) or "phần mở đầu"


def heading_path(section: Section, text: str | None = None) -> str:
    """The section's heading path joined by " – " (each heading cut to 120
    characters). A last heading that merely repeats ``text`` (a list item
    parsed as its own heading) is left out."""
    parts = [_clean(p) for p in (section.path or [section.heading]) if _clean(p)]
    if parts and text:
        last, body = fold(parts[-1]), fold(text)
        if body.startswith(last) or last.startswith(body):
            parts = parts[:-1]
    return " – ".join(p if len(p) <= _PATH_MAX else p[:_PATH_MAX].rstrip() + "…" for p in parts)


def task_section_path(task: Task) -> str:
    """Annex path of a task: "Phụ lục – I. Cải cách thể chế – 1 Kiểm soát TTHC"."""
    parts = ["Phụ lục"] + [_clean(p) for p in (task.section, task.subsection) if _clean(p)]
    return " – ".join(parts)


_ROMAN = re.compile(r"^\s*([IVXLC]+)\b")


def task_locator(task: Task, numbers_restart: bool = False) -> str:
    """Vietnamese locator of a task row: "nhiệm vụ 22"; when the plan restarts
    its numbering in each annex section, the section numeral is added:
    "nhiệm vụ 2.4 (mục II)"."""
    if numbers_restart:
        match = _ROMAN.match(task.section or "")
        if match:
            return f"{task.label} (mục {match.group(1)})"
    return task.label


def task_fields_text(task: Task, sep: str = "\n") -> str:
    """Every filled field of ``task`` with its Vietnamese label, ``sep``-joined.

    Starts with "Nhiệm vụ N: <content>"; then Mục tiêu, Cơ quan chủ trì, Cơ quan
    phối hợp, Thời gian hoàn thành, Sản phẩm and the ``extra`` columns under
    their header text.
    """
    head = task.label[0].upper() + task.label[1:]
    lines = [f"{head}: {_clean(task.content)}" if task.content else head]
    for attr, label in TASK_FIELDS:
        value = _clean(getattr(task, attr))
        if value:
            lines.append(f"{label}: {value}")
    for header, value in task.extra.items():
        if _clean(value):
            lines.append(f"{_clean(header)}: {_clean(value)}")
    return sep.join(lines)


def _leaf_sections(sections: list[Section]) -> set[int]:
    """Indexes of sections no other section extends (by locator prefix)."""
    locators = [s.locator for s in sections]
    leaves = set()
    for i, loc in enumerate(locators):
        if not loc:
            continue
        if not any(o != loc and o.startswith(loc + ".") for o in locators if o):
            leaves.add(i)
    return leaves


class _Ids:
    """Stable chunk ids: doc + kind + locator + ordinal among equal triples."""

    def __init__(self, doc: str):
        self.doc = doc
        self.seen: dict[tuple[str, str], int] = {}

    def __call__(self, kind: str, locator: str) -> str:
        n = self.seen.get((kind, locator), 0)
        self.seen[(kind, locator)] = n + 1
        return f"{self.doc}::{kind}::{locator}::{n}"


def plan_to_chunks(plan: Plan) -> list[Chunk]:
    """All chunks of ``plan`` in a stable order: meta, body, targets, tasks.

    Empty paragraphs are skipped. Ids are unique within the plan and
    unchanged when the plan is unchanged.
    """
    label = plan_label(plan)
    title = plan_title(plan)
    new_id = _Ids(plan.doc)
    chunks: list[Chunk] = []

    def add(kind: str, locator: str, page: int | None, body: str, quote: str, path: str = "",
            task_number: str | None = None, section: str | None = None) -> None:
        prefix = f"{label} | {path} | " if path else f"{label} | "
        chunks.append(
            Chunk(
                id=new_id(kind, locator),
                doc=plan.doc,
                title=title,
                kind=kind,
                locator=locator,
                page=page,
                text=prefix + body,
                quote=quote,
                task_number=task_number,
                section=section,
            )
        )

    meta = plan.metadata
    facts = [
        ("Cơ quan ban hành", meta.issuing_body),
        ("Đơn vị", meta.unit_name),
        ("Thời kỳ", meta.period.text),
        ("Số quyết định", meta.decision_number),
        ("Ngày ban hành", meta.date),
        ("Người ký", meta.signer),
    ]
    facts_text = "; ".join(f"{k}: {_clean(v)}" for k, v in facts if _clean(v))
    if facts_text:
        add("meta", "thông tin chung", None, facts_text, facts_text, path="Thông tin chung")

    body_texts: list[str] = []
    leaves = _leaf_sections(plan.sections)
    for i, section in enumerate(plan.sections):
        locator = section_locator(section)
        texts = [(p.text, p.page) for p in section.paragraphs if _clean(p.text)]
        if not texts and i in leaves and _clean(section.heading):
            texts = [(section.heading, section.page)]
        for text, page in texts:
            text = _clean(text)
            body_texts.append(fold(text))
            add(
                "paragraph",
                locator,
                page if page is not None else section.page,
                text,
                text,
                path=heading_path(section, text),
                section=section.locator or None,
            )

    for target in plan.targets:
        text = _clean(target.text)
        key = fold(text)
        if not text or any(key in b for b in body_texts):
            continue
        locator = f"mục {target.section}" if target.section else "chỉ tiêu"
        add("target", locator, target.page, text, text, path="Chỉ tiêu", section=target.section)

    numbers = [t.number for t in plan.tasks if t.number]
    restarts = len(numbers) != len(set(numbers))
    latest: dict[str, Task] = {}  # number → nearest numbered row above
    for task in plan.tasks:
        body = task_fields_text(task)
        if task.number:
            latest[task.number] = task
        else:
            parent = latest.get(task.part_of or "")
            if parent is not None and parent.content:
                body += f"\nThuộc nhiệm vụ {task.part_of}: {_clean(parent.content)}"
        add(
            "task",
            task_locator(task, restarts),
            task.page,
            body,
            task_fields_text(task, sep="; "),
            path=task_section_path(task),
            task_number=task.number or task.part_of,
            section=task.section,
        )
    return chunks
