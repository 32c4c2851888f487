"""The trained NER as a Presidio recognizer, its spans held to the shapes entities have.

Presidio's ``SpacyRecognizer`` reports the model's entities as they come. Ours first holds
each to its type's shape (``redact.span_shape``): a PERSON to a name, an ADDRESS to its
last address unit, a DATE_OF_BIRTH to a date. Doing it here, before Presidio merges the
recognizers' results, matters: Presidio drops a result contained in a stronger one of the
same type, so an over-long model span would otherwise swallow the exact names a rule found.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from gkreview.redact.nlp import NER_LABELS
from gkreview.redact.span_shape import trim_address, trim_date, trim_to_name

_TRIMS = {"PERSON": trim_to_name, "ADDRESS": trim_address, "DATE_OF_BIRTH": trim_date}


class ZhNerRecognizer(SpacyRecognizer):
    def __init__(self, supported_language: str = "zh", name: str = "ZhNerRecognizer") -> None:
        super().__init__(
            supported_language=supported_language,
            supported_entities=list(NER_LABELS),
            name=name,
        )

    def analyze(self, text: str, entities, nlp_artifacts=None):  # type: ignore[no-untyped-def]
        results: list[RecognizerResult] = []
        for result in super().analyze(text, entities, nlp_artifacts):
            trim = _TRIMS.get(result.entity_type)
            span = trim(text, result.start, result.end) if trim else (result.start, result.end)
            if span is None:
                continue
            result.start, result.end = span
            results.append(result)
        return results
