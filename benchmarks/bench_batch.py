"""Batch throughput on 1 worker and on 2, side by side, and the peak RSS of a worker.

Generates mixed documents (a third each .txt, .docx with split runs and a table, CJK .pdf)
from ``benchmarks/generate.py`` and runs ``gkreview batch``'s engine (``run_batch``) over
them twice, each run in a fresh process so that worker memory is measured per run:

    .venv/bin/python benchmarks/bench_batch.py --docs 1000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_documents
from benchmarks.measure_redaction import write_docx, write_pdf

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from gkreview.review.batch.run import BatchOptions, run_batch
root, out, workers = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter()
result = run_batch(root, out, BatchOptions(workers=workers))
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "documents": result.total, "failed": result.failed,
                  "peak_worker_mb": peak_kb / 1024}))
"""


def make_archive(root: Path, n: int, seed: int) -> int:
    rng = random.Random(seed)
    size = 0
    for i, text in enumerate(generate_documents(n, seed=seed)):
        kind = i % 3
        path = root / f"{i // 100:02d}" / f"{i:05d}.{('txt', 'docx', 'pdf')[kind]}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == 0:
            path.write_text(text, encoding="utf-8")
        elif kind == 1:
            write_docx(path, text, rng)
        else:
            write_pdf(path, text)
        size += len(text.encode("utf-8"))
    return size


def run(root: Path, out: Path, workers: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), str(out), str(workers)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        size = make_archive(root, args.docs, args.seed)
        print(f"{args.docs} mixed documents (txt, docx, pdf), {size / 1024:.0f} KB of text")
        results = {}
        for workers in (1, 2):
            started = time.perf_counter()
            results[workers] = run(root, Path(tmp) / f"out{workers}", workers)
            results[workers]["wall"] = time.perf_counter() - started
        base = results[1]["seconds"]
        print("workers  seconds  documents/s  speed-up vs 1  failed  peak RSS of a worker")
        for workers, r in results.items():
            print(
                f"{workers:>7}  {r['seconds']:7.1f}  {r['documents'] / r['seconds']:11.1f}  "
                f"{base / r['seconds']:12.2f}x  {r['failed']:>6}  {r['peak_worker_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
