"""propose(): the hard cases of design.md §1, secrecy markings, evidence spans, partial release."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from gkreview.classify.grounds import NOT_PUBLIC_CODES
from gkreview.classify.propose import Proposal, propose
from gkreview.ingest.metadata import extract_metadata


def gongwen(
    title: str,
    body: str,
    addressee: str | None = "各区人民政府，市政府各委、办、局",
    *,
    header: str = "天津市人民政府办公厅文件",
    number: str = "津政办发〔2021〕5号",
    issuer: str = "天津市人民政府办公厅",
    date: str = "2021年3月12日",
    top: str = "",
    tail: str = "",
) -> str:
    """A 公文 laid out as GB/T 9704 prescribes; ``|`` splits title lines and body paragraphs."""
    lines = [*(top.split("|") if top else []), header, number, *title.split("|")]
    if addressee:
        lines.append(f"{addressee}：")
    lines += [f"　　{p}" for p in body.split("|")]
    lines += [issuer, date]
    if tail:
        lines += tail.split("|")
    return "\n".join(lines) + "\n"


PENALTY = (
    "天津市市场监督管理局\n行政处罚决定书\n津市监罚〔2021〕12号\n"
    "当事人：张某某\n公民身份号码：120101199001011234\n住址：天津市和平区某某路1号\n"
    "　　经查，当事人销售超过保质期的食品。以上事实有询问笔录、现场检查笔录为证。"
    "根据《中华人民共和国食品安全法》第一百二十四条，决定罚款5000元。\n"
    "天津市市场监督管理局\n2021年5月6日\n"
)

MINUTES = (
    "天津市人民政府\n常务会议纪要\n第5期\n天津市人民政府办公厅　　　　2021年3月12日\n"
    "　　3月10日，市长主持召开市政府第5次常务会议，研究讨论了以下事项：\n"
    "　　一、会议审议了《天津市养老服务条例（草案）》。会议认为，草案总体可行，尚需进一步修改。\n"
)

DOCS: dict[str, str] = {
    "prose_secret": gongwen(
        "关于进一步加强政务信息管理工作的通知",
        "各单位要严格保守工作秘密，不得泄露国家秘密。|涉及商业秘密、个人隐私的，依法处理。",
    ),
    "public_draft": gongwen(
        "关于公开征求《天津市养犬管理办法（征求意见稿）》|意见的公告",
        "为提高立法质量，现将《天津市养犬管理办法（征求意见稿）》向社会公开征求意见。"
        "|公众可通过电子邮件提出意见。征求意见截止日期为2021年4月12日。",
        None,
    ),
    "internal_draft": gongwen(
        "关于征求《天津市公务接待管理办法（征求意见稿）》|意见的函",
        "现将征求意见稿送给你们，请于3月20日前将书面意见反馈至市政府办公厅秘书处。"
        "逾期未反馈视为无意见。",
    ),
    "penalty": PENALTY,
    "appointment": gongwen(
        "关于张三等同志职务任免的通知",
        "经市人民政府研究决定：|任命张三为天津市交通运输委员会主任；"
        "|免去李四的天津市交通运输委员会副主任职务。",
    ),
    "approval_to_company": gongwen(
        "关于同意天津某某科技有限公司|延长经营期限的批复",
        "你公司《关于延长经营期限的请示》收悉。经研究，同意你公司经营期限延长至2030年。",
        "天津某某科技有限公司",
        header="天津市商务局",
        number="津商务复〔2021〕3号",
        issuer="天津市商务局",
    ),
    "request": gongwen(
        "关于追加疫情防控经费的请示",
        "为做好疫情防控工作，拟追加经费500万元。|妥否，请批示。",
        "市人民政府",
        header="天津市卫生健康委员会",
        number="津卫报〔2021〕7号",
        issuer="天津市卫生健康委员会",
    ),
    "report": gongwen(
        "关于2020年安全生产工作情况的报告",
        "现将我委2020年安全生产工作情况报告如下。|特此报告。",
        "市人民政府",
        header="天津市应急管理局",
        number="津应急报〔2021〕2号",
        issuer="天津市应急管理局",
    ),
    "minutes": MINUTES,
    "normative": gongwen(
        "关于印发天津市城市更新行动实施方案的通知",
        "经市人民政府同意，现将《天津市城市更新行动实施方案》印发给你们，请认真贯彻落实。",
    ),
    "notice_mentions_request": gongwen(
        "关于进一步规范公文办理工作的通知",
        "各单位向市政府报送请示时，应当一文一事，并附会议纪要。",
    ),
    "public_notice": gongwen(
        "关于征收滨海新区大港街道东村集体土地的公告",
        "经天津市人民政府批准，现将征收有关事项公告如下。",
        None,
    ),
    "statistics": gongwen(
        "2020年天津市国民经济和社会发展统计公报", "2020年全市生产总值比上年增长1.5%。", None
    ),
    "interview_record": (
        "询问笔录\n询问时间：2021年5月1日\n询问人：王某　记录人：赵某\n被询问人：张某某\n"
        "问：你是否知道为什么询问你？\n答：知道。\n"
    ),
    "canteen": gongwen(
        "关于调整机关食堂就餐时间的通知",
        "自4月1日起，机关食堂午餐时间调整为11:30至13:00。",
        "机关各处室",
    ),
    "nothing": gongwen(
        "关于某某大厦命名有关事项的函",
        "经研究，同意该建筑命名为某某大厦。",
        "市规划和自然资源局",
        header="天津市民政局",
        number="津民函〔2021〕1号",
        issuer="天津市民政局",
    ),
}


def _propose(name: str, findings: list | None = None) -> Proposal:
    text = DOCS[name]
    return propose(text, extract_metadata(text), findings or [])


@pytest.mark.parametrize(
    ("name", "attribute", "code"),
    [
        # design.md §1, hard cases
        ("prose_secret", "public", "art20_normative"),
        ("public_draft", "public", "art19_participation"),
        ("penalty", "public", "art20_penalty"),
        ("appointment", "public", "art20_heads"),
        ("approval_to_company", "on_request", "on_request_own_matter"),
        ("request", "not_public", "process_information"),
        ("report", "not_public", "process_information"),
        ("minutes", "not_public", "process_information"),
        # around them
        ("internal_draft", "not_public", "process_information"),
        ("normative", "public", "art20_normative"),
        ("notice_mentions_request", "public", "art20_normative"),
        ("public_notice", "public", "art19_public_notice"),
        ("statistics", "public", "art20_statistics"),
        ("interview_record", "not_public", "enforcement_case_file"),
        ("canteen", "not_public", "internal_affairs"),
        ("nothing", "on_request", "no_public_category"),
    ],
)
def test_propose_hard_cases(name: str, attribute: str, code: str) -> None:
    proposal = _propose(name)
    assert proposal.attribute == attribute, proposal.hits
    assert code in [r.code for r in proposal.reasons]
    for reason in proposal.reasons:
        assert reason.explanation and "\n" not in reason.explanation


@pytest.mark.parametrize(
    ("attribute", "label", "marking"),
    [
        ("public", "主动公开", "此件公开发布"),
        ("on_request", "依申请公开", "此件依申请公开"),
        ("not_public", "不予公开", "此件不予公开"),
    ],
)
def test_propose_label_and_marking_follow_attribute(
    attribute: str, label: str, marking: str
) -> None:
    for name in DOCS:
        proposal = _propose(name)
        if proposal.attribute == attribute:
            assert (proposal.label, proposal.marking) == (label, marking)


PUBLIC_LOOKING = [
    "public_draft",
    "penalty",
    "appointment",
    "normative",
    "public_notice",
    "statistics",
    "prose_secret",
]


@pytest.mark.parametrize("marking", ["机密★10年", "秘密★5年", "绝密★长期", "秘密", "000123　机密★"])
@pytest.mark.parametrize("name", PUBLIC_LOOKING)
def test_propose_secrecy_marking_is_never_public(name: str, marking: str) -> None:
    assert _propose(name).attribute == "public", "the document must look public without marking"
    text = f"{marking}\n{DOCS[name]}"
    meta = extract_metadata(text)
    assert meta.secrecy is not None
    proposal = propose(text, meta, [])
    assert proposal.attribute == "not_public"
    assert proposal.reasons[0].code == "state_secret"
    assert proposal.reasons[0].article == "第十四条"
    assert proposal.confidence >= 0.95
    assert not proposal.partial


@pytest.mark.parametrize("name", PUBLIC_LOOKING)
def test_propose_secrecy_marking_wins_even_without_rules(name: str) -> None:
    text = f"机密★10年\n{DOCS[name]}"
    proposal = propose(text, extract_metadata(text), [], rules=())
    assert proposal.attribute == "not_public"
    assert proposal.reasons[0].code == "state_secret"


def test_propose_secrecy_explanation_quotes_marking() -> None:
    text = f"000123\n机密★10年\n{DOCS['normative']}"
    reason = propose(text, extract_metadata(text), []).reasons[0]
    assert "机密★10年" in reason.explanation
    assert [e.text for e in reason.evidence] == ["机密★10年", "000123"]


@pytest.mark.parametrize("name", sorted(DOCS))
def test_propose_evidence_spans_match_text(name: str) -> None:
    text = DOCS[name]
    proposal = _propose(name)
    evidence = [e for r in proposal.reasons + proposal.parts for e in r.evidence]
    evidence += [e for h in proposal.hits for e in h.evidence]
    if proposal.reasons[0].code != "no_public_category":
        assert evidence
    for e in evidence:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("name", sorted(DOCS))
def test_propose_not_public_carries_contract_code(name: str) -> None:
    proposal = _propose(name)
    assert 0.0 <= proposal.confidence <= 1.0
    if proposal.attribute == "not_public":
        assert any(r.code in NOT_PUBLIC_CODES for r in proposal.reasons)
        assert all(r.article.startswith("第十") for r in proposal.reasons)


@dataclass
class FakeFinding:
    type: str
    start: int
    end: int
    action: str


def _finding(name: str, value: str, type_: str, action: str = "mask") -> FakeFinding:
    start = DOCS[name].index(value)
    return FakeFinding(type_, start, start + len(value), action)


def test_propose_partial_when_personal_findings_flagged() -> None:
    findings = [
        _finding("penalty", "张某某", "PERSON"),
        _finding("penalty", "120101199001011234", "CN_ID_CARD"),
        _finding("penalty", "天津市市场监督管理局", "ORG", action="keep"),
    ]
    proposal = _propose("penalty", findings)
    assert proposal.attribute == "public"
    assert proposal.partial is True
    [part] = proposal.parts
    assert (part.code, part.article) == ("personal_privacy", "第十五条")
    assert [e.text for e in part.evidence] == ["张某某", "120101199001011234"]
    assert "身份证号" in part.explanation


def test_propose_not_partial_when_findings_are_kept() -> None:
    findings = [_finding("appointment", "张三", "PERSON", action="keep")]
    proposal = _propose("appointment", findings)
    assert proposal.attribute == "public"
    assert proposal.partial is False
    assert proposal.parts == []


def test_propose_not_public_is_never_partial() -> None:
    findings = [_finding("request", "500万元", "PERSON")]
    proposal = _propose("request", findings)
    assert proposal.attribute == "not_public"
    assert proposal.partial is False


def test_propose_partial_for_commercial_secret_annex() -> None:
    text = gongwen(
        "关于某某项目采购中标结果的公告",
        "某某项目采购已完成评审，现将中标结果公告如下。",
        None,
        tail="附件|投标报价明细表|本公司声明：本报价明细属于本公司的商业秘密，请勿公开。",
    )
    proposal = propose(text, extract_metadata(text), [])
    assert proposal.attribute == "public"
    assert proposal.partial is True
    assert [p.code for p in proposal.parts] == ["commercial_secret"]
    [ev] = proposal.parts[0].evidence
    assert text[ev.start : ev.end] == ev.text and "商业秘密" in ev.text


def test_propose_no_hit_defaults_to_on_request_with_low_confidence() -> None:
    proposal = _propose("nothing")
    assert proposal.attribute == "on_request"
    assert proposal.confidence == pytest.approx(0.4)
    [reason] = proposal.reasons
    assert (reason.code, reason.article) == ("no_public_category", "第二十七条")


def test_propose_to_dict_fits_contract_disclosure(review_schema_disclosure: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for name in DOCS:
        jsonschema.validate(_propose(name).to_dict(), review_schema_disclosure)


@pytest.fixture
def review_schema_disclosure() -> dict:
    """The ``disclosure`` part of the contract schema (shared copy, else the vendored one)."""
    repo = Path(__file__).resolve().parent.parent
    shared = repo.parent / "shared" / "contract" / "review.schema.json"
    for path in (shared, repo / "review" / "review.schema.json"):
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))["properties"]["disclosure"]
    pytest.skip("no contract schema beside the repo")


def test_propose_marked_document_never_public_even_when_the_model_says_so() -> None:
    """The trained model cannot outvote a secrecy marking, however sure it is."""
    from gkreview.classify.grounds import NOT_PUBLIC_CODES
    from gkreview.classify.model.predictor import ModelPrediction
    from gkreview.classify.propose import propose
    from gkreview.ingest.metadata import extract_metadata

    text = (
        "机密★10年\n关于印发2024年城市更新工作要点的通知\n各区人民政府：\n"
        "现将工作要点印发给你们，请认真贯彻落实。\n天津市人民政府办公厅\n2024年3月1日\n"
    )
    sure_public = ModelPrediction(
        attribute_probs={"public": 0.999, "on_request": 0.0005, "not_public": 0.0005},
        ground_probs=dict.fromkeys(sorted(NOT_PUBLIC_CODES), 0.01),
        topic="综合政务",
        topic_confidence=0.9,
    )
    proposal = propose(text, extract_metadata(text), (), model=sure_public)
    assert proposal.attribute == "not_public"
    assert proposal.reasons[0].code == "state_secret"


def _prediction(np_prob: float, grounds: dict[str, float]):  # type: ignore[no-untyped-def]
    from gkreview.classify.grounds import NOT_PUBLIC_CODES
    from gkreview.classify.model.predictor import ModelPrediction

    rest = (1 - np_prob) / 2
    return ModelPrediction(
        attribute_probs={"not_public": np_prob, "on_request": rest, "public": rest},
        ground_probs={**dict.fromkeys(sorted(NOT_PUBLIC_CODES), 0.01), **grounds},
        topic="民政、扶贫、救灾",
        topic_confidence=0.5,
        ground_threshold=0.3,
    )


_HARDSHIP_REPORT = (
    "关于城南社区困难家庭入户核查情况的报告\n区民政局：\n"
    "我街道对辖区申请低保的困难家庭逐户进行了核查。王某患有尿毒症，每周透析三次，"
    "其妻无业，家庭存款不足两千元；李某的残疾等级为二级，其子正在服刑。\n"
    "以上情况妥否，请批示。\n城南街道办事处\n2023年5月6日\n"
)


def test_propose_gate_drops_a_form_ground_the_model_finds_implausible() -> None:
    """A report to a superior names process information from its form; when the model reads
    a personal-privacy document and gives process information almost nothing, that ground
    goes and the model's privacy ground stands; when the model finds it plausible, both stay."""
    from gkreview.classify.propose import propose
    from gkreview.ingest.metadata import extract_metadata

    meta = extract_metadata(_HARDSHIP_REPORT)
    plain = propose(_HARDSHIP_REPORT, meta, ())
    assert plain.attribute == "not_public"
    assert "process_information" in {r.code for r in plain.reasons}
    privacy = _prediction(0.95, {"personal_privacy": 0.9, "process_information": 0.01})
    gated = propose(_HARDSHIP_REPORT, meta, (), model=privacy)
    codes = [r.code for r in gated.reasons]
    assert gated.attribute == "not_public"
    assert "personal_privacy" in codes and "process_information" not in codes
    both = _prediction(0.95, {"personal_privacy": 0.9, "process_information": 0.2})
    kept = propose(_HARDSHIP_REPORT, meta, (), model=both)
    assert {"process_information", "personal_privacy"} <= {r.code for r in kept.reasons}


def test_propose_gate_never_leaves_a_proposal_without_ground_nor_drops_a_marking() -> None:
    from gkreview.classify.grounds import NOT_PUBLIC_CODES
    from gkreview.classify.propose import propose
    from gkreview.ingest.metadata import extract_metadata

    request = "关于追加防控经费的请示\n市财政局：\n拟追加经费二十万元。\n妥否，请批示。\n县卫生局\n"
    nothing = _prediction(0.9, {})  # the model gives every ground 0.01
    p = propose(request, extract_metadata(request), (), model=nothing)
    assert p.attribute == "not_public"
    assert [r.code for r in p.reasons if r.code in NOT_PUBLIC_CODES]
    marked = "秘密★5年\n" + _HARDSHIP_REPORT
    p = propose(marked, extract_metadata(marked), (), model=nothing)
    assert p.reasons[0].code == "state_secret"
