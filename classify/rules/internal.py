"""Internal affairs (内部事务信息, 第十六条第一款): personnel, logistics, internal procedure.

Why the addressee matters: 公务用车, 值班 or 考勤 in the title of a notice to the office's own
处室 is internal management; the same topic in a notice to 各区人民政府 is usually a policy
(e.g. 公务用车制度改革) and may well be a 规范性文件, so the cue is weak there.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_TOPIC = re.compile(
    r"食堂|就餐|公务用车|公车|车辆(?:使用|管理)|值班|考勤|请(?:休)?假|休假|人事管理|干部管理"
    r"|干部档案|人事档案|后勤|办公用品|办公用房|物业管理|内部管理|内部控制|机关管理|机关事务"
    r"|财务报销|报销|差旅|印章|保密工作|安全保卫|门禁|文件(?:流转|传阅)|公文处理|工作规则"
    r"|议事规则|职工(?:体检|福利)|工会"
)
_INTERNAL_ADDRESSEE = re.compile(r"处室|科室|机关各|本机关|局机关|厅机关|各中心|各直属单位")
_EXTERNAL_ADDRESSEE = re.compile(r"人民政府|各区|各县|各市|各省|委、办、局|各有关部门|社会")


def internal_management(ctx: RuleContext) -> list[RuleHit]:
    """An internal-management topic in the title, or a notice to the office's own 处室."""
    topic = ctx.title_search(_TOPIC)
    addressee = ctx.meta.addressee or ""
    inward = bool(_INTERNAL_ADDRESSEE.search(addressee)) and not _EXTERNAL_ADDRESSEE.search(
        addressee
    )
    outward = bool(_EXTERNAL_ADDRESSEE.search(addressee))
    if topic is None and not inward:
        return []
    evidence = ([topic] if topic else []) + (
        ctx.span_evidence(ctx.meta.addressee_span) if inward else []
    )
    if topic and inward:
        why, weight = f"标题涉及“{topic.quoted}”，且只主送本机关内设机构", 1.0
    elif topic:
        why, weight = f"标题涉及“{topic.quoted}”", 0.5 if outward else 0.9
    else:
        why, weight = f"只主送本机关内设机构（“{addressee}”）", 0.5
    return [
        RuleHit.of(
            "internal_affairs",
            f"{why}，属于人事、后勤或内部工作流程等内部事务信息",
            evidence,
            weight=weight,
            rule="internal_management",
        )
    ]
