"""The ``cchc`` command line: parse, tasks, index, ask, eval, draft, diff, export.

Subcommands register themselves through ``register(subparsers)`` functions
(:mod:`cchc.commands_ingest`, :mod:`cchc.commands_retrieval`,
:mod:`cchc.commands_export`). :func:`main` is the entry point: it sets up
the process (:func:`assistant.runtime.configure_runtime`), builds the one
:class:`assistant.settings.Settings` (``CCHC_*`` variables, then the
``--home``/``--embeddings`` options) and the :class:`assistant.service.Assistant`,
and hands it to the command as ``args.assistant``.

Exit codes: 0 success; an expected failure (:class:`ingest.errors.CchcError`)
prints ``Lỗi: <message>`` on stderr and exits with its ``exit_code`` (2 for
bad input, a missing or mismatched index, a bad setting; 1 otherwise); an
output that cannot be written exits 1. No traceback for any of these.
"""

from __future__ import annotations

import argparse
import logging
import sys

from pydantic import ValidationError

from ingest.errors import CchcError

log = logging.getLogger("cchc")


def _commands() -> list:
    from cchc import (
        commands_export,
        commands_ingest,
        commands_retrieval,
        commands_status,
    )

    return [commands_ingest, commands_retrieval, commands_export, commands_status]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="cchc", description="Trợ lý kế hoạch cải cách hành chính (CCHC)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="in thêm thông tin (nhật ký INFO)")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in _commands():
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``cchc`` console script; returns the exit code."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)

    from assistant.runtime import configure_runtime

    configure_runtime(verbose=args.verbose)
    try:
        from assistant.service import Assistant
        from assistant.settings import Settings

        settings = Settings().with_overrides(home=getattr(args, "home", None),
                                             embeddings=getattr(args, "embeddings", None))
        configure_runtime(settings)
        args.assistant = Assistant.open(settings)
        return int(args.func(args) or 0)
    except CchcError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return err.exit_code
    except ValidationError as err:  # a CCHC_* variable of the wrong type
        print(f"Lỗi cấu hình: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `cchc tasks | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as err:  # an output path that cannot be written, a vanished file
        where = f": {err.filename}" if err.filename else ""
        print(f"Lỗi: {err.strerror or err}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
