"""The batch's tables: ``summary.csv`` (UTF-8 with a BOM so that Excel opens it; the
contract's columns first) and ``summary.xlsx`` (Chinese headers, one column per entity type,
frozen header, filters), one row per input, sorted for the human pass: failures, then
not_public, on_request, public, each lowest confidence first. ``conversions.csv`` lists the
documents earlier withheld that now look public (第十八条).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gkreview.redact.entities import LABELS
from gkreview.review.batch.state import Row

CSV_COLUMNS = (
    "path", "status", "attribute", "reasons", "findings", "error",
    "confidence", "ground", "title", "doc_number", "issuer", "date", "in_period",
    "previous_attribute", "conversion", "duplicate_of", "sha256",
)  # fmt: skip
_ORDER = {"not_public": 0, "on_request": 1, "public": 2}
ATTRIBUTE_LABELS = {"public": "主动公开", "on_request": "依申请公开", "not_public": "不予公开"}


@dataclass(slots=True)
class Extra:
    """What the summary adds to a row: filters, earlier attributes, duplicates."""

    in_period: str = ""  # yes | no | unknown ("" without --since/--until)
    previous_attribute: str = ""
    conversion: str = ""  # "yes" when earlier withheld and now public
    duplicate_of: str = ""


def sort_key(r: Row) -> tuple:
    return (r.status != "failed", _ORDER.get(r.attribute or "", 3), r.confidence or 0.0, r.path)


def write_summary(
    rows: Sequence[Row], path: Path, extra: Mapping[str, Extra] | None = None
) -> None:
    extra = extra or {}
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for r in sorted(rows, key=sort_key):
            e = extra.get(r.path, Extra())
            values = {**{c: getattr(r, c, None) for c in CSV_COLUMNS if hasattr(r, c)},
                      "in_period": e.in_period, "previous_attribute": e.previous_attribute,
                      "conversion": e.conversion, "duplicate_of": e.duplicate_of}  # fmt: skip
            writer.writerow(["" if values.get(c) is None else values[c] for c in CSV_COLUMNS])
    tmp.replace(path)


def write_conversions(rows: Sequence[Row], path: Path, extra: Mapping[str, Extra]) -> int:
    chosen = [r for r in sorted(rows, key=lambda r: r.path) if r.path in extra
              and extra[r.path].conversion]  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("path", "title", "doc_number", "previous_attribute", "attribute",
                         "confidence"))  # fmt: skip
        for r in chosen:
            before = extra[r.path].previous_attribute
            writer.writerow((r.path, r.title or "", r.doc_number or "", before, r.attribute,
                             r.confidence))  # fmt: skip
    return len(chosen)


def write_xlsx(rows: Sequence[Row], path: Path, extra: Mapping[str, Extra] | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    extra = extra or {}
    types = sorted({t for r in rows for t in json.loads(r.by_type or "{}")})
    header = ["文件", "标题", "文号", "发文机关", "成文日期", "公开属性", "不予公开理由", "置信度",
              *[f"{LABELS.get(t, t)}" for t in types], "状态", "错误", "重复于", "原属性",
              "可转为主动公开"]  # fmt: skip
    book = Workbook()
    sheet = book.active
    sheet.title = "审查汇总"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in sorted(rows, key=sort_key):
        counts = json.loads(r.by_type or "{}")
        e = extra.get(r.path, Extra())
        sheet.append([
            r.path, r.title, r.doc_number, r.issuer, r.date,
            ATTRIBUTE_LABELS.get(r.attribute or "", r.attribute), r.ground, r.confidence,
            *[counts.get(t, 0) for t in types],
            "成功" if r.status == "ok" else "失败", r.error, e.duplicate_of or None,
            ATTRIBUTE_LABELS.get(e.previous_attribute, e.previous_attribute) or None,
            "是" if e.conversion else None,
        ])  # fmt: skip
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, width in zip("ABCDEFGH", (36, 40, 22, 24, 12, 12, 28, 8), strict=True):
        sheet.column_dimensions[column].width = width
    tmp = path.with_suffix(".xlsx.tmp")
    book.save(tmp)
    tmp.replace(path)
