"""EMAIL_ADDRESS: addresses glued to Chinese text, found offline."""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_email import CnEmailRecognizer

ENTITY = "EMAIL_ADDRESS"
RECOGNIZER = CnEmailRecognizer()


def results(sentence: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def span(sentence: str, value: str, score: float) -> list[tuple[int, int, str, float]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY, score)]


VALID = [
    ("glued to Chinese", "邮箱zhangsan@163.com，", "zhangsan@163.com", 1.0),
    ("subdomains", "邮箱tdzs@bhxq.example.cn，或拨打", "tdzs@bhxq.example.cn", 1.0),
    ("gov.cn", "请发送至xxgk@tj.gov.cn。", "xxgk@tj.gov.cn", 1.0),
    ("dots and plus", "电子邮件：zhang.san+gk@mail.qq.com", "zhang.san+gk@mail.qq.com", 1.0),
    ("ASCII full stop after", "电子邮箱：li_si@126.com.", "li_si@126.com", 1.0),
    ("full width", "邮箱ｗａｎｇ＠１６３．ｃｏｍ。", "ｗａｎｇ＠１６３．ｃｏｍ", 1.0),
    ("hyphenated domain", "邮箱a-b@my-site.org.cn的", "a-b@my-site.org.cn", 1.0),
    ("unknown TLD keeps a low score", "邮箱admin@example.museum。", "admin@example.museum", 0.3),
]


@pytest.mark.parametrize(("case", "sentence", "value", "score"), VALID, ids=[v[0] for v in VALID])
def test_addresses_are_found_with_exact_span(
    case: str, sentence: str, value: str, score: float
) -> None:
    assert results(sentence) == span(sentence, value, score)


NOT_EMAILS = [
    ("weibo mention", "转发@张三的微博"),
    ("no TLD", "账号user@localhost登录"),
    ("numeric TLD", "地址user@10.0.0.1"),
    ("double dot", "邮箱zhang..san@163.com"),
    ("one-letter TLD", "邮箱zhang@163.c。"),
    ("TLD glued to digits", "邮箱zhang@163.com5"),
    ("文号 and 索引号", "津政办函〔2017〕72号，索引号：000014349/2017-00123"),
    ("amounts and dates", "补偿款1234567.89元，2017年3月12日"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_EMAILS, ids=[v[0] for v in NOT_EMAILS])
def test_look_alikes_are_not_addresses(case: str, sentence: str) -> None:
    assert results(sentence) == []


def test_file_names_with_at_keep_only_the_low_score() -> None:
    ((*_, score),) = results("见附件icon@2x.png")
    assert score < 0.4
