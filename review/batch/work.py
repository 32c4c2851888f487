"""One document in a worker process: review it, write its review atomically, return its row.

Each worker builds one ``Reviewer`` (seconds: the spaCy pipeline, the NER, the classifier)
in the pool's initializer and reuses it for every document it gets.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import tempfile
from pathlib import Path

from gkreview.ingest.document import ReadError
from gkreview.review.batch.state import Row

_REVIEWER = None
_TIMEOUT = 0


class DocumentTimeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


def init_worker(policy: str, timeout: int = 0, memory_mb: int = 0) -> None:
    """Build the worker's Reviewer; arm the per-document timeout and the memory cap."""
    global _REVIEWER, _TIMEOUT
    from gkreview.review.pipeline import Reviewer

    os.environ.setdefault("GKREVIEW_OCR_THREADS", "1")  # one core per worker
    _REVIEWER = Reviewer.build(policy=policy)
    _TIMEOUT = timeout
    if timeout:
        try:
            signal.signal(signal.SIGALRM, _alarm)
        except ValueError:  # not the main thread (some Ray actors): no per-document alarm
            _TIMEOUT = 0
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def review_one(root: str, relative: str, out: str) -> Row:
    from gkreview.ingest.reader import read_bytes

    source = Path(root) / relative
    try:
        data = source.read_bytes()
    except OSError as exc:
        return Row(relative, None, "failed", error=f"无法读取 / cannot read: {exc.strerror}")
    sha256 = hashlib.sha256(data).hexdigest()
    if _TIMEOUT:
        signal.alarm(_TIMEOUT)
    try:
        doc = read_bytes(data, source.name)
        review = _REVIEWER.review_extracted(doc, name=source.name, sha256=sha256)  # type: ignore[union-attr]
    except ReadError as exc:
        return Row(relative, sha256, "failed", error=" ".join(str(exc).split()))
    except DocumentTimeout:
        return Row(relative, sha256, "failed", error=f"超时（超过 {_TIMEOUT} 秒）/ timed out")
    except MemoryError:
        return Row(relative, sha256, "failed", error="内存超出上限 / memory cap exceeded")
    except Exception as exc:  # a bad file must never stop the batch
        return Row(relative, sha256, "failed", error=f"{type(exc).__name__}: {exc}")
    finally:
        if _TIMEOUT:
            signal.alarm(0)
    data_out = review.to_dict(with_text=True)
    target = Path(out) / "reviews" / f"{relative}.json"
    _atomic_write(target, json.dumps(data_out, ensure_ascii=False, indent=1))
    disclosure = data_out["disclosure"]
    document = data_out["document"]
    return Row(
        path=relative,
        sha256=sha256,
        status="ok",
        attribute=disclosure["attribute"],
        reasons=";".join(r["code"] for r in disclosure.get("reasons", [])),
        findings=sum(1 for f in data_out["findings"] if f["action"] != "keep"),
        confidence=disclosure.get("confidence"),
        title=document.get("title"),
        doc_number=document.get("doc_number"),
        issuer=document.get("issuer"),
        date=document.get("date"),
        by_type=json.dumps(_by_type(data_out["findings"]), ensure_ascii=False),
        ground=";".join(r["code"] for r in disclosure.get("reasons", []))
        if disclosure["attribute"] == "not_public"
        else "",
    )


def _by_type(findings: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        if f["action"] != "keep":
            counts[f["type"]] = counts.get(f["type"], 0) + 1
    return counts


def _atomic_write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gkreview-", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, target)
