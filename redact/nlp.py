"""The spaCy zh pipeline (jieba segmenter) that Presidio runs on, built offline.

Presidio's context enhancer compares the *lemmas* of the tokens around a match with each
recognizer's context words. spaCy's Chinese pipeline has no lemmatizer and leaves
``token.lemma_`` empty, so as shipped no Chinese context word ever matches. Chinese has no
inflection: the surface form is the lemma. The ``gkreview_text_lemma`` component sets it so.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jieba
import spacy
from platformdirs import user_cache_dir
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc

LANGUAGE = "zh"
NER_LABELS = ("PERSON", "ADDRESS", "DATE_OF_BIRTH")
LEMMA_COMPONENT = "gkreview_text_lemma"
MAX_TEXT_LENGTH = 20_000_000  # archives hold long documents; spaCy's default is 1M chars


@Language.component(LEMMA_COMPONENT)
def text_as_lemma(doc: Doc) -> Doc:
    if len(doc):  # column to column, without a Token object per token
        doc.from_array([LEMMA], doc.to_array([ORTH]).reshape(-1, 1))
    return doc


def configure_jieba(cache_dir: Path | None = None) -> None:
    """Keep jieba's prefix-dictionary cache in the user's cache folder, not a shared /tmp."""
    folder = cache_dir or Path(user_cache_dir("gkreview"))
    folder.mkdir(parents=True, exist_ok=True)
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(folder)


def jieba_words() -> dict[str, int]:
    """jieba's dictionary, word → frequency (read-only use: it is jieba's own table)."""
    configure_jieba()
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def build_pipeline(model_dir: Path | None = None) -> Language:
    """The zh pipeline: a trained one from ``model_dir`` if given, else a blank jieba one.

    Either way it ends with the lemma component, and nothing is downloaded.
    """
    configure_jieba()
    if model_dir is not None:
        from gkreview.redact.ner import tokenizer  # noqa: F401  (the model's tokenizer)

        nlp = spacy.load(model_dir)
    else:
        nlp = spacy.blank(LANGUAGE, config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if LEMMA_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_COMPONENT, last=True)
    nlp.max_length = MAX_TEXT_LENGTH
    return nlp


class ChineseNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over a pipeline we built, never one it would download."""

    def __init__(self, nlp: Language) -> None:
        ner_config = NerModelConfiguration(
            model_to_presidio_entity_mapping={label: label for label in NER_LABELS},
            labels_to_ignore=[],
            low_score_entity_names=[],
        )
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": "gkreview-zh"}],
            ner_model_configuration=ner_config,
        )
        self._pipeline = nlp

    def load(self) -> None:
        self.nlp = {LANGUAGE: self._pipeline}
        self._stop: dict[str, bool] = {}
        self._punct: dict[str, bool] = {}

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Presidio's, reading the offsets and lemmas as columns: iterating a Doc builds a
        Token object per token, twice, which cost more than the rules that use them."""
        columns = doc.to_array([IDX, LEMMA]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[idx for idx, _ in columns],
            lemmas=[strings[lemma] for _, lemma in columns],
            nlp_engine=self,
            language=language,
            scores=scores,
        )

    # Presidio asks both for every token of every document (its keywords); a vocabulary
    # lookup builds a Lexeme each time, so the answers are kept per word.
    def is_stopword(self, word: str, language: str) -> bool:
        known = self._stop.get(word)
        if known is None:
            known = self._stop[word] = super().is_stopword(word, language)
        return known

    def is_punct(self, word: str, language: str) -> bool:
        known = self._punct.get(word)
        if known is None:
            known = self._punct[word] = super().is_punct(word, language)
        return known


def disable_network_lookups() -> None:
    """Presidio's stock email recognizer asks tldextract for the Public Suffix List over the
    network; ours does not use it, but a deployment mixing recognizers might. An empty URL
    list makes tldextract use its bundled snapshot."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
