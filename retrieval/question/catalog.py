"""The catalog of loaded plans, as the question parser sees them: one
:class:`PlanEntry` per plan (place name, aliases, initials, period), the lead
units (:class:`UnitEntry`) and annex sections (:class:`SectionEntry`) seen in
their task tables. Built from the plan models only; nothing here knows a
particular plan.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.lexicon import RESERVED_TOKENS, canon
from ingest.model import Plan
from ingest.textnorm import fold, nfc
from ingest.units import split_units, unit_key

__all__ = ["PlanCatalog", "PlanEntry", "SectionEntry", "UnitEntry", "place_name", "section_words"]

_PLACE_LEVEL = r"(?:xa|phuong|thi tran)"
_NAME_FROM_TITLE = re.compile(
    _PLACE_LEVEL + r" (.+?)(?= nam \d| giai doan| 6 thang| sau thang| \d{4}| den nam|$)"
)
_ADMIN_PREFIX = re.compile(r"^(?:uy ban nhan dan |ubnd |chu tich )*(?:" + _PLACE_LEVEL + r" )?")
_SECTION_STOP = {"cai", "cach", "va", "cua", "nha", "nuoc", "cac", "tren", "dia", "ban",
                 "cong", "tac", "nhiem", "vu"}
_ROMAN = re.compile(r"^(?:[ivxlc]+|\d+(?:\.\d+)*)\b[.)]?\s*")


def section_words(text: str | None) -> frozenset[str]:
    """Distinctive words of a section heading: :func:`canon`, numbering
    ("II.", "2.") dropped, genre-generic words ("cải cách", "và", "công
    tác") dropped. "III. Cải cách thủ tục hành chính" and "II. CẢI CẢI THỦ
    TỤC HÀNH CHÍNH" → {"thu", "tuc", "hanh", "chinh"}."""
    core = _ROMAN.sub("", canon(text))
    return frozenset(t for t in core.split() if t not in _SECTION_STOP)


@dataclass
class PlanEntry:
    """One loaded plan as the query parser sees it.

    ``name`` is the place's display name ("Nam An Phụ"); ``key`` its folded
    form; ``aliases`` every folded form a question may use for it (key,
    key without spaces, initials); ``start_year``/``end_year`` the period.
    """

    doc: str
    name: str
    key: str
    title: str | None
    period: str | None
    start_year: int | None
    end_year: int | None
    aliases: set[str] = field(default_factory=set)
    initials: str | None = None

    @property
    def label(self) -> str:
        """"Nam An Phụ (năm 2026)" – how answers name the plan."""
        return f"{self.name} ({self.period})" if self.period else self.name


def _display(name: str) -> str:
    return name.title() if name.isupper() else name


def place_name(plan: Plan) -> str:
    """The place a plan is for, from its metadata unit name, else its title,
    else its file name: "xã Nam An Phụ" / "KẾ HOẠCH ... XÃ NAM AN PHỤ NĂM
    2026" → "Nam An Phụ". Administrative words (Ủy ban nhân dân, xã,
    phường, thị trấn) are dropped."""
    for source in (plan.metadata.unit_name, plan.metadata.title, plan.title):
        if not source:
            continue
        text = nfc(re.sub(r"\s+", " ", source)).strip(" .,*")
        folded = fold(text)
        m = _NAME_FROM_TITLE.search(folded)
        if m:
            start, end = m.span(1)
        else:
            prefix = _ADMIN_PREFIX.match(folded)  # always matches (possibly empty)
            start, end = (prefix.end() if prefix else 0), len(folded)
            if source is not plan.metadata.unit_name or start == end:
                continue
        # fold() keeps length only for NFC text without special characters;
        # map positions through word indices instead.
        words = text.split(" ")
        fwords = folded.split(" ")
        if len(words) == len(fwords):
            first = len(folded[:start].split(" ")) - 1
            last = len(folded[:end].split(" "))
            name = " ".join(words[first:last]).strip(" .,*()")
            if name:
                return _display(name)
    return os.path.splitext(plan.doc)[0]


def _initials(key: str) -> str | None:
    words = key.split()
    return "".join(w[0] for w in words) if len(words) >= 2 else None


@dataclass
class UnitEntry:
    """A lead unit seen in the plans: display text, key, docs it leads in."""

    text: str
    key: str
    docs: set[str] = field(default_factory=set)


@dataclass
class SectionEntry:
    """A task section seen in the plans (the annex group row)."""

    text: str
    key: str
    content: frozenset[str]
    docs: set[str] = field(default_factory=set)


class PlanCatalog:
    """What the query parser knows of the loaded plans.

    Built by :meth:`from_plans`; ``entries`` (one :class:`PlanEntry` per
    plan, in doc order), ``units`` (distinct lead units by key),
    ``sections`` (distinct task sections by key) and ``coordinating`` (the
    names of the coordinating cells by key).
    """

    def __init__(self, entries: list[PlanEntry], units: list[UnitEntry],
                 sections: list[SectionEntry], coordinating: list[UnitEntry] | None = None):
        self.entries = entries
        self.units = units
        self.sections = sections
        #: the units named in coordinating cells (a cell's names, as
        #: :func:`ingest.units.split_units` reads it), for a unit that only
        #: ever coordinates ("các đơn vị sự nghiệp công lập trong lĩnh vực y tế")
        self.coordinating = coordinating or []
        self.by_doc = {e.doc: e for e in entries}
        #: adjacent word pairs (``canon``) the plans write, body and annex: a pair typed after
        #: "xã" that no plan writes names a place, not the genre's words ("xã hội", "xã nào có")
        self.pairs: frozenset[str] = frozenset()
        reserved = RESERVED_TOKENS
        for e in entries:
            if e.initials and e.initials not in reserved:
                e.aliases.add(e.initials)
        #: Every word of every plan's aliases ("nam", "an", "phu", "nap"): left out
        #: of a question's content words.
        self.name_words: frozenset[str] = frozenset(w for e in entries for a in e.aliases for w in a.split())
        aliases = sorted({a for e in entries for a in e.aliases if a}, key=len, reverse=True)
        self._names = re.compile(r"\b(?:" + "|".join(map(re.escape, aliases)) + r")\b") if aliases else None

    def without_names(self, key: str) -> str:
        """``key`` (a ``canon`` text) with every plan's name taken out as a
        whole ("các nhiệm vụ về số hóa của lộc hòa" → "… về số hóa của"), so a
        word a name shares with the topic ("hóa" of "số hóa") stays."""
        return self._names.sub(" ", key) if self._names else key

    @classmethod
    def from_plans(cls, plans: Iterable[Plan]) -> PlanCatalog:
        """Build the catalog from plan models (any iterable, e.g. ``store.plans().values()``)."""
        entries: list[PlanEntry] = []
        units: dict[str, UnitEntry] = {}
        coordinating: dict[str, UnitEntry] = {}
        sections: dict[str, SectionEntry] = {}
        plans_seen = sorted(plans, key=lambda p: p.doc)
        for plan in plans_seen:
            name = place_name(plan)
            key = canon(name)
            period = plan.metadata.period
            entry = PlanEntry(
                doc=plan.doc, name=name, key=key,
                title=plan.metadata.title or plan.title, period=period.text,
                start_year=period.start_year,
                end_year=period.end_year or period.start_year,
                initials=_initials(key),
            )
            entry.aliases |= {key, key.replace(" ", ""), canon(os.path.splitext(plan.doc)[0]),
                              canon(plan.doc)}
            entry.aliases.discard("")
            entries.append(entry)
            for task in plan.tasks:
                for u in split_units(task.lead):
                    k = unit_key(u)
                    if len(k) >= 3:
                        unit = units.setdefault(k, UnitEntry(u, k))
                        unit.docs.add(plan.doc)
                        if len(u) < len(unit.text):  # the shortest spelling names it
                            unit.text = u
                for u in split_units(task.coordinating):
                    coordinating.setdefault(unit_key(u), UnitEntry(u, unit_key(u))).docs.add(plan.doc)
                for s in (task.section, task.subsection):
                    if not s:
                        continue
                    core = _ROMAN.sub("", canon(s))
                    content = section_words(s)
                    if content:
                        sections.setdefault(core, SectionEntry(s, core, content)).docs.add(plan.doc)
        catalog = cls(entries, sorted(units.values(), key=lambda u: -len(u.key)),
                      list(sections.values()), [u for k, u in coordinating.items() if k])
        catalog.pairs = frozenset(_word_pairs(plans_seen))
        return catalog


def _word_pairs(plans: Iterable[Plan]) -> set[str]:
    """Every adjacent word pair (``canon`` keys) of the plans' body paragraphs and task cells."""
    pairs: set[str] = set()
    for plan in plans:
        texts = [p.text or "" for s in plan.sections for p in s.paragraphs]
        texts += [" ".join(filter(None, (t.content, t.objective, t.lead, t.coordinating, t.deadline, t.product)))
                  for t in plan.tasks]
        for text in texts:
            words = canon(text).split()
            pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return pairs
