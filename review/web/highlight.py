"""The document text cut into pieces for the review page: plain runs and findings, each with
its offset, so that the page can highlight findings by type and turn a selection back into
Python string offsets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    text: str
    finding: Mapping[str, Any] | None = None


def pieces(text: str, findings: Iterable[Mapping[str, Any]]) -> list[Piece]:
    """Findings in text order; one overlapping an earlier one is left to the findings list
    (its characters are shown once, in the earlier highlight)."""
    out: list[Piece] = []
    at = 0
    for f in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = int(f["start"]), int(f["end"])
        if start < at or not 0 <= start < end <= len(text):
            continue
        if start > at:
            out.append(Piece(at, text[at:start]))
        out.append(Piece(start, text[start:end], f))
        at = end
    if at < len(text):
        out.append(Piece(at, text[at:]))
    return out
