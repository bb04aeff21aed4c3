"""Is a new file the same plan as one already loaded (the same text in another format)?

The same plan saved as TXT, DOCX and PDF gives three files with different
bytes but one plan model. :func:`same_plan` compares what the parser read,
not the bytes: the task rows (number, content, lead unit) and the body
(section headings), each compared on :func:`ingest.lexicon.canon` keys
(diacritics, spacing, line breaks and abbreviations do not matter, since
PDF conversion changes them). Two plans are the same when at least
:data:`MIN_SHARED` of the larger side's task rows and of its headings occur
on both sides and both have something to compare; plans of two communes
that copy the same template differ in their unit names, headings ("xã Nam
An Phú") or rows, so they do not meet the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.lexicon import canon
from ingest.model import Plan
from ingest.units import unit_key

MIN_SHARED = 0.9
"""Share of task rows and of section headings that must match."""


def _tasks(plan: Plan) -> list[str]:
    return [f"{t.number or ''}|{canon(t.content)}|{unit_key(t.lead)}" for t in plan.tasks]


def _headings(plan: Plan) -> list[str]:
    return [canon(s.heading) for s in plan.sections if getattr(s, "heading", None)]


def _share(a: list[str], b: list[str]) -> float | None:
    if not a and not b:
        return None
    left, right = set(a), set(b)
    return len(left & right) / max(len(left), len(right))


def same_plan(a: Plan, b: Plan) -> bool:
    """True when ``a`` and ``b`` hold the same tasks and body (rules in the module docstring)."""
    shares = [s for s in (_share(_tasks(a), _tasks(b)), _share(_headings(a), _headings(b)))
              if s is not None]
    title_a, title_b = canon(a.metadata.title or a.title), canon(b.metadata.title or b.title)
    if title_a and title_b and title_a != title_b:
        return False
    return bool(shares) and all(s >= MIN_SHARED for s in shares)


def find_same_plan(plan: Plan, loaded: Iterable[Plan]) -> list[str]:
    """File names (``Plan.doc``) of the ``loaded`` plans that are :func:`same_plan` as ``plan``
    (``plan`` itself excluded)."""
    return [p.doc for p in loaded if p.doc != plan.doc and same_plan(plan, p)]
