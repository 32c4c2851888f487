"""What a profile decides on the whole document, after each finding got its treatment:
the penalised party's name in a penalty publicity, and pseudonyms that tell people apart.

Pure logic on the findings (anything with ``type``, ``start``, ``end``, ``text``,
``action``, ``replacement``, ``explanation``), so the pipeline and the tests share it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from gkreview.redact.operators.pseudonym import PseudonymParams, assign_pseudonyms
from gkreview.redact.policy import Policy

_LEAD = re.compile(r"[:：\s（(]*$")
PARTY_EXPLANATION = "处罚决定公示：被处罚当事人的姓名依法公示，按“{label}”策略予以保留。"


def party_names(text: str, findings: Sequence[Any], words: Sequence[str]) -> set[str]:
    """Names that stand right after a party word (当事人：张三, 违法行为人张三)."""
    if not words:
        return set()
    ending = re.compile("(?:" + "|".join(map(re.escape, words)) + r")[:：\s]*$")
    names: set[str] = set()
    for f in findings:
        if f.type != "PERSON":
            continue
        line_start = text.rfind("\n", 0, f.start) + 1
        before = text[max(line_start, f.start - 16) : f.start]
        if ending.search(before):
            names.add(f.text)
    return names


def apply_profile(
    text: str,
    findings: Sequence[Any],
    policy: Policy,
    salt: Callable[[], bytes],
) -> None:
    """Adjust the findings in place. ``salt`` is called only when pseudonyms are needed."""
    parties = party_names(text, findings, policy.party_words) if policy.party_action else set()
    for f in findings:
        if f.type == "PERSON" and f.text in parties and f.action != "keep":
            f.action = policy.party_action or f.action
            if f.action == "keep":
                f.replacement = None
            f.explanation = PARTY_EXPLANATION.format(label=policy.label)
    treatment = policy.treatments.get("PERSON")
    if treatment is None or not isinstance(treatment.params, PseudonymParams):
        return
    people = [f for f in findings if f.type == "PERSON" and f.action == "pseudonymize"]
    if not people:
        return
    names = assign_pseudonyms((f.text for f in people), salt(), treatment.params)
    for f in people:
        f.replacement = names[f.text]
