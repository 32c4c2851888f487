"""The shipped NER: built from corpus/, small, offline, and what Presidio runs on."""

from __future__ import annotations

import spacy

from gkreview.models import ner_model_dir
from gkreview.redact.analyzer import PersonalDataAnalyzer
from gkreview.redact.ner.evaluate import SpanScores
from gkreview.redact.ner.tokenizer import TOKENIZER_NAME, JiebaDictTokenizer
from gkreview.redact.nlp import build_pipeline, configure_jieba

MAX_BYTES = 20 * 1024 * 1024


def test_ner_model_is_shipped_small_and_uses_jieba_dictionary_tokenizer() -> None:
    model = ner_model_dir()
    assert model is not None, "models/zh_gkreview_ner is missing: run gkreview train"
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
    assert size <= MAX_BYTES
    nlp = build_pipeline(model)
    assert "ner" in nlp.pipe_names
    assert isinstance(nlp.tokenizer, JiebaDictTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "ADDRESS", "DATE_OF_BIRTH"}


def test_ner_tokenizer_keeps_a_name_apart_from_the_next_character() -> None:
    """jieba's HMM glues 张伟于 into one token; the dictionary segmenter does not."""
    configure_jieba()
    stock = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    ours = build_pipeline(ner_model_dir())
    text = "申请人张伟于2020年3月提出申请。"
    start, end = 3, 5
    assert stock(text).char_span(start, end) is None
    assert ours.make_doc(text).char_span(start, end) is not None


def test_ner_model_finds_names_without_any_rule_context(analyzer: PersonalDataAnalyzer) -> None:
    text = "会议由周海燕主持，欧阳明远、郑晓东参加了讨论。"
    found = {
        (d.start, d.end)
        for d in analyzer.analyze(text)
        if d.type == "PERSON" and d.recognizer == "ZhNerRecognizer"
    }
    for name in ("周海燕", "欧阳明远", "郑晓东"):
        start = text.index(name)
        assert (start, start + len(name)) in found, name


def test_ner_span_scores_exact_match() -> None:
    scores = SpanScores()
    gold = [(0, 2, "PERSON"), (5, 9, "ADDRESS")]
    predicted = [(0, 2, "PERSON"), (5, 8, "ADDRESS"), (10, 12, "PERSON")]
    scores.add(gold, predicted, ["PERSON", "ADDRESS"])
    scores.add_leak([(0, 2), (5, 9)], [(0, 2), (5, 8)])
    person, address = scores.per_type["PERSON"], scores.per_type["ADDRESS"]
    assert (person.tp, person.fp, person.fn) == (1, 1, 0)
    assert (address.tp, address.fp, address.fn) == (0, 1, 1)
    assert scores.leak.total == 6 and scores.leak.unflagged == 1


def test_ner_model_config_names_no_machine_path() -> None:
    model = ner_model_dir()
    assert model is not None
    config = (model / "config.cfg").read_text(encoding="utf-8")
    assert "train = null" in config and "dev = null" in config
    assert "/tmp/" not in config and "gkreview-train-" not in config
