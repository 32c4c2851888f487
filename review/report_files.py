"""Writes the annotated reviews of ``check --format html|docx`` next to each other in a folder.

File names keep the input's full name, as the JSON and text reviews do, so that the reviews
of 通知.docx and 通知.pdf never overwrite each other:

* ``<name>.review.html``: the HTML review;
* ``<name>.review.docx``: the 审查单;
* ``<name>.annotated.docx``: the original with a Word comment on each finding (docx inputs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gkreview.ingest.document import ReadError
from gkreview.ingest.reader import read_document
from gkreview.review.annotate_docx import AnnotatedDocx, AnnotationError, annotate_docx
from gkreview.review.report_docx import render_review_docx
from gkreview.review.report_html import render_html


def html_path(out: Path, source: Path) -> Path:
    return out / f"{source.name}.review.html"


def sheet_path(out: Path, source: Path) -> Path:
    return out / f"{source.name}.review.docx"


def annotated_path(out: Path, source: Path) -> Path:
    return out / f"{source.name}.annotated.docx"


def write_html(review: dict[str, Any], text: str | None, target: Path) -> Path:
    target.write_text(render_html(review, text), encoding="utf-8")
    return target


def annotated_copy(source: Path, review: dict[str, Any], text: str | None) -> AnnotatedDocx:
    """The original docx with its comments; ``ReadError`` if it cannot be annotated.

    The file is read again for its offset map: the review's offsets point into the text the
    reader produced, and annotating is refused if the file changed since (other text).
    """
    doc = read_document(source)
    if text is not None and doc.text != text:
        raise ReadError(f"{source}：文件在审查后被修改，无法批注 / changed since it was reviewed")
    try:
        return annotate_docx(source.read_bytes(), doc.text, doc.offsets, review["findings"])
    except AnnotationError as exc:
        raise ReadError(f"{source}：{exc}") from exc


def write_docx(
    source: Path, review: dict[str, Any], text: str | None, out: Path
) -> tuple[list[Path], AnnotatedDocx | None]:
    """The 审查单, and for a docx input its annotated copy; returns the files written."""
    written = [sheet_path(out, source)]
    written[0].write_bytes(render_review_docx(review))
    annotated = None
    if review["document"]["format"] == "docx":
        annotated = annotated_copy(source, review, text)
        target = annotated_path(out, source)
        target.write_bytes(annotated.data)
        written.append(target)
    return written, annotated
