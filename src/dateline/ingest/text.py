"""Flattened page text (``.txt``): a whole file is one document, cleaned later by the clean stage.

Text is the format of last resort: an input no other reader recognizes, by
content or by name, is read as text (binary data is refused when decoded).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest._common import IngestOptions, read_whole
from dateline.ingest._registry import Match, Probe, reader
from dateline.records import Document, Failure

__all__ = ["read", "sniff"]


def sniff(probe: Probe) -> Match:
    """Text has no mark of its own: it is what an input is when nothing else recognizes it."""
    return Match.NO


@reader("text", suffixes=(".txt", ".text"), sniff=sniff)
def read(stream: BinaryIO, probe: Probe, options: IngestOptions) -> Iterator[Document | Failure]:
    """The whole input as one text document."""
    yield read_whole(stream, probe.source, "text", options)
