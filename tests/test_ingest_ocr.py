"""Scanned PDFs: pages without a text layer read by OCR, offline, each character mapped to its
box on the page, the review told; and after redaction the personal data is gone from the
page image (checked by OCR of the output)."""

from __future__ import annotations

import copy
import io
import itertools
import socket
from difflib import SequenceMatcher
from pathlib import Path

import pymupdf
import pytest
import rapidocr

from gkreview.ingest.document import ExtractedDocument, ReadError
from gkreview.ingest.ocr import DPI, OcrUnavailable, engine, model_paths, needs_ocr
from gkreview.ingest.offsets import PdfLocation
from gkreview.ingest.reader import read_bytes, read_document
from gkreview.redact.writers import write_redacted
from gkreview.redact.writers.pdf import write_pdf
from gkreview.redact.writers.plan import Edit
from gkreview.review.pipeline import Reviewer
from tests.docmakers import make_pdf
from tests.scanmakers import make_scanned_pdf, page_image

NAME = "张建国"
ID_NUMBER = "110101196503071236"  # invented; valid GB 11643 check character
MOBILE = "13905712345"
LINES = [
    "关于同意张建国同志享受最低生活保障待遇的复函",
    "城关镇人民政府：",
    f"申请人{NAME}，身份证号码{ID_NUMBER}，",
    "原住址杭州市西湖区文三路12号3幢201室，",
    f"联系电话{MOBILE}。经审核，其家庭人均收入低于",
    "本市最低生活保障标准，同意自2008年1月起纳入",
    "城市居民最低生活保障范围。",
    "特此复函。",
    "二〇〇八年三月五日",
]
EXPECTED = "\n".join(LINES)
MIN_SIMILARITY = 0.95  # character-level, OCR text against what was drawn


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_scanned_pdf(tmp_path_factory.mktemp("scan") / "复函.pdf", [LINES])


@pytest.fixture(scope="module")
def scanned_doc(scanned: Path) -> ExtractedDocument:
    return read_document(scanned)


@pytest.fixture(scope="module")
def scanned_review(scanned: Path, reviewer: Reviewer) -> dict:
    return reviewer.review_path(scanned).to_dict(with_text=True)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def test_ocr_reads_a_scanned_page(scanned_doc: ExtractedDocument) -> None:
    doc = scanned_doc
    assert doc.format == "pdf" and doc.pages == 1
    assert similarity(doc.text, EXPECTED) >= MIN_SIMILARITY, doc.text
    assert NAME in doc.text and ID_NUMBER in doc.text and MOBILE in doc.text
    assert doc.ocr_pages == [1]
    (warning,) = doc.warnings
    assert warning.code == "ocr_text" and warning.location == "第1页"
    assert "光学字符识别（OCR）" in warning.message


def test_ocr_boxes_are_in_page_points_where_the_text_was_drawn(
    scanned_doc: ExtractedDocument,
) -> None:
    """make_scanned_pdf draws 14 pt text from a 72 pt margin, one line every 25.2 pt."""
    doc = scanned_doc
    at = doc.text.index(ID_NUMBER)
    boxes = doc.offsets.locate_span(at, at + len(ID_NUMBER))
    assert len(boxes) == len(ID_NUMBER)
    assert all(isinstance(b, PdfLocation) and b.page == 1 for b in boxes)
    line_top = 72 + 2 * 14 * 1.8  # the third line
    for box in boxes:
        assert line_top - 6 < box.top < box.bottom < line_top + 14 + 8
    assert all(a.x1 <= b.x0 + 0.01 for a, b in itertools.pairwise(boxes))  # in order
    first_line = doc.offsets.locate(0)
    assert isinstance(first_line, PdfLocation) and 70 < first_line.x0 < 76
    digits_wide = boxes[-1].x1 - boxes[0].x0
    assert 14 * 0.5 * 18 * 0.8 < digits_wide < 14 * 0.5 * 18 * 1.3  # digits are half-width


def test_ocr_review_says_the_text_came_from_ocr(scanned_review: dict) -> None:
    review = scanned_review
    assert any(w["code"] == "ocr_text" for w in review["warnings"])
    found = {(f["type"], f["text"]) for f in review["findings"]}
    assert ("PERSON", NAME) in found
    assert ("CN_ID_CARD", ID_NUMBER) in found
    assert ("PHONE_NUMBER", MOBILE) in found


def test_ocr_mixed_pdf_reads_text_pages_and_scans(tmp_path: Path) -> None:
    text_pdf = make_pdf(tmp_path / "text.pdf", [["第一页正文"]])
    scan_pdf = make_scanned_pdf(tmp_path / "scan.pdf", [["第二页是扫描件"]])
    merged = pymupdf.open(str(text_pdf))
    merged.insert_pdf(pymupdf.open(str(scan_pdf)))
    path = tmp_path / "mixed.pdf"
    merged.save(str(path))
    doc = read_document(path)
    first, second = doc.text.split("\n")
    assert first == "第一页正文"
    assert similarity(second, "第二页是扫描件") >= 0.8
    assert doc.ocr_pages == [2]
    assert doc.offsets.locate(doc.text.index("\n") + 1).page == 2  # type: ignore[union-attr]


def test_ocr_blank_pdf_is_still_unreadable(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "blank.pdf", [[], []])
    with pytest.raises(ReadError, match=r"blank\.pdf：PDF 没有文字层.*OCR") as info:
        read_document(path)
    assert "\n" not in str(info.value)


# -- which pages are scans ---------------------------------------------------------------------


def _char(text: str) -> dict[str, object]:
    return {"text": text}


def _image(x0: float, top: float, x1: float, bottom: float) -> dict[str, object]:
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom}


@pytest.mark.parametrize(
    ("chars", "images", "expected"),
    [
        ([], [], True),  # nothing at all: rendered and read (text drawn as curves is found)
        ([_char(" "), _char("\n")], [], True),
        ([_char("正"), _char("文")], [_image(0, 0, 600, 800)], False),  # a text layer wins
        ([_char("P"), _char("E")], [_image(0, 0, 600, 800)], True),  # labels on a scan
        ([_char("P"), _char("E")], [_image(0, 0, 100, 100)], False),  # a logo, English text
        ([_char("1")], [_image(-50, -50, 700, 900)], True),  # page number on a scan
    ],
)
def test_ocr_needs_ocr(chars: list, images: list, expected: bool) -> None:
    assert needs_ocr(chars, images, 600, 800) is expected


# -- offline -----------------------------------------------------------------------------------


def test_ocr_models_come_from_the_wheel() -> None:
    package = Path(rapidocr.__file__).parent
    paths = model_paths(package)
    assert set(paths) == {"Det", "Rec", "Cls"}
    assert all(p.is_file() and p.parent == package / "models" for p in paths.values())
    assert DPI >= 200


def test_ocr_missing_models_are_named(tmp_path: Path) -> None:
    with pytest.raises(OcrUnavailable, match=r"PP-OCRv6_det_small\.onnx"):
        model_paths(tmp_path)


def test_ocr_runs_with_the_network_refused(scanned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    engine.cache_clear()  # build it again, here, with sockets refused
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert ID_NUMBER in read_document(scanned).text


# -- redaction burns the page image --------------------------------------------------------------


def test_ocr_redacted_scan_loses_its_personal_data(
    scanned: Path, scanned_review: dict, tmp_path: Path
) -> None:
    review = copy.deepcopy(scanned_review)
    for finding in review["findings"]:
        finding["status"] = "approved" if finding["action"] != "keep" else "rejected"
    out = tmp_path / "复函.公开版.pdf"
    result = write_redacted(scanned, review, out)
    assert result.applied >= 3

    # The output holds images only (and the box labels): what is left is what OCR sees.
    after = read_document(out)
    assert after.ocr_pages == [1]
    for value in (NAME, ID_NUMBER, MOBILE, "文三路"):
        assert value not in after.text, after.text
    assert not any(ID_NUMBER[i : i + 6] in after.text for i in range(len(ID_NUMBER) - 5))
    kept = "本市最低生活保障标准，同意自2008年1月起纳入"
    assert kept in after.text
    assert similarity(after.text, EXPECTED) > 0.6
    with pymupdf.open(str(out)) as pdf:
        assert NAME not in pdf[0].get_text() and ID_NUMBER not in pdf[0].get_text()


def test_ocr_page_stored_sideways_is_read_upright_and_burnt_in_place() -> None:
    """Scanners often store the image sideways and set /Rotate: boxes must come back in the
    unrotated page space where the writer works."""
    buf = io.BytesIO()
    page_image(LINES).rotate(90, expand=True).save(buf, format="JPEG")
    pdf = pymupdf.open()
    page = pdf.new_page(width=841.89, height=595.28)
    page.insert_image(page.rect, stream=buf.getvalue())
    page.set_rotation(90)
    data = pdf.tobytes()
    doc = read_bytes(data, "sideways.pdf")
    assert similarity(doc.text, EXPECTED) >= MIN_SIMILARITY, doc.text
    at = doc.text.index(ID_NUMBER)
    edit = Edit(at, at + len(ID_NUMBER), ID_NUMBER, "", "CN_ID_CARD", "f1")
    after = read_bytes(write_pdf(data, doc, [edit]), "out.pdf")
    assert ID_NUMBER[:6] not in after.text and ID_NUMBER[-6:] not in after.text
    assert f"申请人{NAME}，身份证号码" in after.text  # the rest of the line is left
