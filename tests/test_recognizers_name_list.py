"""Names in lists and table rows, found by the list's structure with exact spans."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_name_list import CnNameListRecognizer

RECOGNIZER = CnNameListRecognizer()


def found(text: str) -> list[str]:
    folded = fold_width(text)
    hits = RECOGNIZER.analyze(folded, ["PERSON"])
    return [folded[r.start : r.end] for r in sorted(hits, key=lambda r: r.start)]


@pytest.mark.parametrize(
    ("case", "text", "names"),
    [
        ("a line of names", "参加：宋美玲　上官桂芳　王建国", ["宋美玲", "上官桂芳", "王建国"]),
        (
            "a dotted name first in the line",
            "米脂县八泊乡五场村\n吐尔逊·艾则孜　韦爱华　杜勇瑞　张慧菊",
            ["吐尔逊·艾则孜", "韦爱华", "杜勇瑞", "张慧菊"],
        ),
        ("two shaped names alone on a line", "白岭镇大家坪村\n朱婷　伍明\n", ["朱婷", "伍明"]),
        (
            "a table row: village, name, category, amount",
            "五垛乡胡塘村　金海燕　烈属　1370元\n太山乡牛关行政村　王红霞　烈属　1350元",
            ["金海燕", "王红霞"],
        ),
        ("a table row: name, sex, disability", "崔有益　男　二级精神残疾　200元", ["崔有益"]),
        ("a numbered row", "1. 张娜　安置房号3-201", ["张娜"]),
    ],
)
def test_name_list_finds_names_with_exact_span(case: str, text: str, names: list[str]) -> None:
    assert found(text) == names


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("places in a line", "王营　李村　张庄"),
        ("a grade in a school row", "清江浦区第二中学\t高二\t1200元"),
        ("a sentence is no row", "王红霞，烈属，1350元。"),
        ("a row of words", "项目　金额　备注"),
        ("two words alone on a line", "工作　安排"),
    ],
)
def test_name_list_leaves_non_names(case: str, text: str) -> None:
    assert found(text) == []


def test_name_list_grade_cell_is_not_a_name_but_the_pupil_is() -> None:
    assert found("清江浦区第二中学\t高二\t翟卫东\t金宁路84号\t100") == ["翟卫东"]


def test_name_list_is_a_presidio_entity_recognizer() -> None:
    assert isinstance(RECOGNIZER, EntityRecognizer)
    assert RECOGNIZER.supported_entities == ["PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("附：拟资助学生名单 简佳怡 蒲俊杰 饶欣悦", ["简佳怡", "蒲俊杰", "饶欣悦"]),
        ("参会人员 王建平　李秀兰　赵国强", ["王建平", "李秀兰", "赵国强"]),
    ],
)
def test_name_list_after_a_list_title(text: str, names: list[str]) -> None:
    assert found(text) == names


def test_name_list_title_with_places_is_no_list() -> None:
    assert found("调查人员 城关镇 新华村 古塘村") == []
