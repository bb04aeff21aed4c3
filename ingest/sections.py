"""The section tree of a plan: cover decision, preamble, outline, annexes.

Built from :class:`ingest.layout.Parts`. Every kept line lands in exactly
one section, in document order; furniture lines (see
:func:`ingest.boilerplate.furniture_mask`) and tables are left out.

Sections produced, in order:

* ``locator="Quyết định"`` — the issuing decision printed before the plan
  (its "Căn cứ …", "Điều 1. …" paragraphs); heading "QUYẾT ĐỊNH <subject>".
  Capitalised lines of the cover (letterhead, "QUYẾT ĐỊNH:", the issuer
  line) are furniture; the subject is the (at most three) lines after the
  "QUYẾT ĐỊNH" title up to the first "Căn cứ". Without a decision title the
  cover's text lines go to the preamble instead.
* ``locator=""``, heading "Mở đầu" — body text before the first heading.
* The outline. A line with a numbering marker (:mod:`ingest.markers`) opens
  a section: ``locator`` is the numbering path ("II.3.b"; a dotted label
  carries its parents: "II.1.2"), ``path`` the heading texts from the top,
  ``level`` at least 1 for roman, 2 for arabic, 1 + depth for dotted
  ("1.1" → 3), 3 for letters, and always deeper than its parent.
  Bullet lines ("-", "+") are paragraphs of kind ``item``, other lines of
  kind ``paragraph``, both in the innermost open section.
* *Parts* above the roman level ("Phần I", "PHẦN THỨ HAI", "A. ĐÁNH GIÁ …",
  :func:`ingest.markers.parse_part`) are sections of level 0 whose label
  prefixes everything under them: "Phần II.I.1", "B.II.3.a" — so chapters
  numbered again in each part stay distinct. A bare part number takes the
  title line under it ("PHẦN THỨ NHẤT" / "ĐÁNH GIÁ KẾT QUẢ" → one heading);
  a line in capitals right under a heading in capitals continues it.
* *Unnumbered headings* in capitals ("TỔ CHỨC THỰC HIỆN",
  :func:`ingest.markers.unnumbered_heading`) rank with roman chapters
  (level 1, or under the open part); their locator is their title as
  written without a trailing ":" ("TỔ CHỨC THỰC HIỆN", "A.KINH PHÍ"), and
  their children extend it ("TỔ CHỨC THỰC HIỆN.2.a").
* *Duplicate numbers*: a numbering path used again gets " (2)", " (3)" …
  ("III (2)" for seed 000's second "III. KINH PHÍ:"), its children extend
  that ("III (2).1"), and a warning names the path as written.
* *Closing paragraph*: after the outline's last heading, a plain paragraph
  opening with a closing formula addressed to all units
  (:func:`is_closing_formula`: "Trong quá trình …", "Trên đây là …",
  "Yêu cầu các …") does not stay in the last item or unit: it opens
  "<chapter> (tiếp)" — a section one level under the outermost open
  chapter (not a part), heading and first paragraph the sentence itself,
  like a leaf item — and the lines after it join that section. Lines stay
  in document order.
* ``locator="Phụ lục"`` (or "Phụ lục II", "Phụ lục 01" when numbered) per
  annex, holding the annex's caption lines.

*Leaf items.* Outline syntax also numbers plain list items ("a) Công tác
cải cách hành chính tiếp tục được xác định là nhiệm vụ trọng tâm …").
An arabic, dotted or letter line is a leaf item when its text after the
marker ends with ``.`` or ``;``, or is longer than :data:`HEADING_MAX`
characters without ending in ``:``, or has no content of its own (the next
kept line is a marker that does not nest under it, or the body ends). A
leaf item still opens its section — so the numbering path stays complete
and any unnumbered continuation lands in it — and the section also gets one
``item`` paragraph with the same text, so the content is searchable like
any paragraph. :func:`is_leaf_item_section` recognises such sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.boilerplate import furniture_mask
from ingest.layout import Parts
from ingest.lines import Line
from ingest.markers import (
    MIN_LEVEL,
    RANK,
    Marker,
    parse_marker,
    split_glued_heading,
    unnumbered_heading,
)
from ingest.model import Paragraph, PlanWarning, Section
from ingest.textnorm import fold, is_caps

HEADING_MAX = 120
COVER_LOCATOR = "Quyết định"
PREAMBLE_LOCATOR = ""
PREAMBLE_HEADING = "Mở đầu"
CLOSING_SUFFIX = "(tiếp)"
_CLOSING = ("trong qua trinh", "qua trinh to chuc", "qua trinh thuc hien", "tren day la",
            "yeu cau cac", "yeu cau thu truong")
ANNEX_LOCATOR = "Phụ lục"


def is_leaf_item_section(section: Section) -> bool:
    """True for a section opened by a leaf item (its first paragraph repeats
    its heading), False for a real heading."""
    return bool(section.paragraphs) and section.paragraphs[0].text == section.heading


def is_special_section(section: Section) -> bool:
    """True for the cover-decision and annex sections (not the plan's body)."""
    return section.locator == COVER_LOCATOR or section.locator.startswith(ANNEX_LOCATOR)


def ancestor_chains(sections: list[Section]) -> list[list[Section]]:
    """For each section, its enclosing sections from the top down.

    Levels grow strictly along a nesting chain, so the chain is rebuilt from
    the order and levels alone. Cover, preamble and annex sections are roots.
    """
    chains: list[list[Section]] = []
    stack: list[Section] = []
    for section in sections:
        if is_special_section(section) or section.locator == PREAMBLE_LOCATOR:
            stack = []
            chains.append([])
            continue
        while stack and stack[-1].level >= section.level:
            stack.pop()
        chains.append(list(stack))
        stack.append(section)
    return chains


def descendants(sections: list[Section], index: int) -> list[Section]:
    """The sections nested under ``sections[index]``, in order."""
    chains = ancestor_chains(sections)
    root = sections[index]
    return [s for s, chain in zip(sections[index + 1:], chains[index + 1:])
            if any(a is root for a in chain)]


def _kept(lines: list[Line]) -> list[Line]:
    texts = [ln.text for ln in lines if not ln.is_table]
    mask = iter(furniture_mask(texts))
    return [ln for ln in lines if not ln.is_table and not next(mask)]


# --- cover -----------------------------------------------------------------

def _cover(cover: list[Line]) -> tuple[Section | None, list[Line]]:
    """The decision section, or ``None`` plus the cover's stray text lines."""
    lines = [ln for ln in _kept(cover) if not is_caps(ln.text) or _is_decision_title(ln.text)]
    title_at = next((i for i, ln in enumerate(lines) if _is_decision_title(ln.text)), None)
    if title_at is None:
        return None, lines
    subject: list[str] = []
    i = title_at + 1
    while i < len(lines) and len(subject) < 3 and not fold(lines[i].text).startswith("can cu"):
        subject.append(lines[i].text)
        i += 1
    kept = lines[:title_at] + lines[i:]  # text lines around the title block
    paragraphs = [Paragraph(ln.text, "paragraph", ln.page) for ln in kept
                  if not _is_decision_title(ln.text)]
    if not paragraphs:
        return None, []
    heading = " ".join(["QUYẾT ĐỊNH", *subject])
    return Section(COVER_LOCATOR, heading, 1, [heading], lines[title_at].page, paragraphs), []


def _is_decision_title(text: str) -> bool:
    """"QUYẾT ĐỊNH" in capitals; "QUYẾT ĐỊNH:" (the enacting formula) is not."""
    return is_caps(text) and fold(text).strip(" *_") == "quyet dinh"


# --- outline ---------------------------------------------------------------

@dataclass
class _Open:
    marker: Marker
    section: Section
    prefix: str  # locator of the parent plus "." ("" at the top)
    opened_at: int  # index of the heading's line


def _nests_under(child: Marker, parent: Marker) -> bool:
    if child.kind == "dotted" and parent.kind in ("arabic", "dotted"):
        return child.label.startswith(parent.label + ".")
    return RANK[child.kind] > RANK[parent.kind]


def _prefix(child: Marker, parent: _Open | None) -> str:
    """Locator text the child's label is appended to."""
    if parent is None:
        return ""
    if child.kind == "dotted" and parent.marker.kind in ("arabic", "dotted"):
        return parent.prefix  # "1.2" under "1" replaces the parent's label
    return parent.section.locator + "."


def _unique(locator: str, seen: set[str]) -> str:
    """``locator``, or "III (2)", "III (3)" … when it is taken already."""
    n = 2
    found = locator
    while found in seen:
        found = f"{locator} ({n})"
        n += 1
    return found


def _min_level(marker: Marker) -> int:
    return 1 + marker.depth if marker.kind == "dotted" else MIN_LEVEL[marker.kind]


def _is_leaf(marker: Marker, nxt: Marker | None, at_end: bool) -> bool:
    if marker.kind in ("roman", "part", "caps"):
        return False
    rest = marker.rest.rstrip("*_ ")
    if rest[-1:] in ".;":
        return True
    if rest.endswith(":"):
        return False
    if len(rest) > HEADING_MAX:
        return True
    if at_end:
        return True
    return nxt is not None and nxt.is_heading and not _nests_under(nxt, marker)


def is_closing_formula(text: str) -> bool:
    """True for a paragraph opening with one of the genre's closing formulas
    addressed to all units: "Trong quá trình (tổ chức) thực hiện …",
    "Trên đây là Kế hoạch …", "Yêu cầu các/Thủ trưởng …", "Quá trình thực hiện …"."""
    return fold(text.strip("*_ ")).startswith(_CLOSING)


def _continues_heading(marker: Marker | None, text: str, top: _Open | None, i: int) -> bool:
    """A line that carries on the heading opened on the line before: a line
    in capitals under a heading in capitals ("II. NHIỆM VỤ, GIẢI PHÁP" /
    "CẢI CÁCH HÀNH CHÍNH NĂM 2026"), or the title line under a bare part
    number ("PHẦN THỨ NHẤT" / "Đánh giá kết quả")."""
    if top is None or top.opened_at != i - 1 or top.section.paragraphs:
        return False
    if top.marker.kind == "part" and not top.marker.rest:
        return (marker is None or marker.kind == "caps") and len(text) <= HEADING_MAX \
            and text.rstrip("*_ ")[-1:] not in ".;"
    return marker is not None and marker.kind == "caps" and is_caps(top.marker.rest)


def _outline(body: list[Line]) -> tuple[list[Section], list[PlanWarning]]:
    lines: list[Line] = []
    for ln in _kept(body):
        lines.extend(Line(t, ln.page) for t in split_glued_heading(ln.text))
    markers = [parse_marker(ln.text) or unnumbered_heading(ln.text) for ln in lines]
    last_heading = max((i for i, m in enumerate(markers) if m is not None and m.is_heading), default=-1)
    sections: list[Section] = []
    warnings: list[PlanWarning] = []
    stack: list[_Open] = []
    loose: Section | None = None  # the preamble
    seen: set[str] = set()
    for i, (ln, marker) in enumerate(zip(lines, markers)):
        top = stack[-1] if stack else None
        if top is not None and _continues_heading(marker, ln.text, top, i):
            _extend_heading(top, ln.text, seen)
            top.opened_at = i
            continue
        if marker is None or not marker.is_heading:
            kind = "item" if marker is not None else "paragraph"
            para = Paragraph(ln.text, kind, ln.page)
            if stack and i > last_heading and marker is None and is_closing_formula(ln.text):
                stack = _close_outline(stack, ln, seen, sections)
                continue
            if stack:
                stack[-1].section.paragraphs.append(para)
            else:
                if loose is None:
                    loose = Section(PREAMBLE_LOCATOR, PREAMBLE_HEADING, 1, [PREAMBLE_HEADING], ln.page)
                    sections.append(loose)
                loose.paragraphs.append(para)
            continue
        while stack and not _nests_under(marker, stack[-1].marker):
            stack.pop()
        parent = stack[-1] if stack else None
        prefix = _prefix(marker, parent)
        written = prefix + marker.label
        if written in seen:
            warnings.append(PlanWarning(f"Số mục trùng lặp trong thân kế hoạch: {written}",
                                        "duplicate_section", f"mục {written}"))
        locator = _unique(written, seen)
        seen.add(locator)
        level = max(_min_level(marker), parent.section.level + 1 if parent else 0)
        path = (parent.section.path if parent else []) + [ln.text]
        section = Section(locator, ln.text, level, path, ln.page)
        if _is_leaf(marker, markers[i + 1] if i + 1 < len(lines) else None, i + 1 == len(lines)):
            section.paragraphs.append(Paragraph(ln.text, "item", ln.page))
        sections.append(section)
        stack.append(_Open(marker, section, prefix, i))
    return sections, warnings


def _close_outline(stack: list[_Open], ln: Line, seen: set[str],
                   sections: list[Section]) -> list[_Open]:
    """Open the section of a closing paragraph (see module docstring) and
    return the new stack: the chapter, then that section."""
    chapter = next((o for o in stack if o.marker.kind != "part"), stack[-1])
    locator = _unique(f"{chapter.section.locator} {CLOSING_SUFFIX}", seen)
    seen.add(locator)
    section = Section(locator, ln.text, chapter.section.level + 1,
                      chapter.section.path + [ln.text], ln.page,
                      [Paragraph(ln.text, "paragraph", ln.page)])
    sections.append(section)
    closing = _Open(Marker("caps", locator, ln.text), section, chapter.prefix, -1)
    return stack[: stack.index(chapter) + 1] + [closing]


def _extend_heading(top: _Open, text: str, seen: set[str]) -> None:
    """Append ``text`` to the heading just opened (and, for an unnumbered
    heading, to its locator, which is its title)."""
    section = top.section
    section.heading = f"{section.heading} {text}"
    section.path[-1] = section.heading
    if top.marker.kind == "caps":
        seen.discard(section.locator)
        title = unnumbered_heading(section.heading)
        if title is not None:
            top.marker = title
            section.locator = _unique(top.prefix + title.label, seen)
        seen.add(section.locator)
    elif top.marker.kind == "part" and not top.marker.rest:
        top.marker = Marker("part", top.marker.label, text)


# --- annexes ---------------------------------------------------------------

def _annex_locator(heading: str) -> str:
    m = re.match(r"^phu luc\s*(?:so\s*)?([ivxl]+|\d+)\b", fold(heading.strip("*_# ")))
    return f"{ANNEX_LOCATOR} {m.group(1).upper()}" if m else ANNEX_LOCATOR


def _annex_section(annex: list[Line]) -> Section:
    head = annex[0]
    if head.is_table:
        heading = ANNEX_LOCATOR
        rest = annex
    else:
        heading, rest = head.text, annex[1:]
    paragraphs = [Paragraph(ln.text, "paragraph", ln.page) for ln in _kept(rest)]
    return Section(_annex_locator(heading), heading, 1, [heading], head.page, paragraphs)


def build_sections(parts: Parts) -> tuple[list[Section], list[PlanWarning]]:
    """Return ``(sections, warnings)`` for ``parts`` (see module docstring).

    ``warnings`` are :class:`ingest.model.PlanWarning` records (Vietnamese text), e.g. a numbering path used twice
    ("Số mục trùng lặp trong thân kế hoạch: III"); the second section then
    gets locator "III (2)", so locators of numbered sections are unique
    (the preamble's ``""`` aside).
    """
    sections: list[Section] = []
    cover, stray = _cover(parts.cover)
    if cover is not None:
        sections.append(cover)
    outline, warnings = _outline(stray + parts.body)
    sections.extend(outline)
    sections.extend(_annex_section(a) for a in parts.annexes)
    return sections, warnings
