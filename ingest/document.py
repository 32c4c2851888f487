"""What every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from gkreview.ingest.offsets import OffsetMap


class ReadError(Exception):
    """A document could not be read. The message says why, in one line, for a person."""


@dataclass(slots=True)
class SourceWarning:
    """Something in the source that leaks on publication (tracked change, comment, property).

    ``code`` is stable English for programs; ``message`` is Chinese for people; ``location``
    says where in the source (e.g. "/word/document.xml 第3段" or "docProps/core.xml author").
    """

    code: str
    message: str
    location: str
    excerpt: str | None = None


@dataclass(slots=True)
class ExtractedDocument:
    text: str
    offsets: OffsetMap
    format: str  # "txt", "docx", "pdf"
    pages: int | None = None
    encoding: str | None = None  # txt only
    warnings: list[SourceWarning] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)  # e.g. docx core title
    ocr_pages: list[int] = field(default_factory=list)  # pdf pages whose text came from OCR
