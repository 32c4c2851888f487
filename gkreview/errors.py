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

EXIT_VERIFICATION = 4  # redact: the output still held redacted data and was deleted


def bad_review(path: str, cause: str) -> str:
    cause = " ".join(str(cause).split())
    return f"gkreview: 审查单 {path} 不可用: {cause}；请用 gkreview check --format json 重新生成"


def verification_failed(path: str, problems: list[str]) -> str:
    shown = "；".join(problems[:3]) + (f"；等 {len(problems)} 处" if len(problems) > 3 else "")
    return f"gkreview: {path} 未通过核验，已删除: {shown}"
