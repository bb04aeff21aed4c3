"""Structured answers from the plan model: task look-ups, filters, counts.

* **task** questions ("nv 22 NAP ai chủ trì?") are answered from
  :class:`ingest.model.Task` fields, exactly as written, with the task's
  sub-rows; a number several plans have, with no plan named, is answered
  per plan, labelled; a section given ("mục VI, chỉ tiêu 2.1") narrows
  plans whose numbering restarts per section;
* **filter** and **count** questions ("Phòng Kinh tế chủ trì những nhiệm vụ
  nào?", "bao nhiêu nhiệm vụ thường xuyên?", "nhiệm vụ nào không phải
  thường xuyên?") list every matching task of every matching plan with
  its number, grouped and labelled per plan (the filter semantics are in
  :meth:`TaskAnswerer.matches`).

Both abstain when nothing matches: a task number the plans in scope lack,
a figure asked that the rows do not state, a filter no task meets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ingest.deadline import due_in_period, parse_due, period_bounds
from ingest.lexicon import canon, contains_words, written_span
from ingest.model import NO_DEADLINE_RECURRENCES, Plan, Task
from ingest.textnorm import fold
from ingest.units import split_units, unit_groups, unit_key, unit_matches
from retrieval.answering.checked import checked_lead_line
from retrieval.answering.described import described_fields
from retrieval.answering.due_kinds import deadline_written_in, excluded_by_deadline
from retrieval.answering.exclusion import all_about_answer, all_excluded_answer
from retrieval.answering.model import Answer, abstention
from retrieval.answering.numbering import numbering_note
from retrieval.answering.presence import presence_answer
from retrieval.answering.rows import (
    FIELD_LABELS,
    display_key,
    figure_text,
    has_figure,
    parent_task,
    plan_label,
    plans_in_scope,
    render_task,
    row_key,
    shorten,
    sub_rows,
    task_citation,
)
from retrieval.query import PlanCatalog, Query, section_words
from retrieval.question.cues import COLUMN_ASKED, DEADLINE_PARTS
from retrieval.question.due_exclusion import DUE_KIND_WORDS
from retrieval.question.model import section_numeral


def _lead_number(text: str | None) -> str | None:
    m = re.match(r"^\s*(\d+)\b", text or "")
    return m.group(1) if m else None


def _is_regular(task: Task) -> bool:
    return task.due.recurrence == "regular" or "thuong xuyen" in fold(task.deadline)


def _same_text(a: str | None, b: str | None) -> bool:
    return canon(a) == canon(b)


def in_section(task: Task, query: Query) -> bool:
    """Does ``task`` sit in the section the query numbers? The roman numeral
    of its annex section (``query.section_number``, "vii") and, with
    ``query.subsection_number`` ("3"), a row number "3" or "3.x" or an
    undotted row under a sub-heading "3. …". True when none is given."""
    if query.section_number and section_numeral(task.section) != query.section_number:
        return False
    if query.exclude_sections and section_numeral(task.section) in query.exclude_sections:
        return False  # "ngoài phần VII"
    if query.subsection_number:
        sub, number = query.subsection_number, task.number or task.part_of or ""
        in_group = number == sub or number.startswith(sub + ".")
        if not in_group and not ("." not in number and _lead_number(task.subsection) == sub):
            return False
    return True


def section_words_match(task: Task, query: Query) -> bool:
    """Does ``task``'s section or sub-section hold at least 75 % of the
    distinctive words (:func:`retrieval.query.section_words`) of one of the
    sections the query names (``query.sections``, else ``query.section``)?"""
    return holds_named_section(section_words(task.section) | section_words(task.subsection), query)


def holds_named_section(have: frozenset[str], query: Query) -> bool:
    """Do the heading words ``have`` hold at least 75 % of the distinctive
    words of one of the sections the query names by its heading ("phần cải
    cách TTHC": ``query.sections``, else ``query.section``)?"""
    for key in query.sections or ([query.section] if query.section else []):
        wanted = section_words(key)
        if wanted and len(wanted & have) / len(wanted) >= 0.75:
            return True
    return False


def unit_in_role(unit: str, task: Task, role: str) -> bool:
    """Is the unit key ``unit`` among ``task``'s lead units (``role`` "lead"),
    its coordinating units ("coordinating") or either ("any")?"""
    lead = unit_matches(unit, task.lead)
    if role == "lead":
        return lead
    coordinating = unit_matches(unit, task.coordinating)
    return coordinating if role == "coordinating" else lead or coordinating


def _today(query: Query) -> date:
    return date.fromisoformat(query.today) if query.today else date.today()


def in_window(plan: Plan, task: Task, query: Query) -> bool:
    """The deadline windows of ``query`` relative to ``query.today``:
    ``overdue`` (end date before today; "Thường xuyên" and undated tasks
    never are), ``not_yet_due`` (an end date on or after today; the same
    tasks never are), ``due_within_days`` (end date from today to today + N days), ``due_until``
    (end date from today through it)
    and ``due_before`` (end date on or before it; "*-MM-DD" in the plan's
    year). True when none is set."""
    if not (query.overdue or query.not_yet_due or query.due_within_days is not None or query.due_until or query.due_before):
        return True
    if not task.due.end or task.due.recurrence == "regular":
        return False
    end = date.fromisoformat(task.due.end)
    today = _today(query)
    if query.overdue and not task.due.passed(today):
        return False
    if query.not_yet_due and (task.due.passed(today) or task.due.recurrence in NO_DEADLINE_RECURRENCES):
        return False
    if query.due_within_days is not None and not today <= end <= today + timedelta(days=query.due_within_days):
        return False
    if query.due_until and not today <= end <= date.fromisoformat(query.due_until):
        return False
    if query.due_before:
        bound = query.due_before
        if bound.startswith("*"):
            if plan.year is None:
                return False
            bound = f"{plan.year:04d}{bound[1:]}"
        if end > date.fromisoformat(bound):
            return False
    return True


def _row_words(task: Task) -> set[str]:
    return set(canon(" ".join(filter(None, (task.content, task.objective, task.product,
                                            task.subsection)))).split())


def _holds(words: list[str], have: set[str]) -> bool:
    """All of one or two words are in ``have``, else two thirds of them."""
    hits = sum(w in have for w in words)
    return hits == len(words) if len(words) <= 2 else hits / len(words) >= 2 / 3


def topic_matches(task: Task, topic: str) -> bool:
    """Does ``task``'s content, objective, product or sub-section hold the
    topic words (``canon`` key)? All of one or two words, else two thirds."""
    return _holds(topic.split(), _row_words(task))


def kind_matches(task: Task, kind: str) -> bool:
    """Does ``task``'s row hold every word of ``kind`` (one kind of a topic
    listing several, with their shared head: "kiem tra tinh hinh thi hanh
    phap luat" of ``Query.topics``)? Stricter than :func:`topic_matches`: a
    row about another kind of the head must not pass on the head's words."""
    have = _row_words(task)
    return all(w in have for w in kind.split())


#: Most rows of a list whose sub-rows are shown when the content is asked.
FEW_ROWS = 12

#: Most words of a topic read as a term, matched as a phrase (:func:`phrase_first`).
TERM_WORDS = 3


def phrase_first(plan: Plan, tasks: list[Task], topic: str) -> list[Task]:
    """The ``tasks`` (rows that :func:`topic_matches` loosely) whose row, or
    one of its sub-rows, holds a topic of two or three words (a term) as a
    phrase ("về thi hành pháp luật": "theo dõi tình hình thi hành pháp
    luật", not "kiểm tra văn bản quy phạm pháp luật" nor "thi hành các quy
    định của pháp luật"); all of ``tasks`` when none does, or for a longer
    topic (a description: "đo lường sự hài lòng" is also written "đo lường
    mức độ hài lòng"). When no row writes a three-word term whole, a row must
    still write two of its words side by side: "chuyển đổi số" is not the
    "chuyên đề … Nghị định số" of a finance row, which holds two of its
    syllables apart."""
    words = topic.split()
    if not 2 <= len(words) <= TERM_WORDS:
        return tasks
    def texts(task: Task) -> list[str]:
        return [canon(" ".join(filter(None, (row.content, row.objective, row.product, row.subsection))))
                for row in [task, *sub_rows(plan, task)]]
    phrased = [t for t in tasks if any(contains_words(text, topic) >= 0 for text in texts(t))]
    if phrased or len(words) < TERM_WORDS:
        return phrased or tasks
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
    return [t for t in tasks if any(contains_words(text, pair) >= 0 for text in texts(t) for pair in pairs)]


def _about(task: Task, topic: str) -> bool:
    """Is ``task`` about ``topic``: its row (:func:`topic_matches`) or the
    section it sits in holds the words?"""
    if topic_matches(task, topic):
        return True
    words = topic.split()
    return _holds(words, set(canon(f"{task.section or ''} {task.subsection or ''}").split()))


#: Words of a product description that do not tell products apart.
_PRODUCT_GLUE = frozenset({"cua", "cac", "va", "ve", "do", "tai", "theo", "duoc"})


def product_matches(task: Task, product: str, exact: bool = False) -> bool:
    """Does ``task``'s product cell hold the words of ``product`` (``canon``
    key: "bao cao", "quyet dinh cua uy ban nhan dan xa")? Its first word (the
    kind of product: "quyết định", "báo cáo") must be there, and all of up to
    three content words, else three quarters of them. ``exact``: the cell
    holds those words and no others ("chỉ ghi 'Báo cáo'" is not "Báo cáo
    kết quả thực hiện")."""
    if not task.product:
        return False
    words = [w for w in product.split() if w not in _PRODUCT_GLUE] or product.split()
    if exact:
        return [w for w in canon(task.product).split() if w not in _PRODUCT_GLUE] == words
    have = set(canon(task.product).split())
    hits = sum(w in have for w in words)
    return words[0] in have and (hits == len(words) if len(words) <= 3 else hits / len(words) >= 0.75)


def written_in_form(task: Task, form: str) -> bool:
    """Is ``task``'s deadline of ``form`` (one of ``Query.deadline_forms``):
    ``ngay`` a day ("Trước ngày 10/12/2025"), ``thang`` / ``quy`` as
    :func:`deadline_written_in`, ``quy-N`` within quarter N alone ("Quý III
    năm 2025", not "Quý III,IV/2025")?"""
    if form == "ngay":
        return bool(re.search(r"\bngay \d|\b\d{1,2}/\d{1,2}/\d{4}\b", canon(task.deadline or "")))
    if not form.startswith("quy-"):
        return deadline_written_in(task, form)
    if not (task.due.start and task.due.end and deadline_written_in(task, "quy")):
        return False
    start, end, quarter = date.fromisoformat(task.due.start), date.fromisoformat(task.due.end), int(form[4:])
    return start.year == end.year and (start.month - 1) // 3 + 1 == quarter == (end.month - 1) // 3 + 1


def matches(plan: Plan, task: Task, query: Query) -> bool:
    """Does ``task`` (a row of ``plan``) meet every filter of ``query``?

    Unit: one of the lead units (or coordinating units, by
    ``query.unit_role``) contains the unit asked; no lead unit (coordinating
    unit, by ``query.exclude_role``) is one of ``query.exclude_units`` (a
    numbered row with no lead cell of its own leaves that to its sub-rows);
    the row is not one of ``query.exclude_refs``
    nor about ``query.exclude_topic`` (its numbered row's words); the ``query.empty_fields`` are empty; its
    deadline is of none of the kinds ``query.exclude_deadlines`` leaves out
    (:func:`retrieval.answering.due_kinds.excluded_by_deadline`); the row
    is one of the previous answer's (``query.previous_keys``); the
    windows of :func:`in_window`; the topic (:func:`topic_matches`); the
    product (:func:`product_matches`); the deadline's unit
    (:func:`deadline_written_in`). Section: the
    roman numeral / sub-number, or the section words. Deadline: the
    quoted text (equal when exact, else contained), "thường xuyên", or
    the period (:func:`ingest.deadline.due_in_period` in the plan's year;
    "ghi là Quý I" also wants the deadline written in quarters); negated
    by "không (phải)…", when the task has a deadline at all.
    """
    if query.unit and not unit_in_role(query.unit, task, query.unit_role):
        return False
    excluded_cell = task.coordinating if query.exclude_role == "coordinating" else task.lead
    if any(unit_matches(u, excluded_cell) for u in query.exclude_units):
        return False
    if query.exclude_units and not excluded_cell and task.number and sub_rows(plan, task):
        return False  # a row whose leads are its sub-rows' cells: those rows are judged
    if query.exclude_refs and (task.number or task.part_of) in query.exclude_refs:
        return False
    if query.exclude_topic and _about(parent_task(plan, task) or task, query.exclude_topic):
        return False
    if any(getattr(task, f) for f in query.empty_fields):
        return False
    if excluded_by_deadline(task, query.exclude_deadlines):
        return False
    if query.previous_keys and (plan.doc, row_key(plan, task)) not in query.previous_keys:
        return False
    if not in_window(plan, task, query):
        return False
    if query.topic and not topic_matches(task, query.topic) and not any(kind_matches(task, kind)
                                                                         for kind in query.topics) \
            and not any(topic_matches(task, part) for part in query.topic_alternatives):
        return False
    if query.product_text and not any(product_matches(task, p, query.product_exact)
                                      for p in [query.product_text, *query.product_alternatives]):
        return False
    if query.deadline_form and not deadline_written_in(task, query.deadline_form):
        return False
    if query.deadline_forms and not any(written_in_form(task, f) for f in query.deadline_forms):
        return False
    if query.dated_only and not (task.due.end and task.due.recurrence == "once"):
        return False
    if query.percent_only and not any("%" in (text or "") for text in (task.content, task.objective, task.product)):
        return False
    if not in_section(task, query):
        return False
    if query.section and not section_words_match(task, query):
        return False
    condition = None
    if query.deadline_text:
        condition = (_same_text(task.deadline, query.deadline_text) if query.period_exact
                     else canon(query.deadline_text) in canon(task.deadline))
    elif query.regular:
        condition = _is_regular(task)
    elif query.recurrence:
        condition = task.due.recurrence == query.recurrence
    elif query.period:
        condition = _due_in_asked_period(plan, task, query)
        if condition and query.period_written:
            unit = "quy" if "-Q" in query.period else ("thang" if "-" in query.period else "")
            words = canon(task.deadline).split()
            condition = (unit in words) if unit else bool(set(words) & {query.period})
        condition = condition or due_on_day(plan, task, query.due_on)
    if condition is None:
        return True
    if query.negate:
        return bool(task.deadline) and not condition
    return condition


def due_on_day(plan: Plan, task: Task, day: str | None) -> bool:
    """Is ``task`` due by exactly ``day`` (ISO, or "*-MM-DD" in the plan's
    year: ``Query.due_on``), its deadline a day ("Trước ngày 10/12/2025"),
    not a period ending then? False when ``day`` is ``None``."""
    if not day or task.due.start or not task.due.end:
        return False
    if day.startswith("*"):
        if plan.year is None:
            return False
        day = f"{plan.year:04d}{day[1:]}"
    return task.due.end == day


#: Where one stage of a staged deadline cell ends: "Ban hành kế hoạch: Quý
#: I/2026. Thực hiện: Trong năm 2026 …" (a dot or semicolon before a space).
_STAGE_END = re.compile(r"[.;]\s+|\n")


def _due_in_asked_period(plan: Plan, task: Task, query: Query) -> bool:
    """Is ``task`` due in ``query.period`` (:func:`due_in_period`)? A staged
    deadline ("Ban hành kế hoạch: Quý I/2026. Thực hiện: Trong năm 2026 và
    giai đoạn 2026 - 2030") is due in the period when one of its stages is:
    the row's whole span runs for years, but its plan is issued in Quý I."""
    assert query.period is not None
    if due_in_period(task.due, query.period, plan.year, query.period_exact, query.period_until):
        return True
    stages = [p for p in _STAGE_END.split(task.deadline or "") if p.strip()]
    if len(stages) < 2:
        return False
    return any(due_in_period(parse_due(stage.partition(":")[2] or stage, plan.year), query.period,
                             plan.year, query.period_exact, query.period_until)
               for stage in stages)


def _period_words(period: str) -> str:
    """"2026-Q1" → "quý I/2026", "*-03" → "tháng 3", "2026" → "năm 2026",
    "*" → "năm của kế hoạch"."""
    year, _, rest = period.partition("-")
    tail = f"/{year}" if year != "*" else ""
    if rest.startswith("Q"):
        return f"quý {['I', 'II', 'III', 'IV'][int(rest[1:]) - 1]}{tail}"
    if rest:
        return f"tháng {int(rest)}{tail}"
    return f"năm {year}" if year != "*" else "năm của kế hoạch"


def _dated(period: str, until: str | None = None) -> str | None:
    """A period (and the end of a span, ``until``) as its first and last
    days: "2030" → "01/01/2030 – 31/12/2030"; ``None`` for a period without
    its year ("*-Q1")."""
    if period.startswith("*") or (until or "").startswith("*"):
        return None
    start, _ = period_bounds(period)
    _, end = period_bounds(until or period)
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


def _kind_words(kind: str) -> str:
    """A kind of ``Query.exclude_deadlines`` in words: "cả năm", "giai đoạn 2026 - 2030"."""
    name, _, value = kind.partition(":")
    if name == "span":
        return "giai đoạn " + value.replace("-", " - ")
    if name == "year":
        return f"năm {value}"
    return DUE_KIND_WORDS.get(kind, kind)


def describe_filter(query: Query, tasks: list[Task] | None = None) -> str:
    """The filters of ``query`` in Vietnamese (" do Phòng Kinh tế chủ trì, …"),
    with a leading space; ``""`` when there are none. When the matched
    ``tasks`` of one plan share one annex section, that plan's own heading
    names it (section numbers differ between plans). A topic is quoted as the
    matched rows (else the question) write it (:func:`ingest.lexicon.written_span`)."""
    parts = []
    if query.unit_text:
        role = {"lead": "chủ trì", "coordinating": "phối hợp", "any": "chủ trì hoặc phối hợp"}
        parts.append(f"{'có ' if query.unit_role == 'coordinating' else 'do '}{query.unit_text} "
                     f"{role.get(query.unit_role, 'chủ trì')}")
    if query.exclude_texts:
        if query.exclude_role == "coordinating":
            parts.append("cơ quan phối hợp không phải " + ", ".join(query.exclude_texts))
        else:
            parts.append("không do " + ", ".join(query.exclude_texts) + " chủ trì")
    if query.exclude_refs:
        parts.append("trừ nhiệm vụ " + ", ".join(query.exclude_refs))
    if query.exclude_sections:
        parts.append("ngoài mục " + ", ".join(n.upper() for n in query.exclude_sections))
    # a topic as the rows or the question write it ("thi hành pháp luật"), not its folded key
    sources = [t.content or "" for t in tasks or []] + [query.text]
    if query.exclude_topic:
        parts.append(f"trừ nhiệm vụ về “{written_span(query.exclude_topic, sources) or query.exclude_topic}”")
    if query.empty_fields:
        parts.append("không ghi " + ", ".join(FIELD_LABELS[f].lower() for f in query.empty_fields))
    if query.topic:
        parts.append(f"về “{written_span(query.topic, sources) or query.topic}”")
    if query.product_text:
        written = next((t.product for t in tasks or [] if t.product), None) if query.product_exact else None
        cells = sorted((t.product for t in tasks or [] if t.product), key=len)
        asked = next((p for p in [*query.product_alternatives, query.product_text]  # the restatement first
                      if any(product_matches(t, p) for t in tasks or [])), query.product_text)
        said = written_span(asked, [*cells, query.text]) or next(
            (c for c in cells if canon(c) == asked), asked)
        exact = written or (said if query.product_exact else None)  # "chỉ ghi 'Báo cáo'", none found
        parts.append(f"có sản phẩm ghi đúng “{exact}”" if exact else f"có sản phẩm gồm “{said}”")
    if query.dated_only:
        parts.append("có thời hạn cụ thể")
    if query.percent_only:
        parts.append("có chỉ tiêu phần trăm (%)")
    if query.deadline_form:
        parts.append(f"có thời hạn ghi theo {'quý' if query.deadline_form == 'quy' else 'tháng'}")
    if query.deadline_forms:
        form_words = {"ngay": "ngày", "thang": "tháng", "quy": "quý"}
        parts.append("có thời hạn ghi theo " + " hoặc ".join(
            form_words.get(f) or f"riêng quý {'I' * int(f[4:]) if f[4:] != '4' else 'IV'}" for f in query.deadline_forms))
    if query.overdue:
        parts.append(f"đã quá hạn (hạn trước ngày {_today(query):%d/%m/%Y})")
    if query.not_yet_due:
        parts.append(f"chưa tới hạn (hạn từ ngày {_today(query):%d/%m/%Y} trở đi)")
    if query.due_within_days is not None:
        parts.append(f"đến hạn trong {query.due_within_days} ngày tới (từ {_today(query):%d/%m/%Y})")
    if query.due_until:
        parts.append(f"đến hạn từ {_today(query):%d/%m/%Y} đến {date.fromisoformat(query.due_until):%d/%m/%Y}")
    if query.due_before:
        day = query.due_before[-5:]
        year = "" if query.due_before.startswith("*") else "/" + query.due_before[:4]
        parts.append(f"có hạn không muộn hơn {day[3:]}/{day[:2]}{year}")
    own = {t.section for t in tasks or []}
    if query.section_text and len(own) == 1 and None not in own:
        parts.append(f"thuộc mục {own.pop()}")
    elif query.section_text:
        parts.append(f"thuộc mục {query.section_text}")
    elif query.section_number and not query.subsection_number and len(own) == 1 and None not in own:
        parts.append(f"thuộc mục {own.pop()}")
    elif query.section_number:
        parts.append(f"thuộc mục {query.section_number.upper()}"
                     + (f".{query.subsection_number}" if query.subsection_number else ""))
    neg = "không " if query.negate else ""
    if query.deadline_text:
        parts.append(f"{neg}có thời gian ghi {'đúng ' if query.period_exact else ''}“{query.deadline_text}”")
    elif query.regular:
        parts.append(f"{neg}thực hiện thường xuyên")
    elif query.recurrence:
        cycle = {"annual": "hàng năm", "quarterly": "hàng quý", "monthly": "hàng tháng"}
        parts.append(f"{neg}thực hiện {cycle[query.recurrence]}")
    elif query.period and query.negate and query.period_written and not (query.due_on or query.period_until):
        # "bỏ mấy nv có cột thời gian ghi Quý IV/2025": the cells that write it are left out, not every
        # row due in those days ("Quý III,IV/2025" stays)
        parts.append(f"trừ nhiệm vụ có {FIELD_LABELS['deadline'].lower()} ghi {_period_words(query.period)}")
    elif query.period and query.negate and not query.due_on and _dated(query.period, query.period_until):
        # "trừ các nv có hạn Năm 2030": the rows left out are said by their days, not
        # in the words their deadline cells write (the list then quotes no left-out row)
        parts.append(f"trừ nhiệm vụ có thời hạn {'đúng' if query.period_exact else 'trong'} khoảng "
                     f"{_dated(query.period, query.period_until)}")
    elif query.period:
        what = _period_words(query.period)
        if query.period_until:
            what += " – " + _period_words(query.period_until)
        if query.due_on:
            day, year = query.due_on[-5:], "" if query.due_on.startswith("*") else "/" + query.due_on[:4]
            what += f" hoặc hạn trước ngày {day[3:]}/{day[:2]}{year}"
        parts.append(f"{neg}có thời hạn {'đúng ' if query.period_exact else 'trong '}{what}")
    kinds = [k for k in query.exclude_deadlines if not k.startswith("report:")]
    if kinds:  # after what is asked: "có thời hạn trong quý IV/2026, trừ … cả năm"
        parts.append("trừ nhiệm vụ có thời hạn " + ", ".join(_kind_words(k) for k in kinds))
    reports = [k.partition(":")[2] for k in query.exclude_deadlines if k.startswith("report:")]
    if reports:  # "trừ bc hằng quý": "trừ các báo cáo hàng quý"
        parts.append("trừ các báo cáo " + ", ".join(_kind_words(k) for k in reports))
    return (" " + ", ".join(parts)) if parts else ""


def missing_reason(catalog: PlanCatalog, scope: list[Plan], asked: str) -> str:
    """Why nothing was found, in words: per plan of ``scope``, "Kế hoạch X
    không có phụ lục nhiệm vụ." or "Kế hoạch X không có <asked>."; over more
    than two plans, one sentence for the plans with an annex."""
    no_annex = [p for p in scope if not p.tasks]
    with_annex = [p for p in scope if p.tasks]
    lines = [f"Kế hoạch {plan_label(catalog, p.doc)} không có phụ lục nhiệm vụ." for p in no_annex]
    if len(with_annex) > 2:
        lines.append(f"Không kế hoạch nào trong {len(with_annex)} kế hoạch đã nạp có {asked}.")
    else:
        lines += [f"Kế hoạch {plan_label(catalog, p.doc)} không có {asked}." for p in with_annex]
    return " ".join(lines) or "Không có kế hoạch nào trong phạm vi hỏi."


def _deadline_part_asked(key: str) -> tuple[re.Pattern, str] | None:
    """The most precise part of a deadline ``key`` asks (:data:`DEADLINE_PARTS`: a day,
    else a month, else a quarter): the cell wording that gives it and its name; ``None``
    when the question asks the deadline as such ("khi nào", "thời hạn")."""
    return next(((given, word) for cue, given, word in DEADLINE_PARTS if cue.search(key)), None)


def unstated_reason(catalog: PlanCatalog, found: list[tuple[Plan, Task]], query: Query,
                    with_row: bool = True) -> str | None:
    """Why the rows ``found`` (plan, numbered task) do not answer ``query``,
    in words, else ``None``.

    * a detail no annex column holds (``query.unlisted``: "nv 22 kinh phí bao
      nhiêu?") that no cell of the rows mentions: "Nhiệm vụ 22 (Kế hoạch X)
      không nêu kinh phí: phụ lục nhiệm vụ không có cột kinh phí.";
    * the fields asked (besides the content) empty in every row and its
      sub-rows ("nv 19 hạn chót ngày nào?" with an empty deadline cell):
      "… không ghi thời gian hoàn thành (ô để trống)", or, when no row of
      the plan fills that column, "phụ lục nhiệm vụ của kế hoạch không có
      cột Mục tiêu";
    * a specific day asked (:data:`retrieval.question.cues.DAY_ASKED`: "diễn
      ra vào ngày nào?", "hạn chót ngày mấy?") and no other field, of rows
      whose deadline cells write no day (:data:`~retrieval.question.cues.DAY_WRITTEN`:
      "Tháng 11", "Khi thành phố tổ chức"): "… không ghi ngày cụ thể; thời
      gian hoàn thành ghi: Tháng 11."; likewise a month ("tháng mấy phải
      xong?") of rows whose cells write none ("Thường xuyên", "Quý III,IV/2025",
      "Cả năm 2026"), a quarter ("quý mấy?") of "Hàng năm", "Năm 2030"
      (:data:`~retrieval.question.cues.DEADLINE_PARTS`).

    Each reason ends with the row's content and lead (unless ``with_row`` is
    false: the row is shown whole after it), so the user sees which row was read.
    """
    asked = [f for f in query.fields if f != "content"]
    lines = []
    for plan, task in found:
        rows = [task] + sub_rows(plan, task)
        name = f"{task.label[0].upper()}{task.label[1:]} (Kế hoạch {plan_label(catalog, plan.doc)})"
        row = f" {task.label[0].upper()}{task.label[1:]}: {shorten(task.content or task.objective, 160)}"
        row += f"; {FIELD_LABELS['lead']}: {task.lead}." if task.lead else "."
        if query.unlisted:
            word = canon(query.unlisted)
            if any(word in canon(" ".join(filter(None, (r.content, r.objective, r.product)))) for r in rows):
                return None
            lines.append(f"{name} không nêu {query.unlisted}: phụ lục nhiệm vụ không có cột "
                         f"{query.unlisted}.{row}")
            continue
        written = list(dict.fromkeys(r.deadline for r in rows if r.deadline))
        part = _deadline_part_asked(query.key) if written and not set(asked) - {"deadline"} else None
        if part is not None:
            # "diễn ra vào ngày nào?" of a row whose deadline gives a month, a quarter or an
            # occasion, no day; "tháng mấy xong?" of "Thường xuyên", "Quý III,IV/2025":
            # said, with what the cell writes
            given, word = part
            if any(given.search(d) for d in written):
                return None
            lines.append(f"{name} không ghi {word} cụ thể; {FIELD_LABELS['deadline'].lower()} ghi: "
                         f"{'; '.join(written)}." + (row if with_row else ""))
            continue
        if not asked or any(getattr(r, f) for r in rows for f in asked):
            return None
        if query.figure and has_figure(figure_text(task, rows)):
            return None  # "nv 37 chỉ tiêu giải ngân bao nhiêu?": the content states the figure
        absent = [f for f in asked if not any(getattr(t, f) for t in plan.tasks)]
        empty = [f for f in asked if f not in absent]
        parts = []
        if empty:
            parts.append(f"{name} không ghi " + ", ".join(FIELD_LABELS[f].lower() for f in empty)
                         + " (ô để trống trong phụ lục).")
        if absent:
            parts.append(f"Phụ lục nhiệm vụ của kế hoạch {plan_label(catalog, plan.doc)} không có cột "
                         + ", ".join(FIELD_LABELS[f] for f in absent) + ".")
        lines.append(" ".join(parts) + (row if with_row else ""))
    return "\n".join(lines) or None


#: Most lead cells said in one summary line (:func:`_leads_summary`).
SUMMARY_LEADS = 4


def _leads_summary(plan: Plan, tasks: list[Task], query: Query) -> list[str]:
    """The lead asked of a list of rows with no unit filter ("phần cải cách
    tài chính công do ai chủ trì?"), said once: ``["Cơ quan chủ trì:
    Tài chính - Kế toán xã (nhiệm vụ 1, 2)."]``, each lead cell as written
    with its rows (a row without one: its sub-rows' cells); ``[]`` when the
    lead is not asked, a unit is the filter, or the rows have more than
    :data:`SUMMARY_LEADS` lead cells."""
    if "lead" not in query.fields or query.unit or len(tasks) < 2:
        return []
    one_section = len({t.section for t in tasks}) == 1
    by_lead: dict[str, list[str]] = {}
    spellings: list[str] = []
    for t in tasks:
        cells = [t.lead] if t.lead else [r.lead for r in sub_rows(plan, t) if r.lead]
        for cell in dict.fromkeys(unit_key(c) for c in cells if c and unit_key(c)):
            by_lead.setdefault(cell, []).append(t.number or "?" if one_section else display_key(plan, t))
        spellings += [c.strip() for c in cells if c]
    if not by_lead or len(by_lead) > SUMMARY_LEADS:
        return []
    written = unit_groups(spellings)
    said = "; ".join(f"{written.get(cell, cell)} (nhiệm vụ {', '.join(keys)})" for cell, keys in by_lead.items())
    return [f"{FIELD_LABELS['lead']}: {said}."]


def _as_written(plan: Plan, tasks: list[Task], query: Query) -> Query:
    """``query`` with its unit named as ``plan``'s rows ``tasks`` (and their
    sub-rows) write it ("Tài chính - Kế toán" asked, "Tài chính - Kế toán xã"
    in the cells: the most frequent spelling of the same :func:`unit_key`);
    ``query`` itself when no cell spells it."""
    if not query.unit:
        return query
    rows = [r for t in tasks for r in [t, *sub_rows(plan, t)]]
    cells = [r.coordinating if query.unit_role == "coordinating" else r.lead for r in rows]
    names = [u for cell in cells for u in split_units(cell) if unit_key(u) == query.unit]
    written = unit_groups(names).get(query.unit)
    return replace(query, unit_text=written) if written else query


def _all_blank(catalog: PlanCatalog, query: Query, groups: list[tuple[Plan, list[Task]]]) -> str | None:
    """The reason, in words, when a list's rows leave every field asked
    empty ("thế ai phối hợp 2 cái đó?" after two rows whose Cơ quan phối hợp
    cells are blank): "Nhiệm vụ 30, 31 (Kế hoạch X) không ghi cơ quan phối
    hợp (ô để trống trong phụ lục)." ``None`` when a row (or a sub-row) fills
    one, for counts, and for a filter on empty cells itself ("nv nào không
    ghi cơ quan phối hợp?", whose rows are blank by construction).
    """
    asked = [f for f in query.fields if f not in ("content", "objective")]
    if not asked or query.empty_fields or query.intent == "count":
        return None
    if any(getattr(r, f) for plan, tasks in groups for t in tasks for r in [t] + sub_rows(plan, t) for f in asked):
        return None
    words = ", ".join(FIELD_LABELS[f].lower() for f in asked)
    return "\n".join(f"Nhiệm vụ {', '.join(t.number or '?' for t in tasks)} (Kế hoạch "
                     f"{plan_label(catalog, plan.doc)}) không ghi {words} (ô để trống trong phụ lục)."
                     for plan, tasks in groups)


class TaskAnswerer:
    """Task, filter and count answers over ``plans`` (doc → :class:`Plan`),
    named in answers through ``catalog`` (:func:`retrieval.answering.rows.plan_label`)."""

    def __init__(self, plans: dict[str, Plan], catalog: PlanCatalog):
        self.plans = plans
        self.catalog = catalog

    def render_task(self, plan: Plan, task: Task, fields: list[str], label: bool) -> str:
        """:func:`retrieval.answering.rows.render_task`, prefixed with the plan's
        label when ``label``."""
        return render_task(plan, task, fields, plan_label(self.catalog, plan.doc) if label else None)

    def task_answer(self, query: Query) -> Answer:
        """Kind ``task``: every row numbered as in ``query.task_refs`` (in the
        section asked, if any) of the plans in scope, with its sub-rows, the
        fields asked first; cites each row and sub-row. Abstains when no row
        is found, or a figure is asked ("kinh phí bao nhiêu?") with no field
        and no row states one. A section-qualified number with no such row
        ("mục VI.3" where section VI numbers 3.1, 3.2) lists that group."""
        found: list[tuple[Plan, Task]] = []
        scope = plans_in_scope(self.plans, query)
        for plan in scope:
            tasks = [t for t in plan.tasks if t.number in query.task_refs and in_section(t, query)]
            if query.previous_keys:  # rows pointed at per plan ("hai xã đó …"): those rows only
                tasks = [t for t in tasks if (plan.doc, row_key(plan, t)) in query.previous_keys]
            if query.section:
                narrowed = [t for t in tasks if section_words_match(t, query)]
                tasks = narrowed or tasks
            found.extend((plan, t) for t in tasks)
        if not found and query.section_number and query.subsection_number and query.task_refs == [
                query.subsection_number]:
            # "mục VI.3 ai chủ trì?" with no row "3" in section VI: the group 3.x
            group = self.filter_answer(replace(query, task_refs=[], intent="filter"))
            if not group.abstained:
                return group
        if not found:
            asked = "nhiệm vụ " + ", ".join(query.task_refs)
            if query.section_number:
                asked += f" thuộc mục {query.section_number.upper()}"
            reason = missing_reason(self.catalog, scope, asked)
            note = numbering_note(scope[0], query.section_number) if len(scope) == 1 else None
            return abstention(query, reason=f"{reason.rstrip('.')}: {note}." if note else reason)
        if (query.fields == ["objective"] and not query.unlisted and not COLUMN_ASKED.search(query.key)
                and not any(t.objective for p, _ in found for t in p.tasks)
                and all(has_figure(figure_text(t, sub_rows(p, t))) for p, t in found)):
            # "nv 24 chỉ tiêu gì?" in an annex with no Mục tiêu column, of a row whose
            # content states a figure ("100% thủ tục …"): said so, then the whole row
            # ("cột mục tiêu ghi gì?" asks the column: said to be absent)
            query = replace(query, fields=[])
            note = "; ".join(f"Phụ lục nhiệm vụ của kế hoạch {plan_label(self.catalog, d)} không có cột "
                             f"{FIELD_LABELS['objective']}; nội dung nhiệm vụ ghi như sau."
                             for d in dict.fromkeys(p.doc for p, _ in found))
            found_answer = self.task_answer(query)
            found_answer.text = f"{note}\n{found_answer.text}"
            return found_answer
        unstated = unstated_reason(self.catalog, found, query)
        if unstated and query.fields_carried and not query.unlisted:
            # "còn nv 28?" after "thế ai phối hợp?": the row asked, whole, with its blank cell said
            whole = self.task_answer(replace(query, fields=[], fields_carried=False))
            whole.text = f"{unstated_reason(self.catalog, found, query, with_row=False)}\n{whole.text}"
            return whole
        if unstated:
            return abstention(query, reason=unstated)
        if query.figure and not (set(query.fields) - {"content"}):
            # "kinh phí bao nhiêu?": only a row that states a figure answers
            if not any(has_figure(figure_text(t, sub_rows(p, t))) for p, t in found):
                return abstention(query)
        label = len({p.doc for p, _ in found}) > 1 or not query.plan_named
        blocks, citations = [], []
        for plan, task in found:
            # the cells the question names the row by ("mục VI 2.1 (CSDL chuyên ngành)") shown too
            fields = list(query.fields) + described_fields(task, query, self.catalog.name_words)
            blocks.append(self.render_task(plan, task, fields, label))
            citations.append(task_citation(plan, task))
            citations.extend(task_citation(plan, r) for r in sub_rows(plan, task))
        head = checked_lead_line(query, found[0][1]) + "\n" if query.checked_unit and len(found) == 1 else ""
        return Answer(head + "\n".join(blocks), False, citations, "task", list(citations), query)

    def select(self, query: Query, scope: list[Plan]) -> list[tuple[Plan, list[Task]]]:
        """Per plan of ``scope`` (in order), the numbered tasks with a row
        that :func:`matches` ``query``; plans without any are left out. A row
        holding one of the kinds a topic lists (``query.topics``), or one of its
        slash-typed parts (``query.topic_alternatives``), stays; the
        rows the topic's words select are narrowed by :func:`phrase_first`."""
        groups: list[tuple[Plan, list[Task]]] = []
        for plan in scope:
            hits: list[Task] = []
            for task in plan.tasks:
                if task.number is None and not task.content:
                    continue  # a sub-row with no content of its own (a cell run on) is no task to select
                if matches(plan, task, query):
                    parent = parent_task(plan, task)
                    if parent is not None and parent not in hits:
                        hits.append(parent)
            if query.topic:
                kinds = [t for t in hits if any(kind_matches(t, k) for k in query.topics)
                         or any(topic_matches(t, part) for part in query.topic_alternatives)]
                loose = phrase_first(plan, [t for t in hits if t not in kinds], query.topic)
                hits = [t for t in hits if t in kinds or t in loose]
            if hits:
                groups.append((plan, hits))
        return groups

    def filter_answer(self, query: Query) -> Answer:
        """Kind ``filter`` or ``count`` (``query.intent``): per plan in scope,
        the numbered tasks with a row that :func:`matches`, one line each
        (content, objective, lead, the fields asked or the deadline), under
        a head line naming the numbers and the filters
        (:func:`describe_filter`); a count across plans asking "nhất" also
        names the plan with most. Abstains when no task matches."""
        scope = plans_in_scope(self.plans, query)
        groups = self.select(query, scope)
        if not groups:
            # "mục VII có nv nào không do X chủ trì?" when X leads them all: said, rows cited
            emptied = all_excluded_answer(query, scope, self.catalog, self.select, describe_filter)
            if emptied is not None:
                return emptied
            about = all_about_answer(query, scope, self.catalog, self.select, describe_filter)
            if about is not None:  # "mục thể chế có nv nào không liên quan đến pháp luật?" when all are
                return about
            asked = "nhiệm vụ nào" + describe_filter(query)
            return abstention(query, reason=missing_reason(self.catalog, scope, asked))
        if query.presence:  # "mục VII các nv có ghi thời hạn không?": the rows that do and those that do not
            return presence_answer(query, groups, self.catalog)
        label = len(groups) > 1 or not query.plan_named
        blank = _all_blank(self.catalog, query, groups)
        if blank:
            return abstention(query, reason=blank)
        if query.intent == "count" and query.per_plan:
            return self._count_per_plan(query, scope, groups)
        # a cell the filter wants empty is blank by construction: the deadline is shown instead
        extra = [f for f in query.fields if f not in ("lead", "content", *query.empty_fields)] or ["deadline"]
        blocks, citations = [], []
        for plan, tasks in groups:
            described = self._described(plan, tasks, _as_written(plan, tasks, query))
            numbers = ", ".join(display_key(plan, t) for t in tasks)
            head = f"{plan_label(self.catalog, plan.doc)}: " if label else ""
            if query.intent == "count":
                lines = [f"{head}{len(tasks)} nhiệm vụ{described} (số {numbers})."]
            else:
                lines = [f"{head}Nhiệm vụ {numbers}{described}."]
                lines += _leads_summary(plan, tasks, query)
            limit = 240 if len(tasks) <= 12 else 110
            for t in tasks:
                goal = f" [{FIELD_LABELS['objective']}: {shorten(t.objective, limit)}]" if t.objective else ""
                own = matches(plan, t, query)
                subs = [r for r in sub_rows(plan, t) if r.content and matches(plan, r, query)]
                number = t.number or "?"  # "- 3. …": the head line names the part of a number used twice
                if subs and (not own or self._subs_shown(query, tasks)):
                    # the sub-rows that meet the filter are listed under their row, with their own cells
                    # (also when the row itself does: "Lộc Hòa" parts whose sub-rows carry the duty)
                    head_values = f" ({'; '.join(self._values(plan, t, query, extra))})" if own else ""
                    lines.append(f"- {number}. {shorten(t.content, limit)}{goal}{head_values}, trong đó:")
                    lines += [f"  • {shorten(r.content, limit)} ({'; '.join(self._values(plan, r, query, extra))})"
                              for r in subs]
                else:
                    lines.append(f"- {number}. {shorten(t.content, limit)}{goal} "
                                 f"({'; '.join(self._values(plan, t, query, extra))})")
                    if "content" in query.fields and len(tasks) <= FEW_ROWS:
                        # "… gồm những nội dung gì": a row's content goes on in its sub-rows
                        lines += [f"  • {shorten(r.content or r.objective, limit)}" for r in sub_rows(plan, t)
                                  if r.content or r.objective]
                citations.append(task_citation(plan, t))
            blocks.append("\n".join(lines))
        if query.intent == "count" and len(groups) > 1 and re.search(r"\bnhat\b", query.key):
            most = max(groups, key=lambda g: len(g[1]))
            blocks.append(f"Nhiều nhất: {plan_label(self.catalog, most[0].doc)} ({len(most[1])} nhiệm vụ).")
        return Answer("\n".join(blocks), False, citations, query.intent, list(citations), query)

    def _described(self, plan: Plan, tasks: list[Task], query: Query) -> str:
        """:func:`describe_filter` of ``query`` over ``plan``'s rows ``tasks``,
        a content exclusion said by how many rows it set aside ("ngoài việc
        tổng kiểm kê tài sản công thì Phòng Kinh tế còn chủ trì nv nào": "…,
        không tính 1 nhiệm vụ thuộc diện loại trừ"), neither the left-out row's
        words nor its number, which the user named and does not want listed; as
        the words asked when it sets aside no row the other filters select."""
        if not query.exclude_topic:
            return describe_filter(query, tasks)
        kept = {id(t) for t in tasks}
        wider = replace(query, exclude_topic=None)
        left = [t for _, ts in self.select(wider, [plan]) for t in ts if id(t) not in kept]
        if not left:
            return describe_filter(query, tasks)
        return describe_filter(wider, tasks) + f", không tính {len(left)} nhiệm vụ thuộc diện loại trừ"

    @staticmethod
    def _subs_shown(query: Query, tasks: list[Task]) -> bool:
        """Are the sub-rows meeting a filter listed under a row that meets it
        too? For a list (not a count) with a filter, of at most
        :data:`FEW_ROWS` rows: a sub-row is a duty of its own ("Lộc Hòa" parts
        whose sub-rows name their own products and deadlines)."""
        return query.intent != "count" and query.has_filter and len(tasks) <= FEW_ROWS

    @staticmethod
    def _values(plan: Plan, row: Task, query: Query, extra: list[str]) -> list[str]:
        """The cells shown after a listed row: its lead (unless the filter
        is that lead unit; a numbered row without one shows its sub-rows'),
        then the ``extra`` fields, an empty cell as "(không ghi)"."""
        values = []
        subs = sub_rows(plan, row) if row.number else []
        if not query.unit or query.unit_role != "lead" or len({r.lead for r in [row] + subs}) > 1:
            values.append(f"chủ trì: {row.lead or '; '.join(r.lead or '' for r in subs)}")
        return values + [f"{FIELD_LABELS[f].lower()}: {getattr(row, f) or '(không ghi)'}" for f in extra]

    def _count_per_plan(self, query: Query, scope: list[Plan],
                        groups: list[tuple[Plan, list[Task]]]) -> Answer:
        """"Mỗi kế hoạch có bao nhiêu nhiệm vụ?": one line per plan in scope
        (a plan without an annex, or with no task matching, said so), then
        the total; each plan cited by its first matching task."""
        counted = {plan.doc: tasks for plan, tasks in groups}
        described = describe_filter(query)
        lines, citations = [], []
        for plan in scope:
            label = plan_label(self.catalog, plan.doc)
            tasks = counted.get(plan.doc, [])
            if not plan.tasks:
                lines.append(f"- {label}: không có phụ lục nhiệm vụ.")
                continue
            lines.append(f"- {label}: {len(tasks)} nhiệm vụ{described}.")
            citations += [task_citation(plan, t) for t in tasks[:1]]
        total = sum(len(t) for t in counted.values())
        lines.insert(0, f"Số nhiệm vụ{described} theo từng kế hoạch (tổng {total}):")
        verdict = self._compared(query, [p for p in scope if p.tasks], counted)
        if verdict:
            lines.append(verdict)
        return Answer("\n".join(lines), False, citations, "count", list(citations), query)

    def _compared(self, query: Query, plans: list[Plan], counted: dict[str, list[Task]]) -> str:
        """The comparison a count between plans asks (``query.count_compare``:
        "kế hoạch nào có nhiều nv hơn?", "bên nào ít nhiệm vụ hơn?", "… nhiều
        nhất?"), said from the counts: "Nam An Phụ nhiều hơn (35 so với 31)."
        for two plans, "Nhiều nhất: Việt Khê (42 nhiệm vụ)." for more, "bằng
        nhau" on a tie; "" when no comparison is asked or fewer than two plans
        have an annex."""
        if not query.count_compare or len(plans) < 2:
            return ""
        counts = sorted(((len(counted.get(p.doc, [])), p) for p in plans), key=lambda c: c[0],
                        reverse=query.count_compare == "more")
        word = "nhiều" if query.count_compare == "more" else "ít"
        (first, plan), (second, _) = counts[0], counts[1]
        if first == second:
            tied = [plan_label(self.catalog, p.doc) for n, p in counts if n == first]
            return f"Bằng nhau: {', '.join(tied)} cùng có {first} nhiệm vụ."
        if len(counts) == 2:
            return f"{plan_label(self.catalog, plan.doc)} {word} hơn ({first} so với {second} nhiệm vụ)."
        return f"{word.capitalize()} nhất: {plan_label(self.catalog, plan.doc)} ({first} nhiệm vụ)."
