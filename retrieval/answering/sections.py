"""A body list named by its heading, or any body section's items counted.

(A section named by its number alone is quoted whole by
:mod:`retrieval.answering.section`; this module adds the heading and the count.)

"Mục 7.d gồm những gì?", "kế hoạch đặt ra những chỉ tiêu chủ yếu nào, liệt
kê đủ", "mục IV giải pháp thực hiện gồm mấy giải pháp?", "có bao nhiêu chỉ
tiêu chủ yếu ở mục II?" are answered from :attr:`ingest.model.Plan.sections`:
the section named by its number ("mục 7.d", "phần II", "mục I.2") or by its
heading's words ("chỉ tiêu chủ yếu" ~ "2. Một số chỉ tiêu chủ yếu:"), then
every item under it — its sub-sections and its own list items, each whole,
not cut at a clause — or their number. Sentence search would quote one
item, or the clause before a semicolon.
"""

from __future__ import annotations

import re

from ingest.lexicon import canon
from ingest.model import Plan, Section
from retrieval.answering.annex import annex_sections
from retrieval.answering.headings import BULLET, MIN_HEADING_WORDS, dash_items, heading_key, items_under, unfilled
from retrieval.answering.loose_heading import loose_section, main_tasks, narrowed, unlisted_section
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.answering.section import asked_section_refs, find_section
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ANNEX_NAMED, CITED_DOCS_ASKED, COUNT_CUE, DASHES_COUNTED, LIST_CUE

__all__ = ["COUNT_CUE", "LIST_CUE", "asks_item_count", "asks_section_list", "heading_count_answer",
           "list_answer"]

#: Things counted that are a plan's targets, whichever of the two words its
#: heading uses ("mấy chỉ tiêu" of a part headed "a) Mục tiêu").
_TARGET_NOUNS = frozenset({"chi tieu", "muc tieu"})
#: The opening "Về" of a sub-part's heading ("b) Về cải cách TTHC").
_ABOUT = re.compile(r"^ve\b ?")
#: Words of an enclosing heading's opening that name it in a question ("Các
#: chỉ tiêu chủ yếu đến năm 2030" named as "phần chỉ tiêu").
MIN_PARENT_WORDS = 2
#: Characters quoted per item; items listed per section.
ITEM_CHARS, MAX_ITEMS = 700, 30


def asks_section_list(query: Query) -> bool:
    """True when ``query`` asks every item of a list, or how many there are."""
    return bool(LIST_CUE.search(query.key) or COUNT_CUE.search(query.key))


def asks_item_count(query: Query) -> bool:
    """True when ``query`` asks how many items a list has ("gồm mấy giải pháp")."""
    return bool(COUNT_CUE.search(query.key))


def _ancestors(plan: Plan, section: Section) -> list[Section]:
    """The sections enclosing ``section`` (by locator prefix), outermost first."""
    loc = section.locator or ""
    return [s for s in plan.sections if s.locator and s is not section and loc.startswith(s.locator + ".")]


def _chain_section(plan: Plan, query: Query) -> Section | None:
    """The sub-part the question names by its own heading and an enclosing
    one ("phần chỉ tiêu về cải cách TTHC" → "2. Các chỉ tiêu chủ yếu … / b)
    Về cải cách TTHC"; "mục tiêu cải cách chế độ công vụ" → "4. Cải cách chế
    độ công vụ / a) Mục tiêu"): its own heading words (without "Về") and the
    opening :data:`MIN_PARENT_WORDS` words, at least, of an enclosing heading
    are both in the question. The one covering most words; ``None`` when
    none, or two cover as many."""
    key = f" {unfilled(query.key)} "
    scored: list[tuple[int, Section]] = []
    for section in plan.sections:
        own = _ABOUT.sub("", unfilled(heading_key(section)))
        if not own or f" {own} " not in key or not items_under(plan, section):
            continue
        best_parent = 0
        for parent in _ancestors(plan, section):
            words = unfilled(heading_key(parent)).split()
            n = len(words)
            while n >= MIN_PARENT_WORDS and f" {' '.join(words[:n])} " not in key:
                n -= 1
            if n >= MIN_PARENT_WORDS:
                best_parent = max(best_parent, n)
        if best_parent:
            scored.append((len(own.split()) + best_parent, section))
    scored.sort(key=lambda x: -x[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _named_section(plan: Plan, query: Query) -> Section | None:
    """The section ``query`` names by number
    (:func:`retrieval.answering.section.find_section`; narrowed to a part
    under it the question names by heading, :func:`narrowed`), else the one
    whose heading words it contains (the longest such heading of
    :data:`MIN_HEADING_WORDS` words or more), else a short heading named
    loosely (:func:`loose_section`), else ``None``."""
    for ref in asked_section_refs(query):
        found = find_section(plan, ref)
        if found is not None and items_under(plan, found):
            return narrowed(plan, found, query)
    key = f" {unfilled(query.key)} "
    best = None
    for section in plan.sections:
        head = unfilled(heading_key(section))
        if len(head.split()) >= MIN_HEADING_WORDS and f" {head} " in key and items_under(plan, section):
            if best is None or len(head) > len(heading_key(best)):
                best = section
    chain = _chain_section(plan, query)
    if chain is not None and (best is None or (chain.locator or "").startswith(f"{best.locator}.")):
        return chain  # "mục tiêu cải cách chế độ công vụ": the part's "a) Mục tiêu", not the part
    return best if best is not None else (loose_section(plan, query) or main_tasks(plan, query))


#: A document cited in the text ("Nghị định số 60/2021/NĐ-CP", "Thông tư số 56/2022/TT-BTC").
_CITED_DOC = re.compile(r"\b(?:Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Chỉ thị|Luật)"
                        r"\s+(?:số\s+)?\d+\s*/\s*[\w/.-]*[A-ZĐ][\w/.-]*")


def cited_documents(plan: Plan, section: Section) -> list[str]:
    """Every document ``section`` (and the sections under it) cites by number,
    in order, each once ("Nghị định số 60/2021/NĐ-CP", …)."""
    prefix = f"{section.locator}." if section.locator else None
    under = [s for s in plan.sections if s is section or (prefix and (s.locator or "").startswith(prefix))]
    text = " ".join(p.text for s in under for p in s.paragraphs)
    found = [" ".join(m.group(0).split()).rstrip(".,;") for m in _CITED_DOC.finditer(text)]
    return list(dict.fromkeys(found))


def list_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """Per plan of ``plans``: the section the question names and every item
    under it, or their number when a count is asked ("Mục II … gồm 8 mục:"),
    cited by the section's locator. ``None`` when the question asks no list
    or count, or no plan has such a section (the caller answers otherwise)."""
    listed = asks_section_list(query)
    counted = COUNT_CUE.search(query.key)
    blocks, citations = [], []
    for plan in plans:
        # "các yêu cầu của kế hoạch là gì": a heading named in the plural, no list word
        section = _named_section(plan, query) if listed else unlisted_section(plan, query)
        if section is None:
            continue
        dashes = dash_items(plan, section) if counted and DASHES_COUNTED.search(counted.group(1)) else []
        items = dashes or items_under(plan, section)
        if len(items) == 1 and ANNEX_NAMED.search(canon(items[0])):
            # "III. NHIỆM VỤ TRỌNG TÂM: (Theo Phụ lục đính kèm)": the annex's parts it points to
            items += [f"{heading} ({len(rows)} nhiệm vụ)" for heading, rows in annex_sections(plan)]
        where = f"mục {section.locator}" if section.locator else section.heading
        head = section.heading.strip().rstrip(":")
        lead = f"{plan_label(catalog, plan.doc)} – {head} ({where})"
        cited = cited_documents(plan, section) if CITED_DOCS_ASKED.search(query.key) else []
        if cited:  # "mục X dẫn những nghị định nào": the documents it cites, not its text
            items, lead = cited, lead + f" dẫn {len(cited)} văn bản"
        lead += f": gồm {len(items)} mục{' (gạch đầu dòng)' if dashes else ''}:" if counted else ":"
        lines = [lead] + [f"- {shorten(BULLET.sub('', i), ITEM_CHARS)}" for i in items[:MAX_ITEMS]]
        if len(items) > MAX_ITEMS:
            lines.append(f"(và {len(items) - MAX_ITEMS} mục khác)")
        blocks.append("\n".join(lines))
        citations.append(Citation(plan.doc, plan_title(plan), where, section.page,
                                  shorten(items[0], ITEM_CHARS)))
    if not blocks:
        return None
    kind = "count" if counted else "extractive"
    return Answer("\n".join(blocks), False, citations, kind, list(citations), query)


def heading_count_answer(query: Query, plans: list[Plan], catalog: PlanCatalog) -> Answer | None:
    """:func:`list_answer`'s count, only where the named body section's
    heading holds the thing counted: "NAP mục I.2 có mấy chỉ tiêu chủ yếu?"
    counts the items of "2. Một số chỉ tiêu chủ yếu" — not the annex rows
    of group I numbered 2. ``None`` when no plan's section is so headed or
    the things counted are tasks ("mấy nhiệm vụ")."""
    counted = COUNT_CUE.search(query.key)
    if not counted:
        return None
    noun = counted.group(1).split()
    noun_text = " ".join(noun[-2:]) if len(noun) >= 2 else noun[0]
    if noun_text == "nhiem vu":
        return None
    nouns = _TARGET_NOUNS if noun_text in _TARGET_NOUNS else {noun_text}
    headed = [p for p in plans if (s := _named_section(p, query)) is not None
              and any(f" {n} " in f" {heading_key(s)} " for n in nouns)]
    return list_answer(query, headed, catalog) if headed else None
