"""护照与通行证号码 (CN_PASSPORT): PRC passports and the Hong Kong/Macao travel permits.

These numbers have no check character outside the machine-readable zone, and a capital
letter plus 7–8 digits is also the shape of part numbers and file codes, so the scores are
moderate and a context word (护照, 通行证, 回乡证, 证件) is what makes them sure:

- 普通护照 E + 8 digits, or E + a letter (not I/O) + 7 digits (EA1234567);
  电子普通护照 older G + 8 digits; 外交/公务/公务普通护照 D/S/P + 7 digits.
- 往来港澳通行证 C + 8 digits or C + letter + 7 digits (CA1234567); old booklet W + 8 digits.
- 港澳居民来往内地通行证 (回乡证) H (Hong Kong) or M (Macao) + 8 digits, sometimes followed by
  2 more digits counting re-issues.

The E series is the most distinctive shape and scores a little higher.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from gkreview.redact.recognizers._common import END, REGEX_FLAGS, START, run, strip_separators

ENTITY = "CN_PASSPORT"

_LETTER = "[A-HJ-NP-Z]"  # no I or O, which read as 1 and 0
_D = "[0-9]"


def _either(*alternatives: str) -> str:
    return START + "(?:" + "|".join(alternatives) + ")" + END


_E_SERIES = _either("E" + run(_D, 8), "E" + run(_LETTER, 1) + run(_D, 7))
_OTHER_PASSPORTS = _either("G" + run(_D, 8), "[DSP]" + run(_D, 7))
_HK_MACAO_PERMIT = _either("[CW]" + run(_D, 8), "C" + run(_LETTER, 1) + run(_D, 7))
_HOME_RETURN_PERMIT = _either("[HM]" + run(_D, 8) + f"(?:{run(_D, 2)})?")


class CnPassportRecognizer(PatternRecognizer):
    """Passports and permits: 0.4 (E series) or 0.3, raised by context; never validated."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN passport (E series)", _E_SERIES, 0.4),
        Pattern("CN passport (G, D/S/P)", _OTHER_PASSPORTS, 0.3),
        Pattern("往来港澳通行证 (C, W)", _HK_MACAO_PERMIT, 0.3),
        Pattern("港澳居民来往内地通行证 (H, M)", _HOME_RETURN_PERMIT, 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = ["护照", "通行证", "回乡证", "证件", "旅行证"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnPassportRecognizer",
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
        """Lower-case letters (if a caller forced IGNORECASE) or one repeated digit
        (E00000000, a placeholder in forms) are not document numbers."""
        number = strip_separators(pattern_text)
        digits = [c for c in number if c.isdigit()]
        return not number.isupper() or len(set(digits)) == 1
