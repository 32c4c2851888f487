"""Administrative law-enforcement case files (行政执法案卷信息, 第十六条第二款).

Why separate from penalties: the 行政处罚决定书 is the outcome and is public when it has social
impact (第二十条第（六）项); the 询问笔录, 现场检查笔录 and the 案卷 that led to it are case
file. The 文种 tells them apart; a 决定书 that cites its 询问笔录 as evidence stays a 决定书.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_CASE_FILE_TYPES = frozenset(
    {"询问笔录", "讯问笔录", "调查笔录", "勘验笔录", "现场检查笔录", "现场检查记录", "笔录"}
)
_CASE_FILE_TITLE = re.compile(
    r"案卷|立案(?:审批|呈批)表|(?:案件)?调查终结报告|结案(?:审批|报告)|处理审批表|集体讨论记录"
)
# Form labels at the start of a line (询问人： 记录人： 被询问人：).
_FORM_LABELS = re.compile(r"(?m)^[ \t]*(?:询问人|讯问人|记录人|被询问人|被检查人|检查人)\s*[:：]")


def case_file(ctx: RuleContext) -> list[RuleHit]:
    """A 笔录 or 案卷 by its title, else an interview form by its labelled lines."""
    if ctx.meta.doc_type in _CASE_FILE_TYPES:
        return [_hit(f"本件是{ctx.meta.doc_type}", ctx.title_evidence(), 1.0)]
    cue = ctx.title_search(_CASE_FILE_TITLE)
    if cue:
        return [_hit(f"标题中有“{cue.quoted}”", [cue], 1.0)]
    labels = ctx.find(_FORM_LABELS)
    if len(labels) >= 2:
        return [_hit("文中有询问人、记录人等笔录栏目", labels[:3], 0.8)]
    return []


def _hit(why: str, evidence: list, weight: float) -> RuleHit:
    return RuleHit.of(
        "enforcement_case_file",
        f"{why}，属于行政执法过程中形成的案卷信息",
        evidence,
        weight=weight,
        rule="case_file",
    )
