"""The de-identified copy of a PDF: true redaction, not a black box over live text.

PyMuPDF's ``apply_redactions`` removes the characters under each box from the page's content
stream and, with ``PDF_REDACT_IMAGE_PIXELS``, blanks the pixels of images under it, so a
scanned page whose OCR characters map to boxes (PdfLocation in PDF points) is burnt too. The
box carries the finding's type code (区分处理). Then the metadata, the XMP packet, the
annotations and the links go, and the file is written whole with unused objects collected:
no incremental update keeps the old content behind the new.

PyMuPDF is AGPL-3.0 licensed (see the README).
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from gkreview.ingest.document import ExtractedDocument
from gkreview.ingest.offsets import PdfLocation
from gkreview.redact.writers.plan import Edit

_FILL = (0, 0, 0)
_TEXT_COLOUR = (1, 1, 1)
# Text is removed glyph by glyph, and MuPDF removes every glyph a box touches, by its own
# glyph widths (the 1 of "1杨平" in a table row is wider to MuPDF than to pdfplumber): text
# boxes are each character's middle. Image pixels are blanked under the whole box.
_TEXT_INSET_X = 0.3  # of the character's width, on each side
_TEXT_INSET_Y = 0.1  # of its height: lines lie further apart, and the label needs room
_IMAGE_PAD = 0.5  # points, so anti-aliased edges of a scanned glyph go too


def edit_boxes(
    doc: ExtractedDocument, edit: Edit, for_text: bool = True
) -> list[tuple[int, pymupdf.Rect]]:
    """One rectangle per page line of the edit: its characters' boxes merged, in the
    reader's coordinates (see ``to_pymupdf``)."""
    boxes: list[tuple[int, pymupdf.Rect]] = []
    for loc in doc.offsets.locate_span(edit.start, edit.end):
        if not isinstance(loc, PdfLocation):
            continue
        if for_text:
            dx = (loc.x1 - loc.x0) * _TEXT_INSET_X
            dy = (loc.bottom - loc.top) * _TEXT_INSET_Y
            rect = pymupdf.Rect(loc.x0 + dx, loc.top + dy, loc.x1 - dx, loc.bottom - dy)
        else:
            rect = pymupdf.Rect(
                loc.x0 - _IMAGE_PAD, loc.top - _IMAGE_PAD, loc.x1 + _IMAGE_PAD,
                loc.bottom + _IMAGE_PAD,
            )  # fmt: skip
        if boxes and boxes[-1][0] == loc.page and _same_line(boxes[-1][1], rect):
            boxes[-1] = (loc.page, boxes[-1][1] | rect)
        else:
            boxes.append((loc.page, rect))
    return boxes


def to_pymupdf(page: pymupdf.Page, rect: pymupdf.Rect, ocr: bool) -> pymupdf.Rect:
    """A reader's box on ``page`` in PyMuPDF's coordinates (the unrotated page, from the
    crop box's top-left corner), where redaction annotations go.

    The two readers differ: pdfplumber's characters are on the page as shown (/Rotate
    applied) from the media box's top-left corner; the OCR's boxes are already PyMuPDF's
    (it renders with PyMuPDF and maps pixels back through the derotation matrix)."""
    if ocr:
        return rect
    width, height = page.mediabox.width, page.mediabox.height
    rotation = page.rotation % 360

    def unrotate(x: float, y: float) -> tuple[float, float]:
        if rotation == 90:
            return y, height - x
        if rotation == 180:
            return width - x, height - y
        if rotation == 270:
            return width - y, x
        return x, y

    (ax, ay), (bx, by) = unrotate(rect.x0, rect.y0), unrotate(rect.x1, rect.y1)
    shift = page.cropbox_position
    return pymupdf.Rect(
        min(ax, bx) - shift.x, min(ay, by) - shift.y, max(ax, bx) - shift.x, max(ay, by) - shift.y
    )


def _same_line(a: pymupdf.Rect, b: pymupdf.Rect) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap > 0.5 * min(a.height, b.height)


def write_pdf(data: bytes, doc: ExtractedDocument, edits: Sequence[Edit]) -> bytes:
    """Two passes per page: the text (glyphs removed, a box with the type printed), then the
    images (pixels blanked under the full boxes, nothing drawn over the first pass's box)."""
    pdf = pymupdf.open(stream=data, filetype="pdf")
    try:
        pages: set[int] = set()
        for edit in edits:
            for number, rect in edit_boxes(doc, edit, for_text=True):
                page = pdf[number - 1]
                page.add_redact_annot(
                    to_pymupdf(page, rect, ocr=number in doc.ocr_pages),
                    text=edit.type,
                    fontname="helv",
                    fontsize=min(6.0, max(rect.height * 0.8, 3.0)),
                    fill=_FILL,
                    text_color=_TEXT_COLOUR,
                    cross_out=False,
                )
                pages.add(number - 1)
        for index in sorted(pages):
            pdf[index].apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_NONE,
                graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
        for edit in edits:
            for number, rect in edit_boxes(doc, edit, for_text=False):
                page = pdf[number - 1]
                box = to_pymupdf(page, rect, ocr=number in doc.ocr_pages)
                page.add_redact_annot(box, fill=False, cross_out=False)
        for index in sorted(pages):
            pdf[index].apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                text=pymupdf.PDF_REDACT_TEXT_NONE,
            )
        _strip(pdf)
        return pdf.tobytes(garbage=4, deflate=True, clean=True, no_new_id=False)
    finally:
        pdf.close()


def _strip(pdf: pymupdf.Document) -> None:
    """Metadata, XMP, annotations, form fields (their values), links, embedded files and
    the outline's text go."""
    pdf.set_metadata({})
    pdf.del_xml_metadata()
    for page in pdf:
        for annot in list(page.annots() or []):
            page.delete_annot(annot)
        for widget in list(page.widgets() or []):
            page.delete_widget(widget)
        for link in page.get_links():
            page.delete_link(link)
    for name in list(pdf.embfile_names()):
        pdf.embfile_del(name)
    pdf.set_toc([])
