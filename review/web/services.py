"""What the web app is built on, made once at start and handed to every request: the
database, users, audit trail, reviews and the reviewer (its models load once, on first use
or in the background at start)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from gkreview.review.audit import AuditLog
from gkreview.review.database import open_database
from gkreview.review.users import UserStore
from gkreview.review.web.security import Limits
from gkreview.review.web.store import ReviewStore

MAX_UPLOAD = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebSettings:
    db: str | Path | None = None  # a SQLite file or a database URL; None: the user's default
    max_upload_bytes: int = MAX_UPLOAD
    secure_cookies: bool = False  # set behind HTTPS: cookies then carry Secure
    limits: Limits = field(default_factory=Limits)
    warm: bool = False  # load the reviewer's models in the background at start


class Services:
    def __init__(self, settings: WebSettings, reviewer: Any = None) -> None:
        """``reviewer``: engines already built (tests share one); None builds them on use."""
        self.settings = settings
        self.engine: Engine = open_database(settings.db)
        self.users = UserStore(self.engine)
        self.audit = AuditLog(self.engine)
        self.store = ReviewStore(self.engine, self.audit)
        self._reviewer: Any = reviewer
        self._reviewer_lock = threading.Lock()  # one analysis at a time: the engines are shared
        if settings.warm:
            threading.Thread(target=self.reviewer, daemon=True).start()

    def reviewer(self) -> Any:
        with self._reviewer_lock:
            if self._reviewer is None:
                from gkreview.review.pipeline import Reviewer

                self._reviewer = Reviewer.build()
            return self._reviewer

    def review_bytes(self, data: bytes, name: str) -> dict[str, Any]:
        """The contract's review of an upload, with its text (the page shows it)."""
        import hashlib

        from gkreview.ingest.reader import read_bytes

        reviewer = self.reviewer()
        with self._reviewer_lock:
            doc = read_bytes(data, name)
            review = reviewer.review_extracted(
                doc, name=name, sha256=hashlib.sha256(data).hexdigest()
            )
        return review.to_dict(with_text=True)

    def close(self) -> None:
        self.engine.dispose()
