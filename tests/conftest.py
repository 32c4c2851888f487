"""Shared fixtures: the engines are built once per test session, as the CLI builds them once."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gkreview.redact.analyzer import PersonalDataAnalyzer
from gkreview.review.pipeline import Reviewer

# Pseudonyms are keyed by a secret salt; tests use a fixed one rather than creating the
# user's salt file.
os.environ.setdefault("GKREVIEW_SALT", "gkreview-tests")

REPO = Path(__file__).resolve().parent.parent
SHARED_SCHEMA = REPO.parent / "shared" / "contract" / "review.schema.json"
VENDORED_SCHEMA = REPO / "review" / "review.schema.json"


@pytest.fixture(scope="session")
def reviewer() -> Reviewer:
    return Reviewer.build()


@pytest.fixture(scope="session")
def analyzer(reviewer: Reviewer) -> PersonalDataAnalyzer:
    return reviewer.analyzer


@pytest.fixture(scope="session")
def review_schema() -> dict:
    """The contract's schema: the shared copy when it is beside the repo, else ours."""
    path = SHARED_SCHEMA if SHARED_SCHEMA.exists() else VENDORED_SCHEMA
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"


PASSWORD = "correct horse battery"


@pytest.fixture
def web(tmp_path: Path, reviewer: Reviewer):
    """The web app on a fresh SQLite database, with a drafter, an officer and an admin."""
    from gkreview.review.web import WebSettings
    from gkreview.review.web.services import Services

    settings = WebSettings(db=tmp_path / "web.sqlite", max_upload_bytes=2 * 1024 * 1024)
    services = Services(settings, reviewer=reviewer)
    for name, role in (("drafter1", "drafter"), ("officer1", "officer"), ("admin1", "admin")):
        services.users.add(name, role, PASSWORD)
    yield services
    services.close()


@pytest.fixture
def login(web):
    """``login(name)``: a TestClient on the app, logged in as that user, with its CSRF token."""
    import re

    from fastapi.testclient import TestClient

    from gkreview.review.web import create_app

    app = create_app(services=web)

    def as_user(name: str, password: str = PASSWORD) -> TestClient:
        client = TestClient(app)
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = client.post(
            "/login", data={"name": name, "password": password, "csrf_token": token},
            follow_redirects=False,
        )  # fmt: skip
        assert response.status_code == 303, response.text
        home = client.get(response.headers["location"])
        client.csrf = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)
        return client

    return as_user
