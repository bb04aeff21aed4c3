"""The upper-level locality of each plan ("năm xã thuộc địa phương cấp trên
nào?", "xa truc thuoc tinh nao?").

Questions handled (:func:`retrieval.question.crossplan.asks_upper`): "cấp trên", "trực thuộc … nào",
"thuộc (tỉnh|thành phố|huyện|địa phương) nào", diacritics optional.

Per plan: the letterhead's ``metadata.parent_body`` when the parser found
one; else the genre's wording in the plan's own text — the most frequent
named locality above the commune, "(tỉnh|thành phố|huyện|quận|thị xã)
<Name>" with a capitalised name ("Kế hoạch số 310/KH-UBND … của UBND thành
phố Hải Phòng", "Ủy ban nhân dân huyện Lộc Ninh"), cited at its first
passage. A plan naming none is said so. A which question naming one of
those localities ("những xã nào thuộc thành phố Hải Phòng?") gets the plans
under it only, the others counted (:mod:`retrieval.answering.which`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ingest.lexicon import canon, contains_words
from ingest.textnorm import fold
from retrieval.answering.model import Answer, Citation, abstention
from retrieval.answering.rows import plan_label, plan_title
from retrieval.answering.which import names_only_matching, others_line
from retrieval.chunks import Chunk
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import PER_PLAN, PROVINCE_ASKED

__all__ = ["UPPER_LEVELS", "UpperIndex"]

_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]\w*"
#: The levels of a locality above the commune, as a plan writes them.
UPPER_LEVELS = "tỉnh|thành phố|huyện|quận|thị xã"
_LOCALITY = re.compile(rf"\b({UPPER_LEVELS}) ({_CAP}(?: {_CAP}){{0,2}})")
#: the level word opening a locality's name ("thành phố Hải Phòng" → "Hải Phòng")
_LEVEL = re.compile(rf"^(?:{UPPER_LEVELS})\s+", re.IGNORECASE)
#: a district-level locality, as the plans write it (below a province)
_DISTRICT = re.compile(r"^(?:huyện|quận|thị xã)\s", re.IGNORECASE)
#: capitalised words that start the next phrase, not the locality's name
_LEVEL_WORDS = {"Ủy", "Uỷ", "UBND", "HĐND", "Sở", "Kế", "Quyết", "Chủ", "Ban", "Về", "Trung", "Tại", "Theo"}


class UpperIndex:
    """Named localities above the commune, per plan, found once per answerer."""

    def __init__(self, chunks: Iterable[Chunk], plans: dict, catalog: PlanCatalog):
        self.plans = plans
        self.catalog = catalog
        self.found: dict[str, tuple[str, Chunk | None]] = {}
        counts: dict[str, Counter] = {}
        first: dict[tuple[str, str], Chunk] = {}
        names: dict[str, str] = {}  # folded key → the name as first written
        for chunk in chunks:
            if chunk.kind == "meta":
                continue
            own = fold(plan_label(catalog, chunk.doc))
            for m in _LOCALITY.finditer(chunk.quote):
                words = []
                for w in m.group(2).split():
                    if w in _LEVEL_WORDS:
                        break
                    words.append(w)
                if not words:
                    continue
                name = f"{m.group(1)} {' '.join(words)}"
                if fold(" ".join(words)) in own:
                    continue
                key = fold(name)
                counts.setdefault(chunk.doc, Counter())[key] += 1
                first.setdefault((chunk.doc, key), chunk)
                names.setdefault(key, name)
        for doc, plan in plans.items():
            parent = getattr(plan.metadata, "parent_body", None)
            if parent:
                self.found[doc] = (parent, None)
            elif doc in counts:
                key, _ = counts[doc].most_common(1)[0]
                self.found[doc] = (names[key], first[(doc, key)])

    def answer(self, query: Query) -> Answer | None:
        """Kind ``upper``: with several plans, first the plans grouped by
        locality ("thành phố Hải Phòng: Phú Thái, Nam An Phụ"); then per plan
        in scope its upper-level locality, cited; the plans naming none
        listed; ``None`` when no plan names one."""
        docs = query.plans if query.plans and not self._every_plan(query) else sorted(self.plans)
        other_level = self._other_level(query, docs)
        if other_level is not None:
            return other_level
        named = self._named(query)
        if named is not None and names_only_matching(query, docs):
            return self._within(query, docs, named)
        lines: list[str] = []
        citations: list[Citation] = []
        missing: list[str] = []
        for doc in docs:
            if doc not in self.found:
                missing.append(doc)
                continue
            name, chunk = self.found[doc]
            plan = self.plans.get(doc)
            if chunk is None:
                lines.append(f"- {plan_label(self.catalog, doc)}: {name} (tiêu đề văn bản)")
                citations.append(Citation(doc, plan_title(plan) if plan else None, "thông tin chung",
                                          None, name))
                continue
            lines.append(f"- {plan_label(self.catalog, doc)}: thuộc {name} ({chunk.locator})")
            citations.append(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                      chunk.page, chunk.quote, chunk.section))
        if not lines:
            return None
        groups: dict[str, list[str]] = {}
        for doc in docs:
            if doc in self.found:
                groups.setdefault(self.found[doc][0], []).append(self.catalog.by_doc[doc].name
                                                                 if doc in self.catalog.by_doc else doc)
        if len(docs) > 1:  # "kế hoạch nào thuộc TP Hải Phòng?": the plans grouped by locality first
            lines.insert(0, "; ".join(f"{name}: {', '.join(places)}" for name, places in groups.items())
                         + ".")
        if missing:
            lines.append("Không nêu địa phương cấp trên: "
                         + ", ".join(plan_label(self.catalog, d) for d in missing) + ".")
        head = "Địa phương cấp trên theo từng kế hoạch (theo văn bản kế hoạch nêu):"
        return Answer("\n".join([head, *lines]), False, citations, "upper", list(citations), query)

    def _every_plan(self, query: Query) -> bool:
        """Does the question ask it of every plan ("Các KH thuộc thành phố
        nào? PT, NAP, VK thuộc Hải Phòng, còn TX?") even though it names some
        — a per-plan frame (:data:`PER_PLAN`) not followed by plan names, so
        the plans named are the asker's own guesses, not the scope?"""
        m = PER_PLAN.search(query.key)
        if m is None or not query.cross_doc:
            return False
        after = query.key[m.end():].split()[:2]
        return not any(w in self.catalog.name_words for w in after)

    def _other_level(self, query: Query, docs: list[str]) -> Answer | None:
        """An explained abstention when the one plan asked names a locality of
        another level than the one asked: "xã X thuộc tỉnh nào?" of a plan
        that names only its district ("huyện Lộc Ninh") — the province is not
        said, and the answer gives what the plan does say. ``None`` when the
        question asks no level, names several plans, or the level agrees."""
        asked = PROVINCE_ASKED.search(query.key)
        if asked is None or len(docs) != 1 or docs[0] not in self.found:
            return None
        name, chunk = self.found[docs[0]]
        if not _DISTRICT.match(name):
            return None
        where = f" ({chunk.locator})" if chunk is not None else ""
        label = plan_label(self.catalog, docs[0])
        plan = self.plans.get(docs[0])
        evidence = [Citation(docs[0], plan_title(plan) if plan is not None else None,
                             chunk.locator if chunk else "thông tin chung", chunk.page if chunk else None,
                             chunk.quote if chunk else name, chunk.section if chunk else None)]
        return abstention(query, evidence, f"Kế hoạch {label} không nêu xã thuộc tỉnh (thành phố trực thuộc "
                                           f"trung ương) nào; văn bản chỉ nêu {name}{where}.")

    def _named(self, query: Query) -> str | None:
        """The one upper-level locality of the loaded plans that the question
        names, by its name with or without its level ("thuộc thành phố Hải
        Phòng", "thuộc Hải Phòng"), as the plans write it; ``None`` when it
        names none or several ("KH nào thuộc Hải Phòng, KH nào Cần Thơ?")."""
        names = {name for name, _ in self.found.values()}
        said = [name for name in names if contains_words(query.key, canon(_LEVEL.sub("", name))) >= 0]
        return said[0] if len(said) == 1 else None

    def _within(self, query: Query, docs: list[str], name: str) -> Answer:
        """Kind ``upper`` for "những xã nào thuộc thành phố Y?" (a which
        question): the plans of ``docs`` under locality ``name``, each cited;
        the others counted, not named."""
        lines: list[str] = []
        citations: list[Citation] = []
        for doc in docs:
            if doc not in self.found or self.found[doc][0] != name:
                continue
            plan = self.plans.get(doc)
            chunk = self.found[doc][1]
            where = chunk.locator if chunk is not None else "tiêu đề văn bản"
            lines.append(f"- {plan_label(self.catalog, doc)} ({where})")
            citations.append(Citation(doc, plan_title(plan) if plan else None, where if chunk else "thông tin chung",
                                      chunk.page if chunk else None, chunk.quote if chunk else name,
                                      chunk.section if chunk else None))
        if not lines:
            return Answer(f"Không kế hoạch nào đã nạp thuộc {name}.", False, [], "upper", [], query)
        places = [self.catalog.by_doc[d].name if d in self.catalog.by_doc else d
                  for d in docs if d in self.found and self.found[d][0] == name]
        head = f"{name}: {', '.join(places)} ({len(lines)}/{len(docs)} kế hoạch)."
        tail = others_line(len(docs) - len(lines), f"không thuộc {name}")
        return Answer("\n".join([head, *lines, *([tail] if tail else [])]), False, citations, "upper",
                      list(citations), query)
