"""Policy profiles: what to propose for each entity type, shipped as data a user can override.

A profile is a TOML file (``redact/policies/<name>.toml``; ``--policy FILE`` for one's own):
for each type an action, an operator and the operator's typed parameters, and optionally the
words that name a penalised party whose name a penalty publicity keeps. ``general`` is the
default. The shape seen by the pipeline stays a mapping type → ``Treatment``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from gkreview.redact.operators.address import AddressParams, cut_to_township
from gkreview.redact.operators.birth_date import BirthDateParams, keep_year
from gkreview.redact.operators.email import EmailMaskParams, mask_email
from gkreview.redact.operators.ip import IpParams, generalize_ip
from gkreview.redact.operators.mask import MaskParams, mask
from gkreview.redact.operators.pseudonym import PseudonymParams
from gkreview.redact.operators.removal import RemovalParams, remove
from gkreview.redact.operators.surname import SurnameParams, surname_mou

OperatorParams = (
    MaskParams
    | EmailMaskParams
    | IpParams
    | SurnameParams
    | PseudonymParams
    | AddressParams
    | BirthDateParams
    | RemovalParams
    | None
)
ACTIONS = ("redact", "mask", "pseudonymize", "generalize", "keep")
OPERATORS: dict[str, type | None] = {
    "mask": MaskParams,
    "email": EmailMaskParams,
    "ip": IpParams,
    "surname": SurnameParams,
    "pseudonym": PseudonymParams,
    "address": AddressParams,
    "birth_date": BirthDateParams,
    "removal": RemovalParams,
    "none": None,
}
SHIPPED = ("general", "penalty_publicity", "internal")


class PolicyError(ValueError):
    """A profile that cannot be used; the message names the file and the cause."""


@dataclass(frozen=True, slots=True)
class Treatment:
    action: str  # redact | mask | pseudonymize | generalize | keep
    params: OperatorParams = None
    min_score: float = 0.4  # below this a detection is not reported at all

    def replacement(self, value: str) -> str | None:
        """The replacement of one value. A pseudonym's stem is chosen per document
        (``operators.pseudonym.assign_pseudonyms``); alone, a value gets 张某 style."""
        match self.params:
            case MaskParams():
                return mask(value, self.params)
            case EmailMaskParams():
                return mask_email(value, self.params)
            case IpParams():
                return generalize_ip(value, self.params)
            case SurnameParams():
                return surname_mou(value, self.params)
            case PseudonymParams():
                return surname_mou(value, SurnameParams(filler=self.params.filler))
            case AddressParams():
                return cut_to_township(value, self.params)
            case BirthDateParams():
                return keep_year(value, self.params)
            case RemovalParams():
                return remove(value, self.params)
        return None if self.action == "keep" else "■" * len(value)


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    label: str
    treatments: dict[str, Treatment]
    description: str = ""
    party_words: tuple[str, ...] = ()  # a PERSON right after one of these is the party
    party_action: str | None = None  # what the party's name gets ("keep" in penalty publicity)
    source: str = ""  # where it was read from, for messages
    extra: dict[str, Any] = field(default_factory=dict)


def load_policy(name_or_path: str | Path = "general") -> Policy:
    """A shipped profile by name, or a TOML file by path."""
    text, source = _read(str(name_or_path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: 不是有效的 TOML / not valid TOML ({exc})") from None
    return parse_policy(data, source)


def _read(name_or_path: str) -> tuple[str, str]:
    if name_or_path in SHIPPED:
        resource = resources.files("gkreview.redact").joinpath(f"policies/{name_or_path}.toml")
        return resource.read_text(encoding="utf-8"), name_or_path
    path = Path(name_or_path)
    if not path.is_file():
        raise PolicyError(
            f"{name_or_path}: 没有这个策略，可用 {'、'.join(SHIPPED)} 或一个 .toml 文件 / "
            f"no such policy; use one of {', '.join(SHIPPED)} or a .toml file"
        )
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: 无法读取 / cannot be read ({exc})") from None


def parse_policy(data: dict[str, Any], source: str = "policy") -> Policy:
    profile = data.get("profile", {})
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise PolicyError(f"{source}: 缺少 [types.*] 小节 / no [types.*] sections")
    treatments = {name: _treatment(name, spec, source) for name, spec in types.items()}
    party_action = profile.get("party_action")
    if party_action is not None and party_action not in ACTIONS:
        raise PolicyError(f"{source}: party_action “{party_action}” 不是 {'/'.join(ACTIONS)}")
    return Policy(
        name=str(profile.get("name", Path(source).stem)),
        label=str(profile.get("label", profile.get("name", ""))),
        description=str(profile.get("description", "")),
        treatments=treatments,
        party_words=tuple(profile.get("party_words", ())),
        party_action=party_action,
        source=source,
    )


def _treatment(entity: str, spec: Any, source: str) -> Treatment:
    where = f"{source} [types.{entity}]"
    if not isinstance(spec, dict):
        raise PolicyError(f"{where}: 应为一个小节 / must be a table")
    spec = dict(spec)
    action = spec.pop("action", None)
    if action not in ACTIONS:
        raise PolicyError(f"{where}: action 应为 {'/'.join(ACTIONS)} 之一，而不是 {action!r}")
    operator = spec.pop("operator", "none" if action == "keep" else "removal")
    if operator not in OPERATORS:
        raise PolicyError(f"{where}: 未知的 operator {operator!r}（可用 {', '.join(OPERATORS)}）")
    min_score = float(spec.pop("min_score", 0.4))
    cls = OPERATORS[operator]
    if cls is None:
        if spec:
            raise PolicyError(f"{where}: operator none 不接受参数 {sorted(spec)}")
        return Treatment(action, None, min_score)
    allowed = {f.name for f in fields(cls)}
    unknown = sorted(set(spec) - allowed)
    if unknown:
        raise PolicyError(f"{where}: {operator} 没有参数 {unknown}（可用 {sorted(allowed)}）")
    if "prefixes" in spec:
        spec["prefixes"] = tuple(spec["prefixes"])
    try:
        params = cls(**spec)
    except TypeError as exc:
        raise PolicyError(f"{where}: {exc}") from None
    return Treatment(action, params, min_score)


GENERAL: dict[str, Treatment] = load_policy("general").treatments
DEFAULT = Treatment("redact")
KEEP = Treatment("keep")


def treatment_for(entity_type: str, policy: dict[str, Treatment] = GENERAL) -> Treatment:
    return policy.get(entity_type, DEFAULT)
