"""Task status vocabulary, task keys and the validation of one status update.

Statuses (code → Vietnamese label, :data:`STATUS_LABELS`):
``not_started`` chưa thực hiện, ``in_progress`` đang thực hiện, ``done`` đã
hoàn thành, ``cancelled`` không thực hiện (a reason is required). A task
without a stored status is ``not_started``.

A task is identified inside its plan by :func:`task_keys`: the TT cell
(``number``), the numbered task a sub-row belongs to (``part_of``), the
annex section it sits in, and an ordinal among tasks sharing those three
(sub-rows of one task: 0, 1, 2 …) — ``"22||III. Cải cách thủ tục hành
chính|0"``. The plan itself is identified by its content hash (the index's
``sha256``, :func:`tracking.store.plan_identity`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ingest.model import Plan
from ingest.textnorm import fold

NOT_STARTED, IN_PROGRESS, DONE, CANCELLED = "not_started", "in_progress", "done", "cancelled"

STATUS_LABELS: dict[str, str] = {
    NOT_STARTED: "chưa thực hiện",
    IN_PROGRESS: "đang thực hiện",
    DONE: "đã hoàn thành",
    CANCELLED: "không thực hiện",
}
"""Status code → Vietnamese label (the words the genre's reports use)."""

OPEN_STATUSES = (NOT_STARTED, IN_PROGRESS)
"""Statuses of a task still to be done (it can be "Quá hạn")."""

NOTE_MAX = 500
"""Longest note, reason or evidence reference accepted (characters)."""


class StatusError(ValueError):
    """A status update that cannot be stored; ``str(err)`` is Vietnamese and
    names the field at fault."""


def parse_status(text: str | None) -> str:
    """Status code of ``text``: a code (``done``) or a label with or without
    diacritics, any case ("Đã hoàn thành", "da hoan thanh", "hoàn thành",
    "chưa", "đang", "không thực hiện"). Raises :class:`StatusError`."""
    key = fold(text or "").strip().replace("_", " ")
    if not key:
        raise StatusError("thiếu trạng thái")
    for code, label in STATUS_LABELS.items():
        if key in (code.replace("_", " "), fold(label)):
            return code
    short = {"chua": NOT_STARTED, "chua lam": NOT_STARTED, "dang": IN_PROGRESS, "dang lam": IN_PROGRESS,
             "hoan thanh": DONE, "xong": DONE, "da xong": DONE, "khong": CANCELLED,
             "khong lam": CANCELLED}
    if key in short:
        return short[key]
    allowed = ", ".join(STATUS_LABELS.values())
    raise StatusError(f"trạng thái không hợp lệ {text!r}: cần một trong {allowed}")


def task_keys(plan: Plan) -> list[str]:
    """One key per task of ``plan``, in table order (see the module docstring)."""
    seen: dict[tuple[str, str, str], int] = {}
    keys = []
    for task in plan.tasks:
        triple = (task.number or "", task.part_of or "", " ".join((task.section or "").split()))
        n = seen.get(triple, 0)
        seen[triple] = n + 1
        keys.append("|".join((*triple, str(n))))
    return keys


@dataclass
class TaskStatus:
    """The stored state of one task.

    ``status`` a code of :data:`STATUS_LABELS`; ``reason`` why it is not done
    (required for ``cancelled``); ``completed_on`` ISO date (``done`` only);
    ``note`` a short note; ``evidence`` a document number or file reference;
    ``updated_at`` ISO timestamp (UTC) and ``updated_by`` who, of the last change.
    """

    status: str = NOT_STARTED
    reason: str | None = None
    completed_on: str | None = None
    note: str | None = None
    evidence: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None

    @property
    def label(self) -> str:
        """The Vietnamese label of :attr:`status`."""
        return STATUS_LABELS[self.status]

    def fields(self) -> dict[str, str | None]:
        """The user-set fields (no timestamps): ``{status, reason, completed_on, note, evidence}``."""
        return {"status": self.status, "reason": self.reason, "completed_on": self.completed_on,
                "note": self.note, "evidence": self.evidence}


def _text(value: object, name: str) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    if len(text) > NOTE_MAX:
        raise StatusError(f"{name} quá dài ({len(text)} ký tự, tối đa {NOTE_MAX})")
    return text or None


def _iso_day(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    for candidate in (text[:10], text):
        try:
            return date.fromisoformat(candidate).isoformat()
        except ValueError:
            pass
    parts = text.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
        except ValueError:
            pass
    raise StatusError(f"ngày hoàn thành không hợp lệ {text!r}: cần dạng 2026-09-30 hoặc 30/09/2026")


def validated(status: str, *, reason: object = None, completed_on: object = None, note: object = None,
              evidence: object = None, today: date | None = None) -> TaskStatus:
    """A checked :class:`TaskStatus` from raw values (CLI, form, spreadsheet cell).

    ``status`` a code or label (:func:`parse_status`); ``completed_on`` a
    :class:`datetime.date`, ISO ``2026-09-30`` or ``30/09/2026``. Rules:
    ``cancelled`` needs a ``reason``; a completion date only with ``done``
    and not after ``today`` (default: the current day); texts at most
    :data:`NOTE_MAX` characters. Raises :class:`StatusError`.
    """
    code = parse_status(status)
    day = _iso_day(completed_on)
    result = TaskStatus(code, _text(reason, "lý do"), day, _text(note, "ghi chú"),
                        _text(evidence, "minh chứng"))
    if code == CANCELLED and not result.reason:
        raise StatusError("trạng thái 'không thực hiện' cần lý do")
    if day and code != DONE:
        raise StatusError(f"ngày hoàn thành chỉ ghi khi trạng thái là '{STATUS_LABELS[DONE]}'")
    if day and date.fromisoformat(day) > (today or date.today()):
        raise StatusError(f"ngày hoàn thành {day} ở tương lai")
    return result


def with_stamp(status: TaskStatus, at: str, who: str | None) -> TaskStatus:
    """``status`` with ``updated_at``/``updated_by`` set."""
    return replace(status, updated_at=at, updated_by=who)


@dataclass
class RevisionResult:
    """What happened when a plan with a new content hash was first seen.

    ``previous`` the plan identity it revises (``None``: a new plan);
    ``carried`` task keys whose status was carried over; ``review`` the
    earlier statuses no task of the revision matched (listed for review).
    """

    previous: str | None = None
    carried: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
