"""Appointment notices for leading officials (任免): public (第二十条第（二）项, 负责人姓名).

Why the 文种 and the formula: an appointment is announced by a 通知 or 决定 whose title says
任免/任职/免职, or whose body says 任命…为…局长 / 免去…职务. The officials are named in their
public role, so their names are kept, not de-identified.
"""

from __future__ import annotations

import re

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit

_TITLE = re.compile(r"任免|任职|免职|职务任命|人事任命")
_POSTS = (
    r"局长|主任|厅长|部长|市长|区长|县长|镇长|乡长|院长|署长|秘书长|委员(?!会)|书记|主席|负责人"
    r"|行长|所长|站长|处长|科长|队长|校长"
)
_FORMULA = re.compile(
    rf"(?:任命|聘任|提名)[^。;；,，\n]{{1,30}}?为[^。;；,，\n]{{0,40}}(?:{_POSTS})"
    rf"|免去[^。;；,，\n]{{1,40}}(?:{_POSTS})[^。;；,，\n]{{0,6}}职务"
)
_TYPES = frozenset({"通知", "决定", "公告", "通报"})


def appointment_notice(ctx: RuleContext) -> list[RuleHit]:
    """A 任免 notice: title cue, or the appointment formula in the body of a 通知/决定."""
    if ctx.meta.doc_type not in _TYPES:
        return []
    cue = ctx.title_search(_TITLE)
    formula = ctx.first(_FORMULA, ctx.head_end, ctx.body_end)
    if cue is None and formula is None:
        return []
    evidence = [e for e in (cue, formula) if e is not None]
    return [
        RuleHit.of(
            "art20_heads",
            f"本件是领导干部任免{ctx.meta.doc_type}（“{evidence[-1].quoted}”），"
            "涉及机关负责人姓名，应主动公开",
            evidence,
            weight=1.0,
            rule="appointment_notice",
        )
    ]
