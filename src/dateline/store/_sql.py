"""SQL text the store's statements share."""

from __future__ import annotations

__all__ = ["sql_string"]


def sql_string(value: str) -> str:
    """A SQL string literal, for the statements that take no parameter for a path (COPY, ATTACH)."""
    return "'" + value.replace("'", "''") + "'"
