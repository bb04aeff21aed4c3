"""The task selection and aggregation a question asks, beyond task numbers,
lead unit and deadline period (those are read in :mod:`.parse`).

:func:`read_selection` sets, on a :class:`~retrieval.question.model.Query`:

* the unit's role and exclusion – "Phòng X phối hợp những nhiệm vụ nào"
  (``unit_role = "coordinating"``), "tham gia" (``any``), "không do Phòng
  VH-XH chủ trì" / "trừ Văn phòng" (``exclude_units``);
* rows left out by number, content or section – "trừ nhiệm vụ 28", "trừ cái
  kiểm kê tài sản ra", "ngoài việc X thì Phòng Y còn chủ trì nv nào" (cut
  before the unit), "ngoài PCI ra", "ngoài phần VII" (``exclude_refs``,
  ``exclude_topic``, ``exclude_sections``), and rows not about a topic – "các
  nv không liên quan đến ISO" (``exclude_topic``); a part named only as one
  the rows reach beyond – "(cả ngoài mục tài chính công)": no filter at all;
* empty fields – "không ghi cơ quan phối hợp", "chưa có sản phẩm",
  "thời hạn để trống" (``empty_fields``), and whether rows fill a cell, asked
  yes or no – "các nv có ghi thời hạn không?" (``presence``);
* deadline windows relative to today – "đã quá hạn" (``overdue``), "chưa tới
  hạn" (``not_yet_due``), "sắp đến
  hạn", "trong 30 ngày tới" (``due_within_days``), and a date bound
  "trước 30/6/2026", "đến hết ngày 30/9/2025 thì nv nào phải xong", "tính đến
  15/01 nv nào phải hoàn thành", "trước quý III/2026", "trước cuối tháng 9"
  (``due_before``), or that day as another kind of
  deadline beside a quarter ("Quý IV hay trước 10/12": ``due_on``); the day they count from when the
  question gives it ("tính đến ngày 30/9/2025" → ``today``);
* a product the rows must have – "nhiệm vụ nào có sản phẩm là báo cáo"
  (``product_text``), the whole cell – "sp chỉ ghi 'Kế hoạch' trơn", "ghi
  vỏn vẹn …" (``product_exact``; a quoted product ends where the quote does), and the unit a deadline is written in – "thời hạn ghi
  theo quý" (``deadline_form``), or several such asked as alternatives – "hạn
  theo ngày, tháng hoặc riêng quý III" (``deadline_forms``);
* a topic of the rows – "các nhiệm vụ về đào tạo" (``topic``), when no
  annex section matched those words; also with no cue right after the rows'
  noun ("VK các nv đo lường sự hài lòng"), and typed as a slash list ("về tập
  huấn/đào tạo bồi dưỡng": ``topic_alternatives``);
* aggregation – "sớm nhất"/"muộn nhất" deadline, the unit that leads most
  (``aggregate``), counts "mỗi kế hoạch" (``per_plan``);
* the term of "kế hoạch nào nhắc đến X" (``mention``).

Patterns are in :mod:`.cues`; all of them work on :func:`ingest.lexicon.canon`
keys (folded, abbreviations expanded).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ingest.lexicon import canon, cased_acronyms_typed, contains_words, mask_cased_acronyms
from ingest.textnorm import fold
from retrieval.question.catalog import PlanCatalog, UnitEntry, section_words
from retrieval.question.cues import (
    ANY_ROLE,
    AS_OF,
    AS_OF_OVERDUE,
    BEYOND_PART,
    BODY_REFERENCE,
    BRACKETED_ACRONYMS,
    COMPARISON_VERDICT,
    COORDINATING_CELL,
    COORDINATING_ONLY,
    COORDINATING_ROLE,
    COUNT,
    COUNT_COMPARED,
    DATE_RANGE,
    DATED_DEADLINE,
    DAYS_FROM,
    DEADLINE_FORM,
    DEADLINE_FORM_ITEM,
    DEADLINE_FORMS,
    DEADLINE_OR,
    DUE_BEFORE,
    DUE_BEFORE_PERIOD,
    DUE_BY,
    DUE_SOON,
    DUE_UNTIL,
    EARLIEST,
    EMPTY_FIELD,
    EMPTY_FIELD_NAMES,
    EXCLUDED_BARE,
    EXCLUDED_DEADLINE,
    EXCLUDED_END,
    EXCLUDED_ROWS,
    EXCLUSION,
    FIELD_CUES,
    FIELD_PRESENCE,
    FURTHER_ASK,
    LATEST,
    LEAD_EXPLICIT,
    LEAD_GENERIC,
    MENTION,
    MENTION_BEFORE,
    MENTION_EVERY,
    MENTION_FIRST,
    MENTION_ROWS,
    MONTH,
    NEGATED_AFTER,
    NOT_YET_DUE,
    NUMBER_ASKED,
    OVERDUE,
    PER_PLAN,
    PERCENT_ROW,
    PRODUCT_EXACT,
    PRODUCT_IS,
    PRODUCT_ONLY,
    PRODUCT_PLAIN,
    PRODUCT_WORDING,
    QUARTER,
    QUESTION_WORD,
    QUOTED,
    ROW_NUMBER_TAIL,
    SIMILAR,
    SUPERLATIVE,
    TOP_LEAD,
    TOPIC,
    TOPIC_BARE,
    TOPIC_BETWEEN,
    TOPIC_GENERIC,
    TOPIC_TERM_END,
    TOPIC_TERM_LEAD,
    UNRELATED,
    UNTIL_END,
    VALUE_AFTER,
    WITHIN_PREVIOUS,
    asks_overdue,
)
from retrieval.question.model import Query

__all__ = ["FUNCTION_WORDS", "MENTION_WORDS", "TOPIC_STOPWORDS", "TOPIC_STOP_PHRASES", "read_selection",
           "slash_alternatives", "topic_words"]

#: Words that do not make a topic: question words, generic task words,
#: administrative words every row holds.
TOPIC_STOPWORDS = frozenset("""
nhiem vu viec cong cac nhung nao gi la co khong cua trong ke hoach xa phuong thi tran nam
thang quy duoc va voi cho ai don vi co quan phong chu tri phoi hop thuc hien bao nhieu may
liet ke ke nay do hay the sao nhu o tai ve den toi lien quan ra sao the nao
tat ca gom thoi han san pham hoan thanh ket qua han nao nhe a oi giup minh toi
noi de cap nham cu the linh vuc muc phan nhom
""".split())
#: The stopwords that are only grammar ("của", "các", "và", "thì") or name the
#: task itself ("việc", "công việc", "nhiệm vụ"), never a syllable of a term
#: as the other stopwords may be ("tài sản" of "tại", "sản").
FUNCTION_WORDS = frozenset("""
nhung nao gi la co khong cua trong duoc va voi cho ai nay do hay the sao nhu o ve den toi
cac thi nhe a oi minh viec nhiem
""".split())
#: Stopwords of two words whose halves are content words elsewhere: "danh
#: sách" (not the "sách" of "ngân sách"), "thời gian" (not the "giản" of
#: "tinh giản biên chế", folded "gian").
TOPIC_STOP_PHRASES = re.compile(r"\b(?:danh sach|thoi gian)\b")


def topic_words(text: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """The content words of a topic key (``canon`` text), stopwords (also
    :data:`TOPIC_STOP_PHRASES`) and numbers dropped, in order, distinct;
    the stopwords in ``keep`` stay (a target's "hạn" of "đúng hạn")."""
    stop = TOPIC_STOPWORDS - keep
    return list(dict.fromkeys(w for w in TOPIC_STOP_PHRASES.sub(" ", text).split() if w not in stop
                              and not w.isdigit() and len(w) > 1))


#: Fewest syllables of such a term: one stopword syllable alone is no topic.
_TERM_MIN = 2


def stopword_term(span: str) -> list[str]:
    """A topic term whose syllables are each a stopword of
    :data:`TOPIC_STOPWORDS` but which together name a subject ("tài sản
    công": "tại", "sản", "công"), from ``span`` (the ``canon`` words after a
    topic cue): the leading words up to a question word, when they are at
    least two and no field is asked by them ("về thời hạn", "về sản phẩm"
    ask a field). ``[]`` otherwise."""
    words: list[str] = []
    for w in TOPIC_STOP_PHRASES.sub(" | ", span).split():
        if w in TOPIC_TERM_END or w == "|" or w.isdigit():
            break
        words.append(w)
    while words and words[0] in TOPIC_TERM_LEAD:
        words.pop(0)
    term = " ".join(words)
    asks = (*FIELD_CUES.values(), LEAD_EXPLICIT, LEAD_GENERIC, COORDINATING_ROLE)
    if len(words) < _TERM_MIN or any(cue.search(term) for cue in asks):
        return []
    return words


def _unit_span(key: str, unit: UnitEntry) -> tuple[int, int] | None:
    pos = contains_words(key, unit.key)
    if pos >= 0:
        return pos, pos + len(unit.key)
    head = re.search(r"\b(?:phong|van phong|trung tam|ban|bo phan|cong an|doan|hoi|mat tran|tu phap)\b",
                     key)
    return (head.start(), head.end()) if head else None


#: Words read after the unit for its role ("… được giao phối hợp"), and for
#: either role, which a question often adds at its end ("… có tên trong nv nào
#: (chủ trì hay phối hợp đều được)").
_ROLE_WINDOW = 6
_ANY_ROLE_WINDOW = 12


def _read_unit_role(q: Query, key: str, unit: UnitEntry | None, catalog: PlanCatalog) -> None:
    """The unit's role and exclusion: ``unit_role`` ``coordinating`` ("Trung
    tâm X của Việt Khê được giao phối hợp ở nhiệm vụ nào", "… mà X chỉ là
    đơn vị phối hợp": :data:`COORDINATING_ONLY`) or ``any`` ("Phòng
    X có tên trong nv nào, chủ trì hay phối hợp đều được"), read in the words
    after the unit with the plans' names taken out; ``exclude_units`` when the
    unit is negated ("không do Phòng X chủ trì")."""
    if unit is None or not q.unit:
        return
    span = _unit_span(key, unit)
    if span is None:
        return
    before = key[max(0, span[0] - 30): span[0]].rstrip()
    rest = catalog.without_names(key[span[1]:]).split()
    after = " ".join(rest[:_ROLE_WINDOW])
    if ANY_ROLE.search(" ".join(rest[:_ANY_ROLE_WINDOW])):
        after = " ".join(rest[:_ANY_ROLE_WINDOW])
    negation = EXCLUSION.search(before + " ") or EXCLUSION.search(before)
    if negation or NEGATED_AFTER.match(key[span[1]:]):
        q.exclude_units, q.exclude_texts = [q.unit], [q.unit_text or unit.text]
        if negation and COORDINATING_CELL.search(before[:negation.start()]):
            q.exclude_role = "coordinating"  # "cơ quan phối hợp không phải X": that cell, not the lead
        q.unit = q.unit_text = None
        return
    if COORDINATING_ONLY.search(" ".join(rest[:_ANY_ROLE_WINDOW])):
        q.unit_role = "coordinating"  # "… mà X chỉ là đơn vị phối hợp": never its lead
    elif ANY_ROLE.search(after) or ANY_ROLE.search(before[-20:]):
        q.unit_role = "any"
    elif COORDINATING_ROLE.search(after) and not re.search(r"\bchu tri\b", after):
        q.unit_role = "coordinating"


#: Words of an excluded rows' description that do not describe them.
#: (Not "do": "đo lường" folds to it; "do Phòng X chủ trì" ends the description, :data:`EXCLUDED_END`.)
_EXCLUDED_GLUE = frozenset("cac nhung cai nhiem vu viec ve lien quan den toi cua la va nay".split())


def _read_excluded_rows(q: Query, key: str, catalog: PlanCatalog) -> str:
    """``exclude_refs`` / ``exclude_topic`` from "trừ nhiệm vụ 28", "trừ cái
    kiểm kê tài sản ra", "ngoài nhiệm vụ đăng ký kế hoạch đào tạo", and
    ``exclude_sections`` from "ngoài phần VII" (the numeral the parser read as
    the section asked); an
    exclusion naming a unit or a deadline is read elsewhere (``exclude_units``,
    ``negate``). Returns ``key`` without the excluded rows' words (they are
    no topic or product of the rows asked)."""
    m = EXCLUDED_ROWS.search(key) or EXCLUDED_BARE.search(key)
    if not m:
        return key
    text = _before_unit(q, key, m.start(1), EXCLUDED_END.sub("", m.group(1))).strip()
    rest = key[:m.start()] + " " + key[m.start(1) + len(text):]
    if q.count and not COUNT.search(rest):  # "ngoài mấy việc về …" counts nothing
        q.count, q.wants_list = False, True
    numbers = re.match(r"^((?:\d{1,3}(?:\.\d{1,2})*(?: (?:va|hoac|voi))? ?)+)\b", text)
    if numbers:
        q.exclude_refs = re.findall(r"\d{1,3}(?:\.\d{1,2})*", numbers.group(1))
        q.task_refs = [n for n in q.task_refs if n not in q.exclude_refs]
        return rest
    numeral = re.match(r"^([ivx]{1,4})\b", text)
    if numeral and q.section_number == numeral.group(1):
        # "ngoài phần VII thì Phòng X chủ trì nv nào": that section is left out, not asked
        q.exclude_sections, q.section_number, q.subsection_number = [numeral.group(1)], None, None
        return rest
    if not text or EXCLUDED_DEADLINE.search(text):
        return key
    if any(contains_words(text, u) >= 0 for u in q.exclude_units):
        return key  # "ngoài các việc Phòng X chủ trì": the unit excluded, no content words
    names = catalog.name_words
    # the words as said ("kiểm kê tài sản"): topic_words would drop "kê", "tài", "sản"
    words = [w for w in text.split() if w not in names and w not in _EXCLUDED_GLUE and not w.isdigit()]
    if not words:
        return key
    q.exclude_topic = " ".join(dict.fromkeys(words))
    if q.unit and not q.count:
        q.wants_list = True  # "ngoài PCI ra thì Phòng X còn chủ trì gì nữa?": the unit's other rows
    if q.section and section_words(q.section) <= set(text.split()):
        # "ngoài mấy việc về tài chính công": the section named is the one left out
        q.section = q.section_text = None
        q.sections = []
    return rest


#: Clause words left at the end of an excluded rows' description cut before a unit ("… thì").
_CLAUSE_TAIL = re.compile(r"(?:\s(?:thi|ma|con|va|nhung))+\s*$")


def _before_unit(q: Query, key: str, start: int, text: str) -> str:
    """An excluded rows' description (``text``, the ``canon`` words after
    "ngoài việc …", found at ``start`` of ``key``) cut where the unit the
    question asks about begins: "ngoài việc tổng kiểm kê tài sản công thì
    Phòng Kinh tế còn chủ trì nv nào" leaves out "tổng kiểm kê tài sản công"
    (the unit is the filter, not words of the rows left out); the clause word
    before the unit ("thì", "mà") goes too. The unit is looked for in the whole
    ``key``, so one the description's word limit cut in two is found. ``text``
    itself when no unit begins in it, or it opens the description (the unit's
    own rows left out: "ngoài các việc Phòng X chủ trì")."""
    units = [u for u in (q.unit, canon(q.unit_text or "")) if u]
    cuts = [pos - start for u in units if start < (pos := contains_words(key, u)) <= start + len(text)]
    if not cuts:
        return text
    return _CLAUSE_TAIL.sub("", " " + text[:min(cuts)].rstrip()).strip()


def _read_presence(q: Query, key: str) -> None:
    """``presence`` from a yes/no on whether rows fill a cell, of a list of
    rows, not a numbered one (:data:`FIELD_PRESENCE`: "mục VII các nv có ghi
    thời hạn không?", "nv nào có ghi sản phẩm, nv nào không")."""
    if q.task_refs or q.empty_fields or not (q.wants_list or q.count or q.section or q.section_number or q.unit):
        return  # "thế có ghi sản phẩm không?" after a row: that row's cell, a follow-up
    m = FIELD_PRESENCE.search(key)
    name = EMPTY_FIELD_NAMES.get(next((g for g in m.groups() if g), "")) if m else None
    if name:
        q.presence = [name]
        q.wants_list, q.count = True, False


def _read_empty_fields(q: Query, key: str) -> None:
    for m in EMPTY_FIELD.finditer(key):
        if VALUE_AFTER.match(key[m.end():]):
            continue  # "không có thời gian Cả năm 2026": a value is negated, not an empty cell
        name = EMPTY_FIELD_NAMES.get(next((g for g in m.groups() if g), ""))
        if name and name not in q.empty_fields:
            q.empty_fields.append(name)


def _read_range(q: Query, key: str) -> str:
    """A window between two days (:data:`DATE_RANGE`: "từ 01/09/2026 đến hết
    30/11/2026"): due from the first day (``today``, given) through the
    second (``due_within_days``); ``key`` returned without the window, or
    whole when there is none (or a day is not a date, or the second is not
    after the first)."""
    m = DATE_RANGE.search(key)
    if not m:
        return key
    try:
        start = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        end = date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
    except ValueError:
        return key
    if end <= start:
        return key
    q.today, q.today_given = start.isoformat(), True
    q.due_within_days = (end - start).days
    return key[:m.start()] + " " + key[m.end():]


def _read_windows(q: Query, key: str) -> None:
    ranged = _read_range(q, key)
    if ranged != key:
        _read_until(q, ranged)
        return
    as_of = AS_OF.search(key) or (AS_OF_OVERDUE.search(key) if asks_overdue(key) else None)
    day = None
    if as_of:
        try:
            day = date(int(as_of.group(3)), int(as_of.group(2)), int(as_of.group(1)))
        except ValueError:
            day = None
        if day is not None:
            # "tính đến ngày 30/9": the whole of that day has passed, so a task due
            # that day is due; "kể từ ngày 01/01" counts from that day itself
            q.today = (day + timedelta(days=1) if UNTIL_END.match(as_of.group(0)) else day).isoformat()
            q.today_given = True
        key = key[:as_of.start()] + " " + key[as_of.end():]
        days = DAYS_FROM.search(key)
        if days:  # "trong 30 ngày kể từ 01/01/2026"
            q.due_within_days = int(days.group(1))
    if NOT_YET_DUE.search(key):  # "chưa quá hạn" holds the words of "quá hạn"
        q.not_yet_due = True
    elif asks_overdue(key):
        q.overdue = True
    _read_until(q, key)
    soon = DUE_SOON.search(key)
    if soon:
        span = soon.group(1) or soon.group(2)
        q.due_within_days = int(span) if span else {"tuan": 7, "thang": 31}.get(soon.group(3) or "", 30)
    before = None if q.due_until else DUE_BEFORE.search(key)  # "từ nay đến hết 31/10/2026": that window's end
    if before and (q.count or q.wants_list):
        d, m, y = int(before.group(1)), int(before.group(2)), before.group(3)
        try:
            q.due_before = date(int(y) if y else 1, m, d).isoformat()
        except ValueError:
            return
        if not y:
            q.due_before = "*" + q.due_before[4:]  # the plan's year: "*-06-30"
        if q.period and _other_kind(key, before):
            # "hạn Quý IV hay trước 10/12": two kinds of deadline, the day one of them
            q.due_on, q.due_before = q.due_before, None
            return
        q.period = q.period_until = None  # "trước 30/6" is a bound, not the month asked
    elif _read_period_bound(q, key):
        pass
    elif as_of and day is not None and not re.match(r"(?:ke tu|bat dau tu|tu)\b", as_of.group(0)):
        _read_due_by(q, key, day)  # "tính đến 30/9 …", not "kể từ 01/01 …"


def _read_period_bound(q: Query, key: str) -> bool:
    """A bound by a quarter or month (:data:`DUE_BEFORE_PERIOD`), in a list or
    count question: "trước quý III/2026" → ``due_before`` 2026-06-30 (the day
    before it starts), "trước tháng 4/2026" → 2026-03-31, "trước cuối quý
    II/2026" / "chậm nhất hết tháng 5" → its last day; without a year, in the
    plan's year ("*-06-30"). The period is then a bound, not the period asked.
    With an overdue or not-yet-due window ("tính đến hết quý III/2025 nv nào
    quá hạn") the day after its end is the day they count from (``today``).
    True when read; not "trước quý I" with no year (no day before it in the plan's year)."""
    m = DUE_BEFORE_PERIOD.search(key)
    if not m or not (q.count or q.wants_list) or q.due_until or q.today_given:
        return False
    year = int(m.group(5)) if m.group(5) else 2000  # a leap year: "*-02-29" stays a day
    if m.group(3):
        first = 3 * ({"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group(3)) or int(m.group(3))) - 2
        last = first + 2
    else:
        first = last = int(m.group(4))
    if not 1 <= first <= last <= 12:
        return False
    by_end = bool(m.group(2)) or not m.group(1).startswith("truoc")
    if by_end:
        bound = date(year, last, calendar.monthrange(year, last)[1])
    elif first == 1 and not m.group(5):
        return False
    else:
        bound = date(year, first, 1) - timedelta(days=1)
    q.period = q.period_until = None
    if q.overdue or q.not_yet_due or m.group(1).startswith("tinh"):
        if m.group(5):  # "tính đến hết quý III/2025 nv nào quá hạn": as of the day after its end
            q.today, q.today_given = (bound + timedelta(days=1)).isoformat(), True
        return True
    q.due_before = bound.isoformat() if m.group(5) else "*" + bound.isoformat()[4:]
    q.negate = False
    return True


def _read_due_by(q: Query, key: str, day: date) -> None:
    """The rows due by the day the question gives ("tính đến 30/9/2025 thì nv
    nào phải hoàn thành", "tính tới 15/01/2026 những việc nào cần xong":
    :data:`DUE_BY`), when no other window is asked: ``due_before`` that day
    (the day itself included), in a list or count question."""
    windows = (q.overdue, q.not_yet_due, q.due_within_days is not None, q.due_until, q.due_before, q.due_on)
    if any(windows) or not (q.count or q.wants_list) or not DUE_BY.search(key):
        return
    q.due_before = day.isoformat()
    q.period = q.period_until = None


def _read_until(q: Query, key: str) -> None:
    """"từ nay tới hết tháng 10", "từ nay đến cuối năm", "từ nay đến hết
    31/10/2026" (:data:`DUE_UNTIL`; a day given is the end itself):
    due from the answer's today to the last day of that month (of the year
    written, else of the day the question gives, else of the clock's year)
    or of the year, as ``due_until``; the month is then a bound, not the
    period asked. Today itself is left to the answer, so a configured day
    and the clock cannot disagree."""
    m = DUE_UNTIL.search(key)
    if not m:
        return
    if m.group(3):  # "từ nay đến hết 31/10/2026": that very day
        try:
            q.due_until = date(int(m.group(5)), int(m.group(4)), int(m.group(3))).isoformat()
        except ValueError:
            return
        q.period = q.period_until = None
        return
    today = date.fromisoformat(q.today) if q.today else date.today()
    year = int(m.group(2)) if m.group(2) else today.year
    month = int(m.group(1)) if m.group(1) else 12
    if not 1 <= month <= 12:
        return
    end = date(year, month, calendar.monthrange(year, month)[1])
    q.due_until = end.isoformat()
    q.period = q.period_until = None


def _other_kind(key: str, bound: re.Match) -> bool:
    """Is the date bound ``bound`` ("trước 10/12") asked beside a quarter or
    month as another kind of deadline ("Quý IV hay trước 10/12", "trước
    10/12 hoặc tháng 11"): only a joining word (:data:`DEADLINE_OR`) and a
    few words between them?"""
    for m in (*QUARTER.finditer(key), *MONTH.finditer(key)):
        between = key[m.end():bound.start()] if m.end() <= bound.start() else key[bound.end():m.start()]
        if m.start() < bound.end() and bound.start() < m.end():
            continue  # the same words
        if DEADLINE_OR.match(between):
            return True
    return False


def _read_product(q: Query, key: str, catalog: PlanCatalog) -> None:
    """``product_text`` from "sản phẩm là X" in a list or count question; a
    unit found inside X ("Quyết định của UBND xã") is part of the product,
    not a lead filter. ``deadline_form`` from "thời hạn ghi theo quý"."""
    if _read_forms(q, key):
        pass
    elif (form := DEADLINE_FORM.search(key)) and (q.count or q.wants_list) and not q.period:
        q.deadline_form = form.group(1)
    m = PRODUCT_IS.search(key)
    if not m or not (q.count or q.wants_list):
        return
    names = catalog.name_words
    text = re.split(r"\b(?:khong|va (?:do|ai|thoi|han|co quan)|do (?:ai|phong|co quan|don vi)|"
                    r"thoi han|thoi gian|han|la (?:nhung|cac)|(?:ma )?thoi|tron)\b", m.group(1))[0]
    plain = bool(PRODUCT_PLAIN.match(m.group(1)[len(text):]))
    words = [w for w in text.split() if w not in names
             and w not in {"nao", "gi", "khong", "nhe", "a", "thoi", "vay", "nhi", "day"}]
    only = PRODUCT_ONLY.match(" ".join(words))
    if only:  # "ghi vỏn vẹn 'Kế hoạch'": the whole cell
        words = " ".join(words)[only.end():].split()
    wording = PRODUCT_WORDING.match(" ".join(words))
    if wording:
        words = " ".join(words)[wording.end():].split()
    quoted = _quoted_product(q.text, m.group(1))
    if quoted:
        words = quoted.split()
    if words:
        q.product_text = " ".join(words)
        _read_product_restated(q, catalog)
        q.product_exact = (bool(wording) or plain or bool(only)
                           or bool(PRODUCT_EXACT.search(key[m.start():m.start(1)])))
        if q.unit and q.unit in q.product_text:
            q.unit = q.unit_text = None


def _quoted_product(raw: str, span: str) -> str | None:
    """The product as the question ``raw`` quotes it, when the quote opens
    the words after the product cue (``span``, a ``canon`` key): "sản phẩm
    chỉ ghi 'Kế hoạch' là những nv nào" → "ke hoach" (the quote ends the
    product; the words after it ask the rows). ``None`` when no quote opens
    ``span``."""
    for m in QUOTED.finditer(raw or ""):
        said = canon(m.group(1)).strip()
        if said and contains_words(span, said) == 0:
            return said
    return None


def _read_product_restated(q: Query, catalog: PlanCatalog) -> None:
    """A product said twice, the second in brackets ("sản phẩm là Dien so/Chi
    so (Điểm số Chỉ số)"): the bracketed words are ``product_alternatives``
    and ``product_text`` keeps the words before the bracket; a cell holding
    either is the product asked."""
    for aside in re.findall(r"\(([^()]*)\)?", q.text or ""):
        inside = canon(aside).strip()
        if not inside or not q.product_text or len(inside.split()) < 2:
            continue
        pos = q.product_text.find(inside)
        if pos <= 0:
            continue
        words = [w for w in inside.split() if w not in catalog.name_words and w not in {"nao", "gi", "khong"}]
        if words:
            q.product_alternatives = [" ".join(words)]
            q.product_text = q.product_text[:pos].strip()
        return


def _read_row_kinds(q: Query, key: str) -> None:
    """``dated_only`` from "(cái nào) có hạn cụ thể" (:data:`DATED_DEADLINE`) and
    ``percent_only`` from "có chỉ tiêu %" (:data:`PERCENT_ROW`, on the question as
    typed, folded: the key drops "%"), in a list or count question or a
    selection over the previous answer ("trong đó cái nào …")."""
    if not (q.count or q.wants_list or WITHIN_PREVIOUS.search(key)):
        return
    q.dated_only = bool(DATED_DEADLINE.search(key))
    q.percent_only = bool(PERCENT_ROW.search(fold(q.text or "").lower()))


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _read_forms(q: Query, key: str) -> bool:
    """``deadline_forms`` from several forms asked as alternatives (:data:`DEADLINE_FORMS`:
    "hạn theo ngày, tháng hoặc riêng quý III" → ["ngay", "thang", "quy-3"]);
    a quarter so listed is one form, not the period asked. True when read."""
    m = DEADLINE_FORMS.search(key)
    if not m or not (q.count or q.wants_list):
        return False
    forms = []
    for item in DEADLINE_FORM_ITEM.finditer(m.group(1)):
        number = item.group(2)
        quarter = _QUARTERS.get(number or "") or (int(number) if number and number.isdigit() else None)
        forms.append(f"quy-{quarter}" if quarter else item.group(1))
    if len(set(forms)) < 2:
        return False
    q.deadline_forms = list(dict.fromkeys(forms))
    if q.period and any(f.startswith("quy-") for f in forms):
        q.period = q.period_until = None
        q.negate = False
    return True


def _read_unrelated(q: Query, key: str, catalog: PlanCatalog) -> str:
    """``exclude_topic`` from a topic the rows must not be about
    (:data:`UNRELATED`: "mục VII các nv không liên quan đến ISO", "nv nào ko
    dính đến chuyển đổi số"), in a list or count question, in a section or
    not; the words read as a topic's (:func:`topic_words`, else a term of
    stopword syllables: "tài sản công"). Returns ``key`` without the clause,
    so it is not read again as the topic asked; ``key`` itself when there is
    none, an exclusion was read already, or no content word follows."""
    m = UNRELATED.search(key)
    if not m or q.exclude_topic or not (q.count or q.wants_list):
        return key
    span = catalog.without_names(_before_aside(m.group(1), q.text))
    said: list[str] = []
    for w in TOPIC_GENERIC.sub(" ", span).split():  # the words as said: "tự chủ", "tài sản công"
        if w in TOPIC_TERM_END or w.isdigit():
            break
        if said or w not in TOPIC_TERM_LEAD:
            said.append(w)
    if not topic_words(" ".join(said)) and len(said) < _TERM_MIN:
        return key
    q.exclude_topic = " ".join(said)
    return key[:m.start()] + " " + key[m.end():]


def _read_topic(q: Query, key: str, catalog: PlanCatalog) -> None:
    if q.product_text:
        return
    if q.sections or q.section or not (q.count or q.wants_list):
        return
    # "NAP có mấy nv liên quan ISO, số mấy?": the rows' numbers asked, not the topic's words
    m = TOPIC.search(NUMBER_ASKED.sub(" ", ROW_NUMBER_TAIL.sub(" ", key)))
    if not m and not q.has_filter:  # "các nv đo lường sự hài lòng là những nv nào"
        m = TOPIC_BETWEEN.search(key)
        if not m:
            _read_bare_topic(q, key, catalog)
            return
    if not m:
        return
    span = catalog.without_names(_before_aside(m.group(1), q.text))
    words = topic_words(span, keep=cased_acronyms_typed(q.text))  # "về AI": the acronym, not "ai" (who)
    specific = topic_words(TOPIC_GENERIC.sub(" ", " ".join(words)))
    words = specific or words  # "về CCHC" alone stays a topic
    if not words and not _in_unit(q, key, m.start()):  # "có liên quan" of "Các bộ phận có liên quan"
        words = stopword_term(span)
    if words:
        q.topic = " ".join(words)
        q.topics = _listed_kinds(q.text, catalog)
        q.topic_alternatives = slash_alternatives(q.topic, q.text)


#: Words after the rows' noun that ask something else than a topic: an
#: ordering ("xong sớm hơn"), the like of earlier rows ("giống vậy"), the
#: earlier rows ("trong số đó"), a verdict, a deadline window ("đã trễ hạn").
#: (Not the row pointers "mục đó", "việc này": "mức độ" folds like "mục đó".)
_NOT_A_TOPIC = (EARLIEST, LATEST, SUPERLATIVE, SIMILAR, COMPARISON_VERDICT, WITHIN_PREVIOUS,
                OVERDUE, NOT_YET_DUE, DUE_SOON)

#: Fewest content words of a topic written with no cue ("VK các nv đo lường sự hài lòng").
_BARE_MIN = 2


def _read_bare_topic(q: Query, key: str, catalog: PlanCatalog) -> None:
    """``topic`` from words right after the rows' noun, with no "về" and no
    other filter (:data:`TOPIC_BARE`: "VK các nv đo lường sự hài lòng", "TX
    những việc tuyên truyền CCHC nhé"): at least :data:`_BARE_MIN` content
    words, none of them asking a field or a role, and more than "cải cách
    hành chính" (every row's subject). Not when the question points at the
    body (:data:`BODY_REFERENCE`)."""
    bare = None if BODY_REFERENCE.search(key) else TOPIC_BARE.search(key)
    if bare is None:
        return
    span = catalog.without_names(bare.group(1))
    if q.aggregate:
        return  # "việc nào xong sớm hơn": an ordering, no topic
    asks = (*FIELD_CUES.values(), LEAD_EXPLICIT, LEAD_GENERIC, COORDINATING_ROLE, *_NOT_A_TOPIC)
    said = TOPIC_GENERIC.sub(" ", span).split()
    if len(topic_words(" ".join(said))) < _BARE_MIN or any(cue.search(span) for cue in asks):
        return
    # the words as said ("đo lường", "thi hành"), stopwords only trimmed at the ends
    while said and said[-1] in TOPIC_STOPWORDS:
        said.pop()
    q.topic = " ".join(said)
    q.topics = _listed_kinds(q.text, catalog)
    q.topic_alternatives = slash_alternatives(q.topic, q.text)


#: A slash between two words as typed ("tập huấn/đào tạo"), not between figures ("15/12").
_SLASH = re.compile(r"([^\W\d_]+)\s*/\s*([^\W\d_]+)")


def slash_alternatives(topic: str, raw: str) -> list[str]:
    """The parts of ``topic`` (its ``canon`` words) that the question ``raw``
    types as alternatives with a slash: "về tập huấn/đào tạo bồi dưỡng cán bộ"
    → ["tap huan", "dao tao boi duong can bo"] (the words up to the slash, the
    words after it; a row about either is about the topic). ``[]`` when no
    slash stands between two adjacent words of the topic, or a part holds no
    content word."""
    words = topic.split()
    cuts = []
    for m in _SLASH.finditer(fold(raw or "")):
        left, right = canon(m.group(1)), canon(m.group(2))
        cuts += [i + 1 for i in range(len(words) - 1) if words[i] == left and words[i + 1] == right]
    if not cuts:
        return []
    bounds = [0, *sorted(set(cuts)), len(words)]
    parts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
    return parts if all(topic_words(p) for p in parts) else []


#: Most words of one kind in a topic listing kinds ("theo dõi, kiểm tra, khảo
#: sát tình hình …"): a longer part is a clause, not a kind.
_KIND_WORDS = 3


def _listed_kinds(raw: str, catalog: PlanCatalog) -> list[str]:
    """The topic of ``raw`` (the question as typed) read as kinds sharing one
    head, each kind with the head (``canon`` topic words): "các nv về theo dõi,
    kiểm tra, khảo sát tình hình thi hành pháp luật" → ["theo doi tinh hinh thi
    hanh phap luat", "kiem tra tinh hinh …", "khao sat tinh hinh …"]; a row
    about any of them is about the topic. ``[]`` when the topic lists no kinds
    (no comma, a part longer than :data:`_KIND_WORDS` words before the last,
    or no head after the last kind); plan names are left out."""
    folded = fold(raw)
    m = TOPIC.search(folded)
    if not m:
        return []
    span = re.split(r"[?(;:!]", folded[m.start(1):])[0]
    parts = [p.split() for p in re.split(r",|\b(?:va|hoac|hay)\b", span) if p.strip()]
    if len(parts) < 2 or any(len(p) > _KIND_WORDS for p in parts[:-1]):
        return []
    size = len(parts[0])
    head, last = parts[-1][size:], parts[-1][:size]
    if not topic_words(canon(" ".join(head))) or not all(topic_words(canon(" ".join(p))) for p in parts[:-1]):
        return []  # "liên quan ISO, số mấy?": no head shared, the numbers asked
    kinds = [topic_words(catalog.without_names(canon(" ".join([*p, *head])))) for p in [*parts[:-1], last]]
    return [" ".join(k) for k in kinds if k] if all(kinds) else []


def _in_unit(q: Query, key: str, at: int) -> bool:
    """Does position ``at`` of ``key`` fall inside the unit the question names?"""
    if not q.unit_text:
        return False
    pos = contains_words(key, canon(q.unit_text))
    return 0 <= pos <= at < pos + len(canon(q.unit_text))


def _before_aside(topic: str, raw: str) -> str:
    """``topic`` (``canon`` words after "về") cut where a bracketed aside of
    the question ``raw`` begins: "các nv về thi hành pháp luật (theo dõi,
    kiểm tra, điều tra khảo sát)" asks about "thi hành pháp luật"; the aside
    lists its kinds, which no one row holds all of."""
    for aside in re.findall(r"\(([^()]*)\)", raw or ""):
        words = " ".join(canon(aside).split()[:3])  # the topic's 8 words may cut the aside
        pos = contains_words(topic, words) if words else -1
        if pos > 0:
            return topic[:pos]
    return topic


def _read_aggregate(q: Query, key: str) -> None:
    if TOP_LEAD.search(key):
        q.aggregate = "top_lead"
    elif EARLIEST.search(key):
        q.aggregate = "earliest"
    elif LATEST.search(key):
        q.aggregate = "latest"
    if PER_PLAN.search(key) and (q.count or q.aggregate):
        q.per_plan = q.cross_doc = True


#: Most content words of a term read as "a term to find" (a longer one is a
#: description, better served by passage search).
MENTION_WORDS = 6


def _read_mention(q: Query, key: str) -> None:
    every = MENTION_EVERY.search(key)
    if every and QUESTION_WORD.search(every.group(1)):
        every = None  # "cả 5 KH đều có bao nhiêu nhiệm vụ": a count, no term
    # "Nhiệm vụ ứng dụng AI: xã nào có, ai chủ trì?": the term first, more asked after it
    first = MENTION_FIRST.search(key) or MENTION_FIRST.search(_without_further_ask(key, q.text))
    m = first or MENTION.search(key) or MENTION_BEFORE.search(key) or every or MENTION_ROWS.search(key)
    if m:
        term = _without_further_ask(m.group(1), q.text)
        term = re.sub(r"\b(?:khong|chua|nao|vay|a|nhi|the)\s*$", "", term).strip()
        # "cuộc thi phát thanh viên đó KH nào có?": the thing pointed at, not "đó"
        term = re.sub(r"\s(?:do|nay|kia|tren|vua neu)$", "", term).strip()
        term = re.sub(r"^(?:(?:cum tu|tu|noi dung|viec|van de|nhiem vu|muc tieu|chi tieu|cac|nhung)"
                      r"(?: nao)?\s+)+(?:(?:ve|lien quan den|lien quan toi|de cap den)\s+)?", "", term).strip()
        term = _without_place(term)
        # "kế hoạch nào có số QĐ và kế hoạch nào bỏ trống?": the term ends where a second selector starts
        term = _SECOND_SELECTOR.split(term)[0].strip()
        if COUNT_COMPARED.search(term):
            return  # "kế hoạch nào có nhiều nv hơn": the tasks counted, no term
        named, term = _without_bracketed_acronyms(term, q.text)
        if term and (named or len(topic_words(term)) <= MENTION_WORDS) and not q.unit:
            q.mention = term
            q.mention_every = m is every


#: A second plan selector after the term ("… và kế hoạch nào …", "… còn xã nào …").
_SECOND_SELECTOR = re.compile(r"\s(?:(?:va|con|hay|hoac) )?(?:ke hoach|xa|phuong|ben) nao\b")


def _without_further_ask(term: str, text: str) -> str:
    """A mention term (a ``canon`` key) without the clauses after it, as typed
    between commas or semicolons in ``text``, that ask more of the plans found
    (:data:`FURTHER_ASK`): "KH nào có nv ứng dụng AI, nêu giúp mình số nv
    với" → "ung dung ai"; a term typed in parts ("tập huấn, ứng dụng AI")
    keeps them (an acronym typed in capitals is no question word)."""
    pieces = [p for p in re.split(r"[,;]", text) if p.strip()]
    for piece in reversed(pieces[1:]):
        tail = canon(piece)
        if not (FURTHER_ASK.search(canon(mask_cased_acronyms(piece))) and term.endswith(tail)):
            break
        term = term[:-len(tail)].strip()
    return term


def _without_bracketed_acronyms(term: str, text: str) -> tuple[bool, str]:
    """(True, the term without them) when ``text`` types short names in
    brackets after the term (:data:`BRACKETED_ACRONYMS`: "Chỉ số năng lực
    cạnh tranh cấp xã (DCI/DDCI)"): the term is then a named thing however
    long, found by its full name (the plans write their own short name);
    else (False, ``term``)."""
    m = BRACKETED_ACRONYMS.search(text)
    if m is None:
        return False, term
    short = {canon(a) for a in re.split(r"\s*[/,;]\s*", m.group(1))}
    words = term.split()
    while words and words[-1] in short:
        words.pop()
    kept = " ".join(words)
    return (kept != term and bool(kept)), (kept or term)


def _without_place(term: str) -> str:
    """A mention term without the place it is asked in: "riêng trong phụ lục
    về triển khai ISO 18091" → "triển khai ISO 18091", "đo lường hài lòng
    dịch vụ y tế trong phụ lục" → "đo lường hài lòng dịch vụ y tế" (the
    passages searched are every part of the plan anyway)."""
    term = re.sub(r"^(?:rieng )?(?:(?:trong|o|tai) (?:phu luc|bang|danh muc)(?: nhiem vu)? )?(?:ve )?", "",
                  term) if re.match(r"^(?:rieng|trong|o|tai) ", term) else term
    if re.fullmatch(r"(?:rieng )?(?:trong|o|tai) (?:phu luc|bang|danh muc)(?: nhiem vu)?", term):
        return ""  # the place alone ("… có nhiệm vụ trong phụ lục"): no term
    return re.sub(r" (?:trong|o|tai) (?:phu luc|bang|danh muc)(?: nhiem vu)?$", "", term).strip()


def _read_beyond_part(q: Query, key: str) -> str:
    """A part named only as one the rows reach beyond (:data:`BEYOND_PART`:
    "Phòng Kinh tế chủ trì những nv nào (cả ngoài mục tài chính công)", "kể
    cả bên ngoài phần VI"): the part is no filter (its section, read by the
    parser from those words, is dropped) and no exclusion; returns ``key``
    without the clause, ``key`` itself when there is none."""
    m = BEYOND_PART.search(key)
    if not m:
        return key
    words = set(m.group(1).split())
    if q.section and section_words(q.section) & words:
        q.section = q.section_text = None
        q.sections = []
    if q.section_number and q.section_number in words:
        q.section_number = q.subsection_number = None
    return key[:m.start()] + " " + key[m.end():]


def read_selection(q: Query, key: str, catalog: PlanCatalog, unit: UnitEntry | None) -> None:
    """Set the selection and aggregation fields of ``q`` from its ``canon``
    key (see the module docstring). ``unit`` is the unit the parser found
    (its role and exclusion are read here). Never raises."""
    key = _read_beyond_part(q, key)
    _read_unit_role(q, key, unit, catalog)
    kept = _read_excluded_rows(q, key, catalog)
    _read_empty_fields(q, key)
    _read_presence(q, key)
    _read_windows(q, key)
    _read_aggregate(q, key)
    _read_product(q, kept, catalog)
    _read_row_kinds(q, key)
    kept = _read_unrelated(q, kept, catalog)
    _read_topic(q, kept, catalog)
    _read_mention(q, key)
