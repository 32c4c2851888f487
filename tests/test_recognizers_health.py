"""HEALTH: a person's stated illness, graded disability, HIV status or pregnancy, exactly."""

from __future__ import annotations

import pytest
from presidio_analyzer import PatternRecognizer

from gkreview.redact.recognizers.cn_health import CnHealthRecognizer

RECOGNIZER = CnHealthRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text, ["HEALTH"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("该户户主患有精神分裂症，长期服药。", ["精神分裂症"]),
        ("经诊断为左股骨骨折。", ["左股骨骨折"]),
        ("其子为二级肢体残疾，生活不能自理。", ["二级肢体残疾"]),
        ("持证人为视力残疾一级", ["视力残疾一级"]),
        ("当事人系HIV感染者", ["HIV感染者"]),
        ("申请人怀孕6个月", ["怀孕6个月"]),
    ],
)
def test_health_conditions_stated_about_a_person(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["做好艾滋病防治工作。", "加强流感等传染病的预防。", "残疾人联合会召开会议。", "医院诊断科"],
)
def test_health_diseases_in_general_are_not_health_data(text: str) -> None:
    assert found(text) == []


def test_health_is_a_presidio_pattern_recognizer() -> None:
    assert isinstance(RECOGNIZER, PatternRecognizer)
    assert RECOGNIZER.supported_entities == ["HEALTH"]
