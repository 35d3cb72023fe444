"""Convert an :class:`Article` to and from the contract JSON (``article.schema.json``).

This is the one place where records become plain dicts: the CLI's JSON output,
JSONL exports, the store and ``GET /api/articles/{id}`` all go through it.

Both directions are derived from the records' dataclass fields, so a field
added to a record is written and read back with no change here. Each field is
one key of its record's object, in field order, shaped by its type: a nested
record is an object (a :class:`Span` is ``{start, end, text}``), a tuple a
list, a date an ISO string. Fields that are not part of a record's value
(``compare=False``, like :attr:`Article.doc`) are never written. Where the
contract names or shapes a field otherwise, :data:`_KEYS` says how, and
nothing else does:

- the span of a place or time expression and the content of a quote sit in
  the record's own object (``{"start", "end", "text", "name", ...}``);
- a quote's speaker and cue spans are ``speaker_span`` and ``cue_span``, with
  their text beside them as ``speaker_text`` and ``cue``;
- an event's place also carries its span under ``span``;
- an article's ``source`` may be left out (it is ``""`` then).

Reading is strict where it matters: a missing required key, a value of the
wrong type, a kind or status outside its :data:`~typing.Literal` type, or a
span that does not cover its text raise :class:`InputError` naming the key
(``events[2].trigger``). Keys of fields with defaults may be missing or null;
a missing or null list is an empty one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from dateline.errors import InputError
from dateline.records import Article, Event, Place, Quote, Span, TimeExpr

__all__ = ["article_from_dict", "article_to_dict", "record_from_dict", "record_to_dict"]

JSON = dict[str, Any]
R = TypeVar("R")
#: A value of a field's type -> its JSON.
Encode = Callable[[Any], Any]
#: JSON -> a value of a field's type (raises _Mismatch).
Decode = Callable[[Any], Any]

#: Longest excerpt of a wrong value quoted in an error message.
MAX_SHOWN_CHARS = 80
#: How error messages name the JSON values of plain types.
_NAMES = {str: "a string", int: "an integer", bool: "true or false"}


@dataclass(frozen=True)
class Keys:
    """How one field sits in its record's JSON object when not as one key of its own name."""

    write: Callable[[Any], JSON]
    """The field's value -> the keys it adds to the object."""
    read: Callable[[JSON], Any]
    """The record's object -> the field's value."""


def _span_keys(span: Span) -> JSON:
    return {"start": span.start, "end": span.end, "text": span.text}


def _inline_span() -> Keys:
    """A span whose ``start``, ``end`` and ``text`` are keys of the record's own object."""
    return Keys(write=_span_keys, read=lambda obj: _from_dict(Span, obj))


def _span_with_text(span_key: str, text_key: str) -> Keys:
    """An optional span under ``span_key``, its text also under ``text_key``."""
    def write(span: Span | None) -> JSON:
        return {text_key: None if span is None else span.text, span_key: None if span is None else _span_keys(span)}

    def read(obj: JSON) -> Span | None:
        span = obj.get(span_key)
        return None if span is None else _at(span_key, _from_dict, Span, span)

    return Keys(write, read)


def _event_place() -> Keys:
    """A place as in the article's list of places, with its span also nested under ``span``."""
    def write(place: Place | None) -> JSON:
        return {"place": None if place is None else {**record_to_dict(place), "span": _span_keys(place.span)}}

    def read(obj: JSON) -> Place | None:
        place = obj.get("place")
        if isinstance(place, dict):  # the contract does not require an event place's span: empty at 0 then
            nested = place.get("span")
            place = {"start": 0, "end": 0, "text": "", **place, **(nested if isinstance(nested, dict) else {})}
        return None if place is None else _at("place", _from_dict, Place, place)

    return Keys(write, read)


def _optional_on_read(name: str, default: str) -> Keys:
    """A required text field that JSON may leave out (or null): ``default`` then."""
    def read(obj: JSON) -> str:
        value = obj.get(name)
        if value is None:
            return default
        if not isinstance(value, str):
            raise _wrong(_NAMES[str], value).at(name)
        return value

    return Keys(lambda value: {name: value}, read)


#: The fields that the contract names or shapes otherwise than their type says (see the module docstring).
_KEYS: dict[tuple[type, str], Keys] = {
    (Place, "span"): _inline_span(),
    (TimeExpr, "span"): _inline_span(),
    (Quote, "content"): _inline_span(),
    (Quote, "speaker_span"): _span_with_text("speaker_span", "speaker_text"),
    (Quote, "cue"): _span_with_text("cue_span", "cue"),
    (Event, "place"): _event_place(),
    (Article, "source"): _optional_on_read("source", ""),
}


@dataclass(frozen=True)
class _Field:
    """One written field of a record class: how its value becomes JSON and back."""

    name: str
    type: Any
    keys: Keys | None
    encode: Encode | None  # None: the value is its own JSON
    decode: Decode
    missing: object  # the value of a missing or null key, or _DEFAULT, or _REQUIRED


#: A missing or null key leaves the field its default.
_DEFAULT = object()
#: A missing or null key is an error.
_REQUIRED = object()

_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _fields(cls: type) -> tuple[_Field, ...]:
    """The written fields of a record class, worked out once from its type hints."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = get_type_hints(cls)
        found = _FIELDS[cls] = tuple(_field(cls, f, hints[f.name]) for f in dataclasses.fields(cls) if f.compare)
    return found


def _field(cls: type, field: dataclasses.Field[Any], tp: Any) -> _Field:
    required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    missing: object = _DEFAULT
    if get_origin(tp) is tuple:
        missing = ()  # a missing or null list is an empty one
    elif required:
        missing = None if _optional(tp) is not None else _REQUIRED
    return _Field(field.name, tp, _KEYS.get((cls, field.name)), _encoder(tp), _decoder(tp), missing)


# --- records to JSON ---------------------------------------------------------------------------------------------


def article_to_dict(article: Article) -> JSON:
    """The contract JSON object for one article."""
    return record_to_dict(article)


def record_to_dict(record: object) -> JSON:
    """The JSON object of any record (an article, an event, a span ...), as the contract writes it."""
    obj: JSON = {}
    for field in _fields(type(record)):
        value = getattr(record, field.name)
        if field.keys is not None:
            obj.update(field.keys.write(value))
        else:
            obj[field.name] = value if field.encode is None else field.encode(value)
    return obj


@functools.cache
def _encoder(tp: Any) -> Encode | None:
    """How a value of the type ``tp`` becomes JSON (None: it is JSON already)."""
    inner = _optional(tp)
    if inner is not None:
        encode = _encoder(inner)
        return None if encode is None else lambda value: None if value is None else encode(value)
    if get_origin(tp) is tuple:
        item = _encoder(get_args(tp)[0])
        return list if item is None else lambda values: [item(v) for v in values]
    if tp is dt.date:
        return dt.date.isoformat
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return record_to_dict
    return None


# --- JSON to records ---------------------------------------------------------------------------------------------


def article_from_dict(data: JSON) -> Article:
    """Rebuild an :class:`Article` from its contract JSON (inverse of :func:`article_to_dict`).

    Raises :class:`InputError` for JSON that does not fit the records (naming the
    key, e.g. ``events[2].trigger``), and when a span does not cover its text.
    """
    article_id = data.get("id") if isinstance(data, dict) else None
    article = record_from_dict(Article, data, source=article_id if isinstance(article_id, str) else None)
    _check_spans(article)
    return article


def record_from_dict(cls: type[R], data: object, *, source: str | None = None) -> R:
    """Rebuild a record of class ``cls`` from its JSON object (inverse of :func:`record_to_dict`).

    Raises :class:`InputError` (naming ``source``) for JSON that does not fit.
    Spans are not checked against a text.
    """
    try:
        return _from_dict(cls, data)
    except _Mismatch as exc:
        raise InputError(f"the JSON is not a valid {cls.__name__}: {exc}", source=source) from None


class _Mismatch(Exception):
    """JSON that does not fit a record's field; the key path grows as the error leaves each object."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path: list[str] = []

    def at(self, key: str | int) -> _Mismatch:
        self.path.insert(0, f"[{key}]" if isinstance(key, int) else key)
        return self

    def __str__(self) -> str:
        where = "".join(p if p.startswith("[") or i == 0 else f".{p}" for i, p in enumerate(self.path))
        return f"{where or 'the object'} {self.problem}"


def _wrong(expected: str, value: object) -> _Mismatch:
    """The mismatch of a value that is not what its field takes."""
    shown = repr(value)
    if len(shown) > MAX_SHOWN_CHARS:
        shown = shown[: MAX_SHOWN_CHARS - 3] + "..."
    return _Mismatch(f"must be {expected}, not {shown}")


def _at(key: str | int, read: Callable[..., R], *args: Any) -> R:
    """``read(*args)``, with ``key`` added to the path of a mismatch inside it."""
    try:
        return read(*args)
    except _Mismatch as exc:
        raise exc.at(key) from None


def _from_dict(cls: type[R], data: object) -> R:
    if not isinstance(data, dict):
        raise _wrong(f"a {cls.__name__} object", data)
    values: dict[str, Any] = {}
    for field in _fields(cls):
        if field.keys is not None:
            values[field.name] = field.keys.read(data)
            continue
        value = data.get(field.name)
        if value is not None:
            try:
                values[field.name] = field.decode(value)
            except _Mismatch as exc:
                raise exc.at(field.name) from None
        elif field.missing is _REQUIRED:
            raise _Mismatch("is missing; it is required").at(field.name)
        elif field.missing is not _DEFAULT:
            values[field.name] = field.missing
    return cls(**values)


@functools.cache
def _decoder(tp: Any) -> Decode:
    """How JSON becomes a value of the type ``tp``, checked."""
    inner = _optional(tp)
    if inner is not None:
        decode = _decoder(inner)
        return lambda value: None if value is None else decode(value)
    if get_origin(tp) is tuple:
        return _tuple_decoder(_decoder(get_args(tp)[0]))
    if get_origin(tp) is Literal:
        return _literal_decoder(get_args(tp))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return functools.partial(_from_dict, tp)
    if tp is dt.date:
        return _date
    if tp is float:
        return _number
    if tp in (str, int, bool):
        return _instance_decoder(tp)
    if tp is Any:
        return lambda value: value
    raise TypeError(f"records hold no field of type {tp!r} that serialize can read; give it an entry in _KEYS")


def _tuple_decoder(item: Decode) -> Decode:
    def decode(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _wrong("a list", value)
        items = []
        for i, v in enumerate(value):
            try:
                items.append(item(v))
            except _Mismatch as exc:
                raise exc.at(i) from None
        return tuple(items)

    return decode


def _literal_decoder(allowed: tuple[Any, ...]) -> Decode:
    def decode(value: Any) -> Any:
        if not any(value == a and type(value) is type(a) for a in allowed):
            raise _wrong(f"one of {', '.join(map(repr, allowed))}", value)
        return value

    return decode


def _instance_decoder(tp: type) -> Decode:
    def decode(value: Any) -> Any:
        if type(value) is not tp:  # not isinstance: True is no integer here
            raise _wrong(_NAMES[tp], value)
        return value

    return decode


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        raise _wrong("an ISO date (YYYY-MM-DD)", value)
    try:
        return dt.date.fromisoformat(value[:10]) if value else None  # a full timestamp counts by its day
    except ValueError:
        raise _wrong("an ISO date (YYYY-MM-DD)", value) from None


def _number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _wrong("a number", value)
    return float(value)


def _optional(tp: Any) -> Any:
    """``X`` for the type ``X | None``, else None."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == len(args) + 1:
            return args[0]
    return None


# --- spans -------------------------------------------------------------------------------------------------------


def _spans(record: object) -> Iterator[Span]:
    """Every span inside a record, at any depth."""
    for name in _span_fields(type(record)):
        value = getattr(record, name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Span):
                yield item
            elif item is not None:
                yield from _spans(item)


_SPAN_FIELDS: dict[type, tuple[str, ...]] = {}


def _span_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class that hold spans, directly or inside records (worked out once)."""
    found = _SPAN_FIELDS.get(cls)
    if found is None:
        found = _SPAN_FIELDS[cls] = tuple(f.name for f in _fields(cls) if _holds_spans(f.type))
    return found


def _holds_spans(tp: Any) -> bool:
    if tp is Span:
        return True
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return bool(_span_fields(tp))
    return any(_holds_spans(arg) for arg in get_args(tp))


def _check_spans(article: Article) -> None:
    """Reject JSON whose spans do not cover their text: offsets are the contract's promise."""
    text = article.text
    for span in _spans(article):
        if text[span.start:span.end] != span.text:
            raise InputError(
                f"span [{span.start}, {span.end}) says {span.text!r} but the text there is "
                f"{text[span.start:span.end]!r}: the JSON was edited or comes from another text",
                source=article.id,
            )
