"""Numbers as documents from before 2010 write them: 15-digit ID numbers and the phone formats
of the time (7-digit and 6-digit local numbers, dashes, extensions, 小灵通), in the sentences
and tables they appear in; and their masks hide something."""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.analyzer import PersonalDataAnalyzer
from gkreview.redact.operators.mask import MaskParams, mask
from gkreview.redact.policy import GENERAL
from gkreview.redact.recognizers.cn_phone import CnPhoneRecognizer

PHONE = CnPhoneRecognizer()


def phones(sentence: str) -> list[str]:
    text = fold_width(sentence)
    found = PHONE.analyze(text=text, entities=["PHONE_NUMBER"], nlp_artifacts=None)
    return sorted(text[r.start : r.end] for r in found)


OLD_PHONES = [
    ("7-digit local, bracketed area", "联系电话：(0571)8512345。", ["(0571)8512345"]),
    ("full-width brackets and 转", "电话：（0571）8512345转8021", ["(0571)8512345转8021"]),
    ("Beijing 8-digit", "办公室电话010-65123456，传真010-65123457。",
     ["010-65123456", "010-65123457"]),
    ("4-digit area, 7 digits", "联系人：王建华 0575-8123456", ["0575-8123456"]),
    ("em dash as hyphen", "电话：0571—8512345", ["0571—8512345"]),
    ("horizontal bar as hyphen", "电话：0571―8512345", ["0571―8512345"]),
    ("6-digit county number", "电话：0576-412345。", ["0576-412345"]),
    ("6-digit, bracketed area", "电话：(0576)412345", ["(0576)412345"]),
    ("spaced with 转", "电话 0571 8512345 转 8021", ["0571 8512345 转 8021"]),
    ("分机", "电话：0571-8512345分机206", ["0571-8512345分机206"]),
    ("内线", "电话：0571-8512345内线206", ["0571-8512345内线206"]),
    ("小灵通 with area code", "小灵通：0571-2612345", ["0571-2612345"]),
    ("小灵通 without area code", "小灵通号码2612345，", ["2612345"]),
    ("宅电 without area code", "宅电：2612345，手机：13905712345", ["13905712345", "2612345"]),
    ("office and home", "联系电话：0571-8512345（办）、0571-8523456（宅）",
     ["0571-8512345", "0571-8523456"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "sentence", "expected"), OLD_PHONES, ids=[c[0] for c in OLD_PHONES]
)
def test_old_phone_formats_are_found(case: str, sentence: str, expected: list[str]) -> None:
    assert phones(sentence) == expected


NOT_PHONES = [
    ("6 digits glued to the area code", "编号0576412345。"),
    ("6 digits, spaced from the area code", "代码0576 412345"),
    ("7 digits after 电话 alone", "电话2612345。"),  # only 小灵通 and 宅电 name a person's line
    ("小灵通 amount", "小灵通话费2612345元"),
    ("小灵通 followed by money", "小灵通：2612345元"),
    ("year range with a dash", "1998—2003年"),
    ("文号", "某民〔2003〕15号"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_PHONES, ids=[c[0] for c in NOT_PHONES])
def test_old_phone_look_alikes_are_not_found(case: str, sentence: str) -> None:
    assert phones(sentence) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2612345", "****345"),  # 7 digits: 3 + 4 would keep them all
        ("26123456", "****3456"),
        ("13905712345", "139****2345"),  # the usual form is unchanged
        ("0571-8512345", "057*-***2345"),
        ("0576—412345", "05**—**2345"),
    ],
)
def test_old_phone_masks_hide_at_least_four_digits(value: str, expected: str) -> None:
    params = GENERAL["PHONE_NUMBER"].params
    assert isinstance(params, MaskParams)
    assert mask(value, params) == expected


# -- 15-digit ID numbers in pre-2010 documents, through the whole analyzer ---------------------

ID15_CONTEXTS = [
    ("parenthesised", "同意李秀英（身份证号：330106650307122）家庭享受低保待遇。"),
    ("身份证号码 glued", "赵德明，男，身份证号码330106581120153，住城关镇北门村五组。"),
    ("roster row", "1\t李秀英\t女\t330106650307122\t城关镇南街3号"),
    ("spaced groups", "户主身份证：330106 650307 122"),
    ("公民身份号码", "公民身份号码为130503670401001，现住某县城关镇。"),
    ("after a date of 1998", "1998年4月申领的身份证号为320102701231057。"),
]


@pytest.mark.parametrize(("case", "text"), ID15_CONTEXTS, ids=[c[0] for c in ID15_CONTEXTS])
def test_old_ids_found_in_pre_2010_contexts(
    analyzer: PersonalDataAnalyzer, case: str, text: str
) -> None:
    ids = [
        text[d.start : d.end].replace(" ", "")
        for d in analyzer.analyze(text)
        if d.type == "CN_ID_CARD"
    ]
    assert len(ids) == 1 and len(ids[0]) == 15


@pytest.mark.parametrize(
    "text",
    [
        "身份证号330106651307122",  # month 13
        "身份证号330106650230122",  # 30 February
        "身份证号990106650307122",  # no province 99
        "营业执照注册号330106000012345",  # 15 digits, no date in it
    ],
)
def test_old_id_look_alikes_are_not_ids(analyzer: PersonalDataAnalyzer, text: str) -> None:
    assert [d for d in analyzer.analyze(text) if d.type == "CN_ID_CARD"] == []
