"""BANK_CARD: Luhn-valid cards in printed layouts; a Luhn failure is never a card.

Card numbers are completed here with a Luhn digit computed in the test.
"""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_bank_card import CnBankCardRecognizer

ENTITY = "BANK_CARD"
RECOGNIZER = CnBankCardRecognizer()


def luhn_complete(body: str) -> str:
    """``body`` plus the digit that makes the Luhn sum a multiple of 10."""
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d) * (2 if i % 2 == 0 else 1)  # the check digit will sit at odd position 0
        total += n - 9 if n > 9 else n
    return body + str(-total % 10)


def luhn_broken(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_complete(body17: str) -> str:
    total = sum(int(d) * w for d, w in zip(body17, _ID_WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


def id_also_luhn_valid(*, id_valid: bool) -> str:
    """A Guangdong (44…) ID-shaped number that passes Luhn, with a right or wrong ID check."""
    for n in range(1000):
        number = id_complete(f"44030519850612{n:03d}")
        if not id_valid:
            number = number[:-1] + str((int(number[-1]) + 1) % 10 if number[-1] != "X" else 0)
        if number[-1] != "X" and luhn_complete(number[:-1]) == number:
            return number
    raise AssertionError("no such number")


def full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def found(sentence: str) -> list[tuple[int, int, str]]:
    results = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type) for r in results)


def span(sentence: str, value: str) -> list[tuple[int, int, str]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY)]


CARD19 = luhn_complete("621700123456789012")
CARD16 = luhn_complete("622202123456789")
CARD17 = luhn_complete("6013820001234567")
VISA = luhn_complete("436742123456789")
MASTERCARD2 = luhn_complete("222100123456789")
CARD19_4S = " ".join((CARD19[:4], CARD19[4:8], CARD19[8:12], CARD19[12:16], CARD19[16:]))
CARD16_4S = " ".join((CARD16[:4], CARD16[4:8], CARD16[8:12], CARD16[12:]))


def test_luhn_helper_agrees_with_a_known_card() -> None:
    assert luhn_complete("621700123456789012") == "6217001234567890122"


VALID = [
    ("19 digits", f"补偿款已存入其银行卡{CARD19}。", CARD19),
    ("16 digits", f"卡号：{CARD16}，户名张三", CARD16),
    ("17 digits", f"开户账号{CARD17}。", CARD17),
    ("Visa", f"信用卡{VISA}已挂失", VISA),
    ("Mastercard 2-series", f"信用卡{MASTERCARD2}已挂失", MASTERCARD2),
    ("4-4-4-4-3", f"银行卡号 {CARD19_4S} 户名张三", CARD19_4S),
    ("4-4-4-4", f"卡号{CARD16_4S}。", CARD16_4S),
    ("hyphens", f"卡号{CARD16_4S.replace(' ', '-')}。", CARD16_4S.replace(" ", "-")),
    ("ideographic spaces", f"卡号{CARD16_4S.replace(' ', '　')}。", CARD16_4S.replace(" ", "　")),
    ("6 + 13", f"账号{CARD19[:6]} {CARD19[6:]}。", f"{CARD19[:6]} {CARD19[6:]}"),
    ("line end", f"账号{CARD19[:11]}\n{CARD19[11:]}。", f"{CARD19[:11]}\n{CARD19[11:]}"),
    ("CRLF between groups", f"卡号{CARD16[:8]}\r\n{CARD16[8:]}。", f"{CARD16[:8]}\r\n{CARD16[8:]}"),
    ("full width", f"银行卡{full_width(CARD19)}。", full_width(CARD19)),
    ("after a row number", f"1 {CARD19_4S} 张三", CARD19_4S),
    ("after a phone in a table", f"张三 13812345678 {CARD19} 已发放", CARD19),
]


@pytest.mark.parametrize(("case", "sentence", "value"), VALID, ids=[v[0] for v in VALID])
def test_luhn_valid_cards_are_found_with_exact_span(case: str, sentence: str, value: str) -> None:
    assert found(sentence) == span(sentence, value)


def test_valid_cards_score_one() -> None:
    (result,) = RECOGNIZER.analyze(text=f"银行卡{CARD19}", entities=[ENTITY])
    assert result.score == 1.0


INVALID = [
    ("19 digits", f"银行卡{luhn_broken(CARD19)}。"),
    ("16 digits", f"卡号：{luhn_broken(CARD16)}，"),
    ("grouped", f"银行卡号 {luhn_broken(CARD16)[:4]} {luhn_broken(CARD16)[4:8]} 1234 5678"),
    ("full width", f"银行卡{full_width(luhn_broken(CARD19))}。"),
]


@pytest.mark.parametrize(("case", "sentence"), INVALID, ids=[v[0] for v in INVALID])
def test_luhn_failures_are_never_flagged(case: str, sentence: str) -> None:
    assert found(sentence) == []


NOT_CARDS = [
    ("amount of 16 digits", "人民币1000000000000000元"),
    ("Luhn-valid amount", f"人民币{CARD16}元"),
    ("Luhn-valid amount in 万元", f"共计{CARD16}万元"),
    ("decimal", f"数值{CARD16}.5"),
    ("starts with 1", f"编号{luhn_complete('123456789012345')}。"),
    ("starts with 8", f"编号{luhn_complete('823456789012345')}。"),
    ("20 digits", f"账号{luhn_complete('6217001234567890123')}。"),
    ("glued to letters", f"编号AB{CARD16}。"),
    ("two spaces", f"卡号{CARD16[:8]}  {CARD16[8:]}"),
    ("a row of years (Luhn-valid)", "年度 2017 2018 2019 2020 合计"),
    ("numbers in a table (Luhn-valid)", "序号 2 3 4 5 6 7 8 9 10 11 12 13 合计"),
    ("ID that passes Luhn", f"身份证号{id_also_luhn_valid(id_valid=True)}"),
    ("ID with wrong check that passes Luhn", f"身份证号{id_also_luhn_valid(id_valid=False)}"),
    ("文号", "根据津政办函〔2017〕72号和国办发〔2019〕15号文件"),
    ("索引号", "索引号：000014349/2017-00123，11440300MB2C07431X/2020-00012"),
    ("amounts", "补偿款1234567.89元，合计12,345,678元"),
    ("dates", "2017年3月12日、20170312、2017-03-12"),
    ("hotlines and postcode", "拨打12345、12315，邮编300000"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_CARDS, ids=[v[0] for v in NOT_CARDS])
def test_look_alikes_are_not_cards(case: str, sentence: str) -> None:
    assert found(sentence) == []
