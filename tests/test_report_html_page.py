"""The HTML review: findings highlighted by type, untrusted text escaped, nothing external."""

from __future__ import annotations

import copy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from gkreview.redact.entities import label
from gkreview.review.pipeline import Reviewer
from gkreview.review.report_html import render_html
from tests.docmakers import make_docx, make_txt

MALICIOUS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
TEXT = (
    "关于发放困难群众临时救助金的通知\n"
    f"备注：{MALICIOUS}\n"
    "申请人张伟，身份证号110101199003071233，联系电话13800138000，"
    "住址北京市东城区东华门街道南池子大街12号。\n"
    "开户行账号6222020200112233445。\n"
)


class Page(HTMLParser):
    """Collects the tags, the highlighted findings and the document text of a review page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: dict[str, dict[str, Any]] = {}
        self.ids: set[str] = set()
        self.doc_text: list[str] = []
        self.table_heads: list[str] = []
        self.style = ""
        self._stack: list[str] = []
        self._doc_depth: int | None = None
        self._open_marks: list[str] = []
        self._in_th = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "div" and a.get("class") == "doc":
            self._doc_depth = len(self._stack)
        if tag == "mark" and self._doc_depth is not None:
            fid = str(a["data-finding"])
            self.marks[fid] = {"type": a["data-type"], "class": a["class"], "text": ""}
            self._open_marks.append(fid)
        self._in_th = tag == "th"
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._stack.pop()
        if tag == "mark" and self._open_marks:
            self._open_marks.pop()
        if tag == "div" and self._doc_depth == len(self._stack):
            self._doc_depth = None
        self._in_th = False

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "style":
            self.style += data
        if self._doc_depth is not None:
            self.doc_text.append(data)
            for fid in self._open_marks:
                self.marks[fid]["text"] += data
        if self._in_th:
            self.table_heads.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def review_of(tmp_path: Path, reviewer: Reviewer) -> dict[str, Any]:
    path = make_txt(tmp_path / "通知.txt", TEXT)
    return reviewer.review_path(path).to_dict(with_text=True)


def test_report_html_every_finding_highlighted_with_its_type(
    tmp_path: Path, reviewer: Reviewer
) -> None:
    review = review_of(tmp_path, reviewer)
    findings = review["findings"]
    assert {"13800138000", "110101199003071233"} <= {f["text"] for f in findings}
    page = parse(render_html(review))

    assert len(page.marks) == len(findings)
    for f in findings:
        mark = page.marks[f["id"]]
        assert mark["text"] == f["text"]
        assert mark["type"] == f["type"]
    legend = {
        a.get("data-type")
        for tag, a in page.tags
        if tag == "span" and "sw" in (a.get("class") or "")
    }
    assert {f["type"] for f in findings} <= legend
    assert page.table_heads[:8] == [
        "序号",
        "类型",
        "原文",
        "建议处理",
        "替换为",
        "置信度",
        "识别器",
        "状态",
    ]
    # Every type's Chinese label is on the page, and the whole text is there, in order.
    body = "".join(page.doc_text)
    assert body == review["text"]
    html = render_html(review)
    for f in findings:
        assert label(f["type"]) in html


def test_report_html_escapes_the_document_text(tmp_path: Path, reviewer: Reviewer) -> None:
    review = review_of(tmp_path, reviewer)
    html = render_html(review)
    page = parse(html)
    assert not [t for t, _ in page.tags if t in ("script", "img", "iframe", "object")]
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert MALICIOUS in "".join(page.doc_text)

    # Hostile codes and texts in the review file itself are escaped too.
    hostile = copy.deepcopy(review)
    hostile["findings"][0]["type"] = '"><script>alert(2)</script>'
    hostile["findings"][0]["recognizer"] = "<script>alert(3)</script>"
    hostile["document"]["title"] = "</title><script>alert(4)</script>"
    page = parse(render_html(hostile))
    assert not [t for t, _ in page.tags if t == "script"]


def test_report_html_is_self_contained(tmp_path: Path, reviewer: Reviewer) -> None:
    review = review_of(tmp_path, reviewer)
    page = parse(render_html(review))
    assert not [t for t, _ in page.tags if t in ("link", "script", "img", "iframe")]
    for _, attrs in page.tags:
        for key in ("href", "src"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), value
    assert "url(" not in page.style and "@import" not in page.style
    assert "http" not in page.style


def test_report_html_kept_findings_and_evidence(tmp_path: Path, reviewer: Reviewer) -> None:
    review = review_of(tmp_path, reviewer)
    review["findings"][0]["action"] = "keep"
    review["findings"][0]["replacement"] = None
    review["disclosure"]["reasons"] = [
        {
            "code": "people_livelihood",
            "label": "社会救助",
            "article": "第二十条",
            "explanation": "救助信息应主动公开",
            "evidence": [{"start": 7, "end": 10, "text": review["text"][7:10]}],
        }
    ]
    page = parse(render_html(review))
    kept = page.marks[review["findings"][0]["id"]]
    assert "keep" in kept["class"].split()
    others = [page.marks[f["id"]] for f in review["findings"][1:]]
    assert all("keep" not in m["class"].split() for m in others)
    assert "ev-1-1" in page.ids
    link_targets = {a.get("href") for t, a in page.tags if t == "a"}
    assert "#ev-1-1" in link_targets
    assert {f"#{f['id']}" for f in review["findings"]} <= link_targets


def test_report_html_from_a_docx(tmp_path: Path, reviewer: Reviewer) -> None:
    path = make_docx(
        tmp_path / "a.docx", ["关于张伟同志的通知", ["联系电话：138", "0013", "8000"], MALICIOUS]
    )
    review = reviewer.review_path(path).to_dict(with_text=True)
    page = parse(render_html(review))
    assert "".join(page.doc_text) == review["text"]
    assert any(m["text"] == "13800138000" for m in page.marks.values())
