"""The two kinds of trained heads a shipped model can hold, behind one interface.

* :class:`NgramHeads` (``ngram_logreg``): logistic regressions on character n-gram tf-idf,
  trained with scikit-learn and stored as a vocabulary (JSON) and arrays (NPZ, read with
  ``allow_pickle=False``); prediction is plain numpy.
* :class:`SpacyHeads` (``spacy_textcat``): three spaCy pipelines, ``textcat`` for the
  attribute and the topic, ``textcat_multilabel`` for the grounds; spaCy stores them as
  config plus msgpack, no pickle.

Both return raw logits; the temperatures and probabilities are :mod:`.predictor`'s.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from gkreview.classify.model.data import ATTRIBUTE_LABELS, GROUND_LABELS
from gkreview.classify.model.features import NgramAnalyzer, NgramVectorizer

HEADS = ("attribute", "grounds", "topic")
VOCABULARY_FILE = "vocabulary.json"
WEIGHTS_FILE = "weights.npz"
_EPS = 1e-7


@dataclass(frozen=True, slots=True)
class HeadLogits:
    """Logits of a batch: attribute (n, 3), grounds (n, 8), topic (n, topics)."""

    attribute: np.ndarray
    grounds: np.ndarray
    topic: np.ndarray


class Heads(Protocol):
    backend: str
    topics: tuple[str, ...]

    def logits(self, texts: Sequence[str]) -> HeadLogits: ...
    def save(self, directory: Path) -> dict[str, Any]: ...


class NgramHeads:
    """Three linear heads over one tf-idf vector; all weights in one (features, outputs) matrix."""

    backend = "ngram_logreg"

    def __init__(
        self,
        vocabulary: Sequence[str],
        idf: np.ndarray,
        analyzer: NgramAnalyzer,
        weights: dict[str, tuple[np.ndarray, np.ndarray]],
        topics: Sequence[str],
    ) -> None:
        self.vocabulary = list(vocabulary)
        self.analyzer = analyzer
        self.vectorizer = NgramVectorizer(self.vocabulary, idf, analyzer)
        self.topics = tuple(topics)
        self.weights = {
            h: (np.asarray(w, np.float32), np.asarray(b, np.float64))
            for h, (w, b) in weights.items()
        }
        expected = {
            "attribute": len(ATTRIBUTE_LABELS),
            "grounds": len(GROUND_LABELS),
            "topic": len(self.topics),
        }
        for head in HEADS:
            w, b = self.weights[head]
            if w.shape != (expected[head], len(self.vocabulary)) or b.shape != (expected[head],):
                raise ValueError(f"{head} weights have shape {w.shape}, {b.shape}")
        self._sizes = [expected[h] for h in HEADS]
        # (features, outputs): one row gather per document serves every head.
        self._w = np.ascontiguousarray(np.concatenate([self.weights[h][0] for h in HEADS]).T)
        self._b = np.concatenate([self.weights[h][1] for h in HEADS])

    def logits(self, texts: Sequence[str]) -> HeadLogits:
        rows = np.empty((len(texts), len(self._b)))
        for i, text in enumerate(texts):
            idx, values = self.vectorizer.transform(text)
            rows[i] = values @ self._w[idx] + self._b
        a, g = self._sizes[0], self._sizes[0] + self._sizes[1]
        return HeadLogits(rows[:, :a], rows[:, a:g], rows[:, g:])

    def save(self, directory: Path) -> dict[str, Any]:
        (directory / VOCABULARY_FILE).write_text(
            json.dumps(self.vocabulary, ensure_ascii=False), encoding="utf-8"
        )
        arrays = {"idf": self.vectorizer.idf.astype(np.float32)}
        for head in HEADS:
            arrays[f"{head}_coef"] = self.weights[head][0]
            arrays[f"{head}_intercept"] = self.weights[head][1]
        np.savez_compressed(directory / WEIGHTS_FILE, **arrays)
        a = self.analyzer
        return {
            "ngram_range": [a.n_min, a.n_max],
            "head_lines": a.head,
            "tail_lines": a.tail,
            "features": len(self.vocabulary),
        }

    @classmethod
    def load(cls, directory: Path, config: dict[str, Any]) -> NgramHeads:
        vocabulary = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        weights = {h: (arrays[f"{h}_coef"], arrays[f"{h}_intercept"]) for h in HEADS}
        s = config["backend_settings"]
        n_min, n_max = s["ngram_range"]
        analyzer = NgramAnalyzer(n_min, n_max, s.get("head_lines", 0), s.get("tail_lines", 0))
        return cls(vocabulary, arrays["idf"], analyzer, weights, config["topics"])


class SpacyHeads:
    """Three spaCy pipelines (blank ``zh``, character tokens), one text classifier each."""

    backend = "spacy_textcat"

    def __init__(self, pipelines: dict[str, Any], topics: Sequence[str]) -> None:
        self.pipelines = pipelines
        self.topics = tuple(topics)

    def logits(self, texts: Sequence[str]) -> HeadLogits:
        labels = {"attribute": ATTRIBUTE_LABELS, "grounds": GROUND_LABELS, "topic": self.topics}
        out = {}
        for head in HEADS:
            docs = self.pipelines[head].pipe(texts)
            p = np.array([[d.cats.get(label, 0.0) for label in labels[head]] for d in docs])
            p = np.clip(p.reshape(len(texts), len(labels[head])), _EPS, 1 - _EPS)
            out[head] = np.log(p / (1 - p)) if head == "grounds" else np.log(p)
        return HeadLogits(out["attribute"], out["grounds"], out["topic"])

    def save(self, directory: Path) -> dict[str, Any]:
        for head in HEADS:
            self.pipelines[head].to_disk(directory / head)
        return {"pipelines": list(HEADS)}

    @classmethod
    def load(cls, directory: Path, config: dict[str, Any]) -> SpacyHeads:
        import spacy  # only this backend needs it

        return cls({h: spacy.load(directory / h) for h in HEADS}, config["topics"])


BACKENDS: dict[str, type[NgramHeads] | type[SpacyHeads]] = {
    NgramHeads.backend: NgramHeads,
    SpacyHeads.backend: SpacyHeads,
}
