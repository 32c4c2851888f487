"""Process information (过程性信息, 第十六条第二款): 请示, 报告 to a superior, minutes, 磋商函.

Why structural: the ground attaches to what the document *is*, which the 文种 at the end of
its title and its 主送机关 say. The word 请示 in the body of a 通知 does not make the 通知 a
请示, and a 报告 published to the public (政府工作报告, 年度报告) has no superior addressee.
Drafts are in :mod:`gkreview.classify.rules.drafts`.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_DELIBERATION = re.compile(
    r"会议(?:认为|指出|强调|要求|议定|决定|同意|原则同意)|讨论|研究|审议|议定"
)
_CONSULTATION = re.compile(r"商请|征求|商洽|协商|会商|磋商")
_PUBLIC_REPORT = re.compile(r"政府工作报告|年度报告|统计|公报|白皮书")


def request_to_superior(ctx: RuleContext) -> list[RuleHit]:
    """文种 请示: a request to a superior for instructions or approval."""
    if ctx.meta.doc_type != "请示":
        return []
    return [
        RuleHit.of(
            "process_information",
            f"标题“{ctx.title}”表明本件是请示，属于向上级机关请示报告的过程性信息",
            ctx.title_evidence(),
            weight=1.0,
            rule="request_to_superior",
        )
    ]


def report_to_superior(ctx: RuleContext) -> list[RuleHit]:
    """文种 报告 with one superior addressee (not 各…): a report upward, not to the public."""
    meta = ctx.meta
    if meta.doc_type != "报告" or not meta.addressee or meta.addressee.startswith("各"):
        return []
    if _PUBLIC_REPORT.search(ctx.title):
        return []
    return [
        RuleHit.of(
            "process_information",
            f"本件是主送“{meta.addressee}”的报告，属于向上级机关请示报告的过程性信息",
            ctx.title_evidence() + ctx.span_evidence(meta.addressee_span),
            weight=1.0,
            rule="report_to_superior",
        )
    ]


def deliberation_minutes(ctx: RuleContext) -> list[RuleHit]:
    """会议纪要 / 会议记录: a record of deliberation (讨论记录)."""
    if ctx.meta.doc_type not in ("会议纪要", "纪要", "会议记录"):
        return []
    cue = ctx.first(_DELIBERATION, ctx.head_end, ctx.body_end)
    evidence = ctx.title_evidence() + ([cue] if cue else [])
    said = f"，并记载了“{cue.quoted}”等研究讨论过程" if cue else ""
    return [
        RuleHit.of(
            "process_information",
            f"本件是{ctx.meta.doc_type}{said}，属于讨论记录类过程性信息",
            evidence,
            weight=1.0 if cue else 0.8,
            rule="deliberation_minutes",
        )
    ]


def consultation_letter(ctx: RuleContext) -> list[RuleHit]:
    """A 函 that consults another office (商请, 征求意见, 协商): a 磋商信函."""
    if ctx.meta.doc_type != "函":
        return []
    cue = ctx.title_search(_CONSULTATION)
    if cue is None:
        return []
    return [
        RuleHit.of(
            "process_information",
            f"标题中有“{cue.quoted}”，本件是机关之间的磋商信函",
            [cue],
            weight=0.9,
            rule="consultation_letter",
        )
    ]
