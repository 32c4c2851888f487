"""电话号码 (PHONE_NUMBER): mainland mobiles and landlines with an area code.

Only numbers that carry their own evidence are matched: an 11-digit mobile in the
1[3-9] segments, or a landline whose trunk prefix 0 and area code are written. Local numbers
without an area code (8 digits) look like any other figure, and service numbers (12345,
12315, 110, 95588, 400-…) are public, so neither is matched. A mobile is more certain than a
landline (the 1[3-9] + 9 digits shape is rarer than 0 + 9–11 digits), hence a higher score.

Numbers from before 2010, as archives hold them: 7-digit local numbers (0571-8512345,
(0571)8512345), a dash for the hyphen (0571—8512345, as Chinese input methods type it),
6-digit local numbers of county towns in the 1990s when the area code is set apart from
them (0576-412345), extensions with 转, 分机 or 内线, and 小灵通 (PHS) or home numbers written
without their area code right after 小灵通 or 宅电: those words name a person's own line, so
the number needs no area code as evidence.
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
# Between an area code and the local number, also a dash (—, ―, –) as typed in Chinese text.
_AREA_SEP = r"(?:[ \t\-\u2013\u2014\u2015]|\r?\n)?"
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
_EXTENSION = r"(?:[ \t]?(?:转|分机|内线|-)[ \t]?[0-9]{1,5})?"
_LANDLINE = _PHONE_START + _AREA + _AREA_SEP + _LOCAL + _EXTENSION + END + NOT_AMOUNT
# 1990s county numbers: 6 digits, only with the area code written apart (hyphen, dash or
# brackets), since 0 + 9 digits run together is any figure.
_AREA_APART = rf"(?:\(0{_AREA_DIGITS}\)[ \t]?|0{_AREA_DIGITS}[\-\u2013\u2014\u2015])"
_LANDLINE_6 = _PHONE_START + _AREA_APART + "[1-9][0-9]{5}" + _EXTENSION + END + NOT_AMOUNT
# A PHS (小灵通) or home number right after the word that names it, area code left out.
_OWN_LINE_WORD = r"(?<=(?:小灵通|宅电|住宅电话|家庭电话)(?:号码|号)?[ \t]?[：:]?[ \t]?)"
_OWN_LINE = _OWN_LINE_WORD + START + _LOCAL + _EXTENSION + END + NOT_AMOUNT


class CnPhoneRecognizer(PatternRecognizer):
    """Mobiles (0.6) and landlines with area code (0.4); a context word such as 手机 or
    电话 raises either. There is no checksum: validation keeps the pattern score."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN mobile", _MOBILE, 0.6),
        Pattern("CN landline with area code", _LANDLINE, 0.4),
        Pattern("CN 6-digit landline with area code", _LANDLINE_6, 0.4),
        Pattern("CN PHS or home number after its name", _OWN_LINE, 0.4),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "手机", "电话", "联系方式", "座机", "传真", "致电", "联系", "小灵通", "宅电",
    ]  # fmt: skip

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
