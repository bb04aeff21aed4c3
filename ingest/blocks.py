"""The loader interface: every backend turns a file into a ``LoadedDocument``.

A ``LoadedDocument`` is an ordered list of ``Block``s, in document order:

* ``Block(kind="paragraph", text=..., page=...)`` – one paragraph or line of
  body text, line breaks inside a paragraph already joined with a space.
* ``Block(kind="table", rows=[[cell, ...], ...], row_pages=[page, ...])`` – a
  table fragment as it appears on one page (a table that runs over a page
  break is emitted as several table blocks, in order). Cells are plain text,
  inner line breaks joined with a space; merged cells are repeated in each
  grid position they cover (Word's gridSpan/vMerge) or left empty.
  ``vmerged[i]`` (when a backend knows it, e.g. Word's ``w:vMerge``) lists
  the columns of row ``i`` that continue a cell merged vertically with the
  row above; those cells are ``""`` in ``rows``.
  ``hspanned[i]`` (likewise) lists the columns of row ``i`` covered by a
  cell spanning from the column on their left (Word's ``w:gridSpan``); those
  cells are ``""`` in ``rows``.
* ``Block(kind="page_break", page=n)`` – the next blocks start on page ``n``.

Backends know nothing of the genre: they do not look for annexes, headers or
task numbers. The genre rules live in ``ingest.tables`` and ``ingest.structure``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Block:
    """One unit of a loaded document (see module docstring for the kinds)."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    row_pages: list[int | None] = field(default_factory=list)
    page: int | None = None
    vmerged: list[list[int]] = field(default_factory=list)
    hspanned: list[list[int]] = field(default_factory=list)


@dataclass
class LoadedDocument:
    """Output of a backend: the file name, whether it has pages, its blocks.

    ``ocr_pages`` lists the 1-based pages whose text was read by OCR from a
    scanned image (:mod:`ingest.backends.ocr`); empty for a text source.
    ``fonts`` the font names the file declares (Word) and ``encoding`` the
    legacy encoding its text was converted from (:mod:`ingest.legacy`).
    """

    name: str
    blocks: list[Block]
    has_pages: bool = False
    ocr_pages: list[int] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    """Font names the file declares (Word), for legacy-encoding detection."""
    encoding: str | None = None
    """``"tcvn3"``/``"vni"`` when the text was converted from that legacy
    encoding (:mod:`ingest.legacy`), else ``None``."""


class Backend(Protocol):
    """A loader for one input format.

    ``load(path)`` returns a :class:`LoadedDocument` or raises an
    :class:`ingest.errors.IngestError` subclass with a clear message.
    """

    def load(self, path: str) -> LoadedDocument:  # pragma: no cover - protocol
        """The blocks of the file at ``path``, in reading order."""
        ...
