"""电子邮箱 (EMAIL_ADDRESS), written to work when glued to Chinese text.

Presidio's stock email recognizer starts with ``\\b`` (which never fires between "箱" and
"z", both word characters to Python) and validates the TLD with tldextract, which may go
to the network. Here the address is delimited by the characters an address can hold, and
the TLD is checked against a small built-in list: common TLDs score 1.0; others (which
include file names such as icon@2x.png) keep a low score that 邮箱/邮件 context raises.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from gkreview.redact.recognizers._common import REGEX_FLAGS

ENTITY = "EMAIL_ADDRESS"

_LOCAL_CHAR = r"[A-Za-z0-9._%+\-]"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_EMAIL = (
    rf"(?<!{_LOCAL_CHAR})"  # starts where the run of address characters starts
    r"[A-Za-z0-9_%+\-]" + _LOCAL_CHAR + "{0,63}"
    "@" + _LABEL + rf"(?:\.{_LABEL})*" + r"\.[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9\-])(?!\.[A-Za-z0-9])"
)

# TLDs seen in Chinese government documents, plus the big generic ones.
COMMON_TLDS: frozenset[str] = frozenset(
    {
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi",
        "asia", "top", "xyz", "vip", "club", "site", "online", "tech", "shop", "store", "ltd",
        "group", "work", "wang", "link", "cloud", "ink", "fun", "icu", "ren", "red", "kim", "art",
        "live", "email", "cn", "hk", "mo", "tw", "jp", "kr", "sg", "my", "th", "vn", "ph", "id",
        "in", "au", "nz", "uk", "us", "ca", "de", "fr", "it", "es", "nl", "ch", "se", "no", "fi",
        "dk", "ru", "eu", "io", "co", "cc", "tv", "me",
    }
)  # fmt: skip


def well_formed(address: str) -> bool:
    """RFC 5321 length limits and no empty dot-atoms in the local part."""
    local, _, domain = address.rpartition("@")
    return (
        0 < len(local) <= 64
        and len(domain) <= 253
        and not local.startswith(".")
        and not local.endswith(".")
        and ".." not in local
    )


class CnEmailRecognizer(PatternRecognizer):
    """E-mail addresses: 1.0 with a common TLD, else the 0.3 pattern score."""

    PATTERNS: ClassVar[list[Pattern]] = [Pattern("Email (glued to Chinese)", _EMAIL, 0.3)]
    CONTEXT: ClassVar[list[str]] = ["邮箱", "电子邮件", "邮件", "电邮", "email", "mail"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnEmailRecognizer",
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
        """False if malformed, True with a common TLD, None (keep score) otherwise."""
        if not well_formed(pattern_text):
            return False
        tld = pattern_text.rsplit(".", 1)[-1].lower()
        return True if tld in COMMON_TLDS else None
