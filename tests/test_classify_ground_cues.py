"""Ground cues name the ground of a withheld document with evidence, and never vote."""

from __future__ import annotations

import pytest

from gkreview.classify.combine import combine
from gkreview.classify.context import RuleContext
from gkreview.classify.model.predictor import ModelPrediction
from gkreview.classify.propose import propose
from gkreview.classify.rules.ground_cues import ground_cues
from gkreview.ingest.metadata import extract_metadata

GUARD = (
    "内部\n淇阳市公安局\n关于加强重要目标安全保卫工作的通知\n各分局：\n"
    "　　经专项检查，全市重要目标中有8处存在安保隐患。第三水厂监控存在6处盲区，"
    "夜间无专人值守，须限期整改。\n淇阳市公安局\n2006年2月20日\n"
)
CASE_MINUTES = (
    "云台县国土资源局案件审理委员会会议纪要\n"
    "　　局案件审理委员会召开会议，执法监察大队列席汇报案情。会议审理了某公司涉嫌非法占用"
    "集体土地案，经查，该公司未经批准建设堆场。\n云台县国土资源局\n2003年1月29日\n"
)
PUBLIC_BULLETIN = (
    "关于2021年全市信访工作情况的通报\n各县区：\n"
    "　　2021年全市信访总量下降12%，越级上访明显减少，群体性事件零发生。\n"
    "某某市信访局\n2022年1月10日\n"
)


def _cues(text: str) -> dict[str, list[str]]:
    ctx = RuleContext.build(text, extract_metadata(text))
    out: dict[str, list[str]] = {}
    for hit in ground_cues(ctx):
        assert hit.cue
        for ev in hit.evidence:
            assert text[ev.start : ev.end] == ev.text
        out[hit.code] = [ev.text for ev in hit.evidence]
    return out


@pytest.mark.parametrize(
    ("text", "code"),
    [(GUARD, "security_stability"), (CASE_MINUTES, "enforcement_case_file")],
)
def test_ground_cues_name_ground_with_evidence(text: str, code: str) -> None:
    cues = _cues(text)
    assert code in cues
    assert len(cues[code]) >= 2


def test_ground_cues_need_two_distinct_words() -> None:
    text = (
        "关于做好立案工作的通知\n各单位：\n　　请做好立案工作，立案后及时归档。\n"
        "某局\n2020年1月2日\n"
    )
    assert "enforcement_case_file" not in _cues(text)


def test_ground_cues_do_not_vote() -> None:
    text = PUBLIC_BULLETIN
    ctx = RuleContext.build(text, extract_metadata(text))
    hits = ground_cues(ctx)
    assert any(h.code == "security_stability" for h in hits)
    assert combine(hits) is None  # cue hits alone make no verdict


def _model(attribute: str, grounds: dict[str, float]) -> ModelPrediction:
    probs = {a: 0.05 for a in ("public", "on_request", "not_public")}
    probs[attribute] = 0.9
    all_grounds = {c: 0.01 for c in (
        "state_secret", "law_prohibited", "security_stability", "commercial_secret",
        "personal_privacy", "internal_affairs", "process_information", "enforcement_case_file",
    )}  # fmt: skip
    all_grounds.update(grounds)
    return ModelPrediction(probs, all_grounds, "公安", 0.5)


def test_propose_cites_cue_ground_over_unsure_model_guess() -> None:
    """The model says not_public but guesses the ground wrongly at low probability: the cue's
    ground is cited with its evidence and the unsure guess is left out."""
    model = _model("not_public", {"state_secret": 0.15})
    p = propose(GUARD, extract_metadata(GUARD), (), model=model)
    codes = [r.code for r in p.reasons]
    assert p.attribute == "not_public"
    assert "security_stability" in codes
    assert "state_secret" not in codes
    reason = next(r for r in p.reasons if r.code == "security_stability")
    assert reason.article == "第十四条"
    assert all(GUARD[e.start : e.end] == e.text for e in reason.evidence)


def test_propose_cue_does_not_withhold_public_document() -> None:
    model = _model("public", {"security_stability": 0.9})
    p = propose(PUBLIC_BULLETIN, extract_metadata(PUBLIC_BULLETIN), (), model=model)
    assert p.attribute == "public"
    assert all(r.code != "security_stability" for r in p.reasons)


OPINION = (
    "鹭州市委宣传部\n关于和平路学校事故舆情应对工作的通知\n各县（区）委宣传部：\n"
    "　　一、对外统一表述为“事故原因正在调查中”，各单位不得自行发布。\n"
    "二、对散布谣言的账号依法处置。\n鹭州市委宣传部\n2015年11月27日\n"
)


def test_public_opinion_guidance_is_withheld_on_security_grounds() -> None:
    from gkreview.classify.rules.mandatory import public_opinion_response

    ctx = RuleContext.build(OPINION, extract_metadata(OPINION))
    hits = public_opinion_response(ctx)
    assert [h.code for h in hits] == ["security_stability"]
    assert all(OPINION[e.start : e.end] == e.text for e in hits[0].evidence)
    assert propose(OPINION, extract_metadata(OPINION), ()).attribute == "not_public"


def test_statistics_law_names_the_ground_without_brackets() -> None:
    text = (
        "关于索要住户调查资料的复函\n县扶贫办：\n"
        "　　记账户资料是国家统计调查取得的单个调查对象资料，"
        "依照统计法规定只能用于统计目的，我队不能提供。\n某调查队\n1999年3月7日\n"
    )
    assert "law_prohibited" in _cues(text)
