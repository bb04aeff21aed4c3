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
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.answering.section import asked_section_refs, find_section
from retrieval.query import PlanCatalog, Query
from retrieval.question.cues import ANNEX_NAMED, CITED_DOCS_ASKED

__all__ = ["COUNT_CUE", "LIST_CUE", "asks_item_count", "asks_section_list", "heading_count_answer",
           "list_answer"]

#: A list asked for (canonical key): "liệt kê", "kể ra / kể tên / kể hết / kể
#: đủ", "gồm những gì", "bao gồm", "những … nào", "là những gì".
LIST_CUE = re.compile(
    r"\b(?:liet ke|ke (?:ra|ten|het|du|day du|cu the|lai)|gom (?:nhung|cac|co)|bao gom"
    r"|nhung (?:\w+ ){0,3}nao|nhung gi|la nhung|cac (?:\w+ ){0,3}nao)\b"
)
#: How many items a section has: "gồm mấy giải pháp", "có bao nhiêu chỉ
#: tiêu", "mấy nội dung"; group 1 the thing counted, as written in the key.
COUNT_CUE = re.compile(
    r"\b(?:bao nhieu|(?<!bo )may|so luong)\s+((?:\w+\s+){0,1}?(?:giai phap|chi tieu|noi dung|muc tieu|phan(?! tram)|muc"
    r"|diem|yeu cau|nhom|linh vuc|nhiem vu|gach dau dong|y|dong))\b"
)
#: Things counted that are a plan's targets, whichever of the two words its
#: heading uses ("mấy chỉ tiêu" of a part headed "a) Mục tiêu").
_TARGET_NOUNS = frozenset({"chi tieu", "muc tieu"})
#: The opening "Về" of a sub-part's heading ("b) Về cải cách TTHC").
_ABOUT = re.compile(r"^ve\b ?")
#: Words of an enclosing heading's opening that name it in a question ("Các
#: chỉ tiêu chủ yếu đến năm 2030" named as "phần chỉ tiêu").
MIN_PARENT_WORDS = 2
#: Words a heading opens with that the question need not repeat.
_HEADING_LEAD = re.compile(r"^(?:[ivxl]+|\d+|[a-z])?\s*(?:mot so|cac|nhung)?\s*")
#: Words a heading or question may have or leave out without naming another
#: list ("Phát triển các ứng dụng, dịch vụ" ~ "phát triển ứng dụng, dịch vụ").
_FILLERS = re.compile(r"\b(?:cac|nhung|mot so)\b ?")
#: The thing counted is the dash items themselves ("mấy gạch đầu dòng", "mấy gạch").
DASHES_COUNTED = re.compile(r"\bgach\b")
#: A list item's own dash or bullet, dropped before the answer's "- ".
_BULLET = re.compile(r"^[-–•+*]\s*")
#: Words a heading must have to be named by its words alone ("Yêu cầu",
#: "Mục đích" are too common in questions; "chỉ tiêu chủ yếu" is not).
MIN_HEADING_WORDS = 3
#: A short heading's words framed as the name of the list asked (on a key
#: without :data:`_FILLERS`): after "phần"/"mục" ("phần yêu cầu", "mục mục
#: tiêu"), or before "của <the plan>", a verb of the list and the items
#: asked ("yêu cầu của KH gồm mấy ý", "mục đích là gì", "yêu cầu đặt ra những
#: gì"); not the verb "yêu cầu" ("yêu cầu các cơ quan báo cáo …").
LOOSE_FRAME = (r"(?:(?<!theo )(?<!trong )(?<!o )(?<!tai )(?<!cua )\b(?:phan|muc) {head}\b"
               r"|\b{head}(?: cua (?:ke hoach|kh|xa)(?: \w+){{0,4}}?)? (?:gom|co(?! quan)|bao gom|la|dat ra|neu|ghi)"
               r"(?: \w+){{0,2}}? (?:may|bao nhieu|nhung|gi|nao)\b)")
#: Things asked in the plural with no list word: "các yêu cầu của kế hoạch
#: là gì", "những mục tiêu ra sao", or as the plan's own part ("mục đích của
#: kế hoạch là gì"): a short heading's items (:func:`_loose_section`).
PLURAL_ASKED = re.compile(r"\b(?:cac|nhung) (?:\w+ ){1,2}(?:cua (?:\w+ ){1,5}?)?"
                          r"(?:la gi|la nhung gi|ra sao|the nao|nhu the nao)\b"
                          # "mục đích của kế hoạch là gì": the part of the plan itself, asked at the end
                          r"|\b(?:\w+ ){1,2}cua (?:ke hoach|kh)(?: \w+){0,4}? (?:la gi|gom nhung gi|ra sao)\s*$")
#: The plan's main tasks asked ("những việc chính", "nhiệm vụ trọng tâm", "công
#: việc chủ yếu của kế hoạch là gì"), a question word after them.
MAIN_TASKS = re.compile(r"\b(?:nhiem vu|viec|cong viec)(?: \w+)? (?:chinh|trong tam|chu yeu|trong diem)\b"
                        r"(?: \w+){0,6}? (?:gi|nao|gom|la)\b")
#: Characters quoted per item; items listed per section.
ITEM_CHARS, MAX_ITEMS = 700, 30


def _heading_key(section: Section) -> str:
    """The heading's words without its number and generic opening ("2. Một số
    chỉ tiêu chủ yếu:" → "chi tieu chu yeu")."""
    return _HEADING_LEAD.sub("", canon(section.heading)).strip()


def _unfilled(key: str) -> str:
    """``key`` without :data:`_FILLERS`, single-spaced."""
    return " ".join(_FILLERS.sub("", key).split())


def asks_section_list(query: Query) -> bool:
    """True when ``query`` asks every item of a list, or how many there are."""
    return bool(LIST_CUE.search(query.key) or COUNT_CUE.search(query.key))


def asks_item_count(query: Query) -> bool:
    """True when ``query`` asks how many items a list has ("gồm mấy giải pháp")."""
    return bool(COUNT_CUE.search(query.key))


def _children(plan: Plan, section: Section) -> list[Section]:
    depth = len(section.path)
    return [s for s in plan.sections
            if len(s.path) == depth + 1 and s.path[:depth] == section.path and s is not section]


def _items(plan: Plan, section: Section) -> list[str]:
    """Every item under ``section``: each sub-section whole (its heading, or
    its own text when it has some), else the section's own list items."""
    items = []
    for child in _children(plan, section):
        texts = [p.text.strip() for p in child.paragraphs if p.text.strip()]
        if texts and canon(texts[0]).startswith(canon(child.heading)[:40]):
            items.append(" ".join(texts))
        else:
            items.append(" ".join([child.heading.strip()] + texts))
    if not items:
        items = [p.text.strip() for p in section.paragraphs if p.text.strip()]
        if any(_BULLET.match(i) for i in items):  # "…, trong đó:" before the dashes: no item
            while items and not _BULLET.match(items[0]) and items[0].rstrip().endswith(":"):
                items.pop(0)
    return items


def _dashes(plan: Plan, section: Section) -> list[str]:
    """"mục I có mấy gạch đầu dòng": every dash item of ``section`` and of the
    parts under it, in order (a lettered part "a) …" is no dash); ``[]`` when
    it has none."""
    under = [section] + _descendants(plan, section)
    return [p.text.strip() for s in under for p in s.paragraphs if _BULLET.match(p.text.strip())]


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
    key = f" {_unfilled(query.key)} "
    scored: list[tuple[int, Section]] = []
    for section in plan.sections:
        own = _ABOUT.sub("", _unfilled(_heading_key(section)))
        if not own or f" {own} " not in key or not _items(plan, section):
            continue
        best_parent = 0
        for parent in _ancestors(plan, section):
            words = _unfilled(_heading_key(parent)).split()
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


def _descendants(plan: Plan, section: Section) -> list[Section]:
    """The sections under ``section`` (by locator prefix), in plan order."""
    prefix = f"{section.locator}."
    return [s for s in plan.sections if section.locator and (s.locator or "").startswith(prefix)]


def _narrowed(plan: Plan, section: Section, query: Query) -> Section:
    """"mục I mục đích có mấy gạch đầu dòng": of the section named by number,
    the part under it whose own heading the question also writes ("1. Mục
    đích" of "I. MỤC ĐÍCH, YÊU CẦU"), the longest such heading; else
    ``section`` itself."""
    key = f" {_unfilled(query.key)} "
    best: tuple[int, Section] | None = None
    for part in _descendants(plan, section):
        head = _unfilled(_heading_key(part))
        if head and f" {head} " in key and _items(plan, part) and (best is None or len(head) > best[0]):
            best = (len(head), part)
    return best[1] if best else section


def _heading_parts(section: Section) -> list[str]:
    """The names a heading joins ("I. MỤC ĐÍCH, YÊU CẦU" → ["muc dich", "yeu cau"]),
    each as :func:`_heading_key` writes it."""
    text = re.sub(r"^\W*(?:[IVXLivxl]+|\d+|[a-zđ])[.)]\s*", "", section.heading.strip())
    parts = [_unfilled(canon(part)) for part in re.split(r"[,;]| và ", text)]
    return [p for p in parts if p]


def _loose_section(plan: Plan, query: Query) -> Section | None:
    """A short heading ("2. Yêu cầu", "1. Mục tiêu", "1. Mục đích, yêu cầu")
    named loosely as the list asked: "yêu cầu của KH gồm mấy ý", "phần mục
    tiêu có những gì", "các yêu cầu đặt ra là gì" (:data:`LOOSE_FRAME`; not
    "theo phần nội dung", nor with a section number or the annex named). The
    one section so headed (whole heading first, else one of the names it
    joins; a section enclosing another candidate yields to it); ``None``
    when none, or several (Lộc Hòa's seven "a) Mục tiêu": the part is to be
    named too)."""
    if asked_section_refs(query) or ANNEX_NAMED.search(query.key):
        return None  # "mục VIII trong phụ lục gồm những việc gì": a number, or the annex's rows
    # the thing counted is no heading named: "triển khai trên mấy nội dung, là gì" ≠ "NỘI DUNG, …"
    key = _unfilled(COUNT_CUE.sub("may", query.key))
    for whole in (True, False):
        found = []
        for section in plan.sections:
            names = [_unfilled(_heading_key(section))] if whole else _heading_parts(section)
            if any(0 < len(n.split()) < MIN_HEADING_WORDS and _frames(n, key) for n in names) \
                    and _items(plan, section):
                found.append(section)
        found = [s for s in found if not any(o is not s and o in _descendants(plan, s) for o in found)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _main_tasks(plan: Plan, query: Query) -> Section | None:
    """"những việc chính của kế hoạch", "nhiệm vụ trọng tâm là gì" (:data:`MAIN_TASKS`,
    no unit named: a unit's "việc chính" are its duties): the plan's top-level
    part headed by its tasks ("III. NHIỆM VỤ TRỌNG TÂM", "III. NHIỆM VỤ, GIẢI
    PHÁP CHỦ YẾU", "II. NHIỆM VỤ, GIẢI PHÁP"), one headed "trọng tâm / chủ yếu"
    first; ``None`` when none or several."""
    if query.unit or not MAIN_TASKS.search(query.key):
        return None
    tops = [s for s in plan.sections if s.level == 1 and _heading_key(s).startswith("nhiem vu")
            and _items(plan, s)]
    main = [s for s in tops if re.search(r"\b(?:trong tam|chu yeu)\b", _heading_key(s))]
    found = main or tops
    return found[0] if len(found) == 1 else None


def _plural_heading(plan: Plan, query: Query) -> Section | None:
    """"kế hoạch có những nhiệm vụ, giải pháp chủ yếu nào": a heading of
    :data:`MIN_HEADING_WORDS` words or more written whole between "những/các"
    and "nào/gì" (a list asked with no list word), the longest; else ``None``."""
    key = f" {query.key} "
    best = None
    for section in plan.sections:
        head = _heading_key(section)
        if len(head.split()) >= MIN_HEADING_WORDS and _items(plan, section) and re.search(
                rf"\b(?:nhung|cac) {re.escape(head)}(?: \w+){{0,3}}? (?:nao|gi)\b", key):
            if best is None or len(head) > len(_heading_key(best)):
                best = section
    return best


def _unlisted_section(plan: Plan, query: Query) -> Section | None:
    """The list a question asks with no list word (:func:`asks_section_list`
    false): a short heading in the plural ("các yêu cầu … là gì",
    :data:`PLURAL_ASKED`), the plan's main tasks (:func:`_main_tasks`), a
    heading written whole in the plural (:func:`_plural_heading`); else ``None``."""
    if asked_section_refs(query) or query.task_refs:
        return None
    loose = _loose_section(plan, query) if PLURAL_ASKED.search(query.key) else None
    return loose or _main_tasks(plan, query) or _plural_heading(plan, query)


def _frames(head: str, key: str) -> bool:
    """Does ``key`` name the list headed ``head`` (:data:`LOOSE_FRAME`)?"""
    return bool(re.search(LOOSE_FRAME.format(head=re.escape(head)), key))


def _named_section(plan: Plan, query: Query) -> Section | None:
    """The section ``query`` names by number
    (:func:`retrieval.answering.section.find_section`; narrowed to a part
    under it the question names by heading, :func:`_narrowed`), else the one
    whose heading words it contains (the longest such heading of
    :data:`MIN_HEADING_WORDS` words or more), else a short heading named
    loosely (:func:`_loose_section`), else ``None``."""
    for ref in asked_section_refs(query):
        found = find_section(plan, ref)
        if found is not None and _items(plan, found):
            return _narrowed(plan, found, query)
    key = f" {_unfilled(query.key)} "
    best = None
    for section in plan.sections:
        head = _unfilled(_heading_key(section))
        if len(head.split()) >= MIN_HEADING_WORDS and f" {head} " in key and _items(plan, section):
            if best is None or len(head) > len(_heading_key(best)):
                best = section
    chain = _chain_section(plan, query)
    if chain is not None and (best is None or (chain.locator or "").startswith(f"{best.locator}.")):
        return chain  # "mục tiêu cải cách chế độ công vụ": the part's "a) Mục tiêu", not the part
    return best if best is not None else (_loose_section(plan, query) or _main_tasks(plan, query))


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
        section = _named_section(plan, query) if listed else _unlisted_section(plan, query)
        if section is None:
            continue
        dashes = _dashes(plan, section) if counted and DASHES_COUNTED.search(counted.group(1)) else []
        items = dashes or _items(plan, section)
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
        lines = [lead] + [f"- {shorten(_BULLET.sub('', i), ITEM_CHARS)}" for i in items[:MAX_ITEMS]]
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
              and any(f" {n} " in f" {_heading_key(s)} " for n in nouns)]
    return list_answer(query, headed, catalog) if headed else None
