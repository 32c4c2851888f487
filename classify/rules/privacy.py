"""A document essentially about one private person's privacy (个人隐私, 第十五条).

Why narrow: almost every document names people, and names are handled by de-identification
(findings, partial disclosure). Only a document whose subject *is* a person's private life (病历,
诊断证明, the 家庭经济状况 of one applicant) is withheld as a whole. Public decisions about a
person (处罚决定书, 公示) are not: they are released with the person's data removed.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_TITLE = re.compile(
    r"病历|病案|诊断证明|体检报告|健康档案|病情|家庭经济状况|家庭经济困难|收入证明|个人档案"
    r"|个人信息表|婚姻状况|家庭情况调查"
)
_FIELDS = re.compile(
    r"(?:姓名|性别|出生(?:年月|日期)?|身份证(?:号码|号)?|(?:家庭)?住址|联系电话|民族)\s*[:：]"
)
_SENSITIVE = re.compile(
    r"病历|病史|诊断|病情|家庭经济|家庭收入|月收入|年收入|人均收入|家庭成员|婚姻状况|残疾等级|低保"
)
_PUBLIC_DECISIONS = frozenset(
    {"行政处罚决定书", "处罚决定书", "行政许可决定书", "公告", "通告", "公示", "通报"}
)


def personal_privacy(ctx: RuleContext) -> list[RuleHit]:
    """A privacy topic in the title, or a personal form with health or family-finance content."""
    cue = ctx.title_search(_TITLE)
    if cue:
        return [_hit(f"标题中有“{cue.quoted}”，本件内容是特定个人的隐私", [cue], 1.0)]
    if ctx.meta.doc_type in _PUBLIC_DECISIONS:
        return []
    fields = ctx.find(_FIELDS)
    sensitive = ctx.first(_SENSITIVE, ctx.head_end)
    if len(fields) >= 2 and sensitive:
        return [
            _hit(
                f"本件登记了个人的身份信息，并记载“{sensitive.quoted}”等健康或家庭经济情况",
                [*fields[:2], sensitive],
                0.7,
            )
        ]
    return []


def _hit(why: str, evidence: list, weight: float) -> RuleHit:
    return RuleHit.of(
        "personal_privacy",
        f"{why}，公开会损害其合法权益",
        evidence,
        weight=weight,
        rule="personal_privacy",
    )
