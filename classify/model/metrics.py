"""Scores of a disclosure classifier on labelled documents, whatever proposes the labels.

The rules (``propose``) and the trained model are scored by the same code: each gives, per
document, an attribute, the reasons' codes and a confidence (:class:`DisclosureGuess`).
``review/evaluation_disclosure.py`` runs a predictor over a split and renders the tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from gkreview.classify.grounds import NOT_PUBLIC_CODES
from gkreview.classify.model.calibration import (
    ReliabilityBin,
    expected_calibration_error,
    reliability_table,
)
from gkreview.classify.model.data import ATTRIBUTE_LABELS, GROUND_LABELS


class DisclosureGuess(NamedTuple):
    """What a predictor says of one document."""

    attribute: str
    grounds: tuple[str, ...]  # the proposed reasons' codes
    confidence: float  # in the proposed attribute


class Gold(Protocol):
    @property
    def attribute(self) -> str: ...
    @property
    def grounds(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int  # gold documents of the class
    predicted: int  # documents proposed as the class

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "predicted": self.predicted,
        }


@dataclass(frozen=True, slots=True)
class GroundRecall:
    recalled: int
    support: int

    @property
    def recall(self) -> float:
        return round(self.recalled / self.support, 4) if self.support else 0.0


@dataclass(slots=True)
class DisclosureScores:
    documents: int
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]  # gold attribute -> proposed attribute -> documents
    ground_recall: GroundRecall  # over (gold not_public document, gold ground) pairs
    per_ground: dict[str, GroundRecall]
    ground_precision: float  # proposed not_public codes on gold not_public documents that hold
    reliability: list[ReliabilityBin] = field(default_factory=list)
    ece: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_class": {k: v.as_dict() for k, v in self.per_class.items()},
            "confusion": self.confusion,
            "not_public_ground_recall": {
                "recall": self.ground_recall.recall,
                "recalled": self.ground_recall.recalled,
                "support": self.ground_recall.support,
                "precision": self.ground_precision,
                "per_ground": {
                    k: {"recall": v.recall, "recalled": v.recalled, "support": v.support}
                    for k, v in self.per_ground.items()
                },
            },
            "reliability": [b.as_dict() for b in self.reliability],
            "expected_calibration_error": self.ece,
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def score_disclosure(
    gold: Sequence[Gold], guesses: Sequence[DisclosureGuess], bins: int = 10
) -> DisclosureScores:
    """Accuracy, per-class P/R/F1, confusion, not_public ground recall, reliability.

    A gold not_public document's ground counts as recalled when the proposed reasons include
    it (so a document proposed public recalls none of its grounds). Macro F1 averages the
    three attributes, including one absent from ``gold`` (its F1 is then 0).
    """
    if len(gold) != len(guesses):
        raise ValueError("one guess per gold document")
    labels = list(ATTRIBUTE_LABELS)
    extra = sorted({g.attribute for g in guesses} - set(labels))
    confusion = {a: dict.fromkeys(labels + extra, 0) for a in labels}
    for doc, guess in zip(gold, guesses, strict=True):
        confusion[doc.attribute][guess.attribute] += 1
    per_class = {}
    for a in labels:
        tp = confusion[a][a]
        support = sum(confusion[a].values())
        predicted = sum(row.get(a, 0) for row in confusion.values())
        p, r = _ratio(tp, predicted), _ratio(tp, support)
        per_class[a] = ClassScores(p, r, _f1(p, r), support, predicted)
    correct = [doc.attribute == guess.attribute for doc, guess in zip(gold, guesses, strict=True)]
    recalled = dict.fromkeys(GROUND_LABELS, 0)
    support = dict.fromkeys(GROUND_LABELS, 0)
    proposed_total = proposed_right = 0
    for doc, guess in zip(gold, guesses, strict=True):
        if doc.attribute != "not_public":
            continue
        gold_grounds = {g for g in doc.grounds if g in NOT_PUBLIC_CODES}
        proposed = set(guess.grounds)
        for g in gold_grounds:
            support[g] += 1
            recalled[g] += g in proposed
        proposed_np = proposed & NOT_PUBLIC_CODES
        proposed_total += len(proposed_np)
        proposed_right += len(proposed_np & gold_grounds)
    table = reliability_table([g.confidence for g in guesses], correct, bins)
    return DisclosureScores(
        documents=len(gold),
        accuracy=_ratio(sum(correct), len(correct)),
        macro_f1=round(sum(c.f1 for c in per_class.values()) / len(per_class), 4),
        per_class=per_class,
        confusion=confusion,
        ground_recall=GroundRecall(sum(recalled.values()), sum(support.values())),
        per_ground={g: GroundRecall(recalled[g], support[g]) for g in GROUND_LABELS},
        ground_precision=_ratio(proposed_right, proposed_total),
        reliability=table,
        ece=expected_calibration_error(table),
    )


def proposed_grounds(probs: dict[str, float], threshold: float = 0.5) -> tuple[str, ...]:
    """The most probable ground, then every other one at or above ``threshold``; best first."""
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], _order(kv[0])))
    if not ranked:
        return ()
    return tuple([ranked[0][0], *(code for code, p in ranked[1:] if p >= threshold)])


def _order(code: str) -> int:
    return GROUND_LABELS.index(code) if code in GROUND_LABELS else len(GROUND_LABELS)
