"""CN_ID_CARD: valid numbers in every layout, checksum failures and look-alikes.

Valid numbers are built here with the GB 11643 check computed from the weights, so no test
depends on a number remembered from somewhere.
"""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_id_card import CnIdCardRecognizer

ENTITY = "CN_ID_CARD"
RECOGNIZER = CnIdCardRecognizer()

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def check_char(body17: str) -> str:
    """ISO 7064 MOD 11-2 as GB 11643 tabulates it: weighted sum mod 11 → check character."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(body17, _WEIGHTS, strict=True)) % 11]


def make_id(region: str, birth: str, seq: str) -> str:
    body = region + birth + seq
    return body + check_char(body)


def with_check(region: str, birth: str, want: str) -> str:
    """The first number for this region and birth date whose check character is ``want``."""
    for n in range(1000):
        number = make_id(region, birth, f"{n:03d}")
        if number[-1] == want:
            return number
    raise AssertionError(want)


def wrong_check(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


def full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def found(sentence: str) -> list[tuple[int, int, str]]:
    results = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type) for r in results)


def span(sentence: str, value: str) -> list[tuple[int, int, str]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY)]


ID = make_id("110101", "19900307", "123")
ID_X = with_check("110105", "19491231", "X")
ID_TIANJIN = make_id("120116", "19650312", "003")  # a 2009 county code, born 1965
ID_HK_PERMIT = make_id("810000", "19880215", "041")  # 港澳居民居住证
ID_FOREIGNER = make_id("911156", "19791120", "015")  # 外国人永久居留身份证: 9 + 11 + 156
ID_15 = "120107580612002"  # old form: 12 天津, born 1958-06-12
ID_4S = " ".join((ID[:4], ID[4:8], ID[8:12], ID[12:16], ID[16:]))  # 1101 0119 9003 0712 3x


def test_check_character_matches_the_standards_example() -> None:
    assert make_id("110105", "19491231", "002") == "11010519491231002X"


VALID = [
    ("contiguous", f"居民身份证号码：{ID}，请核对。", ID),
    ("check X", f"身份证号{ID_X}。", ID_X),
    ("check x lower", f"身份证号{ID_X[:-1]}x。", ID_X[:-1] + "x"),
    ("new county code", f"农户张建国（公民身份号码{ID_TIANJIN}）", ID_TIANJIN),
    ("glued both sides", f"证件号码{ID}的持有人", ID),
    ("full width", f"公民身份号码{full_width(ID)}，", full_width(ID)),
    ("space 4-4-4-4-2", f"身份证 {ID_4S} 已登记", ID_4S),
    ("space 6-8-4", f"身份证号：{ID[:6]} {ID[6:14]} {ID[14:]}。", f"{ID[:6]} {ID[6:14]} {ID[14:]}"),
    ("tab", f"身份证号：{ID[:6]}\t{ID[6:]}。", f"{ID[:6]}\t{ID[6:]}"),
    ("line end", f"身份证号码{ID[:10]}\n{ID[10:]}，", f"{ID[:10]}\n{ID[10:]}"),
    ("CRLF line end", f"身份证号码{ID[:9]}\r\n{ID[9:]}，", f"{ID[:9]}\r\n{ID[9:]}"),
    ("in a table row", f"1 张三 男 {ID} 13812345678", ID),
    ("residence permit", f"港澳居民居住证号码{ID_HK_PERMIT}。", ID_HK_PERMIT),
    ("foreigner permanent residence", f"外国人永久居留身份证{ID_FOREIGNER}。", ID_FOREIGNER),
    ("old 15 digits", f"患者李秀英（身份证号{ID_15}）住院治疗", ID_15),
    ("old 15, full width", f"身份证号{full_width(ID_15)}", full_width(ID_15)),
]


@pytest.mark.parametrize(("case", "sentence", "value"), VALID, ids=[v[0] for v in VALID])
def test_valid_numbers_are_found_with_exact_span(case: str, sentence: str, value: str) -> None:
    assert found(sentence) == span(sentence, value)


def test_checked_numbers_score_one_and_old_numbers_stay_modest() -> None:
    (new,) = RECOGNIZER.analyze(text=f"身份证号{ID}", entities=[ENTITY])
    (old,) = RECOGNIZER.analyze(text=f"身份证号{ID_15}", entities=[ENTITY])
    assert new.score == 1.0
    assert 0 < old.score < 0.5


INVALID = [
    ("wrong check digit", f"身份证号码{wrong_check(ID)}，"),
    ("wrong check X", f"身份证号码{ID_X[:-1]}0，"),
    ("wrong check, grouped", f"身份证号 {wrong_check(ID)[:6]} {wrong_check(ID)[6:]}"),
    ("month 13", f"身份证号码{make_id('110101', '19901301', '123')}，"),
    ("day 30 February", f"身份证号码{make_id('110101', '20000230', '123')}，"),
    ("born in the future", f"身份证号码{make_id('110101', '20990101', '123')}，"),
    ("born 1700", f"身份证号码{make_id('110101', '17000101', '123')}，"),
    ("province 99", f"身份证号码{make_id('990101', '19900307', '123')}，"),
    ("province 00", f"身份证号码{make_id('000101', '19900307', '123')}，"),
    ("15: month 13", "身份证号120107581312002"),
    ("15: province 99", "身份证号990107580612002"),
]


@pytest.mark.parametrize(("case", "sentence"), INVALID, ids=[v[0] for v in INVALID])
def test_checksum_or_date_failures_are_never_flagged(case: str, sentence: str) -> None:
    assert found(sentence) == []


LOOK_ALIKES = [
    ("19 digits", f"编号{ID}5。"),
    ("glued to a letter before", f"编号A{ID}。"),
    ("glued to a letter after", f"编号{ID}B。"),
    ("two spaces", f"身份证号{ID[:6]}  {ID[6:]}"),
    ("decimal part", f"数值0.{ID}"),
    ("integer part", f"数值{ID}.5"),
    ("16 digits", "编号1101011990030712，"),
    ("文号", "根据津政办函〔2017〕72号和国办发〔2019〕15号文件"),
    ("索引号", "索引号：000014349/2017-00123"),
    ("索引号 with USCC", "索引号：11440300MB2C07431N/2020-00012"),
    ("amount decimal", "补偿款1234567.89元"),
    ("amount grouped", "合计12,345,678元"),
    ("amount 16 digits", "人民币1000000000000000元"),
    ("dates", "2017年3月12日、20170312、2017-03-12"),
    ("hotlines", "请拨打12345、12315热线"),
    ("postcode", "邮编300000"),
    ("USCC", "统一社会信用代码：91120116MA05JXXE4A"),
    ("bank card", "银行卡6217001234567890122"),
]


@pytest.mark.parametrize(("case", "sentence"), LOOK_ALIKES, ids=[v[0] for v in LOOK_ALIKES])
def test_look_alikes_are_not_ids(case: str, sentence: str) -> None:
    assert found(sentence) == []
