"""Build real .docx and .pdf files for tests (python-docx, reportlab; nothing downloaded).

``make_docx`` takes a list of items, in document order:

* ``str``: a paragraph of one run;
* a sequence of ``str``: one paragraph, one run per string, with alternating formatting so
  that the runs stay separate (as Word leaves them after editing part of a number);
* a feature, i.e. a callable ``(document) -> None`` made by ``table``, ``tracked_insertion``,
  ``tracked_deletion``, ``comment``, ``text_box``, ``footnote`` or ``hyperlink``.

``make_txt`` and ``make_pdf`` (one list of lines per page) are below.

Example::

    make_docx(tmp_path / "a.docx", [
        "关于张三同志任职的通知",
        ["联系电话：", "138", "0013", "8000"],
        table([["姓名", "职务"], ["张三", "科长"]]),
        comment("请核对", "此处需要脱敏", author="王五"),
    ], header="内部资料", author="李四")

The python-docx template's own properties (author "python-docx", a description) are cleared,
so a document only leaks what the test puts in it.
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree

Feature = Callable[[DocxDocument], object]
Item = str | Sequence[str] | Feature

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML = "urn:schemas-microsoft-com:vml"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_shape_ids = itertools.count(1)


def make_docx(
    path: Path | str,
    items: Sequence[Item] = (),
    *,
    header: str | None = None,
    footer: str | None = None,
    author: str = "",
    last_modified_by: str = "",
    title: str = "",
    company: str = "",
) -> Path:
    """Write a .docx with ``items`` in order; header/footer on the first section."""
    doc = docx.Document()
    props = doc.core_properties
    props.author = author
    props.last_modified_by = last_modified_by
    props.title = title
    props.comments = ""
    for item in items:
        if isinstance(item, str):
            doc.add_paragraph(item)
        elif callable(item):
            item(doc)
        else:
            add_runs(doc, item)
    section = doc.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    path = Path(path)
    doc.save(str(path))
    if company:
        set_app_property(path, "Company", company)
    return path


def add_runs(doc: DocxDocument, parts: Sequence[str]) -> Paragraph:
    """One paragraph, one run per string; bold/italic alternate so runs are not merged."""
    paragraph = doc.add_paragraph()
    for i, text in enumerate(parts):
        run = paragraph.add_run(text)
        run.bold = i % 3 == 1
        run.italic = i % 3 == 2
    return paragraph


def table(rows: Sequence[Sequence[str]]) -> Feature:
    """A table; each cell holds one paragraph with the given text."""

    def build(doc: DocxDocument) -> None:
        tbl = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                tbl.cell(i, j).text = value

    return build


def tracked_insertion(
    before: str, inserted: str, after: str = "", author: str = "审核人"
) -> Feature:
    """A paragraph ``before`` + a tracked insertion (w:ins) + ``after``."""
    xml = (
        f'<w:ins {nsdecls("w")} w:id="{next(_shape_ids) + 1000}" w:author="{escape(author)}" '
        f'w:date="2024-01-02T03:04:00Z"><w:r><w:t xml:space="preserve">{escape(inserted)}'
        "</w:t></w:r></w:ins>"
    )
    return _paragraph_with(before, xml, after)


def tracked_deletion(before: str, deleted: str, after: str = "", author: str = "审核人") -> Feature:
    """A paragraph ``before`` + a tracked deletion (w:del with w:delText) + ``after``."""
    xml = (
        f'<w:del {nsdecls("w")} w:id="{next(_shape_ids) + 1000}" w:author="{escape(author)}" '
        f'w:date="2024-01-02T03:04:00Z"><w:r><w:delText xml:space="preserve">'
        f"{escape(deleted)}</w:delText></w:r></w:del>"
    )
    return _paragraph_with(before, xml, after)


def hyperlink(before: str, text: str, url: str, after: str = "") -> Feature:
    """A paragraph with an external hyperlink (relationship with TargetMode External)."""

    def build(doc: DocxDocument) -> None:
        r_id = doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        xml = (
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:hyperlink>'
        )
        _paragraph_with(before, xml, after)(doc)

    return build


def comment(text: str, comment_text: str, author: str = "", initials: str = "") -> Feature:
    """A paragraph of one run carrying a comment (python-docx 1.2 comments API)."""

    def build(doc: DocxDocument) -> None:
        run = doc.add_paragraph().add_run(text)
        doc.add_comment(run, text=comment_text, author=author, initials=initials)

    return build


def text_box(text: str, box_text: str) -> Feature:
    """A paragraph ``text`` whose second run anchors a floating text box holding ``box_text``.

    As Word writes it: mc:AlternateContent with the DrawingML shape (wps:txbx) in mc:Choice
    and the same text box as VML (v:textbox) in mc:Fallback. Part-wide paragraph order is:
    the anchoring paragraph, the Choice copy's paragraph, the Fallback copy's paragraph; the
    anchoring paragraph's runs are: text run 0, anchor run 1, Choice run 2, Fallback run 3.
    """

    def build(doc: DocxDocument) -> None:
        paragraph = doc.add_paragraph(text)
        shape_id = next(_shape_ids)
        content = (
            f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{escape(box_text)}</w:t>'
            "</w:r></w:p></w:txbxContent>"
        )
        xml = (
            f'<mc:AlternateContent {nsdecls("w", "wp", "a")} xmlns:mc="{_MC}" '
            f'xmlns:wps="{_WPS}" xmlns:v="{_VML}">'
            '<mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
            'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionV><wp:extent cx="2000000" cy="500000"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
            f'<wp:docPr id="{shape_id}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
            "</a:graphic></wp:anchor></w:drawing></mc:Choice>"
            f'<mc:Fallback><w:pict><v:shape id="Text Box {shape_id}" type="#_x0000_t202" '
            f'style="width:157pt;height:39pt"><v:textbox>{content}</v:textbox></v:shape>'
            "</w:pict></mc:Fallback></mc:AlternateContent>"
        )
        paragraph.add_run()._r.append(parse_xml(xml))

    return build


def footnote(text: str, note: str) -> Feature:
    """A paragraph ``text`` followed by a footnote reference; the note goes to footnotes.xml.

    python-docx has no footnote API: the part (with Word's two separator notes) is added by
    hand on first use.
    """

    def build(doc: DocxDocument) -> None:
        part = _footnotes_part(doc)
        ids = [int(fn.get(qn("w:id"))) for fn in part.element.findall(qn("w:footnote"))]
        note_id = max([0, *ids]) + 1
        part.element.append(
            parse_xml(
                f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:r>'
                '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve">{escape(note)}</w:t></w:r></w:p></w:footnote>'
            )
        )
        run = doc.add_paragraph(text).add_run()
        run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{note_id}"/>'))

    return build


def set_app_property(path: Path, tag: str, value: str) -> None:
    """Set an extended property (docProps/app.xml, e.g. Company) of a saved .docx in place."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, blob in entries:
            if info.filename == "docProps/app.xml":
                root = etree.fromstring(blob)
                element = root.find(f"{{{_EP}}}{tag}")
                if element is None:
                    element = etree.SubElement(root, f"{{{_EP}}}{tag}")
                element.text = value
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            archive.writestr(info, blob)


def _paragraph_with(before: str, xml: str, after: str) -> Feature:
    def build(doc: DocxDocument) -> None:
        paragraph = doc.add_paragraph(before)
        paragraph._p.append(parse_xml(xml))
        if after:
            paragraph.add_run(after)

    return build


def _footnotes_part(doc: DocxDocument) -> Part:
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    xml = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )
    package = doc.part.package
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    return part


# -- plain text ------------------------------------------------------------------------------


def make_txt(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    """A text file in ``encoding`` ("gbk", "utf-8-sig", "utf-16"...), newlines untouched."""
    path = Path(path)
    path.write_bytes(text.encode(encoding))
    return path


# -- PDF --------------------------------------------------------------------------------------


def make_pdf(
    path: Path | str,
    pages: Sequence[Sequence[str]],
    *,
    font_size: float = 12,
    char_space: float = 0,
    column_width: float = 150,
) -> Path:
    """A PDF with one page per item, each a list of lines drawn top-down in STSong-Light.

    STSong-Light is one of reportlab's built-in CID fonts (Adobe-GB1, not embedded), so no
    font file is needed. An empty list makes a page without a text layer, like a scan.
    ``char_space`` adds letter spacing, as justified Chinese lines have. A "\t" in a line
    starts a table column: the cells are drawn ``column_width`` points apart.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = Path(path)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    for lines in pages:
        pdf.setFont("STSong-Light", font_size)
        for i, line in enumerate(lines):
            y = height - 72 - i * font_size * 1.8
            for k, cell in enumerate(line.split("\t")):
                pdf.drawString(72 + k * column_width, y, cell, charSpace=char_space)
        pdf.showPage()
    pdf.save()
    return path
