"""IP_ADDRESS: IPv4 with four octets and IPv6, both checked by ipaddress."""

from __future__ import annotations

import pytest

from gkreview.ingest.normalize import fold_width
from gkreview.redact.recognizers.cn_ip import CnIpRecognizer

ENTITY = "IP_ADDRESS"
RECOGNIZER = CnIpRecognizer()


def results(sentence: str) -> list[tuple[int, int, str, float]]:
    found = RECOGNIZER.analyze(text=fold_width(sentence), entities=[ENTITY], nlp_artifacts=None)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


def span(sentence: str, value: str, score: float) -> list[tuple[int, int, str, float]]:
    start = sentence.index(value)
    return [(start, start + len(value), ENTITY, score)]


VALID = [
    ("IPv4", "其IP地址为192.168.1.100，", "192.168.1.100", 1.0),
    ("IPv4 glued", "登录IP113.116.45.7的用户", "113.116.45.7", 1.0),
    ("IPv4 with port", "访问202.96.128.86:8080时", "202.96.128.86", 1.0),
    ("IPv4 with prefix length", "网段172.16.30.0/24内", "172.16.30.0", 1.0),
    ("IPv4 leading zeros", "地址192.168.001.010。", "192.168.001.010", 1.0),
    ("IPv4 full width", "ＩＰ：１９２．１６８．１．１。", "１９２．１６８．１．１", 1.0),
    ("IPv4 at a full stop", "来源IP为61.135.169.121.", "61.135.169.121", 1.0),
    ("small octets keep a low score", "内网IP 10.0.0.1 已封禁", "10.0.0.1", 0.3),
    ("section-like keeps a low score", "详见3.1.2.1节。", "3.1.2.1", 0.3),
    ("IPv6 compressed", "IPv6地址2001:db8::1，", "2001:db8::1", 1.0),
    ("IPv6 after IPv6:", "IPv6:2001:db8::8a2e:370:7334。", "2001:db8::8a2e:370:7334", 1.0),
    (
        "IPv6 full",
        "地址为2001:0db8:85a3:0000:0000:8a2e:0370:7334的",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        1.0,
    ),
    ("IPv6 mapped IPv4", "地址::ffff:192.168.1.1。", "::ffff:192.168.1.1", 1.0),
    ("IPv6 loopback", "本机::1。", "::1", 1.0),
    ("IPv6 link-local", "网关fe80::1ff:fe23:4567:890a，", "fe80::1ff:fe23:4567:890a", 1.0),
]


@pytest.mark.parametrize(("case", "sentence", "value", "score"), VALID, ids=[v[0] for v in VALID])
def test_addresses_are_found_with_exact_span(
    case: str, sentence: str, value: str, score: float
) -> None:
    assert results(sentence) == span(sentence, value, score)


NOT_IPS = [
    ("version", "系统升级至1.2.3版本"),
    ("version with v", "版本v1.2.3.4发布"),
    ("date with dots", "于2017.3.12印发"),
    ("five parts", "第1.2.3.4.5条"),
    ("octet over 255", "地址256.1.1.1无效"),
    ("decimal", "数值1234567.89元"),
    ("clock time", "会议于12:30:45开始"),
    ("time range", "办公时间9:00-12:00"),
    ("MAC address", "网卡00:1A:2B:3C:4D:5E"),
    ("too many groups", "编码1:2:3:4:5:6:7:8:9"),
    ("文号 and 索引号", "津政办函〔2017〕72号，索引号：000014349/2017-00123"),
    ("dates", "2017年3月12日、20170312、2017-03-12"),
]


@pytest.mark.parametrize(("case", "sentence"), NOT_IPS, ids=[v[0] for v in NOT_IPS])
def test_look_alikes_are_not_addresses(case: str, sentence: str) -> None:
    assert results(sentence) == []
