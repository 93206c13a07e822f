"""Writing files: the one place output and cache files reach the disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that it is never seen half-written (``write_together``
    with one file). Raises ``OSError`` when it cannot be written; nothing is then replaced."""
    write_together([(Path(path), text)])


def write_together(files: list[tuple[Path, str]]) -> None:
    """Write every ``(path, text)`` pair or none: all are first written in full beside their
    targets (where a full disk or a read-only folder fails), then each replaces its target.
    On failure nothing is replaced and no temporary file is left; the ``OSError`` is raised."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
            staged.append((temporary, path))
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise


def check_writable(path: Path, option: str) -> None:
    """Raise ``ConfigError`` unless a file can be written at ``path``: not a folder, and its
    folder (or the nearest one that exists, where the rest will be made) takes a new file.
    ``option`` names the flag that gave the path, for the message."""
    from .errors import ConfigError

    path = Path(path)
    if path.is_dir():
        raise ConfigError(
            f"{option} {path} is a folder; give a file name, such as {path / 'brief.md'}."
        )
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise ConfigError(
            f"cannot write {path}: {folder} is a file, not a folder. Choose another place "
            f"with {option}."
        )
    try:
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".newsbrief-check.")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise ConfigError(
            f"cannot write {path}: {folder} does not take new files ({error.strerror}). "
            f"Choose another place with {option}."
        ) from error
