"""The genre lexicon (ingest.lexicon) and the unit helpers (ingest.units),
checked on the seed plans and against underthesea's own normaliser."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from ingest.lexicon import canon, canonical_tones, expand_abbreviations, opens_cell
from ingest.pipeline import parse_file
from ingest.units import split_units, task_unit_keys, unit_key, unit_matches
from tests.paths import CORPUS


@lru_cache(maxsize=1)
def _seed_plans():
    return [parse_file(str(p)) for p in sorted(CORPUS.glob("*.txt"))]


def test_tones_agree_with_underthesea_on_every_seed_word():
    from underthesea import text_normalize

    words = set()
    for path in sorted(CORPUS.glob("*.txt")):
        words.update(re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8")))
    # a new-style spelling the seeds may not hold, so the check cannot pass vacuously
    words.update({"hoá", "Hoà", "thuỷ", "Uỷ", "khoẻ"})
    changed = 0
    for word in sorted(words):
        ours = canonical_tones(word)
        assert ours == text_normalize(word, tokenizer="space"), word
        changed += ours != word
    assert changed >= 5


def test_tones_keep_punctuation_and_length():
    text = "Phòng Văn hoá- Xã hội (Uỷ ban); quý II/2026"
    out = canonical_tones(text)
    assert out == "Phòng Văn hóa- Xã hội (Ủy ban); quý II/2026"
    assert len(out) == len(text)


def test_two_units_separated_by_a_comma_are_two_units():
    assert split_units("Phòng Kinh tế, Phòng VH-XH") == ["Phòng Kinh tế", "Phòng VH-XH"]
    assert split_units("Sở Nội vụ/Sở Y tế") == ["Sở Nội vụ", "Sở Y tế"]
    assert split_units("Văn phòng HĐND/UBND xã") == ["Văn phòng HĐND/UBND xã"]
    assert split_units("Các phòng, ban, ngành") == ["Các phòng, ban, ngành"]
    assert split_units(None) == []
    assert unit_matches(unit_key("Phòng Văn hóa - Xã hội"), "Phòng Kinh tế, Phòng VH-XH")
    assert task_unit_keys("Phòng Kinh tế, Phòng VH-XH; Phòng Kinh tế") == [
        "phong kinh te", "phong van hoa xa hoi"]


def test_unit_spellings_of_the_seeds_meet():
    # every lead-unit spelling of the seeds that names "Văn hóa - Xã hội" gets one key
    spellings = {u for plan in _seed_plans() for t in plan.tasks for u in split_units(t.lead)
                 if "van hoa" in canon(u) and "xa hoi" in canon(u) and canon(u).startswith("phong")}
    assert len(spellings) >= 2, spellings
    assert {unit_key(s) for s in spellings} == {"phong van hoa xa hoi"}


def test_abbreviations_expand_both_ways():
    assert canon("VP HĐND&UBND") == "van phong hoi dong nhan dan va uy ban nhan dan"
    assert canon("nv22 cải cách TTHC") == "nhiem vu 22 cai cach thu tuc hanh chinh"
    assert canon("BCĐ CCHC") == "ban chi dao cai cach hanh chinh"
    assert expand_abbreviations("HDND xã") == "hội đồng nhân dân xã"


@pytest.mark.parametrize("kind", ["deadline", "lead"])
def test_seed_cells_open_like_their_column(kind):
    cells = [getattr(t, kind) for plan in _seed_plans() for t in plan.tasks if getattr(t, kind)]
    assert len(cells) > 100
    hits = sum(opens_cell(c, kind, wide=True) for c in cells)
    assert hits / len(cells) >= 0.9, (kind, hits, len(cells))
    # a content cell does not read as a deadline
    contents = [t.content for plan in _seed_plans() for t in plan.tasks if t.content]
    assert sum(opens_cell(c, "deadline") for c in contents) / len(contents) < 0.15


def test_openers_tell_columns_apart():
    assert opens_cell("Quý II/2026", "deadline")
    assert opens_cell("Thường xuyên", "deadline")
    assert opens_cell("Phòng Văn hoá - Xã hội", "unit")
    assert opens_cell("Báo cáo kết quả", "product")
    assert not opens_cell("Báo cáo kết quả", "unit")
    assert not opens_cell("Phòng Kinh tế", "deadline")


def test_written_span_gives_a_folded_key_as_written():
    from ingest.lexicon import written_span
    rows = ["Kiểm tra tình hình thi hành pháp luật trong lĩnh vực trọng tâm", "Đào tạo, bồi dưỡng"]
    assert written_span("thi hanh phap luat", rows) == "thi hành pháp luật"
    assert written_span("dao tao", rows) == "Đào tạo"
    assert written_span("so hoa", rows) is None
