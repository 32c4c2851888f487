"""机动车号牌 (LICENSE_PLATE): mainland plates, glued to Chinese text or not.

A plate is a province abbreviation, the letter of the issuing city, an optional dot or
space, then the serial: 5 letters/digits (letters never I or O); 4 plus 挂 (trailer), 学
(learner), 警 (police), 港 or 澳 (cross-border); or, on new-energy plates, 6 characters
with D/F first (small cars, 粤BD12345) or last (large vehicles, 粤B12345D).

Nothing but the province character may precede a plate, and that is Chinese, so there is
no left boundary to test; "车牌号为京A12345的车辆" must match. The serial may not run on into
more letters or digits. A serial with more than three letters is a word, not a plate.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from gkreview.redact.recognizers._common import (
    OPT_SEP,
    OPT_WRAP,
    REGEX_FLAGS,
    run,
    strip_separators,
)

ENTITY = "LICENSE_PLATE"

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "[A-HJ-NP-Z]"
_ALNUM = "[A-HJ-NP-Z0-9]"
_D = "[0-9]"
_DOT = r"(?:[·・•]|[ \t]|\r?\n)?"  # U+00B7, U+30FB and U+2022 all serve as the plate dot
_MAX_SERIAL_LETTERS = 3


def _serial(char_class: str, count: int) -> str:
    """``count`` characters of the serial; a line end may wrap it anywhere."""
    return char_class + run(char_class, count - 1, OPT_WRAP)


_SERIALS = "|".join(
    (
        "[DF]" + OPT_WRAP + _ALNUM + OPT_WRAP + _serial(_D, 4),  # new energy, small
        _serial(_D, 5) + OPT_WRAP + "[DF]",  # new energy, large
        _serial(_ALNUM, 4) + OPT_WRAP + "[挂学警港澳]",  # trailer, learner, police, HK, Macao
        _serial(_ALNUM, 5),  # ordinary
    )
)
_PLATE = f"[{PROVINCES}]{OPT_SEP}{_LETTER}{_DOT}(?:{_SERIALS})(?![0-9A-Za-z])"


class CnLicensePlateRecognizer(PatternRecognizer):
    """Plates score 0.5 (the shape is specific but has no check); 车牌/号牌 raises it."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("CN license plate", _PLATE, 0.5)]
    CONTEXT: ClassVar[list[str]] = ["车牌", "号牌", "机动车", "车辆", "牌照", "驾驶"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnLicensePlateRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """Lower-case letters, or a serial of mostly letters (a word such as 新ABCDE)."""
        plate = strip_separators(pattern_text)
        serial = plate[2:].lstrip("·・•")
        if any(c.islower() for c in plate):
            return True
        return sum(c.isascii() and c.isalpha() for c in serial) > _MAX_SERIAL_LETTERS
