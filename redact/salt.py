"""The secret salt that keys pseudonyms: the same in every run of one office, never stored
beside the reviews.

Taken from ``GKREVIEW_SALT`` (any text) when set, else from a file: ``GKREVIEW_SALT_FILE``,
or ``salt`` in the user's gkreview config folder, created on first use with 32 random bytes
and permissions 0600. An office that runs batches on several machines sets the same salt
everywhere (the variable, or a copy of the file).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from platformdirs import user_config_dir

ENV_SALT = "GKREVIEW_SALT"
ENV_SALT_FILE = "GKREVIEW_SALT_FILE"


def default_salt_file() -> Path:
    return Path(user_config_dir("gkreview")) / "salt"


def load_salt(path: Path | None = None) -> bytes:
    value = os.environ.get(ENV_SALT)
    if value:
        return value.encode("utf-8")
    target = path or Path(os.environ.get(ENV_SALT_FILE) or default_salt_file())
    if target.exists():
        return target.read_bytes()
    target.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_bytes(32)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(salt)
    return salt
