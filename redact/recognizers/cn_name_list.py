"""Names in lists: a line of names separated by spaces or 、, and numbered rows of people.

Rosters (参加：宋美玲　上官桂芳　…, a village heading over its residents, 1. 张娜　安置房号…)
carry no context word before each name, and the statistical model misses names there. The
structure is the evidence: every item of the list must have a name's shape (a known surname
and one or two given characters, or a dotted or Tibetan name), so a list of places or words
is not taken for one.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from gkreview.redact.recognizers.cn_person_context import NAME

ENTITY = "PERSON"
_SPACE = r"[ \t\u3000]"
_SEP = r"(?:[ \u3000]*[、，,；;][ \u3000]*|[ \u3000]+|\t)"  # U+3000 is folded to a space
_ITEM = rf"(?:{NAME})"
# A looser item, for the few names outside the grammar (陈香秀雅, a rare surname): 2–4 Hanzi.
# The dotted form first: items are matched one at a time, and 吐尔逊 alone is an item too.
_LOOSE_ITEM = r"(?:\p{Han}{1,8}[·•・‧.]\p{Han}{1,8}|\p{Han}{2,4})"
# Items that end like a place or an organisation are not names (张庄, 王营, 李村).
_PLACE_END = regex.compile(
    "[村庄镇乡区县市屯营寨店集湾坪沟岗堡街路巷里社厂局委办所站院校队组院部处科]$"
)
# A header: a short label and a colon (参加：), or a list's title (拟资助学生名单), after which
# the names follow on the same line.
_HEADER = r"(?:[^\n：:。]{1,12}[：:]|[^\n。]{0,20}?(?:名单|名册|人员)[：:]?(?=[ \t\u3000]))?"
_LIST_LINE = regex.compile(
    rf"(?m)^{_SPACE}*(?P<header>{_HEADER}){_SPACE}*"
    rf"(?P<items>{_LOOSE_ITEM}(?:{_SEP}{_LOOSE_ITEM})+)[ \u3000]*[。；;]?[ \u3000]*$"
)
_NUMBERED_ROW = regex.compile(
    rf"(?m)^{_SPACE}*[0-9０-９]{{1,3}}[.、．][ \u3000]*(?P<name>{_ITEM})(?=[ \t\u3000,，(（]|$)"
)
# A table row as text: cells apart by spaces (U+3000 is folded to a space), no sentence
# punctuation. 五垛乡胡塘村　金海燕　烈属　1370元: the row's other cells (a place, a number,
# the sex) show it is a row about people, and the cell with a name's exact shape is the name.
_ROW = regex.compile(r"(?m)^[ \t\u3000]*(?P<row>[^\n。，,；;：:！？!?]+?)[ \t\u3000]*$")
_CELL = regex.compile(r"[^ \t\u3000]+")
_ROW_EVIDENCE = regex.compile(r"[0-9０-９]|^[男女]$|[村镇乡街]$|社区$|村委$")
_NUMERALS = frozenset("〇零一二三四五六七八九十两")
_ONE_ITEM = regex.compile(_LOOSE_ITEM)
_NAME_ITEM = regex.compile(rf"{_ITEM}$")
_SEPARATOR = regex.compile(_SEP)


class CnNameListRecognizer(EntityRecognizer):
    """Names in a line that lists only names, or heading a numbered row (0.86: the list's
    structure fixes a name's boundaries better than the model, whose score is 0.85)."""

    SCORE: ClassVar[float] = 0.86
    MIN_ITEMS_WITHOUT_HEADER: ClassVar[int] = 3

    def __init__(self, supported_language: str = "zh", name: str = "CnNameListRecognizer"):
        super().__init__(
            supported_entities=[ENTITY], supported_language=supported_language, name=name
        )

    def load(self) -> None:  # nothing to load: the patterns are compiled at import
        pass

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: object = None,
        regex_flags: int | None = None,  # accepted like Presidio's own recognizers; unused
    ) -> list[RecognizerResult]:
        if ENTITY not in entities:
            return []
        why: dict[tuple[int, int], str] = {}  # one result per span, the first reason kept
        for span in self._list_items(text):
            why.setdefault(span, "a line of names")
        for span in self._row_cells(text):
            why.setdefault(span, "a table row")
        for m in _NUMBERED_ROW.finditer(text):
            start, end = m.span("name")
            if not _PLACE_END.search(text[start:end]):
                why.setdefault((start, end), "a numbered row")
        return [self._result(start, end, reason) for (start, end), reason in why.items()]

    def _list_items(self, text: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for m in _LIST_LINE.finditer(text):
            items_start, items_end = m.span("items")
            spans, pos = [], items_start
            while pos < items_end:
                item = _ONE_ITEM.match(text, pos, items_end)
                if item is None:
                    break
                spans.append(item.span())
                sep = _SEPARATOR.match(text, item.end(), items_end)
                pos = sep.end() if sep else item.end()
                if sep is None:
                    break
            if pos < items_end or not spans:
                continue  # the line is not names only
            if any(_PLACE_END.search(text[s:e]) for s, e in spans):
                continue
            # Most items must have a name's exact shape; the rest ride along (陈香秀雅).
            shaped = sum(1 for s, e in spans if _NAME_ITEM.match(text[s:e]))
            if shaped * 3 < len(spans) * 2:
                continue
            if (
                len(spans) < self.MIN_ITEMS_WITHOUT_HEADER
                and not m.group("header")
                and shaped < len(spans)  # two names alone on a line: both must be shaped
            ):
                continue
            found.extend(spans)
        return found

    def _row_cells(self, text: str) -> list[tuple[int, int]]:
        """Name-shaped cells of rows with three cells or more, one of them a place, a number
        or the sex, and at most half of them names (else it is a list line)."""
        found: list[tuple[int, int]] = []
        for m in _ROW.finditer(text):
            start, end = m.span("row")
            cells = [c.span() for c in _CELL.finditer(text, start, end)]
            if len(cells) < 3:
                continue
            names = [
                (s, e)
                for s, e in cells
                if _NAME_ITEM.fullmatch(text, s, e)
                and not _PLACE_END.search(text[s:e])
                and not set(text[s + 1 : e]) <= _NUMERALS  # 高二, 王五: a grade, a placeholder
            ]
            others = [(s, e) for s, e in cells if (s, e) not in names]
            if not names or len(names) * 2 > len(cells):
                continue
            if any(_ROW_EVIDENCE.search(text[s:e]) for s, e in others):
                found.extend(names)
        return found

    def _result(self, start: int, end: int, why: str) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=self.SCORE,
            pattern_name=why,
            textual_explanation=f"a name's shape in {why}",
        )
        return RecognizerResult(
            ENTITY,
            start,
            end,
            self.SCORE,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
