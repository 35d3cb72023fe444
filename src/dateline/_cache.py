"""A per-user cache of data that is slow to build and quick to load (the gazetteer's index).

Built on first use from what the package and its dependencies ship (nothing is
downloaded), written atomically under :func:`cache_dir`, and keyed by a
fingerprint of every input it was built from, so a new version of a data file,
of the code that builds it or of Python gives a new entry instead of a stale
one. An unwritable or damaged cache is never an error: the data is built in
memory as if there were no cache, and a warning says why.

The folder is ``$DATELINE_CACHE`` when set, else ``$XDG_CACHE_HOME/dateline``,
else ``~/.cache/dateline``. Deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached", "fingerprint"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Bumped when the layout of cache files changes.
CACHE_FORMAT = "1"


def cache_dir() -> Path:
    """Where cached data lives (see the module docstring)."""
    explicit = os.environ.get("DATELINE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


def fingerprint(parts: Iterable[str | bytes]) -> str:
    """A short hash of ``parts`` (versions, file contents, constants) and of this Python's version."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:3]}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored as ``name`` under ``key``, else ``build()`` (then stored for next time)."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as exc:
        logger.warning("cached %s at %s cannot be read (%s); building it again", name, path, exc)
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)  # atomic: a reader sees the old file or the whole new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        logger.warning("cannot write the cache at %s (%s); set DATELINE_CACHE to a writable folder to load "
                       "faster next time", path, exc)
        return
    _prune(path)


#: Entries kept per name: older ones (of older data or code) are deleted; a few stay so that
#: two installs of different versions sharing a cache do not rebuild each other's entries.
KEEP_ENTRIES = 4


def _prune(path: Path) -> None:
    name = path.name.rsplit("-", 1)[0]
    entries = sorted(path.parent.glob(f"{name}-*.pickle"), key=_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
