"""PDF redaction burns page images too: the pixels of an image under a finding's box are
blanked in the image itself (so a scanned page, whose OCR characters map to boxes in PDF
points, is redacted by the same code), and the pixels elsewhere are untouched."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from gkreview.ingest.offsets import PdfLocation
from gkreview.ingest.reader import read_document
from gkreview.redact.writers import rescan_with, write_redacted
from gkreview.review.pipeline import Reviewer

GREY = 128
IMAGE_BOX = (60.0, 40.0, 460.0, 140.0)  # x0, top, x1, bottom in points, top-left origin


def make_pdf_over_image(path: Path) -> Path:
    """A page with a uniform grey image (1 pixel per point) and CJK text drawn over it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    _, height = A4
    x0, top, x1, bottom = IMAGE_BOX
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    image = ImageReader(Image.new("L", (int(x1 - x0), int(bottom - top)), GREY))
    pdf.drawImage(image, x0, height - bottom, x1 - x0, bottom - top)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, height - 72, "当事人王建国，联系电话13920231234。")
    pdf.drawString(72, height - 93.6, "本机关拟作出罚款的行政处罚。")
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="module")
def redacted(reviewer: Reviewer, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder = tmp_path_factory.mktemp("pdfimg")
    source = make_pdf_over_image(folder / "告知书.pdf")
    review = reviewer.review_path(source).to_dict(with_text=True)
    for f in review["findings"]:
        f["status"] = "approved"
    out = folder / "告知书.公开版.pdf"
    write_redacted(source, review, out, rescan=rescan_with(reviewer))
    return source, review, out


def image_pixels(path: Path) -> pymupdf.Pixmap:
    pdf = pymupdf.open(str(path))
    xref = pdf[0].get_images()[0][0]
    return pymupdf.Pixmap(pdf, xref)


def test_writers_pdf_image_pixels_under_boxes_blanked(redacted: tuple) -> None:
    source, review, out = redacted
    doc = read_document(source)
    person = next(f for f in review["findings"] if f["type"] == "PERSON")
    before, after = image_pixels(source), image_pixels(out)
    assert Counter(before.samples) == {GREY: before.width * before.height}

    x0, top = IMAGE_BOX[0], IMAGE_BOX[1]
    for i in range(person["start"], person["end"]):
        loc = doc.offsets.locate(i)
        assert isinstance(loc, PdfLocation)
        cx, cy = (loc.x0 + loc.x1) / 2, (loc.top + loc.bottom) / 2
        assert after.pixel(int(cx - x0), int(cy - top)) != (GREY,), review["findings"]

    # Away from every finding (the second line, the image's empty lower part) nothing changed.
    kept = read_document(source).text.index("行政处罚")
    loc = doc.offsets.locate(kept)
    assert isinstance(loc, PdfLocation)
    assert after.pixel(int(loc.x0 + 2 - x0), int(loc.top + 2 - top)) == (GREY,)
    assert after.pixel(int(440 - x0), int(135 - top)) == (GREY,)
    changed = sum(1 for value in after.samples if value != GREY)
    assert 0 < changed < 0.1 * after.width * after.height


def test_writers_pdf_text_over_image_removed(redacted: tuple) -> None:
    _, review, out = redacted
    removed = {f["text"] for f in review["findings"] if f["action"] != "keep"}
    assert {"王建国", "13920231234"} <= removed
    text = "".join(page.get_text() for page in pymupdf.open(str(out)))
    for value in removed:
        assert value not in text
    assert "本机关拟作出罚款的行政处罚。" in text.replace("\n", "")
