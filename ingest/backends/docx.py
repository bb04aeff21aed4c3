"""Word (.docx) loader: body paragraphs and tables in document order.

Word has no fixed pages, so the document has ``has_pages=False`` and every
block ``page=None``; no ``page_break`` blocks are emitted.

Reading rules (WordprocessingML):

* The body's children are walked in order: ``w:p`` → a ``paragraph`` block
  (python-docx ``Paragraph.text``: runs and hyperlinks, ``w:br``/``w:tab``
  become spaces), ``w:tbl`` → a ``table`` block. Content controls
  (``w:sdt``) and custom-XML wrappers are looked through. Empty paragraphs
  are skipped.
* Table rows have the grid's column count (``w:tblGrid``): a cell spanning
  columns (``w:gridSpan``) gives its text once then ``""`` for each covered
  column; a vertical-merge continuation (``w:vMerge`` without
  ``restart``) is ``""`` (the text stays in the first row of the merge);
  ``w:gridBefore``/``w:gridAfter`` give leading/trailing ``""``. Header rows
  marked to repeat on each page (``w:tblHeader``) occur once, as in the file.
* A cell's text is its paragraphs joined with one space; a table nested in
  a cell is flattened into that text (its cells in reading order).
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from typing import cast

from docx import Document
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.types import ProvidesStoryPart
from lxml import etree

from ingest.blocks import Block, LoadedDocument
from ingest.docx_guard import check_docx
from ingest.errors import CorruptFileError, EncryptedFileError
from ingest.sniff import is_encrypted_ooxml
from ingest.textnorm import clean_cell

_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
# Wrappers whose content belongs to the enclosing level.
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")


class DocxBackend:
    """Load a .docx into a :class:`LoadedDocument` (see the module docstring).

    ``load(path)`` raises :class:`EncryptedFileError` for a password-protected
    file (an OLE2 container with an ``EncryptedPackage`` stream),
    :class:`CorruptFileError` when the package or its XML cannot be read and
    :class:`ParseLimitError` when it passes a size or count limit; both
    checked by :func:`ingest.docx_guard.check_docx` before python-docx runs.
    """

    def load(self, path: str) -> LoadedDocument:
        """Return the document's blocks in order; ``has_pages`` is ``False``."""
        path = os.fspath(path)
        name = os.path.basename(path)
        if is_encrypted_ooxml(path):
            raise EncryptedFileError(name)
        check_docx(path, name)
        try:
            document = Document(path)
        except (
            zipfile.BadZipFile,
            PackageNotFoundError,
            KeyError,
            ValueError,
            etree.XMLSyntaxError,
        ) as exc:
            raise CorruptFileError(name, "không đọc được cấu trúc tài liệu Word") from exc
        body = document.element.body
        if body is None:
            raise CorruptFileError(name, "tài liệu Word không có phần thân (w:body)")
        blocks = list(_body_blocks(body, document))
        return LoadedDocument(name=name, blocks=blocks, has_pages=False, fonts=_font_names(document))


def _children(element: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """Children of ``element``, looking through ``w:sdt``/``w:customXml`` wrappers."""
    for child in element.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child)
        else:
            yield child


def _body_blocks(body: BaseOxmlElement, parent: ProvidesStoryPart) -> Iterator[Block]:
    """Paragraph and table blocks of the body, in document order (empty ones skipped)."""
    for child in _children(body):
        if child.tag == _P:
            text = _paragraph_text(cast(CT_P, child), parent)
            if text:
                yield Block(kind="paragraph", text=text)
        elif child.tag == _TBL:
            vmerged: list[list[int]] = []
            hspanned: list[list[int]] = []
            rows = table_rows(cast(CT_Tbl, child), parent, vmerged, hspanned)
            if rows:
                yield Block(
                    kind="table", rows=rows, row_pages=[None] * len(rows), vmerged=vmerged, hspanned=hspanned
                )


def _paragraph_text(p: CT_P, parent: ProvidesStoryPart) -> str:
    return clean_cell(Paragraph(p, parent).text) or ""


def table_rows(
    tbl: CT_Tbl, parent: ProvidesStoryPart, vmerged: list[list[int]] | None = None, hspanned: list[list[int]] | None = None
) -> list[list[str]]:
    """Rows of one ``w:tbl`` element as lists of cell strings.

    Each row has at least the grid's column count; merged cells follow the
    rules in the module docstring. ``parent`` is the python-docx story part
    owner used to build :class:`Paragraph` objects. When ``vmerged`` is a
    list, one list per row is appended to it: the grid columns of that row
    that continue a vertical merge (see ``Block.vmerged``); likewise
    ``hspanned`` gets the columns covered by a cell spanning from the left
    (see ``Block.hspanned``).
    """
    grid = tbl.find(qn("w:tblGrid"))
    n_cols = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    rows: list[list[str]] = []
    for tr in _children(tbl):
        if tr.tag != _TR:
            continue
        row = [""] * _grid_skip(tr, "w:gridBefore")
        merged_cols: list[int] = []
        spanned_cols: list[int] = []
        for child in _children(tr):
            if child.tag != _TC:
                continue
            tc = cast(CT_Tc, child)
            span = max(tc.grid_span, 1)
            if tc.vMerge == "continue":
                merged_cols.extend(range(len(row), len(row) + span))
            text = "" if tc.vMerge == "continue" else _cell_text(tc, parent)
            row.append(text)
            spanned_cols.extend(range(len(row), len(row) + span - 1))
            row.extend([""] * (span - 1))
        row.extend([""] * _grid_skip(tr, "w:gridAfter"))
        row.extend([""] * (n_cols - len(row)))
        rows.append(row)
        if vmerged is not None:
            vmerged.append(merged_cols)
        if hspanned is not None:
            hspanned.append(spanned_cols)
    return rows


def _grid_skip(tr: BaseOxmlElement, tag: str) -> int:
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        return 0
    el = tr_pr.find(qn(tag))
    if el is None:
        return 0
    try:
        return max(int(el.get(qn("w:val"), "0")), 0)
    except ValueError:
        return 0


def _cell_text(tc: CT_Tc, parent: ProvidesStoryPart) -> str:
    """Paragraphs of a cell (and of tables nested in it) joined with spaces."""
    parts: list[str] = []
    for child in _children(tc):
        if child.tag == _P:
            parts.append(_paragraph_text(cast(CT_P, child), parent))
        elif child.tag == _TBL:
            for row in table_rows(cast(CT_Tbl, child), parent):
                parts.extend(row)
    return " ".join(p for p in parts if p)


_FONT_ATTRS = [qn("w:ascii"), qn("w:hAnsi"), qn("w:cs")]


def _font_names(document: WordDocument) -> list[str]:
    """Font names the body runs and the styles declare (``w:rFonts``)."""
    names: set[str] = set()
    roots = [document.element]
    try:
        roots.append(document.styles.element)
    except (KeyError, ValueError, AttributeError):
        pass
    for root in roots:
        for el in root.iter(qn("w:rFonts")):
            names.update(v for a in _FONT_ATTRS if (v := el.get(a)))
    return sorted(names)
