"""Clean: placeholder that keeps the text as it is."""

from __future__ import annotations

from dateline.records import Article, Document

__all__ = ["clean"]


def clean(document: Document) -> Article:
    """Turn a document into an article (placeholder: text kept as is)."""
    return Article(id=document.id, source=document.source, text=document.content, title=document.title, url=document.url)
