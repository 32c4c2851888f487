"""Ground cues: what a withheld document is *about*, to name its ground with evidence.

Why cues do not vote: the topic of a document does not decide whether it is withheld (a
public 通报 on 信访 work talks of 上访 too), so these hits never move the attribute. They
answer a second question, asked only once the rules and the model propose ``not_public``:
*which* ground of 第十四条 or 第十六条 to cite. Without them the ground falls to the
model, which has seen few documents per ground and names an unseen kind of security file
"internal affairs". Each cue family needs two distinct words, so one 立案 or one 稳定 in
passing names nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gkreview.classify.context import RuleContext
from gkreview.classify.evidence import Evidence, RuleHit


@dataclass(frozen=True, slots=True)
class GroundCue:
    code: str
    about: str  # what the words show, for the explanation
    why: str  # why that ground follows
    words: re.Pattern[str]
    min_distinct: int = 2


CUES: tuple[GroundCue, ...] = (
    GroundCue(
        "law_prohibited",
        "专门法律明确保护的信息",
        "相关法律、行政法规禁止公开",
        re.compile(
            r"《?(?:中华人民共和国)?(?:未成年人保护法|预防未成年人犯罪法|精神卫生法|税收征收管理法"
            r"|禁毒法|档案法|统计法|居民身份证法|传染病防治法|反洗钱法|保守国家秘密法)》?"
            r"|调查对象资料|单个调查对象|只能用于统计目的"
            r"|未成年人|精神障碍|精神病人|涉税信息|纳税人信息|戒毒人员|吸毒人员|强制隔离戒毒"
            r"|社区戒毒|未开放|尚未开放|开放期限|户籍信息|人口信息|统计调查对象|原始调查资料"
            r"|艾滋病|病毒感染者|犯罪记录|封存"
        ),
    ),
    GroundCue(
        "commercial_secret",
        "企业的技术、经营或财务信息",
        "公开可能损害第三方的合法权益",
        re.compile(
            r"商业秘密|技术秘密|核心技术|工艺参数|工艺流程|配方|源代码|专有技术|未公开的财务"
            r"|财务数据|财务报表|资产负债|净利润|毛利率|利润率|成本价|进货价|报价明细|报价构成"
            r"|客户名单|供货协议|经营信息|资产评估|评估价值|内幕信息|纳税申报"
        ),
    ),
    GroundCue(
        "personal_privacy",
        "个人身份、健康、家庭或财产信息",
        "公开会损害个人的合法权益",
        re.compile(
            r"公民身份号码|身份证号码?|家庭住址|户籍地|联系电话|手机号码?|出生年月|病情|病史|诊断"
            r"|患者|婚姻状况|配偶|子女|家庭成员|个人有关事项|个人收入|家庭收入|房产|存款|股票"
            r"|个人隐私|违法犯罪记录"
        ),
    ),
    GroundCue(
        "internal_affairs",
        "机关内部的人事、后勤或工作流程",
        "属于内部事务信息",
        re.compile(
            r"公文处理|收文|发文|文件传阅|机要|办文|签批|值班|带班|考勤|请销假|请假|办公用品"
            r"|领用|后勤|公务用车|车辆管理|食堂|会议室|机关内部|内部管理|干部考核|年度考核"
            r"|人事管理|工资|职级|个人有关事项"
        ),
        min_distinct=3,
    ),
    GroundCue(
        "security_stability",
        "维稳处置、安全保卫或安全隐患",
        "公开可能危及公共安全或社会稳定",
        re.compile(
            r"维护社会稳定|维稳|稳控|非正常上访|进京上访|越级上访|集体上访|群体性事件|聚集事件"
            r"|个人极端事件|极端事件|重点信访人员|重点人员|敏感时期|敏感节点|现场处置组"
            r"|重要目标|要害部位|安全保卫|安保隐患|监控盲区|盲区|警力部署|布控|巡逻防控"
            r"|高危漏洞|安全漏洞|弱口令|反恐|涉恐|处突|供应紧张|安全线|储备不足"
            r"|舆情|应对口径|统一口径|对外统一表述|网上帖文|炒作|不得自行发布"
        ),
    ),
    GroundCue(
        "enforcement_case_file",
        "行政执法案件的调查、审理过程",
        "属于行政执法案卷信息",
        re.compile(
            r"案件审理委员会|案审会|案件集体讨论|案情|案由|案件来源|承办人|立案|调查取证"
            r"|执法证号|执法证件号|监督员|笔录|询问人|被询问人|记录人|被检查单位|现场检查|勘验"
            r"|调查终结|查获|扣押|扣留|查封|经查"
            r"|涉嫌[^。\n]{1,30}?案"
        ),
    ),
)


def ground_cues(ctx: RuleContext) -> list[RuleHit]:
    """One non-voting hit per cue family whose words occur (two distinct at least)."""
    hits: list[RuleHit] = []
    for cue in CUES:
        found = ctx.find(cue.words)
        distinct: dict[str, Evidence] = {}
        for ev in found:
            distinct.setdefault(_key(ev.text), ev)
        if len(distinct) < cue.min_distinct:
            continue
        evidence = list(distinct.values())[:3]
        words = "”“".join(ev.quoted for ev in evidence)
        hits.append(
            RuleHit.of(
                cue.code,
                f"文中有“{words}”等{cue.about}内容，{cue.why}（主题线索，请核实）",
                evidence,
                weight=0.5,
                cue=True,
                rule="ground_cues",
            )
        )
    return hits


def _key(text: str) -> str:
    return "涉嫌…案" if text.startswith("涉嫌") else text
