"""The web app's defences, each tried the way an attacker would: forms without their CSRF
token, pages without a session, downloads by crafted paths, oversized and disguised uploads,
guessed passwords."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gkreview.review.web import create_app
from tests.web_documents import notice_docx


def test_web_security_headers_and_no_cdn(login) -> None:
    client = login("officer1")
    page = client.get("/upload")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith(("/", "#", "data:")) for s in sources), sources
    assert client.get("/static/htmx.min.js").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/queue"),
        ("get", "/mine"),
        ("get", "/upload"),
        ("get", "/users"),
        ("get", "/reviews/0123456789abcdef0123456789abcdef"),
        ("get", "/reviews/0123456789abcdef0123456789abcdef/redacted"),
        ("get", "/reviews/0123456789abcdef0123456789abcdef/review.json"),
    ],
)
def test_web_unauthenticated_get_goes_to_login(web, method: str, path: str) -> None:
    client = TestClient(create_app(services=web))
    response = getattr(client, method)(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize(
    "path",
    ["/upload", "/logout", "/users", "/reviews/0123456789abcdef0123456789abcdef/sign"],
)
def test_web_unauthenticated_post_refused(web, path: str) -> None:
    client = TestClient(create_app(services=web))
    response = client.post(path, data={"csrf_token": "x"}, follow_redirects=False)
    assert response.status_code == 401


def test_web_unauthenticated_cannot_download_a_real_review(login, web, tmp_path: Path) -> None:
    officer = login("officer1")
    review_id = (
        officer.post(
            "/upload",
            data={"csrf_token": officer.csrf},
            files={"file": ("a.docx", notice_docx(tmp_path).read_bytes())},
            follow_redirects=False,
        )
        .headers["location"]
        .rsplit("/", 1)[1]
    )
    stranger = TestClient(create_app(services=web))
    for suffix in ("", "/review.json", "/redacted"):
        response = stranger.get(f"/reviews/{review_id}{suffix}", follow_redirects=False)
        assert response.status_code == 303 and "李秀英" not in response.text


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_web_csrf_required_on_every_form(login, tmp_path: Path, token: str | None) -> None:
    officer = login("officer1")
    data = {} if token is None else {"csrf_token": token}
    upload = officer.post(
        "/upload", data=data, files={"file": ("a.docx", notice_docx(tmp_path).read_bytes())}
    )
    assert upload.status_code == 403 and "CSRF" in upload.text
    assert officer.post("/logout", data=data).status_code == 403
    assert officer.get("/queue").status_code == 200  # still logged in


def test_web_csrf_token_is_per_session(login) -> None:
    first, second = login("officer1"), login("drafter1")
    assert first.csrf != second.csrf
    response = second.post("/logout", data={"csrf_token": first.csrf})
    assert response.status_code == 403


def test_web_login_form_needs_its_csrf_cookie(web) -> None:
    client = TestClient(create_app(services=web))
    response = client.post(
        "/login",
        data={"name": "officer1", "password": "correct horse battery", "csrf_token": "guess"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "gk_session" not in response.cookies


def test_web_login_rate_limited(web) -> None:
    client = TestClient(create_app(services=web))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)

    def attempt(password: str) -> int:
        return client.post(
            "/login",
            data={"name": "officer1", "password": password, "csrf_token": token},
            follow_redirects=False,
        ).status_code

    assert [attempt(f"wrong-{i}") for i in range(5)] == [401] * 5
    assert attempt("correct horse battery") == 429  # even the right password, for a while
    actions = [e.action for e in web.audit.entries()]
    assert actions.count("login_failed") == 5 and "login_limited" in actions


def test_web_next_parameter_cannot_leave_the_site(web) -> None:
    client = TestClient(create_app(services=web))
    page = client.get("/login?next=//evil.example/x")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post(
        "/login",
        data={"name": "officer1", "password": "correct horse battery", "csrf_token": token,
              "next": "//evil.example/x"},
        follow_redirects=False,
    )  # fmt: skip
    assert response.headers["location"] == "/queue"


@pytest.mark.parametrize(
    "path",
    [
        "/reviews/..%2F..%2F..%2Fetc%2Fpasswd/redacted",
        "/reviews/%2e%2e/%2e%2e/pyproject.toml",
        "/reviews/../../pyproject.toml",
        "/reviews/0123456789abcdef0123456789abcdef/../../../etc/passwd",
        "/static/../../pyproject.toml",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/static/%2e%2e/%2e%2e/tables.py",
        "/reviews/0123456789ABCDEF0123456789ABCDEF/redacted",
    ],
)
def test_web_path_traversal_in_downloads(login, path: str) -> None:
    client = login("officer1")
    response = client.get(path, follow_redirects=False)
    assert response.status_code in (403, 404), (path, response.status_code)
    assert "[project]" not in response.text and "root:" not in response.text
    assert "reviews = Table" not in response.text


def test_web_oversized_upload_refused(login, web) -> None:
    client = login("officer1")
    big = b"%PDF-1.7\n" + b"0" * (web.settings.max_upload_bytes + 1)
    response = client.post(
        "/upload", data={"csrf_token": client.csrf}, files={"file": ("big.pdf", big)}
    )
    assert response.status_code == 413 and "过大" in response.text
    assert "upload" not in [e.action for e in web.audit.entries()]


def test_web_oversized_upload_without_length_refused(login, web) -> None:
    client = login("officer1")
    limit = web.settings.max_upload_bytes

    def chunks():
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    response = client.post(
        "/upload",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=b", "X-CSRF-Token": client.csrf},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "只接受"),
        ("archive.docx", b"PK\x03\x04" + b"\x00" * 64, "ZIP"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
        ("binary.txt", bytes(range(256)) * 4, "只接受"),
        ("empty.txt", b"", "空"),
    ],
)
def test_web_upload_type_sniffed_from_content(login, name: str, data: bytes, message: str) -> None:
    client = login("officer1")
    response = client.post(
        "/upload", data={"csrf_token": client.csrf}, files={"file": (name, data)}
    )
    assert response.status_code == 415 and message in response.text


def test_web_upload_without_text_refused(login) -> None:
    client = login("officer1")
    response = client.post(
        "/upload", data={"csrf_token": client.csrf}, files={"file": ("空白.txt", "　\n\n".encode())}
    )
    assert response.status_code == 422 and "没有文字" in response.text


def test_web_upload_name_does_not_decide_type(login, tmp_path: Path) -> None:
    client = login("officer1")
    data = notice_docx(tmp_path).read_bytes()
    response = client.post(
        "/upload",
        data={"csrf_token": client.csrf},
        files={"file": ("../../etc/通知.txt", data, "text/plain")},
        follow_redirects=False,
    )
    review_id = response.headers["location"].rsplit("/", 1)[1]
    review = client.get(f"/reviews/{review_id}/review.json").json()
    assert review["document"]["format"] == "docx"
    assert review["document"]["name"] == "通知.docx"


def test_web_logout_ends_the_session(login) -> None:
    client = login("officer1")
    cookie = client.cookies.get("gk_session")
    assert client.post("/logout", data={"csrf_token": client.csrf}).status_code == 200
    replay = TestClient(client.app, cookies={"gk_session": cookie})
    assert replay.get("/queue", follow_redirects=False).status_code == 303


def test_web_expired_session_refused(web) -> None:
    from gkreview.review.web.security import Limits, find_session, open_session

    token = open_session(web.engine, 1, Limits(session_seconds=-1))
    assert find_session(web.engine, token) is None
    assert find_session(web.engine, open_session(web.engine, 1, Limits())) is not None


def test_web_unexpected_error_is_one_sentence(login, web, monkeypatch, tmp_path: Path) -> None:
    client = login("officer1")

    def broken(data: bytes, name: str) -> dict:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(web, "review_bytes", broken)
    bad = TestClient(client.app, raise_server_exceptions=False, cookies=client.cookies)
    response = bad.post(
        "/upload",
        data={"csrf_token": client.csrf},
        files={"file": ("a.docx", notice_docx(tmp_path).read_bytes())},
    )
    assert response.status_code == 500 and "内部错误" in response.text
    assert "Traceback" not in response.text and "exploded" not in response.text
