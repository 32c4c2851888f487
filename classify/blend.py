"""How the trained model's probabilities and the rules' evidence make one proposal.

The rules explain; the model generalises past them. Neither alone decides (a secrecy
marking aside, which ``combine`` settles before this is reached). Each attribute's score
is the model's log-probability plus ``rule_weight`` times the rules' summed weights::

    z_a = log p_model(a) + rule_weight * rules(a);   p(a) = softmax(z)_a

so a rule of weight 1.0 multiplies the odds of its attribute by e^rule_weight, and the
confidence shown is p(attribute) of the result. ``RULE_WEIGHT`` was chosen on the dev split
of ``corpus/disclosure`` (see ``gkreview eval``); ties go to the more restrictive attribute.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from gkreview.classify.grounds import ATTRIBUTES, Attribute

RULE_WEIGHT = 1.0
_FLOOR = 1e-6


def blend(
    rule_scores: Mapping[str, float],
    model_probs: Mapping[str, float],
    rule_weight: float = RULE_WEIGHT,
) -> dict[Attribute, float]:
    z = {
        a: math.log(max(model_probs.get(a, 0.0), _FLOOR)) + rule_weight * rule_scores.get(a, 0.0)
        for a in ATTRIBUTES
    }
    top = max(z.values())
    exp = {a: math.exp(v - top) for a, v in z.items()}
    total = sum(exp.values())
    return {a: exp[a] / total for a in ATTRIBUTES}


def best(probs: Mapping[Attribute, float]) -> Attribute:
    """The most probable attribute; ATTRIBUTES is most restrictive first, max keeps the first."""
    return max(ATTRIBUTES, key=lambda a: probs[a])


# A not_public proposal lists the grounds the rules and the ground cues name, then every
# ground the model gives at least its threshold; the model's best ground alone only when
# nothing else named one. An officer reads a second candidate ground, with its probability,
# more easily than he notices a missing one. The threshold a model uses is stored in its
# config: chosen by grouped cross-validation when training refits (crossval.choose_threshold),
# this value otherwise.
GROUND_THRESHOLD = 0.5

# A ground a rule or cue names is dropped when the model gives it less than this and another
# ground stands (``propose._gate``). Chosen by grouped cross-validation on train + dev
# (benchmarks/measure_disclosure_cv.py; 0.05 dropped no right ground there and a third of
# the wrong ones), never on test.
RULE_GROUND_GATE = 0.05
