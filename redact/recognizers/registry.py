"""The Chinese recognizers, one instance each, for a Presidio ``RecognizerRegistry``."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from gkreview.redact.recognizers.cn_address import CnAddressRecognizer
from gkreview.redact.recognizers.cn_bank_card import CnBankCardRecognizer
from gkreview.redact.recognizers.cn_birth_date import CnBirthDateRecognizer
from gkreview.redact.recognizers.cn_email import CnEmailRecognizer
from gkreview.redact.recognizers.cn_health import CnHealthRecognizer
from gkreview.redact.recognizers.cn_id_card import CnIdCardRecognizer
from gkreview.redact.recognizers.cn_ip import CnIpRecognizer
from gkreview.redact.recognizers.cn_license_plate import CnLicensePlateRecognizer
from gkreview.redact.recognizers.cn_name_column import CnNameColumnRecognizer
from gkreview.redact.recognizers.cn_name_list import CnNameListRecognizer
from gkreview.redact.recognizers.cn_passport import CnPassportRecognizer
from gkreview.redact.recognizers.cn_person_context import CnPersonContextRecognizer
from gkreview.redact.recognizers.cn_phone import CnPhoneRecognizer
from gkreview.redact.recognizers.cn_uscc import CnUsccRecognizer

# Every entity type the identifier recognizers report, one per recognizer, in registry order.
IDENTIFIER_TYPES: tuple[str, ...] = (
    "CN_ID_CARD",
    "PHONE_NUMBER",
    "BANK_CARD",
    "EMAIL_ADDRESS",
    "IP_ADDRESS",
    "CN_PASSPORT",
    "LICENSE_PLATE",
    "CN_USCC",
    "HEALTH",
)
# Rules around the NER (names after context words or under a 姓名 column, birth dates,
# address grammar); the NER itself is Presidio's SpacyRecognizer, added by the analyzer.
RULE_TYPES: tuple[str, ...] = ("PERSON", "PERSON", "PERSON", "DATE_OF_BIRTH", "ADDRESS")
ENTITY_TYPES: tuple[str, ...] = (*IDENTIFIER_TYPES, "PERSON", "DATE_OF_BIRTH", "ADDRESS")


def chinese_recognizers() -> list[EntityRecognizer]:
    """Fresh instances (Presidio caches compiled patterns on them), one per entity type."""
    return [
        CnIdCardRecognizer(),
        CnPhoneRecognizer(),
        CnBankCardRecognizer(),
        CnEmailRecognizer(),
        CnIpRecognizer(),
        CnPassportRecognizer(),
        CnLicensePlateRecognizer(),
        CnUsccRecognizer(),
        CnHealthRecognizer(),
        CnPersonContextRecognizer(),
        CnNameColumnRecognizer(),
        CnNameListRecognizer(),
        CnBirthDateRecognizer(),
        CnAddressRecognizer(),
    ]
