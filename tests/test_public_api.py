"""The public API is small and stable: what ``dateline`` exports is exactly this."""

from __future__ import annotations

import dateline

EXPECTED = {
    "Actor", "Article", "Boilerplate", "DatelineError", "Document", "Event", "EventDate", "Failure",
    "Pipeline", "Place", "Quote", "Span", "TimeExpr", "process",
}

#: What a package of input formats needs from dateline (besides the records): the reader decorator and its types.
INGEST = {
    "MAX_DOCUMENT_BYTES", "STDIN", "IngestOptions", "Match", "Probe", "Reader", "iter_documents", "parse_size",
    "read_stream", "reader", "registered", "OnSkip", "count_documents", "known_suffixes",
}

#: The records and the Literal types their kinds and statuses share with the store and the API.
RECORDS = {
    "EVENT_STATUSES", "EVENT_TYPES", "QUOTE_KINDS", "Actor", "ActorKind", "Article", "Boilerplate", "Document",
    "DocumentKind", "Event", "EventDate", "EventStatus", "EventType", "Failure", "Place", "Quote", "QuoteKind",
    "Span", "TimeExpr", "make_span",
}

#: What the places stage offers other stages and evaluations; its learned models' internals stay private.
PLACES = {"Choice", "PlacesConfig", "apply", "check_features", "choices", "resolve", "resolve_spans"}


def test_exported_members() -> None:
    assert set(dateline.__all__) == EXPECTED
    for name in dateline.__all__:
        assert getattr(dateline, name) is not None


def test_the_ingest_records_and_places_modules_export_their_api() -> None:
    from dateline import ingest, places, records

    for module, expected in ((ingest, INGEST), (records, RECORDS), (places, PLACES)):
        assert set(module.__all__) == expected, module.__name__
        for name in module.__all__:
            assert getattr(module, name) is not None


def test_every_error_is_a_dateline_error() -> None:
    from dateline import errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), dateline.DatelineError)
