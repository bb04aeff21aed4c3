"""The genre's vocabulary, in one place: abbreviations, the words that open a
deadline / unit / product cell, unit head words, and tone-mark placement.

Every module that needs one of these imports it from here — the annex
parsers (``ingest.tables``, ``ingest.flattened``), the body rules
(``ingest.responsibilities``), the BM25 analyses and the question parser
(``retrieval``), drafting/diff and the UI — so the parsers, the index and
the answers read the same words the same way.

* :data:`ABBREVIATIONS` – folded abbreviation → its words with diacritics
  ("tthc" → "thủ tục hành chính"); :data:`FOLDED_ABBREVIATIONS` the same
  with folded values. :data:`CONTEXT_ABBREVIATIONS` are expanded only
  before or after certain words ("TT" before "phục vụ", "KT" after "phòng").
* :func:`canon` – the comparison key of the question parser, the task
  browser and the unit keys: folded, punctuation removed, abbreviations
  expanded ("VP HĐND&UBND" → "van phong hoi dong nhan dan va uy ban nhan dan").
* :func:`expand_abbreviations` – the same expansion keeping diacritics, for
  the index analyses ("HĐND" → "hội đồng nhân dân").
* :func:`opens_cell` – does a cell start like a ``deadline`` ("Quý II/2026",
  "Thường xuyên", "Trước 30/6"), a ``unit`` ("Phòng …", "Văn phòng …",
  "Công an xã") or a ``product`` ("Kế hoạch", "Báo cáo", "Quyết định")?
* :data:`UNIT_HEADS` – folded head words that open a unit name in body text
  ("phong", "van phong", "trung tam", "ban", "so", "cong an", "uy ban" …);
  :data:`NAMELESS_HEADS` – head nouns that cannot end a cell ("…, Cục").
* :data:`REFORM_AREAS` – the reform areas a plan divides its work by
  ("cải cách tài chính công", "cải cách thể chế" …) and how questions name them.
* :func:`canonical_tones` – tone marks placed the way
  ``underthesea.text_normalize`` places them ("hoá" → "hóa", "thuỷ" →
  "thủy", "Uỷ" → "Ủy"), word by word, so punctuation and offsets are kept.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from ingest.textnorm import fold, nfc

__all__ = [
    "ABBREVIATIONS",
    "CANON_WORD",
    "CIVIL_SERVANT_FIELDS",
    "CONTEXT_ABBREVIATIONS",
    "DEADLINE_OPENERS",
    "DEADLINE_OPENERS_WIDE",
    "DEPARTMENT_FIELDS",
    "FOLDED_ABBREVIATIONS",
    "NAMELESS_HEADS",
    "OVERSIGHT_OPENERS",
    "PRODUCT_OPENERS",
    "PRODUCT_OPENERS_WIDE",
    "RESERVED_TOKENS",
    "UNIT_HEADS",
    "UNIT_QUALIFIER",
    "UNIT_OPENERS",
    "UNIT_OPENERS_WIDE",
    "canon",
    "canonical_tones",
    "contains_words",
    "expand_abbreviations",
    "opens_cell",
    "paraphrase",
    "PLAN_WORDING",
    "REFORM_AREAS",
    "written_span",
]

# ------------------------------------------------------------ abbreviations

#: Genre abbreviations, keyed by their folded lower-case form, → their words.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân",
    "hdnd": "hội đồng nhân dân",
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "hcc": "hành chính công",
    "pvhcc": "phục vụ hành chính công",
    "ttpvhcc": "trung tâm phục vụ hành chính công",
    "vhxh": "văn hóa xã hội",
    "vh": "văn hóa",
    "xh": "xã hội",
    "vp": "văn phòng",
    "qppl": "quy phạm pháp luật",
    "vbqppl": "văn bản quy phạm pháp luật",
    "cntt": "công nghệ thông tin",
    "cds": "chuyển đổi số",
    "dvc": "dịch vụ công",
    "dvctt": "dịch vụ công trực tuyến",
    "pakn": "phản ánh kiến nghị",
    "csdl": "cơ sở dữ liệu",
    "ttdt": "thông tin điện tử",
    "cbcc": "cán bộ công chức",
    "ccvc": "công chức viên chức",
    "cbccvc": "cán bộ công chức viên chức",
    "vtvl": "vị trí việc làm",
    "mttq": "mặt trận tổ quốc",
    "bcd": "ban chỉ đạo",
    "nv": "nhiệm vụ",
    "nvu": "nhiệm vụ",
    "kh": "kế hoạch",
    "qd": "quyết định",
    "sp": "sản phẩm",
    "gd": "giáo dục",
    "cq": "cơ quan",
    # chat shorthand of staff questions ("chỉ tiêu bn %?", "có nv tương tự ko?", "dv y tế", "trong PL")
    "bn": "bao nhiêu",
    "ko": "không",
    "bc": "báo cáo",
    "tg": "thời gian",
    "dv": "dịch vụ",
    "pl": "phụ lục",
    "tgian": "thời gian",
    "ntn": "như thế nào",
    "trc": "trước",
    "dc": "được",
    "vs": "với",
    "bgio": "bao giờ",
    "kq": "kết quả",
    "kp": "kinh phí",  # "dự trù kp", "nguồn kp"
    "j": "gì",  # "làm j", "là j": chat spelling of gì
}

#: The same, values folded ("tthc" → "thu tuc hanh chinh").
FOLDED_ABBREVIATIONS: dict[str, str] = {k: fold(v) for k, v in ABBREVIATIONS.items()}

#: The fields a commune's civil servants (công chức) hold, as :func:`canon`
#: writes them: "Công chức Tư pháp - Hộ tịch", "Công chức Tài chính - Kế toán",
#: "Văn phòng - Thống kê", "Địa chính - Xây dựng", "Văn hóa - Xã hội" (not
#: "tài chính công", a reform's name).
CIVIL_SERVANT_FIELDS: tuple[str, ...] = (
    "tu phap", "ho tich", "van phong", "thong ke", r"tai chinh(?! cong)", "ke toan", "dia chinh",
    "xay dung", "moi truong", "van hoa", "xa hoi", "lao dong", "noi vu", "quan su",
)

#: The areas a CCHC plan divides its work by (the national programme's
#: reform areas, with the direction of the work and e-/digital government):
#: each area's phrase as :func:`canon` writes the plans' wording → the
#: ways a question names it (regex on canonical keys, the shorter ones
#: included: "tài chính công", "thể chế", "chế độ công vụ"). A duty of the
#: implementation part that writes the phrase is the unit's duty on the area.
REFORM_AREAS: dict[str, str] = {
    "cai cach the che": r"(?:cai cach )?the che",
    "cai cach thu tuc hanh chinh": r"cai cach thu tuc hanh chinh",
    "cai cach to chuc bo may": r"(?:cai cach )?to chuc bo may",
    "cai cach che do cong vu": r"(?:cai cach )?che do cong vu|cai cach cong vu",
    "cai cach tai chinh cong": r"(?:cai cach )?tai chinh cong",
    "chinh quyen dien tu": r"chinh quyen dien tu(?: (?:va )?chinh quyen so)?|chinh quyen so",
    "chi dao dieu hanh": r"(?:cong tac )?chi dao dieu hanh",
}

#: Abbreviations expanded only next to certain words (alone they are
#: ambiguous: "TT" is also the row-number column, "KT" also "kiểm tra").
#: Patterns work on :func:`canon` text (folded).
#: The fields a commune or district department (phòng) is named by, as
#: :func:`canon` writes them (abbreviations included): "Phòng Kinh tế", "Phòng
#: Văn hóa - Xã hội", "Phòng Nội vụ", "Phòng Tư pháp" …; after "P." they make
#: it "phòng", not "phường" ("P. Kinh tế", "P.VH-XH", "p.noi vu").
DEPARTMENT_FIELDS: tuple[str, ...] = (
    "kinh te", "kt", "van hoa", "vhxh", "noi vu", "tai chinh", "tu phap", "tp", "giao duc", "y te",
    "tai nguyen", "lao dong", "quan ly do thi", "ha tang", "nong nghiep", "thanh tra",
)

CONTEXT_ABBREVIATIONS: list[tuple[re.Pattern[str], str]] = [
    # "P. Kinh tế", "P.VH-XH": a department (phòng) by its field, before "phòng KT", "phòng TP" are read
    (re.compile(r"\bp(?= (?:" + "|".join(DEPARTMENT_FIELDS) + r")\b)"), "phong"),
    (re.compile(r"\btt(?= (?:phuc vu|pvhcc|phuc|dich vu|van hoa|hanh chinh))"), "trung tam"),
    # "cc Tư pháp hộ tịch", "CC VP-TK": a commune civil servant by the field held
    # (:data:`CIVIL_SERVANT_FIELDS`); "CC TTHC", "CC tài chính công" are reforms (cải cách)
    (re.compile(r"\bcc(?= (?:" + "|".join(CIVIL_SERVANT_FIELDS) + r")\b)"), "cong chuc"),
    (re.compile(r"(?<=\bphong )kt\b"), "kinh te"),
    (re.compile(r"(?<=\bcua )cp\b"), "chinh phu"),  # "nghị quyết nào của CP"
    (re.compile(r"(?<=\bphong )tp\b"), "tu phap"),
    # "TP Cần Thơ", "TP. Hải Phòng", "thuộc TP nào": the city, once "Phòng TP" is read
    (re.compile(r"(?<!\bphong )\btp\b(?! ?\d)"), "thanh pho"),
    (re.compile(r"\btt pv(?= hanh chinh cong\b)"), "trung tam phuc vu"),
    # "ai ph?", "đơn vị ph", "chủ trì, ph": chat shorthand of phối hợp after a who/unit word
    (re.compile(r"(?:(?<=\bai )|(?<=\bdon vi )|(?<=\bco quan )|(?<=\bchu tri ))ph\b"), "phoi hop"),
    # "dv" is "dịch vụ" ("dv y tế"), but "đơn vị" before a unit's role: "ko có dv phối
    # hợp", "dv nào chủ trì" (not "Trung tâm Dịch vụ … chủ trì", a unit's name)
    (re.compile(r"(?<!\btrung tam )\bdich vu(?= (?:nao )?(?:phoi hop|chu tri)\b)"), "don vi"),
]

#: The i/y spellings of one Sino-Vietnamese syllable ("tỉ lệ" / "tỷ lệ", "kĩ năng" /
#: "kỹ năng", "quản lí" / "quản lý"): both are correct Vietnamese, the plans write y.
#: Bare syllable → the words it stands beside (after it; "quan" before "li"); "ti",
#: "ki", "li" alone are other words and are kept.
Y_SPELLED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "ti": (frozenset({"le", "trong", "so"}), frozenset()),
    "ki": (frozenset({"nang", "thuat", "luat", "cuong", "hop"}), frozenset()),
    "li": (frozenset({"do", "lich", "luan"}), frozenset({"quan"})),
}
_I_TO_Y = str.maketrans("iíìỉĩịIÍÌỈĨỊ", "yýỳỷỹỵYÝỲỶỸỴ")
_WORD = re.compile(r"\w+")


def y_spelled(text: str) -> str:
    """``text`` (any form, diacritics optional) with the i spelling of a
    :data:`Y_SPELLED` syllable written with y, tone kept: "tỉ lệ" → "tỷ lệ",
    "ti le" → "ty le", "quản lí" → "quản lý"; other text unchanged."""
    words = list(_WORD.finditer(text))
    out, last = [], 0
    for i, m in enumerate(words):
        entry = Y_SPELLED.get(fold(m.group(0)))
        if entry is None:
            continue
        after = fold(words[i + 1].group(0)) if i + 1 < len(words) else ""
        before = fold(words[i - 1].group(0)) if i else ""
        if after in entry[0] or before in entry[1]:
            out += [text[last:m.start()], m.group(0).translate(_I_TO_Y)]
            last = m.end()
    return "".join(out) + text[last:] if out else text


#: Short tokens that are never a plan's initials ("TT" row number, "KT").
RESERVED_TOKENS: frozenset[str] = frozenset(ABBREVIATIONS) | {"tt", "kt", "tp", "stt"}

#: A word of a :func:`canon` key (dotted numbers such as "IV.3" or "2.3" whole).
CANON_WORD = re.compile(r"[ivxlc]+(?:\.\d+)+|\d+(?:[./:]\d+)+%?|[0-9a-z]+%?")


def canon(text: str | None) -> str:
    """Comparison key: :func:`ingest.textnorm.fold`, tags and punctuation →
    space, ``&`` → "va", "VH-XH" joined, letter–digit runs split ("nv22" →
    "nv 22"), :data:`FOLDED_ABBREVIATIONS` and :data:`CONTEXT_ABBREVIATIONS`
    expanded, the i spelling of :func:`y_spelled` written with y
    ("ti le" → "ty le"). Dotted numbers ("2.3", "IV.3") are kept whole.

    "Phòng Văn hoá- Xã hội" → "phong van hoa xa hoi"; "VP HĐND&UBND" →
    "van phong hoi dong nhan dan va uy ban nhan dan". ``None`` → "".
    """
    s = fold(y_spelled(re.sub(r"</?[A-Za-z]+\s*/?>", " ", text or ""))).replace("&", " va ")
    s = re.sub(r"\b(vh)\s*-\s*(xh)\b", r"\1\2", s)
    s = re.sub(r"\b([a-z]+)(?=\d)", r"\1 ", s)  # "nv22" → "nv 22"
    s = " ".join(FOLDED_ABBREVIATIONS.get(t, t) for t in CANON_WORD.findall(s))
    for pattern, words in CONTEXT_ABBREVIATIONS:
        s = pattern.sub(words, s)
    return s


# ------------------------------------------------------------ staff wording → plan wording

#: How staff say a concept (a :func:`canon` key) → how the plans write it,
#: one entry per concept: "thu hút người giỏi" is the plans' "thu hút nhân
#: tài", "trường học công" their "giáo dục công (lập)", "làm lại bộ máy"
#: their "sắp xếp tổ chức bộ máy", "dịch vụ công qua mạng" their "dịch vụ
#: công trực tuyến". Applied by :func:`paraphrase` to a question's key
#: before its words are matched against the task rows.
PLAN_WORDING: dict[str, str] = {
    "nguoi gioi": "nhan tai",
    "nguoi tai": "nhan tai",
    "nguoi co tai": "nhan tai",
    "truong hoc cong": "giao duc cong",
    "truong cong": "giao duc cong",
    "benh vien cong": "y te cong",
    "tram y te": "y te cong",
    "lam lai bo may": "sap xep to chuc bo may",
    "sap lai bo may": "sap xep to chuc bo may",
    "gon bo may": "to chuc bo may tinh gon",
    "qua mang": "truc tuyen",
    "tren mang": "truc tuyen",
    "online": "truc tuyen",
    "cat giam nguoi": "tinh gian bien che",
    "giam bien che": "tinh gian bien che",
    "tra tien": "thanh toan",
    "nop tien": "thanh toan",
    "chuyen tien": "thanh toan",
    "tien dau tu": "von dau tu",
    "bao cao thu chi": "bao cao tai chinh",
    # "niêm yết / đăng tải (công khai) thủ tục": the plans' "công khai TTHC"
    "niem yet cong khai": "cong khai",
    "niem yet": "cong khai",
    "dang tai cong khai": "cong khai",
    "dang tai": "cong khai",
    "top": "nhom dan dau",
    "tot nhat": "dan dau",
}
_PLAN_WORDING = re.compile(r"(?:^|(?<= ))(" + "|".join(
    re.escape(k) for k in sorted(PLAN_WORDING, key=len, reverse=True)) + r")(?= |$)")


def paraphrase(key: str, unknown: Callable[[str], bool] | None = None) -> str:
    """``key`` (a :func:`canon` key) with each staff wording of
    :data:`PLAN_WORDING` replaced by the plans' words, longest first:
    "co che thu hut nguoi gioi" → "co che thu hut nhan tai". With
    ``unknown`` (a canon word → is it absent from the plans?), only a
    wording whose every word the plans never write is replaced ("top 15" →
    "nhom dan dau 15"; "tram y te", which the plans write, is kept)."""
    def replace(match: re.Match[str]) -> str:
        staff = match.group(1)
        if unknown is not None and not all(unknown(w) for w in staff.split()):
            return staff
        return PLAN_WORDING[staff]
    return _PLAN_WORDING.sub(replace, key)


def contains_words(hay: str, needle: str) -> int:
    """Position of ``needle`` in ``hay`` as whole space-separated words, else -1
    (both are :func:`canon` keys)."""
    if not needle:
        return -1
    m = re.search(r"(?:^|(?<= ))" + re.escape(needle) + r"(?= |$)", hay)
    return m.start() if m else -1


def written_span(key: str, texts: Iterable[str]) -> str | None:
    """The first run of words in ``texts`` (each any text, as written) whose
    folded lower-case words are the words of ``key`` (a :func:`canon` key),
    with its diacritics and case kept: ``written_span("thi hanh phap luat",
    ["Kiểm tra tình hình thi hành pháp luật …"])`` → "thi hành pháp luật".
    Words an abbreviation stands for are not matched; ``None`` when no text
    holds the run."""
    want = key.split()
    if not want:
        return None
    for text in texts:
        tokens = list(re.finditer(r"[^\W_]+", text or ""))
        folded = [fold(t.group(0)).lower() for t in tokens]
        for i in range(len(tokens) - len(want) + 1):
            if folded[i:i + len(want)] == want:
                return (text or "")[tokens[i].start():tokens[i + len(want) - 1].end()]
    return None


#: Acronyms whose lower-case spelling is a common Vietnamese word: "AI" in
#: "tập huấn AI" against "ai" (who) in "ai chủ trì". The plans write them
#: in capitals, so a question's capitals tell the acronym.
CASED_ACRONYMS: frozenset[str] = frozenset({"AI"})


def mask_cased_acronyms(text: str) -> str:
    """``text`` with each :data:`CASED_ACRONYMS` token typed in capitals
    blanked out, for reading the words that ask a field; unchanged when most
    of ``text``'s letters are capitals ("AI CHỦ TRÌ NV 5?" keeps "AI" as
    "who"). "Tập huấn AI cho CBCC hạn khi nào?" → "Tập huấn   cho CBCC hạn
    khi nào?"; "ai lo việc AI?" keeps the lower-case "ai"."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return text
    return re.sub(r"\b(?:" + "|".join(sorted(CASED_ACRONYMS)) + r")\b", " ", text)


def cased_acronyms_typed(text: str) -> frozenset[str]:
    """The :data:`CASED_ACRONYMS` typed in capitals in ``text``, as
    :func:`fold` keys ("VK có cái nào về AI ko" → {"ai"}): words a topic keeps
    though their lower-case spelling is a question word; empty when most of
    ``text``'s letters are capitals (:func:`mask_cased_acronyms`)."""
    if mask_cased_acronyms(text) == text:
        return frozenset()
    return frozenset(fold(w) for w in re.findall(r"\b(?:" + "|".join(sorted(CASED_ACRONYMS)) + r")\b", text))


_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_TOKEN = re.compile(r"[^\W_]+")


def _expand_token(match: re.Match[str]) -> str:
    token = match.group(0)
    return ABBREVIATIONS.get(fold(token), token)


def expand_abbreviations(text: str) -> str:
    """Normalised ``text`` with diacritics kept: NFC, :func:`canonical_tones`,
    letter–digit runs split ("NV22" → "NV 22"), :data:`ABBREVIATIONS` expanded.

    Only whole tokens are rewritten, case-insensitively and with or without
    diacritics ("HĐND" and "HDND" → "hội đồng nhân dân"); other text is kept.
    """
    text = _LETTER_DIGIT.sub(" ", canonical_tones(text))
    return _TOKEN.sub(_expand_token, text)


# ------------------------------------------------------------ tone marks


@lru_cache(maxsize=1)
def _tone_map() -> dict[str, str]:
    """underthesea's token normalisation table (``text_normalize`` rules),
    read from its packaged rule file without importing the whole library
    (which loads its models, ~3 s)."""
    import joblib

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("underthesea is not installed")
    folder = os.path.join(list(spec.submodule_search_locations)[0], "pipeline", "text_normalize")
    rules = sorted(f for f in os.listdir(folder) if f.startswith("tn_rules_") and f.endswith(".bin"))
    data = joblib.load(os.path.join(folder, rules[-1]))
    table = {nfc(k): nfc(v) for k, v in data["token"].items()}
    table.update({nfc(k): nfc(v) for k, v in data["character"].items()})
    return table


_SYLLABLE = re.compile(r"[^\W\d_]+")


def canonical_tones(text: str) -> str:
    """NFC ``text`` with each word's tone mark placed as
    ``underthesea.text_normalize`` does: "Phòng Văn hoá" → "Phòng Văn hóa",
    "thuỷ" → "thủy", "Uỷ ban" → "Ủy ban"; "quý", "hoàng", "thuyết" are kept.

    Unlike ``text_normalize`` it does not re-tokenise: only letters change,
    so spaces, punctuation and (NFC) length stay as they were.
    """
    table = _tone_map()
    return _SYLLABLE.sub(lambda m: table.get(m.group(0), m.group(0)), nfc(text or ""))


# ------------------------------------------------------------ cell openers
#
# Regex fragments matched at the start of a folded cell (lower case, no
# diacritics). ``*_OPENERS`` are certain enough to decide a cell's column
# (the annex table rules); ``*_OPENERS_WIDE`` add words that are only
# evidence (the PDF-flattened row scorer weighs them against other cues).

#: A deadline cell: "Quý II/2026", "Tháng 10", "Trước 30/6", "Thường
#: xuyên", "Hàng năm", "Theo kế hoạch", "Định kỳ", "Chậm nhất …", a date.
DEADLINE_OPENERS: tuple[str, ...] = (
    "quy", "thang", "truoc", "trong", "ca nam", r"nam \d{4}", "thuong xuyen",
    "hang (?:nam|quy|thang)", "giai doan", r"\d{1,2}/\d{4}", r"\d{4}",
    "theo (?:ke hoach|huong dan|tien do|lo trinh|chi dao|thoi gian)", "khi", "ngay",
    "dinh ky", "cham nhat", "den (?:het )?(?:ngay|thang|nam)", "sau khi",
)
DEADLINE_OPENERS_WIDE: tuple[str, ...] = DEADLINE_OPENERS + (
    "nam", "theo", "hang", "sau", "tu", "den", "dau", "cuoi", "giua", "lien tuc",
    "dot xuat", "kip thoi", "han", "thoi han", r"\d",
)

#: A task content opening with an act of oversight over another task ("Kiểm tra
#: việc xây dựng, áp dụng … ISO 9001", "Theo dõi việc thi hành …", "Giám sát",
#: "Đôn đốc", "Thẩm định"): the row is the check, not the work it checks.
OVERSIGHT_OPENERS: tuple[str, ...] = ("kiem tra", "theo doi", "giam sat", "don doc", "tham dinh")

#: A lead / coordinating cell: "Phòng …", "Văn phòng …", "Trung tâm …",
#: "Công an xã", "UBND", "Các phòng, ban", "Ban Chỉ huy quân sự" …
UNIT_OPENERS: tuple[str, ...] = (
    "phong", "van phong", "trung tam", "ban ", "so ", "ubnd", "uy ban", "cac ", "co quan",
    "don vi", "cong an", "tram", "truong ", "hoi ", "doan ", "mat tran", "tu phap",
    "tai chinh", "van hoa", "cong chuc", "bo phan", "chu tich", "lanh dao", "thanh tra",
    "quan su", "ke toan", "dia chinh", "thuong truc", "to ",
)
UNIT_OPENERS_WIDE: tuple[str, ...] = UNIT_OPENERS + (
    "ban", "so", "cac", "hdnd", "hoi", "hoi dong", "dai", "truong", "doan", "mttq",
    "ban chi huy", "chi cuc", "kho bac", "can bo", "bo", "to", "ngan hang", "bao hiem",
    "chi nhanh", "dang uy", "kinh te", "y te", "hop tac xa", "thu truong", "nguoi dung dau",
    "tat ca", "toan bo", "cap", "ubmttq", "ct", "pct", "ho tich", "lao dong", "noi vu",
    "thong ke", "buu dien", "dien luc", "xay dung", "giao thong", "nong nghiep",
    "moi truong", "tai nguyen", "kiem lam", "chi hoi", "lien doan", "nganh",
    "chinh quyen", "quan ly", "bch", "dtn", "chi bo",
)

#: A product cell: "Kế hoạch", "Báo cáo", "Quyết định", "Văn bản", "Hệ
#: thống …", "Cơ sở dữ liệu", "Số liệu" …; wide: also "100% …", a list dash.
PRODUCT_OPENERS: tuple[str, ...] = (
    "ke hoach", "bao cao", "van ban", "quyet dinh", "cong van", "thong bao", "de an",
    "chuong trinh", "danh sach", "danh muc", "bien ban", "giay moi", "tai lieu", "he thong",
    "phan mem", "co so du lieu", "csdl", "quy che", "quy dinh", "nghi quyet", "hoi nghi",
    "so lieu", "diem so", "to trinh", "bang diem", "ket qua",
)
PRODUCT_OPENERS_WIDE: tuple[str, ...] = PRODUCT_OPENERS + (
    "hoi thi", "quy trinh", "ho so", "lop", "cong", "kho", "mau", "trang", "du lieu",
    "cac", "san pham", "bai", "tin", "chuyen muc", "an pham", "phong su", "tthc", "dvc",
    "100%", "[-+•]",
)


def _opener_pattern(fragments: tuple[str, ...]) -> re.Pattern[str]:
    # a fragment ending in a space or a class needs no word end after it
    parts = [f if f.endswith((" ", "]", "%")) else f + r"\b" for f in fragments]
    return re.compile(r"^(?:" + "|".join(parts) + ")")


_OPENER_RE: dict[tuple[str, bool], re.Pattern[str]] = {
    ("deadline", False): _opener_pattern(DEADLINE_OPENERS),
    ("deadline", True): _opener_pattern(DEADLINE_OPENERS_WIDE),
    ("unit", False): _opener_pattern(UNIT_OPENERS),
    ("unit", True): _opener_pattern(UNIT_OPENERS_WIDE),
    ("product", False): _opener_pattern(PRODUCT_OPENERS),
    ("product", True): _opener_pattern(PRODUCT_OPENERS_WIDE),
}


def opens_cell(text: str | None, kind: str, wide: bool = False) -> bool:
    """Does ``text`` start like a ``kind`` cell (``deadline``, ``unit``,
    ``product``; ``lead``/``coordinating`` mean ``unit``)?

    Compared on :func:`ingest.textnorm.fold` keys, so diacritics and
    tone-mark placement do not matter. ``wide=True`` uses the ``*_WIDE``
    vocabularies (evidence, not proof). Raises ``KeyError`` for another kind.
    """
    kind = "unit" if kind in ("lead", "coordinating") else kind
    return bool(_OPENER_RE[(kind, wide)].match(fold(text)))


# ------------------------------------------------------------ unit head words

#: Folded words that open a unit's name in body text ("Phòng Kinh tế:",
#: "Văn phòng HĐND và UBND xã", "Công an xã", "Các cơ quan, đơn vị").
UNIT_HEADS: tuple[str, ...] = (
    "phong", "van phong", "trung tam", "ban", "cong chuc", "can bo", "so",
    "uy ban", "ubnd", "hdnd", "hoi dong", "tram", "truong", "cac truong",
    "cong an", "quan su", "mat tran", "doan", "hoi", "thu truong", "chu tich",
    "pho chu tich", "cong thong tin", "cong", "dai", "bo phan", "cac co quan",
    "cac phong", "cac don vi", "cac ban", "co quan", "don vi", "to", "thanh vien",
    "lanh dao", "nguoi dung dau", "kho bac", "chi cuc", "bao hiem", "buu dien",
    "thon", "ap", "khu pho", "to dan pho", "de nghi",
)

#: Canonical words that open a qualifier after a unit's own name, not part of
#: it: "Các trường trên địa bàn xã", "Công chức Văn hóa-xã hội (phụ trách lĩnh
#: vực …)", "các phòng thuộc UBND xã". A question names the unit without it.
UNIT_QUALIFIER = re.compile(r" (?:tren dia ban|tren pham vi|truc thuoc|thuoc|phu trach)\b.*$")

#: Folded head nouns of organisation names that cannot end a cell: a lead
#: cell "…, Cục" continues with the unit's name ("Lâm nghiệp và Kiểm lâm")
#: on the next line or page (``ingest.cell_lines``).
NAMELESS_HEADS: frozenset[str] = frozenset(
    "cuc so vu ban phong vien bo uy van trung chi tong hoi doan ubnd hdnd".split()
)

#: Words that open a sentence only said of the one before it ("… Chính quyền
#: số. Trong đó trọng tâm là chuyển đổi số …"): answers quote the two as one
#: sentence (``retrieval.answering.text.split_sentences``).
CONTINUING_OPENERS: tuple[str, ...] = ("Trong đó",)
