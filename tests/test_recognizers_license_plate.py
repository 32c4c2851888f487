"""LICENSE_PLATE: mainland plates glued to Chinese text, new-energy and special plates."""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_license_plate import CnLicensePlateRecognizer

ENTITY = "LICENSE_PLATE"
RECOGNIZER = CnLicensePlateRecognizer()


def found(sentence: str) -> list[tuple[int, int, str]]:
    results = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type) for r in results)


def span(sentence: str, value: str) -> list[tuple[int, int, str]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY)]


VALID = [
    ("glued both sides", "车牌号为京A12345的车辆", "京A12345"),
    ("middle dot", "号牌号码京A·12345。", "京A·12345"),
    ("katakana middle dot", "号牌号码沪C・D2345。", "沪C・D2345"),
    ("space", "车牌 川A 8K3N2 违停", "川A 8K3N2"),
    ("letters in serial", "车辆津B5AB67被扣押", "津B5AB67"),
    ("new energy small", "驾驶粤BD12345号小型汽车", "粤BD12345"),
    ("new energy small, letter", "驾驶沪AFA1234号汽车", "沪AFA1234"),
    ("new energy large", "大型客车粤B12345D在", "粤B12345D"),
    ("trailer", "挂车冀B1234挂在", "冀B1234挂"),
    ("learner", "教练车京A1234学一辆", "京A1234学"),
    ("police", "警车京A·1234警鸣笛", "京A·1234警"),
    ("Hong Kong", "两地牌粤Z·A123港通关", "粤Z·A123港"),
    ("full width", "车牌号京Ａ１２３４５。", "京Ａ１２３４５"),
    ("ideographic space", "车牌号京Ａ　１２３４５。", "京Ａ　１２３４５"),
    ("line end", "车牌号京A123\n45，", "京A123\n45"),
]


@pytest.mark.parametrize(("case", "sentence", "value"), VALID, ids=[v[0] for v in VALID])
def test_plates_are_found_with_exact_span(case: str, sentence: str, value: str) -> None:
    assert found(sentence) == span(sentence, value)


def test_plates_score_moderately_without_context() -> None:
    (result,) = RECOGNIZER.analyze(text="车牌号为京A12345的车辆", entities=[ENTITY])
    assert result.score == 0.5


NOT_PLATES = [
    ("ICP licence", "网站备案号京ICP备12345678号"),
    ("value-added telecom licence", "经营许可证沪B2-20180123"),
    ("4 characters", "车牌京A1234。"),
    ("6 digits", "编号京A123456。"),
    ("letter I", "京AI2345。"),
    ("letter O after province", "京O12345。"),
    ("mostly letters", "新ABCDE型号"),
    ("lower case", "车牌京a12345。"),
    ("glued to more letters", "型号粤B12345XY"),
    ("not a province", "北A12345"),
    ("文号", "根据津政办函〔2017〕72号和国办发〔2019〕15号文件"),
    ("索引号", "索引号：000014349/2017-00123"),
    ("amounts and dates", "补偿款1234567.89元，2017年3月12日"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_PLATES, ids=[v[0] for v in NOT_PLATES])
def test_look_alikes_are_not_plates(case: str, sentence: str) -> None:
    assert found(sentence) == []
