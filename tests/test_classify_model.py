"""The trained disclosure classifier: the shipped model, its format, calibration and training."""

from __future__ import annotations

import json
import pickle
import socket
import time
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console
from typer.testing import CliRunner

from gkreview.classify.model import DisclosureModel, ModelPrediction, default_model_dir
from gkreview.classify.model.calibration import (
    expected_calibration_error,
    fit_temperature,
    reliability_table,
    softmax,
)
from gkreview.classify.model.data import GROUND_LABELS, DisclosureDoc
from gkreview.classify.model.features import NgramAnalyzer, NgramVectorizer, document_ngrams
from gkreview.classify.model.metrics import DisclosureGuess, score_disclosure
from gkreview.review.cli import app
from gkreview.review.evaluation_disclosure import evaluate_disclosure, render_disclosure

SECRET = """机密★20年
000031
蓉原市人民政府　蓉原警备区
蓉政发〔2023〕4号
关于下达2023年度征兵任务的通知
各区县人民政府、人民武装部：
根据省人民政府、省军区征兵命令，现将我市2023年度征兵任务下达如下：
一、全市征集新兵1460名，其中大学生比例不低于70%，女兵名额另行下达。
二、各区县任务数按附表执行，起运时间、批次和输送方向另行通知。
三、严格控制知悉范围，本通知不得复制、转发，用后按份号收回。
蓉原市人民政府　蓉原警备区
2023年2月14日
"""

TENDER = """榆平市政府采购中心
榆平市第一人民医院医疗设备采购项目招标公告
项目编号：榆采2023-118
一、项目概况：本项目采购彩色多普勒超声诊断仪2台，预算金额360万元。
二、投标人资格要求：具有独立承担民事责任的能力；参加政府采购活动前三年内在经营活动中没有重大违法记录。
三、招标文件获取：2023年5月8日至5月15日，在榆平市公共资源交易平台免费下载。
四、投标截止及开标时间：2023年5月29日9时30分，地点为榆平市公共资源交易中心第二开标室。
五、联系方式：采购人榆平市第一人民医院，联系人王冬梅，电话0895-6830345。
特此公告。
榆平市政府采购中心
2023年5月8日
"""

APPROVAL = """桃溪县商务局
关于同意桃溪恒达食品有限公司变更出口基地建设内容的批复
桃溪恒达食品有限公司：
你公司《关于变更出口农产品基地建设内容的请示》收悉。经审核，批复如下：
一、同意你公司将出口蔬菜基地冷库建设规模由800吨调整为1200吨，项目总投资不变。
二、你公司应按调整后的内容组织实施，于2022年12月底前完成建设并报送验收申请。
三、扶持资金按原批复额度拨付，不得挪作他用。
此复。
桃溪县商务局
2022年6月18日
"""

CLEAR = [
    pytest.param(SECRET, "not_public", id="secret-marking"),
    pytest.param(TENDER, "public", id="tender-notice"),
    pytest.param(APPROVAL, "on_request", id="approval-to-one-company"),
]


@pytest.fixture(scope="module")
def model() -> DisclosureModel:
    loaded = DisclosureModel.load()
    assert loaded is not None, "models/disclosure/ is missing: gkreview train --task disclosure"
    return loaded


def test_classify_model_loads_offline_without_pickle(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the disclosure model must not unpickle or use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    for name in ("load", "loads", "Unpickler"):
        monkeypatch.setattr(pickle, name, refuse)
    model = DisclosureModel.load()
    assert model is not None and model.path == default_model_dir()
    assert model.predict(TENDER).attribute == "public"


def test_classify_model_artifact_is_small_and_pickle_free() -> None:
    folder = default_model_dir()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"config.json", "MODEL_CARD.md"}
    assert not [p for p in files if p.suffix in {".pkl", ".pickle", ".joblib", ".pt", ".bin"}]
    assert sum(p.stat().st_size for p in files) <= 10 * 1_048_576
    for npz in folder.rglob("*.npz"):
        with np.load(npz, allow_pickle=False) as arrays:
            assert all(arrays[k].dtype != object for k in arrays.files)


@pytest.mark.parametrize(("text", "attribute"), CLEAR)
def test_classify_model_predicts_clear_documents(
    model: DisclosureModel, text: str, attribute: str
) -> None:
    p = model.predict(text)
    assert p.attribute == attribute, p.attribute_probs
    assert p.confidence == max(p.attribute_probs.values()) > 0.5


def test_classify_model_secret_marking_ranks_state_secret(model: DisclosureModel) -> None:
    p = model.predict(SECRET)
    top = sorted(p.ground_probs, key=p.ground_probs.__getitem__, reverse=True)[:2]
    assert "state_secret" in top, p.ground_probs
    assert p.grounds()[0] in GROUND_LABELS


@pytest.mark.parametrize("text", [SECRET, TENDER, APPROVAL, "", "通知"])
def test_classify_model_probabilities_are_well_formed(model: DisclosureModel, text: str) -> None:
    p = model.predict(text)
    assert isinstance(p, ModelPrediction)
    assert set(p.attribute_probs) == {"public", "on_request", "not_public"}
    assert sum(p.attribute_probs.values()) == pytest.approx(1.0, abs=1e-9)
    assert set(p.ground_probs) == set(GROUND_LABELS)
    assert all(0.0 <= v <= 1.0 for v in p.ground_probs.values())
    assert p.topic in model.topics and 0.0 < p.topic_confidence <= 1.0


def test_classify_model_temperatures_positive(model: DisclosureModel) -> None:
    assert set(model.temperature) == {"attribute", "grounds", "topic"}
    assert all(t > 0 for t in model.temperature.values())


def test_classify_model_is_fast(model: DisclosureModel) -> None:
    texts = [SECRET, TENDER, APPROVAL] * 10
    model.predict(texts[0])
    started = time.perf_counter()
    for text in texts:
        model.predict(text)
    assert (time.perf_counter() - started) / len(texts) < 0.020


def test_classify_model_load_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        DisclosureModel.load(tmp_path / "nowhere")


def test_classify_model_numpy_tfidf_matches_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [SECRET, TENDER, APPROVAL, "ＡＢＣ１２３　通知\n此复。"]
    analyzer = NgramAnalyzer(1, 3, head=2, tail=2)
    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit(texts)
    vocabulary = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    ours = NgramVectorizer(vocabulary, vec.idf_, analyzer)
    for text in [*texts, "未见过的文字 unseen"]:
        expected = vec.transform([text]).toarray()[0]
        idx, values = ours.transform(text)
        got = np.zeros_like(expected)
        got[idx] = values
        np.testing.assert_allclose(got, expected, atol=1e-12)


def test_classify_model_ngrams_mark_head_and_tail() -> None:
    grams = document_ngrams("机密★\n正文\n此复。\n", 1, 1, head=1, tail=1)
    assert "\x01★" in grams and "\x02复" in grams and "\x01正" not in grams
    assert "ａ" not in document_ngrams("Ａ", 1, 1) and "a" in document_ngrams("Ａ", 1, 1)


def test_classify_model_temperature_cools_overconfidence() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    logits = rng.normal(size=(300, 3))
    logits[np.arange(300), y] += 1.0
    overconfident = logits * 8
    t = fit_temperature(overconfident, y)
    assert t > 1.0
    assert fit_temperature(np.zeros((0, 3)), np.zeros(0, dtype=int)) == 1.0
    p = softmax(overconfident / t)
    table = reliability_table(p.max(axis=1), p.argmax(axis=1) == y)
    assert len(table) == 10 and sum(b.count for b in table) == 300
    assert expected_calibration_error(table) < 0.1


def _doc(attribute: str, grounds: tuple[str, ...] = ()) -> DisclosureDoc:
    return DisclosureDoc(id="x", text="", attribute=attribute, grounds=grounds, topic="")  # type: ignore[arg-type]


def test_classify_model_scores_ground_recall_end_to_end() -> None:
    gold = [
        _doc("not_public", ("process_information", "personal_privacy")),
        _doc("not_public", ("state_secret",)),
        _doc("public", ("art20_procurement",)),
    ]
    guesses = [
        DisclosureGuess("not_public", ("process_information",), 0.9),
        DisclosureGuess("public", ("art19_public_notice",), 0.6),  # recalls nothing
        DisclosureGuess("public", ("art20_procurement",), 0.8),
    ]
    s = score_disclosure(gold, guesses)
    assert (s.ground_recall.recalled, s.ground_recall.support) == (1, 3)
    assert s.per_ground["state_secret"].recall == 0.0
    assert s.ground_precision == 1.0
    assert s.accuracy == pytest.approx(2 / 3, abs=1e-4)
    assert s.confusion["not_public"]["public"] == 1
    assert s.per_class["on_request"].support == 0
    data = json.loads(json.dumps(s.as_dict(), ensure_ascii=False))
    assert data["not_public_ground_recall"]["support"] == 3
    assert len(data["reliability"]) == 10


def test_classify_model_evaluation_renders_tables() -> None:
    docs = [_doc("public"), _doc("not_public", ("state_secret",))]
    scores = evaluate_disclosure(lambda text: ("not_public", ["state_secret"], 0.7), docs)
    assert scores.ground_recall.recall == 1.0 and scores.accuracy == 0.5
    console = Console(record=True, width=120)
    for table in render_disclosure(scores, "rules"):
        console.print(table)
    out = console.export_text()
    assert "state_secret" in out and "mean confidence" in out and "confusion" in out


# A corpus small enough to train on in seconds: 3 families per attribute, 2 variants each.
_PLACES = ("榆平", "桃溪", "沂川", "枫城", "棠州", "渭原", "蓉原")
_FAMILIES = {
    "not_public": [
        (
            "state_secret",
            "公安、安全、司法",
            "机密★10年\n{p}市人民政府\n关于{p}市人民防空工程布局的通知\n"
            "严格控制知悉范围，不得复制。\n{p}市人民政府\n2021年3月1日\n",
        ),
        (
            "process_information",
            "综合政务",
            "{p}县农业农村局\n关于申请{p}县灌区改造资金的请示\n"
            "县人民政府：\n为改善灌溉条件，拟申请资金200万元。\n妥否，请批示。\n2020年5月6日\n",
        ),
        (
            "internal_affairs",
            "劳动、人事、监察",
            "内部\n{p}市财政局\n关于调整机关食堂就餐安排的通知\n"
            "各科室：\n自下月起午餐时间调整为11时30分。\n{p}市财政局办公室\n2019年9月2日\n",
        ),
    ],
    "public": [
        (
            "art20_procurement",
            "财政",
            "{p}市政府采购中心\n{p}市学校课桌椅采购项目招标公告\n"
            "一、预算金额90万元。\n二、投标截止时间2022年4月1日。\n特此公告。\n2022年3月10日\n",
        ),
        (
            "art19_public_interest",
            "城乡建设、环境保护",
            "{p}市人民政府\n关于{p}市主城区停水的通告\n"
            "因管网改造，4月2日全天停水，请市民做好储水准备。\n特此通告。\n2021年3月28日\n",
        ),
        (
            "art20_recruitment",
            "劳动、人事、监察",
            "{p}市人力资源和社会保障局\n{p}市2023年公开招聘"
            "事业单位工作人员公告\n一、招聘岗位30个。\n二、报名时间4月1日至7日。\n特此公告。\n",
        ),
    ],
    "on_request": [
        (
            "art27_own_matter",
            "商贸、海关、旅游",
            "{p}县商务局\n关于同意{p}恒达食品有限公司变更"
            "建设内容的批复\n{p}恒达食品有限公司：\n你公司请示收悉。同意调整冷库规模。\n此复。\n",
        ),
        (
            "art27_own_matter",
            "民政、扶贫、救灾",
            "{p}县民政局\n关于王某某申请临时救助的答复\n"
            "王某某：\n你的申请收悉。经审核，同意给予临时救助2000元。\n特此答复。\n",
        ),
        (
            "art27_own_matter",
            "劳动、人事、监察",
            "{p}市人力资源和社会保障局\n工伤认定决定书\n"
            "{p}宏远机械有限公司：\n你单位职工李某某受伤一事，经调查，认定为工伤。\n",
        ),
    ],
}


def _write_tiny_corpus(root: Path) -> Path:
    folder = root / "disclosure"
    folder.mkdir(parents=True)
    rows = {"train": [], "dev": [], "test": []}
    for attribute, families in _FAMILIES.items():
        for f, (ground, topic, skeleton) in enumerate(families):
            for v, place in enumerate(_PLACES[:3]):
                split = ("train", "train", "dev" if f != 1 else "test")[v]
                rows[split].append(
                    {
                        "id": f"{attribute}{f}-{v}",
                        "family": f"{attribute}{f}-{v // 2}",
                        "text": skeleton.format(p=place),
                        "attribute": attribute,
                        "grounds": [ground],
                        "topic": topic,
                    }
                )
    for split, docs in rows.items():
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in docs:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return root


def test_classify_model_tiny_end_to_end_train(tmp_path: Path) -> None:
    corpus = _write_tiny_corpus(tmp_path / "corpus")
    out = tmp_path / "model"
    result = CliRunner().invoke(
        app,
        [
            "train",
            "--task",
            "disclosure",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
            "--max-steps",
            "4",
        ],
    )
    assert result.exit_code == 0, result.output
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "(kept)" in card and "spacy_bow" in card and "## Rebuild" in card
    assert "Reliability on test" in card
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["dev"]) == {"ngram_logreg", "spacy_bow", "spacy_ensemble"}
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    refit = metrics["refit"]
    if metrics["kept"] != "ngram_logreg":
        assert refit is None and "fitted_on" not in config["training"]
    else:  # refitted on train + dev; cross-validation gives its temperatures and threshold
        from gkreview.classify.model.crossval import THRESHOLDS

        folder = corpus / "disclosure"
        n = sum(len((folder / f"{s}.jsonl").read_text().splitlines()) for s in ("train", "dev"))
        assert refit["documents"] == n and config["training"]["fitted_on"] == ["train", "dev"]
        assert config["ground_threshold"] == refit["ground_threshold"] in THRESHOLDS
        assert config["temperature"] == refit["temperature"]
        assert "## The shipped model: refitted on train + dev" in card
    model = DisclosureModel.load(out)
    assert model is not None and model.path == out
    p = model.predict(_FAMILIES["not_public"][0][2].format(p="湄州"))
    assert sum(p.attribute_probs.values()) == pytest.approx(1.0)
    assert not list(out.rglob("*.pkl")) and not list(out.rglob("*.joblib"))


def test_classify_model_train_refuses_foreign_folder(tmp_path: Path) -> None:
    corpus = _write_tiny_corpus(tmp_path / "corpus")
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["train", "--task", "disclosure", "--corpus", str(corpus), "--out", str(foreign)]
    )
    assert result.exit_code == 2 and (foreign / "keep.txt").exists()


def test_classify_model_train_help_keeps_ner_default() -> None:
    result = CliRunner().invoke(app, ["train", "--help"])
    assert result.exit_code == 0 and "--task" in result.output and "disclosure" in result.output


def test_classify_model_crossval_never_scores_a_document_with_its_family(tmp_path: Path) -> None:
    from gkreview.classify.model.crossval import NgramSettings, crossvalidate, family_folds
    from gkreview.classify.model.data import load_split

    folder = _write_tiny_corpus(tmp_path / "corpus") / "disclosure"
    docs = load_split(folder, "train") + load_split(folder, "dev")
    folds = family_folds(docs, 3)
    assert sorted(i for fold in folds for i in fold) == list(range(len(docs)))
    for fold in folds:
        inside = {docs[i].family for i in fold}
        outside = {d.family for i, d in enumerate(docs) if i not in set(fold)}
        assert not inside & outside
    seen = []
    result = crossvalidate(
        docs, NgramSettings(c_attribute=4, c_grounds=4, c_topic=4), folds=3,
        progress=lambda k, n: seen.append((k, n)),
    )  # fmt: skip
    assert seen == [(1, 3), (2, 3), (3, 3)] and result.folds == 3
    scores = result.scores()
    assert set(scores) == {"rules", "model", "combined"}
    for name, guesses in result.guesses().items():
        assert len(guesses) == len(docs), name
        assert scores[name].documents == len(docs)
    assert all(t > 0 for t in result.temperature.values())
    # a lower model threshold can only add model grounds to the blend's proposals
    strict, loose = result.guesses(0.9)["combined"], result.guesses(0.05)["combined"]
    for a, b in zip(strict, loose, strict=True):
        assert a.attribute == b.attribute and set(a.grounds) <= set(b.grounds)


def test_classify_model_threshold_choice_keeps_precision_floor() -> None:
    """Lower thresholds add candidate grounds: recall up, precision down; the choice is the
    best recall at precision >= 0.75, and the highest threshold when none reaches it."""
    from gkreview.classify.model.crossval import choose_threshold

    gold = [_doc("not_public", ("process_information", "personal_privacy"))] * 4
    proposals = {  # threshold -> grounds proposed for each of the four documents
        0.5: ("process_information",),
        0.3: ("process_information", "personal_privacy"),
        0.2: ("process_information", "personal_privacy", "internal_affairs"),
    }

    class Result:
        def __init__(self, extra: tuple[str, ...] = ()) -> None:
            self.extra = extra

        def scores(self, t: float) -> dict[str, object]:
            guess = DisclosureGuess("not_public", proposals[t] + self.extra, 0.9)
            return {"combined": score_disclosure(gold, [guess] * 4)}

    best, sweep = choose_threshold(Result(), (0.5, 0.3, 0.2))  # type: ignore[arg-type]
    assert best == 0.3  # 0.2 recalls as much, at precision 2/3
    assert sweep[0.2]["combined"].ground_precision == pytest.approx(2 / 3, abs=1e-3)
    noisy = ("state_secret", "law_prohibited", "security_stability")
    best, _ = choose_threshold(Result(noisy), (0.5, 0.3, 0.2))  # type: ignore[arg-type]
    assert best == 0.5  # nothing reaches the floor: the strictest threshold
