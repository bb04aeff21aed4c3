"""Annex rows whose cells a text conversion shifted, cut or printed apart.

Read from the Lộc Hòa seed (``corpus/003_*.txt``, columns STT | Mục tiêu |
Nhiệm vụ/Hoạt động | Kết quả/Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian hoàn thành):

* the sub-row under I.3 "Công khai kịp thời văn bản pháp luật trên trang
  thông tin điện tử" lost its empty objective cell: its product is "Văn bản
  pháp luật được công khai", its lead "Tư pháp – Hộ tịch (…)";
* V.1 has one body cell ("Rà soát ban hành các văn bản QPPL, …"), no target:
  it is the task's content;
* V.2 and its sub-row leave "Thời gian" empty; "Thường xuyên" is printed on a
  line of its own below them (a merged cell);
* the sub-row under IV.2's product "… đáp ứng tiêu chuẩn" / "chuẩn ngạch, …"
  repeats the cut word.

Phrasings written for these tests.
"""

from __future__ import annotations

import pytest

from ingest.pipeline import parse_file
from ingest.realign import realign_shifted_row
from ingest.tables import TableLayout, _joined
from tests.paths import CORPUS
from tests.test_answer import talk


@pytest.fixture(scope="module")
def loc_hoa():
    path = next(CORPUS.glob("003_*.txt"))
    return parse_file(str(path))


def _section(plan, numeral: str):
    return [t for t in plan.tasks if (t.section or "").startswith(f"{numeral}.")]


def _row(plan, numeral: str, number: str):
    return next(t for t in _section(plan, numeral) if t.number == number)


def test_a_sub_row_that_lost_its_objective_cell_keeps_product_and_units_in_place(loc_hoa):
    row = next(t for t in loc_hoa.tasks if (t.content or "").startswith("Công khai kịp thời văn bản pháp luật"))
    assert row.part_of == "3" and row.objective is None
    assert row.product == "Văn bản pháp luật được công khai"
    assert row.lead and row.lead.startswith("Tư pháp – Hộ tịch")
    assert row.coordinating == "Các bộ phận có liên quan"
    assert row.deadline == "Thường xuyên"


def test_a_sub_row_shifted_left_under_a_database_task(loc_hoa):
    row = next(t for t in loc_hoa.tasks if (t.content or "").startswith("Vận hành có hiệu quả lưu trữ hồ sơ TTHC"))
    assert (row.product, row.lead, row.coordinating) == (
        "Trang thông tin điện tử xã", "Văn phòng UBND xã", "Các bộ phận có liên quan")


def test_a_lone_body_cell_without_a_target_is_the_content(loc_hoa):
    row = _row(loc_hoa, "V", "1")
    assert row.content and row.content.startswith("Rà soát ban hành các văn bản QPPL")
    assert row.objective is None
    assert (row.lead, row.deadline) == ("Tài chính - Kế toán xã", "Thường xuyên")


def test_a_deadline_printed_below_a_task_and_its_sub_row_applies_to_both(loc_hoa):
    task = _row(loc_hoa, "V", "2")
    subs = [t for t in _section(loc_hoa, "V") if t.part_of == "2"]
    assert task.deadline == "Thường xuyên" and task.due is not None
    assert subs and all(t.deadline == "Thường xuyên" for t in subs)


def test_cut_words_printed_on_both_sides_are_kept_once(loc_hoa):
    product = next(t.product for t in loc_hoa.tasks if (t.content or "").startswith("Rà soát, cử CCVC"))
    assert product == "Công chức được bồi dưỡng đáp ứng tiêu chuẩn ngạch, chức danh nghề nghiệp"
    objective = next(t.objective for t in _section(loc_hoa, "V") if t.number is None)
    assert objective and "kiểm toán kiểm toán" not in objective and objective.endswith("về tài chính ngân sách")


def test_joining_without_a_repeat_keeps_every_word():
    assert _joined("Hoàn thiện hệ thống văn bản về", "tổ chức bộ máy") == "Hoàn thiện hệ thống văn bản về tổ chức bộ máy"
    assert _joined("báo cáo kết quả", "kết quả") == "báo cáo kết quả"


_LAYOUT = TableLayout(
    roles={"number": 0, "objective": 1, "content": 2, "product": 3, "lead": 4, "coordinating": 5, "deadline": 6},
    extra={}, header_keys=[], width=7,
)


def test_a_row_that_fits_as_found_is_not_moved():
    # a task whose content opens with a unit-like word ("Tổ chức …") stays in the content column
    row = ["", "", "Tổ chức hội nghị tập huấn cho công chức", "Hội nghị", "Văn phòng UBND xã", "", "Quý II/2026"]
    assert realign_shifted_row(row, _LAYOUT, numbered=False) == row


def test_a_row_continuing_a_cut_cell_is_not_moved():
    row = ["", "tiếp nhận hồ sơ tại Bộ phận một cửa", "Văn phòng UBND xã", "", "", "", ""]
    assert realign_shifted_row(row, _LAYOUT, numbered=False) == row


def test_a_shifted_sub_row_is_put_back():
    row = ["", "Cập nhật dữ liệu dân cư trên hệ thống", "Báo cáo tháng", "Công an xã", "Văn phòng UBND xã", "", ""]
    assert realign_shifted_row(row, _LAYOUT, numbered=False) == [
        "", "", "Cập nhật dữ liệu dân cư trên hệ thống", "Báo cáo tháng", "Công an xã", "Văn phòng UBND xã", ""]


def test_the_answer_on_the_finance_task_gives_its_deadline(answerer):
    (answer,) = talk(answerer, "Lộc Hòa mục V.2 hoàn thành vào lúc nào?")
    assert not answer.abstained
    assert "Thời gian hoàn thành: Thường xuyên" in answer.text


def test_an_objective_cut_by_the_page_goes_back_to_its_task(loc_hoa):
    task = _row(loc_hoa, "II", "3.4")
    assert task.objective and task.objective.endswith("dữ liệu số hóa đạt từ 30% trở lên.")
    assert "các cấp TTHC đạt từ 70% trở lên" in task.objective
    sub = next(t for t in loc_hoa.tasks if (t.content or "").startswith("Hỗ trợ hướng dẫn quy trình số hóa"))
    assert sub.part_of == "3.4" and sub.objective is None and sub.deadline == "Thường xuyên"
