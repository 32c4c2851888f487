"""Penalty decisions (行政处罚决定书): public when they have social impact (第二十条第（六）项).

Why public by default: the regulation asks for penalty decisions "认为具有一定社会影响的" to be
published, and most local rules (e.g. 行政处罚决定公示) publish general-procedure decisions.
The party's personal data is de-identified first; the findings make that a partial disclosure.
Cases involving minors are never put online, so the cue drops out when the text says 未成年.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_TITLE = re.compile(r"(?:行政)?处罚决定书|行政处罚(?:信息|决定)?公示|行政处罚结果")
_MINOR = re.compile(r"未成年")


def penalty_decision(ctx: RuleContext) -> list[RuleHit]:
    """A 行政处罚决定书 or penalty publicity, by its title."""
    cue = ctx.title_search(_TITLE)
    if cue is None or ctx.first(_MINOR, ctx.head_end):
        return []
    return [
        RuleHit.of(
            "art20_penalty",
            f"本件是“{cue.quoted}”，具有一定社会影响的行政处罚决定应主动公开，"
            "公开前应对当事人个人信息去标识化",
            [cue],
            weight=0.9,
            rule="penalty_decision",
        )
    ]
