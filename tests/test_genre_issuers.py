"""Plans of other issuer kinds and annex layouts, built by the tests.

Each document is written here (python-docx or text), so the tests cover the
genre pattern, not one file: a Party committee's Word plan (letterhead as a
table, a Party number, a data row full of header words, a repeated header,
a cell spanning two columns), a ministry's pipe table with blank lines and
group rows repeating their title in every cell, a Government programme,
tables flattened one cell per line or in scrambled blocks, tasks assigned in
prose, and a plan whose task list was lost.
"""

from __future__ import annotations

from docx import Document

from ingest.pipeline import parse_file


def _party_plan(path):
    doc = Document()
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = "ĐẢNG BỘ TỈNH HÀ GIANG"
    for text in ("TỈNH ỦY", "*", "Số 45-KH/TU"):
        left.add_paragraph(text)
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Hà Giang, ngày 12 tháng 3 năm 2026")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị")
    doc.add_paragraph("về đột phá phát triển khoa học, công nghệ và chuyển đổi số")
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    doc.add_paragraph("- Quán triệt sâu sắc Nghị quyết trong toàn Đảng bộ.")
    doc.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    doc.add_paragraph("Nhiệm vụ cụ thể tại Phụ lục kèm theo.")
    doc.add_paragraph("T/M BAN THƯỜNG VỤ")
    doc.add_paragraph("PHÓ BÍ THƯ THƯỜNG TRỰC")
    doc.add_paragraph("Hầu Văn Lý")
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph("DANH MỤC NHIỆM VỤ")
    header = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành", "Sản phẩm"]
    rows = [
        header,
        ["I", "Nhóm nhiệm vụ về lãnh đạo, chỉ đạo", "", "", "", ""],
        ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy",
         "Quý II/2026", "Hội nghị"],
        # a data row whose every cell holds header words (nội dung, thời gian, kết quả …)
        ["2", "Nội dung tổng hợp kết quả thực hiện nhiệm vụ chuyển đổi số của các cơ quan đảng",
         "Văn phòng Tỉnh ủy", "Các ban đảng", "Thời gian: tháng 12/2026", "Báo cáo kết quả"],
        header,  # repeated at a page top
        ["3", "Kiểm tra, giám sát việc thực hiện", "Ủy ban Kiểm tra Tỉnh ủy", "", "Thường xuyên", "Thông báo kết luận"],
        ["4", "Các nhiệm vụ phát sinh theo chỉ đạo của Ban Thường vụ Tỉnh ủy", "", "", "", ""],
    ]
    table = doc.add_table(rows=0, cols=6)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    # the lead of task 3 spans Chủ trì and Phối hợp; the title of row 4 spans the whole row
    third = table.rows[-2].cells
    third[2].merge(third[3])
    fourth = table.rows[-1].cells
    fourth[1].merge(fourth[5])
    doc.save(path)


def test_party_committee_plan(tmp_path):
    path = tmp_path / "tinh-uy-ha-giang.docx"
    _party_plan(path)
    plan = parse_file(path)
    meta = plan.metadata
    assert (meta.issuing_body, meta.parent_body, meta.level) == ("Tỉnh ủy Hà Giang", "Đảng bộ tỉnh Hà Giang", "tỉnh ủy")
    assert (meta.decision_number, meta.date, meta.signer) == ("45-KH/TU", "2026-03-12", "Hầu Văn Lý")
    assert meta.title.startswith("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW") and meta.title.endswith("chuyển đổi số")
    # the date in the title is not a period: the plan's year is the date line's
    assert (meta.period.text, meta.period.start_year, meta.period.end_year) == (None, 2026, 2026)
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4"]
    t1, t2, t3, t4 = plan.tasks
    assert t1.section == "I. Nhóm nhiệm vụ về lãnh đạo, chỉ đạo" and t1.lead == "Ban Tuyên giáo Tỉnh ủy"
    assert (t2.lead, t2.deadline, t2.product) == ("Văn phòng Tỉnh ủy", "Thời gian: tháng 12/2026", "Báo cáo kết quả")
    assert (t3.lead, t3.coordinating) == ("Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")
    assert any("nhiệm vụ 3 có ô gộp nhiều cột" in w for w in plan.warnings)
    # a title spanning the row is never read as a unit or a deadline
    assert t4.content.startswith("Các nhiệm vụ phát sinh") and (t4.lead, t4.deadline, t4.product) == (None, None, None)


MINISTRY = """BỘ TƯ PHÁP
Số: 123/QĐ-BTP
Hà Nội, ngày 15 tháng 01 năm 2026
KẾ HOẠCH
Công tác xây dựng pháp luật năm 2026

I. MỤC ĐÍCH
1. Hoàn thành đúng hạn các đề án.

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| TT | Nhiệm vụ, đề án, dự án | Cơ quan chủ trì thực hiện | Cơ quan phối hợp thực hiện | Thời gian trình | Cấp trình | Sản phẩm |

| --- | --- | --- | --- | --- | --- | --- |

| I. Nhiệm vụ xây dựng thể chế | I. Nhiệm vụ xây dựng thể chế | I. Nhiệm vụ xây dựng thể chế | I. Nhiệm vụ xây dựng thể chế | I. Nhiệm vụ xây dựng thể chế | I. Nhiệm vụ xây dựng thể chế | I. Nhiệm vụ xây dựng thể chế |

| 1 | Xây dựng Nghị định sửa đổi Nghị định số 63/2010/NĐ-CP | Cục Kiểm soát thủ tục hành chính | Các bộ, ngành | Tháng 6/2026 | Chính phủ | Nghị định |

| 2 | Xây dựng Thông tư hướng dẫn | Vụ Pháp chế | Các đơn vị thuộc Bộ | Quý IV/2026 | Bộ trưởng | Thông tư |

| Nhiệm vụ khác | Nhiệm vụ khác | Nhiệm vụ khác | Nhiệm vụ khác | Nhiệm vụ khác | Nhiệm vụ khác | Nhiệm vụ khác |

| 3 | Đề án tổng kết | Văn phòng Bộ | Các đơn vị | 2024-2026 | Thủ tướng Chính phủ | Đề án |
"""


def test_ministry_pipe_table_with_blank_lines_and_repeated_group_titles(tmp_path):
    path = tmp_path / "bo-tu-phap.txt"
    path.write_text(MINISTRY, encoding="utf-8")
    plan = parse_file(path)
    meta = plan.metadata
    assert (meta.issuing_body, meta.level, meta.decision_number, meta.date) == (
        "Bộ Tư pháp", "bộ", "123/QĐ-BTP", "2026-01-15")
    assert meta.title == "Kế hoạch Công tác xây dựng pháp luật năm 2026"
    assert [(t.number, t.section) for t in plan.tasks] == [
        ("1", "I. Nhiệm vụ xây dựng thể chế"), ("2", "I. Nhiệm vụ xây dựng thể chế"), ("3", "Nhiệm vụ khác")]
    t1, _, t3 = plan.tasks
    assert (t1.lead, t1.coordinating, t1.deadline, t1.product) == (
        "Cục Kiểm soát thủ tục hành chính", "Các bộ, ngành", "Tháng 6/2026", "Nghị định")
    assert t1.extra == {"Cấp trình": "Chính phủ"}
    assert (t3.due.start, t3.due.end) == ("2024-01-01", "2026-12-31")
    assert not any("dòng nhóm" in w for w in plan.warnings)


GOVERNMENT = """CHÍNH PHỦ
Số: 12/NQ-CP
Hà Nội, ngày     tháng 02 năm 2026
CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị
(Ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 05 tháng 02 năm 2026 của Chính phủ)
I. MỤC TIÊU
1. Đến năm 2030, hoàn thành chuyển đổi số quốc gia.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Phạm Minh Chính
"""


def test_government_programme(tmp_path):
    path = tmp_path / "chinh-phu.txt"
    path.write_text(GOVERNMENT, encoding="utf-8")
    meta = parse_file(path).metadata
    assert (meta.issuing_body, meta.level, meta.decision_number) == ("Chính phủ", "chính phủ", "12/NQ-CP")
    # no day on the date line: the Government's own resolution in the note dates it
    assert meta.date == "2026-02-05"
    assert meta.title.startswith("Chương trình hành động Thực hiện Nghị quyết số 57-NQ/TW")
    assert (meta.period.start_year, meta.period.end_year) == (2026, 2026)
    assert meta.signer == "Phạm Minh Chính"


def test_cited_resolution_date_is_not_the_plan_date(tmp_path):
    path = tmp_path / "so.txt"
    path.write_text(
        "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: /KH-SCT\nLào Cai, ngày   tháng 4 năm 2026\nKẾ HOẠCH\n"
        "Thực hiện Đề án số 08 giai đoạn 2026-2030\n"
        "(Ban hành kèm theo Nghị quyết số 35-NQ/TU ngày 29/12/2025 của Tỉnh ủy Lào Cai)\n"
        "I. MỤC ĐÍCH\n1. Cụ thể hóa Đề án.\n",
        encoding="utf-8",
    )
    meta = parse_file(path).metadata
    assert (meta.issuing_body, meta.parent_body, meta.level) == (
        "Sở Công Thương tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai", "sở")
    assert meta.date is None and meta.decision_number is None


ONE_CELL_PER_LINE = """KẾ HOẠCH
Triển khai Nghị định năm 2026
I. NỘI DUNG
1. Tuyên truyền.
PHỤ LỤC
TT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian thực hiện
1
Tổ chức tuyên truyền Nghị định
a)
Tổ chức hội nghị phổ biến Nghị định đến các cơ quan ở trung ương và địa phương
Cục Lâm nghiệp
Vụ Pháp chế; các đơn vị có liên quan
Quý III/2026
b)
Biên soạn tài liệu hướng dẫn thực hiện Nghị định cho các địa phương
Viện Khoa học lâm nghiệp Việt Nam, Cục
Vụ Khoa học và Công nghệ
Quý IV/2026
và cấp huyện trong cả nước.
Lâm nghiệp
2
Theo dõi thi hành pháp luật về dịch vụ môi trường rừng
Cục Lâm nghiệp
Vụ Pháp chế
Thường xuyên
3
Tổng kết, đánh giá việc thực hiện Nghị định và đề xuất sửa đổi, bổ sung các
quy định còn vướng mắc
Cục Lâm nghiệp
Các cơ quan, đơn vị có liên quan
Quý IV/2027
"""


def test_table_flattened_one_cell_per_line(tmp_path):
    path = tmp_path / "bo.txt"
    path.write_text(ONE_CELL_PER_LINE, encoding="utf-8")
    tasks = parse_file(path).tasks
    assert [t.number for t in tasks] == ["a)", "b)", "2", "3"]
    a, b, two, three = tasks
    assert a.section == "1 Tổ chức tuyên truyền Nghị định"
    assert (a.lead, a.coordinating, a.deadline) == ("Cục Lâm nghiệp", "Vụ Pháp chế; các đơn vị có liên quan", "Quý III/2026")
    # cut at a page break: the rest of the content and of the lead follow the row's cells
    assert b.content.endswith("cho các địa phương và cấp huyện trong cả nước.")
    assert b.lead == "Viện Khoa học lâm nghiệp Việt Nam, Cục Lâm nghiệp"
    assert (b.coordinating, b.deadline) == ("Vụ Khoa học và Công nghệ", "Quý IV/2026")
    assert (two.content, two.lead, two.due.recurrence) == (
        "Theo dõi thi hành pháp luật về dịch vụ môi trường rừng", "Cục Lâm nghiệp", "regular")
    # a content cell wrapped over two lines
    assert three.content.endswith("sửa đổi, bổ sung các quy định còn vướng mắc")
    assert (three.lead, three.coordinating, three.deadline) == (
        "Cục Lâm nghiệp", "Các cơ quan, đơn vị có liên quan", "Quý IV/2027")


SCRAMBLED = """KẾ HOẠCH
Chuyển đổi số năm 2026
I. NHIỆM VỤ
1. Xem phụ lục.
PHỤ LỤC
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành |
| --- | --- | --- | --- |
1
2
3
Tổ chức hội nghị quán triệt Nghị quyết
Xây dựng đề án chuyển đổi số trong các cơ quan
đảng của tỉnh
Kiểm tra, giám sát việc thực hiện
Ban Tuyên giáo Tỉnh ủy
Quý II/2026
Văn phòng Tỉnh ủy
Tháng 9/2026
Ủy ban Kiểm tra Tỉnh ủy
Thường xuyên
"""


def test_scrambled_blocks_recovered_from_the_tt_block(tmp_path):
    path = tmp_path / "scrambled.txt"
    path.write_text(SCRAMBLED, encoding="utf-8")
    tasks = parse_file(path).tasks
    got = [(t.number, t.content, t.lead, t.deadline) for t in tasks]
    assert got == [
        ("1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ban Tuyên giáo Tỉnh ủy", "Quý II/2026"),
        ("2", "Xây dựng đề án chuyển đổi số trong các cơ quan đảng của tỉnh", "Văn phòng Tỉnh ủy", "Tháng 9/2026"),
        ("3", "Kiểm tra, giám sát việc thực hiện", "Ủy ban Kiểm tra Tỉnh ủy", "Thường xuyên"),
    ]


PROSE = """UBND HUYỆN ĐÔNG ANH
PHÒNG NỘI VỤ
KẾ HOẠCH
Cải cách hành chính năm 2026
I. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thủ tục hành chính
- Rà soát thủ tục hành chính thuộc thẩm quyền.
- Công khai thủ tục trên Cổng dịch vụ công.
Đơn vị chủ trì: Bộ phận Một cửa; Đơn vị phối hợp: Văn phòng HĐND và UBND.
Thời gian thực hiện: Quý II/2026.
2. Cải cách công vụ
- Đánh giá, xếp loại công chức.
Cơ quan chủ trì: Phòng Nội vụ; Sản phẩm: Báo cáo đánh giá; Thời hạn: Tháng 12/2026.
"""


def test_tasks_assigned_in_prose_under_headings(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text(PROSE, encoding="utf-8")
    plan = parse_file(path)
    heads = [t for t in plan.tasks if t.number]
    assert [(t.number, t.content) for t in heads] == [("1", "Cải cách thủ tục hành chính"), ("2", "Cải cách công vụ")]
    one, two = heads
    assert (one.lead, one.coordinating, one.deadline) == ("Bộ phận Một cửa", "Văn phòng HĐND và UBND", "Quý II/2026")
    assert (one.due.start, one.due.end) == ("2026-04-01", "2026-06-30")
    assert (two.lead, two.product, two.deadline) == ("Phòng Nội vụ", "Báo cáo đánh giá", "Tháng 12/2026")
    subs = [t for t in plan.tasks if t.part_of == "1"]
    assert [t.content for t in subs] == ["Rà soát thủ tục hành chính thuộc thẩm quyền.",
                                         "Công khai thủ tục trên Cổng dịch vụ công."]
    assert all(t.lead == "Bộ phận Một cửa" for t in subs)
    assert plan.metadata.issuing_body == "Phòng Nội vụ huyện Đông Anh"


def test_plan_naming_a_task_list_without_tasks_warns(tmp_path):
    path = tmp_path / "lost.txt"
    path.write_text(
        "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. NHIỆM VỤ\n"
        "1. Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\n",
        encoding="utf-8",
    )
    plan = parse_file(path)
    assert plan.tasks == []
    assert any("không đọc được nhiệm vụ nào" in w for w in plan.warnings)


def test_pdf_row_cut_at_a_page_break_is_joined():
    """Page fragments as the PDF loader gives them: a row cut after "… về" and
    a row cut mid-sentence continue above; a full row at a page top is a sub-row."""
    from ingest.blocks import Block, LoadedDocument
    from ingest.tables import extract_tasks

    header = ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    blocks = [
        Block(kind="table", page=1, rows=[header, ["1", "Tăng cường quản lý nhà nước về", "Sở Nông nghiệp và", "Quý II/2026"]],
              row_pages=[1, 1]),
        Block(kind="page_break", page=2),
        Block(kind="table", page=2, rows=[header, ["", "Khoáng sản trên địa bàn tỉnh", "Môi trường", ""],
                                          ["2", "Rà soát quy hoạch thăm dò, khai thác", "Sở Công Thương", "Quý III/2026"]],
              row_pages=[2, 2, 2]),
        Block(kind="page_break", page=3),
        Block(kind="table", page=3, rows=[header, ["", "Công bố kết quả rà soát", "Ủy ban nhân dân tỉnh", "Quý IV/2026"]],
              row_pages=[3, 3]),
    ]
    tasks, _ = extract_tasks(LoadedDocument("cut.pdf", blocks, has_pages=True), plan_year=2026)
    assert [(t.number, t.part_of) for t in tasks] == [("1", None), ("2", None), (None, "2")]
    one = tasks[0]
    assert one.content == "Tăng cường quản lý nhà nước về Khoáng sản trên địa bàn tỉnh"
    assert (one.lead, one.deadline) == ("Sở Nông nghiệp và Môi trường", "Quý II/2026")
    assert tasks[2].lead == "Ủy ban nhân dân tỉnh"


LETTERHEADS = [
    # (letterhead lines or a joined header cell, issuer, parent, level)
    (["UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG Số: /KH-SCT"], "Sở Công Thương", "Ủy ban nhân dân tỉnh Lào Cai", "sở"),
    (["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG -------"], "Bộ Nông nghiệp và Môi trường", None, "bộ"),
    (["BỘ NỘI VỤ"], "Bộ Nội vụ", None, "bộ"),
    (["BỘ TƯ PHÁP", "VỤ PHÁP CHẾ"], "Vụ Pháp chế", "Bộ Tư pháp", "cục"),
    (["BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], "Bộ Văn hóa, Thể thao và Du lịch", None, "bộ"),
    (["CHÍNH PHỦ"], "Chính phủ", None, "chính phủ"),
    (["ĐẢNG BỘ HUYỆN BẢO THẮNG", "HUYỆN ỦY"], "Huyện ủy Bảo Thắng", "Đảng bộ huyện Bảo Thắng", "huyện ủy"),
    (["TỈNH ỦY LÀO CAI", "BAN THƯỜNG VỤ"], "Ban Thường vụ Tỉnh ủy Lào Cai", None, "tỉnh ủy"),
    (["BAN TUYÊN GIÁO TỈNH ỦY"], "Ban Tuyên giáo Tỉnh ủy", None, "ban"),
    (["ĐẢNG BỘ XÃ AN HÒA", "ĐẢNG ỦY XÃ AN HÒA"], "Đảng ủy xã An Hòa", "Đảng bộ xã An Hòa", "đảng ủy"),
    (["ỦY BAN NHÂN DÂN", "XÃ TRƯỜNG XUÂN"], "Ủy ban nhân dân xã Trường Xuân", None, "xã"),
    (["UBND THÀNH PHỐ HÀ NỘI", "VĂN PHÒNG UBND"], "Văn phòng UBND", "Ủy ban nhân dân thành phố Hà Nội", "văn phòng"),
]


def test_letterheads_of_every_issuer_kind():
    from ingest.issuer import read_letterhead

    for texts, issuer, parent, level in LETTERHEADS:
        found = read_letterhead(texts)
        assert (found.issuer, found.parent, found.level) == (issuer, parent, level), texts
    assert read_letterhead(["ỦY BAN NHÂN DÂN XÃ"]) is None  # names nobody
