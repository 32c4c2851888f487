"""The 审查单 (review sheet) as a Word file: what the officers print, sign and file.

It carries the document's metadata, the proposed attribute with its ground, article and
evidence, whether the document is released after 区分处理, the findings with their proposed
treatment, the hidden content to clear, and signature lines for the drafter (拟稿人), the
reviewer (审核人) and the approver (签发人). It is built from the contract's JSON form of the
review, so the sheet says what programs see.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from gkreview.review.report_labels import (
    action_label,
    finding_label,
    ground_label,
    split_warnings,
    status_label,
)

SIGNERS: tuple[str, ...] = ("拟稿人", "审核人", "签发人")
FINDING_COLUMNS: tuple[str, ...] = (
    "序号",
    "类型",
    "原文",
    "建议处理",
    "替换为",
    "置信度",
    "识别器",
    "状态",
)
_BLANK_DATE = "　　　　年　　月　　日"
_BLANK_NAME = "　" * 8


def _font(document: Any) -> None:
    """Chinese text needs an East Asian font set explicitly, or Word falls back oddly."""
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def _table(document: Any, rows: list[tuple[str, str]]) -> Table:
    """A two-column table: label, value."""
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in rows:
        cells = table.add_row().cells
        cells[0].text = key
        cells[1].text = value
        for run in cells[0].paragraphs[0].runs:
            run.bold = True
    return table


def _metadata_rows(review: dict[str, Any]) -> list[tuple[str, str]]:
    doc = review["document"]
    pages = f"，{doc['pages']}页" if doc.get("pages") else ""
    rows = [
        ("标题", doc.get("title")),
        ("文号", doc.get("doc_number")),
        ("发文机关", doc.get("issuer")),
        ("成文日期", doc.get("date")),
        ("文种", doc.get("doc_type")),
        ("密级标志", (doc.get("secrecy") or {}).get("text")),
        ("文件名", doc["name"]),
        ("格式", f"{doc['format']}（{doc.get('chars', 0)}字{pages}）"),
        ("SHA-256", doc["sha256"]),
        ("审查编号", review.get("review_id")),
        ("审查时间", review.get("created_at")),
    ]
    return [(k, str(v) if v else "（未识别）") for k, v in rows]


def _evidence(reason: dict[str, Any]) -> str:
    return "\n".join(f"“{ev['text']}”" for ev in reason.get("evidence", [])) or "—"


def _disclosure(document: Any, disc: dict[str, Any]) -> None:
    document.add_heading("二、公开属性", level=2)
    partial = "是，区分处理后公开" if disc.get("partial") else "否"
    rows = [
        ("建议公开属性", str(disc["label"])),
        ("附注行", f"（{disc.get('marking', '')}）"),
        ("置信度", f"{float(disc['confidence']):.2f}"),
        ("区分处理", partial),
    ]
    if disc.get("topic"):
        rows.append(("主题分类", str(disc["topic"])))
    _table(document, rows)
    groups = (("理由", disc.get("reasons", [])), ("需区分处理的内容", disc.get("parts", [])))
    for heading, reasons in groups:
        if not reasons:
            continue
        document.add_paragraph(heading + "：")
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, title in zip(
            table.rows[0].cells, ("依据", "条款", "说明", "依据原文"), strict=True
        ):
            cell.text = title
        for reason in reasons:
            cells = table.add_row().cells
            cells[0].text = ground_label(reason)
            cells[1].text = str(reason.get("article", ""))
            cells[2].text = str(reason.get("explanation", ""))
            cells[3].text = _evidence(reason)


def _findings(document: Any, findings: list[dict[str, Any]]) -> None:
    flagged = sum(1 for f in findings if f["action"] != "keep")
    document.add_heading("三、个人信息去标识化", level=2)
    document.add_paragraph(
        f"共 {len(findings)} 处：{flagged} 处需去标识化，{len(findings) - flagged} 处保留。"
    )
    if not findings:
        return
    table = document.add_table(rows=1, cols=len(FINDING_COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, FINDING_COLUMNS, strict=True):
        cell.text = title
    for i, f in enumerate(findings, 1):
        proposal = action_label(f["action"])
        if f["action"] == "keep" and f.get("explanation"):
            proposal += f"（{f['explanation']}）"
        values = (
            str(i),
            finding_label(f),
            str(f["text"]),
            proposal,
            str(f.get("replacement") or "—"),
            f"{float(f['score']):.2f}",
            str(f.get("recognizer", "")),
            status_label(f.get("status", "proposed")),
        )
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _warnings(document: Any, all_warnings: list[dict[str, Any]]) -> None:
    warnings, notes = split_warnings(all_warnings)
    document.add_heading("四、发布前须处理的隐藏内容", level=2)
    if not warnings:
        document.add_paragraph("未发现修订、批注、文档属性等隐藏内容。")
    else:
        _warning_table(document, warnings)
    if notes:
        document.add_paragraph("读取说明：")
        _warning_table(document, notes)


def _warning_table(document: Any, warnings: list[dict[str, Any]]) -> None:
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("问题", "位置", "内容"), strict=True):
        cell.text = title
    for w in warnings:
        cells = table.add_row().cells
        cells[0].text = str(w["message"])
        cells[1].text = str(w["location"])
        cells[2].text = str(w.get("excerpt") or "—")


def _signatures(document: Any) -> None:
    document.add_heading("五、审核签发", level=2)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title in zip(table.rows[0].cells, ("环节", "意见", "签名", "日期"), strict=True):
        cell.text = title
    for role in SIGNERS:
        cells = table.add_row().cells
        cells[0].text = role
        cells[1].text = "\n\n"
        cells[2].text = _BLANK_NAME
        cells[3].text = _BLANK_DATE


def render_review_docx(review: dict[str, Any]) -> bytes:
    """The 审查单 for one review (contract JSON form), as the bytes of a .docx file."""
    document = docx.Document()
    _font(document)
    props = document.core_properties
    props.author = "gkreview"
    props.last_modified_by = "gkreview"
    props.comments = ""
    props.title = f"审查单：{review['document'].get('title') or review['document']['name']}"

    heading = document.add_heading("政府信息公开审查单", level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading("一、文件信息", level=2)
    _table(document, _metadata_rows(review))
    _disclosure(document, review["disclosure"])
    _findings(document, review["findings"])
    _warnings(document, review.get("warnings", []))
    _signatures(document)
    note = document.add_paragraph(
        "说明：本审查单由 gkreview 自动生成，公开属性与去标识化建议须经审核人、签发人确认。"
    )
    for run in note.runs:
        run.font.size = Pt(9)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
