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

from ingest.boilerplate import furniture_mask, is_caps
from ingest.layout import Parts
from ingest.lines import Line
from ingest.markers import MIN_LEVEL, RANK, Marker, parse_marker, split_glued_heading
from ingest.model import Paragraph, Section
from ingest.textnorm import fold

HEADING_MAX = 120
COVER_LOCATOR = "Quyết định"
PREAMBLE_LOCATOR = ""
PREAMBLE_HEADING = "Mở đầu"
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


def _nests_under(child: Marker, parent: Marker) -> bool:
    if child.kind == "dotted" and parent.kind in ("arabic", "dotted"):
        return child.label.startswith(parent.label + ".")
    return RANK[child.kind] > RANK[parent.kind]


def _child_locator(child: Marker, parent: _Open | None) -> str:
    if parent is None:
        return child.label
    loc = parent.section.locator
    if child.kind == "dotted" and parent.marker.kind in ("arabic", "dotted"):
        return loc[: len(loc) - len(parent.marker.label)] + child.label
    return f"{loc}.{child.label}"


def _min_level(marker: Marker) -> int:
    return 1 + marker.depth if marker.kind == "dotted" else MIN_LEVEL[marker.kind]


def _is_leaf(marker: Marker, nxt: Marker | None, at_end: bool) -> bool:
    if marker.kind == "roman":
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


def _outline(body: list[Line]) -> tuple[list[Section], list[str]]:
    lines: list[Line] = []
    for ln in _kept(body):
        lines.extend(Line(t, ln.page) for t in split_glued_heading(ln.text))
    markers = [parse_marker(ln.text) for ln in lines]
    sections: list[Section] = []
    warnings: list[str] = []
    stack: list[_Open] = []
    preamble: Section | None = None
    seen: set[str] = set()
    for i, (ln, marker) in enumerate(zip(lines, markers)):
        if marker is None or not marker.is_heading:
            kind = "item" if marker is not None else "paragraph"
            para = Paragraph(ln.text, kind, ln.page)
            if stack:
                stack[-1].section.paragraphs.append(para)
            else:
                if preamble is None:
                    preamble = Section(PREAMBLE_LOCATOR, PREAMBLE_HEADING, 1, [PREAMBLE_HEADING], ln.page)
                    sections.append(preamble)
                preamble.paragraphs.append(para)
            continue
        while stack and not _nests_under(marker, stack[-1].marker):
            stack.pop()
        parent = stack[-1] if stack else None
        locator = _child_locator(marker, parent)
        level = max(_min_level(marker), parent.section.level + 1 if parent else 1)
        path = (parent.section.path if parent else []) + [ln.text]
        section = Section(locator, ln.text, level, path, ln.page)
        if _is_leaf(marker, markers[i + 1] if i + 1 < len(lines) else None, i + 1 == len(lines)):
            section.paragraphs.append(Paragraph(ln.text, "item", ln.page))
        if locator in seen:
            warnings.append(f"Số mục trùng lặp trong thân kế hoạch: {locator}")
        seen.add(locator)
        sections.append(section)
        stack.append(_Open(marker, section))
    return sections, warnings


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


def build_sections(parts: Parts) -> tuple[list[Section], list[str]]:
    """Return ``(sections, warnings)`` for ``parts`` (see module docstring).

    ``warnings`` are Vietnamese messages, e.g. a numbering path used twice
    ("Số mục trùng lặp trong thân kế hoạch: III"); the locators are kept as
    written, so two sections may then share one.
    """
    sections: list[Section] = []
    cover, stray = _cover(parts.cover)
    if cover is not None:
        sections.append(cover)
    outline, warnings = _outline(stray + parts.body)
    sections.extend(outline)
    sections.extend(_annex_section(a) for a in parts.annexes)
    return sections, warnings
