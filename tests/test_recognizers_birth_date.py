"""DATE_OF_BIRTH: a date stated as a birth date (context word, 出生年月 column, or the same
date as in an ID number of the document); only the date is labelled; other dates never."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_birth_date import (
    CnBirthDateRecognizer,
    id_birth_dates,
    parse_date,
)

ENTITY = "DATE_OF_BIRTH"
RECOGNIZER = CnBirthDateRecognizer()
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "ner"
ID18 = "411625198503120015"  # valid check character, born 1985-03-12
ID15 = "120116650312003"  # born 1965-03-12


def results(sentence: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def found(sentence: str) -> list[tuple[int, int, str]]:
    return [r[:3] for r in results(sentence)]


def spans(sentence: str, *values: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for value in values:
        start = sentence.index(value, pos)
        out.append((start, start + len(value), ENTITY))
        pos = start + len(value)
    return out


BIRTH_DATES = [
    ("出生于", "张三，男，出生于1985年3月12日，汉族。", ["1985年3月12日"]),
    ("生于, year only", "李四生于1957年，务农。", ["1957年"]),
    ("出生日期, Chinese numerals", "出生日期：一九八五年三月十二日", ["一九八五年三月十二日"]),
    ("出生日期, ISO", "被询问人：周岚茜　出生日期：1969-03-07", ["1969-03-07"]),
    ("出生日期, dots", "出生日期：1985.03.12，身份证号码：", ["1985.03.12"]),
    ("出生日期, compact", "出生日期:19850312", ["19850312"]),
    ("出生年月, year and month", "出生年月：1985.03　学历：本科", ["1985.03"]),
    ("…出生", "被告人田秀兰，女，1964.11.12出生，汉族。", ["1964.11.12"]),
    ("…出生, year and month", "跟我一起住，1985年3月出生的。", ["1985年3月"]),
    ("…生 in parentheses", "违法行为人王五（男，1978年5月生）于2020年", ["1978年5月"]),
    ("…生, slashes", "答：我叫任淑华，1938/7/9生，务农。", ["1938/7/9"]),
    ("…生, year only", "被询问人赵六，男，1957年生，住本村。", ["1957年"]),
    ("…生, Chinese year and month", "与妻子陈霞（一九八五年三月生）于1990年", ["一九八五年三月"]),
    ("号 for the day", "出生：1985年3月12号", ["1985年3月12号"]),
    ("full-width digits", "出生日期：１９８５年３月１２日", ["１９８５年３月１２日"]),
    (
        "two people",
        "原告张三，1970年1月2日出生；被告李四，1972年3月4日出生。",
        ["1970年1月2日", "1972年3月4日"],
    ),
    (
        "birth date from the ID number, without context",
        f"当事人张三（身份证号：{ID18}），1985年3月12日在本镇登记。",
        ["1985年3月12日"],
    ),
    (
        "birth date from the ID number, other form",
        f"身份证号{ID18}。\n附：1985-03-12 张三 签字",
        ["1985-03-12"],
    ),
    (
        "birth date from an old 15-digit ID number",
        f"身份证号{ID15}，于1965年3月12日登记。",
        ["1965年3月12日"],
    ),
    (
        "出生年月 column",
        "序号\t姓名\t出生年月\t学历\n1\t张三\t1985.03\t本科\n2\t李四\t1990年5月\t硕士",
        ["1985.03", "1990年5月"],
    ),
]


@pytest.mark.parametrize(
    ("case", "sentence", "dates"), BIRTH_DATES, ids=[v[0] for v in BIRTH_DATES]
)
def test_birth_dates_are_found_with_exact_span(case: str, sentence: str, dates: list[str]) -> None:
    assert found(sentence) == spans(sentence, *dates)


def test_scores() -> None:
    assert [r[3] for r in results("出生于1985年3月12日")] == [0.85]
    assert [r[3] for r in results(f"{ID18}，1985年3月12日")] == [0.9]
    assert [r[3] for r in results("出生日期：1985年3月12日，身份证号" + ID18)] == [0.9]


NOT_BIRTH_DATES = [
    ("成文日期", "成文日期：2020年3月5日"),
    ("处罚日期", "处罚日期：2020-03-05"),
    ("date of an act", "当事人于2020年3月5日擅自占用林地。"),
    ("发生于", "事故发生于2020年3月5日。"),
    ("生效", "本决定自2020年3月5日生效。"),
    ("生育", "于2019年生育第三胎。"),
    ("an age", "被询问人张三，男，现年79岁。"),
    ("future date", "出生日期：2099年1月1日"),
    ("no such day", "出生日期：1985年2月30日"),
    ("no such month", "出生日期：1985.13.01"),
    ("the date inside an ID number is the number's", f"公民身份号码{ID18}"),
    ("ID number with another date", f"身份证号{ID18}，于2020年3月12日登记。"),
    ("part of a longer number", "编号1985031200"),
    ("a table without a birth column", "序号\t姓名\t日期\n1\t张三\t1985.03"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_BIRTH_DATES, ids=[v[0] for v in NOT_BIRTH_DATES])
def test_other_dates_are_not_birth_dates(case: str, sentence: str) -> None:
    assert found(sentence) == []


def test_parse_date() -> None:
    assert parse_date("一九八五年三月十二日") == (1985, 3, 12)
    assert parse_date("二〇〇四年十一月三十一日") == (2004, 11, 31)
    assert parse_date("1985.03") == (1985, 3, None)
    assert parse_date("1957年") == (1957, None, None)
    assert parse_date("19850312") == (1985, 3, 12)


def test_id_birth_dates() -> None:
    assert id_birth_dates(f"{ID18} 与 {ID15}") == {(1985, 3, 12), (1965, 3, 12)}
    assert id_birth_dates("电话13812345678，金额123456789012345678元") == set()


def test_corpus_precision_and_recall() -> None:
    """On train+dev (never test): both high; the templates are few, so this measures fit."""
    tp = fp = fn = 0
    for split in ("train", "dev"):
        for line in (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold = {(s, e) for s, e, label in record["entities"] if label == ENTITY}
            text = fold_width(record["text"])
            pred = {(r.start, r.end) for r in RECOGNIZER.analyze(text, [ENTITY], None)}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"DATE_OF_BIRTH on train+dev: P={precision:.3f} R={recall:.3f} ({tp}/{fp}/{fn})")
    assert precision > 0.9
    assert recall > 0.8
