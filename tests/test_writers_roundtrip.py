"""De-identified copies round-trip: after redaction nothing approved remains anywhere in the
file, and the other text is still there, in order (docx, pdf, txt)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest

from gkreview.ingest.reader import read_document
from gkreview.redact.writers import (
    ReviewMismatch,
    VerificationError,
    rescan_with,
    write_redacted,
)
from gkreview.redact.writers.docx import docx_cuts, sweep_pairs, write_package
from gkreview.redact.writers.plan import FULL_BLOCK
from gkreview.review.pipeline import Reviewer
from tests.docmakers import (
    comment,
    footnote,
    make_docx,
    make_pdf,
    make_txt,
    table,
    text_box,
    tracked_deletion,
    tracked_insertion,
)

ID = "120116196503120030"
PHONE = "13920231234"


def approve_all(review: dict[str, Any]) -> dict[str, Any]:
    for f in review["findings"]:
        f["status"] = "approved"
    return review


def all_xml_text(path: Path) -> str:
    """Every text node of every XML part, hidden text (deletions, comments) included."""
    out = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                root = __import__("lxml.etree").etree.fromstring(package.read(name))
                out.append("".join(root.itertext()))
    return "\n".join(out)


@pytest.fixture(scope="module")
def rich_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "决定书.docx"
    return make_docx(
        path,
        [
            "行政处罚决定书",
            ["当事人：王", "建国", "，公民身份号码：1201161965", "03120030", "。"],
            ["联系电话：139", "2023", "1234", "，住天津市滨海新区大港街道东村三组12号。"],
            table([["姓名", "联系电话"], ["李秀英", "13811112222"]]),
            tracked_insertion("经查，当事人", "于2023年5月", "在林地内违法建房。"),
            tracked_deletion("原审核意见：", "申请人赵德明的请求不予支持", "。"),
            comment("本决定书依法送达。", "赵德明的电话是13700001111，请核实", author="孙丽"),
            text_box("附件说明。", "申请人李秀英"),
            footnote("依据《土地管理法》。", "申请人王建国于2023年提出复议。"),
        ],
        header="天津市滨海新区规划和自然资源局",
        footer="第1页",
        author="孙丽",
        last_modified_by="周强",
        company="滨海新区规划和自然资源局",
        title="行政处罚决定书",
    )


@pytest.fixture(scope="module")
def redacted_docx(
    rich_docx: Path, reviewer: Reviewer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Any], Any]:
    review = approve_all(reviewer.review_path(rich_docx).to_dict(with_text=True))
    out = tmp_path_factory.mktemp("out") / "决定书.公开版.docx"
    result = write_redacted(rich_docx, review, out, rescan=rescan_with(reviewer))
    return out, review, result


def test_writers_docx_nothing_approved_remains(redacted_docx: tuple) -> None:
    out, review, result = redacted_docx
    flagged = [f for f in review["findings"] if f["action"] != "keep"]
    texts = {f["text"] for f in flagged}
    assert {"王建国", ID, PHONE, "李秀英"} <= texts  # split runs, table cell, text box
    shown = read_document(out).text
    hidden = all_xml_text(out)
    for value in texts:
        assert value not in shown
        assert value not in hidden
    assert result.applied == len(flagged)


def test_writers_docx_other_text_kept_in_order(redacted_docx: tuple, rich_docx: Path) -> None:
    out, _, result = redacted_docx
    assert result.preserved >= 0.99
    shown = read_document(out).text
    for line in ("行政处罚决定书", "在林地内违法建房", "本决定书依法送达。", "附件说明。", "第1页"):
        assert line in shown
    assert shown.index("行政处罚决定书") < shown.index("本决定书依法送达。")


def test_writers_docx_replacement_inside_runs_keeps_formatting(redacted_docx: tuple) -> None:
    out, review, _ = redacted_docx
    person = next(f for f in review["findings"] if f["text"] == "王建国")
    paragraph = docx.Document(str(out)).paragraphs[1]
    runs = [(r.text, bool(r.bold)) for r in paragraph.runs]
    # The replacement sits in the run where the name began; the bold run it crossed is empty.
    assert runs[0] == ("当事人：" + person["replacement"], False)
    assert runs[1] == ("", True)
    assert paragraph.text.startswith("当事人：" + person["replacement"] + "，公民身份号码：")


def test_writers_docx_tracked_changes_comments_properties_gone(redacted_docx: tuple) -> None:
    out, _, _ = redacted_docx
    hidden = all_xml_text(out)
    assert "申请人赵德明的请求不予支持" not in hidden  # a deletion's text
    assert "赵德明的电话" not in hidden and "13700001111" not in hidden  # the comment
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        document = package.read("word/document.xml").decode("utf-8")
    assert not [n for n in names if "comments" in n]
    for tag in ("w:ins ", "w:del ", "w:commentRangeStart", "w:commentReference"):
        assert tag not in document
    assert "于2023年5月" in read_document(out).text  # the insertion accepted as text
    props = docx.Document(str(out)).core_properties
    assert (props.author, props.last_modified_by) == ("", "")
    assert props.title == "行政处罚决定书"
    assert "滨海新区规划和自然资源局" not in _app_xml(out)


def _app_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("docProps/app.xml").decode("utf-8")


def test_writers_docx_opens_in_python_docx(redacted_docx: tuple) -> None:
    out, _, _ = redacted_docx
    document = docx.Document(str(out))
    assert document.tables[0].cell(1, 0).text != "李秀英"
    assert document.sections[0].header.paragraphs[0].text == "天津市滨海新区规划和自然资源局"


def test_writers_verification_catches_a_writer_that_skips_a_run(
    rich_docx: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    review = approve_all(reviewer.review_path(rich_docx).to_dict(with_text=True))

    def skips_one_run(data: bytes, doc: Any, edits: list) -> bytes:
        # The real package writer, given every cut but one: the second run of an entity that
        # crosses runs is left unchanged.
        cuts = docx_cuts(doc, edits)
        part = cuts["/word/document.xml"]
        tails = [c for c in part if c.insert == ""]
        assert tails, "the fixture has an entity split across runs"
        part.remove(tails[0])
        return write_package(data, cuts, sweep_pairs(edits))

    out = tmp_path / "leaky.docx"
    out.write_bytes(b"an earlier copy")  # not to be mistaken for this one afterwards
    with pytest.raises(VerificationError) as caught:
        write_redacted(rich_docx, review, out, writer=skips_one_run, rescan=None)
    assert not out.exists()
    assert any("含被处理的文字" in problem for problem in caught.value.problems)


def test_writers_rejected_and_kept_findings_stay(
    rich_docx: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    review = reviewer.review_path(rich_docx).to_dict(with_text=True)
    for f in review["findings"]:
        f["status"] = "rejected" if f["text"] == "李秀英" else "approved"
    out = tmp_path / "partial.docx"
    write_redacted(rich_docx, review, out, rescan=rescan_with(reviewer))
    shown = read_document(out).text
    assert "李秀英" in shown and "王建国" not in shown


def test_writers_only_approved_unless_all_proposed(
    rich_docx: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    review = reviewer.review_path(rich_docx).to_dict(with_text=True)  # all "proposed"
    untouched = write_redacted(
        rich_docx, review, tmp_path / "none.docx", rescan=rescan_with(reviewer)
    )
    assert untouched.applied == 0
    everything = write_redacted(
        rich_docx, review, tmp_path / "all.docx", all_proposed=True, rescan=rescan_with(reviewer)
    )
    assert everything.applied == sum(1 for f in review["findings"] if f["action"] != "keep")


def test_writers_refuse_a_review_of_another_file(
    rich_docx: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    other = make_txt(tmp_path / "other.txt", "申请人张三，电话13920231234。")
    review = reviewer.review_path(other).to_dict(with_text=True)
    with pytest.raises(ReviewMismatch):
        write_redacted(rich_docx, review, tmp_path / "x.docx", rescan=rescan_with(reviewer))


# -- pdf ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cjk_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "告知书.pdf"
    return make_pdf(
        path,
        [
            [
                "行政处罚告知书",
                "当事人王建国，公民身份号码120116196503120030，",
                "联系电话13920231234，住天津市滨海新区大港街道东村三组12号。",
                "本机关拟作出罚款的行政处罚。",
            ],
            ["第二页：如对本告知有异议，可在五日内提出陈述申辩。", "申请人李秀英"],
        ],
    )


def test_writers_pdf_characters_removed_not_covered(
    cjk_pdf: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    src = pymupdf.open(str(cjk_pdf))
    src.set_metadata({"author": "孙丽", "title": "告知书"})
    page = src[0]
    page.add_text_annot((10, 10), "王建国的备注")
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 72, 200, 90),
                      "uri": "mailto:wangjianguo@example.cn"})  # fmt: skip
    with_extras = tmp_path / "with_extras.pdf"
    src.save(str(with_extras))
    src.close()

    review = approve_all(reviewer.review_path(with_extras).to_dict(with_text=True))
    texts = {f["text"] for f in review["findings"] if f["action"] != "keep"}
    assert {"王建国", ID, PHONE} <= texts
    out = tmp_path / "告知书.公开版.pdf"
    result = write_redacted(with_extras, review, out, rescan=rescan_with(reviewer))
    assert result.preserved >= 0.99

    pdf = pymupdf.open(str(out))
    raw = "".join(page.get_text() for page in pdf)  # a second reader besides pdfplumber
    for value in texts:
        assert value not in raw
    assert "本机关拟作出罚款的行政处罚" in raw and "陈述申辩" in raw
    assert not any(v for k, v in pdf.metadata.items() if k not in ("format", "encryption"))
    assert pdf.get_xml_metadata() == ""
    assert all(not list(page.annots()) and not page.get_links() for page in pdf)
    assert "PERSON" in raw  # the box says what was removed
    assert pdf.is_dirty is False
    data = out.read_bytes()
    assert data.count(b"%%EOF") == 1  # written whole, no incremental update


# -- txt ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_writers_txt_keeps_encoding_and_line_ends(
    encoding: str, reviewer: Reviewer, tmp_path: Path
) -> None:
    text = "关于王建国信访事项的答复\r\n王建国：\r\n  你反映的问题已收悉，联系电话13920231234。\r\n"
    src = make_txt(tmp_path / f"答复.{encoding}.txt", text, encoding)
    review = approve_all(reviewer.review_path(src).to_dict(with_text=True))
    out = tmp_path / f"out.{encoding}.txt"
    write_redacted(src, review, out, rescan=rescan_with(reviewer))
    data = out.read_bytes()
    written = data.decode(encoding)
    assert "王建国" not in written and PHONE not in written
    assert written.count("\r\n") == 3
    assert written.startswith("关于") and written.endswith("已收悉，联系电话139****1234。\r\n")
    assert data.startswith(text.encode(encoding)[:2])  # the same BOM (or none)


def test_writers_full_block_when_no_replacement(reviewer: Reviewer, tmp_path: Path) -> None:
    src = make_txt(tmp_path / "a.txt", "申请人王建国，电话13920231234。")
    review = approve_all(reviewer.review_path(src).to_dict(with_text=True))
    for f in review["findings"]:
        f["replacement"] = None
    out = tmp_path / "b.txt"
    write_redacted(src, review, out, rescan=rescan_with(reviewer))
    assert FULL_BLOCK * len(PHONE) in out.read_text(encoding="utf-8")


def test_writers_review_json_roundtrip(reviewer: Reviewer, tmp_path: Path) -> None:
    """What the CLI reads back: the review as JSON text."""
    src = make_txt(tmp_path / "a.txt", "申请人王建国，电话13920231234。")
    review = json.loads(json.dumps(reviewer.review_path(src).to_dict(with_text=True)))
    result = write_redacted(
        src, approve_all(review), tmp_path / "b.txt", rescan=rescan_with(reviewer)
    )
    assert result.by_type == {"PERSON": 1, "PHONE_NUMBER": 1}
    assert io.BytesIO(result.output.read_bytes()).read().decode("utf-8").count("王") == 1


# -- repeats -----------------------------------------------------------------------------------


def test_writers_repeat_an_approved_text_found_once(
    rich_docx: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    """A review that flags a name at one place only: the copy loses it everywhere (replaced
    alike), and without repeats the verification refuses the copy."""
    review = approve_all(reviewer.review_path(rich_docx).to_dict(with_text=True))
    text = read_document(rich_docx).text
    places = [f for f in review["findings"] if f["text"] == "王建国"]
    assert places and text.count("王建国") >= 2
    review["findings"] = [f for f in review["findings"] if f["text"] != "王建国"] + places[:1]

    with pytest.raises(VerificationError) as caught:
        write_redacted(rich_docx, review, tmp_path / "once.docx", repeat=False, rescan=None)
    assert any("王建国" in p for p in caught.value.problems)
    assert not (tmp_path / "once.docx").exists()

    out = tmp_path / "everywhere.docx"
    result = write_redacted(rich_docx, review, out, rescan=rescan_with(reviewer))
    assert result.repeated == text.count("王建国") - 1
    shown = read_document(out).text
    assert "王建国" not in shown and "王建国" not in all_xml_text(out)
    assert shown.count(places[0]["replacement"]) >= text.count("王建国")


def test_writers_verification_refuses_a_pdf_writer_that_wipes_other_text(
    cjk_pdf: Path, reviewer: Reviewer, tmp_path: Path
) -> None:
    """A writer that also burns a line nobody approved: the text kept falls under the floor,
    so the copy is refused even though nothing approved is left in it."""
    from gkreview.redact.writers.pdf import write_pdf
    from gkreview.redact.writers.plan import Edit

    review = approve_all(reviewer.review_path(cjk_pdf).to_dict(with_text=True))
    line = "本机关拟作出罚款的行政处罚。第二页：如对本告知有异议，可在五日内提出陈述申辩。"

    def wipes_lines(data: bytes, doc: Any, edits: list) -> bytes:
        extra = []
        for part in line.split("。")[:2]:
            start = doc.text.index(part)
            extra.append(Edit(start, start + len(part), part, "", "PERSON", "bug"))
        return write_pdf(data, doc, sorted([*edits, *extra], key=lambda e: e.start))

    out = tmp_path / "wiped.pdf"
    with pytest.raises(VerificationError) as caught:
        write_redacted(cjk_pdf, review, out, writer=wipes_lines, rescan=None)
    assert not out.exists()
    assert any("其余文字只保留了" in p for p in caught.value.problems)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("cropped", [False, True])
def test_writers_pdf_rotated_or_cropped_page_redacted_where_shown(
    rotation: int, cropped: bool, cjk_pdf: Path, tmp_path: Path
) -> None:
    """pdfplumber's boxes are on the page as shown (/Rotate applied, from the media box's
    corner); PyMuPDF's annotations go on the unrotated page from the crop box's corner:
    without the conversion, other glyphs go and the verification refuses the copy."""
    turned = tmp_path / "turned.pdf"
    with pymupdf.open(str(cjk_pdf)) as pdf:
        if cropped:
            pdf[0].set_cropbox(pymupdf.Rect(40, 30, 545, 791))
        pdf[0].set_rotation(rotation)
        pdf.save(str(turned))
    text = read_document(turned).text
    # pdfplumber reads a page turned upside down backwards: the finding is made by hand, on
    # whichever way the reader gives the name and the number.
    findings = []
    for value in ("王建国", "国建王", ID, ID[::-1]):
        at = text.find(value)
        if at >= 0:
            findings.append(
                {"id": f"f{at}", "type": "PERSON", "start": at, "end": at + len(value),
                 "text": value, "action": "redact", "replacement": None, "status": "approved"}
            )  # fmt: skip
    assert len(findings) == 2, text
    review = {"schema": "gkreview.review/1", "findings": findings}
    out = tmp_path / "turned.out.pdf"
    result = write_redacted(turned, review, out, rescan=None)
    assert result.preserved >= 0.99
    with pymupdf.open(str(out)) as pdf:
        raw = "".join(page.get_text() for page in pdf)
        assert pdf[0].rotation == rotation
    assert "王建国" not in raw and ID not in raw
    assert not any(ch in raw for ch in "王建国")
    assert "本机关拟作出罚款的行政处罚" in raw and "当事人" in raw
