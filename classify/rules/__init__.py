"""Disclosure rules, one ground or public category per module.

Each rule is a plain function ``(RuleContext) -> list[RuleHit]``; :data:`DEFAULT_RULES` lists
them in the order their hits are reported. The set is a tuple (immutable): to try another set,
pass your own to :func:`gkreview.classify.propose.propose`.
"""

from __future__ import annotations

from gkreview.classify.context import Rule
from gkreview.classify.rules.appointment import appointment_notice
from gkreview.classify.rules.categories import public_categories
from gkreview.classify.rules.commercial import commercial_secret
from gkreview.classify.rules.drafts import internal_draft, public_consultation
from gkreview.classify.rules.enforcement import case_file
from gkreview.classify.rules.ground_cues import ground_cues
from gkreview.classify.rules.internal import internal_management
from gkreview.classify.rules.mandatory import (
    law_prohibited,
    public_opinion_response,
    security_stability,
)
from gkreview.classify.rules.normative import normative_document, public_notice
from gkreview.classify.rules.on_request import own_matter_reply
from gkreview.classify.rules.penalty import penalty_decision
from gkreview.classify.rules.privacy import personal_privacy
from gkreview.classify.rules.process import (
    consultation_letter,
    deliberation_minutes,
    report_to_superior,
    request_to_superior,
)
from gkreview.classify.rules.secrecy import internal_marking, state_secret_marking

DEFAULT_RULES: tuple[Rule, ...] = (
    # 第十四条
    state_secret_marking,
    law_prohibited,
    security_stability,
    public_opinion_response,
    # 第十五条
    commercial_secret,
    personal_privacy,
    # 第十六条
    internal_marking,
    internal_management,
    request_to_superior,
    report_to_superior,
    deliberation_minutes,
    consultation_letter,
    internal_draft,
    case_file,
    # 第十九条至第二十一条, 第五十条
    public_consultation,
    normative_document,
    public_notice,
    penalty_decision,
    appointment_notice,
    public_categories,
    # 第二十七条
    own_matter_reply,
    # which ground a withheld document cites (does not vote)
    ground_cues,
)

__all__ = ["DEFAULT_RULES"]
