"""Legacy word-processor files: .doc through antiword, LibreOffice as the fallback for
.doc/.wps/.rtf, detection by content, one-line errors, and what a review of one finds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gkreview.ingest.doc import Converter, converters, legacy_kind, read_legacy, tidy
from gkreview.ingest.document import ReadError
from gkreview.ingest.offsets import TextLocation
from gkreview.ingest.reader import detect_format, read_bytes, read_document
from gkreview.review.pipeline import Reviewer
from tests.docmakers import make_docx

FIXTURE = Path(__file__).parent / "fixtures" / "低保批复_2003.doc"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
ANTIWORD = [c for c in converters() if c.name == "antiword"]
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_doc_fixture_read_by_antiword() -> None:
    doc = read_document(FIXTURE)
    assert (doc.format, doc.properties["converter"]) == ("doc", "antiword")
    lines = doc.text.split("\n")
    assert lines[:3] == [
        "某县民政局文件",
        "某民〔2003〕15号",
        "关于同意李秀英等两户家庭享受城市居民最低生活保障待遇的批复",
    ]
    assert "李秀英\t330106650307122\t城关镇南街3号\t(0571)8512345转8021" in lines
    assert lines[-2:] == ["二〇〇三年三月五日", ""]
    assert "" not in lines[:-1]  # antiword's blank lines between paragraphs are gone
    assert [w.code for w in doc.warnings] == ["legacy_format"]


def test_doc_offsets_are_the_identity_over_the_text() -> None:
    doc = read_document(FIXTURE)
    at = doc.text.index("330106650307122")
    assert doc.offsets.length == len(doc.text)
    assert doc.offsets.locate_span(at, at + 3) == [TextLocation(at + i) for i in range(3)]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.doc", "doc"), ("misnamed.txt", "doc"), ("no_suffix", "doc"), ("old.wps", "wps")],
)
def test_doc_detected_by_content(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(FIXTURE.read_bytes())
    doc = read_document(path)
    assert doc.format == kind
    assert "赵德明" in doc.text


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"{\\rtf1\\ansi hello}", "a.txt", "rtf"),
        (b"  {\\rtf1 x}", "a.rtf", "rtf"),
        (OLE2 + "WordDocument".encode("utf-16-le"), "a.doc", "doc"),
        (OLE2 + b"\x00" * 64, "a.wps", "wps"),
        (OLE2 + b"\x00" * 64, "a.xls", None),
        (OLE2 + b"\x00" * 64, "truncated.doc", "doc"),
        (b"plain text", "a.doc", None),
    ],
)
def test_doc_legacy_kind(data: bytes, name: str, kind: str | None) -> None:
    assert legacy_kind(data, name) == kind


def test_doc_other_ole2_files_still_refused() -> None:
    with pytest.raises(ReadError, match="OLE2"):
        detect_format(OLE2 + b"\x00" * 100, "old.xls")


def test_doc_tidy_turns_antiword_tables_into_tab_rows() -> None:
    raw = "\n标题\n\n|姓名   |电话      |\n|张三   |2612345   |\n\n\n正文\n"
    assert tidy(raw) == "标题\n姓名\t电话\n张三\t2612345\n正文\n"


def test_doc_without_any_converter_says_what_to_install() -> None:
    data = FIXTURE.read_bytes()
    with pytest.raises(ReadError, match=r"a\.doc：.*antiword 或 LibreOffice") as info:
        read_legacy(data, "a.doc", "doc", available=[])
    assert "\n" not in str(info.value)


def test_rtf_needs_libreoffice() -> None:
    with pytest.raises(ReadError, match=r"a\.rtf：.*needs LibreOffice"):
        read_legacy(b"{\\rtf1\\ansi hello}", "a.rtf", "rtf", available=ANTIWORD)


def test_doc_damaged_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "坏.doc"
    path.write_bytes(FIXTURE.read_bytes()[:3000])
    with pytest.raises(ReadError, match=r"坏\.doc：.*cannot read the \.doc file") as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message and str(tmp_path) not in message and "gkreview-doc-" not in message


# -- LibreOffice, when it is installed ---------------------------------------------------------


@needs_libreoffice
def test_doc_small_file_falls_back_to_libreoffice(tmp_path: Path) -> None:
    """LibreOffice's own small .doc files are refused by antiword (WordDocument < 4 KB)."""
    source = make_docx(tmp_path / "small.docx", ["关于张建国同志的通知", "电话：(0571)8512345。"])
    doc_path = _soffice_convert(source, "doc:MS Word 97", tmp_path)
    doc = read_document(doc_path)
    assert doc.properties["converter"] == "libreoffice"
    assert "antiword" in doc.properties["converter_fallback_from"]
    assert doc.text == "关于张建国同志的通知\n电话：(0571)8512345。\n"


@needs_libreoffice
def test_rtf_read_through_libreoffice(tmp_path: Path) -> None:
    # 关于 and 张三 as RTF Unicode escapes, as Word writes Chinese into RTF.
    rtf = (
        b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
        b"\\f0 \\u20851?\\u20110? notice\\par \\u24352?\\u19977? 0571-8512345\\par}"
    )
    path = tmp_path / "old.rtf"
    path.write_bytes(rtf)
    doc = read_document(path)
    assert doc.format == "rtf"
    assert doc.text == "关于 notice\n张三 0571-8512345\n"


@needs_libreoffice
def test_doc_damaged_file_is_not_imported_as_text_by_libreoffice() -> None:
    """Without a named import filter LibreOffice reads any bytes as plain text."""
    libreoffice = [c for c in converters() if c.name == "libreoffice"]
    data = OLE2 + "WordDocument".encode("utf-16-le") + b"\x00" * 600
    with pytest.raises(ReadError, match=r"cannot read the \.doc file"):
        read_legacy(data, "a.doc", "doc", available=libreoffice)


def _soffice_convert(source: Path, target: str, tmp_path: Path) -> Path:
    assert SOFFICE is not None
    out = tmp_path / "converted"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return out / (source.stem + "." + target.split(":")[0])


# -- what a review of a .doc holds -------------------------------------------------------------


def test_doc_review_finds_old_ids_and_phones(reviewer: Reviewer) -> None:
    review = reviewer.review_path(FIXTURE)
    found = {(f.type, f.text) for f in review.findings if f.action != "keep"}
    assert {
        ("CN_ID_CARD", "330106650307122"),
        ("CN_ID_CARD", "330106581120153"),
        ("PHONE_NUMBER", "2612345"),
        ("PHONE_NUMBER", "0571-2612346"),
        ("PHONE_NUMBER", "(0571)8512345转8021"),
        ("PHONE_NUMBER", "0576—412345"),
        ("PERSON", "李秀英"),
        ("PERSON", "赵德明"),
    } <= found
    assert review.document.format == "doc"
    assert review.document.doc_number == "某民〔2003〕15号"
    for f in review.findings:
        assert review.text is not None and review.text[f.start : f.end] == f.text
        if f.action == "mask":
            assert f.replacement != f.text


def test_doc_cli_check_and_redact_refusal(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    gk = [sys.executable, "-m", "gkreview"]
    check = subprocess.run(
        [*gk, "check", "--format", "json", "--with-text", str(FIXTURE)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    review = json.loads(check.stdout)
    assert review["document"]["format"] == "doc"
    assert any(w["code"] == "legacy_format" for w in review["warnings"])
    review_path = tmp_path / "r.json"
    review_path.write_text(json.dumps(review, ensure_ascii=False), encoding="utf-8")
    redact = subprocess.run(
        [*gk, "redact", str(FIXTURE), "--review", str(review_path), "--out",
         str(tmp_path / "out.doc"), "--all-proposed"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert redact.returncode == 2
    assert "doc" in redact.stderr and len(redact.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.doc").exists()


def test_doc_read_bytes_matches_read_document() -> None:
    assert read_bytes(FIXTURE.read_bytes(), FIXTURE.name).text == read_document(FIXTURE).text


def test_doc_converter_records() -> None:
    assert ANTIWORD, "antiword is in scripts/debian-packages.txt and must be installed"
    assert all(isinstance(c, Converter) for c in converters())
