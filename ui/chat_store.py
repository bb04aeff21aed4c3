"""Chat history that survives a reload: conversations and their messages in SQLite.

The database is ``conversations.sqlite3`` in the index folder (``CCHC_HOME``;
:func:`store_path`), outside the ``index-*`` versions, so rebuilding the
index keeps it. Two tables:

* ``conversations(id TEXT, title TEXT, created REAL, updated REAL)`` — ``id``
  a random 12-hex-digit string (the ``?c=`` of the page address), ``title``
  the first question, times in seconds since the epoch;
* ``messages(id INTEGER, conversation TEXT, role TEXT, text TEXT, data TEXT)``
  — ``role`` "user" or "assistant", ``data`` JSON: for an answer
  ``{"question", "abstained", "kind", "seconds", "scope", "citations":
  [{"doc", "title", "locator", "page", "quote"}]}``.

Reading never creates the file (nothing is written before the first
question). Each call opens its own connection (sessions run in threads), in WAL mode
with a busy timeout, so several browser tabs can write at once.
:func:`to_answer` turns a stored answer back into a
:class:`retrieval.answering.model.Answer` for display and follow-ups.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from contextlib import closing
from typing import Any, TypeGuard

from retrieval.answering.model import Answer, Citation

FILE_NAME = "conversations.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL, text TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation, id);
"""


def store_path(home: str) -> str:
    """Path of the history database under the index folder ``home``."""
    return os.path.join(home, FILE_NAME)


def new_id() -> str:
    """A fresh conversation id: 12 lower-case hex digits."""
    return secrets.token_hex(6)


def valid_id(value: str | None) -> TypeGuard[str]:
    """True for a string shaped like :func:`new_id` (checked before any query)."""
    return value is not None and len(value) == 12 and all(c in "0123456789abcdef" for c in value)


class ChatStore:
    """The conversations of one index folder (see the module docstring)."""

    def __init__(self, home: str):
        self.path = store_path(home)

    def _connect(self) -> sqlite3.Connection:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(_SCHEMA)
        return conn

    def add(self, conversation: str, role: str, text: str, data: dict[str, Any] | None = None) -> None:
        """Append one message; the conversation is created (titled by ``text``) on its first."""
        now = time.time()
        with closing(self._connect()) as conn, conn:
            conn.execute(
                "INSERT INTO conversations(id, title, created, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET updated = excluded.updated",
                (conversation, text[:120], now, now))
            conn.execute("INSERT INTO messages(conversation, role, text, data) VALUES (?, ?, ?, ?)",
                         (conversation, role, text, json.dumps(data or {}, ensure_ascii=False)))

    def messages(self, conversation: str) -> list[dict[str, Any]]:
        """The messages of ``conversation``, oldest first: ``{"role", "text", **data}``
        (``[]`` when it does not exist)."""
        if not os.path.exists(self.path):
            return []
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT role, text, data FROM messages WHERE conversation = ? "
                                "ORDER BY id", (conversation,)).fetchall()
        return [{"role": role, "text": text, **json.loads(data)} for role, text, data in rows]

    def exists(self, conversation: str) -> bool:
        """True when ``conversation`` has been stored."""
        if not os.path.exists(self.path):
            return False
        with closing(self._connect()) as conn:
            return conn.execute("SELECT 1 FROM conversations WHERE id = ?",
                                (conversation,)).fetchone() is not None

    def conversations(self, limit: int = 30) -> list[tuple[str, str, float]]:
        """The latest ``limit`` conversations, newest first: ``(id, title, updated)``."""
        if not os.path.exists(self.path):
            return []  # reading never creates the database
        with closing(self._connect()) as conn:
            return conn.execute("SELECT id, title, updated FROM conversations "
                                "ORDER BY updated DESC LIMIT ?", (limit,)).fetchall()

    def delete(self, conversation: str) -> None:
        """Remove ``conversation`` and its messages (nothing when it does not exist)."""
        with closing(self._connect()) as conn, conn:
            conn.execute("DELETE FROM messages WHERE conversation = ?", (conversation,))
            conn.execute("DELETE FROM conversations WHERE id = ?", (conversation,))


def answer_data(answer: Answer, question: str, seconds: float, scope: str) -> dict[str, Any]:
    """The JSON ``data`` stored for an answer (shape in the module docstring)."""
    return {"question": question, "abstained": answer.abstained, "kind": answer.kind,
            "seconds": round(seconds, 3), "scope": scope,
            "citations": [c.to_dict() for c in answer.citations]}


def to_answer(message: dict[str, Any]) -> Answer:
    """The :class:`Answer` of a stored assistant message, with the scope it was asked
    under (no ``query``: a follow-up to it is resolved by replaying the questions)."""
    return Answer(text=message["text"], abstained=bool(message.get("abstained")),
                  citations=[Citation(**c) for c in message.get("citations", [])],
                  kind=message.get("kind", "extractive"), scope=message.get("scope") or None)
