"""Local sources: a file, or a directory walked recursively in sorted order.

Hidden files and directories (a name starting with ``.``) are skipped; symbolic links to
directories are not followed, so a link cycle cannot make a walk endless.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

from sahelwatch.ingest._draft import reject
from sahelwatch.model import Rejected


def walk(source: str) -> Iterator[Path | Rejected]:
    """The regular files a path names, or why it names none."""
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        yield reject("missing", "no such file or directory", source)
        return
    except OSError as error:
        yield reject("unreadable", f"cannot be opened: {error.strerror or error}", source)
        return
    if stat.S_ISDIR(mode):
        yield from _walk_directory(path)
    elif stat.S_ISREG(mode):
        yield path
    else:
        yield reject("unsupported", "not a regular file or a directory", source)


def _walk_directory(directory: Path) -> Iterator[Path | Rejected]:
    try:
        children = sorted(directory.iterdir())
    except OSError as error:
        yield reject("unreadable", f"cannot list the directory: {error.strerror}", str(directory))
        return
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            if child.is_symlink() and child.is_dir():
                continue
            if child.is_dir():
                yield from _walk_directory(child)
            elif child.is_file():
                yield child
        except OSError as error:
            yield reject("unreadable", f"cannot be opened: {error.strerror}", str(child))
