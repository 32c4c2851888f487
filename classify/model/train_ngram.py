"""Candidate (a): logistic regressions on character n-gram tf-idf (scikit-learn).

Selection. dev holds 30 families, one or two per not_public ground, so a choice made on dev
alone turns on a document or two. Each setting is therefore scored on dev *pooled with
out-of-fold predictions on train* (5 folds grouped by family, so a family is never both
trained on and scored); test is never used. The attribute head picks the features (n-gram
range, head/tail regions) and its C; the grounds and topic heads then pick their C.

Export. scikit-learn fits; what is kept is its vocabulary, idf and coefficients, exported to
:class:`~.backends.NgramHeads` and checked against scikit-learn's own decision function on
dev, so that the numpy predictor that ships scores exactly what was selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gkreview.classify.model.backends import NgramHeads
from gkreview.classify.model.data import ATTRIBUTE_LABELS, GROUND_LABELS, DisclosureDoc
from gkreview.classify.model.features import NgramAnalyzer
from gkreview.classify.model.selection import attribute_scores, ground_scores, topic_accuracy

FEATURES: tuple[tuple[int, int, int, int], ...] = (
    (1, 2, 0, 0),
    (1, 2, 3, 3),
    (1, 3, 0, 0),
    (1, 3, 3, 3),
)
"""(n_min, n_max, head lines, tail lines) tried."""
C_GRID: tuple[float, ...] = (4.0, 16.0, 64.0, 256.0)
FOLDS = 5
MIN_DF = 2  # an n-gram seen in one training document only is noise (and weight on disk)
ABSENT = -20.0  # intercept of a class no training document has: never proposed


def _logreg(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000)


def fit_softmax(
    x: Any, y: Sequence[str], labels: Sequence[str], c: float
) -> tuple[np.ndarray, np.ndarray]:
    """(weights (labels, features), intercepts) of a multinomial head over ``labels``."""
    labels = list(labels)
    w = np.zeros((len(labels), x.shape[1]))
    b = np.full(len(labels), ABSENT)
    present = [lab for lab in labels if lab in set(y)]
    if len(present) == 1:
        b[labels.index(present[0])] = 0.0
        return w, b
    model = _logreg(c).fit(x, list(y))
    classes = list(model.classes_)
    if len(classes) == 2:  # scikit-learn keeps one row: the logit of classes_[1] against [0]
        w[labels.index(classes[1])] = model.coef_[0]
        b[labels.index(classes[1])] = model.intercept_[0]
        b[labels.index(classes[0])] = 0.0
        return w, b
    for row, cls in enumerate(classes):
        w[labels.index(cls)] = model.coef_[row]
        b[labels.index(cls)] = model.intercept_[row]
    return w, b


def fit_binary(x: Any, y: Sequence[bool], c: float) -> tuple[np.ndarray, float]:
    """One sigmoid head; a label always (never) present gets a constant high (low) logit."""
    if len(set(y)) < 2:
        return np.zeros(x.shape[1]), (8.0 if y and all(y) else -8.0)
    model = _logreg(c).fit(x, list(y))
    return model.coef_[0], float(model.intercept_[0])


def fit_grounds(x: Any, docs: Sequence[DisclosureDoc], c: float) -> tuple[np.ndarray, np.ndarray]:
    """One sigmoid per contract code, fitted on not_public documents (rows of ``x``)."""
    fitted = [fit_binary(x, [g in d.not_public_grounds for d in docs], c) for g in GROUND_LABELS]
    return np.stack([w for w, _ in fitted]), np.array([b for _, b in fitted])


def _logits(x: Any, wb: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    return np.asarray(x @ wb[0].T) + wb[1]


@dataclass(slots=True)
class _Fold:
    """A training part and the documents scored with it (held-out fold, or dev)."""

    fit_docs: list[DisclosureDoc]
    score_docs: list[DisclosureDoc]
    x_fit: Any
    x_score: Any
    vectorizer: Any


def _vectorizer(analyzer: NgramAnalyzer, n_docs: int) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    min_df = MIN_DF if n_docs >= 2 * MIN_DF else 1
    return TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=min_df)


def _folds(
    train: Sequence[DisclosureDoc], dev: Sequence[DisclosureDoc], analyzer: NgramAnalyzer
) -> list[_Fold]:
    """Grouped folds of train, then (train → dev); the last one is the final fit."""
    from sklearn.model_selection import GroupKFold

    parts: list[tuple[list[DisclosureDoc], list[DisclosureDoc]]] = []
    families = [d.family or d.id for d in train]
    n_folds = min(FOLDS, len(set(families)))
    if n_folds >= 2:
        for fit_idx, held_idx in GroupKFold(n_splits=n_folds).split(train, groups=families):
            parts.append(([train[i] for i in fit_idx], [train[i] for i in held_idx]))
    parts.append((list(train), list(dev)))
    folds = []
    for fit_docs, score_docs in parts:
        vec = _vectorizer(analyzer, len(fit_docs))
        x_fit = vec.fit_transform([d.text for d in fit_docs])
        x_score = vec.transform([d.text for d in score_docs]) if score_docs else None
        folds.append(_Fold(fit_docs, score_docs, x_fit, x_score, vec))
    return folds


def _pooled(
    folds: Sequence[_Fold], predict: Any, width: int, keep: Any = None
) -> tuple[np.ndarray, list[DisclosureDoc], np.ndarray, list[DisclosureDoc]]:
    """Out-of-fold logits on train pooled with dev's; and dev's alone (the last fold)."""
    logits, docs = [], []
    for fold in folds:
        fit_rows = [i for i, d in enumerate(fold.fit_docs) if keep is None or keep(d)]
        score_rows = [i for i, d in enumerate(fold.score_docs) if keep is None or keep(d)]
        if not score_rows:
            logits.append(np.zeros((0, width)))
            continue
        fit_docs = [fold.fit_docs[i] for i in fit_rows]
        wb = predict(fold.x_fit[fit_rows], fit_docs)
        logits.append(_logits(fold.x_score[score_rows], wb))
        docs.extend(fold.score_docs[i] for i in score_rows)
    dev_n = len(logits[-1])
    return np.vstack(logits), docs, logits[-1], docs[len(docs) - dev_n :]


def train_ngram(
    train: Sequence[DisclosureDoc], dev: Sequence[DisclosureDoc], topics: Sequence[str]
) -> tuple[NgramHeads, dict[str, Any]]:
    """Fit on train; choose features and C per head on dev + grouped CV; return the heads."""
    grid: list[dict[str, Any]] = []
    best: tuple[tuple[float, ...], list[_Fold], dict[str, Any]] | None = None
    for n_min, n_max, head, tail in FEATURES:
        folds = _folds(train, dev, NgramAnalyzer(n_min, n_max, head, tail))
        for c in C_GRID:

            def attr(x: Any, docs: Sequence[DisclosureDoc], c: float = c) -> Any:
                return fit_softmax(x, [d.attribute for d in docs], ATTRIBUTE_LABELS, c)

            z, docs, z_dev, dev_docs = _pooled(folds, attr, len(ATTRIBUTE_LABELS))
            macro_f1, accuracy = attribute_scores(z, docs)
            dev_f1, dev_acc = attribute_scores(z_dev, dev_docs)
            row = {
                "head": "attribute",
                "ngram_range": [n_min, n_max],
                "head_lines": head,
                "tail_lines": tail,
                "C": c,
                "features": folds[-1].x_fit.shape[1],
                "macro_f1": macro_f1,
                "accuracy": accuracy,
                "dev_macro_f1": dev_f1,
                "dev_accuracy": dev_acc,
            }
            grid.append(row)
            # ties: fewer n-gram lengths, no regions, then the stronger prior (smaller C)
            key = (macro_f1, accuracy, -n_max, -head, -c)
            if best is None or key > best[0]:
                best = (key, folds, row)
    assert best is not None
    _, folds, chosen = best

    def is_np(d: DisclosureDoc) -> bool:
        return d.attribute == "not_public"

    ground_best = None
    for c in C_GRID:

        def grounds(x: Any, docs: Sequence[DisclosureDoc], c: float = c) -> Any:
            return fit_grounds(x, docs, c)

        z, docs, z_dev, dev_docs = _pooled(folds, grounds, len(GROUND_LABELS), keep=is_np)
        f1, recall, precision = ground_scores(z, docs)
        dev_f1, dev_recall, dev_precision = ground_scores(z_dev, dev_docs)
        grid.append(
            {
                "head": "grounds",
                "C": c,
                "micro_f1": f1,
                "recall": recall,
                "precision": precision,
                "dev_micro_f1": dev_f1,
                "dev_recall": dev_recall,
                "dev_precision": dev_precision,
            }
        )
        if ground_best is None or (f1, recall, -c) > ground_best[0]:
            ground_best = ((f1, recall, -c), c)
    assert ground_best is not None

    topic_best = None
    for c in C_GRID:

        def topic(x: Any, docs: Sequence[DisclosureDoc], c: float = c) -> Any:
            return fit_softmax(x, [d.topic for d in docs], topics, c)

        z, docs, z_dev, dev_docs = _pooled(folds, topic, len(topics))
        accuracy = topic_accuracy(z, docs, topics)
        grid.append(
            {
                "head": "topic",
                "C": c,
                "accuracy": accuracy,
                "dev_accuracy": topic_accuracy(z_dev, dev_docs, topics),
            }
        )
        if topic_best is None or (accuracy, -c) > topic_best[0]:
            topic_best = ((accuracy, -c), c)
    assert topic_best is not None

    final = folds[-1]
    c_attr, c_grounds, c_topic = chosen["C"], ground_best[1], topic_best[1]
    heads = fit_heads(train, topics, final.vectorizer, final.x_fit, (c_attr, c_grounds, c_topic))
    vocabulary = heads.vocabulary
    if dev:
        _check_export(heads, dev, _logits(final.x_score, heads.weights["attribute"]))
    settings = {
        "ngram_range": chosen["ngram_range"],
        "head_lines": chosen["head_lines"],
        "tail_lines": chosen["tail_lines"],
        "min_df": MIN_DF,
        "features": len(vocabulary),
        "class_weight": "balanced",
        "C": {"attribute": c_attr, "grounds": c_grounds, "topic": c_topic},
        "selection": f"dev pooled with {FOLDS}-fold out-of-fold train, grouped by family",
        "grid": grid,
    }
    return heads, settings


def fit_heads(
    train: Sequence[DisclosureDoc],
    topics: Sequence[str],
    vectorizer: Any,
    x: Any,
    c: tuple[float, float, float],
) -> NgramHeads:
    """The three heads fitted on ``train`` (rows of ``x``, made by the fitted ``vectorizer``)
    with the given C (attribute, grounds, topic), exported for the numpy predictor."""
    c_attr, c_grounds, c_topic = c
    np_rows = [i for i, d in enumerate(train) if d.attribute == "not_public"]
    weights = {
        "attribute": fit_softmax(x, [d.attribute for d in train], ATTRIBUTE_LABELS, c_attr),
        "grounds": fit_grounds(x[np_rows], [train[i] for i in np_rows], c_grounds),
        "topic": fit_softmax(x, [d.topic for d in train], topics, c_topic),
    }
    vocabulary = [""] * len(vectorizer.vocabulary_)
    for gram, i in vectorizer.vocabulary_.items():
        vocabulary[i] = gram
    return NgramHeads(
        vocabulary, vectorizer.idf_.astype(np.float32), vectorizer.analyzer, weights, topics
    )


def fit_fixed(
    train: Sequence[DisclosureDoc],
    topics: Sequence[str],
    analyzer: NgramAnalyzer,
    c: tuple[float, float, float],
) -> NgramHeads:
    """Heads with settings chosen beforehand (no grid): what cross-validation refits per fold."""
    vec = _vectorizer(analyzer, len(train))
    x = vec.fit_transform([d.text for d in train])
    return fit_heads(train, topics, vec, x, c)


def _check_export(heads: NgramHeads, dev: Sequence[DisclosureDoc], theirs: np.ndarray) -> None:
    """The numpy predictor must reproduce scikit-learn's logits (float32 weights aside)."""
    ours = heads.logits([d.text for d in dev]).attribute
    gap = float(np.max(np.abs(ours - theirs)))
    if gap > 1e-3:
        raise AssertionError(f"exported n-gram model differs from scikit-learn by {gap:.2g}")
