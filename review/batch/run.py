"""The batch run: register inputs, skip what is done, review the rest on N processes."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from gkreview.review.batch.duplicates import find_duplicates
from gkreview.review.batch.state import BatchState, Row
from gkreview.review.batch.summary import Extra, write_conversions, write_summary, write_xlsx
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
    duplicates: int = 0
    conversions: int = 0


@dataclass(frozen=True, slots=True)
class BatchOptions:
    workers: int | None = None
    resume: bool = False
    policy: str = "general"
    timeout: int = 600  # seconds per document (scanned PDFs take ~10 s a page to OCR)
    memory_mb: int = 4096  # address-space cap per worker
    since: str | None = None  # YYYY-MM-DD, document date
    until: str | None = None
    previous: Path | None = None  # CSV with path, attribute
    engine: str = "local"  # local | ray


def run_batch(
    root: Path,
    out: Path,
    options: BatchOptions = BatchOptions(),
    progress: Callable[[int, int, Row | None], None] | None = None,
) -> BatchResult:
    root, out = Path(root), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state_path = out / STATE_FILE
    if not options.resume and state_path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{state_path}{suffix}").unlink(missing_ok=True)
    state = BatchState(state_path)
    try:
        paths = [p.relative_to(root).as_posix() for p in documents(root)]
        state.forget_missing(set(paths))
        todo = [p for p in paths if not (options.resume and _unchanged(state, root, p))]
        skipped = len(paths) - len(todo)
        counter = {"done": skipped, "failed": 0}
        if progress:
            progress(skipped, len(paths), None)

        def record(row: Row) -> None:
            state.record(row)
            counter["done"] += 1
            counter["failed"] += row.status == "failed"
            if progress:
                progress(counter["done"], len(paths), row)

        if options.engine == "ray" and todo:
            from gkreview.review.batch.ray_engine import review_with_ray

            review_with_ray(
                root, out, todo, options.workers, options.policy, options.timeout, record
            )
        else:
            _review_all(root, out, todo, options, record)
        rows = state.rows()
        extra = _extras(rows, out, options)
        summary = out / "summary.csv"
        write_summary(rows, summary, extra)
        write_xlsx(rows, out / "summary.xlsx", extra)
        conversions = write_conversions(rows, out / "conversions.csv", extra)
        duplicates = sum(1 for e in extra.values() if e.duplicate_of)
        return BatchResult(
            len(paths), len(todo), skipped, counter["failed"], summary, duplicates, conversions
        )
    finally:
        state.close()


def _review_all(
    root: Path, out: Path, todo: list[str], options: BatchOptions, record: Callable[[Row], None]
) -> None:
    """On a pool; a worker that dies (a crash, the kernel's OOM killer) breaks the pool: the
    unfinished files go to a fresh pool, and a file in flight in two broken pools is failed."""
    broken_in: dict[str, int] = {}
    remaining = list(todo)
    while remaining:
        count = max(1, min(options.workers or os.cpu_count() or 1, len(remaining)))
        args = (options.policy, options.timeout, options.memory_mb)
        finished: set[str] = set()
        try:
            with ProcessPoolExecutor(count, initializer=init_worker, initargs=args) as pool:
                futures = {pool.submit(review_one, str(root), p, str(out)): p for p in remaining}
                for future in as_completed(futures):
                    row = future.result()
                    finished.add(row.path)
                    record(row)
            remaining = []
        except BrokenProcessPool:
            unfinished = [p for p in remaining if p not in finished]
            for p in unfinished[:count]:  # the ones that were in flight
                broken_in[p] = broken_in.get(p, 0) + 1
            for p in [p for p in unfinished if broken_in.get(p, 0) >= 2]:
                record(Row(p, None, "failed", error="处理进程异常退出 / the worker died"))
            remaining = [p for p in unfinished if broken_in.get(p, 0) < 2]


def _extras(rows: list[Row], out: Path, options: BatchOptions) -> dict[str, Extra]:
    previous = _previous(options.previous) if options.previous else {}
    texts: dict[str, str] = {}
    for r in rows:
        if r.status == "ok":
            try:
                data = json.loads((out / "reviews" / f"{r.path}.json").read_text("utf-8"))
                texts[r.path] = data.get("text") or ""
            except (OSError, ValueError):
                pass
    duplicates = find_duplicates({r.path: r.sha256 for r in rows if r.sha256}, texts)
    extra: dict[str, Extra] = {}
    for r in rows:
        e = Extra(duplicate_of=duplicates.get(r.path, ""))
        if options.since or options.until:
            if not r.date:
                e.in_period = "unknown"
            else:
                inside = (not options.since or r.date >= options.since) and (
                    not options.until or r.date <= options.until
                )
                e.in_period = "yes" if inside else "no"
        before = previous.get(r.path)
        if before:
            e.previous_attribute = before
            if before in ("on_request", "not_public") and r.attribute == "public":
                e.conversion = "yes"
        extra[r.path] = e
    return extra


def _previous(path: Path) -> dict[str, str]:
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        return {
            row["path"]: row["attribute"]
            for row in csv.DictReader(fh)
            if row.get("path") and row.get("attribute")
        }


def _unchanged(state: BatchState, root: Path, relative: str) -> bool:
    try:
        sha256 = hashlib.sha256((root / relative).read_bytes()).hexdigest()
    except OSError:
        return False
    return state.done(relative, sha256)
