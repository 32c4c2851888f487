"""The documents under a folder: by suffix, in a stable order, hidden files skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gkreview.ingest.reader import SUPPORTED_SUFFIXES


def documents(root: Path) -> Iterator[Path]:
    """Every file under ``root`` with a document suffix, sorted by its relative path."""
    found = [
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    yield from sorted(found, key=lambda p: p.relative_to(root).as_posix())
