"""Targets (chỉ tiêu): the plan's sentences that state measurable goals.

Rule (recall first inside the plan's own goal sections):

1. *Goal sections.* A body section is a goal section when the nearest
   heading on its path that names a kind of content names a goal: going
   from the section up to the top, and skipping leaf items (sentences
   numbered like headings), the first heading mentioning "chỉ tiêu",
   "mục tiêu", "nhiệm vụ", "giải pháp", "tổ chức thực hiện", "kinh phí" or
   "trách nhiệm" decides — a goal section when it mentions chỉ tiêu/mục tiêu
   and none of the others ("II. MỘT SỐ CHỈ TIÊU CHỦ YẾU", "a) Mục tiêu",
   "a) Về cải cách thể chế" under "2. Các chỉ tiêu chủ yếu"; not "b) Nhiệm
   vụ", nor "1. Cải cách thể chế" under "II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ").
   Every paragraph and item of a goal section is a target.
2. *Figures anywhere.* Any other body paragraph or item stating a
   percentage ("100%", "90 %") is a target.

Cover-decision and annex sections are not read (annex tasks come from the
task table). ``Target.text`` is the paragraph without its list marker;
``values`` the percentages as written, then figures after a quantity cue
("tối thiểu 5", "ít nhất 02", "đạt 3") that are not years, dates or
document numbers; duplicates dropped, order kept.
"""

from __future__ import annotations

import re

from ingest.markers import parse_marker
from ingest.model import Paragraph, Section, Target
from ingest.sections import ancestor_chains, is_leaf_item_section, is_special_section
from ingest.textkey import aligned_fold
from ingest.textnorm import fold

_GOAL_WORDS = ("chi tieu", "muc tieu")
_OTHER_WORDS = ("nhiem vu", "giai phap", "to chuc thuc hien", "kinh phi", "trach nhiem")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_CUE = re.compile(
    r"(?<![a-z])(?:toi thieu|it nhat|toi da|khong qua|dat|giam|tang)\s+"
    r"(\d+(?:[.,]\d+)?)(?![\d/%]|[.,]\d|\s*%)"
)


def figures(text: str) -> list[str]:
    """Percentages as written, then cue-led figures (see module docstring)."""
    found = [m.group(0) for m in _PERCENT.finditer(text)]
    key = aligned_fold(text)
    for m in _CUE.finditer(key):
        value = text[m.start(1):m.end(1)]
        if not re.fullmatch(r"(?:19|20)\d\d", value):
            found.append(value)
    return list(dict.fromkeys(found))


def _decides(section: Section) -> bool | None:
    """True/False when the heading names goal/other content, else ``None``."""
    if is_leaf_item_section(section):
        return None
    key = fold(section.heading)
    goal = any(w in key for w in _GOAL_WORDS)
    other = any(w in key for w in _OTHER_WORDS)
    if goal or other:
        return goal and not other
    return None


def is_goal_section(section: Section, ancestors: list[Section]) -> bool:
    """Rule 1 of the module docstring for ``section`` under ``ancestors``."""
    for s in [section, *reversed(ancestors)]:
        decided = _decides(s)
        if decided is not None:
            return decided
    return False


def _strip_marker(text: str) -> str:
    marker = parse_marker(text)
    return marker.rest if marker is not None else text


def _target(para: Paragraph, section: Section) -> Target:
    return Target(_strip_marker(para.text), section.locator, figures(para.text), para.page)


def find_targets(sections: list[Section]) -> list[Target]:
    """Return the plan's targets in document order (rules in the module docstring)."""
    out: list[Target] = []
    for section, chain in zip(sections, ancestor_chains(sections)):
        if is_special_section(section):
            continue
        goal = is_goal_section(section, chain)
        for para in section.paragraphs:
            if goal or _PERCENT.search(para.text):
                out.append(_target(para, section))
    return out
