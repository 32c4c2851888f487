"""PERSON in a table's name column: the header says so, each row's cell is a name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_name_column import CnNameColumnRecognizer

ENTITY = "PERSON"
RECOGNIZER = CnNameColumnRecognizer()
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "ner"


def results(text: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(fold_width(text), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def found(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in results(text)]


TAB_TABLE = (
    "2023年第一季度城乡低保新增对象公示\n"
    "序号\t姓名\t性别\t住址\t保障人数\n"
    "1\t李凤兰\t女\t汲冢镇李楼村三组\t2\n"
    "2\t欧阳德胜\t男\t汲冢镇王庄村十一组\t1\n"
    "3\t周海燕\t女\t汲冢镇北街社区建设路87号\t3\n"
    "\n"
    "公示期为2023年3月1日至3月7日。"
)

TABLES = [
    ("姓名 column, tabs", TAB_TABLE, ["李凤兰", "欧阳德胜", "周海燕"]),
    (
        "户主姓名 first",
        "户主姓名\t承包面积（亩）\t补贴金额（元）\n张三\t5.20\t520\n李四\t3.10\t310",
        ["张三", "李四"],
    ),
    (
        "full-width spaces",
        "序号　姓名　性别　所在村\n1　王秀芝　女　李楼村\n2　郑好　男　张桥村",
        ["王秀芝", "郑好"],
    ),
    (
        "two or more spaces",
        "序号  姓名      金额\n1     张建国    1200\n2     刘芳      900",
        ["张建国", "刘芳"],
    ),
    ("spaced 姓 名 header", "序号\t姓 名\t性别\n1\t李娜\t女\n2\t王强\t男", ["李娜", "王强"]),
    (
        "被征收人 column",
        "序号\t被征收人\t房屋坐落\t面积（㎡）\n1\t司马建设\t人民路216号\t120.5",
        ["司马建设"],
    ),
    (
        "minority and Tibetan names",
        "姓名\t性别\n米热古丽·依明\t女\n次仁卓玛\t女",
        ["米热古丽·依明", "次仁卓玛"],
    ),
    ("cell with spaces around", "序号\t姓名\t性别\n1\t 张三 \t男", ["张三"]),
    ("bracketed header note", "户主（申请人）\t人口\n王五\t3\n赵六\t2", ["王五", "赵六"]),
    ("organisation in the column", "申请人\t金额\n华为公司\t100\n李楼村委\t50", []),
    ("CRLF line ends", "序号\t姓名\t性别\r\n1\t张三\t男\r\n2\t李四\t女\r\n", ["张三", "李四"]),
    (
        "a row of another shape ends the table",
        "序号\t姓名\t性别\n1\t张三\t男\n合计\t2人\n注：王五\t另行公示\t无",
        ["张三"],
    ),
    ("合计 and pseudonyms skipped", "序号\t姓名\t金额\n1\t张某\t100\n2\t合计\t100", []),
    ("no name column", "序号\t项目\t金额\n1\t张三\t100", []),
    ("a form line is not a table", "姓名：张三　性别：男", []),
    ("a header without rows", "序号\t姓名\t性别", []),
]


@pytest.mark.parametrize(("case", "text", "names"), TABLES, ids=[v[0] for v in TABLES])
def test_name_cells_are_found_with_exact_span(case: str, text: str, names: list[str]) -> None:
    assert found(text) == names


def test_spans_and_score() -> None:
    (first, *_) = results(TAB_TABLE)
    start = TAB_TABLE.index("李凤兰")
    assert first == (start, start + 3, ENTITY, 0.95)


def test_is_a_presidio_entity_recognizer() -> None:
    assert isinstance(RECOGNIZER, EntityRecognizer)
    assert RECOGNIZER.supported_entities == [ENTITY]
    assert RECOGNIZER.supported_language == "zh"
    assert RECOGNIZER.name == "CnNameColumnRecognizer"
    assert RECOGNIZER.analyze(TAB_TABLE, entities=["ADDRESS"], nlp_artifacts=None) == []


def test_explanation_names_the_header() -> None:
    result = RECOGNIZER.analyze(TAB_TABLE, entities=[ENTITY], nlp_artifacts=None)[0]
    assert result.analysis_explanation.supportive_context_word == "姓名"


def test_recall_on_the_training_corpus() -> None:
    """Exact; finds the names that stand in a table with a header (train+dev, never test)."""
    tp = fp = fn = 0
    for split in ("train", "dev"):
        for line in (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold = {(s, e) for s, e, label in record["entities"] if label == ENTITY}
            text = fold_width(record["text"])
            pred = {(r.start, r.end) for r in RECOGNIZER.analyze(text, [ENTITY], None)}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"PERSON in name columns on train+dev: P={precision:.3f} R={recall:.3f} ({tp}/{fp}/{fn})")
    assert precision > 0.95
    assert tp > 300
