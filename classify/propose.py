"""The proposal for one document: attribute, marking, confidence, reasons and withheld parts.

Why it is separate from the rules: rules only state facts about a document (a hit, its
ground, its evidence); this module decides, in one documented place (:mod:`.combine`), and adds
what only the whole review knows: the personal-data findings that turn a public document into
a partial disclosure (区分处理, 第三十七条).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from gkreview.classify.blend import RULE_GROUND_GATE, best, blend
from gkreview.classify.combine import NO_HIT_CONFIDENCE, combine
from gkreview.classify.context import Rule, RuleContext
from gkreview.classify.evidence import Evidence, RuleHit
from gkreview.classify.grounds import LABELS, NOT_PUBLIC_CODES, Attribute, ground
from gkreview.classify.model.predictor import ModelPrediction
from gkreview.classify.rules import DEFAULT_RULES
from gkreview.classify.rules.secrecy import state_secret_marking
from gkreview.ingest.metadata import DocumentMetadata
from gkreview.redact.entities import label as entity_label


class FindingLike(Protocol):
    """What propose needs of a personal-data finding (``review.record.Finding`` fits)."""

    @property
    def type(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def action(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    article: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    label: str | None = None  # the ground in Chinese, e.g. 国家秘密


@dataclass(slots=True)
class Proposal:
    attribute: Attribute
    label: str
    marking: str
    confidence: float
    reasons: list[Reason]
    partial: bool = False
    parts: list[Reason] = field(default_factory=list)
    hits: tuple[RuleHit, ...] = ()  # every hit, winners and losers, for tracing
    scores: dict[str, float] = field(default_factory=dict)
    topic: str | None = None  # 主题分类, from the trained model
    topic_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``disclosure`` object (plus ``parts``)."""
        return {
            "attribute": self.attribute,
            "label": self.label,
            "marking": self.marking,
            "confidence": self.confidence,
            "reasons": [_reason_dict(r) for r in self.reasons],
            "partial": self.partial,
            "parts": [_reason_dict(r) for r in self.parts],
        }


def propose(
    text: str,
    meta: DocumentMetadata,
    findings: Sequence[FindingLike],
    rules: Sequence[Rule] = DEFAULT_RULES,
    model: ModelPrediction | None = None,
) -> Proposal:
    """Run the rules on one document and combine their hits into a proposal; with the
    trained model's prediction, blend the two (``classify.blend``)."""
    ctx = RuleContext.build(text, meta)
    hits = [hit for rule in rules for hit in rule(ctx)]
    if meta.secrecy is not None and not any(h.decisive for h in hits):
        hits += state_secret_marking(ctx)  # whatever rule set, a marking is never outvoted
    verdict = combine(hits)
    scores: dict[str, float] = dict(verdict.scores) if verdict is not None else {}
    decisive = verdict is not None and any(h.decisive for h in verdict.support)
    if model is not None and not decisive:
        attribute, confidence, reasons = _with_model(ctx, hits, scores, model)
    elif verdict is None:
        attribute = "on_request"
        confidence = NO_HIT_CONFIDENCE
        reasons = [_no_category(ctx)]
    else:
        attribute, confidence = verdict.attribute, verdict.confidence
        reasons = _reasons(verdict.support)
        if attribute == "not_public":
            reasons += _cue_reasons(hits, reasons)
    if attribute == "not_public":
        assert any(r.code in NOT_PUBLIC_CODES for r in reasons), "not_public needs a ground"
        parts: list[Reason] = []
    else:
        parts = _parts(text, findings, hits)
    names = LABELS[attribute]
    return Proposal(
        attribute=attribute,
        label=names.label,
        marking=names.marking,
        confidence=confidence,
        reasons=reasons,
        partial=bool(parts),
        parts=parts,
        hits=tuple(hits),
        scores=scores,
        topic=model.topic if model is not None else None,
        topic_confidence=round(model.topic_confidence, 3) if model is not None else None,
    )


def _with_model(
    ctx: RuleContext, hits: Sequence[RuleHit], scores: dict[str, float], model: ModelPrediction
) -> tuple[Attribute, float, list[Reason]]:
    """The blended attribute, its confidence, and reasons that keep their evidence: the
    rules' for that attribute, then the model's grounds where no rule gave one."""
    probs = blend(scores, model.attribute_probs)
    attribute = best(probs)
    support = sorted(
        (h for h in hits if not h.part and not h.cue and h.attribute == attribute),
        key=lambda h: (not h.decisive, -h.weight),
    )
    reasons = _reasons(support)
    if attribute == "not_public":
        reasons += _cue_reasons(hits, reasons)
        have = {r.code for r in reasons}
        # The model's grounds at or above its threshold (``blend.GROUND_THRESHOLD``, stored
        # in the model's config); its best one only when neither a rule nor a cue named any.
        ranked = sorted(model.ground_probs, key=lambda c: -model.ground_probs[c])
        cut = model.ground_threshold
        grounds = [c for c in ranked if model.ground_probs[c] >= cut and c not in have]
        if not grounds and not have & NOT_PUBLIC_CODES:
            grounds = ranked[:1]
        reasons += [_model_ground(ctx, code, model.ground_probs[code]) for code in grounds]
        reasons = _gate(reasons, hits, model)
    elif not reasons:
        code = "model_public" if attribute == "public" else "model_on_request"
        reasons = [_model_ground(ctx, code, model.attribute_probs[attribute])]
    return attribute, round(probs[attribute], 4), reasons


def _gate(reasons: list[Reason], hits: Sequence[RuleHit], model: ModelPrediction) -> list[Reason]:
    """Drop a rule's or cue's ground the model finds implausible (``blend.RULE_GROUND_GATE``)
    when another ground stands. Why: rules name a ground from a document's form (a report to
    a superior → process information) or a word in it, which many withheld documents share
    whatever they are about; the model reads what the whole document is about. A decisive
    hit (a secrecy marking) is never dropped, and a proposal always keeps one ground."""
    decisive = {h.code for h in hits if h.decisive}
    keep = [
        r for r in reasons
        if r.code not in NOT_PUBLIC_CODES or r.code in decisive
        or model.ground_probs.get(r.code, 1.0) >= RULE_GROUND_GATE
    ]  # fmt: skip
    if not any(r.code in NOT_PUBLIC_CODES for r in keep):
        return reasons
    return keep


def _cue_reasons(hits: Sequence[RuleHit], have: Sequence[Reason]) -> list[Reason]:
    """The grounds that ``rules.ground_cues`` name and no voting rule gave already."""
    codes = {r.code for r in have}
    return _reasons([h for h in hits if h.cue and h.code not in codes])


def _model_ground(ctx: RuleContext, code: str, probability: float) -> Reason:
    g = ground(code)
    return Reason(
        code,
        g.article,
        f"分类模型据全文判断属于“{g.label}”（概率{probability:.2f}），无规则直接证据，请人工核实",
        ctx.title_evidence(),
        g.label,
    )


def _reasons(support: Sequence[RuleHit]) -> list[Reason]:
    """One reason per code, strongest first; explanations and evidence of a code merged."""
    by_code: dict[str, list[RuleHit]] = {}
    for hit in support:
        by_code.setdefault(hit.code, []).append(hit)
    return [_merge(code, group) for code, group in by_code.items()]


def _merge(code: str, group: Sequence[RuleHit]) -> Reason:
    explanations = list(dict.fromkeys(h.explanation for h in group))
    evidence = list(dict.fromkeys(e for h in group for e in h.evidence))
    g = ground(code)
    return Reason(code, g.article, "；".join(explanations), evidence, g.label)


def _no_category(ctx: RuleContext) -> Reason:
    g = ground("no_public_category")
    return Reason(
        g.code,
        g.article,
        "未识别出第十九条至第二十一条规定应主动公开的类别，也未发现不予公开的情形，"
        "建议依申请公开，请人工确认",
        ctx.title_evidence(),
        g.label,
    )


def _parts(text: str, findings: Sequence[FindingLike], hits: Sequence[RuleHit]) -> list[Reason]:
    """Parts withheld from a released document: flagged personal data, commercial annexes."""
    parts: list[Reason] = []
    flagged = sorted(
        (f for f in findings if f.action != "keep" and 0 <= f.start < f.end <= len(text)),
        key=lambda f: (f.start, f.end),
    )
    if flagged:
        counts = Counter(entity_label(f.type) for f in flagged)
        listed = "、".join(f"{name}{n}处" for name, n in counts.items())
        g = ground("personal_privacy")
        parts.append(
            Reason(
                g.code,
                g.article,
                f"文中有个人信息（{listed}），公开前应去标识化，该部分属于个人隐私，不予公开",
                [Evidence(f.start, f.end, text[f.start : f.end]) for f in flagged],
                g.label,
            )
        )
    parts += _reasons([h for h in hits if h.part and h.attribute == "not_public"])
    return parts


def _reason_dict(r: Reason) -> dict[str, Any]:
    return {
        "code": r.code,
        "article": r.article,
        "label": r.label,
        "explanation": r.explanation,
        "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in r.evidence],
    }
