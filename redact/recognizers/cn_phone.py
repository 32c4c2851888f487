"""电话号码 (PHONE_NUMBER): mainland mobiles and landlines with an area code.

Only numbers that carry their own evidence are matched: an 11-digit mobile in the
1[3-9] segments, or a landline whose trunk prefix 0 and area code are written. Local numbers
without an area code (8 digits) look like any other figure, and service numbers (12345,
12315, 110, 95588, 400-…) are public, so neither is matched. A mobile is more certain than a
landline (the 1[3-9] + 9 digits shape is rarer than 0 + 9–11 digits), hence a higher score.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from gkreview.redact.recognizers._common import (
    END,
    NOT_AMOUNT,
    OPT_WRAP,
    REGEX_FLAGS,
    START,
    run,
)

ENTITY = "PHONE_NUMBER"

# Between the groups of a number: one space, tab, hyphen or line end.
_GROUP_SEP = r"(?:[ \t-]|\r?\n)?"
# Not the second half of a range or a date such as 2017-….
_PHONE_START = START + r"(?<![0-9]-)"
_COUNTRY = r"(?:(?:\+|00)86|\(\+?86\))"
_FOUR = "[0-9]" + run("[0-9]", 3, OPT_WRAP)  # a line end may wrap a group anywhere

_MOBILE = (
    _PHONE_START
    + f"(?:{_COUNTRY}{_GROUP_SEP})?"
    + "1" + OPT_WRAP + "[3-9]" + OPT_WRAP + "[0-9]"
    + _GROUP_SEP + _FOUR + _GROUP_SEP + _FOUR
    + END + NOT_AMOUNT
)  # fmt: skip

# 010, 02X, then 0 + three digits starting 3–9 (0755, 0571, …).
_AREA_DIGITS = r"(?:10|2[0-9]|[3-9][0-9]{2})"
_AREA = rf"(?:\(0{_AREA_DIGITS}\)|0{_AREA_DIGITS}|{_COUNTRY}{_GROUP_SEP}{_AREA_DIGITS})"
# 7 or 8 digits, as 3+4 or 4+4; a local number never starts with 0.
_LOCAL = "[1-9][0-9]{2,3}" + _GROUP_SEP + "[0-9]{4}"
_EXTENSION = r"(?:[ \t]?(?:转|分机|-)[ \t]?[0-9]{1,5})?"
_LANDLINE = _PHONE_START + _AREA + _GROUP_SEP + _LOCAL + _EXTENSION + END + NOT_AMOUNT


class CnPhoneRecognizer(PatternRecognizer):
    """Mobiles (0.6) and landlines with area code (0.4); a context word such as 手机 or
    电话 raises either. There is no checksum: validation keeps the pattern score."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN mobile", _MOBILE, 0.6),
        Pattern("CN landline with area code", _LANDLINE, 0.4),
    ]
    CONTEXT: ClassVar[list[str]] = ["手机", "电话", "联系方式", "座机", "传真", "致电", "联系"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnPhoneRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )
