"""Birth-date generalisation: only the year stays (1985年3月12日 → 1985年)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"(?:19|20)\d{2}|[一二〇○零九八七六五四三]{4}")


@dataclass(frozen=True, slots=True)
class BirthDateParams:
    year_suffix: str = "年"


def keep_year(value: str, params: BirthDateParams) -> str:
    m = _YEAR.search(value)
    return m.group(0) + params.year_suffix if m else "■" * len(value)
