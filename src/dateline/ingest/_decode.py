"""Bytes to text for ingest: gzip, format sniffing and encoding detection.

Everything here works on bytes already read (or a bounded head of a stream);
nothing downstream of :mod:`dateline.ingest` ever sees bytes.
"""

from __future__ import annotations

import codecs
import io
import re
import zlib
from typing import BinaryIO, Literal

from charset_normalizer import from_bytes

from dateline.errors import InputError

Format = Literal["text", "html", "jsonl", "warc"]

#: Bytes read from the start of an input to guess its format.
SNIFF_BYTES = 8192

#: Share of control characters (other than tab, newline, form feed, carriage
#: return) above which decoded text is taken for binary data. Real text pages
#: from the shared corpora have none; 1% leaves room for a stray byte.
MAX_CONTROL_SHARE = 0.01

GZIP_MAGIC = b"\x1f\x8b"

_NAME_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|br|a|span|h[1-6]|article|section|table|ul|li)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters that a Western-European page in cp1252 or latin-1 plausibly holds
# beyond ASCII: the Latin-1 letters and signs, and cp1252's typographic extras.
_WESTERN = re.compile(
    "[\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u20ac\u2122"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2039\u203a]"
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def format_from_name(name: str) -> Format | None:
    """The format a file name promises (``.html.gz`` counts as ``.html``), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for suffix, fmt in _NAME_FORMATS.items():
        if lower.endswith(suffix):
            return fmt
    return None


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def gunzip_head(head: bytes) -> bytes:
    """As much of a gzip stream's start as ``head`` holds, decompressed (empty if unreadable)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def sniff(head: bytes, by_name: Format | None) -> Format:
    """The format of an input from its first (decompressed) bytes, the name breaking ties.

    Content wins where it is unambiguous (a WARC header, an HTML document start,
    a JSON object per line); otherwise the name decides, and plain text is the default.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if _HTML_START.match(stripped):
        return "html"
    if by_name is not None:
        return by_name
    if stripped.startswith(b"{") and _first_line_is_object(stripped):
        return "jsonl"
    if len(_HTML_TAGS.findall(stripped)) >= 3:
        return "html"
    return "text"


def _first_line_is_object(head: bytes) -> bool:
    import json

    line = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return b"\n" not in head  # a first line longer than the head: trust the brace


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
    sample = text[:100_000]
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
    if charset and _known_codec(charset) and _known_codec(charset) != "utf-8":
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
    match = _META_CHARSET.search(data[:SNIFF_BYTES * 2])
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
