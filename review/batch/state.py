"""The batch's state in SQLite (WAL): one row per input, written once its review is on disk.

Why a database and not the CSV: a run may be killed at any moment. A row is committed only
after the review file was written atomically (temp file, then rename), so on ``--resume`` a
file is either fully done (skipped when its sha256 is unchanged) or not recorded (done
again); ``summary.csv`` is always rewritten from the table, so no input appears twice.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    status TEXT NOT NULL,
    attribute TEXT,
    reasons TEXT,
    findings INTEGER,
    confidence REAL,
    title TEXT,
    doc_number TEXT,
    issuer TEXT,
    date TEXT,
    error TEXT,
    by_type TEXT,
    ground TEXT
)
"""


@dataclass(slots=True)
class Row:
    path: str  # relative to the batch's folder, with /
    sha256: str | None
    status: str  # ok | failed
    attribute: str | None = None
    reasons: str | None = None  # the reason codes, ";"-joined
    findings: int | None = None  # how many flagged (anything but keep)
    confidence: float | None = None
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    error: str | None = None
    by_type: str | None = None  # JSON: flagged findings per entity type
    ground: str | None = None  # not_public grounds, ";"-joined


COLUMNS = tuple(f.name for f in fields(Row))


class BatchState:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(SCHEMA)
        self.db.commit()

    def done(self, path: str, sha256: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND status = 'ok'", (path, sha256)
        ).fetchone()
        return row is not None

    def record(self, row: Row) -> None:
        values = asdict(row)
        self.db.execute(
            f"INSERT OR REPLACE INTO files ({', '.join(COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in COLUMNS)})",
            [values[c] for c in COLUMNS],
        )
        self.db.commit()

    def rows(self) -> list[Row]:
        cursor = self.db.execute(f"SELECT {', '.join(COLUMNS)} FROM files ORDER BY path")
        return [Row(*values) for values in cursor.fetchall()]

    def forget_missing(self, present: set[str]) -> None:
        """Rows of files no longer under the folder go (a summary lists what is there)."""
        for (path,) in self.db.execute("SELECT path FROM files").fetchall():
            if path not in present:
                self.db.execute("DELETE FROM files WHERE path = ?", (path,))
        self.db.commit()

    def close(self) -> None:
        self.db.close()
