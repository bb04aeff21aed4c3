"""A body section asked by its number: the whole section, every item of it.

"Phú Thái mục 7.d gồm những gì?", "mục III.7.d có những nội dung nào",
"phần 7.d nói gì" name a section of the plan's body (the numbering of its
headings, :attr:`ingest.model.Section.locator`, e.g. "III.7.d"), not a task
row. The answer quotes the section's heading and every paragraph and item
under it (its sub-sections included), cited by its locator, instead of one
sentence of it. A number written without its outer part ("7.d" for
"III.7.d") matches when exactly one section of the plan ends with it. A
number qualified by a part's heading ("mục II.5 phần cải cách TTHC") names
a section of that part only: a section so numbered under another heading
("II.5. Cải cách tài chính công") is not it.
"""

from __future__ import annotations

import re

from ingest.model import Plan, Section
from ingest.textnorm import fold
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.answering.tasks import holds_named_section
from retrieval.query import PlanCatalog, Query, section_words

__all__ = ["SECTION_REF", "asked_section_refs", "find_section", "section_answer"]

#: "mục / phần / điểm / khoản <number>" on the folded text (dots kept): a Roman or
#: Arabic part, then ".<number>" or ".<letter>" parts ("7.d", "iii.7.d", "i.2");
#: not one followed by another number ("mục II 2.2" is a row of part II).
SECTION_REF = re.compile(r"\b(?:muc|phan|diem|khoan|tiet)\s+((?:[ivx]+|\d+)(?:\s?\.\s?(?:\d+|[a-z]))*)(?![\w.])(?!\s?\d)")
#: The plan's own bullet in front of an item ("- ", "+ ", "- + ").
_BULLET = re.compile(r"^(?:[-–•+]\s*)+")
#: Characters quoted per paragraph, and paragraphs quoted per section.
PARAGRAPH_CHARS, MAX_PARAGRAPHS = 700, 40


#: A letter glued to the number after the section word ("mục 7d" for "mục 7.d").
_GLUED = re.compile(r"\b(muc|phan|diem|khoan|tiet)\s+(\d+)([a-z])\b")
#: A dotted section number in brackets with no section word ("(III.7.d)").
_BRACKETED = re.compile(r"\(\s*((?:[ivx]+|\d+)(?:\.(?:\d+|[a-z]))+)\s*\)")


def asked_section_refs(query: Query) -> list[str]:
    """The section numbers the question names with "mục"/"phần"/"điểm"
    ("mục 7.d", "mục 7d" → ``["7.d"]``) or in brackets after the section's
    words ("Mục phát triển … (III.7.d)" → ``["iii.7.d"]``), lower-case,
    spaces removed; ``[]`` when none."""
    text = _GLUED.sub(r"\1 \2.\3", fold(query.text))
    refs = [m.group(1).replace(" ", "") for m in SECTION_REF.finditer(text)]
    refs += [m.group(1) for m in _BRACKETED.finditer(text)]
    return list(dict.fromkeys(refs))


def find_section(plan: Plan, ref: str) -> Section | None:
    """The section of ``plan`` numbered ``ref``: its locator equal to it, else
    the only one ending with ".<ref>"; ``None`` when none or ambiguous."""
    keyed = [(fold(s.locator).replace(" ", ""), s) for s in plan.sections if s.locator]
    exact = [s for key, s in keyed if key == ref]
    if exact:
        return exact[0]
    tail = [s for key, s in keyed if key.endswith("." + ref)]
    return tail[0] if len(tail) == 1 else None


def _under_named_part(plan: Plan, section: Section, query: Query) -> bool:
    """True when the question names no part by its heading, or the heading
    of ``section`` or of a section above it holds the part's words."""
    if not (query.sections or query.section):
        return True
    chain = [s for s in plan.sections
             if s.locator and (s is section or section.locator.startswith(s.locator + "."))]
    return any(holds_named_section(section_words(s.heading), query) for s in chain)


def _texts(plan: Plan, section: Section) -> list[str]:
    """Every paragraph of ``section`` and of the sections under it, in order."""
    prefix = section.locator + "."
    under = [s for s in plan.sections if s is section or s.locator.startswith(prefix)]
    texts = []
    for sub in under:
        if sub is not section and not sub.paragraphs:
            texts.append(sub.heading.strip())
        texts += [p.text.strip() for p in sub.paragraphs if p.text.strip()]
    return list(dict.fromkeys(texts))


def section_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """The sections ``query`` names by number in the body of each plan of
    ``plans``: heading, then every paragraph and item (sub-sections
    included), cited "mục <locator>". ``None`` when the question names no
    section number, or no plan has a section with that number and text
    (the caller then answers otherwise). A task field other than the content
    asked ("ai chủ trì", "hạn") is a row question: ``None``."""
    refs = asked_section_refs(query)
    if not refs or set(query.fields) - {"content"}:
        return None
    blocks, citations = [], []
    for plan in plans:
        for ref in refs:
            section = find_section(plan, ref)
            if section is None or not _under_named_part(plan, section, query):
                continue
            texts = [shorten(t, PARAGRAPH_CHARS) for t in _texts(plan, section)][:MAX_PARAGRAPHS]
            if not texts:
                continue
            where = f"mục {section.locator}"
            lines = [f"{plan_label(catalog, plan.doc)} – {section.heading.strip().rstrip(':')} ({where}):"]
            lines += [f"- {_BULLET.sub('', t)}" for t in texts]
            blocks.append("\n".join(lines))
            citations.append(Citation(plan.doc, plan_title(plan), where, section.page, texts[0]))
    if not blocks:
        return None
    return Answer("\n".join(blocks), False, citations, "extractive", list(citations), query)
