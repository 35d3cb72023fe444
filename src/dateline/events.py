"""Events: placeholder stage; fills nothing yet."""

from __future__ import annotations

from dateline.records import Article

__all__ = ["apply"]


def apply(article: Article) -> Article:
    """Return the article unchanged (this stage is not built yet)."""
    return article
