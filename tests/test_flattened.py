"""Rebuilding tables that a PDF-to-text conversion flattened (ingest.flattened).

The expected cells for seed 004 were read by hand from the source text
(corpus/004_*.txt, lines 580-1907), not copied from the output.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest

from ingest.flattened import (
    detect_header,
    find_flattened_tables,
    is_dangling,
    join_cell_lines,
    rebuild_fragments,
    rebuild_rows,
    visual_length,
)

SEEDS = str(Path(__file__).resolve().parents[1] / "corpus")  # the seed plans
PVH = "Phòng Văn hóa – Xã hội"
CPB = "Các phòng, ban, đơn vị có liên quan"
VP = "Văn phòng HĐND và UBND xã"
HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện/ hoàn thành", "Sản phẩm"]


def _seed(prefix: str) -> list[str]:
    (path,) = glob.glob(f"{SEEDS}/{prefix}_*.txt")
    with open(path, encoding="utf-8") as fh:
        return fh.read().split("\n")


@pytest.fixture(scope="module")
def table004():
    tables = find_flattened_tables(_seed("004"))
    assert len(tables) == 1
    return tables[0]


def _rows_after(fragments, number: str, count: int) -> list[list[str]]:
    """The row numbered ``number`` and the ``count - 1`` rows that follow it
    (across fragment boundaries, skipping repeated header rows)."""
    rows = [r for frag in fragments for r in frag if r != HEADER]
    k = next(i for i, r in enumerate(rows) if r[0] == number)
    return rows[k : k + count]


# --- seed 004 ---------------------------------------------------------------


def test_004_numbers_columns_and_pages(table004):
    rows = [r for frag in table004.fragments for r in frag]
    numbers = [r[0] for r in rows if r[0].isdigit()]
    assert numbers == [str(i) for i in range(1, 43)]
    assert all(len(r) == 6 for r in rows)
    # 10 pages: the header opens each one (9 repeats at page tops)
    assert len(table004.fragments) == 10
    assert all(frag[0] == HEADER for frag in table004.fragments)
    groups = [r[0] for r in rows if re.match(r"^[IVX]+\. ", r[0])]
    assert [g.split(".")[0] for g in groups] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert groups[0] == "I. Chỉ đạo điều hành, kiểm tra và tuyên truyền"
    assert all(r[1:] == [""] * 5 for r in rows if r[0] in groups)


EXPECTED_004 = {
    "1": ["Ban hành Kế hoạch cải cách hành chính 6 tháng cuối năm 2025", PVH, CPB, "Trong tháng 7/2025", "Kế hoạch của UBND xã"],
    "2": ["Xây dựng báo cáo cải cách hành chính hàng quý và năm về thực hiện công tác CCHC trên địa bàn thành phố",
          PVH, CPB, "Trước ngày 20 của tháng cuối quý", "Báo cáo của UBND xã"],
    # long coordinating cell over five lines, deadline over four
    "4": ["Thực hiện đo lường mức độ hài lòng của người dân đối với dịch vụ y tế công", PVH,
          "Các phòng, ban, đơn vị có liên quan; các đơn vị sự nghiệp công lập trong lĩnh vực y tế",
          "Theo thời gian đánh giá hàng năm của Bộ Y tế", "Báo cáo kết quả điều tra, khảo sát"],
    "7": ["Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI): Báo cáo đánh giá kết quả thực hiện, đề xuất giải pháp",
          "Phòng Kinh tế", CPB, "Cả năm 2025", "Báo cáo của Phòng Kinh tế"],
    # "2025" alone on a line inside the content cell is not a row number
    "10": ["Tiếp tục triển khai Kế hoạch kiểm tra văn bản quy phạm pháp luật (QPPL) trên địa bàn xã năm 2025",
           "Văn phòng HĐND và UBND", CPB, "Quý III,IV/2025", "Văn bản triển khai và báo cáo kết quả"],
    "14": ["Kiểm tra tình hình thi hành pháp luật trong lĩnh vực trọng tâm, liên ngành", "Văn phòng HĐND và UBND", CPB,
           "Quý IV/2025",
           "Quyết định thành lập Đoàn kiểm tra liên ngành, Thông báo kết luận kiểm tra, Báo cáo kết quả kiểm tra"],
    # empty coordinating cell
    "18": ["Cập nhật, công khai TTHC trên cơ sở dữ liệu quốc gia về TTHC, Cổng Dịch vụ công quốc gia, Trang thông tin điện tử UBND cấp xã",
           VP, "", "Thường xuyên",
           "TTHC công khai trên cơ sở dữ liệu quốc gia về TTHC, Cổng Dịch vụ công quốc gia, Trang thông tin điện tử UBND cấp xã"],
    # empty deadline cell; "107/2021/NĐ-" / "CP" rejoined
    "19": ["Thực hiện, hồ sơ số hóa kết quả giải quyết TTHC quy định của Chính phủ tại Nghị định số 45/2020/NĐ-CP và Nghị định số 107/2021/NĐ-CP",
           VP, CPB, "", "Hồ sơ, Kết quả giải quyết TTHC được số hóa"],
    "20": ["Tích hợp, đồng bộ thông tin, dữ liệu liên quan yêu cầu thực hiện nghĩa vụ tài chính trong giải quyết TTHC của cá nhân, tổ chức với Cổng Dịch vụ công quốc gia, Hệ thống thông tin giải quyết TTHC của xã theo phạm vi quản lý giải quyết TTHC",
           "Trung tâm hành chính công", "", "Kết hợp báo cáo công tác KSTTHC quý, năm",
           "Các TTHC đã được tích hợp trên Cổng Dịch vụ quốc gia, Hệ thống thông tin giải quyết TTHC của xã"],
    # deadline and product glued on one line: "Thường xuyên Quyết định"
    "21": ["Rà soát xây dựng quy trình nội bộ, quy trình điện tử giải quyết TTHC", "Các phòng, ban, ngành, trung tâm HCC",
           VP, "Thường xuyên", "Quyết định"],
    # lead over five lines; product starting with a dash
    "22": ["Rà soát, tái cấu trúc quy trình, điện tử hóa mẫu đơn, tờ khai, kết quả giải quyết TTHC",
           "Văn phòng HĐND và UBND xã; Các phòng, ban, ngành", "Trung tâm hành chính công", "Thường xuyên",
           "- Mẫu đơn, mẫu tờ khai được điện tử hóa"],
    "24": ["Tổng hợp kết quả đánh giá theo Bộ chỉ số được phê duyệt tại Quyết định 766/QĐ-TTg trên Cổng Dịch vụ công quốc gia",
           "Văn phòng HĐND và UBND xã;", CPB, "Hàng quý", "Thông báo"],
    # "Quý" / "III,IV/2025 Báo cáo của Phòng" / "Kinh tế"
    "35": ["Đẩy mạnh việc thực hiện cơ chế tự chủ, xã hội hoá, nhất là trong lĩnh vực giáo dục và đào tạo, giáo dục nghề nghiệp, y tế, dân số - kế hoạch hóa gia đình, thể dục, thể thao, khoa học và công nghệ, đảm bảo đúng lộ trình tại Quyết định số 1036/QĐ-UBND ngày 07/4/2021 của UBND thành phố phê duyệt Đề án chuyển đổi cơ chế tài chính đơn vị sự nghiệp công lập trên địa bàn thành phố.",
           "Phòng Kinh tế", CPB, "Quý III,IV/2025", "Báo cáo của Phòng Kinh tế"],
    "37": ["Thực hiện giải ngân kế hoạch đầu tư công thành phố đạt tối thiểu 95% kế hoạch thành phố giao", "Phòng Kinh tế", CPB,
           "Cả năm 2025", "Báo cáo của UBND xã"],
    # "Hải" / "Phòng” ban hành…" and "323/QĐ-" / "UBND" inside the content cell
    "41": ["Tiếp tục triển khai đề án “Xây dựng tổng thể hệ thống hồ sơ địa chính, cơ sở dữ liệu đất đai thành phố Hải Phòng” ban hành kèm theo Quyết định số 323/QĐ-UBND ngày 03/02/2023 của UBND thành phố",
           "Phòng Kinh tế", CPB, "Theo lộ trình năm 2025", "Hồ sơ địa chính, cơ sở dữ liệu đất đai"],
}


@pytest.mark.parametrize("number", sorted(EXPECTED_004, key=int))
def test_004_rows_field_by_field(table004, number):
    (row,) = _rows_after(table004.fragments, number, 1)
    assert row == [number] + EXPECTED_004[number]


def test_004_task6_bullet_subrows(table004):
    rows = _rows_after(table004.fragments, "6", 4)
    assert rows[0] == ["6", "Kiểm tra cải cách hành chính", "", "", "", ""]
    assert rows[1] == ["", "- Tối thiểu 20% phòng, ban, ngành, đơn vị", PVH, CPB, "Quý III,IV/2025",
                       "Kế hoạch, Thông báo kết luận, Báo cáo"]
    assert rows[2] == ["", "- Tối thiểu 30% các cơ quan, đơn vị thuộc và trực thuộc phòng, ban, ngành",
                       "Các phòng, ban, ngành", "Cơ quan, đơn vị thuộc và trực thuộc phòng, ban, ngành",
                       "Quý III,IV/2025", "Kế hoạch, Thông báo kết luận, Báo cáo"]
    assert rows[3][0] == "7"


def test_004_task17_unnumbered_subrows_across_page_break(table004):
    frags = table004.fragments
    k = next(i for i, f in enumerate(frags) if any(r[0] == "17" for r in f))
    tail = frags[k][[r[0] for r in frags[k]].index("17"):]
    assert tail == [
        ["17", "Thực hiện rà soát, đơn giản hóa thủ tục hành chính", "Các phòng, ban, ngành, đơn vị", VP,
         "Cả năm 2025", "Văn bản đề nghị thẩm định."],
        # "Thường xuyên Văn bản thẩm định" was one line; coordinating cell empty
        ["", "Thẩm định kết quả rà soát, đơn giản hóa TTHC", VP, "", "Thường xuyên", "Văn bản thẩm định"],
    ]
    # the next page starts with the third sub-row, not a continuation
    assert frags[k + 1][:2] == [
        HEADER,
        ["", "Tổng hợp kết quả rà soát, đơn giản hóa TTHC; Thông qua phương án đơn giản hóa TTHC", VP, CPB,
         "Quý III-IV/2025", "Báo cáo kết quả"],
    ]


def test_004_task34_cut_by_page_break(table004):
    frags = table004.fragments
    k = next(i for i, f in enumerate(frags) if f[-1][0] == "34")
    assert frags[k][-1] == [
        "34",
        "Nghiên cứu, tham gia, đề xuất cùng các Bộ, ngành Trung ương, thành phố trong quá trình xây dựng, hoàn thiện chính sách về quản lý vốn nhà nước tại doanh nghiệp có vốn góp nhà nước, từ",
        "Phòng Kinh tế", CPB, "Quý III,IV/2025",
        "Văn bản tham gia, đề xuất của phòng, ban, ngành có liên quan hoặc của",
    ]
    # the rest of the content and product cells, in their own columns
    assert frags[k + 1][1] == [
        "",
        "đó để Quốc hội thông qua Luật Quản lý và đầu tư vốn nhà nước tại doanh nghiệp trong năm 2025, thay thế cho Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp năm 2014",
        "", "", "", "UBND xã",
    ]
    assert frags[k + 1][2][0] == "35"


def test_004_region_is_the_annex_only(table004):
    lines = _seed("004")
    assert lines[table004.start].strip() == "TT Nội dung nhiệm vụ"
    assert table004.end == len(lines)


# --- tables flattened here from a real tab-separated table ----------------


def _tab_rows(prefix: str) -> list[list[str]]:
    return [line.split("\t") for line in _seed(prefix) if line.count("\t") >= 2]


def _wrap(text: str, width: float) -> list[str]:
    """Greedy word wrap at ``width`` printed units (a proportional font:
    capitals wider than small letters), as a PDF renderer wraps a cell."""
    lines: list[str] = []
    for word in text.split():
        if lines and visual_length(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _flatten(rows, order, widths, page_every):
    """Write ``rows`` the way a PDF conversion flattens them: the header and
    each cell wrapped at its column width, one line per line, columns in
    ``order``, the header repeated every ``page_every`` tasks."""
    header, body = rows[0], rows[1:]
    out: list[str] = []

    def put_header():
        for col in order:
            out.extend(_wrap(header[col], widths[col]) if col else [header[col]])
            out.append("")

    put_header()
    expected, tasks = [], 0
    for row in body:
        if re.match(r"^[IVX]+\. ", row[0]):
            out.append(row[0])
            expected.append([row[0]] + [""] * 5)
            continue
        tasks += 1
        if tasks % page_every == 0:
            put_header()
        out.append(row[0])
        for col in order[1:]:
            out.extend(_wrap(row[col], widths[col]))
        expected.append([row[0]] + [row[col] for col in order[1:]])
    return out, expected


@pytest.mark.parametrize(
    "order,widths",
    [
        ([0, 1, 2, 3, 4, 5], {0: 3, 1: 45, 2: 14, 3: 20, 4: 14, 5: 20}),
        # deadline before the units, product before the deadline
        ([0, 1, 4, 2, 3, 5], {0: 3, 1: 38, 2: 12, 3: 18, 4: 13, 5: 22}),
        ([0, 1, 5, 4, 3, 2], {0: 3, 1: 56, 2: 13, 3: 20, 4: 18, 5: 17}),
    ],
)
def test_rebuild_recovers_a_flattened_real_table(order, widths):
    rows = _tab_rows("002")  # STT | content | lead | coordinating | deadline | product
    lines, expected = _flatten(rows, order, widths, page_every=6)
    fragments = rebuild_fragments(lines)
    assert len(fragments) == 1 + (len(rows) - 8) // 6  # a new fragment at each repeat
    got = [r for frag in fragments for r in frag[1:]]
    assert fragments[0][0] == [rows[0][c] for c in order]
    assert got == expected  # includes rows 26-31 whose coordinating cell is empty


# --- header detection and helpers -------------------------------------------


def test_detect_header_other_wording_and_order():
    lines = ["STT", "Nội dung công việc", "Thời gian", "hoàn thành", "Đơn vị", "chủ trì", "Đơn vị phối", "hợp",
             "Kết quả/", "Sản phẩm", "", "1", "Ban hành kế hoạch"]
    header = detect_header(lines)
    assert header is not None
    assert header.types == ["number", "content", "deadline", "lead", "coordinating", "product"]
    assert header.labels == ["STT", "Nội dung công việc", "Thời gian hoàn thành", "Đơn vị chủ trì",
                             "Đơn vị phối hợp", "Kết quả/ Sản phẩm"]


def test_detect_header_rejects_prose():
    lines = [line for line in _seed("000") if line.strip()][:40]
    assert all(detect_header(lines, i) is None for i in range(len(lines)))
    assert find_flattened_tables(_seed("000")) == []


def test_rebuild_rows_needs_a_header_or_column_count():
    with pytest.raises(ValueError):
        rebuild_rows(["1", "Ban hành kế hoạch", "Phòng Văn hóa"])
    rows = rebuild_rows(["1", "Ban hành kế hoạch năm 2026", "Phòng Văn", "hóa – Xã hội", "Các phòng, ban", "Quý I/2026",
                         "Kế hoạch"], n_columns=6)
    assert rows == [["1", "Ban hành kế hoạch năm 2026", "Phòng Văn hóa – Xã hội", "Các phòng, ban", "Quý I/2026", "Kế hoạch"]]


def test_dangling_ends_and_hyphen_joins():
    assert is_dangling("Kế hoạch của") and is_dangling("HĐND và") and is_dangling("Quý III,")
    assert not is_dangling("Phòng Văn hóa – Xã hội") and not is_dangling("Cả năm 2025")
    assert join_cell_lines(["Nghị định số 107/2021/NĐ-", "CP"]) == "Nghị định số 107/2021/NĐ-CP"
    assert join_cell_lines(["Quý III-", "IV/2025"]) == "Quý III-IV/2025"
    # a word before the hyphen keeps the space ("hoá- Xã hội" as written)
    assert join_cell_lines(["Phòng Văn hoá-", "Xã hội"]) == "Phòng Văn hoá- Xã hội"
