"""Annex task tables → :class:`ingest.model.Task` rows.

Works on the table blocks of any backend (see ``ingest.blocks``) from the
structure of the genre, not from fixed strings:

* **Header by meaning** (:func:`header_roles`): each header cell is mapped to a
  role by keyword families on its diacritics-free text — ``number`` (TT, STT),
  ``content`` (Nội dung, Nhiệm vụ, Hoạt động, Công việc, Đề án), ``objective``
  (Mục tiêu, Chỉ tiêu), ``lead`` (Cơ quan/Đơn vị chủ trì or thực hiện),
  ``coordinating`` (phối hợp), ``deadline`` (Thời gian, Thời hạn, Tiến độ),
  ``product`` (Sản phẩm, Kết quả). Other columns (Cấp trình, Ghi chú, Kinh
  phí…) keep their header text and land in ``Task.extra``. Two-row headers
  ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") are merged column-wise.
  A table is a task table when its header has a content column and a lead
  or deadline column.
* **Repeated headers** at page tops and the column-number row "(1) (2) …"
  are skipped; a repeated header, and a new table block, mark a page break.
  A repeat must be a row of labels (:func:`is_label_row`): a data row whose
  cells merely hold header words ("… công việc", "Báo cáo định kỳ theo thời
  gian …") is never taken for one.
* **Group rows repeating their title in every cell** ("I. Nhiệm vụ … | I.
  Nhiệm vụ … | …", a merged row written out by a conversion) set ``section``;
  a numbered row holding only its title and followed by lettered items
  ("1 | Tổ chức tuyên truyền …", then "a)", "b)") is a group heading too.
* **Cells spanning columns** (``Block.hspanned``): a cell spanning "Chủ trì"
  and "Phối hợp" is read for both fields, and the task is named in the
  warnings; a title spanning the row from the content cell fills nothing.
* **Group rows** "I." / "II. Cải cách thể chế" / "A | CẢI CÁCH THỂ CHẾ"
  (a Roman number or a capital letter A–H, no task data) set ``section``; **sub-group rows** "1 Kiểm soát thủ tục hành chính" (number
  and title in one cell, nothing else) set ``subsection``.
* **Numbered rows** ("22", "2.3", "1.", lettered "a)") are tasks; numbers
  may restart per section.
* **Unnumbered rows**: a *continuation* of the row above (cells cut at a page
  break, or a cell's overflow line) when every filled cell either starts
  mid-sentence (lower case / punctuation) or fills a cell the row above left
  empty — its cells are appended cell by cell; at a page top also when its
  content cell starts mid-sentence or the content above ends on a connector
  word ("… về" / "Khoáng sản …"); otherwise a *sub-row* of the last numbered
  task (``part_of``), e.g. "- Tối thiểu 20% phòng, ban…". A page-top sub-row
  with an empty content cell (a merged cell cut by the page) keeps its
  task's content.
* Shifted or missing cells stay as found; empty cells are ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.blocks import Block, LoadedDocument
from ingest.columns import TASK_FIELDS, family_of
from ingest.deadline import parse_due
from ingest.flattened import is_dangling
from ingest.lexicon import opens_cell
from ingest.model import PlanWarning, Task
from ingest.realign import looks_like as _looks_like
from ingest.realign import realign_shifted_row, realign_short_row
from ingest.textnorm import clean_cell, fold

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_GROUP_RE = re.compile(rf"^\s*({_ROMAN}|[A-H])(?:\s*[.:)/-]\s*|\s+|$)(.*)$")
_NUMBER_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\s*\.?\s*$")
_NUMBER_TITLE_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\s*\.?\s+(\S.*)$")
_COLNUM_RE = re.compile(r"^\(?\d{1,2}\)?$")
# a lettered item "a)", "b.", "đ)" in the number column: a task numbered as printed
_LETTER_RE = re.compile(r"^\s*([a-zđ])\s*[.)]\s*$")


def _role_of(header_text: str) -> str | None:
    """The task field a header cell maps to; ``None`` for columns kept in ``extra``."""
    family = family_of(header_text)
    return family if family in TASK_FIELDS else None


@dataclass
class TableLayout:
    """Column roles of one task table.

    ``roles`` maps role → column index; ``extra`` maps column index → header
    text for columns without a role; ``header_keys`` is the folded header
    row(s), used to recognise repeats; ``height`` is 1 or 2 header rows.
    """

    roles: dict[str, int]
    extra: dict[int, str]
    header_keys: list[str]
    height: int = 1
    width: int = 0
    labels: dict[int, str] = field(default_factory=dict)


_MAX_LABEL_WORDS = 12


def is_label_row(row: list[str]) -> bool:
    """Whether every filled cell of ``row`` is short enough to be a column label.

    Header cells are labels ("Cơ quan, đơn vị chủ trì thực hiện", "Theo dõi,
    kiểm tra, đôn đốc"): at most 12 words and not a sentence ending in ".".
    A data row whose cells happen to hold header words ("… giải quyết công
    việc …", "Báo cáo định kỳ theo thời gian quy định") has longer cells.
    """
    cells = [c.strip() for c in row if c.strip()]
    return bool(cells) and all(len(c.split()) <= _MAX_LABEL_WORDS and not c.endswith(".") for c in cells)


def header_roles(rows: list[list[str]], start: int = 0) -> TableLayout | None:
    """Recognise a task-table header at ``rows[start]`` (1 or 2 rows).

    Returns a :class:`TableLayout`, or ``None`` when the row is not a header
    with a content column and a lead or deadline column, or when a cell is
    too long to be a label (:func:`is_label_row`).
    """
    if start >= len(rows):
        return None
    first = rows[start]
    lead_cell = next((c.strip() for c in first if c.strip()), "")
    if _NUMBER_RE.match(lead_cell) or _NUMBER_TITLE_RE.match(lead_cell) or not is_label_row(first):
        return None  # a task row, never a header
    layout = _layout_from([first])
    if start + 1 < len(rows):
        second = rows[start + 1]
        number_cell = second[0].strip() if second else ""
        group = _GROUP_RE.match(number_cell) if number_cell else None
        if not _NUMBER_RE.match(number_cell) and not (group and group.group(1)):
            merged = _layout_from([first, second])
            if merged and (not layout or len(merged.roles) > len(layout.roles)):
                merged.height = 2
                layout = merged
    return layout


def _layout_from(header_rows: list[list[str]]) -> TableLayout | None:
    width = max(len(r) for r in header_rows)
    texts = []
    for col in range(width):
        parts = [r[col] for r in header_rows if col < len(r) and r[col].strip()]
        # a merged parent cell spans several columns: "Cơ quan thực hiện" / "Chủ trì"
        texts.append(" ".join(dict.fromkeys(parts)))
    roles: dict[str, int] = {}
    extra: dict[int, str] = {}
    for col, text in enumerate(texts):
        if len(header_rows) > 1:
            # prefer the lower (more specific) row when it names a role itself
            lower = header_rows[-1][col] if col < len(header_rows[-1]) else ""
            role = _role_of(lower) or _role_of(text)
        else:
            role = _role_of(text)
        if role and role not in roles:
            roles[role] = col
        elif text.strip():
            extra[col] = clean_cell(text) or text
    has_body = "content" in roles or "objective" in roles
    if not has_body or not ({"lead", "deadline"} & roles.keys()) or len(roles) < 3:
        return None
    keys = [fold(" ".join(r)) for r in header_rows]
    labels = {col: clean_cell(text) or text for col, text in enumerate(texts) if text.strip()}
    return TableLayout(
        roles=roles, extra=extra, header_keys=keys, height=len(header_rows), width=width, labels=labels
    )


def _is_repeated_header(row: list[str], layout: TableLayout) -> bool:
    """A header repeated at a page top: the real header's text again, or a
    row of labels naming, column by column, the same roles (never a data
    row that merely holds header words — see :func:`is_label_row`)."""
    key = fold(" ".join(row))
    if key and key in layout.header_keys:
        return True
    if not is_label_row(row):
        return False
    again = _layout_from([row])
    return bool(again and again.roles == {k: v for k, v in layout.roles.items() if k in again.roles} and len(again.roles) >= 3)


def _is_column_numbers(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    if len(cells) < 3 or not all(_COLNUM_RE.match(c) for c in cells):
        return False
    nums = [int(c.strip("()")) for c in cells]
    return nums == list(range(nums[0], nums[0] + len(nums)))


_GLUED_DEADLINE = re.compile(
    r"\s((?:Thường xuyên|Hàng năm|Hằng năm|Cả năm|Theo (?:tiến độ|kế hoạch|hướng dẫn|lộ trình)|"
    r"Quý [IV\d]|Tháng \d|Trước ngày|Năm \d{4}|Trong (?:năm|tháng|quý)|Khi có)\b.*)$"
)


def split_glued_deadline(row: list[str], layout: "TableLayout") -> list[str]:
    """Separate a deadline glued onto the cell before an empty deadline column.

    Source pattern: the conversion merged two cells into one and left the
    deadline cell empty: ``… | Văn phòng UBND xã Thường xuyên | ''`` →
    ``… | Văn phòng UBND xã | Thường xuyên``. Only a capitalised deadline
    phrase after other words is split off; other rows are unchanged.
    """
    col = layout.roles.get("deadline")
    if col is None or col == 0 or col >= len(row) or row[col].strip():
        return row
    match = _GLUED_DEADLINE.search(row[col - 1])
    if not match or match.start() == 0:
        return row
    row = list(row)
    row[col - 1], row[col] = row[col - 1][: match.start()].strip(), match.group(1).strip()
    return row


def move_stray_deadline(row: list[str], layout: "TableLayout") -> list[str]:
    """Put a deadline written in the product column back in the deadline column.

    Source pattern: a row whose author left the product out and wrote the
    deadline in its place, with the deadline cell empty: ``3 | … | Khi có kế
    hoạch của tỉnh | Văn phòng UBND xã | Các bộ phận có liên quan | ''`` →
    the deadline "Khi có kế hoạch của tỉnh", no product. Only a cell that
    opens like a deadline (:func:`ingest.lexicon.opens_cell`) and not like a
    product, even by the wide vocabulary ("Quy trình, báo cáo"), is moved; other rows are unchanged.
    """
    deadline, product = layout.roles.get("deadline"), layout.roles.get("product")
    if deadline is None or product is None or max(deadline, product) >= len(row):
        return row
    cell = row[product].strip()
    if row[deadline].strip() or not cell or not _looks_like(cell, "deadline") \
            or opens_cell(cell, "product", wide=True):
        return row
    row = list(row)
    row[deadline], row[product] = cell, ""
    return row


def _starts_mid_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in ",.;:)")


def _joined(old: str | None, text: str) -> str:
    """``old`` + ``text`` for a cell continued on the next page.

    Conversions sometimes repeat the cut words on both pages ("…Xã hội xã" /
    "xã"): a continuation that the cell already ends with is not added again.
    """
    if not old:
        return text
    if fold(old).endswith(fold(text)):
        return old
    return f"{old} {_without_repeated_cut(old, text)}"


def _without_repeated_cut(old: str, text: str, most: int = 3) -> str:
    """``text`` without the words at its start that ``old`` ends with.

    Source pattern: the cut words printed on both pages ("… đáp ứng tiêu
    chuẩn" / "chuẩn ngạch, chức danh …", "… kiểm tra, kiểm toán" / "kiểm
    toán Nhà nước …"): up to ``most`` words repeated across the cut are kept once.
    """
    before, after = old.split(), text.split()
    for n in range(min(most, len(before), len(after) - 1), 0, -1):
        if [fold(w) for w in before[-n:]] == [fold(w) for w in after[:n]]:
            return " ".join(after[n:])
    return text


@dataclass
class _State:
    layout: TableLayout
    section: str | None = None
    subsection: str | None = None
    last: Task | None = None
    last_numbered: Task | None = None
    tasks: list[Task] = field(default_factory=list)
    # the section a numbered group heading ("1 | Tổ chức tuyên truyền …") replaced
    outer_section: str | None = None
    numbered_group: bool = False


class _TaskBuilder:
    """Walks the table blocks of one document and emits tasks (see module doc)."""

    def __init__(self, doc_name: str, plan_year: int | None):
        self._spanned: list[int] = []
        self._next_number = ""
        self.doc = doc_name
        self.year = plan_year
        self.tasks: list[Task] = []
        self.warnings: list[PlanWarning] = []
        self.state: _State | None = None

    @property
    def _table(self) -> _State:
        """The state of the table being read; ``RuntimeError`` outside one (a bug)."""
        if self.state is None:
            raise RuntimeError("no task table is being read")
        return self.state

    # -- cell access -------------------------------------------------
    def _cell(self, row: list[str], role: str) -> str | None:
        col = self._table.layout.roles.get(role)
        if col is None or col >= len(row):
            return None
        return clean_cell(row[col])

    def _data_cells(self, row: list[str]) -> dict[int, str]:
        """Non-empty cells other than the number column, by column index."""
        num_col = self._table.layout.roles.get("number")
        return {i: c.strip() for i, c in enumerate(row) if c.strip() and i != num_col}

    # -- rows ---------------------------------------------------------
    def feed_table(self, block: Block) -> None:
        rows = block.rows
        i = 0
        page_break = True
        while i < len(rows):
            row = rows[i]
            layout = header_roles(rows, i)
            if layout is not None and (self.state is None or not self._same_layout(layout)):
                self._finish_table()
                self.state = _State(layout=layout)
                i += layout.height
                continue
            if self.state is None:
                i += 1
                continue
            if layout is not None or _is_repeated_header(row, self.state.layout):
                page_break = True
                i += layout.height if layout is not None else 1
                continue
            page = block.row_pages[i] if i < len(block.row_pages) else block.page
            merged = block.vmerged[i] if i < len(block.vmerged) else []
            self._spanned = block.hspanned[i] if i < len(block.hspanned) else []
            self._next_number = self._number_of(rows[i + 1]) if i + 1 < len(rows) else ""
            self._feed_row(self._inherit_merged(row, merged), page, page_break)
            page_break = False
            i += 1

    def _number_of(self, row: list[str]) -> str:
        col = self.state.layout.roles.get("number", 0) if self.state else 0
        return row[col].strip() if col < len(row) else ""

    def _fill_spanned(self, row: list[str], number: str | None) -> list[str]:
        """Read a cell spanning several columns for each of them.

        Source pattern: a Word cell spanning "Chủ trì" and "Phối hợp" ("Theo
        phân công tại Quyết định số …") applies to both fields; the task is
        named in ``warnings``. The number and content columns are never filled.
        """
        if not self._spanned:
            return row
        by_col = {col: role for role, col in self._table.layout.roles.items()}
        row = list(row)
        filled = []
        for col in sorted(self._spanned):
            role = by_col.get(col)
            if col >= len(row) or role in (None, "number", "content", "objective") or row[col].strip():
                continue
            left = col - 1
            while left in self._spanned and left > 0:
                left -= 1
            # a title spanning the row from the content cell is a heading, never a unit or a deadline
            if left >= 0 and row[left].strip() and by_col.get(left) not in (None, "number", "content", "objective"):
                row[col] = row[left]
                filled.append(f"“{self._table.layout.labels.get(col, role)}”")
        if filled:
            label = f"nhiệm vụ {number}" if number else "một dòng không số"
            self.warnings.append(PlanWarning(
                f"{self.doc}: {label} có ô gộp nhiều cột; đã đọc cho cả cột {', '.join(filled)}",
                "merged_cells", label if number else None))
        return row

    @staticmethod
    def _repeated_title(row: list[str]) -> str | None:
        """The title of a group row that repeats it in every cell.

        Source pattern: a conversion that fills each grid position of a merged
        group row with its text: ``I. Nhiệm vụ … | I. Nhiệm vụ … | …``.
        """
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) >= 2 and len(set(cells)) == 1:
            return cells[0]
        return None

    def _inherit_merged(self, row: list[str], merged: list[int]) -> list[str]:
        """Fill cells merged vertically with the row above (Word ``vMerge``).

        A lead unit or deadline merged over several task rows applies to each
        of them; the number column is never inherited.
        """
        st = self._table
        if not merged or st.last is None:
            return row
        above = self._values(st.last)
        num_col = st.layout.roles.get("number")
        row = list(row)
        for col in merged:
            if col != num_col and col < len(row) and not row[col].strip() and (value := above.get(col)):
                row[col] = value
        return row

    def _same_layout(self, layout: TableLayout) -> bool:
        return layout.roles == self._table.layout.roles

    def _feed_row(self, row: list[str], page: int | None, page_break: bool) -> None:
        if not any(c.strip() for c in row) or _is_column_numbers(row):
            return
        st = self._table
        num_col = st.layout.roles.get("number", 0)
        number_cell = row[num_col].strip() if num_col < len(row) else ""
        data = self._data_cells(row)

        title = self._repeated_title(row)
        if title is not None:
            g = _GROUP_RE.match(title)
            if g and g.group(1) and g.group(2):
                self._group_row(g.group(1), g.group(2), row, {}, page)
            else:
                st.section, st.subsection = clean_cell(title), None
            return
        group = _GROUP_RE.match(number_cell) if number_cell else None
        if group and group.group(1):
            self._group_row(group.group(1), group.group(2), row, data, page)
            return
        if not number_cell and data and len(data) == 1:
            only = next(iter(data.values()))
            g = _GROUP_RE.match(only)
            if g and g.group(1) and g.group(2) and "." in only[: len(g.group(1)) + 2]:
                self._group_row(g.group(1), g.group(2), row, {}, page)
                return
        letter = _LETTER_RE.match(number_cell)
        if _NUMBER_RE.match(number_cell) and self._heads_lettered_items(number_cell, data):
            if not st.numbered_group:
                st.outer_section, st.numbered_group = st.section, True
            st.section, st.subsection = clean_cell(f"{number_cell.rstrip('.').strip()} {next(iter(data.values()))}"), None
            return
        if _NUMBER_RE.match(number_cell) and st.numbered_group:
            # a numbered task at the level of the numbered group headings is outside them
            st.section, st.numbered_group = st.outer_section, False
        if _NUMBER_RE.match(number_cell) or letter:
            number = number_cell if letter else number_cell.rstrip(".").strip()
            row = self._fill_spanned(row, number)
            row = realign_shifted_row(realign_short_row(row, st.layout), st.layout)
            row = move_stray_deadline(split_glued_deadline(row, st.layout), st.layout)
            self._task_row(number, row, page)
            return
        titled = _NUMBER_TITLE_RE.match(number_cell)
        if titled and not data:
            st.subsection = clean_cell(number_cell)
            return
        if number_cell and not data:
            # text in the number column alone: a sub-group heading
            st.subsection = clean_cell(number_cell)
            return
        self._unnumbered_row(row, page, page_break)

    def _heads_lettered_items(self, number: str, data: dict[int, str]) -> bool:
        """A numbered row holding only its title, followed by lettered items.

        Source pattern (ministry annexes): ``1 | Tổ chức tuyên truyền …`` with
        every other cell empty, then ``a) | …``, ``b) | …`` rows: the numbered
        row is a group heading, the lettered rows its tasks.
        """
        content_col = self._table.layout.roles.get("content")
        return (
            len(data) == 1
            and content_col in data
            and "." not in number.rstrip(".")
            and bool(_LETTER_RE.match(self._next_number))
        )

    def _group_row(self, roman: str, title: str, row: list[str], data: dict[int, str], page: int | None) -> None:
        st = self._table
        title = clean_cell(title) or ""
        cells = sorted(data.items())
        if not title and cells:
            title = clean_cell(cells[0][1]) or ""
            cells = cells[1:]
        st.section = f"{roman}. {title}".strip() if title else roman
        st.subsection = None
        st.numbered_group = False
        if cells and st.last_numbered is not None:
            # a group row that also carries the tail of the previous task's
            # sub-row (cells shifted by the conversion): keep it, unnumbered
            rest = [""] * len(row)
            for col, text in cells:
                rest[col] = text
            prev_section, st.section = st.section, st.last_numbered.section
            self._emit(None, rest, page, part_of=st.last_numbered.number)
            st.section = prev_section
            self.warnings.append(PlanWarning(
                f"{self.doc}: dòng nhóm '{roman}' mang thêm dữ liệu; đã ghép vào nhiệm vụ {st.last_numbered.number}",
                "group_row_data", st.last_numbered.label))

    def _task_row(self, number: str, row: list[str], page: int | None) -> None:
        task = self._emit(number, row, page, part_of=None)
        self._table.last_numbered = task

    def _unnumbered_row(self, row: list[str], page: int | None, page_break: bool) -> None:
        st = self._table
        row = self._fill_spanned(row, None)
        row = realign_shifted_row(realign_short_row(row, st.layout, numbered=False), st.layout, numbered=False)
        row = move_stray_deadline(split_glued_deadline(row, st.layout), st.layout)
        data = self._data_cells(row)
        prev = st.last
        if prev is not None and (
            self._is_continuation(data, prev)
            or (page_break and (self._is_fragment(data) or self._continues_content(row)))
        ):
            self._append(prev, data)
            self._spread_merged_deadline(data)
            return
        part_of = st.last_numbered.number if st.last_numbered is not None else None
        if part_of is None:
            self.warnings.append(PlanWarning(
                f"{self.doc}: dòng không số trước nhiệm vụ đầu tiên, bỏ qua", "orphan_row", "phụ lục"))
            return
        content_col = st.layout.roles.get("content")
        if page_break and content_col is not None and content_col < len(row) and not row[content_col].strip():
            # a content cell merged over the sub-rows, cut by the page break:
            # the sub-row at the page top belongs to the same task
            row = list(row)
            row[content_col] = st.last.content or "" if st.last is not None else ""
        if page_break:
            row = self._objective_cut_above(row)
        self._emit(None, row, page, part_of=part_of)

    def _objective_cut_above(self, row: list[str]) -> list[str]:
        """Give the task above the rest of its objective cut by the page break.

        Source pattern: an objective cell merged down a task and its sub-rows
        ("Về số hóa hồ sơ …: phản ánh tỷ lệ số hóa hồ sơ, kết quả giải quyết
        các cấp"), cut at a page end; its rest ("TTHC đạt từ 70% trở lên; …")
        is printed in the first sub-row of the next page, beside that
        sub-row's own content, product and units. The sub-row under a merged
        objective has none of its own: the text goes to the task above when
        its objective does not end a sentence and the piece opens no item
        of a list ("- …"); other rows are returned unchanged.
        """
        st = self._table
        col = st.layout.roles.get("objective")
        above = st.last
        if col is None or col >= len(row) or above is None or not above.objective:
            return row
        text = clean_cell(row[col]) or ""
        content = self._cell(row, "content")
        if not text or not content or text.startswith(("-", "+", "•")) or above.objective.rstrip().endswith((".", ";", ":", "!", "?")):
            return row
        above.objective = _joined(above.objective, text)
        row = list(row)
        row[col] = ""
        return row

    def _spread_merged_deadline(self, data: dict[int, str]) -> None:
        """Give a deadline printed on a line of its own to the task and its sub-rows.

        Source pattern: a deadline cell merged down a task and its sub-rows,
        printed by the conversion below them on a line holding nothing else
        (``2 | … | Tài chính - Kế toán xã | ''``, ``'' | … | ''``, then ``'' |
        … | Thường xuyên``): every row of the task the cell spans — those
        with no deadline of their own — takes it, not only the last one.
        """
        st = self._table
        col = st.layout.roles.get("deadline")
        task = st.last_numbered
        if col is None or set(data) != {col} or task is None or st.last is None:
            return
        text = clean_cell(data[col]) or ""
        if _starts_mid_sentence(text) or not _looks_like(text, "deadline"):
            return
        rows = st.tasks[st.tasks.index(task):] if task in st.tasks else []
        if st.last not in rows or any(r is not task and r.part_of != task.number for r in rows):
            return
        others = [r for r in rows if r is not st.last]
        if st.last.deadline != text or any(r.deadline for r in others):
            return  # the cell continued a deadline, or the rows have their own
        for r in others:
            r.deadline, r.due = text, parse_due(text, self.year)

    def _is_continuation(self, data: dict[int, str], prev: Task) -> bool:
        if not data:
            return False
        prev_values = self._values(prev)
        for col, text in data.items():
            if text.lstrip().startswith(("-", "+", "•")):
                return False
            if prev_values.get(col) and not _starts_mid_sentence(text):
                return False
        return True

    def _continues_content(self, row: list[str]) -> bool:
        """A page-top row whose content cell starts mid-sentence: the rest of a cut row.

        Source pattern: a PDF row cut at a page break where every column
        overflowed ("hiện nhiệm vụ công vụ | trong năm | tỉnh | Văn phòng UBND
        tỉnh"); a task or sub-row never opens its content in lower case, nor
        follows a content cell cut after a connector word ("… về", "… và").
        """
        text = self._cell(row, "content") or ""
        if _starts_mid_sentence(text):
            return True
        # "…quản lý nhà nước về" | "Khoáng sản …": the content above was cut mid-phrase
        above = self._table.last.content if self._table.last is not None else None
        return bool(text and above and is_dangling(above))

    def _is_fragment(self, data: dict[int, str]) -> bool:
        """A row at a page top with neither lead nor deadline: the rest of a cut row.

        Source pattern: a PDF row cut at a page break whose continuation starts
        with a capital ("…quản lý giữa" / "UBND xã với các cơ quan…"). A
        sub-row is a task of its own and names a lead unit or a deadline.
        """
        roles = self._table.layout.roles
        if any(text.lstrip().startswith(("-", "+", "•")) for text in data.values()):
            return False
        return not any(roles.get(r) in data for r in ("lead", "deadline"))

    def _values(self, task: Task) -> dict[int, str | None]:
        out: dict[int, str | None] = {}
        for role, col in self._table.layout.roles.items():
            if role != "number":
                out[col] = getattr(task, role)
        for col, header in self._table.layout.extra.items():
            out[col] = task.extra.get(header)
        return out

    def _append(self, task: Task, data: dict[int, str]) -> None:
        layout = self._table.layout
        by_col = {col: role for role, col in layout.roles.items()}
        for col, raw in data.items():
            text = clean_cell(raw)
            if text is None:  # an empty cell continues nothing
                continue
            if col in by_col:
                role = by_col[col]
                setattr(task, role, _joined(getattr(task, role), text))
            elif col in layout.extra:
                key = layout.extra[col]
                task.extra[key] = _joined(task.extra.get(key), text)
        task.due = parse_due(task.deadline, self.year)

    def _emit(self, number: str | None, row: list[str], page: int | None, part_of: str | None) -> Task:
        st = self._table
        extra = {}
        for col, header in st.layout.extra.items():
            value = clean_cell(row[col]) if col < len(row) else None
            if value:
                extra[header] = value
        deadline = self._cell(row, "deadline")
        task = Task(
            doc=self.doc,
            number=number,
            part_of=part_of,
            section=st.section,
            subsection=st.subsection,
            objective=self._cell(row, "objective"),
            content=self._cell(row, "content"),
            lead=self._cell(row, "lead"),
            coordinating=self._cell(row, "coordinating"),
            deadline=deadline,
            due=parse_due(deadline, self.year),
            product=self._cell(row, "product"),
            page=page,
            extra=extra,
        )
        if len(row) > st.layout.width and any(c.strip() for c in row[st.layout.width:]):
            self.warnings.append(PlanWarning(f"{self.doc}: {task.label} có ô thừa ngoài bảng",
                                             "extra_cells", task.label))
        st.tasks.append(task)
        st.last = task
        return task

    def _finish_table(self) -> None:
        if self.state is not None:
            self.tasks.extend(self.state.tasks)
        self.state = None

    def finish(self) -> tuple[list[Task], list[PlanWarning]]:
        self._finish_table()
        return self.tasks, self.warnings


def _interrupts_table(block: Block) -> bool:
    """A paragraph between table blocks that ends the table (not a page header)."""
    if block.kind != "paragraph":
        return False
    text = block.text.strip()
    if len(text) <= 40:
        return False
    return True


def extract_tasks(doc: LoadedDocument, plan_year: int | None = None) -> tuple[list[Task], list[PlanWarning]]:
    """All task rows of every task table in ``doc``, in order.

    Table blocks that follow a task table (with at most short paragraphs —
    page numbers, running heads — in between) continue it across the page
    break. Returns ``(tasks, warnings)``; warnings are Vietnamese notes on
    rows that could not be placed with certainty.
    """
    builder = _TaskBuilder(doc.name, plan_year)
    for block in doc.blocks:
        if block.kind == "table":
            builder.feed_table(block)
        elif _interrupts_table(block):
            builder._finish_table()
    return builder.finish()
