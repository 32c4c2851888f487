"""An officer's decisions, applied to the review (the contract's JSON) as pure functions:
accept or reject a finding, add a missed one, settle the attribute, sign.

Each returns what the audit trail records; none touches the database. Decisions only add
fields to the review (``decision``, ``signature``, a finding's ``decided_by``), so that a
review downloaded after signing still validates against ``review.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gkreview.classify.grounds import GROUNDS, LABELS, NOT_PUBLIC_CODES
from gkreview.redact.entities import LABELS as TYPE_LABELS
from gkreview.redact.policy import treatment_for

DECISIONS = ("approved", "rejected")
MIN_EXPLANATION = 5


class DecisionError(ValueError):
    """A decision that cannot be made; the message is for a person (Chinese / English)."""


@dataclass(frozen=True, slots=True)
class Decided:
    finding_id: str
    type: str
    start: int
    end: int
    status: str
    previous_status: str


def finding(review: dict[str, Any], finding_id: str) -> dict[str, Any]:
    for f in review.get("findings", []):
        if f.get("id") == finding_id:
            return f
    raise DecisionError(f"没有这一项 {finding_id} / no such finding")


def decide(review: dict[str, Any], finding_id: str, status: str, officer: str) -> Decided:
    if status not in DECISIONS:
        raise DecisionError("只能接受或驳回 / approve or reject only")
    f = finding(review, finding_id)
    previous = f.get("status", "proposed")
    f["status"] = status
    f["decided_by"] = officer
    return Decided(f["id"], f["type"], f["start"], f["end"], status, previous)


def decide_all(review: dict[str, Any], officer: str) -> list[Decided]:
    """Approve every proposal still open (not those recorded as keep, not decided ones)."""
    return [
        decide(review, f["id"], "approved", officer)
        for f in review.get("findings", [])
        if f.get("action") != "keep" and f.get("status", "proposed") == "proposed"
    ]


def add_finding(
    review: dict[str, Any], start: int, end: int, entity_type: str, officer: str
) -> dict[str, Any]:
    """A piece of personal data the analyzer missed, marked by selecting it: approved at once,
    treated as the general policy treats its type."""
    text = review.get("text")
    if text is None:
        raise DecisionError("这份审查没有全文，无法添加 / the review holds no text")
    if entity_type not in TYPE_LABELS:
        raise DecisionError(f"未知的类型 {entity_type} / unknown type")
    if not 0 <= start < end <= len(text) or end - start > 200:
        raise DecisionError("选择的范围无效（1–200 个字）/ select 1 to 200 characters")
    value = text[start:end]
    if not value.strip():
        raise DecisionError("选择的是空白 / the selection is blank")
    for f in review.get("findings", []):
        if f["start"] < end and start < f["end"] and f.get("status") != "rejected":
            raise DecisionError(f"与第 {f['id']} 项重叠 / overlaps finding {f['id']}")
    treatment = treatment_for(entity_type)
    action = treatment.action if treatment.action != "keep" else "redact"
    taken = {f.get("id") for f in review.get("findings", [])}
    number = 1
    while f"m{number}" in taken:
        number += 1
    new = {
        "id": f"m{number}", "type": entity_type, "label": TYPE_LABELS[entity_type],
        "start": start, "end": end, "text": value, "score": 1.0, "action": action,
        "replacement": _replacement(treatment, value), "recognizer": "officer",
        "explanation": "审查员选中原文后手工添加。", "status": "approved", "decided_by": officer,
    }  # fmt: skip
    review.setdefault("findings", []).append(new)
    review["findings"].sort(key=lambda f: (f["start"], f["end"]))
    return new


def _replacement(treatment: Any, value: str) -> str | None:
    try:
        return treatment.replacement(value)
    except Exception:  # an operator that needs more than the value (a pseudonym's key)
        return None  # the writers black it out (■)


def settle_attribute(
    review: dict[str, Any], attribute: str, ground: str | None, explanation: str, officer: str
) -> str:
    """Set the attribute an officer decided, with its ground and a required explanation.
    Returns the attribute it replaces."""
    if attribute not in LABELS:
        raise DecisionError("公开属性无效 / unknown attribute")
    explanation = explanation.strip()
    if len(explanation) < MIN_EXPLANATION:
        raise DecisionError(
            f"请写明理由（至少 {MIN_EXPLANATION} 个字）/ an explanation is required"
        )
    if attribute == "not_public" and ground not in NOT_PUBLIC_CODES:
        raise DecisionError("不予公开须选择法定理由 / not_public needs its legal ground")
    if ground and (ground not in GROUNDS or GROUNDS[ground].attribute != attribute):
        raise DecisionError("理由与公开属性不符 / the ground does not fit the attribute")
    disclosure = review["disclosure"]
    previous = disclosure["attribute"]
    proposed = disclosure.get("decision", {}).get("proposed_attribute", previous)
    disclosure.update(
        attribute=attribute, label=LABELS[attribute].label, marking=LABELS[attribute].marking
    )
    # An earlier decision's reason goes; the system's own reasons stay, as evidence.
    disclosure["reasons"] = [r for r in disclosure["reasons"] if not r.get("by_officer")]
    if ground:
        g = GROUNDS[ground]
        reason = {"code": ground, "article": g.article, "explanation": explanation,
                  "evidence": [], "label": g.label, "by_officer": True}  # fmt: skip
        disclosure["reasons"].insert(0, reason)
    disclosure["decision"] = {
        "attribute": attribute, "ground": ground, "explanation": explanation,
        "decided_by": officer, "proposed_attribute": proposed,
    }  # fmt: skip
    return previous


def pending(review: dict[str, Any]) -> list[dict[str, Any]]:
    """Proposals to de-identify that no officer has decided yet."""
    return [
        f
        for f in review.get("findings", [])
        if f.get("action") != "keep" and f.get("status", "proposed") == "proposed"
    ]


def sign(review: dict[str, Any], officer: str, at: str, output_sha256: str) -> None:
    if pending(review):
        raise DecisionError(
            f"还有 {len(pending(review))} 项未决定，不能签发 / decide every finding first"
        )
    review["signature"] = {"signed_by": officer, "signed_at": at, "output_sha256": output_sha256}
