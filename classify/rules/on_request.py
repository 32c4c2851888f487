"""A 批复 or 复函 to one company's or one person's application: 依申请公开 (第二十七条).

Why: such a reply concerns the applicant's own matter, not the public's; it is released to
whoever asks (and the applicant has it already). A 批复 to a lower *government* (区人民政府)
is left to the other rules: approving a 开发区 or a 规划 is often public.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_PRIVATE_ADDRESSEE = re.compile(
    r"(?:公司|集团|厂|合作社|商行|店|事务所|协会|学会|商会|医院|学校|幼儿园|研究所|同志|先生|女士)$"
)
_GOVERNMENT = re.compile(r"人民政府|政府|委员会|管委会|街道|(?:委|局|厅|办|办公室|部|署|乡|镇)$")
_YOU = re.compile(
    r"你(?:们)?(?:公司|单位|厂|院|校|社|会|所|中心|集团)|你(?:们)?(?:于|报来|提交|申请|的)"
)
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def own_matter_reply(ctx: RuleContext) -> list[RuleHit]:
    """批复/复函 (or a 函 answering 你公司…) whose addressee is a company or a person."""
    meta = ctx.meta
    if meta.doc_type not in ("批复", "复函", "函"):
        return []
    addressee = meta.addressee or ""
    private = bool(addressee) and _is_private(addressee)
    you = ctx.first(_YOU, ctx.head_end, ctx.body_end)
    if meta.doc_type == "函" and not (private and you):
        return []
    if not private and not (you and not addressee):  # no addressee: "你公司…" says who
        return []
    evidence = ctx.title_evidence() + ctx.span_evidence(meta.addressee_span)
    if you:
        evidence.append(you)
    who = f"“{addressee}”" if addressee else "申请人"
    return [
        RuleHit.of(
            "on_request_own_matter",
            f"本件是对{who}申请事项的{meta.doc_type}，仅涉及其自身事项，"
            "不属于应主动公开的类别，可依申请公开",
            evidence,
            weight=1.0,
            rule="own_matter_reply",
        )
    ]


def _is_private(addressee: str) -> bool:
    """A company, an institution or a person (``张三``), not a government body."""
    if _PRIVATE_ADDRESSEE.search(addressee):
        return True
    return _PERSON.match(addressee) is not None and not _GOVERNMENT.search(addressee)
