"""A plan's legal bases and the upper level's plan it implements.

:func:`legal_bases` lists the paragraphs that open with "Căn cứ …" (the
decision's preamble, the plan's opening); a plan with none (a plan attached
to its decision without the preamble) says in its purpose section what it
carries out, each document by number (:func:`carried_out`: "Triển khai thực
hiện có hiệu quả Nghị quyết số 76/NQ- CP … của Chính phủ"); :func:`of_issuer`
keeps those of the kind and issuer asked. :func:`upper_plan` finds the one
plan of the level above that the plan carries out — what "Lộc Hòa căn cứ KH
CCHC của cấp trên nào?", "PT bám theo KH của đâu?", "TX triển khai kế hoạch
của thành phố nào?" ask (:data:`retrieval.question.cues.UPPER_PLAN_ASKED`):

* the basis issued by an upper level's People's Committee about a plan
  ("Căn cứ Quyết định số 128/QĐ-UBND … của Ủy ban nhân dân huyện Lộc Ninh
  ban hành Kế hoạch cải cách hành chính …", "Căn cứ Kế hoạch số 310/KH-UBND
  … của UBND thành phố …");
* else, in a plan without such a line, the body's sentence naming the
  upper level's CCHC plan it implements ("Triển khai thực hiện … các nhiệm
  vụ cuối năm của Kế hoạch cải cách hành chính của thành phố Hải Phòng năm
  2025"), usually in "Mục đích".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.lexicon import canon
from ingest.model import Plan
from retrieval.answering.upper import UPPER_LEVELS

__all__ = ["BASIS_CHARS", "UpperPlan", "bases_of_issuer", "carried_out", "legal_bases", "of_issuer", "upper_plan"]

#: A paragraph stating a legal basis ("Căn cứ Quyết định số 128/QĐ-UBND …").
_BASIS = re.compile(r"^\W*căn cứ (?:vào )?(?:luật|bộ luật|hiến pháp|nghị quyết|nghị định|quyết định|chỉ thị"
                    r"|thông tư|công văn|hướng dẫn|kế hoạch số)\b", re.I)
#: A document number ("128/QĐ-UBND", "76/NQ-CP"): a basis stated twice is listed once.
_DOC_NUMBER = re.compile(r"\d+\s*/+\s*[A-ZĐ][A-ZĐ-]*")
#: Characters quoted per basis.
BASIS_CHARS = 400
#: Issued by the People's Committee (or its chair) of a level above the commune.
_UPPER_ISSUER = re.compile(rf"\bcủa (?:chủ tịch )?(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd) (?:{UPPER_LEVELS})\b",
                           re.I)
#: A plan named in a basis ("ban hành Kế hoạch …", "Kế hoạch số 310/KH-UBND").
_PLAN_WORD = re.compile(r"\bkế hoạch\b", re.I)
#: The upper level's CCHC plan named in the body ("Kế hoạch cải cách hành chính
#: của thành phố Hải Phòng năm 2025", "Kế hoạch CCHC của UBND tỉnh …").
_UPPER_CCHC_PLAN = re.compile(
    rf"\bkế hoạch (?:cải cách hành chính|cchc)(?: nhà nước)?[^.;]{{0,40}}? của (?:ủy ban nhân dân |uỷ ban nhân dân "
    rf"|ubnd )?(?:{UPPER_LEVELS})\b", re.I)
#: Where a body sentence's clauses end.
_CLAUSE_END = re.compile(r"(?<=[.;])\s+")


class UpperPlan(NamedTuple):
    """The upper level's plan a plan implements: ``locator`` where it is
    written, ``text`` the basis or the body clause, ``basis`` True for a
    "Căn cứ …" line (False: a sentence of the body), ``named`` the words
    naming that plan ("Kế hoạch cải cách hành chính của thành phố Hải Phòng
    năm 2025"; the whole basis for a "Căn cứ" line)."""

    locator: str
    text: str
    basis: bool
    named: str


def _basis_paragraphs(plan: Plan) -> list[tuple[str, str]]:
    """(locator, raw text) of every paragraph of ``plan`` opening with "Căn
    cứ" (:data:`_BASIS`), in document order."""
    return [(section.locator or section.heading, para.text)
            for section in plan.sections for para in section.paragraphs if _BASIS.match(para.text)]


def _each_once(paras: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``paras`` with a basis stated twice kept at its first place (same
    document number, :data:`_DOC_NUMBER`; else the same text), texts stripped."""
    bases, seen = [], set()
    for where, text in paras:
        number = _DOC_NUMBER.search(text)
        key = re.sub(r"\s|/+", "", number.group()) if number else text
        if key not in seen:
            seen.add(key)
            bases.append((where, text.strip()))
    return bases


def legal_bases(plan: Plan) -> list[tuple[str, str]]:
    """(locator, text) of every paragraph of ``plan`` that opens with "Căn
    cứ", each basis once, in document order: the decision's preamble, the
    plan's opening."""
    return _each_once(_basis_paragraphs(plan))


def bases_of_issuer(plan: Plan, issuer: str, kind: str | None = None) -> list[tuple[str, str]]:
    """(locator, text) of every "Căn cứ" paragraph of ``plan`` issued by
    ``issuer`` (a canonical key, "huyen loc ninh": its text writes "của
    [UBND] huyện Lộc Ninh") and, when ``kind`` is given ("quyet dinh"), of
    that kind; each basis once (its first place), in document order; an
    issuer joined by "và" ("huyện và xã") gives both issuers' bases;
    ``[]`` when none is."""
    paras = [(where, text, canon(text)) for where, text in _basis_paragraphs(plan)]
    paras = [p for p in paras if kind is None or p[2].startswith(f"can cu {kind}")]
    chosen: set[int] = set()
    for one in re.split(r" (?:va|hoac|voi|cung)(?: cua)? ", issuer):  # "của huyện và xã": both issuers
        words = re.sub(r"^(?:uy ban nhan dan|hoi dong nhan dan) ", "", one).split()
        for n in range(len(words), 0, -1):  # "chính phủ để ban hành": the longest issuer written
            by = re.compile(rf"\bcua (?:uy ban nhan dan |hoi dong nhan dan )?{re.escape(' '.join(words[:n]))}\b")
            found = {i for i, (_, _, key) in enumerate(paras) if by.search(key)}
            if found:
                chosen |= found
                break
    return _each_once([(where, text) for i, (where, text, _) in enumerate(paras) if i in chosen])


#: A legal document named by its number in the body ("Nghị quyết số 76/NQ- CP",
#: "Quyết định số 06/QĐ-TTg"), on the text as written.
_NUMBERED_DOCUMENT = re.compile(r"\b(?:nghị quyết|nghị định|quyết định|chỉ thị|thông tư|kế hoạch|chương trình)"
                                r"\s+số\s*:?\s*\d+\s*/", re.I)
#: The purpose section's heading ("1. Mục đích", "I. MỤC ĐÍCH, YÊU CẦU"), canonical.
_PURPOSE = re.compile(r"\bmuc dich\b")


def carried_out(plan: Plan) -> list[tuple[str, str]]:
    """(locator, clause) of every clause of ``plan``'s purpose section ("Mục
    đích") that names a legal document by its number — what a plan with no
    "Căn cứ" preamble says it carries out ("Triển khai thực hiện có hiệu quả
    Nghị quyết số 76/NQ- CP ngày 15 tháng 7 năm 2021 của Chính phủ …") — each
    document once (:data:`_DOC_NUMBER`), in document order; ``[]`` when none does."""
    found = []
    for section in plan.sections:
        if not any(_PURPOSE.search(canon(h)) for h in (section.path or [section.heading])):
            continue
        for para in section.paragraphs:
            if _BASIS.match(para.text):
                continue
            for clause in _CLAUSE_END.split(para.text):
                if _NUMBERED_DOCUMENT.search(clause):
                    found.append((section.locator or section.heading, clause.strip().lstrip("-+• ").strip()))
    return _each_once(found)


def of_issuer(bases: list[tuple[str, str]], issuer: str | None, kind: str | None) -> list[tuple[str, str]]:
    """The (locator, text) of ``bases`` that name a document of ``kind``
    ("nghi quyet": "Nghị quyết số …") issued by ``issuer`` ("chinh phu": "… của
    Chính phủ"), canonical keys, either ``None`` for any; ``bases`` whole when
    none does (the question's issuer or kind is then said by the texts)."""
    chosen = []
    for where, text in bases:
        key = canon(text)
        if kind and not re.search(rf"\b{kind} so\b", key):
            continue
        if issuer and not re.search(rf"\bcua (?:uy ban nhan dan |hoi dong nhan dan )?{re.escape(issuer)}\b", key):
            continue
        chosen.append((where, text))
    return chosen or bases


def upper_plan(plan: Plan) -> UpperPlan | None:
    """The upper level's plan ``plan`` implements (module docstring): its
    "Căn cứ" line issued by an upper People's Committee about a plan, else
    the first body clause naming the upper level's CCHC plan; ``None`` when
    the plan writes neither."""
    for locator, text in legal_bases(plan):
        if _UPPER_ISSUER.search(text) and _PLAN_WORD.search(text):
            return UpperPlan(locator, text, True, text.strip().rstrip(";.").strip())
    for section in plan.sections:
        for para in section.paragraphs:
            if _BASIS.match(para.text):
                continue
            for clause in _CLAUSE_END.split(para.text):
                m = _UPPER_CCHC_PLAN.search(clause)
                if m:
                    named = re.split(r"[,;.]", clause[m.start():])[0].strip()
                    return UpperPlan(section.locator or section.heading, clause.strip(), False, named)
    return None
