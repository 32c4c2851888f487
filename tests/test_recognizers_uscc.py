"""CN_USCC: valid GB 32100 codes only, and the 18-character spans it shares with IDs and cards.

Codes are completed here with a check character computed from the standard's weights.
"""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_uscc import CnUsccRecognizer
from gkreview.redact.recognizers.registry import chinese_recognizers

ENTITY = "CN_USCC"
RECOGNIZER = CnUsccRecognizer()
ALL = chinese_recognizers()

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def uscc_complete(body17: str) -> str:
    total = sum(_ALPHABET.index(c) * w for c, w in zip(body17, _WEIGHTS, strict=True))
    return body17 + _ALPHABET[-total % 31]


def uscc_broken(code: str) -> str:
    return code[:-1] + _ALPHABET[(_ALPHABET.index(code[-1]) + 1) % 31]


def id_complete(body17: str) -> str:
    total = sum(int(d) * w for d, w in zip(body17, _ID_WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in reversed(number)]
    doubled = (d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits))
    return sum(doubled) % 10 == 0


def full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def found(sentence: str, recognizers: list | None = None) -> list[tuple[int, int, str]]:
    text = fold_width(sentence)
    out = []
    for recognizer in recognizers or [RECOGNIZER]:
        entities = recognizer.supported_entities
        out += recognizer.analyze(text=text, entities=entities, nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type) for r in out)


def span(sentence: str, value: str) -> list[tuple[int, int, str]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY)]


ENTERPRISE = uscc_complete("91120116MA05JXXE4")
ORGAN = uscc_complete("11440300MB2C07431")  # the 索引号 code with its real check character
ALL_DIGITS = uscc_complete("91110000100012345")
WRAPPED = f"{ENTERPRISE[:8]}\n{ENTERPRISE[8:]}"
VILLAGE = uscc_complete("N2330106MF0123456")  # 农业 authority: letters in the first 8
CENTRAL = uscc_complete("11100000000013127")  # region 100000: a central body


def test_check_helper_agrees_with_published_codes() -> None:
    assert ENTERPRISE == "91120116MA05JXXE4A"
    assert uscc_complete("91110000600037341") == "91110000600037341L"


VALID = [
    ("enterprise", f"实施单位统一社会信用代码：{ENTERPRISE}。", ENTERPRISE),
    ("government organ", f"机关代码{ORGAN}，", ORGAN),
    ("all digits", f"信用代码{ALL_DIGITS}的企业", ALL_DIGITS),
    ("authority N", f"村集体经济组织代码{VILLAGE}。", VILLAGE),
    ("central body", f"代码{CENTRAL}。", CENTRAL),
    ("full width", f"统一社会信用代码：{full_width(ENTERPRISE)}。", full_width(ENTERPRISE)),
    ("line end", f"代码：{WRAPPED}。", WRAPPED),
    ("space", f"代码：{ENTERPRISE[:8]} {ENTERPRISE[8:]}。", f"{ENTERPRISE[:8]} {ENTERPRISE[8:]}"),
    ("inside 索引号", f"索引号：{ORGAN}/2020-00012", ORGAN),
]


@pytest.mark.parametrize(("case", "sentence", "value"), VALID, ids=[v[0] for v in VALID])
def test_valid_codes_are_found_with_exact_span(case: str, sentence: str, value: str) -> None:
    assert found(sentence) == span(sentence, value)


@pytest.mark.parametrize(("case", "sentence", "value"), VALID, ids=[v[0] for v in VALID])
def test_valid_codes_are_claimed_by_no_other_recognizer(
    case: str, sentence: str, value: str
) -> None:
    assert found(sentence, ALL) == span(sentence, value)


def test_valid_codes_score_one() -> None:
    (result,) = RECOGNIZER.analyze(text=f"信用代码{ENTERPRISE}", entities=[ENTITY])
    assert result.score == 1.0


INVALID = [
    # The 索引号 example as given carries a wrong check character (X; the check is N).
    ("索引号 with a wrong check", "索引号：11440300MB2C07431X/2020-00012"),
    ("wrong check", f"统一社会信用代码：{uscc_broken(ENTERPRISE)}。"),
    ("wrong check, all digits", f"信用代码{uscc_broken(ALL_DIGITS)}"),
    ("unknown authority/type", f"代码{uscc_complete('94120116MA05JXXE4')}。"),
    ("authority 0", f"代码{uscc_complete('01120116MA05JXXE4')}。"),
    ("unknown region", f"代码{uscc_complete('91990116MA05JXXE4')}。"),
    ("letter in the region", f"代码{uscc_complete('9112A116MA05JXXE4')}。"),
    ("forbidden letter S", f"代码{ENTERPRISE[:9]}S{ENTERPRISE[10:]}。"),
    ("17 characters", f"代码{ENTERPRISE[:-1]}。"),
    ("glued to a letter", f"代码{ENTERPRISE}B。"),
]


@pytest.mark.parametrize(("case", "sentence"), INVALID, ids=[v[0] for v in INVALID])
def test_invalid_codes_are_never_flagged(case: str, sentence: str) -> None:
    assert found(sentence) == []


def _id_that_passes_the_uscc_check() -> str:
    for n in range(10000):
        number = id_complete(f"3311021985{n // 1000 % 10 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}")
        if uscc_complete(number[:17]) == number:
            return number
    raise AssertionError("no such ID")


def _card_that_passes_the_uscc_check() -> str:
    for n in range(100000):
        body = f"6212{n:013d}"
        code = uscc_complete(body)
        if code[-1].isdigit() and luhn_valid(code):
            return code
    raise AssertionError("no such card")


def test_an_id_that_also_passes_the_uscc_check_is_an_id() -> None:
    number = _id_that_passes_the_uscc_check()
    sentence = f"身份证号{number}。"
    assert found(sentence, ALL) == [(4, 22, "CN_ID_CARD")]


def test_a_card_that_also_passes_the_uscc_check_is_a_card() -> None:
    number = _card_that_passes_the_uscc_check()
    sentence = f"银行卡{number}。"
    assert found(sentence, ALL) == [(3, 21, "BANK_CARD")]


def test_an_all_digit_code_that_passes_luhn_is_a_code_not_a_card() -> None:
    for n in range(100000):
        code = uscc_complete(f"9111000010{n:07d}")
        if code[-1].isdigit() and luhn_valid(code):
            break
    sentence = f"统一社会信用代码：{code}。"
    assert found(sentence, ALL) == span(sentence, code)
