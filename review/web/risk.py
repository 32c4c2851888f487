"""The officers' queue is sorted by risk: how much harm a wrong release of this document
would do. A secrecy marking comes first, then what is proposed 不予公开, then documents with
much personal data, and within each, proposals the system is least sure of."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ATTRIBUTE_WEIGHT = {"not_public": 40.0, "on_request": 20.0, "public": 0.0}
# Personal data that identifies a person outright weighs more than a name.
TYPE_WEIGHT = {"CN_ID_CARD": 5.0, "BANK_CARD": 5.0, "CN_PASSPORT": 5.0, "HEALTH": 5.0}
# high: withheld or marked secret; medium: on request, or one identifying number to remove.
LEVELS = ((40.0, "high", "高"), (5.0, "medium", "中"), (0.0, "low", "低"))


def risk_score(review: Mapping[str, Any]) -> float:
    disclosure = review.get("disclosure", {})
    score = ATTRIBUTE_WEIGHT.get(disclosure.get("attribute", "public"), 0.0)
    secrecy = (review.get("document") or {}).get("secrecy")
    if secrecy:
        score += 100.0
    flagged = [f for f in review.get("findings", []) if f.get("action") != "keep"]
    score += min(30.0, sum(TYPE_WEIGHT.get(f.get("type", ""), 1.0) for f in flagged))
    score += 10.0 * (1.0 - float(disclosure.get("confidence", 1.0)))
    return round(score, 2)


def risk_level(score: float) -> tuple[str, str]:
    """(English code, Chinese label)."""
    for floor, code, label in LEVELS:
        if score >= floor:
            return code, label
    return LEVELS[-1][1], LEVELS[-1][2]
