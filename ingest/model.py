"""The plan model: the single source of truth for a parsed reform plan.

Every consumer (CLI, index, retrieval, UI, exports, drafting) reads these
dataclasses. Values are the source's words with the conversion's line breaks
joined; ``None`` means the source left the field empty or it could not be
read with certainty (never guessed).

Shapes (JSON via :func:`Plan.to_dict`)::

    {"doc", "title", "metadata": {...}, "sections": [...], "tasks": [...]}

Domain vocabulary: lead unit = cơ quan chủ trì (``lead``), coordinating
units = cơ quan phối hợp (``coordinating``), deadline = thời gian hoàn thành
(``deadline`` text + normalised ``due``), product = sản phẩm (``product``),
task = nhiệm vụ.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

NO_DEADLINE_RECURRENCES = ("regular", "quarterly", "monthly")
"""``Due.recurrence`` values with no single deadline that can pass."""


@dataclass
class Due:
    """Normalised deadline.

    ``start``/``end`` are ISO dates (``YYYY-MM-DD``) or ``None``;
    ``recurrence`` is one of ``once``, ``regular`` (Thường xuyên), ``annual``
    (Hàng năm), ``quarterly``, ``monthly`` or ``None`` (unknown/conditional).
    """

    start: str | None = None
    end: str | None = None
    recurrence: str | None = None

    def passed(self, today: date) -> bool:
        """True when this deadline's end date is before ``today``. A
        deadline with no single end ("Thường xuyên", "Hàng quý", "Hàng
        tháng": :data:`NO_DEADLINE_RECURRENCES`), no end or an unreadable
        end never passes."""
        if not self.end or self.recurrence in NO_DEADLINE_RECURRENCES:
            return False
        try:
            return date.fromisoformat(self.end) < today
        except ValueError:
            return False


@dataclass
class Task:
    """One row of the annex task table (nhiệm vụ).

    ``number`` is the TT/STT cell as written ("22", "2.3"); ``None`` for a
    sub-row, whose ``part_of`` holds the number of the numbered task above.
    ``section`` is the group row ("I. Cải cách thể chế") and ``subsection`` a
    sub-group row ("1 Kiểm soát thủ tục hành chính"). ``page`` is 1-based when
    the source has pages, else ``None``. Columns the model has no field for
    go to ``extra`` under their header text.
    """

    doc: str
    number: str | None = None
    part_of: str | None = None
    section: str | None = None
    subsection: str | None = None
    objective: str | None = None
    content: str | None = None
    lead: str | None = None
    coordinating: str | None = None
    deadline: str | None = None
    due: Due = field(default_factory=Due)
    product: str | None = None
    page: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Human locator in Vietnamese: "nhiệm vụ 22" or "nhiệm vụ 24 (dòng con)"."""
        if self.number:
            return f"nhiệm vụ {self.number}"
        if self.part_of:
            return f"nhiệm vụ {self.part_of} (dòng con)"
        return "nhiệm vụ (không số)"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the CLI contract's key order."""
        return asdict(self)


@dataclass
class Paragraph:
    """One body paragraph or list item.

    ``kind`` is ``paragraph`` or ``item`` (a "-"/"+"/"a)" list item);
    ``page`` is 1-based or ``None``.
    """

    text: str
    kind: str = "paragraph"
    page: int | None = None


@dataclass
class Section:
    """A heading of the body with its paragraphs.

    ``locator`` is the numbering path ("II.3.b"); ``path`` the heading texts
    from the top ("II. NHIỆM VỤ", "3. Cải cách thủ tục hành chính", "b) ...");
    ``level`` 1 for I./II., 2 for 1./2., 3 for a)/b), 4 for deeper.
    """

    locator: str
    heading: str
    level: int
    path: list[str] = field(default_factory=list)
    page: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Target:
    """A target (chỉ tiêu): a sentence of the plan stating a measurable goal.

    ``section`` is the locator of the section it sits in; ``values`` the
    figures it states as written ("100%", "80%", "02").
    """

    text: str
    section: str | None = None
    values: list[str] = field(default_factory=list)
    page: int | None = None


@dataclass
class Responsibility:
    """Duties of one unit, from the organisation section (Tổ chức thực hiện)."""

    unit: str
    duties: list[str] = field(default_factory=list)
    section: str | None = None


@dataclass
class Period:
    """The plan's period as written plus its year bounds.

    ``text`` e.g. "năm 2026", "giai đoạn 2026 - 2030", "6 tháng cuối năm 2025";
    ``start_year``/``end_year`` integers or ``None``.
    """

    text: str | None = None
    start_year: int | None = None
    end_year: int | None = None


@dataclass
class Metadata:
    """Header facts of the plan. Blank fields in the source stay ``None``.

    ``issuing_body`` is the issuer ("Sở Công Thương tỉnh Lào Cai", "Bộ Nông
    nghiệp và Môi trường", "Tỉnh ủy Hà Giang"); ``parent_body`` the body it
    belongs to when the letterhead names one ("Ủy ban nhân dân tỉnh Lào Cai").
    """

    title: str | None = None
    issuing_body: str | None = None
    parent_body: str | None = None
    unit_name: str | None = None
    level: str | None = None
    period: Period = field(default_factory=Period)
    decision_number: str | None = None
    date: str | None = None
    #: that date as the source writes it, after "ngày" ("22 tháng 01 năm
    #: 2025", "31/7/2025"), for answers that quote it
    date_text: str | None = None
    signer: str | None = None
    #: the decision's authority line, as written ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM AN PHỤ")
    authority: str | None = None
    #: the signature block's title lines above the signer, "\n"-joined, as
    #: written ("CHỦ TỊCH"; "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    signature_title: str | None = None


SOURCE_KINDS = ("text", "scan", "mixed")
OCR_NOTE = "bản scan, đã nhận dạng chữ"
"""Shown beside a citation whose page was read by OCR."""


class PlanWarning(str):
    """A warning about a parsed plan: its text (the string value, shown to users) plus a
    ``code`` (what kind: ``duplicate_section``, ``group_row_data``, ``orphan_row``,
    ``extra_cells``, ``merged_cells``, ``no_tasks``, ``legacy_encoding``, ``ocr``,
    ``parse`` for any other) and a ``locator`` ("mục II.3",
    "nhiệm vụ 22", or ``None``).

    Being a ``str``, it displays and compares as its message; :meth:`to_dict`
    is the JSON record ``{"code", "locator", "message"}``.
    """

    code: str
    locator: str | None

    def __new__(cls, message: str, code: str = "parse", locator: str | None = None) -> "PlanWarning":
        """A warning with ``message`` (Vietnamese), its ``code`` and ``locator``."""
        obj = super().__new__(cls, message)
        obj.code = code
        obj.locator = locator
        return obj

    @property
    def message(self) -> str:
        """The Vietnamese text."""
        return str(self)

    def to_dict(self) -> dict[str, Any]:
        """``{"code", "locator", "message"}``."""
        return {"code": self.code, "locator": self.locator, "message": str(self)}

    @classmethod
    def from_value(cls, value: "str | dict[str, Any]") -> "PlanWarning":
        """A warning from :meth:`to_dict` output or from a bare message (older index files)."""
        if isinstance(value, dict):
            return cls(value["message"], value.get("code") or "parse", value.get("locator"))
        return value if isinstance(value, PlanWarning) else cls(value)


@dataclass
class Plan:
    """A parsed plan: metadata, section tree, targets, responsibilities, tasks.

    ``source_kind`` says how its text was obtained: ``text`` (a text layer,
    Word or text file), ``scan`` (every page OCR'd from a scanned image) or
    ``mixed`` (some pages OCR'd); ``ocr_pages`` lists the OCR'd 1-based pages.
    In :meth:`to_dict` both sit in ``metadata`` beside ``warnings``.
    """

    doc: str
    title: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    source_kind: str = "text"
    ocr_pages: list[int] = field(default_factory=list)

    def is_ocr_page(self, page: int | None) -> bool:
        """True when ``page`` (1-based) of this plan was read by OCR."""
        return page is not None and page in self.ocr_pages

    @property
    def year(self) -> int | None:
        """The plan's reference year: the period's start year, else ``None``."""
        return self.metadata.period.start_year

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: ``{"doc", "title", "metadata", "sections", "tasks", ...}``."""
        meta = asdict(self.metadata)
        meta["targets"] = [asdict(t) for t in self.targets]
        meta["responsibilities"] = [asdict(r) for r in self.responsibilities]
        meta["warnings"] = [PlanWarning.from_value(w).to_dict() for w in self.warnings]
        meta["source_kind"] = self.source_kind
        meta["ocr_pages"] = list(self.ocr_pages)
        return {
            "doc": self.doc,
            "title": self.title,
            "metadata": meta,
            "sections": [asdict(s) for s in self.sections],
            "tasks": [t.to_dict() for t in self.tasks],
        }


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """Rebuild a :class:`Plan` from :meth:`Plan.to_dict` output (e.g. index JSON).

    Raises ``KeyError``/``TypeError`` on a dict of another shape.
    """
    meta = dict(data["metadata"])
    targets = [Target(**t) for t in meta.pop("targets", [])]
    responsibilities = [Responsibility(**r) for r in meta.pop("responsibilities", [])]
    warnings = [PlanWarning.from_value(w) for w in meta.pop("warnings", [])]
    source_kind = meta.pop("source_kind", "text")
    ocr_pages = list(meta.pop("ocr_pages", []))
    meta["period"] = Period(**meta.get("period") or {})
    sections = []
    for s in data.get("sections", []):
        s = dict(s)
        s["paragraphs"] = [Paragraph(**p) for p in s.get("paragraphs", [])]
        sections.append(Section(**s))
    tasks = []
    for t in data.get("tasks", []):
        t = dict(t)
        t["due"] = Due(**(t.get("due") or {}))
        tasks.append(Task(**t))
    return Plan(
        doc=data["doc"],
        title=data.get("title"),
        metadata=Metadata(**meta),
        sections=sections,
        targets=targets,
        responsibilities=responsibilities,
        tasks=tasks,
        warnings=warnings,
        source_kind=source_kind,
        ocr_pages=ocr_pages,
    )
