"""The batch run: register inputs, skip what is done, review the rest on N processes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from gkreview.review.batch.state import BatchState, Row
from gkreview.review.batch.summary import write_summary
from gkreview.review.batch.walk import documents
from gkreview.review.batch.work import init_worker, review_one

STATE_FILE = "state.sqlite"


@dataclass(slots=True)
class BatchResult:
    total: int
    reviewed: int
    skipped: int
    failed: int
    summary: Path


def run_batch(
    root: Path,
    out: Path,
    workers: int | None = None,
    resume: bool = False,
    policy: str = "general",
    progress: Callable[[int, int, Row | None], None] | None = None,
) -> BatchResult:
    root, out = Path(root), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state_path = out / STATE_FILE
    if not resume and state_path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{state_path}{suffix}").unlink(missing_ok=True)
    state = BatchState(state_path)
    try:
        paths = [p.relative_to(root).as_posix() for p in documents(root)]
        state.forget_missing(set(paths))
        todo = [p for p in paths if not (resume and _unchanged(state, root, p))]
        skipped = len(paths) - len(todo)
        done = skipped
        if progress:
            progress(done, len(paths), None)
        failed = 0
        if todo:
            count = max(1, min(workers or os.cpu_count() or 1, len(todo)))
            with ProcessPoolExecutor(count, initializer=init_worker, initargs=(policy,)) as pool:
                futures = [pool.submit(review_one, str(root), p, str(out)) for p in todo]
                for future in as_completed(futures):
                    row = future.result()
                    state.record(row)
                    failed += row.status == "failed"
                    done += 1
                    if progress:
                        progress(done, len(paths), row)
        summary = out / "summary.csv"
        write_summary(state.rows(), summary)
        return BatchResult(len(paths), len(todo), skipped, failed, summary)
    finally:
        state.close()


def _unchanged(state: BatchState, root: Path, relative: str) -> bool:
    try:
        sha256 = hashlib.sha256((root / relative).read_bytes()).hexdigest()
    except OSError:
        return False
    return state.done(relative, sha256)
