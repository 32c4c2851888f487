"""Pseudonyms for people: surname + 某 + a stem (张某甲, 张某乙), the same for the same person
in every document, distinct for different people who share a surname in one document.

Why keyed: a pseudonym must not be reversible by anyone who guesses the name. The stem is
chosen by an HMAC of the full name under a secret salt (``redact.salt``), so the same person
gets the same stem in every document of a batch without any stored table, and nobody without
the salt can test a guessed name against a pseudonym. Two people of one surname in one
document whose HMACs pick the same stem are told apart by taking the next free stem, in the
order of their HMACs (so the outcome does not depend on where they stand in the text).
"""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from gkreview.redact.recognizers.surnames import split_surname

HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


@dataclass(frozen=True, slots=True)
class PseudonymParams:
    filler: str = "某"
    stems: str = HEAVENLY_STEMS  # then stem+branch pairs when a surname has more people


def _digest(salt: bytes, name: str) -> int:
    return int.from_bytes(hmac.new(salt, name.encode("utf-8"), hashlib.sha256).digest()[:8])


def _labels(params: PseudonymParams) -> list[str]:
    pairs = [s + b for s in params.stems for b in EARTHLY_BRANCHES]
    return list(params.stems) + pairs


def assign_pseudonyms(
    names: Iterable[str], salt: bytes, params: PseudonymParams = PseudonymParams()
) -> dict[str, str]:
    """Each distinct name of one document → its pseudonym."""
    labels = _labels(params)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys(names):
        parts = split_surname(name)
        by_surname[parts[0] if parts else ""].append(name)
    out: dict[str, str] = {}
    for surname, group in by_surname.items():
        taken: set[int] = set()
        for name in sorted(group, key=lambda n: _digest(salt, n)):
            slot = _digest(salt, name) % len(params.stems)
            while slot in taken and len(taken) < len(labels):  # a clash: the next free label
                slot = (slot + 1) % len(labels)
            label = labels[slot] if slot not in taken else f"{len(taken) + 1}"
            taken.add(slot)
            out[name] = f"{surname or ''}{params.filler}{label}"
    return out
