"""The reason codes: each code's attribute, Chinese ground and article of the 条例 (2019).

Why a table: a reason printed on a review must name its legal ground exactly as the contract
(shared/contract/README.md) spells it, and every rule must agree on it. Rules therefore name a
code only; the attribute, label and article are looked up here, so that a rule cannot pair
``process_information`` with the wrong article or make a public code withhold a document.

The eight ``not_public`` codes are the contract's. The ``public`` and ``on_request`` codes are
ours (the contract lets them carry codes of their own): one per item of 第十九条, 第二十条,
第二十一条 and 第五十条 that the rules recognise, and two for 第二十七条.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Attribute = Literal["public", "on_request", "not_public"]

ATTRIBUTES: tuple[Attribute, ...] = ("not_public", "on_request", "public")
"""All attributes, most restrictive first: the order in which ties are broken."""


@dataclass(frozen=True, slots=True)
class AttributeLabel:
    label: str  # 主动公开 | 依申请公开 | 不予公开
    marking: str  # the 附注 line, without brackets


LABELS: MappingProxyType[str, AttributeLabel] = MappingProxyType(
    {
        "public": AttributeLabel("主动公开", "此件公开发布"),
        "on_request": AttributeLabel("依申请公开", "此件依申请公开"),
        "not_public": AttributeLabel("不予公开", "此件不予公开"),
    }
)


@dataclass(frozen=True, slots=True)
class Ground:
    code: str
    attribute: Attribute
    label: str  # the ground in Chinese
    article: str  # where the 条例 says so


def _table(*grounds: Ground) -> MappingProxyType[str, Ground]:
    return MappingProxyType({g.code: g for g in grounds})


GROUNDS: MappingProxyType[str, Ground] = _table(
    # 不予公开: the contract's eight codes.
    Ground("state_secret", "not_public", "国家秘密", "第十四条"),
    Ground("law_prohibited", "not_public", "法律、行政法规禁止公开", "第十四条"),
    Ground(
        "security_stability",
        "not_public",
        "危及国家安全、公共安全、经济安全、社会稳定",
        "第十四条",
    ),
    Ground("commercial_secret", "not_public", "商业秘密", "第十五条"),
    Ground("personal_privacy", "not_public", "个人隐私", "第十五条"),
    Ground(
        "internal_affairs",
        "not_public",
        "内部事务信息（人事管理、后勤管理、内部工作流程）",
        "第十六条第一款",
    ),
    Ground(
        "process_information",
        "not_public",
        "过程性信息（讨论记录、过程稿、磋商信函、请示报告）",
        "第十六条第二款",
    ),
    Ground("enforcement_case_file", "not_public", "行政执法案卷信息", "第十六条第二款"),
    # 主动公开: 第十九条 (general clause) and the items of 第二十条, 第二十一条, 第五十条.
    Ground("art19_participation", "public", "需要公众参与决策（公开征求意见）", "第十九条"),
    Ground("art19_public_notice", "public", "需要社会公众广泛知晓（公告、通告、公示）", "第十九条"),
    Ground("art19_work_report", "public", "涉及公众利益、需要公众广泛知晓的工作报告", "第十九条"),
    Ground("art20_normative", "public", "行政法规、规章和规范性文件", "第二十条第（一）项"),
    Ground("art20_heads", "public", "机关职能、机构设置、负责人姓名", "第二十条第（二）项"),
    Ground("art20_planning", "public", "规划及相关政策", "第二十条第（三）项"),
    Ground("art20_statistics", "public", "国民经济和社会发展统计信息", "第二十条第（四）项"),
    Ground(
        "art20_licensing", "public", "行政许可的依据、条件、程序及办理结果", "第二十条第（五）项"
    ),
    Ground("art20_penalty", "public", "具有一定社会影响的行政处罚决定", "第二十条第（六）项"),
    Ground("art20_budget", "public", "财政预算、决算信息", "第二十条第（七）项"),
    Ground("art20_fees", "public", "行政事业性收费项目及其依据、标准", "第二十条第（八）项"),
    Ground(
        "art20_procurement",
        "public",
        "政府集中采购项目的目录、标准及实施情况",
        "第二十条第（九）项",
    ),
    Ground("art20_major_projects", "public", "重大建设项目的批准和实施情况", "第二十条第（十）项"),
    Ground(
        "art20_livelihood",
        "public",
        "扶贫、教育、医疗、社会保障、促进就业等方面的政策措施",
        "第二十条第（十一）项",
    ),
    Ground(
        "art20_emergency",
        "public",
        "突发公共事件的应急预案、预警信息及应对情况",
        "第二十条第（十二）项",
    ),
    Ground(
        "art20_inspection",
        "public",
        "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
        "第二十条第（十三）项",
    ),
    Ground(
        "art20_civil_service",
        "public",
        "公务员招考的职位、名额、条件及录用结果",
        "第二十条第（十四）项",
    ),
    Ground(
        "art21_local",
        "public",
        "市政建设、公共服务、土地征收、房屋征收、社会救助等",
        "第二十一条",
    ),
    Ground("art50_annual_report", "public", "政府信息公开工作年度报告", "第五十条"),
    # 依申请公开.
    Ground("on_request_own_matter", "on_request", "仅涉及特定对象自身事项", "第二十七条"),
    Ground("no_public_category", "on_request", "未识别出应当主动公开的类别", "第二十七条"),
    # What the trained classifier proposes where no rule speaks; a person must confirm it.
    Ground("model_public", "public", "分类模型判断应主动公开", "第十九条"),
    Ground("model_on_request", "on_request", "分类模型判断宜依申请公开", "第二十七条"),
)

NOT_PUBLIC_CODES: frozenset[str] = frozenset(
    code for code, g in GROUNDS.items() if g.attribute == "not_public"
)
"""The contract's eight codes; a ``not_public`` proposal always carries one of them."""


def ground(code: str) -> Ground:
    """The ground of ``code``; a KeyError names the unknown code (a rule's typo)."""
    try:
        return GROUNDS[code]
    except KeyError:
        raise KeyError(f"unknown reason code {code!r}") from None
