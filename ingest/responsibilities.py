"""Responsibilities: the duties the organisation section assigns to each unit.

Rule: inside every section whose heading names the organisation part
("TỔ CHỨC THỰC HIỆN"), each nested heading that names a unit yields a
:class:`ingest.model.Responsibility`:

* a *unit heading* is a real heading (not a leaf item — numbered
  sentences such as "g) Đề nghị Mặt trận … tích cực tham gia …" are not
  read) whose title opens with a unit noun of the administration
  ("Phòng …", "Văn phòng …", "Trung tâm …", "Công chức …", "Trạm …",
  "Các trường …", "Thủ trưởng …", "Ban …", "Đài …", "Cổng …", "Đề nghị …"
  …) and is not a container of the part ("Trách nhiệm chung", "Phân công
  trách nhiệm cụ thể của các cơ quan, đơn vị …");
* ``unit`` is the title without its marker, emphasis, a leading
  "Đề nghị", a trailing ":" and a trailing "có/chịu trách nhiệm"
  ("4. Công chức Văn hóa-xã hội (…), cán bộ truyền thanh xã có trách nhiệm"
  → "Công chức Văn hóa-xã hội (…), cán bộ truyền thanh xã");
* ``duties`` are the paragraphs and items of that section and of the
  sections nested in it (leaf items "a) Là cơ quan thường trực …"
  included), list markers removed, skipping nested unit headings' own
  duties; ``section`` is the unit heading's locator.
"""

from __future__ import annotations

import re

from ingest.markers import parse_marker
from ingest.model import Responsibility, Section
from ingest.sections import descendants, is_leaf_item_section, is_special_section
from ingest.textnorm import fold

_UNIT_NOUNS = (
    "phong", "van phong", "trung tam", "ban", "cong chuc", "can bo", "so",
    "uy ban", "ubnd", "hdnd", "hoi dong", "tram", "truong", "cac truong",
    "cong an", "quan su", "mat tran", "doan", "hoi", "thu truong", "chu tich",
    "pho chu tich", "cong thong tin", "cong", "dai", "bo phan", "cac co quan",
    "cac phong", "cac don vi", "cac ban", "co quan", "don vi", "to", "thanh vien",
    "lanh dao", "nguoi dung dau", "kho bac", "chi cuc", "bao hiem", "buu dien",
    "thon", "ap", "khu pho", "to dan pho", "de nghi",
)
_CONTAINERS = ("trach nhiem", "phan cong", "to chuc", "nhiem vu", "che do")


def _title(heading: str) -> str:
    marker = parse_marker(heading)
    return (marker.rest if marker else heading).strip(" *_#")


def clean_unit(title: str) -> str:
    """Unit name from a unit heading's title (rules in the module docstring)."""
    text = re.sub(r"\s+", " ", title).strip(" *_")
    text = re.sub(r"[\s:.]+$", "", text)
    text = re.sub(r"\s+(?:có|chịu)\s+trách\s+nhiệm$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^Đề\s+nghị\s+", "", text, flags=re.IGNORECASE)
    return text.strip(" :")


def is_unit_heading(section: Section) -> bool:
    """True when ``section`` is a real heading naming a unit."""
    if is_leaf_item_section(section):
        return False
    key = fold(_title(section.heading))
    if key.startswith(_CONTAINERS) or "trach nhiem chung" in key or "trach nhiem cu the" in key:
        return False
    return any(key == w or key.startswith(w + " ") for w in _UNIT_NOUNS)


def _is_org_section(section: Section) -> bool:
    return not is_leaf_item_section(section) and "to chuc thuc hien" in fold(section.heading)


def _duty(text: str) -> str:
    marker = parse_marker(text)
    return marker.rest if marker is not None else text


def find_responsibilities(sections: list[Section]) -> list[Responsibility]:
    """Return one :class:`Responsibility` per unit heading, in document order."""
    index = {id(s): k for k, s in enumerate(sections)}
    below = [descendants(sections, k) for k in range(len(sections))]
    out: list[Responsibility] = []
    seen: set[int] = set()
    for k, section in enumerate(sections):
        if is_special_section(section) or not _is_org_section(section):
            continue
        for sub in below[k]:
            if id(sub) in seen or not is_unit_heading(sub):
                continue
            seen.add(id(sub))
            inner = below[index[id(sub)]]
            skip = {id(s) for u in inner if is_unit_heading(u)
                    for s in [u, *below[index[id(u)]]]}
            duties = [_duty(p.text) for s in [sub, *inner] if id(s) not in skip
                      for p in s.paragraphs]
            out.append(Responsibility(clean_unit(_title(sub.heading)), duties, sub.locator))
    return out
