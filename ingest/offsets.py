"""The offset map: from every character of the extracted text back to its place in the source.

The writers redact through this map, so it must be exact. Readers build it while they emit
text; characters they synthesise (paragraph breaks, cell separators) map to ``None``.
Runs of consecutive characters that come from one source object (a docx run) are stored as
one segment, so that the map of a long document stays small.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DocxLocation:
    """A character inside a docx part: ``run`` counts every ``w:r`` under the paragraph."""

    part: str  # the part's name in the package, e.g. "/word/document.xml"
    paragraph: int  # index of the w:p among all w:p elements of the part, in document order
    run: int  # index of the w:r among the w:r descendants of that paragraph, in document order
    offset: int  # offset inside the run's text (its w:t elements concatenated)


@dataclass(frozen=True, slots=True)
class PdfLocation:
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class TextLocation:
    """A character of a plain-text file: its index in the decoded text (identity map)."""

    offset: int


Location = DocxLocation | PdfLocation | TextLocation


@dataclass(slots=True)
class _Segment:
    start: int
    length: int
    origin: Location | None
    step: bool  # True: the origin's offset advances with each character (docx run, txt)


@dataclass(slots=True)
class OffsetMap:
    """Maps text offsets to source locations. Build it with ``add``/``add_run`` in text order."""

    _starts: list[int] = field(default_factory=list)
    _segments: list[_Segment] = field(default_factory=list)
    length: int = 0

    def add(self, n_chars: int, origin: Location | None) -> None:
        """Append ``n_chars`` characters that all map to ``origin`` (``None``: synthesised)."""
        self._append(n_chars, origin, step=False)

    def add_run(self, n_chars: int, origin: DocxLocation | TextLocation) -> None:
        """Append ``n_chars`` consecutive characters starting at ``origin``'s offset."""
        self._append(n_chars, origin, step=True)

    def _append(self, n_chars: int, origin: Location | None, step: bool) -> None:
        if n_chars <= 0:
            return
        self._starts.append(self.length)
        self._segments.append(_Segment(self.length, n_chars, origin, step))
        self.length += n_chars

    def locate(self, index: int) -> Location | None:
        if not 0 <= index < self.length:
            raise IndexError(f"offset {index} outside text of {self.length} characters")
        seg = self._segments[bisect_right(self._starts, index) - 1]
        if seg.origin is None or not seg.step:
            return seg.origin
        delta = index - seg.start
        if isinstance(seg.origin, DocxLocation):
            o = seg.origin
            return DocxLocation(o.part, o.paragraph, o.run, o.offset + delta)
        return TextLocation(seg.origin.offset + delta)

    def locate_span(self, start: int, end: int) -> list[Location]:
        """Source locations of ``text[start:end]``, synthesised characters left out."""
        return [loc for i in range(start, end) if (loc := self.locate(i)) is not None]

    @classmethod
    def identity(cls, n_chars: int) -> OffsetMap:
        m = cls()
        m.add_run(n_chars, TextLocation(0))
        return m
