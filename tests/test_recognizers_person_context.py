"""PERSON by context: names after 申请人/当事人/姓名 …, before 先生/女士/等N人; exact spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_person_context import CnPersonContextRecognizer
from gkreview.redact.recognizers.surnames import (
    COMPOUND_SURNAMES,
    SINGLE_SURNAMES,
    split_surname,
)

ENTITY = "PERSON"
RECOGNIZER = CnPersonContextRecognizer()
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "ner"


def results(sentence: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def found(sentence: str) -> list[tuple[int, int, str]]:
    return [r[:3] for r in results(sentence)]


def spans(sentence: str, *values: str) -> list[tuple[int, int, str]]:
    """The spans of ``values``, each searched after the previous one."""
    out, pos = [], 0
    for value in values:
        start = sentence.index(value, pos)
        out.append((start, start + len(value), ENTITY))
        pos = start + len(value)
    return out


def test_surnames() -> None:
    assert len(SINGLE_SURNAMES) >= 450
    assert {"欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "万俟", "拓跋"} <= COMPOUND_SURNAMES
    assert split_surname("欧阳明远") == ("欧阳", "明远")
    assert split_surname("周海燕") == ("周", "海燕")
    assert split_surname("东方明远") == ("东方", "明远")
    assert split_surname("米热古丽·依明") is None
    assert split_surname("达瓦旦增") is None
    assert split_surname("王") is None


NAMES = [
    ("applicant, then 于 and a date", "申请人张伟于2020年3月5日提出申请。", ["张伟"]),
    ("compound surname", "申请人：欧阳明远，男，汉族。", ["欧阳明远"]),
    ("given name that is a word", "姓名：周海燕　性别：女", ["周海燕"]),
    ("spaced 姓 名", "姓　名：李秀英", ["李秀英"]),
    ("colon and space", "被申请人： 赵国强，男。", ["赵国强"]),
    ("户主", "户主：张三，家庭人口四人。", ["张三"]),
    ("a list of parties", "当事人王建国、李娜在规定期限内未提出陈述申辩。", ["王建国", "李娜"]),
    ("court qualifier", "上诉人（原审被告）王建国，男，1965年生。", ["王建国"]),
    ("minority name", "委托代理人：米热古丽·依明，女。", ["米热古丽·依明"]),
    ("Tibetan name", "被询问人：次仁卓玛　性别：女", ["次仁卓玛"]),
    ("3 characters before 不服", "当事人王建国不服本决定。", ["王建国"]),
    ("2 characters before a following word", "被征收人张伟房屋位于城关镇。", ["张伟"]),
    ("2 characters before 系", "信访人陈英系本村村民。", ["陈英"]),
    ("2 characters before 的", "死者李娜的遗属申请抚恤。", ["李娜"]),
    ("2 characters before 诉", "本院受理原告李海诉被告赵刚一案。", ["李海", "赵刚"]),
    ("rare third given-name character", "原告：毛飞兴建，男，1948年生。", ["毛飞兴建"]),
    ("我叫", "答：我叫鲍金山，1971年出生。", ["鲍金山"]),
    ("先生", "请张伟先生于本周五前来领取。", ["张伟"]),
    ("女士", "致李秀兰女士：", ["李秀兰"]),
    ("同学", "关于李娜同学申请助学金的公示", ["李娜"]),
    ("等N人", "张伟、李娜等3人擅自进入林区。", ["张伟", "李娜"]),
    ("sex after the name", "王丽，女，汉族，1990年5月出生。", ["王丽"]),
    ("ID number after the name", "方琴（身份证号码：110101199003071234）：", ["方琴"]),
    (
        "addressees of a letter",
        "张三、李四：\n因你们下落不明，本机关依法公告送达。",
        ["张三", "李四"],
    ),
    ("full-width colon and comma", "申请人：司马建设，男。", ["司马建设"]),
]


@pytest.mark.parametrize(("case", "sentence", "names"), NAMES, ids=[v[0] for v in NAMES])
def test_names_are_found_with_exact_span(case: str, sentence: str, names: list[str]) -> None:
    assert found(sentence) == spans(sentence, *names)


def test_scores() -> None:
    assert [r[3] for r in results("申请人张伟于2020年")] == [0.9]
    assert [r[3] for r in results("请张伟先生前来")] == [0.85]


NOT_NAMES = [
    ("context word alone", "申请人"),
    ("context word and colon", "申请人：\n"),
    ("pseudonym 某", "申请人张某于2020年提出申请。"),
    ("pseudonyms 某某 and ××", "当事人李某某、王××未到场。"),
    ("应当", "申请人应当于2020年3月1日前提交材料。"),
    ("对", "当事人对本决定不服的，可以申请行政复议。"),
    ("陈述", "当事人陈述、申辩的权利依法保障。"),
    ("向", "当事人向本机关申请听证。"),
    ("和", "申请人和被申请人的权利义务平等。"),
    ("a place", "当事人：张家口市某商贸有限公司"),
    ("a brand", "当事人：叶开泰药业有限公司"),
    ("an agency", "被申请人：天津市滨海新区人民政府。"),
    ("surname and honorific", "联系人：李女士，电话另告。"),
    ("surname and post", "王局长："),
    ("compound surname and honorific", "东方女士：\n您好！"),
    ("historical figure", "纪念孙中山先生诞辰。"),
    ("historical figure, 同志", "深入学习雷锋同志的精神。"),
    ("table header", "姓名\t性别\t住址"),
    ("no context", "张伟在会上作了发言。"),
    ("an organisation on a date", "万达广场于2020年开业。"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_NAMES, ids=[v[0] for v in NOT_NAMES])
def test_look_alikes_are_not_names(case: str, sentence: str) -> None:
    assert found(sentence) == []


def corpus_scores(recognizer: object, label: str) -> tuple[int, int, int]:
    """(tp, fp, fn) with exact spans on the train and dev splits (never test)."""
    tp = fp = fn = 0
    for split in ("train", "dev"):
        for line in (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold = {(s, e) for s, e, lab in record["entities"] if lab == label}
            text = fold_width(record["text"])
            pred = {(r.start, r.end) for r in recognizer.analyze(text, [label], None)}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    return tp, fp, fn


def test_precision_on_the_training_corpus() -> None:
    """A rule for explicit contexts: precise, and it finds a share of all names only."""
    tp, fp, fn = corpus_scores(RECOGNIZER, ENTITY)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"PERSON by context on train+dev: P={precision:.3f} R={recall:.3f} ({tp}/{fp}/{fn})")
    assert precision > 0.95
    assert recall > 0.2


@pytest.mark.parametrize(
    ("case", "sentence", "names"),
    [
        ("同志", "经研究，易安然同志不再担任天心区林业局局长职务。", ["易安然"]),
        (
            "birth month in brackets",
            "胡家寨村：周月琴（1922.07）、王卫国（1922.11）",
            ["周月琴", "王卫国"],
        ),
        ("birth year in brackets", "其中万长顺（1932年生）系五保户。", ["万长顺"]),
        ("age", "答：余满仓，今年72岁，住在本村。", ["余满仓"]),
        ("the household's house", "经丈量，田刚存户正房四间，坐落于村南。", ["田刚存"]),
        ("the unit in brackets", "请以下同志准时参会：滕菊叶（镇赉县交通运输局）。", ["滕菊叶"]),
        ("a date", "牛金凤于2015年08月12日在本店购买电动车一辆。", ["牛金凤"]),
        ("a verb after the name", "副县长朱利来到郭堡镇湖口村看望老人。", ["朱利"]),
    ],
)
def test_person_context_suffixes(case: str, sentence: str, names: list[str]) -> None:
    folded = fold_width(sentence)
    assert [folded[s:e] for s, e, _ in found(sentence)] == names


# Wording met while probing new sentences (2026-12): a kinship word after a party, 本人 in a
# statement, a name after 对/因/经/请 and before what is done to or by that person.
@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("申请人母亲阮桂芝患慢性肾病多年。", ["阮桂芝"]),
        ("本人龚德明自愿放弃该套安置房。", ["龚德明"]),
        ("对祁海军作出罚款二百元的处罚。", ["祁海军"]),
        ("因卢国庆拒不履行，本院依法强制执行。", ["卢国庆"]),
        ("经詹立新介绍，双方达成调解协议。", ["詹立新"]),
        ("请殷春燕于十日内到我局领取决定书。", ["殷春燕"]),
        ("本人承诺所填内容属实，本人签字确认。", []),
        ("对全市作出部署；请各单位于十日内报送。", []),
    ],
)
def test_person_context_new_frames(sentence: str, names: list[str]) -> None:
    assert found(sentence) == spans(sentence, *names)
