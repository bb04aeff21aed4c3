"""A body section asked by its number is quoted whole, every item of it,
on the five seed plans (phrasings written for these tests, none from eval/).

Read from ``corpus/000_…txt`` (Phú Thái, no annex): section "III.7.c)
Phát triển các hệ thống nền tảng và dữ liệu số" has three items, the last
"Thực hiện khai thác có hiệu quả cơ sở dữ liệu quốc gia về Dân cư …".
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Phú Thái điểm 7.c nêu những nội dung gì?",
    "phu thai muc III.7.c noi ve nhung gi",
    "Kế hoạch Phú Thái, mục 7.c là gì?",
])
def test_section_by_number_quotes_every_item(answerer, question):
    answer = answerer.answer(question)
    assert not answer.abstained, answer.text
    assert answer.citations[0].locator == "mục III.7.c"
    assert "LGSP" in answer.text and "cơ sở dữ liệu quốc gia về Dân cư" in answer.text


def test_row_field_asked_of_a_number_is_not_a_section_quote(answerer):
    """"mục 7.c ai chủ trì" asks a task field: no body section is quoted for it."""
    answer = answerer.answer("Phú Thái mục 7.c ai chủ trì?")
    assert "mục III.7.c" not in [c.locator for c in answer.citations]
