"""Results of ``gkreview batch`` brought into the officers' queue.

A batch writes one review per document under ``OUT/reviews/<path>.json``, with its text; the
documents themselves stay in the folder the batch read. Import takes both: the review, and
the document's bytes (checked against the review's sha256, so that signing later writes the
copy of the very file that was reviewed). A review already in the queue is skipped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from gkreview.review.web.store import ReviewStore, safe_name

IMPORTABLE = ("docx", "pdf", "txt")


@dataclass(slots=True)
class Imported:
    added: list[str] = field(default_factory=list)  # relative paths
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (relative path, why)


def import_batch(
    store: ReviewStore, out: Path, source: Path, owner_id: int, actor: str
) -> Imported:
    result = Imported()
    reviews_dir = Path(out) / "reviews"
    if not reviews_dir.is_dir():
        raise FileNotFoundError(f"{out}：没有 reviews/ 文件夹，不是 gkreview batch 的输出")
    for path in sorted(reviews_dir.rglob("*.json")):
        relative = path.relative_to(reviews_dir).as_posix().removesuffix(".json")
        try:
            review = json.loads(path.read_text(encoding="utf-8"))
            fmt = str(review["document"]["format"])
            review_id = str(review["review_id"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            result.skipped.append((relative, f"审查记录无法读取 / unreadable review: {exc}"))
            continue
        if fmt not in IMPORTABLE:
            result.skipped.append((relative, f"{fmt} 文件不能在网页中签发 / cannot be signed"))
            continue
        if "text" not in review:
            result.skipped.append((relative, "审查记录没有全文 / the review holds no text"))
            continue
        if store.exists(review_id):
            result.skipped.append((relative, "已在队列中 / already in the queue"))
            continue
        document = Path(source) / relative
        try:
            data = document.read_bytes()
        except OSError as exc:
            result.skipped.append((relative, f"找不到原文件 / no document: {exc.strerror}"))
            continue
        if hashlib.sha256(data).hexdigest() != review["document"]["sha256"]:
            result.skipped.append((relative, "原文件在审查后被改动 / changed since the batch"))
            continue
        name = safe_name(Path(relative).name, fmt)
        store.create(owner_id, actor, name, fmt, data, review, origin="batch")
        result.added.append(relative)
    return result
