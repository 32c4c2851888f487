"""统一社会信用代码 (CN_USCC): GB 32100-2015, the 18-character code of an organisation.

It is not personal data; the pipeline finds it so that the review can show it is kept, and
so that its digits are not mistaken for an ID or a bank card. It wins such a span only by
being valid: the recognizer claims nothing that fails the GB 32100 check. Where the check
character (1 in 31) lets a personal number through, the personal reading wins, because
keeping a personal number is the costly mistake: in random samples about 1 valid resident
ID in 140 also passes as a USCC, and so does about 1 in 100 Luhn-valid 18-digit 62… cards.

Why not ``stdnum.cn.uscc.is_valid`` alone: it requires the first 8 characters to be digits,
which rejects the standard's letter authorities (A 中央军委改革和编制办公室, N 农业, Y 其他),
e.g. the N2… codes of village collectives; and it does not check the authority/type pair
or the region. We use its check-character computation and check the structure ourselves.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum import luhn
from stdnum.cn import uscc

from gkreview.redact.recognizers._common import (
    END,
    MAINLAND_PROVINCES,
    OPT_SEP,
    REGEX_FLAGS,
    START,
    run,
    strip_separators,
)
from gkreview.redact.recognizers.cn_id_card import is_valid_id18

ENTITY = "CN_USCC"

# GB 32100: digits and capitals without I, O, S, V, Z.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_CHAR = "[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]"

# 登记管理部门 (1st character) → the 机构类别 (2nd character) it has defined.
AUTHORITY_TYPES: dict[str, str] = {
    "1": "1239",  # 机构编制: 机关, 事业单位, 群众团体, 其他
    "2": "19",  # 外交
    "3": "123459",  # 司法行政
    "4": "19",  # 文化
    "5": "1239",  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "6": "129",  # 旅游
    "7": "129",  # 宗教
    "8": "19",  # 工会
    "9": "123",  # 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室
    "N": "1239",  # 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": "1",  # 其他
}
# Regions of the registering authority: provinces, and 10 for central (national) bodies.
REGIONS: frozenset[str] = MAINLAND_PROVINCES | {"10"}

_USCC = (
    START
    + "[1-9ANYany]"
    + OPT_SEP
    + "[1-9]"
    + run("[0-9]", 6)
    + run(_CODE_CHAR, 9)
    + OPT_SEP
    + _CODE_CHAR
    + END
)


def is_valid_uscc(code: str) -> bool:
    """Authority/type pair, region, alphabet and the GB 32100 check character."""
    code = code.upper()
    if len(code) != 18 or any(c not in ALPHABET for c in code):
        return False
    if code[1] not in AUTHORITY_TYPES.get(code[0], ""):
        return False
    if not code[2:8].isdigit() or code[2:4] not in REGIONS:
        return False
    return uscc.calc_check_digit(code[:17]) == code[17]


class CnUsccRecognizer(PatternRecognizer):
    """Unified social credit codes; valid ones score 1.0, invalid ones are dropped."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("CN USCC (GB 32100)", _USCC, 0.5)]
    # jieba cuts 统一社会信用代码 into 统一/社会/信用/代码, so 信用 is the word that survives;
    # the long forms stay for pipelines that keep the term whole.
    CONTEXT: ClassVar[list[str]] = ["统一社会信用代码", "信用代码", "信用"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnUsccRecognizer",
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
        """The code passes the GB 32100 structure and check character."""
        return is_valid_uscc(strip_separators(pattern_text))

    def invalidate_result(self, pattern_text: str) -> bool:
        """A valid resident ID, or a Luhn-valid 62… card, is personal data, not a code."""
        code = strip_separators(pattern_text).upper()
        if is_valid_id18(code):
            return True
        return code.startswith("62") and code.isdigit() and luhn.is_valid(code)
