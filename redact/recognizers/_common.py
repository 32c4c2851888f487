"""Regex building blocks and helpers shared by the Chinese recognizers.

Why a shared module: every recognizer must agree on what may break a number (text extracted
from PDF or Word wraps long numbers at a line end, tables space-group them) and on what
delimits one. ``\\b`` is useless here because Python counts Hanzi as word characters, so
"号1101…" has no word boundary; explicit lookarounds on ASCII letters and digits are used
instead, which also lets an identifier sit glued to Chinese text on both sides.
"""

from __future__ import annotations

import datetime
import re

# Flags every recognizer compiles with. Presidio's default adds IGNORECASE, which would let
# "e12345678" pass as a passport and "京a12345" as a plate, so cases are spelled out in the
# patterns; validation re-checks them, as a Presidio registry may force IGNORECASE anyway.
REGEX_FLAGS: int = re.DOTALL | re.MULTILINE

# ONE separator that may sit between two characters of a number: a space, a tab or a line
# end (CRLF counts as one line end). Never more than one, so "1 2" matches but "1  2" does
# not, and a separator is only ever placed *between* characters, never at an edge.
SEP: str = r"(?:[ \t]|\r?\n)"
OPT_SEP: str = SEP + "?"
# A line end alone: where a layout wraps a number but a space would be implausible.
OPT_WRAP: str = r"(?:\r?\n)?"

# Not glued to an ASCII letter or digit before, and not the fractional part of a decimal.
START: str = r"(?<![0-9A-Za-z])(?<![0-9]\.)"
# Not glued to an ASCII letter or digit after, and not the integer part of a decimal.
END: str = r"(?![0-9A-Za-z])(?!\.[0-9])"
# An amount unit right after a number makes it money, not an identifier.
NOT_AMOUNT: str = r"(?![ \t]?[元万亿])"

_SEPARATORS = re.compile(r"[ \t\r\n]")

# GB/T 2260 province-level codes (first two digits of an administrative division code).
MAINLAND_PROVINCES: frozenset[str] = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
    }
)  # fmt: skip


def run(char_class: str, count: int | str, sep: str = OPT_SEP) -> str:
    """``count`` characters of ``char_class``, each preceded by an optional ``sep``.

    Meant to follow a first character, so a separator only ever sits between two. ``count``
    is a repetition like ``16`` or ``"15,18"``. As a separator is never a character of the
    class, each position matches one way only: no backtracking blow-up on long digit runs.
    """
    return f"(?:{sep}{char_class}){{{count}}}"


def strip_separators(text: str) -> str:
    """The characters of a match without the spaces, tabs and line ends that broke it."""
    return _SEPARATORS.sub("", text)


def plausible_birth_date(yyyymmdd: str) -> bool:
    """A real calendar date between 1880 and today: nobody alive was born outside that."""
    if len(yyyymmdd) != 8 or not yyyymmdd.isdigit():
        return False
    try:
        born = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return False
    return datetime.date(1880, 1, 1) <= born <= datetime.date.today()
