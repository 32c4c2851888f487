"""The model's spans held to a name's shape, looking past the span's end."""

from __future__ import annotations

import pytest

from gkreview.redact.span_shape import trim_address, trim_date, trim_to_name


@pytest.mark.parametrize(
    ("case", "text", "start", "end"),
    [
        ("a street after the span", "经刘山街道审核，给予临时救助。", 1, 3),
        ("a housing estate and its building", "金桂雅居28-2-2102", 0, 3),
        ("a company that begins like a name", "被申请人张裕葡萄酿酒股份有限公司", 4, 6),
        ("an ethnic county", "墨江哈尼族自治县", 0, 3),
        ("a grade", "高二学生", 0, 2),
    ],
)
def test_span_shape_drops_what_is_no_name(case: str, text: str, start: int, end: int) -> None:
    assert trim_to_name(text, start, end) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("申请人张伟于2020年提出申请", 3, 6, (3, 5)),
        ("经丈量，何瑞生户平房三间", 4, 7, (4, 7)),
        ("村民王建国反映", 2, 5, (2, 5)),
    ],
)
def test_span_shape_keeps_names(text: str, start: int, end: int, expected: tuple[int, int]) -> None:
    assert trim_to_name(text, start, end) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("金桂雅居28-2-2102房", 0, 4), ("盛世雅居29幢2704室", 0, 4), ("安丘市新庄乡长家圩村/", 7, 10),
     ("河北省保定市涞水县金桂丽舍21-6-701", 9, 12)],
)  # fmt: skip
def test_span_shape_estates_and_villages_are_no_names(text: str, start: int, end: int) -> None:
    assert trim_to_name(text, start, end) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出生日期：1985年3月12日，汉族", "1985年3月12日"),
        ("报考人员须为1989年12月31日以后出生，报名时", None),
        ("1994年1月1日之前出生的人员", None),
        ("该同志1962年5月生，中共党员", "1962年5月"),
    ],
)
def test_span_shape_trim_date_drops_age_cutoffs(text: str, expected: str | None) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    end = text.index("日", start) + 1 if "日" in text[start:] else text.index("月", start) + 1
    trimmed = trim_date(text, start, end)
    assert (text[trimmed[0] : trimmed[1]] if trimmed else None) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("关于征收滨海新区大港街道东村集体土地的公告", "滨海新区大港街道东村", None),
        ("经王楼村村民委员会讨论通过", "王楼村", None),
        ("由城关镇人民政府负责实施", "城关镇", None),
        (
            "住滨海新区大港街道东村三组12号。",
            "滨海新区大港街道东村三组12号",
            "滨海新区大港街道东村三组12号",
        ),
        ("系大港街道东村村民", "大港街道东村", "大港街道东村"),  # a villager: where he lives
        ("征收范围：东至港东路，南至东村三组。", "南至东村三组", None),  # a boundary of land
        ("征收范围：东至港东路，南至东村三组。", "东村三组", None),
    ],
)
def test_span_shape_trim_address_drops_jurisdictions(
    text: str, span: str, expected: str | None
) -> None:
    """A place followed by its government, committee or collective is no one's address."""
    start = text.index(span)
    got = trim_address(text, start, start + len(span))
    assert (None if got is None else text[got[0] : got[1]]) == expected
