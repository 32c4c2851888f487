"""Personal-data detection: Presidio over the zh pipeline, then the document-level rules.

Presidio finds candidates and explains each one (pattern, checksum, context word). What a
single recognizer cannot know is decided here, on the whole document: detections inside
文号/索引号/hotline spans are dropped, overlapping detections are resolved so that every
character belongs to at most one finding, and a name found once is found wherever else the
document repeats it (a title, a salutation, a table): a de-identified copy that removes a
person's name in one place and leaves it in the next protects nobody.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult

from gkreview.ingest.normalize import fold_width
from gkreview.redact.context import ChineseContextEnhancer
from gkreview.redact.nlp import (
    LANGUAGE,
    ChineseNlpEngine,
    build_pipeline,
    disable_network_lookups,
    jieba_words,
)
from gkreview.redact.protected import overlaps_any, protected_spans
from gkreview.redact.recognizers.registry import chinese_recognizers
from gkreview.redact.recognizers.zh_ner import ZhNerRecognizer
from gkreview.redact.span_shape import (
    drop_trailing_word,
    name_end,
    strip_address_lead,
    trim_to_name,
)

NER_RECOGNIZER = "ZhNerRecognizer"
MENTION_RECOGNIZER = "DocumentMention"
MENTION_MIN_SCORE = 0.6  # only a name found with this confidence is looked for elsewhere


@dataclass(frozen=True, slots=True)
class Detection:
    type: str
    start: int
    end: int
    score: float
    recognizer: str
    pattern: str | None = None
    validated: bool | None = None  # a checksum or date check passed
    context_word: str | None = None  # the word that raised the score, if any


def build_analyzer_engine(model_dir: Path | None = None) -> AnalyzerEngine:
    """A Presidio AnalyzerEngine with our recognizers only, on the offline zh pipeline.

    With a trained ``model_dir``, Presidio's own ``SpacyRecognizer`` reports the NER's
    PERSON, ADDRESS and DATE_OF_BIRTH entities.
    """
    disable_network_lookups()
    nlp = build_pipeline(model_dir)
    nlp_engine = ChineseNlpEngine(nlp)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in chinese_recognizers():
        registry.add_recognizer(recognizer)
    if "ner" in nlp.pipe_names:
        registry.add_recognizer(ZhNerRecognizer(supported_language=LANGUAGE, name=NER_RECOGNIZER))
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=ChineseContextEnhancer(),
    )


def _to_detection(result: RecognizerResult) -> Detection:
    meta = result.recognition_metadata or {}
    explanation = result.analysis_explanation
    return Detection(
        type=result.entity_type,
        start=result.start,
        end=result.end,
        score=round(float(result.score), 4),
        recognizer=str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown")),
        pattern=getattr(explanation, "pattern_name", None),
        validated=getattr(explanation, "validation_result", None),
        context_word=getattr(explanation, "supportive_context_word", None) or None,
    )


def reshape(detection: Detection, text: str, words: Mapping[str, int]) -> Detection:
    """Boundaries no single recognizer gets right: a rule's address may begin with the 址 of
    现住址, and a long name may have run into a verb (邱健承办)."""
    if detection.type == "ADDRESS" and detection.recognizer != NER_RECOGNIZER:
        start, end = strip_address_lead(text, detection.start, detection.end)
        return replace(detection, start=start, end=end)
    if detection.type == "PERSON":
        end = drop_trailing_word(text, detection.start, detection.end, words)
        return replace(detection, end=end)
    return detection


def resolve_overlaps(detections: list[Detection]) -> list[Detection]:
    """Keep the strongest of overlapping detections: higher score, then a rule's over the
    model's (rules know exact boundaries), then the longer span."""
    ranked = sorted(
        detections,
        key=lambda d: (
            -d.score,
            d.recognizer == NER_RECOGNIZER,
            -(d.end - d.start),
            d.start,
            d.type,
        ),
    )
    kept: list[Detection] = []
    for d in ranked:
        if all(d.end <= k.start or k.end <= d.start for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: (d.start, d.end))


class PersonalDataAnalyzer:
    """Finds personal data (and things deliberately kept) in a document's text."""

    def __init__(self, engine: AnalyzerEngine, words: Mapping[str, int] | None = None) -> None:
        self.engine = engine
        self.words = words if words is not None else jieba_words()

    @classmethod
    def build(cls, model_dir: Path | None = None) -> PersonalDataAnalyzer:
        return cls(build_analyzer_engine(model_dir))

    def analyze(self, text: str) -> list[Detection]:
        folded = fold_width(text)
        results = self.engine.analyze(text=folded, language=LANGUAGE, return_decision_process=True)
        protected = protected_spans(folded)
        detections = [
            reshape(_to_detection(r), folded, self.words)
            for r in results
            if r.entity_type == "CN_USCC" or overlaps_any(r.start, r.end, protected) is None
        ]
        return resolve_overlaps(other_mentions(folded, resolve_overlaps(detections)))


def other_mentions(text: str, detections: list[Detection]) -> list[Detection]:
    """The detections plus every other occurrence of a detected name, where it stands as a
    whole name (not inside a longer one, not inside another detection)."""
    names = {
        text[d.start : d.end]: d
        for d in detections
        if d.type == "PERSON" and d.score >= MENTION_MIN_SCORE and d.end - d.start >= 2
    }
    if not names:
        return detections
    taken = [(d.start, d.end) for d in detections]
    added: list[Detection] = []
    for name, source in names.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            free = all(end <= s or e <= start for s, e in taken)
            if free and trim_to_name(text, start, end) == (start, end) and _whole(text, start, end):
                added.append(
                    Detection(
                        "PERSON", start, end, min(source.score, 0.8), MENTION_RECOGNIZER,
                        pattern="the same name elsewhere in the document",
                    )
                )  # fmt: skip
                taken.append((start, end))
            start = text.find(name, end)
    return detections + added


def _whole(text: str, start: int, end: int) -> bool:
    """The name does not run on into a longer name (王建 in 王建国同志)."""
    longest = name_end(text, start)
    return longest is None or longest <= end
