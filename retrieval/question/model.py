"""The question model: what a staff question asks, as one :class:`Query`.

:class:`Intent` names what is asked; :class:`Query` holds the plans, the task
selection, the fields and the aggregation. :mod:`retrieval.question.parse`
fills it; :mod:`retrieval.question.followup` resolves follow-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

__all__ = ["FIELDS", "META_FIELDS", "Intent", "Query", "section_numeral", "split_row_key"]


class Intent(str, Enum):
    """What a question asks. A ``str`` enum, so ``query.intent == "task"`` holds.

    * ``TASK`` – fields of numbered task rows ("nv 22 ai chủ trì?");
    * ``FILTER`` – the tasks a selection gives ("các nhiệm vụ quý I");
    * ``COUNT`` – how many tasks ("bao nhiêu nhiệm vụ …", also per plan);
    * ``AGGREGATE`` – earliest/latest deadline, the unit that leads most;
    * ``LOOKUP`` – fields of the task rows a content description picks
      ("ai lo việc số hóa hồ sơ?");
    * ``META`` – a header fact (số quyết định, ngày ký, người ký);
    * ``PLANS`` – which loaded plans cover a period;
    * ``WHICH_PLANS`` – which plans mention a term ("kế hoạch nào nhắc PAPI?");
    * ``TARGETS`` – one target across plans, per plan ("các xã đặt mục tiêu
      thanh toán trực tuyến thế nào?", "so sánh chỉ tiêu X giữa A và B");
    * ``UPPER`` – the upper-level locality of each plan ("năm xã thuộc địa
      phương cấp trên nào?");
    * ``SIMILAR`` – the tasks of other plans like the previous answer's rows
      ("Việt Khê có nhiệm vụ tương tự không?", "kế hoạch nào khác cũng có
      nhiệm vụ như vậy?");
    * ``BODY_ANNEX`` – one plan's body and annex side by side ("phần chỉ
      tiêu với phụ lục có khác không?");
    * ``SEARCH`` – everything else: passages of the body.
    """

    TASK = "task"
    FILTER = "filter"
    COUNT = "count"
    AGGREGATE = "aggregate"
    LOOKUP = "lookup"
    META = "meta"
    PLANS = "plans"
    WHICH_PLANS = "which_plans"
    TARGETS = "targets"
    UPPER = "upper"
    SIMILAR = "similar"
    BODY_ANNEX = "body_annex"
    SEARCH = "search"

    def __str__(self) -> str:
        return self.value


FIELDS = ("lead", "coordinating", "deadline", "product", "content")
META_FIELDS = ("signer", "decision", "date", "issuer")


@dataclass
class Query:
    """A parsed question.

    * ``text`` the question as typed; ``key`` its :func:`canon` form;
    * ``plans`` docs the question names (``[]`` = none named);
      ``plan_named`` True when it names a plan at all (so ``plans == []``
      with ``plan_named`` means "a plan that is not loaded");
      ``unknown_place`` the place named that no loaded plan is for;
    * ``task_refs`` task numbers as written ("22", "2.3"), in order;
    * ``fields`` fields asked, subset of :data:`FIELDS`, in that order,
      preceded by ``objective`` when a numbered row's objective cell is
      asked ("nv 18 cột mục tiêu ghi gì?"); ``unlisted`` a detail of a
      numbered row that no annex column holds, as said ("kinh phí": "nv 22
      kinh phí bao nhiêu?");
      ``meta`` a header fact asked (:data:`META_FIELDS`) or ``None``,
      ``metas`` every one asked, in order ("số mấy, ngày nào, ai ký?");
      ``figure`` True when the question asks for a figure (bao nhiêu, tỷ
      lệ, phần trăm);
    * task filters: ``unit`` (unit key) and ``unit_text`` (as in the
      plans); ``period`` ("2026", "2026-Q1", "2026-03"; "*" for the year
      when the question gives none: "*-Q1"), ``period_until`` the last
      period of a span ("quý III, IV/2025" → "2025-Q3" … "2025-Q4"; "tháng
      10 hoặc tháng 11"), with ``period_exact`` (the
      deadline must be that whole period: "cả năm 2026", "chỉ ghi Quý
      IV/2025") and ``period_written`` (the deadline is written in that
      unit: "thời gian ghi là Quý I" wants "Quý I/2026", not "Trước ngày
      15/01/2026"); ``deadline_text`` a quoted deadline ("Hàng năm") with
      ``period_exact`` meaning equality; ``regular`` (thường xuyên);
      ``recurrence`` (``annual``/``quarterly``/``monthly``: "hàng năm",
      "hàng quý", "hàng tháng");
      ``negate`` (the deadline condition is negated: "không phải thường
      xuyên"); ``section`` (best section key), ``sections`` (every section
      named: "mục A và B"), ``section_text``;
      ``section_number`` (roman numeral of a section, "vii") and
      ``subsection_number`` ("3" of "mục II.3");
    * ``count`` (bao nhiêu nhiệm vụ), ``wants_list`` (những nhiệm vụ nào),
      ``cross_doc`` (xã nào, kế hoạch nào, so sánh);
    * selection beyond those: ``unit_role`` (``lead``, ``coordinating`` or
      ``any``: "Phòng X phối hợp những nhiệm vụ nào"), ``exclude_units``
      (unit keys a lead must not be: "không do Phòng VH-XH chủ trì", with
      ``exclude_texts`` as written; ``exclude_role`` ``coordinating`` when
      the coordinating cell must not name them: "cơ quan phối hợp không phải
      X"), ``exclude_refs`` / ``exclude_topic``
      (rows left out by number or by content words: "trừ nhiệm vụ 28",
      "trừ cái kiểm kê tài sản ra"), ``exclude_sections`` (roman numerals of
      annex sections left out: "ngoài phần VII thì Phòng X chủ trì nv nào"), ``empty_fields`` (fields whose cell
      must be empty: "không ghi cơ quan phối hợp"), ``presence`` (fields the
      rows are asked whether they fill, yes or no: "mục VII các nv có ghi thời
      hạn không?", answered with the rows that do and those that do not), ``exclude_deadlines`` (kinds of deadline left
      out beside the other filters: ``whole_year``, ``regular``, ``annual``,
      ``quarterly``, ``monthly``, ``form:quy``/``form:thang``, ``span:2026-2030``,
      ``year:2030``; "trong quý IV (ko tính các nv cả năm)", "trừ các nv có giai
      đoạn 2026-2030": :mod:`retrieval.question.due_exclusion`), ``overdue`` (end date
      before ``today``, not regular), ``not_yet_due`` (an end date, on or after
      ``today``: "hạn theo tháng chưa tới"), ``due_within_days`` (end date within N
      days from ``today``: "sắp đến hạn", "trong 30 ngày tới"),
      ``due_until`` (ISO date: the end falls from ``today`` through it, today
      being the answer's: "từ nay tới hết tháng 10"),
      ``due_before`` (ISO date the end must not pass: "trước 30/6/2026"),
      ``due_on`` (a deadline day asked beside ``period`` as another kind:
      "hạn Quý IV hay trước 10/12" wants the rows due in the quarter or due
      by that very day, "*-12-10" in the plan's year),
      ``topic`` (content words a task row must hold: "các nhiệm vụ về đào
      tạo"), ``topics`` the kinds a topic lists, each with the head they share
      (a row about any one is about the topic: "về theo dõi, kiểm tra, khảo
      sát tình hình thi hành pháp luật"), ``topic_alternatives`` the parts of a topic
      typed as a slash list, each matched as loosely as the topic ("tập huấn/đào tạo
      bồi dưỡng cán bộ" → "tap huan", "dao tao boi duong can bo"), ``product_text`` (words the product cell must hold: "nhiệm vụ
      nào có sản phẩm là báo cáo") with ``product_exact`` (the cell is
      just that: "sản phẩm chỉ ghi 'Báo cáo'"), ``product_alternatives`` the
      product said again in brackets ("Dien so/Chi so (Điểm số Chỉ số)": a cell
      holding either is the product), ``deadline_form`` (``quy``/``thang``: the
      deadline is written in quarters or months, "thời hạn ghi theo quý"),
      ``deadline_forms`` several forms as alternatives (``ngay``, ``thang``,
      ``quy``, ``quy-3`` a deadline within quarter III alone: "hạn theo ngày,
      tháng hoặc riêng quý III"), ``dated_only`` (a one-off deadline with a
      known end: "cái nào có hạn cụ thể"), ``percent_only`` (a "%" in the
      row: "cái nào có chỉ tiêu %"),
      ``previous_keys`` ((doc, number) of the previous answer's rows,
      for "trong đó …"); ``similar_to`` ((doc, number) of the previous
      answer's rows the question asks the like of, "… có nhiệm vụ tương tự
      không?"); ``other_than`` docs the question sets aside ("các xã
      khác chỉ tiêu này thế nào?": the previous turn's plans); ``today`` ISO date the windows count from ("tính đến ngày
      30/9" gives 1/10: that day has passed, and ``today_given``; else set by
      the answerer, a parameter so evaluation can fix it); ``duties_carried``
      (a follow-up naming another unit after a question on a unit's duties,
      "còn công chức Văn hóa - xã hội?": that unit's duties asked); ``fields_carried``
      (the fields were the previous turn's, not asked now: "còn nv 28?" after
      "thế ai phối hợp?"; a blank cell is said beside the whole row); ``reasked``
      (the previous question asked again, word for word, of another plan: "còn
      xã Phú Thái?"; set by the answerer); ``result_keys``
      ((doc, row key) of the rows the answer gave: the row's number, or
      "iii.3" where the plan numbers afresh per section
      (:func:`retrieval.answering.rows.row_key`, :func:`split_row_key`), set by the answerer, for
      the next turn's "trong đó"); ``mentioned`` the plans named so far in
      the conversation, latest last (for "kế hoạch kia"); ``recent_keys``
      the rows of the earlier turns, latest last (for "trong 2 cái đó" after
      two one-row answers); ``other_part`` (``body`` / ``annex``) the other part
      of the same plan asked of the subject just answered ("phần thân KH thì
      ghi bao nhiêu?" after an annex row, "trong phụ lục thì sao?" after a body
      sentence), with ``part_subject`` the earlier question whose subject it is
      (the rows are ``task_refs``, kept from the earlier turn); ``parts`` doc →
      ``body`` / ``annex``, the part a question across named plans reads in each
      ("so sánh PT (thân KH) với VK (phụ lục)", "… trong phụ lục của NAP, VK",
      :func:`retrieval.question.crossplan.plan_parts`); ``named_sections`` (key, text)
      of the annex sections the question names, also when it asks no list ("còn
      Trường Xuân mục cải cách thể chế?": a follow-up asking that section's rows);
      ``within`` the selection (attribute → value) of the rows a "trong đó …"
      turn chose among ("VK những nv Phòng Kinh tế chủ trì" → "trong đó cái nào hạn
      quý IV"), carried when that turn is asked again of another plan ("còn TX
      thì sao?": Phòng Kinh tế's rows there, due in quý IV);
    * ``checked_unit`` (unit key) and ``checked_text`` (as in the plans): the
      unit a row found by its content is checked against as its lead, a
      yes/no ("việc X có phải do Trung tâm Y chủ trì không?"); not a filter,
      nor words of the row's content;
    * ``content`` the words that describe what is asked about, once plan
      names, field cues, follow-up cues, padding and particles are taken out
      (:func:`retrieval.question.parse.content_words`; "the LH thì tỷ lệ đúng
      hạn tối thiểu bao nhiêu?" gives "ty le dung han toi thieu", "còn TX thì
      sao?" none);
    * aggregation: ``aggregate`` (``earliest``, ``latest`` deadline,
      ``top_lead`` the unit leading most), ``per_plan`` (counted per plan:
      "mỗi kế hoạch có bao nhiêu nhiệm vụ"); ``mention`` the term of "kế
      hoạch nào nhắc đến X"; ``mention_every`` the term asked of every plan
      at once, a yes/no ("cả 5 KH đều nêu X phải không?"); ``count_compare``
      (``more``/``fewer``) a task count compared between plans ("A với B, kế
      hoạch nào có nhiều nv hơn?", "bên nào ít nhiệm vụ hơn"), answered per
      plan with the comparison said;
    * which plans: ``which`` True when the question asks which plans (or
      communes) meet what it says ("KH nào nhắc X", "những xã nào thuộc
      thành phố Y", "kế hoạch nào đặt chỉ tiêu Z đạt 90% trở lên", "những KH
      nào nêu tên người ký"): the answer names the plans that do and only
      counts the others (:func:`retrieval.question.crossplan.asks_which`);
      ``threshold`` the bound a target's figure must meet, ``(op, value)``
      with ``op`` one of ``>=``, ``>``, ``<=``, ``<`` and ``value`` a
      percentage ("đạt 90% trở lên" → ``(">=", 90.0)``), else ``None``;
    * ``intent``: ``task`` | ``filter`` | ``count`` | ``meta`` | ``plans``
      (which plans cover a period) | ``search``;
    * ``search_text``: the text for passage search (the question, with the
      expansions of its abbreviations appended).
    """

    text: str
    key: str
    plans: list[str] = field(default_factory=list)
    plan_named: bool = False
    unknown_place: str | None = None
    task_refs: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    unlisted: str | None = None
    meta: str | None = None
    metas: list[str] = field(default_factory=list)
    figure: bool = False
    unit: str | None = None
    unit_text: str | None = None
    period: str | None = None
    period_until: str | None = None
    period_exact: bool = False
    period_written: bool = False
    deadline_text: str | None = None
    regular: bool = False
    recurrence: str | None = None
    negate: bool = False
    section: str | None = None
    section_text: str | None = None
    sections: list[str] = field(default_factory=list)
    section_number: str | None = None
    subsection_number: str | None = None
    count: bool = False
    wants_list: bool = False
    cross_doc: bool = False
    unit_role: str = "lead"
    exclude_units: list[str] = field(default_factory=list)
    exclude_texts: list[str] = field(default_factory=list)
    exclude_role: str = "lead"
    checked_unit: str | None = None
    checked_text: str | None = None
    exclude_refs: list[str] = field(default_factory=list)
    exclude_topic: str | None = None
    exclude_sections: list[str] = field(default_factory=list)
    empty_fields: list[str] = field(default_factory=list)
    presence: list[str] = field(default_factory=list)
    exclude_deadlines: list[str] = field(default_factory=list)
    overdue: bool = False
    not_yet_due: bool = False
    due_within_days: int | None = None
    due_until: str | None = None
    due_before: str | None = None
    due_on: str | None = None
    topic: str | None = None
    topics: list[str] = field(default_factory=list)
    topic_alternatives: list[str] = field(default_factory=list)
    product_text: str | None = None
    product_exact: bool = False
    product_alternatives: list[str] = field(default_factory=list)
    deadline_form: str | None = None
    deadline_forms: list[str] = field(default_factory=list)
    dated_only: bool = False
    percent_only: bool = False
    aggregate: str | None = None
    per_plan: bool = False
    mention: str | None = None
    mention_every: bool = False
    count_compare: str | None = None
    which: bool = False
    threshold: tuple[str, float] | None = None
    previous_keys: list[tuple[str, str]] = field(default_factory=list)
    similar_to: list[tuple[str, str]] = field(default_factory=list)
    other_than: list[str] = field(default_factory=list)
    today: str | None = None
    today_given: bool = False
    duties_carried: bool = False
    fields_carried: bool = False
    reasked: bool = False
    result_keys: list[tuple[str, str]] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    recent_keys: list[tuple[str, str]] = field(default_factory=list)
    other_part: str | None = None
    part_subject: str | None = None
    parts: dict[str, str] = field(default_factory=dict)
    named_sections: list[tuple[str, str]] = field(default_factory=list)
    within: dict[str, object] = field(default_factory=dict)
    content: list[str] = field(default_factory=list)
    intent: str = "search"
    search_text: str = ""

    @property
    def has_filter(self) -> bool:
        """True when any task filter is set (unit, deadline, section,
        exclusion, empty field, window, topic, previous result set), or the
        rows are asked whether they fill a cell (``presence``: every row is
        read)."""
        return bool(self.unit or self.period or self.regular or self.recurrence
                    or self.deadline_text or self.section or self.section_number
                    or self.exclude_units or self.exclude_refs or self.exclude_topic or self.exclude_sections or self.empty_fields
                    or self.exclude_deadlines or self.overdue
                    or self.not_yet_due or self.due_within_days is not None or self.due_until or self.due_before or self.due_on or self.topic
                    or self.product_text or self.deadline_form or self.deadline_forms or self.previous_keys
                    or self.dated_only or self.percent_only or self.presence)


def split_row_key(key: str) -> tuple[str | None, str]:
    """A row key of ``Query.result_keys`` read back: "iii.3" → ("iii", "3")
    (the section's roman numeral, then the row's number, for plans that number
    afresh in each section); "22" → (None, "22"); "2.3" → (None, "2.3")."""
    head, _, rest = key.partition(".")
    if rest and re.fullmatch(r"[ivxlc]+", head):
        return head, rest
    return None, key


def section_numeral(section: str | None) -> str | None:
    """The roman numeral heading an annex section, lower case: "III. Cải
    cách tổ chức bộ máy" → "iii"; ``None`` when the heading has none."""
    m = re.match(r"^\s*([IVXLC]+)\b", section or "", re.IGNORECASE)
    return m.group(1).lower() if m else None
