"""The status store: one SQLite file, ``<CCHC_HOME>/status.db``.

Tables (schema version 1)::

    schema_version(version, applied_at)            one row per applied migration
    plans(plan_id PK, doc, title, period, n_tasks, first_seen, revision_of)
    statuses(plan_id, task_key, number, part_of, section, content,
             status, reason, completed_on, note, evidence, updated_at, updated_by,
             PRIMARY KEY (plan_id, task_key))
    audit(id, at, who, plan_id, task_key, action, detail)   detail = JSON {field: [old, new]}
    review(plan_id, from_plan_id, task_key, number, content, status, note)

``plan_id`` is the plan's content identity, the SHA-256 of its file that
the index keeps (:func:`plan_identity`), so re-indexing or re-uploading the
same file finds its statuses again. ``task_key`` is
:func:`tracking.model.task_keys`. The task's number, section and content
are copied beside its status so a revised plan (another hash) can be
matched: :meth:`StatusStore.register` carries each earlier status to the
task of the revision with the same key and similar content (rapidfuzz
``token_sort_ratio`` ≥ :data:`SAME_KEY_SIMILARITY`), or else to the most
similar task (≥ :data:`MOVED_SIMILARITY`); earlier statuses that match
nothing go to ``review``.

The database runs in WAL mode. Opening a database of an older schema first
copies it (SQLite backup API) to ``status.db.bak-v<old>-<stamp>``, then
applies the missing :data:`MIGRATIONS` in one transaction.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from rapidfuzz import fuzz

from ingest.model import Plan, Task
from ingest.textnorm import fold
from retrieval.protocols import PlanRepository
from retrieval.store import resolve_home
from tracking.model import RevisionResult, TaskStatus, task_keys

DB_NAME = "status.db"
SAME_KEY_SIMILARITY = 70
MOVED_SIMILARITY = 90

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE plans (
        plan_id TEXT PRIMARY KEY, doc TEXT NOT NULL, title TEXT, period TEXT,
        n_tasks INTEGER NOT NULL, first_seen TEXT NOT NULL, revision_of TEXT
    );
    CREATE TABLE statuses (
        plan_id TEXT NOT NULL, task_key TEXT NOT NULL,
        number TEXT, part_of TEXT, section TEXT, content TEXT,
        status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
        reason TEXT, completed_on TEXT, note TEXT, evidence TEXT,
        updated_at TEXT NOT NULL, updated_by TEXT,
        PRIMARY KEY (plan_id, task_key)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT,
        plan_id TEXT NOT NULL, task_key TEXT, action TEXT NOT NULL, detail TEXT
    );
    CREATE INDEX audit_plan ON audit (plan_id, at);
    CREATE TABLE review (
        plan_id TEXT NOT NULL, from_plan_id TEXT NOT NULL, task_key TEXT NOT NULL,
        number TEXT, content TEXT, status TEXT NOT NULL, note TEXT,
        PRIMARY KEY (plan_id, from_plan_id, task_key)
    );
    """,
]
"""SQL scripts; script ``i`` takes the schema from version ``i`` to ``i + 1``."""


def plan_identity(index_store: PlanRepository, doc: str) -> str:
    """The content identity of indexed plan ``doc``: the ``sha256`` of its file
    in the index manifest (:mod:`retrieval.store`). Raises ``KeyError`` when
    ``doc`` is not indexed."""
    for entry in index_store.manifest["files"].values():
        if entry["doc"] == doc:
            return entry["sha256"]
    raise KeyError(doc)


def store_exists(home: str | None = None) -> bool:
    """True when ``<home>/status.db`` exists (some status was ever recorded there)."""
    return os.path.isfile(os.path.join(resolve_home(home), DB_NAME))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_user() -> str:
    """The login name of the current user ("" when unknown), for the audit."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in a container
        return ""


def _similar(a: str | None, b: str | None) -> float:
    return fuzz.token_sort_ratio(fold(a or ""), fold(b or ""))


@dataclass
class AuditEntry:
    """One audit row: ``at`` (ISO UTC), ``who``, ``plan_id``, ``task_key``,
    ``action`` (``set`` | ``import`` | ``carry``), ``changes`` ``{field: [old, new]}``."""

    at: str
    who: str | None
    plan_id: str
    task_key: str | None
    action: str
    changes: dict


@dataclass
class ReviewItem:
    """An earlier status no task of the revised plan matched: the earlier
    plan's identity and task key, its number and content, the status code and note."""

    from_plan_id: str
    task_key: str
    number: str | None
    content: str | None
    status: str
    note: str | None


class StatusStore:
    """Statuses of the tasks of every tracked plan (module docstring).

    ``StatusStore(home)`` opens (creating or migrating) ``<home>/status.db``;
    ``home`` defaults as :func:`retrieval.store.resolve_home`. Raises
    ``sqlite3.DatabaseError`` for a file that is not a database.
    """

    def __init__(self, home: str | None = None):
        self.home = resolve_home(home)
        os.makedirs(self.home, exist_ok=True)
        self.path = os.path.join(self.home, DB_NAME)
        self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> StatusStore:  # noqa: PYI034 - a final class
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ schema
    @property
    def version(self) -> int:
        """The schema version of the open database (0: empty)."""
        has = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
        if not has:
            return 0
        row = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        current = self.version
        if current >= len(MIGRATIONS):
            return
        if current > 0:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = sqlite3.connect(f"{self.path}.bak-v{current}-{stamp}")
            with backup:
                self._conn.backup(backup)
            backup.close()
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            if current == 0:
                self._conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
            for version in range(current, len(MIGRATIONS)):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self._conn.execute(statement)
                self._conn.execute("INSERT INTO schema_version VALUES (?, ?)", (version + 1, _now()))
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------ plans
    def register(self, plan_id: str, plan: Plan) -> RevisionResult | None:
        """Record plan ``plan_id`` the first time it is seen; ``None`` when it was known.

        When the plan is new and an earlier tracked plan has the same file
        name, or the same title and period, it is taken as a revision of
        the latest such plan: matched statuses are carried over (audited as
        ``carry``), the others listed in ``review``.
        """
        if self._conn.execute("SELECT 1 FROM plans WHERE plan_id=?", (plan_id,)).fetchone():
            return None
        previous = self._previous_version(plan_id, plan)
        result = RevisionResult(previous=previous)
        now = _now()
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.execute("INSERT INTO plans VALUES (?, ?, ?, ?, ?, ?, ?)", (
                plan_id, plan.doc, plan.title, plan.metadata.period.text, len(plan.tasks), now, previous))
            if previous:
                self._carry(previous, plan_id, plan, result, now)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        return result

    def _previous_version(self, plan_id: str, plan: Plan) -> str | None:
        title, period = fold(plan.title or ""), fold(plan.metadata.period.text or "")
        rows = self._conn.execute(
            "SELECT plan_id, doc, title, period FROM plans WHERE plan_id != ? "
            "AND plan_id IN (SELECT plan_id FROM statuses) ORDER BY first_seen DESC, rowid DESC",
            (plan_id,)).fetchall()
        for row in rows:
            if row["doc"] == plan.doc or (title and fold(row["title"] or "") == title
                                          and fold(row["period"] or "") == period):
                return row["plan_id"]
        return None

    def _carry(self, old_id: str, new_id: str, plan: Plan, result: RevisionResult, now: str) -> None:
        keys = task_keys(plan)
        by_key = dict(zip(keys, plan.tasks))
        taken: set[str] = set()
        old_rows = self._conn.execute("SELECT * FROM statuses WHERE plan_id=?", (old_id,)).fetchall()
        pending = []
        for row in old_rows:  # first the same locator with similar content
            task = by_key.get(row["task_key"])
            if task is not None and _similar(row["content"], task.content) >= SAME_KEY_SIMILARITY:
                taken.add(row["task_key"])
                self._copy(row, new_id, row["task_key"], task, now)
                result.carried.append(row["task_key"])
            else:
                pending.append(row)
        for row in pending:  # then a moved or renumbered task with near-equal content
            best, best_score = None, 0.0
            for key, task in by_key.items():
                if key in taken:
                    continue
                score = _similar(row["content"], task.content)
                if score > best_score:
                    best, best_score = key, score
            if best is not None and best_score >= MOVED_SIMILARITY:
                taken.add(best)
                self._copy(row, new_id, best, by_key[best], now)
                result.carried.append(best)
            else:
                self._conn.execute("INSERT OR REPLACE INTO review VALUES (?, ?, ?, ?, ?, ?, ?)", (
                    new_id, old_id, row["task_key"], row["number"], row["content"], row["status"],
                    row["note"]))
                result.review.append(row["task_key"])

    def _copy(self, row: sqlite3.Row, new_id: str, key: str, task: Task, now: str) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO statuses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id, key, task.number, task.part_of, task.section, task.content, row["status"],
             row["reason"], row["completed_on"], row["note"], row["evidence"], row["updated_at"],
             row["updated_by"]))
        self._audit(now, "", new_id, key, "carry",
                    {"from": [row["plan_id"], row["task_key"]], "status": [None, row["status"]]})

    # ------------------------------------------------------------ statuses
    def statuses(self, plan_id: str) -> dict[str, TaskStatus]:
        """``{task_key: TaskStatus}`` of the plan (tasks never set are absent)."""
        rows = self._conn.execute("SELECT * FROM statuses WHERE plan_id=?", (plan_id,)).fetchall()
        return {r["task_key"]: TaskStatus(r["status"], r["reason"], r["completed_on"], r["note"],
                                          r["evidence"], r["updated_at"], r["updated_by"]) for r in rows}

    def set_many(self, plan_id: str, plan: Plan, updates: Iterable[tuple[str, TaskStatus]],
                 who: str | None = None, action: str = "set") -> int:
        """Store validated statuses (``(task_key, TaskStatus)`` pairs, see
        :func:`tracking.model.validated`) in one transaction; return how many
        changed. Unchanged ones (and a plain "chưa thực hiện" for a task never
        set) are skipped; each change is audited with
        ``who`` (default: the login name) and ``action``. Raises ``KeyError``
        for a task key the plan lacks (nothing is written then)."""
        self.register(plan_id, plan)
        tasks = dict(zip(task_keys(plan), plan.tasks))
        updates = list(updates)
        for key, _status in updates:
            if key not in tasks:
                raise KeyError(key)
        who = default_user() if who is None else who
        now = _now()
        current = self.statuses(plan_id)
        changed = 0
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            for key, status in updates:
                old = current.get(key, TaskStatus())
                diff = {f: [old.fields()[f], v] for f, v in status.fields().items() if old.fields()[f] != v}
                if not diff:  # unchanged, or "chưa thực hiện" for a task never set
                    continue
                task = tasks[key]
                self._conn.execute(
                    "INSERT OR REPLACE INTO statuses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (plan_id, key, task.number, task.part_of, task.section, task.content, status.status,
                     status.reason, status.completed_on, status.note, status.evidence, now, who))
                self._audit(now, who, plan_id, key, action, diff)
                current[key] = status
                changed += 1
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        return changed

    def set(self, plan_id: str, plan: Plan, task_key: str, status: TaskStatus,
            who: str | None = None) -> bool:
        """Store one validated status (:meth:`set_many`); True when it changed."""
        return self.set_many(plan_id, plan, [(task_key, status)], who) > 0

    # ------------------------------------------------------------ audit, review
    def _audit(self, at: str, who: str | None, plan_id: str, key: str | None, action: str,
               changes: dict) -> None:
        self._conn.execute("INSERT INTO audit (at, who, plan_id, task_key, action, detail) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (at, who, plan_id, key, action, json.dumps(changes, ensure_ascii=False)))

    def audit(self, plan_id: str | None = None, limit: int = 500) -> list[AuditEntry]:
        """The latest audit rows, newest first (of one plan when ``plan_id`` is given)."""
        sql = "SELECT * FROM audit" + (" WHERE plan_id=?" if plan_id else "") + " ORDER BY id DESC LIMIT ?"
        args = (plan_id, limit) if plan_id else (limit,)
        return [AuditEntry(r["at"], r["who"], r["plan_id"], r["task_key"], r["action"],
                           json.loads(r["detail"] or "{}")) for r in self._conn.execute(sql, args)]

    def review(self, plan_id: str) -> list[ReviewItem]:
        """Earlier statuses the revision ``plan_id`` did not take over."""
        rows = self._conn.execute("SELECT * FROM review WHERE plan_id=? ORDER BY rowid", (plan_id,))
        return [ReviewItem(r["from_plan_id"], r["task_key"], r["number"], r["content"], r["status"],
                           r["note"]) for r in rows]
