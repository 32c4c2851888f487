"""Commercial secrets of a third party (商业秘密, 第十五条).

Why two scopes: a 评标报告 or a bidder's 投标文件 is a third party's commercial information as
a whole; a 中标结果公告 whose appended annex holds a bidder's price breakdown declared
商业秘密 is public with that annex withheld (区分处理). A declaration found after the 成文日期
(where annexes are appended) is therefore a ``part`` hit. Generic prose such as 保守商业秘密 or
不涉及商业秘密 is no declaration.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_TITLE = re.compile(r"评标报告|评标委员会|评审报告|投标文件|投标书|响应文件|报价单|报价明细|标书")
_DECLARATION = re.compile(
    r"(?:投标文件|报价|技术方案|标书|响应文件|本公司|我公司|我单位|投标人|供应商|第三方)"
    r"[^。\n;；]{0,30}?(?:属于|涉及|系|为|视为|作为|含有|包含)"
    r"(?:本公司|我公司|我单位|其|投标人|供应商)?的?商业秘密"
)


def commercial_secret(ctx: RuleContext) -> list[RuleHit]:
    """A bid-evaluation or bid document by title; or a third party's declaration of secrecy."""
    cue = ctx.title_search(_TITLE)
    if cue:
        return [
            RuleHit.of(
                "commercial_secret",
                f"标题中有“{cue.quoted}”，本件载有投标人报价、技术方案等第三方商业信息，"
                "公开可能损害第三方合法权益",
                [cue],
                weight=1.0,
                rule="commercial_secret",
            )
        ]
    hits: list[RuleHit] = []
    for ev in ctx.find(_DECLARATION, ctx.head_end):
        if ctx.negated(ev.end - 4, window=8):
            continue
        part = ev.start >= ctx.tail_start
        where = "附件中" if part else "文中"
        hits.append(
            RuleHit.of(
                "commercial_secret",
                f"{where}第三方声明“{ev.quoted}”，该部分属于商业秘密，公开前应征求第三方意见",
                [ev],
                weight=0.8,
                part=part,
                rule="commercial_secret",
            )
        )
        break
    return hits
