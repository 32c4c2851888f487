"""Span metrics for personal-data detection, and the characters a release would leak.

Pure functions over gold and predicted spans; the ``eval`` command feeds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Span = tuple[int, int, str]


@dataclass(slots=True)
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class LeakCount:
    """Characters of gold personal data that no flagged finding covers."""

    total: int = 0
    unflagged: int = 0

    @property
    def share(self) -> float:
        return self.unflagged / self.total if self.total else 0.0


@dataclass(slots=True)
class SpanScores:
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    leak: LeakCount = field(default_factory=LeakCount)

    def add(self, gold: Iterable[Span], predicted: Iterable[Span], labels: Iterable[str]) -> None:
        """Exact-match scoring: a prediction counts only with the same start, end and type."""
        gold_set, pred_set = set(gold), set(predicted)
        for label in labels:
            score = self.per_type.setdefault(label, TypeScore())
            g = {s for s in gold_set if s[2] == label}
            p = {s for s in pred_set if s[2] == label}
            score.tp += len(g & p)
            score.fp += len(p - g)
            score.fn += len(g - p)

    def add_leak(self, gold: Iterable[tuple[int, int]], flagged: Iterable[tuple[int, int]]) -> None:
        covered: set[int] = set()
        for start, end in flagged:
            covered.update(range(start, end))
        for start, end in gold:
            self.leak.total += end - start
            self.leak.unflagged += sum(1 for i in range(start, end) if i not in covered)

    def as_dict(self) -> dict[str, object]:
        return {
            "per_type": {label: s.as_dict() for label, s in sorted(self.per_type.items())},
            "unflagged_personal_chars": {
                "total": self.leak.total,
                "unflagged": self.leak.unflagged,
                "share": round(self.leak.share, 4),
            },
        }
