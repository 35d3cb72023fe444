"""The public API is small and stable: what ``dateline`` exports is exactly this."""

from __future__ import annotations

import dateline

EXPECTED = {
    "Actor", "Article", "Boilerplate", "DatelineError", "Document", "Event", "EventDate", "Failure",
    "Pipeline", "Place", "Quote", "Span", "TimeExpr", "process",
}


def test_exported_members() -> None:
    assert set(dateline.__all__) == EXPECTED
    for name in dateline.__all__:
        assert getattr(dateline, name) is not None


def test_every_error_is_a_dateline_error() -> None:
    from dateline import errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), dateline.DatelineError)
