"""Nothing is downloaded at run time: the engines build and run with every socket refused."""

from __future__ import annotations

import socket

import pytest

from gkreview.review.pipeline import Reviewer


class NetworkUsed(AssertionError):
    pass


def test_offline_reviewer_builds_and_reviews_with_network_off(
    monkeypatch: pytest.MonkeyPatch, examples_dir
) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    reviewer = Reviewer.build()
    assert reviewer.model_dir is not None
    review = reviewer.review_path(examples_dir / "关于征收土地的公告.docx")
    assert any(f.type == "EMAIL_ADDRESS" for f in review.findings)
    assert any(f.type == "PERSON" for f in review.findings)
