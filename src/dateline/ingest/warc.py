"""Web archives (``.warc``, ``.warc.gz``): one HTML document per HTTP response record, streamed.

Responses with a 2xx status and an HTML (or unnamed) content type are read, as
are ``resource`` records holding HTML; other records (requests, metadata, CSS,
images) are skipped. warcio reads the archive (decompressed by the registry,
gzip members one after another), and its errors become failures here.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.errors import EmptyInputError, InputError
from dateline.ids import document_id
from dateline.ingest._common import READ_ERRORS, IngestOptions, failure, read_problem, too_large
from dateline.ingest._decode import decode
from dateline.ingest._registry import Match, Probe, reader
from dateline.records import Document, Failure

__all__ = ["read", "sniff"]

logger = logging.getLogger(__name__)

#: How every WARC record, and so every WARC file, starts (after gzip).
WARC_START = b"WARC/"
#: How an ARC file (the WARC format's predecessor, which warcio also reads) starts.
ARC_START = b"filedesc://"
#: Bytes warcio reads at a time. Its lines grow a block at a time, in time that grows with the square
#: of the number of blocks: with its default of 16 KB, a 30 MB header line took 44 s, with 1 MB 1 s.
READ_BLOCK = 1 << 20
#: What may come before the first record: a UTF-8 byte order mark and white space.
_LEADING = b"\xef\xbb\xbf \t\r\n"


def sniff(probe: Probe) -> Match:
    """Sure when the (decompressed) head starts with a WARC version line."""
    return Match.SURE if probe.head.lstrip(_LEADING).startswith(WARC_START) else Match.NO


@reader("warc", suffixes=(".warc",), sniff=sniff)
def read(stream: BinaryIO, probe: Probe, options: IngestOptions) -> Iterator[Document | Failure]:
    """One HTML document per HTTP response (or resource) record holding HTML."""
    from warcio.archiveiterator import ArchiveIterator

    source = probe.source
    if not probe.head.lstrip(_LEADING).startswith((WARC_START, ARC_START)):
        # warcio would read the first line whole, however long, before saying so
        yield failure(InputError(
            "is named like a WARC file but does not start with a WARC record ('WARC/1.0'); "
            "check the file, or rename it to what it holds", source=source))
        return
    number = found = 0
    # The registry has decompressed the archive (gzip members one after another), so the guard sees its lines.
    guarded = _LineGuard(stream, options.max_bytes, source)  # unbuffered: warcio buffers, and takes short reads
    try:
        for record in _records(ArchiveIterator(guarded, block_size=READ_BLOCK), source):
            number += 1
            where = f"{source}#record-{number}"
            try:
                document = _document(record, where, options)
            except InputError as exc:
                yield failure(exc)
                continue
            except READ_ERRORS as exc:
                yield failure(InputError(read_problem(exc), source=where))
                return
            if document is not None:
                found += 1
                yield document
    except (_Unreadable, *READ_ERRORS) as exc:
        message = read_problem(exc) if isinstance(exc, EOFError) else f"is not a readable WARC file ({exc})"
        yield failure(InputError(f"{message}; {number} record(s) were read before the problem", source=source))
        return
    if not found:
        yield failure(EmptyInputError(
            f"holds no HTTP response record with HTML ({number} record(s) read); nothing to process", source=source
        ))


def _document(record: Any, where: str, options: IngestOptions) -> Document | None:
    """The HTML document of one record, or None for a record that holds none (a request, a stylesheet)."""
    content_type = _html_content_type(record)
    if content_type is None:
        return None
    try:
        data = record.content_stream().read(options.max_bytes + 1)
    except READ_ERRORS:
        raise
    except Exception as exc:  # warcio's body decoders (chunked, gzip, brotli) raise errors of their own
        raise InputError(f"record body cannot be decoded ({type(exc).__name__}: {exc}); the record is damaged",
                         source=where) from exc
    if len(data) > options.max_bytes:
        raise too_large("record is larger", options.max_bytes, where)
    if getattr(record.raw_stream, "limit", 0) > 0:  # the block ended before its declared length
        raise InputError(
            "record is truncated (the file ends inside it; a cut-off download?); re-download the WARC file",
            source=where,
        )
    content = decode(data, source=where, html=True, declared=_charset(content_type))
    if not content.strip():
        raise EmptyInputError("record has an empty body; there is nothing to process", source=where)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Document(document_id(content, url), where, "html", content, url=url,
                    default_published=options.published)


class _Unreadable(Exception):
    """warcio cannot read the archive on from here."""


class _LineGuard(io.RawIOBase):
    """An archive, refused as soon as it holds a line longer than the size limit.

    warcio reads a header line whole, however long, so a line of zeros (which gzip shrinks a thousand
    times) would fill memory; no WARC header is that long, and a record body that long is refused anyway.
    """

    def __init__(self, raw: BinaryIO, limit: int, source: str) -> None:
        self._limit, self._source = limit, source
        # read1: what is there now, so that the records before a truncated end are read before its EOFError
        self._read = getattr(raw, "read1", raw.read)
        self._run = 0  # bytes since the last newline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._read(len(buffer))
        newline = chunk.rfind(b"\n")
        self._run = len(chunk) - newline - 1 if newline >= 0 else self._run + len(chunk)
        if self._run > self._limit:
            raise too_large("holds a line that is longer", self._limit, self._source)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _records(archive: Iterator[Any], source: str) -> Iterator[Any]:
    """The archive's records; what warcio writes to stderr about them becomes one logged warning."""
    complaints = io.StringIO()
    try:
        while True:
            with contextlib.redirect_stderr(complaints):
                try:
                    record = next(archive, None)
                except (InputError, *READ_ERRORS):
                    raise
                except Exception as exc:  # warcio's parser fails in many ways (ArchiveLoadFailed, ValueError,
                    # AttributeError on a response without a target URI): each means it cannot read on
                    raise _Unreadable(str(exc)) from exc
            if record is None:
                return
            yield record
    finally:
        if complaints.getvalue():
            logger.warning("%s: %d record(s) not followed by a blank line; their Content-Length may be wrong",
                           source, complaints.getvalue().count("WARNING"))


def _html_content_type(record: Any) -> str | None:
    """The content type of a record that may hold HTML ("" when it names none), or None for any other."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response" and (headers is None or not (headers.get_statuscode() or "").startswith("2")):
        return None  # no HTTP headers, an unreadable status line, or not a success
    content_type: str = (headers.get_header("Content-Type") or "") if headers is not None else ""
    return None if content_type and "html" not in content_type.lower() else content_type


def _charset(content_type: str) -> str | None:
    """The charset a content type declares (``text/html; charset=utf-8``), or None."""
    lower = content_type.lower()
    if "charset=" not in lower:
        return None
    return lower.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
