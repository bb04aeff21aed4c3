"""Year-shifting rules: a prior plan → next year's draft plan plus its change log.

:func:`draft_plan` copies a :class:`ingest.model.Plan`, moves the plan's own
dates to the target year and records every substitution as a
:class:`Change`. :func:`shift_text` applies the rules to one piece of text.

Rules, on the plan's own text only (a year is never changed inside a
citation of another document, see :mod:`drafting.citations`):

* **Plan years move by Δ** = target year − the plan's start year. For a
  one-year or six-month plan the years Y−1, Y and Y+1 move ("so với 2025",
  "Quý I/2026", "tháng 01/2027" in a 2026 plan); for a multi-year plan only
  its first year moves. Years inside dates move too ("15/01/2026" →
  "15/01/2027"). Other years ("năm 2030", "2015" of a standard) stay.
* **Six-month plan → full-year plan**: "6 tháng đầu/cuối (của) năm Y" →
  "năm Y+Δ", applied and marked "cần xem lại" (a half-year's content is not
  a year's). A year before the period moved by Δ ("so với 2025") and a
  "năm trước" / "kỳ trước" / "giai đoạn trước" reference are marked too.
* **The plan's period** (title, metadata): a multi-year period "giai đoạn
  2026 - 2030" becomes "năm <target>". Elsewhere a range equal to the plan's
  multi-year period, or a range holding the old plan year that ends before
  the target year ("giai đoạn 2021 - 2025" in a 2025 plan), is left as
  written and logged "cần xem lại".
* **What is drafted**: the cover decision (QUYẾT ĐỊNH page) with its căn
  cứ and articles, shifted by the same rules — a cited upper-level plan of
  the old year stays as written and is marked "cần xem lại", and so is the
  "Theo đề nghị …" proposal it cites — then the plan itself. An old decision
  line ("(Ban hành) kèm theo Quyết định số 09/QĐ-UBND ngày 22/01/2025") is
  replaced by a blank one (the Word writer prints it) and logged "cần xem
  lại"; a title that swallowed that line is cut before it, logged the same
  way. The signature block's title lines (``Metadata.signature_title``,
  "CHỦ TỊCH" or "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") are kept as the source
  writes them; only the signer's name becomes blank.
* **Undated and recurring** wording ("Thường xuyên", "Hàng năm", "Tháng 10
  hàng năm", "Quý IV") carries no year and stays.
* **Citations whose name holds the plan's year** ("Quyết định số 5256/QĐ-UBND
  … Kế hoạch … năm 2026") stay byte-identical and are logged "cần xem lại"
  (next year's plan may have to cite the new document).
* **Task deadlines left for review** (old text kept, proposed text shown in
  the row and the log): a *multi-year* deadline (a year range or a year
  after the target year, "Năm 2030", "2026 - 2030"); a *one-off task* — a
  ``once`` deadline covering only part of the old period, for a task whose
  content names neither the plan's year nor a recurrence ("hàng năm",
  "định kỳ", "thường xuyên", "tiếp tục", "duy trì"); and, when a six-month
  plan becomes a full-year plan, every dated deadline shorter than the whole
  year ("Trong tháng 7/2025", "Quý III, IV/2025"; "Cả năm 2025" moves).
* **Multi-year targets**: a target sentence (``Plan.targets``) holding a year
  after the target year or a range is marked "cần xem lại".
* **Decision number, date, signer** become blanks to fill.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from drafting.citations import find_citations, inside
from ingest.deadline import parse_due
from ingest.fields import label as field_label
from ingest.model import Due, Metadata, Period, Plan, Task
from ingest.sections import ANNEX_LOCATOR, COVER_LOCATOR, is_leaf_item_section
from ingest.textkey import aligned_fold
from ingest.textnorm import fold

__all__ = [
    "Change", "Draft", "Kept", "ShiftContext", "TextShift",
    "context_for", "draft_plan", "shift_text", "REVIEW",
]

REVIEW = "cần xem lại"

RULE_YEAR = "năm của kế hoạch dời theo năm đích"
RULE_PREV = "năm trước kỳ kế hoạch dời theo năm đích"
RULE_NEXT = "năm sau kỳ kế hoạch dời theo năm đích"
RULE_HALF = "kế hoạch 6 tháng → kế hoạch cả năm"
RULE_PERIOD = "kỳ kế hoạch → năm đích"
RULE_BLANK = "số, ngày ban hành và người ký để trống"
RULE_ONE_OFF = "nhiệm vụ một lần, thời hạn nằm trong kỳ cũ"
RULE_MULTI = "thời hạn/mục tiêu nhiều năm"
RULE_HALF_DEADLINE = "thời hạn trong kế hoạch 6 tháng cũ"
RULE_CITED_PLAN_YEAR = "văn bản được trích dẫn mang năm của kế hoạch cũ"
RULE_RANGE = "giai đoạn gắn với kỳ kế hoạch cũ"
RULE_TITLE = "tiêu đề bỏ dòng \"Kèm theo …\""
RULE_OLD_DECISION = "dòng quyết định ban hành của kế hoạch cũ → để trống"
RULE_PROPOSAL = "văn bản đề nghị của kế hoạch cũ"

#: Why a person must check an applied change of these rules.
REVIEW_REASONS = {
    RULE_HALF: "kỳ 6 tháng đổi thành cả năm — nội dung của nửa năm cần soát lại cho cả năm",
    RULE_PREV: "năm trước kỳ kế hoạch (năm so sánh) — kiểm tra số liệu của năm gốc",
    RULE_OLD_DECISION: "dòng quyết định cũ — điền số, ngày của quyết định ban hành mới",
    RULE_TITLE: "dòng quyết định cũ — điền số, ngày của quyết định ban hành mới",
    RULE_PROPOSAL: "tờ trình/đề nghị của kế hoạch cũ — thay bằng văn bản đề nghị mới",
}

_YEAR = r"((?:19|20)\d{2})(?!\d)"
_HALF_RE = re.compile(r"\b(?:6|sau)\s+thang\s+(dau|cuoi)\s+(?:cua\s+)?nam\s*" + _YEAR)
_RANGE_RE = re.compile(
    r"(?:\bgiai\s+doan\s*)?(?<![\d/])" + _YEAR
    + r"\s*(?:[-\u2010-\u2015]|den|toi)\s*(?:nam\s*)?" + _YEAR
)
_SINGLE_RE = re.compile(r"(?<![\d:])" + _YEAR)
_PREVIOUS_RE = re.compile(r"\b(?:nam|ky|giai\s+doan|dot)\s+truoc\b")
#: "(Ban hành) kèm theo Quyết định số 09/QĐ-UBND": an old decision line (a number is written).
_OLD_DECISION_RE = re.compile(r"kem\s+theo\s+quyet\s+dinh\s+so\s*:?\s*\d")
_RECURRING_RE = re.compile(
    r"\b(?:hang|moi|tung)\s+(?:nam|quy|thang)\b|\bdinh\s+ky\b|\bthuong\s+xuyen\b"
    r"|\btiep\s+tuc\b|\bduy\s+tri\b"
)


@dataclass(frozen=True)
class ShiftContext:
    """The old plan's period and the target year.

    ``start``/``end`` are the old period's years; ``half`` is ``"dau"``
    (first half), ``"cuoi"`` (second half) or ``None``; ``target`` the new
    plan's year. ``delta = target - start``.
    """

    start: int
    end: int
    target: int
    half: str | None = None

    @property
    def delta(self) -> int:
        """Years to move the plan by (target - start)."""
        return self.target - self.start

    @property
    def multi_year(self) -> bool:
        """Whether the source period spans more than one year."""
        return self.end > self.start

    def moves(self, year: int) -> str | None:
        """The rule that moves ``year``, or ``None`` when it stays."""
        if year == self.start:
            return RULE_YEAR
        if self.multi_year:
            return None
        if year == self.start - 1:
            return RULE_PREV
        if year == self.end + 1:
            return RULE_NEXT
        return None

    def span(self) -> tuple[date, date]:
        """First and last day of the old period (a half-year when ``half``)."""
        if self.half == "dau":
            return date(self.start, 1, 1), date(self.start, 6, 30)
        if self.half == "cuoi":
            return date(self.start, 7, 1), date(self.start, 12, 31)
        return date(self.start, 1, 1), date(self.end, 12, 31)


@dataclass
class Sub:
    """One substitution in a text: ``text[start:end]`` (``old``) → ``new``."""

    start: int
    end: int
    old: str
    new: str
    rule: str


@dataclass
class Kept:
    """An expression left as written that a reviewer should see.

    ``kind`` is ``period_range`` (the plan's own multi-year period),
    ``range_ending`` (a range holding the old plan year and ending before
    the target year), ``horizon`` (a
    year after the target year), ``citation`` (a cited document whose name
    holds the old plan year), ``previous`` ("năm trước", "kỳ trước") or
    ``old_decision`` (an old "kèm theo Quyết định số …" line).
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass
class TextShift:
    """Result of :func:`shift_text`: the new text, its substitutions, what was kept."""

    text: str
    subs: list[Sub] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)


@dataclass
class Change:
    """One line of the change log.

    ``location`` names the place ("tiêu đề", "mục II.3, đoạn 2", "nhiệm vụ 22,
    cột Thời gian hoàn thành"); ``old``/``new`` the text before and after
    (for a review item ``new`` is the proposal, not applied); ``rule`` the
    rule that made it; ``applied`` whether the draft holds ``new``;
    ``review`` the reason a person must check it, or ``None``.
    """

    location: str
    old: str
    new: str
    rule: str
    applied: bool = True
    review: str | None = None

    @property
    def status(self) -> str:
        """"đã đổi", "đã đổi, cần xem lại", "cần xem lại" (not applied) or "giữ nguyên"."""
        if self.applied and self.old != self.new:
            return "đã đổi, " + REVIEW if self.review else "đã đổi"
        return REVIEW if self.review else "giữ nguyên"

    def to_dict(self) -> dict:
        """``{"location", "old", "new", "rule", "status", "review"}``."""
        return {"location": self.location, "old": self.old, "new": self.new,
                "rule": self.rule, "status": self.status, "review": self.review or ""}


@dataclass
class Draft:
    """A next-year draft: the new plan, the change log and the review marks.

    ``plan`` is a shifted copy of ``source`` (tasks in the same order);
    ``task_notes`` maps a task index to the note shown in its row;
    ``paragraph_notes`` maps ``(section index, paragraph index)`` (paragraph
    index ``-1`` = the heading; indices into ``plan.sections``, whose first
    section is the cover decision when the source has one) to the note
    shown beside it.
    """

    source: Plan
    plan: Plan
    target_year: int
    changes: list[Change] = field(default_factory=list)
    task_notes: dict[int, str] = field(default_factory=dict)
    paragraph_notes: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def review_count(self) -> int:
        """Number of change-log lines marked "cần xem lại"."""
        return sum(1 for c in self.changes if c.review)


# ---------------------------------------------------------------- context

def _half_of(text: str | None) -> tuple[str, int] | None:
    m = _HALF_RE.search(aligned_fold(text or ""))
    return (m.group(1), int(m.group(2))) if m else None


def context_for(plan: Plan, target_year: int) -> ShiftContext:
    """The :class:`ShiftContext` of ``plan`` drafted for ``target_year``.

    The old period is ``plan.metadata.period`` (falling back on the first
    year of the title); a "6 tháng đầu/cuối năm Y" period or title marks a
    half-year plan. Raises ``ValueError`` (Vietnamese message) when the
    plan's year is unknown or ``target_year`` is not after it.
    """
    period = plan.metadata.period
    start, end = period.start_year, period.end_year
    title = " ".join(t for t in (period.text, plan.title, plan.metadata.title) if t)
    if start is None:
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", title)]
        if not years:
            raise ValueError("Không xác định được năm của kế hoạch gốc (kỳ kế hoạch trống)")
        start = years[0]
    end = end if end and end >= start else start
    half = _half_of(title)
    if target_year <= start:
        raise ValueError(
            f"Năm đích {target_year} phải sau năm bắt đầu của kế hoạch gốc ({start})"
        )
    return ShiftContext(start, end, target_year, half[0] if half and half[1] == start else None)


# ---------------------------------------------------------------- text rules

def _match_case(old: str, new: str) -> str:
    return new.upper() if old.isupper() else (new[:1].upper() + new[1:] if old[:1].isupper() else new)


def shift_text(text: str | None, ctx: ShiftContext, replace_period: bool = False) -> TextShift:
    """Apply the year rules (module docstring) to ``text``.

    ``replace_period`` also turns the plan's own multi-year period ("giai
    đoạn 2026 - 2030") into "năm <target>" (for the title); otherwise it is
    kept and reported. Returns a :class:`TextShift` whose ``subs``/``kept``
    positions refer to the original ``text``. ``None`` or "" gives an empty
    result. Never raises.
    """
    if not text:
        return TextShift(text or "")
    folded = aligned_fold(text)
    citations = find_citations(text)
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in citations]
    subs: list[Sub] = []
    kept: list[Kept] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _HALF_RE.finditer(folded):
        if not free(m.start(), m.end()) or ctx.half is None or int(m.group(2)) != ctx.start:
            continue
        old = text[m.start():m.end()]
        subs.append(Sub(m.start(), m.end(), old, _match_case(old, f"năm {ctx.target}"), RULE_HALF))
        taken.append((m.start(), m.end()))
    for m in _RANGE_RE.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y2 <= y1:
            continue
        old = text[m.start():m.end()]
        taken.append((m.start(), m.end()))
        if ctx.multi_year and (y1, y2) == (ctx.start, ctx.end):
            if replace_period:
                subs.append(Sub(m.start(), m.end(), old, _match_case(old, f"năm {ctx.target}"),
                                RULE_PERIOD))
            else:
                kept.append(Kept(m.start(), m.end(), old, "period_range"))
        elif y1 <= ctx.start <= y2 < ctx.target:
            kept.append(Kept(m.start(), m.end(), old, "range_ending"))
        elif y2 > ctx.target:
            kept.append(Kept(m.start(), m.end(), old, "horizon"))
    for m in _SINGLE_RE.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        year = int(m.group(1))
        rule = ctx.moves(year)
        if rule:
            subs.append(Sub(m.start(), m.end(), m.group(1), str(year + ctx.delta), rule))
        elif year > ctx.target:
            kept.append(Kept(m.start(), m.end(), m.group(1), "horizon"))
    for c in citations:
        name = folded[c.head_end:c.end]
        if re.search(r"(?<!\d)" + str(ctx.start) + r"(?!\d)", name):
            kept.append(Kept(c.start, c.end, text[c.start:c.end], "citation"))
    for m in _PREVIOUS_RE.finditer(folded):
        kept.append(Kept(m.start(), m.end(), text[m.start():m.end()], "previous"))
    for m in _OLD_DECISION_RE.finditer(folded):
        kept.append(Kept(m.start(), m.end(), text[m.start():m.end()], "old_decision"))
    subs.sort(key=lambda s: s.start)
    out, pos = [], 0
    for s in subs:
        out.append(text[pos:s.start])
        out.append(s.new)
        pos = s.end
    out.append(text[pos:])
    return TextShift("".join(out), subs, sorted(kept, key=lambda k: k.start))


def _snippet(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]``: up to four words before and three after,
    with "…" where the text goes on."""
    left = text[:start].split(" ")
    before = " ".join(left[-5:])
    right = text[end:].split(" ")
    after = " ".join(right[:4])
    snippet = (before + text[start:end] + after).strip()
    prefix = "…" if len(left) > 5 else ""
    suffix = "…" if len(right) > 4 else ""
    return prefix + snippet + suffix


def _kept_reason(kind: str) -> str:
    return {
        "period_range": RULE_RANGE + " (kỳ nhiều năm của kế hoạch gốc)",
        "range_ending": RULE_RANGE,
        "horizon": RULE_MULTI,
        "citation": RULE_CITED_PLAN_YEAR + " — có thể cần thay bằng văn bản mới",
        "previous": "tham chiếu kỳ trước (\"năm trước\") — kiểm tra lại theo năm đích",
        "old_decision": REVIEW_REASONS[RULE_OLD_DECISION],
    }[kind]


def _sub_review(rules: Iterable[str]) -> str | None:
    """The review reasons of substitution ``rules`` (see :data:`REVIEW_REASONS`), or ``None``."""
    reasons = list(dict.fromkeys(REVIEW_REASONS[r] for r in rules if r in REVIEW_REASONS))
    return "; ".join(reasons) or None


#: Kept kinds logged for review in every text of a draft.
ALWAYS_LOGGED = ("citation", "previous", "old_decision")


def _log_text(location: str, text: str, result: TextShift, whole: bool,
              kinds: tuple[str, ...]) -> list[Change]:
    """Change-log lines for one text: a line per substitution and per kept item.

    ``whole`` logs the full old/new text (short cells) instead of snippets;
    only kept items of ``kinds`` are logged.
    """
    changes: list[Change] = []
    if result.subs:
        if whole:
            rules = list(dict.fromkeys(s.rule for s in result.subs))
            changes.append(Change(location, text, result.text, "; ".join(rules),
                                  review=_sub_review(rules)))
        else:
            shift = 0
            for s in result.subs:
                old = _snippet(text, s.start, s.end)
                new_start = s.start + shift
                new = _snippet(result.text, new_start, new_start + len(s.new))
                shift += len(s.new) - (s.end - s.start)
                changes.append(Change(location, old, new, s.rule, review=_sub_review([s.rule])))
    for k in result.kept:
        if k.kind in kinds:
            changes.append(Change(location, k.text, k.text, _kept_reason(k.kind),
                                  applied=False, review=_kept_reason(k.kind)))
    return changes


# ---------------------------------------------------------------- tasks

_TASK_FIELDS = tuple((name, field_label(name))
                     for name in ("objective", "content", "lead", "coordinating", "product"))
DEADLINE_COLUMN = field_label("deadline")


def _year_scoped(task: Task, ctx: ShiftContext) -> bool:
    """True when the task's wording names the plan's year or a recurrence."""
    text = " ".join(t for t in (task.objective, task.content) if t)
    folded = aligned_fold(text)
    cites = find_citations(text)
    for m in _SINGLE_RE.finditer(folded):
        if inside(m.start(), cites) is None and ctx.moves(int(m.group(1))) == RULE_YEAR:
            return True
    return bool(_RECURRING_RE.search(folded)) or bool(_HALF_RE.search(folded))


def _covers(due: Due, first: date, last: date) -> bool:
    """True when ``due`` runs from ``first`` (or earlier) to ``last`` (or later)."""
    if not due.start or not due.end:
        return False
    return date.fromisoformat(due.start) <= first and date.fromisoformat(due.end) >= last


def _covers_period(due: Due, ctx: ShiftContext) -> bool:
    return _covers(due, *ctx.span())


def _deadline_review(task: Task, result: TextShift, ctx: ShiftContext) -> str | None:
    """Why the task's deadline must be reviewed rather than moved, or ``None``."""
    if any(k.kind in ("period_range", "range_ending", "horizon") for k in result.kept):
        return RULE_MULTI
    if not result.subs:
        return None
    due = task.due if (task.due and (task.due.start or task.due.end or task.due.recurrence)) \
        else parse_due(task.deadline, ctx.start)
    dated = bool(due.start or due.end)
    if ctx.half and dated and not _covers(due, date(ctx.start, 1, 1), date(ctx.start, 12, 31)):
        return RULE_HALF_DEADLINE
    if due.recurrence == "once" and dated and not _covers_period(due, ctx) \
            and not _year_scoped(task, ctx):
        return RULE_ONE_OFF
    return None


def _shift_task(task: Task, ctx: ShiftContext, where: str) -> tuple[Task, list[Change], str | None]:
    """The moved task, its change-log lines (located at ``where``) and the row note."""
    new = copy.deepcopy(task)
    changes: list[Change] = []
    for attr, column in _TASK_FIELDS:
        old = getattr(task, attr)
        result = shift_text(old, ctx)
        if result.subs:
            setattr(new, attr, result.text)
        changes += _log_text(f"{where}, cột {column}", old or "", result, True,
                             ALWAYS_LOGGED + ("period_range", "range_ending"))
    note = None
    result = shift_text(task.deadline, ctx)
    if result.subs or result.kept:
        location = f"{where}, cột {DEADLINE_COLUMN}"
        reason = _deadline_review(task, result, ctx)
        deadline = task.deadline or ""
        if reason:
            proposal = result.text if result.subs else deadline
            changes.append(Change(location, deadline, proposal, reason,
                                  applied=False, review=reason))
            note = f"Cần xem lại: {reason}."
            if result.subs:
                note += f" Nếu giữ nhiệm vụ: {result.text}"
        else:
            new.deadline = result.text
            new.due = parse_due(result.text, ctx.target)
            changes += _log_text(location, deadline, result, True, ALWAYS_LOGGED)
    return new, changes, note


# ---------------------------------------------------------------- plan

def _blank_decision(number: str | None) -> str:
    """'Số:      /QĐ-UBND': the source's symbol (default QĐ-UBND) with the number blank."""
    m = re.search(r"/\s*([^\s/]+(?:\s*/\s*[^\s/]+)*)\s*$", number or "")
    return f"      /{m.group(1) if m else 'QĐ-UBND'}"


_ATTACHED = re.compile(r"[\s*_]*[(\[][\s*_]*(?:ban\s+hanh\s+)?kem\s+theo\b")


def clean_title(title: str | None) -> str:
    """``title`` cut before a "(Kèm theo Quyết định …)" note it swallowed, stripped."""
    if not title:
        return ""
    m = _ATTACHED.search(aligned_fold(title))
    return (title[: m.start()] if m else title).strip()


_PROPOSAL_RE = re.compile(r"\s*[*_]*\s*theo\s+de\s+nghi\b")


def _old_decision_line(location: str, text: str, plan: Plan, target_year: int) -> Change:
    """The change-log line of a dropped "(Kèm theo Quyết định số …)" line:
    the blank line the Word writer prints instead, marked for review."""
    symbol = _blank_decision(plan.metadata.decision_number).strip()
    blank = f"(Kèm theo Quyết định số {symbol} ngày      tháng      năm {target_year})"
    return Change(location, text, blank, RULE_OLD_DECISION,
                  review=REVIEW_REASONS[RULE_OLD_DECISION])


def _is_target(text: str, targets: set[str]) -> bool:
    key = fold(text)
    return any(t and (t in key or key in t) for t in targets)


def draft_plan(plan: Plan, target_year: int) -> Draft:
    """Next year's draft of ``plan`` for ``target_year``, with its change log.

    Returns a :class:`Draft` whose ``plan`` is a deep copy with the rules of
    the module docstring applied; ``source`` is left untouched. Raises
    ``ValueError`` from :func:`context_for`.
    """
    ctx = context_for(plan, target_year)
    new = copy.deepcopy(plan)
    draft = Draft(source=plan, plan=new, target_year=target_year)
    log = draft.changes

    title = shift_text(plan.title, ctx, replace_period=True)
    new.title = clean_title(title.text) or None
    if new.title != plan.title:
        rules = list(dict.fromkeys(x.rule for x in title.subs))
        if new.title != title.text:
            rules.append(RULE_TITLE)
        log.append(Change("tiêu đề", plan.title or "", new.title or "", "; ".join(rules),
                          review=_sub_review(rules)))
    meta: Metadata = new.metadata
    meta.title = clean_title(shift_text(plan.metadata.title, ctx, replace_period=True).text) or None
    old_period = plan.metadata.period.text
    meta.period = Period(text=f"năm {target_year}", start_year=target_year, end_year=target_year)
    if old_period and fold(old_period) != fold(meta.period.text):
        rule = RULE_HALF if ctx.half else RULE_PERIOD if ctx.multi_year else RULE_YEAR
        log.append(Change("kỳ kế hoạch", old_period, meta.period.text or "", rule,
                          review=_sub_review([rule])))
    blanks = (("decision_number", "số quyết định", _blank_decision(plan.metadata.decision_number)),
              ("date", "ngày ban hành", f"ngày      tháng      năm {target_year}"),
              ("signer", "người ký", ""))
    for attr, label, blank in blanks:
        old = getattr(plan.metadata, attr)
        setattr(meta, attr, None)
        log.append(Change(label, old or "(trống)", blank.strip() or "(để trống)", RULE_BLANK))
    meta.date_text = None  # the blank date's written form goes with it

    targets = {fold(t.text) for t in plan.targets}
    new.sections = []
    for old_s in plan.sections:
        cover = old_s.locator == COVER_LOCATOR
        new_s = copy.deepcopy(old_s)
        si = len(new.sections)
        new.sections.append(new_s)
        leaf = is_leaf_item_section(old_s)
        new_s.heading = shift_text(old_s.heading, ctx, replace_period=cover).text
        new_s.path = [shift_text(p, ctx).text for p in old_s.path]
        items = [] if leaf else [(-1, old_s.heading)]
        annex = old_s.locator.startswith(ANNEX_LOCATOR)
        keep = []
        place = "quyết định" if cover else f"mục {old_s.locator or old_s.heading}"
        for pi, para in enumerate(old_s.paragraphs):
            if annex and _ATTACHED.match(aligned_fold(para.text)):
                log.append(_old_decision_line(f"{place}, dòng \"Kèm theo\"", para.text,
                                              plan, target_year))
                continue
            keep.append(new_s.paragraphs[pi])
            items.append((len(keep) - 1, para.text))
        new_s.paragraphs = keep
        for pi, text in items:
            result = shift_text(text, ctx, replace_period=cover)  # the decision names the plan
            if pi == -1:
                location = f"{place}, tiêu đề"
            else:
                new_s.paragraphs[pi].text = result.text
                location = f"{place}, đoạn {pi + 1}"
            kinds: tuple[str, ...] = ALWAYS_LOGGED + ("period_range", "range_ending")
            if pi >= 0 and _is_target(text, targets):
                kinds += ("horizon",)
            lines = _log_text(location, text, result, False, kinds)
            if cover and pi >= 0 and _PROPOSAL_RE.match(aligned_fold(text)) and find_citations(text):
                lines.append(Change(location, text, text, RULE_PROPOSAL, applied=False,
                                    review=REVIEW_REASONS[RULE_PROPOSAL]))
            log += lines
            reasons = list(dict.fromkeys(c.review for c in lines if c.review))
            if reasons:
                draft.paragraph_notes[(si, pi)] = "Cần xem lại: " + "; ".join(reasons)
    for target in new.targets:
        target.text = shift_text(target.text, ctx).text

    new.tasks = []
    numbers = Counter(t.number for t in plan.tasks if t.number)
    for i, task in enumerate(plan.tasks):
        key = task.number or task.part_of
        where = task.label
        if key and numbers[key] > 1 and task.section:
            where += f" (mục {task.section.split(' ')[0].rstrip('.')})"
        moved, lines, note = _shift_task(task, ctx, where)
        new.tasks.append(moved)
        log += lines
        if note:
            draft.task_notes[i] = note
    return draft
