"""Parsing options of this process: :class:`ParseOptions`, set once by an entry point.

The OCR and Word 97 loaders read their limits here instead of the
environment: :func:`configure` is called by the entry points
(:func:`assistant.runtime.configure_runtime` from ``Settings``, and the
parser worker's child from its command line, :mod:`ingest.worker`);
:func:`current` is what the loaders use (the defaults until then).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

__all__ = ["PROGRESS_PREFIX", "ParseOptions", "configure", "current"]

PROGRESS_PREFIX = "\x1ecchc-progress "
"""Start of a parser worker child's stderr line reporting OCR progress: ``done total``
(written by :mod:`ingest.backends.pdf`, read by :mod:`ingest.worker`)."""


@dataclass(frozen=True)
class ParseOptions:
    """``ocr_page_timeout``: seconds allowed per OCR'd page (``CCHC_OCR_PAGE_TIMEOUT``);
    ``ocr_workers``: OCR threads, 0 = the CPU count, at most 4 (``CCHC_OCR_WORKERS``);
    ``doc_timeout``: seconds for one LibreOffice conversion of a .doc (``CCHC_DOC_TIMEOUT``);
    ``progress_lines``: report OCR progress as lines for the worker's parent (set in
    the worker's child only)."""

    ocr_page_timeout: float = 180.0
    ocr_workers: int = 0
    doc_timeout: float = 120.0
    progress_lines: bool = False

    def to_json(self) -> str:
        """The options as one JSON object (for a child process's command line)."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "ParseOptions":
        """Options from :meth:`to_json` output (unknown keys ignored)."""
        data = json.loads(text)
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def with_changes(self, **changes: object) -> "ParseOptions":
        """A copy with ``changes``."""
        return replace(self, **changes)  # type: ignore[arg-type]


_current = ParseOptions()


def configure(options: ParseOptions) -> None:
    """Make ``options`` this process's parsing options (entry points only)."""
    global _current
    _current = options


def current() -> ParseOptions:
    """This process's parsing options."""
    return _current
