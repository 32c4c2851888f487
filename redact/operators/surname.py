"""Court-style naming: the surname stays and the given name becomes 某 (张某, 欧阳某某)."""

from __future__ import annotations

from dataclasses import dataclass

from gkreview.redact.recognizers.surnames import split_surname


@dataclass(frozen=True, slots=True)
class SurnameParams:
    filler: str = "某"
    keep_length: bool = True  # 张三 → 张某, 张三丰 → 张某某; False: always one filler


def surname_mou(value: str, params: SurnameParams) -> str:
    parts = split_surname(value)
    if parts is None:  # no known surname (e.g. a transliterated minority name): all goes
        return params.filler * (len(value) if params.keep_length else 1)
    surname, given = parts
    return surname + params.filler * (max(1, len(given)) if params.keep_length else 1)
