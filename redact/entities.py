"""Entity types: English codes for programs, Chinese labels for people."""

from __future__ import annotations

LABELS: dict[str, str] = {
    "PERSON": "姓名",
    "CN_ID_CARD": "身份证号",
    "PHONE_NUMBER": "电话号码",
    "BANK_CARD": "银行卡号",
    "EMAIL_ADDRESS": "电子邮箱",
    "ADDRESS": "住址",
    "LICENSE_PLATE": "车牌号",
    "CN_PASSPORT": "护照/通行证号",
    "DATE_OF_BIRTH": "出生日期",
    "IP_ADDRESS": "IP地址",
    "CN_USCC": "统一社会信用代码",
    "HEALTH": "健康信息",
}


def label(entity_type: str) -> str:
    return LABELS.get(entity_type, entity_type)
