"""Query understanding on many phrasings, with and without diacritics.

The catalog holds the real Nam An Phụ plan (the Word fixture, parsed) and
two plans the tests build for communes invented here ("Hòa Bình Đông",
2025, and "Tân Lập", 2026 - 2030), so nothing depends on the seeds'
particular names.
"""

from __future__ import annotations

import pytest

from ingest.model import Due, Metadata, Period, Plan, Task
from ingest.pipeline import parse_file
from retrieval.query import (
    PlanCatalog,
    canon,
    parse_query,
    place_name,
    section_words,
    split_units,
    unit_key,
    unit_matches,
)
from retrieval.question.followup import follow_up

NAP = "001_nam_an_phu_2026.docx"
HBD = "hoa_binh_dong_2025.txt"
TL = "tan_lap_2026_2030.txt"


def _task(doc, number, section, lead, deadline, due):
    return Task(doc=doc, number=number, section=section, content=f"Nội dung {number}",
                lead=lead, coordinating="Các cơ quan liên quan", deadline=deadline, due=due,
                product="Báo cáo")


def built_plans() -> list[Plan]:
    """Two small plans of other communes, with other wording."""
    hbd = Plan(doc=HBD, title=None, metadata=Metadata(
        title="KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH PHƯỜNG HÒA BÌNH ĐÔNG NĂM 2025",
        unit_name=None, period=Period("năm 2025", 2025, 2025)))
    hbd.tasks = [
        _task(HBD, "1", "I. CẢI CÁCH THỂ CHẾ", "Công chức Tư pháp - Hộ tịch", "Quý II/2025",
              Due("2025-04-01", "2025-06-30", "once")),
        _task(HBD, "2", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Bộ phận Một cửa", "Thường xuyên",
              Due(None, None, "regular")),
    ]
    tl = Plan(doc=TL, title="Kế hoạch cải cách hành chính xã Tân Lập giai đoạn 2026 - 2030",
              metadata=Metadata(title="Kế hoạch cải cách hành chính xã Tân Lập giai đoạn 2026 - 2030",
                                unit_name="Xã Tân Lập", period=Period("giai đoạn 2026 - 2030", 2026, 2030)))
    tl.tasks = [
        _task(TL, "22", "V. CẢI CÁCH TÀI CHÍNH CÔNG", "Phòng Kinh tế", "Quý I hàng năm",
              Due("2026-01-01", "2026-03-31", "annual")),
    ]
    return [hbd, tl]


@pytest.fixture(scope="module")
def catalog(fixtures_dir) -> PlanCatalog:
    nap = parse_file(fixtures_dir / "001_nam_an_phu_2026.docx")
    return PlanCatalog.from_plans([nap] + built_plans())


# ---------------------------------------------------------------- normalisation

def test_canon_expands_abbreviations_and_unifies_spelling():
    assert canon("Phòng VH-XH") == canon("Phòng Văn hoá – Xã hội") == "phong van hoa xa hoi"
    assert canon("VP HĐND&UBND") == "van phong hoi dong nhan dan va uy ban nhan dan"
    assert canon("cải cách TTHC") == "cai cach thu tuc hanh chinh"
    assert canon("mục 2.3, ngày 15/01/2026") == "muc 2.3 ngay 15/01/2026"


def test_unit_keys_and_cells():
    assert unit_key("Phòng Văn hóa – Xã hội xã") == unit_key("Phòng Văn hoá- Xã hội")
    assert split_units("Sở Nội vụ/Sở Y tế/Sở GD&ĐT") == ["Sở Nội vụ", "Sở Y tế", "Sở GD&ĐT"]
    assert split_units("Văn phòng UBND xã; Các bộ phận có liên quan") == [
        "Văn phòng UBND xã", "Các bộ phận có liên quan"]
    assert unit_matches("phong kinh te", "Phòng Kinh tế xã")
    assert not unit_matches("phong kinh te", "Phòng Văn hóa – Xã hội")


def test_section_words_ignore_numbering_and_generic_words():
    assert section_words("III. Cải cách thủ tục hành chính") == section_words(
        "II. CẢI CẢI THỦ TỤC HÀNH CHÍNH") == frozenset({"thu", "tuc", "hanh", "chinh"})


def test_place_names_from_metadata_or_title(fixtures_dir):
    hbd, tl = built_plans()
    assert place_name(hbd) == "Hòa Bình Đông"
    assert place_name(tl) == "Tân Lập"


# ---------------------------------------------------------------- catalog

def test_catalog_aliases(catalog):
    nap = catalog.by_doc[NAP]
    assert nap.name == "Nam An Phụ" and nap.period == "năm 2026"
    assert {"nam an phu", "namanphu", "nap"} <= nap.aliases
    assert "hbd" in catalog.by_doc[HBD].aliases
    assert {u.key for u in catalog.units} >= {"phong kinh te", "phong van hoa xa hoi",
                                              "trung tam phuc vu hanh chinh cong"}


# ---------------------------------------------------------------- task references

@pytest.mark.parametrize("text, refs", [
    ("Nam An Phụ nhiệm vụ 22 ai chủ trì?", ["22"]),
    ("nv 22 NAP ai chu tri", ["22"]),
    ("NAP NV22 thời hạn", ["22"]),
    ("task 22 của Nam An Phụ", ["22"]),
    ("nam an phu nhiem vu 22 la gi", ["22"]),
    ("Nam An Phụ nhiệm vụ số 5 do ai chủ trì", ["5"]),
    ("Nam An Phụ mục 2.3 ai chủ trì", ["2.3"]),
    ("dòng 2.3 của Tân Lập ai phối hợp", ["2.3"]),
    ("NAP nv 22 và 23 ai chủ trì", ["22", "23"]),
    ("NAP nv 22, 23 khi nào xong", ["22", "23"]),
    ("Tân Lập chỉ tiêu 2.4 hạn khi nào", ["2.4"]),
    ("tan lap 4.1 ai chu tri", ["4.1"]),
])
def test_task_refs(catalog, text, refs):
    q = parse_query(text, catalog)
    assert q.task_refs == refs
    assert q.intent == "task"


def test_numbers_that_are_not_task_refs(catalog):
    assert parse_query("NAP chỉ tiêu 80% là gì", catalog).task_refs == []
    assert parse_query("nhiệm vụ năm 2026 của NAP", catalog).task_refs == []
    # a dotted number alone counts only when a field is asked
    assert parse_query("Nam An Phụ 2.5 triệu dân", catalog).task_refs == []


# ---------------------------------------------------------------- plan references

@pytest.mark.parametrize("text", [
    "Nam An Phụ nv 3 ai chủ trì", "nam an phu nv 3 ai chu tri", "NAP nv 3", "nap nv 3",
    "xã Nam An Phụ, nhiệm vụ 3", "KH namanphu nv 3", "Nam An Phụ 2026: nhiệm vụ 3",
])
def test_plan_named(catalog, text):
    q = parse_query(text, catalog)
    assert q.plans == [NAP] and q.plan_named


def test_initials_are_not_ordinary_words(catalog):
    # "nạp" (to load) is written with diacritics: not the initials NAP
    assert parse_query("Cách nạp báo cáo quý?", catalog).plans == []


def test_plan_by_year_or_period(catalog):
    assert parse_query("kế hoạch 2026 có nhiệm vụ 22 không, ai chủ trì", catalog).plans == [NAP, TL]
    assert parse_query("KH giai đoạn 2026-2030 nv 22 ai chủ trì", catalog).plans == [TL]
    assert parse_query("KH 2025 nv 1 ai chủ trì", catalog).plans == [HBD]


def test_place_not_loaded_or_year_not_covered(catalog):
    q = parse_query("Xã Hòa Bình Tây nhiệm vụ 3 do ai chủ trì?", catalog)
    assert q.plan_named and q.plans == [] and q.unknown_place == "Hòa Bình Tây"
    q = parse_query("KH CCHC Nam An Phụ năm 2025 có bao nhiêu nhiệm vụ?", catalog)
    assert q.plan_named and q.plans == []
    q = parse_query("Hòa Bình Đông năm 2025 nv 1 ai chủ trì", catalog)
    assert q.plans == [HBD]


# ---------------------------------------------------------------- fields

@pytest.mark.parametrize("text, fields", [
    ("NAP nv 17 ai chủ trì?", ["lead"]),
    ("NAP nv 17 đơn vị nào thực hiện", ["lead"]),
    ("NAP nv 17 co quan nao lam", ["lead"]),
    ("NAP nv 17 ai phối hợp?", ["coordinating"]),
    ("NAP nv 17 đơn vị phối hợp là ai", ["coordinating"]),
    ("NAP nv 17 ai chủ trì, ai phối hợp", ["lead", "coordinating"]),
    ("NAP nv 17 khi nào xong", ["deadline"]),
    ("nap nv 17 thoi han", ["deadline"]),
    ("NAP nv 17 bao giờ hoàn thành", ["deadline"]),
    ("NAP nv 17 hạn chót ngày nào", ["deadline"]),
    ("NAP nv 17 sản phẩm là gì", ["product"]),
    ("NAP nv 17 kết quả đầu ra", ["product"]),
    ("NAP nv 17 nội dung là gì", ["content"]),
    ("NAP nhiệm vụ 17 là gì?", ["content"]),
    ("TX nv 22 san pham la gi, ai lam?", ["lead", "product"]),
])
def test_fields(catalog, text, fields):
    assert parse_query(text, catalog).fields == fields


# ---------------------------------------------------------------- filters and counts

def test_unit_filters(catalog):
    for text in ("NAP: Phòng Kinh tế xã chủ trì những nhiệm vụ nào?",
                 "nap phong kinh te chu tri nv nao", "NAP phòng KT chủ trì những việc gì"):
        q = parse_query(text, catalog)
        assert q.intent == "filter" and q.unit == "phong kinh te", text
    q = parse_query("Phòng VH-XH chủ trì những nhiệm vụ nào ở NAP?", catalog)
    assert q.unit == "phong van hoa xa hoi"
    q = parse_query("VP HĐND và UBND chủ trì bao nhiêu nhiệm vụ ở Nam An Phụ", catalog)
    assert q.intent == "count" and q.unit == "van phong hoi dong nhan dan va uy ban nhan dan"


@pytest.mark.parametrize("text, period", [
    ("NAP nhiệm vụ nào hoàn thành trong quý I/2026?", "2026-Q1"),
    ("nap nv nao han quy 1 2026", "2026-Q1"),
    ("Nam An Phụ: những nhiệm vụ nào có thời gian ghi là Quý I?", "*-Q1"),
    ("những nhiệm vụ nào hạn trong tháng 10/2026 ở NAP", "2026-10"),
    ("Nam An Phụ: nhiệm vụ nào có thời hạn rơi vào tháng 10?", "*-10"),
    ("NAP có những nhiệm vụ nào hoàn thành trong năm 2026", "2026"),
])
def test_period_filters(catalog, text, period):
    q = parse_query(text, catalog)
    assert q.intent == "filter" and q.period == period and not q.negate


def test_deadline_text_negation_and_exactness(catalog):
    q = parse_query("nap nhung nv nao thoi gian thuong xuyen", catalog)
    assert q.regular and not q.negate and q.intent == "filter"
    q = parse_query("NAP mục cải cách TTHC có nv nào không phải thường xuyên", catalog)
    assert q.regular and q.negate and q.section == "cai cach thu tuc hanh chinh"
    q = parse_query('NAP mục Cải cách thể chế: nhiệm vụ nào không có thời gian "Cả năm 2026"?', catalog)
    assert q.deadline_text == "Cả năm 2026" and q.negate and q.section == "cai cach the che"
    q = parse_query("nhiệm vụ nào có thời hạn chỉ ghi Quý IV/2026 (không kèm Quý III) ở NAP", catalog)
    assert q.period == "2026-Q4" and q.period_exact and not q.negate
    q = parse_query("nam an phu nv nao hoan thanh ca nam 2026", catalog)
    assert q.period == "2026" and q.period_exact


def test_section_filters(catalog):
    q = parse_query("NAP mục VII có bao nhiêu nhiệm vụ?", catalog)
    assert q.intent == "count" and q.section_number == "vii"
    q = parse_query("Tân Lập mục II.3 có những chỉ tiêu con nào?", catalog)
    assert q.section_number == "ii" and q.subsection_number == "3" and q.intent == "filter"
    q = parse_query("Nam An Phụ, trong lĩnh vực cải cách tài chính công có những nhiệm vụ nào?", catalog)
    assert q.section == "cai cach tai chinh cong"


@pytest.mark.parametrize("text, count", [
    ("Nam An Phụ có bao nhiêu nhiệm vụ?", True),
    ("NAP co may nv", True),
    ("Phụ lục KH NAP có tổng cộng bao nhiêu nhiệm vụ?", True),
    ("Trong các KH, phụ lục nào có nhiều nhiệm vụ nhất?", True),
    ("NAP đặt chỉ tiêu hài lòng bao nhiêu phần trăm?", False),
])
def test_counts(catalog, text, count):
    assert parse_query(text, catalog).count is count


# ---------------------------------------------------------------- other intents

def test_meta_plans_and_search_intents(catalog):
    assert parse_query("Ai ký ban hành KH CCHC Nam An Phụ?", catalog).meta == "signer"
    q = parse_query("Quyết định ban hành KH CCHC Nam An Phụ năm 2026 mang số mấy?", catalog)
    assert q.intent == "meta" and q.meta == "decision"
    q = parse_query("Những kế hoạch CCHC nào áp dụng cho năm 2026?", catalog)
    assert q.intent == "plans" and q.plans == [NAP, TL]
    q = parse_query("Những xã nào có nhiệm vụ về Hội thi trực tuyến tìm hiểu CCHC?", catalog)
    assert q.intent == "search" and q.cross_doc and not q.plan_named
    q = parse_query("So sánh chỉ tiêu hài lòng của NAP và Tân Lập", catalog)
    assert q.cross_doc and q.plans == [NAP, TL]


def test_search_text_carries_expansions(catalog):
    q = parse_query("NAP số hóa hồ sơ TTHC đạt bao nhiêu %?", catalog)
    assert q.intent == "search" and q.figure
    assert "thu tuc hanh chinh" in q.search_text and q.search_text.startswith("NAP số hóa")


# ---------------------------------------------------------------- follow-ups

def test_follow_ups(catalog):
    first = parse_query("NAP nv 17 ai chủ trì?", catalog)
    q = follow_up(parse_query("còn nhiệm vụ 18?", catalog), first)
    assert q.intent == "task" and q.task_refs == ["18"] and q.fields == ["lead"] and q.plans == [NAP]
    q = follow_up(parse_query("thế ai phối hợp?", catalog), first)
    assert q.task_refs == ["17"] and q.fields == ["coordinating"] and q.plans == [NAP]
    q = follow_up(parse_query("còn 19 thì sao?", catalog), first)
    assert q.task_refs == ["19"] and q.fields == ["lead"]
    # a new, complete question does not inherit
    q = follow_up(parse_query("Tân Lập có bao nhiêu nhiệm vụ?", catalog), first)
    assert q.plans == [TL] and q.task_refs == [] and q.intent == "count"


@pytest.mark.parametrize("question,named_plans", [
    # a year the named plan does not cover: a plan we lack, never the 2026 one
    ("Kế hoạch CCHC năm 2024 của Nam An Phụ có bao nhiêu nhiệm vụ?", []),
    ("Kế hoạch CCHC năm 2026 của Nam An Phụ có bao nhiêu nhiệm vụ?", ["001_nam_an_phu_2026.docx"]),
])
def test_year_after_an_expanded_abbreviation_still_names_the_plan(catalog, question, named_plans):
    q = parse_query(question, catalog)
    assert q.plan_named
    assert q.plans == named_plans


@pytest.mark.parametrize("question,meta", [
    ("Trường Xuân ban hành kế hoạch theo quyết định số nào?", "decision"),
    ("Kế hoạch ban hành kèm quyết định số mấy?", "decision"),
    ("Lộc Hòa căn cứ quyết định số nào của huyện?", "bases"),  # a legal basis, not the plan's decision
])
def test_decision_questions(catalog, question, meta):
    assert parse_query(question, catalog).meta == meta


def test_comparing_task_counts_is_a_count(catalog):
    assert parse_query("So sánh số nhiệm vụ của Nam An Phụ và kế hoạch khác", catalog).count
    assert not parse_query("Nhiệm vụ số 5 của Nam An Phụ do ai chủ trì?", catalog).count
