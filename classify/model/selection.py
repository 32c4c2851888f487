"""Dev-split scores that choose hyper-parameters, epochs and the kept candidate.

Each head is judged on its own task: the attribute on macro F1 (then accuracy), the grounds
on gold not_public documents by the micro F1 of the proposed set (most probable ground plus
any ≥ 0.5), the topic on accuracy. Only dev is ever passed here, never test.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from gkreview.classify.model.data import ATTRIBUTE_LABELS, GROUND_LABELS, DisclosureDoc


def attribute_scores(logits: np.ndarray, docs: Sequence[DisclosureDoc]) -> tuple[float, float]:
    """(macro F1 over the three attributes, accuracy)."""
    if not docs:
        return 0.0, 0.0
    pred = [ATTRIBUTE_LABELS[int(i)] for i in np.argmax(logits, axis=1)]
    gold = [d.attribute for d in docs]
    f1s = []
    for a in ATTRIBUTE_LABELS:
        tp = sum(p == g == a for p, g in zip(pred, gold, strict=True))
        n_pred, n_gold = pred.count(a), gold.count(a)
        f1s.append(2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0)
    accuracy = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)
    return round(float(np.mean(f1s)), 4), round(accuracy, 4)


def proposed_sets(logits: np.ndarray) -> list[set[str]]:
    """Top ground plus every ground with a positive logit (p ≥ 0.5 at any temperature)."""
    sets = []
    for row in np.atleast_2d(logits):
        chosen = {GROUND_LABELS[int(np.argmax(row))]}
        chosen |= {GROUND_LABELS[k] for k in np.flatnonzero(row >= 0)}
        sets.append(chosen)
    return sets


def ground_scores(logits: np.ndarray, docs: Sequence[DisclosureDoc]) -> tuple[float, float, float]:
    """(micro F1, recall, precision) of proposed grounds on not_public ``docs``."""
    tp = n_pred = n_gold = 0
    for chosen, doc in zip(proposed_sets(logits), docs, strict=True):
        gold = set(doc.not_public_grounds)
        tp += len(chosen & gold)
        n_pred += len(chosen)
        n_gold += len(gold)
    if not n_gold:
        return 0.0, 0.0, 0.0
    recall, precision = tp / n_gold, tp / n_pred if n_pred else 0.0
    f1 = 2 * tp / (n_pred + n_gold)
    return round(f1, 4), round(recall, 4), round(precision, 4)


def topic_accuracy(
    logits: np.ndarray, docs: Sequence[DisclosureDoc], topics: Sequence[str]
) -> float:
    if not docs or not len(topics):
        return 0.0
    pred = [topics[int(i)] for i in np.argmax(logits, axis=1)]
    return round(sum(p == d.topic for p, d in zip(pred, docs, strict=True)) / len(docs), 4)


def not_public(docs: Sequence[DisclosureDoc]) -> list[DisclosureDoc]:
    return [d for d in docs if d.attribute == "not_public"]
