"""Scanned PDFs for tests: Chinese text drawn into a page image, the image the page's only
content (no text layer), as a scanner or a copier writes it.

The font is the CJK fallback font that PyMuPDF ships (Droid Sans Fallback), drawn with
Pillow, so nothing is downloaded and no system font is needed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFont

A4_POINTS = (595.28, 841.89)


def cjk_font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(pymupdf.Font("china-s").buffer), size_px)


def page_image(
    lines: Sequence[str], *, dpi: int = 200, font_pt: float = 14, margin_pt: float = 72
) -> Image.Image:
    """A white A4 page at ``dpi`` with ``lines`` in black, ``font_pt`` high, 1.8 lines apart."""
    scale = dpi / 72
    width, height = (round(v * scale) for v in A4_POINTS)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = cjk_font(round(font_pt * scale))
    for i, line in enumerate(lines):
        draw.text(
            (margin_pt * scale, (margin_pt + i * font_pt * 1.8) * scale), line, font=font, fill=0
        )
    return image


def make_scanned_pdf(
    path: Path | str, pages: Sequence[Sequence[str]], *, dpi: int = 200, font_pt: float = 14
) -> Path:
    """A PDF of A4 pages, each one JPEG image of its lines and nothing else."""
    pdf = pymupdf.open()
    for lines in pages:
        buf = io.BytesIO()
        page_image(lines, dpi=dpi, font_pt=font_pt).save(buf, format="JPEG", quality=85)
        page = pdf.new_page(width=A4_POINTS[0], height=A4_POINTS[1])
        page.insert_image(page.rect, stream=buf.getvalue())
    path = Path(path)
    pdf.save(str(path), garbage=4, deflate=True)
    pdf.close()
    return path


def page_pixels(path: Path | str, number: int = 1, dpi: int = 200) -> Image.Image:
    """Page ``number`` of a PDF rendered to a greyscale image (to look at what a reader sees)."""
    with pymupdf.open(str(path)) as pdf:
        pix = pdf[number - 1].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        return Image.frombytes("L", (pix.width, pix.height), pix.samples)
