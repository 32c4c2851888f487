"""Presidio's lemma context enhancer, with its lookups made fast for long documents.

The stock enhancer finds the token under each match by walking the spaCy ``Doc`` from its
start, building a ``Token`` object per step, and tests every surrounding lemma for
membership in a *list* of the document's keywords: both are linear per match, so a long
document with many matches costs quadratic time (a quarter of ``check`` on ordinary
documents). Here the token is found by bisecting the sorted token offsets and the keywords
are a set built once per document; what counts as context is unchanged. The stock
enhancer also deep-copies every result (its explanation, its metadata) before it may raise
a score; a shallow copy of the three parts it changes does the same for a tenth of the time.
"""

from __future__ import annotations

import copy
from bisect import bisect_right

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import (
    ContextAwareEnhancer,
    LemmaContextAwareEnhancer,
)
from presidio_analyzer.nlp_engine import NlpArtifacts


def _token_at(tokens_indices: list[int], start: int) -> int:
    return max(bisect_right(tokens_indices, start) - 1, 0)


def _collect(
    index: int, n_words: int, lemmas: list[str], keywords: set[str], step: int
) -> list[str]:
    """As Presidio's ``_add_n_words``: up to n keywords (plus the match's own) from index."""
    words, remaining, i = [], n_words + 1, index
    while 0 <= i < len(lemmas) and remaining > 0:
        lemma = lemmas[i].lower()
        if lemma in keywords:
            words.append(lemma)
            remaining -= 1
        i += step
    return words


def _copy(result: RecognizerResult) -> RecognizerResult:
    """A copy whose score, explanation and metadata can change without touching the input."""
    out = copy.copy(result)
    out.analysis_explanation = copy.copy(result.analysis_explanation)
    out.recognition_metadata = dict(result.recognition_metadata or {})
    return out


class ChineseContextEnhancer(LemmaContextAwareEnhancer):
    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's algorithm (``LemmaContextAwareEnhancer.enhance_using_context``)."""
        results = [_copy(r) for r in raw_results]
        if nlp_artifacts is None:
            return results
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        extra = [word.lower() for word in context or []]
        for result in results:
            meta = result.recognition_metadata
            recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or not recognizer.context:
                continue
            if meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            words = self._extract_surrounding_words(
                nlp_artifacts, text[result.start : result.end], result.start
            )
            words.extend(extra)
            supportive = self._find_supportive_word_in_context(
                words, recognizer.context, self.context_matching_mode
            )
            if supportive != "":
                score = max(
                    result.score + self.context_similarity_factor,
                    self.min_score_with_context_similarity,
                )
                result.score = min(score, ContextAwareEnhancer.MAX_SCORE)
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_supportive_context_word(supportive)
                    result.analysis_explanation.set_improved_score(result.score)
        return results

    def _extract_surrounding_words(
        self, nlp_artifacts: NlpArtifacts, word: str, start: int
    ) -> list[str]:
        if not nlp_artifacts.tokens:
            return [""]
        keywords = self._keyword_set(nlp_artifacts)
        index = _token_at(nlp_artifacts.tokens_indices, start)
        lemmas = nlp_artifacts.lemmas
        context = _collect(index, self.context_prefix_count, lemmas, keywords, -1)
        context += _collect(index, self.context_suffix_count, lemmas, keywords, 1)
        return list(set(context))

    @staticmethod
    def _keyword_set(nlp_artifacts: NlpArtifacts) -> set[str]:
        """The document's keywords as a set, built once and kept on its artifacts."""
        cached = getattr(nlp_artifacts, "_gkreview_keywords", None)
        if cached is None:
            cached = set(nlp_artifacts.keywords)
            nlp_artifacts._gkreview_keywords = cached  # type: ignore[attr-defined]
        return cached
