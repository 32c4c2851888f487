"""Masking that keeps some leading and trailing characters (138****1234)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MaskParams:
    """Which characters survive. Only letters and digits count and are masked; separators
    (spaces, hyphens, line ends) stay where they are, so the layout of the source survives.
    ``prefixes`` (such as +86) are kept and not counted. ``min_masked``: at least this many
    are masked however short the value (a 7-digit local number keeps less than 3 + 4), the
    leading ones given up first."""

    keep_first: int = 0
    keep_last: int = 0
    mask_char: str = "*"
    prefixes: tuple[str, ...] = ()
    min_masked: int = 0


def mask(value: str, params: MaskParams) -> str:
    head = ""
    for prefix in params.prefixes:
        if value.startswith(prefix):
            head, value = prefix, value[len(prefix) :]
            break
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    n = len(positions)
    keep_last = min(params.keep_last, max(0, n - params.min_masked))
    keep_first = min(params.keep_first, max(0, n - keep_last - params.min_masked))
    masked = set(positions[keep_first : n - keep_last])
    body = "".join(params.mask_char if i in masked else ch for i, ch in enumerate(value))
    return head + body
