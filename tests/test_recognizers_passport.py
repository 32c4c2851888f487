"""CN_PASSPORT: passports and Hong Kong/Macao permits, with moderate scores."""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_passport import CnPassportRecognizer

ENTITY = "CN_PASSPORT"
RECOGNIZER = CnPassportRecognizer()


def results(sentence: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def span(sentence: str, value: str, score: float) -> list[tuple[int, int, str, float]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY, score)]


VALID = [
    ("E + 8 digits", "护照号码E12345678，有效期", "E12345678", 0.4),
    ("E + letter + 7", "护照号EA1234567。", "EA1234567", 0.4),
    ("E + letter, glued", "持护照EH7654321入境", "EH7654321", 0.4),
    ("G + 8 digits", "旧版护照G12345678。", "G12345678", 0.3),
    ("diplomatic D", "外交护照D1234567。", "D1234567", 0.3),
    ("service S", "公务护照S1234567。", "S1234567", 0.3),
    ("public affairs P", "公务普通护照P1234567。", "P1234567", 0.3),
    ("permit C + 8", "持往来港澳通行证C12345678入境。", "C12345678", 0.3),
    ("permit C + letter + 7", "往来港澳通行证CA1234567。", "CA1234567", 0.3),
    ("old permit W", "通行证W12345678。", "W12345678", 0.3),
    ("home return H", "回乡证号码H12345678。", "H12345678", 0.3),
    ("home return M", "回乡证M12345678。", "M12345678", 0.3),
    ("home return + 2", "港澳居民来往内地通行证H1234567801。", "H1234567801", 0.3),
    ("full width", "护照号码Ｅ１２３４５６７８。", "Ｅ１２３４５６７８", 0.4),
    ("space after letter", "护照号码 E 12345678 已登记", "E 12345678", 0.4),
    ("line end", "护照号码E1234\n5678，", "E1234\n5678", 0.4),
]


@pytest.mark.parametrize(("case", "sentence", "value", "score"), VALID, ids=[v[0] for v in VALID])
def test_numbers_are_found_with_exact_span_and_moderate_score(
    case: str, sentence: str, value: str, score: float
) -> None:
    assert results(sentence) == span(sentence, value, score)


NOT_PASSPORTS = [
    ("letter I after E", "编号EI1234567。"),
    ("letter O after E", "编号EO1234567。"),
    ("7 digits after E", "编号E1234567。"),
    ("9 digits after E", "编号E123456789。"),
    ("9 digits after H", "编号H123456789。"),
    ("glued to letters", "型号ABE12345678。"),
    ("glued to digits", "编号1E12345678。"),
    ("lower case", "编号e12345678。"),
    ("placeholder", "护照号码E00000000"),
    ("highway", "沿G107国道行驶"),
    ("train", "乘坐G1234次列车"),
    ("索引号 with USCC", "索引号：11440300MB2C07431X/2020-00012"),
    ("文号", "根据津政办函〔2017〕72号和国办发〔2019〕15号文件"),
    ("amounts and dates", "补偿款1234567.89元，2017年3月12日、20170312"),
    ("two spaces", "护照E  12345678"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_PASSPORTS, ids=[v[0] for v in NOT_PASSPORTS])
def test_look_alikes_are_not_passports(case: str, sentence: str) -> None:
    assert results(sentence) == []
