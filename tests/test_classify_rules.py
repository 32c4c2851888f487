"""The rules one by one (structure, not keywords), the grounds table and the combination."""

from __future__ import annotations

import re

import pytest

from gkreview.classify.combine import (
    DECISIVE_CONFIDENCE,
    FLOOR,
    combine,
    margin_confidence,
)
from gkreview.classify.context import Rule, RuleContext
from gkreview.classify.evidence import RuleHit
from gkreview.classify.grounds import GROUNDS, NOT_PUBLIC_CODES, ground
from gkreview.classify.rules import DEFAULT_RULES
from gkreview.classify.rules.appointment import appointment_notice
from gkreview.classify.rules.categories import CATEGORIES, public_categories
from gkreview.classify.rules.commercial import commercial_secret
from gkreview.classify.rules.drafts import internal_draft, public_consultation
from gkreview.classify.rules.enforcement import case_file
from gkreview.classify.rules.internal import internal_management
from gkreview.classify.rules.mandatory import law_prohibited, security_stability
from gkreview.classify.rules.normative import normative_document
from gkreview.classify.rules.on_request import own_matter_reply
from gkreview.classify.rules.penalty import penalty_decision
from gkreview.classify.rules.privacy import personal_privacy
from gkreview.classify.rules.process import (
    consultation_letter,
    report_to_superior,
    request_to_superior,
)
from gkreview.classify.rules.secrecy import internal_marking, state_secret_marking
from gkreview.ingest.metadata import extract_metadata

# The contract's table (shared/contract/README.md): code → article.
CONTRACT_CODES = {
    "state_secret": "第十四条",
    "law_prohibited": "第十四条",
    "security_stability": "第十四条",
    "commercial_secret": "第十五条",
    "personal_privacy": "第十五条",
    "internal_affairs": "第十六条第一款",
    "process_information": "第十六条第二款",
    "enforcement_case_file": "第十六条第二款",
}


def doc(title: str, body: str, addressee: str | None = None, tail: str = "") -> str:
    head = f"{title}\n" + (f"{addressee}：\n" if addressee else "")
    return f"{head}　　{body}\n天津市某某局\n2021年3月12日\n{tail}"


def run(rule: Rule, text: str) -> list[RuleHit]:
    hits = rule(RuleContext.build(text, extract_metadata(text)))
    for hit in hits:
        for e in hit.evidence:
            assert text[e.start : e.end] == e.text
    return hits


def codes(rule: Rule, text: str) -> list[str]:
    return [h.code for h in run(rule, text)]


# ------------------------------------------------------------------ grounds table


def test_grounds_not_public_codes_are_the_contracts() -> None:
    assert set(CONTRACT_CODES) == NOT_PUBLIC_CODES
    for code, article in CONTRACT_CODES.items():
        assert ground(code).article == article
        assert ground(code).attribute == "not_public"


@pytest.mark.parametrize("code", sorted(GROUNDS))
def test_grounds_every_code_has_label_and_article(code: str) -> None:
    g = GROUNDS[code]
    assert g.label and re.match(r"第[一二三四五六七八九十]+条", g.article)
    assert g.attribute in ("public", "on_request", "not_public")


@pytest.mark.parametrize("cat", CATEGORIES, ids=lambda c: c.code)
def test_grounds_every_category_code_is_public(cat: object) -> None:
    assert ground(cat.code).attribute == "public"  # type: ignore[attr-defined]


def test_grounds_hit_with_wrong_article_is_rejected() -> None:
    with pytest.raises(ValueError):
        RuleHit("not_public", "process_information", "第十四条", "x")
    with pytest.raises(KeyError):
        RuleHit.of("no_such_code", "x", [])


def test_grounds_default_rules_are_unique_functions() -> None:
    assert len(set(DEFAULT_RULES)) == len(DEFAULT_RULES)


# ------------------------------------------------------------------ markings


def test_rules_secrecy_marking_is_decisive() -> None:
    [hit] = run(state_secret_marking, "秘密★5年\n" + doc("关于某事的通知", "正文。"))
    assert hit.decisive and hit.code == "state_secret"
    assert "秘密★5年" in hit.explanation


def test_rules_internal_marking_is_internal_affairs_not_state_secret() -> None:
    text = "内部事项\n" + doc("关于某事的通知", "正文。")
    assert codes(state_secret_marking, text) == []
    assert codes(internal_marking, text) == ["internal_affairs"]


# ------------------------------------------------------------------ structure, not keywords


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (doc("关于追加经费的请示", "妥否，请批示。", "市人民政府"), ["process_information"]),
        (doc("关于规范公文办理的通知", "报送请示应当一文一事。", "各区人民政府"), []),
        (doc("关于转发市财政局关于追加经费的请示的通知", "现转发给你们。", "各单位"), []),
    ],
)
def test_rules_request_by_doc_type_only(text: str, expected: list[str]) -> None:
    assert codes(request_to_superior, text) == expected


@pytest.mark.parametrize(
    ("title", "addressee", "expected"),
    [
        ("关于2020年工作情况的报告", "市人民政府", ["process_information"]),
        ("关于2020年工作情况的报告", None, []),
        ("天津市2020年政府信息公开工作年度报告", "市人民政府", []),
        ("关于2020年工作情况的报告", "各区人民政府", []),
    ],
)
def test_rules_report_needs_superior_addressee(
    title: str, addressee: str | None, expected: list[str]
) -> None:
    assert codes(report_to_superior, doc(title, "现报告如下。", addressee)) == expected


def test_rules_consultation_letter_is_process_information() -> None:
    text = doc("关于商请协助做好某某工作的函", "请予支持。", "市公安局")
    assert codes(consultation_letter, text) == ["process_information"]


@pytest.mark.parametrize(
    ("body", "public", "internal"),
    [
        ("现向社会公开征求意见。公众可通过电子邮件提出意见。", 1, 0),
        ("欢迎社会各界提出宝贵意见。", 1, 0),
        ("请于3月20日前将书面意见反馈至秘书处。", 0, 1),
        ("在向社会公开征求意见前，请于3月20日前反馈意见。", 0, 1),
    ],
)
def test_rules_draft_public_or_internal_by_whom_it_asks(
    body: str, public: int, internal: int
) -> None:
    text = doc("关于征求《某某办法（征求意见稿）》意见的通知", body, "各有关单位")
    assert len(run(public_consultation, text)) == public
    assert len(run(internal_draft, text)) == internal


@pytest.mark.parametrize(
    ("title", "addressee", "weight"),
    [
        ("关于调整机关食堂就餐时间的通知", "机关各处室", 1.0),
        ("关于加强公务用车管理的通知", None, 0.9),
        ("关于推进公务用车制度改革的通知", "各区人民政府", 0.5),
        ("关于学习某某精神的通知", "机关各处室", 0.5),
        ("关于做好防汛工作的通知", "各区人民政府", None),
    ],
)
def test_rules_internal_affairs_weighted_by_addressee(
    title: str, addressee: str | None, weight: float | None
) -> None:
    hits = run(internal_management, doc(title, "正文。", addressee))
    assert [h.weight for h in hits] == ([] if weight is None else [weight])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("询问笔录\n询问人：王某\n被询问人：张某\n问：姓名？\n", ["enforcement_case_file"]),
        ("现场检查笔录\n检查时间：2021年5月1日\n", ["enforcement_case_file"]),
        ("关于某某案的案卷目录\n　　一、立案审批表。\n", ["enforcement_case_file"]),
        ("记录\n询问人：王某\n记录人：赵某\n", ["enforcement_case_file"]),
        (doc("行政处罚决定书", "以上事实有询问笔录、现场检查笔录为证。"), []),
    ],
)
def test_rules_case_file_by_title_or_form(text: str, expected: list[str]) -> None:
    assert codes(case_file, text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "part"),
    [
        (doc("某某项目评标报告", "评标委员会评审意见如下。"), ["commercial_secret"], False),
        (
            doc("关于某某项目的说明", "投标文件中的技术方案属于本公司的商业秘密。"),
            ["commercial_secret"],
            False,
        ),
        (
            doc(
                "某某项目中标结果公告",
                "中标人为某公司。",
                tail="附件\n报价明细属于我公司商业秘密\n",
            ),
            ["commercial_secret"],
            True,
        ),
        (doc("关于某某的通知", "各单位要保守商业秘密。"), [], False),
        (doc("关于某某的通知", "本项目投标文件不涉及商业秘密。"), [], False),
    ],
)
def test_rules_commercial_secret_document_or_annex(
    text: str, expected: list[str], part: bool
) -> None:
    hits = run(commercial_secret, text)
    assert [h.code for h in hits] == expected
    assert all(h.part is part for h in hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (doc("张某某门诊病历", "主诉：头痛三天。"), ["personal_privacy"]),
        (
            "低保申请登记表\n姓名：张某\n身份证号：略\n　　家庭经济状况：无固定收入。\n",
            ["personal_privacy"],
        ),
        (
            "天津市某局\n行政处罚决定书\n当事人：张某\n住址：略\n身份证号：略\n"
            "　　经查，当事人家庭成员均无收入。\n",
            [],
        ),
        (doc("关于做好防汛工作的通知", "各单位要落实责任。"), []),
    ],
)
def test_rules_privacy_only_when_document_is_about_a_person(text: str, expected: list[str]) -> None:
    assert codes(personal_privacy, text) == expected


@pytest.mark.parametrize(
    ("body", "tail", "law", "security"),
    [
        ("本件涉及未成年人犯罪记录，依照《中华人民共和国未成年人保护法》规定不予公开。", "", 1, 0),
        ("正文。", "（此件依法不予公开）\n", 1, 0),
        ("对涉及国家秘密的信息，依照《保守国家秘密法》规定不予公开。", "", 0, 0),
        ("本件内容公开后可能危及社会稳定，请严格控制知悉范围。", "", 0, 1),
        ("本件公开后不会危及社会稳定。", "", 0, 0),
        ("各单位要维护社会稳定，不得危及公共安全。", "", 0, 0),
    ],
)
def test_rules_article14_only_on_declarations_about_the_document(
    body: str, tail: str, law: int, security: int
) -> None:
    text = doc("关于某事的通知", body, "各单位", tail=tail)
    assert len(run(law_prohibited, text)) == law
    assert len(run(security_stability, text)) == security


# ------------------------------------------------------------------ public categories


@pytest.mark.parametrize(
    ("title", "addressee", "expected"),
    [
        ("关于印发某某管理办法的通知", "各区人民政府，市政府各委、办、局", ["art20_normative"]),
        ("关于召开全市防汛工作会议的通知", "各区人民政府", []),
        ("关于印发某某管理办法（征求意见稿）的通知", "各区人民政府", []),
        ("关于某某工作的通知", "市财政局", []),
        ("天津市人民政府令", None, ["art20_normative"]),
    ],
)
def test_rules_normative_needs_external_addressees(
    title: str, addressee: str | None, expected: list[str]
) -> None:
    assert codes(normative_document, doc(title, "正文。", addressee)) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("天津市国土空间总体规划", "art20_planning"),
        ("2020年天津市国民经济和社会发展统计公报", "art20_statistics"),
        ("天津市2021年市级部门预算", "art20_budget"),
        ("某某项目政府采购招标公告", "art20_procurement"),
        ("天津市突发事件总体应急预案", "art20_emergency"),
        ("天津市2021年考试录用公务员拟录用人员公示", "art20_civil_service"),
        ("关于房屋征收的决定", "art21_local"),
        ("天津市2020年政府信息公开工作年度报告", "art50_annual_report"),
        ("关于准予行政许可的决定", "art20_licensing"),
    ],
)
def test_rules_public_categories_by_title(title: str, expected: str) -> None:
    assert expected in codes(public_categories, doc(title, "正文。"))


def test_rules_public_categories_ignore_the_body() -> None:
    text = doc("关于某事的通知", "请各单位做好预算、规划和统计公报工作。", "各单位")
    assert codes(public_categories, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (doc("行政处罚决定书", "决定罚款5000元。"), ["art20_penalty"]),
        (doc("行政处罚决定书", "当事人系未成年人。决定罚款500元。"), []),
        (doc("关于某事的通知", "对违法行为依法作出行政处罚决定书。", "各单位"), []),
    ],
)
def test_rules_penalty_decision_by_title(text: str, expected: list[str]) -> None:
    assert codes(penalty_decision, text) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("关于张三同志职务任免的通知", "免去张三的某某职务。", ["art20_heads"]),
        ("关于某某人事事项的通知", "任命张三为天津市财政局局长。", ["art20_heads"]),
        ("关于某某人事事项的请示", "拟任命张三为天津市财政局局长。", []),
    ],
)
def test_rules_appointment_notice(title: str, body: str, expected: list[str]) -> None:
    assert codes(appointment_notice, doc(title, body, "各单位")) == expected


@pytest.mark.parametrize(
    ("title", "addressee", "expected"),
    [
        ("关于同意某某公司延期的批复", "天津某某科技有限公司", ["on_request_own_matter"]),
        ("关于张三申请事项的复函", "张三", ["on_request_own_matter"]),
        ("关于同意设立某某开发区的批复", "滨海新区人民政府", []),
        ("关于某某事项的函", "市财政局", []),
        ("关于开展安全生产检查的通知", "天津某某科技有限公司", []),
    ],
)
def test_rules_reply_to_own_matter_is_on_request(
    title: str, addressee: str, expected: list[str]
) -> None:
    assert codes(own_matter_reply, doc(title, "你公司的申请收悉。", addressee)) == expected


# ------------------------------------------------------------------ combination


def _hit(code: str, weight: float = 1.0, **kw: bool) -> RuleHit:
    return RuleHit.of(code, "x", [], weight, **kw)


@pytest.mark.parametrize(
    ("best", "runner_up", "expected"),
    [
        (1.0, 0.0, 0.70),
        (2.0, 0.0, 0.45 + 0.5 * 2 / 3),
        (1.0, 1.0, FLOOR),
        (1.2, 1.0, 0.45 + 0.5 * 0.2 / 3.2),
    ],
)
def test_combine_margin_confidence(best: float, runner_up: float, expected: float) -> None:
    assert margin_confidence(best, runner_up) == pytest.approx(expected)


def test_combine_sums_weights_per_attribute() -> None:
    verdict = combine(
        [_hit("art20_normative", 0.8), _hit("art20_planning", 0.8), _hit("process_information")]
    )
    assert verdict is not None
    assert verdict.attribute == "public"
    assert verdict.scores["public"] == pytest.approx(1.6)


def test_combine_tie_goes_to_the_more_restrictive() -> None:
    verdict = combine([_hit("art20_normative"), _hit("internal_affairs")])
    assert verdict is not None
    assert verdict.attribute == "not_public"
    assert verdict.confidence == pytest.approx(FLOOR)


def test_combine_decisive_hit_wins_outright() -> None:
    hits = [
        _hit("art20_normative", 1.0),
        _hit("art19_participation", 1.2),
        _hit("state_secret", decisive=True),
    ]
    verdict = combine(hits)
    assert verdict is not None
    assert verdict.attribute == "not_public"
    assert verdict.confidence == DECISIVE_CONFIDENCE
    assert verdict.support[0].code == "state_secret"


def test_combine_part_hits_do_not_vote() -> None:
    assert combine([_hit("commercial_secret", part=True)]) is None
