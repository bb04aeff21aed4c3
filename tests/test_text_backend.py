"""TXT/MD loader (ingest.backends.text) on the seed conversions and on files
built here. Expected texts were read from the seed sources by hand."""

from __future__ import annotations

import glob
import re
import unicodedata
from pathlib import Path

import pytest

from ingest.backends.text import TextBackend, continues
from ingest.errors import CorruptFileError, EmptyFileError

SEEDS = str(Path(__file__).resolve().parents[1] / "corpus")  # the seed plans


def _load(prefix: str):
    (path,) = glob.glob(f"{SEEDS}/{prefix}_*.txt")
    return TextBackend().load(path)


@pytest.fixture(scope="module")
def docs():
    return {p: _load(p) for p in ("000", "001", "002", "003", "004")}


def _paragraphs(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def _tables(doc):
    return [b for b in doc.blocks if b.kind == "table"]


def _numbers(doc) -> list[str]:
    return [r[0] for t in _tables(doc) for r in t.rows if r[0].isdigit()]


def _all_text(doc) -> str:
    return "\n".join([b.text for b in doc.blocks] + ["\t".join(r) for b in doc.blocks for r in b.rows])


# --- common shape ------------------------------------------------------------


def test_blocks_shape(docs):
    for doc in docs.values():
        assert doc.has_pages is False
        for b in doc.blocks:
            assert b.kind in ("paragraph", "table")
            if b.kind == "table":
                assert len(b.row_pages) == len(b.rows)
                assert len({len(r) for r in b.rows}) == 1  # padded
            else:
                assert b.text and b.text == b.text.strip() and "\n" not in b.text
        text = _all_text(doc)
        assert unicodedata.normalize("NFC", text) == text
        assert "**" not in text and "[bookmark" not in text and "<b>" not in text


# --- 000: no annex, hard-wrapped paragraphs, Word bookmarks --------------------


def test_000_paragraphs(docs):
    doc = docs["000"]
    paras = _paragraphs(doc)
    assert _tables(doc) == []
    assert paras[:4] == [
        "KẾ HOẠCH",
        "Cải cách hành chính xã Phú Thái 6 tháng cuối năm 2025",
        "(Kèm theo Quyết định số 533/QĐ-UBND ngày 31/7/2025 của Chủ tịch Uỷ ban nhân dân xã Phú Thái)",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ]
    # four wrapped lines, the next starting lower case or after "Thủ"
    assert (
        "a) Thực hiện rà soát, tham mưu cấp có thẩm quyền ban hành và tổ chức thực hiện phương án, kế hoạch sắp xếp, "
        "tổ chức lại cơ cấu bên trong các cơ quan hành chính, đơn vị sự nghiệp công lập theo quy định của Chính phủ, "
        "Thủ tướng Chính phủ, UBND thành phố và Chủ tịch UBND thành phố."
    ) in paras
    # a sentence ends the line and the next starts a new one
    k = paras.index("d) Thực hiện tốt việc phân cấp quản lý trên các lĩnh vực theo quy định.")
    assert paras[k + 1].startswith("Thực hiện rà soát, trình cấp có thẩm quyền ban hành mới")
    # "…theo Nghị định số" / "130/2005/NĐ-CP…" joined
    assert any("theo Nghị định số 130/2005/NĐ-CP ngày 17/10/2005" in p for p in paras)
    # "[bookmark: _Hlk204792475]<tab>6. Cải cách tài chính công"
    assert "6. Cải cách tài chính công" in paras
    assert "7. Xây dựng và phát triển chính quyền điện tử, chính quyền số" in paras


# --- 001: markdown, tab tables split at blank lines -----------------------------


def test_001_markdown_and_paragraphs(docs):
    paras = _paragraphs(docs["001"])
    k = paras.index("KẾ HOẠCH")
    assert paras[k + 1] == "Cải cách hành chính nhà nước xã Nam An Phụ năm 2026"
    assert paras[k + 2] == ("(Kèm theo Quyết định số /QĐ-UBND ngày tháng 01 năm 2026 "
                            "của Chủ tịch Ủy ban nhân dân xã Nam An Phụ)")
    k = paras.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert paras[k + 1] == "1. Mục đích, yêu cầu:"
    # a bullet cut by a blank line mid-word ("thủ" / "tục hành chính")
    assert any(p.startswith("- Chủ trì theo dõi, giám sát") and "tiến độ giải quyết thủ tục hành chính cho tổ chức, cá nhân" in p
               for p in paras)
    assert ("DANH MỤC NHIỆM VỤ, CÔNG VIỆC CỤ THỂ TRIỂN KHAI, THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026"
            in paras)


def test_001_table_blocks(docs):
    tables = _tables(docs["001"])
    assert len(tables) == 9  # 9 runs of table lines between blank lines
    assert _numbers(docs["001"]) == [str(i) for i in range(1, 36)]
    header = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện/ hoàn thành", "Sản phẩm"]
    assert all(t.rows[0] == header for t in tables)  # header repeated after each blank line
    assert [r[0] for r in tables[0].rows] == ["TT", "I. Chỉ đạo điều hành, kiểm tra và tuyên truyền", "1", "2", "3", "4"]
    assert tables[0].rows[2] == ["1", "Ban hành Kế hoạch cải cách hành chính năm 2026", "Phòng Văn hóa – Xã hội",
                                 "Các cơ quan, chuyên môn, đơn vị liên quan", "Trước ngày 15/01/2026",
                                 "Kế hoạch cải cách hành chính của UBND xã"]
    # task 24 is cut by the page break: its rest opens the next block
    k = next(i for i, t in enumerate(tables) if t.rows[-1][0] == "24")
    assert tables[k].rows[-1] == ["24", "Tổ chức sắp xếp, kiện toàn các cơ quan trong", "", "", "", ""]
    assert tables[k + 1].rows[1] == ["", "bộ máy hành chính nhà nước", "", "", "", ""]
    assert tables[k + 1].rows[2][1].startswith("- Tiếp tục triển khai rà soát")


# --- 002: blank line without a repeated header -----------------------------------


def test_002_table_blocks(docs):
    tables = _tables(docs["002"])
    assert len(tables) == 6
    assert _numbers(docs["002"]) == [str(i) for i in range(1, 32)]
    assert tables[0].rows[0] == ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                 "Thời gian hoàn thành", "Sản phẩm"]
    assert [r[0] for r in tables[0].rows] == ["STT", "I. CẢI CÁCH THỂ CHẾ", "1", "2", "3"]
    assert tables[1].rows[0] == ["II. CẢI CẢI THỦ TỤC HÀNH CHÍNH", "", "", "", "", ""]
    assert tables[-1].rows[-1] == ["31", "Tổ chức tổng kết giai đoạn CCHC", "Phòng Văn hóa - Xã hội", "", "Năm 2030",
                                   "Hội nghị, Báo cáo."]


# --- 003: HTML inside cells, markdown headings --------------------------------------


def test_003_html_stripped_and_headings(docs):
    doc = docs["003"]
    tables = _tables(doc)
    assert len(tables) == 10
    cells = [c for t in tables for r in t.rows for c in r]
    assert not any(re.search(r"</?\w+>", c) for c in cells)
    assert tables[0].rows[0] == ["STT", "Mục tiêu", "Nhiệm vụ/Hoạt động", "Kết quả/Sản phẩm", "Cơ quan chủ trì",
                                 "Cơ quan phối hợp", "Thời gian hoàn thành"]
    assert tables[0].rows[1] == ["I", "Cải cách thể chế", "", "", "", "", ""]
    assert ["1 Kiểm soát thủ tục hành chính", "", "", "", "", "", ""] in [r for t in tables for r in t.rows]
    assert all(len(t.rows[0]) == 7 for t in tables)  # padded to the table's width
    paras = _paragraphs(doc)
    assert "3. Cải cách tổ chức bộ máy" in paras  # "### **3. Cải cách tổ chức bộ máy**"
    assert "b) Nhiệm vụ" in paras  # "### b) Nhiệm vụ"
    assert "Ban hành Kế hoạch cải cách hành chính nhà nước năm 2025 trên địa bàn xã Lộc Hòa" in paras
    assert "QUYẾT ĐỊNH:" in paras  # not glued to the line ending "…thống kê xã,"


# --- 004: PDF conversion: double-spaced wrapped text, flattened table -------------------


def test_004_paragraphs(docs):
    paras = _paragraphs(docs["004"])
    k = paras.index("KẾ HOẠCH")
    assert paras[k + 1] == "Cải cách hành chính nhà nước xã Việt Khê 6 tháng cuối năm 2025"
    assert paras[k + 2] == "(Kèm theo Quyết định số /QĐ-UBND ngày /7/2025 của Chủ tịch Ủy ban nhân dân xã Việt Khê)"
    assert (
        "- Tiếp tục triển khai thực hiện có hiệu quả Chương trình tổng thể cải cách hành chính nhà nước giai đoạn "
        "2021 - 2030, các nhiệm vụ năm cuối của Kế hoạch cải cách hành chính của thành phố giai đoạn 2021 - 2025; "
        "xây dựng chính quyền phục vụ Nhân dân, hoạt động hiệu lực, hiệu quả, chuyên nghiệp; nâng cao chất lượng "
        "cung ứng dịch vụ hành chính công theo hướng hiện đại, nhanh chóng, thuận tiện."
    ) in paras
    assert any(p.startswith("Nâng cao chất lượng thực hiện việc tuyển dụng, thi nâng ngạch công chức; xét, thi thăng hạng")
               for p in paras)
    assert "7. Xây dựng và phát triển chính quyền điện tử, chính quyền số" in paras
    assert "DANH MỤC NHIỆM VỤ CỤ THỂ TRIỂN KHAI, THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG CUỐI NĂM 2025" in paras


def test_004_flattened_table_blocks(docs):
    doc = docs["004"]
    tables = _tables(doc)
    assert len(tables) == 10  # one block per page of the annex
    assert doc.blocks[-1].kind == "table"
    assert _numbers(doc) == [str(i) for i in range(1, 43)]
    assert all(len(r) == 6 for t in tables for r in t.rows)
    assert tables[0].rows[2] == ["1", "Ban hành Kế hoạch cải cách hành chính 6 tháng cuối năm 2025",
                                 "Phòng Văn hóa – Xã hội", "Các phòng, ban, đơn vị có liên quan", "Trong tháng 7/2025",
                                 "Kế hoạch của UBND xã"]


# --- files built here ---------------------------------------------------------------


def _write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def test_markdown_pipe_table(tmp_path):
    md = (
        "# Kế hoạch cải cách hành chính\n\n"
        "| TT | Nội dung | Cơ quan chủ trì |\n"
        "|---|:---|---:|\n"
        "| 1 | **Ban hành** kế hoạch | Phòng Văn hóa&nbsp;- Xã hội |\n"
        "| 2 | Kiểm tra <i>cải cách</i> | UBND xã |\n"
        "\n"
        "| 3 | Tuyên truyền |\n"
        "\n"
        "Bảng 2\n"
        "Ghi chú | Khác\n"
        "--- | ---\n"
        "a | b\n"
    )
    doc = TextBackend().load(_write(tmp_path, "plan.md", md))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "table", "paragraph", "table"]
    assert doc.blocks[0].text == "Kế hoạch cải cách hành chính"
    assert doc.blocks[1].rows == [
        ["TT", "Nội dung", "Cơ quan chủ trì"],
        ["1", "Ban hành kế hoạch", "Phòng Văn hóa - Xã hội"],
        ["2", "Kiểm tra cải cách", "UBND xã"],
    ]
    # after the blank line: a separate block, padded to the table's width
    assert doc.blocks[2].rows == [["3", "Tuyên truyền", ""]]
    # a pipe table without outer pipes, after a paragraph
    assert doc.blocks[4].rows == [["Ghi chú", "Khác"], ["a", "b"]]


def test_bom_crlf_nfd_and_markup(tmp_path):
    nfd = unicodedata.normalize("NFD", "Cải cách hành chính")
    data = ("\ufeff### **I. MỤC TIÊU**\r\n"
            f"{nfd} năm 2026 [bookmark: _Hlk1]<br>của xã.\r\n"
            "II. NHIỆM VỤ**1. Cải cách thể chế**\r\n").encode("utf-8")
    doc = TextBackend().load(_write(tmp_path, "plan.txt", data))
    assert [b.text for b in doc.blocks] == [
        "I. MỤC TIÊU",
        "Cải cách hành chính năm 2026 của xã.",
        "II. NHIỆM VỤ",
        "1. Cải cách thể chế",
    ]


def test_legacy_encoding_and_errors(tmp_path):
    # Windows-1258 writes tone marks as combining characters
    cp = unicodedata.normalize("NFD", "Cải cách hành chính").encode("cp1258")
    assert TextBackend().load(_write(tmp_path, "legacy.txt", cp)).blocks[0].text == "Cải cách hành chính"
    with pytest.raises(EmptyFileError):
        TextBackend().load(_write(tmp_path, "empty.txt", b""))
    with pytest.raises(EmptyFileError):
        TextBackend().load(_write(tmp_path, "blank.txt", " \n\t\n"))
    with pytest.raises(CorruptFileError):
        TextBackend().load(_write(tmp_path, "bad.txt", b"\x81\x8d\x8f\x90\x9d"))


def test_continuation_rule():
    width = 75.0
    assert continues("xác định", "rõ trách nhiệm", width, False, False)  # lower case
    assert not continues("Tăng cường kiểm tra.", "a) Thực hiện", width, False, False)  # list item
    assert continues("tổng thể hệ thống hồ sơ địa chính, cơ sở dữ liệu đất đai thành phố Hải Phòng, các", "Sở", width,
                     False, False)  # connector at the end
    full = "hành chính của thành phố giai đoạn 2021 - 2025; xây dựng chính quyền phục vụ"
    assert continues(full, "Nhân dân, hoạt động hiệu lực", width, False, False)  # full-width line
    assert not continues("2. Cải cách thể chế", "Tiếp tục xây dựng cơ chế", width, False, False)  # short line
    assert not continues(full, "Nhân dân", None, False, False)  # no wrap width known
    assert not continues("KẾ HOẠCH", "Cải cách hành chính", width, False, False)  # title
    assert continues("yêu cầu cơ quan có thẩm quyền giải quyết thủ", "tục hành chính", None, True, True)  # page cut
    assert not continues("Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Nghị quyết", None, True, True)
