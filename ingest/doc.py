"""Legacy word-processor files: Word 97–2003 ``.doc``, Kingsoft WPS ``.wps`` and ``.rtf``.

Archives from before 2010 hold these by the thousand, and no Python library reads them well,
so the text comes from outside programs:

* **antiword** (Debian package ``antiword``, a few hundred KB) reads ``.doc`` — and the
  ``.wps`` files of WPS Office 2005 and later, which are Word binary files under another
  name. It cannot read a file whose WordDocument stream is under 4 KB (Word always pads it;
  small files saved by other programs are not padded) nor ``.rtf``.
* **LibreOffice** (``soffice --headless --convert-to docx``) is the fallback for all three
  when it is installed. The converted .docx goes through gkreview's own docx reader, so the
  text is laid out as for any .docx and its warnings (comments, tracked changes, properties
  LibreOffice carried over) are reported. LibreOffice is not required (it is large);
  without it, what antiword cannot read is refused with one line saying so.

antiword's output is tidied to the docx reader's layout: no blank lines between paragraphs,
table cells joined by "\\t". There is no map back into the binary file, so the offset map is
the identity over the extracted text (``TextLocation``): enough for every finding and
report, but a de-identified copy of a .doc cannot be written in place (the writers refuse
the format; save it as .docx first).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from gkreview.ingest.document import ExtractedDocument, ReadError, SourceWarning
from gkreview.ingest.docx import read_docx
from gkreview.ingest.offsets import OffsetMap

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIMEOUT_SECONDS = 120.0  # one conversion; LibreOffice's first start builds a profile
_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")
_BLANK_RUN = re.compile(r"\n[ \t\u3000]*\n+")
_LABELS = {"doc": "Word 97–2003（.doc）", "wps": "WPS（.wps）", "rtf": "RTF"}


@dataclass(frozen=True, slots=True)
class Converter:
    """One external program that turns the file into text, for error messages and tests."""

    name: str  # "antiword" or "libreoffice"
    path: str


def legacy_kind(data: bytes, name: str) -> str | None:
    """"doc", "wps" or "rtf" when the content is one of those, else ``None``.

    An OLE2 container holding a ``WordDocument`` stream is Word binary (a .wps of WPS
    Office 2005+ too: it is named "wps" when the file is); an OLE2 file named .wps without
    that stream is an older WPS format, which only LibreOffice may read, and one named .doc
    without it is a damaged .doc (its directory is at the end of the file). RTF starts with
    ``{\\rtf`` whatever the file is called.
    """
    suffix = PurePath(name).suffix.lower()
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if not data.startswith(OLE2_MAGIC):
        return None
    if "WordDocument".encode("utf-16-le") in data:
        return "wps" if suffix == ".wps" else "doc"
    if suffix in (".wps", ".doc", ".dot"):
        return "wps" if suffix == ".wps" else "doc"  # the converters say if it is damaged
    return None


def converters() -> list[Converter]:
    """The programs on PATH, in the order they are tried."""
    found: list[Converter] = []
    if path := shutil.which("antiword"):
        found.append(Converter("antiword", path))
    for program in ("soffice", "libreoffice"):
        if path := shutil.which(program):
            found.append(Converter("libreoffice", path))
            break
    return found


def read_legacy(
    data: bytes, name: str, kind: str, available: Sequence[Converter] | None = None
) -> ExtractedDocument:
    """Text of a .doc/.wps/.rtf file through antiword, then LibreOffice; ``ReadError`` else."""
    available = converters() if available is None else available
    usable = [c for c in available if c.name == "libreoffice" or kind != "rtf"]
    label = _LABELS[kind]
    if not usable:
        need = "LibreOffice" if kind == "rtf" else "antiword 或 LibreOffice"
        need_en = "LibreOffice" if kind == "rtf" else "antiword or LibreOffice"
        raise ReadError(
            f"{name}：读取{label}文件需要安装 {need} / reading a .{kind} file needs "
            f"{need_en} installed"
        )
    failures: list[str] = []
    for converter in usable:
        try:
            if converter.name == "antiword":
                return _document(tidy(_antiword(converter.path, data)), kind, converter, failures)
            converted = read_docx(
                _libreoffice(converter.path, data, kind, _import_filter(data, kind)),
                f"{name}.docx",
            )
        except (_ConversionFailed, ReadError) as exc:
            failures.append(f"{converter.name}: {exc}")
            continue
        return _document(converted.text, kind, converter, failures, converted)
    if any("encrypted" in f or "password" in f.lower() for f in failures):
        raise ReadError(
            f"{name}：{label}文件已加密（需要密码），请去除密码后再审查 / "
            f"the .{kind} file is encrypted; remove the password and retry"
        )
    raise ReadError(
        f"{name}：{label}文件已损坏或无法转换 / cannot read the .{kind} file: "
        + "; ".join(failures)
    )


def tidy(text: str) -> str:
    """One line per paragraph, table rows as cells joined by tabs, no blank lines."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = []
    for line in text.split("\n"):
        row = _TABLE_ROW.match(line)
        if row:  # antiword draws a table row as |cell   |cell   |
            line = "\t".join(cell.strip() for cell in row.group(1).split("|"))
        lines.append(line.rstrip())
    text = _BLANK_RUN.sub("\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""


class _ConversionFailed(Exception):
    """One converter could not read the file; the next one is tried."""


def _antiword(program: str, data: bytes) -> str:
    with tempfile.TemporaryDirectory(prefix="gkreview-doc-") as tmp:
        source = Path(tmp) / "source.doc"
        source.write_bytes(data)
        # -m UTF-8.txt: Unicode output (Chinese); -w 0: long paragraphs are not wrapped.
        result = _call([program, "-m", "UTF-8.txt", "-w", "0", str(source)], cwd=Path(tmp))
    if result.returncode != 0 or not result.stdout.strip():
        said = _first_line(result.stderr).replace(str(source), "the file")
        raise _ConversionFailed(said or f"exit status {result.returncode}")
    return result.stdout.decode("utf-8", errors="replace")


def _import_filter(data: bytes, kind: str) -> str:
    """LibreOffice's import filter, named: left to guess, it imports anything it cannot
    parse as plain text, and a damaged file would be reviewed as garbage."""
    if kind == "rtf":
        return "Rich Text Format"
    if "WordDocument".encode("utf-16-le") in data:
        return "MS Word 97"
    return "MS_Works"  # an OLE2 .wps without a Word stream: Microsoft Works' format


def _libreoffice(program: str, data: bytes, kind: str, import_filter: str) -> bytes:
    """The file converted to .docx by LibreOffice through ``import_filter``."""
    with tempfile.TemporaryDirectory(prefix="gkreview-doc-") as tmp:
        source = Path(tmp) / f"source.{kind}"
        source.write_bytes(data)
        # A profile of its own: concurrent conversions (batch workers) must not share one.
        profile = (Path(tmp) / "profile").as_uri()
        out_dir = Path(tmp) / "out"
        result = _call(
            [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             f"--infilter={import_filter}", "--convert-to", "docx:MS Word 2007 XML",
             "--outdir", str(out_dir), str(source)],
            cwd=Path(tmp),
        )  # fmt: skip
        produced = out_dir / "source.docx"
        if not produced.is_file():
            raise _ConversionFailed(_first_line(result.stderr) or "LibreOffice wrote nothing")
        return produced.read_bytes()


def _call(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, HOME=str(cwd), LC_ALL="C.UTF-8")
    try:
        return subprocess.run(
            argv, cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise _ConversionFailed(f"no answer within {TIMEOUT_SECONDS:.0f} s") from exc
    except OSError as exc:
        raise _ConversionFailed(exc.strerror or str(exc)) from exc


def _first_line(stderr: bytes) -> str:
    for line in stderr.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and "javaldx" not in line:  # LibreOffice's harmless start-up notice
            return line
    return ""


def _document(
    text: str,
    kind: str,
    converter: Converter,
    failures: list[str],
    converted: ExtractedDocument | None = None,
) -> ExtractedDocument:
    """The document as read; ``converted`` is LibreOffice's .docx as the docx reader read it
    (its warnings kept: their places are in that .docx, whose paragraphs follow the file's)."""
    warnings = [
        SourceWarning(
            "legacy_format",
            f"旧版{_LABELS[kind]}文件，文字由 {converter.name} 提取：批注、修订、文档属性"
            "等隐藏内容未检查，去标识化副本请先另存为 .docx",
            "全文",
        )
    ]
    if converted is not None:
        warnings += converted.warnings
    properties = {**(converted.properties if converted else {}), "converter": converter.name}
    if failures:
        properties["converter_fallback_from"] = "; ".join(failures)
    return ExtractedDocument(
        text=text,
        offsets=OffsetMap.identity(len(text)),
        format=kind,
        warnings=warnings,
        properties=properties,
    )
