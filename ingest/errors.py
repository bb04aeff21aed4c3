"""Errors raised while loading a plan. Messages are Vietnamese, user-facing.

Each class is one failure the CLI and the UI report as-is; the CLI exits
with a non-zero code. Nothing is written when any of these is raised.
"""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024


class IngestError(Exception):
    """Base class; ``str(err)`` is the user-facing Vietnamese message."""

    exit_code = 2


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
    """A PDF whose pages carry no text, not even after OCR (drawings only, a blank scan)."""

    def __init__(self, name: str):
        super().__init__(
            "PDF không có lớp văn bản và nhận dạng chữ (OCR) không đọc được chữ nào"
            f": {name}"
        )


class ParseLimitError(IngestError):
    """Parsing the file hit a safety limit (time, memory, uncompressed size,
    element counts); ``limit`` names it. Such files are refused whole."""

    def __init__(self, name: str, limit: str):
        self.limit = limit
        super().__init__(
            f"Tệp vượt giới hạn an toàn khi đọc ({limit}), không nạp: {name}"
        )


class LegacyEncodingError(IngestError):
    """Text that reads as mojibake (a pre-Unicode Vietnamese encoding) and
    that no known conversion (TCVN3, VNI: :mod:`ingest.legacy`) repairs."""

    def __init__(self, name: str):
        super().__init__(
            "Văn bản dùng bảng mã tiếng Việt cũ không nhận ra được (không phải Unicode, "
            f"TCVN3 hay VNI) — hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi nạp lại: {name}"
        )


class OcrUnavailableError(NoTextLayerError):
    """A PDF page has no text layer and OCR cannot run (Tesseract or its
    Vietnamese data missing); ``reason`` says which."""

    def __init__(self, name: str, reason: str):
        IngestError.__init__(
            self,
            f"PDF không có lớp văn bản (bản scan) nhưng không nhận dạng chữ (OCR) được: {reason}. "
            f"Hãy cài tesseract-ocr và tesseract-ocr-vie rồi nạp lại: {name}",
        )


class OcrTimeoutError(IngestError):
    """OCR of one scanned page took longer than its time limit."""

    def __init__(self, name: str, page: int, seconds: float):
        super().__init__(
            f"Nhận dạng chữ (OCR) trang {page} vượt quá thời gian cho phép ({seconds:.0f} giây)"
            f" — bản scan quá lớn hoặc máy quá tải; có thể tăng CCHC_OCR_PAGE_TIMEOUT: {name}"
        )


class MissingToolError(IngestError):
    """A system program a format needs is not installed (e.g. LibreOffice for .doc)."""

    def __init__(self, name: str, tool: str, what: str):
        super().__init__(f"Cần cài {tool} để đọc {what}: {name}")
