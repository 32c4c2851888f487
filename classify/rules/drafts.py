"""Drafts: circulated for internal comment (process information) or published for public
comment (public, 第十九条).

Why both in one module: the two cases share their cue (征求意见稿) and differ only in whom the
draft is sent to. A draft sent to 各单位 with 请于…前反馈 is a 过程稿 (第十六条第二款); the
same draft published with 向社会公开征求意见 / 公众可通过…提出意见 asks the public to take part
in a decision and must be public (第十九条). The public case therefore suppresses the internal one.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import Evidence, RuleHit

_DRAFT = re.compile(r"征求意见稿|讨论稿|送审稿|修改稿|初稿|草案|征求[^。]{0,40}意见")
_PUBLIC = re.compile(
    r"(?:面向|向)社会(?:各界|公众)?(?:公开)?征求意见(?!前|之前|后|以后)"
    r"|公开征求(?:社会|公众|社会公众)?意见(?!前|之前|后|以后)"
    r"|(?:社会)?公众可(?:以)?(?:通过|在|于|登录|将|采用)"
    r"|欢迎社会各界|社会各界(?:人士)?(?:可|如有)|任何(?:单位|组织|公民)和个人(?:均)?可"
)
_FEEDBACK = re.compile(
    r"请于[^。\n]{0,30}(?:前|之前)[^。\n]{0,20}(?:反馈|报送|送|提出|回复|书面)"
    r"|反馈(?:至|到|给)|逾期[^。\n]{0,8}视为(?:无意见|同意)|书面(?:修改)?意见"
)
_INTERNAL_ADDRESSEE = re.compile(r"^各|单位|部门|处室|委、办、局")


def public_consultation(ctx: RuleContext) -> list[RuleHit]:
    """The text invites the public to comment: ``art19_participation`` (strong)."""
    cue = _public_cue(ctx)
    if cue is None:
        return []
    return [
        RuleHit.of(
            "art19_participation",
            f"文中写明“{cue.quoted}”，属于需要公众参与决策、向社会公开征求意见的信息，应主动公开",
            [*ctx.title_evidence(), cue],
            weight=1.2,
            rule="public_consultation",
        )
    ]


def internal_draft(ctx: RuleContext) -> list[RuleHit]:
    """A draft in the title, circulated to units for feedback: ``process_information``."""
    draft = ctx.title_search(_DRAFT)
    if draft is None or _public_cue(ctx) is not None:
        return []
    evidence: list[Evidence] = [draft]
    addressee = ctx.meta.addressee or ""
    circulated = bool(addressee and _INTERNAL_ADDRESSEE.search(addressee))
    if circulated:
        evidence += ctx.span_evidence(ctx.meta.addressee_span)
    feedback = ctx.first(_FEEDBACK, ctx.head_end, ctx.body_end)
    if feedback:
        evidence.append(feedback)
    if circulated or feedback:
        why = "本件在内部征求有关单位意见、限期反馈，是尚未定稿的过程稿"
        weight = 1.0
    else:
        why = "本件是尚未定稿的过程稿"
        weight = 0.7
    return [
        RuleHit.of(
            "process_information",
            f"标题中有“{draft.quoted}”，{why}，属于过程性信息",
            evidence,
            weight=weight,
            rule="internal_draft",
        )
    ]


def _public_cue(ctx: RuleContext) -> Evidence | None:
    for ev in ctx.find(_PUBLIC, ctx.meta.title_span.start if ctx.meta.title_span else 0):
        if not ctx.negated(ev.start, window=3):
            return ev
    return None
