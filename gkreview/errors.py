"""Exit statuses and the one-line messages a person sees, gathered in one place."""

from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


def unreadable(path: str, cause: str) -> str:
    """One line naming the file and the cause, never a traceback."""
    cause = " ".join(str(cause).split())
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for prefix in (f"{path}：", f"{name}："):
        cause = cause.removeprefix(prefix)
    return f"gkreview: 无法读取 {path}: {cause}"


def out_not_directory(path: str) -> str:
    return f"gkreview: --out {path} 不是目录 (not a directory); 请指定一个目录 / give a directory"
