"""Putting back the cells of an annex row that a conversion shifted.

Text conversions of Word/PDF annexes drop empty cells (a merged cell's
empty grid positions, a cell the author left blank) and pad the row at its
end, so the cells after the lost one slide one column to the left:
``'' | Công khai … | Văn bản … được công khai | Tư pháp – Hộ tịch | Các bộ
phận … | '' | Thường xuyên`` under ``STT | Mục tiêu | Nhiệm vụ | Sản phẩm |
Chủ trì | Phối hợp | Thời gian``. Two readers put the cells back in order,
where they fit their columns best (:func:`fit`: deadline words in the
deadline column, unit names in lead/coordinating, a figure in the
objective), never reordering them:

* :func:`realign_short_row` – a row padded at its end whose last filled cell
  is a deadline while the deadline column is the last one;
* :func:`realign_shifted_row` – any row whose cells, as found, put a unit
  name or a deadline in a column that cannot hold it, when a placement in
  order fits clearly better (a row continuing a cut cell is left alone).
"""

from __future__ import annotations

import itertools
import re
from typing import Protocol

from ingest.lexicon import opens_cell
from ingest.textnorm import fold

__all__ = ["fit", "looks_like", "realign_shifted_row", "realign_short_row"]


class Layout(Protocol):
    """What the readers need of a table layout (``ingest.tables.TableLayout``)."""

    roles: dict[str, int]
    width: int


def looks_like(text: str, kind: str) -> bool:
    """Does a cell read like a ``deadline``, a ``unit`` (lead/coordinating) or a ``product``?"""
    return opens_cell(text, kind)


_TARGET_WORDS = re.compile(r"\d\s*%|ty le|toi thieu|\b100\b")


def fit(text: str, role: str | None, numbered: bool = True) -> float:
    """How well ``text`` fits a column of ``role`` (higher is better).

    An objective states a target (a figure, "tỷ lệ", "tối thiểu"); a cell
    without one fits the content column a little better, since a row that
    lost one of its two body cells keeps its task (the content), not the
    objective. Units and deadlines fit only their own columns.
    """
    if not text.strip():
        return 0.0
    if role == "objective":
        base = 1.0 if _TARGET_WORDS.search(fold(text)) else (0.25 if numbered else -0.5)
        return -1.0 if (looks_like(text, "unit") or looks_like(text, "deadline")) else base
    is_deadline, is_unit = looks_like(text, "deadline"), looks_like(text, "unit")
    if role == "deadline":
        return 2.0 if is_deadline else -2.0
    if role in ("lead", "coordinating"):
        return 1.0 if is_unit else -1.0
    if is_unit or is_deadline:
        return -1.0
    is_product = looks_like(text, "product")
    if role == "product":
        return 1.5 if is_product else 0.5
    return 0.0 if is_product else 0.5


_BODY = ("content", "objective")


def _best_placement(
    cells: list[str], slots: list[int], by_col: dict[int, str], numbered: bool, last_fixed: bool,
    body: frozenset[int] = frozenset(),
) -> tuple[list[int] | None, float]:
    """The columns (in order) where ``cells`` fit best, and the score.

    ``last_fixed``: the last cell must stay in the last slot (a deadline at
    the row's end); ``body``: indices of cells found in a body column,
    which may move to another body column or the product, never to a unit
    or deadline column. Ties go to the later gaps (cells lost at a
    row's end).
    """
    best: list[int] | None = None
    best_score = float("-inf")
    free = slots[:-1] if last_fixed else slots
    want = len(cells) - 1 if last_fixed else len(cells)
    if want < 0 or want > len(free):
        return None, best_score
    for chosen in itertools.combinations(free, want):
        cols = list(chosen) + ([slots[-1]] if last_fixed else [])
        if any(by_col.get(cols[i]) not in (*_BODY, "product") for i in body):
            continue
        score = sum(fit(text, by_col.get(col), numbered) for text, col in zip(cells, cols))
        if score > best_score:  # the first best: the earliest columns, the latest gaps
            best, best_score = cols, score
    return best, best_score


def realign_short_row(row: list[str], layout: Layout, numbered: bool = True) -> list[str]:
    """Put back the cells of a row that lost cells in conversion.

    Source pattern: a row with fewer cells than the header, padded with empty
    cells at the end, whose last filled cell reads like a deadline ("Thường
    xuyên", "Quý I/2025") while the deadline column is the last one, e.g.
    ``1 | Rà soát… | Văn bản QPPL | Tài chính | Tài chính | Thường xuyên | ''``.
    The missing cells are re-inserted where the cells fit their columns best
    (deadline words in the deadline column, unit names in lead/coordinating);
    the gaps stay empty. Other rows are returned unchanged.
    """
    width = layout.width
    deadline_col = layout.roles.get("deadline")
    last = max((i for i, c in enumerate(row) if c.strip()), default=-1)
    if deadline_col is None or deadline_col != width - 1 or last < 0 or last >= width - 1:
        return row
    if not looks_like(row[last], "deadline") or looks_like(row[last], "unit"):
        return row
    start = layout.roles.get("number", 0) + 1
    cells = row[start : last + 1]
    by_col = {col: role for role, col in layout.roles.items()}
    best, _ = _best_placement(cells, list(range(start, width)), by_col, numbered, last_fixed=True)
    if best is None:  # more cells than columns to place them in
        return row
    out = list(row[:start]) + [""] * (width - start)
    for text, col in zip(cells, best):
        out[col] = text
    return out


# how much better a placement must fit than the cells as found
_SHIFT_MARGIN = 2.0


def _starts_mid_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in ",.;:)")


def realign_shifted_row(row: list[str], layout: Layout, numbered: bool = True) -> list[str]:
    """Put back the cells of a row shifted left by lost empty cells.

    Source pattern: a sub-row that lost its (merged, empty) objective cell,
    so that its task sits under "Mục tiêu", its product under "Nhiệm vụ" and
    its lead unit under "Sản phẩm": ``'' | Vận hành … | Trang thông tin điện
    tử xã | Văn phòng UBND xã | Các bộ phận có liên quan | ''``. The filled
    cells (in order) are placed where they fit best (:func:`fit`) when, as
    found, a unit name sits under the product or a deadline under the
    product or a unit column (neither opening like a product: "Hội nghị"), and the placement fits clearly better (by
    ``_SHIFT_MARGIN``); a cell found in a body column (content, objective)
    never moves to a unit or deadline column. A row
    with a cell starting mid-sentence (the rest of a cut cell, whose place
    is its column) and a row that fits as found are returned unchanged.
    """
    width = max(layout.width, len(row))
    start = layout.roles.get("number", 0) + 1
    by_col = {col: role for role, col in layout.roles.items()}
    filled = [(col, text) for col, text in enumerate(row[:width]) if col >= start and text.strip()]
    if not filled or any(_starts_mid_sentence(text) for _, text in filled):
        return row
    misfit = any(
        not opens_cell(text, "product") and (
            (looks_like(text, "unit") and by_col.get(col) == "product")
            or (looks_like(text, "deadline") and by_col.get(col) in ("product", "lead", "coordinating")))
        for col, text in filled
    )
    if not misfit:
        return row
    cells = [text for _, text in filled]
    body = frozenset(i for i, (col, _) in enumerate(filled) if by_col.get(col) in _BODY)
    found = sum(fit(text, by_col.get(col), numbered) for col, text in filled)
    best, score = _best_placement(cells, list(range(start, layout.width)), by_col, numbered, False, body)
    if best is None or score < found + _SHIFT_MARGIN:
        return row
    out = list(row[:start]) + [""] * (len(row) - start)
    for text, col in zip(cells, best):
        out[col] = text
    return out
