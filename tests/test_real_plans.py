"""Real plans of issuers the seeds do not cover, scored against their gold rows.

The files and gold rows are in ``tests/data/real/`` (public documents; see the
README there); the scorer is ``eval.parse_score``. Thresholds are the
issue's: at least 95 % of the gold rows found and 95 % fully right.
"""

from __future__ import annotations

import pytest

from eval.parse_score import load_gold, score
from ingest.pipeline import parse_file
from tests.paths import DATA

REAL = DATA / "real"

CASES = [
    ("tinh-lam-dong-ubnd-2026-ke-hoach-cchc.docx", "ld-cchc-2026.jsonl"),
    ("tinh-lam-dong-ubnd-2026-ke-hoach-cchc.pdf", "ld-cchc-2026.jsonl"),
    ("bo-nnmt-2026-qd2200-ke-hoach-trien-khai-nd180-cac-bon-rung.txt", "bnnmt-qd2200-2026.jsonl"),
    ("tinh-lao-cai-ubnd-2026-ke-hoach-chi-thi-11-khoang-san.docx", "lc-ct11-2026.jsonl"),
]


@pytest.fixture(scope="module")
def plans():
    return {}


def _plan(plans, name):
    if name not in plans:
        plans[name] = parse_file(REAL / name)
    return plans[name]


@pytest.mark.parametrize(("name", "gold"), CASES, ids=[c[0].rsplit("-", 1)[-1] + ":" + c[1] for c in CASES])
def test_rows_found_and_right(plans, name, gold):
    report: list[str] = []
    figures = score(load_gold(REAL / gold), [t.to_dict() for t in _plan(plans, name).tasks], report)
    assert figures["row_recall"] >= 0.95, report
    assert figures["rows_fully_right"] >= 0.95, report
    assert figures["row_precision"] >= 0.95, report


def test_spanning_cell_read_for_both_columns_with_warning(plans):
    plan = _plan(plans, "tinh-lam-dong-ubnd-2026-ke-hoach-cchc.docx")
    spanned = [t for t in plan.tasks if t.lead and t.lead.startswith("Theo phân công")]
    assert spanned and all(t.coordinating == t.lead for t in spanned)
    assert sum("ô gộp nhiều cột" in w for w in plan.warnings) == len(spanned)


METADATA = {
    "tinh-lam-dong-ubnd-2026-ke-hoach-cchc.docx": {
        "title": "Kế hoạch Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng",
        "issuing_body": "Ủy ban nhân dân tỉnh Lâm Đồng", "parent_body": None, "level": "tỉnh",
        "decision_number": None, "date": None, "signer": "Nguyễn Ngọc Phúc", "years": (2026, 2026)},
    "bo-nnmt-2026-qd2200-ke-hoach-trien-khai-nd180-cac-bon-rung.txt": {
        "title": "Kế hoạch TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP NGÀY 21 THÁNG 5 NĂM 2026 CỦA CHÍNH PHỦ "
              "QUY ĐỊNH VỀ DỊCH VỤ HẤP THỤ VÀ LƯU GIỮ CÁC-BON CỦA RỪNG",
        "issuing_body": "Bộ Nông nghiệp và Môi trường", "parent_body": None, "level": "bộ",
        "decision_number": "2200/QĐ-BNNMT", "date": "2026-06-10", "signer": "Nguyễn Quốc Trị", "years": (2026, 2026)},
    "tinh-lao-cai-ubnd-2026-ke-hoach-chi-thi-11-khoang-san.docx": {
        "title": "Kế hoạch Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về "
              "tăng cường sự lãnh đạo của Đảng đối với công tác quản lý nhà nước về khoáng sản trên địa bàn "
              "tỉnh Lào Cai",
        "issuing_body": "Ủy ban nhân dân tỉnh Lào Cai", "parent_body": None, "level": "tỉnh",
        "decision_number": None, "date": None, "signer": "Nguyễn Thành Sinh", "years": (2026, 2026)},
    "so-cong-thuong-lao-cai-2026-ke-hoach-de-an-08-cong-nghiep.docx": {
        "title": "Kế hoạch Thực hiện Đề án số 08 về phát triển công nghiệp tỉnh Lào Cai theo hướng xanh, hiện đại "
              "giai đoạn 2026-2030",
        "issuing_body": "Sở Công Thương tỉnh Lào Cai", "parent_body": "Ủy ban nhân dân tỉnh Lào Cai", "level": "sở",
        # "Lào Cai, ngày   tháng 4 năm 2026": no day, and the note's 29/12/2025 is the cited resolution's
        "decision_number": None, "date": None, "signer": "Trịnh Văn Thành", "years": (2026, 2030)},
}


# the PDF rendering reads as its Word file: letterhead and motto on one line, the
# signer after the recipients list it is printed beside
METADATA["tinh-lam-dong-ubnd-2026-ke-hoach-cchc.pdf"] = METADATA["tinh-lam-dong-ubnd-2026-ke-hoach-cchc.docx"]


@pytest.mark.parametrize("name", sorted(METADATA))
def test_metadata(plans, name):
    meta = _plan(plans, name).metadata
    expected = dict(METADATA[name])
    years = expected.pop("years")
    got = {key: getattr(meta, key) for key in expected}
    assert got == expected
    assert (meta.period.start_year, meta.period.end_year) == years


def test_tasks_assigned_in_prose(plans):
    plan = _plan(plans, "so-cong-thuong-lao-cai-2026-ke-hoach-de-an-08-cong-nghiep.docx")
    heads = [t for t in plan.tasks if t.number]
    assert [t.number for t in heads] == ["1", "2", "3", "4", "5"]
    first = heads[0]
    assert first.section == "III. NHIỆM VỤ TRỌNG TÂM"
    assert first.content.startswith("Tái cơ cấu ngành công nghiệp theo chiều sâu")
    assert (first.lead, first.coordinating) == (
        "Phòng Quản lý Công nghiệp", "Phòng Quản lý Năng lượng, Phòng Quản lý Thương mại")
    assert first.extra == {"Lãnh đạo phụ trách": "Phó giám đốc Hoàng Văn Thuân, Phó giám đốc Nguyễn Đình Chiến"}
    assert heads[4].lead == "Văn phòng Sở"
    subs = [t for t in plan.tasks if t.part_of == "1"]
    assert len(subs) == 6 and all(t.lead == first.lead for t in subs)
    assert subs[0].content.startswith("Tham mưu UBND tỉnh xây dựng chính sách")
