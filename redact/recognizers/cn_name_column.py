"""姓名 (PERSON) in a table column: 低保/补贴/征收 lists under a 姓名 (户主, 被征收人 …) header.

Published lists are tables: a header line, then one line per row, cells separated by tabs
or runs of spaces (a full-width space is a space once the text is folded). A column whose
header says it holds names (姓名, 户主姓名, 申请人, 户主, 被征收人, "姓 名" …) makes every cell
below it a name, as long as the rows keep the header's number of cells and the cell looks
like a name (2–4 Hanzi, or a minority name with a middle dot). No surname list is needed:
the header is the evidence, so names like 次仁卓玛 are found too.

The table reader (``iter_tables``, ``column_cells``) is shared with the birth-date rule,
which reads 出生年月 columns the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

ENTITY = "PERSON"

# CJK unified ideographs (with extension A and the compatibility block) and 〇.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SPACES1 = re.compile(" +")
_SPACES2 = re.compile(" {2,}")
# A header cell written with spaces inside it: 姓 名, 姓  名, 出生 年月.
_SPACED_HEADER_WORD = re.compile(r"(?<=[姓出])( +)(?=[名生])")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_NAME_CELL = re.compile(f"(?:[{HAN}]{{2,4}}|[{HAN}]{{1,8}}[·•・‧.][{HAN}]{{1,8}})")


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its line end) for every line."""
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            break
        yield m.start(), m.group().rstrip("\r\n")


def _separator(line: str) -> str | None:
    """How this line's cells are separated: a tab, 2+ spaces, or one space; None if one cell."""
    stripped = line.strip(" ")
    if "\t" in stripped:
        return "\t"
    if _SPACES2.search(stripped):
        return "  "
    if " " in stripped:
        return " "
    return None


def split_cells(line: str, offset: int, separator: str) -> list[Cell]:
    """The cells of a line, trimmed of spaces, with offsets into the whole text."""
    if separator == "\t":
        bounds, pos = [], 0
        for part in line.split("\t"):
            bounds.append((pos, pos + len(part)))
            pos += len(part) + 1
    else:
        splitter = _SPACES2 if separator == "  " else _SPACES1
        bounds = []
        body_start = len(line) - len(line.lstrip(" "))
        body_end = len(line.rstrip(" "))
        pos = body_start
        for m in splitter.finditer(line, body_start, body_end):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, body_end))
    cells = []
    for a, b in bounds:
        part = line[a:b]
        lead = len(part) - len(part.lstrip(" "))
        value = part.strip(" ")
        cells.append(Cell(offset + a + lead, offset + a + lead + len(value), value))
    return cells


def _header_cells(line: str, separator: str) -> list[str]:
    if separator == " ":
        line = _SPACED_HEADER_WORD.sub("", line)
    return [c.text.replace(" ", "") for c in split_cells(line, 0, separator)]


def iter_tables(text: str, is_header: Callable[[str], bool]) -> Iterator[tuple[Table, list[int]]]:
    """Tables whose header has at least one cell ``is_header`` accepts, with those columns.

    A table runs from its header line down as long as each line has as many cells as the
    header (split the same way); a blank line or a line of another shape ends it.
    """
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        line = lines[i][1]
        separator = _separator(line)
        header = _header_cells(line, separator) if separator else []
        columns = [k for k, cell in enumerate(header) if is_header(cell)]
        if len(header) < 2 or not columns:
            i += 1
            continue
        rows = []
        j = i + 1
        while j < len(lines):
            row_offset, row_line = lines[j]
            if not row_line.strip() or _separator(row_line) != separator:
                break
            cells = split_cells(row_line, row_offset, separator)
            if len(cells) != len(header):
                break
            rows.append(tuple(cells))
            j += 1
        if rows:
            yield Table(tuple(header), tuple(rows)), columns
        i = max(j, i + 1)


def column_cells(text: str, is_header: Callable[[str], bool]) -> Iterator[tuple[Cell, str]]:
    """Every non-empty cell under an accepted header, with the header's text."""
    for table, columns in iter_tables(text, is_header):
        for row in table.rows:
            for k in columns:
                if row[k].text:
                    yield row[k], table.header[k]


class CnNameColumnRecognizer(EntityRecognizer):
    """Cells of a name column in a table (0.95): the header says what the column holds."""

    COUNTRY_CODE = "cn"
    SCORE: ClassVar[float] = 0.95
    # Header cells (spaces and a bracketed note removed: 姓名（户主） is 姓名) that announce
    # names; also any header ending in 姓名.
    HEADERS: ClassVar[frozenset[str]] = frozenset(
        {
            "姓名", "户主姓名", "申请人", "申请人姓名", "户主", "被征收人", "被拆迁人",
            "权利人", "承包户", "承包方代表", "户名", "救助对象", "保障对象", "补助对象",
            "补贴对象", "被征收人姓名", "死者姓名",
        }
    )  # fmt: skip
    # Cells that are not names though shaped like one.
    NOT_NAMES: ClassVar[frozenset[str]] = frozenset(
        {
            "合计", "小计", "总计", "共计", "累计", "备注", "空白", "以下空白", "同上", "本人",
            "不详", "姓名", "户主", "暂无", "待定", "未知", "其他", "家庭", "集体",
        }
    )  # fmt: skip
    # An organisation in a 申请人 or 权利人 column (华为公司, 李楼村委) is not a name.
    NOT_NAME_ENDINGS: ClassVar[tuple[str, ...]] = (
        "公司", "集团", "厂", "店", "局", "院", "所", "站", "社", "中心", "委员会", "委", "政府",
        "村", "组", "队", "场", "部", "办", "处", "行",
    )  # fmt: skip
    CONTEXT: ClassVar[list[str]] = ["姓名", "户主", "申请人", "被征收人"]

    def __init__(
        self,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnNameColumnRecognizer",
        context: list[str] | None = None,
    ) -> None:
        super().__init__(
            supported_entities=[supported_entity],
            name=name,
            supported_language=supported_language,
            context=list(context or self.CONTEXT),
        )

    def load(self) -> None:
        pass

    def is_name_header(self, cell: str) -> bool:
        cell = _BRACKETED.sub("", cell)
        return cell in self.HEADERS or cell.endswith("姓名")

    def looks_like_name(self, value: str) -> bool:
        return (
            _NAME_CELL.fullmatch(value) is not None
            and value not in self.NOT_NAMES
            and "某" not in value
            and not value.endswith(self.NOT_NAME_ENDINGS)
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: object = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if entities and not set(entities) & set(self.supported_entities):
            return []
        results = []
        for cell, header in column_cells(text, self.is_name_header):
            if not self.looks_like_name(cell.text):
                continue
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=self.SCORE,
                pattern_name=f"CN name in a “{header}” column",
                textual_explanation=f"Cell under the table header “{header}”",
            )
            explanation.set_supportive_context_word(header)
            results.append(
                RecognizerResult(
                    entity_type=self.supported_entities[0],
                    start=cell.start,
                    end=cell.end,
                    score=self.SCORE,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                    },
                )
            )
        return results
