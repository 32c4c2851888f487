"""Plain-text reader and the format sniffing of read_document for text and unknown files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from gkreview.ingest.document import ReadError
from gkreview.ingest.offsets import TextLocation
from gkreview.ingest.reader import SUPPORTED_SUFFIXES, read_bytes, read_document
from gkreview.ingest.txt import read_txt
from tests.docmakers import make_txt

TITLE = "关于张三同志任职的通知"
NOTICE = (
    "关于印发《2024年工作要点》的通知\r\n"
    "各区县人民政府，市政府各部门：\r\n"
    "　　现将《工作要点》印发给你们，请认真贯彻执行。联系人：李明（Lǐ Míng），"
    "电话：０１０－１２３４５６７８。\r\n"
)

BIG5 = "臺北市政府公告：關於辦理民國一百年度業務說明會事宜"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (TITLE.encode("gbk"), TITLE, "gb18030"),
        (NOTICE.encode("gbk"), NOTICE, "gb18030"),
        (NOTICE.encode("gb18030"), NOTICE, "gb18030"),
        ("通知\r\n".encode("gbk"), "通知\r\n", "gb18030"),  # these GBK bytes are valid UTF-8
        (NOTICE.encode("utf-8"), NOTICE, "utf-8"),
        ("café naïve".encode(), "café naïve", "utf-8"),
        (codecs.BOM_UTF8 + NOTICE.encode("utf-8"), NOTICE, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + NOTICE.encode("utf-16-le"), NOTICE, "utf-16"),
        (codecs.BOM_UTF16_BE + NOTICE.encode("utf-16-be"), NOTICE, "utf-16"),
        (codecs.BOM_UTF32_LE + TITLE.encode("utf-32-le"), TITLE, "utf-32"),
        (
            "Name: 张三\r\nTel: 13800138000\r\n".encode("utf-16-le"),
            "Name: 张三\r\nTel: 13800138000\r\n",
            "utf-16-le",
        ),
        (
            "Name: 张三\nTel: 13800138000\n".encode("utf-16-be"),
            "Name: 张三\nTel: 13800138000\n",
            "utf-16-be",
        ),
        ("张喆、王堃、李珺同志任职通知".encode("gbk"), "张喆、王堃、李珺同志任职通知", "gb18030"),
        (BIG5.encode("big5"), BIG5, "big5"),  # must not be taken for GB18030 garbage
        (b"", "", "utf-8"),
    ],
    ids=[
        "gbk-title",
        "gbk-notice",
        "gb18030",
        "gbk-valid-utf8",
        "utf8",
        "utf8-latin",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "gbk-rare-names",
        "big5",
        "empty",
    ],
)
def test_txt_decodes_encodings(data: bytes, text: str, encoding: str) -> None:
    doc = read_txt(data, "a.txt")
    assert doc.text == text
    assert doc.encoding == encoding
    assert doc.format == "txt"
    assert doc.warnings == []


@pytest.mark.parametrize(
    "data",
    [
        TITLE.encode("gbk"),
        NOTICE.encode("gbk"),
        codecs.BOM_UTF8 + NOTICE.encode("utf-8"),
        codecs.BOM_UTF16_LE + NOTICE.encode("utf-16-le"),
        NOTICE.encode("utf-8"),
    ],
)
def test_txt_encoding_reencodes_to_the_same_bytes(data: bytes) -> None:
    """A writer re-encodes with ``encoding``: the BOM and the bytes must come back."""
    doc = read_txt(data, "a.txt")
    assert doc.text.encode(doc.encoding or "") == data


def test_txt_keeps_text_unchanged() -> None:
    raw = "第一行\r\n\t全角ＡＢＣ１２３　空格  two  spaces \r\n\r\n末行"
    doc = read_txt(raw.encode("utf-8"), "a.txt")
    assert doc.text == raw
    assert "\r\n" in doc.text and "\u3000" in doc.text


def test_txt_offset_map_is_identity() -> None:
    doc = read_txt(codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "a.txt")
    assert doc.offsets.length == len(NOTICE)
    assert [doc.offsets.locate(i) for i in range(len(NOTICE))] == [
        TextLocation(i) for i in range(len(NOTICE))
    ]
    start = NOTICE.index("李明")
    assert doc.offsets.locate_span(start, start + 2) == [
        TextLocation(start),
        TextLocation(start + 1),
    ]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", ("二进制", "binary")),
        (bytes(range(256)), ("二进制", "binary")),
        (b"abc\x00def\x00\x00\x01ghi", ("二进制", "binary")),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" * 4, ("控制字符", "control")),
        (b"\x80\x81\xff\xfd\xfc\xff\x80", ("编码", "encoding")),
        (codecs.BOM_UTF8 + b"ok \xff\xfe", ("损坏", "damaged")),
    ],
    ids=["png", "all-bytes", "nul", "controls", "undecodable", "bad-after-bom"],
)
def test_txt_rejects_binary_and_undecodable(data: bytes, words: tuple[str, str]) -> None:
    with pytest.raises(ReadError) as info:
        read_txt(data, "x.txt")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("x.txt：")
    for word in words:
        assert word in message


# -- read_document: text files and unknown content ---------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.TEXT", "README", "notes.md"])
def test_reader_reads_text_files(tmp_path: Path, name: str) -> None:
    doc = read_document(make_txt(tmp_path / name, NOTICE, "gbk"))
    assert (doc.format, doc.text, doc.encoding) == ("txt", NOTICE, "gb18030")


def test_reader_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {
        ".docx", ".pdf", ".txt", ".text", ".doc", ".wps", ".rtf"
    }  # fmt: skip


def test_reader_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="文件不存在 / file not found"):
        read_document(tmp_path / "nope.txt")


def test_reader_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="不是文件 / is a directory"):
        read_document(tmp_path)


def test_reader_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(ReadError, match="没有读取权限 / permission denied"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "data", "pattern"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不支持的文件类型 .png"),
        ("a.txt", b"\x00\x01\x02\x03binary", "binary"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "OLE2"),
        ("a.pdf", b"hello, I am text", "not a PDF"),
        ("a.docx", b"hello, I am text", "not a Word file"),
    ],
)
def test_reader_rejects_unsupported_content(name: str, data: bytes, pattern: str) -> None:
    with pytest.raises(ReadError, match=pattern) as info:
        read_bytes(data, name)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data", [b"", b"   \r\n\n", "\u3000\n".encode("gbk")], ids=["empty", "blank", "ideographic"]
)
def test_a_document_without_text_is_refused_in_one_line(data: bytes, tmp_path: Path) -> None:
    """Nothing to review: one line naming the file and the cause, not a guessed attribute."""
    path = tmp_path / "空白.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_document(path)
    message = str(err.value)
    assert "空白.txt" in message and "没有文字" in message and "\n" not in message
