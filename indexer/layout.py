"""Where the index lives on disk: generations, the live pointer, the write lock, metadata.

::

    instance/index/
      CURRENT               name of the live generation, replaced atomically (rename)
      write.lock            held (flock) by the one process writing
      gen-000001/           a complete Whoosh index + minutes-index.json
      gen-000002/           the next one, built beside the live one by --rebuild

A rebuild writes a new generation and then renames a new CURRENT over the old one, so a reader sees
either the old index or the new one, never an empty or half-built one. The previous generation is
kept until the following swap: a searcher opened before the swap keeps reading it.

The lock is an OS-level ``flock``: a process killed with -9 releases it automatically, so there is
no stale lock to clean up by hand (Whoosh's own lock has the same property, and we release it
explicitly when a commit fails: whoosh-notes.md).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from indexer.search_api import IndexBusy

POINTER = "CURRENT"
LOCK_FILE = "write.lock"
META_FILE = "minutes-index.json"
_GEN_RE = re.compile(r"^gen-(\d{6,})$")


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def current_generation(index_dir: Path) -> Path | None:
    """The live generation directory, or None when no index has been built."""
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not _GEN_RE.match(name):
        return None
    path = index_dir / name
    return path if path.is_dir() else None


def pointer_stamp(index_dir: Path) -> tuple[int, int] | None:
    """A cheap token that changes when CURRENT is replaced (inode + mtime)."""
    try:
        st = os.stat(index_dir / POINTER)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def generations(index_dir: Path) -> list[Path]:
    if not index_dir.is_dir():
        return []
    found = [p for p in index_dir.iterdir() if p.is_dir() and _GEN_RE.match(p.name)]
    return sorted(found, key=lambda p: int(_GEN_RE.match(p.name).group(1)))  # type: ignore[union-attr]


def new_generation(index_dir: Path) -> Path:
    """Create the next generation directory (never reusing a number)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    existing = generations(index_dir)
    n = int(_GEN_RE.match(existing[-1].name).group(1)) + 1 if existing else 1  # type: ignore[union-attr]
    path = index_dir / f"gen-{n:06d}"
    path.mkdir()
    return path


def switch_current(index_dir: Path, generation: Path) -> None:
    """Make ``generation`` the live index, atomically."""
    _atomic_write(index_dir / POINTER, generation.name + "\n")


def prune(index_dir: Path, keep: int = 2) -> list[Path]:
    """Delete old generations, keeping the live one and the ``keep - 1`` before it."""
    live = current_generation(index_dir)
    gens = generations(index_dir)
    if live is None:
        return []
    older = [g for g in gens if g != live and int(g.name[4:]) < int(live.name[4:])]
    doomed = older[: max(0, len(older) - (keep - 1))]
    # Generations newer than the live one are abandoned rebuilds (a killed --rebuild): remove them.
    doomed += [g for g in gens if int(g.name[4:]) > int(live.name[4:])]
    for g in doomed:
        shutil.rmtree(g, ignore_errors=True)
    return doomed


def read_meta(generation: Path) -> dict[str, Any] | None:
    try:
        return json.loads((generation / META_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}


def write_meta(generation: Path, meta: dict[str, Any]) -> None:
    _atomic_write(generation / META_FILE, json.dumps(meta, indent=1, sort_keys=True))


class WriteLock:
    """The one-writer lock for an index directory. ``IndexBusy`` if another process holds it."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._fd: int | None = None

    def acquire(self) -> "WriteLock":
        self.index_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.index_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise IndexBusy("index busy, try again: another process is writing the index") from None
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None

    def __enter__(self) -> "WriteLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
