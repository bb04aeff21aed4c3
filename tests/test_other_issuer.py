"""Annex tables in layouts the seeds do not show, built as real Word files.

A provincial department's plan: columns in another order, a two-row header
("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), a column-number row, a
"Cấp trình" column the model keeps in ``extra``, a lead unit merged
vertically over two tasks, and a header row repeated after a page break.
"""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ingest.pipeline import parse_file


def _vmerge(cell, value: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:vMerge")
    if value == "restart":
        el.set(qn("w:val"), "restart")
    tc_pr.append(el)


def build_plan(path):
    doc = Document()
    doc.add_paragraph("SỞ NỘI VỤ TỈNH AN GIANG")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Cải cách hành chính của Sở Nội vụ năm 2027")
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    doc.add_paragraph("- Hoàn thành 100% nhiệm vụ đúng hạn.")
    doc.add_paragraph("Phụ lục")
    table = doc.add_table(rows=0, cols=7)
    rows = [
        ["STT", "Nhiệm vụ, đề án", "Cấp trình", "Cơ quan thực hiện", "", "Thời gian trình", "Kết quả"],
        ["", "", "", "Chủ trì", "Phối hợp", "", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["A", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
        ["1.", "Đề án sắp xếp đơn vị hành chính cấp xã", "UBND tỉnh", "Phòng Tổ chức", "Các sở, ngành", "Tháng 3/2027", "Đề án"],
        ["2.", "Quy chế phối hợp quản lý công chức", "HĐND tỉnh", "", "Văn phòng Sở", "Quý II/2027", "Quy chế"],
        ["STT", "Nhiệm vụ, đề án", "Cấp trình", "Cơ quan thực hiện", "", "Thời gian trình", "Kết quả"],
        ["3.", "Báo cáo đánh giá chỉ số PAR INDEX", "Bộ Nội vụ", "Thanh tra Sở", "", "Trước ngày 15/12/2027", "Báo cáo"],
        ["", "a) Tự đánh giá, chấm điểm", "", "Thanh tra Sở", "Các phòng", "Tháng 11/2027", "Bảng điểm"],
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    header = table.rows[0].cells
    header[3].merge(header[4])
    # the lead of task 1 is merged down over task 2
    lead1, lead2 = table.rows[4].cells[3], table.rows[5].cells[3]
    _vmerge(lead1, "restart")
    _vmerge(lead2, "continue")
    doc.save(path)


def test_other_issuer_columns(tmp_path):
    path = tmp_path / "so_noi_vu_2027.docx"
    build_plan(path)
    plan = parse_file(path)
    numbered = [t for t in plan.tasks if t.number]
    assert [t.number for t in numbered] == ["1", "2", "3"]
    t1, t2, t3 = numbered
    assert t1.content == "Đề án sắp xếp đơn vị hành chính cấp xã"
    assert (t1.lead, t1.coordinating) == ("Phòng Tổ chức", "Các sở, ngành")
    assert t1.extra == {"Cấp trình": "UBND tỉnh"}
    assert t1.product == "Đề án"
    assert (t1.due.start, t1.due.end) == ("2027-03-01", "2027-03-31")
    assert t1.section == "A. CẢI CÁCH THỂ CHẾ" or t1.section.endswith("CẢI CÁCH THỂ CHẾ")
    # vertically merged lead applies to task 2 as well
    assert t2.lead == "Phòng Tổ chức"
    assert t2.deadline == "Quý II/2027"
    assert t3.coordinating is None and t3.due.end == "2027-12-15"
    subs = [t for t in plan.tasks if t.part_of == "3"]
    assert len(subs) == 1 and subs[0].content == "a) Tự đánh giá, chấm điểm"
    assert subs[0].lead == "Thanh tra Sở"
