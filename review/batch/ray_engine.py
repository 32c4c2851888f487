"""``--engine ray``: the same review of each file, on Ray actors, for archives larger than
one machine.

Each actor builds one ``Reviewer`` (as a local worker does) and runs the same
``review_one``; the driver records each row in the same SQLite state, so resume, the
summary and duplicates work as with the local pool. On a cluster (``RAY_ADDRESS`` set, or
``ray start --head`` on this machine), DIR and OUT must be one shared folder mounted at the
same path on every node: actors read the documents and write the reviews there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from gkreview.review.batch.state import Row


def review_with_ray(
    root: Path,
    out: Path,
    todo: list[str],
    workers: int | None,
    policy: str,
    timeout: int,
    record: Callable[[Row], None],
) -> None:
    import ray
    from ray.util import ActorPool

    from gkreview.review.batch.work import init_worker, review_one

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=os.environ.get("RAY_ADDRESS"),
            include_dashboard=False,
            log_to_driver=False,
            logging_level="ERROR",
        )

    @ray.remote(num_cpus=1)
    class Reviewer:
        def __init__(self) -> None:
            init_worker(policy, timeout, 0)  # Ray enforces memory itself

        def review(self, relative: str) -> Row:
            return review_one(str(root), relative, str(out))

    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        count = max(1, min(workers or cpus, len(todo)))
        pool = ActorPool([Reviewer.remote() for _ in range(count)])
        for row in pool.map_unordered(lambda actor, p: actor.review.remote(p), todo):
            record(row)
    finally:
        if started_here:
            ray.shutdown()
