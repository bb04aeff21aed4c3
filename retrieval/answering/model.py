"""What an answer is: :class:`Answer`, its :class:`Citation` list, a
conversation :class:`Turn`, and the standard abstention (:data:`ABSTAIN`,
:func:`abstention`).

Data only: every other ``retrieval.answer_*`` module builds these, and
:mod:`retrieval.answer` re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from retrieval.query import Query

ABSTAIN = "Không tìm thấy thông tin này trong các kế hoạch đã nạp."


@dataclass
class Citation:
    """Where an answer comes from: ``doc`` (file name), ``title`` (plan
    title), ``locator`` ("nhiệm vụ 22", "mục II.3.b"), ``page`` (1-based or
    ``None``) and ``quote`` (the source words). ``section`` (a task's annex
    section) is kept for evaluation and ``ocr`` (the page was read by OCR
    from a scan, shown as :data:`ingest.model.OCR_NOTE`) for display; both
    are left out of :meth:`to_dict`."""

    doc: str
    title: str | None
    locator: str
    page: int | None
    quote: str
    section: str | None = field(default=None, repr=False, compare=False)
    ocr: bool = field(default=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The CLI contract's ``{"doc", "title", "locator", "page", "quote"}``."""
        return {"doc": self.doc, "title": self.title, "locator": self.locator,
                "page": self.page, "quote": self.quote}


@dataclass
class Answer:
    """An answer: ``text`` (Vietnamese), ``abstained``, ``citations``,
    ``kind`` (``task`` | ``filter`` | ``count`` | ``meta`` | ``plans`` |
    ``extractive`` | ``llm`` | ``abstain``). ``evidence`` ranks what was
    considered, best first (for retrieval metrics); ``query`` is the
    resolved query (for follow-ups); ``scope`` the scope (Phạm vi) it was
    asked under, so a follow-up under another scope starts afresh."""

    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    kind: str = "extractive"
    evidence: list[Citation] = field(default_factory=list)
    query: Query | None = None
    scope: str | None = None


@dataclass
class Turn:
    """One earlier exchange: the question and, when known, its :class:`Answer`
    (whose ``query`` makes the follow-up exact)."""

    question: str
    answer: Answer | None = None


def abstention(query: Query | None = None, evidence: list[Citation] | None = None,
               reason: str | None = None) -> Answer:
    """An abstention: ``abstained`` True, no citations, kind ``abstain``;
    text the ``reason`` in words when known ("Kế hoạch Phú Thái (năm 2026)
    không có phụ lục nhiệm vụ.", "Kế hoạch Nam An Phụ (năm 2026) không có
    nhiệm vụ 40."), else :data:`ABSTAIN`. ``evidence`` (what was considered,
    for retrieval metrics) and ``query`` are kept."""
    return Answer(reason or ABSTAIN, True, [], "abstain", list(evidence or []), query)
