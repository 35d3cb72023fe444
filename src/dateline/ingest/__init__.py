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

import re
import sys
from collections.abc import Iterator, Sequence
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
    "Probe",
    "Reader",
    "iter_documents",
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


def iter_documents(
    inputs: Sequence[str],
    *,
    published: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Document | Failure]:
    """Yield one Document (or Failure) per article found in ``inputs``, in a stable order.

    ``published`` is the publication date of documents that do not declare one;
    ``max_bytes`` the largest document accepted (see :data:`MAX_DOCUMENT_BYTES`).
    """
    options = IngestOptions(published, max_bytes)
    for name in inputs:
        if name == STDIN:
            yield from read_stream(sys.stdin.buffer, "<stdin>", None, options)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_path(file, options)
        elif path.exists():
            yield from _read_path(path, options)
        else:
            yield failure(InputError("no such file or directory; check the path", source=name))


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` with the suffix of a registered format, sorted; hidden files and folders are skipped."""
    files = []
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        if reader_for_name(path.name) is not None:
            files.append(path)
    return sorted(files)


def _read_path(path: Path, options: IngestOptions) -> Iterator[Document | Failure]:
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield failure(InputError(f"cannot be opened ({exc.strerror}); check its permissions", source=source))
        return
    with stream:
        yield from read_stream(stream, source, path.name, options)
