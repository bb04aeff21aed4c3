"""Compatibility path: the question model lives in :mod:`retrieval.question`
(model, catalog, cues, parse, follow-up); this module re-exports its public
names for existing importers."""

from __future__ import annotations

from retrieval.question import *  # noqa: F403
from retrieval.question import __all__  # noqa: F401
