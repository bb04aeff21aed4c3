"""Where the app reads and writes, from environment variables.

* ``CCHC_CORPUS`` – the folder of plan files the app indexes and uploads
  into (default ``corpus/`` in the current directory);
* ``CCHC_HOME`` – the index folder (default ``.cchc/`` in the current
  directory; read by :func:`retrieval.store.resolve_home`).

Both are read on every script run, so tests can point the app at temporary
folders with ``monkeypatch.setenv``.
"""

from __future__ import annotations

import os

from retrieval.store import resolve_home

CORPUS_ENV = "CCHC_CORPUS"


def corpus_dir() -> str:
    """Absolute path of the corpus folder (``CCHC_CORPUS`` or ``./corpus``)."""
    return os.path.abspath(os.environ.get(CORPUS_ENV) or "corpus")


def home_dir() -> str:
    """Absolute path of the index folder (``CCHC_HOME`` or ``./.cchc``)."""
    return resolve_home(None)
