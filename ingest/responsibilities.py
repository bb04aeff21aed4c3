"""Responsibilities: the duties the organisation section assigns to each unit.

Rule: inside every section whose heading names the organisation part
("TỔ CHỨC THỰC HIỆN"), each nested heading that names a unit yields a
:class:`ingest.model.Responsibility`; so does each item naming its unit
before a colon (inline form, see the last point):

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
* *inline form*: outside unit headings, a leaf item or list item whose text
  before the first colon (at most 80 characters, no verb such as "chủ
  trì", "thực hiện", "tham mưu") names a unit ("a) Phòng Nội vụ: Chủ trì …",
  "- Văn phòng HĐND và UBND xã: Theo dõi …") gives that unit with the text
  after the colon as its first duty; a leaf item's nested content and the
  items right after a list item that use another bullet ("+" under "-")
  are its further duties.
"""

from __future__ import annotations

import re

from ingest.lexicon import UNIT_HEADS
from ingest.markers import parse_marker
from ingest.model import Responsibility, Section
from ingest.sections import descendants, is_leaf_item_section, is_special_section
from ingest.textnorm import fold

_UNIT_NOUNS = UNIT_HEADS
_VERBS = (" chu tri ", " phoi hop ", " thuc hien ", " tham muu ", " chi dao ", " trien khai ",
          " can cu ", " bao cao ", " xay dung ", " to chuc thuc hien ", " theo doi ")
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


def names_unit(title: str) -> bool:
    """True when ``title`` opens with a unit noun and is not a container."""
    key = fold(title.strip(" *_#"))
    if key.startswith(_CONTAINERS) or "trach nhiem chung" in key or "trach nhiem cu the" in key:
        return False
    return any(key == w or key.startswith(w + " ") for w in _UNIT_NOUNS)


def is_unit_heading(section: Section) -> bool:
    """True when ``section`` is a real heading naming a unit."""
    return not is_leaf_item_section(section) and names_unit(_title(section.heading))


def inline_unit(text: str) -> tuple[str, str] | None:
    """``(unit, duty)`` of an item naming its unit before a colon
    ("- Phòng Tài chính - Kế hoạch: Chủ trì thẩm định kinh phí …"), else ``None``."""
    m = re.match(r"^([^:]{3,80}?)\s*:\s*(\S.*)$", _duty(text))
    if m is None or not names_unit(m.group(1)):
        return None
    unit = clean_unit(m.group(1))
    if any(v in f" {fold(unit)} " for v in _VERBS):
        return None
    return unit, m.group(2)


def _is_org_section(section: Section) -> bool:
    return not is_leaf_item_section(section) and "to chuc thuc hien" in fold(section.heading)


def _duty(text: str) -> str:
    marker = parse_marker(text)
    return marker.rest if marker is not None else text


def _inline_items(section: Section) -> list[Responsibility]:
    """Inline-unit items among a section's own paragraphs; the items after one
    with a different bullet ("+" under "-") are its further duties."""
    out: list[Responsibility] = []
    paras = section.paragraphs[1:] if is_leaf_item_section(section) else section.paragraphs
    current: Responsibility | None = None
    label = None
    for para in paras:
        marker = parse_marker(para.text)
        found = inline_unit(para.text)
        if found:
            current = Responsibility(found[0], [found[1]], section.locator)
            label = marker.label if marker is not None else None
            out.append(current)
        elif current is not None and marker is not None and marker.kind == "bullet" and marker.label != label:
            current.duties.append(marker.rest)
        else:
            current = None
    return out


def find_responsibilities(sections: list[Section]) -> list[Responsibility]:
    """Return the responsibilities in document order (rules in the module docstring)."""
    index = {id(s): k for k, s in enumerate(sections)}
    below = [descendants(sections, k) for k in range(len(sections))]
    out: list[Responsibility] = []
    covered: set[int] = set()
    for k, section in enumerate(sections):
        if is_special_section(section) or not _is_org_section(section) or id(section) in covered:
            continue
        covered.add(id(section))
        out.extend(_inline_items(section))
        for sub in below[k]:
            if id(sub) in covered:
                continue
            inner = below[index[id(sub)]]
            inline = inline_unit(sub.heading) if is_leaf_item_section(sub) else None
            if is_unit_heading(sub) or inline:
                skip = {id(s) for u in inner if is_unit_heading(u) for s in [u, *below[index[id(u)]]]}
                duties = [_duty(p.text) for s in [sub, *inner] if id(s) not in skip
                          for p in s.paragraphs]
                if inline:
                    duties = [inline[1], *duties[1:]]
                    unit = inline[0]
                else:
                    unit = clean_unit(_title(sub.heading))
                out.append(Responsibility(unit, duties, sub.locator))
                covered.update(id(s) for s in [sub, *inner] if id(s) not in skip)
            else:
                covered.add(id(sub))
                out.extend(_inline_items(sub))
    return out
