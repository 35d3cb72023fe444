"""Bytes to text for ingest: gzip and encoding detection.

Everything here works on bytes already read (or a bounded head of a stream);
nothing downstream of :mod:`dateline.ingest` ever sees bytes.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import zlib
from typing import BinaryIO

from charset_normalizer import from_bytes

from dateline.errors import InputError

#: Bytes read from the start of an input to guess its format.
SNIFF_BYTES = 8192
#: Bytes of an HTML page searched for a ``<meta charset>`` declaration (it belongs in the head).
META_CHARSET_BYTES = 2 * SNIFF_BYTES
#: Characters of decoded text checked for control characters (enough to tell text from binary).
CONTROL_SAMPLE_CHARS = 100_000

#: Share of control characters (other than tab, newline, form feed, carriage
#: return) above which decoded text is taken for binary data. Real text pages
#: from the shared corpora have none; 1% leaves room for a stray byte.
MAX_CONTROL_SHARE = 0.01

GZIP_MAGIC = b"\x1f\x8b"
#: zlib's window size for a stream with a gzip header and trailer (rather than zlib's own).
_GZIP_WBITS = 16 + zlib.MAX_WBITS

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters that a Western-European page in cp1252 or latin-1 plausibly holds
# beyond ASCII: the Latin-1 letters and signs, and cp1252's typographic extras.
_WESTERN = re.compile(
    "[\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u20ac\u2122"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2039\u203a]"
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def gunzip_head(head: bytes) -> bytes:
    """As much of a gzip stream's start as ``head`` holds, decompressed (empty if unreadable)."""
    try:
        return zlib.decompressobj(_GZIP_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def decode(data: bytes, *, source: str, html: bool = False, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, declared charset, UTF-8, then Western or detected encodings.

    Raises :class:`InputError` for binary data (NUL bytes, control characters).
    """
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            "looks like a binary file (it holds NUL bytes), not text, HTML, JSONL or WARC; "
            "pass only text inputs or decompress/convert it first",
            source=source,
        )
    text = _decode_any(data, html=html, declared=declared)
    sample = text[:CONTROL_SAMPLE_CHARS]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise InputError(
            "looks like binary data (too many control characters after decoding); "
            "pass only text inputs or convert it to text first",
            source=source,
        )
    return text


def _decode_any(data: bytes, *, html: bool, declared: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    charset = declared or (_meta_charset(data) if html else None)
    if charset and _known_codec(charset) not in (None, "utf-8"):
        with contextlib.suppress(LookupError):  # a codec that is no text encoding (zlib, base64): ignore it
            return data.decode(charset, errors="replace")
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    """Not UTF-8: prefer cp1252 (a superset of printable latin-1) when the result looks Western."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        non_ascii = [ch for ch in western if ord(ch) > 127]
        if all(_WESTERN.match(ch) for ch in non_ascii):
            return western
    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return western if western is not None else data.decode("latin-1")


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:META_CHARSET_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


class Prepended(io.RawIOBase):
    """A binary stream that replays ``head`` before reading on from ``rest`` (for sniffing stdin)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
