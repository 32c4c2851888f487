"""extract_metadata on short, realistic 公文 texts: values, ISO dates and exact spans."""

from __future__ import annotations

import pytest

from gkreview.ingest.metadata import DocumentMetadata, Span, extract_metadata, parse_date

# A classified 通知 as a .docx reader emits it: 份号 and 密级 at the top left, red header,
# full-width 文号, a title wrapped over two lines, body with 秘密 in prose, signature,
# Chinese-numeral date and a 附注; CRLF line ends and a tab-indented body.
CLASSIFIED = (
    "000123\r\n"
    "机密★10年\r\n"
    "特急\r\n"
    "\r\n"
    "天津市人民政府办公厅文件\r\n"
    "\r\n"
    "津政办函〔２０１７〕７２号\r\n"
    "\r\n"
    "关于印发天津市重点区域安全保卫\r\n"
    "工作方案的通知\r\n"
    "\r\n"
    "各区人民政府，市政府各委、办、局：\r\n"
    "\t经市人民政府同意，现将《天津市重点区域安全保卫工作方案》印发给你们，请认真贯彻执行。"
    "各单位要严格保守工作秘密，涉及商业秘密的材料要妥善保管。\r\n"
    "\t特此通知。\r\n"
    "\r\n"
    "天津市人民政府办公厅\r\n"
    "二〇一七年三月十二日\r\n"
    "\r\n"
    "（此件不予公开）\r\n"
)

PLAIN = """天津市商务局
津商务复〔2021〕3号
关于同意天津某某科技有限公司延长经营期限的批复
天津某某科技有限公司：
　　你公司《关于延长经营期限的请示》收悉。经研究，同意你公司经营期限延长至2030年。
天津市商务局
2021年3月12日
（此件依申请公开）
"""


def _all_spans(meta: DocumentMetadata) -> list[Span]:
    spans = [
        meta.title_span,
        meta.doc_number_span,
        meta.issuer_span,
        meta.date_span,
        meta.copy_number_span,
        meta.doc_type_span,
        meta.addressee_span,
    ]
    for marking in (meta.secrecy, meta.internal_marking, meta.existing_marking):
        if marking is not None:
            spans.append(Span(marking.start, marking.end, marking.text))
    return [s for s in spans if s is not None]


def test_metadata_reads_every_field_of_classified_notice() -> None:
    meta = extract_metadata(CLASSIFIED)
    assert meta.title == "关于印发天津市重点区域安全保卫工作方案的通知"
    assert meta.title_span is not None and "\r\n" in meta.title_span.text
    assert meta.doc_number == "津政办函〔2017〕72号"
    assert meta.doc_number_span is not None
    assert meta.doc_number_span.text == "津政办函〔２０１７〕７２号"
    assert meta.issuer == "天津市人民政府办公厅"
    assert meta.date == "2017-03-12"
    assert meta.date_span is not None and meta.date_span.text == "二〇一七年三月十二日"
    assert meta.secrecy is not None
    assert (meta.secrecy.level, meta.secrecy.period, meta.secrecy.text) == (
        "机密",
        "10年",
        "机密★10年",
    )
    assert meta.internal_marking is None
    assert meta.copy_number == "000123"
    assert meta.doc_type == "通知"
    assert meta.addressee == "各区人民政府，市政府各委、办、局"
    assert meta.existing_marking is not None
    assert meta.existing_marking.attribute == "not_public"
    assert meta.existing_marking.marking == "此件不予公开"


@pytest.mark.parametrize("text", [CLASSIFIED, PLAIN, CLASSIFIED.replace("\r\n", "\n")])
def test_metadata_spans_match_text(text: str) -> None:
    meta = extract_metadata(text)
    spans = _all_spans(meta)
    assert len(spans) >= 6
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_metadata_reads_plain_reply() -> None:
    meta = extract_metadata(PLAIN)
    assert meta.title == "关于同意天津某某科技有限公司延长经营期限的批复"
    assert meta.doc_type == "批复"
    assert meta.addressee == "天津某某科技有限公司"
    assert meta.doc_number == "津商务复〔2021〕3号"
    assert meta.issuer == "天津市商务局"
    assert meta.date == "2021-03-12"
    assert meta.secrecy is None and meta.copy_number is None
    assert meta.existing_marking is not None
    assert meta.existing_marking.attribute == "on_request"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2017年3月12日", "2017-03-12"),
        ("２０１７年３月１２日", "2017-03-12"),
        ("2017 年 3 月 12 日", "2017-03-12"),
        ("二〇一七年三月十二日", "2017-03-12"),
        ("二○一七年三月十二日", "2017-03-12"),
        ("二〇二〇年十二月三十一日", "2020-12-31"),
        ("一九九八年十月一日", "1998-10-01"),
        ("二〇一七年二月三十日", None),
        ("2017年13月1日", None),
    ],
)
def test_metadata_parse_date_to_iso(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def _notice(top: str = "", number: str = "津政办发〔2021〕5号", body: str = "") -> str:
    return (
        f"{top}天津市人民政府办公厅文件\n{number}\n关于做好2021年防汛工作的通知\n"
        f"各区人民政府，市政府各委、办、局：\n　　现将有关事项通知如下。{body}\n"
        "天津市人民政府办公厅\n2021年5月6日\n"
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("津政办函〔2017〕72号", "津政办函〔2017〕72号"),
        ("国办发〔2019〕15号", "国办发〔2019〕15号"),
        ("津政发[2018]3号", "津政发[2018]3号"),
        ("津政发（2018）3号", "津政发(2018)3号"),
        ("津政办发〔2021〕第5号", "津政办发〔2021〕第5号"),
        ("津政办发〔２０２１〕５号　　　签发人：张三", "津政办发〔2021〕5号"),
    ],
)
def test_metadata_doc_number_forms(number: str, expected: str) -> None:
    text = _notice(number=number)
    meta = extract_metadata(text)
    assert meta.doc_number == expected
    assert meta.doc_number_span is not None
    assert text[meta.doc_number_span.start : meta.doc_number_span.end] == meta.doc_number_span.text


def test_metadata_doc_number_cited_in_body_is_not_the_documents() -> None:
    text = _notice(number="", body="根据《国务院办公厅关于防汛的通知》（国办发〔2019〕15号）执行。")
    assert extract_metadata(text).doc_number is None


@pytest.mark.parametrize(
    ("top", "level", "period"),
    [
        ("机密★10年\n", "机密", "10年"),
        ("绝密★长期\n", "绝密", "长期"),
        ("秘密★\n", "秘密", None),
        ("秘密★6个月\n", "秘密", "6个月"),
        ("000123　　机密★20年\n", "机密", "20年"),
        ("秘密\n", "秘密", None),
        ("机密　特急\n", "机密", None),
        ("机密★１０年\n", "机密", "10年"),
        ("份号：000123　密级：机密★10年\n", "机密", "10年"),
        ("秘密 ★ 5年\n", "秘密", "5年"),
    ],
)
def test_metadata_secrecy_marking_at_top(top: str, level: str, period: str | None) -> None:
    text = _notice(top=top)
    meta = extract_metadata(text)
    assert meta.secrecy is not None
    assert (meta.secrecy.level, meta.secrecy.period) == (level, period)
    assert text[meta.secrecy.start : meta.secrecy.end] == meta.secrecy.text
    assert meta.internal_marking is None


@pytest.mark.parametrize(
    "body",
    [
        "各单位要严格保守工作秘密。",
        "涉及商业秘密的，依法不予公开。",
        "不得泄露国家秘密。\n秘密载体要妥善保管。",
        "标注“机密★10年”的文件不得上网。",
        "密级标志示例：\n绝密★30年　机密★20年　秘密★10年\n秘密\n",
    ],
)
def test_metadata_secret_in_prose_is_no_marking(body: str) -> None:
    meta = extract_metadata(_notice(body=body))
    assert meta.secrecy is None
    assert meta.internal_marking is None


def test_metadata_secret_in_title_is_no_marking() -> None:
    text = "关于加强秘密载体管理的通知\n各单位：\n　　现通知如下。\n天津市保密局\n2021年5月6日\n"
    meta = extract_metadata(text)
    assert meta.secrecy is None
    assert meta.title == "关于加强秘密载体管理的通知"


@pytest.mark.parametrize("word", ["内部", "内部事项", "工作秘密", "内部资料"])
def test_metadata_internal_marking_is_not_state_secret(word: str) -> None:
    text = _notice(top=f"{word}\n")
    meta = extract_metadata(text)
    assert meta.secrecy is None
    assert meta.internal_marking is not None
    assert meta.internal_marking.label == word
    assert text[meta.internal_marking.start : meta.internal_marking.end] == word


@pytest.mark.parametrize(
    ("top", "copy"),
    [("000123\n秘密★5年\n", "000123"), ("份号：000456\n", "000456"), ("０００７８９\n", "000789")],
)
def test_metadata_copy_number(top: str, copy: str) -> None:
    assert extract_metadata(_notice(top=top)).copy_number == copy


def test_metadata_six_digits_in_body_are_no_copy_number() -> None:
    assert extract_metadata(_notice(body="邮编：300040。")).copy_number is None


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("关于印发天津市养老服务办法的通知", "通知"),
        ("关于2020年全市安全生产情况的通报", "通报"),
        ("关于加快发展养老服务业的实施意见", "意见"),
        ("关于追加疫情防控经费的请示", "请示"),
        ("关于2020年工作情况的报告", "报告"),
        ("关于同意设立某某公司的批复", "批复"),
        ("关于商请支持某某工作的函", "函"),
        ("关于某某问题的复函", "复函"),
        ("市政府第5次常务会议纪要", "会议纪要"),
        ("关于征收土地的公告", "公告"),
        ("关于机动车限行的通告", "通告"),
        ("天津市养犬管理办法（征求意见稿）", "办法"),
        ("天津市城市更新实施方案", "方案"),
        ("2021年政务公开工作要点", "要点"),
        ("天津市国土空间总体规划（2021—2035年）", "规划"),
        ("天津市某某局行政处罚决定书", "行政处罚决定书"),
        ("行政许可决定书", "行政许可决定书"),
        ("询问笔录", "询问笔录"),
        ("现场检查笔录", "现场检查笔录"),
        ("天津市突发事件总体应急预案", "应急预案"),
    ],
)
def test_metadata_doc_type_from_title(title: str, doc_type: str) -> None:
    text = f"{title}\n　　正文第一段。\n"
    meta = extract_metadata(text)
    assert meta.title == title
    assert meta.doc_type == doc_type
    assert meta.doc_type_span is not None
    assert text[meta.doc_type_span.start : meta.doc_type_span.end] == meta.doc_type_span.text


def test_metadata_title_with_draft_note_on_next_line() -> None:
    text = "天津市养犬管理办法\n（征求意见稿）\n第一条　为了规范养犬行为，制定本办法。\n"
    meta = extract_metadata(text)
    assert meta.title == "天津市养犬管理办法（征求意见稿）"
    assert meta.doc_type == "办法"


@pytest.mark.parametrize(
    ("note", "attribute", "marking"),
    [
        ("（此件公开发布）", "public", "此件公开发布"),
        ("(此件公开发布)", "public", "此件公开发布"),
        ("（此件主动公开）", "public", "此件公开发布"),
        ("（此件依申请公开）", "on_request", "此件依申请公开"),
        ("（此件不予公开）", "not_public", "此件不予公开"),
        ("（此件不予公开，理由：涉及国家秘密）", "not_public", "此件不予公开"),
    ],
)
def test_metadata_existing_marking(note: str, attribute: str, marking: str) -> None:
    text = _notice() + f"\n{note}\n"
    meta = extract_metadata(text)
    assert meta.existing_marking is not None
    assert (meta.existing_marking.attribute, meta.existing_marking.marking) == (attribute, marking)
    assert meta.existing_marking.text == note


def test_metadata_marking_quoted_in_prose_is_not_existing_marking() -> None:
    text = _notice(body="公文应在附注处标注“（此件公开发布）”等公开属性。")
    assert extract_metadata(text).existing_marking is None


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # signature before the date wins
        (_notice(), "天津市人民政府办公厅"),
        # no signature: the red header names the issuer
        (
            "天津市财政局文件\n津财发〔2021〕1号\n关于某事的通知\n各区财政局：\n　　正文。\n",
            "天津市财政局",
        ),
        # red header with padding spaces
        ("天 津 市 财 政 局 文 件\n关于某事的通知\n各区财政局：\n　　正文。\n", "天津市财政局"),
        # joint signature on one line
        (
            "关于某事的通知\n各区人民政府：\n　　正文。\n"
            "天津市财政局　　天津市民政局\n2021年1月5日\n",
            "天津市财政局、天津市民政局",
        ),
        # only a 文号: its prefix is no issuer
        ("津财发〔2021〕1号\n关于某事的通知\n各区财政局：\n　　正文。\n", None),
    ],
)
def test_metadata_issuer_from_signature_or_red_header(text: str, issuer: str | None) -> None:
    meta = extract_metadata(text)
    assert meta.issuer == issuer
    if issuer is not None:
        assert meta.issuer_span is not None
        assert text[meta.issuer_span.start : meta.issuer_span.end] == meta.issuer_span.text


def test_metadata_print_date_in_colophon_is_not_signing_date() -> None:
    text = _notice().replace("2021年5月6日\n", "") + "天津市人民政府办公厅　　2021年5月8日印发\n"
    assert extract_metadata(text).date is None


def test_metadata_minutes_header_gives_issuer_and_date() -> None:
    text = (
        "天津市人民政府\n常务会议纪要\n第5期\n天津市人民政府办公厅　　　　2021年3月12日\n"
        "　　3月10日，市长主持召开市政府常务会议，研究讨论了以下事项：\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "天津市人民政府常务会议纪要"
    assert meta.doc_type == "会议纪要"
    assert meta.addressee is None
    assert (meta.issuer, meta.date) == ("天津市人民政府办公厅", "2021-03-12")


def test_metadata_empty_text_gives_empty_metadata() -> None:
    assert extract_metadata("") == DocumentMetadata()
