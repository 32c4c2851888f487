"""IP generalisation: an IPv4 address keeps its network part (192.168.*.*)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IpParams:
    keep_octets: int = 2
    mask_char: str = "*"


def generalize_ip(value: str, params: IpParams) -> str:
    if ":" in value:  # IPv6: keep the first two groups
        groups = value.split(":")
        return ":".join(groups[:2] + [params.mask_char] * (len(groups) - 2))
    octets = value.split(".")
    kept = octets[: params.keep_octets]
    return ".".join(kept + [params.mask_char] * (len(octets) - len(kept)))
