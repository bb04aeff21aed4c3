"""Genre rules of the plan body (ingest.structure and its modules).

Seed expectations were read off the seed texts by hand (not copied from the
program's output): the number/date/signer lines of each cover, the subject
line under "KẾ HOẠCH", the outline numbering, the "chỉ tiêu" items and the
units of the "TỔ CHỨC THỰC HIỆN" part.

The seeds are text conversions; ``_read_text`` is a tiny local reader (one
block per non-empty line, lines with two or more tabs grouped into a table
block, Markdown/HTML emphasis removed) so these tests do not depend on the
TXT/MD backend.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.blocks import Block, LoadedDocument
from ingest.lines import logical_lines
from ingest.markers import parse_marker, split_glued_heading
from ingest.metadata import parse_date, parse_period
from ingest.model import Plan
from ingest.sections import is_leaf_item_section, is_special_section
from ingest.structure import read_body
from ingest.targets import figures

_MARKUP = [
    (re.compile(r"\[bookmark:[^\]]*\]"), ""),
    (re.compile(r"</?[a-z]+>"), ""),
    (re.compile(r"\*\*|__"), ""),
    (re.compile(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)"), ""),
    (re.compile(r"^\s*#+\s*"), ""),
]


def _clean(line: str) -> str:
    for rx, rep in _MARKUP:
        line = rx.sub(rep, line)
    return line.strip()


def _read_text(path: Path) -> LoadedDocument:
    blocks: list[Block] = []
    rows: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.count("\t") >= 2:
            rows.append([_clean(c) for c in raw.split("\t")])
            continue
        if rows:
            blocks.append(Block("table", rows=rows))
            rows = []
        text = _clean(raw.replace("\t", " "))
        if text:
            blocks.append(Block("paragraph", text=text))
    if rows:
        blocks.append(Block("table", rows=rows))
    return LoadedDocument(path.name, blocks)


def _doc(*lines: str, name: str = "synthetic.txt") -> LoadedDocument:
    return LoadedDocument(name, [Block("paragraph", text=t) for t in lines])


@pytest.fixture(scope="module")
def plans(seeds_dir: Path) -> dict[str, Plan]:
    return {p.name[:3]: read_body(_read_text(p)) for p in sorted(seeds_dir.glob("*.txt"))}


def _section(plan: Plan, locator: str):
    found = [s for s in plan.sections if s.locator == locator]
    assert found, f"{plan.doc}: no section {locator!r}"
    return found[0]


# --- metadata --------------------------------------------------------------

SEED_METADATA = {
    "000": dict(
        title="Kế hoạch Cải cách hành chính xã Phú Thái 6 tháng cuối năm 2025",
        issuing_body="Ủy ban nhân dân xã Phú Thái", unit_name="Phú Thái", level="xã",
        period=("6 tháng cuối năm 2025", 2025, 2025),
        decision_number="533/QĐ-UBND", date="2025-07-31", signer=None,
    ),
    "001": dict(
        title="Kế hoạch Cải cách hành chính nhà nước xã Nam An Phụ năm 2026",
        issuing_body="Ủy ban nhân dân xã Nam An Phụ", unit_name="Nam An Phụ", level="xã",
        period=("năm 2026", 2026, 2026),
        decision_number=None, date=None, signer="Nguyễn Văn Tuy",
    ),
    "002": dict(
        title="Kế hoạch Cải cách hành chính xã Trường Xuân giai đoạn 2026 - 2030",
        issuing_body="Ủy ban nhân dân xã Trường Xuân", unit_name="Trường Xuân", level="xã",
        period=("giai đoạn 2026 - 2030", 2026, 2030),
        decision_number="04/QĐ-UBND", date="2026-01-06", signer="Nguyễn Văn Phúc",
    ),
    "003": dict(
        title="Kế hoạch Cải cách hành chính nhà nước năm 2025 trên địa bàn xã Lộc Hòa",
        issuing_body="Ủy ban nhân dân xã Lộc Hòa", unit_name="Lộc Hòa", level="xã",
        period=("năm 2025", 2025, 2025),
        decision_number="09/QĐ-UBND", date="2025-01-22", signer="Nguyễn Công Thành",
    ),
    "004": dict(
        title="Kế hoạch Cải cách hành chính nhà nước xã Việt Khê 6 tháng cuối năm 2025",
        issuing_body="Ủy ban nhân dân xã Việt Khê", unit_name="Việt Khê", level="xã",
        period=("6 tháng cuối năm 2025", 2025, 2025),
        decision_number=None, date=None, signer=None,
    ),
}


@pytest.mark.parametrize("seed", sorted(SEED_METADATA))
def test_seed_metadata(plans, seed):
    meta, want = plans[seed].metadata, SEED_METADATA[seed]
    assert plans[seed].title == want["title"] == meta.title
    assert meta.issuing_body == want["issuing_body"]
    assert meta.unit_name == want["unit_name"]
    assert meta.level == want["level"]
    assert (meta.period.text, meta.period.start_year, meta.period.end_year) == want["period"]
    assert meta.decision_number == want["decision_number"]
    assert meta.date == want["date"]
    assert meta.signer == want["signer"]
    assert plans[seed].year == want["period"][1]


def test_legal_bases_are_not_the_plans_decision(plans):
    # 001 cites "Quyết định số 5256/QĐ-UBND ngày 26/12/2025" as a legal basis
    # while its own number and date are blank.
    cover = _section(plans["001"], "Quyết định")
    assert any("5256/QĐ-UBND" in p.text for p in cover.paragraphs)
    assert plans["001"].metadata.decision_number is None
    assert plans["001"].metadata.date is None


def test_blank_number_and_date_in_synthetic_header():
    plan = read_body(_doc(
        "ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN THÀNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số      /KH-UBND", "Bến Thành, ngày    tháng 3 năm 2024",
        "KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2024",
        "I. MỤC TIÊU", "- Đạt 95% hồ sơ trực tuyến.",
    ))
    meta = plan.metadata
    assert meta.decision_number is None and meta.date is None
    assert meta.issuing_body == "Ủy ban nhân dân phường Bến Thành"
    assert (meta.level, meta.unit_name) == ("phường", "Bến Thành")
    assert meta.title == "Kế hoạch Thực hiện cải cách hành chính năm 2024"
    assert [t.values for t in plan.targets] == [["95%"]]


def test_signer_under_kt_block_and_district_level():
    plan = read_body(_doc(
        "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH", "Số: 117/KH-UBND", "Đông Anh, ngày 5 tháng 2 năm 2025",
        "KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. MỤC ĐÍCH", "1. Mục đích",
        "- Nâng cao chất lượng.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Trần Thị Mai",
    ))
    meta = plan.metadata
    assert (meta.decision_number, meta.date, meta.signer) == ("117/KH-UBND", "2025-02-05", "Trần Thị Mai")
    assert (meta.level, meta.unit_name) == ("huyện", "Đông Anh")
    # the signature block is furniture, not body text
    assert [p.text for p in _section(plan, "I.1").paragraphs] == ["- Nâng cao chất lượng."]


@pytest.mark.parametrize("text,iso", [
    ("Trường Xuân, ngày 06 tháng 01 năm 2026", "2026-01-06"),
    ("(Kèm theo Quyết định số 533/QĐ-UBND ngày 31/7/2025 của Chủ tịch)", "2025-07-31"),
    ("Nam An Phụ, ngày tháng năm 2026", None),
    ("(Kèm theo Quyết định số /QĐ-UBND ngày /7/2025", None),
    ("ngày 31/02/2025", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text,period", [
    ("Cải cách hành chính xã Trường Xuân giai đoạn 2026 - 2030", ("giai đoạn 2026 - 2030", 2026, 2030)),
    ("Cải cách hành chính xã Phú Thái 6 tháng cuối năm 2025", ("6 tháng cuối năm 2025", 2025, 2025)),
    ("Cải cách hành chính quý II năm 2024", ("quý II năm 2024", 2024, 2024)),
    ("Cải cách hành chính nhà nước", (None, None, None)),
])
def test_parse_period(text, period):
    p = parse_period(text)
    assert (p.text, p.start_year, p.end_year) == period


# --- sections --------------------------------------------------------------

SEED_LOCATORS = {
    "000": ["I.1", "II.8", "III.3.đ", "III.7.d", "IV.2.e"],
    "001": ["Quyết định", "", "I.1", "I.2.f", "II.3.b", "II.7.e", "III", "IV.2.a", "IV.2.c", "Phụ lục"],
    "002": ["Quyết định", "II.2.b", "II.2.e", "IV.7", "VI.2.p", "VI.6", "Phụ lục"],
    "003": ["Quyết định", "", "II.1.a", "II.6.b", "II.7.b", "V.4", "V.6", "Phụ lục"],
    "004": ["II", "III.4.d", "V.8", "V.9.e", "Phụ lục"],
}


@pytest.mark.parametrize("seed", sorted(SEED_LOCATORS))
def test_seed_locators(plans, seed):
    locators = {s.locator for s in plans[seed].sections}
    assert set(SEED_LOCATORS[seed]) <= locators


def test_section_heading_path_and_level(plans):
    s = _section(plans["002"], "II.2.b")
    assert s.heading == "b) Về cải cách TTHC"
    assert s.path == ["II. MỤC TIÊU, CHỈ TIÊU", "2. Các chỉ tiêu chủ yếu đến năm 2030", "b) Về cải cách TTHC"]
    assert s.level == 3
    assert s.paragraphs[0].kind == "item"
    assert s.paragraphs[0].text.startswith("- Thực hiện hoàn thành 100% nhiệm vụ")


def test_glued_heading_is_split(plans):
    # 001 writes "I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích, yêu cầu:**" on one line
    assert _section(plans["001"], "I").heading == "I. MỤC ĐÍCH, YÊU CẦU"
    assert _section(plans["001"], "I.1").heading == "1. Mục đích, yêu cầu:"
    assert split_glued_heading("II. CHỈ TIÊU NĂM 2025. Phấn đấu") == ["II. CHỈ TIÊU NĂM 2025. Phấn đấu"]


def test_leaf_items_get_a_paragraph_but_headings_do_not(plans):
    leaf = _section(plans["001"], "I.1.a")
    assert leaf.heading.startswith("a) Công tác cải cách hành chính tiếp tục được xác định")
    assert [p.text for p in leaf.paragraphs] == [leaf.heading]
    assert is_leaf_item_section(leaf)
    unit = _section(plans["001"], "IV.2.a")
    assert unit.heading == "a) Phòng Văn hóa - Xã hội:"
    assert not is_leaf_item_section(unit) and len(unit.paragraphs) == 6


def _body_text_of(plan: Plan) -> str:
    parts = []
    for s in plan.sections:
        if is_special_section(s):
            continue
        if s.locator != "" and not is_leaf_item_section(s):
            parts.append(s.heading)
        parts.extend(p.text for p in s.paragraphs)
    return re.sub(r"\s+", "", "".join(parts))


@pytest.mark.parametrize("seed,first,stop", [
    ("001", "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7", "Phụ lục"),
    ("002", "I. MỤC ĐÍCH, YÊU CẦU", "PHỤ LỤC"),
    ("004", "I. MỤC ĐÍCH, YÊU CẦU", "Phụ lục"),
])
def test_every_body_line_lands_once_in_order(plans, seeds_dir, seed, first, stop):
    lines = [_clean(line) for line in next(seeds_dir.glob(f"{seed}_*.txt")).read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i > start and line.strip() == stop)
    source = re.sub(r"\s+", "", "".join(lines[start:end]))
    assert _body_text_of(plans[seed]) == source


def test_wrapped_lines_are_rejoined(plans):
    # 004 is a PDF conversion: one line per block, wrapped mid-sentence
    items = _section(plans["004"], "I.2").paragraphs
    assert items[1].text.startswith("- Tăng cường kỷ luật, kỷ cương hành chính, đạo đức công vụ; xác định rõ trách nhiệm")
    assert items[1].text.endswith("nhiệm vụ cải cách hành chính của cơ quan, đơn vị.")
    lines = logical_lines(_doc("- Thực hiện tốt việc", "phân cấp quản lý.", "Tiếp tục rà soát."))
    assert [ln.text for ln in lines] == ["- Thực hiện tốt việc phân cấp quản lý.", "Tiếp tục rà soát."]


def test_dotted_numbering_and_duplicates():
    plan = read_body(_doc(
        "I. NHIỆM VỤ", "1. Cải cách thể chế", "1.1. Rà soát văn bản", "a) Văn bản của xã",
        "- Rà soát định kỳ.", "1.2. Kiểm tra văn bản", "- Kiểm tra hằng quý.", "2. Cải cách TTHC",
        "- Công khai TTHC.", "I. TỔ CHỨC THỰC HIỆN", "- Các phòng triển khai.",
    ))
    got = [(s.locator, s.level) for s in plan.sections]
    assert got == [("I", 1), ("I.1", 2), ("I.1.1", 3), ("I.1.1.a", 4), ("I.1.2", 3), ("I.2", 2), ("I (2)", 1)]
    assert _section(plan, "I.1.2").path == ["I. NHIỆM VỤ", "1. Cải cách thể chế", "1.2. Kiểm tra văn bản"]
    assert plan.warnings == ["Số mục trùng lặp trong thân kế hoạch: I"]


def test_pageless_document_without_landmarks():
    plan = read_body(_doc("Một đoạn văn không có đề mục.", "Đoạn thứ hai."))
    assert [(s.locator, s.heading, len(s.paragraphs)) for s in plan.sections] == [("", "Mở đầu", 2)]
    assert plan.metadata.title is None and plan.targets == [] and plan.responsibilities == []
    assert read_body(LoadedDocument("empty.txt", [])).sections == []


def test_annex_without_heading_starts_at_wide_table():
    doc = _doc("KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. NHIỆM VỤ", "1. Cải cách thể chế",
               "- Rà soát văn bản.")
    doc.blocks.append(Block("table", rows=[["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]]))
    doc.blocks.append(Block("paragraph", text="Ghi chú sau bảng"))
    plan = read_body(doc)
    assert [s.locator for s in plan.sections] == ["I", "I.1", "Phụ lục"]
    assert [p.text for p in _section(plan, "Phụ lục").paragraphs] == ["Ghi chú sau bảng"]


@pytest.mark.parametrize("text,kind,label", [
    ("II.  MỘT SỐ CHỈ TIÊU CHỦ YẾU", "roman", "II"),
    ("7. 100% hồ sơ thủ tục hành chính", "arabic", "7"),
    ("1.2. Kiểm tra", "dotted", "1.2"),
    ("đ) Tăng cường", "letter", "đ"),
    ("e, Đài phát thanh", "letter", "e"),
    ("- + Ứng dụng mạnh mẽ", "bullet", "-+"),
    ("Vượt chỉ tiêu thu ngân sách", None, None),
    ("2025. Năm bản lề", None, None),
    ("Điều 1. Ban hành", None, None),
])
def test_parse_marker(text, kind, label):
    m = parse_marker(text)
    assert (m.kind, m.label) == (kind, label) if kind else m is None


# --- docx / pdf give the same tree -----------------------------------------

def _tree(plan: Plan):
    return [(s.locator, s.heading, [p.text for p in s.paragraphs]) for s in plan.sections]


def test_docx_fixture_matches_seed_text(plans, fixtures_dir):
    from ingest.backends.docx import DocxBackend

    docx_plan = read_body(DocxBackend().load(str(fixtures_dir / "001_nam_an_phu_2026.docx")))
    assert _tree(docx_plan) == _tree(plans["001"])
    assert docx_plan.metadata == plans["001"].metadata


def test_pdf_fixture_matches_seed_text_with_pages(plans, fixtures_dir):
    from ingest.backends.pdf import PdfBackend

    pdf_plan = read_body(PdfBackend().load(str(fixtures_dir / "001_nam_an_phu_2026.pdf")))
    assert _tree(pdf_plan) == _tree(plans["001"])
    # pages checked in the PDF: decision p.1, plan title p.2, "3. Cải cách thủ
    # tục hành chính" p.5, "IV. TỔ CHỨC THỰC HIỆN" p.8, "c) Phòng Kinh tế xã" p.9
    pages = {s.locator: s.page for s in pdf_plan.sections}
    assert (pages["Quyết định"], pages[""], pages["II.3"], pages["IV"], pages["IV.2.c"]) == (1, 2, 5, 8, 9)
    assert {p.page for p in _section(pdf_plan, "IV.2.c").paragraphs} == {9}


# --- targets ---------------------------------------------------------------

def test_targets_digitisation_in_002(plans):
    hits = [t for t in plans["002"].targets if "số hóa hồ sơ" in t.text]
    assert [(t.section, t.values) for t in hits] == [("II.2.b", ["100%"])]
    assert hits[0].text == "Thực hiện số hóa hồ sơ TTHC, kết quả TTHC theo quy định, đảm bảo tỷ lệ đạt 100%."


def test_targets_follow_goal_headings(plans):
    t001 = plans["001"].targets
    assert [t.section for t in t001] == ["I.2.a", "I.2.b", "I.2.c", "I.2.d", "I.2.đ", "I.2.e", "I.2.f"]
    assert t001[3].values == ["10%"]
    t003 = plans["003"].targets
    assert {t.section for t in t003} <= {f"II.{i}.a" for i in range(1, 8)}  # "a) Mục tiêu", never "b) Nhiệm vụ"
    assert any(t.section == "II.2.a" and t.values == ["98%", "100%"] for t in t003)
    assert [t.values for t in plans["004"].targets if t.section == "II"] == [[], ["100 %"], [], [], ["100%"], ["90%"]]


def test_percentage_outside_goal_sections_is_a_target():
    plan = read_body(_doc("I. NHIỆM VỤ", "1. Chuyển đổi số", "- Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.",
                          "- Duy trì Cổng thông tin."))
    assert [(t.text, t.section, t.values) for t in plan.targets] == [
        ("Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.", "I.1", ["80%"])]


def test_figures():
    assert figures("đạt tối thiểu 97%, tăng ít nhất 02 nhóm, năm 2025, ngày 15/7/2021") == ["97%", "02"]


# --- responsibilities ------------------------------------------------------

def test_responsibilities_001(plans):
    units = {r.unit: r for r in plans["001"].responsibilities}
    assert list(units) == [
        "Phòng Văn hóa - Xã hội", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        "Phòng Kinh tế xã", "Trung tâm Phục vụ Hành chính công xã", "Trung tâm Dịch vụ Sự nghiệp công xã",
    ]
    vhxh = units["Phòng Văn hóa - Xã hội"]
    assert vhxh.section == "IV.2.a" and len(vhxh.duties) == 6
    assert vhxh.duties[0].startswith("Tham mưu Ủy ban nhân dân xã hướng dẫn, đôn đốc")
    assert units["Phòng Kinh tế xã"].duties[2] == (
        "Theo dõi, tổng hợp và kiểm tra việc sử dụng kinh phí cải cách hành chính của các cơ quan, đơn vị.")


def test_responsibilities_003_and_002(plans):
    units = {r.unit: r for r in plans["003"].responsibilities}
    assert units["Công chức Văn phòng-thống kê xã"].section == "V.1"
    assert len(units["Công chức Văn phòng-thống kê xã"].duties) == 7  # a) … g)
    assert units["Công chức Tư pháp – hộ tịch"].duties[0] == "Theo dõi, tổng hợp việc triển khai nội dung cải cách thể chế."
    assert "Trạm Y tế xã" in units
    units2 = {r.unit: r for r in plans["002"].responsibilities}
    assert len(units2["Phòng Văn hóa - Xã hội"].duties) == 16  # a) … p)
    assert not any(u.startswith(("Trách nhiệm", "Phân công", "Đề nghị")) for p in plans.values()
                   for u in (r.unit for r in p.responsibilities))


def test_inline_units_in_organisation_section():
    plan = read_body(_doc(
        "III. TỔ CHỨC THỰC HIỆN", "1. Phân công nhiệm vụ",
        "- Phòng Nội vụ: Chủ trì, theo dõi việc triển khai Kế hoạch.", "+ Tổng hợp báo cáo quý.",
        "+ Tham mưu khen thưởng.",
        "- Thủ trưởng các cơ quan chỉ đạo thực hiện các nội dung: báo cáo định kỳ.",
        "a) Văn phòng HĐND và UBND: Kiểm soát thủ tục hành chính.",
        "b) Trung tâm Phục vụ hành chính công:", "- Tiếp nhận hồ sơ.",
    ))
    got = [(r.unit, r.duties, r.section) for r in plan.responsibilities]
    assert got == [
        ("Phòng Nội vụ", ["Chủ trì, theo dõi việc triển khai Kế hoạch.", "Tổng hợp báo cáo quý.",
                          "Tham mưu khen thưởng."], "III.1"),
        ("Văn phòng HĐND và UBND", ["Kiểm soát thủ tục hành chính."], "III.1.a"),
        ("Trung tâm Phục vụ hành chính công", ["Tiếp nhận hồ sơ."], "III.1.b"),
    ]


def test_lowercase_subjects_stay_apart_from_capital_titles():
    plan = read_body(_doc(
        "QUYẾT ĐỊNH", "về việc ban hành kế hoạch cải cách hành chính năm 2025",
        "Căn cứ Luật Tổ chức chính quyền địa phương;", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
        "KẾ HOẠCH", "cải cách hành chính năm 2025", "I. MỤC ĐÍCH",
    ))
    cover = _section(plan, "Quyết định")
    assert cover.heading == "QUYẾT ĐỊNH về việc ban hành kế hoạch cải cách hành chính năm 2025"
    assert plan.title == "Kế hoạch cải cách hành chính năm 2025"
