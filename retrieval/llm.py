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
from the citations.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Callable

from langchain_core.prompts import ChatPromptTemplate

from ingest.errors import ConfigError
from ingest.textnorm import fold

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


def llm_answer(model, question: str, hits: list, cite: Callable[[Any], Any]):
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
    return text, [cite(hits[n - 1]) for n in used]
