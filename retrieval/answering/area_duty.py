"""Who is in charge of a reform area, from the implementation part as well
as the annex: "Lộc Hòa ai lo cải cách tài chính công?", "PT ai phụ trách cải
cách thể chế?", "TX đơn vị nào chịu trách nhiệm mảng chế độ công vụ?".

The plans give each area to a unit twice: in "Tổ chức thực hiện" ("3. Công
chức Tài chính - Kế toán … a) Chủ trì … triển khai nội dung Cải cách tài
chính công") and as the lead cells of the annex part so headed. The answer
gives the duties that write the area's phrase
(:data:`ingest.lexicon.REFORM_AREAS`), those a unit leads ("Chủ trì …")
first, each cited by its section, then what the annex answer found (its
rows); a plan without an annex, or whose passage answer found no row, is
answered by the duties alone (a passage would quote some sentence of the
area, not who is in charge of it).

Only a question that asks who (the lead field), names one area and nothing
else to do in it (the part read, "theo phần tổ chức thực hiện", and the
words joining two plans, "ở LH và TX", are no subject) ("ai lo rà soát văn bản trong phần thể chế" asks a row),
with no row, section number or annex named ("phụ lục mục V ai chủ trì":
the rows alone).
"""

from __future__ import annotations

from ingest.lexicon import canon
from ingest.model import Plan, Responsibility
from retrieval.answering.model import Answer, Citation
from retrieval.answering.rows import plan_label, plan_title, shorten
from retrieval.query import PlanCatalog, Query
from retrieval.question.crossplan import BODY_PART
from retrieval.question.cues import ANNEX_NAMED, AREA_NAMED, PLANS_JOINED, SECTION_NUMBER, WHO_ASKING

__all__ = ["area_asked", "area_duties", "with_area_duties"]

#: Most words of the question left once its area, plan name and asking words
#: are taken out (a closing particle, a stray word).
MAX_LEFT = 1
#: Characters quoted per duty.
DUTY_CHARS = 500
#: Answer kinds that are annex rows (kept after the duties); any other answer
#: (a passage, an abstention) gives way to the duties.
ROW_KINDS = frozenset({"task", "filter", "count"})


def area_asked(query: Query, catalog: PlanCatalog) -> str | None:
    """The reform area (a key of :data:`ingest.lexicon.REFORM_AREAS`) whose
    lead ``query`` asks, else ``None`` (module docstring)."""
    if "lead" not in query.fields or query.task_refs or query.unit or query.count:
        return None
    key = query.key
    if SECTION_NUMBER.search(key) or ANNEX_NAMED.search(key):
        return None
    named = [(area, m) for area, pattern in AREA_NAMED.items() if (m := pattern.search(key))]
    if len(named) != 1:
        return None
    area, match = named[0]
    # "theo phần tổ chức thực hiện": the part the answer is read from, no subject
    rest = BODY_PART.sub(" ", key[:match.start()] + " " + key[match.end():]).split()
    joiners = PLANS_JOINED if len(query.plans) >= 2 else frozenset()  # "ở LH và TX"
    left = [w for w in rest if w not in WHO_ASKING and w not in catalog.name_words and w not in joiners]
    return area if len(left) <= MAX_LEFT else None


def area_duties(plan: Plan, area: str) -> list[tuple[Responsibility, str]]:
    """(unit, duty) of ``plan``'s implementation part whose duty writes the
    area's phrase, those that open "Chủ trì" first, else in plan order."""
    found = [(r, d) for r in plan.responsibilities for d in r.duties if f" {area} " in f" {canon(d)} "]
    return sorted(found, key=lambda rd: not canon(rd[1]).startswith("chu tri"))


def with_area_duties(query: Query, found: Answer | None, plans: list[Plan],
                     catalog: PlanCatalog) -> Answer | None:
    """``found`` preceded by the duties on the area asked
    (:func:`area_asked`) of each plan in ``plans`` that has any; ``found``
    unchanged when no area is asked or no plan gives one in its body. A
    ``found`` that is no row answer is replaced by the duties."""
    area = area_asked(query, catalog)
    if area is None:
        return found
    lines, citations = [], []
    for plan in plans:
        duties = area_duties(plan, area)
        if not duties:
            continue
        lead = "Theo phần Tổ chức thực hiện" + (f" ({plan_label(catalog, plan.doc)})" if len(plans) > 1 else "")
        lines.append(f"{lead}:")
        for unit, duty in duties:
            where = f"mục {unit.section}" if unit.section else "Tổ chức thực hiện"
            lines.append(f"- {unit.unit} ({where}): {shorten(duty, DUTY_CHARS)}")
            citations.append(Citation(plan.doc, plan_title(plan), where, None, shorten(duty, DUTY_CHARS)))
    if not citations:
        return found
    if found is None or found.abstained or found.kind not in ROW_KINDS:
        return Answer("\n".join(lines), False, citations, "duties", list(citations), query)
    cited = citations + [c for c in found.citations if c not in citations]
    row_docs = {c.doc for c in found.citations}
    of = f" ({plan_label(catalog, next(iter(row_docs)))})" if len(plans) > 1 and len(row_docs) == 1 else ""
    text = "\n".join(lines) + f"\nTrong phụ lục nhiệm vụ{of}:\n" + found.text
    return Answer(text, False, cited, found.kind, cited + [e for e in found.evidence if e not in cited],
                  found.query)
