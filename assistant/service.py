"""The assistant as one object: :class:`Assistant`, used by the ``cchc`` command line, the app and ``cchc eval``.

``Assistant.open(settings)`` is cheap: the index, the embedder and the chat
model are loaded on first use. Its operations:

* :meth:`Assistant.ask` – a question answered from the index (with citations);
* :meth:`Assistant.plans` / :meth:`Assistant.tasks` – plans parsed from files
  (default: the corpus folder) and their tasks, filtered (:func:`select_tasks`);
* :meth:`Assistant.index` – build or update the index;
* :meth:`Assistant.add_plan` / :meth:`Assistant.remove_plan` – change the
  corpus and the index together, all or nothing (:mod:`assistant.corpus`);
* :meth:`Assistant.draft` – next year's draft, written as Word + change logs;
* :meth:`Assistant.diff` – two plans compared (the configured embedder when
  ``semantic``);
* :meth:`Assistant.export` – tasks as XLSX, CSV or ICS (:mod:`drafting.export`).

Every plan file is parsed through :func:`assistant.parsing.parse_plan`, the one place that
calls the parser. Expected failures raise :class:`ingest.errors.CchcError`
subclasses (Vietnamese messages).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from assistant.parsing import parse_plan
from assistant.settings import Settings
from ingest.deadline import due_overlaps
from ingest.errors import InputError, MissingFileError
from ingest.model import Plan, Task
from ingest.pipeline import iter_plan_files
from ingest.textnorm import fold
from ingest.units import unit_key

if TYPE_CHECKING:  # imported lazily at run time: torch/faiss are slow to load
    from assistant.corpus import UploadResult
    from drafting.diff import PlanDiff
    from drafting.shift import Draft
    from retrieval.answer import Answer, Answerer, Turn
    from retrieval.embeddings import VectorEmbeddings

__all__ = ["Assistant", "DraftFiles", "parse_plan", "select_tasks"]

Progress = Callable[[float, str], None]


def select_tasks(plans: list[Plan], doc: str | None = None, lead: str | None = None,
                 due: str | None = None) -> list[Task]:
    """Tasks of ``plans`` filtered by file name, lead unit and due period.

    ``doc`` matches as a substring of the file name (case and diacritics
    ignored); ``lead`` matches case- and diacritics-insensitively as a
    substring of the lead unit, also after abbreviations are expanded
    ("VH-XH" → "văn hóa xã hội", :func:`ingest.units.unit_key`); ``due``
    is '2026', '2026-Q1' or '2026-03' (``ValueError`` if not).
    """
    out = []
    lead_key = fold(lead) if lead else None
    lead_unit = unit_key(lead) if lead else None
    for plan in plans:
        if doc and fold(doc) not in fold(plan.doc):
            continue
        for task in plan.tasks:
            if lead_key and lead_key not in fold(task.lead) and not (
                lead_unit and lead_unit in unit_key(task.lead)
            ):
                continue
            if due and not due_overlaps(task.due, due):
                continue
            out.append(task)
    return out


@dataclass
class DraftFiles:
    """What :meth:`Assistant.draft` wrote: the draft, the Word file and the change logs."""

    draft: Draft
    docx: str
    changes_md: str
    changes_csv: str


class Assistant:
    """The assistant over the corpus and index that ``settings`` name.

    ``settings.home`` holds the index, ``settings.corpus`` the plan files,
    ``settings.embeddings`` the embedder spec, ``settings.llm*`` the optional
    chat model. Build with :meth:`open`.
    """

    def __init__(self, settings: Settings, answerer: Answerer | None = None):
        self.settings = settings
        self._answerer = answerer

    @classmethod
    def open(cls, settings: Settings | None = None) -> Assistant:
        """The assistant for ``settings`` (default ``Settings()``, read from the environment).

        Nothing is loaded yet: the index is opened on the first :meth:`ask`.
        """
        return cls(settings or Settings())

    # ------------------------------------------------------------ where

    @property
    def home(self) -> str:
        """The index folder (absolute)."""
        return str(self.settings.home)

    @property
    def corpus(self) -> str:
        """The plans folder (absolute)."""
        return str(self.settings.corpus)

    def corpus_files(self) -> list[str]:
        """Plan files of the corpus folder, sorted (``[]`` when it does not exist)."""
        from assistant.corpus import corpus_files

        return corpus_files(self.corpus)

    # ------------------------------------------------------------ models

    def chat_model(self) -> Any:
        """The configured chat model or ``None`` (raises :class:`retrieval.llm.LLMConfigError`)."""
        from retrieval.llm import get_chat_model

        s = self.settings
        key = s.llm_api_key.get_secret_value() if s.llm_api_key else None
        return get_chat_model(s.llm, s.llm_model, s.llm_base_url, key)

    def embedder(self) -> VectorEmbeddings:
        """The configured embedder (``settings.embeddings``), cached per process."""
        from retrieval.embeddings import get_embeddings

        return get_embeddings(self.settings.embeddings)

    @property
    def answerer(self) -> Answerer:
        """The :class:`retrieval.answer.Answerer` over the index, loaded on first use.

        Raises :class:`retrieval.store.IndexNotFoundError` without an index,
        :class:`retrieval.llm.LLMConfigError` for a bad chat-model setting and
        :class:`retrieval.search.EmbedderMismatchError` when the index was
        built with an embedder that is not available.
        """
        if self._answerer is None:
            from retrieval.answer import Answerer
            from retrieval.search import HybridSearcher
            from retrieval.store import IndexStore
            from tracking.answer import answer_status_question

            store = IndexStore.open(self.home)
            self._answerer = Answerer(store, HybridSearcher(store), llm=self.chat_model(),
                                      status=answer_status_question)
        return self._answerer

    def reload(self) -> None:
        """Forget the loaded index (after the index changed)."""
        self._answerer = None

    # ------------------------------------------------------------ questions

    def ask(self, question: str, plan: str | None = None,
            history: list[Turn] | None = None) -> Answer:
        """Answer ``question`` (Vietnamese, with or without diacritics) from the index.

        ``plan`` restricts it to one plan (file name or place); ``history``
        holds the previous turns for follow-ups. Errors: see :attr:`answerer`.
        """
        return self.answerer.answer(question, plan=plan, history=history)

    # ------------------------------------------------------------ plans and tasks

    def _paths(self, paths: list[str] | None) -> list[str]:
        paths = list(paths or [self.corpus])
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise MissingFileError(", ".join(missing))
        return paths

    def plans(self, paths: list[str] | None = None) -> list[Plan]:
        """The plans of ``paths`` (files or folders; default the corpus), parsed in file order.

        Raises :class:`ingest.errors.MissingFileError` for a path that does not
        exist and the parser's :class:`ingest.errors.IngestError` for a bad file.
        """
        return [parse_plan(p) for p in iter_plan_files(self._paths(paths))]

    def tasks(self, paths: list[str] | None = None, doc: str | None = None,
              lead: str | None = None, due: str | None = None) -> list[Task]:
        """Tasks of :meth:`plans` filtered as :func:`select_tasks` does.

        A bad ``due`` period raises :class:`ingest.errors.InputError` before
        any file is read.
        """
        if due:
            try:
                due_overlaps(None, due)
            except ValueError as err:
                raise InputError(f"--due {due}: {err}") from err
        return select_tasks(self.plans(paths), doc, lead, due)

    # ------------------------------------------------------------ corpus and index

    def index(self, paths: list[str] | None = None, progress: bool = True,
              notify: Callable[[str], None] | None = None) -> dict:
        """Build or update the index from ``paths`` (default the corpus); returns the manifest.

        See :func:`retrieval.indexer.build_index` (``notify`` receives "waiting
        for another writer" messages); files that fail to parse are listed
        under ``"errors"``; a build that cannot publish raises
        :class:`retrieval.indexer.IndexBuildError`.
        """
        from retrieval.indexer import build_index

        manifest = build_index(paths or [self.corpus], home=self.home,
                               embedder_spec=self.settings.embeddings, progress=progress,
                               notify=notify)
        self.reload()
        return manifest

    def add_plan(self, data: bytes, name: str, progress: Progress | None = None) -> UploadResult:
        """Add an uploaded plan to the corpus and the index, all or nothing (:func:`assistant.corpus.add_plan`)."""
        from assistant.corpus import add_plan

        result = add_plan(data, name, self.corpus, self.home, progress,
                          embedder_spec=self.settings.embeddings)
        self.reload()
        return result

    def remove_plan(self, doc: str, progress: Progress | None = None) -> dict:
        """Remove plan file ``doc`` from the corpus and the index (:func:`assistant.corpus.remove_plan`)."""
        from assistant.corpus import remove_plan

        manifest = remove_plan(doc, self.corpus, self.home, progress,
                               embedder_spec=self.settings.embeddings)
        self.reload()
        return manifest

    # ------------------------------------------------------------ drafting

    def draft(self, source: str | Plan, year: int, output: str | None = None) -> DraftFiles:
        """Write next year's draft of ``source`` (a plan file or a parsed plan) for ``year``.

        ``output`` is the .docx path (default ``<source stem>_<year>.docx``);
        the change logs (``.changes.md``, ``.changes.csv``) are written beside
        it. Raises :class:`ingest.errors.InputError` when the year cannot be
        shifted (the plan's year unknown, ``year`` not after it).
        """
        from drafting.changelog import write_changelog
        from drafting.docx_writer import write_docx
        from drafting.shift import draft_plan

        plan = source if isinstance(source, Plan) else parse_plan(self._paths([source])[0])
        try:
            draft = draft_plan(plan, year)
        except ValueError as err:
            raise InputError(str(err)) from err
        stem = os.path.splitext(os.path.basename(plan.doc if isinstance(source, Plan) else source))[0]
        out = output or f"{stem}_{year}.docx"
        write_docx(draft, out)
        md_path, csv_path = write_changelog(draft, out)
        return DraftFiles(draft, out, md_path, csv_path)

    def diff(self, a: str | Plan, b: str | Plan, threshold: float | None = None,
             semantic: bool = False) -> PlanDiff:
        """Compare plans ``a`` and ``b`` (files or parsed plans) task by task and target by target.

        ``threshold`` in 0..1 (default :data:`drafting.diff.DEFAULT_THRESHOLD`;
        :class:`ingest.errors.InputError` outside); ``semantic`` adds the
        configured embedder's similarity to the lexical one.
        """
        from drafting.diff import DEFAULT_THRESHOLD, diff_plans

        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        if not 0 <= threshold <= 1:
            raise InputError("--threshold phải trong khoảng 0..1")
        plans = [p if isinstance(p, Plan) else None for p in (a, b)]
        files = self._paths([str(p) for p in (a, b) if not isinstance(p, Plan)])
        parsed = iter(parse_plan(f) for f in files)
        plan_a, plan_b = (p if p is not None else next(parsed) for p in plans)
        return diff_plans(plan_a, plan_b, threshold, self.embedder() if semantic else None)

    # ------------------------------------------------------------ exports

    def export(self, tasks: list[Task], fmt: str, out: str | Path | IO,
               plans: list[Plan] | None = None) -> ExportResult:
        """Write ``tasks`` as ``fmt`` (xlsx | csv | ics) to ``out`` (a path or an open stream).

        ``plans`` (the tasks' plans) let the calendar place undated recurring
        tasks inside each plan's years. See :func:`drafting.export.export_tasks`;
        an unknown format raises :class:`ingest.errors.InputError`.
        """
        from drafting.export import export_tasks, plan_years

        return export_tasks(tasks, fmt, out, plan_years(plans or []))


if TYPE_CHECKING:
    from drafting.export import ExportResult
