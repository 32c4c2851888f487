"""The annotated copy: one Word comment per finding, anchored on exactly its characters."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from gkreview.ingest.reader import read_document
from gkreview.review.annotate_docx import AUTHOR, annotate_docx
from gkreview.review.pipeline import Reviewer
from tests.docmakers import comment, make_docx, table, text_box, tracked_insertion

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd, in order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: list[str] = []
    texts: dict[str, str] = {}
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.append(el.get(f"{W}id"))
            texts[el.get(f"{W}id")] = ""
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.remove(el.get(f"{W}id"))
        elif el.tag in (f"{W}t", f"{W}tab"):
            piece = el.text or "" if el.tag == f"{W}t" else "\t"
            for cid in open_ids:
                texts[cid] += piece
    return texts


def anchored_runs(data: bytes, comment_id: int) -> list[Any]:
    """The w:r elements with text inside one comment's range."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    inside, runs = False, []
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == str(comment_id):
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == str(comment_id):
            break
        elif inside and el.tag == f"{W}r" and el.find(f"{W}t") is not None:
            runs.append(el)
    return runs


def by_hand(text: str, values: list[str], occurrence: int = 0) -> list[dict[str, Any]]:
    """Findings for exact values (the n-th occurrence), in the contract's JSON form."""
    findings = []
    for i, value in enumerate(values, 1):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(value, start + 1)
        findings.append(
            {
                "id": f"f{i}",
                "type": "PHONE_NUMBER" if value.isdigit() else "PERSON",
                "label": "电话号码" if value.isdigit() else "姓名",
                "start": start,
                "end": start + len(value),
                "text": value,
                "score": 0.9,
                "action": "mask",
                "replacement": "*" * len(value),
                "recognizer": "test",
                "explanation": "测试",
                "status": "proposed",
            }
        )
    return findings


def test_annotate_docx_real_review_one_comment_per_finding(
    tmp_path: Path, reviewer: Reviewer
) -> None:
    path = make_docx(
        tmp_path / "通知.docx",
        [
            "关于核实困难群众救助对象的通知",
            ["申请人王", "小", "明，身份证号110101", "19900307", "1234，电话138", "0013", "8000。"],
            table([["姓名", "联系电话"], ["李建华", "13912345678"]]),
            tracked_insertion("补充联系人赵", "丽娟", "，电话13700001111。"),
            comment("经办人意见：同意。", "请核对", author="王五"),
            text_box("附件说明", "联系人陈志强，电话13611112222"),
        ],
    )
    doc = read_document(path)
    review = reviewer.review_path(path).to_dict(with_text=True)
    findings = review["findings"]
    phones = [f for f in findings if f["type"] == "PHONE_NUMBER"]
    assert "13800138000" in {f["text"] for f in phones}  # split over three runs
    assert len(findings) >= 5

    result = annotate_docx(path.read_bytes(), doc.text, doc.offsets, findings)
    assert len(result.annotations) == len(findings)
    assert all(a.placed for a in result.annotations)

    anchored = anchored_texts(result.data)
    annotated = docx.Document(io.BytesIO(result.data))
    ours = [c for c in annotated.comments if c.author == AUTHOR]
    assert len(ours) == len(findings)
    for finding, annotation in zip(findings, result.annotations, strict=True):
        assert anchored[str(annotation.comment_id)] == finding["text"]
        body = next(c for c in ours if c.comment_id == annotation.comment_id).text
        assert finding["text"] in body and finding["label"] in body
    # The drafter's own comment is still there, beside ours.
    assert [c.author for c in annotated.comments].count("王五") == 1

    # The document says exactly what it said before.
    (tmp_path / "annotated.docx").write_bytes(result.data)
    assert read_document(tmp_path / "annotated.docx").text == doc.text


def test_annotate_docx_split_runs_keep_formatting(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx", [["联系人：王", "小", "明，电话13800138000。"]]
    )  # runs: plain, bold, italic
    doc = read_document(path)
    findings = by_hand(doc.text, ["王小明", "13800138000"])
    result = annotate_docx(path.read_bytes(), doc.text, doc.offsets, findings)

    anchored = anchored_texts(result.data)
    assert [anchored[str(a.comment_id)] for a in result.annotations] == ["王小明", "13800138000"]
    runs = anchored_runs(result.data, result.annotations[0].comment_id)
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in runs] == ["王", "小", "明"]

    def flag(run: Any, tag: str) -> bool:
        el = run.find(f"{W}rPr/{W}{tag}")
        return el is not None and el.get(f"{W}val") not in ("0", "false")

    assert [(flag(r, "b"), flag(r, "i")) for r in runs] == [
        (False, False),
        (True, False),
        (False, True),
    ]
    phone_run = anchored_runs(result.data, result.annotations[1].comment_id)
    assert len(phone_run) == 1 and flag(phone_run[0], "i")  # cut out of the italic run

    (tmp_path / "out.docx").write_bytes(result.data)
    assert read_document(tmp_path / "out.docx").text == doc.text


def test_annotate_docx_adjacent_findings_and_tabs(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("张三李四")
    run = paragraph.add_run("电话\t13800138000\t备注")
    run.underline = True
    document.save(tmp_path / "t.docx")
    path = tmp_path / "t.docx"
    doc = read_document(path)
    findings = by_hand(doc.text, ["张三", "李四", "13800138000"])
    result = annotate_docx(path.read_bytes(), doc.text, doc.offsets, findings)

    anchored = anchored_texts(result.data)
    assert [anchored[str(a.comment_id)] for a in result.annotations] == [
        "张三",
        "李四",
        "13800138000",
    ]  # the tabs either side of the number stay outside its comment
    (tmp_path / "out.docx").write_bytes(result.data)
    assert read_document(tmp_path / "out.docx").text == doc.text
    for r in anchored_runs(result.data, result.annotations[2].comment_id):
        assert r.find(f"{W}rPr/{W}u") is not None


def test_annotate_docx_header_finding_is_commented_in_the_body(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "h.docx", ["正文第一段，联系人张三。"], header="页眉联系人李四")
    doc = read_document(path)
    findings = [*by_hand(doc.text, ["张三"]), *by_hand(doc.text, ["李四"])]
    findings[1]["id"] = "f2"
    result = annotate_docx(path.read_bytes(), doc.text, doc.offsets, findings)

    assert [a.placed for a in result.annotations] == [True, False]
    assert "header" in result.unplaced[0].where
    comments = {c.comment_id: c.text for c in docx.Document(io.BytesIO(result.data)).comments}
    assert "页眉" in comments[result.annotations[1].comment_id]
    assert "李四" in comments[result.annotations[1].comment_id]
    assert anchored_texts(result.data)[str(result.annotations[0].comment_id)] == "张三"


def test_annotate_docx_across_tracked_insertion_and_in_text_box(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "i.docx",
        [
            tracked_insertion("补充联系人赵", "丽娟", "，电话13700001111。"),
            text_box("附件说明", "联系人陈志强，电话13611112222"),
        ],
    )
    doc = read_document(path)
    findings = by_hand(doc.text, ["赵丽娟", "陈志强", "13611112222"])
    result = annotate_docx(path.read_bytes(), doc.text, doc.offsets, findings)

    anchored = anchored_texts(result.data)
    assert [anchored[str(a.comment_id)] for a in result.annotations] == [
        "赵丽娟",
        "陈志强",
        "13611112222",
    ]
    (tmp_path / "out.docx").write_bytes(result.data)
    assert read_document(tmp_path / "out.docx").text == doc.text


def test_annotate_docx_run_holding_its_own_text_box(tmp_path: Path) -> None:
    """A run with text and a text box: cutting the run must not lose the box's comment."""
    document = docx.Document()
    text_box("", "联系人陈志强")(document)
    anchor_paragraph = document.paragraphs[-1]
    box_run = anchor_paragraph.runs[-1]._r
    holder = anchor_paragraph.add_run("经办人王小明，见右框")
    holder._r.append(box_run[-1])  # the mc:AlternateContent moves into the text run
    anchor_paragraph._p.remove(box_run)
    document.save(tmp_path / "b.docx")
    path = tmp_path / "b.docx"
    doc = read_document(path)
    assert "陈志强" in doc.text
    findings = by_hand(doc.text, ["王小明", "陈志强"])
    result = annotate_docx(path.read_bytes(), doc.text, doc.offsets, findings)

    anchored = anchored_texts(result.data)
    assert [anchored[str(a.comment_id)] for a in result.annotations] == ["王小明", "陈志强"]
    (tmp_path / "out.docx").write_bytes(result.data)
    assert read_document(tmp_path / "out.docx").text == doc.text
