"""Record-by-record readers for ingest: JSONL lines and WARC records, streamed."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.errors import EmptyInputError, InputError
from dateline.ids import document_id
from dateline.ingest._decode import decode
from dateline.records import Document, Failure

#: Errors that reading a (possibly compressed) stream can raise.
READ_ERRORS = (OSError, EOFError, zlib.error)

#: Bytes read at a time when skipping the rest of an over-long JSONL line.
_SKIP_CHUNK = 1 << 16


def failure(exc: InputError) -> Failure:
    """The ingest failure for an input error."""
    return Failure(exc.source or "?", "ingest", type(exc).__name__, str(exc), None)


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


# --- JSONL -------------------------------------------------------------------------------------


def read_jsonl(stream: BinaryIO, source: str, published: str | None, max_bytes: int) -> Iterator[Document | Failure]:
    """One document per JSON line; a bad line is a failure of that line only."""
    number = 0
    while True:
        try:
            line, too_long = _read_line(stream, max_bytes)
        except READ_ERRORS as exc:
            yield failure(InputError(f"{read_problem(exc)}; lines before {number + 1} were read", source=source))
            return
        if not line:
            return
        number += 1
        where = f"{source}:{number}"
        if too_long:
            yield failure(too_large("line is longer", max_bytes, where))
        elif line.strip():
            try:
                yield _jsonl_document(line, where, published)
            except InputError as exc:
                yield failure(exc)


def _read_line(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """The next line (at most ``max_bytes``), and whether it was longer and cut."""
    line = stream.readline(max_bytes + 1)
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, False
    while True:  # skip the rest of the over-long line without keeping it
        rest = stream.readline(_SKIP_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return line[:1], True


def _jsonl_document(line: bytes, where: str, published: str | None) -> Document:
    text = decode(line, source=where)
    try:
        obj = json.loads(text)
    except ValueError as exc:
        raise InputError(f"is not valid JSON ({exc}); fix or remove this line", source=where) from exc
    if not isinstance(obj, dict):
        kind_name = type(obj).__name__
        raise InputError(f"holds a JSON {kind_name}, not an object; each line must be one object", source=where)
    url, title = _string(obj, "url"), _string(obj, "title")
    date = _string(obj, "published") or _string(obj, "date")
    html, body = _string(obj, "html"), _string(obj, "text")
    if html and html.strip():
        kind, content = "html", html
    elif body and body.strip():
        kind, content = "text", body
    else:
        raise EmptyInputError("has neither a non-empty 'text' nor an 'html' field; add one of them", source=where)
    raw_id = obj.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else document_id(content, url)
    return Document(
        doc_id, where, kind, content, url=url, title=title, published=date, default_published=published  # type: ignore[arg-type]
    )


def _string(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None


# --- WARC --------------------------------------------------------------------------------------


def read_warc(stream: BinaryIO, source: str, published: str | None, max_bytes: int) -> Iterator[Document | Failure]:
    """One HTML document per HTTP response (or resource) record holding HTML."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = found = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            where = f"{source}#record-{number}"
            try:
                document = _warc_document(record, where, published, max_bytes)
            except InputError as exc:
                yield failure(exc)
                continue
            except READ_ERRORS as exc:
                yield failure(InputError(read_problem(exc), source=where))
                return
            if document is not None:
                found += 1
                yield document
    except (ArchiveLoadFailed, ValueError, *READ_ERRORS) as exc:
        message = read_problem(exc) if isinstance(exc, EOFError) else f"is not a readable WARC file ({exc})"
        yield failure(InputError(f"{message}; {number} record(s) were read before the problem", source=source))
        return
    if not found:
        yield failure(EmptyInputError(
            f"holds no HTTP response record with HTML ({number} record(s) read); nothing to process", source=source
        ))


def _warc_document(record: Any, where: str, published: str | None, max_bytes: int) -> Document | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response" and (headers is None or not headers.get_statuscode().startswith("2")):
        return None
    content_type = (headers.get_header("Content-Type") or "") if headers is not None else ""
    if content_type and "html" not in content_type.lower():
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large("record is larger", max_bytes, where)
    if getattr(record.raw_stream, "limit", 0) > 0:  # the block ended before its declared length
        raise InputError(
            "record is truncated (the file ends inside it; a cut-off download?); re-download the WARC file",
            source=where,
        )
    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    content = decode(data, source=where, html=True, declared=charset or None)
    if not content.strip():
        raise EmptyInputError("record has an empty body; there is nothing to process", source=where)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Document(document_id(content, url), where, "html", content, url=url, default_published=published)
