"""Address generalisation: cut to the township or street (乡镇、街道), as local practice does."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEVELS = (
    re.compile(r"^.*?(?:街道|镇|乡|苏木)"),  # township or street office
    re.compile(r"^.*?(?:区|县|旗|市)"),  # county level when no township is named
)


@dataclass(frozen=True, slots=True)
class AddressParams:
    suffix: str = ""  # appended after the cut, e.g. "（略）"


def cut_to_township(value: str, params: AddressParams) -> str:
    for level in _LEVELS:
        m = level.match(value)
        if m and m.end() < len(value):
            return m.group(0) + params.suffix
    return "■" * len(value)
