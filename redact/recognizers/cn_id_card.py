"""居民身份证号码 (CN_ID_CARD): the 18-digit GB 11643 number and the old 15-digit one.

Why not ``stdnum.cn.ric.is_valid``: besides the check character and birth date it looks the
first six digits up in a county table *as of the birth year*, so a real number issued
under a later-created code (e.g. 120116 滨海新区, created 2009, for someone born in 1965)
is rejected. Counties are renamed and re-coded all the time; we keep stdnum's check
character and check the birth date and the province ourselves.

The same 18-digit layout and check character are used by 港澳台居民居住证 (province 81, 82,
83) and by the 2023 外国人永久居留身份证 (``9`` + province + nationality + birth date), and
both are personal identifiers, so they are accepted too.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.cn import ric

from gkreview.redact.recognizers._common import (
    END,
    MAINLAND_PROVINCES,
    OPT_SEP,
    REGEX_FLAGS,
    START,
    plausible_birth_date,
    run,
    strip_separators,
)

ENTITY = "CN_ID_CARD"

# First two digits of an 18-digit number: mainland provinces, 71 台湾 (issued to Taiwan
# residents registered on the mainland) and 81/82/83 (港澳台居民居住证).
ID18_REGIONS: frozenset[str] = MAINLAND_PROVINCES | {"71", "81", "82", "83"}

_ID18 = START + "[1-9]" + run("[0-9]", 16) + OPT_SEP + "[0-9Xx]" + END
_ID15 = START + "[1-9]" + run("[0-9]", 14) + END


def id18_shape(number: str) -> bool:
    """Region and birth date of an 18-character number are plausible (check char not tested).

    Other recognizers use this to stay off numbers that are IDs even with a typo in them.
    """
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if number[0] == "9":  # 外国人永久居留身份证: 9 + province of issue
        region_ok = number[1:3] in MAINLAND_PROVINCES
    else:
        region_ok = number[:2] in ID18_REGIONS
    return region_ok and plausible_birth_date(number[6:14])


def is_valid_id18(number: str) -> bool:
    """GB 11643 number: region, birth date and ISO 7064 MOD 11-2 check character (X = 10)."""
    number = number.upper()
    if not id18_shape(number) or number[17] not in "0123456789X":
        return False
    return ric.calc_check_digit(number) == number[17]


def is_plausible_id15(number: str) -> bool:
    """Old 15-digit number: mainland province and a 19YYMMDD birth date (it has no check)."""
    return (
        len(number) == 15
        and number.isdigit()
        and number[:2] in MAINLAND_PROVINCES
        and plausible_birth_date("19" + number[6:12])
    )


class CnIdCardRecognizer(PatternRecognizer):
    """Resident ID numbers, contiguous or broken by one space/tab/line end per gap.

    An 18-digit match is scored by its check: a valid one gets 1.0, an invalid one is
    dropped. A 15-digit number has no check character, only a date and a province, and
    15-digit tax and registration numbers sometimes pass that, so it keeps a modest score
    that a context word (身份证…) raises.
    """

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN ID card (18 digits, check character)", _ID18, 0.5),
        Pattern("CN ID card (old 15 digits)", _ID15, 0.4),
    ]
    CONTEXT: ClassVar[list[str]] = ["身份证", "身份", "证件", "公民身份", "居民身份", "居住证"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnIdCardRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            # Copies: Presidio caches the compiled regex on each Pattern object.
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """True for a valid 18-digit number, None for a plausible 15-digit one, else False."""
        number = strip_separators(pattern_text).upper()
        if len(number) == 18:
            return is_valid_id18(number)
        if len(number) == 15:
            return None if is_plausible_id15(number) else False
        return False
