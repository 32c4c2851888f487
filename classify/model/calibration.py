"""Temperature scaling, fitted on dev, and the reliability table that checks it.

Why a temperature: one positive number per head divides the logits before softmax (or
sigmoid). It leaves every decision unchanged (argmax, and sign for a multi-label head), so
selection on dev and calibration on dev do not interact, and it cannot overfit the small dev
split the way isotonic regression would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

T_GRID = np.exp(np.linspace(np.log(0.02), np.log(50.0), 801))
"""Temperatures tried, log-spaced; a grid is deterministic and NLL is smooth in log T."""


def softmax(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def sigmoid(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    return np.exp(-np.logaddexp(0.0, -z))  # 1 / (1 + e^-z), without overflow


def softmax_nll(logits: np.ndarray, y: np.ndarray, t: float) -> float:
    p = softmax(np.asarray(logits) / t)
    return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0))))


def sigmoid_nll(logits: np.ndarray, y: np.ndarray, t: float) -> float:
    p = np.clip(sigmoid(np.asarray(logits) / t), 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def fit_temperature(logits: np.ndarray, y: np.ndarray, *, multilabel: bool = False) -> float:
    """The temperature of least negative log-likelihood on (logits, y); 1.0 without data.

    ``y``: class indices for a softmax head, a 0/1 matrix shaped like ``logits`` for a
    multi-label (sigmoid) head.
    """
    logits, y = np.asarray(logits, dtype=np.float64), np.asarray(y)
    if logits.size == 0 or len(y) == 0:
        return 1.0
    nll = sigmoid_nll if multilabel else softmax_nll
    losses = [nll(logits, y, float(t)) for t in T_GRID]
    return round(float(T_GRID[int(np.argmin(losses))]), 4)


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    lower: float
    upper: float
    count: int
    mean_confidence: float | None  # None for an empty bin
    accuracy: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reliability_table(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> list[ReliabilityBin]:
    """Equal-width bins over [0, 1]: mean confidence, accuracy and count in each."""
    conf = np.asarray(confidences, dtype=np.float64)
    ok = np.asarray(correct, dtype=np.float64)
    which = np.minimum((conf * bins).astype(int), bins - 1) if conf.size else conf.astype(int)
    table = []
    for b in range(bins):
        mask = which == b
        n = int(mask.sum())
        table.append(
            ReliabilityBin(
                lower=round(b / bins, 4),
                upper=round((b + 1) / bins, 4),
                count=n,
                mean_confidence=round(float(conf[mask].mean()), 4) if n else None,
                accuracy=round(float(ok[mask].mean()), 4) if n else None,
            )
        )
    return table


def expected_calibration_error(table: Sequence[ReliabilityBin]) -> float:
    """Σ count/N · |accuracy − mean confidence| over the bins."""
    total = sum(b.count for b in table)
    if not total:
        return 0.0
    gap = sum(
        b.count * abs(b.accuracy - b.mean_confidence)
        for b in table
        if b.count and b.accuracy is not None and b.mean_confidence is not None
    )
    return round(gap / total, 4)
