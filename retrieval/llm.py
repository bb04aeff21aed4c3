"""Optional LLM answers through langchain-core chat models (off by default).

Configured by :class:`assistant.settings.Settings` (environment variables):

* ``CCHC_LLM`` – ``openai`` (any OpenAI-compatible endpoint, package
  ``langchain-openai``) or ``ollama`` (package ``langchain-ollama``); unset,
  empty or ``off`` disables the LLM;
* ``CCHC_LLM_MODEL`` – the model name (required when enabled);
* ``CCHC_LLM_BASE_URL`` – the endpoint (optional);
* ``CCHC_LLM_API_KEY`` – passed as the key for OpenAI-compatible endpoints
  when set (otherwise the provider's own environment variable applies).

The provider package is imported only when enabled; a missing one raises
:class:`LLMConfigError` with what to install (it is not a dependency).

Only extractive (non-task) questions ever reach the model, and it sees only
the retrieved passages, numbered ``[1]``…``[n]``; the prompts are
``prompts/answer_system.txt`` and ``prompts/answer_user.txt``. Citation ids
it writes that are not among the passages are dropped from the text and
from the citations. Every figure, date, quarter, task number and unit name
the answer states must occur in a passage it cites
(:func:`unsupported_claims`); otherwise the answer is discarded and the
caller falls back to the extractive answer, so a model that "improves" 90%
into 10% is never shown.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from ingest.errors import ConfigError
from ingest.textnorm import fold

log = logging.getLogger(__name__)
PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
NOT_FOUND = "KHÔNG_TÌM_THẤY"
_ID = re.compile(r"\[(\d{1,3})\]")
log = logging.getLogger(__name__)


class LLMConfigError(ConfigError):
    """The LLM is enabled but cannot be set up (unknown provider, missing
    package or model name). The message says what to do, in Vietnamese."""


def get_chat_model(provider: str | None, model: str | None = None, base_url: str | None = None,
                   api_key: str | None = None) -> Any:
    """The chat model of ``provider`` (``CCHC_LLM``: openai | ollama), or ``None`` when disabled.

    ``provider`` unset, empty, "off", "none", "0" or "false" disables it;
    ``model`` (``CCHC_LLM_MODEL``) is then required; ``base_url`` and
    ``api_key`` are optional. Raises :class:`LLMConfigError` (a
    :class:`ingest.errors.ConfigError`) for a bad configuration.
    """
    provider = (provider or "").strip().lower()
    if provider in ("", "off", "none", "0", "false"):
        return None
    model = (model or "").strip()
    if not model:
        raise LLMConfigError("CCHC_LLM đã bật nhưng thiếu CCHC_LLM_MODEL (tên mô hình).")
    base_url = (base_url or "").strip() or None
    if provider == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as err:
            raise LLMConfigError(
                "CCHC_LLM=openai cần gói langchain-openai (pip install langchain-openai)."
            ) from err
        kwargs: dict[str, Any] = {"model": model, "temperature": 0}
        if base_url:
            kwargs["base_url"] = base_url
        if api_key:
            kwargs["api_key"] = api_key
        return ChatOpenAI(**kwargs)
    if provider == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError as err:
            raise LLMConfigError(
                "CCHC_LLM=ollama cần gói langchain-ollama (pip install langchain-ollama)."
            ) from err
        kwargs = {"model": model, "temperature": 0}
        if base_url:
            kwargs["base_url"] = base_url
        return ChatOllama(**kwargs)
    raise LLMConfigError(f"CCHC_LLM không hợp lệ: {provider!r} (chỉ nhận openai hoặc ollama).")


def build_prompt() -> ChatPromptTemplate:
    """The answer prompt: system rules + passages and question (Vietnamese)."""
    system = (PROMPTS_DIR / "answer_system.txt").read_text(encoding="utf-8").strip()
    user = (PROMPTS_DIR / "answer_user.txt").read_text(encoding="utf-8").strip()
    return ChatPromptTemplate.from_messages([("system", system), ("human", user)])


def format_passages(hits: list) -> str:
    """Passages as the model sees them: "[n] (<doc> – <locator>) <quote>"."""
    lines = []
    for i, hit in enumerate(hits, 1):
        chunk = hit.chunk
        where = f"{chunk.title or chunk.doc} – {chunk.locator}"
        lines.append(f"[{i}] ({where}) {chunk.quote}")
    return "\n".join(lines)


def llm_answer(
    model: BaseChatModel, question: str, hits: list, cite: Callable[[Any], Any]
) -> tuple[str, list[Any]] | None:
    """Ask ``model`` to answer ``question`` from ``hits`` only.

    Returns ``(text, citations)``: ``citations`` are ``cite(hit)`` for the
    valid ids the answer writes, in order of first use (``[]`` when the
    model answers :data:`NOT_FOUND` or cites nothing valid: the caller
    abstains). Invalid ids are removed from ``text``. Returns ``None`` when
    the model call fails (the caller falls back to the extractive answer;
    the error is logged as a warning).
    """
    prompt = build_prompt()
    try:
        message = (prompt | model).invoke(
            {"passages": format_passages(hits), "question": question}
        )
    except Exception as err:  # network, auth, provider errors: fall back
        log.warning("không gọi được LLM (%s); dùng câu trả lời trích dẫn.", err)
        return None
    text = message.content if isinstance(message.content, str) else str(message.content)
    text = text.strip()
    if not text or "khong_tim_thay" in fold(text).replace(" ", "_"):
        return text, []
    used: list[int] = []

    def keep(m: re.Match) -> str:
        n = int(m.group(1))
        if 1 <= n <= len(hits):
            if n not in used:
                used.append(n)
            return m.group(0)
        return ""

    text = re.sub(r"\s+([.,;])", r"\1", _ID.sub(keep, text)).strip()
    if used:
        cited = [hits[n - 1].chunk for n in used]
        missing = unsupported_claims(text, [f"{c.title or c.doc} {c.locator} {c.text} {c.quote}" for c in cited])
        if missing:
            log.warning("LLM answer states what its sources do not (%s); using the extractive answer",
                        ", ".join(missing))
            return None
    return text, [cite(hits[n - 1]) for n in used]


_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_QUARTER = re.compile(r"\bqu[yý]\s+(iv|iii|ii|i|[1-4])\b", re.IGNORECASE)
_UNIT_HEADS = ("văn phòng", "phòng", "sở", "trung tâm", "ban", "ủy ban", "uỷ ban", "ubnd", "hđnd",
               "công an", "hội đồng", "hội", "đoàn", "bộ", "chi cục", "cục", "đảng ủy", "đảng uỷ",
               "mặt trận", "bảo hiểm", "kho bạc")
_UNIT_STOP = frozenset("chủ trì phối hợp thực hiện và là có đã sẽ được nhiệm hoàn thành trước "
                       "trong theo với của để cùng tại các".split())
_TOKENS = re.compile(r"[^\W\d_][\w&]*|[–-]|[^\w\s]")


def _dates(text: str) -> set[str]:
    out = set()
    for m in _DATE.finditer(text):
        out.add("/".join(str(int(p)) for p in m.group(0).split("/")))
    return out


def _numbers(text: str) -> set[str]:
    bare = _QUARTER.sub(" ", _DATE.sub(" ", text))
    return {m.group(0).replace(",", ".").rstrip(".") for m in _NUMBER.finditer(bare)}


def _quarters(text: str) -> set[str]:
    roman = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
    return {roman.get(q.lower(), q.lower()) for q in _QUARTER.findall(fold(text))}


def _unit_names(text: str) -> list[str]:
    """Unit names in ``text``: a unit word ("Phòng", "Sở", "Trung tâm"…) starting
    with a capital, then capitalised words, each optionally followed by one
    lower-case word ("Phòng Kinh tế", "Phòng Văn hóa – Xã hội", "Sở Y tế")."""
    tokens = _TOKENS.findall(text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        head = next((h for h in sorted(_UNIT_HEADS, key=len, reverse=True)
                     if " ".join(tokens[i:i + len(h.split())]).lower() == h), None)
        if head is None or not tokens[i][:1].isupper():
            i += 1
            continue
        j = i + len(head.split())
        words = tokens[i:j]
        while j < len(tokens):
            tok = tokens[j]
            if tok in "–-" and j + 1 < len(tokens) and tokens[j + 1][:1].isupper():
                words.append(tok)
                j += 1
            elif tok[:1].isupper() and tok[:1].isalpha():
                words.append(tok)
                j += 1
                nxt = tokens[j] if j < len(tokens) else ""
                if nxt[:1].islower() and nxt.lower() not in _UNIT_STOP:
                    words.append(nxt)
                    j += 1
            else:
                break
        if len(words) > len(head.split()):
            out.append(" ".join(words))
        i = max(j, i + 1)
    return out


def _unit_keys(text: str) -> set[str]:
    from ingest.units import unit_key

    return {unit_key(name) for name in _unit_names(text)}


def unsupported_claims(answer: str, passages: list[str]) -> list[str]:
    """The facts ``answer`` states that no passage in ``passages`` holds.

    Checked: dates ("15/7/2021", leading zeros ignored), numbers (figures,
    percentages, years, task numbers such as "nhiệm vụ 22"; "90%" needs 90),
    quarters ("Quý II", "quý 2") and unit names ("Phòng Văn hóa – Xã hội",
    compared by :func:`ingest.units.unit_key`, so spellings meet; a unit
    is supported when its key is inside a passage's text key). Citation
    markers ``[n]`` are ignored. Returns the unsupported ones, in Vietnamese
    labels ("số 10", "ngày 1/6", "quý iii", "đơn vị Phòng Tư pháp").
    """
    from ingest.units import unit_key

    text = _ID.sub(" ", answer)
    source = "\n".join(passages)
    missing: list[str] = []
    missing += [f"ngày {d}" for d in sorted(_dates(text) - _dates(source))]
    missing += [f"số {n}" for n in sorted(_numbers(text) - _numbers(source))]
    missing += [f"quý {q}" for q in sorted(_quarters(text) - _quarters(source))]
    source_key = " ".join(unit_key(p) for p in passages)
    for key in sorted(_unit_keys(text)):
        if key and key not in source_key:
            missing.append(f"đơn vị {key}")
    return missing
