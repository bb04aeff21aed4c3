"""The ``cchc`` command line: parse, tasks, and the retrieval commands.

Subcommands register themselves through ``register(subparsers)`` functions so
each lives beside the code it drives. Exit codes: 0 success, 2 bad input
(an :class:`ingest.errors.IngestError`, message printed to stderr), 1 other
errors.
"""

from __future__ import annotations

import argparse
import sys

from ingest.errors import IngestError


def _commands():
    from cchc import commands_export, commands_ingest, commands_status
    from retrieval import cli as retrieval_cli

    return [commands_ingest, retrieval_cli, commands_export, commands_status]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="cchc", description="Trợ lý kế hoạch cải cách hành chính (CCHC)"
    )
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
    try:
        return int(args.func(args) or 0)
    except IngestError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # e.g. `cchc tasks | head`
        return 0
    except OSError as err:  # an output path that cannot be written, a vanished file
        where = f": {err.filename}" if err.filename else ""
        print(f"Lỗi: {err.strerror or err}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
