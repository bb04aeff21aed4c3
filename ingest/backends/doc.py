"""Word 97-2003 (.doc) loader: LibreOffice converts the file to DOCX, the Word loader reads it.

The conversion runs ``soffice --headless --convert-to docx`` in a subprocess
with its own temporary user profile (``-env:UserInstallation``) and output
folder, both removed afterwards, so it neither touches nor waits for a
LibreOffice the user has open. It is killed (with its process group) after
:func:`convert_timeout` seconds. The result is what
:class:`ingest.backends.docx.DocxBackend` gives for the converted file,
named after the original ``.doc`` (``has_pages=False``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ingest.backends.docx import DocxBackend
from ingest.blocks import LoadedDocument
from ingest.errors import CorruptFileError, EncryptedFileError, MissingToolError
from ingest.sniff import ole_word_kind

DEFAULT_TIMEOUT = 120.0  # seconds; CCHC_DOC_TIMEOUT overrides


def soffice_path() -> str | None:
    """The LibreOffice program (``soffice`` or ``libreoffice``) on PATH, or ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_timeout() -> float:
    """Seconds allowed for one conversion: ``$CCHC_DOC_TIMEOUT`` or :data:`DEFAULT_TIMEOUT`."""
    try:
        value = float(os.environ.get("CCHC_DOC_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        value = DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


class DocBackend:
    """Load a Word 97-2003 file (see the module docstring).

    ``load(path)`` raises :class:`EncryptedFileError` for a password-protected
    .doc, :class:`MissingToolError` when LibreOffice is not installed and
    :class:`CorruptFileError` when the file is damaged, LibreOffice fails or
    exceeds its time limit.
    """

    def load(self, path: str) -> LoadedDocument:
        """Return the converted document's blocks; ``name`` is the .doc's file name."""
        path = os.fspath(path)
        name = os.path.basename(path)
        kind = ole_word_kind(path)
        if kind == "encrypted":
            raise EncryptedFileError(name)
        if kind != "doc":
            raise CorruptFileError(name, "tài liệu Word 97-2003 (.doc) bị hỏng")
        program = soffice_path()
        if program is None:
            raise MissingToolError(name, "LibreOffice (gói libreoffice-writer-nogui)", "tệp Word 97-2003 (.doc)")
        with tempfile.TemporaryDirectory(prefix="cchc-doc-") as tmp:
            docx = _convert(program, path, Path(tmp), name)
            doc = DocxBackend().load(str(docx))
        doc.name = name
        return doc


def _convert(program: str, path: str, tmp: Path, name: str) -> Path:
    """Convert ``path`` into ``tmp/out/input.docx`` and return that path."""
    source = tmp / "input.doc"  # a plain name: LibreOffice mishandles some characters
    shutil.copyfile(path, source)
    out = tmp / "out"
    command = [
        program,
        f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
        "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source),
    ]
    env = {**os.environ, "HOME": str(tmp)}
    seconds = convert_timeout()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
    )
    try:
        _stdout, stderr = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise CorruptFileError(
            name, f"LibreOffice không chuyển xong tệp .doc trong {seconds:.0f} giây"
        ) from None
    result = out / "input.docx"
    if proc.returncode != 0 or not result.is_file():
        detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"mã {proc.returncode}"]
        raise CorruptFileError(name, f"LibreOffice không chuyển được tệp .doc ({detail[0]})")
    return result
