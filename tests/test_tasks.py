"""Annex task tables of the seed plans, field by field, and across renderings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from tests.paths import DOCX_FIXTURE, PDF_FIXTURE

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


@pytest.fixture(scope="module")
def plans():
    return {p.name[:3]: parse_file(p) for p in sorted(CORPUS.glob("*.txt"))}


def numbered(plan):
    return [t.number for t in plan.tasks if t.number]


def task(plan, number, section_prefix=None):
    found = [
        t for t in plan.tasks
        if t.number == number and (section_prefix is None or (t.section or "").startswith(section_prefix))
    ]
    assert len(found) == 1, f"task {number} ({section_prefix}) found {len(found)} times"
    return found[0]


def subrows(plan, number):
    return [t for t in plan.tasks if t.part_of == number and not t.number]


@pytest.mark.parametrize("prefix,count", [("001", 35), ("002", 31), ("004", 42)])
def test_numbered_tasks_are_exactly_the_plans(plans, prefix, count):
    assert numbered(plans[prefix]) == [str(i) for i in range(1, count + 1)]


def test_plan_without_annex_has_no_tasks(plans):
    assert plans["000"].tasks == []


def test_003_numbers_restart_per_section(plans):
    by_section: dict[str, list[str]] = {}
    for t in plans["003"].tasks:
        if t.number:
            by_section.setdefault((t.section or "").split(".")[0], []).append(t.number)
    assert by_section["I"] == ["1", "2", "3"]
    assert by_section["II"][:4] == ["1.1", "1.2", "2.1", "2.2"]
    assert {"2.3", "2.4", "3.1", "3.5", "4.1"} <= set(by_section["II"])
    assert by_section["III"] == ["1", "2", "3", "4"]
    assert by_section["IV"] == ["1", "2", "3", "4"]
    assert by_section["V"] == ["1", "2"]
    assert by_section["VI"] == ["1.1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"]
    assert by_section["VII"][:3] == ["1", "2", "3"]


def test_001_row_cut_across_page_break_is_joined(plans):
    t = task(plans["001"], "26")
    assert t.content.endswith("thông qua công việc, sản phẩm cụ thể.")
    assert "minh bach, lượng hóa" in t.content
    assert t.lead == "Phòng Văn hóa – Xã hội xã"
    t28 = task(plans["001"], "28")
    assert t28.coordinating.endswith("hội đang quản lý, sử dụng tài sản công")
    assert t28.deadline == "Tháng 01/2026 đến tháng 5/2026"
    assert (t28.due.start, t28.due.end) == ("2026-01-01", "2026-05-31")


def test_001_parent_task_with_subrows(plans):
    plan = plans["001"]
    t = task(plan, "24")
    assert t.content == "Tổ chức sắp xếp, kiện toàn các cơ quan trong bộ máy hành chính nhà nước"
    assert t.lead is None and t.deadline is None
    subs = subrows(plan, "24")
    assert len(subs) == 2
    assert subs[0].content.startswith("- Tiếp tục triển khai rà soát, sắp xếp, tinh gọn")
    assert subs[0].deadline == (
        "Theo hướng dẫn của Trung ương và Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố"
    )
    assert subs[1].deadline == "Cả năm 2026"
    assert all(s.section.startswith("IV.") for s in subs)


def test_001_fields_and_sections(plans):
    plan = plans["001"]
    t5 = task(plan, "5")
    assert t5.lead == "Sở Nội vụ/Sở Y tế/Sở GD&ĐT"
    assert t5.coordinating == "Phòng Văn hóa - Xã hội"
    t17 = task(plan, "17")
    assert t17.section.startswith("III.")
    assert t17.lead == "Trung tâm Phục vụ hành chính công"
    assert t17.deadline == "Quý I năm 2026"
    assert t17.product == "Kế hoạch"
    t8 = task(plan, "8")
    assert t8.deadline == "Tháng 11" and t8.due.start == "2026-11-01"


def test_002_empty_cells_stay_null(plans):
    plan = plans["002"]
    t26 = task(plan, "26")
    assert t26.coordinating is None
    assert t26.lead == "Phòng Văn hóa - Xã hội" and t26.deadline == "Hàng năm"
    assert t26.due.recurrence == "annual"
    t2 = task(plan, "2")
    assert t2.deadline == "Ban hành kế hoạch: Quý I/2026. Thực hiện: Trong năm 2026 và giai đoạn 2026 - 2030"
    t22 = task(plan, "22")
    assert (t22.lead, t22.product, t22.deadline) == ("Phòng Kinh tế", "Báo cáo", "Quý I hàng năm")


def test_004_flattened_cells(plans):
    plan = plans["004"]
    t4 = task(plan, "4")
    assert t4.content == "Thực hiện đo lường mức độ hài lòng của người dân đối với dịch vụ y tế công"
    assert t4.lead == "Phòng Văn hóa – Xã hội"
    assert t4.coordinating == (
        "Các phòng, ban, đơn vị có liên quan; các đơn vị sự nghiệp công lập trong lĩnh vực y tế"
    )
    assert t4.deadline == "Theo thời gian đánh giá hàng năm của Bộ Y tế"
    assert t4.product == "Báo cáo kết quả điều tra, khảo sát"
    t3 = task(plan, "3")
    assert t3.deadline == "Quý III, IV/2025"
    assert (t3.due.start, t3.due.end) == ("2025-07-01", "2025-12-31")
    subs = subrows(plan, "6")
    assert [s.lead for s in subs] == ["Phòng Văn hóa – Xã hội", "Các phòng, ban, ngành"]
    assert subs[1].coordinating == "Cơ quan, đơn vị thuộc và trực thuộc phòng, ban, ngành"
    t10 = task(plan, "10")
    assert t10.section.startswith("II.")
    assert t10.lead == "Văn phòng HĐND và UBND"


def test_003_subrow_and_shifted_group_row(plans):
    plan = plans["003"]
    subs = subrows(plan, "2.1")
    assert subs and subs[0].content.startswith("Dám bảo cơ sở vật chất")
    t41 = task(plan, "4.1", "II")
    assert t41.lead == "Văn phòng UBND xã"
    # the group row "III" also carried a sub-row of 4.1: it stays in section II
    tail = [s for s in subrows(plan, "4.1") if s.content and s.content.startswith("Công khai kết quả giải quyết PAKN")]
    assert tail and tail[0].section.startswith("II.")


RENDERINGS = ["001_nam_an_phu_2026.docx", "001_nam_an_phu_2026.pdf"]


@pytest.mark.parametrize("name", RENDERINGS)
def test_renderings_of_001_agree(plans, name):
    text_plan = plans["001"]
    other = parse_file(DOCX_FIXTURE if name.endswith(".docx") else PDF_FIXTURE)

    def key(plan):
        return [(t.number, t.part_of, t.lead, t.deadline) for t in plan.tasks]

    assert key(other) == key(text_plan)
