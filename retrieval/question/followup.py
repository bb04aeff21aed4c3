"""Follow-up questions: an elliptic question ("còn nhiệm vụ 23?", "thế ai
phối hợp?", "bao nhiêu?", "trong đó …") read against the previous turn."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from retrieval.question.catalog import PlanCatalog
from retrieval.question.crossplan import part_named_alone
from retrieval.question.cues import (
    AS_OF,
    AS_OF_OVERDUE,
    BACK_REFERENCE,
    BARE_NUMBER,
    BOTH_PLANS,
    COUNT_WORDS,
    COUNTED_PREVIOUS,
    DATE_RANGE,
    FIELD_FRAME_WORDS,
    FIGURE_ASKED,
    FOLLOW_CUE,
    FOLLOW_FIELD,
    LISTED_DOCS,
    NEXT_ROW,
    ONE_ROW,
    ORDINAL_ROW,
    ORDINALS,
    OTHER_PLAN,
    OTHER_PLANS,
    PLANS_OWN_ROW,
    ROW_DOCUMENT_ASKED,
    SIMILAR,
    TARGET_FRAME,
    THAT_ROW,
    THAT_UNIT,
    WITHIN_PREVIOUS,
    only_fields,
)
from retrieval.question.model import Intent, Query, section_numeral, split_row_key
from retrieval.question.parse import PERSON_UNLISTED, names_person, question_unit

if TYPE_CHECKING:
    from ingest.model import Plan

__all__ = ["FOLLOW_ROWS", "SELECTION", "follow_unit", "follow_up"]

#: A bare field question ("ai chủ trì?") after an answer that showed at most
#: this many task rows asks that field of each of them.
FOLLOW_ROWS = 3
#: The :class:`Query` attributes of a task selection that a follow-up may carry
#: over ("bao nhiêu?" after a filter; "còn TX thì sao?" after "trong đó …").
SELECTION = ("unit", "unit_text", "unit_role", "period", "period_until", "due_on", "period_exact",
             "period_written", "deadline_text", "regular", "recurrence", "negate", "section", "section_text",
             "sections", "section_number", "subsection_number")


def follow_up(question: Query, previous: Query) -> Query:
    """Resolve an elliptic follow-up against the previous turn's query.

    The plan carries over when this question names none. A short
    question with no task number and no filter of its own but a field
    ("thế ai phối hợp?") asks about the previous turn's tasks; one with a
    task number but no field ("còn nhiệm vụ 23?") asks the previous
    turn's fields; "còn 23?" after a task question is task 23; a bare
    "bao nhiêu?"/"những nhiệm vụ nào?" after a filter keeps its filters;
    "trong đó …" selects among the previous answer's rows
    (``previous.result_keys``); "còn Trường Xuân?" asks the previous
    question of the plan named, "kế hoạch kia thì sao?" of the plan
    mentioned before the previous one; "Việt Khê có nhiệm vụ tương tự
    không?", "kế hoạch nào khác cũng có nhiệm vụ như vậy?" asks the like of
    the previous answer's rows in the plan named, or in every other plan.
    Returns a new :class:`Query`.
    """
    q = replace(question, plans=list(question.plans), task_refs=list(question.task_refs),
                fields=list(question.fields), sections=list(question.sections),
                result_keys=[])
    q.recent_keys = _recent(previous)
    named_now = question.plan_named  # the plans this question names itself, not the ones carried
    q.mentioned = [d for d in previous.mentioned if d not in previous.plans] + list(previous.plans)
    if OTHER_PLAN.search(q.key) and not q.plan_named:
        other = [d for d in q.mentioned if d not in previous.plans]
        if other and _full_question(q) and previous.plans:
            # "báo cáo năm của xã kia gửi trước ngày nào?" after two plans: "kia" may
            # point at either, so this question is asked of both, each labelled
            q.plans, q.plan_named, q.cross_doc = [other[-1], *previous.plans], True, False
            return q
        if other:  # "kế hoạch kia thì sao?": the previous question, of the other plan
            return _asked_of(previous, [other[-1]], q)
    same = _same_target(q, previous)
    if same is not None:
        return same
    similar = _similar(q, previous)
    if similar is not None:
        return similar
    both = _both_plans_rows(q)
    if both:
        # "hai xã đó cùng giao cho phòng nào chủ trì?" after a row and its like in another
        # plan: the row each of the two plans just showed, the field asked of both
        _point_at(q, both)
        q.previous_keys = list(both)  # each plan its own row, not every number in every plan
        q.plan_named, q.cross_doc = True, False
        q.fields = q.fields or list(previous.fields)
        q.intent = Intent.TASK
        return q
    if not q.plan_named and not q.cross_doc:
        q.plans, q.plan_named = list(previous.plans), previous.plan_named
        q.unknown_place = q.unknown_place or previous.unknown_place
        if q.metas and q.plan_named and not q.task_refs and previous.intent == Intent.META:
            # "ai ký?" after "QĐ số mấy, ngày nào?": the header facts of the same plan, the
            # new one first, the earlier ones kept (so "còn Trường Xuân?" asks them all)
            q.metas = list(dict.fromkeys([*q.metas, *previous.metas]))
            q.meta, q.fields, q.intent = q.metas[0], [], Intent.META
            return q
    switched_part = _other_part(q, previous)
    if switched_part is not None:
        return switched_part
    listed = _listed_rows(q, previous)
    if listed:
        # "mục 1 gồm những gì?" after the rows of mục VII, numbered afresh per section: row VII.1
        _point_at(q, listed)
    if WITHIN_PREVIOUS.search(q.key) and previous.result_keys:
        # "trong đó cái nào đến hạn sớm nhất?": a selection over the last answer's rows
        q.previous_keys = _pointed_rows(q.key, previous)
        q.within = {**previous.within, **_selection_of(previous)}
        q.plans, q.plan_named = list(previous.plans), previous.plan_named
        q.task_refs = []
        q.intent = (Intent.AGGREGATE if q.aggregate else Intent.COUNT if q.count else Intent.FILTER)
        return q
    own = _own_rows(q)
    if own:
        # "còn của NAP thì tháng mấy?" after a list of plans: that plan's row of the list
        q.section_number = previous.section_number
        _point_at(q, own)
        q.intent = Intent.TASK
        return q
    elliptic = len(q.key.split()) <= 8 or bool(FOLLOW_CUE.search(q.key) or THAT_ROW.search(q.key)
                                               or LISTED_DOCS.search(q.key))
    if not elliptic:
        return q
    switched = (q.plan_named and bool(q.plans) and q.intent == Intent.SEARCH and not q.task_refs
                and not q.has_filter and not q.count and set(q.plans) != set(previous.plans)
                and bool(FOLLOW_CUE.search(q.key) or len(q.key.split()) <= 5)
                and not _asks_of_its_own(q, previous))
    if (switched and previous.result_keys and (previous.fields or q.fields) and not previous.content
            and (previous.intent in (Intent.SEARCH, Intent.LOOKUP)
                 or (previous.intent == Intent.TASK and not _typed_refs(previous)))):
        # "cái của VK ai chủ trì?" (a row found from an earlier turn), then "còn của
        # NAP thì tháng mấy?": the row of NAP like the one just shown
        q.similar_to, q.topic = list(previous.result_keys[:1]), previous.topic
        q.fields = q.fields or list(previous.fields)
        q.intent = Intent.SIMILAR
        return q
    if switched and not q.fields and q.named_sections and previous.intent in (Intent.FILTER, Intent.COUNT):
        # "còn Trường Xuân mục cải cách thể chế?" after a section's rows: that section there
        return _section_asked_of(previous, q)
    if switched and not q.fields:
        # "còn Trường Xuân?": the previous question, asked of the plan named now
        return _asked_of(previous, list(q.plans), q)
    place = ORDINAL_ROW.search(q.key)
    shown_rows = list(dict.fromkeys(previous.result_keys))
    if place and not q.task_refs and len(shown_rows) >= 2 and place.group(1) in ORDINALS:
        # "nv đầu tiên sản phẩm là gì?" after a list: that row of the list, by its place
        index = ORDINALS[place.group(1)]
        if index < len(shown_rows):
            q.plan_named, q.section_number, q.aggregate = True, previous.section_number, None
            _point_at(q, [shown_rows[index]])
            q.intent = Intent.TASK
            return q
    step = NEXT_ROW.search(q.key)
    if step and not q.task_refs and (previous.intent == Intent.TASK or previous.other_part == "body") \
            and previous.task_refs:
        # "nv tiếp theo thì sao?": the row numbered after the last one asked, same fields
        q.task_refs = [_stepped(previous.task_refs[-1], 1 if step.group(1) else -1)]
        q.plans, q.plan_named = list(previous.plans), previous.plan_named
        q.fields = q.fields or list(previous.fields)
        q.section_number = previous.section_number
        q.intent = Intent.TASK
        return q
    if q.task_refs and not q.fields and previous.intent == "task":
        q.fields, q.fields_carried = list(previous.fields), bool(previous.fields)
        q.section_number = q.section_number or previous.section_number
    # the rows the previous answer showed; of the plan named now, when another
    # ("VK cái đó hạn khi nào?" after rows of several plans); after a turn that found
    # nothing ("TX có nv tương tự không?" → none) the rows still in focus, of their plan
    pointed = [k for k in previous.result_keys if not named_now or k[0] in q.plans]
    shown = list(dict.fromkeys(number for _, number in pointed))
    if (q.intent in (Intent.SEARCH, Intent.META) and not q.task_refs and ROW_DOCUMENT_ASKED.search(q.key)
            and (previous.task_refs or 1 <= len(shown) <= FOLLOW_ROWS)):
        # "theo quyết định nào?" after a row: the document its cells cite (the whole row shows it)
        q.section_number = previous.section_number
        if pointed:
            _point_at(q, pointed)
        else:
            q.task_refs, q.plans = list(previous.task_refs), list(previous.plans)
        q.fields, q.metas, q.meta, q.figure = ["content"], [], None, False
        q.plan_named, q.intent = True, Intent.TASK
        return q
    if (q.intent == "search" and q.fields and not q.task_refs and not previous.task_refs
            and not q.has_filter and 1 <= len(shown) <= FOLLOW_ROWS
            and (FOLLOW_FIELD.search(q.key) or THAT_ROW.search(q.key) or only_fields(q.key))):
        # "ai chủ trì?" after an answer that showed one task row (or a few): those rows
        keys = pointed
        if ONE_ROW.search(q.key) and previous.intent in (Intent.SIMILAR, Intent.LOOKUP):
            keys = keys[:1]  # "vậy nv đó hạn khi nào?": the best-ranked row, not every one shown
        q.section_number = previous.section_number
        _point_at(q, keys)
        if names_person(q.key):  # "tên trưởng phòng là gì?": a name no row states
            q.unlisted = PERSON_UNLISTED
        q.plan_named = True
        q.intent = Intent.TASK
        return q
    if q.intent == "search" and not q.task_refs and previous.task_refs and not q.has_filter:
        bare = BARE_NUMBER.findall(q.key)
        if bare and FOLLOW_CUE.search(q.key):
            q.task_refs = bare
            q.fields_carried = not q.fields and bool(previous.fields)
            q.fields = q.fields or list(previous.fields)
            q.intent = "task"
        elif q.fields or FOLLOW_CUE.search(q.key):
            q.task_refs = list(previous.task_refs)
            q.section_number = previous.section_number
            q.intent = "task"
        if q.intent == "task" and names_person(q.key):
            q.unlisted = PERSON_UNLISTED
    if q.intent == "search" and previous.intent in ("filter", "count") and (q.count or q.wants_list):
        for name in SELECTION:
            setattr(q, name, getattr(previous, name))
        q.intent = "count" if q.count else "filter"
    return q


def follow_unit(q: Query, previous: Query, plans: dict[str, Plan], catalog: PlanCatalog) -> Query:
    """"đơn vị đó còn chủ trì nv nào nữa?" after a row was shown: the tasks
    led (or, with "phối hợp", coordinated) by the lead unit of the previous
    answer's first row, in its plan. ``plans`` doc → :class:`Plan`. Returns
    ``q`` unchanged when the question points at no unit or no row was shown."""
    again = _unit_asked_again(q, previous, catalog)
    if again is not None:
        return again
    if not THAT_UNIT.search(q.key) or not previous.result_keys or q.task_refs:
        return q
    doc, key = previous.result_keys[0]
    plan = plans.get(doc)
    numeral, number = split_row_key(key)
    row = next((t for t in plan.tasks if t.number == number
                and (numeral is None or section_numeral(t.section) == numeral)), None) if plan else None
    unit = question_unit(row.lead, catalog) if row is not None and row.lead else None
    if unit is None:
        return q
    role = "coordinating" if "coordinating" in q.fields else "lead"
    return replace(q, unit=unit.key, unit_text=unit.text, unit_role=role, plans=[doc], plan_named=True,
                   task_refs=[], fields=[], wants_list=True, intent=Intent.FILTER)


def _unit_asked_again(q: Query, previous: Query, catalog: PlanCatalog) -> Query | None:
    """"còn TX phòng kinh tế thì sao?" after the tasks a unit leads (or a
    selection over them, "trong đó cái nào hạn sớm nhất"): a follow-up that
    names a unit and nothing else besides plans and follow-up words
    (:data:`FIELD_FRAME_WORDS`) lists the tasks that unit leads, in the plan it
    names or the same ones; counted when the previous turn counted. ``None``
    otherwise."""
    if not (q.intent == Intent.SEARCH and FOLLOW_CUE.search(q.key) and not q.fields and not q.task_refs
            and not q.has_filter and previous.intent in (Intent.FILTER, Intent.COUNT, Intent.AGGREGATE)):
        return None
    unit = question_unit(q.text, catalog)
    if unit is None or f" {unit.key} " not in f" {q.key} ":
        return None
    rest = [w for w in f" {q.key} ".replace(f" {unit.key} ", " ").split()
            if w not in catalog.name_words and w not in FIELD_FRAME_WORDS
            and w not in ("sao", "xa", "o", "ben", "tai", "phia")]
    if rest:
        return None
    counted = previous.intent == Intent.COUNT
    plans = list(q.plans) if q.plan_named else list(previous.plans)
    return replace(q, unit=unit.key, unit_text=unit.text, unit_role="lead", plans=plans, plan_named=True,
                   wants_list=not counted, count=counted, intent=Intent.COUNT if counted else Intent.FILTER)


def _typed_refs(query: Query) -> bool:
    """Did the question itself write its row numbers ("nv 22 ai chủ trì?"), as
    opposed to rows pointed at ("cái của VK ai chủ trì?")?"""
    words = set(query.key.split())
    return any(n in words for n in query.task_refs)


def _stepped(number: str, delta: int) -> str:
    """The row number ``delta`` rows on: "24" → "25", "2.3" → "2.4" (the
    last part counts); a number that would fall under 1 stays."""
    head, _, last = number.rpartition(".")
    if not last.isdigit() or int(last) + delta < 1:
        return number
    return f"{head}.{int(last) + delta}" if head else str(int(last) + delta)


def _full_question(q: Query) -> bool:
    """Does ``q`` ask a whole thing of its own besides pointing at a plan
    ("báo cáo năm của xã kia gửi trước ngày nào?": content words other than
    the pointing ones), not "kế hoạch kia thì sao?" / "xã kia có không?"?"""
    pointing = set(OTHER_PLAN.pattern.replace("(", " ").replace(")", " ").replace("|", " ").split())
    return len([w for w in q.content if w not in pointing]) >= 2


def _asks_of_its_own(q: Query, previous: Query) -> bool:
    """Does ``q`` name a thing of its own beyond a plan ("thế LH thì tỷ lệ
    đúng hạn tối thiểu bao nhiêu?" after a question on satisfaction): two
    or more content words the previous question did not have? "còn Trường
    Xuân thì sao?" has none and asks the previous question again; nor has
    "còn NAP, tính đến ngày 01/04/2026?" (the words giving a day are no
    thing of its own)."""
    before = set(previous.key.split())
    if q.today_given:
        for pattern in (DATE_RANGE, AS_OF, AS_OF_OVERDUE):
            before |= {w for m in pattern.finditer(q.key) for w in m.group(0).split()}
    return len([w for w in q.content if w not in before]) >= 2


def _point_at(q: Query, keys: list[tuple[str, str]]) -> None:
    """Make ``q`` ask of the rows ``keys`` ((doc, row key) of
    ``Query.result_keys``): their numbers and plans, and the section numeral
    when every key carries the same one ("iii.3": row 3 of mục III)."""
    parts = [split_row_key(key) for _, key in keys]
    q.task_refs = list(dict.fromkeys(number for _, number in parts))
    q.plans = list(dict.fromkeys(doc for doc, _ in keys))
    numerals = {numeral for numeral, _ in parts}
    if len(numerals) == 1 and None not in numerals:
        q.section_number = numerals.pop()


def _both_plans_rows(q: Query) -> list[tuple[str, str]]:
    """"hai xã đó ai chủ trì?", "cả hai bên hạn khi nào?" (:data:`BOTH_PLANS`, a
    field asked, no plan or row named): the latest row of each of the last two
    plans among the conversation's recent rows (``q.recent_keys``), in the
    order shown; ``[]`` when those rows are of fewer than two plans."""
    if not (BOTH_PLANS.search(q.key) and q.fields) or q.task_refs or q.plan_named or q.has_filter:
        return []
    latest: dict[str, tuple[str, str]] = {}
    for key in q.recent_keys:
        latest.pop(key[0], None)
        latest[key[0]] = key
    rows = list(latest.values())[-2:]
    return rows if len(rows) == 2 else []


def _own_rows(q: Query) -> list[tuple[str, str]]:
    """"cái của VK ai chủ trì?", "còn của NAP thì tháng mấy?"
    (:data:`PLANS_OWN_ROW`, one plan named, a field asked, no row number):
    the keys of that plan's rows among the conversation's recent rows
    (``q.recent_keys``: a which-plans answer lists one or two a plan), when
    there are 1 to :data:`FOLLOW_ROWS`; else ``[]``."""
    if not (PLANS_OWN_ROW.search(q.key) and q.plan_named and len(q.plans) == 1 and q.fields
            and not q.task_refs and not q.has_filter):
        return []
    keys = list(dict.fromkeys(k for k in q.recent_keys if k[0] == q.plans[0]))
    return keys if 1 <= len(keys) <= FOLLOW_ROWS else []


def _listed_rows(q: Query, previous: Query) -> list[tuple[str, str]]:
    """The rows of the previous answer that ``q``'s typed row numbers point at,
    in a plan numbering afresh per section (row keys "vii.1"): one row per
    number, in the plans ``q`` asks of; ``[]`` when ``q`` names its section
    or a number is not among those rows."""
    if not q.task_refs or q.section_number or not previous.result_keys:
        return []
    keys = [(doc, key) for doc, key in previous.result_keys
            if doc in q.plans and split_row_key(key)[1] in q.task_refs and split_row_key(key)[0]]
    numbers = [split_row_key(key)[1] for _, key in keys]
    return keys if sorted(numbers) == sorted(set(q.task_refs)) else []


def _other_part(q: Query, previous: Query) -> Query | None:
    """"phần thân KH thì ghi bao nhiêu?" after an annex row, "trong phụ lục thì
    sao?" after a body sentence: a follow-up that names only the other part
    of the same plan (:func:`retrieval.question.crossplan.part_named_alone`)
    and no subject of its own asks the same subject there. ``q`` with
    ``other_part`` set — the rows whose subject is asked kept in
    ``task_refs`` (body), the earlier question in ``part_subject`` (both) —
    or ``None`` for any other question."""
    named = part_named_alone(q)
    if named is None or q.task_refs or q.count or not previous.plans or set(q.plans) != set(previous.plans):
        return None
    part, words = named
    words = words | {w for m in FIGURE_ASKED.finditer(q.key) for w in m.group().split()}  # "mấy phần trăm"
    own = [w for w in q.content if w not in words]
    if _own_subject(own, previous):
        return None  # a subject of its own ("phụ lục có nhiệm vụ khảo sát nào?")
    rows = list(previous.task_refs) if previous.intent == Intent.TASK else []
    section = previous.section_number
    if not rows and previous.result_keys:
        head, _ = split_row_key(previous.result_keys[0][1])
        rows = [split_row_key(k)[1] for _, k in previous.result_keys[:FOLLOW_ROWS]]
        section = head or section
    if (part == "body") != bool(rows):
        return None  # the body asked after rows, the annex after a body answer
    q.other_part, q.part_subject = part, previous.text
    q.task_refs, q.section_number = (rows, section) if part == "body" else ([], None)
    q.figure = q.figure or previous.figure or "objective" in previous.fields
    q.fields = q.fields or ([] if part == "body" else [f for f in previous.fields if f != "objective"])
    q.intent = Intent.SEARCH
    return q


def _own_subject(words: list[str], previous: Query) -> bool:
    """True when the content ``words`` of a follow-up naming the other part
    bring a subject of their own; False when they only restate the earlier
    question's subject ("trong phụ lục thì chỉ tiêu đúng hạn ghi bao nhiêu?"
    after the body's "tỷ lệ hồ sơ giải quyết đúng hạn": "chỉ tiêu" is the
    frame of a target question, :data:`TARGET_FRAME`, and the rest words the
    earlier question already had)."""
    earlier = set(previous.key.split())
    return any(w not in earlier for w in TARGET_FRAME.sub(" ", " ".join(words)).split())


def _recent(previous: Query) -> list[tuple[str, str]]:
    """The rows of the turns up to ``previous``, latest last, each once (at most 12)."""
    keys = [k for k in previous.recent_keys if k not in previous.result_keys] + list(previous.result_keys)
    return list(dict.fromkeys(keys))[-12:]


def _pointed_rows(key: str, previous: Query) -> list[tuple[str, str]]:
    """The rows "trong đó …" selects among: the previous answer's; "trong 2 cái
    đó" after two one-row answers ("nv 29 ai chủ trì?", "còn nv 30?") the last
    two rows of the conversation."""
    counted = COUNTED_PREVIOUS.search(key)
    wanted = COUNT_WORDS[counted.group(1)] if counted else 0
    if wanted > len(previous.result_keys):
        return _recent(previous)[-wanted:]
    return list(previous.result_keys)


def _asked_of(previous: Query, plans: list[str], question: Query) -> Query:
    """The previous question asked again of ``plans`` ("còn Trường Xuân?",
    "kế hoạch kia thì sao?"): its intent, selection, fields and wording (the
    search and the handlers read the previous question's words, not "còn
    X?"), with the plans replaced and the conversation's mentions kept. A
    day the new question gives ("còn NAP, tính đến ngày 01/04/2026?") is
    the day its windows are counted from, not the previous one."""
    asked = replace(previous, plans=plans, plan_named=True,
                    task_refs=list(previous.task_refs), fields=list(previous.fields),
                    sections=list(previous.sections), result_keys=[], previous_keys=[],
                    cross_doc=False, mentioned=list(question.mentioned), other_than=[],
                    which=False)  # "còn NAP và VK?" after "KH nào …": asked of those, yes or no
    if question.today_given:
        asked.today, asked.today_given = question.today, True
    if previous.previous_keys:
        # "trong đó cái nào hạn quý IV?" after Phòng Kinh tế's rows, then "còn TX thì sao?":
        # the rows chosen among were a selection, asked again beside this turn's own
        for name, value in previous.within.items():
            if not getattr(asked, name) or (name == "unit_role" and not previous.unit):
                setattr(asked, name, value)
    return asked


def _selection_of(query: Query) -> dict[str, object]:
    """The task selection ``query`` set (:data:`SELECTION`, the values given),
    the unit's role only with a unit."""
    chosen = {name: getattr(query, name) for name in SELECTION if getattr(query, name)}
    if not query.unit:
        chosen.pop("unit_role", None)
    return chosen


def _section_asked_of(previous: Query, question: Query) -> Query:
    """"còn Trường Xuân mục cải cách thể chế?" after a filter: the rows of the
    section named (``question.named_sections``) in the plan named; the previous
    question's other filters kept when it named a section itself ("VK mục cải
    cách thể chế nv nào hạn quý IV?" → "còn TX mục cải cách TTHC?"), else only
    the section asked (after "trong đó …": a narrowing of that plan's rows);
    counted when the previous turn counted."""
    if previous.sections:
        asked = _asked_of(previous, list(question.plans), question)
    else:
        asked = replace(question, plans=list(question.plans), plan_named=True, wants_list=True,
                        count=previous.intent == Intent.COUNT, result_keys=[], previous_keys=[])
        asked.intent = Intent.COUNT if asked.count else Intent.FILTER
    asked.sections = [key for key, _ in question.named_sections]
    asked.section, asked.section_text = question.named_sections[0]
    texts = list(dict.fromkeys(text for _, text in question.named_sections))
    asked.section_text = " / ".join(texts)
    asked.section_number = asked.subsection_number = None
    return asked


def _same_target(q: Query, previous: Query) -> Query | None:
    """"các xã khác chỉ tiêu này thế nào?", "xã nào cũng đặt mục tiêu như
    vậy?", "ở NAP và VK chỉ tiêu đó bao nhiêu?": a target question across
    plans that points back (:data:`BACK_REFERENCE`) asks the previous turn's
    subject — its topic, else its words (``topic``; the target answer reads
    them instead of this question's) — of the plans named, else of every
    plan, less the previous turn's when it says "khác"
    (:data:`OTHER_PLANS`: ``other_than``); ``None`` otherwise."""
    if q.intent != Intent.TARGETS or not BACK_REFERENCE.search(q.key) or q.task_refs:
        return None
    q.topic = previous.topic or previous.key
    if not q.plan_named:
        q.plans, q.cross_doc = [], True
        q.other_than = list(previous.plans) if OTHER_PLANS.search(q.key) else []
    return q


def _similar(q: Query, previous: Query) -> Query | None:
    """"VK có nv tương tự không?", "kế hoạch nào khác cũng có nhiệm vụ kiểm
    tra như vậy?": intent ``similar`` over the previous answer's rows, of
    the plans named (other than the previous ones) or, with "khác" / a
    cross-plan wording and no plan named, of every other plan; after a turn
    that gave no row, the previous question's topic (its words) is compared
    instead, and a topic the question says itself ("… tương tự về tập huấn
    AI") wins; the fields are the ones it asks (the previous turn's only after
    a similar answer), none: the whole row; ``None`` when the question is not such a follow-up."""
    if not SIMILAR.search(q.key) or q.task_refs:
        return None
    named = q.plan_named and bool(q.plans) and set(q.plans) != set(previous.plans)
    others = not q.plan_named and bool(OTHER_PLANS.search(q.key) or q.cross_doc)
    if not (named or others):
        return None
    # the section of the rows compared (Lộc Hòa's numbers restart per section: "mục III.3")
    q.section_number = previous.section_number if previous.intent in (Intent.TASK, Intent.SIMILAR) else None
    q.subsection_number = None
    if q.topic:  # "NAP có việc gì tương tự về tập huấn AI không?": the topic it says itself
        q.similar_to, q.topic = [], q.text
    elif previous.intent == Intent.SIMILAR:  # "thế Phú Thái có việc giống vậy không?": the same rows
        q.similar_to, q.topic = list(previous.similar_to), previous.topic
    else:
        # the previous rows, and what they were asked about; a turn that found no
        # row leaves its question's words to compare ("xã nào khác có nv tương tự?")
        q.similar_to = list(previous.result_keys)
        q.topic = previous.topic or previous.text
    if not (q.similar_to or q.topic):
        return None
    if previous.intent == Intent.SIMILAR:  # "thế Phú Thái?" after a similar answer: the same fields
        q.fields = q.fields or list(previous.fields)
    # else the fields it asks itself; none asked: the whole like row (chủ trì, hạn, sản phẩm)
    if others:
        q.plans, q.plan_named, q.cross_doc = [], False, True
    q.intent = Intent.SIMILAR
    return q
