"""健康信息 (HEALTH): a named person's illness, diagnosis, disability or pregnancy.

Health data is 敏感个人信息 under the 个人信息保护法 (第二十八条) and among what a penalty
publicity must remove. The span is the condition itself, after the words that state it
(患有, 确诊为, 诊断为, 经鉴定为 …), or a disability with its kind or grade (二级肢体残疾), or
an HIV status or a pregnancy. A disease named in general (预防流感, 艾滋病防治工作) has no such
statement about a person and is not matched.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from gkreview.redact.recognizers._common import REGEX_FLAGS

ENTITY = "HEALTH"

_STATED = r"(?<=患有|罹患|身患|确诊为|确诊|诊断为|诊断：|诊断:|经鉴定为|鉴定为|初步诊断|因患)"
_CONDITION = (
    r"[^，,。；;：:\n（(）)]{1,16}?"
    r"(?:病|症|癌|瘤|炎|障碍|综合征|感染|损伤|骨折|中毒|梗死|梗塞|出血|衰竭|硬化|残疾)"
)
_DISABILITY = (
    r"(?:(?:[一二三四]级|重度|中度|轻度)(?:视力|听力|言语|肢体|智力|精神|多重)残疾"
    r"|(?:视力|听力|言语|肢体|智力|精神|多重)残疾(?:[一二三四]级))"
)
_HIV = r"(?:HIV|艾滋病病毒)(?:抗体)?(?:感染者|阳性)"
_PREGNANT = r"(?:怀孕|孕)[0-9一二三四五六七八九十]{1,2}(?:周|个月)"


class CnHealthRecognizer(PatternRecognizer):
    """A stated condition (0.7), a graded disability (0.75), HIV status or pregnancy (0.7)."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN stated condition", _STATED + _CONDITION, 0.7),
        Pattern("CN graded disability", _DISABILITY, 0.75),
        Pattern("CN HIV status", _HIV, 0.7),
        Pattern("CN pregnancy", _PREGNANT, 0.7),
    ]
    CONTEXT: ClassVar[list[str]] = ["患者", "病情", "病历", "诊断", "住院", "残疾证", "医院"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnHealthRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )
