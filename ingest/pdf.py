"""PDF reader: the text layer, page by page, each character mapped to its box on the page.

Lines come from pdfplumber's text map (characters clustered into lines top to bottom, left
to right within a line); pages are joined by "\\n". Real characters, spaces included, map to
``PdfLocation``; the spaces and line breaks pdfplumber synthesises map to ``None``.

Scanned pages (no text layer, or a page-sized image with no Chinese text layer) are read by
OCR (``ocr.py``); each OCR character maps to its box in the page image, and the document
carries an ``ocr_text`` warning per page so that the review says where its text came from.

Chinese text has no spaces between words, but justified Chinese lines (and PDFs written with
character spacing) leave gaps between glyphs wider than pdfplumber's word tolerance, so it
synthesises spaces inside names and numbers ("张 三", "1 3 8 0"), which would hide them from
the recognizers. A synthesised space is therefore dropped when its gap is no wider than the
line's usual letter spacing (median gap) plus the tolerance, or when it sits between two CJK
characters in a gap narrower than ``_CJK_GAP_EM`` of the font size. Wider gaps (table
columns, real word breaks in spaced text) keep their space.
"""

from __future__ import annotations

import io
import itertools
import statistics
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.text import chars_to_textmap

from gkreview.ingest.document import ExtractedDocument, ReadError, SourceWarning
from gkreview.ingest.ocr import OcrUnavailable, PdfOcr, needs_ocr, ocr_warning
from gkreview.ingest.offsets import OffsetMap, PdfLocation

_X_TOLERANCE = 3.0  # pdfplumber's default: a wider gap between glyphs starts a new word
_CJK_GAP_EM = 0.5  # between two CJK glyphs, gaps below this many font sizes are not words

Char = dict[str, Any]


def read_pdf(data: bytes, name: str) -> ExtractedDocument:
    """Read the text layer of a PDF, scanned pages by OCR; ``ReadError`` if no page has text."""
    offsets = OffsetMap()
    parts: list[str] = []
    warnings: list[SourceWarning] = []
    ocr_pages: list[int] = []
    empty = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf, PdfOcr(data) as ocr:
            n_pages = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                if number > 1:
                    parts.append("\n")
                    offsets.add(1, None)
                chars, images = page.chars, page.images
                width, height = float(page.width), float(page.height)
                page.close()  # drop the page's parsed objects: long PDFs stay small
                if needs_ocr(chars, images, width, height):
                    pieces = _ocr_pieces(ocr, number, warnings, ocr_pages)
                else:
                    pieces = _page_pieces(chars, number)
                if not pieces:
                    empty += 1
                    warnings.append(_scanned_page(number))
                for text, loc in pieces:
                    parts.append(text)
                    offsets.add(len(text), loc)
    except Exception as exc:  # pdfminer errors, wrapped in PdfminerException or not
        raise _open_error(exc, name) from exc
    if empty == n_pages:  # also when there are no pages
        raise ReadError(
            f"{name}：PDF 没有文字层，文字识别（OCR）也没有识别出文字 / "
            "the PDF has no text layer and OCR found no text in it"
        )
    return ExtractedDocument(
        text="".join(parts),
        offsets=offsets,
        format="pdf",
        pages=n_pages,
        warnings=warnings,
        ocr_pages=ocr_pages,
    )


def _ocr_pieces(
    ocr: PdfOcr, number: int, warnings: list[SourceWarning], ocr_pages: list[int]
) -> list[tuple[str, PdfLocation | None]]:
    """The page read by OCR, its warning added; nothing, with a warning saying why, if OCR is
    not installed or fails on the page (one page's failure does not cost the document)."""
    where = f"第{number}页"
    try:
        result = ocr.page(number)
    except OcrUnavailable as exc:
        message = f"{where}是扫描图像，文字识别（OCR）不可用：{exc}"
        warnings.append(SourceWarning("ocr_unavailable", message, where))
        return []
    except Exception as exc:  # onnxruntime or rendering errors on this page
        warnings.append(
            SourceWarning(
                "ocr_failed", f"{where}文字识别（OCR）失败（{type(exc).__name__}：{exc}）", where
            )
        )
        return []
    if result.pieces:
        ocr_pages.append(number)
        warnings.append(SourceWarning(*ocr_warning(result)))
    return result.pieces


def _scanned_page(number: int) -> SourceWarning:
    return SourceWarning(
        "page_without_text",
        f"第{number}页没有文字层，可能是扫描件，该页内容未经审查",
        f"第{number}页",
    )


def _page_pieces(chars: list[Char], page: int) -> list[tuple[str, PdfLocation | None]]:
    """(text, location) pairs of one page in reading order, spurious spaces dropped."""
    textmap = chars_to_textmap(chars, keep_blank_chars=True, x_tolerance=_X_TOLERANCE)
    tuples: list[tuple[str, Char | None]] = [(t, o) for t, o in textmap.tuples if t]
    pieces: list[tuple[str, PdfLocation | None]] = []
    spacing = 0.0
    for i, (text, obj) in enumerate(tuples):
        if obj is None:
            if text == "\n":
                spacing = 0.0
            elif text == " " and _spurious_space(tuples, i, spacing):
                continue
            pieces.append((text, None))
            continue
        if i == 0 or tuples[i - 1][0] == "\n":
            spacing = _letter_spacing(tuples, i)
        loc = PdfLocation(
            page, float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"])
        )
        pieces.append((text, loc))
    return pieces


def _letter_spacing(tuples: list[tuple[str, Char | None]], start: int) -> float:
    """Median gap between consecutive glyphs of the line starting at ``start`` (0 if short)."""
    gaps: list[float] = []
    previous: Char | None = None
    for text, obj in itertools.islice(tuples, start, None):
        if text == "\n" and obj is None:
            break
        if obj is None:
            continue
        if previous is not None:
            gaps.append(float(obj["x0"]) - float(previous["x1"]))
        previous = obj
    return max(0.0, statistics.median(gaps)) if len(gaps) >= 2 else 0.0


def _spurious_space(tuples: list[tuple[str, Char | None]], i: int, spacing: float) -> bool:
    """True if the synthesised space at ``i`` is letter spacing rather than a word gap."""
    if i == 0 or i + 1 >= len(tuples):
        return False
    (before_text, before), (after_text, after) = tuples[i - 1], tuples[i + 1]
    if before is None or after is None:
        return False
    gap = float(after["x0"]) - float(before["x1"])
    if spacing > 0 and gap <= spacing + _X_TOLERANCE:
        return True
    size = max(float(before.get("size") or 0), float(after.get("size") or 0))
    cjk = _is_cjk(before_text[-1]) and _is_cjk(after_text[0])
    return cjk and gap < _CJK_GAP_EM * size


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x3400 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or 0x3000 <= cp <= 0x303F  # CJK punctuation
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
    )


def _open_error(exc: Exception, name: str) -> ReadError:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return ReadError(
            f"{name}：PDF 已加密（需要密码），请去除密码后再审查 / "
            "the PDF is encrypted (password required); remove the password and retry"
        )
    return ReadError(
        f"{name}：PDF 文件已损坏，无法读取（{type(cause).__name__}）/ "
        f"corrupt PDF, cannot read it: {cause}"
    )
