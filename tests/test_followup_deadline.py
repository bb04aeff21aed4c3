""""(Thế) còn hạn?" opening a follow-up asks the deadline of the row in focus
("and the deadline?"), not the tasks not yet due; "những nv nào còn hạn" in a
question of its own stays the not-yet-due filter. Phrasings written for these
tests.

Read from the seed texts in ``corpus/``: Việt Khê's row 12 is due "Trước ngày
10/12/2025"; Nam An Phụ's row 5 "Cả năm 2026/theo thời gian đánh giá của Bộ Y tế".
"""

from __future__ import annotations

import pytest

from ingest.lexicon import canon
from retrieval.question.cues import NOT_YET_DUE
from tests.test_answer import talk


@pytest.mark.parametrize("first, follow, deadline", [
    ("Việt Khê nhiệm vụ 12 ai chủ trì?", "thế còn hạn?", "Trước ngày 10/12/2025"),
    ("viet khe nv 12 ai chu tri", "vay con han", "Trước ngày 10/12/2025"),
    ("NAP nv 5 ai chủ trì?", "còn hạn thì sao?", "Cả năm 2026"),
])
def test_con_han_follow_up_asks_the_deadline(answerer, first, follow, deadline):
    _, answer = talk(answerer, first, follow)
    assert not answer.abstained and answer.kind == "task"
    assert deadline in answer.text


@pytest.mark.parametrize("question, reads", [
    ("NAP những nv nào còn hạn tính đến 1/10/2026?", True),
    ("các nhiệm vụ còn hạn của Việt Khê", True),
    ("thế còn hạn?", False),
    ("còn hạn thì sao?", False),
])
def test_not_yet_due_cue(question, reads):
    assert bool(NOT_YET_DUE.search(canon(question))) is reads
