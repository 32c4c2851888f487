"""出生日期 (DATE_OF_BIRTH): a date the document states as someone's birth date.

A date alone is not personal data: 成文日期, 处罚日期 and "于2020年3月5日" are dates of acts.
A date is a birth date when the text says so:

- a context word before it: 出生于, 生于 (not 发生于/产生于), 出生日期, 出生年月, 出生时间,
  出生, 生日 — "出生日期：1985年3月12日";
- 出生 or 生 right after it (not 生效, 生产, 生育 …) — "1985年3月出生", "（1978年5月生）";
- a table column headed 出生年月/出生日期 (read like the name column);
- or, for the whole document, the date equals the birth date encoded in an 18- or 15-digit
  ID number in the same text: the document states it a second time.

Only the date itself is labelled, never the context word. The forms are 1985年3月12日 (or
号), 1985-03-12, 1985.03.12, 1985/3/12, 一九八五年三月十二日, and with a context word also the
year and month (1985年3月, 1985.03, 一九八五年三月), the year alone (1985年) and the compact
19850312. Every date must be a real calendar date between 1880 and today.
"""

from __future__ import annotations

import datetime
import re
from typing import ClassVar

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

from gkreview.redact.recognizers._common import (
    REGEX_FLAGS,
    plausible_birth_date,
    strip_separators,
)
from gkreview.redact.recognizers.cn_id_card import (
    CnIdCardRecognizer,
    id18_shape,
    is_plausible_id15,
)
from gkreview.redact.recognizers.cn_name_column import column_cells
from gkreview.redact.recognizers.cn_person_context import NAME

ENTITY = "DATE_OF_BIRTH"

_YEAR = r"(?:18[89][0-9]|19[0-9]{2}|20[0-9]{2})"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_HAN_DIGIT = "[〇零一二三四五六七八九]"
_HAN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_HAN_DAY = "(?:三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_NOT_DIGIT_BEFORE = r"(?<![0-9A-Za-z.\-/])"
_NOT_DIGIT_AFTER = r"(?![0-9A-Za-z])(?![.\-/][0-9])"

# Full dates (year, month and day): the forms checked against ID numbers too.
FULL_DATE = (
    "(?:"
    + _NOT_DIGIT_BEFORE
    + f"(?:{_YEAR}[ ]?年[ ]?{_MONTH}[ ]?月[ ]?{_DAY}[ ]?[日号]"
    + f"|{_YEAR}-{_MONTH}-{_DAY}|{_YEAR}\\.{_MONTH}\\.{_DAY}|{_YEAR}/{_MONTH}/{_DAY})"
    + _NOT_DIGIT_AFTER
    + f"|{_HAN_DIGIT}{{4}}年{_HAN_MONTH}月{_HAN_DAY}[日号]"
    + ")"
)
# With a context word, a year and month or a year alone is a birth date too.
PARTIAL_DATE = (
    "(?:"
    + _NOT_DIGIT_BEFORE
    + f"(?:{_YEAR}[ ]?年(?:[ ]?{_MONTH}[ ]?月(?![0-9]))?|{_YEAR}[.\\-/]{_MONTH})"
    + _NOT_DIGIT_AFTER
    + f"|{_HAN_DIGIT}{{4}}年(?:{_HAN_MONTH}月)?"
    + f"|{_NOT_DIGIT_BEFORE}{_YEAR}(?:0[1-9]|1[0-2])(?:3[01]|[12][0-9]|0[1-9]){_NOT_DIGIT_AFTER}"
    + ")"
)
# Pre-2010 documents write two-digit years (60年11月生, 58年8月28日生); only with 生/出生.
SHORT_DATE = f"(?<![0-9]){_NOT_DIGIT_BEFORE}[2-9][0-9]年{_MONTH}月(?:{_DAY}[日号])?"
DATE = f"(?:{FULL_DATE}|{PARTIAL_DATE})"
# A date in brackets right after a name in a list of people (高龄津贴: 王卫国（1922.11）、…).
_AFTER_LISTED_NAME = rf"(?<=(?:^|[：:、\n\t ]|\u3000){NAME}[（(])"
_CLOSING_BRACKET = r"(?=[）)])"

# 生于 also ends 发生于, 产生于 …: those are events.
_BEFORE = (
    r"(?<=(?:出生于|(?<![发产诞衍派再])生于|出生日期|出生年月日|出生年月|出生时间|出生|生日)"
    r"[:：]?[ \t]*)"
)
# 生 after a date, but not 生效, 生产, 生育, 生活 …
_AFTER = r"(?=[ \t]?(?:出生|生(?![效产活态成育病前日意长存猪物源鲜命理计])))"

_WORD_BEFORE = re.compile(
    r"(出生于|生于|出生日期|出生年月日|出生年月|出生时间|出生|生日)[:：]?[ \t]*$"
)
_WORD_AFTER = re.compile(r"[ \t]?(出生|生)")
_FULL_DATE_RE = re.compile(FULL_DATE)
_ID_PATTERNS = tuple(re.compile(p.regex, REGEX_FLAGS) for p in CnIdCardRecognizer.PATTERNS)
_HAN_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_NUMBERS = re.compile(r"[0-9]+|[〇零一二三四五六七八九十]+")


def _han_number(text: str) -> int:
    """一九八五 → 1985 (digit by digit); 十二, 二十一, 三十 → 12, 21, 30."""
    if "十" not in text:
        return int("".join(str(_HAN_VALUES[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_HAN_VALUES[tens] if tens else 1) * 10 + (_HAN_VALUES[units] if units else 0)


def parse_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a matched date, None where not given; None if no date."""
    parts = _NUMBERS.findall(text)
    if len(parts) == 1 and len(parts[0]) == 8 and parts[0].isdigit():  # 19850312
        parts = [parts[0][:4], parts[0][4:6], parts[0][6:]]
    if not parts or len(parts) > 3:
        return None
    values = [int(p) if p.isdigit() else _han_number(p) for p in parts]
    if values[0] < 100:  # a two-digit year (58年8月生) is of the last century
        values[0] += 1900
    values += [None] * (3 - len(values))
    return values[0], values[1], values[2]


def plausible_date(year: int, month: int | None, day: int | None) -> bool:
    """A date, to its precision, between 1880 and today."""
    if day is not None and month is not None:
        return plausible_birth_date(f"{year:04d}{month:02d}{day:02d}")
    today = datetime.date.today()
    if month is not None:
        return 1 <= month <= 12 and (1880, 1) <= (year, month) <= (today.year, today.month)
    return 1880 <= year <= today.year


def id_birth_dates(text: str) -> set[tuple[int, int, int]]:
    """Birth dates encoded in the 18-digit (digits 7–14) and 15-digit (19 + digits 7–12) ID
    numbers of the text."""
    dates = set()
    for pattern in _ID_PATTERNS:
        for m in pattern.finditer(text):
            number = strip_separators(m.group()).upper()
            if len(number) == 18 and id18_shape(number):
                born = number[6:14]
            elif len(number) == 15 and is_plausible_id15(number):
                born = "19" + number[6:12]
            else:
                continue
            dates.add((int(born[:4]), int(born[4:6]), int(born[6:])))
    return dates


class CnBirthDateRecognizer(PatternRecognizer):
    """Birth dates by context word (0.85), in a 出生年月 column (0.9), or equal to the date in
    an ID number of the same document (0.9, validated)."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN birth date after 出生日期/出生于/生于", _BEFORE + DATE, 0.85),
        Pattern("CN birth date before 出生/生", DATE + _AFTER, 0.85),
        Pattern("CN two-digit-year birth date before 生", SHORT_DATE + _AFTER, 0.8),
        Pattern(
            "CN birth date after a listed name", _AFTER_LISTED_NAME + DATE + _CLOSING_BRACKET, 0.7
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["出生", "生于", "出生日期", "出生年月", "生日"]
    COLUMN_SCORE: ClassVar[float] = 0.9
    ID_SCORE: ClassVar[float] = 0.9
    COLUMN_HEADERS: ClassVar[frozenset[str]] = frozenset(
        {"出生年月", "出生日期", "出生年月日", "出生时间", "出生年份", "生日"}
    )

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnBirthDateRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )
        self._date_cell = re.compile(DATE)

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Not a real date between 1880 and today."""
        parsed = parse_date(pattern_text)
        return parsed is None or not plausible_date(*parsed)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: object = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if entities and ENTITY not in entities:
            return []
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:  # name the context word that made it a birth date
            before = _WORD_BEFORE.search(text, max(0, result.start - 12), result.start)
            after = _WORD_AFTER.match(text, result.end)
            word = before.group(1) if before else after.group(1) if after else None
            if word and result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(word)
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = (
                    True
                )
        results += self._column_dates(text)
        results += self._id_dates(text)
        return EntityRecognizer.remove_duplicates(results)

    def _result(
        self, start: int, end: int, score: float, pattern_name: str, context_word: str | None
    ) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=score,
            pattern_name=pattern_name,
            validation_result=True if context_word is None else None,
            textual_explanation=pattern_name,
        )
        if context_word:
            explanation.set_supportive_context_word(context_word)
        return RecognizerResult(
            entity_type=self.supported_entities[0],
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: context_word is not None,
            },
        )

    def _column_dates(self, text: str) -> list[RecognizerResult]:
        results = []
        for cell, header in column_cells(text, lambda h: h in self.COLUMN_HEADERS):
            if not self._date_cell.fullmatch(cell.text):
                continue
            parsed = parse_date(cell.text)
            if parsed and plausible_date(*parsed):
                results.append(
                    self._result(
                        cell.start,
                        cell.end,
                        self.COLUMN_SCORE,
                        f"CN birth date in a “{header}” column",
                        header,
                    )
                )
        return results

    def _id_dates(self, text: str) -> list[RecognizerResult]:
        born = id_birth_dates(text)
        if not born:
            return []
        results = []
        for m in _FULL_DATE_RE.finditer(text):
            if parse_date(m.group()) in born:
                results.append(
                    self._result(
                        m.start(),
                        m.end(),
                        self.ID_SCORE,
                        "CN date equal to the birth date in an ID number of the document",
                        None,
                    )
                )
        return results
