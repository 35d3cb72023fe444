"""JSON lines (``.jsonl``, ``.ndjson``): one document per line, streamed.

Each line is one object with any of ``id``, ``url``, ``date`` or ``published``,
``title``, ``text`` and ``html`` (one of the last two, non-empty). A bad line is
a failure of that line only; reading goes on with the next.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.errors import EmptyInputError, InputError
from dateline.ids import document_id
from dateline.ingest._common import READ_ERRORS, IngestOptions, failure, read_problem, too_large
from dateline.ingest._decode import decode
from dateline.ingest._registry import Match, Probe, reader
from dateline.records import Document, Failure

__all__ = ["read", "sniff"]

#: Bytes read at a time when skipping the rest of an over-long line.
_SKIP_CHUNK = 1 << 16
#: What may come before the first object: a UTF-8 byte order mark and white space.
_LEADING = b"\xef\xbb\xbf \t\r\n"


def sniff(probe: Probe) -> Match:
    """A guess when the first line holds one JSON object (or starts one longer than the head)."""
    head = probe.head.lstrip(_LEADING)
    if not head.startswith(b"{"):
        return Match.NO
    line = head.split(b"\n", 1)[0]
    try:
        return Match.GUESS if isinstance(json.loads(line), dict) else Match.NO
    except ValueError:
        return Match.GUESS if b"\n" not in head else Match.NO  # a first line longer than the head: trust the brace


# A JSON line may quote a whole page ({"html": "<p>...</p>"}): its guess goes before HTML's.
@reader("jsonl", suffixes=(".jsonl", ".ndjson"), sniff=sniff, priority=1)
def read(stream: BinaryIO, probe: Probe, options: IngestOptions) -> Iterator[Document | Failure]:
    """One document per JSON line; a bad line is a failure of that line only."""
    number = 0
    while True:
        try:
            line, too_long = _read_line(stream, options.max_bytes)
        except READ_ERRORS as exc:
            message = f"{read_problem(exc)}; lines before {number + 1} were read"
            yield failure(InputError(message, source=probe.source))
            return
        if not line:
            return
        number += 1
        where = f"{probe.source}:{number}"
        if too_long:
            yield failure(too_large("line is longer", options.max_bytes, where))
        elif line.strip():
            try:
                yield _document(line, where, options.published)
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


def _document(line: bytes, where: str, published: str | None) -> Document:
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
        return Document(_id(obj, html, url), where, "html", html, url=url, title=title, published=date,
                        default_published=published)
    if body and body.strip():
        return Document(_id(obj, body, url), where, "text", body, url=url, title=title, published=date,
                        default_published=published)
    raise EmptyInputError("has neither a non-empty 'text' nor an 'html' field; add one of them", source=where)


def _id(obj: dict[str, Any], content: str, url: str | None) -> str:
    """The line's own ``id`` (a string or a number), else the id of its URL or content."""
    raw_id = obj.get("id")
    return str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else document_id(content, url)


def _string(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None
