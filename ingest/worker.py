"""Parse untrusted files in a bounded worker process.

:func:`parse_untrusted` is the one entry point for files a user hands in
(``cchc parse``, ``cchc index``, the app's upload): it runs
:func:`ingest.pipeline.parse_file` in a child process with a wall-clock
limit (the parent kills the child when it passes) and a memory limit
(``resource.setrlimit(RLIMIT_AS)`` in the child; ``RLIMIT_CPU`` backs the
wall clock up), so a hostile file can neither hang the caller nor take its
memory, and a crash in a parsing library cannot take the caller down.

The child is a fresh interpreter (``python -m ingest.worker FILE``): it
sets its own limits first, parses, and prints one JSON line, ``{"ok":
Plan.to_dict()}`` or ``{"error": [module, class, message]}`` (no pickle:
the parent only decodes JSON). The parent rebuilds the
:class:`ingest.model.Plan` or raises the same :mod:`ingest.errors` class
with the same Vietnamese message; a limit hit is a
:class:`ingest.errors.ParseLimitError` naming the limit. A fresh process
(rather than a fork) is safe for multi-threaded callers such as Streamlit
and costs about 0.7 s of start-up per file; files already indexed are not
parsed again (:mod:`retrieval.indexer`).

Scanned PDFs take minutes (OCR, :mod:`ingest.backends.ocr`): the child
reports each OCR'd page on stderr as a :data:`PROGRESS_PREFIX` line
("done total"); every report moves the wall-clock limit to at least one
page time limit (:func:`ingest.backends.ocr.page_timeout`) ahead, and
drives the parent's progress bar (tqdm on stderr, shown on a terminal).
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from ingest import options
from ingest.errors import (
    CorruptFileError,
    IngestError,
    MissingFileError,
    ParseLimitError,
)
from ingest.model import Plan, plan_from_dict

log = logging.getLogger(__name__)
PROGRESS_PREFIX = options.PROGRESS_PREFIX
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass(frozen=True)
class WorkerLimits:
    """Per-file limits: ``seconds`` of wall clock, ``memory_mb`` of address space."""

    seconds: float = 300.0
    memory_mb: int = 2048


LIMITS = WorkerLimits()


def _limit_self(memory_mb: int, seconds: float) -> None:
    import resource

    limit = memory_mb * 1024 * 1024
    cpu = int(seconds) + 5
    for what, value in ((resource.RLIMIT_AS, (limit, limit)), (resource.RLIMIT_CPU, (cpu, cpu + 5))):
        try:
            resource.setrlimit(what, value)
        except (ValueError, OSError):  # not settable here: the wall clock still applies
            pass


def _run_child(path: str, memory_mb: int, seconds: float) -> dict:
    """Worker body: limit itself, parse, return the JSON reply."""
    _limit_self(memory_mb, seconds)
    try:
        from ingest.pipeline import parse_file

        return {"ok": parse_file(path).to_dict()}
    except MemoryError:
        return {"limit": "memory"}
    except IngestError as err:
        return {"error": [type(err).__module__, type(err).__qualname__, str(err)]}
    except RecursionError:
        return {"crash": "RecursionError"}
    except Exception as err:  # noqa: BLE001 - reported to the parent as a refusal
        return {"crash": type(err).__name__}


def _rebuild(module: str, qualname: str, message: str) -> IngestError:
    """The ``IngestError`` subclass ``module.qualname`` carrying ``message``."""
    try:
        cls = getattr(importlib.import_module(module), qualname)
        if not (isinstance(cls, type) and issubclass(cls, IngestError)):
            raise TypeError(qualname)
    except (ImportError, AttributeError, TypeError):
        cls = IngestError
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    return err


def parse_untrusted(path: str | os.PathLike, limits: WorkerLimits = LIMITS) -> Plan:
    """Parse ``path`` like :func:`ingest.pipeline.parse_file`, in a bounded child.

    Returns the :class:`Plan`. Raises what ``parse_file`` raises (same
    class, same message) and :class:`ParseLimitError` when the child passes
    ``limits.seconds`` of wall clock ("thời gian đọc quá N giây") or
    ``limits.memory_mb`` of memory ("bộ nhớ quá N MB"); a child that dies
    otherwise is a :class:`CorruptFileError`.
    """
    path = os.fspath(path)
    name = os.path.basename(path)
    if not os.path.isfile(path):
        raise MissingFileError(path)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([_ROOT] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.setdefault("OMP_NUM_THREADS", "1")
    env.setdefault("OMP_THREAD_LIMIT", "1")
    child_options = options.current().with_changes(progress_lines=True)
    cmd = [sys.executable, "-m", "ingest.worker", os.path.abspath(path),
           str(limits.memory_mb), str(limits.seconds), child_options.to_json()]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=_ROOT)
    try:
        out, err = _communicate(proc, limits.seconds, name)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise ParseLimitError(name, f"thời gian đọc quá {limits.seconds:g} giây") from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    try:
        reply = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError, UnicodeDecodeError):
        reply = None
    if not isinstance(reply, dict):
        code = proc.returncode
        log.info("parser worker for %s exited %s: %s", name, code, err.decode("utf-8", "replace")[-500:])
        if code is not None and code < 0 and -code in (9, 24):  # SIGKILL / SIGXCPU
            raise ParseLimitError(name, f"bộ nhớ quá {limits.memory_mb} MB hoặc thời gian quá "
                                        f"{limits.seconds:g} giây")
        if b"MemoryError" in err:
            raise ParseLimitError(name, f"bộ nhớ quá {limits.memory_mb} MB")
        raise CorruptFileError(name, "trình đọc tệp dừng bất thường")
    if "ok" in reply:
        return plan_from_dict(reply["ok"])
    if "limit" in reply:
        raise ParseLimitError(name, f"bộ nhớ quá {limits.memory_mb} MB")
    if "error" in reply:
        raise _rebuild(*reply["error"])
    log.info("parser worker for %s failed: %s", name, reply.get("crash"))
    raise CorruptFileError(name, "nội dung không đọc được")


def _communicate(proc: subprocess.Popen, seconds: float, name: str) -> tuple[bytes, bytes]:
    """``proc.communicate()`` with a wall-clock limit of ``seconds`` that each
    OCR progress line on stderr extends (see the module docstring); raises
    ``subprocess.TimeoutExpired`` when the limit passes. Progress lines are
    shown as a tqdm bar and left out of the returned stderr."""
    from tqdm import tqdm

    from ingest.backends.ocr import page_timeout

    out: list[bytes] = []
    err: list[bytes] = []
    deadline = [time.monotonic() + seconds]
    bar: list[tqdm] = []
    stdout, stderr = proc.stdout, proc.stderr
    assert stdout is not None and stderr is not None  # started with stdout/stderr=PIPE

    def read_err() -> None:
        for raw in iter(stderr.readline, b""):
            line = raw.decode("utf-8", "replace")
            if not line.startswith(PROGRESS_PREFIX):
                err.append(raw)
                continue
            try:
                done, total = (int(v) for v in line[len(PROGRESS_PREFIX):].split()[:2])
            except ValueError:
                continue
            deadline[0] = max(deadline[0], time.monotonic() + page_timeout())
            if not bar:
                bar.append(tqdm(total=total, desc=f"OCR {name}", unit="trang", file=sys.stderr,
                                disable=None, leave=False))
            bar[0].n = done
            bar[0].refresh()

    readers = [threading.Thread(target=lambda: out.append(stdout.read()), daemon=True),
               threading.Thread(target=read_err, daemon=True)]
    for reader in readers:
        reader.start()
    try:
        while True:
            try:
                proc.wait(timeout=min(0.5, max(deadline[0] - time.monotonic(), 0.01)))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline[0]:
                    raise
        for reader in readers:
            reader.join()
    finally:
        if bar:
            bar[0].close()
    return b"".join(out), b"".join(err)


def main(argv: list[str]) -> int:
    """``python -m ingest.worker FILE MEMORY_MB SECONDS [OPTIONS_JSON]``: print the JSON reply.

    ``OPTIONS_JSON`` is the parent's :class:`ingest.options.ParseOptions`.
    """
    path, memory_mb, seconds = argv[0], int(argv[1]), float(argv[2])
    if len(argv) > 3:
        options.configure(options.ParseOptions.from_json(argv[3]))
    logging.disable(logging.CRITICAL)
    reply = _run_child(path, memory_mb, seconds)
    data = json.dumps(reply, ensure_ascii=True)
    sys.stdout.write("\n" + data + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
