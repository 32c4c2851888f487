"""The registry: one real Presidio recognizer per type, and whole sentences no type may claim."""

from __future__ import annotations

import re

import jieba
import pytest
from presidio_analyzer import EntityRecognizer, PatternRecognizer

from gkreview.ingest.normalize import fold_width
from gkreview.redact.nlp import configure_jieba
from gkreview.redact.recognizers.registry import (
    ENTITY_TYPES,
    IDENTIFIER_TYPES,
    RULE_TYPES,
    chinese_recognizers,
)

RECOGNIZERS = chinese_recognizers()
IDENTIFIER_RECOGNIZERS = RECOGNIZERS[: len(IDENTIFIER_TYPES)]


def found(sentence: str, regex_flags: int | None = None) -> list[tuple[int, int, str]]:
    text = fold_width(sentence)
    out = []
    for recognizer in RECOGNIZERS:
        entities = recognizer.supported_entities
        out += recognizer.analyze(
            text=text, entities=entities, nlp_artifacts=None, regex_flags=regex_flags
        )
    return sorted((r.start, r.end, r.entity_type) for r in out)


def test_one_presidio_pattern_recognizer_per_entity_type() -> None:
    types = [r.supported_entities for r in RECOGNIZERS]
    assert types == [[e] for e in IDENTIFIER_TYPES + RULE_TYPES]
    assert set(ENTITY_TYPES) == set(IDENTIFIER_TYPES + RULE_TYPES)
    assert len({r.name for r in RECOGNIZERS}) == len(RECOGNIZERS)
    for recognizer in RECOGNIZERS:
        assert isinstance(recognizer, EntityRecognizer)
        assert recognizer.supported_language == "zh"
    for recognizer in IDENTIFIER_RECOGNIZERS:
        assert isinstance(recognizer, PatternRecognizer)
        assert recognizer.supported_language == "zh"
        assert recognizer.name == type(recognizer).__name__
        assert type(recognizer).PATTERNS and type(recognizer).CONTEXT


def test_instances_do_not_share_compiled_patterns() -> None:
    again = chinese_recognizers()[: len(IDENTIFIER_TYPES)]
    for first, second in zip(IDENTIFIER_RECOGNIZERS, again, strict=True):
        assert not {id(p) for p in first.patterns} & {id(p) for p in second.patterns}
        assert not {id(p) for p in first.patterns} & {id(p) for p in type(first).PATTERNS}


def test_patterns_never_use_word_boundaries() -> None:
    """\\b fails between a Hanzi and a digit, both word characters to Python."""
    for recognizer in IDENTIFIER_RECOGNIZERS:
        for pattern in recognizer.patterns:
            assert r"\b" not in pattern.regex, (recognizer.name, pattern.name)


def test_context_words_are_specific() -> None:
    for recognizer in RECOGNIZERS:
        assert not {"号", "号码", "码", "编号"} & set(recognizer.context), recognizer.name


# A usual way of naming each type in a document, as jieba segments it.
CONTEXT_PHRASES = {
    "CN_ID_CARD": ["公民身份号码", "身份证号码", "居民身份证", "证件号码"],
    "PHONE_NUMBER": ["联系电话", "手机号码", "办公电话", "座机"],
    "BANK_CARD": ["银行卡号", "银行账号", "开户行", "卡号为"],
    "EMAIL_ADDRESS": ["电子邮箱", "电子邮件", "E-mail"],
    "IP_ADDRESS": ["IP地址", "ip地址", "IPv6地址"],
    "CN_PASSPORT": ["护照号码", "往来港澳通行证", "回乡证"],
    "LICENSE_PLATE": ["车牌号码", "号牌号码", "机动车号牌"],
    "CN_USCC": ["统一社会信用代码", "社会信用代码"],
    "HEALTH": ["住院治疗", "病情稳定", "残疾证", "诊断证明"],
}


@pytest.mark.parametrize("entity", IDENTIFIER_TYPES)
def test_context_words_survive_jieba_segmentation(entity: str) -> None:
    """Presidio matches a context word as a substring of one token near the match."""
    configure_jieba()
    (recognizer,) = [r for r in RECOGNIZERS if r.supported_entities == [entity]]
    for phrase in CONTEXT_PHRASES[entity]:
        tokens = [t.lower() for t in jieba.lcut(phrase)]
        hits = [w for w in recognizer.context if any(w.lower() in t for t in tokens)]
        assert hits, (phrase, tokens)


NOTHING_PERSONAL = [
    ("文号", "根据津政办函〔2017〕72号和国办发〔2019〕15号文件精神，制定本方案。"),
    ("索引号", "索引号：000014349/2017-00123，发布机构：市政府办公厅。"),
    ("amount with decimals", "土地补偿费总额为人民币1234567.89元。"),
    ("amount with thousands", "本年度共拨付资金12,345,678元。"),
    ("amount of 16 digits", "累计金额人民币1000000000000000元。"),
    ("dates", "本办法自2017年3月12日起施行，编号20170312，登记日期2017-03-12。"),
    ("hotlines", "如有疑问请拨打12345政务服务热线或12315消费者投诉热线。"),
    ("postcode", "通讯地址：天津市河西区友谊路，邮编300000。"),
    ("version and date", "系统升级至1.2.3版本，于2017.3.12上线。"),
]


@pytest.mark.parametrize(
    ("case", "sentence"), NOTHING_PERSONAL, ids=[v[0] for v in NOTHING_PERSONAL]
)
def test_no_recognizer_claims_document_numbers_amounts_or_dates(case: str, sentence: str) -> None:
    assert found(sentence) == []


def test_index_number_with_a_credit_code_is_only_a_credit_code() -> None:
    sentence = "索引号：11440300MB2C07431N/2020-00012"  # the check character of this code is N
    start = sentence.index("11440300")
    assert found(sentence) == [(start, start + 18, "CN_USCC")]


def test_index_number_with_a_miswritten_credit_code_is_nothing() -> None:
    assert found("索引号：11440300MB2C07431X/2020-00012") == []


NOTICE = (
    "被征收土地涉及农户张建国（公民身份号码120116196503120030，联系电话13920231234），"
    "补偿款已存入其银行卡6217001234567890122。联系电话022-25201234，"
    "邮箱tdzs@bhxq.example.cn，或拨打12345政务服务热线。"
    "实施单位统一社会信用代码：91120116MA05JXXE4A。车牌号为津B5AB67的车辆已登记。"
)


def test_a_notice_paragraph_finds_each_item_once() -> None:
    got = [(NOTICE[s:e], entity) for s, e, entity in found(NOTICE)]
    assert got == [
        ("张建国", "PERSON"),  # after the context word 农户
        ("120116196503120030", "CN_ID_CARD"),
        ("13920231234", "PHONE_NUMBER"),
        ("6217001234567890122", "BANK_CARD"),
        ("022-25201234", "PHONE_NUMBER"),
        ("tdzs@bhxq.example.cn", "EMAIL_ADDRESS"),
        ("91120116MA05JXXE4A", "CN_USCC"),
        ("津B5AB67", "LICENSE_PLATE"),
    ]


# Presidio's registry (and YAML loading) sets IGNORECASE on every pattern recognizer it
# instantiates; letter cases must then be enforced by validation, not by the regex.
IGNORECASE = re.DOTALL | re.MULTILINE | re.IGNORECASE


def test_results_are_the_same_when_a_registry_forces_ignorecase() -> None:
    assert found(NOTICE, IGNORECASE) == found(NOTICE)


LOWER_CASE = [
    ("passport", "编号e12345678。"),
    ("permit", "编号ca1234567。"),
    ("plate", "车牌号为京a12345的车辆"),
    ("plate letter i", "车牌京ai2345。"),
]


@pytest.mark.parametrize(("case", "sentence"), LOWER_CASE, ids=[v[0] for v in LOWER_CASE])
def test_lower_case_look_alikes_stay_unflagged_under_ignorecase(case: str, sentence: str) -> None:
    assert found(sentence, IGNORECASE) == []
