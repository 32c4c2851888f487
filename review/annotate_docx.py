"""An annotated copy of the original .docx: a Word comment on each finding.

The officer reviews in Word, where the document looks as it will be signed, so the comment
must sit on exactly the finding's characters. Word anchors comments on whole runs, so runs
are split at the findings' boundaries first; the split pieces are deep copies of the original
run, so they keep its formatting (``w:rPr``). Positions come from the reader's offset map
(``DocxLocation``: paragraph and run indexes counted in the part's XML), and every split is
resolved against the original XML before anything is changed, so indexes never shift under
the walk.

Word keeps comments in the main document only: a finding in a header, footer or footnote gets
its comment on the first run of the body, saying where it is (``placed`` is False for it).
"""

from __future__ import annotations

import copy
import io
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.run import Run

from gkreview.ingest.offsets import DocxLocation, OffsetMap
from gkreview.review.report_labels import comment_text

AUTHOR = "gkreview"
INITIALS = "GK"
MAIN_PART = "/word/document.xml"

W_P, W_R, W_T = qn("w:p"), qn("w:r"), qn("w:t")
W_RPR = qn("w:rPr")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class AnnotationError(Exception):
    """The review does not fit the document (it was made from another version of it)."""


@dataclass(slots=True)
class Annotation:
    finding_id: str
    comment_id: int
    placed: bool  # True: anchored on the finding's own characters
    where: str  # the part that holds the finding


@dataclass(slots=True)
class AnnotatedDocx:
    data: bytes
    annotations: list[Annotation] = field(default_factory=list)

    @property
    def unplaced(self) -> list[Annotation]:
        return [a for a in self.annotations if not a.placed]


@dataclass(slots=True)
class _RunSpan:
    """The part of one original run that a finding covers: run text offsets [start, end)."""

    paragraph: int
    run: int
    start: int
    end: int


def finding_spans(offsets: OffsetMap, start: int, end: int) -> tuple[str | None, list[_RunSpan]]:
    """The runs a finding covers, in order, with the covered offsets inside each run."""
    spans: list[_RunSpan] = []
    part: str | None = None
    for loc in offsets.locate_span(start, end):
        if not isinstance(loc, DocxLocation):
            raise AnnotationError("偏移映射不是 Word 文档的 / the offset map is not a docx map")
        part = part or loc.part
        if loc.part != part:
            continue  # a span never crosses parts; be safe all the same
        last = spans[-1] if spans else None
        if last and (last.paragraph, last.run) == (loc.paragraph, loc.run):
            last.end = loc.offset + 1
        else:
            spans.append(_RunSpan(loc.paragraph, loc.run, loc.offset, loc.offset + 1))
    return part, spans


def _run_text_length(r: Any) -> int:
    return sum(len(t.text or "") for t in r if t.tag == W_T)


def split_run(r: Any, cuts: dict[int, bool]) -> dict[tuple[int, int], Any]:
    """Split run ``r`` at the offsets in ``cuts``; return its pieces by (start, end).

    ``cuts`` maps an offset to where non-text content (a tab, a break) found exactly at that
    offset goes: True to the piece on the left (the cut begins a finding, so the tab stays
    outside it), False to the piece on the right (the cut ends a finding). Every piece keeps
    the run's formatting: one is ``r`` itself, the others are deep copies of it, each left
    with only its own content.
    """
    length = _run_text_length(r)
    points = sorted(k for k in cuts if 0 < k < length)
    if not points:
        return {(0, length): r}
    bounds = [0, *points, length]
    ranges = list(pairwise(bounds))

    def owner(pos: int) -> int:
        """Index of the piece that gets non-text content found at text offset ``pos``."""
        for i, (a, b) in enumerate(ranges):
            if a < pos < b:
                return i
            if pos == b and (b == length or cuts.get(b, False)):
                return i
            if pos == a and (a == 0 or not cuts.get(a, False)):
                return i
        return len(ranges) - 1

    # Where each child of the original run sits: (text offset before it, its text length).
    layout: list[tuple[int, int]] = []
    pos = 0
    for child in r:
        n = len(child.text or "") if child.tag == W_T else 0
        layout.append((pos, n))
        pos += n

    # The original element stays as the piece that owns the run's nested content (a drawing
    # with a text box): findings inside that text box were resolved to elements inside it.
    nested = [
        at
        for child, (at, _) in zip(r, layout, strict=True)
        if child.tag not in (W_T, W_RPR) and len(child)
    ]
    keeper = owner(nested[0]) if nested else 0
    pristine = copy.deepcopy(r)
    pieces: dict[tuple[int, int], Any] = {}
    previous = r
    for index, (a, b) in enumerate(ranges):
        piece = r if index == keeper else copy.deepcopy(pristine)
        for child, (at, n) in zip(list(piece), layout, strict=True):
            if child.tag == W_RPR:
                continue
            if child.tag == W_T:
                keep_from, keep_to = max(a, at), min(b, at + n)
                if keep_from >= keep_to:
                    piece.remove(child)
                elif (keep_from, keep_to) != (at, at + n):
                    child.text = child.text[keep_from - at : keep_to - at]
                    child.set(XML_SPACE, "preserve")
            elif owner(at) != index:
                piece.remove(child)
        if index < keeper:
            r.addprevious(piece)
        elif index > keeper:
            previous.addnext(piece)
            previous = piece
        pieces[(a, b)] = piece
    return pieces


def annotate_docx(
    data: bytes, text: str, offsets: OffsetMap, findings: list[dict[str, Any]]
) -> AnnotatedDocx:
    """Add one comment per finding to a copy of the docx ``data``; return the new file.

    ``text`` and ``offsets`` are the reader's output for ``data``; ``findings`` are the
    review's (contract JSON form), whose offsets point into ``text``.
    """
    document = docx.Document(io.BytesIO(data))
    root = document.element
    paragraphs = list(root.iter(W_P))
    runs_of: dict[int, list[Any]] = {}

    def run_element(p: int, r: int) -> Any:
        if p not in runs_of:
            runs_of[p] = list(paragraphs[p].iter(W_R)) if p < len(paragraphs) else []
        runs = runs_of[p]
        if r >= len(runs):
            raise AnnotationError(f"第{p + 1}段没有第{r + 1}个文字块 / run not found")
        return runs[r]

    # 1. Resolve every finding against the original XML and collect the cuts per run.
    resolved: list[tuple[dict[str, Any], str | None, list[_RunSpan]]] = []
    cuts: dict[Any, dict[int, bool]] = defaultdict(dict)
    for finding in findings:
        start, end = int(finding["start"]), int(finding["end"])
        if text[start:end] != finding["text"]:
            raise AnnotationError(
                f"审查单与文档不符：第{start}字处应为“{finding['text']}” / "
                "the review does not match this document"
            )
        part, spans = finding_spans(offsets, start, end)
        resolved.append((finding, part, spans))
        if part != MAIN_PART or not spans:
            continue
        first, last = spans[0], spans[-1]
        cuts[run_element(first.paragraph, first.run)].setdefault(first.start, True)
        r_last = run_element(last.paragraph, last.run)
        if cuts[r_last].get(last.end):
            cuts[r_last][last.end] = False  # ends one finding and begins another: tabs go right
        cuts[r_last].setdefault(last.end, False)

    # 2. Split runs; every original run element now maps to its pieces by text range.
    pieces_of: dict[Any, dict[tuple[int, int], Any]] = {}
    for r, run_cuts in cuts.items():
        pieces_of[r] = split_run(r, run_cuts)

    def piece_at(r: Any, offset: int, starting: bool) -> Any:
        for (a, b), piece in pieces_of.get(r, {(0, _run_text_length(r)): r}).items():
            if (starting and a == offset) or (not starting and b == offset):
                return piece
        raise AnnotationError("文字块拆分失败 / could not split the run")  # pragma: no cover

    # 3. Anchor the comments.
    first_body_run = next(iter(root.iter(W_R)), None)
    result = AnnotatedDocx(data=b"")
    for finding, part, spans in resolved:
        body = document.part
        if part == MAIN_PART and spans:
            first, last = spans[0], spans[-1]
            start_r = piece_at(run_element(first.paragraph, first.run), first.start, True)
            end_r = piece_at(run_element(last.paragraph, last.run), last.end, False)
            comment = document.add_comment(
                [Run(start_r, body), Run(end_r, body)],  # type: ignore[arg-type]
                text=comment_text(finding),
                author=AUTHOR,
                initials=INITIALS,
            )
            result.annotations.append(
                Annotation(str(finding["id"]), comment.comment_id, True, MAIN_PART)
            )
            continue
        if first_body_run is None:
            continue
        where = _part_label(part)
        comment = document.add_comment(
            Run(first_body_run, body),  # type: ignore[arg-type]
            text=f"（位于{where}，Word 不能在此处加批注）\n" + comment_text(finding),
            author=AUTHOR,
            initials=INITIALS,
        )
        result.annotations.append(
            Annotation(str(finding["id"]), comment.comment_id, False, part or "")
        )

    out = io.BytesIO()
    document.save(out)
    result.data = out.getvalue()
    return result


def _part_label(part: str | None) -> str:
    if part is None:
        return "未知位置"
    name = part.rsplit("/", 1)[-1]
    for prefix, label in (
        ("header", "页眉"),
        ("footer", "页脚"),
        ("footnotes", "脚注"),
        ("endnotes", "尾注"),
    ):
        if name.startswith(prefix):
            return f"{label}（{part}）"
    return part
