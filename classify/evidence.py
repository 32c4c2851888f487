"""What a rule returns: a hit with its attribute, ground and the exact text it rests on.

Why: a proposal is only useful to the officer who must sign it if every reason points at the
characters that triggered it, so evidence is always a span of the document's text
(``text[start:end] == evidence.text``) and never a paraphrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkreview.classify.grounds import Attribute, ground


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str

    @property
    def quoted(self) -> str:
        """The text for quoting in an explanation: line wraps and padding between CJK removed."""
        return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", self.text).strip()


@dataclass(frozen=True, slots=True)
class RuleHit:
    """One rule's finding about the whole document (or, with ``part``, about a part of it).

    ``weight`` is the rule's strength in the vote (about 1.0 for a structural fact such as the
    文种, less for a content cue). A ``decisive`` hit (a secrecy marking) settles the attribute
    alone. A ``part`` hit does not vote: it names a part to withhold when the document is
    otherwise released (区分处理, 第三十七条). A ``cue`` hit does not vote either: it names the
    ground to cite when the document is withheld (``rules.ground_cues``).
    """

    attribute: Attribute
    code: str
    article: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    weight: float = 1.0
    decisive: bool = False
    part: bool = False
    rule: str = ""  # the rule's name, for tracing
    cue: bool = False

    def __post_init__(self) -> None:
        g = ground(self.code)
        if g.attribute != self.attribute or g.article != self.article:
            raise ValueError(f"{self.code}: attribute/article disagree with the grounds table")
        if self.weight <= 0:
            raise ValueError(f"{self.code}: weight must be positive")

    @classmethod
    def of(
        cls,
        code: str,
        explanation: str,
        evidence: list[Evidence],
        weight: float = 1.0,
        *,
        decisive: bool = False,
        part: bool = False,
        rule: str = "",
        cue: bool = False,
    ) -> RuleHit:
        """A hit whose attribute and article come from the grounds table."""
        g = ground(code)
        return cls(
            g.attribute, code, g.article, explanation, evidence, weight, decisive, part, rule, cue
        )
