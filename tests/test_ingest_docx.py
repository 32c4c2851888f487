"""Word reader: reading order, the run-level offset map, leak warnings, errors."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from gkreview.ingest.document import ExtractedDocument, ReadError
from gkreview.ingest.docx import read_docx
from gkreview.ingest.offsets import DocxLocation
from gkreview.ingest.reader import read_bytes, read_document
from tests.docmakers import (
    comment,
    footnote,
    hyperlink,
    make_docx,
    table,
    text_box,
    tracked_deletion,
    tracked_insertion,
)

DOC = "/word/document.xml"

FULL_TEXT = (
    "关于张三同志任职的通知\n"  # paragraph 0
    "联系电话：13800138000。\n"  # paragraph 1, five runs
    "姓名\t职务\n"  # table: paragraphs 2, 3
    "张三\t科长\n"  # paragraphs 4, 5
    "经研究，同意任命为科长。\n"  # 6: tracked insertion
    "请于本周报到。\n"  # 7: tracked deletion
    "请核对\n"  # 8: comment
    "见附件\n"  # 9: text box anchor; 10 Choice copy, 11 Fallback copy
    "框内文字：李四\n"
    "详见说明\n"  # 12: footnote reference
    "网址：政府网站\n"  # 13: hyperlink
    "\n"
    "脚注：王五，电话010-12345678\n"
    "\n"
    "内部资料\n"
    "\n"
    "某某局办公室\n"
)


@pytest.fixture
def full_docx(tmp_path: Path) -> Path:
    return make_docx(
        tmp_path / "full.docx",
        [
            "关于张三同志任职的通知",
            ["联系电话：", "138", "0013", "8000", "。"],
            table([["姓名", "职务"], ["张三", "科长"]]),
            tracked_insertion("经研究，", "同意任命为科长", "。", author="赵审核"),
            tracked_deletion("请于本周", "（周五前）", "报到。", author="钱修订"),
            comment("请核对", "此处姓名需要脱敏", author="孙批注"),
            text_box("见附件", "框内文字：李四"),
            footnote("详见说明", "脚注：王五，电话010-12345678"),
            hyperlink("网址：", "政府网站", "https://www.example.gov.cn/a?id=1"),
        ],
        header="内部资料",
        footer="某某局办公室",
        author="张三",
        last_modified_by="李四",
        title="任职通知",
        company="某某局",
    )


@pytest.fixture
def full(full_docx: Path) -> ExtractedDocument:
    return read_docx(full_docx.read_bytes(), full_docx.name)


def _run_text(docx_bytes: bytes, loc: DocxLocation) -> str:
    """Recompute a location from the XML alone, as a writer would: the run's w:t text."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        root = etree.fromstring(archive.read(loc.part.lstrip("/")))
    paragraph = list(root.iter(qn("w:p")))[loc.paragraph]
    run = list(paragraph.iter(qn("w:r")))[loc.run]
    return "".join(t.text or "" for t in run.findall(qn("w:t")))


def _codes(doc: ExtractedDocument) -> list[str]:
    return [w.code for w in doc.warnings]


def test_docx_full_document_text(full: ExtractedDocument) -> None:
    assert full.text == FULL_TEXT
    assert full.format == "docx"
    assert full.offsets.length == len(full.text)


def test_docx_every_character_maps_back_to_its_run(
    full_docx: Path, full: ExtractedDocument
) -> None:
    data = full_docx.read_bytes()
    mapped = 0
    for i, ch in enumerate(full.text):
        loc = full.offsets.locate(i)
        if loc is None:
            assert ch in "\n\t"
            continue
        assert isinstance(loc, DocxLocation)
        assert _run_text(data, loc)[loc.offset] == ch, (i, ch, loc)
        mapped += 1
    assert mapped == sum(1 for ch in full.text if ch not in "\n\t")


def test_docx_entity_split_across_runs_maps_to_each_run(full: ExtractedDocument) -> None:
    start = full.text.index("13800138000")
    locations = [full.offsets.locate(i) for i in range(start, start + 11)]
    expected = [
        (1, 0),
        (1, 1),
        (1, 2),
        (2, 0),
        (2, 1),
        (2, 2),
        (2, 3),
        (3, 0),
        (3, 1),
        (3, 2),
        (3, 3),
    ]
    assert locations == [DocxLocation(DOC, 1, run, off) for run, off in expected]
    assert full.offsets.locate(start + 11) == DocxLocation(DOC, 1, 4, 0)  # the "。"


def test_docx_table_cells_joined_by_tab(full: ExtractedDocument) -> None:
    start = full.text.index("姓名\t职务\n张三\t科长\n")
    assert full.offsets.locate(start) == DocxLocation(DOC, 2, 0, 0)
    assert full.offsets.locate(start + 2) is None  # the tab between cells
    assert full.offsets.locate(start + 3) == DocxLocation(DOC, 3, 0, 0)
    assert full.offsets.locate(start + 6) == DocxLocation(DOC, 4, 0, 0)  # 张 of row 2
    assert full.offsets.locate(start + 10) == DocxLocation(DOC, 5, 0, 1)  # 长


def test_docx_text_box_read_once_after_its_paragraph(full: ExtractedDocument) -> None:
    assert full.text.count("框内文字：李四") == 1
    start = full.text.index("框内文字")
    # the Choice copy is paragraph 10 (first w:p inside paragraph 9); the Fallback copy, 11,
    # is never read
    assert full.offsets.locate(start) == DocxLocation(DOC, 10, 0, 0)
    assert full.text[:start].endswith("见附件\n")


def test_docx_trailing_parts_map_to_their_parts(full: ExtractedDocument) -> None:
    for needle, part in [
        ("脚注：王五", "/word/footnotes.xml"),
        ("内部资料", "/word/header1.xml"),
        ("某某局办公室", "/word/footer1.xml"),
    ]:
        loc = full.offsets.locate(full.text.index(needle))
        assert isinstance(loc, DocxLocation)
        assert loc.part == part
        assert loc.offset == 0


def test_docx_footnote_paragraph_index_counts_separator_notes(full: ExtractedDocument) -> None:
    # footnotes.xml holds Word's separator and continuation notes first (paragraphs 0 and 1)
    loc = full.offsets.locate(full.text.index("脚注：王五"))
    assert loc == DocxLocation("/word/footnotes.xml", 2, 1, 0)  # run 0 is the w:footnoteRef


def test_docx_tracked_changes(full: ExtractedDocument) -> None:
    assert "同意任命为科长" in full.text
    assert "（周五前）" not in full.text
    by_code = {w.code: w for w in full.warnings}
    insertion, deletion = by_code["tracked_insertion"], by_code["tracked_deletion"]
    assert insertion.excerpt == "同意任命为科长"
    assert insertion.location == f"{DOC} 第7段"
    assert "赵审核" in insertion.message
    assert deletion.excerpt == "（周五前）"
    assert deletion.location == f"{DOC} 第8段"
    assert "钱修订" in deletion.message


def test_docx_deleted_run_still_counts_in_run_index(full: ExtractedDocument) -> None:
    start = full.text.index("请于本周报到")
    assert full.offsets.locate(start + 4) == DocxLocation(DOC, 7, 2, 0)  # run 1 is deleted


def test_docx_comment_warning(full: ExtractedDocument) -> None:
    (warning,) = [w for w in full.warnings if w.code == "comment"]
    assert warning.excerpt == "此处姓名需要脱敏"
    assert warning.location == f"/word/comments.xml 批注0（作者：孙批注），批注位置：{DOC} 第9段"
    assert "孙批注" in warning.message
    assert "此处姓名需要脱敏" not in full.text


def test_docx_hyperlink_target_warning(full: ExtractedDocument) -> None:
    (warning,) = [w for w in full.warnings if w.code == "hyperlink_target"]
    assert warning.excerpt == "https://www.example.gov.cn/a?id=1"
    assert warning.location == f"{DOC} 第14段"


def test_docx_properties_and_their_warnings(full: ExtractedDocument) -> None:
    assert full.properties == {
        "title": "任职通知",
        "author": "张三",
        "last_modified_by": "李四",
        "company": "某某局",
    }
    props = {w.code: (w.location, w.excerpt) for w in full.warnings if w.code.startswith("prop")}
    assert props == {
        "property_author": ("docProps/core.xml author", "张三"),
        "property_last_modified_by": ("docProps/core.xml lastModifiedBy", "李四"),
        "property_company": ("docProps/app.xml Company", "某某局"),
    }


@pytest.mark.parametrize(
    ("kwargs", "codes"),
    [
        ({}, []),
        ({"author": "张三"}, ["property_author"]),
        ({"last_modified_by": "李四"}, ["property_last_modified_by"]),
        ({"company": "某某局"}, ["property_company"]),
        ({"title": "只有标题"}, []),
    ],
)
def test_docx_property_warnings_only_when_set(
    tmp_path: Path, kwargs: dict[str, str], codes: list[str]
) -> None:
    path = make_docx(tmp_path / "p.docx", ["正文"], **kwargs)
    doc = read_docx(path.read_bytes(), path.name)
    assert _codes(doc) == codes
    assert doc.text == "正文\n"


def test_docx_tabs_and_breaks_inside_runs(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("甲")
    run.add_tab()
    run.add_text("乙")
    run.add_break()
    run.add_text("丙")
    path = tmp_path / "tabs.docx"
    document.save(str(path))
    doc = read_docx(path.read_bytes(), path.name)
    assert doc.text == "甲\t乙\n丙\n"
    assert [doc.offsets.locate(i) for i in range(5)] == [
        DocxLocation(DOC, 0, 0, 0),
        None,
        DocxLocation(DOC, 0, 0, 1),  # offsets count the w:t text only
        None,
        DocxLocation(DOC, 0, 0, 2),
    ]


def test_docx_content_controls_and_nested_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("前")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内1"
    inner.cell(0, 1).text = "内2"
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, sdt)  # before w:sectPr
    path = tmp_path / "nested.docx"
    document.save(str(path))
    doc = read_docx(path.read_bytes(), path.name)
    # the outer cell 2 holds an empty paragraph, the nested table and the empty paragraph
    # python-docx adds after it (a cell must end with a paragraph); that one's "\n" is the
    # cell's last and is dropped
    assert doc.text == "前\n外\t\n内1\t内2\n\n控件内\n"


def test_docx_header_shared_by_sections_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.author = ""
    document.add_paragraph("第一节")
    document.sections[0].header.paragraphs[0].text = "共用页眉"
    document.add_section()
    document.add_paragraph("第二节")
    first, second = (s._sectPr for s in document.sections)
    second.append(copy.deepcopy(first.find(qn("w:headerReference"))))
    path = tmp_path / "sections.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        assert archive.read("word/document.xml").count(b"<w:headerReference") == 2
    doc = read_docx(path.read_bytes(), path.name)
    assert doc.text.count("共用页眉") == 1
    assert doc.text.endswith("第二节\n\n共用页眉\n")


def test_docx_empty_header_adds_nothing(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "h.docx", ["正文"], header="")
    assert read_docx(path.read_bytes(), path.name).text == "正文\n"


@pytest.mark.parametrize(
    ("data", "pattern"),
    [
        (b"this is not a zip", "not a valid zip"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), "legacy .doc"),
    ],
    ids=["not-zip", "encrypted", "legacy-doc"],
)
def test_docx_unreadable_files(data: bytes, pattern: str) -> None:
    with pytest.raises(ReadError, match=pattern) as info:
        read_docx(data, "a.docx")
    assert "\n" not in str(info.value)


def test_docx_truncated_file(full_docx: Path) -> None:
    data = full_docx.read_bytes()
    with pytest.raises(ReadError, match=r"a\.docx："):
        read_docx(data[: len(data) // 2], "a.docx")


def test_docx_zip_without_word_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match=r"corrupt \.docx"):
        read_docx(buf.getvalue(), "a.docx")


def test_docx_damaged_xml(full_docx: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(full_docx) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                blob = blob[:-40]
            dst.writestr(info, blob)
    with pytest.raises(ReadError, match=r"corrupt \.docx"):
        read_docx(damaged.read_bytes(), damaged.name)


# -- read_document: Word files are recognised by content ---------------------------------------


@pytest.mark.parametrize("name", ["a.docx", "misnamed.txt", "no_suffix", "a.doc"])
def test_reader_docx_by_content(full_docx: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(full_docx.read_bytes())
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.text == FULL_TEXT


@pytest.mark.parametrize(
    ("entries", "pattern"),
    [
        ({"xl/workbook.xml": "<x/>"}, "Excel"),
        ({"ppt/presentation.xml": "<x/>"}, "PowerPoint"),
        ({"mimetype": "application/vnd.oasis.opendocument.text"}, "OpenDocument"),
        ({"a.txt": "hi"}, "zip archive"),
    ],
)
def test_reader_rejects_other_zip_files(entries: dict[str, str], pattern: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    with pytest.raises(ReadError, match=pattern):
        read_bytes(buf.getvalue(), "a.zip")


def test_reader_damaged_legacy_doc(tmp_path: Path) -> None:
    """A .doc goes to the legacy reader (tests/test_ingest_doc.py); a damaged one fails there."""
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    with pytest.raises(ReadError, match=r"old\.doc：.*cannot read the \.doc file") as info:
        read_document(path)
    assert "\n" not in str(info.value)
