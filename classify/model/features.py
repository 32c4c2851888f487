"""Character n-grams: the one tokenisation used both to train and to predict.

A document gives the n-grams of its whole text, plus, prefixed, the n-grams of its first
``head`` lines (the 密级★ marking, 份号, issuer, 文号 and title of GB/T 9704 sit there) and
of its last ``tail`` lines (signature, date, 妥否，请批示, 特此公告): what a cue means depends on
where it is, and the prefix lets a linear model see that.

Training hands :class:`NgramAnalyzer` to scikit-learn's ``TfidfVectorizer``; prediction
(:class:`NgramVectorizer`) rebuilds the same tf-idf vector with plain numpy from the stored
vocabulary and idf. No tokenizer object, no pickle: the n-gram string is the feature's name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from gkreview.ingest.normalize import fold_width

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HEAD_PREFIX = "\x01"  # control characters: never in normalised text, so never ambiguous
TAIL_PREFIX = "\x02"


def normalise(text: str) -> str:
    """Full-width ASCII folded, lower case, control characters dropped, white space one space."""
    return _SPACES.sub(" ", _CONTROL.sub("", fold_width(text)).lower()).strip()


def char_ngrams(text: str, n_min: int = 1, n_max: int = 3) -> list[str]:
    """Every character n-gram of the normalised text, n from n_min to n_max."""
    t = normalise(text)
    return [t[i : i + n] for n in range(n_min, n_max + 1) for i in range(len(t) - n + 1)]


def document_ngrams(
    text: str, n_min: int = 1, n_max: int = 3, head: int = 0, tail: int = 0
) -> list[str]:
    """The whole text's n-grams, then the head's and the tail's, each with its prefix."""
    grams = char_ngrams(text, n_min, n_max)
    if head or tail:
        lines = [line for line in text.splitlines() if line.strip()]
        if head:
            grams += [HEAD_PREFIX + g for g in char_ngrams("\n".join(lines[:head]), n_min, n_max)]
        if tail:
            grams += [TAIL_PREFIX + g for g in char_ngrams("\n".join(lines[-tail:]), n_min, n_max)]
    return grams


class NgramAnalyzer:
    """The analyzer handed to ``TfidfVectorizer(analyzer=...)`` at training time."""

    def __init__(self, n_min: int, n_max: int, head: int = 0, tail: int = 0) -> None:
        self.n_min, self.n_max, self.head, self.tail = n_min, n_max, head, tail

    def __call__(self, text: str) -> list[str]:
        return document_ngrams(text, self.n_min, self.n_max, self.head, self.tail)


class NgramVectorizer:
    """Sublinear tf (1 + ln tf) times idf, L2-normalised: TfidfVectorizer's transform."""

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray, analyzer: NgramAnalyzer) -> None:
        if len(vocabulary) != len(idf):
            raise ValueError("vocabulary and idf differ in length")
        self.index = {gram: i for i, gram in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.analyzer = analyzer

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The sparse vector of one text: (feature indices, values)."""
        counts = Counter(self.analyzer(text))
        index = self.index
        found = [(i, n) for i, n in zip(map(index.get, counts), counts.values(), strict=True)
                 if i is not None]  # fmt: skip
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        pairs = np.array(found, dtype=np.int64)
        idx = pairs[:, 0]
        values = (1.0 + np.log(pairs[:, 1].astype(np.float64))) * self.idf[idx]
        norm = float(np.sqrt(values @ values))
        return idx, values / norm if norm > 0 else values
