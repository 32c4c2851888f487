"""The de-identified copy of a .docx: text replaced inside runs, then everything that leaks
without being shown removed.

Replacements go through the reader's offset map (part, paragraph, run, offset in the run's
``w:t`` text), so a span that crosses runs is cut out of each run it touches and the
replacement is written into the first one, keeping that run's formatting. The map's indices
count every ``w:p`` of a part and every ``w:r`` of a paragraph, deleted ones included, so the
text is replaced *before* tracked changes are accepted and the indices still hold.

A text box is stored twice (mc:Choice and its VML mc:Fallback); the reader maps the first,
so the edited copy replaces the second.

Then, as ``../shared/design.md`` §2 asks (what leaked in real releases): tracked changes are
accepted (deletions dropped with their text, insertions kept as plain text, formatting
revisions dropped), comments are removed with their anchors and parts, and the document
properties that name people (author, last modified by, company, manager, custom properties)
are cleared.

Last, what the reader does not show is swept: a removed string in an attribute (a hyperlink's
``mailto:`` target, a picture's alt text), in a field code, in the kept title or in a part
nobody reads (custom XML data) is replaced as the review replaces it. The shown text (``w:t``
of the parts the reader maps) is not swept: it must read exactly as the review's edits make
it, and a removed string left there is a leak the verification reports.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from gkreview.ingest.document import ExtractedDocument
from gkreview.ingest.offsets import DocxLocation
from gkreview.redact.writers.plan import Edit

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_R, W_T = _w("p"), _w("r"), _w("t")
W_TXBXCONTENT = _w("txbxContent")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_ALTERNATECONTENT, MC_CHOICE, MC_FALLBACK = (
    f"{{{_MC}}}AlternateContent",
    f"{{{_MC}}}Choice",
    f"{{{_MC}}}Fallback",
)
_DROP_WITH_CONTENT = {_w("del"), _w("moveFrom")}
_UNWRAP = {_w("ins"), _w("moveTo")}
# Formatting revisions keep the old formatting and its author; paragraph-mark revisions too.
_REVISION_MARKS = {
    _w("rPrChange"), _w("pPrChange"), _w("sectPrChange"), _w("tblPrChange"), _w("trPrChange"),
    _w("tcPrChange"), _w("tblGridChange"), _w("numberingChange"),
    _w("moveFromRangeStart"), _w("moveFromRangeEnd"), _w("moveToRangeStart"),
    _w("moveToRangeEnd"), _w("customXmlInsRangeStart"), _w("customXmlInsRangeEnd"),
    _w("customXmlDelRangeStart"), _w("customXmlDelRangeEnd"),
}  # fmt: skip
_COMMENT_MARKS = {_w("commentRangeStart"), _w("commentRangeEnd")}
_COMMENT_REFERENCE = _w("commentReference")
_RUN_PROPERTIES = _w("rPr")

# Parts that hold comments or the people who made revisions: removed with their relations.
_LEAKY_PART_SUFFIXES = (
    "/comments.xml", "/commentsExtended.xml", "/commentsIds.xml", "/commentsExtensible.xml",
    "/people.xml",
)  # fmt: skip
# The preview picture Word saves of the first page shows the text as it was.
_LEAKY_PART_PREFIXES = ("docProps/thumbnail",)
_NESTED_PACKAGES = (".xlsx", ".xlsm", ".docx", ".docm", ".pptx")
_CORE_KEEP = {"title", "created", "modified"}  # every other core property is cleared
# Roots of the parts whose w:t text the reader maps (body, headers, footers, notes).
_SHOWN_ROOTS = {"document", "hdr", "ftr", "footnotes", "endnotes"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_APP_CLEAR = {"Company", "Manager", "HyperlinkBase"}


@dataclass(frozen=True, slots=True)
class _Cut:
    paragraph: int
    run: int
    offset: int
    length: int
    insert: str  # the replacement, written where the span starts; "" in the runs after


def docx_cuts(doc: ExtractedDocument, edits: Sequence[Edit]) -> dict[str, list[_Cut]]:
    """Per part, the cuts that make the edits, from the offset map."""
    cuts: dict[str, list[_Cut]] = defaultdict(list)
    for edit in edits:
        first = True
        group: list[DocxLocation] = []
        for i in range(edit.start, edit.end + 1):
            loc = doc.offsets.locate(i) if i < edit.end else None
            if isinstance(loc, DocxLocation) and group and _continues(group[-1], loc):
                group.append(loc)
                continue
            if group:
                head = group[0]
                cuts[head.part].append(
                    _Cut(head.paragraph, head.run, head.offset, len(group),
                         edit.replacement if first else "")
                )  # fmt: skip
                first = False
            group = [loc] if isinstance(loc, DocxLocation) else []
    return cuts


def _continues(prev: DocxLocation, loc: DocxLocation) -> bool:
    return (prev.part, prev.paragraph, prev.run) == (loc.part, loc.paragraph, loc.run) and (
        loc.offset == prev.offset + 1
    )


def write_docx(data: bytes, doc: ExtractedDocument, edits: Sequence[Edit]) -> bytes:
    """The de-identified package as bytes."""
    return write_package(data, docx_cuts(doc, edits), sweep_pairs(edits))


def sweep_pairs(edits: Sequence[Edit], kept: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(removed string, its replacement), longest first, for the sweep of hidden content.
    One character (a surname alone) is not swept: it would hit every other word."""
    pairs = {e.original: e.replacement for e in edits if len(e.original.strip()) >= 2}
    return sorted(((o, r) for o, r in pairs.items() if o not in kept), key=lambda p: -len(p[0]))


def write_package(
    data: bytes, cuts: dict[str, list[_Cut]], sweep: Sequence[tuple[str, str]] = ()
) -> bytes:
    """The package with ``cuts`` made in the shown text, hidden content swept of the removed
    strings, and revisions, comments and people's properties removed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    dropped = {
        n for n in names if n.endswith(_LEAKY_PART_SUFFIXES) or n.startswith(_LEAKY_PART_PREFIXES)
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name in dropped or name == "docProps/custom.xml":
                continue
            payload = source.read(name)
            if name.endswith(".xml") or name.endswith(".rels"):
                payload = _rewrite_part(name, payload, cuts.get("/" + name, []), dropped, sweep)
            elif sweep and name.lower().endswith(_NESTED_PACKAGES):
                payload = _sweep_nested(payload, sweep)
            target.writestr(_fresh_info(info), payload)
    return out.getvalue()


def _sweep_nested(payload: bytes, sweep: Sequence[tuple[str, str]]) -> bytes:
    """An embedded workbook or document (a chart's data, an OLE object) swept of the
    removed strings in every XML part; left as it is if it is not a package after all."""
    if not zipfile.is_zipfile(io.BytesIO(payload)):
        return payload
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(payload)) as nested,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in nested.infolist():
            part = nested.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                root = etree.fromstring(part, _PARSER)
                _sweep_hidden(root, sweep, shown=False)
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(_fresh_info(info), part)
    return out.getvalue()


def _fresh_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The entry's name and date, nothing else carried over (no extra fields, no comment)."""
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.compress_type = zipfile.ZIP_DEFLATED
    return fresh


def _rewrite_part(
    name: str,
    payload: bytes,
    cuts: list[_Cut],
    dropped: set[str],
    sweep: Sequence[tuple[str, str]] = (),
) -> bytes:
    root = etree.fromstring(payload, _PARSER)
    if name == "[Content_Types].xml":
        _drop_overrides(root, dropped | {"docProps/custom.xml"})
    elif name.endswith(".rels"):
        _drop_relations(name, root, dropped | {"docProps/custom.xml"})
    elif name == "docProps/core.xml":
        for el in root:
            if etree.QName(el).localname not in _CORE_KEEP:
                el.text = None
    elif name == "docProps/app.xml":
        for el in root:
            if etree.QName(el).localname in _APP_CLEAR:
                el.text = None
    elif root.tag.startswith(f"{{{_W}}}"):
        if cuts:
            _apply_cuts(root, cuts)
        _sync_fallbacks(root)
        _accept_revisions(root)
        _remove_comment_anchors(root)
    if sweep:
        _sweep_hidden(root, sweep, shown=etree.QName(root).localname in _SHOWN_ROOTS)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _sweep_hidden(root: Any, sweep: Sequence[tuple[str, str]], shown: bool) -> None:
    """Replace removed strings in every attribute and text node, but the ``w:t`` text of a
    part the reader shows (``shown``), which the cuts made exact."""
    for el in root.iter():
        for key, value in el.attrib.items():
            swept = _swept(value, sweep)
            if swept != value:
                el.set(key, swept)
        if el.text and not (shown and el.tag == W_T):
            el.text = _swept(el.text, sweep)
        if el.tail and el.tail.strip():
            el.tail = _swept(el.tail, sweep)


def _swept(value: str, sweep: Sequence[tuple[str, str]]) -> str:
    for original, replacement in sweep:
        if original in value:
            value = value.replace(original, replacement)
    return value


def _apply_cuts(root: Any, cuts: list[_Cut]) -> None:
    paragraphs = list(root.iter(W_P))
    by_run: dict[tuple[int, int], list[_Cut]] = defaultdict(list)
    for cut in cuts:
        by_run[(cut.paragraph, cut.run)].append(cut)
    for (p_index, r_index), run_cuts in by_run.items():
        runs = list(paragraphs[p_index].iter(W_R))
        run = runs[r_index]
        for cut in sorted(run_cuts, key=lambda c: -c.offset):  # from the end: offsets hold
            _cut_run(run, cut)


def _cut_run(run: Any, cut: _Cut) -> None:
    """Remove ``cut.length`` characters at ``cut.offset`` of the run's ``w:t`` text and write
    ``cut.insert`` where they began."""
    pos = 0
    remaining = cut.length
    inserted = False
    for t in [child for child in run if child.tag == W_T]:
        text = t.text or ""
        start = cut.offset - pos
        pos += len(text)
        if remaining == 0 or start >= len(text):
            continue
        start = max(start, 0)
        take = min(remaining, len(text) - start)
        insert = "" if inserted else cut.insert
        t.text = text[:start] + insert + text[start + take :]
        t.set(_XML_SPACE, "preserve")
        inserted = True
        remaining -= take


def _sync_fallbacks(root: Any) -> None:
    """A text box is stored twice (DrawingML in mc:Choice, VML in mc:Fallback) and the reader
    reads the first: the edited Choice's text is copied over the Fallback's, or, where the
    two do not pair up, the Fallback goes (Word shows the Choice)."""
    for alternate in list(root.iter(MC_ALTERNATECONTENT)):
        choice = alternate.find(MC_CHOICE)
        if choice is None:
            continue
        edited = list(choice.iter(W_TXBXCONTENT))
        for fallback in alternate.findall(MC_FALLBACK):
            copies = list(fallback.iter(W_TXBXCONTENT))
            if not copies:
                continue
            if len(copies) != len(edited):
                alternate.remove(fallback)
                continue
            for old, new in zip(copies, edited, strict=True):
                old.getparent().replace(old, copy.deepcopy(new))


def _accept_revisions(root: Any) -> None:
    for el in list(root.iter(*_DROP_WITH_CONTENT)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(*_REVISION_MARKS)):
        el.getparent().remove(el)
    for el in list(root.iter(*_UNWRAP)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == _RUN_PROPERTIES or etree.QName(parent).localname in ("rPr", "pPr"):
            parent.remove(el)  # a paragraph mark's insertion: just the mark
            continue
        index = parent.index(el)
        for child in list(el):
            parent.insert(index, child)
            index += 1
        parent.remove(el)


def _remove_comment_anchors(root: Any) -> None:
    for el in list(root.iter(*_COMMENT_MARKS)):
        el.getparent().remove(el)
    for ref in list(root.iter(_COMMENT_REFERENCE)):
        run = ref.getparent()
        run.remove(ref)
        if run.tag == W_R and all(child.tag == _RUN_PROPERTIES for child in run):
            run.getparent().remove(run)


def _drop_overrides(root: Any, dropped: set[str]) -> None:
    for el in list(root):
        if el.get("PartName", "").lstrip("/") in dropped:
            root.remove(el)


def _drop_relations(name: str, root: Any, dropped: set[str]) -> None:
    """Relationships whose target is a dropped part (targets are relative to the source)."""
    base = name.split("_rels/")[0]  # "word/" for word/_rels/document.xml.rels, "" for _rels/.rels
    for rel in list(root):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        resolved = target.lstrip("/") if target.startswith("/") else base + target
        if resolved in dropped:
            root.remove(rel)
