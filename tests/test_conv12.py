"""Similar-row follow-ups (helper conv12) on the seed plans in ``corpus/``.
Phrasings written for these tests, not taken from a set.

Read from the seed texts: Trường Xuân's row 22 reports on "giải ngân kế hoạch
đầu tư vốn ngân sách nhà nước"; Việt Khê's row 37 is "Thực hiện giải ngân kế
hoạch đầu tư công thành phố đạt tối thiểu 95% …" and its row 34 speaks of "vốn
nhà nước tại doanh nghiệp"; Lộc Hòa numbers its annex rows afresh per section,
its row III.4 is "Ban hành, tổ chức thực hiện các QPPL về phân cấp quản lý";
Nam An Phụ's row 25 is "Thực hiện các quy định về phân cấp quản lý …".
"""

from __future__ import annotations

from retrieval.answering.similar import subject_pairs
from tests.test_answer import talk


def _first_row(answer) -> str:
    return next(c.locator for c in answer.citations)


def test_subject_words_the_follow_up_adds_pick_the_target_row(answerer):
    *_, last = talk(answerer, "Trường Xuân nhiệm vụ 22 hạn khi nào?",
                    "bên VK có nhiệm vụ tương tự không, cái giải ngân đầu tư đó")
    assert not last.abstained
    assert _first_row(last) == "nhiệm vụ 37"
    assert "95%" in last.text


def test_row_nearest_in_meaning_leads_when_its_words_agree(answerer, monkeypatch):
    vk = next(p for p in answerer.tasks.plans.values() if p.doc.startswith("004"))
    row37 = next(t for t in vk.tasks if t.number == "37")
    monkeypatch.setattr(answerer, "_nearest_row", lambda plan, task, target: row37 if target == vk.doc else None)
    *_, last = talk(answerer, "Trường Xuân nhiệm vụ 22 hạn khi nào?", "Việt Khê thì có việc tương tự không?")
    assert _first_row(last) == "nhiệm vụ 37"


def test_subject_words_pick_the_source_row_and_the_target_row(answerer):
    *_, last = talk(answerer, "Lộc Hòa mục III có những nhiệm vụ gì?",
                    "Nam An Phụ có việc phân cấp tương tự không?")
    assert not last.abstained
    assert _first_row(last) == "nhiệm vụ 25"
    assert "phân cấp quản lý" in last.text


def test_subject_pairs_keep_only_rare_pairs_the_source_writes(answerer):
    plans = answerer.tasks.plans
    names = answerer.tasks.catalog.name_words
    rows = [t for p in plans.values() for t in p.tasks]
    tx = next(p for p in plans.values() if p.doc.startswith("002"))
    source = [(tx, next(t for t in tx.tasks if t.number == "22"))]
    assert "giai ngan" in subject_pairs("có nhiệm vụ tương tự về giải ngân không", source, rows, names)
    assert subject_pairs("có nhiệm vụ tương tự không", source, rows, names) == set()


def test_similar_row_asked_without_a_field_is_shown_whole(answerer):
    *_, last = talk(answerer, "Lộc Hòa mục III dòng 4 ai phối hợp?", "Nam An Phụ có việc phân cấp tương tự không?")
    assert "Quyết định/Nghị quyết về phân cấp" in last.text  # the product, not only the field asked before
    assert "Cả năm 2026" in last.text


def test_next_row_with_the_carried_field_blank_is_given_whole(answerer):
    """Trường Xuân's rows 27 and 28 leave Cơ quan phối hợp blank."""
    _, asked, carried = talk(answerer, "Trường Xuân nhiệm vụ 27 là gì?", "ai phối hợp nhiệm vụ đó?", "thế còn nv 28?")
    assert asked.abstained  # the field asked itself, blank: said, not answered
    assert not carried.abstained
    assert "kiểm tra công vụ" in carried.text and "Hàng năm" in carried.text
    assert "ô để trống" in carried.text
