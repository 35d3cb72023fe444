"""What every reader shares: its options, the size limit, and how read errors become failures."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import BinaryIO

from dateline.errors import EmptyInputError, InputError
from dateline.ids import document_id
from dateline.ingest._decode import decode
from dateline.records import Document, DocumentKind, Failure

__all__ = ["MAX_DOCUMENT_BYTES", "READ_ERRORS", "IngestOptions", "failure", "read_problem", "read_whole", "too_large"]

#: Largest document (decoded file, JSONL line or WARC record) read, in bytes.
#: Long news articles with their HTML weigh well under 5 MB; 20 MB leaves room
#: for heavy pages while keeping a stray dump or log file out. Raise it with
#: ``iter_documents(..., max_bytes=...)`` or ``dateline run --max-bytes``.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: Longest failure message kept: the errors of third-party readers may quote a whole line of the input.
MAX_MESSAGE_CHARS = 500

#: Errors that reading a (possibly compressed) stream can raise: the file system's, gzip's and zlib's.
READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True)
class IngestOptions:
    """What every reader needs: the default publication date and the size limit."""

    published: str | None = None
    """The publication date of documents that declare none (``--published``)."""
    max_bytes: int = MAX_DOCUMENT_BYTES
    """The largest document a reader accepts, in bytes after decompression."""


def failure(exc: InputError) -> Failure:
    """The ingest failure for an input error (its message cut to :data:`MAX_MESSAGE_CHARS`)."""
    message = str(exc)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return Failure(exc.source or "?", "ingest", type(exc).__name__, message, None)


def too_large(what: str, max_bytes: int, source: str) -> InputError:
    """The error for a document over the size limit: ``what`` is e.g. ``"line is longer"``."""
    return InputError(
        f"{what} than the limit of {max_bytes:,} bytes (MAX_DOCUMENT_BYTES); split it, or raise the limit "
        "with 'dateline run --max-bytes SIZE' (in Python: max_bytes=N)",
        source=source,
    )


def read_problem(exc: BaseException) -> str:
    """What to tell the user about a stream that broke while being read."""
    if isinstance(exc, EOFError):
        return "is a truncated gzip file (it ends before its end marker); re-download or re-compress it"
    return f"cannot be read or decompressed ({type(exc).__name__}: {exc}); check that the file is complete"


def read_whole(stream: BinaryIO, source: str, kind: DocumentKind, options: IngestOptions) -> Document | Failure:
    """A whole input (a text or HTML file) as one document of ``kind``, at most ``options.max_bytes`` long."""
    try:
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise too_large("is larger", options.max_bytes, source)
        content = decode(data, source=source, html=kind == "html")
        if not content.strip():
            raise EmptyInputError("is empty (only whitespace); there is nothing to process", source=source)
    except InputError as exc:
        return failure(exc)
    except READ_ERRORS as exc:
        return failure(InputError(read_problem(exc), source=source))
    return Document(document_id(content), source, kind, content, default_published=options.published)
