"""Header facts of a plan: title, issuer, unit, level, period, number, date, signer.

Read from :class:`ingest.layout.Parts`; a field the source leaves blank stays
``None`` — nothing is guessed. Sources, in order of trust:

* ``title`` — the plan type ("KẾ HOẠCH" → "Kế hoạch") followed by the
  subject lines: "Kế hoạch Cải cách hành chính nhà nước xã Nam An Phụ năm
  2026". Without subject lines, the "Kế hoạch …" phrase of the decision's
  subject ("Ban hành Kế hoạch …").
* ``issuing_body`` — the first authority "Ủy ban nhân dân <level> <Name>"
  (also "UBND", "Uỷ ban") found, in order, in: the capitalised letterhead
  and issuer lines of the cover ("ỦY BAN NHÂN DÂN" / "XÃ TRƯỜNG XUÂN";
  "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM AN PHỤ"), the attachment note ("… của
  Chủ tịch Ủy ban nhân dân xã Phú Thái)"), the capitalised and "(…)" lines
  heading the annexes, small header tables. Legal bases ("Căn cứ … của Ủy
  ban nhân dân huyện …") are never read.
  An authority without a name ("ỦY BAN NHÂN DÂN XÃ") is skipped.
  A department letterhead comes first: a capitalised "SỞ …"/"PHÒNG …" line
  among the cover's first capitalised lines names the issuer, with the
  place written on it ("SỞ NỘI VỤ TỈNH AN GIANG") or on the authority
  line(s) above it ("UBND TỈNH BÌNH ĐỊNH" / "SỞ TƯ PHÁP" → "Sở Tư pháp
  tỉnh Bình Định"); the name is put in sentence case.
* ``level``/``unit_name`` — from the issuing body: for an Ủy ban its level
  and place name ("xã", "Phú Thái"), for a department "sở"/"phòng" and the
  organisation itself ("Sở Tư pháp tỉnh Bình Định"); else from the subject:
  a department "… của Sở Tư pháp" → "Sở Tư pháp", "sở"; else a place
  ("… trên địa bàn xã Lộc Hòa" → "xã", "Lộc Hòa").
* ``period`` — from the subject (else the decision's subject):
  "giai đoạn 2026 - 2030" → 2026..2030; "[6 tháng đầu|cuối ] năm 2025" or
  "quý I năm 2025" → 2025..2025; a bare "2026-2030" or "2026" likewise.
* ``decision_number`` — "Số: 04 /QĐ-UBND" of the cover (→ "04/QĐ-UBND"),
  else "Quyết định số 533/QĐ-UBND" inside the attachment note ("(Kèm theo
  …)"), else the same in an annex's note. Legal bases ("Căn cứ Quyết định
  số …") are never read. A blank number ("Số: /QĐ-UBND") yields nothing.
* ``date`` — ISO date of the cover's place-date line ("Trường Xuân, ngày 06
  tháng 01 năm 2026"), else of the "ngày …" in the attachment note or an
  annex's note; only when day, month and year are all written
  ("ngày tháng năm 2026", "ngày /7/2025" → ``None``); ``date_text`` the
  same date as written ("22 tháng 01 năm 2025").
* ``signer`` — the personal name under the signature block of the cover,
  else of the body's end, else of an annex, else at the end of a small
  table's signature cell (see :func:`ingest.boilerplate.signer_indices`).
* ``signature_title`` — that signature block's title lines above the name,
  as written ("CHỦ TỊCH"; "TM. ỦY BAN NHÂN DÂN" + "CHỦ TỊCH"), "\n"-joined;
  from a signature cell, its text before the name, cut before the position
  ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH …" → two lines).
* ``authority`` — the decision's capitalised authority line after its
  subject ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM AN PHỤ", "ỦY BAN NHÂN DÂN XÃ
  TRƯỜNG XUÂN"), mark-up ("**") removed; without a decision page, the
  authority closing the attachment note ("(Kèm theo Quyết định số … của Chủ
  tịch Uỷ ban nhân dân xã Phú Thái)"), as written.
"""

from __future__ import annotations

import datetime as _dt
import re

from ingest.boilerplate import (
    is_caps,
    is_national_motto,
    is_number_line,
    is_place_date,
    is_signature_note,
    is_signature_title,
    signer_in_cell,
    signer_indices,
)
from ingest.issuer import Letterhead, read_letterhead
from ingest.layout import Parts
from ingest.lines import Line
from ingest.model import Metadata, Period
from ingest.textkey import aligned_fold as _key

_LEVELS = r"thi tran|thi xa|thanh pho|phuong|huyen|quan|tinh|xa"
_AUTHORITY = re.compile(rf"(?:uy ban nhan dan|ubnd)\s+({_LEVELS})(?![a-z])")
_SUBJECT_UNIT = re.compile(rf"(?<![a-z])({_LEVELS})\s+(?=\S)")
_STOP = re.compile(r"\s(?:cong hoa|so\s*:|doc lap)")


_AFTER_NAME = {"năm", "giai", "trên", "tháng", "quý", "về", "của", "và", "đến", "từ",
               "theo", "nhiệm", "kỳ", "đợt", "thực", "triển", "cải", "kế"}


def _name_after(text: str) -> str | None:
    """The proper name at the start of ``text``: capitalised words, or a
    number as the only word ("Phường 3"), up to punctuation or a word that
    follows names in subjects ("năm", "giai đoạn", "trên", "6 tháng" …):
    "Nam An Phụ năm 2026" → "Nam An Phụ", "NAM AN PHỤ NĂM 2026" → "Nam An
    Phụ"; words in capitals are title-cased ("TRƯỜNG XUÂN" → "Trường Xuân")."""
    words: list[str] = []
    for token in text.split():
        word = token.strip(",;:.()\"“”'*")
        if not word or word.lower() in _AFTER_NAME:
            break
        if word.isdigit():
            if words:
                break
            words.append(word)
            break
        if not word[0].isupper():
            break
        words.append(word.capitalize() if word.isupper() else word)
        if token[-1:] in ",;:.()\"”" or len(words) == 6:
            break
    return " ".join(words) or None


def parse_authority(text: str) -> tuple[str, str, str] | None:
    """``(issuing_body, level, unit_name)`` of the first "Ủy ban nhân dân
    <level> <Name>" in ``text``, or ``None`` when absent or nameless."""
    key = _key(text)
    stop = _STOP.search(key)
    if stop:
        text, key = text[: stop.start()], key[: stop.start()]
    m = _AUTHORITY.search(key)
    if m is None:
        return None
    level = text[m.start(1):m.end(1)].lower()
    name = _name_after(text[m.end(1):])
    if not name:
        return None
    return f"Ủy ban nhân dân {level} {name}", level, name


_DEPARTMENTS = {"so": "Sở", "phong": "Phòng"}
_DEPARTMENT_LEVEL = {"Sở": "sở", "Phòng": "phòng"}
_DEPT_WORD = re.compile(r"(?<![a-z])(so|phong)\s+(?=[a-z])")
_PLACE = re.compile(rf"(?<![a-z])({_LEVELS})\s+(?=\S)")


def _is_dept_word(text: str) -> bool:
    """"Sở"/"SỞ"/"Phòng" (not "Số", which folds alike)."""
    return text.strip().upper() in ("SỞ", "PHÒNG")


def _place(text: str) -> tuple[str, str] | None:
    """("tỉnh", "Bình Định") from "tỉnh Bình Định" / "TỈNH BÌNH ĐỊNH" at the start."""
    m = _PLACE.match(_key(text))
    if m is None:
        return None
    name = _name_after(text[m.end():])
    return (text[m.start(1):m.end(1)].lower(), name) if name else None


def _department(text: str) -> tuple[str, tuple[str, str] | None] | None:
    """A department letterhead line: ("Sở Nội vụ", place) from "SỞ NỘI VỤ",
    "SỞ NỘI VỤ TỈNH AN GIANG" (place ("tỉnh", "An Giang")) or "PHÒNG NỘI VỤ";
    the name is written in sentence case; ``None`` for any other line."""
    key = _key(text)
    m = _DEPT_WORD.match(key)
    if not is_caps(text) or m is None or ":" in text or not _is_dept_word(text[:m.end()]):
        return None
    words = text[m.end():].split()
    cut = next((k for k in range(len(words)) if _place(" ".join(words[k:]))), len(words))
    if cut == 0:
        return None
    name = " ".join([words[0].capitalize(), *(w.lower() for w in words[1:cut])])
    return f"{_DEPARTMENTS[m.group(1)]} {name}", _place(" ".join(words[cut:]))


def _subject_department(subject: str) -> str | None:
    """The organisation named by "… của Sở Tư pháp [tỉnh Bình Định]" in a
    subject: "Sở"/"Phòng" with a capital, its name up to punctuation, a
    following place ("tỉnh …", "huyện …") or a word that follows names."""
    key = _key(subject)
    for m in _DEPT_WORD.finditer(key):
        head = subject[m.start():m.end()].strip()
        if not head[:1].isupper() or not _is_dept_word(head):
            continue
        words: list[str] = []
        rest = subject[m.end():]
        place = None
        tokens = rest.split()
        for k, token in enumerate(tokens):
            word = token.strip(",;:.()\"“”'*")
            place = _place(" ".join(tokens[k:]))
            if (not word or place or (word.lower() in _AFTER_NAME and word.lower() != "và")
                    or (not words and not word[0].isupper())):
                break
            words.append(word)
            if token[-1:] in ",;:.()\"”":
                break
        if words:
            org = f"{head} {' '.join(words)}"
            return f"{org} {place[0]} {place[1]}" if place else org
    return None


def _joined_letterhead(lines: list[str]) -> list[str]:
    """Each line, plus an "ỦY BAN NHÂN DÂN" line joined with the line below it."""
    out = []
    for i, text in enumerate(lines):
        if re.fullmatch(r"\s*(?:uy ban nhan dan|ubnd)\s*", _key(text)) and i + 1 < len(lines):
            out.append(f"{text} {lines[i + 1]}")
        out.append(text)
    return out


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines if not ln.is_table and ln.text]


_MOTTO = re.compile(r"(?:cong hoa xa hoi|dang cong san viet nam|doc lap\s*-)")
_UBND_LEVELS = {"xã", "phường", "huyện", "quận", "tỉnh", "thành phố", "thị xã", "thị trấn", "đặc khu"}


def _letterhead(parts: Parts) -> Letterhead | None:
    """The letterhead's issuer and parent (:func:`ingest.issuer.read_letterhead`):
    the first cell of a header table opening the cover, else the capitalised
    lines at the top of the cover."""
    texts: list[str] = []
    for line in parts.cover[:3]:
        if line.is_table and line.rows and line.rows[0]:
            texts = [line.rows[0][0]]
            break
    if not texts:
        for text in _texts(parts.cover)[:6]:
            if is_number_line(text) or (not is_caps(text) and not is_national_motto(text)):
                break
            # a PDF line holding both columns: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …"
            cut = _MOTTO.search(_key(text))
            texts.append(text[: cut.start()] if cut else text)
    return read_letterhead([t for t in texts if t.strip()]) if texts else None


def _authority(parts: Parts) -> tuple[str, str, str] | None:
    cover = [t for t in _texts(parts.cover) if is_caps(t)]  # letterhead, issuer line
    for i, text in enumerate(cover[:8]):
        found = _department(text)
        if found:
            org, place = found
            if place is None:  # "UBND TỈNH BÌNH ĐỊNH" / "SỞ TƯ PHÁP"
                above = [parse_authority(t) for t in _joined_letterhead(cover[:i])]
                place = next(((a[1], a[2]) for a in above if a), None)
            body = f"{org} {place[0]} {place[1]}" if place else org
            return body, _DEPARTMENT_LEVEL[org.split()[0]], body
    sources = [cover, _texts(parts.note)]
    sources += [[t for t in _texts(a[:8]) if is_caps(t) or t.startswith("(")] for a in parts.annexes]
    sources.append(_texts(parts.furniture_cells))
    for texts in sources:
        for text in _joined_letterhead(texts):
            authority = parse_authority(text)
            if authority:
                return authority
    return None


def _subject_unit(subject: str) -> tuple[str, str] | None:
    key = _key(subject)
    for m in _SUBJECT_UNIT.finditer(key):
        name = _name_after(subject[m.end():])
        if name:
            return subject[m.start(1):m.end(1)].lower(), name
    return None


_PERIODS = [
    re.compile(r"giai doan\s*(\d{4})\s*[-–—]\s*(\d{4})"),
    re.compile(r"(?:(?:\d+|sau|ba|chin)\s+thang\s+(?:dau|cuoi)\s+|quy\s+[ivx]+\s+)?"
               r"nam\s+(\d{4})(?:\s*[-–—]\s*(\d{4}))?"),
    re.compile(r"(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)"),
    re.compile(r"(?<![\d/])((?:19|20)\d{2})(?![\d/])"),
]


_DATE_BEFORE = re.compile(r"(?:thang\s*\d{1,2}\s*(?:nam\s*)?|\d{1,2}\s*/\s*\d{1,2}\s*/\s*)$")


def parse_period(text: str | None) -> Period:
    """The first period phrase of ``text`` (see module docstring), as written,
    with its year bounds; an empty :class:`Period` when there is none. The
    year of a date ("Nghị định … ngày 21 tháng 5 năm 2026", "ngày 04/01/2026")
    is not a period."""
    if not text:
        return Period()
    key = _key(text)
    for rx in _PERIODS:
        for m in rx.finditer(key):
            if _DATE_BEFORE.search(key[: m.start()]):
                continue
            years = [int(g) for g in m.groups() if g]
            return Period(text[m.start():m.end()], years[0], years[-1])
    return Period()


def _year_of_date_line(parts: Parts) -> int | None:
    """The year of the cover's place-date line ("Lào Cai, ngày … tháng … năm 2026"),
    also inside a header-table cell that holds the national motto before it."""
    texts = [t for t in _texts(parts.cover) if is_place_date(t)] + _texts(parts.furniture_cells)
    for text in texts:
        m = re.search(r",\s*ngay\b[^,()]{0,40}?nam\s*((?:19|20)\d{2})", _key(text))
        if m:
            return int(m.group(1))
    return None


def parse_date(text: str) -> str | None:
    """ISO date written after the first "ngày" of ``text``
    ("ngày 06 tháng 01 năm 2026", "ngày 31/7/2025"), or ``None`` when a part
    is blank or the date does not exist."""
    key = _key(text)
    at = re.search(r"(?<![a-z])ngay(?![a-z])", key)
    if at is None:
        return None
    rest = key[at.end():]
    m = re.match(r"\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})", rest) or re.match(
        r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", rest
    )
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# "04/QĐ-UBND", and the Party's "45-KH/TU", "12-NQ/TW"
_NUMBER = re.compile(r"^\s*(\d+)\s*((?:-\s*[A-ZĐ]+\s*)?)/\s*([^\s,;()]+)")
_NOTE_DECISION = re.compile(r"quyet dinh so\s*:?\s*")


def _number_from(text: str, key_prefix: re.Pattern[str]) -> str | None:
    key = _key(text)
    m = key_prefix.search(key)
    if m is None:
        return None
    n = _NUMBER.match(text[m.end():])
    return f"{n.group(1)}{n.group(2).replace(' ', '')}/{n.group(3)}" if n else None


def _note_texts(parts: Parts) -> list[str]:
    """The plan's attachment note, then each annex's "(… kèm theo …)" note."""
    notes = [" ".join(_texts(parts.note))]
    for annex in parts.annexes:
        texts = _texts(annex[:8])
        for i, text in enumerate(texts):
            if text.startswith("(") and "kem theo" in _key(text):
                notes.append(" ".join(texts[i:i + 2]))
                break
    return [n for n in notes if n]


def _decision_number(parts: Parts) -> str | None:
    header = _texts(parts.cover) + _texts(parts.furniture_cells)
    for text in header:
        if is_number_line(text):
            found = _number_from(text, re.compile(r"^so\s*:?\s*"))
            if found:
                return found
    for line in parts.cover[:3]:
        if line.is_table and line.rows and line.rows[0]:
            # a letterhead cell whose lines were joined: "ĐẢNG BỘ TỈNH … TỈNH ỦY * Số 45-KH/TU"
            found = _number_from(line.rows[0][0], re.compile(r"(?<![a-z])so\s*:?\s*(?=\d)"))
            if found:
                return found
            break
    for note in _note_texts(parts):
        found = _number_from(note, _NOTE_DECISION)
        if found:
            return found
    return None


#: A date as written after "ngày": "22 tháng 01 năm 2025", "31/7/2025".
_WRITTEN_DATE = re.compile(r"ng[àa]y\s*(\d{1,2}\s*th[áa]ng\s*\d{1,2}\s*n[ăa]m\s*\d{4}"
                           r"|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})", re.IGNORECASE)


def written_date(text: str) -> str | None:
    """The date of :func:`parse_date` as ``text`` writes it, spaces joined:
    "Lộc Hòa, ngày 22 tháng 01 năm 2025" → "22 tháng 01 năm 2025"; ``None``
    when the first "ngày" is followed by no whole date."""
    m = _WRITTEN_DATE.search(text)
    return " ".join(m.group(1).split()) if m else None


def _date(parts: Parts, issuer: str | None = None) -> tuple[str | None, str | None]:
    """(ISO date, the date as written) of the place-date line, else of the
    note of the decision that issues the plan; ``(None, None)`` when none."""
    header = _texts(parts.cover) + _texts(parts.furniture_cells)
    for text in header:
        if is_place_date(text):
            found = parse_date(text)
            if found:
                return found, written_date(text)
    for note in _note_texts(parts):
        if not _issues_the_plan(note, issuer):
            continue
        found = parse_date(note)
        if found:
            return found, written_date(note)
    return None, None


_NOTE_DOC = re.compile(r"kem theo\s+(quyet dinh|nghi quyet|cong van|ke hoach|chi thi|thong bao)")


def _issues_the_plan(note: str, issuer: str | None) -> bool:
    """Whether the attachment note cites the document that issues the plan:
    a decision ("Kèm theo Quyết định số … ngày …"), or another document
    of the plan's own issuer ("Kèm theo Nghị quyết số … của Chính phủ" in a
    Government programme) — never a document of another body that the plan
    carries out ("Ban hành kèm theo Nghị quyết số 35-NQ/TU … của Tỉnh ủy"
    in a department's plan)."""
    key = _key(note)
    m = _NOTE_DOC.search(key)
    if m is None or m.group(1) == "quyet dinh":
        return True
    if not issuer:
        return False
    by = key.rsplit(" cua ", 1)[-1] if " cua " in key else ""
    return bool(by) and _key(issuer).startswith(by.strip(" )."))


def _signer(parts: Parts) -> str | None:
    for lines in [parts.cover, parts.body, *parts.annexes]:
        texts = _texts(lines)
        found = signer_indices(texts)
        if found:
            return texts[found[0]]
    for text in _texts(parts.furniture_cells):
        name = signer_in_cell(text)
        if name:
            return name
    return None


_POSITION_IN_CELL = re.compile(r"^(.+?)\s+((?:PHÓ\s+)?CHỦ\s+TỊCH\b.*)$")


def _clean_caps(text: str) -> str:
    return re.sub(r"[*_]+", "", text).strip()


def _signature_title(parts: Parts) -> str | None:
    for lines in [parts.cover, parts.body, *parts.annexes]:
        texts = _texts(lines)
        found = signer_indices(texts)
        if found:
            titles: list[str] = []
            for j in range(found[0] - 1, max(-1, found[0] - 6), -1):
                text = _clean_caps(texts[j])
                if is_signature_title(text):
                    titles.insert(0, text)
                elif titles and not is_signature_note(text):
                    break
            return "\n".join(titles) or None
    for text in _texts(parts.furniture_cells):
        name = signer_in_cell(text)
        if name:
            head = _clean_caps(text[: text.rindex(name)])
            m = _POSITION_IN_CELL.match(head)
            return "\n".join(m.groups()) if m else head or None
    return None


def _decision_authority(parts: Parts) -> str | None:
    texts = _texts(parts.cover)
    for i, text in enumerate(texts):
        if is_caps(text) and _key(text).strip(" *_") == "quyet dinh":
            for nxt in texts[i + 1:i + 6]:
                key = _key(nxt).strip(" *_")
                if key.startswith("can cu"):
                    break
                if is_caps(nxt) and re.match(r"(?:chu tich )?(?:uy ban|hoi dong)", key):
                    return _clean_caps(nxt)
    return _note_authority(parts)


#: "… của Chủ tịch Uỷ ban nhân dân xã Phú Thái)" closing the attachment note: the decision's
#: authority as the note writes it (a chairman or a people's committee / council).
_NOTE_AUTHORITY = re.compile(r"\bcủa\s+((?:chủ tịch\s+)?(?:ủy ban|uỷ ban|ubnd|hội đồng|hđnd)[^()]*?)\s*\)?\s*$",
                             re.I)


def _note_authority(parts: Parts) -> str | None:
    """The authority named at the end of the plan's attachment note ("(Kèm theo
    Quyết định số 533/QĐ-UBND ngày 31/7/2025 của Chủ tịch Uỷ ban nhân dân xã Phú
    Thái)" → "Chủ tịch Uỷ ban nhân dân xã Phú Thái"), for a plan whose decision page
    is not in the file; ``None`` when the note names none."""
    note = " ".join(_texts(parts.note))
    if not _NOTE_DOC.search(_key(note)):
        return None
    m = _NOTE_AUTHORITY.search(note)
    return m.group(1).strip() if m else None


def _decision_subject(parts: Parts) -> str | None:
    texts = _texts(parts.cover)
    for i, text in enumerate(texts):
        if is_caps(text) and _key(text).strip(" *_") == "quyet dinh":
            subject = []
            for nxt in texts[i + 1:i + 4]:
                if is_caps(nxt) or _key(nxt).startswith("can cu"):
                    break
                subject.append(nxt)
            return " ".join(subject) or None
    return None


def _title(parts: Parts, decision_subject: str | None) -> str | None:
    subject = " ".join(ln.text for ln in parts.subject)
    if parts.plan_type and subject:
        return f"{parts.plan_type.capitalize()} {subject}"
    if decision_subject:
        m = re.search(r"(?:ke hoach|chuong trinh|de an)\b", _key(decision_subject))
        if m:
            phrase = decision_subject[m.start():].strip(" .;")
            return phrase[:1].upper() + phrase[1:]
    return None


def read_metadata(parts: Parts) -> Metadata:
    """Return the :class:`Metadata` of a plan split into ``parts`` (rules in
    the module docstring). Never raises on missing parts: fields stay ``None``."""
    decision_subject = _decision_subject(parts)
    subject = " ".join(ln.text for ln in parts.subject) or None
    meta = Metadata(
        title=_title(parts, decision_subject),
        decision_number=_decision_number(parts),
        signer=_signer(parts),
        authority=_decision_authority(parts),
        signature_title=_signature_title(parts),
    )
    letterhead = _letterhead(parts)
    authority = _authority(parts)
    if letterhead and letterhead.level not in _UBND_LEVELS:
        body = letterhead.issuer
        if letterhead.level in ("sở", "phòng") and letterhead.place and not _place(body.split(" ", 2)[-1]):
            if letterhead.place[1] not in body:
                body = f"{body} {letterhead.place[0]} {letterhead.place[1]}"
        meta.issuing_body, meta.level, meta.unit_name = body, letterhead.level, body
        meta.parent_body = letterhead.parent
    elif authority:
        meta.issuing_body, meta.level, meta.unit_name = authority
        if letterhead and letterhead.parent and letterhead.issuer != letterhead.parent:
            meta.parent_body = letterhead.parent
    elif letterhead and letterhead.place:
        meta.issuing_body, meta.level, meta.unit_name = letterhead.issuer, letterhead.level, letterhead.place[1]
        meta.parent_body = letterhead.parent
    else:
        dept = _subject_department(subject or decision_subject or "")
        unit = _subject_unit(subject or decision_subject or "")
        if dept:
            meta.unit_name, meta.level = dept, _DEPARTMENT_LEVEL[dept.split()[0]]
        elif unit:
            meta.level, meta.unit_name = unit
    period = parse_period(subject)
    meta.period = period if period.text else parse_period(decision_subject)
    if not meta.period.text:
        # no period in the title: the plan runs in the year it is dated
        year = _year_of_date_line(parts)
        if year:
            meta.period = Period(None, year, year)
    meta.date, meta.date_text = _date(parts, meta.issuing_body)
    return meta
