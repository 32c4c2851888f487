"""Chinese words the annotated reviews (html, 审查单, annotated docx) show for program codes.

Kept in one place so that the three reports say the same thing about the same finding.
"""

from __future__ import annotations

from typing import Any

ACTIONS: dict[str, str] = {
    "redact": "删除",
    "mask": "遮盖",
    "pseudonymize": "化名",
    "generalize": "泛化",
    "keep": "保留",
}

STATUSES: dict[str, str] = {
    "proposed": "待审核",
    "approved": "已批准",
    "rejected": "已驳回",
}


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def finding_label(finding: dict[str, Any]) -> str:
    """The type in Chinese (``label`` is an addition to the contract; fall back to the code)."""
    return str(finding.get("label") or finding["type"])


def treatment(finding: dict[str, Any]) -> str:
    """What is proposed, in one phrase: "化名为 张某", "保留（公开职务）"."""
    if finding["action"] == "keep":
        return "保留"
    replacement = finding.get("replacement")
    verb = action_label(finding["action"])
    return f"{verb}为 {replacement}" if replacement else verb


def comment_text(finding: dict[str, Any]) -> str:
    """The Word comment on one finding: type, text, treatment, confidence, why."""
    parts = [
        f"【{finding_label(finding)}】{finding['text']}",
        f"建议处理：{treatment(finding)}",
        f"置信度：{float(finding['score']):.2f}",
        f"状态：{status_label(finding.get('status', 'proposed'))}",
    ]
    if finding.get("recognizer"):
        parts.append(f"识别器：{finding['recognizer']}")
    if finding.get("explanation"):
        parts.append(f"说明：{finding['explanation']}")
    return "\n".join(parts)


def ground_label(reason: dict[str, Any]) -> str:
    return str(reason.get("label") or reason["code"])


# Warnings that say how the text was read (OCR, a legacy converter), not what leaks: the
# reports list them apart, under 读取说明, so that "hidden content to deal with" means that.
READING_NOTES = frozenset(
    {"ocr_text", "ocr_unavailable", "ocr_failed", "legacy_format", "page_without_text"}
)


def split_warnings(
    warnings: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(leaks to deal with before publication, notes on how the text was read)."""
    leaks = [w for w in warnings if w.get("code") not in READING_NOTES]
    notes = [w for w in warnings if w.get("code") in READING_NOTES]
    return leaks, notes
