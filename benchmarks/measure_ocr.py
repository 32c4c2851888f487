"""OCR speed and accuracy on scanned pages: seconds per page and characters read right.

Generated government-style documents (``benchmarks/generate.py``) are drawn into A4 page
images (CJK text, ``--font-pt`` high, wrapped at the page width) and saved as image-only
PDFs (``tests/scanmakers.py``); each page is then read by gkreview's PDF reader, which
renders it at the OCR resolution and runs RapidOCR. Reported per page: seconds (rendering,
recognition and layout; the engine is built once before timing), characters drawn, and the
character-level similarity of what was read to what was drawn.

    .venv/bin/python benchmarks/measure_ocr.py --pages 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_documents
from gkreview.ingest.ocr import DPI, engine
from gkreview.ingest.reader import read_document
from tests.scanmakers import make_scanned_pdf

LINES_PER_PAGE = 26


def page_lines(text: str, chars_per_line: int) -> list[str]:
    """The text wrapped at ``chars_per_line`` characters, one page's worth of lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        while paragraph and len(lines) < LINES_PER_PAGE:
            lines.append(paragraph[:chars_per_line])
            paragraph = paragraph[chars_per_line:]
    return lines[:LINES_PER_PAGE]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--font-pt", type=float, default=14.0)
    args = parser.parse_args()

    chars_per_line = int((595 - 2 * 72) / args.font_pt)
    documents = generate_documents(args.pages, seed=11)
    started = time.perf_counter()
    engine()
    print(f"engine built in {time.perf_counter() - started:.2f} s; rendering at {DPI} dpi")
    print(f"{'page':>4} {'chars':>6} {'seconds':>8} {'similarity':>10}")
    seconds: list[float] = []
    scores: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(documents, start=1):
            lines = page_lines(text, chars_per_line)
            path = make_scanned_pdf(Path(tmp) / f"{i}.pdf", [lines], font_pt=args.font_pt)
            t0 = time.perf_counter()
            doc = read_document(path)
            elapsed = time.perf_counter() - t0
            drawn = "\n".join(lines)
            score = SequenceMatcher(None, drawn, doc.text, autojunk=False).ratio()
            seconds.append(elapsed)
            scores.append(score)
            print(f"{i:>4} {len(drawn):>6} {elapsed:>8.2f} {score:>10.3f}")
    print(
        f"mean {statistics.mean(seconds):.2f} s per page (median {statistics.median(seconds):.2f}),"
        f" similarity mean {statistics.mean(scores):.3f}, min {min(scores):.3f}"
    )


if __name__ == "__main__":
    main()
