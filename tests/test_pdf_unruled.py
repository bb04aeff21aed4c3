"""PDF annex tables drawn without vertical rules: tasks from word x-positions.

The PDFs are built here with reportlab: a short plan body, then the annex
task table as plain text at fixed column x-positions (labels centred over
their columns, cells left-aligned and wrapped over several lines), a group
row, an unnumbered "- …" sub-row, and a task cut by the page break with the
header repeated on page 2. Expected values are the cell texts the test draws.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ingest.backends.pdf import PdfBackend
from ingest.pipeline import parse_file

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
]
FONT_FILE = next((p for p in FONT_CANDIDATES if Path(p).is_file()), None)
pytestmark = pytest.mark.skipif(FONT_FILE is None, reason="no TTF font with Vietnamese glyphs on this machine")

FONT = "VnTest"
SIZE = 8.0
LEADING = 10.0
# column left edges (pt) and right edges; labels are centred between them
COLS = [(40, 62), (68, 250), (258, 330), (338, 410), (418, 486), (494, 575)]
HEADER = [["TT"], ["Nội dung nhiệm vụ"], ["Cơ quan", "chủ trì"], ["Cơ quan", "phối hợp"],
          ["Thời gian", "hoàn thành"], ["Sản phẩm"]]

GROUP_1 = "I. Cải cách thể chế"
GROUP_2 = "II. Cải cách thủ tục hành chính"
# one table row = one list of cell lines per column
ROW_1 = [["1"], ["Rà soát, hệ thống hóa văn bản quy phạm", "pháp luật do HĐND, UBND xã ban hành"],
         ["Văn phòng", "HĐND và UBND"], ["Các ban chuyên", "môn thuộc UBND"], ["Quý IV/2026"],
         ["Báo cáo kết quả", "rà soát"]]
ROW_2 = [["2"], ["Tự kiểm tra việc thi hành văn bản"], ["Phòng Kinh tế"], ["Công an xã"],
         ["Thường xuyên"], ["Báo cáo"]]
SUB_2 = [[], ["- Tối thiểu 20% văn bản do xã ban hành", "được tự kiểm tra"], [], [], [], []]
ROW_3 = [["3"], ["Công khai thủ tục hành chính trên Cổng", "Dịch vụ công quốc gia"],
         ["Bộ phận Một", "cửa"], ["Văn phòng", "HĐND và UBND"], ["Tháng 3/2026"],
         ["Danh mục thủ tục", "được công khai"]]
# task 4 is cut by the page break: two content lines and one product line on page 1
ROW_4_P1 = [["4"], ["Số hóa hồ sơ, kết quả giải quyết thủ", "tục hành chính còn hiệu lực và"],
            ["Bộ phận Một", "cửa"], ["Các công chức", "chuyên môn"], ["Quý II/2026"], ["Hồ sơ được"]]
ROW_4_P2 = [[], ["đang lưu trữ tại xã"], [], [], [], ["số hóa"]]
ROW_5 = [["5"], ["Khảo sát mức độ hài lòng của người dân"], ["Văn phòng", "HĐND và UBND"],
         [], ["Tháng 11/2026"], ["Báo cáo kết quả", "khảo sát"]]

EXPECTED = [
    # (number, part_of, section, content, lead, coordinating, deadline, product, page)
    ("1", None, GROUP_1, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
     "Văn phòng HĐND và UBND", "Các ban chuyên môn thuộc UBND", "Quý IV/2026", "Báo cáo kết quả rà soát", 1),
    ("2", None, GROUP_1, "Tự kiểm tra việc thi hành văn bản", "Phòng Kinh tế", "Công an xã",
     "Thường xuyên", "Báo cáo", 1),
    (None, "2", GROUP_1, "- Tối thiểu 20% văn bản do xã ban hành được tự kiểm tra", None, None, None, None, 1),
    ("3", None, GROUP_2, "Công khai thủ tục hành chính trên Cổng Dịch vụ công quốc gia", "Bộ phận Một cửa",
     "Văn phòng HĐND và UBND", "Tháng 3/2026", "Danh mục thủ tục được công khai", 1),
    ("4", None, GROUP_2,
     "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực và đang lưu trữ tại xã",
     "Bộ phận Một cửa", "Các công chức chuyên môn", "Quý II/2026", "Hồ sơ được số hóa", 1),
    ("5", None, GROUP_2, "Khảo sát mức độ hài lòng của người dân", "Văn phòng HĐND và UBND", None,
     "Tháng 11/2026", "Báo cáo kết quả khảo sát", 2),
]

BODY = [
    "ỦY BAN NHÂN DÂN XÃ AN KHÊ",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Triển khai đồng bộ các nhiệm vụ cải cách hành chính trên địa bàn xã.",
    "II. NHIỆM VỤ TRỌNG TÂM",
    "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.",
    "Phụ lục",
    "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
]


@pytest.fixture(scope="module")
def font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_FILE))
    return FONT


class _Writer:
    """Draws the plan: body lines, then table rows top-down with page breaks."""

    def __init__(self, path: Path, rules: bool):
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.rules = rules
        self.y = 800.0

    def body(self, lines: list[str]) -> None:
        for text in lines:
            self.c.setFont(FONT, 11)
            self.c.drawString(60, self.y, text)
            self.y -= 20

    def header(self) -> None:
        self.y -= 6
        for col, label in enumerate(HEADER):
            left, right = COLS[col]
            for k, text in enumerate(label):
                self._text((left + right) / 2 - pdfmetrics.stringWidth(text, FONT, SIZE) / 2,
                           self.y - k * LEADING, text)
        self.y -= 2 * LEADING + 6
        self._rule()

    def group(self, text: str) -> None:
        self._text(COLS[0][0], self.y, text)
        self.y -= LEADING + 6
        self._rule()

    def row(self, cells: list[list[str]]) -> None:
        for col, lines in enumerate(cells):
            left, right = COLS[col]
            for k, text in enumerate(lines):
                assert pdfmetrics.stringWidth(text, FONT, SIZE) <= right - left, text
                x = (left + right) / 2 - pdfmetrics.stringWidth(text, FONT, SIZE) / 2 if col == 0 else left
                self._text(x, self.y - k * LEADING, text)
        self.y -= max(len(lines) for lines in cells) * LEADING + 6
        self._rule()

    def new_page(self) -> None:
        self.c.showPage()
        self.y = 800.0

    def signature(self) -> None:
        self.y -= 40
        self.c.setFont(FONT, 11)
        self.c.drawString(380, self.y, "TM. ỦY BAN NHÂN DÂN")
        self.c.drawString(420, self.y - 16, "CHỦ TỊCH")

    def _text(self, x: float, y: float, text: str) -> None:
        self.c.setFont(FONT, SIZE)
        self.c.drawString(x, y, text)

    def _rule(self) -> None:
        if self.rules:
            self.c.setLineWidth(0.5)
            self.c.line(COLS[0][0] - 4, self.y + LEADING - 2, COLS[-1][1] + 4, self.y + LEADING - 2)


def _build(path: Path, rules: bool = False, repeat_header: bool = True) -> Path:
    w = _Writer(path, rules)
    w.body(BODY)
    w.header()
    w.group(GROUP_1)
    w.row(ROW_1)
    w.row(ROW_2)
    w.row(SUB_2)
    w.group(GROUP_2)
    w.row(ROW_3)
    w.row(ROW_4_P1)
    w.new_page()
    if repeat_header:
        w.header()  # repeated at the top of page 2
    w.row(ROW_4_P2)
    w.row(ROW_5)
    w.signature()
    w.c.save()
    return path


def _fields(plan):
    return [
        (t.number, t.part_of, t.section, t.content, t.lead, t.coordinating, t.deadline, t.product, t.page)
        for t in plan.tasks
    ]


@pytest.mark.parametrize("rules", [False, True], ids=["no-rules", "horizontal-rules"])
def test_unruled_annex_gives_tasks(tmp_path, font, rules):
    path = _build(tmp_path / "plan.pdf", rules=rules)
    assert _fields(parse_file(path)) == EXPECTED


def test_unruled_table_continues_on_a_page_without_header(tmp_path, font):
    path = _build(tmp_path / "plan.pdf", repeat_header=False)
    assert _fields(parse_file(path)) == EXPECTED


def test_unruled_table_blocks_per_page_and_body_kept(tmp_path, font):
    doc = PdfBackend().load(str(_build(tmp_path / "plan.pdf")))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [b.page for b in tables] == [1, 2]
    for block in tables:
        assert block.rows[0][:2] == ["TT", "Nội dung nhiệm vụ"]
        assert block.row_pages == [block.page] * len(block.rows)
    # page 2 opens with the tail of task 4: an unnumbered continuation row
    assert tables[1].rows[1] == ["", "đang lưu trữ tại xã", "", "", "", "số hóa"]
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này." in paragraphs
    assert any("TM. ỦY BAN NHÂN DÂN" in p for p in paragraphs)  # the signature is not a table row
    assert not any("Thường xuyên" in p for p in paragraphs)  # table words are not body text
