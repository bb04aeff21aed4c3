"""The index, models and derived tables, loaded once per index version.

:func:`get_engine` returns an :class:`Engine` cached with
``st.cache_resource``: the :class:`assistant.service.Assistant` of the
app's settings, its opened :class:`retrieval.store.IndexStore` and
:class:`retrieval.answer.Answerer` (with its hybrid searcher and, when
``CCHC_LLM`` is set, the chat model), the plans, their labels and the task
table. The cache key is the index folder plus the name of its live version
(the ``CURRENT`` pointer), so an index rebuilt by ``cchc index`` in another
process is picked up on the next page run; after an upload or removal the
app also calls :func:`clear` explicitly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from assistant.service import Assistant
from assistant.settings import Settings
from ingest.model import Plan
from retrieval.answer import Answerer
from retrieval.store import POINTER, IndexNotFoundError, IndexStore
from ui.tasks_data import lead_unit_options, plan_labels, tasks_frame


@dataclass
class Engine:
    """Everything the pages read. ``plans`` ``{doc: Plan}`` in index order;
    ``labels`` ``{doc: "Nam An Phụ (năm 2026)"}``; ``tasks`` the task table
    (:func:`ui.tasks_data.tasks_frame`); ``units`` lead-unit key → label."""

    store: IndexStore
    answerer: Answerer
    assistant: Assistant
    plans: dict[str, Plan]
    labels: dict[str, str]
    tasks: pd.DataFrame
    units: dict[str, str]


def index_version(home: str) -> str:
    """Name of the live index version under ``home`` ("" when there is none)."""
    try:
        with open(os.path.join(home, POINTER), encoding="utf-8") as fh:
            return fh.read().strip()
    except OSError:
        return ""


@st.cache_resource(show_spinner="Đang tải chỉ mục và mô hình…", max_entries=4)
def _load(home: str, version: str, _settings: Settings) -> Engine:
    assistant = Assistant.open(_settings)
    answerer = assistant.answerer
    store = answerer.store
    plans = dict(store.plans())
    engine = Engine(
        store=store,
        answerer=answerer,
        assistant=assistant,
        plans=plans,
        labels=plan_labels(plans),
        tasks=tasks_frame(plans),
        units=lead_unit_options(plans),
    )
    # Warm the query path (word segmentation, query embedding) so that the
    # user's first question is answered as fast as the next ones.
    answerer.answer("nhiệm vụ 1")
    answerer.answer("mục tiêu cải cách hành chính")
    return engine


def get_engine(settings: Settings) -> Engine:
    """The cached :class:`Engine` for the live index under ``settings.home``.

    Raises :class:`retrieval.store.IndexNotFoundError` when there is no
    index (the message tells the user to run ``cchc index``).
    """
    home = str(settings.home)
    version = index_version(home)
    if not version:
        raise IndexNotFoundError(home)
    return _load(home, version, settings)


def clear() -> None:
    """Drop every cached engine (after the corpus or the index changed)."""
    _load.clear()
