"""Detectors of the cross-plan questions answered per plan (on ``canon`` keys).

* :func:`asks_targets` – one target across plans: a target word ("chỉ
  tiêu", "mục tiêu", "tỷ lệ") with a cross-plan wording ("các xã đặt mục
  tiêu thanh toán trực tuyến thế nào?", "xã nào …"), two plans or more
  named, or a comparison ("so sánh chỉ tiêu X giữa A và B", "khác nhau thế
  nào"); also "mức X của từng xã là bao nhiêu / đặt ra thế nào"; answered by
  :mod:`retrieval.answering.targets`.
* :func:`asks_upper` – the upper-level locality: "cấp trên", "(trực) thuộc
  / ở / nằm ở (tỉnh|thành phố|TP|huyện|địa phương) nào", "kế hoạch nào
  thuộc TP Hải Phòng"; answered by
  :mod:`retrieval.answering.upper`.
* :func:`asks_periods` – the period each plan covers: "kỳ kế hoạch của từng
  xã là giai đoạn nào?", "KH nào giai đoạn 5 năm, KH nào 6 tháng cuối
  2025?", "kế hoạch nào kéo dài 5 năm?", "mỗi kế hoạch áp dụng cho thời gian
  nào?", "5 KH mỗi cái cho kỳ nào", "kế hoạch nào là cả giai đoạn chứ không phải
  một năm?" — not a subject's period ("tinh giản biên chế ở TX và LH: TX ghi giai
  đoạn nào, …"); answered by :func:`retrieval.answering.meta.periods_answer`.
* :func:`whole_year` – the plans of one whole year asked: "KH nào là cả năm
  2025?", "kế hoạch nào áp dụng trọn năm 2026", "xã nào làm KH cho cả năm
  2025 chứ không phải 6 tháng" (not a row's deadline, "nv nào cả năm 2025");
  answered by :mod:`retrieval.answering.period_plans`.
* :func:`mention_parts` – the parts of a term written with commas ("kế
  hoạch nào có nv tập huấn, ứng dụng AI?": "tap huan", "ung dung ai"), each
  of which a plan may mention (:mod:`retrieval.answering.plans`).
* :func:`asks_body_and_annex` – one plan's body and annex compared ("phần
  chỉ tiêu với phụ lục có khác không?", "phần tổ chức thực hiện với phụ lục
  nv 2 ghi ngày khác nhau không?"); answered by :mod:`retrieval.answering.parts`.
* :func:`asks_which` – which plans meet what the question says ("KH nào nhắc
  X?", "những xã nào thuộc thành phố Y?", "kế hoạch nào đặt chỉ tiêu Z đạt
  90% trở lên?"): the answers name those plans only (:attr:`Query.which`);
  :func:`threshold` the bound a target's figure must meet there.
* :func:`asks_annex_rows` – the annex rows on a term asked ("xã nào có nv
  về ISO 18091?", "nv nào trong phụ lục nhắc NĐ 111/2025/NĐ-CP?", "ứng dụng
  AI: xã nào có nhiệm vụ, ai chủ trì?"), and :func:`annex_only` the annex
  alone ("… nv riêng trong phụ lục …"): :mod:`retrieval.answering.plans`
  lists those rows first, or alone with the plans that only write the term
  in their body said so.
* :func:`count_compared` – a task count compared between plans ("A với B, kế
  hoạch nào có nhiều nv hơn?", "bên nào ít nhiệm vụ hơn?").
"""

from __future__ import annotations

import re

from ingest.lexicon import canon, contains_words
from ingest.textnorm import fold
from retrieval.question.cues import (
    COMPARISON_VERDICT,
    COUNT_COMPARED,
    PLAN_YEAR_WHOLE,
    SUPERLATIVE,
    TASK_NOUN,
    TASK_REF,
    TASKS_NAMED,
    THRESHOLDS,
    WHICH_ASKED,
)
from retrieval.question.model import Query

__all__ = ["ANNEX_PART", "annex_only", "asks_annex_rows", "whole_year", "BODY_PART", "BODY_WHOLE", "COMPARE", "PERIOD_ASKED", "TARGET", "asks_body_and_annex",
           "asks_periods", "asks_targets", "asks_upper", "asks_which", "count_compared", "meets", "mention_parts",
           "part_named_alone", "plan_parts", "threshold", "without_parts"]

#: a target word, or a figure asked of what a plan sets ("tăng bao nhiêu", "mức bao nhiêu",
#: "ghi rõ con số")
TARGET = re.compile(r"\b(?:chi tieu|muc tieu|ty le|bao nhieu phan tram|"
                    r"(?:dat|tang|giam|vuot|muc) (?:it nhat |toi thieu |toi da |len )?bao nhieu|con so|"
                    # "mức hài lòng của dân về giải quyết TTHC là bao nhiêu"
                    r"muc (?:\w+ ){1,12}?(?:la|dat|o muc|dat muc) bao nhieu|"
                    # "mức độ số hóa hồ sơ của mỗi xã đặt ra thế nào"
                    r"muc (?:\w+ ){1,12}?(?:dat ra|de ra|dat) (?:the nao|ra sao)|"
                    # "kế hoạch nào đặt mức hài lòng thấp nhất"
                    r"muc (?:\w+ ){1,8}?(?:cao|thap) nhat)\b")
#: a comparison or per-plan wording
COMPARE = re.compile(r"\b(?:so sanh|doi chieu|khac nhau|giong nhau|khac gi|chenh lech|moi xa|tung xa|"
                     r"moi ke hoach|tung ke hoach|cac xa|xa nao|nhung xa|"
                     # the distributive frame: "hạn mỗi bên", "cả hai bên", "từng bên"
                     r"moi ben|ca hai ben|tung ben)\b")
#: the levels above a commune ("TP" as typed: canon keeps it)
_LEVELS = r"tinh thanh pho|tinh thanh|tinh|thanh pho|tp|huyen|quan|thi xa"
_UPPER = re.compile(r"\b(?:cap tren|(?:truc thuoc|thuoc|o|nam o|nam tren dia ban|nam trong) "
                    r"(?:dia phuong |dia ban |don vi )?"
                    r"(?:" + _LEVELS + r"|dia phuong|dia ban|don vi|noi)"
                    r"(?: cap tren)? nao(?! (?:co|dat|neu|nhac|de ra)\b)"
                    # "kế hoạch nào thuộc TP Hải Phòng", "xã nào ở tỉnh X"
                    r"|(?:ke hoach|xa|phuong|ban) nao (?:truc thuoc|thuoc|o|nam o|cua|theo) (?:" + _LEVELS + r") \w+"
                    # "KH nào thuộc Hải Phòng, KH nào Cần Thơ?": a two-word place name alone
                    r"|(?:ke hoach|xa|phuong) nao (?:truc )?thuoc (?!(?:linh vuc|muc|phan|nhom|loai|giai doan|nam|"
                    r"quy|thang|cap|dien|chuong|de an|chuong trinh)\b)\w+ \w+(?= (?:ke hoach|xa|phuong) nao|$))\b")


#: the period of a plan asked: "giai đoạn nào", "kỳ kế hoạch", "thời kỳ", "bao
#: lâu", "mấy năm", "5 năm", "6 tháng cuối", "áp dụng cho thời gian nào"
PERIOD_ASKED = re.compile(
    r"\b(?:giai doan nao|(?<!ai )(?<!nguoi )(?<!da )ky ke hoach|thoi ky|bao lau|may nam|keo dai|\d+ nam\b(?! \d)|"
    r"(?:6|sau) thang (?:dau|cuoi)|(?:ap dung|thuc hien|trien khai)(?: trong| cho)? "
    r"(?:thoi gian|nam|giai doan|ky) nao|(?:thoi gian|ky|giai doan) (?:cua|ap dung)|"
    # "5 KH mỗi cái cho kỳ nào", "kế hoạch nào là cả giai đoạn chứ không phải một năm"
    r"(?:cho|la|thuoc|vao) ky nao|(?:ca|nhieu) giai doan|nhieu nam|ke hoach (?:mot|1) nam)\b"
)
#: "kế hoạch nào", "từng xã", "các kế hoạch": the plans compared
_PLANS_COMPARED = re.compile(r"\b(?:ke hoach|kh|xa|phuong|ban) nao\b|\b(?:moi|tung|cac|nhung|ca (?:hai|ba|bon|nam)) "
                             r"(?:ke hoach|kh|xa|phuong|ban)\b"
                             # "trong mấy KH thì cái nào …", "trong các kế hoạch, cái nào"
                             r"|\btrong (?:may|cac|nhung|ba|bon|nam|\d) (?:ke hoach|kh|xa)\b"
                             # "5 KH mỗi cái …", "cả 5 kế hoạch"
                             r"|\b[2-9] (?:ke hoach|kh|xa)\b")


#: Content words of a subject ("tinh giản biên chế") that make a period wording
#: the period of that subject, not of the plans (:func:`asks_periods`).
PERIOD_SUBJECT_WORDS = 4
#: The words of a comparison itself, no subject.
_COMPARE_WORDS = frozenset("so sanh khac nhau giong doi chieu moi tung mot cai ghi".split())


def asks_periods(q: Query) -> bool:
    """The period of every plan asked, or the plans of a period length
    (module docstring): a period wording with the plans compared (or two
    plans named), no task number, no unit."""
    if q.task_refs or q.unit or q.count or not PERIOD_ASKED.search(q.key):
        return False
    if re.search(r"\b(?:nhiem vu|cong viec|chi tieu|muc tieu|bao cao)\b", q.key):
        return False  # "kế hoạch nào có nhiệm vụ trong 6 tháng cuối năm": the rows, not the plan
    if len([w for w in q.content if w not in _COMPARE_WORDS]) >= PERIOD_SUBJECT_WORDS:
        return False  # "tinh giản biên chế ở TX và LH: TX ghi giai đoạn nào, …": a subject's period
    return bool(_PLANS_COMPARED.search(q.key)) or (q.plan_named and len(q.plans) >= 2)


def asks_targets(q: Query) -> bool:
    """A target asked across plans (module docstring), no task number; also
    the plans whose figure meets a bound ("kế hoạch nào đặt mức hài lòng …
    từ 90% trở lên?": ``q.which`` with ``q.threshold``)."""
    if q.task_refs:
        return False
    if q.which and q.threshold:
        return True
    if not TARGET.search(q.key):
        return False
    return len(q.plans) >= 2 or q.cross_doc or bool(COMPARE.search(q.key))


def asks_upper(q: Query) -> bool:
    """The upper-level locality asked (module docstring), no task number."""
    return not q.task_refs and bool(_UPPER.search(q.key))


#: The body as a whole named: "thân KH", "phần thân", "nội dung chính", "văn bản kế hoạch".
_BODY_WHOLE = r"than (?:ke hoach|van ban|bai)|body|noi dung chinh|phan (?:than|dau|tren)|van ban ke hoach"
BODY_WHOLE = re.compile(rf"\b(?:{_BODY_WHOLE})\b")
#: The body named as a part: the whole ("thân văn bản") or a part ("phần chỉ tiêu",
#: "phần tổ chức thực hiện").
BODY_PART = re.compile(rf"\b(?:{_BODY_WHOLE}|phan (?:noi dung|chi tieu|muc tieu|"
                       r"to chuc thuc hien|nhiem vu chu yeu|giai phap)|to chuc thuc hien)\b")
#: The annex named as a part: "phụ lục", "bảng nhiệm vụ", "danh mục nhiệm vụ".
ANNEX_PART = re.compile(r"\b(?:phu luc|bang nhiem vu|danh muc nhiem vu|bang phan cong)\b")


def part_named_alone(q: Query) -> tuple[str, set[str]] | None:
    """("body", its words) when ``q`` names the body as a whole and not the
    annex ("phần thân KH thì ghi bao nhiêu?"), ("annex", its words) when it
    names the annex and no part of the body ("trong phụ lục thì sao?");
    ``None`` otherwise (neither, or both: :func:`asks_body_and_annex`)."""
    body, annex = BODY_WHOLE.search(q.key), ANNEX_PART.search(q.key)
    if body and not annex:
        return "body", set(body.group().split())
    if annex and not BODY_PART.search(q.key):
        return "annex", set(annex.group().split())
    return None
#: The comparison asked of the two parts: "có khác không", "khớp nhau", "ghi giống".
_PARTS_VERDICT = re.compile(r"\b(?:co )?(?:ghi )?(?:khac|giong|khop|trung|lech|chenh lech|thong nhat)"
                            r"(?: nhau)?(?: khong| ko| k| chua)?\b")


#: words that only frame the two parts ("ghi", "ở", "với")
_PARTS_WORDS = frozenset({"ghi", "o", "voi", "va", "so", "phan", "cua"})


def without_parts(key: str) -> str:
    """``key`` without the parts named, the rows referred to ("nv 2") and
    the comparison asked ("phần chỉ tiêu với phụ lục có khác không"): what
    the two parts should say."""
    rest = TASK_REF.sub(" ", _PARTS_VERDICT.sub(" ", ANNEX_PART.sub(" ", BODY_PART.sub(" ", key))))
    return " ".join(w for w in rest.split() if w not in _PARTS_WORDS)


#: At most this many words between a plan's name and the part said of it ("PT (thân KH)",
#: "VK ở phụ lục"), or between the part and the plan it is "of" ("phần thân KH của PT").
_PART_REACH = 3


def plan_parts(q: Query, aliases: dict[str, set[str]]) -> dict[str, str]:
    """doc → ``"body"`` / ``"annex"``: the part a question across named plans
    reads in each plan. Each plan its own part ("so sánh PT (thân KH) với VK
    (phụ lục)", "phần thân KH của PT với phụ lục của VK": a part written
    just after a plan's name, or just before "của <plan>"), else one part for
    every plan ("hạn … trong phụ lục của NAP, VK và TX", "theo phần tổ chức
    thực hiện, … ở NAP và VK"); ``{}`` when no part is named, both are named
    of no plan in particular (the two parts compared), or fewer than two
    plans are named. ``aliases`` doc → the folded names a question may use
    (:attr:`retrieval.question.catalog.PlanEntry.aliases`)."""
    if len(q.plans) < 2 or not q.plan_named:
        return {}
    key = q.key
    words = key.split()
    starts = {i: len(" ".join(words[:i])) + (1 if i else 0) for i in range(len(words))}
    at = {pos: i for i, pos in starts.items()}
    names: list[tuple[int, int, str]] = []  # (first word, last word + 1, doc)
    for doc in q.plans:
        for alias in aliases.get(doc, set()):
            for m in re.finditer(rf"\b{re.escape(alias)}\b", key):
                if m.start() in at:
                    first = at[m.start()]
                    names.append((first, first + len(alias.split()), doc))
    marks: list[tuple[int, int, str]] = []
    for pattern, part in ((BODY_PART, "body"), (ANNEX_PART, "annex")):
        for m in pattern.finditer(key):
            if m.start() in at:
                first = at[m.start()]
                marks.append((first, first + len(m.group().split()), part))
    if not marks:
        return {}
    own: dict[str, str] = {}
    for first, end, part in marks:
        after = [doc for a, b, doc in names if 0 <= first - b <= _PART_REACH]
        of = [doc for a, b, doc in names if 0 < a - end <= _PART_REACH and "cua" in words[end:a]]
        for doc in (of or after)[:1]:
            own.setdefault(doc, part)
    if own and len(set(own.values())) == 2:
        return own  # each plan its own part
    if len({part for _, _, part in marks}) == 1:
        return dict.fromkeys(q.plans, marks[0][2])
    return {}


def asks_body_and_annex(q: Query) -> bool:
    """True when ``q`` names the body and the annex as two parts of one plan."""
    return bool(BODY_PART.search(q.key) and ANNEX_PART.search(q.key)) and len(q.plans) <= 1


#: Where the parts of a term asked about are divided as typed: ",", ";", "/", "hoặc", "hay".
_TERM_BREAK = re.compile(r"\s*(?:[,;/]|\b(?:hoặc|hoac|hay)\b)\s*", re.IGNORECASE)


def mention_parts(q: Query) -> list[str]:
    """The parts of ``q.mention`` (a :func:`canon` key) as the question
    divides them with commas, semicolons, slashes or "hoặc"/"hay" ("tập
    huấn, ứng dụng AI" → ``["tap huan", "ung dung ai"]``), in order; ``[]``
    when the term is written in one piece (or its words cannot be placed
    in the question's pieces)."""
    if not q.mention:
        return []
    pieces = [canon(p) for p in _TERM_BREAK.split(q.text) if p.strip()]
    if len(pieces) < 2 or " ".join(p for p in pieces if p) != q.key:
        return []
    start = contains_words(q.key, q.mention)
    if start < 0:
        return []
    first = len(q.key[:start].split())
    owner = [i for i, p in enumerate(pieces) for _ in p.split()]
    words = q.mention.split()
    parts: dict[int, list[str]] = {}
    for offset, word in enumerate(words):
        parts.setdefault(owner[first + offset], []).append(word)
    found = [" ".join(w) for w in parts.values()]
    return found if len(found) >= 2 else []


def asks_which(q: Query) -> bool:
    """Does ``q`` ask which plans meet what it says — one plan selector asked
    (:data:`WHICH_ASKED`: "kế hoạch nào", "những KH nào", "xã nào", "bên
    nào"), no task number, not a yes/no of every plan ("cả 5 KH đều nhắc X
    à?", "xã nào cũng …"), not two parallel asks ("KH nào thuộc Hải Phòng, KH
    nào Cần Thơ?"), not a ranking or comparison ("cao nhất", "nhiều hơn",
    "bằng nhau"), not of one plan named? Read once the selection is (the
    mention and its yes/no form set)."""
    if q.task_refs or q.mention_every or (q.plan_named and len(q.plans) == 1):
        return False
    if len(WHICH_ASKED.findall(q.key)) != 1:
        return False
    return not (SUPERLATIVE.search(q.key) or COMPARISON_VERDICT.search(q.key))


def threshold(text: str) -> tuple[str, float] | None:
    """The bound on a percentage that ``text`` (a question as typed) sets
    (:data:`retrieval.question.cues.THRESHOLDS`): "đạt 90% trở lên" → (">=",
    90.0), "trên 95 %" → (">", 95.0), "không quá 10%" → ("<=", 10.0), "dưới
    5,5%" → ("<", 5.5); ``None`` when it sets none ("đạt bao nhiêu %")."""
    folded = fold(text)
    for pattern, op in THRESHOLDS:
        m = pattern.search(folded)
        if m:
            return op, float(m.group(1).replace(",", "."))
    return None


def meets(value: float, bound: tuple[str, float]) -> bool:
    """Does ``value`` meet ``bound`` (:func:`threshold`'s ``(op, value)``)?"""
    op, limit = bound
    return {">=": value >= limit, ">": value > limit, "<=": value <= limit, "<": value < limit}[op]


def count_compared(q: Query) -> str | None:
    """``"more"`` / ``"fewer"`` when ``q`` compares the number of tasks
    between plans — a count (``q.count``) with "nhiều/ít (nv) hơn|nhất"
    (:data:`COUNT_COMPARED`) and two plans or more named, or a plan selector
    ("kế hoạch nào", "bên nào") with none named: "NAP với TX, kế hoạch nào có
    nhiều nv hơn?", "TX và VK bên nào ít nhiệm vụ hơn?", "NAP có nhiều
    nhiệm vụ hơn TX không?", "NAP hay VK Phòng Kinh tế chủ trì nhiều nv hơn?"
    (a unit or a deadline is the rows counted); else ``None`` (also for the
    unit leading most, "đơn vị nào chủ trì nhiều nv nhất": an aggregate)."""
    m = COUNT_COMPARED.search(q.key)
    if not (q.count and m) or q.task_refs or q.aggregate:
        return None
    if len(q.plans) < 2 and not (not q.plan_named and WHICH_ASKED.search(q.key)):
        return None
    return "more" if m.group(1) == "nhieu" else "fewer"


def _outside_term(q: Query) -> str:
    """``q.key`` with the term asked about (``q.mention``) taken out."""
    if not q.mention:
        return q.key
    start = contains_words(q.key, q.mention)
    return q.key if start < 0 else q.key[:start] + " " + q.key[start + len(q.mention):]


#: A row of its own asked: "nhiệm vụ riêng", "nv cụ thể", "dòng riêng".
_OWN_ROW = re.compile(r"\b(?:nhiem vu|dong|muc) (?:rieng|cu the)\b")


def asks_annex_rows(q: Query) -> bool:
    """Does a which-plans question ask the annex rows on its term — a task
    noun ("nhiệm vụ", "nv") or the annex named outside the term ("xã nào có nv
    về X", "nv nào trong phụ lục nhắc X", "X: KH nào có nhiệm vụ này")? Not
    the body's "nhiệm vụ, giải pháp"."""
    rest = _outside_term(q)
    if re.search(r"\bnhiem vu(?:,)? (?:va )?giai phap\b", rest):
        return False
    return bool(TASKS_NAMED.search(rest) or ANNEX_PART.search(rest))


def annex_only(q: Query) -> bool:
    """Is the annex alone asked ("… trong phụ lục", "nv riêng về X"): a plan
    writing the term only in its body has no row on it."""
    rest = _outside_term(q)
    return asks_annex_rows(q) and bool(ANNEX_PART.search(rest) or _OWN_ROW.search(rest))


def whole_year(q: Query) -> int | None:
    """The year whose whole span the plans are asked to cover
    (:data:`retrieval.question.cues.PLAN_YEAR_WHOLE`) with the plans compared ("kế hoạch nào", "xã nào", "các KH"), no row, unit
    or task noun ("nv nào cả năm 2025" asks rows); else ``None``."""
    m = PLAN_YEAR_WHOLE.search(q.key)
    if m is None or q.task_refs or q.unit or q.count or TASK_NOUN.search(q.key):
        return None
    if not (_PLANS_COMPARED.search(q.key) or WHICH_ASKED.search(q.key)):
        return None
    return int(m.group(1) or m.group(2))
