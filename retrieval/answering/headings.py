"""A body section's heading words and the items under it, shared by the
list answers (:mod:`retrieval.answering.sections`) and the loose heading
names (:mod:`retrieval.answering.loose_heading`): "2. Một số chỉ tiêu chủ
yếu:" → "chi tieu chu yeu", its sub-parts or list items each whole, its
dash items.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan, Section

__all__ = ["BULLET", "FILLERS", "HEADING_LEAD", "MIN_HEADING_WORDS", "children", "dash_items", "descendants",
           "heading_key", "items_under", "unfilled"]

#: Words a heading opens with that the question need not repeat.
HEADING_LEAD = re.compile(r"^(?:[ivxl]+|\d+|[a-z])?\s*(?:mot so|cac|nhung)?\s*")
#: Words a heading or question may have or leave out without naming another
#: list ("Phát triển các ứng dụng, dịch vụ" ~ "phát triển ứng dụng, dịch vụ").
FILLERS = re.compile(r"\b(?:cac|nhung|mot so)\b ?")
#: A list item's own dash or bullet, dropped before the answer's "- ".
BULLET = re.compile(r"^[-–•+*]\s*")
#: Words a heading must have to be named by its words alone ("Yêu cầu",
#: "Mục đích" are too common in questions; "chỉ tiêu chủ yếu" is not).
MIN_HEADING_WORDS = 3


def heading_key(section: Section) -> str:
    """The heading's words without its number and generic opening ("2. Một số
    chỉ tiêu chủ yếu:" → "chi tieu chu yeu")."""
    return HEADING_LEAD.sub("", canon(section.heading)).strip()


def unfilled(key: str) -> str:
    """``key`` without :data:`FILLERS`, single-spaced."""
    return " ".join(FILLERS.sub("", key).split())


def children(plan: Plan, section: Section) -> list[Section]:
    """The sections right under ``section`` (one level deeper, same path)."""
    depth = len(section.path)
    return [s for s in plan.sections
            if len(s.path) == depth + 1 and s.path[:depth] == section.path and s is not section]


def items_under(plan: Plan, section: Section) -> list[str]:
    """Every item under ``section``: each sub-section whole (its heading, or
    its own text when it has some), else the section's own list items."""
    items = []
    for child in children(plan, section):
        texts = [p.text.strip() for p in child.paragraphs if p.text.strip()]
        if texts and canon(texts[0]).startswith(canon(child.heading)[:40]):
            items.append(" ".join(texts))
        else:
            items.append(" ".join([child.heading.strip()] + texts))
    if not items:
        items = [p.text.strip() for p in section.paragraphs if p.text.strip()]
        if any(BULLET.match(i) for i in items):  # "…, trong đó:" before the dashes: no item
            while items and not BULLET.match(items[0]) and items[0].rstrip().endswith(":"):
                items.pop(0)
    return items


def dash_items(plan: Plan, section: Section) -> list[str]:
    """"mục I có mấy gạch đầu dòng": every dash item of ``section`` and of the
    parts under it, in order (a lettered part "a) …" is no dash); ``[]`` when
    it has none."""
    under = [section] + descendants(plan, section)
    return [p.text.strip() for s in under for p in s.paragraphs if BULLET.match(p.text.strip())]


def descendants(plan: Plan, section: Section) -> list[Section]:
    """The sections under ``section`` (by locator prefix), in plan order."""
    prefix = f"{section.locator}."
    return [s for s in plan.sections if section.locator and (s.locator or "").startswith(prefix)]
