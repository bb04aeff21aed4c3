"""Detectors of the cross-plan questions answered per plan (on ``canon`` keys).

* :func:`asks_targets` – one target across plans: a target word ("chỉ
  tiêu", "mục tiêu", "tỷ lệ") with a cross-plan wording ("các xã đặt mục
  tiêu thanh toán trực tuyến thế nào?", "xã nào …"), two plans or more
  named, or a comparison ("so sánh chỉ tiêu X giữa A và B", "khác nhau thế
  nào"); answered by :mod:`retrieval.answer_targets`.
* :func:`asks_upper` – the upper-level locality: "cấp trên", "(trực) thuộc
  (tỉnh|thành phố|huyện|địa phương) nào"; answered by
  :mod:`retrieval.answer_upper`.
"""

from __future__ import annotations

import re

from retrieval.question.model import Query

__all__ = ["COMPARE", "TARGET", "asks_targets", "asks_upper"]

#: a target word
TARGET = re.compile(r"\b(?:chi tieu|muc tieu|ty le|dat bao nhieu|bao nhieu phan tram)\b")
#: a comparison or per-plan wording
COMPARE = re.compile(r"\b(?:so sanh|doi chieu|khac nhau|giong nhau|khac gi|chenh lech|moi xa|tung xa|"
                     r"moi ke hoach|tung ke hoach|cac xa|xa nao|nhung xa)\b")
_UPPER = re.compile(r"\b(?:cap tren|(?:truc thuoc|thuoc) (?:dia phuong |dia ban |don vi )?"
                    r"(?:tinh thanh|tinh|thanh pho|huyen|quan|dia phuong|dia ban|don vi|noi)"
                    r"(?: cap tren)? nao)\b")


def asks_targets(q: Query) -> bool:
    """A target asked across plans (module docstring), no task number."""
    if q.task_refs or not TARGET.search(q.key):
        return False
    return len(q.plans) >= 2 or q.cross_doc or bool(COMPARE.search(q.key))


def asks_upper(q: Query) -> bool:
    """The upper-level locality asked (module docstring), no task number."""
    return not q.task_refs and bool(_UPPER.search(q.key))
