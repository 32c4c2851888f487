"""The review as one self-contained HTML page, for the officer who approves the findings.

One file, inline CSS, no script, no external asset: it is mailed, archived and opened on
machines without network access. The document text is untrusted (anyone may have written
it), so every piece of it is escaped, attributes included.

Findings are ``<mark>`` elements carrying ``data-finding`` (the id) and ``data-type`` (the
code), coloured by type; findings that are kept (officials in their public role) are outlined
instead of filled. Evidence for the proposed attribute is underlined where it stands. Where
two findings overlap, the first is highlighted in the text and both are listed in the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from gkreview.review.report_labels import (
    action_label,
    finding_label,
    ground_label,
    split_warnings,
    status_label,
    treatment,
)

# Colours by type (background), readable with black text; unknown types take the fallbacks.
_COLOURS: dict[str, str] = {
    "PERSON": "#ffd6a5",
    "CN_ID_CARD": "#ffadad",
    "PHONE_NUMBER": "#caffbf",
    "BANK_CARD": "#ffc6ff",
    "EMAIL_ADDRESS": "#9bf6ff",
    "ADDRESS": "#fdffb6",
    "LICENSE_PLATE": "#bdb2ff",
    "CN_PASSPORT": "#f1c0e8",
    "DATE_OF_BIRTH": "#a0c4ff",
    "IP_ADDRESS": "#cfbaf0",
    "CN_USCC": "#b9fbc0",
}
_FALLBACK = ("#e9c46a", "#98f5e1", "#f4a261", "#90dbf4", "#ffcfd2")

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",
sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #ccc;
padding-bottom:.2em;margin-top:1.6em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em}dl.meta dt{color:#555}
dl.meta dd{margin:0;word-break:break-all}
.attr{font-size:1.2em;font-weight:bold}.partial{color:#b45309}
.doc{white-space:pre-wrap;border:1px solid #ccc;padding:1em;background:#fafafa;
font-family:"Noto Serif CJK SC","FangSong","SimSun",serif;font-size:1.05em;line-height:1.9}
mark.f{color:inherit;border-radius:2px;padding:0 1px}
mark.f.keep{background:transparent !important;outline:2px dashed #2a9d8f}
.ev{text-decoration:underline 3px #c1121f;text-underline-offset:3px}
.keep-sw{outline:2px dashed #2a9d8f}
.legend span.sw{display:inline-block;padding:0 .5em;margin:.15em .4em .15em 0;border-radius:2px}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eee}td.num{text-align:right}tr.keep td{color:#2a6f68}
.warn{color:#9a3412}footer{margin-top:2em;color:#777;font-size:.85em}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def type_class(entity_type: str) -> str:
    """A CSS class for a type code; the code comes from the review file, so it is cleaned."""
    return "t-" + re.sub(r"[^A-Za-z0-9_-]", "_", entity_type)


def type_colours(findings: list[dict[str, Any]]) -> dict[str, str]:
    colours: dict[str, str] = {}
    spare = iter(_FALLBACK * (1 + len(findings) // len(_FALLBACK)))
    for f in findings:
        t = f["type"]
        if t not in colours:
            colours[t] = _COLOURS.get(t) or next(spare)
    return colours


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    finding: dict[str, Any]


def _marks(findings: list[dict[str, Any]], n_chars: int) -> list[_Mark]:
    """Findings to highlight: in order, inside the text, none overlapping a previous one."""
    marks: list[_Mark] = []
    edge = 0
    for f in sorted(findings, key=lambda f: (int(f["start"]), -int(f["end"]))):
        start, end = int(f["start"]), int(f["end"])
        if start < edge or not 0 <= start < end <= n_chars:
            continue
        marks.append(_Mark(start, end, f))
        edge = end
    return marks


def _evidence_spans(disclosure: dict[str, Any], n_chars: int) -> list[tuple[int, int, str]]:
    """(start, end, anchor ids) of each evidence passage, merged where they overlap."""
    spans: list[tuple[int, int, str]] = []
    reasons = [*disclosure.get("reasons", []), *disclosure.get("parts", [])]
    for i, reason in enumerate(reasons):
        for j, ev in enumerate(reason.get("evidence", [])):
            start, end = int(ev["start"]), int(ev["end"])
            if 0 <= start < end <= n_chars:
                spans.append((start, end, f"ev-{i + 1}-{j + 1}"))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, anchor in spans:
        if merged and start <= merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), f"{prev[2]} {anchor}")
        else:
            merged.append((start, end, anchor))
    return merged


def _with_evidence(text: str, start: int, end: int, evidence: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` escaped, with the evidence inside it underlined."""
    out: list[str] = []
    pos = start
    for ev_start, ev_end, anchor in evidence:
        a, b = max(ev_start, start), min(ev_end, end)
        if a >= b:
            continue
        out.append(_e(text[pos:a]))
        first, *others = anchor.split()
        ident = f' id="{first}"' if a == ev_start else ""
        if a == ev_start:
            out.extend(f'<span id="{other}"></span>' for other in others)
        out.append(f'<span class="ev"{ident}>{_e(text[a:b])}</span>')
        pos = b
    out.append(_e(text[pos:end]))
    return "".join(out)


def _mark_html(text: str, mark: _Mark, evidence: list[tuple[int, int, str]]) -> str:
    f = mark.finding
    keep = f["action"] == "keep"
    classes = f"f {type_class(f['type'])}" + (" keep" if keep else "")
    title = f"{finding_label(f)}：{treatment(f)}（置信度 {float(f['score']):.2f}）"
    if keep and f.get("explanation"):
        title += "；" + str(f["explanation"])
    return (
        f'<mark class="{_e(classes)}" id="{_e(f["id"])}" data-finding="{_e(f["id"])}" '
        f'data-type="{_e(f["type"])}" title="{_e(title)}">'
        f"{_with_evidence(text, mark.start, mark.end, evidence)}</mark>"
    )


def render_document_text(text: str, review: dict[str, Any]) -> str:
    """The document text, escaped, with findings highlighted and evidence underlined."""
    evidence = _evidence_spans(review["disclosure"], len(text))
    out: list[str] = []
    pos = 0
    for mark in _marks(review["findings"], len(text)):
        out.append(_with_evidence(text, pos, mark.start, evidence))
        out.append(_mark_html(text, mark, evidence))
        pos = mark.end
    out.append(_with_evidence(text, pos, len(text), evidence))
    return "".join(out)


def _metadata(doc: dict[str, Any]) -> str:
    rows = [
        ("文件", doc["name"]),
        ("标题", doc.get("title")),
        ("文号", doc.get("doc_number")),
        ("发文机关", doc.get("issuer")),
        ("成文日期", doc.get("date")),
        ("文种", doc.get("doc_type")),
        ("密级标志", (doc.get("secrecy") or {}).get("text")),
        ("格式", doc["format"] + (f"，{doc['pages']}页" if doc.get("pages") else "")),
        ("字数", doc.get("chars")),
        ("SHA-256", doc.get("sha256")),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows if v not in (None, ""))
    return f'<dl class="meta">{items}</dl>'


def _disclosure(disc: dict[str, Any], has_text: bool) -> str:
    partial = '<span class="partial">（可区分处理后公开）</span>' if disc.get("partial") else ""
    out = [
        f'<p><span class="attr">建议公开属性：{_e(disc["label"])}</span>{partial}'
        f"　置信度 {float(disc['confidence']):.2f}</p>",
        f"<p>附注行：（{_e(disc.get('marking'))}）</p>",
    ]
    if disc.get("topic"):
        out.append(
            f"<p>主题分类：{_e(disc['topic'])}"
            f"（置信度 {float(disc.get('topic_confidence') or 0):.2f}）</p>"
        )
    groups = (("理由", disc.get("reasons", [])), ("需区分处理", disc.get("parts", [])))
    offset = 0
    for heading, reasons in groups:
        if not reasons:
            continue
        out.append(f"<h3>{_e(heading)}</h3><ol>")
        for i, reason in enumerate(reasons, offset + 1):
            out.append(
                f"<li><b>{_e(ground_label(reason))}</b>（{_e(reason['article'])}）"
                f"{_e(reason.get('explanation', ''))}"
            )
            evidence = reason.get("evidence", [])
            if evidence:
                out.append("<ul>")
                for j, ev in enumerate(evidence, 1):
                    quote = f"“{_e(ev['text'])}”"
                    if has_text:
                        quote = f'<a href="#ev-{i}-{j}">{quote}</a>'
                    out.append(f"<li>依据原文：{quote}</li>")
                out.append("</ul>")
            out.append("</li>")
        out.append("</ol>")
        offset += len(reasons)
    return "".join(out)


def _legend(findings: list[dict[str, Any]], colours: dict[str, str]) -> str:
    seen: dict[str, str] = {}
    for f in findings:
        seen.setdefault(f["type"], finding_label(f))
    items = [
        f'<span class="sw {_e(type_class(t))}" data-type="{_e(t)}">{_e(name)}</span>'
        for t, name in seen.items()
    ]
    if any(f["action"] == "keep" for f in findings):
        items.append('<span class="sw keep-sw">保留（履职信息等）</span>')
    items.append('<span class="sw ev">公开属性依据</span>')
    return '<p class="legend">图例：' + "".join(items) + "</p>"


def _findings_table(findings: list[dict[str, Any]], has_text: bool) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in ("序号", "类型", "原文", "建议处理", "替换为", "置信度", "识别器", "状态")
    )
    rows = []
    for i, f in enumerate(findings, 1):
        keep = f["action"] == "keep"
        original = _e(f["text"])
        if has_text:
            original = f'<a href="#{_e(f["id"])}">{original}</a>'
        proposal = action_label(f["action"])
        if keep and f.get("explanation"):
            proposal += f"（{f['explanation']}）"
        rows.append(
            f'<tr class="{"keep" if keep else "flag"}" data-finding="{_e(f["id"])}">'
            f'<td class="num">{i}</td><td>{_e(finding_label(f))}</td><td>{original}</td>'
            f"<td>{_e(proposal)}</td><td>{_e(f.get('replacement') or '—')}</td>"
            f'<td class="num">{float(f["score"]):.2f}</td><td>{_e(f.get("recognizer", ""))}</td>'
            f"<td>{_e(status_label(f.get('status', 'proposed')))}</td></tr>"
        )
    if not rows:
        return "<p>未发现个人信息。</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _warnings(all_warnings: list[dict[str, Any]]) -> str:
    warnings, notes = split_warnings(all_warnings)
    out = []
    for heading, css, group in (
        ("发布前须处理的隐藏内容", ' class="warn"', warnings),
        ("读取说明", "", notes),
    ):
        if not group:
            continue
        items = "".join(
            f"<li>{_e(w['message'])}（{_e(w['location'])}）"
            + (f"：“{_e(w['excerpt'])}”" if w.get("excerpt") else "")
            + "</li>"
            for w in group
        )
        out.append(f"<h2{css}>{heading}（{len(group)} 项）</h2><ul>{items}</ul>")
    return "".join(out)


def render_html(review: dict[str, Any], text: str | None = None) -> str:
    """The whole page for one review (contract JSON form); ``text`` is the extracted text."""
    text = text if text is not None else review.get("text")
    doc, disc, findings = review["document"], review["disclosure"], review["findings"]
    colours = type_colours(findings)
    type_css = "".join(f".{type_class(t)}{{background:{c}}}" for t, c in colours.items())
    flagged = sum(1 for f in findings if f["action"] != "keep")
    title = doc.get("title") or doc["name"]
    if text is not None:
        body_text = f'<div class="doc">{render_document_text(text, review)}</div>'
    else:
        body_text = "<p>审查单未附全文，无法标注原文。</p>"
    generator = review.get("generator") or {}
    made_by = " ".join(str(v) for v in (generator.get("name"), generator.get("version")) if v)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>审查单：{_e(title)}</title><style>{_CSS}{type_css}</style></head><body>"
        f"<h1>政府信息公开审查单</h1>{_metadata(doc)}"
        f"<h2>公开属性</h2>{_disclosure(disc, text is not None)}"
        f"<h2>个人信息（{flagged} 处需去标识化，{len(findings) - flagged} 处保留）</h2>"
        f"{_findings_table(findings, text is not None)}"
        f"{_warnings(review.get('warnings', []))}"
        f"<h2>原文标注</h2>{_legend(findings, colours)}{body_text}"
        f"<footer>审查编号 {_e(review.get('review_id'))}　生成时间 {_e(review.get('created_at'))}"
        f"　{_e(made_by)}　本页由程序生成，建议须经审核人确认。</footer>"
        "</body></html>\n"
    )
