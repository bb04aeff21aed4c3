"""Benchmark: read a noisy scan of the real PDF fixture by OCR; print speed and row scores.

Run from the repository root (it uses the test helpers in ``tests/scans.py``)::

    OMP_NUM_THREADS=1 .venv/bin/python -m eval.bench_ocr [--pages 20] [--workers 2]

It makes an image-only PDF of the first ``--pages`` pages of
``tests/data/pdf/001_nam_an_phu_2026.pdf`` (blur, 1-2° rotation, grain,
speckle, JPEG; :func:`tests.scans.make_scan`), parses it with
:func:`ingest.pipeline.parse_file` (OCR with ``--workers`` Tesseract
processes), and prints the wall time, pages per minute and the row scores
against the same pages of the text PDF (rows found, lead unit right,
deadline right, fully right; :func:`tests.scans.score_rows`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark's figures; exit code 0 (1 when OCR cannot run)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="how many first pages to scan (default 20)")
    parser.add_argument("--workers", type=int, default=0, help="parallel Tesseract pages (default: CPU count)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from ingest.backends.ocr import missing_tools
    from ingest.pipeline import parse_file
    from tests.paths import PDF_FIXTURE
    from tests.scans import make_scan, score_rows, subset_pdf

    reason = missing_tools()
    if reason:
        print(f"OCR không chạy được: {reason}", file=sys.stderr)
        return 1
    if args.workers:
        os.environ["CCHC_OCR_WORKERS"] = str(args.workers)
    pages = list(range(1, args.pages + 1))
    with tempfile.TemporaryDirectory(prefix="cchc-bench-ocr-") as tmp:
        scan = make_scan(PDF_FIXTURE, Path(tmp) / "scan.pdf", pages, seed=args.seed)
        gold = parse_file(subset_pdf(PDF_FIXTURE, Path(tmp) / "text.pdf", pages))
        start = time.perf_counter()
        plan = parse_file(scan)
        seconds = time.perf_counter() - start
    score = score_rows(plan.tasks, gold.tasks)
    meta = ("title", "issuing_body", "level", "period", "signer")
    meta_right = sum(getattr(plan.metadata, f) == getattr(gold.metadata, f) for f in meta)
    print(f"pages: {len(pages)}, workers: {os.environ.get('CCHC_OCR_WORKERS', 'auto')}, "
          f"cpus: {os.cpu_count()}")
    print(f"time: {seconds:.0f} s ({len(pages) / seconds * 60:.1f} pages/min)")
    print(score)
    print(f"metadata fields right: {meta_right}/{len(meta)}")
    for label, field, detail in score.wrong:
        print(f"  {label} · {field}: {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
