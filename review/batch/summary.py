"""``summary.csv``: one row per input, UTF-8 with a BOM so that Excel opens it (the contract's
columns first: path, status, attribute, reasons, findings, error)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from gkreview.review.batch.state import Row

CSV_COLUMNS = (
    "path", "status", "attribute", "reasons", "findings", "error",
    "confidence", "title", "doc_number", "issuer", "date", "sha256",
)  # fmt: skip


def write_summary(rows: Sequence[Row], path: Path) -> None:
    """Rows sorted for the human pass: failures, not_public, then lowest confidence."""
    order = {"not_public": 0, "on_request": 1, "public": 2}

    def key(r: Row) -> tuple:
        return (r.status != "failed", order.get(r.attribute or "", 3), r.confidence or 0.0, r.path)

    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for r in sorted(rows, key=key):
            writer.writerow(["" if getattr(r, c) is None else getattr(r, c) for c in CSV_COLUMNS])
    tmp.replace(path)
