"""The question model over the plan model: question → :class:`Query`.

* :mod:`.model` – :class:`Intent`, :class:`Query`, the field names;
* :mod:`.catalog` – the loaded plans as the parser sees them;
* :mod:`.cues` – cue words and number/date patterns;
* :mod:`.parse` – :func:`parse_query` and the intent rules;
* :mod:`.followup` – follow-up questions against the previous turn.
"""

from __future__ import annotations

from ingest.lexicon import canon
from ingest.units import split_units, unit_key, unit_matches
from retrieval.question.catalog import (
    PlanCatalog,
    PlanEntry,
    SectionEntry,
    UnitEntry,
    place_name,
    section_words,
)
from retrieval.question.model import FIELDS, META_FIELDS, Intent, Query
from retrieval.question.parse import (
    INTENT_RULES,
    parse_query,
    question_period,
    question_unit,
)

__all__ = [
    "FIELDS", "INTENT_RULES", "META_FIELDS", "Intent", "PlanCatalog", "PlanEntry", "Query",
    "SectionEntry", "UnitEntry", "canon", "parse_query", "place_name", "question_period",
    "question_unit", "section_words",
    "split_units", "unit_key", "unit_matches",
]
