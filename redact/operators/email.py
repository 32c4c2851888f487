"""E-mail masking: the first character of the mailbox and the whole domain survive."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EmailMaskParams:
    keep_first: int = 1
    mask_char: str = "*"
    mask_length: int = 3


def mask_email(value: str, params: EmailMaskParams) -> str:
    local, sep, domain = value.partition("@")
    if not sep:
        return params.mask_char * len(value)
    return local[: params.keep_first] + params.mask_char * params.mask_length + "@" + domain
