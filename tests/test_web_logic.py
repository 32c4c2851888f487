"""The web app's pure parts: decisions on a review, content sniffing, risk, highlighting."""

from __future__ import annotations

import copy

import pytest

from gkreview.review.web import decisions
from gkreview.review.web.highlight import pieces
from gkreview.review.web.risk import risk_level, risk_score
from gkreview.review.web.sniff import UnacceptedUpload, sniff
from gkreview.review.web.store import safe_name

TEXT = "申请人王小明，电话13800001111，住在幸福村3组。"
REVIEW = {
    "text": TEXT,
    "disclosure": {"attribute": "public", "label": "主动公开", "marking": "此件公开发布",
                   "confidence": 0.9, "reasons": [], "partial": True},
    "findings": [
        {"id": "f1", "type": "PERSON", "start": 3, "end": 6, "text": "王小明",
         "action": "pseudonymize", "status": "proposed"},
        {"id": "f2", "type": "PHONE_NUMBER", "start": 9, "end": 20, "text": "13800001111",
         "action": "mask", "status": "proposed"},
        {"id": "f3", "type": "CN_USCC", "start": 0, "end": 2, "text": "申请", "action": "keep",
         "status": "proposed"},
    ],
}  # fmt: skip


@pytest.fixture
def review() -> dict:
    return copy.deepcopy(REVIEW)


def test_decisions_decide_records_previous_status(review: dict) -> None:
    done = decisions.decide(review, "f1", "approved", "li")
    assert (done.status, done.previous_status) == ("approved", "proposed")
    assert review["findings"][0]["decided_by"] == "li"
    with pytest.raises(decisions.DecisionError):
        decisions.decide(review, "f1", "maybe", "li")
    with pytest.raises(decisions.DecisionError):
        decisions.decide(review, "f9", "approved", "li")


def test_decisions_pending_ignores_kept(review: dict) -> None:
    assert [f["id"] for f in decisions.pending(review)] == ["f1", "f2"]
    assert [d.finding_id for d in decisions.decide_all(review, "li")] == ["f1", "f2"]
    assert decisions.pending(review) == []
    assert review["findings"][2]["status"] == "proposed"  # kept officials are not approved


def test_decisions_sign_needs_every_decision(review: dict) -> None:
    with pytest.raises(decisions.DecisionError, match="未决定"):
        decisions.sign(review, "li", "2026-01-01T00:00:00+00:00", "0" * 64)
    decisions.decide_all(review, "li")
    decisions.sign(review, "li", "2026-01-01T00:00:00+00:00", "0" * 64)
    assert review["signature"]["signed_by"] == "li"


def test_decisions_add_finding(review: dict) -> None:
    start = TEXT.index("幸福村3组")
    added = decisions.add_finding(review, start, start + 5, "ADDRESS", "li")
    assert added["text"] == "幸福村3组" and added["status"] == "approved"
    assert added["id"] == "m1" and added["recognizer"] == "officer"
    assert [f["start"] for f in review["findings"]] == sorted(
        f["start"] for f in review["findings"]
    )


@pytest.mark.parametrize(
    ("start", "end", "entity_type"),
    [
        (4, 8, "PERSON"),
        (5, 5, "PERSON"),
        (0, 999, "PERSON"),
        (21, 22, "NOT_A_TYPE"),
        (0, 1, "PERSON"),
    ],
)
def test_decisions_add_finding_refused(
    review: dict, start: int, end: int, entity_type: str
) -> None:
    with pytest.raises(decisions.DecisionError):
        decisions.add_finding(review, start, end, entity_type, "li")


def test_decisions_settle_attribute(review: dict) -> None:
    with pytest.raises(decisions.DecisionError):
        decisions.settle_attribute(review, "not_public", None, "涉及个人隐私信息", "li")
    with pytest.raises(decisions.DecisionError):
        decisions.settle_attribute(review, "not_public", "personal_privacy", "短", "li")
    with pytest.raises(decisions.DecisionError):  # a public ground cannot withhold
        decisions.settle_attribute(review, "public", "personal_privacy", "涉及个人隐私信息", "li")
    previous = decisions.settle_attribute(
        review, "not_public", "personal_privacy", "涉及个人隐私信息", "li"
    )
    disclosure = review["disclosure"]
    assert previous == "public"
    assert (disclosure["label"], disclosure["marking"]) == ("不予公开", "此件不予公开")
    assert disclosure["reasons"][0]["article"] == "第十五条"
    decisions.settle_attribute(review, "on_request", None, "改为依申请公开", "li")
    assert disclosure["decision"]["proposed_attribute"] == "public"
    assert not any(r.get("by_officer") for r in disclosure["reasons"])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.4\n...", "pdf"),
        ("普通文本，GBK 编码".encode("gbk"), "txt"),
        ("UTF-8 文本\r\n第二行".encode(), "txt"),
        ("\ufeffUTF-16 文本".encode("utf-16"), "txt"),
    ],
)
def test_sniff_accepts(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_sniff_docx_needs_word_part(tmp_path) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert sniff(buffer.getvalue()) == "docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnacceptedUpload):
        sniff(buffer.getvalue())


def test_risk_orders_secrecy_then_withheld_then_personal_data(review: dict) -> None:
    plain = {"disclosure": {"attribute": "public", "confidence": 1.0}, "findings": []}
    withheld = {"disclosure": {"attribute": "not_public", "confidence": 0.8}, "findings": []}
    secret = {**withheld, "document": {"secrecy": {"level": "秘密"}}}
    scores = [risk_score(r) for r in (plain, review, withheld, secret)]
    assert scores == sorted(scores) and len(set(scores)) == 4
    assert risk_level(scores[-1])[0] == "high" and risk_level(scores[0])[0] == "low"


def test_highlight_pieces_cover_text_once(review: dict) -> None:
    review["findings"].append({"id": "f4", "type": "PERSON", "start": 4, "end": 5, "text": "小"})
    parts = pieces(TEXT, review["findings"])
    assert "".join(p.text for p in parts) == TEXT
    assert [p.start for p in parts] == sorted(p.start for p in parts)
    assert all(TEXT[p.start : p.start + len(p.text)] == p.text for p in parts)
    assert [p.finding["id"] for p in parts if p.finding] == ["f3", "f1", "f2"]


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("../../etc/passwd", "txt", "passwd.txt"),
        ("C:\\Users\\王\\通知.DOCX", "docx", "通知.docx"),
        ("报告.pdf", "docx", "报告.docx"),
        ("", "pdf", "document.pdf"),
        ("a<b>:c.txt", "txt", "abc.txt"),
    ],
)
def test_store_safe_name(name: str, fmt: str, expected: str) -> None:
    assert safe_name(name, fmt) == expected


def test_risk_levels_for_what_officers_fear() -> None:
    def review(attribute: str, *types: str) -> dict:
        return {
            "disclosure": {"attribute": attribute, "confidence": 1.0},
            "findings": [{"type": t, "action": "mask"} for t in types],
        }

    assert risk_level(risk_score(review("public")))[0] == "low"
    assert risk_level(risk_score(review("public", "PERSON")))[0] == "low"
    assert risk_level(risk_score(review("public", "CN_ID_CARD")))[0] == "medium"
    assert risk_level(risk_score(review("on_request")))[0] == "medium"
    assert risk_level(risk_score(review("not_public")))[0] == "high"
