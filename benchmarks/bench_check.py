"""Throughput of `gkreview check`'s analysis on one core, beside two baselines on the same text:

- ``jieba.lcut``: segmentation alone, the floor any Chinese pipeline pays;
- Presidio's ``AnalyzerEngine`` with the same recognizers and the same zh pipeline, without
  gkreview's document-level steps (protected spans, overlap resolution, metadata, the
  disclosure rules, operators).

Run: .venv/bin/python benchmarks/bench_check.py [--docs 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jieba

from benchmarks.generate import generate_documents
from gkreview.ingest.document import ExtractedDocument
from gkreview.ingest.offsets import OffsetMap
from gkreview.review.pipeline import Reviewer


def _best_seconds(run: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    docs = generate_documents(args.docs)
    size_kb = sum(len(d.encode("utf-8")) for d in docs) / 1024
    chars = sum(len(d) for d in docs)
    reviewer = Reviewer.build()
    engine = reviewer.analyzer.engine
    extracted = [ExtractedDocument(d, OffsetMap.identity(len(d)), "txt") for d in docs]

    def run_check() -> None:
        for doc in extracted:
            reviewer.review_extracted(doc, name="bench.txt", sha256="0" * 64)

    def run_presidio() -> None:
        for d in docs:
            engine.analyze(text=d, language="zh")

    def run_jieba() -> None:
        for d in docs:
            jieba.lcut(d)

    run_jieba()  # warm up jieba's dictionary and spaCy once, outside the timings
    run_check()
    rows = [
        ("gkreview check (analysis)", _best_seconds(run_check, args.repeat)),
        ("presidio AnalyzerEngine, same recognizers", _best_seconds(run_presidio, args.repeat)),
        ("jieba.lcut", _best_seconds(run_jieba, args.repeat)),
    ]
    check_seconds = rows[0][1]
    print(
        f"{len(docs)} documents, {chars} characters, {size_kb:.0f} KB UTF-8; best of {args.repeat}"
    )
    print(f"{'run':45} {'seconds':>8} {'KB/s':>8} {'speed vs check':>15}")
    for name, seconds in rows:
        ratio = check_seconds / seconds
        print(f"{name:45} {seconds:8.3f} {size_kb / seconds:8.1f} {ratio:14.2f}x")


if __name__ == "__main__":
    main()
