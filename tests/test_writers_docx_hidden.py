"""A de-identified .docx holds no removed string where the reader does not look: headers and
footers, the kept title, a hyperlink's target, a field code, a picture's alt text, an embedded
workbook, the preview picture; and the verification refuses a copy that keeps one in an
attribute."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree
from PIL import Image

from gkreview.ingest.reader import read_document
from gkreview.redact.writers import VerificationError, rescan_with, write_redacted
from gkreview.redact.writers.docx import docx_cuts, write_package
from gkreview.review.pipeline import Reviewer
from tests.docmakers import hyperlink, make_docx

NAME, PHONE = "王建国", "13920231234"
EMAIL, FIELD_EMAIL = "wangjianguo@example.cn", "lxy@example.cn"


def field_code(before: str, display: str, instruction: str) -> Any:
    """A paragraph with a complex field: begin, instruction, separate, display text, end."""

    def build(document: Any) -> None:
        paragraph = document.add_paragraph(before)
        runs = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r><w:t>{display}</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        for run in parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>"):
            paragraph._p.append(run)

    return build


def picture_with_alt_text(path: Path, alt: str) -> Any:
    def build(document: Any) -> None:
        Image.new("RGB", (20, 20), (200, 200, 200)).save(path)
        document.add_paragraph("照片：")
        document.add_picture(str(path))
        doc_pr = document.element.body.findall(".//" + qn("wp:docPr"))[-1]
        doc_pr.set("descr", alt)
        doc_pr.set("title", alt)

    return build


def add_thumbnail_and_workbook(path: Path, cell: str) -> None:
    """Word's preview picture of the first page (with its relationship), and an embedded
    workbook (a chart's data) whose shared strings hold ``cell``."""
    workbook = io.BytesIO()
    with zipfile.ZipFile(workbook, "w") as xlsx:
        xlsx.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
            f'uniqueCount="1"><si><t>{cell}</t></si></sst>',
        )
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    rels = parts["_rels/.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdThumb" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>',
    )
    parts["_rels/.rels"] = rels.encode("utf-8")
    parts["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0 preview of the first page"
    parts["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = workbook.getvalue()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hidden")
    path = make_docx(
        folder / "答复.docx",
        [
            f"关于{NAME}信访事项的答复",
            f"{NAME}：你反映的问题已收悉。",
            hyperlink("联系邮箱：", EMAIL, f"mailto:{EMAIL}", "。"),
            field_code("另一邮箱：", FIELD_EMAIL, f'HYPERLINK "mailto:{FIELD_EMAIL}"'),
            picture_with_alt_text(folder / "photo.png", f"申请人{NAME}的照片"),
            "特此答复。",
        ],
        header=f"申请人{NAME}",
        footer=f"联系电话{PHONE}",
        title=f"关于{NAME}信访事项的答复",
        author="孙丽",
    )
    add_thumbnail_and_workbook(path, f"申请人{NAME}")
    return path


@pytest.fixture(scope="module")
def review(source: Path, reviewer: Reviewer) -> dict[str, Any]:
    review = reviewer.review_path(source).to_dict(with_text=True)
    for f in review["findings"]:
        f["status"] = "approved"
    return review


def every_string(path: Path | io.BytesIO) -> str:
    """All text and every attribute value of every XML part, embedded packages included
    (independent of the writer)."""
    out: list[str] = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(package.read(name))
                out.append("".join(root.itertext()))
                out.extend(v for el in root.iter() for v in el.attrib.values())
            elif name.endswith(".xlsx"):
                out.append(every_string(io.BytesIO(package.read(name))))
    return "\n".join(out)


def test_writers_docx_hidden_places_hold_no_removed_string(
    source: Path, review: dict[str, Any], reviewer: Reviewer, tmp_path: Path
) -> None:
    removed = {f["text"] for f in review["findings"] if f["action"] != "keep"}
    assert {NAME, EMAIL, PHONE, FIELD_EMAIL} <= removed
    assert all(v in every_string(source) for v in removed)  # the fixture really hides them

    out = tmp_path / "答复.公开版.docx"
    write_redacted(source, review, out, rescan=rescan_with(reviewer))
    everything = every_string(out)
    for value in removed:
        assert value not in everything

    person = next(f["replacement"] for f in review["findings"] if f["text"] == NAME)
    email = next(f["replacement"] for f in review["findings"] if f["text"] == EMAIL)
    document = docx.Document(str(out))
    assert document.core_properties.title == f"关于{person}信访事项的答复"
    assert document.core_properties.author == ""
    assert document.sections[0].header.paragraphs[0].text == f"申请人{person}"
    assert PHONE not in document.sections[0].footer.paragraphs[0].text
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert targets == [f"mailto:{email}"]  # the link stays, pointing at the masked address
    assert "特此答复。" in read_document(out).text
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        assert not [n for n in names if "thumbnail" in n]
        assert "thumbnail" not in package.read("_rels/.rels").decode("utf-8")
        assert "word/embeddings/Microsoft_Excel_Worksheet.xlsx" in names


def test_writers_docx_verification_refuses_a_removed_string_left_in_an_attribute(
    source: Path, review: dict[str, Any], tmp_path: Path
) -> None:
    def no_sweep(data: bytes, doc: Any, edits: list) -> bytes:
        # Every cut in the shown text made, but hidden content (link targets, title) not swept.
        return write_package(data, docx_cuts(doc, edits))

    out = tmp_path / "leaky.docx"
    with pytest.raises(VerificationError) as caught:
        write_redacted(source, review, out, writer=no_sweep, rescan=None)
    assert not out.exists()
    problems = "\n".join(caught.value.problems)
    assert "属性" in problems and EMAIL in problems
