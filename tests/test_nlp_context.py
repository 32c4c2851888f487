"""Chinese context words must raise scores: the lemma fix, proved against the stock pipeline."""

from __future__ import annotations

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from gkreview.redact.nlp import LEMMA_COMPONENT, ChineseNlpEngine, build_pipeline
from gkreview.redact.recognizers.registry import chinese_recognizers

WITH_CONTEXT = "申请人联系手机13912345678，请核实。"
WITHOUT_CONTEXT = "本次编码13912345678，请核实。"


def _engine(nlp: spacy.Language) -> AnalyzerEngine:
    engine = ChineseNlpEngine(nlp)
    engine.load()
    registry = RecognizerRegistry(supported_languages=["zh"])
    for recognizer in chinese_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["zh"])


def _phone_score(engine: AnalyzerEngine, text: str) -> tuple[float, str | None]:
    results = engine.analyze(
        text=text, language="zh", entities=["PHONE_NUMBER"], return_decision_process=True
    )
    assert len(results) == 1, results
    return results[0].score, results[0].analysis_explanation.supportive_context_word


def test_nlp_pipeline_sets_lemmas_to_text() -> None:
    nlp = build_pipeline()
    assert nlp.pipe_names[-1] == LEMMA_COMPONENT
    doc = nlp(WITH_CONTEXT)
    assert [t.lemma_ for t in doc] == [t.text for t in doc]
    assert "手机" in [t.text for t in doc]


def test_nlp_context_word_raises_score_with_fix() -> None:
    engine = _engine(build_pipeline())
    boosted, word = _phone_score(engine, WITH_CONTEXT)
    plain, no_word = _phone_score(engine, WITHOUT_CONTEXT)
    assert word == "手机"
    assert no_word in (None, "")
    assert boosted > plain


def test_nlp_stock_zh_pipeline_sees_no_context() -> None:
    """The bug being fixed: spaCy's zh pipeline has empty lemmas, so no context is found."""
    stock = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    assert all(t.lemma_ == "" for t in stock(WITH_CONTEXT))
    score, word = _phone_score(_engine(stock), WITH_CONTEXT)
    fixed_score, _ = _phone_score(_engine(build_pipeline()), WITH_CONTEXT)
    assert word in (None, "")
    assert score < fixed_score


def test_nlp_fast_context_enhancer_matches_presidio_stock(examples_dir) -> None:  # type: ignore[no-untyped-def]
    """The bisecting enhancer finds exactly the context the stock one finds."""
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from gkreview.ingest.reader import read_document
    from gkreview.redact.context import ChineseContextEnhancer

    text = read_document(examples_dir / "关于征收土地的公告.docx").text + WITH_CONTEXT
    nlp = build_pipeline()
    results = []
    for enhancer in (LemmaContextAwareEnhancer(), ChineseContextEnhancer()):
        engine = _engine(nlp)
        engine.context_aware_enhancer = enhancer
        found = engine.analyze(text=text, language="zh", return_decision_process=True)
        explained = [(r, r.analysis_explanation.supportive_context_word) for r in found]
        results.append(
            sorted((r.start, r.end, r.entity_type, round(r.score, 4), w) for r, w in explained)
        )
    assert results[0] == results[1]
    assert any(word for *_, word in results[1])
