"""What to propose for each entity type: the action and the operator's typed parameters.

This is the ``general`` profile. Profiles as data files and ``--policy`` come with the
de-identification writers; the shape (type → Treatment) stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from gkreview.redact.operators.address import AddressParams, cut_to_township
from gkreview.redact.operators.birth_date import BirthDateParams, keep_year
from gkreview.redact.operators.email import EmailMaskParams, mask_email
from gkreview.redact.operators.ip import IpParams, generalize_ip
from gkreview.redact.operators.mask import MaskParams, mask
from gkreview.redact.operators.surname import SurnameParams, surname_mou

OperatorParams = (
    MaskParams | EmailMaskParams | IpParams | SurnameParams | AddressParams | BirthDateParams | None
)


@dataclass(frozen=True, slots=True)
class Treatment:
    action: str  # redact | mask | pseudonymize | generalize | keep
    params: OperatorParams = None
    min_score: float = 0.4  # below this a detection is not reported at all

    def replacement(self, value: str) -> str | None:
        match self.params:
            case MaskParams():
                return mask(value, self.params)
            case EmailMaskParams():
                return mask_email(value, self.params)
            case IpParams():
                return generalize_ip(value, self.params)
            case SurnameParams():
                return surname_mou(value, self.params)
            case AddressParams():
                return cut_to_township(value, self.params)
            case BirthDateParams():
                return keep_year(value, self.params)
        return None if self.action == "keep" else "■" * len(value)


GENERAL: dict[str, Treatment] = {
    "PERSON": Treatment("pseudonymize", SurnameParams()),
    "ADDRESS": Treatment("generalize", AddressParams()),
    "DATE_OF_BIRTH": Treatment("generalize", BirthDateParams()),
    "CN_ID_CARD": Treatment("mask", MaskParams(keep_first=2, keep_last=3)),
    "PHONE_NUMBER": Treatment(
        "mask",
        MaskParams(
            keep_first=3, keep_last=4, prefixes=("+86", "0086", "(+86)", "（+86）"), min_masked=4
        ),
    ),
    "BANK_CARD": Treatment("mask", MaskParams(keep_last=4)),
    "EMAIL_ADDRESS": Treatment("mask", EmailMaskParams()),
    "IP_ADDRESS": Treatment("generalize", IpParams()),
    "CN_PASSPORT": Treatment("mask", MaskParams(keep_first=1, keep_last=2)),
    "LICENSE_PLATE": Treatment("mask", MaskParams(keep_first=2, keep_last=1)),
    "CN_USCC": Treatment("keep", None, min_score=0.5),
}

DEFAULT = Treatment("redact")
KEEP = Treatment("keep")


def treatment_for(entity_type: str, policy: dict[str, Treatment] = GENERAL) -> Treatment:
    return policy.get(entity_type, DEFAULT)
