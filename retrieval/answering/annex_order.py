"""Where an annex puts one of its sections: "phụ lục KH nào xếp công tác chỉ
đạo, điều hành ở mục cuối cùng?", "trong bảng nhiệm vụ, cải cách thể chế là
mục đầu tiên của xã nào?", "phụ lục NAP để chính quyền số ở mục mấy?".

Read from the annex's own top-level sections
(:func:`retrieval.answering.annex.annex_sections`, in table order). The
section is found in each plan by its heading: the question's words left once
the annex, the place asked and the framing are taken out
(:data:`retrieval.question.cues.SECTION_POSITION`, :data:`POSITION_FRAME`),
as word pairs, weighed by how few headings of all plans hold them (so "cải cách", in every
heading, tells nothing, and "chỉ đạo điều hành" tells much). The answer names
the plans whose annex puts it at the place asked, then says where each other
plan puts it, each cited by the section's first row; a plan without an annex
is said so.
"""

from __future__ import annotations

import math
import re

from ingest.lexicon import canon
from ingest.model import Plan, Task
from retrieval.answering.annex import annex_sections
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, task_citation
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ANNEX_NAMED, POSITION_FRAME, SECTION_POSITION, WHICH_ASKED
from retrieval.question.numbers import UNIT_WORDS

__all__ = ["asks_section_position", "section_position_answer"]

#: Least geometric mean of the share of a heading's weight the question's word
#: pairs cover and the share of the question's weight the heading holds.
MIN_COVER = 0.4
_ROW_NUMBER = re.compile(r"\bnhiem vu (?:so )?\d")
_NUMERAL = re.compile(r"^\s*[IVXLC]+\s*[.)]\s*", re.IGNORECASE)


def asks_section_position(query: Query) -> bool:
    """The annex named and a place of a section asked (:data:`SECTION_POSITION`),
    no row number ("mục thứ 4" is the place, not row 4)."""
    m = SECTION_POSITION.search(query.key)
    if not (m and ANNEX_NAMED.search(query.key)):
        return False
    return not query.task_refs or (bool(m.group("nth")) and not _ROW_NUMBER.search(query.key))


#: The reform as a whole ("cải cách hành chính", "CCHC"): every section is of it, no name.
_WHOLE_REFORM = re.compile(r"\bcai cach hanh chinh(?: nha nuoc)?\b")


def _heading_words(heading: str) -> list[str]:
    return _WHOLE_REFORM.sub(" ", canon(_NUMERAL.sub("", heading))).split()


def _pairs(words: list[str]) -> set[str]:
    """Adjacent word pairs ("chi dao", "dao dieu", "dieu hanh"): the genre's
    words are two syllables, so "công tác" does not meet "tài chính công"."""
    return {f"{a} {b}" for a, b in zip(words, words[1:])}


def _place(m: re.Match) -> int | str:
    """1, -1 (last), N, or "which" from a :data:`SECTION_POSITION` match."""
    if m.group("last") or m.group("last2"):
        return -1
    if m.group("first") or m.group("first2") or m.group("one"):
        return 1
    nth = m.group("nth")
    if nth:
        return int(nth) if nth.isdigit() else UNIT_WORDS.get(nth, 0)
    return "which"


def _ordinal(index: int, total: int) -> str:
    if index == total:
        return f"mục cuối cùng trong {total} mục"
    if index == 1:
        return f"mục đầu tiên trong {total} mục"
    return f"mục thứ {index} trong {total} mục"


def section_position_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Kind ``plans`` (module docstring); ``None`` when no plan's annex has a
    section the question names."""
    m = SECTION_POSITION.search(query.key)
    if m is None:
        return None
    place = _place(m)
    rest = ANNEX_NAMED.sub(" ", WHICH_ASKED.sub(" ", query.key[:m.start()] + " " + query.key[m.end():]))
    rest = _WHOLE_REFORM.sub(" ", rest)
    names = catalog.name_words
    asked = _pairs([w for w in rest.split() if w not in POSITION_FRAME and w not in names and not w.isdigit()])
    sections = {p.doc: annex_sections(p) for p in plans}
    headings = [_pairs(_heading_words(h)) for secs in sections.values() for h, _ in secs]
    if not asked or not headings:
        return None
    df = {w: sum(w in h for h in headings) for h in headings for w in h}
    weight = {w: math.log((1 + len(headings)) / (1 + n)) + 0.1 for w, n in df.items()}
    asked_total = sum(weight.get(w, 0.0) for w in asked) or 1.0
    found: dict[str, tuple[int, int, str, list[Task]]] = {}
    for doc, secs in sections.items():
        best, score = None, 0.0
        for index, (heading, rows) in enumerate(secs, 1):
            words = _pairs(_heading_words(heading))
            shared = sum(weight.get(w, 0.0) for w in words & asked)
            # both ways: the heading's words said, and the question's words in the heading
            cover = math.sqrt(shared / (sum(weight.get(w, 0.0) for w in words) or 1.0) * shared / asked_total)
            if cover > score:
                best, score = (index, len(secs), heading, rows), cover
        if best is not None and score >= MIN_COVER:
            found[doc] = best
    if not found:
        return None
    def at_place(index: int, total: int) -> bool:
        return place == "which" or index == (total if place == -1 else place)
    meeting = [d for d, (i, n, _, _) in found.items() if at_place(i, n)]
    others = [d for d in found if d not in meeting]
    citations: list[Citation] = []
    plan_of = {p.doc: p for p in plans}

    def line(doc: str) -> str:
        index, total, heading, rows = found[doc]
        if rows:
            citations.append(task_citation(plan_of[doc], rows[0]))
        return f"{plan_label(catalog, doc)}: {heading} ({_ordinal(index, total)})"

    lines = []
    if place == "which":
        lines += [f"- {line(d)}" for d in meeting]
    else:
        where = {-1: "mục cuối cùng", 1: "mục đầu tiên"}.get(place, f"mục thứ {place}") \
            if isinstance(place, int) else ""
        lines.append(f"Phụ lục đặt phần này ở {where}: " + (", ".join(plan_label(catalog, d) for d in meeting)
                                                           if meeting else "không kế hoạch nào") + ".")
        lines += [f"- {line(d)}" for d in meeting]
        if others:
            lines.append("Các kế hoạch khác:")
            lines += [f"- {line(d)}" for d in others]
    no_annex = [p.doc for p in plans if not sections.get(p.doc)]
    lines += [f"{plan_label(catalog, d)}: không có phụ lục nhiệm vụ." for d in no_annex]
    unnamed = [p.doc for p in plans if sections.get(p.doc) and p.doc not in found]
    lines += [f"{plan_label(catalog, d)}: không thấy mục nào của phụ lục mang tên đó (các mục: "
              + "; ".join(h for h, _ in sections[d]) + ")." for d in unnamed]
    return Answer("\n".join(lines), False, citations, "plans", list(citations), query)
