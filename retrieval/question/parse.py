"""Question → :class:`retrieval.question.model.Query`.

``parse_query(text, catalog)`` reads, from a Vietnamese question typed with
or without diacritics and with the genre's abbreviations:

* **task references** – "nhiệm vụ 22", "nv 22", "NV22", "task 22", "nhiệm vụ
  số 22", "mục 2.3", "dòng 2.3", "STT 5", lists "nv 22 và 23" / "nv 22, 23",
  section-qualified numbers "mục IV.3", "3.4 phần cải cách TTHC";
* **plan references** – the commune (or ward/town) name with or without
  diacritics ("Nam An Phụ", "nam an phu", "xã X"), its initials ("NAP",
  "TX"; lower-case only when the token cannot be a Vietnamese syllable),
  the year ("kế hoạch 2026", "KH 2025") and the period ("giai đoạn 2026 -
  2030", "6 tháng cuối năm 2025"). A "xã/phường/thị trấn <Name>" that names
  no loaded plan sets :attr:`Query.unknown_place`;
* **the fields asked** (any combination) – ai chủ trì / đơn vị nào / cơ quan
  nào → ``lead``; phối hợp → ``coordinating``; khi nào / thời hạn / thời
  gian / bao giờ → ``deadline``; sản phẩm / kết quả là gì → ``product``;
  nội dung / là gì → ``content``;
* **the task selection** – a lead unit ("Phòng Kinh tế", "phòng VH-XH", "VP
  HĐND và UBND") matched against the lead units of the loaded plans, also
  excluded ("không do Phòng VH-XH chủ trì"); a quarter ("quý I/2026", "quý
  2"), month ("tháng 10/2026") or year with a deadline word ("hoàn thành
  trong năm 2026"); "thường xuyên" (also excluded: "trừ các nhiệm vụ thường
  xuyên"); overdue / due within N days of today; empty fields ("không ghi cơ
  quan phối hợp"); a section ("mục Cải cách thể chế", "lĩnh vực cải cách
  TTHC") matched against the plans' task sections;
* **counts and aggregates** – "bao nhiêu nhiệm vụ", "mấy nhiệm vụ", per plan
  ("mỗi kế hoạch"), earliest/latest deadline, the unit that leads most.

Everything is matched on :func:`ingest.lexicon.canon` keys, so "Văn hoá- Xã
hội", "van hoa xa hoi" and "VH-XH" meet. The intent is chosen by
:data:`INTENT_RULES`, checked in declared order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.lexicon import CANON_WORD, UNIT_HEADS, canon, mask_cased_acronyms, written_span, y_spelled
from ingest.lexicon import contains_words as _contains
from ingest.textnorm import fold, nfc
from ingest.units import unit_key
from retrieval.question.catalog import PlanCatalog, PlanEntry, SectionEntry, UnitEntry, section_words
from retrieval.question.corrections import corrected
from retrieval.question.crossplan import (
    asks_body_and_annex,
    asks_periods,
    asks_targets,
    asks_upper,
    asks_which,
    count_compared,
    plan_parts,
    threshold,
    whole_year,
)
from retrieval.question.cues import (
    ANNEX_NAMED,
    ANY_ROLE,
    BASIS_METAS,
    BODY_REFERENCE,
    CLAUSE_BREAK,
    COORDINATING_ROLE,
    COUNT,
    COUNT_COMPARED,
    COUNT_NOUN,
    CROSS,
    DOC_NOUN,
    DOC_NUMBER_ASKED,
    DOTTED,
    EXACT,
    EXCLUSION,
    EXPLICIT_LIST,
    FACT_FRAME_WORDS,
    FIELD_CUES,
    FIGURE_ASKED,
    FOLLOW_CUE,
    HALF_YEAR_DUE,
    INDICES_LISTED,
    ITEMS_COUNTED,
    LEAD_CHECKED,
    LEAD_EXPLICIT,
    LEAD_GENERIC,
    LEAD_GUESSED,
    LIST,
    META_CUES,
    MONTH,
    MONTH_SPAN,
    NEGATION,
    NUM,
    NUMBER_ASKED,
    OBJECTIVE_CUE,
    ONLY_GUESS,
    PADDING,
    PER_PLAN,
    PERCENT_ASKED,
    PERSON_CUE,
    PLACE_MENTION,
    PLAIN_PLACE,
    PLAN_PERIOD,
    PLANS_COUNTED,
    PLANS_ONLY_WORDS,
    PRODUCT_IS,
    QUARTER,
    QUARTER_SPAN,
    QUESTION_PARTICLES,
    QUOTED,
    RANGE_DASH,
    RANGE_MAX,
    RECURRENCE,
    RECURRENCES,
    REGULAR,
    ROW_LISTS_PLANS,
    ROW_NUMBER_TAIL,
    SECTION_CUE,
    SECTION_NUMBER,
    SECTION_REF,
    SECTION_REF_AFTER,
    SECTION_REF_SPELLED,
    SECTION_REF_TYPED,
    SECTION_TAIL,
    SECTION_WORDS,
    SIGNER_ANY,
    SPAN_NUMBER,
    TARGET_KIND,
    TARGET_VALUE,
    TASK_NOUN,
    TASK_RANGE,
    TASK_REF,
    TASK_WORD,
    TOPIC,
    UNLISTED_FIELD,
    UNLISTED_FIELDS,
    UPPER_PLAN_ASKED,
    WHOLE_YEAR,
    WRITTEN,
    YEAR,
    YEAR_FILTER,
)
from retrieval.question.due_exclusion import read_excluded_deadlines
from retrieval.question.model import FIELDS, META_FIELDS, Intent, Query
from retrieval.question.numbers import spelled_task_numbers
from retrieval.question.selection import TOPIC_STOPWORDS, read_selection, topic_words
from retrieval.question.typos import fixed_field_typos

__all__ = ["INTENT_RULES", "PERSON_UNLISTED", "asks_row_number", "lookup_by_meaning", "names_header_fact",
           "names_person", "parse_query",
           "question_period", "question_unit", "resolve_plan", "strip_number_asked"]


def _quarter_no(tok: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(tok) or int(tok)


def _no_nam(text: str) -> str:
    return re.sub(r" nam(?= (?:19|20)\d{2})", "", text)


def _find_plans(q: Query, raw: str, key: str, catalog: PlanCatalog) -> bool:
    """Set ``q.plans``/``q.plan_named``/``q.unknown_place`` from the names,
    initials, years and periods the question gives; True when a plan was
    named by its place (not only by its year or period)."""
    found: list[PlanEntry] = []
    raw_words = re.findall(r"\w+", raw)
    for entry in catalog.entries:
        for alias in sorted(entry.aliases, key=len, reverse=True):
            if _contains(key, alias) < 0:
                continue
            if alias == entry.initials:
                # initials: as typed, without diacritics (so "nạp" is not "NAP")
                written = [w for w in raw_words if fold(w) == alias]
                if not any(w == fold(w) or w.isupper() for w in written):
                    continue
            found.append(entry)
            break
    key = HALF_YEAR_DUE.sub(" ", key)  # "có hạn trong 6 tháng đầu năm 2026": a deadline window, no plan's period
    span = PLAN_PERIOD.search(key)
    rest = PLAN_PERIOD.sub(" ", key)
    anchors = [a for e in found for a in e.aliases] + ["ke hoach", "kh"]
    # a year names the plan when it follows the plan's name or "kế hoạch" closely
    # (within 10 words: abbreviations such as CCHC are expanded by canon)
    years = [int(m.group(1)) for m in YEAR.finditer(rest)
             if not found or any(_contains(" ".join(rest[:m.start()].split()[-10:]), a) >= 0
                                 for a in anchors)]
    filter_years = {int(m.group(1)) for m in YEAR_FILTER.finditer(rest)}
    # "tăng 10% so với (năm) 2025": the base year of a comparison, not the plan's year
    filter_years |= {int(m.group(1)) for m in YEAR.finditer(rest)
                     if re.search(r"\bso voi(?: nam| cung ky nam)?\s*$", rest[:m.start()])}
    filter_years |= {int(m.group(2)) for m in QUARTER.finditer(rest) if m.group(2)}
    filter_years |= {int(m.group(2)) for m in MONTH.finditer(rest) if m.group(2)}
    plan_years = [y for y in years if y not in filter_years]
    ranged = re.search(r"\b((?:19|20)\d{2}) (?:den )?((?:19|20)\d{2})\b", rest)

    def fits(e: PlanEntry) -> bool:
        if span:
            if _contains(_no_nam(canon(e.period)), _no_nam(span.group(0))) >= 0:
                return True
            if not span.group(0).startswith("giai doan") or not (
                    e.start_year == int(span.group(1))
                    and e.end_year == int(span.group(2) or span.group(1))):
                return False
        if e.start_year is None:
            return not plan_years
        if ranged and e.start_year == int(ranged.group(1)) and e.end_year == int(ranged.group(2)):
            return True
        return all(e.start_year <= y <= (e.end_year or e.start_year) for y in plan_years)

    if found:
        q.plan_named = True
        q.plans = [e.doc for e in found if fits(e)]
        # with no plan of that name for that year, the question is about a plan we lack
    elif plan_years or span:
        if span or re.search(r"\b(?:ke hoach|kh)\b", key):
            q.plans = [e.doc for e in catalog.entries if fits(e)]
            q.plan_named = bool(q.plans) or not CROSS.search(key)
    for m in PLACE_MENTION.finditer(raw):
        if not m.group(1)[:1].isupper():  # "mỗi xã đặt …": À-Ỹ also holds lower-case letters
            continue
        name_key = canon(m.group(1))
        if name_key.split()[0] in {"hoi"}:  # "Xã Hội" in a unit name
            continue
        if any(_contains(name_key, e.key) == 0 or _contains(e.key, name_key) == 0
               for e in catalog.entries):
            continue
        near = _near_place(name_key, catalog)
        if near is not None:  # a typo of a loaded place ("xã Truong Suan")
            if near not in found:
                found.append(near)
                q.plans = [e.doc for e in found]
                q.plan_named = True
            continue
        q.unknown_place = nfc(m.group(1))
        q.plan_named = True
        if not found:
            q.plans = []
    if not found and not q.unknown_place and raw == fold(raw):
        place = _plain_place(key, catalog)
        if place is not None:  # "kh cchc xa tan lap 2026 co bao nhieu nv?": typed without diacritics
            q.unknown_place, q.plan_named, q.plans = place, True, []
    return bool(found)


def _plain_place(key: str, catalog: PlanCatalog) -> str | None:
    """A place typed without diacritics ("xa tan lap", "phuong hong bang": :data:`PLAIN_PLACE`)
    that no loaded plan is for, said as typed ("xã tan lap"); ``None`` when the two words
    are a stopword's, a loaded place's (or a typo of one: :func:`_near_place`) or words
    the plans write together ("xã hội", "xã nào có", "xã thực hiện")."""
    for m in PLAIN_PLACE.finditer(key):
        name = m.group(1)
        words = name.split()
        if name in catalog.pairs or any((w in TOPIC_STOPWORDS and w not in _NAME_SYLLABLES) or w in _NOT_PLACE
                                        or not _SYLLABLE.fullmatch(w) for w in words):
            continue
        if any(_contains(name, e.key) == 0 or _contains(e.key, name) == 0 for e in catalog.entries):
            continue
        if _near_place(name, catalog) is not None:
            continue
        level = m.group(0).split()[0]
        return f"{_LEVEL_WORDS.get(level, level)} {name}"
    return None


#: Words after "xã" that point or qualify, no place: "xã khác", "xã kia", "xã còn lại", "xã mình".
_NOT_PLACE = frozenset("khac kia con lai ban nay minh ta phai giao dat hoi deu cung chi thi se da dang vua moi "
                       "tung rieng tren duoi".split())
#: Stopword syllables that place names often hold ("Tân Phong", "Nam Sơn", "Quyết Thắng").
_NAME_SYLLABLES = frozenset("phong nam thang quy".split())
#: One Vietnamese syllable, folded: onset, vowels, coda ("tan", "khanh", "nghia"; not "dci").
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
#: The level word of a :data:`PLAIN_PLACE` said with its diacritics.
_LEVEL_WORDS = {"xa": "xã", "phuong": "phường", "thi": "thị trấn"}


#: rapidfuzz ratio (0–100) above which a place mention is a loaded place misspelt.
PLACE_RATIO = 88


def _near_place(name_key: str, catalog: PlanCatalog) -> PlanEntry | None:
    """The loaded plan whose place key is nearest to ``name_key`` (a "xã X"
    mention that names no loaded place exactly), when rapidfuzz's ratio
    reaches :data:`PLACE_RATIO`; else ``None``."""
    from rapidfuzz import fuzz, process

    keys = {e.key: e for e in catalog.entries if e.key}
    words = name_key.split()
    best = None
    for n in range(min(4, len(words)), 0, -1):  # the mention may run on ("xã X có …")
        hit = process.extractOne(" ".join(words[:n]), list(keys), scorer=fuzz.ratio)
        if hit and hit[1] >= PLACE_RATIO and (best is None or hit[1] > best[1]):
            best = hit
    return keys[best[0]] if best else None


def _find_unit(key: str, catalog: PlanCatalog) -> UnitEntry | None:
    best: UnitEntry | None = None
    for unit in catalog.units:  # longest keys first
        if _contains(key, unit.key) >= 0:
            return unit
    initialled = _unit_by_initials(key, catalog)
    if initialled is not None:
        return initialled
    # A mention introduced by a unit head word, matched by its words.
    m = re.search(r"\b(?:phong|van phong|trung tam|ban|bo phan|cong an|doan|hoi|mat tran|tu phap)\b"
                  r"(?: \w+){1,8}", key)
    if not m:
        return None
    mention = m.group(0).split()
    best_score = 0.0
    for unit in catalog.units:
        words = unit.key.split()
        if words[0] != mention[0] and not (mention[0] == "van" and words[:2] == ["van", "phong"]):
            continue
        n = 0  # the longest prefix of the mention whose words all occur in the unit
        while n < len(mention) and mention[n] in words:
            n += 1
        score = n / len(words)
        if n >= 2 and score > best_score:
            best, best_score = unit, score
    return best if best_score >= 0.5 else None


def _unit_by_initials(key: str, catalog: PlanCatalog) -> UnitEntry | None:
    """A unit written as its head word and the initials of the rest of its
    name ("trung tâm DVSNC" → "Trung tâm Dịch vụ Sự nghiệp công", "phòng
    VHXH" → "Phòng Văn hóa - Xã hội"): the catalog unit (longest key first)
    whose words after the head open with those initials (three letters at
    least); ``None`` when no word of ``key`` after a head word is so read."""
    words = key.split()
    for i, word in enumerate(words[1:], start=1):
        if len(word) < 3 or not word.isalpha():
            continue
        for head_len in (2, 1):
            head = words[max(0, i - head_len):i]
            if len(head) != head_len or " ".join(head) not in UNIT_HEADS:
                continue
            for unit in catalog.units:
                parts = unit.key.split()
                if parts[:head_len] != head:
                    continue
                rest = "".join(w[0] for w in parts[head_len:])
                if len(rest) >= len(word) and rest.startswith(word):
                    return unit
    return None


#: Most words of a unit named in the question by its kind (:func:`_coordinating_unit`).
MENTION_MAX_WORDS = 12


def _coordinating_unit(key: str, catalog: PlanCatalog, plans: list[str]) -> UnitEntry | None:
    """A unit that only coordinates, named with its role ("những nv có đơn vị
    sự nghiệp công lập cùng phối hợp", "… phối hợp với trạm y tế"): the
    longest run of at least three words of ``key`` that opens with a unit
    head word (:data:`ingest.lexicon.UNIT_HEADS`), has a content word (not
    only "các phòng, ban, đơn vị có liên quan") and is held, as whole words,
    by a coordinating cell's unit of the plans in scope
    (:attr:`PlanCatalog.coordinating`), as the plans write it; else ``None``
    (also when the question names no coordinating role)."""
    if not (COORDINATING_ROLE.search(key) or ANY_ROLE.search(key)):
        return None
    cells = [u for u in catalog.coordinating if not plans or u.docs & set(plans)]
    words = key.split()
    best: list[str] = []
    for i in range(len(words)):
        if words[i] not in UNIT_HEADS and " ".join(words[i:i + 2]) not in UNIT_HEADS:
            continue
        for j in range(min(len(words), i + MENTION_MAX_WORDS), i + 2, -1):
            run = words[i:j]
            if len(run) <= len(best) or not topic_words(" ".join(run)):
                continue
            if any(_contains(u.key, unit_key(" ".join(run))) >= 0 for u in cells):
                best = run
                break
    if not best:
        return None
    mention = unit_key(" ".join(best))  # "trạm y tế xã" is the cells' "Trạm Y tế"
    holders = [u for u in cells if _contains(u.key, mention) >= 0]
    return UnitEntry(written_span(mention, [u.text for u in holders]) or mention, mention,
                     {d for u in holders for d in u.docs})


def _find_sections(key: str, catalog: PlanCatalog, plans: list[str]) -> list[SectionEntry]:
    """Task sections the question names ("mục Cải cách thể chế", "trong mục A
    và B"): sections whose distinctive words are (≥ 75 %) in the question,
    after a cue word ("mục", "lĩnh vực", "về", "thuộc", "trong"), or whose
    whole heading is quoted, with or without its qualifier "hành chính nhà
    nước" (:data:`SECTION_TAIL`). Best match first."""
    words = set(key.split())
    found = []
    for s in catalog.sections:
        if plans and not (s.docs & set(plans)):
            continue
        short = SECTION_TAIL.sub("", s.key)
        quoted = _contains(key, s.key) >= 0 or (len(short.split()) >= 4 and _contains(key, short) >= 0)
        score = 2.0 if quoted else max(len(s.content & words) / len(s.content), _part_named(s, words))
        if score < 0.75:
            continue
        if score < 2.0:
            first = min(key.find(w) for w in s.content if w in words)
            if not SECTION_CUE.search(key[max(0, first - 40): first]):
                continue
            by_words = len(s.content & words) / len(s.content) >= 0.75
            if by_words and not _part_named(s, words) and not _close_together(key, s.content & words):
                continue  # "thể chế … do ai": "chế" and "do" far apart name no "chế độ công vụ"
        found.append((score, len(s.content), s))
    found.sort(key=lambda x: (-x[0], -x[1]))
    return [s for _, _, s in found]


#: A bracketed aside of the question as typed.
_ASIDE = re.compile(r"\([^()]*\)")


def _aside_free(sections: list[SectionEntry], raw: str, catalog: PlanCatalog,
                plans: list[str]) -> list[SectionEntry]:
    """``sections`` unless they are named only inside a bracketed aside that
    follows a topic ("những nhiệm vụ nào về kiểm tra (CCHC, công vụ, tổ chức
    bộ máy)?": the aside lists the kinds of "kiểm tra", it names no annex
    part): then ``[]``, and the topic reads the question."""
    if not sections or not _ASIDE.search(raw):
        return sections
    plain = canon(_ASIDE.sub(" ", raw))
    if not TOPIC.search(plain) or _find_sections(plain, catalog, plans):
        return sections
    return []


def _close_together(key: str, wanted: frozenset[str] | set[str]) -> bool:
    """Do the heading words ``wanted`` stand together in ``key``: some run
    of the key's words holds each of them, with at most two other words
    among them ("cải cách tài chính công", "chính quyền điện tử và số")?"""
    words = key.split()
    spots = [(i, w) for i, w in enumerate(words) if w in wanted]
    for start, (i, _) in enumerate(spots):
        seen: set[str] = set()
        for j, w in spots[start:]:
            seen.add(w)
            if len(seen) == len(wanted):
                if j - i + 1 <= len(wanted) + 2:
                    return True
                break
    return False


#: The score of a section named by one coordinated part of its heading
#: (:func:`_part_named`): below a heading named whole.
PART_SCORE = 0.8


def _part_named(section: SectionEntry, words: set[str]) -> float:
    """:data:`PART_SCORE` when ``words`` (the question's) hold every
    distinctive word of one comma-separated part of the section's heading
    that has at least two ("mục xây dựng chính quyền số" names "Xây dựng
    Chính quyền điện tử, Chính quyền số" by its part "Chính quyền số"), else 0."""
    parts = [section_words(p) for p in re.split(r"[,;]", section.text)]
    if len(parts) < 2:
        return 0.0
    return PART_SCORE if any(len(p) >= 2 and p <= words for p in parts) else 0.0


def _read_span(q: Query, m: re.Match | None, unit: str) -> None:
    """Several quarters ("quý III, IV/2025", "Quý I hoặc Quý II") or months
    ("tháng 10 hoặc tháng 11") at the period read: ``q.period`` becomes the
    first, ``q.period_until`` the last (a span of one period is left alone)."""
    if m is None:
        return
    year = m.group(1) or "*"
    body = m.group(0)[:m.start(1) - m.start()] if m.group(1) else m.group(0)
    if unit == "Q":
        numbers = [_quarter_no(n) for n in SPAN_NUMBER.findall(body)]
    else:
        numbers = [int(n) for n in SPAN_NUMBER.findall(body) if n.isdigit() and 1 <= int(n) <= 12]
    if len(set(numbers)) < 2:
        return
    first, last = min(numbers), max(numbers)
    form = (lambda n: f"{year}-Q{n}") if unit == "Q" else (lambda n: f"{year}-{n:02d}")
    q.period, q.period_until = form(first), form(last)


def _names_product(before: str) -> bool:
    """Does the text ``before`` a quote end in a product cue ("sp ghi đúng là
    "Quyết định của UBND xã""): the quote is then the product, not a deadline
    (its "Quyết" is no "quý")."""
    tail = " ".join(canon(before).split()[-8:])
    return any(m.end() >= len(tail) for m in PRODUCT_IS.finditer(tail + " "))


def _deadline_filters(q: Query, key: str, raw: str) -> None:
    """Period, quoted deadline text, "thường xuyên", exactness and negation."""
    rest = PLAN_PERIOD.sub(lambda m: " " * len(m.group(0)), key)
    quoted = next((m.group(1) for m in QUOTED.finditer(raw)
                   if re.search(r"\d|qu[yý]|th[aá]ng|n[aă]m|th[uư][oờ]ng", fold(m.group(1)))
                   and not _names_product(raw[:m.start()])), None)
    quarter, month = QUARTER.search(rest), MONTH.search(rest)
    year_filter = YEAR_FILTER.search(rest)
    regular = REGULAR.search(rest)
    recurrence = RECURRENCE.search(rest)
    whole_year = WHOLE_YEAR.search(rest)
    q.period_exact = bool(EXACT.search(rest))
    pos = None
    half = HALF_YEAR_DUE.search(key)
    if half and not quoted:  # "có hạn trong 6 tháng đầu năm 2026": its two quarters
        first = 1 if half.group(1) == "dau" else 3
        q.period, q.period_until = f"{half.group(2)}-Q{first}", f"{half.group(2)}-Q{first + 1}"
        pos = half.start()
    elif quoted:
        q.deadline_text = quoted
        pos = _contains(rest, canon(quoted))
    elif regular:
        q.regular = True
        pos = regular.start()
    elif quarter:
        q.period = f"{quarter.group(2) or '*'}-Q{_quarter_no(quarter.group(1))}"
        pos = quarter.start()
        _read_span(q, QUARTER_SPAN.match(rest, pos), "Q")
    elif month and 1 <= int(month.group(1)) <= 12:
        q.period = f"{month.group(2) or '*'}-{int(month.group(1)):02d}"
        pos = month.start()
        _read_span(q, MONTH_SPAN.match(rest, pos), "")
    elif year_filter and (q.count or q.wants_list):
        q.period = year_filter.group(1)
        pos = year_filter.start()
    elif recurrence and (q.count or q.wants_list):
        q.recurrence = RECURRENCES[recurrence.group(1)]
        pos = recurrence.start()
    elif whole_year and (q.count or q.wants_list):
        q.period, q.period_exact = "*", True
        pos = whole_year.start()
    if pos is not None and pos >= 0:
        before = rest[max(0, pos - 40): pos].rstrip()
        q.negate = bool(NEGATION.search(before + " ") or EXCLUSION.search(before))
        q.period_written = bool(q.period) and bool(WRITTEN.search(rest[max(0, pos - 25): pos]))


def _section_ref(q: Query, key: str) -> None:
    """A row number qualified by its section's roman numeral ("mục II.2.4",
    "LH VII.3", "còn III.4?", "mục VI 2.1", "3.3 phần II"): the section is ``q.section_number`` ("ii"),
    the group ``q.subsection_number`` (the number's first part, "2"), and the
    number itself a task reference ("2.4") unless the question counts or
    asks a list in so many words ("mục II.2 có mấy nhiệm vụ", "liệt kê các
    nhiệm vụ mục II.3" are the group, not a row)."""
    m = SECTION_REF.search(key)
    after = None if m else SECTION_REF_AFTER.search(key)
    typed = None if m or after else SECTION_REF_TYPED.search(q.text)
    spelled = None if m or after or typed else SECTION_REF_SPELLED.search(key)
    if after:  # "3.3 phần II": the number first, its part after
        number, section = after.group(1), after.group(2)
    elif m:
        number, section = m.group(3), m.group(1) or m.group(2)
    elif typed:  # "VI-2.1", "VI/2.1": the numeral in capitals, joined loosely
        number, section = typed.group(2), typed.group(1).lower()
    elif spelled:  # "mục sáu 2.1"
        number, section = spelled.group(2), SECTION_WORDS[spelled.group(1)]
    else:
        return
    q.section_number, q.subsection_number = section, number.split(".")[0]
    if not (q.count or EXPLICIT_LIST.search(key)) and number not in q.task_refs:
        q.task_refs = [number] + q.task_refs


# ------------------------------------------------------------ intent rules
# Each rule sees the parsed query (fields, references, filters, cues set)
# and the words left once plan names and generic words are removed. The
# first rule that holds gives the intent; the last always holds.

IntentRule = Callable[[Query, list[str]], bool]


def _asks_task_rows(q: Query, leftover: list[str]) -> bool:
    """Numbered rows, unless the number only qualifies a count ("nhiệm vụ 3
    có bao nhiêu nhiệm vụ con" is a task; "mục II có mấy nhiệm vụ" a count)."""
    return bool(q.task_refs) and not (
        q.count and not re.search(r"\b(?:bao nhieu|may) " + COUNT_NOUN, q.key))


def _asks_header_fact(q: Query, leftover: list[str]) -> bool:
    """Số quyết định / ngày ký / người ký of a named plan (not of a "căn cứ"),
    or the plan's own legal bases ("căn cứ những văn bản nào"); also of
    every plan when the question says so ("số QĐ của từng kế hoạch", "những
    KH nào có số QĐ, số mấy?")."""
    every = q.cross_doc or bool(PER_PLAN.search(q.key))
    return bool(q.meta) and (q.plan_named or every) and (bool(set(BASIS_METAS) & set(q.metas))
                                                        or not re.search(r"\bcan cu\b", q.key))


def _asks_plans_of_period(q: Query, leftover: list[str]) -> bool:
    """"Kế hoạch nào áp dụng cho năm 2026?", "có mấy KH cho năm 2025?":
    cross-plan wording or plans counted, a year or period, and nothing else."""
    return (q.cross_doc or bool(PLANS_COUNTED.search(q.key))) and not leftover \
        and bool(YEAR.search(q.key) or PLAN_PERIOD.search(q.key))


def _asks_task_list(q: Query, leftover: list[str]) -> bool:
    """A list wording with a task filter, in one plan or all."""
    return q.has_filter and q.wants_list and not q.cross_doc


def _asks_which_plans(q: Query, leftover: list[str]) -> bool:
    """"Kế hoạch nào nhắc đến PAPI?", "xã nào đặt mục tiêu …": a term to
    look for in every plan, no plan or task named; not a header fact
    ("những KH nào nêu tên người ký?": :func:`names_header_fact`)."""
    return bool(q.mention) and not q.task_refs and len(q.plans) != 1 and not names_header_fact(q)


def names_header_fact(q: Query) -> bool:
    """Is the mention term of ``q`` a header fact ("tên người ký", "ngày ban
    hành", "số quyết định", "số hiệu": :data:`META_CUES` of a field of
    :data:`META_FIELDS`) with nothing else but framing words
    (:data:`FACT_FRAME_WORDS`)? Then the plans' header facts answer it, not
    their text."""
    if not q.mention or not set(q.metas) & set(META_FIELDS):
        return False
    rest = q.mention
    for name, pattern in META_CUES:
        if name in META_FIELDS:
            rest = pattern.sub(" ", rest)
    return not [w for w in topic_words(rest) if w not in FACT_FRAME_WORDS]


def _asks_aggregate(q: Query, leftover: list[str]) -> bool:
    """"Nhiệm vụ nào có hạn sớm nhất?", "đơn vị nào chủ trì nhiều nhất?"."""
    if q.aggregate == "top_lead":
        return True
    return bool(q.aggregate) and (q.wants_list or q.count or q.has_filter
                                  or bool(re.search(r"\b(?:han|hoan thanh|thoi han|nhiem vu|viec)\b", q.key)))


def _asks_by_tail(key: str) -> bool:
    """``key`` ends in "(là) số mấy" (:data:`ROW_NUMBER_TAIL`), speaks of a task
    and names no numbered document."""
    return bool(ROW_NUMBER_TAIL.search(key) and TASK_WORD.search(key) and not DOC_NOUN.search(key))


def asks_row_number(key: str) -> bool:
    """The question (a ``canon`` key) asks a task row's number: "là nhiệm vụ số
    mấy" (:data:`NUMBER_ASKED`), or ends in "(là) số mấy" while speaking of a
    task and naming no numbered document (:data:`ROW_NUMBER_TAIL`)."""
    return bool(NUMBER_ASKED.search(key)) or _asks_by_tail(key)


def strip_number_asked(key: str) -> str:
    """``key`` without the words that ask a row's number (:func:`asks_row_number`)."""
    tail = _asks_by_tail(key)
    key = NUMBER_ASKED.sub(" ", key)
    return ROW_NUMBER_TAIL.sub(" ", key) if tail else key


def _asks_lookup(q: Query, leftover: list[str]) -> bool:
    """A field of a task described by its content, no number: "ai lo việc
    số hóa hồ sơ?", "ISO 9001 khi nào xong?", or its number ("áp dụng ISO
    18091 là nhiệm vụ số mấy?"); at least two content words. A figure asked
    ("đạt bao nhiêu") makes it a look-up only beside a row field ("giải ngân
    đầu tư công phải đạt bao nhiêu, ai chịu trách nhiệm?")."""
    if q.task_refs or q.count or q.meta or q.cross_doc:
        return False
    if q.figure and not set(q.fields) & {"lead", "coordinating", "deadline", "product"}:
        return False  # a figure alone is a body target; "đạt bao nhiêu, ai chịu trách nhiệm" is a row
    if not (set(q.fields) - {"content"} or asks_row_number(q.key)):
        return False
    if BODY_REFERENCE.search(q.key):
        return False
    return len(content_words(leftover)) >= 2


def content_words(leftover: list[str]) -> list[str]:
    """The words describing a task's content in a question's ``leftover``
    words (``canon`` keys): what remains once the field cues ("hạn chót", "khi
    nào", "ai chủ trì"), the follow-up cue ("thế", "còn"), the padding ("cho
    hỏi", "cái") and the question particles (:data:`QUESTION_PARTICLES`) are
    taken out, as
    :func:`retrieval.question.selection.topic_words`. "thế hạn chót khi
    nào?" has none; "ai lo việc số hóa hồ sơ?" has "so hoa ho so"."""
    return [w for w in topic_words(strip_cues(" ".join(leftover))) if w not in QUESTION_PARTICLES]


def strip_cues(key: str) -> str:
    """``key`` (a ``canon`` key) without the words that ask a row's number or
    a field (:data:`FIELD_CUES`, "ai chủ trì"), the follow-up cue and the
    padding: what may describe a task's content, its words in order."""
    text = strip_number_asked(key)
    for pattern in (*FIELD_CUES.values(), LEAD_EXPLICIT, LEAD_GENERIC, FOLLOW_CUE, PADDING):
        text = pattern.sub(" ", text)
    return " ".join(text.split())


#: (intent, rule) in the order they are tried.
INTENT_RULES: list[tuple[Intent, IntentRule]] = [
    (Intent.BODY_ANNEX, lambda q, leftover: asks_body_and_annex(q)),
    (Intent.TASK, _asks_task_rows),
    # "căn cứ những văn bản nào của huyện": the legal bases, not the upper locality
    (Intent.UPPER, lambda q, leftover: asks_upper(q) and not set(BASIS_METAS) & set(q.metas)),
    (Intent.PLANS, lambda q, leftover: asks_periods(q)),
    (Intent.PLANS, lambda q, leftover: whole_year(q) is not None),  # "KH nào là cả năm 2025?"
    (Intent.PLANS, _asks_plans_of_period),  # before WHICH_PLANS: "áp dụng cho năm 2026" is no term
    (Intent.TARGETS, lambda q, leftover: asks_targets(q)),
    (Intent.WHICH_PLANS, _asks_which_plans),
    (Intent.AGGREGATE, _asks_aggregate),
    (Intent.COUNT, lambda q, leftover: q.count),
    (Intent.META, _asks_header_fact),
    (Intent.FILTER, _asks_task_list),
    (Intent.LOOKUP, _asks_lookup),
    (Intent.SEARCH, lambda q, leftover: True),
]


def lookup_by_meaning(q: Query, catalog: PlanCatalog, field: str) -> bool:
    """Set ``field`` (found by :class:`retrieval.question.meaning.FieldVote`)
    on a question the rules sent to passage search, and make it a look-up
    when :func:`_asks_lookup` then holds; True when it did (``q`` unchanged
    otherwise)."""
    if q.intent != Intent.SEARCH or q.fields or q.task_refs or q.meta:
        return False
    leftover = [w for w in q.key.split() if w not in PLANS_ONLY_WORDS and not w.isdigit()
                and not any(w in e.aliases or w in e.key.split() for e in catalog.entries)]
    q.fields = [field]
    if _asks_lookup(q, leftover):
        q.intent = Intent.LOOKUP
        return True
    q.fields = []
    return False


def _without_guess(raw: str, catalog: PlanCatalog) -> str | None:
    """``raw`` without its closing guess of a plan (:data:`ONLY_GUESS`: ", chỉ
    NAP thôi à?") when the guess names a loaded plan and words come before it;
    else ``None``."""
    folded = fold(raw)
    m = ONLY_GUESS.search(folded) if len(folded) == len(raw) else None
    if m is None or not raw[:m.start()].strip():
        return None
    guessed = Query(text=m.group("guess"), key=canon(m.group("guess")))
    _find_plans(guessed, m.group("guess"), guessed.key, catalog)
    return raw[:m.start()].strip() if guessed.plans else None


#: The row fields a question may ask of a whole annex part.
_ROW_FIELDS_ASKED = frozenset({"lead", "coordinating", "deadline", "product"})


def _field_of_section(q: Query, key: str, catalog: PlanCatalog, sections: list[SectionEntry]) -> bool:
    """Does the question ask a row field (lead, coordinating, deadline,
    product) of a whole annex part, named by its heading or its numeral ("LH
    phần cải cách tài chính công do ai chủ trì?", "NAP mục II hạn ghi thế
    nào?")? Not with a row number, a count, a list already asked or a figure
    ("thời gian giải quyết TTHC giảm bao nhiêu %": a target), nor when
    it names a body part (:data:`BODY_REFERENCE`: "theo phần Tổ chức thực
    hiện, ai chủ trì cải cách TTHC?"). A numeral alone ("TX mục V ai chủ
    trì?") needs the plans named, each with an annex."""
    if q.task_refs or q.count or q.wants_list or q.figure or not set(q.fields) & _ROW_FIELDS_ASKED:
        return False
    if BODY_REFERENCE.search(key) or q.metas:
        return False
    if sections:
        return True
    if not q.section_number or q.subsection_number or not q.plans:
        return False
    with_annex = {d for s in catalog.sections for d in s.docs}
    return set(q.plans) <= with_annex


def _ranges_spelled_out(raw: str, refs: list[str]) -> list[str]:
    """``refs`` with each range of rows the question ``raw`` writes ("nv
    26-31", "từ nhiệm vụ 5 đến 9", :data:`TASK_RANGE`) spelled out, in place
    of its two ends: ["26", "31"] → ["26", "27", …, "31"]. A range running
    backwards or over :data:`RANGE_MAX` rows is left as written."""
    for m in TASK_RANGE.finditer(canon(RANGE_DASH.sub(" den ", raw))):
        low, high = int(m.group(1)), int(m.group(2))
        if not low < high <= low + RANGE_MAX:
            continue
        spelled = [str(n) for n in range(low, high + 1)]
        at = refs.index(m.group(1)) if m.group(1) in refs else len(refs)
        rest = [r for r in refs if r not in spelled]
        refs = rest[:at] + spelled + rest[at:]
    return refs


def parse_query(text: str, catalog: PlanCatalog) -> Query:
    """Parse a question (see the module docstring for what is read).

    ``text`` any Unicode form, with or without diacritics; ``catalog`` the
    loaded plans. Never raises on odd input: what is not recognised is left
    empty and the question falls back to passage search (``intent ==
    "search"``).
    """
    raw = y_spelled(spelled_task_numbers(nfc(text or ""))).strip()  # "tỉ lệ" → "tỷ lệ", as the plans
    raw = corrected(raw)  # "nv 7 à nhầm, nv 8 ai chủ trì?": row 8 asked
    raw = fixed_field_typos(raw)  # "ai chu tri vs ai phoi hp": "phối hợp" asked
    unguessed = _without_guess(raw, catalog)
    if unguessed is not None:
        # "cuộc thi đó KH nào có, chỉ NAP thôi à?": which plans, every plan searched
        which = parse_query(unguessed, catalog)
        if which.intent == Intent.WHICH_PLANS:
            return which
    key = canon(raw)
    q = Query(text=raw, key=key)
    by_name = _find_plans(q, raw, key, catalog)

    for m in TASK_REF.finditer(key):
        for num in re.findall(NUM, m.group(1)):
            if num not in q.task_refs and not YEAR.fullmatch(num):
                q.task_refs.append(num)
    q.task_refs = _ranges_spelled_out(raw, q.task_refs)

    cue_key = canon(mask_cased_acronyms(raw))  # "tập huấn AI": no "ai" (who) asked
    lead_explicit = bool(LEAD_EXPLICIT.search(cue_key))
    asked = {f for f, pat in FIELD_CUES.items() if pat.search(key)}
    if lead_explicit or (LEAD_GENERIC.search(cue_key) and "coordinating" not in asked):
        asked.add("lead")
    if "content" in asked and asked & {"lead", "coordinating", "deadline", "product"}:
        if not re.search(r"\b(?:noi dung|nhiem vu gi|gom nhung)\b", key):
            asked.discard("content")  # "sản phẩm là gì": "là gì" qualifies the other field
    q.fields = [f for f in FIELDS if f in asked]
    q.metas = [name for name, pat in META_CUES if pat.search(key)]
    if q.metas and "date" not in q.metas and re.search(r"\bngay (?:nao|bao nhieu|thang nao)\b", key):
        q.metas.append("date")  # "QĐ số mấy, ngày nào, ai ký?"
    if UPPER_PLAN_ASKED.search(key) and not q.task_refs:
        # "căn cứ KH CCHC của cấp trên nào", "bám theo KH của đâu": the one upper plan, not every basis
        q.metas = [m for m in q.metas if m != "bases"]
        q.metas.insert(next((i + 1 for i, m in enumerate(q.metas) if m == "signer"), 0), "upper_plan")
    if set(BASIS_METAS) & set(q.metas) and "decision" in q.metas and re.search(r"\bcan cu\b.*\bquyet dinh\b", key) \
            and not re.search(r"\bquyet dinh\b.*\bcan cu\b", key):
        q.metas.remove("decision")  # "căn cứ KH của thành phố là QĐ số mấy?": the basis's number
    if set(BASIS_METAS) & set(q.metas) and "signer" not in q.metas and SIGNER_ANY.search(key):
        q.metas.insert(0, "signer")  # "ai ký QĐ, căn cứ KH của thành phố số mấy?": both
    if q.metas == ["date"] and set(q.fields) & {"lead", "coordinating", "product"}:
        # "Kế hoạch theo dõi … ban hành khi nào, ai chủ trì?": a task's issuing,
        # not the plan's header (which has no lead unit)
        q.metas = []
        q.fields = [f for f in FIELDS if f in set(q.fields) | {"deadline"}]
    q.meta = q.metas[0] if q.metas else None
    figure = FIGURE_ASKED
    q.figure = bool(figure.search(strip_number_asked(key)))  # "nv số mấy" asks a row's number
    q.figure = q.figure or bool(PERCENT_ASKED.search(raw))  # "ít nhất mấy % cơ quan"
    # "TX chỉ tiêu hài lòng về dịch vụ y tế?": a target named by its subject asks its value
    q.figure = q.figure or bool(TARGET_VALUE.search(key) and not TARGET_KIND.search(key))
    if not q.task_refs and q.fields:
        q.task_refs = [n for n in DOTTED.findall(key) if not YEAR.fullmatch(n)]

    # "bên nào nhiều nhiệm vụ thường xuyên hơn": tasks counted, a filter between the words
    compared = COUNT_COMPARED.search(key)
    # a count is asked inside one clause: "đạt bao nhiêu, việc đó ai chủ trì?" counts nothing
    q.count = (bool(COUNT.search(key)) and any(COUNT.search(canon(part)) for part in CLAUSE_BREAK.split(raw))) \
        or bool(compared and compared.group(2))
    # "liệt kê các chỉ số … phấn đấu đạt trong năm 2026": the body's indices, no row list
    q.wants_list = bool(LIST.search(key)) and not (INDICES_LISTED.search(key) and not TASK_NOUN.search(key))
    q.cross_doc = bool(CROSS.search(key)) and (len(q.plans) != 1 or not by_name) \
        and not (q.task_refs and ROW_LISTS_PLANS.search(key))  # "mục 1 gồm những KH gì": the row's content
    # "PT (thân KH) với VK (phụ lục)", "… trong phụ lục của NAP, VK": the part read in each plan
    q.parts = plan_parts(q, {e.doc: e.aliases for e in catalog.entries})
    sec = SECTION_NUMBER.search(key)
    if sec:
        q.section_number, q.subsection_number = sec.group(1), sec.group(2)
    _section_ref(q, key)
    if q.task_refs and q.figure and not figure.search(DOC_NUMBER_ASKED.sub(" ", key)):
        q.figure = False  # "nv 3 căn cứ QĐ số mấy?": the row's document number, not a figure
    if q.task_refs:  # cells of a numbered row beyond the five fields
        if OBJECTIVE_CUE.search(key):
            q.fields.insert(0, "objective")
        unlisted = UNLISTED_FIELD.search(key)
        q.unlisted = UNLISTED_FIELDS[unlisted.group(1)] if unlisted else None
        # "nv 28 cán bộ nào làm, tên gì?" (not "cơ quan chủ trì là ai?": a unit)
        if names_person(key) and not q.meta:
            q.unlisted = PERSON_UNLISTED
    _deadline_filters(q, read_excluded_deadlines(q, key, raw), raw)

    lead_unit = _find_unit(key, catalog)
    unit = lead_unit or _coordinating_unit(key, catalog, q.plans)
    if unit and (q.count or q.wants_list or "lead" in q.fields or not q.task_refs):
        q.unit, q.unit_text = unit.key, unit.text
    sections = _aside_free(_find_sections(key, catalog, q.plans), raw, catalog, q.plans)
    q.named_sections = [(x.key, x.text) for x in sections]
    if (sections or q.section_number) and not q.count and ITEMS_COUNTED.search(key):
        q.count = True  # "phụ lục phần VII chỉ đạo điều hành có mấy mục?": its rows counted
    if sections and not (q.count or q.task_refs) and "content" in q.fields and ANNEX_NAMED.search(key):
        q.wants_list = True  # "phụ lục … mục V Cải cách tài chính công gồm những nội dung gì": its rows
    if _field_of_section(q, key, catalog, sections):
        q.wants_list = True  # "phần cải cách tài chính công do ai chủ trì?": the part's rows, that field
    if sections and (q.count or q.wants_list or q.task_refs):
        q.sections = [x.key for x in sections]
        q.section, q.section_text = sections[0].key, sections[0].text
        texts = list(dict.fromkeys(x.text for x in sections))
        q.section_text = " / ".join(texts) if len(texts) > 1 else texts[0]

    read_selection(q, key, catalog, unit)
    if q.count and q.plan_named and len(q.plans) >= 2 and not (q.has_filter or q.task_refs or q.unit):
        q.per_plan = True  # "số nv phụ lục NAP, TX, VK?": each named plan's count, side by side
    q.count_compare = count_compared(q)
    if q.count_compare:  # "A với B, kế hoạch nào có nhiều nv hơn?": each plan's count, compared
        q.per_plan = q.cross_doc = True
    q.which = asks_which(q)
    q.threshold = threshold(raw) if q.which else None
    if q.unit and lead_unit is None and q.unit_role == "lead":
        q.unit_role = "coordinating"  # a unit named only in coordinating cells ("phối hợp với X")
    leftover = [w for w in _without_checked_unit(q, key, unit).split() if w not in PLANS_ONLY_WORDS and not w.isdigit()
                and not any(w in e.aliases or w in e.key.split() for e in catalog.entries)]
    q.content = content_words(leftover)
    q.intent = next(intent for intent, rule in INTENT_RULES if rule(q, leftover))
    if q.intent in (Intent.SEARCH, Intent.META, Intent.PLANS, Intent.WHICH_PLANS, Intent.LOOKUP,
                    Intent.TARGETS, Intent.UPPER, Intent.BODY_ANNEX):
        q.unit = q.unit_text = q.period = q.period_until = q.deadline_text = q.recurrence = None
        q.regular = q.negate = q.overdue = False
        q.exclude_units, q.exclude_texts, q.empty_fields, q.exclude_refs, q.presence = [], [], [], [], []
        q.exclude_deadlines = []
        q.exclude_topic = None
        q.exclude_sections = []
        q.topics, q.topic_alternatives = [], []
        q.due_within_days = q.due_until = q.due_before = q.due_on = q.topic = q.product_text = q.deadline_form = None
    if q.intent != Intent.WHICH_PLANS:
        q.mention = None
    typed = set(CANON_WORD.findall(fold(raw)))
    expansions = [w for w in key.split() if w not in typed]
    q.search_text = raw + (" " + " ".join(dict.fromkeys(expansions)) if expansions else "")
    if q.checked_unit and q.intent == Intent.LOOKUP:
        written = written_span(q.checked_unit, [raw])
        if written:  # the passages are searched for the row, not for the unit checked
            q.search_text = q.search_text.replace(written, " ")
    else:
        q.checked_unit = q.checked_text = None
    if q.intent == Intent.TASK and len(q.task_refs) == 1 and unit is not None and not (q.count or q.wants_list) \
            and (LEAD_CHECKED.search(key) or ("lead" in q.fields and LEAD_GUESSED.search(key))):
        q.checked_unit, q.checked_text = unit.key, unit.text  # "nv 7 có phải Phòng Y chủ trì không?"
    return q


def _without_checked_unit(q: Query, key: str, unit: UnitEntry | None) -> str:
    """``key`` without the unit a row's lead is checked against ("việc X có
    phải do Trung tâm Y chủ trì không?"): that unit is the answer's test, not
    words of the row's content, so the row is found by its content alone. A
    list or count question keeps its unit (a filter); so does a numbered row.
    Sets ``q.checked_unit`` / ``q.checked_text`` when the unit is taken out."""
    guessed = "lead" in q.fields and LEAD_GUESSED.search(key)
    if unit is None or q.count or q.wants_list or q.task_refs or not (LEAD_CHECKED.search(key) or guessed):
        return key
    pos = _contains(key, unit.key)
    if pos < 0:
        return key
    q.checked_unit, q.checked_text = unit.key, unit.text
    return key[:pos] + " " + key[pos + len(unit.key):]


#: What a row does not state when a person's name is asked of it.
PERSON_UNLISTED = "tên người thực hiện"


def names_person(key: str) -> bool:
    """Does the question (a :func:`ingest.lexicon.canon` key) ask a person's
    name ("cán bộ nào trực tiếp làm, tên gì?", "tên trưởng phòng là gì?", "ai là
    người phụ trách trực tiếp (tên)?"), not a unit ("cơ quan chủ trì là ai?")?"""
    return any(m.group(0) != "la ai" for m in PERSON_CUE.finditer(key))


def question_unit(text: str, catalog: PlanCatalog) -> UnitEntry | None:
    """The lead unit a question names ("… của Phòng Kinh tế …"), whatever its
    intent: the catalog unit whose key occurs in the question, else the best
    match of a mention after a unit head word ("phòng", "trung tâm" …)."""
    return _find_unit(canon(nfc(text or "")), catalog)


def question_period(text: str) -> str | None:
    """The due period a question names, as :attr:`Query.period` holds it
    ("2026-Q3", "*-Q3" when no year is given, "*-03", "2026"), or ``None``."""
    raw = nfc(text or "").strip()
    q = Query(text=raw, key=canon(raw), wants_list=True)
    _deadline_filters(q, q.key, raw)
    return q.period


def resolve_plan(catalog: PlanCatalog, name: str) -> list[str]:
    """Docs a plan name given explicitly (``--plan``) refers to: a file name, a
    place name or alias, optionally with a year. ``[]`` if none."""
    if name in catalog.by_doc:
        return [name]
    return parse_query(name, catalog).plans
