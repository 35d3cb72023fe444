"""dateline: raw news in, evidence-linked event data out.

>>> import dateline
>>> article = dateline.process("Trump met Putin in Hamburg on Friday.", published="2017-07-07")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.errors import DatelineError
from dateline.ids import document_id
from dateline.pipeline import DEFAULT_STAGES, Pipeline
from dateline.records import (
    Actor,
    Article,
    Boilerplate,
    Document,
    Event,
    EventDate,
    Failure,
    Place,
    Quote,
    Span,
    TimeExpr,
)

__all__ = [
    "Actor",
    "Article",
    "Boilerplate",
    "DatelineError",
    "Document",
    "Event",
    "EventDate",
    "Failure",
    "Pipeline",
    "Place",
    "Quote",
    "Span",
    "TimeExpr",
    "process",
]

__version__ = "0.1.0"


def process(
    content: str,
    *,
    html: bool | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Article:
    """Process one article given as text (flattened page) or HTML; raise on failure.

    ``html`` defaults to a guess from the content. ``published`` (ISO date) anchors
    relative dates such as "last month".
    """
    if html is None:
        html = content.lstrip()[:1].startswith("<")
    document = Document(
        id=document_id(content, url),
        source="<string>",
        kind="html" if html else "text",
        content=content,
        url=url,
        title=title,
        published=published,
    )
    result = Pipeline(stages, on_error="stop").run_batch([document])[0]
    assert isinstance(result, Article)
    return result
