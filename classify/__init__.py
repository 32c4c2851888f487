"""The disclosure attribute (公开属性): explainable rules, their grounds, and how they combine.

Public API: :func:`propose` (one document's proposal), :class:`Proposal`, :class:`Reason`,
the grounds table :data:`GROUNDS` and :data:`DEFAULT_RULES`.
"""

from gkreview.classify.grounds import GROUNDS, NOT_PUBLIC_CODES
from gkreview.classify.propose import FindingLike, Proposal, Reason, propose
from gkreview.classify.rules import DEFAULT_RULES

__all__ = [
    "DEFAULT_RULES",
    "GROUNDS",
    "NOT_PUBLIC_CODES",
    "FindingLike",
    "Proposal",
    "Reason",
    "propose",
]
