"""Length-preserving normalisation for detection.

Recognizers run on a folded copy of the text in which full-width ASCII (１２３, ＡＢＣ, ＠) is
turned into half-width. Every character maps to exactly one character, so an offset found
in the folded copy is an offset in the original text, which the review must keep unchanged.
"""

from __future__ import annotations

_FULLWIDTH_OFFSET = 0xFEE0
_TABLE = {cp: cp - _FULLWIDTH_OFFSET for cp in range(0xFF01, 0xFF5F)}
_TABLE[0x3000] = 0x20  # ideographic space


def fold_width(text: str) -> str:
    """Full-width ASCII and the ideographic space to their half-width forms, 1:1."""
    return text.translate(_TABLE)
