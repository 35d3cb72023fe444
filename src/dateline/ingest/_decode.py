"""Bytes to text for ingest: gzip and encoding detection.

Everything here works on bytes already read (or a bounded head of a stream);
nothing downstream of :mod:`dateline.ingest` ever sees bytes.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import logging
import re
import zlib
from typing import BinaryIO

from dateline.errors import InputError

logger = logging.getLogger(__name__)

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

#: Valid non-ASCII UTF-8 characters needed per bad byte sequence to read bytes that are not valid
#: UTF-8 as UTF-8 anyway (a page with a few stray bytes). Text in a legacy code page has no valid
#: multi-byte sequences at all, or by chance one per dozens of its non-ASCII bytes.
MIN_VALID_PER_BAD = 10
#: How much messier (charset_normalizer's mess ratio) the Windows-1252 reading must be than the
#: detector's before the detector's wins: Cyrillic or CJK read as cp1252 scores 1 to 3, a Western
#: text with a euro sign after a digit 0.07.
MESS_MARGIN = 0.1
#: How much more like a language (charset_normalizer's coherence) the detector's reading must be than
#: the Windows-1252 one when both read cleanly: Czech and Polish news sentences in cp1250 scored
#: 0.035-0.08 higher in their own code page, a French one the detector took for cp1257 0.04 lower.
COHERENCE_MARGIN = 0.02
#: Characters of each reading compared (the start of a long text says enough).
LEGACY_SAMPLE_CHARS = 20_000
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
    text = _decode_any(data, html=html, declared=declared, source=source)
    sample = text[:CONTROL_SAMPLE_CHARS]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise InputError(
            "looks like binary data (too many control characters after decoding); "
            "pass only text inputs or convert it to text first",
            source=source,
        )
    return text


def _decode_any(data: bytes, *, html: bool, declared: str | None, source: str) -> str:
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
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        logger.warning("%s: %d byte sequence(s) are not valid UTF-8 in otherwise UTF-8 text; decoded as UTF-8 "
                       "with each shown as \ufffd", source, bad)
        return text
    return _decode_legacy(data)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text decoded as UTF-8 with replacement, and how many sequences were bad, when nearly all of its
    non-ASCII characters are valid UTF-8 (at least MIN_VALID_PER_BAD valid per bad one); else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return (text, bad) if valid >= MIN_VALID_PER_BAD * bad else None


def _decode_legacy(data: bytes) -> str:
    """Not UTF-8: the charset detector's answer, unless Windows-1252 reads the bytes as well.

    Windows-1252 (a superset of printable Latin-1) is what most mislabelled Western
    pages are in, and detectors often take short Western texts for a Central
    European or Baltic code page; so cp1252 wins unless its reading is clearly
    messier (Cyrillic or CJK bytes read as Latin letters) or the detector's
    reading is clearly more like a language (Czech or Polish read in cp1250).
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.cd import coherence_ratio
    from charset_normalizer.md import mess_ratio

    western = _try(data, "cp1252")
    best = from_bytes(data).best()
    other = str(best) if best is not None else None
    if other is None or other == western:
        return western if western is not None else data.decode("latin-1")
    if western is None:
        return other
    west, that = western[:LEGACY_SAMPLE_CHARS], other[:LEGACY_SAMPLE_CHARS]
    if mess_ratio(west, 1.0) > mess_ratio(that, 1.0) + MESS_MARGIN:
        return other

    def coherence(text: str) -> float:
        found = coherence_ratio(text)
        return float(found[0][1]) if found else 0.0

    return other if coherence(that) > coherence(west) + COHERENCE_MARGIN else western


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


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
