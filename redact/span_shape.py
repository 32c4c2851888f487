"""The shapes names, addresses and birth dates can have, to keep the NER's spans honest.

The statistical model sometimes runs a name on into the words after it (郑晓东参加了讨论),
or takes a word for a name (要把, 高二) in wording it has not seen. A name is a known surname
(single or compound) and one or two given characters, a dotted transliteration (米热古丽·依明)
or a Tibetan name: the name grammar of the context recognizer says exactly that, so a model
span is cut to the name it starts with, and dropped when it starts with none.

Addresses never hold a colon, a tab or a line end: a model span that runs past one
(韩畈村：王卫国) is cut there. A birth date is a date: a span that runs on (1934.10）) is cut
to the date it starts with.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from gkreview.redact.recognizers.cn_address import ORG_WORDS, VILLAGE_ORG_WORDS, is_boundary
from gkreview.redact.recognizers.cn_birth_date import DATE, SHORT_DATE
from gkreview.redact.recognizers.cn_person_context import NAME, NOT_AFTER_NAME, NOT_AN_ORG
from gkreview.redact.recognizers.surnames import split_surname

_NAME = regex.compile(NAME)
_DATE = regex.compile(f"{DATE}|{SHORT_DATE}")
_NUMERALS = set("〇零一二三四五六七八九十两")
_PLACE_AFTER = regex.compile("等?[村庄镇乡屯寨](?!民|委)")
_NOT_AFTER = regex.compile("|".join(NOT_AFTER_NAME))
_NOT_AN_ORG = regex.compile(NOT_AN_ORG)
_SPACE_RUN = regex.compile(r"[ \t\r\n\u3000]*")
COMMON_WORD = 200  # jieba dictionary frequency of an everyday word (承办 310, 占用 480)
_ADDRESS_STOPS = regex.compile(r"[:：\t\n\r\u3000，,。；;]|[(（](?:\d|[男女])")
# Words before an address that a span may have swallowed (坐落于…, 现住址…).
_ADDRESS_LEAD = regex.compile(
    r"^(?:坐落于|坐落在|位于|现住址|现住|现居|住址|家住|住所地|住所|住|址)"
)
# An address ends on one of these: a village, group, number, building or room, or (the
# corpus counts a home county as an address too) an administrative division.
_FINE_UNIT = regex.compile(
    r"(?:单元|[楼幢栋])[0-9]+室?|村民小组|小组|社区|小区|单元|街道|村委"
    r"|[村组号室栋幢楼院弄苑园庭居省市县区旗镇乡]|[0-9]+(?:-[0-9]+)+号?"
)
MIN_ADDRESS = 4


def trim_to_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name at the start of ``text[start:end]``, or None when it cannot be a name."""
    m = _NAME.match(text, start, end)
    if m is None or _PLACE_AFTER.match(text, m.end()):  # 王营等村, 李楼村: places
        return None
    # The match above cannot see past ``end``: 刘山街道, 金桂雅居28, 张裕葡萄酿酒股份有限公司.
    after = _SPACE_RUN.match(text, m.end()).end()  # a PDF line may wrap inside 武清|区
    if _NOT_AFTER.match(text, after) or not _NOT_AN_ORG.match(text, start):
        return None
    given = text[start + 1 : m.end()]
    if given and set(given) <= _NUMERALS:  # 高二, 王五 as a grade or a placeholder
        return None
    return start, m.end()


def name_end(text: str, start: int) -> int | None:
    """Where the name that starts at ``start`` ends, reading as far as the text allows."""
    m = _NAME.match(text, start)
    return m.end() if m else None


def drop_trailing_word(text: str, start: int, end: int, words: Mapping[str, int]) -> int:
    """A long name whose last two characters are a common word (邱健承办, 尉迟文占用) has run
    into a verb: the end without it. Two-character given names are left alone (王建国)."""
    parts = split_surname(text[start:end])
    if parts is None or len(parts[1]) < 3:
        return end
    if words.get(text[end - 2 : end], 0) >= COMMON_WORD:
        return end - 2
    return end


# A place followed by its government, committee or collective is a jurisdiction or an
# organisation (…街道东村集体土地, …镇人民政府), not where someone lives.
_JURISDICTION = regex.compile(
    "(?<=村|社区|镇|乡|街道|苏木|县|区|市)(?:" + "|".join(ORG_WORDS + VILLAGE_ORG_WORDS) + ")"
)


def trim_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Cut an address span to what an address is: no leading verb, no words after its last
    unit (…村十组宅基地使用权人, …10组有平房三间); none at all without a unit, nor when the
    place is a jurisdiction (…东村集体土地) or a boundary of land (南至东村三组)."""
    if is_boundary(text, start):
        return None
    stop = _ADDRESS_STOPS.search(text, start, end)
    if stop is not None:
        end = stop.start()
    lead = _ADDRESS_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
    last = None
    for last in _FINE_UNIT.finditer(text, start, end):  # noqa: B007  (the last one counts)
        pass
    if last is None or last.end() - start < MIN_ADDRESS:
        return None
    if _JURISDICTION.match(text, last.end()):
        return None
    return start, last.end()


# A date that bounds an age rule (1989年12月31日以后出生) is no one's birth date.
_CUTOFF = regex.compile(r"[ \t]*(?:以|之)?(?:后|前)(?:出生|生)")


def trim_date(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = _DATE.match(text, start, end)
    if m is None or _CUTOFF.match(text, m.end()):
        return None
    return start, m.end()


def strip_address_lead(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _ADDRESS_LEAD.match(text, start, end)
    if lead is None or end - lead.end() < MIN_ADDRESS:
        return start, end
    return lead.end(), end
