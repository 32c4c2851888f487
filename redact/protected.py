"""Spans of a document where no personal data is ever flagged.

文号 (津政办函〔2017〕72号) and 索引号 (000014349/2017-00123) are made of digits that can look
like phone or card numbers, and hotlines (12345, 12315) are public service numbers. These
are found once per document on the folded text, and detections inside them are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,15}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号"
)
_INDEX_NUMBER = re.compile(r"索\s*引\s*号\s*[:：]?\s*[0-9A-Za-z/\-_. ]{4,64}")
_HOTLINE = re.compile(
    r"(?<![0-9])(?:12345|12315|12369|12333|12320|12318|12110|110|119|120|122)(?![0-9])"
    r"(?=\s*(?:热线|服务热线|便民|政务|举报|投诉|电话|平台))"
)


@dataclass(frozen=True, slots=True)
class ProtectedSpan:
    start: int
    end: int
    kind: str  # doc_number | index_number | hotline


def protected_spans(folded_text: str) -> list[ProtectedSpan]:
    spans: list[ProtectedSpan] = []
    for kind, pattern in (
        ("doc_number", _DOC_NUMBER),
        ("index_number", _INDEX_NUMBER),
        ("hotline", _HOTLINE),
    ):
        spans.extend(ProtectedSpan(m.start(), m.end(), kind) for m in pattern.finditer(folded_text))
    return sorted(spans, key=lambda s: s.start)


def overlaps_any(start: int, end: int, spans: list[ProtectedSpan]) -> ProtectedSpan | None:
    for span in spans:
        if span.start < end and start < span.end:
            return span
    return None
