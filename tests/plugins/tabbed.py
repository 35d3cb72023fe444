"""An input format registered from outside the dateline package, as a user's own package would.

A "tabbed news" file: a header line ``url<TAB>date<TAB>text``, then one article a line.
The reader leaves the size limit to the registry on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dateline.ids import document_id
from dateline.ingest import IngestOptions, Match, Probe, reader
from dateline.records import Document, Failure

HEADER = b"url\tdate\ttext"


def sniff(probe: Probe) -> Match:
    """Sure when the first line is the header."""
    return Match.SURE if probe.head.split(b"\n", 1)[0].rstrip(b"\r") == HEADER else Match.NO


@reader("tabbed", suffixes=(".tabbed",), sniff=sniff)
def read(stream: BinaryIO, probe: Probe, options: IngestOptions) -> Iterator[Document | Failure]:
    """One document per line after the header."""
    lines = stream.read().decode("utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        url, date, text = line.split("\t", 2)
        yield Document(document_id(text, url), f"{probe.source}:{number}", "text", text, url=url, published=date,
                       default_published=options.published)
