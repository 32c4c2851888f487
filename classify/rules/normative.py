"""Normative documents (规范性文件, 第二十条第（一）项) and notices to the public (第十九条).

Why the addressee: a 通知, 意见 or 决定 that binds the public is sent to the lower governments
and departments (各区人民政府，市政府各委、办、局) and printed for release; a 公告 or 通告 is
addressed to the public by its 文种. Work notices to the same addressees (召开会议, 报送材料)
are not norms and are left out. Drafts are never norms yet (see ``drafts``).
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_EXTERNAL = re.compile(
    r"各(?:省|自治区|直辖市|市|区|县|乡|镇)|人民政府|委、办、局|各部委|各直属机构|各有关部门|各有关单位"
)
_WORK_NOTICE = re.compile(
    r"召开|会议的通知|报送|上报|填报|推荐|参加|举办|培训|调研|督查|检查的通知"
    r"|任免|任职|免职|职务|表彰|奖励|批评"
)
_DRAFT = re.compile(r"征求意见|讨论稿|送审稿|草案|初稿")
_ISSUING = re.compile(r"印发|转发|发布")
_RULE_TYPES = frozenset({"办法", "规定", "条例", "细则", "规则", "实施细则"})
_POLICY_TYPES = frozenset({"通知", "意见", "决定", "通报"})


def normative_document(ctx: RuleContext) -> list[RuleHit]:
    """A policy 文种 sent to the lower governments, a 规章-like text, or a 政府令."""
    meta = ctx.meta
    if not ctx.title or _DRAFT.search(ctx.title):
        return []
    if meta.doc_type == "令":
        return [_hit("本件是政府令，属于规章", ctx.title_evidence(), 1.0)]
    addressee = meta.addressee or ""
    external = _EXTERNAL.search(addressee)
    if meta.doc_type in _POLICY_TYPES and external and not _WORK_NOTICE.search(ctx.title):
        issuing = ctx.title_search(_ISSUING)
        what = f"“{issuing.quoted}”政策文件的" if issuing else ""
        return [
            _hit(
                f"本件是主送“{addressee}”的{what}{meta.doc_type}，面向下级政府和部门普遍适用",
                ctx.title_evidence() + ctx.span_evidence(meta.addressee_span),
                1.0,
            )
        ]
    if meta.doc_type in _RULE_TYPES and not meta.addressee:
        return [_hit(f"本件是{meta.doc_type}，属于普遍适用的规范性文本", ctx.title_evidence(), 0.8)]
    return []


def public_notice(ctx: RuleContext) -> list[RuleHit]:
    """文种 公告 / 通告 (addressed to the public) and 公示."""
    doc_type = ctx.meta.doc_type
    if doc_type not in ("公告", "通告", "公示"):
        return []
    return [
        RuleHit.of(
            "art19_public_notice",
            f"本件以{doc_type}形式发布，面向社会公众，需要公众广泛知晓",
            ctx.title_evidence(),
            weight=1.0 if doc_type != "公示" else 0.8,
            rule="public_notice",
        )
    ]


def _hit(why: str, evidence: list, weight: float) -> RuleHit:
    return RuleHit.of(
        "art20_normative",
        f"{why}，属于应主动公开的规范性文件",
        evidence,
        weight=weight,
        rule="normative_document",
    )
