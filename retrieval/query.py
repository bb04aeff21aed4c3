"""Query understanding: a staff question → a structured :class:`Query`.

``parse_query(text, catalog)`` reads, from a Vietnamese question typed with
or without diacritics and with the genre's abbreviations:

* **task references** – "nhiệm vụ 22", "nv 22", "NV22", "task 22", "nhiệm vụ
  số 22", "mục 2.3", "dòng 2.3", "STT 5", lists "nv 22 và 23" / "nv 22, 23";
* **plan references** – the commune (or ward/town) name with or without
  diacritics ("Nam An Phụ", "nam an phu", "xã X"), its initials ("NAP",
  "TX"; lower-case only when the token cannot be a Vietnamese syllable),
  the year ("kế hoạch 2026", "KH 2025") and the period ("giai đoạn 2026 -
  2030", "6 tháng cuối năm 2025"). A "xã/phường/thị trấn <Name>" that names
  no loaded plan sets :attr:`Query.unknown_place`;
* **the field asked** – ai chủ trì / đơn vị nào / cơ quan nào → ``lead``;
  phối hợp → ``coordinating``; khi nào / thời hạn / thời gian / bao giờ →
  ``deadline``; sản phẩm / kết quả là gì → ``product``; nội dung / là gì →
  ``content``;
* **filters** – a lead unit ("Phòng Kinh tế", "phòng VH-XH", "VP HĐND và
  UBND") matched against the lead units of the loaded plans; a quarter
  ("quý I/2026", "quý 2"), month ("tháng 10/2026") or year with a deadline
  word ("hoàn thành trong năm 2026"); "thường xuyên"; a section ("mục Cải
  cách thể chế", "lĩnh vực cải cách TTHC") matched against the plans' task
  sections;
* **counts** – "bao nhiêu nhiệm vụ", "mấy nhiệm vụ", "số lượng nhiệm vụ".

Everything is matched on :func:`canon` keys (folded, punctuation removed,
genre abbreviations expanded), so "Văn hoá- Xã hội", "van hoa xa hoi" and
"VH-XH" meet. The :class:`PlanCatalog` is built from the loaded plans only
(metadata unit name, title, period, file name, task sections and lead
units); nothing here knows a particular plan.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from ingest.model import Plan
from ingest.textnorm import fold, nfc

# ------------------------------------------------------------ vocabulary

#: Genre abbreviations (folded) → their words (folded). Used on both sides
#: of every comparison, so a unit written "VP HĐND và UBND" matches
#: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân".
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "hcc": "hanh chinh cong",
    "pvhcc": "phuc vu hanh chinh cong",
    "ttpvhcc": "trung tam phuc vu hanh chinh cong",
    "vhxh": "van hoa xa hoi",
    "vh": "van hoa",
    "xh": "xa hoi",
    "vp": "van phong",
    "qppl": "quy pham phap luat",
    "vbqppl": "van ban quy pham phap luat",
    "cntt": "cong nghe thong tin",
    "cds": "chuyen doi so",
    "dvc": "dich vu cong",
    "pakn": "phan anh kien nghi",
    "csdl": "co so du lieu",
    "ttdt": "thong tin dien tu",
    "cbcc": "can bo cong chuc",
    "ccvc": "cong chuc vien chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "vtvl": "vi tri viec lam",
    "mttq": "mat tran to quoc",
    "nv": "nhiem vu",
    "kh": "ke hoach",
    "qd": "quyet dinh",
    "gd": "giao duc",
}

#: Abbreviations expanded only before certain words (they are ambiguous
#: alone: "TT" is also the row-number column, "KT" also "kiểm tra").
_CONTEXT_ABBREVIATIONS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\btt(?= (?:phuc vu|pvhcc|phuc|dich vu|van hoa|hanh chinh))"), "trung tam"),
    (re.compile(r"(?<=\bphong )kt\b"), "kinh te"),
    (re.compile(r"(?<=\bphong )tp\b"), "tu phap"),
]

_WORD = re.compile(r"[ivxlc]+(?:\.\d+)+|\d+(?:[./:]\d+)+%?|[0-9a-z]+%?")


def canon(text: str | None) -> str:
    """Comparison key: :func:`ingest.textnorm.fold`, punctuation → space,
    ``&`` → "va", abbreviations of :data:`ABBREVIATIONS` expanded.

    "Phòng Văn hoá- Xã hội" → "phong van hoa xa hoi"; "VP HĐND&UBND" →
    "van phong hoi dong nhan dan va uy ban nhan dan". Dotted numbers
    ("2.3") are kept whole.
    """
    s = fold(re.sub(r"</?[A-Za-z]+\s*/?>", " ", text or "")).replace("&", " va ")
    s = re.sub(r"\b(vh)\s*-\s*(xh)\b", r"\1\2", s)
    s = re.sub(r"\b([a-z]+)(?=\d)", r"\1 ", s)  # "nv22" → "nv 22"
    tokens = _WORD.findall(s)
    s = " ".join(ABBREVIATIONS.get(t, t) for t in tokens)
    for pattern, words in _CONTEXT_ABBREVIATIONS:
        s = pattern.sub(words, s)
    return s


def _contains(hay: str, needle: str) -> int:
    """Position of ``needle`` in ``hay`` as whole space-separated words, else -1."""
    if not needle:
        return -1
    m = re.search(r"(?:^|(?<= ))" + re.escape(needle) + r"(?= |$)", hay)
    return m.start() if m else -1


# ------------------------------------------------------------ units

_UNIT_TAIL = re.compile(r"(?: (?:xa|phuong|thi tran|huyen))+$")
_UNIT_SPLIT = re.compile(r"\s*(?:;|\n|\s\+\s|/(?=\s*[A-ZĐÂĂÊÔƠƯ]))\s*")


def unit_key(unit: str | None) -> str:
    """Normalised lead-unit key: :func:`canon` without a trailing "xã"/"phường".

    "Phòng Văn hóa – Xã hội xã" and "Phòng Văn hoá- Xã hội" → "phong van
    hoa xa hoi"; "Văn phòng HĐND và UBND xã" → "van phong hoi dong nhan dan
    va uy ban nhan dan".
    """
    return _UNIT_TAIL.sub("", canon(unit)).strip()


def split_units(cell: str | None) -> list[str]:
    """The units named in a lead/coordinating cell, split on ";" and on "/"
    before a capitalised word ("Sở Nội vụ/Sở Y tế" → two units)."""
    if not cell:
        return []
    return [u.strip(" ,.-") for u in _UNIT_SPLIT.split(cell) if u.strip(" ,.-")]


def unit_matches(query_unit: str, cell: str | None) -> bool:
    """True when the unit key ``query_unit`` is one of the units of ``cell``
    (or contained, as whole words, in one of them)."""
    return any(_contains(unit_key(u), query_unit) >= 0 for u in split_units(cell))


# ------------------------------------------------------------ catalog

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
            start, end = _ADMIN_PREFIX.match(folded).end(), len(folded)
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
    plan, in doc order), ``units`` (distinct lead units by key) and
    ``sections`` (distinct task sections by key).
    """

    def __init__(self, entries: list[PlanEntry], units: list[UnitEntry],
                 sections: list[SectionEntry]):
        self.entries = entries
        self.units = units
        self.sections = sections
        self.by_doc = {e.doc: e for e in entries}
        reserved = set(ABBREVIATIONS) | {"tt", "kt", "tp", "stt"}
        for e in entries:
            if e.initials and e.initials not in reserved:
                e.aliases.add(e.initials)

    @classmethod
    def from_plans(cls, plans: Iterable[Plan]) -> "PlanCatalog":
        """Build the catalog from plan models (any iterable, e.g. ``store.plans().values()``)."""
        entries: list[PlanEntry] = []
        units: dict[str, UnitEntry] = {}
        sections: dict[str, SectionEntry] = {}
        for plan in sorted(plans, key=lambda p: p.doc):
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
                for s in (task.section, task.subsection):
                    if not s:
                        continue
                    core = _ROMAN.sub("", canon(s))
                    content = section_words(s)
                    if content:
                        sections.setdefault(core, SectionEntry(s, core, content)).docs.add(plan.doc)
        return cls(entries, sorted(units.values(), key=lambda u: -len(u.key)),
                   list(sections.values()))

    def resolve(self, name: str) -> list[str]:
        """Docs a plan name given explicitly (``--plan``) refers to: a file
        name, a place name or alias, optionally with a year. ``[]`` if none."""
        if name in self.by_doc:
            return [name]
        q = parse_query(name, self)
        return q.plans


# ------------------------------------------------------------ the query

FIELDS = ("lead", "coordinating", "deadline", "product", "content")
META_FIELDS = ("signer", "decision", "date")


@dataclass
class Query:
    """A parsed question.

    * ``text`` the question as typed; ``key`` its :func:`canon` form;
    * ``plans`` docs the question names (``[]`` = none named);
      ``plan_named`` True when it names a plan at all (so ``plans == []``
      with ``plan_named`` means "a plan that is not loaded");
      ``unknown_place`` the place named that no loaded plan is for;
    * ``task_refs`` task numbers as written ("22", "2.3"), in order;
    * ``fields`` fields asked, subset of :data:`FIELDS`, in that order;
      ``meta`` a header fact asked (:data:`META_FIELDS`) or ``None``;
      ``figure`` True when the question asks for a figure (bao nhiêu, tỷ
      lệ, phần trăm);
    * task filters: ``unit`` (unit key) and ``unit_text`` (as in the
      plans); ``period`` ("2026", "2026-Q1", "2026-03"; "*" for the year
      when the question gives none: "*-Q1") with ``period_exact`` (the
      deadline must be that whole period: "cả năm 2026", "chỉ ghi Quý
      IV/2025") and ``period_written`` (the deadline is written in that
      unit: "thời gian ghi là Quý I" wants "Quý I/2026", not "Trước ngày
      15/01/2026"); ``deadline_text`` a quoted deadline ("Hàng năm") with
      ``period_exact`` meaning equality; ``regular`` (thường xuyên);
      ``recurrence`` (``annual``/``quarterly``/``monthly``: "hàng năm",
      "hàng quý", "hàng tháng");
      ``negate`` (the deadline condition is negated: "không phải thường
      xuyên"); ``section`` (best section key), ``sections`` (every section
      named: "mục A và B"), ``section_text``;
      ``section_number`` (roman numeral of a section, "vii") and
      ``subsection_number`` ("3" of "mục II.3");
    * ``count`` (bao nhiêu nhiệm vụ), ``wants_list`` (những nhiệm vụ nào),
      ``cross_doc`` (xã nào, kế hoạch nào, so sánh);
    * ``intent``: ``task`` | ``filter`` | ``count`` | ``meta`` | ``plans``
      (which plans cover a period) | ``search``;
    * ``search_text``: the text for passage search (the question, with the
      expansions of its abbreviations appended).
    """

    text: str
    key: str
    plans: list[str] = field(default_factory=list)
    plan_named: bool = False
    unknown_place: str | None = None
    task_refs: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    meta: str | None = None
    figure: bool = False
    unit: str | None = None
    unit_text: str | None = None
    period: str | None = None
    period_exact: bool = False
    period_written: bool = False
    deadline_text: str | None = None
    regular: bool = False
    recurrence: str | None = None
    negate: bool = False
    section: str | None = None
    section_text: str | None = None
    sections: list[str] = field(default_factory=list)
    section_number: str | None = None
    subsection_number: str | None = None
    count: bool = False
    wants_list: bool = False
    cross_doc: bool = False
    intent: str = "search"
    search_text: str = ""

    @property
    def has_filter(self) -> bool:
        """True when any task filter is set (unit, deadline, section)."""
        return bool(self.unit or self.period or self.regular or self.recurrence
                    or self.deadline_text or self.section or self.section_number)

    def follow_up(self, previous: "Query") -> "Query":
        """Resolve an elliptic follow-up against the previous turn's query.

        The plan carries over when this question names none. A short
        question with no task number and no filter of its own but a field
        ("thế ai phối hợp?") asks about the previous turn's tasks; one with a
        task number but no field ("còn nhiệm vụ 23?") asks the previous
        turn's fields; "còn 23?" after a task question is task 23; a bare
        "bao nhiêu?"/"những nhiệm vụ nào?" after a filter keeps its filters.
        Returns a new :class:`Query`.
        """
        q = replace(self, plans=list(self.plans), task_refs=list(self.task_refs),
                    fields=list(self.fields), sections=list(self.sections))
        if not q.plan_named and not q.cross_doc:
            q.plans, q.plan_named = list(previous.plans), previous.plan_named
            q.unknown_place = q.unknown_place or previous.unknown_place
        elliptic = len(q.key.split()) <= 8 or bool(_FOLLOW_CUE.search(q.key))
        if not elliptic:
            return q
        if q.task_refs and not q.fields and previous.intent == "task":
            q.fields = list(previous.fields)
            q.section_number = q.section_number or previous.section_number
        if q.intent == "search" and not q.task_refs and previous.task_refs and not q.has_filter:
            bare = _BARE_NUMBER.findall(q.key)
            if bare and _FOLLOW_CUE.search(q.key):
                q.task_refs = bare
                q.fields = q.fields or list(previous.fields)
                q.intent = "task"
            elif q.fields or _FOLLOW_CUE.search(q.key):
                q.task_refs = list(previous.task_refs)
                q.section_number = previous.section_number
                q.intent = "task"
        if q.intent == "search" and previous.intent in ("filter", "count") and (q.count or q.wants_list):
            for name in ("unit", "unit_text", "period", "period_exact", "period_written",
                         "deadline_text", "regular", "recurrence",
                         "negate", "section", "section_text", "sections", "section_number",
                         "subsection_number"):
                setattr(q, name, getattr(previous, name))
            q.intent = "count" if q.count else "filter"
        return q


_FOLLOW_CUE = re.compile(
    r"^(?:con|the|vay|the con|con lai|con ve)\b"
    r"|\b(?:thi sao|the nao|nhiem vu (?:do|nay|tren)|viec (?:do|nay)|no)\b"
)
_BARE_NUMBER = re.compile(r"(?<![\d./])\b(\d{1,3}(?:\.\d{1,2})?)\b(?![\d./%])")

_TASK_KEYWORD = r"(?:nhiem vu|task|tasks|dong|muc|stt|hang|chi tieu(?: con)?)"
_NUM = r"\d{1,3}(?:\.\d{1,2}){0,2}"
_TASK_REF = re.compile(
    r"\b" + _TASK_KEYWORD + r" (?:so |thu )?(" + _NUM + r"(?: (?:va |hoac |voi )?(?:"
    + _TASK_KEYWORD + r" )?(?:so )?" + _NUM + r"(?![\d/%.]))*)(?![\d/%.])"
)
#: A dotted number alone ("loc hoa 4.1 ai chu tri") is a row number when a field is asked.
_DOTTED = re.compile(r"(?<![\d/.])\b(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\b(?![\d/%.])")
_YEAR = re.compile(r"(?<![\d/.:])((?:19|20)\d{2})(?![\d/:])")

_FIELD_CUES: dict[str, re.Pattern] = {
    "coordinating": re.compile(r"\bphoi hop\b"),
    "deadline": re.compile(
        r"\b(?:khi nao|bao gio|(?<!phu )luc nao|thoi han|han chot|han hoan thanh|thoi gian|"
        r"hoan thanh (?:khi|luc|vao|truoc)|xong (?:khi|luc|vao|truoc)|deadline|tien do|"
        r"(?:den|vao|trong) (?:thang|quy) (?:nao|may)|bao lau|(?:truoc|den) ngay nao|"
        r"han (?:nao|khi|ngay)|^han\b|han$)\b"
    ),
    "product": re.compile(r"\b(?:san pham|ket qua (?:la gi|gi|nao|dau ra|du kien|can dat)|dau ra)\b"),
    "content": re.compile(r"\b(?:noi dung|la gi|lam gi|viec gi|ve gi|ve viec gi|gom nhung gi|"
                          r"nhiem vu gi|gom nhung nhom nao)\b"),
}
_LEAD_EXPLICIT = re.compile(
    r"\b(?:chu tri|phu trach|dau moi|chiu trach nhiem chinh|ai (?:lam|thuc hien|dam nhiem|lo|"
    r"chiu trach nhiem|tham dinh)|giao cho (?:ai|don vi nao|co quan nao))\b"
)
_LEAD_GENERIC = re.compile(r"\b(?:ai|(?:don vi|co quan|phong|bo phan) nao|do (?:ai|don vi nao|co quan nao))\b")
_META_CUES: list[tuple[str, re.Pattern]] = [
    ("signer", re.compile(r"\b(?:ai ky|nguoi ky|ky ban hanh|do ai ky|ky quyet dinh)\b(?!.*\bcan cu\b)")),
    ("decision", re.compile(
        r"\b(?:so quyet dinh|(?:kem|kem theo) quyet dinh(?: so)?(?: nao| may)?|"
        r"quyet dinh ban hanh .{0,60}(?:so may|so nao|mang so)|ban hanh (?:tai|bang) quyet dinh|"
        r"(?<!can cu )quyet dinh so (?:nao|may|bao nhieu)|ban hanh(?: \w+){0,4} theo quyet dinh)\b")),
    ("date", re.compile(r"\b(?:ban hanh|ky) (?:vao )?(?:ngay nao|khi nao|bao gio)\b|\bngay ban hanh\b")),
]

_COUNT_NOUN = r"(?:nhiem vu|viec|cong viec|task|chi tieu)"
_COUNT = re.compile(
    r"\b(?:bao nhieu|(?<!bo )may|so luong|tong so|tong cong|dem)\s+(?:\w+\s+){0,2}?" + _COUNT_NOUN + r"\b"
    r"|\b(?:nhiem vu|viec|cong viec)\b.{0,40}\b(?:co|gom|tong cong|tat ca) (?:bao nhieu|may)\s*$"
    r"|\b(?:nhieu|it) (?:nhiem vu|viec|chi tieu) nhat\b"
    r"|\bso (?:luong )?" + _COUNT_NOUN + r" (?:cua|trong|o|giua)\b"
)
_LIST = re.compile(
    r"\b(?:nhung|cac|liet ke|danh sach|ke ten|ke ra|tat ca|gom)\b.{0,30}\b" + _COUNT_NOUN + r"\b"
    r"|\b" + _COUNT_NOUN + r"(?: con)? (?:nao|gi)\b|\bliet ke\b|\bdanh sach\b"
)
_CROSS = re.compile(
    r"\b(?:xa nao|phuong nao|nhung xa|cac xa|ke hoach nao|nhung ke hoach|cac ke hoach|"
    r"phu luc (?:cua )?(?:ke hoach )?nao|dia phuong nao|so sanh|khac nhau|giong nhau|"
    r"ca (?:hai|ba|bon|nam) (?:xa|ke hoach))\b"
)
_PLANS_ONLY_WORDS = set("""
nhung cac ke hoach nao la cua ap dung cho danh trong thuc hien co xa phuong thi tran cai cach
hanh chinh nha nuoc ky giai doan thang nam cuoi dau 6 sau quy ban hanh
""".split())
_REGULAR = re.compile(r"\b(?:thuong xuyen|lien tuc)\b")
_RECURRENCES = {"nam": "annual", "quy": "quarterly", "thang": "monthly"}
_RECURRENCE = re.compile(r"\b(?:hang|moi|dinh ky) (nam|quy|thang)\b")
_ROMAN_Q = r"(iv|i{1,3}|[1-4])"
_YEAR_SEP = r"(?:(?: nam)? |/)"
_QUARTER = re.compile(r"\bqu[yi] " + _ROMAN_Q + r"\b(?:" + _YEAR_SEP + r"((?:19|20)\d{2})\b)?")
_MONTH = re.compile(r"\bthang (\d{1,2})\b(?:" + _YEAR_SEP + r"((?:19|20)\d{2})\b)?")
_YEAR_FILTER = re.compile(
    r"\b(?:hoan thanh|han|thoi han|thoi gian|trong|truoc|den het|het|cuoi|dau|vao|ca)\s+"
    r"(?:nam\s+)?((?:19|20)\d{2})\b"
)
_PLAN_PERIOD = re.compile(
    r"\b(?:(?:6|sau) thang (?:dau|cuoi)(?: nam)?|giai doan) ((?:19|20)\d{2})(?: (?:den )?((?:19|20)\d{2}))?"
)
_WRITTEN = re.compile(r"\bghi(?: la| ro)?\s*$")
_EXACT = re.compile(r"\b(?:ca nam|dung la|chi ghi|chi la|khong kem|duy nhat)\b")
_NEGATION = re.compile(r"\bkhong (?:co |phai |ghi |la |thuoc |duoc )?(?:la |ghi )?"
                       r"(?:thoi gian |thoi han |han )?(?:la |ghi )?$")
_QUOTED = re.compile(r"[\"“”«»']([^\"“”«»']{2,60})[\"“”«»']")
_SECTION_CUE = re.compile(r"\b(?:muc|phan|linh vuc|nhom|thuoc|ve|trong)\b")
_SECTION_NUMBER = re.compile(r"\b(?:muc|phan|nhom) ([ivx]{1,4})(?:\.(\d{1,2}))?\b(?!\.\d)")
_PLACE_MENTION = re.compile(
    r"\b(?:[Xx][ãa]|[Pp]h[ưu][ờo]ng|[Tt]h[ịi] [Tt]r[ấa]n)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"
)


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
    span = _PLAN_PERIOD.search(key)
    rest = _PLAN_PERIOD.sub(" ", key)
    anchors = [a for e in found for a in e.aliases] + ["ke hoach", "kh"]
    # a year names the plan when it follows the plan's name or "kế hoạch" closely
    # (within 10 words: abbreviations such as CCHC are expanded by canon)
    years = [int(m.group(1)) for m in _YEAR.finditer(rest)
             if not found or any(_contains(" ".join(rest[:m.start()].split()[-10:]), a) >= 0
                                 for a in anchors)]
    filter_years = {int(m.group(1)) for m in _YEAR_FILTER.finditer(rest)}
    filter_years |= {int(m.group(2)) for m in _QUARTER.finditer(rest) if m.group(2)}
    filter_years |= {int(m.group(2)) for m in _MONTH.finditer(rest) if m.group(2)}
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
            q.plan_named = bool(q.plans) or not _CROSS.search(key)
    for m in _PLACE_MENTION.finditer(raw):
        name_key = canon(m.group(1))
        if name_key.split()[0] in {"hoi"}:  # "Xã Hội" in a unit name
            continue
        if not any(_contains(name_key, e.key) == 0 or _contains(e.key, name_key) == 0
                   for e in catalog.entries):
            q.unknown_place = nfc(m.group(1))
            q.plan_named = True
            if not found:
                q.plans = []
    return bool(found)


def _find_unit(key: str, catalog: PlanCatalog) -> UnitEntry | None:
    best: UnitEntry | None = None
    for unit in catalog.units:  # longest keys first
        if _contains(key, unit.key) >= 0:
            return unit
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


def _find_sections(key: str, catalog: PlanCatalog, plans: list[str]) -> list[SectionEntry]:
    """Task sections the question names ("mục Cải cách thể chế", "trong mục A
    và B"): sections whose distinctive words are (≥ 75 %) in the question,
    after a cue word ("mục", "lĩnh vực", "về", "thuộc", "trong"), or whose
    whole heading is quoted. Best match first."""
    words = set(key.split())
    found = []
    for s in catalog.sections:
        if plans and not (s.docs & set(plans)):
            continue
        score = 2.0 if _contains(key, s.key) >= 0 else len(s.content & words) / len(s.content)
        if score < 0.75:
            continue
        if score < 2.0:
            first = min(key.find(w) for w in s.content if w in words)
            if not _SECTION_CUE.search(key[max(0, first - 40): first]):
                continue
        found.append((score, len(s.content), s))
    found.sort(key=lambda x: (-x[0], -x[1]))
    return [s for _, _, s in found]


def _deadline_filters(q: Query, key: str, raw: str) -> None:
    """Period, quoted deadline text, "thường xuyên", exactness and negation."""
    rest = _PLAN_PERIOD.sub(lambda m: " " * len(m.group(0)), key)
    quoted = next((m.group(1) for m in _QUOTED.finditer(raw)
                   if re.search(r"\d|qu[yý]|th[aá]ng|n[aă]m|th[uư][oờ]ng", fold(m.group(1)))), None)
    quarter, month = _QUARTER.search(rest), _MONTH.search(rest)
    year_filter = _YEAR_FILTER.search(rest)
    regular = _REGULAR.search(rest)
    recurrence = _RECURRENCE.search(rest)
    q.period_exact = bool(_EXACT.search(rest))
    pos = None
    if quoted:
        q.deadline_text = quoted
        pos = _contains(rest, canon(quoted))
    elif regular:
        q.regular = True
        pos = regular.start()
    elif quarter:
        q.period = f"{quarter.group(2) or '*'}-Q{_quarter_no(quarter.group(1))}"
        pos = quarter.start()
    elif month and 1 <= int(month.group(1)) <= 12:
        q.period = f"{month.group(2) or '*'}-{int(month.group(1)):02d}"
        pos = month.start()
    elif year_filter and (q.count or q.wants_list):
        q.period = year_filter.group(1)
        pos = year_filter.start()
    elif recurrence and (q.count or q.wants_list):
        q.recurrence = _RECURRENCES[recurrence.group(1)]
        pos = recurrence.start()
    if pos is not None and pos >= 0:
        q.negate = bool(_NEGATION.search(rest[max(0, pos - 40): pos].rstrip() + " "))
        q.period_written = bool(q.period) and bool(_WRITTEN.search(rest[max(0, pos - 25): pos]))


def parse_query(text: str, catalog: PlanCatalog) -> Query:
    """Parse a question (see the module docstring for what is read).

    ``text`` any Unicode form, with or without diacritics; ``catalog`` the
    loaded plans. Never raises on odd input: what is not recognised is left
    empty and the question falls back to passage search (``intent ==
    "search"``).
    """
    raw = nfc(text or "").strip()
    key = canon(raw)
    q = Query(text=raw, key=key)
    by_name = _find_plans(q, raw, key, catalog)

    for m in _TASK_REF.finditer(key):
        for num in re.findall(_NUM, m.group(1)):
            if num not in q.task_refs and not _YEAR.fullmatch(num):
                q.task_refs.append(num)

    lead_explicit = bool(_LEAD_EXPLICIT.search(key))
    asked = {f for f, pat in _FIELD_CUES.items() if pat.search(key)}
    if lead_explicit or (_LEAD_GENERIC.search(key) and "coordinating" not in asked):
        asked.add("lead")
    if "content" in asked and asked & {"lead", "coordinating", "deadline", "product"}:
        if not re.search(r"\b(?:noi dung|nhiem vu gi|gom nhung)\b", key):
            asked.discard("content")  # "sản phẩm là gì": "là gì" qualifies the other field
    q.fields = [f for f in FIELDS if f in asked]
    q.meta = next((name for name, pat in _META_CUES if pat.search(key)), None)
    q.figure = bool(re.search(r"\b(?:bao nhieu|ty le|phan tram|so may|muc nao)\b|%", key))
    if not q.task_refs and q.fields:
        q.task_refs = [n for n in _DOTTED.findall(key) if not _YEAR.fullmatch(n)]

    q.count = bool(_COUNT.search(key))
    q.wants_list = bool(_LIST.search(key))
    q.cross_doc = bool(_CROSS.search(key)) and (len(q.plans) != 1 or not by_name)
    sec = _SECTION_NUMBER.search(key)
    if sec:
        q.section_number, q.subsection_number = sec.group(1), sec.group(2)
    _deadline_filters(q, key, raw)

    unit = _find_unit(key, catalog)
    if unit and (q.count or q.wants_list or "lead" in q.fields or not q.task_refs):
        q.unit, q.unit_text = unit.key, unit.text
    sections = _find_sections(key, catalog, q.plans)
    if sections and (q.count or q.wants_list or q.task_refs):
        q.sections = [x.key for x in sections]
        q.section, q.section_text = sections[0].key, sections[0].text
        texts = list(dict.fromkeys(x.text for x in sections))
        q.section_text = " / ".join(texts) if len(texts) > 1 else texts[0]

    leftover = [w for w in key.split() if w not in _PLANS_ONLY_WORDS and not w.isdigit()
                and not any(w in e.aliases or w in e.key.split() for e in catalog.entries)]
    if q.task_refs and not (q.count and not re.search(r"\b(?:bao nhieu|may) " + _COUNT_NOUN, key)):
        q.intent = "task"
    elif q.count:
        q.intent = "count"
    elif q.meta and q.plan_named and not re.search(r"\bcan cu\b", key):
        q.intent = "meta"
    elif q.cross_doc and not leftover and (_YEAR.search(key) or _PLAN_PERIOD.search(key)):
        q.intent = "plans"
    elif q.has_filter and q.wants_list and not q.cross_doc:
        q.intent = "filter"
    else:
        q.intent = "search"
    if q.intent in ("search", "meta", "plans"):
        q.unit = q.unit_text = q.period = q.deadline_text = q.recurrence = None
        q.regular = q.negate = False
    typed = set(_WORD.findall(fold(raw)))
    expansions = [w for w in key.split() if w not in typed]
    q.search_text = raw + (" " + " ".join(dict.fromkeys(expansions)) if expansions else "")
    return q


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
