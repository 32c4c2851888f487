"""银行卡号 (BANK_CARD): 16–19 digit payment card numbers that pass the Luhn check.

Luhn lets one random number in ten through, so the shape is kept tight to avoid flagging
runs of table figures: the number is contiguous (a line end may wrap it anywhere), or
grouped the way cards are printed (4-4-4-4[-1..3], or 6 + the rest), and it starts like an
issued card (UnionPay 62/60, Visa 4, Mastercard 5 and 2221–2720, JCB/Amex 3, old domestic
debit 9). Amounts (…元) and decimals are never cards. An 18-digit number shaped like a
resident ID, or that is a valid unified social credit code, is left to those recognizers.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum import luhn

from gkreview.redact.recognizers._common import (
    END,
    NOT_AMOUNT,
    OPT_WRAP,
    REGEX_FLAGS,
    START,
    run,
    strip_separators,
)
from gkreview.redact.recognizers.cn_id_card import id18_shape
from gkreview.redact.recognizers.cn_uscc import is_valid_uscc

ENTITY = "BANK_CARD"

_FIRST = r"(?=[3-69]|2[2-7])"  # checked exactly in invalidate_result
# Between groups: one space, tab, hyphen or line end.
_GROUP_SEP = r"(?:[ \t-]|\r?\n)"
_TAIL = END + NOT_AMOUNT

_CONTIGUOUS = START + _FIRST + "[0-9]" + run("[0-9]", "15,18", OPT_WRAP) + _TAIL
_GROUPS_OF_4 = (
    START
    + _FIRST
    + "[0-9]{4}"
    + f"(?:{_GROUP_SEP}[0-9]{{4}}){{3}}"
    + f"(?:{_GROUP_SEP}[0-9]{{1,3}})?"
    + _TAIL
)
_SIX_THEN_REST = START + _FIRST + "[0-9]{6}" + _GROUP_SEP + "[0-9]{10,13}" + _TAIL

# USCC authority/type pairs common enough that an 18-digit Luhn pass is more likely a code.
_USCC_PREFIXES = frozenset({"11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93"})


def card_digits(text: str) -> str:
    """The digits of a match, without the separators and hyphens that grouped them."""
    return strip_separators(text).replace("-", "")


def plausible_issuer(number: str) -> bool:
    """The first digits are those of an issued card; Mastercard's 2-series is 16 digits."""
    if number[0] in "34569":
        return True
    return len(number) == 16 and 2221 <= int(number[:4]) <= 2720


class CnBankCardRecognizer(PatternRecognizer):
    """Bank card numbers; a Luhn pass scores 1.0 and a failure is never reported."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("Bank card (contiguous)", _CONTIGUOUS, 0.5),
        Pattern("Bank card (groups of 4)", _GROUPS_OF_4, 0.5),
        Pattern("Bank card (6 + rest)", _SIX_THEN_REST, 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "银行卡",
        "卡号",
        "账号",
        "帐号",
        "开户",
        "账户",
        "帐户",
        "信用卡",
        "储蓄卡",
        "借记卡",
        "银行",
    ]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnBankCardRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool:
        """16–19 digits passing the Luhn check."""
        number = card_digits(pattern_text)
        return number.isdigit() and 16 <= len(number) <= 19 and luhn.is_valid(number)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop what passes Luhn by chance but is something else."""
        number = card_digits(pattern_text)
        if not number.isdigit() or not plausible_issuer(number):
            return True
        if len(set(number)) == 1:
            return True
        if len(number) == 18:
            # A resident ID (even with a typo in its check character) or a valid USCC.
            if id18_shape(number):
                return True
            if number[:2] in _USCC_PREFIXES and is_valid_uscc(number):
                return True
        return False
