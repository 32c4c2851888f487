"""Pick the reader by content, not by name: files arrive misnamed (a PDF saved as .txt, a
.docx renamed .doc), and the extension is only used to word error messages and to decide
what to do with content that is not recognisably PDF, Word or zip.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePath

from gkreview.ingest.doc import legacy_kind, read_legacy
from gkreview.ingest.document import ExtractedDocument, ReadError
from gkreview.ingest.docx import read_docx
from gkreview.ingest.pdf import read_pdf
from gkreview.ingest.txt import read_txt

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".docx", ".pdf", ".txt", ".text", ".doc", ".wps", ".rtf"
)
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text", "")

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_SUPPORTED_ZH = "支持 .docx、.pdf、.txt、.doc、.wps、.rtf"
_SUPPORTED_EN = "supported: .docx, .pdf, .txt, .doc, .wps, .rtf"


def read_document(path: Path) -> ExtractedDocument:
    """Read a file of any supported format; every failure is a one-line ``ReadError``."""
    return read_bytes(load_bytes(path), Path(path).name)


def load_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line ``ReadError`` saying why they cannot be had."""
    path = Path(path)
    if path.is_dir():
        raise ReadError(f"{path}：这是文件夹，不是文件 / is a directory, not a file")
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(f"{path}：文件不存在 / file not found") from exc
    except PermissionError as exc:
        raise ReadError(f"{path}：没有读取权限 / permission denied") from exc
    except OSError as exc:
        raise ReadError(f"{path}：无法读取文件 / cannot read the file: {exc.strerror}") from exc
    return data


def read_bytes(data: bytes, name: str) -> ExtractedDocument:
    """Read a file's content; ``name`` (a file name) is used for messages and the suffix.

    A document without a single character of text is refused here, once for every caller
    (check, batch, the web app): there is nothing to review, and any attribute proposed for
    it would be a guess shown with a confidence it does not have."""
    doc = _read_bytes(data, name)
    if not doc.text.strip():
        raise ReadError(
            f"{name}：文件里没有文字（空文件，或扫描件未能识别出文字），无法审查 / "
            "no text in the document (empty, or a scan no text could be read from)"
        )
    return doc


def _read_bytes(data: bytes, name: str) -> ExtractedDocument:
    kind = detect_format(data, name)
    if kind == "pdf":
        return read_pdf(data, name)
    if kind == "docx":
        return read_docx(data, name)
    if kind in ("doc", "wps", "rtf"):
        return read_legacy(data, name, kind)
    suffix = PurePath(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_txt(data, name)
    try:
        return read_txt(data, name)
    except ReadError as exc:
        raise ReadError(
            f"{name}：不支持的文件类型 {suffix}，{_SUPPORTED_ZH} / "
            f"unsupported file type {suffix}; {_SUPPORTED_EN}"
        ) from exc


def detect_format(data: bytes, name: str) -> str:
    """"pdf", "docx", "doc", "wps", "rtf" or "txt" from the content; raise ``ReadError`` for
    known unsupported kinds.

    "txt" means only "not PDF, Word or another container": whether it is text is decided
    by the text reader.
    """
    suffix = PurePath(name).suffix.lower()
    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(_OLE2_MAGIC) and _utf16(b"EncryptedPackage") in data:
        return "docx"  # the docx reader explains: a password-protected .docx
    if legacy := legacy_kind(data, name):
        return legacy  # .doc, .wps (also by name when OLE2), .rtf: read through converters
    if data.startswith(_OLE2_MAGIC):
        raise ReadError(
            f"{name}：旧版 Office 文件（OLE2 格式）不支持，请另存为 .docx 或 PDF / "
            "legacy Office (OLE2) file is not supported; convert it to .docx or PDF"
        )
    if data.startswith(_ZIP_MAGICS):
        return _zip_kind(data, name)
    if suffix == ".pdf":
        raise ReadError(f"{name}：扩展名是 .pdf，但内容不是 PDF / named .pdf but is not a PDF")
    if suffix in (".docx", ".doc", ".docm", ".dotx"):
        raise ReadError(
            f"{name}：扩展名是 {suffix}，但内容不是 Word 文档 / "
            f"named {suffix} but is not a Word file"
        )
    return "txt"


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError) as exc:
        if PurePath(name).suffix.lower() == ".docx":
            return "docx"  # the docx reader says it is corrupt
        raise ReadError(f"{name}：zip 文件已损坏 / corrupt zip archive: {exc}") from exc
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        zh, en = "Excel 表格（.xlsx）", "an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        zh, en = "PowerPoint 演示文稿（.pptx）", "a PowerPoint file"
    elif mimetype.startswith(b"application/vnd.oasis.opendocument"):
        zh, en = "OpenDocument 文件（.odt 等）", "an OpenDocument file"
    else:
        zh, en = "zip 压缩包", "a zip archive"
    raise ReadError(
        f"{name}：内容是{zh}，不支持，{_SUPPORTED_ZH} / "
        f"content is {en}, not supported; {_SUPPORTED_EN}"
    )


def _utf16(name: bytes) -> bytes:
    """How an OLE2 directory stores a stream name."""
    return name.decode("ascii").encode("utf-16-le")
