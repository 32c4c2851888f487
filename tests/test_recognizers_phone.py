"""PHONE_NUMBER: mobiles and landlines in their written forms; hotlines and figures never."""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_phone import CnPhoneRecognizer

ENTITY = "PHONE_NUMBER"
RECOGNIZER = CnPhoneRecognizer()


def results(sentence: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def found(sentence: str) -> list[tuple[int, int, str]]:
    return [r[:3] for r in results(sentence)]


def span(sentence: str, value: str) -> list[tuple[int, int, str]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY)]


FW_PREFIXED = "（＋８６）１３８１２３４５６７８"

MOBILES = [
    ("plain", "申请人联系手机13912345678，请核实。", "13912345678"),
    ("glued both sides", "电话13920231234的机主", "13920231234"),
    ("+86 spaced", "记录人：刘晓东，手机+86 138 2233 4455。", "+86 138 2233 4455"),
    ("+86 glued", "手机+8613812345678。", "+8613812345678"),
    ("0086", "电话0086-138-1234-5678。", "0086-138-1234-5678"),
    ("(+86)", "电话(+86)13812345678。", "(+86)13812345678"),
    ("full-width (+86)", f"电话{FW_PREFIXED}。", FW_PREFIXED),
    ("full width", "手机１３９１２３４５６７８。", "１３９１２３４５６７８"),
    ("3-4-4 spaces", "手机 138 1234 5678 联系", "138 1234 5678"),
    ("3-4-4 hyphens", "手机138-1234-5678。", "138-1234-5678"),
    ("ideographic spaces", "手机138　1234　5678。", "138　1234　5678"),
    ("line end", "联系方式：1381234\n5678。", "1381234\n5678"),
    ("CRLF inside a group", "联系方式：13812\r\n345678。", "13812\r\n345678"),
    ("in a table row", "1 张三 13812345678 北京市", "13812345678"),
]

LANDLINES = [
    ("Beijing hyphen", "联系电话010-12345678。", "010-12345678"),
    ("parenthesised", "电话(010)12345678。", "(010)12345678"),
    ("full-width parentheses", "电话（０１０）１２３４５６７８。", "（０１０）１２３４５６７８"),
    ("4-digit area, 7 digits", "电话0755-1234567。", "0755-1234567"),
    ("spaced groups", "电话021 6123 4567。", "021 6123 4567"),
    ("contiguous", "电话02112345678。", "02112345678"),
    ("Tianjin", "联系电话022-25201234，邮箱", "022-25201234"),
    ("extension 转", "电话010-12345678转123。", "010-12345678转123"),
    ("extension hyphen", "电话010-12345678-123。", "010-12345678-123"),
    ("full width", "座机０２２－２５８８１２３４。", "０２２－２５８８１２３４"),
    ("+86 area", "办公电话：+86 10 12345678。", "+86 10 12345678"),
]


@pytest.mark.parametrize(
    ("case", "sentence", "value"), MOBILES + LANDLINES, ids=[v[0] for v in MOBILES + LANDLINES]
)
def test_phone_numbers_are_found_with_exact_span(case: str, sentence: str, value: str) -> None:
    assert found(sentence) == span(sentence, value)


def test_mobiles_score_higher_than_landlines() -> None:
    ((*_, mobile),) = results("手机13912345678")
    ((*_, landline),) = results("电话010-12345678")
    assert mobile == 0.6
    assert landline == 0.4


NOT_PHONES = [
    ("hotlines", "请拨打12345政务服务热线或12315消费者投诉热线。"),
    ("short service numbers", "报警110，火警119，急救120。"),
    ("bank service number", "工商银行客服95588。"),
    ("400 number", "客服电话400-810-8888。"),
    ("local number without area code", "电话88888888。"),
    ("12 digits", "编号138123456789。"),
    ("segment 12", "编号12812345678。"),
    ("glued to a letter", "型号A13812345678。"),
    ("decimal", "数值13812345678.5"),
    ("amount", "金额13812345678元"),
    ("inside an ID", "身份证号110101199003071234"),
    ("inside a bank card", "银行卡6217001234567890122"),
    ("文号", "根据津政办函〔2017〕72号和国办发〔2019〕15号文件"),
    ("索引号", "索引号：000014349/2017-00123"),
    ("索引号 with USCC", "索引号：11440300MB2C07431X/2020-00012"),
    ("amounts", "补偿款1234567.89元，合计12,345,678元，人民币1000000000000000元"),
    ("dates", "2017年3月12日、20170312、2017-03-12"),
    ("date range", "2017-0312-1234567"),
    ("postcode", "邮编300000"),
    ("area code alone", "区号022。"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_PHONES, ids=[v[0] for v in NOT_PHONES])
def test_look_alikes_are_not_phone_numbers(case: str, sentence: str) -> None:
    assert found(sentence) == []
