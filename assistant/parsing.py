"""The one call of the plan parser: :func:`parse_plan`.

Every plan file the service reads (``cchc`` commands, uploads, drafts,
comparisons) is parsed here, so limits on parsing (time, memory, a worker
process) have one place to go.
"""

from __future__ import annotations

import os

from ingest.model import Plan
from ingest.pipeline import parse_file

__all__ = ["parse_plan"]


def parse_plan(path: str | os.PathLike) -> Plan:
    """Parse one plan file into the plan model (:func:`ingest.pipeline.parse_file`).

    Raises :class:`ingest.errors.IngestError` subclasses for bad input
    (missing, empty, too large, unsupported, corrupt, encrypted, scanned).
    """
    return parse_file(str(path))
