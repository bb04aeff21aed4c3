"""The one call of the plan parser: :func:`parse_plan`.

Every plan file the service reads (``cchc`` commands, uploads, drafts,
comparisons, the index builds of an upload) is parsed here: in this process
for the user's own files, in a bounded worker process for uploads
(``untrusted=True``: :func:`ingest.worker.parse_untrusted`, time and memory
limits).
"""

from __future__ import annotations

import os

from ingest.model import Plan
from ingest.pipeline import parse_file

__all__ = ["parse_plan"]


def parse_plan(path: str | os.PathLike, untrusted: bool = False) -> Plan:
    """Parse one plan file into the plan model (:func:`ingest.pipeline.parse_file`).

    ``untrusted`` parses in a child process with time and memory limits
    (:func:`ingest.worker.parse_untrusted`; :class:`ingest.errors.ParseLimitError`
    past them). Raises :class:`ingest.errors.IngestError` subclasses for bad
    input (missing, empty, too large, unsupported, corrupt, encrypted, no text).
    """
    if untrusted:
        from ingest.worker import parse_untrusted

        return parse_untrusted(path)
    return parse_file(str(path))
