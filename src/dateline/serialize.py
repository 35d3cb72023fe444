"""Convert an :class:`Article` to and from the contract JSON (``article.schema.json``).

This is the one place where records become plain dicts: the CLI's JSON output,
JSONL exports, the store and ``GET /api/articles/{id}`` all go through it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.errors import InputError
from dateline.records import (
    Actor,
    Article,
    Boilerplate,
    Event,
    EventDate,
    Place,
    Quote,
    Span,
    TimeExpr,
)

__all__ = ["article_from_dict", "article_to_dict"]

JSON = dict[str, Any]


def span_to_dict(span: Span) -> JSON:
    return {"start": span.start, "end": span.end, "text": span.text}


def span_from_dict(data: JSON) -> Span:
    return Span(int(data["start"]), int(data["end"]), str(data["text"]))


def _check_spans(article: Article) -> Article:
    """Reject JSON whose spans do not cover their text: offsets are the contract's promise."""
    text = article.text
    spans: list[Span] = [m for a in article.actors for m in a.mentions]
    spans += [t.span for t in article.times] + [p.span for p in article.places]
    spans += [s for e in article.events for s in (e.trigger, e.evidence, *e.actor_spans, *e.recipient_spans)]
    spans += [s for q in article.quotes for s in (q.content, q.speaker_span, q.cue) if s is not None]
    for span in spans:
        if text[span.start:span.end] != span.text:
            raise InputError(
                f"span [{span.start}, {span.end}) says {span.text!r} but the text there is "
                f"{text[span.start:span.end]!r}: the JSON was edited or comes from another text",
                source=article.id,
            )
    return article


def _place_fields(place: Place) -> JSON:
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
        "feature": place.feature,
    }


def actor_to_dict(actor: Actor) -> JSON:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "title": actor.title,
        "wikidata": actor.wikidata,
        "mentions": [span_to_dict(m) for m in actor.mentions],
    }


def _event_place_to_dict(place: Place | None) -> JSON | None:
    return None if place is None else {**place_to_dict(place), "span": span_to_dict(place.span)}


def event_to_dict(event: Event) -> JSON:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "actors": list(event.actors),
        "recipients": list(event.recipients),
        "date": None if event.date is None else {"value": event.date.value, "text": event.date.text},
        "place": _event_place_to_dict(event.place),
        "status": event.status,
        "quad": event.quad,
        "intensity": event.intensity,
        "confidence": event.confidence,
        "trigger": span_to_dict(event.trigger),
        "evidence": span_to_dict(event.evidence),
        "actor_spans": [span_to_dict(s) for s in event.actor_spans],
        "recipient_spans": [span_to_dict(s) for s in event.recipient_spans],
    }


def quote_to_dict(quote: Quote) -> JSON:
    return {
        "id": quote.id,
        "speaker": quote.speaker,
        "speaker_text": None if quote.speaker_span is None else quote.speaker_span.text,
        "speaker_span": None if quote.speaker_span is None else span_to_dict(quote.speaker_span),
        "cue": None if quote.cue is None else quote.cue.text,
        "cue_span": None if quote.cue is None else span_to_dict(quote.cue),
        "text": quote.content.text,
        "start": quote.content.start,
        "end": quote.content.end,
        "direct": quote.direct,
        "kind": quote.kind,
    }


def time_to_dict(time: TimeExpr) -> JSON:
    return {**span_to_dict(time.span), "value": time.value, "type": time.type}


def place_to_dict(place: Place) -> JSON:
    return {**span_to_dict(place.span), **_place_fields(place)}


def article_to_dict(article: Article) -> JSON:
    """The contract JSON object for one article."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "site": article.site,
        "title": article.title,
        "authors": list(article.authors),
        "published": None if article.published is None else article.published.isoformat(),
        "published_text": article.published_text,
        "language": article.language,
        "duplicate_of": article.duplicate_of,
        "text": article.text,
        "boilerplate": [{"kind": b.kind, "text": b.text} for b in article.boilerplate],
        "actors": [actor_to_dict(a) for a in article.actors],
        "events": [event_to_dict(e) for e in article.events],
        "quotes": [quote_to_dict(q) for q in article.quotes],
        "times": [time_to_dict(t) for t in article.times],
        "places": [place_to_dict(p) for p in article.places],
    }


def _place_from_dict(data: JSON, span: Span) -> Place:
    return Place(
        span=span,
        name=data["name"],
        country=data.get("country"),
        lat=data.get("lat"),
        lon=data.get("lon"),
        geonames_id=data.get("geonames_id"),
        feature=data.get("feature"),
    )


def _event_place(data: JSON) -> Place:
    span = data.get("span") or {"start": data.get("start", 0), "end": data.get("end", 0), "text": data.get("text", "")}
    return _place_from_dict(data, span_from_dict(span))


def _optional_span(data: JSON | None) -> Span | None:
    return None if data is None else span_from_dict(data)


def article_from_dict(data: JSON) -> Article:
    """Rebuild an :class:`Article` from its contract JSON (inverse of :func:`article_to_dict`).

    Raises :class:`InputError` when a span does not cover its text.
    """
    return _check_spans(_article(data))


def actor_from_dict(a: JSON) -> Actor:
    return Actor(
        id=a["id"],
        name=a["name"],
        kind=a["kind"],
        country=a.get("country"),
        sector=a.get("sector"),
        mentions=tuple(span_from_dict(m) for m in a.get("mentions") or ()),
        title=a.get("title"),
        wikidata=a.get("wikidata"),
    )


def event_from_dict(e: JSON) -> Event:
    return Event(
        id=e["id"],
        type=e["type"],
        actors=tuple(e.get("actors") or ()),
        recipients=tuple(e.get("recipients") or ()),
        status=e["status"],
        trigger=span_from_dict(e["trigger"]),
        evidence=span_from_dict(e["evidence"]),
        mode=e.get("mode"),
        contexts=tuple(e.get("contexts") or ()),
        date=None if e.get("date") is None else EventDate(e["date"].get("value"), e["date"].get("text")),
        place=None if e.get("place") is None else _event_place(e["place"]),
        quad=e.get("quad"),
        intensity=e.get("intensity"),
        confidence=e.get("confidence"),
        actor_spans=tuple(span_from_dict(s) for s in e.get("actor_spans") or ()),
        recipient_spans=tuple(span_from_dict(s) for s in e.get("recipient_spans") or ()),
    )


def time_from_dict(t: JSON) -> TimeExpr:
    return TimeExpr(span_from_dict(t), t.get("value"), t.get("type") or "DATE")


def quote_from_dict(q: JSON) -> Quote:
    return Quote(
        id=q["id"],
        content=span_from_dict(q),
        direct=bool(q["direct"]),
        speaker=q.get("speaker"),
        speaker_span=_optional_span(q.get("speaker_span")),
        cue=_optional_span(q.get("cue_span")),
        kind=q.get("kind") or "speech",
    )


def _article(data: JSON) -> Article:
    published = data.get("published")
    return Article(
        id=data["id"],
        source=data.get("source") or "",
        text=data["text"],
        title=data.get("title"),
        url=data.get("url"),
        site=data.get("site"),
        authors=tuple(data.get("authors") or ()),
        published=None if not published else dt.date.fromisoformat(published[:10]),
        published_text=data.get("published_text"),
        language=data.get("language"),
        duplicate_of=data.get("duplicate_of"),
        boilerplate=tuple(Boilerplate(b["kind"], b["text"]) for b in data.get("boilerplate") or ()),
        actors=tuple(actor_from_dict(a) for a in data.get("actors") or ()),
        times=tuple(time_from_dict(t) for t in data.get("times") or ()),
        places=tuple(_place_from_dict(p, span_from_dict(p)) for p in data.get("places") or ()),
        events=tuple(event_from_dict(e) for e in data.get("events") or ()),
        quotes=tuple(quote_from_dict(q) for q in data.get("quotes") or ()),
    )
