"""The registry of input formats, and the one place where an input's format is decided.

A format is a module with two functions, registered with :func:`reader`::

    def sniff(probe: Probe) -> Match: ...          # is this input mine? (from its first bytes)

    @reader("tsv", suffixes=(".tsv",), sniff=sniff)
    def read(stream: BinaryIO, probe: Probe, options: IngestOptions) -> Iterator[Document | Failure]: ...

dateline's own formats (``text``, ``html``, ``jsonl``, ``warc``) register
themselves when :func:`registered` first runs; other packages register theirs
by importing this decorator, or through the ``dateline.readers`` entry point
group. :func:`detect` picks the format of an input: a reader *sure* of the
content wins, then the reader the file name promises, then a reader that
*guesses* from the content, and plain text when none does.

:func:`read_stream` opens any input the same way: it reads the first bytes,
decompresses gzip (for readers that want it), lets :func:`detect` choose and
runs the reader, turning the errors of a broken stream into failures and
holding every reader to ``max_bytes``.
"""

from __future__ import annotations

import gzip
import importlib
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from importlib.metadata import entry_points
from typing import BinaryIO

from dateline.errors import EmptyInputError, InputError, PipelineError
from dateline.ingest._common import READ_ERRORS, IngestOptions, failure, read_problem, too_large
from dateline.ingest._decode import SNIFF_BYTES, Prepended, gunzip_head, is_gzip
from dateline.records import Document, Failure

__all__ = ["Match", "Probe", "Reader", "detect", "read_stream", "reader", "reader_for_name", "registered"]

#: dateline's own formats: the modules whose import registers them.
BUILTIN_MODULES: tuple[str, ...] = tuple(f"dateline.ingest.{name}" for name in ("text", "html", "jsonl", "warc"))
#: The entry point group through which other packages register formats.
ENTRY_POINT_GROUP = "dateline.readers"
#: The format of an input that no reader recognizes.
FALLBACK = "text"
#: The suffix of gzip-compressed files (``page.html.gz`` is an HTML file).
GZIP_SUFFIX = ".gz"


class Match(IntEnum):
    """How sure a reader is, from an input's first bytes, that the input is its format."""

    NO = 0
    #: The content suggests the format; a file name that promises another format wins over it.
    GUESS = 1
    #: The content is unambiguous (a WARC header, an HTML document start); it wins over the name.
    SURE = 2


@dataclass(frozen=True)
class Probe:
    """An input as a reader first sees it: where it comes from and its first bytes."""

    source: str
    """What documents and failures name as their input: a path, or ``<stdin>``."""
    name: str | None
    """The file name, whose suffix says what the file should hold (None for standard input)."""
    head: bytes
    """The first bytes (up to ``SNIFF_BYTES``), decompressed when the input is gzip."""
    compressed: bool
    """Whether the input is gzip-compressed."""


Sniff = Callable[[Probe], Match]
Read = Callable[[BinaryIO, Probe, IngestOptions], Iterator[Document | Failure]]


@dataclass(frozen=True)
class Reader:
    """A registered input format: its name, the file suffixes it owns, how to recognize and read it."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Sniff
    read: Read
    decompress: bool = True
    """Whether ``read`` gets the stream gzip-decompressed (False: it decompresses itself, like WARC)."""
    priority: int = 0
    """Breaks ties between readers equally sure of the same content: the higher goes first."""


_REGISTRY: dict[str, Reader] = {}
_loaded_builtins = False


def reader(
    name: str, *, suffixes: tuple[str, ...], sniff: Sniff, decompress: bool = True, priority: int = 0
) -> Callable[[Read], Read]:
    """Register the decorated function as the reader of the format ``name`` (see the module docstring).

    ``suffixes`` are lower-case file name endings with their dot (``".tsv"``);
    the same suffix with ``.gz`` after it is the format compressed.
    """
    bad = [s for s in suffixes if not s.startswith(".") or s != s.lower()]
    if bad:
        raise PipelineError(f"format {name!r}: suffixes are lower case and start with a dot, got {bad}")

    def register(read: Read) -> Read:
        entry = f"{read.__module__}:{read.__qualname__}"
        known = _REGISTRY.get(name)
        if known is not None and f"{known.read.__module__}:{known.read.__qualname__}" != entry:
            raise PipelineError(f"format {name!r} is already registered by {known.read.__module__}; "
                                "choose another name")
        _REGISTRY[name] = Reader(name, suffixes, sniff, read, decompress, priority)
        return read

    return register


def registered() -> Mapping[str, Reader]:
    """Every registered format by name: dateline's own, those of entry points, those registered so far."""
    global _loaded_builtins
    if not _loaded_builtins:
        for module in BUILTIN_MODULES:
            importlib.import_module(module)
        for point in entry_points(group=ENTRY_POINT_GROUP):
            point.load()
        _loaded_builtins = True
    return _REGISTRY


def reader_for_name(name: str) -> Reader | None:
    """The format a file name promises (``.html.gz`` counts as ``.html``; the longest suffix wins), or None."""
    lower = name.lower().removesuffix(GZIP_SUFFIX)
    owners = [(len(s), r) for r in registered().values() for s in r.suffixes if lower.endswith(s)]
    return max(owners, key=lambda owner: owner[0])[1] if owners else None


def detect(probe: Probe) -> Reader:
    """The reader of an input: sure of its content, else promised by its name, else guessing, else text."""
    readers = registered()
    votes = sorted(((r.sniff(probe), r.priority, r) for r in readers.values()), key=lambda v: (v[0], v[1]),
                   reverse=True)
    best = votes[0] if votes else None
    if best is not None and best[0] == Match.SURE:
        return best[2]
    by_name = reader_for_name(probe.name) if probe.name else None
    if by_name is not None:
        return by_name
    if best is not None and best[0] == Match.GUESS:
        return best[2]
    return readers[FALLBACK]


def read_stream(raw: BinaryIO, source: str, name: str | None, options: IngestOptions) -> Iterator[Document | Failure]:
    """Read one input stream (a file or stdin), whatever its format and compression.

    ``name`` is the file name (None for standard input). A stream that breaks
    while being read ends with a failure; documents read before stay.
    """
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
    probe = Probe(source, name, gunzip_head(head) if compressed else head, compressed)
    chosen = detect(probe)
    if compressed and chosen.decompress:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    try:
        for item in chosen.read(stream, probe, options):
            yield _within_limit(item, options.max_bytes)
    except InputError as exc:
        yield failure(exc)
    except READ_ERRORS as exc:
        yield failure(InputError(read_problem(exc), source=source))


def _within_limit(item: Document | Failure, max_bytes: int) -> Document | Failure:
    """The item, or a failure when a reader let through a document over the size limit.

    Every character took at least one byte of input, so a document of more
    characters than ``max_bytes`` came from more bytes than the limit allows;
    the check never refuses what a reader measured in bytes and accepted.
    """
    if isinstance(item, Document) and len(item.content) > max_bytes:
        return failure(too_large("is larger", max_bytes, item.source))
    return item
