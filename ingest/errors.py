"""The project's errors: one root, :class:`CchcError`; messages are Vietnamese, user-facing.

Every expected failure is a subclass; the CLI prints ``str(err)`` and exits
with its ``exit_code`` (never a traceback), the UI shows the message.

* :class:`InputError` (exit 2) – bad input from the user: a missing path,
  an impossible year or period; :class:`IngestError` and its subclasses
  below are the plan files that cannot be loaded (nothing is written when
  one is raised);
* :class:`IndexStateError` (exit 2) – no usable index, or one built with
  another embedder (``retrieval.store.IndexNotFoundError``,
  ``retrieval.search.EmbedderMismatchError``): run ``cchc index``;
* :class:`ConfigError` (exit 2) – a bad setting (``retrieval.llm.LLMConfigError``,
  an unknown embedder spec).
"""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024


class CchcError(Exception):
    """Root of every expected failure; ``str(err)`` is the user-facing Vietnamese message."""

    exit_code = 1


class InputError(CchcError):
    """Bad input given by the user (a path, an option, a file)."""

    exit_code = 2


class IndexStateError(CchcError):
    """The index is missing or unusable; the message says to run ``cchc index``."""

    exit_code = 2


class ConfigError(CchcError, ValueError):
    """A setting (``CCHC_*`` variable or option) that cannot be used."""

    exit_code = 2


class IngestError(InputError):
    """A plan file that cannot be loaded; base of the loaders' errors below."""


class MissingFileError(IngestError):
    """The path does not exist or is not a regular file."""

    def __init__(self, name: str):
        super().__init__(f"Không tìm thấy tệp: {name}")


class EmptyFileError(IngestError):
    """The file has no bytes, or no text at all."""

    def __init__(self, name: str):
        super().__init__(f"Tệp rỗng, không có nội dung để nạp: {name}")


class FileTooLargeError(IngestError):
    """The file exceeds :data:`MAX_BYTES` (50 MB)."""

    def __init__(self, name: str, size: int):
        super().__init__(
            f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB), giới hạn là 50 MB: {name}"
        )


class UnsupportedTypeError(IngestError):
    """The content is not PDF, DOCX, TXT or MD (checked by content, not extension)."""

    def __init__(self, name: str, detail: str = ""):
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"Định dạng tệp không được hỗ trợ{extra}: {name}. "
            "Chỉ nhận PDF, DOCX, TXT hoặc MD."
        )


class CorruptFileError(IngestError):
    """The file claims a known format but cannot be read (truncated, damaged)."""

    def __init__(self, name: str, detail: str = ""):
        extra = f": {detail}" if detail else ""
        super().__init__(f"Tệp bị hỏng hoặc không đọc được ({name}){extra}")


class EncryptedFileError(IngestError):
    """The PDF or DOCX is password-protected."""

    def __init__(self, name: str):
        super().__init__(
            f"Tệp được đặt mật khẩu/mã hóa, không thể đọc: {name}. "
            "Hãy gỡ mật khẩu rồi nạp lại."
        )


class NoTextLayerError(IngestError):
    """A PDF whose pages carry no text (a scan)."""

    def __init__(self, name: str):
        super().__init__(
            "PDF không có lớp văn bản (có thể là bản scan) — cần OCR trước khi nạp"
            f": {name}"
        )
