"""PDF reader: text layer in reading order, per-character boxes, scanned pages, errors."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from gkreview.ingest.document import ReadError
from gkreview.ingest.offsets import PdfLocation
from gkreview.ingest.pdf import read_pdf
from gkreview.ingest.reader import read_bytes, read_document
from tests.docmakers import make_pdf

PAGE_WIDTH, PAGE_HEIGHT = A4
PAGES = [
    ["关于张三同志任职的通知", "联系电话：13800138000，身份证号110101199003077777。"],
    ["第二页 Hello world 全角ＡＢＣ　空格"],
]


def _read(path: Path):
    return read_pdf(path.read_bytes(), path.name)


def test_pdf_text_and_pages(tmp_path: Path) -> None:
    doc = _read(make_pdf(tmp_path / "a.pdf", PAGES))
    assert doc.text == (
        "关于张三同志任职的通知\n"
        "联系电话：13800138000，身份证号110101199003077777。\n"
        "第二页 Hello world 全角ＡＢＣ　空格"
    )
    assert doc.format == "pdf"
    assert doc.pages == 2
    assert doc.warnings == []
    assert doc.offsets.length == len(doc.text)


@pytest.mark.parametrize("char_space", [0, 2, 4, 8, 16])
def test_pdf_no_spurious_spaces_in_letter_spaced_lines(tmp_path: Path, char_space: float) -> None:
    pages = [["关于张三同志任职的通知", "电话13800138000", "张三 李四"]]
    doc = _read(make_pdf(tmp_path / "a.pdf", pages, char_space=char_space))
    assert doc.text == "关于张三同志任职的通知\n电话13800138000\n张三 李四"


@pytest.mark.parametrize("char_space", [0, 4])
def test_pdf_table_columns_keep_a_space(tmp_path: Path, char_space: float) -> None:
    pages = [["姓名\t职务\t电话", "张三\t科长\t13800138000"]]
    doc = _read(make_pdf(tmp_path / "a.pdf", pages, char_space=char_space))
    assert doc.text == "姓名 职务 电话\n张三 科长 13800138000"
    space = doc.text.index(" ")
    assert doc.offsets.locate(space) is None  # synthesised: the gap between columns


def test_pdf_characters_map_to_boxes_on_their_page(tmp_path: Path) -> None:
    doc = _read(make_pdf(tmp_path / "a.pdf", PAGES))
    page_break = doc.text.index("第二页") - 1
    for i, ch in enumerate(doc.text):
        loc = doc.offsets.locate(i)
        if ch == "\n":
            assert loc is None
            continue
        assert isinstance(loc, PdfLocation), (i, ch)
        assert loc.page == (1 if i < page_break else 2)
        assert 0 <= loc.x0 < loc.x1 <= PAGE_WIDTH
        assert 0 <= loc.top < loc.bottom <= PAGE_HEIGHT


def test_pdf_boxes_follow_the_drawing(tmp_path: Path) -> None:
    doc = _read(make_pdf(tmp_path / "a.pdf", PAGES, font_size=12))
    # make_pdf draws from x=72 at baseline y=height-72; STSong-Light glyphs are 12 pt wide
    first, second = doc.offsets.locate(0), doc.offsets.locate(1)
    assert isinstance(first, PdfLocation) and isinstance(second, PdfLocation)
    assert (first.page, first.x0, first.x1) == (1, pytest.approx(72), pytest.approx(84))
    assert second.x0 == pytest.approx(first.x1)
    assert first.top == second.top
    line2 = doc.offsets.locate(doc.text.index("联系"))
    assert isinstance(line2, PdfLocation)
    assert line2.top > first.bottom  # the second line is lower on the page
    phone = doc.text.index("13800138000")
    boxes = doc.offsets.locate_span(phone, phone + 11)
    assert len(boxes) == 11
    assert all(b.x0 < c.x0 for b, c in itertools.pairwise(boxes))


def test_pdf_page_without_text_warns(tmp_path: Path) -> None:
    doc = _read(make_pdf(tmp_path / "a.pdf", [["第一页"], [], ["第三页"]]))
    assert doc.text == "第一页\n\n第三页"
    assert doc.pages == 3
    assert [(w.code, w.location) for w in doc.warnings] == [("page_without_text", "第2页")]
    assert "第2页没有文字层，可能是扫描件" in doc.warnings[0].message
    third = doc.offsets.locate(doc.text.index("第三页"))
    assert isinstance(third, PdfLocation) and third.page == 3


def test_pdf_without_any_text_raises(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(ReadError, match=r"没有文字层.*OCR") as info:
        _read(path)
    assert "\n" not in str(info.value)


def _encrypted(user_password: str) -> bytes:
    buf = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner", canPrint=0)
    pdf = canvas.Canvas(buf, encrypt=encrypt)
    pdf.drawString(72, 720, "hello")
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_pdf_encrypted_with_open_password_raises() -> None:
    with pytest.raises(ReadError, match=r"已加密.*password required"):
        read_pdf(_encrypted("secret"), "locked.pdf")


def test_pdf_owner_password_only_is_readable() -> None:
    assert read_pdf(_encrypted(""), "restricted.pdf").text == "hello"


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\ngarbage", b"%PDF-1.7\n%%EOF", b""], ids=["garbage", "eof", "empty"]
)
def test_pdf_corrupt_raises(data: bytes) -> None:
    with pytest.raises(ReadError, match="corrupt PDF") as info:
        read_pdf(data, "bad.pdf")
    assert "\n" not in str(info.value)


def test_pdf_truncated_raises(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "a.pdf", PAGES).read_bytes()
    with pytest.raises(ReadError, match=r"bad\.pdf："):
        read_pdf(data[: len(data) // 3], "bad.pdf")


# -- read_document: PDF is recognised by content -----------------------------------------------


@pytest.mark.parametrize("name", ["a.pdf", "misnamed.txt", "no_suffix"])
def test_reader_pdf_by_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(make_pdf(tmp_path / "src.pdf", PAGES).read_bytes())
    doc = read_document(path)
    assert doc.format == "pdf"
    assert doc.text.startswith("关于张三同志任职的通知\n")


def test_reader_pdf_header_after_junk_when_named_pdf(tmp_path: Path) -> None:
    data = b"\r\n" + make_pdf(tmp_path / "src.pdf", PAGES).read_bytes()
    assert read_bytes(data, "a.pdf").format == "pdf"
