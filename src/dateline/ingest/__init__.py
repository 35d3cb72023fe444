"""Ingest: turn any input into :class:`~dateline.records.Document` records.

Inputs are paths (files, or directories read recursively in sorted order) or
``-`` for standard input. The format is found from the content as well as the
name: flattened page text (``.txt``), HTML (``.html``, ``.htm``), WARC
(``.warc``; HTTP response records holding HTML) and JSONL (one object a line
with any of ``id``, ``url``, ``date``/``published``, ``title``, ``text``,
``html``); each may be gzip-compressed. Format detection lives here and nowhere
else: downstream stages only see decoded text.

A bad input never stops the iteration: it becomes a
:class:`~dateline.records.Failure` (stage ``"ingest"``) and reading goes on.
JSONL and WARC inputs are streamed, never read whole into memory.

>>> docs = list(iter_documents(["news/"], published="2017-07-07"))  # doctest: +SKIP
"""

from __future__ import annotations

import gzip
import io
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.errors import EmptyInputError, InputError, UsageError
from dateline.ids import document_id
from dateline.ingest._decode import (
    SNIFF_BYTES,
    Format,
    Prepended,
    decode,
    format_from_name,
    gunzip_head,
    is_gzip,
    sniff,
)
from dateline.ingest._records import READ_ERRORS, failure, read_jsonl, read_problem, read_warc, too_large
from dateline.records import Document, DocumentKind, Failure

__all__ = ["MAX_DOCUMENT_BYTES", "STDIN", "iter_documents", "parse_size"]

#: Largest document (decoded file, JSONL line or WARC record) read, in bytes.
#: Long news articles with their HTML weigh well under 5 MB; 20 MB leaves room
#: for heavy pages while keeping a stray dump or log file out. Raise it with
#: ``iter_documents(..., max_bytes=...)`` or ``dateline run --max-bytes``.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: Size suffixes: K, M, G, T are powers of 1024 (so "20MB" is the default limit),
#: with an optional "B" or "iB" after them ("50M", "50MB", "50MiB" are the same).
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?", re.I)

#: The input name that means standard input.
STDIN = "-"


@dataclass(frozen=True)
class IngestOptions:
    """What every reader needs: the default publication date and the size limit."""

    published: str | None = None
    max_bytes: int = MAX_DOCUMENT_BYTES


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
    """Files under ``root`` with a known input suffix, sorted; hidden files and folders are skipped."""
    files = []
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        if format_from_name(path.name) is not None:
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
        yield from read_stream(stream, source, format_from_name(path.name), options)


def read_stream(
    raw: BinaryIO, source: str, by_name: Format | None, options: IngestOptions
) -> Iterator[Document | Failure]:
    """Read one input stream (a file or stdin), whatever its format and compression."""
    try:
        head = raw.read(SNIFF_BYTES)
    except READ_ERRORS as exc:
        yield failure(InputError(f"cannot be read ({exc}); check the file", source=source))
        return
    if not head:
        yield failure(EmptyInputError("is empty; there is nothing to process", source=source))
        return
    stream: BinaryIO = io.BufferedReader(Prepended(head, raw))  # type: ignore[arg-type]
    compressed = is_gzip(head)
    fmt = sniff(gunzip_head(head) if compressed else head, by_name)
    if fmt == "warc":  # warcio reads gzip members itself
        yield from read_warc(stream, source, options.published, options.max_bytes)
        return
    body: BinaryIO = gzip.GzipFile(fileobj=stream, mode="rb") if compressed else stream  # type: ignore[assignment]
    if fmt == "jsonl":
        yield from read_jsonl(body, source, options.published, options.max_bytes)
    else:
        yield _read_single(body, source, fmt, options)


def _read_single(stream: BinaryIO, source: str, fmt: Format, options: IngestOptions) -> Document | Failure:
    """A whole text or HTML file as one document."""
    try:
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise too_large("is larger", options.max_bytes, source)
        content = decode(data, source=source, html=fmt == "html")
        if not content.strip():
            raise EmptyInputError("is empty (only whitespace); there is nothing to process", source=source)
    except InputError as exc:
        return failure(exc)
    except READ_ERRORS as exc:
        return failure(InputError(read_problem(exc), source=source))
    kind: DocumentKind = "html" if fmt == "html" else "text"
    return Document(document_id(content), source, kind, content, default_published=options.published)
