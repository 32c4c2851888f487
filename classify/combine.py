"""How rule hits become one attribute and a confidence.

Why this way: the rules are explainable one by one, so their combination must be too.
1. A decisive hit (a secrecy marking) settles the attribute alone; nothing can make a
   document with 绝密/机密/秘密★ ``public``.
2. Otherwise each attribute scores the sum of its hits' weights and the best score wins.
   Ties go to the more restrictive attribute (not_public > on_request > public): a wrong
   ``public`` cannot be undone once published, a wrong withholding is corrected at the
   periodic re-review (第十八条), and a tie shows up as low confidence for a person anyway.
3. Confidence comes from the margin between the winner and the runner-up::

       confidence = FLOOR + SPAN * (best - runner_up) / (best + runner_up + 1)

   so a tie gives FLOOR (0.45), a lone structural cue of weight 1.0 gives 0.70, two agreeing
   cues (2.0) give 0.78, and it never reaches FLOOR + SPAN (0.95), which is kept for
   decisive hits (0.97). The "+ 1" keeps a single weak cue from looking certain. With no hit
   at all the caller proposes ``on_request`` at NO_HIT_CONFIDENCE (0.4). These constants are
   uncalibrated guesses, to be fitted on the labelled corpus later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from gkreview.classify.evidence import RuleHit
from gkreview.classify.grounds import ATTRIBUTES, Attribute

FLOOR = 0.45
SPAN = 0.5
DECISIVE_CONFIDENCE = 0.97
NO_HIT_CONFIDENCE = 0.4


@dataclass(frozen=True, slots=True)
class Verdict:
    attribute: Attribute
    confidence: float
    scores: Mapping[str, float]  # summed weight per attribute
    support: tuple[RuleHit, ...]  # the hits for the chosen attribute, strongest first


def margin_confidence(best: float, runner_up: float) -> float:
    """The documented formula above; 0 <= runner_up <= best."""
    return FLOOR + SPAN * (best - runner_up) / (best + runner_up + 1.0)


def combine(hits: Iterable[RuleHit]) -> Verdict | None:
    """The attribute the voting hits support; None when no hit votes (``part`` and ``cue``
    hits don't)."""
    voting = [h for h in hits if not h.part and not h.cue]
    if not voting:
        return None
    scores = {a: sum(h.weight for h in voting if h.attribute == a) for a in ATTRIBUTES}
    decisive = [h for h in voting if h.decisive]
    if decisive:
        attribute = next(a for a in ATTRIBUTES if any(h.attribute == a for h in decisive))
        confidence = DECISIVE_CONFIDENCE
    else:
        # max() keeps the first of equal scores, and ATTRIBUTES is most restrictive first.
        attribute = max(ATTRIBUTES, key=lambda a: scores[a])
        runner_up = max((s for a, s in scores.items() if a != attribute), default=0.0)
        confidence = margin_confidence(scores[attribute], runner_up)
    support = sorted(
        (h for h in voting if h.attribute == attribute),
        key=lambda h: (not h.decisive, -h.weight),
    )
    return Verdict(attribute, round(confidence, 4), MappingProxyType(scores), tuple(support))
