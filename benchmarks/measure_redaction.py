"""De-identified copies of generated documents in every format: how much approved personal
data is left (must be 0 characters) and how much of the other text is kept (at least 99%).

Each generated document is written as UTF-8 and GBK text, as a .docx whose paragraphs are
split into runs at random places (so entities cross runs) with a table, and as a CJK PDF.
``gkreview check`` reviews each file, every flagged finding is approved, ``write_redacted``
writes and verifies the copy, and this script measures the copy independently: every approved
original string is searched in the copy's text as gkreview's reader sees it and, for a
.docx, in every XML part's text and attribute values (deleted text, comments, properties,
link targets); for a PDF also in PyMuPDF's own text extraction; spaces and line ends are
ignored, so a string wrapped over two lines still counts. The other characters kept are
measured against the review's own findings: a repeat of an approved text that ``redact``
also replaces counts as lost.

    .venv/bin/python benchmarks/measure_redaction.py --docs 20
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx
import pymupdf
from lxml import etree

from benchmarks.generate import generate_documents
from gkreview.ingest.reader import read_document
from gkreview.redact.writers import VerificationError, write_redacted
from gkreview.redact.writers.plan import plan_edits
from gkreview.redact.writers.verify import preserved_share
from gkreview.review.pipeline import Reviewer, make_findings

PDF_LINE = 34  # characters per line on an A4 page at 12 pt


def write_docx(path: Path, text: str, rng: random.Random) -> None:
    document = docx.Document()
    document.core_properties.author = "测试起草人"
    lines = text.splitlines()
    for line in lines[:-3]:
        paragraph = document.add_paragraph()
        cuts = sorted(rng.sample(range(1, len(line)), k=min(3, max(len(line) - 1, 0))))
        for i, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(line)], strict=True)):
            run = paragraph.add_run(line[a:b])
            run.bold = i % 2 == 1
    tail = lines[-3:]
    table = document.add_table(rows=1, cols=len(tail))
    for cell, value in zip(table.rows[0].cells, tail, strict=True):
        cell.text = value
    document.save(str(path))


def write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    y = height - 72
    pdf.setFont("STSong-Light", 12)
    for paragraph in text.splitlines():
        for i in range(0, max(len(paragraph), 1), PDF_LINE):
            if y < 72:
                pdf.showPage()
                pdf.setFont("STSong-Light", 12)
                y = height - 72
            pdf.drawString(72, y, paragraph[i : i + PDF_LINE])
            y -= 20
    pdf.showPage()
    pdf.save()


def hidden_text(path: Path) -> str:
    """Every XML part's text and attribute values (docx); PyMuPDF's extraction (pdf)."""
    if path.suffix == ".docx":
        out: list[str] = []
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.endswith((".xml", ".rels")):
                    root = etree.fromstring(package.read(name))
                    out.append("".join(root.itertext()))
                    out.extend(v for el in root.iter() for v in el.attrib.values())
        return "\n".join(out)
    if path.suffix == ".pdf":
        with pymupdf.open(str(path)) as pdf:
            return "".join(page.get_text() for page in pdf)
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    reviewer = Reviewer.build()

    def rescan(text: str) -> list[tuple[str, int, int, str]]:
        found = make_findings(text, reviewer.analyzer.analyze(text), reviewer.policy)
        return [(f.type, f.start, f.end, f.action) for f in found]

    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n, text in enumerate(generate_documents(args.docs, seed=args.seed)):
            files = {
                "txt (utf-8)": root / f"{n}.utf8.txt",
                "txt (gbk)": root / f"{n}.gbk.txt",
                "docx": root / f"{n}.docx",
                "pdf": root / f"{n}.pdf",
            }
            files["txt (utf-8)"].write_text(text, encoding="utf-8")
            files["txt (gbk)"].write_bytes(text.encode("gbk", errors="replace"))
            write_docx(files["docx"], text, rng)
            write_pdf(files["pdf"], text)
            for kind, path in files.items():
                review = reviewer.review_path(path).to_dict(with_text=True)
                for f in review["findings"]:
                    f["status"] = "approved"
                source_text = review["text"]
                edits = plan_edits(source_text, review["findings"])
                out = path.with_name(f"{path.stem}.out{path.suffix}")
                row = totals[kind]
                row["documents"] += 1
                row["approved findings"] += len(edits)
                row["approved characters"] += sum(e.end - e.start for e in edits)
                try:
                    write_redacted(path, review, out, rescan=rescan)
                except VerificationError as err:
                    row["refused by verification"] += 1
                    print(f"  {kind} #{n}: refused: {'; '.join(err.problems[:2])}")
                    continue
                shown = read_document(out).text
                hidden = hidden_text(out)
                # Spaces and line ends ignored: a name wrapped over two PDF lines still counts.
                squeezed = "".join(shown.split()) + "\n" + "".join(hidden.split())
                left = sum(
                    len(e.original)
                    for e in edits
                    if e.original in shown or e.original in hidden
                    or "".join(e.original.split()) in squeezed
                )  # fmt: skip
                row["approved characters left"] += left
                share = preserved_share(source_text, shown, edits)
                row["other characters kept (mean)"] += share
                row["worst document kept"] = min(row.get("worst document kept", 1.0), share)

    print(f"{args.docs} generated documents per format, every finding approved")
    columns = [
        "documents", "approved findings", "approved characters", "approved characters left",
        "refused by verification", "other characters kept (mean)", "worst document kept",
    ]  # fmt: skip
    print("format        " + " | ".join(columns))
    for kind, row in totals.items():
        written = row["documents"] - row["refused by verification"]
        mean = row["other characters kept (mean)"] / written if written else 0.0
        cells = [
            f"{int(row['documents'])}", f"{int(row['approved findings'])}",
            f"{int(row['approved characters'])}", f"{int(row['approved characters left'])}",
            f"{int(row['refused by verification'])}", f"{mean:.4f}",
            f"{row.get('worst document kept', 1.0):.4f}",
        ]  # fmt: skip
        print(f"{kind:<13} " + " | ".join(cells))


if __name__ == "__main__":
    main()
