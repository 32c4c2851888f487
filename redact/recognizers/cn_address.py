"""住址 (ADDRESS): a detailed address, down to the village, group, house or flat.

The grammar is the one of Chinese addresses, from large to small:

1. administrative units: 省/自治区, 市/州/盟/地区, 区/县/旗/市 — recognised by their real
   names (GB/T 2260 divisions, all years, from python-stdnum's ``cn/loc`` table), so that an
   address that starts with one starts exactly there; after a real name, further units of the
   same shape are accepted by their suffix alone (a division renamed since);
2. 街道/镇/乡/苏木;
3. 村/行政村/社区/居委会/嘎查, 村民小组 and 组 (三组, 第十四村民小组), roads and streets
   (路/街/大街/大道/巷/胡同/里/弄/道), estates (…小区/花园/家园/苑 …);
4. numbered pieces: 号, 号院, 号楼, 弄, 栋/幢/座, 单元, 层/楼, 室, 排, 3-2-501, and the bare flat
   number after 单元 (2单元501); numbers in Chinese numerals too (三组, 十二号).

Where no real division starts it, an address must start after a context word (住, 住址, 家住,
户籍地址, 坐落 …), a lead word (兹有, 系, 位于 …) or a non-Hanzi character (line start, comma,
table cell), except a town of two characters (汲冢镇…), which may start anywhere.

It is a *detailed residential address*, and reported, only if it reaches the village,
community or group level or has a numbered piece. "天津市滨海新区", "城关镇", "XX街道办事处"
are jurisdictions or offices, and a unit followed by 人民政府, 村民委员会, 党支部, 集体 … is an
organisation, not a place where someone lives.

Everything is one compiled regular expression, built at import: the division names are a
prefix tree turned into one alternation; nothing loops over divisions at analysis time.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from stdnum import numdb

from gkreview.redact.recognizers._common import REGEX_FLAGS

ENTITY = "ADDRESS"

_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "州",
             "盟", "县", "区", "旗")  # fmt: skip
# Names in the table that are no place (市辖区, 县) or too generic to start an address alone.
_NOT_PLACES = frozenset({"市辖区", "县", "郊区", "城区", "新区", "矿区", "市区", "辖区"})


def _division_names() -> frozenset[str]:
    """Every division name in stdnum's GB/T 2260 table, of any year, that ends like one."""
    names: set[str] = set()

    def walk(nodes: list) -> None:
        for _length, _low, _high, props, children in nodes:
            for value in props.values():
                for part in value.split(","):
                    name = re.sub(r"^\[[0-9-]*\]", "", part).strip()
                    if len(name) >= 2 and name.endswith(_SUFFIXES) and name not in _NOT_PLACES:
                        names.add(name)
            walk(children)

    walk(numdb.get("cn/loc").prefixes)
    return frozenset(names)


DIVISION_NAMES: frozenset[str] = _division_names()


def _trie_regex(words: frozenset[str]) -> str:
    """One alternation for many words, common prefixes factored out (fast to match)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + build(trie) + ")"


# The alternation is tried branch by branch, so it is guarded by two cheap look-aheads: the
# first character can start a name, and a division suffix follows within a name's length.
_DIVISION = (
    "(?=["
    + "".join(sorted({n[0] for n in DIVISION_NAMES}))
    + "])"
    + f"(?=\\p{{Han}}{{1,{max(len(n) for n in DIVISION_NAMES) - 1}}}?[省市州盟区县旗])"
    + _trie_regex(DIVISION_NAMES)
)

_HAN = r"\p{Han}"
# Characters never inside a place name: function words, pronouns, unit suffixes that would
# let one piece run into the next. (和, 于, 向 are in many: 和平路, 于集村, 向阳街道.)
_NOT_IN_NAME = "的在是与及等住了被将把从到对为其该本此我你他她您们某局所省县镇乡村组号栋幢室"
_NAME_CHAR = f"(?!社区|政府|农村|乡村)(?![{_NOT_IN_NAME}]){_HAN}"


def _stem(least: int, most: int) -> str:
    """A place name's own characters (李楼, 人民中), as few as will do."""
    return f"(?:{_NAME_CHAR}){{{least},{most}}}?"


_NUM = "(?:[0-9]{1,5}|[一二三四五六七八九十百零〇两]{1,4})"
# After a unit, these make it an organisation or an office, not a place where one lives.
ORG_WORDS: tuple[str, ...] = (
    "人民政府", "政府", "党委", "党支部", "党总支", "办事处", "派出所", "卫生院", "卫生室",
    "财政所", "司法所", "中心", "中学", "小学",
)  # fmt: skip
# After a village or community also its committees, its collective, its posts (社区居委会主任).
VILLAGE_ORG_WORDS: tuple[str, ...] = (
    "村民委员会", "村委会", "委员会", "集体", "两委", "村民代表", "合作社", "经济合作",
    "民小组", "民组", "主任", "书记", "工作", "服务", "局", "厅", "部", "委", "办", "所", "站",
)  # fmt: skip
_ORG_AFTER_TOWN = f"(?!{'|'.join(ORG_WORDS)})"
_ORG_AFTER_VILLAGE = (
    f"(?!{'|'.join(ORG_WORDS + VILLAGE_ORG_WORDS)}|村委(?!{_HAN})|居委会(?!{_HAN}))"
)
_WORDS_NOT_VILLAGES = "(?!农村|乡村|城乡|本村|该村|同村|全村|各村|邻村|我村|外村|行政村|村村|第)"
_WORDS_NOT_TOWNS = "(?!乡镇|城镇|城乡|全镇|本镇|该镇|各乡|全乡|本乡|该乡|我镇|我乡)"


def _town(least: int) -> str:
    return _WORDS_NOT_TOWNS + _stem(least, 5) + "(?:街道|民族乡|镇|乡|苏木)" + _ORG_AFTER_TOWN


def _village(least: int) -> str:
    return (
        _WORDS_NOT_VILLAGES
        + _stem(least, 4)
        + "(?:行政村|村委(?![会员])|村|社区|居委会|嘎查)"
        + _ORG_AFTER_VILLAGE
    )


def _street(least: int) -> str:
    return (
        _stem(least, 6)
        + "(?:大道|大街|胡同|路|街|巷|里|弄|道)(?!办|口)"
        + f"(?:[东西南北中]段|{_NUM}段)?"  # 人民路西段, 人民南路四段
    )


def _estate(least: int) -> str:
    return (
        _stem(least, 6)
        + "(?:小区|花园|家园|新村|新城|华庭|华府|名都|名苑|雅居|雅苑|佳苑|公馆|府邸|城邦|嘉园|丽舍"
        + "|山庄|公寓|大厦|花苑|壹号|宿舍|苑|园|府|庭|湾|城|居)"
        + f"(?:(?=[0-9一二三四五六七八九十])|(?!{_HAN}))"  # a number or the end follows
    )


_ADMIN_GENERIC = _stem(1, 8) + "(?:自治区|自治州|自治县|地区|林区|省|市|州|盟|县|区|旗)"
# 三组, 第十四村民小组, 9队; after a village also a named group (前柳组).
_GROUP = f"(?:第?{_NUM}(?:村民小组|村民组|小组|组|生产队|队|社)|(?<=村){_stem(1, 3)}(?:组|队))"
_NUMBERED = (
    "(?:(?<![0-9])[0-9]{1,5}(?:-[0-9]{1,5}){1,3}(?![0-9])(?:室|号)?"  # 21-4-1903
    f"|(?<![0-9])附?{_NUM}(?:号院|号楼|号|弄|栋|幢|座|单元|层|楼|室|排)"  # 48号附1号
    "|(?<=单元|栋|幢|号楼)[0-9]{2,5}(?![0-9]))"  # 2单元501
)
_LOWER = f"(?:{_town(1)}|{_GROUP}|{_village(1)}|{_estate(1)}|{_street(1)}|{_NUMBERED})"
# The first piece of an address that no real division starts: a named unit of two or more
# characters, never a number.
_FIRST = f"(?:{_town(2)}|{_village(2)}|{_estate(2)}|{_street(2)})"

CONTEXT_WORDS: tuple[str, ...] = (
    "住址", "家住", "现住", "住", "户籍地址", "户籍所在地", "户籍地", "户籍", "住所地", "住所",
    "地址", "居住地", "居住于", "居住在", "居住", "现居住于", "住在", "坐落", "房屋坐落",
    "不动产坐落", "送达地点", "送达地址", "检查地点", "拟建地址", "迁入地址", "迁往地址",
    "生前住", "家庭住址", "出生地",
)  # fmt: skip
# Besides context words, what may stand right before an address that starts with no real
# division: a lead word, or no Hanzi at all.
LEAD_WORDS: tuple[str, ...] = (
    "兹有", "系", "为", "是", "位于", "来自", "现为", "原为", "属", "我乡", "我镇", "本乡", "本镇",
)  # fmt: skip


def _alternation(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_LEADS = _alternation(CONTEXT_WORDS + LEAD_WORDS)

ADDRESS = (
    "(?:"
    # a real division, then more units of that level
    + f"{_DIVISION}(?:{_DIVISION}|{_ADMIN_GENERIC})*"
    # or, after a context word, a lead word or a non-Hanzi, a named unit
    + f"|(?:(?<!{_HAN})(?![年月日])|(?<={_LEADS})(?![于在所地]))(?!{_LEADS}){_FIRST}"
    # or a town whose name has two characters, anywhere
    + f"|(?!{_LEADS}){_WORDS_NOT_TOWNS}(?:{_NAME_CHAR}){{2}}(?:街道|镇|乡){_ORG_AFTER_TOWN}"
    + f"){_LOWER}*+"
)

# Pieces that make an address detailed: a village, community or group, or a numbered piece.
_DETAILED = re.compile(
    r"(?:行政村|村|社区|居委会|嘎查|组|队|[0-9一二三四五六七八九十]社|号|栋|幢|座|单元|室|[0-9]-[0-9])"
)
# The few division names that contain such a word (周村区, 孟村回族自治县) do not count.
_DIVISIONS_LOOKING_DETAILED: tuple[str, ...] = tuple(
    sorted((n for n in DIVISION_NAMES if _DETAILED.search(n)), key=len, reverse=True)
)
_LOOKING_DETAILED = re.compile("|".join(map(re.escape, _DIVISIONS_LOOKING_DETAILED)) or "(?!)")
_CONTEXT_BEFORE = re.compile(_alternation(CONTEXT_WORDS) + r"[:：]?[ \t]*$")
# 四至 of a plot of land (东至港东路，南至东村三组): a boundary, no one's address.
_BOUNDARY = re.compile(r"(?:[东西南北]|四)至[:：]?[ \t]*")
_BOUNDARY_BEFORE = re.compile(r"(?:[东西南北]|四)至[:：]?[ \t]*$")


def is_boundary(text: str, start: int) -> bool:
    """Whether the place at ``start`` is named as a boundary (南至…, or 南至 in the span)."""
    return bool(
        _BOUNDARY.match(text, start) or _BOUNDARY_BEFORE.search(text, max(0, start - 4), start)
    )


class CnAddressRecognizer(PatternRecognizer):
    """Detailed addresses: 0.6, or 0.85 right after a context word (住, 住址, 家住 …)."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("CN detailed address", ADDRESS, 0.6)]
    CONTEXT: ClassVar[list[str]] = ["住", "住址", "家住", "户籍", "住所", "地址", "居住", "现住"]
    CONTEXT_SCORE: ClassVar[float] = 0.85

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnAddressRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Not detailed: it never reaches a village, group or numbered piece."""
        if _DETAILED.search(pattern_text) is None:  # most matches: a bare 某某市某某区
            return True
        return _DETAILED.search(_LOOKING_DETAILED.sub("", pattern_text)) is None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: object = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        results = [r for r in results if not is_boundary(text, r.start)]
        for result in results:
            before = _CONTEXT_BEFORE.search(text, max(0, result.start - 12), result.start)
            if before is None:
                continue
            word = before.group().rstrip(":： \t")
            result.score = max(result.score, self.CONTEXT_SCORE)
            if result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(word)
                result.analysis_explanation.score = result.score
            result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return results
