"""Public categories recognised by the title: the items of 第二十条, 第二十一条 and 第五十条.

Why a table: each item is one pattern on the title and one sentence; a table keeps them
reviewable side by side and lets a test check that every code exists. They look at the
title only (what the document is about), never at the body, where a 通知 may mention 预算 or
规划 in passing. Weights stay below a 文种 cue (0.8): a 请示 about a budget is still a 请示.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import RuleHit


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    pattern: re.Pattern[str]
    what: str  # completes "属于…" in the explanation
    weight: float = 0.8


CATEGORIES: tuple[Category, ...] = (
    Category("art20_planning", re.compile(r"规划|发展纲要"), "规划及相关政策"),
    Category(
        "art20_statistics",
        re.compile(r"统计公报|统计数据|统计年鉴|统计信息|经济运行情况"),
        "国民经济和社会发展统计信息",
        1.0,
    ),
    Category(
        "art20_licensing",
        re.compile(
            r"行政许可(?:决定书|结果|事项|目录|办理)|准予(?:行政)?许可|许可证(?:核发|发放)结果"
        ),
        "行政许可的依据、条件、程序及办理结果",
        1.0,
    ),
    Category(
        "art20_budget",
        re.compile(r"预算|决算|三公经费"),
        "财政预算、决算信息",
    ),
    Category("art20_fees", re.compile(r"收费(?:项目|标准|目录|清单)"), "行政事业性收费信息"),
    Category(
        "art20_procurement",
        re.compile(
            r"招标公告|采购公告|中标(?:结果)?公告|成交(?:结果)?公告|采购意向|采购目录|招标文件"
        ),
        "政府采购信息",
        1.0,
    ),
    Category("art20_major_projects", re.compile(r"重大(?:建设)?项目"), "重大建设项目信息"),
    Category(
        "art20_livelihood",
        re.compile(r"扶贫|就业|社会保障|医疗保障|养老保险|义务教育|助学"),
        "扶贫、教育、医疗、社会保障、促进就业方面的政策措施",
        0.5,
    ),
    Category(
        "art20_emergency",
        re.compile(r"应急预案|预警信息|突发(?:公共)?事件[^。]{0,10}应对"),
        "突发公共事件的应急预案、预警及应对信息",
        1.0,
    ),
    Category(
        "art20_inspection",
        re.compile(r"(?:监督)?抽检|抽查结果|监督检查情况|监测结果|检查结果|质量状况"),
        "监督检查情况",
    ),
    Category(
        "art20_civil_service",
        re.compile(r"公务员[^。]{0,10}(?:招考|招录|考试录用|录用)|考试录用公务员|拟录用|招录"),
        "公务员招考和录用信息",
        1.0,
    ),
    Category(
        "art20_heads",
        re.compile(r"主要职责|内设机构|机构设置|人员编制规定|三定"),
        "机关职能、机构设置信息",
    ),
    Category(
        "art21_local",
        re.compile(r"征收|征地|拆迁|社会救助|最低生活保障|特困人员|市政(?:建设|设施)|公共服务"),
        "市政建设、公共服务、土地房屋征收、社会救助等信息",
    ),
    Category(
        "art50_annual_report",
        re.compile(r"政府信息公开工作年度报告"),
        "政府信息公开工作年度报告，应当向社会公布",
        1.0,
    ),
    Category(
        "art19_work_report",
        re.compile(r"政府工作报告|国民经济和社会发展计划执行情况"),
        "需要公众广泛知晓的工作报告",
        1.0,
    ),
)


def public_categories(ctx: RuleContext) -> list[RuleHit]:
    """One hit per category whose pattern the title matches."""
    hits: list[RuleHit] = []
    for cat in CATEGORIES:
        cue = ctx.title_search(cat.pattern)
        if cue is None:
            continue
        hits.append(
            RuleHit.of(
                cat.code,
                f"标题中有“{cue.quoted}”，属于{cat.what}，应主动公开",
                [cue],
                weight=cat.weight,
                rule=f"public_categories:{cat.code}",
            )
        )
    return hits
