"""IP地址 (IP_ADDRESS): IPv4 and IPv6, checked with :mod:`ipaddress`.

IPv4 needs all four octets, so versions (1.2.3) and dates (2017.3.12) never match. Four
small numbers are still ambiguous: section numbers such as 3.1.2.1 are valid addresses,
so an address whose octets are all small keeps a low score that the word IP raises, and
any other valid address scores 1.0. IPv6 candidates are loose on purpose (the grammar is
long) and :mod:`ipaddress` decides; clock times such as 12:30:45 are rejected by it.
"""

from __future__ import annotations

import ipaddress
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from gkreview.redact.recognizers._common import REGEX_FLAGS

ENTITY = "IP_ADDRESS"

_OCTET = r"[0-9]{1,3}"
_IPV4_BODY = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
# Not inside a longer dotted number or a word (v1.2.3.4), but "IP" may be glued before it.
_IPV4_START = r"(?<![0-9.])(?<![0-9]-)(?:(?<![A-Za-z])|(?<=[Ii][Pp]))"
_IPV4 = rf"{_IPV4_START}{_IPV4_BODY}(?![0-9A-Za-z])(?!\.[0-9])"

_HEX = "[0-9A-Fa-f]"
# Starts at a hex digit or at "::", not in the middle of a run like 1:2:3; "IPv6:" may
# precede it (the 6 there is not part of the address).
_IPV6_START = rf"(?<![0-9A-Za-z.])(?<!(?<![Vv]){_HEX}:)(?<!::)(?={_HEX}|::)"
_IPV6 = (
    _IPV6_START
    + rf"(?:{_HEX}{{0,4}}:){{2,7}}(?:{_IPV4_BODY}|{_HEX}{{1,4}})?"
    + r"(?![0-9A-Za-z:])(?!\.[0-9])"
)

# Octets at most this large, with a first octet at most _SECTION_FIRST, read as numbering.
_SECTION_OCTET = 30
_SECTION_FIRST = 20


def parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address, or None. IPv4 octets may carry leading zeros (010.001.001.001)."""
    try:
        if ":" in text:
            return ipaddress.IPv6Address(text)
        octets = [int(o) for o in text.split(".")]
        if len(octets) != 4 or any(o > 255 for o in octets):
            return None
        return ipaddress.IPv4Address(".".join(map(str, octets)))
    except ValueError:
        return None


def looks_like_numbering(address: ipaddress.IPv4Address) -> bool:
    """Four small numbers, as in a heading 3.1.2.1 or a clause 2.10.3.1."""
    octets = address.packed
    return octets[0] <= _SECTION_FIRST and max(octets) <= _SECTION_OCTET


class CnIpRecognizer(PatternRecognizer):
    """IPv4 (0.3 when numbering-like, else 1.0) and IPv6 (1.0 when valid)."""

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("IPv4", _IPV4, 0.3),
        Pattern("IPv6", _IPV6, 0.5),
    ]
    # "IP" (compared lower-case, as a substring) also covers IPv4/IPv6/IP地址 tokens. 地址 is
    # too common to count for anything but a string that already has an address's shape.
    CONTEXT: ClassVar[list[str]] = ["IP", "地址"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnIpRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """False if not an address; None (keep the low score) if it reads as numbering."""
        address = parse_ip(pattern_text)
        if address is None:
            return False
        if isinstance(address, ipaddress.IPv4Address) and looks_like_numbering(address):
            return None
        return True
