"""Word (.docx) reader: text in reading order, an exact map back to runs, and leak warnings.

Text order: the body (paragraphs; tables row by row with cells joined by "\\t"; content
controls opened), then footnotes, endnotes, headers and footers, each part once, each
preceded by a "\\n". Every paragraph ends with "\\n"; the paragraphs of a text box follow the
paragraph that anchors it. Inside a paragraph ``w:t`` gives text, ``w:tab`` "\\t", ``w:br``
and ``w:cr`` "\\n"; insertions and hyperlinks are read, deletions (``w:del``, ``w:moveFrom``)
are not, since they are not what the document shows once changes are accepted.

``mc:AlternateContent`` holds the same content in several forms (a DrawingML text box in
``mc:Choice``, its VML copy in ``mc:Fallback``): only the first choice is read, so a text
box is not read twice.

Offsets: each ``w:t`` character maps to ``DocxLocation(part, paragraph, run, offset)`` where
``paragraph`` indexes ``list(part_root.iter(w:p))`` and ``run`` indexes ``list(p.iter(w:r))``
of the nearest enclosing ``w:p`` -- both counts include elements that are not read (deleted
runs, fallback copies), so that a writer can recompute them from the XML alone. Tabs, breaks
and separators map to ``None``.

Warning locations are for people and count paragraphs from 1 ("/word/document.xml 第3段").
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import Part
from docx.package import Package
from lxml import etree

from gkreview.ingest.document import ExtractedDocument, ReadError, SourceWarning
from gkreview.ingest.offsets import DocxLocation, OffsetMap

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DC = "http://purl.org/dc/elements/1.1/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
W_BODY, W_SDT, W_CUSTOMXML = _w("body"), _w("sdt"), _w("customXml")
W_TAB, W_PTAB, W_BR, W_CR = _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_NOBREAKHYPHEN, W_INSTRTEXT, W_DELTEXT = _w("noBreakHyphen"), _w("instrText"), _w("delText")
W_INS, W_DEL, W_MOVETO, W_MOVEFROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
W_HYPERLINK, W_TXBXCONTENT = _w("hyperlink"), _w("txbxContent")
W_PPR, W_RPR, W_TBLPR, W_TRPR, W_TCPR = _w("pPr"), _w("rPr"), _w("tblPr"), _w("trPr"), _w("tcPr")
W_FOOTNOTE, W_ENDNOTE, W_COMMENT = _w("footnote"), _w("endnote"), _w("comment")
W_COMMENTREFERENCE, W_COMMENTRANGESTART = _w("commentReference"), _w("commentRangeStart")
W_AUTHOR, W_ID, W_TYPE = _w("author"), _w("id"), _w("type")
R_ID = f"{{{_R}}}id"
MC_ALTERNATECONTENT = f"{{{_MC}}}AlternateContent"
MC_CHOICE, MC_FALLBACK = f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"

# Properties of paragraphs, runs and tables: formatting (and revision marks of formatting).
_PROPERTY_TAGS = frozenset({W_PPR, W_RPR, W_TBLPR, W_TRPR, W_TCPR})
# Elements that only wrap block or row content.
_WRAPPERS = frozenset({W_SDT, _w("sdtContent"), W_CUSTOMXML, W_INS, W_MOVETO})
_NOTE_SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_FIELD_HYPERLINK = re.compile(r'HYPERLINK\s+"([^"]+)"')

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_MAIN_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroEnabled.main+xml",
    "ms-word.template.macroEnabledTemplate.main+xml",
)
# Parts whose text follows the body, in this order.
_TRAILING_PARTS = (CT.WML_FOOTNOTES, CT.WML_ENDNOTES, CT.WML_HEADER, CT.WML_FOOTER)

_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)

Piece = tuple[str, DocxLocation | None]


def read_docx(data: bytes, name: str) -> ExtractedDocument:
    """Read a .docx: text in reading order, the run-level offset map, leak warnings."""
    package = _open_package(data, name)
    main = package.main_document_part
    parts = list(package.iter_parts())
    warnings: list[SourceWarning] = []

    main_root = _root(main)
    body = main_root.find(W_BODY)
    reader = _PartReader(main, main_root, warnings)
    if body is not None:
        reader.blocks(body)
    pieces = reader.pieces

    for content_type in _TRAILING_PARTS:
        for part in sorted(
            (p for p in parts if p.content_type == content_type),
            key=lambda p: _natural_key(str(p.partname)),
        ):
            root = _root(part)
            part_reader = _PartReader(part, root, warnings)
            part_reader.blocks(root)
            if "".join(text for text, _ in part_reader.pieces).strip():
                pieces.append(("\n", None))
                pieces.extend(part_reader.pieces)

    for part in parts:
        if part.content_type == CT.WML_COMMENTS:
            warnings.extend(_comment_warnings(part, main, main_root))
    properties = _properties(parts, warnings)

    text, offsets = _assemble(pieces)
    return ExtractedDocument(
        text=text, offsets=offsets, format="docx", warnings=warnings, properties=properties
    )


def _open_package(data: bytes, name: str) -> Package:
    if data.startswith(_OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(
                f"{name}：文档已加密（设置了打开密码），请去除密码后再审查 / "
                "the document is password-protected; remove the password and retry"
            )
        raise ReadError(
            f"{name}：旧版 Word（.doc）格式暂不支持，请另存为 .docx 后再审查 / "
            "legacy .doc format is not supported yet; convert it to .docx"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError(
            f"{name}：文件已损坏或不是 .docx 文件（不是有效的 zip 包）/ "
            "corrupt or not a .docx file: not a valid zip archive"
        )
    try:
        package = Package.open(io.BytesIO(data))
        main = package.main_document_part
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml and zip errors
        raise ReadError(
            f"{name}：.docx 文件已损坏，无法打开（{type(exc).__name__}）/ "
            f"corrupt .docx, cannot open it: {exc}"
        ) from exc
    if not any(str(main.content_type).endswith(t) for t in _WORD_MAIN_TYPES):
        raise ReadError(
            f"{name}：不是 Word 文档（主部件类型为 {main.content_type}）/ "
            f"not a Word document: main part is {main.content_type}"
        )
    return package


def _root(part: Part) -> Any:
    """The part's XML root: python-docx's own tree for XmlParts, else a parse of the blob."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, _XML_PARSER)


def _natural_key(name: str) -> list[Any]:
    return [int(tok) if tok.isdigit() else tok for tok in re.split(r"(\d+)", name)]


def _assemble(pieces: list[Piece]) -> tuple[str, OffsetMap]:
    offsets = OffsetMap()
    for text, origin in pieces:
        if origin is None:
            offsets.add(len(text), None)
        else:
            offsets.add_run(len(text), origin)
    return "".join(text for text, _ in pieces), offsets


@dataclass(slots=True)
class _Paragraph:
    """What the reader needs while inside one w:p."""

    element: Any
    index: int
    runs: dict[Any, int]
    boxes: list[Any] = field(default_factory=list)
    instr: list[str] = field(default_factory=list)


class _PartReader:
    """Walks one XML part and emits text pieces, collecting warnings as it goes."""

    def __init__(self, part: Part, root: Any, warnings: list[SourceWarning]) -> None:
        self.partname = str(part.partname)
        self.rels = part.rels
        self.warnings = warnings
        self.pieces: list[Piece] = []
        # lxml keeps one proxy per node while it is referenced, so elements work as keys.
        self.paragraph_index = {p: i for i, p in enumerate(root.iter(W_P))}

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child)
            elif tag == W_TBL:
                self.table(child)
            elif tag in (W_FOOTNOTE, W_ENDNOTE):
                if child.get(W_TYPE) not in _NOTE_SEPARATOR_TYPES:
                    self.blocks(child)
            elif tag == MC_ALTERNATECONTENT:
                self.blocks(_chosen(child))
            elif tag in _WRAPPERS:
                self.blocks(child)

    def table(self, tbl: Any) -> None:
        for row in _children(tbl, W_TR):
            for i, cell in enumerate(_children(row, W_TC)):
                if i:
                    self.pieces.append(("\t", None))
                self.blocks(cell)
                if self.pieces and self.pieces[-1] == ("\n", None):
                    self.pieces.pop()  # the cell's last paragraph end: cells are joined by \t
            self.pieces.append(("\n", None))

    def paragraph(self, p: Any) -> None:
        para = _Paragraph(p, self.paragraph_index[p], {r: i for i, r in enumerate(p.iter(W_R))})
        self.inline(p, para)
        self.pieces.append(("\n", None))
        for url in _FIELD_HYPERLINK.findall("".join(para.instr)):
            self._hyperlink_warning(url, para)
        for box in para.boxes:
            self.blocks(box)

    # -- inside a paragraph ---------------------------------------------------------------

    def inline(self, parent: Any, para: _Paragraph) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self.run(child, para)
            elif tag in _PROPERTY_TAGS:
                continue
            elif tag in (W_DEL, W_MOVEFROM):
                self._revision_warning(child, para, deleted=True)
            elif tag in (W_INS, W_MOVETO):
                self._revision_warning(child, para, deleted=False)
                self.inline(child, para)
            elif tag == W_HYPERLINK:
                rel = self.rels.get(child.get(R_ID) or "")
                if rel is not None and rel.is_external:
                    self._hyperlink_warning(rel.target_ref, para)
                self.inline(child, para)
            elif tag == MC_ALTERNATECONTENT:
                self.inline(_chosen(child), para)
            elif tag == W_TXBXCONTENT:
                para.boxes.append(child)
            elif tag != W_P:
                self.inline(child, para)  # smartTag, customXml, sdt, fldSimple, ...

    def run(self, r: Any, para: _Paragraph) -> None:
        run_index = para.runs[r]
        offset = 0
        for child in r:
            tag = child.tag
            if tag == W_T:
                text = child.text or ""
                if text:
                    loc = DocxLocation(self.partname, para.index, run_index, offset)
                    self.pieces.append((text, loc))
                    offset += len(text)
            elif tag in (W_TAB, W_PTAB):
                self.pieces.append(("\t", None))
            elif tag in (W_BR, W_CR):
                self.pieces.append(("\n", None))
            elif tag == W_NOBREAKHYPHEN:
                self.pieces.append(("-", None))
            elif tag == W_INSTRTEXT:
                para.instr.append(child.text or "")
            elif tag not in _PROPERTY_TAGS and len(child):
                para.boxes.extend(_text_boxes(child))  # w:drawing, w:pict, mc:AlternateContent

    # -- warnings -------------------------------------------------------------------------

    def _where(self, para: _Paragraph) -> str:
        return f"{self.partname} 第{para.index + 1}段"

    def _revision_warning(self, el: Any, para: _Paragraph, deleted: bool) -> None:
        author = el.get(W_AUTHOR) or ""
        by = f"（修订人：{author}）" if author else ""
        if deleted:
            excerpt = "".join(t.text or "" for t in el.iter(W_DELTEXT, W_T))
            code = "tracked_deletion"
            message = (
                f"文档含未接受的修订（删除）{by}，被删除的文字仍保存在文件中，"
                "公开前应接受或拒绝修订"
            )
        else:
            excerpt = "".join(t.text or "" for t in el.iter(W_T))
            code = "tracked_insertion"
            message = (
                f"文档含未接受的修订（插入）{by}，修订记录会随文件公开，公开前应接受或拒绝修订"
            )
        self.warnings.append(SourceWarning(code, message, self._where(para), excerpt or None))

    def _hyperlink_warning(self, url: str, para: _Paragraph) -> None:
        self.warnings.append(
            SourceWarning(
                "hyperlink_target",
                "超链接指向外部地址，链接目标不显示在正文中但会随文件公开，请核对",
                self._where(para),
                url,
            )
        )


def _chosen(alternate: Any) -> Any:
    """The content of an mc:AlternateContent to read: its first mc:Choice, else mc:Fallback."""
    for tag in (MC_CHOICE, MC_FALLBACK):
        found = alternate.find(tag)
        if found is not None:
            return found
    return alternate


def _text_boxes(el: Any) -> Iterator[Any]:
    """w:txbxContent elements under a drawing/picture, outermost only, fallbacks skipped."""
    for child in el:
        if child.tag == W_TXBXCONTENT:
            yield child
        elif child.tag == MC_ALTERNATECONTENT:
            yield from _text_boxes(_chosen(child))
        elif child.tag != MC_FALLBACK:
            yield from _text_boxes(child)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)
        elif child.tag == MC_ALTERNATECONTENT:
            yield from _children(_chosen(child), tag)


def _comment_warnings(part: Part, main: Part, main_root: Any) -> Iterable[SourceWarning]:
    anchors: dict[str, int] = {}
    paragraph_index = {p: i for i, p in enumerate(main_root.iter(W_P))}
    for mark in main_root.iter(W_COMMENTREFERENCE, W_COMMENTRANGESTART):
        p = next(mark.iterancestors(W_P), None)
        if p is not None:
            anchors.setdefault(mark.get(W_ID) or "", paragraph_index[p])
    for comment in _root(part).iter(W_COMMENT):
        cid = comment.get(W_ID) or ""
        author = comment.get(W_AUTHOR) or ""
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(W_T)) for p in comment.iter(W_P)
        ).strip()
        location = f"{part.partname} 批注{cid}"
        if author:
            location += f"（作者：{author}）"
        if cid in anchors:
            location += f"，批注位置：{main.partname} 第{anchors[cid] + 1}段"
        by = f"（作者：{author}）" if author else ""
        message = f"文档含批注{by}，批注内容和作者会随文件公开，公开前应删除"
        yield SourceWarning("comment", message, location, text or None)


def _properties(parts: list[Part], warnings: list[SourceWarning]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in parts:
        if part.content_type == CT.OPC_CORE_PROPERTIES:
            root = _root(part)
            for key, tag in (
                ("title", f"{{{_DC}}}title"),
                ("author", f"{{{_DC}}}creator"),
                ("last_modified_by", f"{{{_CP}}}lastModifiedBy"),
            ):
                found.setdefault(key, _text_of(root.find(tag)))
        elif part.content_type == CT.OFC_EXTENDED_PROPERTIES:
            found.setdefault("company", _text_of(_root(part).find(f"{{{_EP}}}Company")))
    properties = {key: value for key, value in found.items() if value}

    leaks = (
        ("author", "property_author", "docProps/core.xml author", "作者"),
        ("last_modified_by", "property_last_modified_by", "docProps/core.xml lastModifiedBy",
         "最后修改者"),
        ("company", "property_company", "docProps/app.xml Company", "单位"),
    )
    for key, code, location, label in leaks:
        if key in properties:
            message = f"文档属性含{label}“{properties[key]}”，会随文件公开，公开前应清除"
            warnings.append(SourceWarning(code, message, location, properties[key]))
    return properties


def _text_of(el: Any) -> str:
    return (el.text or "").strip() if el is not None else ""
