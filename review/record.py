"""The one-document review record and its JSON form (schema ``gkreview.review/1``).

Field names follow ``shared/contract``: consumers rely on them, so they are only ever added to.
Additions beyond the contract: ``document.encoding/secrecy/copy_number/doc_type``,
``findings[].label/explanation/context_word/validated``, ``disclosure.parts/topic/
topic_confidence``, ``warnings`` and ``generator``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "gkreview.review/1"


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Reason:
    code: str
    article: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    label: str | None = None  # the ground in Chinese, e.g. 国家秘密


@dataclass(slots=True)
class Disclosure:
    attribute: str
    label: str
    marking: str
    confidence: float
    reasons: list[Reason]
    partial: bool
    parts: list[Reason] = field(default_factory=list)
    topic: str | None = None  # 主题分类 of the government information catalogue
    topic_confidence: float | None = None


@dataclass(slots=True)
class Secrecy:
    level: str
    period: str | None
    text: str
    start: int
    end: int


@dataclass(slots=True)
class DocumentInfo:
    name: str
    format: str
    sha256: str
    chars: int
    pages: int | None = None
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    doc_type: str | None = None
    secrecy: Secrecy | None = None
    copy_number: str | None = None
    encoding: str | None = None


@dataclass(slots=True)
class Finding:
    id: str
    type: str
    label: str
    start: int
    end: int
    text: str
    score: float
    action: str
    replacement: str | None
    recognizer: str
    explanation: str
    status: str = "proposed"
    context_word: str | None = None
    validated: bool | None = None


@dataclass(slots=True)
class ReviewWarning:
    code: str
    message: str
    location: str
    excerpt: str | None = None


@dataclass(slots=True)
class Review:
    review_id: str
    created_at: str
    document: DocumentInfo
    disclosure: Disclosure
    findings: list[Finding]
    warnings: list[ReviewWarning] = field(default_factory=list)
    text: str | None = None
    generator: dict[str, str] = field(default_factory=dict)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA}
        out.update(asdict(self))
        if not with_text or self.text is None:
            out.pop("text")
        if out["document"]["pages"] is None:
            out["document"].pop("pages")
        return out
