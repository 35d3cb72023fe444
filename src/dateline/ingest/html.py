"""HTML pages (``.html``, ``.htm``, ``.xhtml``): a whole file is one document.

Recognized from the content wherever it starts like an HTML document
(``<!DOCTYPE html>``, ``<html>``, ``<head>`` ...), whatever the file is called;
a text with several block tags and no telling name is taken for HTML too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest._common import IngestOptions, read_whole
from dateline.ingest._registry import Match, Probe, reader
from dateline.records import Document, Failure

__all__ = ["read", "sniff"]

#: Block and link tags a page fragment without a document start is recognized by.
_HTML_TAGS = re.compile(rb"<(p|div|br|a|span|h[1-6]|article|section|table|ul|li)\b[^>]*>", re.I)
#: How many of those tags make a head without a telling name an HTML page: one or two
#: occur in plain text that quotes markup; pages hold dozens.
MIN_TAGS = 3
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
#: What may come before the first tag: a UTF-8 byte order mark and white space.
_LEADING = b"\xef\xbb\xbf \t\r\n"


def sniff(probe: Probe) -> Match:
    """Sure for a document start, a guess for a head holding several block tags."""
    head = probe.head.lstrip(_LEADING)
    if _HTML_START.match(head):
        return Match.SURE
    if len(_HTML_TAGS.findall(head)) >= MIN_TAGS:
        return Match.GUESS
    return Match.NO


@reader("html", suffixes=(".html", ".htm", ".xhtml"), sniff=sniff)
def read(stream: BinaryIO, probe: Probe, options: IngestOptions) -> Iterator[Document | Failure]:
    """The whole input as one HTML document."""
    yield read_whole(stream, probe.source, "html", options)
