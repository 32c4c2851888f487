"""Markings printed at the top left: a state-secret level (decisive) and 内部 / 工作秘密.

Why decisive: a document bearing 绝密/机密/秘密★ is a state secret until it is declassified
(保守国家秘密法); no content cue may outvote that, so the attribute can never be ``public``.
工作秘密 is not a state secret: it is marked 内部 or 内部事项, never with the star, and is
withheld as internal affairs (第十六条) unless the officer finds a better ground.
"""

from __future__ import annotations

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit


def state_secret_marking(ctx: RuleContext) -> list[RuleHit]:
    """密级标志 (level, ★, period) at the top: ``state_secret``, decisive."""
    s = ctx.meta.secrecy
    if s is None:
        return []
    evidence = [ctx.evidence(s.start, s.end), *ctx.span_evidence(ctx.meta.copy_number_span)]
    return [
        RuleHit.of(
            "state_secret",
            f"文首标有密级标志“{s.text}”，属于国家秘密，依法不予公开",
            evidence,
            weight=1.0,
            decisive=True,
            rule="state_secret_marking",
        )
    ]


def internal_marking(ctx: RuleContext) -> list[RuleHit]:
    """``内部`` / ``内部事项`` / ``工作秘密`` at the top: ``internal_affairs``.

    Weighted above one structural cue (1.5) because it is the drafting office's own decision;
    a public category on the same document still lowers the confidence and shows the conflict.
    """
    m = ctx.meta.internal_marking
    if m is None:
        return []
    return [
        RuleHit.of(
            "internal_affairs",
            f"文首标有“{m.text}”标志，属于工作秘密或内部事项（不是国家秘密），"
            "可按内部事务信息不予公开",
            [ctx.evidence(m.start, m.end)],
            weight=1.5,
            rule="internal_marking",
        )
    ]
