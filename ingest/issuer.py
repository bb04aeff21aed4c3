"""The issuing body of a plan from its letterhead, for every kind of issuer.

Source pattern: the left block of the header names the issuer, under its
parent body when it has one, in capitals, on separate lines or (in a Word
header table) joined into one cell::

    UBND TỈNH LÀO CAI            ← parent
    SỞ CÔNG THƯƠNG               ← issuer
    Số: /KH-SCT

    BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG ← issuer (no parent)

    ĐẢNG BỘ TỈNH HÀ GIANG        ← parent
    TỈNH ỦY                      ← issuer: "Tỉnh ủy Hà Giang" (name of the parent)

    CHÍNH PHỦ                    ← issuer

The text is cut into organisations at their head words (Ủy ban nhân dân /
UBND, Hội đồng nhân dân, Chính phủ, Bộ, Tổng cục, Cục, Vụ, Sở, Phòng, Văn
phòng, Ban, Trung tâm, Chi cục, Đảng bộ, Tỉnh ủy, Huyện ủy, Thành ủy, Quận
ủy, Thị ủy, Đảng ủy, Ban Thường vụ, Ban Chấp hành); the last organisation is
the issuer, the one before it the parent. A head word without a name
("VĂN PHÒNG" / "UBND TỈNH X", "BAN THƯỜNG VỤ" / "TỈNH ỦY") joins the next
organisation; a Party committee right after a unit name ("BAN TUYÊN GIÁO
TỈNH ỦY") belongs to that name. Names are written in the official case:
the head word capitalised, each coordinated field capitalised ("Bộ Nông
nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch"), place names in
title case ("tỉnh Lào Cai").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.lexicon import ABBREVIATIONS
from ingest.textkey import aligned_fold
from ingest.textnorm import fold

# (folded head, written head, level); longest first where heads overlap
_HEADS: list[tuple[str, str, str]] = [
    ("uy ban nhan dan", "Ủy ban nhân dân", "ubnd"),
    ("ubnd", "Ủy ban nhân dân", "ubnd"),
    ("hoi dong nhan dan", "Hội đồng nhân dân", "hdnd"),
    ("hdnd", "Hội đồng nhân dân", "hdnd"),
    ("thu tuong chinh phu", "Thủ tướng Chính phủ", "chính phủ"),
    ("chinh phu", "Chính phủ", "chính phủ"),
    ("ban thuong vu", "Ban Thường vụ", "party"),
    ("ban chap hanh", "Ban Chấp hành", "party"),
    ("dang bo", "Đảng bộ", "party"),
    ("tinh uy", "Tỉnh ủy", "tỉnh ủy"),
    ("thanh uy", "Thành ủy", "thành ủy"),
    ("huyen uy", "Huyện ủy", "huyện ủy"),
    ("quan uy", "Quận ủy", "quận ủy"),
    ("thi uy", "Thị ủy", "thị ủy"),
    ("dang uy", "Đảng ủy", "đảng ủy"),
    ("tong cuc", "Tổng cục", "cục"),
    ("chi cuc", "Chi cục", "cục"),
    ("cuc", "Cục", "cục"),
    ("van phong", "Văn phòng", "văn phòng"),
    ("trung tam", "Trung tâm", "trung tâm"),
    ("bo", "Bộ", "bộ"),
    ("vu", "Vụ", "cục"),
    ("so", "Sở", "sở"),
    ("phong", "Phòng", "phòng"),
    ("ban", "Ban", "ban"),
]
_PARTY_COMMITTEES = {"tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy"}
# levels of heads that name an issuer by themselves ("CHÍNH PHỦ", "TỈNH ỦY")
_STANDALONE = {"chính phủ", "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy"}
_PLACE_WORDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")
# where the letterhead ends: the number line, the national motto, the Party motto
_END = re.compile(r"(?<![a-z])(?:so\s*(?::|\d|/)|cong hoa|dang cong san|doc lap)")
# words written with a capital inside an official name
_PROPER = {"công thương": "Công Thương", "việt nam": "Việt Nam", "quốc hội": "Quốc hội"}


@dataclass
class Organisation:
    """One organisation of a letterhead: ``head`` (folded head word), ``text``
    (the words as printed, head included), ``level`` (see :data:`_HEADS`)."""

    head: str
    text: str
    level: str

    @property
    def has_name(self) -> bool:
        """Whether words follow the head word ("Sở Tư pháp", not a bare "Sở")."""
        return len(self.text.split()) > len(self.head.split())


@dataclass
class Letterhead:
    """The issuer and its parent read from a letterhead.

    ``issuer`` and ``parent`` are written names ("Sở Công Thương",
    "Ủy ban nhân dân tỉnh Lào Cai"); ``level`` is "xã", "phường", "huyện",
    "tỉnh", … for an Ủy ban, else "sở", "phòng", "bộ", "cục", "chính phủ",
    "tỉnh ủy", "huyện ủy", "đảng ủy", …; ``place`` the (level, name) of the
    place named in the issuer or, failing that, in the parent.
    """

    issuer: str
    parent: str | None
    level: str
    place: tuple[str, str] | None


# which heads may open an organisation under (after) which: a head word
# inside a name ("SỞ NỘI VỤ", "BỘ QUỐC PHÒNG") opens nothing
_UNDER = {
    None: {h for h, _, _ in _HEADS},
    "uy ban nhan dan": {"so", "phong", "van phong", "ban", "trung tam", "chi cuc", "cuc", "uy ban nhan dan", "ubnd"},
    "hoi dong nhan dan": {"van phong", "ban"},
    "bo": {"tong cuc", "cuc", "vu", "van phong", "ban", "trung tam"},
    "tong cuc": {"cuc", "vu", "van phong", "chi cuc"},
    "cuc": {"chi cuc", "phong", "van phong", "trung tam"},
    "so": {"chi cuc", "phong", "van phong", "trung tam", "ban"},
    "dang bo": {"tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "ban thuong vu", "ban chap hanh"},
    "party committee": {"ban", "van phong", "ban thuong vu", "ban chap hanh", "uy ban nhan dan", "tinh uy",
                        "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy"},
    "nameless": {h for h, _, _ in _HEADS},
}


def _may_follow(prev: str | None, head: str) -> bool:
    if prev == "ubnd":
        prev = "uy ban nhan dan"
    if prev == "hdnd":
        prev = "hoi dong nhan dan"
    if prev in _PARTY_COMMITTEES:
        prev = "party committee"
    if prev in ("van phong", "ban", "ban thuong vu", "ban chap hanh", "chinh phu", "thu tuong chinh phu"):
        prev = "nameless"  # may be followed by the body it belongs to ("VĂN PHÒNG" / "UBND …")
    allowed = _UNDER.get(prev, set())
    return head in allowed


def _name_words(key: str, prev: tuple[int, str, str], pos: int) -> int:
    """Words between the previous head and ``pos``: a one-word name is never
    complete before a head word ("BỘ NỘI VỤ" is one ministry, "BỘ TƯ PHÁP VỤ
    PHÁP CHẾ" a ministry and its department)."""
    return len(re.findall(r"[a-z0-9]+", key[prev[0] + len(prev[1]):pos]))


def _organisations(text: str) -> list[Organisation]:
    key = aligned_fold(text)
    end = _END.search(key)
    if end:
        text, key = text[: end.start()], key[: end.start()]
    starts: list[tuple[int, str, str]] = []
    pos = 0
    while pos < len(key):
        if key[pos].isalpha() and (pos == 0 or not key[pos - 1].isalpha()):
            for head, _, level in _HEADS:
                stop = pos + len(head)
                if (
                    key.startswith(head, pos)
                    and (stop >= len(key) or not key[stop].isalpha())
                    and _may_follow(starts[-1][1] if starts else None, head)
                    and (not starts or _name_words(key, starts[-1], pos) != 1)
                ):
                    starts.append((pos, head, level))
                    pos = stop
                    break
            else:
                pos += 1
        else:
            pos += 1
    orgs: list[Organisation] = []
    for k, (start, head, level) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        words = re.sub(r"[^\w\s,\-–]", " ", text[start:stop]).split()
        orgs.append(Organisation(head, " ".join(words).strip(" ,-–"), level))
    return _join(orgs)


def _join(orgs: list[Organisation]) -> list[Organisation]:
    """Join a nameless head to the next organisation, and a nameless Party
    committee to the unit name before it (see the module docstring)."""
    out: list[Organisation] = []
    for org in orgs:
        prev = out[-1] if out else None
        if prev is not None and not prev.has_name and prev.level not in _STANDALONE and prev.head != "dang bo":
            out.pop()
            level = org.level if prev.head == "ban thuong vu" else prev.level
            org = Organisation(prev.head, f"{prev.text} {org.text}", level)
        elif prev is not None and org.head in _PARTY_COMMITTEES and not org.has_name and prev.head != "dang bo":
            out.pop()
            org = Organisation(prev.head, f"{prev.text} {org.text}", prev.level)
        out.append(org)
    return out


_PLACE_RE = re.compile(rf"(?<!\w)({'|'.join(_PLACE_WORDS)})\s+(?=\w)(?!ủy|uỷ)")


def _place_match(text: str) -> re.Match[str] | None:
    """The first place word ("tỉnh", "QUẬN", not "cơ quan") followed by a word in ``text``."""
    return _PLACE_RE.search(text.lower())


def _place_of(text: str) -> tuple[str, str] | None:
    """("tỉnh", "Lào Cai") for the first place word followed by a name in ``text``."""
    m = _place_match(text)
    if m is None:
        return None
    name = text[m.end():].split(",")[0].strip()
    if not name or not (name[0].isupper() or name[0].isdigit()):
        return None
    return m.group(1), _title_case(name)


def _title_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in name.split())


def written_name(text: str) -> str:
    """An organisation name in the official case (see the module docstring):
    "SỞ CÔNG THƯƠNG" → "Sở Công Thương", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" →
    "Bộ Nông nghiệp và Môi trường", "ĐẢNG ỦY XÃ AN HÒA" → "Đảng ủy xã An Hòa"."""
    key = aligned_fold(text)
    head = next((h for h, _, _ in _HEADS if key.startswith(h) and key[len(h):len(h) + 1] in ("", " ")), None)
    if head is None:
        return text
    written = next(w for h, w, _ in _HEADS if h == head)
    rest = text[len(head):].strip()
    if head == "ubnd":
        rest = text[4:].strip()
    place = None
    m = _place_match(rest)
    if m:
        place, rest = rest[m.start():], rest[: m.start()].strip()
    if head in _PARTY_COMMITTEES and not place:
        return f"{written} {_title_case(rest)}".strip()
    out_words: list[str] = []
    capital = True
    for word in rest.split():
        low = word.lower()
        sub = aligned_fold(low)
        if sub in _PARTY_COMMITTEES or sub.replace(" ", "") in _PARTY_COMMITTEES:
            out_words.append(low.capitalize())
            capital = False
            continue
        if word.isupper() and fold(word) in ABBREVIATIONS:
            out_words.append(word)
        else:
            out_words.append(low.capitalize() if capital else low)
        capital = low in ("và", "-", "–") or word.endswith(",")
    name = " ".join(out_words)
    for low, proper in _PROPER.items():
        name = re.sub(rf"\b{low}\b", proper, name, flags=re.IGNORECASE)
    name = re.sub(r"\b(tỉnh|huyện|thành|quận|thị|đảng) (ủy|uỷ)\b", lambda m2: f"{m2.group(1).capitalize()} ủy",
                  name, flags=re.IGNORECASE)
    # the place named after a Party committee: "Ban Thường vụ Tỉnh ủy Lào Cai"
    name = re.sub(r"\b((?:Tỉnh|Huyện|Thành|Quận|Thị) ủy) (.+)$",
                  lambda m3: f"{m3.group(1)} {' '.join(w.capitalize() for w in m3.group(2).split())}", name)
    parts = [written, name]
    if place:
        level, place_name = _place_of(place) or (None, None)
        if level:
            parts.append(f"{level} {place_name}")
    return " ".join(p for p in parts if p).strip()


def read_letterhead(texts: list[str]) -> Letterhead | None:
    """The issuer and parent named by the letterhead ``texts`` (lines or a
    joined header cell, top first), or ``None`` when no organisation is named.

    An Ủy ban nhân dân needs a place ("UBND XÃ" alone names nobody).
    """
    orgs = _organisations(" ".join(texts))
    if len(orgs) >= 2 and orgs[-1].head in ("ban thuong vu", "ban chap hanh") and not orgs[-1].has_name:
        # "TỈNH ỦY LÀO CAI" / "BAN THƯỜNG VỤ" → "Ban Thường vụ Tỉnh ủy Lào Cai"
        committee = orgs[-2]
        orgs[-2:] = [Organisation(orgs[-1].head, f"{orgs[-1].text} {committee.text}", committee.level)]
    orgs = [o for o in orgs if o.has_name or o.level in _STANDALONE]
    if not orgs:
        return None
    issuer, parent = orgs[-1], (orgs[-2] if len(orgs) > 1 else None)
    name = written_name(issuer.text)
    place = _place_of(name)
    parent_name = written_name(parent.text) if parent else None
    if issuer.level == "ubnd":
        if place is None:
            return None
        level = place[0]
    else:
        level = issuer.level
        if level == "party":
            level = next((lv for h, _, lv in _HEADS if h in aligned_fold(issuer.text) and h in _PARTY_COMMITTEES), "đảng ủy")
    if not issuer.has_name and parent is not None and place is None:
        # "ĐẢNG BỘ TỈNH HÀ GIANG" / "TỈNH ỦY" → "Tỉnh ủy Hà Giang"
        parent_place = _place_of(parent_name or "")
        if parent_place:
            name = f"{name} {parent_place[1]}" if issuer.head in _PARTY_COMMITTEES else f"{name} {parent_place[0]} {parent_place[1]}"
            place = parent_place
    if place is None and parent_name:
        place = _place_of(parent_name)
    return Letterhead(issuer=name, parent=parent_name, level=level, place=place)
