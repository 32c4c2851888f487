"""Full removal: every character becomes ■, or the whole value the mark 【已删除】."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DELETED_MARK = "【已删除】"


@dataclass(frozen=True, slots=True)
class RemovalParams:
    style: Literal["block", "mark"] = "block"
    block: str = "■"


def remove(value: str, params: RemovalParams) -> str:
    if params.style == "mark":
        return DELETED_MARK
    return params.block * len(value)
