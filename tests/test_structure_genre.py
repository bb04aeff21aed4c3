"""Body structure of plans laid out unlike the seeds, built by the tests.

Expectations were written from the plans' own text below (the numbering a
reader sees), not from the program's output:

* parts above the roman level ("PHẦN THỨ NHẤT", "A.") prefix the locators
  of their chapters ("Phần II.I.1", "B.I.1.a");
* unnumbered headings in capitals ("KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC
  HIỆN") open sections whose locator is their title;
* a number used twice gets " (2)" and the warning;
* a closing paragraph addressed to all units after the last item goes to
  "<chapter> (tiếp)", not into the last unit's duties;
* a department's letterhead ("UBND TỈNH …" / "SỞ …") names the issuer.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from ingest.model import plan_from_dict
from ingest.pipeline import parse_file

DEPARTMENT_PLAN = """UBND TỈNH BÌNH ĐỊNH
SỞ TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/KH-STP
Bình Định, ngày 10 tháng 01 năm 2027

KẾ HOẠCH
Cải cách hành chính năm 2027 của Sở Tư pháp

PHẦN THỨ NHẤT
ĐÁNH GIÁ KẾT QUẢ NĂM 2026

I. KẾT QUẢ ĐẠT ĐƯỢC
1. Cải cách thủ tục hành chính
- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.
II. TỒN TẠI, HẠN CHẾ
- Một số thủ tục còn chậm.

PHẦN THỨ HAI
KẾ HOẠCH NĂM 2027

I. MỤC TIÊU
1. Mục tiêu chung
- Phấn đấu 100% nhiệm vụ được hoàn thành đúng hạn, đúng chất lượng.
II. NHIỆM VỤ, GIẢI PHÁP
CẢI CÁCH HÀNH CHÍNH NĂM 2027
1. Cải cách thể chế
- Rà soát văn bản quy phạm pháp luật.

KINH PHÍ THỰC HIỆN
Kinh phí bố trí từ ngân sách của Sở.

TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở:
- Theo dõi, tổng hợp, báo cáo.
2. Phòng Hành chính tư pháp:
- Kiểm soát thủ tục hành chính.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị báo cáo Giám đốc Sở để xem xét, giải quyết./.

Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Trần Văn An
"""


def _sections(plan):
    return {s.locator: s for s in plan.sections}


def test_department_plan_parts_unnumbered_headings_and_closing(tmp_path: Path):
    path = tmp_path / "so_tu_phap_2027.txt"
    path.write_text(DEPARTMENT_PLAN, encoding="utf-8")
    plan = parse_file(path)
    meta = plan.metadata
    assert meta.issuing_body == "Sở Tư pháp tỉnh Bình Định"
    assert (meta.level, meta.unit_name) == ("sở", "Sở Tư pháp tỉnh Bình Định")
    assert meta.title == "Kế hoạch Cải cách hành chính năm 2027 của Sở Tư pháp"
    assert (meta.decision_number, meta.date, meta.signer) == ("15/KH-STP", "2027-01-10", "Trần Văn An")
    assert meta.period.start_year == 2027

    got = [(s.locator, s.level) for s in plan.sections]
    assert got == [
        ("Phần I", 0), ("Phần I.I", 1), ("Phần I.I.1", 2), ("Phần I.II", 1),
        ("Phần II", 0), ("Phần II.I", 1), ("Phần II.I.1", 2), ("Phần II.II", 1), ("Phần II.II.1", 2),
        ("Phần II.KINH PHÍ THỰC HIỆN", 1), ("Phần II.TỔ CHỨC THỰC HIỆN", 1),
        ("Phần II.TỔ CHỨC THỰC HIỆN.1", 2), ("Phần II.TỔ CHỨC THỰC HIỆN.2", 2),
        ("Phần II.TỔ CHỨC THỰC HIỆN (tiếp)", 2),
    ]
    assert plan.warnings == []
    secs = _sections(plan)
    # a bare part number takes the title line under it; a heading in capitals
    # wrapped over two lines stays one heading
    assert secs["Phần I"].heading == "PHẦN THỨ NHẤT ĐÁNH GIÁ KẾT QUẢ NĂM 2026"
    assert secs["Phần II.II"].heading == "II. NHIỆM VỤ, GIẢI PHÁP CẢI CÁCH HÀNH CHÍNH NĂM 2027"
    assert secs["Phần II.II.1"].path == [
        "PHẦN THỨ HAI KẾ HOẠCH NĂM 2027", "II. NHIỆM VỤ, GIẢI PHÁP CẢI CÁCH HÀNH CHÍNH NĂM 2027",
        "1. Cải cách thể chế"]
    assert [p.text for p in secs["Phần II.KINH PHÍ THỰC HIỆN"].paragraphs] == [
        "Kinh phí bố trí từ ngân sách của Sở."]
    closing = secs["Phần II.TỔ CHỨC THỰC HIỆN (tiếp)"]
    assert closing.path[0] == "PHẦN THỨ HAI KẾ HOẠCH NĂM 2027"
    assert closing.path[1] == "TỔ CHỨC THỰC HIỆN"
    assert closing.paragraphs[0].text.startswith("Trong quá trình thực hiện, nếu có khó khăn")

    assert [(r.unit, r.duties) for r in plan.responsibilities] == [
        ("Văn phòng Sở", ["Theo dõi, tổng hợp, báo cáo."]),
        ("Phòng Hành chính tư pháp", ["Kiểm soát thủ tục hành chính."]),
    ]
    assert [(t.section, t.values) for t in plan.targets] == [
        ("Phần I.I.1", ["98%"]), ("Phần II.I.1", ["100%"])]


def _docx(path: Path, lines: list[str]) -> None:
    doc = Document()
    for text in lines:
        doc.add_paragraph(text)
    doc.save(path)


def test_letter_parts_duplicate_number_and_closing_in_docx(tmp_path: Path):
    path = tmp_path / "phong_noi_vu_2027.docx"
    _docx(path, [
        "ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG ANH", "PHÒNG NỘI VỤ",
        "KẾ HOẠCH", "Cải cách hành chính năm 2027",
        "A. KẾT QUẢ THỰC HIỆN NĂM 2026", "I. CÔNG TÁC CHỈ ĐẠO", "- Ban hành văn bản chỉ đạo.",
        "B. NHIỆM VỤ NĂM 2027", "I. NHIỆM VỤ TRỌNG TÂM", "1. Cải cách thủ tục hành chính",
        "a) Rà soát thủ tục", "- Rà soát thủ tục hành chính.", "II. KINH PHÍ", "- Từ ngân sách huyện.",
        "II. TỔ CHỨC THỰC HIỆN", "1. Bộ phận Một cửa:", "- Tiếp nhận hồ sơ.",
        "Yêu cầu các bộ phận, công chức nghiêm túc triển khai thực hiện./.",
    ])
    plan = parse_file(path)
    assert (plan.metadata.issuing_body, plan.metadata.level) == ("Phòng Nội vụ huyện Đông Anh", "phòng")
    got = [(s.locator, s.level) for s in plan.sections]
    assert got == [
        ("A", 0), ("A.I", 1), ("B", 0), ("B.I", 1), ("B.I.1", 2), ("B.I.1.a", 3), ("B.II", 1),
        ("B.II (2)", 1), ("B.II (2).1", 2), ("B.II (2) (tiếp)", 2),
    ]
    assert plan.warnings == ["Số mục trùng lặp trong thân kế hoạch: B.II"]
    assert _sections(plan)["B.II (2)"].heading == "II. TỔ CHỨC THỰC HIỆN"
    assert [(r.unit, r.duties, r.section) for r in plan.responsibilities] == [
        ("Bộ phận Một cửa", ["Tiếp nhận hồ sơ."], "B.II (2).1")]


def test_seed_000_second_part_numbered_iii_gets_its_own_locator(seeds_dir: Path):
    plan = parse_file(next(seeds_dir.glob("000_*.txt")))
    secs = _sections(plan)
    # the source numbers "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" and "III. KINH PHÍ:"
    assert secs["III"].heading == "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"
    assert secs["III (2)"].heading == "III. KINH PHÍ:"
    assert secs["III (2)"].paragraphs[0].text.startswith("Kinh phí thực hiện Kế hoạch được bố trí")
    assert "Số mục trùng lặp trong thân kế hoạch: III" in plan.warnings
    assert len({s.locator for s in plan.sections}) == len(plan.sections)
    # the warning is a record: what happened, where, and the text shown to users
    warning = next(w for w in plan.warnings if w.code == "duplicate_section")
    assert (warning.locator, warning.message) == ("mục III", "Số mục trùng lặp trong thân kế hoạch: III")
    stored = plan.to_dict()["metadata"]["warnings"]
    assert {"code": "duplicate_section", "locator": "mục III",
            "message": "Số mục trùng lặp trong thân kế hoạch: III"} in stored
    again = plan_from_dict(plan.to_dict()).warnings
    assert [(w.code, w.locator, str(w)) for w in again] == [(w.code, w.locator, str(w)) for w in plan.warnings]


def test_seed_001_closing_sentence_leaves_item_g(seeds_dir: Path):
    plan = parse_file(next(seeds_dir.glob("001_*.txt")))
    secs = _sections(plan)
    g = secs["IV.2.g"]
    assert [p.text for p in g.paragraphs] == [g.heading]  # only its own sentence
    closing = secs["IV (tiếp)"]
    assert closing.path[0] == "IV. TỔ CHỨC THỰC HIỆN"
    assert closing.paragraphs[0].text.startswith("Trong quá trình tổ chức thực hiện Kế hoạch này")
    assert not any("Trong quá trình" in d for r in plan.responsibilities for d in r.duties)


def test_plan_without_title_starts_at_its_first_part(tmp_path: Path):
    path = tmp_path / "khong_tieu_de.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nPhần I. Đánh giá kết quả\nI. KẾT QUẢ\n- Hoàn thành kế hoạch.\n",
                    encoding="utf-8")
    plan = parse_file(path)
    assert [(s.locator, s.heading) for s in plan.sections] == [
        ("Phần I", "Phần I. Đánh giá kết quả"), ("Phần I.I", "I. KẾT QUẢ")]
    assert plan.metadata.issuing_body == "Ủy ban nhân dân xã An Hòa"
