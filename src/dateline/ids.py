"""Stable ids: the same input gives the same id on every run."""

from __future__ import annotations

import hashlib

__all__ = ["child_id", "document_id"]

#: Hex digits kept from the SHA-256 (64 bits: no collision expected below ~10^9 articles).
ID_LENGTH = 16
#: Hex digits of a record id inside an article (48 bits: ids only need to differ within one article).
CHILD_ID_LENGTH = 12


def document_id(content: str | bytes, url: str | None = None) -> str:
    """The id of a document: from its URL when it has one, else from its content."""
    if url:
        key = b"url:" + url.strip().encode("utf-8")
    else:
        key = b"content:" + (content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    return hashlib.sha256(key).hexdigest()[:ID_LENGTH]


def child_id(parent: str, kind: str, *parts: object) -> str:
    """The id of a record inside an article (actor, event, quote): stable for the same input."""
    key = "\x1f".join([parent, kind, *map(str, parts)]).encode("utf-8")
    return f"{kind[0]}{hashlib.sha256(key).hexdigest()[:CHILD_ID_LENGTH]}"
