"""The view of one document that every rule reads: its text, metadata and regions.

Why: rules must judge a document by its structure, not by a keyword anywhere. This module cuts
the text into the regions of a 公文 (GB/T 9704): the *head* (header, title, 主送机关), the
*body*, and the *tail* after the 成文日期 (附注, appended 附件, 版记), and gives each rule
the title as one string with the line wraps and padding removed. Matching runs on the
width-folded copy (one character for one), so every match is a span of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gkreview.classify.evidence import Evidence, RuleHit
from gkreview.ingest.metadata import DocumentMetadata, Span, fold_width

_SENTENCE_END = re.compile(r"[。;；!?！？\n]")
_NEGATION = re.compile(r"不|未|无|非|没有|并非")

#: Words by which a sentence speaks of the document itself (本件, 此件, 本通知 …).
SELF_REFERENCE = re.compile(
    r"本文件|本件|此件|该件|本文|本通知|本报告|本请示|本方案|本纪要|本材料|本决定|本批复|本函"
    r"|本信息|该信息|上述信息|以上内容|本文内容"
)


@dataclass(frozen=True, slots=True)
class RuleContext:
    """One document as the rules see it. Build with :meth:`build`."""

    text: str
    folded: str
    meta: DocumentMetadata
    title: str  # folded title, whitespace removed ("" when none)
    title_positions: tuple[int, ...]  # offset in ``text`` of each character of ``title``
    head_end: int  # end of the title / 主送机关
    body_end: int  # start of the signature (or the date, or the end of the text)
    tail_start: int  # end of the date line (or the end of the text)

    @classmethod
    def build(cls, text: str, meta: DocumentMetadata) -> RuleContext:
        folded = fold_width(text)
        positions: tuple[int, ...] = ()
        if meta.title_span is not None:
            s = meta.title_span
            positions = tuple(i for i in range(s.start, s.end) if not folded[i].isspace())
        title = "".join(folded[i] for i in positions)
        head_end = max(
            (s.end for s in (meta.title_span, meta.addressee_span) if s is not None), default=0
        )
        n = len(text)
        closing = meta.date_span
        if closing and "。" not in folded[head_end : closing.start]:
            closing = None  # no body before it: a date in the head (a 纪要 prints it there)
        tail_start = closing.end if closing else n
        body_end = closing.start if closing else n
        if closing and meta.issuer_span and head_end <= meta.issuer_span.start < body_end:
            body_end = meta.issuer_span.start
        return cls(text, folded, meta, title, positions, head_end, body_end, tail_start)

    # ----------------------------------------------------------------- evidence

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(start, end, self.text[start:end])

    def span_evidence(self, span: Span | None) -> list[Evidence]:
        return [] if span is None else [Evidence(span.start, span.end, span.text)]

    def title_evidence(self) -> list[Evidence]:
        return self.span_evidence(self.meta.title_span)

    def title_search(self, pattern: re.Pattern[str]) -> Evidence | None:
        """Search the title; the evidence is the matched characters in the original text."""
        m = pattern.search(self.title)
        if m is None or m.end() == m.start():
            return None
        start = self.title_positions[m.start()]
        end = self.title_positions[m.end() - 1] + 1
        return self.evidence(start, end)

    # ----------------------------------------------------------------- regions

    @property
    def body(self) -> tuple[int, int]:
        return self.head_end, self.body_end

    @property
    def tail(self) -> tuple[int, int]:
        return self.tail_start, len(self.text)

    def find(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> list[Evidence]:
        """Every non-empty match of ``pattern`` in ``folded[start:end]`` as evidence."""
        stop = len(self.text) if end is None else end
        return [
            self.evidence(m.start(), m.end())
            for m in pattern.finditer(self.folded, start, stop)
            if m.end() > m.start()
        ]

    def first(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> Evidence | None:
        found = self.find(pattern, start, end)
        return found[0] if found else None

    def sentence_around(self, pos: int) -> tuple[int, int]:
        """The sentence (between 。；！？ or line ends) that holds offset ``pos``."""
        start = pos
        while start > 0 and not _SENTENCE_END.match(self.folded[start - 1]):
            start -= 1
        m = _SENTENCE_END.search(self.folded, pos)
        end = m.start() if m else len(self.folded)
        while start < end and self.folded[start].isspace():
            start += 1
        while end > start and self.folded[end - 1].isspace():
            end -= 1
        return start, end

    def negated(self, pos: int, window: int = 6) -> bool:
        """A negation (不, 未, 无 …) within ``window`` characters before ``pos`` in its sentence."""
        sentence_start, _ = self.sentence_around(pos)
        return bool(_NEGATION.search(self.folded, max(sentence_start, pos - window), pos))

    def declared(self, pattern: re.Pattern[str]) -> list[Evidence]:
        """Matches that are declarations about this document: a sentence that names the document
        itself (本件, 此件 …) or any sentence of the tail (附注), and not negated."""
        out: list[Evidence] = []
        for ev in self.find(pattern, self.head_end):
            if self.negated(ev.start):
                continue
            s, e = self.sentence_around(ev.start)
            if ev.start >= self.tail_start or SELF_REFERENCE.search(self.folded, s, e):
                out.append(self.evidence(s, e))
        return out


Rule = Callable[[RuleContext], list[RuleHit]]
"""A rule looks at one document and returns its hits (usually none or one)."""
