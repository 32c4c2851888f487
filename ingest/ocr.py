"""Scanned PDF pages read by OCR, offline, with a box in PDF points for every character.

A page is read by OCR when its text layer shows nothing, or when one image covers most of
the page and the text layer holds no Chinese at all (a scan whose only text is a page
number, or a de-identified scan whose only text is the labels printed on its redaction
boxes: the labels are rendered and read with the rest).

The page is rendered with PyMuPDF at ``DPI`` (200: a 五号 character, 10.5 pt, is 29 pixels
high, where the recogniser works at 48) and read with RapidOCR on onnxruntime, from the
model files inside the ``rapidocr`` wheel, passed by path so that RapidOCR never looks for
them elsewhere (it would download what is missing). Nothing is fetched at run time.

Each recognised line is one row of text. Its characters get boxes in PDF points
(``PdfLocation``): RapidOCR's per-character boxes when it gives one per character, else
the line's box split in proportion to the characters' widths (Latin letters and digits
half a Chinese character). Those are estimates (the recogniser's boxes can reach into the
next glyph), so each boundary between two characters is moved to the middle of the nearest
column of the page image with no ink in it, and the boxes meet there: a span of characters
then covers the whole of its glyphs, and the glyphs beside it are left whole. The PDF writer
blanks the image pixels under these boxes, which is what burns a finding out of a scanned
page.
"""

from __future__ import annotations

import functools
import itertools
import os
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pymupdf

from gkreview.ingest.offsets import PdfLocation

DPI = 200
MIN_IMAGE_SHARE = 0.5  # of the page's area, for a page with a text layer to count as a scan
MIN_SCORE = 0.5  # RapidOCR's confidence below which a line is dropped (its default)
_MAX_SIDE = 4000  # pixels; RapidOCR's default (2000) would shrink a 200 dpi A4 page
_SAME_ROW = 0.5  # share of the lower line's height two boxes must overlap to be one row
_WORD_GAP = 1.0  # a gap wider than this many line heights between boxes of a row is a space
_INK = 160  # a grey level darker than this is ink
_INNER = 0.12  # of the line's height, left out at top and bottom when looking for ink
_MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
THREADS_ENV = "GKREVIEW_OCR_THREADS"  # onnxruntime threads per process (default: its own)

Char = dict[str, Any]
Piece = tuple[str, PdfLocation | None]


class OcrUnavailable(RuntimeError):
    """RapidOCR or its model files are missing from this installation."""


@dataclass(slots=True)
class OcrLine:
    """One recognised line, in pixels of the rendered page (top-left origin)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float
    char_boxes: list[tuple[float, float]] | None = None  # (x0, x1) per character, if given
    edges: list[float] | None = None  # len(text) + 1 boundaries, set by ``snap_edges``


@dataclass(slots=True)
class OcrPage:
    """What OCR read on one page: text pieces in reading order and how long it took."""

    number: int
    pieces: list[Piece] = field(default_factory=list)
    seconds: float = 0.0
    lines: int = 0
    mean_score: float = 0.0

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


# -- which pages ---------------------------------------------------------------------------


def needs_ocr(chars: Sequence[Char], images: Sequence[Char], width: float, height: float) -> bool:
    """Whether a page is a scan: no visible text, or one image over most of the page and no
    Chinese in the text layer."""
    visible = [c for c in chars if str(c.get("text", "")).strip()]
    if not visible:
        return True
    if any(_is_cjk(ch) for c in visible for ch in str(c["text"])):
        return False
    return _largest_image_share(images, width, height) >= MIN_IMAGE_SHARE


def _largest_image_share(images: Sequence[Char], width: float, height: float) -> float:
    area = width * height
    if area <= 0:
        return 0.0
    best = 0.0
    for image in images:
        w = min(float(image["x1"]), width) - max(float(image["x0"]), 0.0)
        h = min(float(image["bottom"]), height) - max(float(image["top"]), 0.0)
        if w > 0 and h > 0:
            best = max(best, w * h / area)
    return best


# -- the engine ----------------------------------------------------------------------------


@functools.cache
def engine() -> Any:
    """RapidOCR built once per process (about half a second) from the wheel's own models."""
    try:
        import rapidocr
        from rapidocr import RapidOCR
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise OcrUnavailable("rapidocr is not installed") from exc
    params: dict[str, Any] = {
        "Global.log_level": "error",
        "Global.max_side_len": _MAX_SIDE,
        "Global.text_score": MIN_SCORE,
    }
    for stage, path in model_paths(Path(rapidocr.__file__).parent).items():
        params[f"{stage}.model_path"] = str(path)
    threads = os.environ.get(THREADS_ENV, "").strip()
    if threads.isdigit() and int(threads) > 0:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = int(threads)
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    return RapidOCR(params=params)


def model_paths(package_dir: Path) -> dict[str, Path]:
    """The model files shipped in the rapidocr wheel; ``OcrUnavailable`` if one is missing."""
    paths = {stage: package_dir / "models" / name for stage, name in _MODEL_FILES.items()}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise OcrUnavailable(f"RapidOCR model files missing: {', '.join(missing)}")
    return paths


def recognise(image: np.ndarray) -> list[OcrLine]:
    """OCR lines of an RGB image (H×W×3, uint8)."""
    result = engine()(image, return_word_box=True, return_single_char_box=True)
    if result.boxes is None or result.txts is None:
        return []
    words = result.word_results or [None] * len(result.txts)
    lines: list[OcrLine] = []
    found = zip(result.boxes, result.txts, result.scores, words, strict=False)
    for box, text, score, word in found:
        if not text or not text.strip():
            continue
        xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
        line = OcrLine(text, min(xs), min(ys), max(xs), max(ys), float(score))
        line.char_boxes = _char_boxes(text, word)
        lines.append(line)
    return lines


def _char_boxes(text: str, word: Any) -> list[tuple[float, float]] | None:
    """RapidOCR's (x0, x1) per character, when it gave exactly one box per character."""
    if not word:
        return None
    boxes: list[tuple[float, float]] = []
    chars = ""
    for item in word:
        chars += str(item[0])
        xs = [float(p[0]) for p in item[2]]
        boxes.append((min(xs), max(xs)))
    return boxes if chars == text and len(boxes) == len(text) else None


# -- pages ---------------------------------------------------------------------------------


class PdfOcr:
    """Renders and reads pages of one PDF; the PyMuPDF document is opened on first use."""

    def __init__(self, data: bytes, dpi: int = DPI) -> None:
        self._data = data
        self._dpi = dpi
        self._pdf: pymupdf.Document | None = None

    def __enter__(self) -> PdfOcr:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def page(self, number: int) -> OcrPage:
        """OCR of page ``number`` (1-based)."""
        started = time.perf_counter()
        if self._pdf is None:
            self._pdf = pymupdf.open(stream=self._data, filetype="pdf")
        page = self._pdf[number - 1]
        zoom = self._dpi / 72.0
        matrix = pymupdf.Matrix(zoom, zoom)
        pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csRGB, alpha=False)
        image = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
        grey = image.min(axis=2)
        if not (grey < _INK).any():  # a blank page: nothing to detect
            return OcrPage(number=number, seconds=time.perf_counter() - started)
        lines = recognise(image)
        for line in lines:
            line.edges = snap_edges(line, grey)
        # pixels -> points of the unrotated page, where PdfLocation boxes live
        to_page = ~matrix * page.derotation_matrix
        pieces = list(layout(lines, number, to_page))
        scores = [line.score for line in lines]
        return OcrPage(
            number=number,
            pieces=pieces,
            seconds=time.perf_counter() - started,
            lines=len(lines),
            mean_score=sum(scores) / len(scores) if scores else 0.0,
        )


def layout(lines: Sequence[OcrLine], page: int, to_page: pymupdf.Matrix) -> Iterator[Piece]:
    """Rows top to bottom, boxes left to right within a row; "\\n" between rows and a space
    where boxes of one row stand far apart (columns). Every OCR character gets its box."""
    for r, row in enumerate(_rows(lines)):
        if r:
            yield "\n", None
        for i, line in enumerate(row):
            if i and line.x0 - row[i - 1].x1 > _WORD_GAP * (line.bottom - line.top):
                yield " ", None
            for ch, (x0, x1) in zip(line.text, _spread(line), strict=True):
                rect = pymupdf.Rect(x0, line.top, x1, line.bottom) * to_page
                yield ch, PdfLocation(page, rect.x0, rect.y0, rect.x1, rect.y1)


def _rows(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if rows and _overlaps(rows[-1], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows]


def _overlaps(row: list[OcrLine], line: OcrLine) -> bool:
    top = max(ln.top for ln in row)
    bottom = min(ln.bottom for ln in row)
    height = min(line.bottom - line.top, bottom - top) or 1.0
    return min(bottom, line.bottom) - max(top, line.top) > _SAME_ROW * height


def _spread(line: OcrLine) -> list[tuple[float, float]]:
    """(x0, x1) per character covering the line from end to end without gaps."""
    edges = line.edges or _estimated_edges(line)
    return list(itertools.pairwise(edges))


def _estimated_edges(line: OcrLine) -> list[float]:
    """The line's ends, and halfway between each two characters' boxes."""
    boxes = line.char_boxes or _proportional(line)
    inner = [(boxes[i][1] + boxes[i + 1][0]) / 2 for i in range(len(boxes) - 1)]
    return [line.x0, *inner, line.x1]


def snap_edges(line: OcrLine, grey: np.ndarray) -> list[float]:
    """Boundaries between the line's characters, each moved to the middle of the blank run
    of columns nearest to its estimate, within half the narrower character's width (kept
    where the glyphs touch)."""
    edges = _estimated_edges(line)
    height, width = grey.shape
    top = int(line.top + _INNER * (line.bottom - line.top))
    bottom = int(line.bottom - _INNER * (line.bottom - line.top))
    left, right = max(0, int(line.x0)), min(width, int(np.ceil(line.x1)))
    if bottom <= top or right <= left:
        return edges
    blank = (grey[max(0, top) : min(height, bottom), left:right] >= _INK).all(axis=0)
    for k in range(1, len(edges) - 1):
        reach = 0.5 * min(edges[k] - edges[k - 1], edges[k + 1] - edges[k])
        edges[k] = _nearest_blank_run(blank, edges[k] - left, reach) + left
    return edges


def _nearest_blank_run(blank: np.ndarray, at: float, reach: float) -> float:
    """Middle of the run of blank columns nearest to ``at`` (within ``reach``), else ``at``."""
    lo, hi = max(0, int(at - reach)), min(len(blank), int(at + reach) + 1)
    candidates = np.flatnonzero(blank[lo:hi]) + lo
    if candidates.size == 0:
        return at
    nearest = int(candidates[np.argmin(np.abs(candidates + 0.5 - at))])
    start = end = nearest
    while start > lo and blank[start - 1]:
        start -= 1
    while end + 1 < hi and blank[end + 1]:
        end += 1
    return (start + end + 1) / 2


def _proportional(line: OcrLine) -> list[tuple[float, float]]:
    weights = [_width(ch) for ch in line.text]
    total = sum(weights) or 1.0
    span = line.x1 - line.x0
    boxes: list[tuple[float, float]] = []
    x = line.x0
    for w in weights:
        step = span * w / total
        boxes.append((x, x + step))
        x += step
    return boxes


def _width(ch: str) -> float:
    """A Chinese or full-width character is 1, a Latin letter, digit or space 0.5."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def ocr_warning(page: OcrPage) -> tuple[str, str, str]:
    """(code, message, location) of the warning that says a page's text came from OCR."""
    return (
        "ocr_text",
        f"第{page.number}页是扫描图像，没有可用的文字层，文字由光学字符识别（OCR）得到"
        f"（{page.lines}行，平均置信度{page.mean_score:.2f}），可能有误，请对照原件核对",
        f"第{page.number}页",
    )
