"""The review as a short Chinese summary for the person who signs the draft.

It reads the contract's JSON form, so a person sees exactly what programs see.
"""

from __future__ import annotations

import re
from typing import Any

from gkreview.review.report_labels import split_warnings

_ACTIONS = {
    "redact": "删除",
    "mask": "遮盖",
    "pseudonymize": "化名",
    "generalize": "泛化",
    "keep": "保留",
}


def _line_of(text: str | None, offset: int) -> str:
    if text is None:
        return ""
    return f"（第{text.count(chr(10), 0, offset) + 1}行）"


def _sentence_around(text: str | None, start: int, end: int, limit: int = 60) -> str:
    """The sentence holding the evidence, so the reader sees it in context."""
    if text is None:
        return ""
    stops = "。！？；\n"
    left = max((text.rfind(c, 0, start) for c in stops), default=-1) + 1
    rights = [i for c in stops if (i := text.find(c, end)) != -1]
    right = min(rights) + 1 if rights else len(text)
    # evidence that spans lines (an issuer line and the title) is quoted on one line
    sentence = re.sub(r"\s*\n\s*", " ", text[left:right].strip())
    if len(sentence) > limit:
        sentence = sentence[: limit - 1] + "…"
    return sentence


def render_text(review: dict[str, Any], text: str | None = None) -> str:
    doc = review["document"]
    disc = review["disclosure"]
    lines: list[str] = []
    size = f"{doc['chars']}字" + (f"，{doc['pages']}页" if doc.get("pages") else "")
    lines.append(f"文件：{doc['name']}（{doc['format']}，{size}）")
    meta = [
        ("标题", doc.get("title")),
        ("文号", doc.get("doc_number")),
        ("发文机关", doc.get("issuer")),
        ("成文日期", doc.get("date")),
    ]
    shown = [f"{k}：{v}" for k, v in meta if v]
    if shown:
        lines.append("　".join(shown))
    if doc.get("secrecy"):
        lines.append(f"密级标志：{doc['secrecy']['text']}")
    lines.append("")
    partial = "（可区分处理后公开）" if disc["partial"] else ""
    lines.append(f"建议公开属性：{disc['label']}{partial}　置信度 {disc['confidence']:.2f}")
    lines.append(f"附注行：（{disc['marking']}）")
    if disc.get("topic"):
        lines.append(f"主题分类：{disc['topic']}（置信度 {disc['topic_confidence']:.2f}）")
    for reason in disc["reasons"]:
        ground = reason.get("label") or reason["code"]
        lines.append(f"  理由：{ground}（{reason['article']}）— {reason.get('explanation', '')}")
        quoted: list[str] = []  # several cue words in one sentence: the sentence once
        for ev in reason["evidence"]:
            sentence = _sentence_around(text, ev["start"], ev["end"]) or ev["text"]
            line = f"    依据原文{_line_of(text, ev['start'])}：“{sentence}”"
            if line not in quoted:
                quoted.append(line)
        lines += quoted[:3]
    for part in disc.get("parts", []):
        ground = part.get("label") or part["code"]
        lines.append(f"  需区分处理：{ground}（{part['article']}）— {part.get('explanation', '')}")

    flagged = [f for f in review["findings"] if f["action"] != "keep"]
    kept = [f for f in review["findings"] if f["action"] == "keep"]
    lines.append("")
    lines.append(f"个人信息：{len(flagged)} 处需去标识化，{len(kept)} 处保留")
    for i, f in enumerate(review["findings"], 1):
        action = _ACTIONS.get(f["action"], f["action"])
        label = f.get("label", f["type"])
        where = _line_of(text, f["start"])
        if f["action"] == "keep":
            lines.append(f"  {i}. [{label}] {f['text']} → 保留{where}")
        else:
            lines.append(f"  {i}. [{label}] {f['text']} → {f['replacement']}（{action}）{where}")
    warnings, notes = split_warnings(review.get("warnings", []))
    for heading, group in (("发布前须处理的隐藏内容", warnings), ("读取说明", notes)):
        if not group:
            continue
        lines.append("")
        lines.append(f"{heading}：{len(group)} 项")
        for w in group:
            excerpt = f"：“{w['excerpt']}”" if w.get("excerpt") else ""
            lines.append(f"  - {w['message']}（{w['location']}）{excerpt}")
    return "\n".join(lines) + "\n"
