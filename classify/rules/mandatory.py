"""第十四条 beyond state secrets: other laws forbid disclosure; security or stability at risk.

Why declarations only: these grounds cannot be inferred from a topic; the tool only repeats
what the document says about *itself* (a sentence naming 本件/此件/本通知 …, or the 附注
after the date), e.g. "本件涉及未成年人犯罪记录，依照《未成年人保护法》规定不予公开". The same
words about other information (a 通知 on disclosure work quoting 第十四条), or negated (不涉及),
are no declaration.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_LAW = re.compile(
    r"依法不(?:得|予|宜)公开|依照《[^》]{1,40}》[^。\n]{0,20}?不(?:得|予)公开"
    r"|根据《[^》]{1,40}》[^。\n]{0,20}?不(?:得|予)公开|(?:法律|行政法规)[^。\n]{0,10}(?:禁止|不得)公开"
)
_SECURITY = re.compile(r"(?:危及|危害|影响|威胁)(?:国家安全|公共安全|经济安全|社会稳定|金融稳定)")
_DISCLOSURE = re.compile(r"公开|公布|发布|披露|泄露|扩散")


def law_prohibited(ctx: RuleContext) -> list[RuleHit]:
    """The document says a law or administrative regulation forbids disclosing it."""
    found = ctx.declared(_LAW)
    if not found:
        return []
    return [
        RuleHit.of(
            "law_prohibited",
            f"文中载明“{found[0].quoted}”，属于法律、行政法规禁止公开的信息",
            found[:1],
            weight=1.0,
            rule="law_prohibited",
        )
    ]


def security_stability(ctx: RuleContext) -> list[RuleHit]:
    """The document says its disclosure may endanger security or social stability."""
    found = [
        ev for ev in ctx.declared(_SECURITY) if _DISCLOSURE.search(ctx.folded, ev.start, ev.end)
    ]
    if not found:
        return []
    return [
        RuleHit.of(
            "security_stability",
            f"文中载明“{found[0].quoted}”，公开后可能危及国家安全、公共安全、经济安全或社会稳定",
            found[:1],
            weight=1.0,
            rule="security_stability",
        )
    ]


_OPINION_TITLE = re.compile(r"舆情[^。\n]{0,12}(?:应对|处置|引导|管控)|(?:应对|对外)口径")
_OPINION_BODY = re.compile(r"口径|统一表述|不得自行发布|不得擅自发布|不得接受(?:媒体)?采访|约谈")


def public_opinion_response(ctx: RuleContext) -> list[RuleHit]:
    """舆情应对 guidance with its 口径: the agreed line and who may say what during an incident.

    Why withheld: published, the guidance itself becomes the story and the incident's
    handling is undone; it is not the public statement, which is released on its own.
    """
    title = ctx.title_search(_OPINION_TITLE)
    body = ctx.first(_OPINION_BODY, ctx.head_end)
    if title is None or body is None:
        return []
    return [
        RuleHit.of(
            "security_stability",
            f"标题为“{title.quoted}”，正文规定“{body.quoted}”，属于突发事件舆情应对的内部口径，"
            "公开可能危及社会稳定",
            [title, body],
            weight=1.0,
            rule="public_opinion_response",
        )
    ]
