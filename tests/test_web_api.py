"""The web app in-process (FastAPI's TestClient over a real SQLite database): the workflow,
roles, and what the audit trail keeps."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from gkreview.ingest.reader import read_bytes
from gkreview.review.audit import AuditLog
from tests.web_documents import ID_CARD, NAME, PHONE, notice_docx, notice_pdf


def upload(client, path: Path, name: str | None = None) -> str:
    response = client.post(
        "/upload",
        data={"csrf_token": client.csrf},
        files={"file": (name or path.name, path.read_bytes(), "application/octet-stream")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return response.headers["location"].rsplit("/", 1)[1]


def review_json(client, review_id: str) -> dict:
    response = client.get(f"/reviews/{review_id}/review.json")
    assert response.status_code == 200
    return response.json()


def test_web_login_sets_httponly_samesite_cookie(login) -> None:
    client = login("officer1")
    cookie = next(c for c in client.cookies.jar if c.name == "gk_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert client.get("/queue").status_code == 200


def test_web_login_wrong_password_refused(login) -> None:
    with pytest.raises(AssertionError):
        login("officer1", "not the password")


def test_web_drafter_uploads_officer_approves_signs_downloads(
    login, tmp_path: Path, review_schema: dict
) -> None:
    drafter, officer = login("drafter1"), login("officer1")
    review_id = upload(drafter, notice_docx(tmp_path))
    page = drafter.get(f"/reviews/{review_id}").text
    assert NAME in page and 'data-testid="approve-' not in page  # the drafter sees, no buttons

    queue = officer.get("/queue").text
    assert review_id in queue
    review = review_json(officer, review_id)
    flagged = [f for f in review["findings"] if f["action"] != "keep"]
    assert {"PERSON", "CN_ID_CARD", "PHONE_NUMBER"} <= {f["type"] for f in flagged}
    assert "关于发放" in review["text"]

    sign_early = officer.post(f"/reviews/{review_id}/sign", data={"csrf_token": officer.csrf})
    assert sign_early.status_code == 409 and "未决定" in sign_early.text

    for f in flagged:
        response = officer.post(
            f"/reviews/{review_id}/findings/{f['id']}",
            data={"csrf_token": officer.csrf, "decision": "approved"},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200 and "s-approved" in response.text
    response = officer.post(
        f"/reviews/{review_id}/sign", data={"csrf_token": officer.csrf}, follow_redirects=False
    )
    assert response.status_code == 303

    copy = drafter.get(f"/reviews/{review_id}/redacted")  # the drafter may take the copy
    assert copy.status_code == 200
    assert "attachment" in copy.headers["content-disposition"]
    text = read_bytes(copy.content, "copy.docx").text
    assert NAME not in text and ID_CARD not in text and PHONE not in text
    assert "临时救助条件" in text

    signed = review_json(officer, review_id)
    jsonschema.validate(signed, review_schema)
    assert signed["signature"]["signed_by"] == "officer1"
    assert all(f["status"] == "approved" for f in signed["findings"] if f["action"] != "keep")
    again = officer.post(
        f"/reviews/{review_id}/findings/{flagged[0]['id']}",
        data={"csrf_token": officer.csrf, "decision": "rejected"},
    )
    assert again.status_code == 409  # a signed review is closed


def test_web_pdf_signed_copy_is_clean(login, tmp_path: Path) -> None:
    officer = login("officer1")
    review_id = upload(officer, notice_pdf(tmp_path))
    assert (
        officer.post(
            f"/reviews/{review_id}/approve-all", data={"csrf_token": officer.csrf}
        ).status_code
        == 200
    )
    assert (
        officer.post(f"/reviews/{review_id}/sign", data={"csrf_token": officer.csrf}).status_code
        == 200
    )
    copy = officer.get(f"/reviews/{review_id}/redacted")
    assert copy.headers["content-type"] == "application/pdf"
    text = read_bytes(copy.content, "copy.pdf").text
    assert ID_CARD not in text and NAME not in text


def test_web_rejected_finding_stays_in_copy(login, tmp_path: Path) -> None:
    officer = login("officer1")
    review_id = upload(officer, notice_docx(tmp_path))
    flagged = [f for f in review_json(officer, review_id)["findings"] if f["action"] != "keep"]
    phone = next(f for f in flagged if f["type"] == "PHONE_NUMBER")
    for f in flagged:
        decision = "rejected" if f is phone else "approved"
        officer.post(
            f"/reviews/{review_id}/findings/{f['id']}",
            data={"csrf_token": officer.csrf, "decision": decision},
        )
    officer.post(f"/reviews/{review_id}/sign", data={"csrf_token": officer.csrf})
    text = read_bytes(officer.get(f"/reviews/{review_id}/redacted").content, "c.docx").text
    assert PHONE in text and ID_CARD not in text


def test_web_officer_adds_missed_finding_by_offsets(login, tmp_path: Path) -> None:
    officer = login("officer1")
    review_id = upload(officer, notice_docx(tmp_path))
    text = review_json(officer, review_id)["text"]
    start = text.index("北京市朝阳区民政局")
    end = start + len("北京市朝阳区民政局")
    response = officer.post(
        f"/reviews/{review_id}/findings",
        data={"csrf_token": officer.csrf, "start": start, "end": end, "type": "ADDRESS"},
    )
    assert response.status_code == 200
    added = next(f for f in review_json(officer, review_id)["findings"] if f["id"] == "m1")
    assert added["text"] == "北京市朝阳区民政局" and added["status"] == "approved"
    overlap = officer.post(
        f"/reviews/{review_id}/findings",
        data={"csrf_token": officer.csrf, "start": start + 1, "end": end, "type": "PERSON"},
    )
    assert overlap.status_code == 409


def test_web_attribute_change_needs_explanation_and_ground(login, tmp_path: Path) -> None:
    officer = login("officer1")
    review_id = upload(officer, notice_docx(tmp_path))
    url = f"/reviews/{review_id}/attribute"
    no_reason = officer.post(
        url,
        data={
            "csrf_token": officer.csrf,
            "attribute": "not_public",
            "ground": "personal_privacy",
            "explanation": "",
        },
    )
    assert no_reason.status_code == 409 and "理由" in no_reason.text
    no_ground = officer.post(
        url,
        data={
            "csrf_token": officer.csrf,
            "attribute": "not_public",
            "explanation": "涉及个人救助信息",
        },
    )
    assert no_ground.status_code == 409
    ok = officer.post(
        url,
        data={
            "csrf_token": officer.csrf,
            "attribute": "not_public",
            "ground": "personal_privacy",
            "explanation": "涉及个人救助信息",
        },
    )
    assert ok.status_code == 200
    disclosure = review_json(officer, review_id)["disclosure"]
    assert disclosure["attribute"] == "not_public" and disclosure["label"] == "不予公开"
    assert disclosure["reasons"][0]["code"] == "personal_privacy"
    assert disclosure["decision"]["explanation"] == "涉及个人救助信息"


def test_web_queue_sorted_by_risk(login, tmp_path: Path) -> None:
    from tests.docmakers import make_txt

    officer = login("officer1")
    plain = upload(
        officer,
        make_txt(
            tmp_path / "plain.txt",
            "关于召开全区安全生产工作会议的通知\n各单位：定于5月10日召开会议。\n区政府办公室",
        ),
    )
    risky = upload(officer, notice_docx(tmp_path))
    secret = upload(
        officer,
        make_txt(
            tmp_path / "secret.txt",
            "秘密★5年\n关于边境防务部署调整的通知\n各有关单位：现将部署调整事项通知如下。",
        ),
    )
    queue = officer.get("/queue").text
    assert queue.index(secret) < queue.index(risky) < queue.index(plain)


def test_web_audit_trail_records_decisions_without_personal_data(
    login, web, tmp_path: Path
) -> None:
    officer = login("officer1")
    review_id = upload(officer, notice_docx(tmp_path))
    officer.post(f"/reviews/{review_id}/approve-all", data={"csrf_token": officer.csrf})
    officer.post(
        f"/reviews/{review_id}/attribute",
        data={
            "csrf_token": officer.csrf,
            "attribute": "not_public",
            "ground": "personal_privacy",
            "explanation": f"含{NAME}的身份证号",
        },
    )
    officer.post(f"/reviews/{review_id}/sign", data={"csrf_token": officer.csrf})
    officer.get(f"/reviews/{review_id}/redacted")
    log = AuditLog(web.engine)
    entries = log.entries()
    actions = [e.action for e in entries if e.review_id == review_id]
    assert actions[:2] == ["upload", "review_created"]
    assert {"finding_decided", "attribute_changed", "signed", "downloaded"} <= set(actions)
    dump = json.dumps([e.detail for e in entries], ensure_ascii=False)
    assert NAME not in dump and ID_CARD not in dump and PHONE not in dump
    assert log.verify() == []


def test_web_drafter_cannot_approve_sign_or_see_queue(login, tmp_path: Path) -> None:
    drafter = login("drafter1")
    review_id = upload(drafter, notice_docx(tmp_path))
    f = review_json(drafter, review_id)["findings"][0]
    decide = drafter.post(
        f"/reviews/{review_id}/findings/{f['id']}",
        data={"csrf_token": drafter.csrf, "decision": "approved"},
    )
    assert decide.status_code == 403
    assert (
        drafter.post(f"/reviews/{review_id}/sign", data={"csrf_token": drafter.csrf}).status_code
        == 403
    )
    assert drafter.get("/queue").status_code == 403
    assert review_json(drafter, review_id)["findings"][0]["status"] == "proposed"


def test_web_drafter_sees_only_own_reviews(login, web, tmp_path: Path) -> None:
    web.users.add("drafter2", "drafter", "correct horse battery")
    first, second = login("drafter1"), login("drafter2")
    review_id = upload(first, notice_docx(tmp_path))
    assert second.get(f"/reviews/{review_id}").status_code == 403
    assert second.get(f"/reviews/{review_id}/review.json").status_code == 403
    assert review_id not in second.get("/mine").text


def test_web_admin_adds_user_but_does_not_review(login) -> None:
    admin = login("admin1")
    response = admin.post(
        "/users",
        data={
            "csrf_token": admin.csrf,
            "name": "officer2",
            "role": "officer",
            "password": "another long one",
        },
    )
    assert response.status_code == 200 and "officer2" in response.text
    assert login("officer2", "another long one").get("/queue").status_code == 200
    assert admin.get("/queue").status_code == 403


def test_web_review_page_shows_its_history(login, tmp_path: Path) -> None:
    officer = login("officer1")
    review_id = upload(officer, notice_docx(tmp_path))
    officer.post(f"/reviews/{review_id}/approve-all", data={"csrf_token": officer.csrf})
    page = officer.get(f"/reviews/{review_id}").text
    history = page[page.index('id="history"') :]
    assert "上传" in history and "决定" in history and "status=approved" in history
    assert NAME not in history and ID_CARD not in history


def test_web_admin_disables_user_and_resets_password(login, web) -> None:
    admin, drafter = login("admin1"), login("drafter1")
    drafter_id = next(u.id for u in web.users.all() if u.name == "drafter1")
    response = admin.post(
        f"/users/{drafter_id}", data={"csrf_token": admin.csrf, "action": "disable"}
    )
    assert response.status_code == 200 and "已停用" in response.text
    assert drafter.get("/mine", follow_redirects=False).status_code == 303  # session ended
    assert web.users.authenticate("drafter1", "correct horse battery") is None

    admin.post(f"/users/{drafter_id}", data={"csrf_token": admin.csrf, "action": "enable"})
    admin.post(
        f"/users/{drafter_id}",
        data={"csrf_token": admin.csrf, "action": "password", "password": "a brand new one"},
    )
    assert login("drafter1", "a brand new one").get("/mine").status_code == 200
    admin_id = next(u.id for u in web.users.all() if u.name == "admin1")
    own = admin.post(f"/users/{admin_id}", data={"csrf_token": admin.csrf, "action": "disable"})
    assert own.status_code == 409
    actions = [e.action for e in web.audit.entries()]
    assert {"user_disabled", "user_enabled", "password_reset"} <= set(actions)
    officer = login("officer1")
    forbidden = officer.post(
        f"/users/{drafter_id}", data={"csrf_token": officer.csrf, "action": "disable"}
    )
    assert forbidden.status_code == 403


def test_web_gbk_text_copy_is_served_in_its_own_charset(login, tmp_path: Path) -> None:
    from tests.docmakers import make_txt

    officer = login("officer1")
    text = f"关于发放救助金的通知\n申请人{NAME}，身份证号{ID_CARD}，符合救助条件。\n"
    review_id = upload(officer, make_txt(tmp_path / "gbk.txt", text, encoding="gbk"))
    officer.post(f"/reviews/{review_id}/approve-all", data={"csrf_token": officer.csrf})
    officer.post(f"/reviews/{review_id}/sign", data={"csrf_token": officer.csrf})
    copy = officer.get(f"/reviews/{review_id}/redacted")
    charset = copy.headers["content-type"].split("charset=")[1]
    served = copy.content.decode(charset)
    assert "符合救助条件" in served and ID_CARD not in served and NAME not in served
    assert charset.lower() != "utf-8"
