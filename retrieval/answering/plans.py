"""Cross-plan answers: which loaded plans mention a term ("kế hoạch nào nhắc
đến ISO 18091 / Đề án 06 / PAPI?").

Every plan in scope is searched, through its passages (task rows, body
paragraphs, targets; :class:`retrieval.chunks.Chunk` quotes), for the term's
:func:`ingest.lexicon.canon` words in a row, else all its content words in
one passage, else (a term of :data:`LOOSE_WORDS` words or more) all but one; the answer lists, per plan, at
most :data:`PER_PLAN` cited places with a short excerpt around the term
(bounded, never the whole text; where the term is not written whole, around
its most telling word, :meth:`MentionIndex.anchor`), then the plans that do
not mention it: named for a yes/no of every plan ("cả 5 KH đều nhắc X à?"),
counted for a which question ("KH nào nhắc X?": :mod:`retrieval.answering.which`).

Asked of the annex rows ("xã nào có nv về X", "nv nào trong phụ lục nhắc NĐ
111/2025/NĐ-CP": :func:`retrieval.question.crossplan.asks_annex_rows`), each
plan with its rows on the term (lead, deadline), then the plans that write it
only in their body, said so ("không có nhiệm vụ riêng trong phụ lục; chỉ nêu
trong phần thân (mục …)"); when no plan has such a row, the body places as
for any term, unless the annex alone is asked ("nv riêng trong phụ lục",
:func:`retrieval.question.crossplan.annex_only`: "Không kế hoạch nào có nhiệm vụ
riêng …", the body places named). A row that writes every
acronym typed in capitals and every number of the term ("ứng dụng trí tuệ nhân
tạo AI" → the row "Ứng dụng AI vào tự động hóa …") is found even when it
writes the rest of the term otherwise (:func:`acronym_rows`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ingest.lexicon import canon, contains_words, written_span
from ingest.model import Plan
from ingest.textnorm import fold
from retrieval.answering.acronyms import Glossary
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title
from retrieval.answering.which import names_only_matching, others_line
from retrieval.chunks import Chunk
from retrieval.query import PlanCatalog, Query
from retrieval.question.crossplan import annex_only, asks_annex_rows, mention_parts
from retrieval.question.cues import BRACKETED_ACRONYMS
from retrieval.question.selection import topic_words

__all__ = ["LOOSE_WORDS", "PER_PLAN", "ROWS_PER_PLAN", "MentionIndex", "acronym_rows"]

#: Places cited per plan.
PER_PLAN = 2
#: Annex rows given per plan when the rows are asked ("nv nào trong phụ lục nhắc X").
ROWS_PER_PLAN = 5
#: A term of this many content words or more ("giải ngân vốn đầu tư công")
#: also matches a passage holding all its words but one, with its first and
#: last word pairs as written ("giải ngân kế hoạch đầu tư công").
LOOSE_WORDS = 5
_EXCERPT = 90


def _excerpt(quote: str, term_key: str, anchor: str | None = None) -> str:
    """About :data:`_EXCERPT` characters each side of the term in ``quote``:
    where the whole term starts, else where its ``anchor`` (its most telling
    word, :meth:`MentionIndex.anchor`: "18091" of "áp dụng TCVN ISO 18091:2020",
    which the plan may write "áp dụng tiêu chuẩn TCVN ISO 18091:2020") is,
    else its first word."""
    words = term_key.split()
    flat = re.sub(r"\s+", " ", quote).strip()
    if len(flat) <= 2 * _EXCERPT:
        return flat
    # locate the term in the source by its folded form
    pos, first, anchored = None, None, None
    for m in re.finditer(r"\S+", flat):
        token = _loose(m.group(0)).split()
        if anchor and anchored is None and anchor in token:
            anchored = m.start()
        if token[:1] == words[:1]:
            first = m.start() if first is None else first
            if _loose(flat[m.start():m.start() + 2 * len(term_key) + 10]).startswith(term_key):
                pos = m.start()  # the whole term starts here ("ISO 18091", not the "ISO 9001" before)
                break
    if pos is None and anchored is not None:  # centred on the anchor word
        pos = max(0, anchored - len(term_key) // 2)
    pos = pos if pos is not None else (first or 0)
    start, end = max(0, pos - _EXCERPT), min(len(flat), pos + _EXCERPT + len(term_key))
    if start:  # whole words only
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < pos else start
    if end < len(flat):
        space = flat.rfind(" ", pos, end)
        end = space if space > pos else end
    text = flat[start:end].strip()
    return ("…" if start else "") + text + ("…" if end < len(flat) else "")


def _with_short_name(name: str, hits: list[Chunk]) -> str:
    """``name`` as written, with the short name in brackets the plan writes
    after it in one of ``hits`` ("Chỉ số năng lực cạnh tranh cấp xã (DDCI)")."""
    for chunk in hits:
        m = re.search(re.escape(name) + r"\s*(\([A-ZĐ][A-ZĐ0-9]{1,9}\))", chunk.quote, re.IGNORECASE)
        if m:
            return f"{name} {m.group(1)}"
    return name


def _row_fields(plan: Plan | None, chunk: Chunk) -> str:
    """" (chủ trì: …; thời gian hoàn thành: …)" of the task row a ``kind="task"``
    chunk quotes (its lead and deadline as written, which the excerpt may cut
    off), else ""."""
    if plan is None or chunk.kind != "task" or not chunk.task_number:
        return ""
    rows = [t for t in plan.tasks if t.number == chunk.task_number]
    row = next((t for t in rows if t.section == chunk.section), rows[0] if rows else None)
    if row is None:
        return ""
    parts = [f"chủ trì: {row.lead}" if row.lead else "", f"thời gian hoàn thành: {row.deadline}" if row.deadline else ""]
    return f" ({'; '.join(p for p in parts if p)})" if any(parts) else ""


def _loose(text: str) -> str:
    """:func:`canon` with numbers cut at ":" "/" "." ("ISO 18091:2020" →
    "iso 18091 2020"), so "ISO 18091" meets every way of writing the year."""
    return re.sub(r"(?<=\d)[:/.](?=\d)", " ", canon(text))


def acronym_rows(chunks: Iterable[Chunk], term: str, typed: Iterable[str], rows: bool = True) -> list[Chunk]:
    """The task rows (``rows``; else any passage) among ``chunks`` that write
    every acronym ``typed`` in capitals (folded: "NĐ" is "ND") as a word of its
    own, every number of ``term`` (a :func:`_loose` key) that is no year, and
    (when the term has other content words and no such number) one of those:
    "ứng dụng trí tuệ nhân tạo AI" meets "Ứng dụng AI vào tự động hóa thông
    minh RPA", "triển khai ISO 18091" meets "thí điểm áp dụng … TCVN ISO
    18091:2020". ``[]`` when nothing is typed in capitals."""
    capitals = [fold(a) for a in typed]
    if not capitals:
        return []
    lowered = set(capitals)
    numbers = [w for w in term.split() if w.isdigit() and not re.fullmatch(r"20\d\d", w)]
    others = [w for w in topic_words(term) if w not in lowered and not w.isdigit()]
    found = []
    for chunk in chunks:
        if chunk.kind != "task" if rows else chunk.kind == "meta":
            continue
        # the words the row writes in capitals, folded ("NĐ-CP" → "nd", "cp")
        written = {fold(w) for w in re.findall(r"\w+", chunk.quote) if len(w) >= 2 and w.isupper()}
        if not all(a in written for a in capitals):
            continue
        key = _loose(chunk.quote).split()
        if all(n in key for n in numbers) and (numbers or not others or any(w in key for w in others)):
            found.append(chunk)
    return found


class MentionIndex:
    """The :func:`canon` keys of every chunk's quote, built once per answerer."""

    def __init__(self, chunks: Iterable[Chunk], plans: dict, catalog: PlanCatalog):
        self.plans = plans
        self.catalog = catalog
        self.by_doc: dict[str, list[tuple[str, Chunk]]] = {}
        #: in how many passages each word occurs (a term's most telling word is its rarest)
        self.df: Counter[str] = Counter()
        kept = [c for c in chunks if c.kind != "meta"]
        for chunk in kept:
            key = _loose(chunk.quote)
            self.by_doc.setdefault(chunk.doc, []).append((key, chunk))
            self.df.update(set(key.split()))
        #: the short names the plans define in brackets ("… cấp xã (DCI)")
        self.glossary = Glossary(c.quote for c in kept)

    def anchor(self, term: str, acronyms: frozenset[str] = frozenset()) -> str | None:
        """The most telling word of ``term`` (a :func:`_loose` key): its first
        number that is no year ("18091" of "áp dụng TCVN ISO 18091:2020", "06"
        of "Đề án 06"), else its content word (or typed acronym) that fewest
        passages hold; ``None`` for a term with no content word."""
        numbers = [w for w in term.split() if w.isdigit() and not re.fullmatch(r"20\d\d", w)]
        if numbers:
            return numbers[0]
        words = list(dict.fromkeys([*topic_words(term), *(w for w in term.split() if w in acronyms)]))
        return min(words, key=lambda w: self.df.get(w, 0)) if words else None

    def hits(self, doc: str, term: str, exact: bool = False, acronyms: frozenset[str] = frozenset(),
             whole: bool = False) -> list[Chunk]:
        """The passages of ``doc`` that mention ``term`` (a :func:`_loose`
        key): its words in a row, else (not ``exact``) all its content words
        — with the ``acronyms`` it holds ("ai" of "ứng dụng AI", which is no
        question word there) — in one passage, else (a long description) all
        but one with its first and last pairs as written; a number of the
        term must be there too. ``whole``: its words in a row only (a full
        name, :class:`retrieval.answering.acronyms.Glossary`)."""
        words = set(topic_words(term)) | (acronyms & set(term.split()))
        numbers = [w for w in term.split() if w.isdigit() and not re.fullmatch(r"20\d\d", w)]
        hits = [c for key, c in self.by_doc.get(doc, []) if contains_words(key, term) >= 0]
        if exact:
            pass
        elif not hits and len(words) >= 2:  # the words apart, in one passage
            hits = [c for key, c in self.by_doc.get(doc, []) if words <= set(key.split())]
        if not hits and len(words) >= LOOSE_WORDS and not whole:
            # a long description: all its words but one, its first and last pairs as written
            ends = (" ".join(term.split()[:2]), " ".join(term.split()[-2:]))
            hits = [c for key, c in self.by_doc.get(doc, []) if len(words - set(key.split())) <= 1
                    and all(contains_words(key, end) >= 0 for end in ends)]
        # a number of the term ("ISO 18091", "Đề án 06") tells it apart: "ISO 9001" is not it
        return [c for c in hits if all(n in _loose(c.quote).split() for n in numbers)]

    def answer(self, query: Query) -> Answer | None:
        """Kind ``plans``: the plans in scope that mention ``query.mention``,
        each with up to :data:`PER_PLAN` cited excerpts, then the ones that
        do not. A term typed in parts ("tập huấn, ứng dụng AI":
        :func:`retrieval.question.crossplan.mention_parts`) is met by a plan
        that mentions it whole or, failing that, any of its parts (the part
        is named; the parts as written in a row, the rarest first). A term
        asked of every plan at once (``query.mention_every``: "cả 5 KH đều
        nêu X phải không?") is answered yes/no first ("Đúng — 5/5 …",
        "Không — chỉ 4/5 …"). ``None`` when none does (the caller searches passages)."""
        term = _loose(query.mention or "")
        # the parts as written in a row, the rarest (most telling) first: "ứng dụng AI" before "tập huấn"
        parts = sorted((_loose(p) for p in mention_parts(query)),
                       key=lambda p: sum(contains_words(key, p) >= 0 for keys in self.by_doc.values()
                                         for key, _ in keys))
        docs = query.plans if query.plan_named and query.plans else sorted(self.plans)
        found: list[tuple[str, list[Chunk], str]] = []
        missing: list[str] = []
        # words typed in capitals ("AI", "ISO", "PAPI") are the term's own, never question words
        acronyms = frozenset(fold(w).lower() for w in re.findall(r"\b[A-ZĐ]{2,}\b", query.text))
        # a full name some plan gives a short name is one thing: matched as written
        named = self.glossary.is_full_name(term)
        # "chỉ số DCI": also met by the full name, whatever short name a plan gives it
        expansions = self.glossary.expansions(term, acronyms)
        rows_asked, only_rows = asks_annex_rows(query), annex_only(query)
        # the term's acronyms typed in capitals, also in brackets after it ("AI", "ND", "CP"; not "KH")
        bracketed = " ".join(BRACKETED_ACRONYMS.findall(query.text))
        typed = [a for a in re.findall(r"\b[A-ZĐ]{2,}\b", query.text)
                 if fold(a) in term.split() or re.search(rf"\b{a}\b", bracketed)]
        body_only: list[tuple[str, list[Chunk]]] = []
        for doc in docs:
            hits, met = self.hits(doc, term, exact=named, acronyms=acronyms, whole=named), term
            for part in parts if not hits else []:
                hits, met = self.hits(doc, part, exact=True), part
                if hits:
                    break
            for full in expansions if not hits else []:
                hits, met = self.hits(doc, full, exact=True, whole=True), full
                if hits:
                    break
            if rows_asked:  # the annex rows first; a row writing the acronyms typed counts
                if not any(c.kind == "task" for c in hits):
                    hits = acronym_rows((c for _, c in self.by_doc.get(doc, [])), term, typed) + hits
                if not hits:  # "triển khai ISO 18091" that the body writes "thí điểm áp dụng … ISO 18091"
                    hits = acronym_rows((c for _, c in self.by_doc.get(doc, [])), term, typed, rows=False)
                hits = sorted(hits, key=lambda c: c.kind != "task")
            if rows_asked and hits and not any(c.kind == "task" for c in hits):
                body_only.append((doc, hits))  # written in the body, no row of the annex
                continue
            (found.append((doc, hits, met)) if hits else missing.append(doc))
        if rows_asked and (found or (only_rows and body_only)):
            return self._rows_answer(query, term, docs, found, body_only, missing, expansions)
        found += [(doc, hits, term) for doc, hits in body_only]  # no row anywhere: the body's places
        if not found:
            return None  # not written as such: passage search may still find it by meaning
        only = names_only_matching(query, docs) and not query.mention_every
        quotes = [c.quote for _, hits, _ in found for c in hits] + [query.text]
        shown = self._shown(query.mention or "", term, quotes)
        lines = [f"{len(found)}/{len(docs)} kế hoạch nhắc đến “{shown}”:"]
        if query.mention_every:  # "cả 5 KH đều nêu X phải không?": the yes/no first
            lines[0] = ("Đúng — " if not missing else "Không — chỉ ") + lines[0]
        citations: list[Citation] = []
        for doc, hits, met in found:
            plan = self.plans.get(doc)
            places = []
            anchor = self.anchor(met, acronyms)
            for chunk in hits[:PER_PLAN]:
                places.append(f"{chunk.locator}: “{_excerpt(chunk.quote, met, anchor)}”{_row_fields(plan, chunk)}")
                citations.append(Citation(doc, plan_title(plan) if plan else None, chunk.locator,
                                          chunk.page, chunk.quote, chunk.section))
            more = f" (và {len(hits) - PER_PLAN} chỗ khác)" if len(hits) > PER_PLAN else ""
            part = f"(“{self._shown(met, met, quotes)}”) " if met != term else ""
            if met in expansions:  # the full name, with the plan's own short name
                part = f"(ghi là “{_with_short_name(self._shown(met, met, quotes), hits)}”) "
            lines.append(f"- {plan_label(self.catalog, doc)} — {part}" + "; ".join(places) + more)
        if missing and only:  # "KH nào nhắc X?": the plans that do not are counted, not named
            lines.append(others_line(len(missing), "không nhắc đến"))
        elif missing:
            lines.append("Không nhắc đến: " + ", ".join(plan_label(self.catalog, d) for d in missing) + ".")
        return Answer("\n".join(lines), False, citations, "plans", list(citations), query)

    def _rows_answer(self, query: Query, term: str, docs: list[str], found: list[tuple[str, list[Chunk], str]],
                     body_only: list[tuple[str, list[Chunk]]], missing: list[str],
                     expansions: list[str]) -> Answer:
        """The annex alone asked (:func:`retrieval.question.crossplan.annex_only`):
        each plan with its rows on the term (lead and deadline), then the plans
        that write it only in their body ("không có nhiệm vụ riêng trong phụ
        lục; phần thân có nêu: mục …"), then the others (counted for a which
        question, :func:`retrieval.answering.which.names_only_matching`)."""
        quotes = [c.quote for _, hits, _ in found for c in hits] + [c.quote for _, hits in body_only for c in hits]
        shown = self._shown(query.mention or "", term, quotes + [query.text])
        lines = [f"{len(found)}/{len(docs)} kế hoạch có nhiệm vụ trong phụ lục về “{shown}”:" if found else
                 f"Không kế hoạch nào có nhiệm vụ riêng trong phụ lục về “{shown}”."]
        citations: list[Citation] = []
        for doc, hits, met in found:
            plan = self.plans.get(doc)
            rows = [c for c in hits if c.kind == "task"]
            places = []
            for chunk in rows[:ROWS_PER_PLAN]:
                places.append(f"{chunk.locator}: “{_excerpt(chunk.quote, met, self.anchor(met))}”"
                              f"{_row_fields(plan, chunk)}")
                citations.append(self._citation(doc, chunk))
            more = f" (và {len(rows) - ROWS_PER_PLAN} nhiệm vụ khác)" if len(rows) > ROWS_PER_PLAN else ""
            part = f"(“{self._shown(met, met, quotes)}”) " if met != term else ""  # the part of the term met
            if met in expansions:  # the full name, with the plan's own short name
                part = f"(ghi là “{_with_short_name(self._shown(met, met, quotes), hits)}”) "
            lines.append(f"- {plan_label(self.catalog, doc)} — {part}" + "; ".join(places) + more)
        for doc, hits in body_only:
            plan = self.plans.get(doc)
            annex = "không có nhiệm vụ riêng trong phụ lục" if plan is not None and plan.tasks \
                else "kế hoạch không có phụ lục nhiệm vụ"
            where = ", ".join(c.locator for c in hits[:PER_PLAN])
            lines.append(f"- {plan_label(self.catalog, doc)}: {annex}; chỉ nêu trong phần thân ({where}).")
            citations += [self._citation(doc, c) for c in hits[:PER_PLAN]]
        if missing and names_only_matching(query, docs) and not query.mention_every:
            lines.append(others_line(len(missing), "không nhắc đến"))  # "KH nào …": the others counted
        elif missing:
            lines.append("Không nhắc đến: " + ", ".join(plan_label(self.catalog, d) for d in missing) + ".")
        return Answer("\n".join(lines), False, citations, "plans", list(citations), query)

    def _citation(self, doc: str, chunk: Chunk) -> Citation:
        plan = self.plans.get(doc)
        return Citation(doc, plan_title(plan) if plan else None, chunk.locator, chunk.page, chunk.quote,
                        chunk.section)

    @staticmethod
    def _shown(mention: str, term: str, quotes: list[str]) -> str:
        """The term as the plans (else the question) write it, not its folded key."""
        written = written_span(term, quotes)
        return written or (term.upper() if len(term) <= 6 else term)
