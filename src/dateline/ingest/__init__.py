"""Ingest: turn any input into :class:`~dateline.records.Document` records.

Inputs are paths (files, or directories read recursively in sorted order) or
``-`` for standard input. Each input format is one module of this package,
registered as a reader (see :mod:`dateline.ingest._registry`): flattened page
text (``text``), HTML (``html``), WARC (``warc``; HTTP response records
holding HTML) and JSONL (``jsonl``; one object a line with any of ``id``,
``url``, ``date``/``published``, ``title``, ``text``, ``html``); each may be
gzip-compressed. The format is found from the content as well as the name, in
the registry and nowhere else: downstream stages only see decoded text. Other
packages add formats with :func:`reader`.

A bad input never stops the iteration: it becomes a
:class:`~dateline.records.Failure` (stage ``"ingest"``) and reading goes on.
JSONL and WARC inputs are streamed, never read whole into memory; no reader
yields a document over ``max_bytes``.

>>> docs = list(iter_documents(["news/"], published="2017-07-07"))  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from dateline.errors import InputError, UsageError
from dateline.ingest._common import MAX_DOCUMENT_BYTES, IngestOptions, failure
from dateline.ingest._registry import Match, Probe, Reader, read_stream, reader, reader_for_name, registered
from dateline.records import Document, Failure

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "STDIN",
    "IngestOptions",
    "Match",
    "OnSkip",
    "Probe",
    "Reader",
    "count_documents",
    "iter_documents",
    "known_suffixes",
    "parse_size",
    "read_stream",
    "reader",
    "registered",
]

#: Size suffixes: K, M, G, T are powers of 1024 (so "20MB" is the default limit),
#: with an optional "B" or "iB" after them ("50M", "50MB", "50MiB" are the same).
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?", re.I)

#: The input name that means standard input.
STDIN = "-"


def parse_size(text: str, what: str = "a size") -> int:
    """Bytes in ``text``: a plain count (``1000000``) or a number with a suffix (``50MB``, ``2G``, ``1.5GiB``).

    K, M, G and T are powers of 1024. Raises :class:`UsageError` (naming ``what``)
    for anything else, and for sizes under one byte.
    """
    match = _SIZE.fullmatch(text.strip().replace("_", ""))
    if match is None:
        raise UsageError(
            f"{what} takes a number of bytes like 1000000, 50MB or 2GB (K, M, G are powers of 1024), got {text!r}"
        )
    number, unit = match.group(1), (match.group(2) or "").lower()
    size = int(float(number) * _SIZE_UNITS[unit]) if "." in number else int(number) * _SIZE_UNITS[unit]
    if size < 1:
        raise UsageError(f"{what} must be at least one byte, got {text!r}")
    return size


#: Called with a file's path and why it was not read (a directory walk skips files of no known format).
OnSkip = Callable[[str, str], None]


def iter_documents(
    inputs: Sequence[str],
    *,
    published: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    published_overrides: bool = False,
    on_skip: OnSkip | None = None,
) -> Iterator[Document | Failure]:
    """Yield one Document (or Failure) per article found in ``inputs``, in a stable order.

    ``published`` is the publication date of documents that do not declare one
    (with ``published_overrides``, of every document); ``max_bytes`` the largest
    document accepted (see :data:`MAX_DOCUMENT_BYTES`). A directory's files of no
    known format are not read: ``on_skip`` hears of each; a folder that cannot be
    read is a failure.
    """
    options = IngestOptions(published, max_bytes)
    for item in _documents(inputs, options, on_skip or (lambda path, reason: None)):
        if published_overrides and published and isinstance(item, Document):
            item = replace(item, published=published)
        yield item


def _documents(inputs: Sequence[str], options: IngestOptions, on_skip: OnSkip) -> Iterator[Document | Failure]:
    for name in inputs:
        if name == STDIN:
            yield from read_stream(sys.stdin.buffer, "<stdin>", None, options)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path, on_skip):
                yield from _read_path(file, options) if isinstance(file, Path) else (file,)
        elif path.exists():
            yield from _read_path(path, options)
        else:
            yield failure(InputError("no such file or directory; check the path", source=name))


def _walk(root: Path, on_skip: OnSkip) -> Iterator[Path | Failure]:
    """The files under ``root`` with the suffix of a registered format, in sorted order; a folder that cannot
    be read is a failure, other files are reported to ``on_skip``. Hidden files and folders are left out."""
    problems: list[OSError] = []
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=problems.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(folder, name)
            if name.startswith("."):
                continue
            if reader_for_name(name) is not None:
                found.append(path)
            else:
                on_skip(str(path), "no known input suffix (" + ", ".join(known_suffixes()) + "); not read")
    yield from sorted(found)
    for problem in problems:
        where = problem.filename or str(root)
        yield failure(InputError(f"folder cannot be read ({problem.strerror}); check its permissions", source=where))


def count_documents(inputs: Sequence[str]) -> int | None:
    """About how many documents (and failures) ``inputs`` give, counted without reading any stream twice.

    Only regular files are looked at: a JSONL file counts its lines, a file of another
    known format counts one. Standard input, named pipes, WARC files, compressed JSONL
    and files whose name does not say their format make the count unknown (None).
    """
    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        path = Path(name)
        try:
            if path.is_dir():
                files = [Path(folder, f) for folder, _, names in os.walk(path) for f in names
                         if not f.startswith(".") and reader_for_name(f) is not None]
            else:
                files = [path]
            for file in files:
                count = _count_file(file)
                if count is None:
                    return None
                total += count
        except OSError:
            return None
    return total


#: Bytes read at a time when counting the lines of a JSONL file.
_COUNT_CHUNK = 1 << 20


def _count_file(path: Path) -> int | None:
    if not path.exists():
        return 1  # a failure: no such file
    if not path.is_file():
        return None  # a named pipe or a device: reading it to count would drain it
    found = reader_for_name(path.name)
    if found is None or found.name == "warc" or (found.name == "jsonl" and path.name.lower().endswith(".gz")):
        return None
    if found.name != "jsonl":
        return 1
    lines = 0
    try:
        with path.open("rb") as handle:
            last = b"\n"
            while chunk := handle.read(_COUNT_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1  # unreadable: one failure
    return lines + (last != b"\n")


def known_suffixes() -> list[str]:
    """Every file suffix a registered format owns, sorted."""
    return sorted({suffix for r in registered().values() for suffix in r.suffixes})


def _read_path(path: Path, options: IngestOptions) -> Iterator[Document | Failure]:
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield failure(InputError(f"cannot be opened ({exc.strerror}); check its permissions", source=source))
        return
    with stream:
        yield from read_stream(stream, source, path.name, options)
