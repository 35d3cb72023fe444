"""Evaluate the places stage on LGL and GeoWebNews.

Three measures per corpus:

1. **End to end**, toponyms not given: the real annotate + places stages run on
   each document (with its URL, as a run has it); a gold toponym is *found*
   when a reported place overlaps it and is near it: within 161 km (100 miles)
   of the gold point, or the very GeoNames entry the gold names (GeoNames has
   moved the points of large countries between releases: Canada is at 60, -96
   in LGL and at 60.1, -113.6 in GeoWebNews, 900 km apart, under the same id
   6251999); a reported place is *right* when it overlaps a gold toponym and
   is near it. ``e2e.recall`` is the share of the
   gold toponyms with a point that are found; ``e2e.recall_names`` the same
   without the gold demonyms ("Russian", "Ohioans"), which the stage by design
   never reports as places; for GeoWebNews, whose annotation tells how each
   toponym is used, ``e2e.recall_literal`` counts only the names used for the
   place itself (types ``Literal``, ``Mixed``, ``Coercion``, ``Embedded_Literal``
   and noun ``Literal_Modifier``), not for a government, a team or an
   organization ("Turkey shelled", "the Washington Post"), which the stage
   leaves to the actors. ``e2e.precision`` is over the reported places that
   have a point (what a map shows); places overlapping only gold toponyms
   without a point are not judged, and ``e2e.unplaced`` counts the reported
   places with no point (streets and buildings the gazetteer does not know).
   GeoWebNews is also scored in two halves, in the file's order: the first
   READ_DOCUMENTS articles (``gwn.read.e2e.*``), whose errors the rules of the
   stage were read from, and the others (``gwn.unread.e2e.*``), which no rule
   was read from: the out-of-sample figure.
2. **Resolution** (geocoding), given the gold toponyms: each document's gold
   spans are resolved together with :func:`dateline.places.resolve_spans`. Both
   corpora also annotate demonyms as toponyms ("Russian" as Russia), which the
   stage never takes for places: those are read here as the country (or
   region) the language's demonym table names, and the other spans are
   resolved together without them, as the stage resolves what it finds. A
   toponym is correct when the point lies within 161 km of the gold
   coordinates; unresolved ones count as wrong. Mean and median error are
   over the resolved toponyms.
3. **Detection** (toponym recognition), from the same run as the end-to-end
   measure: the stage's spans against the gold spans, exact match and overlap
   (parses come from the evaluation parse cache when one is in use:
   ``--parse-cache``). ``recall_without_demonyms`` leaves out the gold
   demonyms (precision is the same either way).

Formats (see ``SOURCE.md`` beside the data): ``lgl/lgl.xml`` (``<article>``
with ``<url>``, ``<text>`` and ``<toponym><start/><end/><phrase/><gaztag>`` with
``<lat>``/``<lon>``) and ``geowebnews/GWN.xml`` (``<link>``, ``<toponym>`` with
``<type>``, ``<modifierType>``, ``<start>``, ``<end>``, ``<latitude>``,
``<longitude>``). GeoWebNews toponyms are the spans whose type is not a
location expression ("city", "lot") or a non-toponym, as in its paper.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.evaluation import Report, f1
from dateline.lang import Resources, resources
from dateline.records import Place, Span, make_span

__all__ = ["DEFAULT_DATA", "GoldDocument", "GoldToponym", "Tally", "evaluate", "near_gold", "read_geowebnews",
           "read_lgl"]

DEFAULT_DATA = "eval/places"

#: Distance within which a resolved toponym counts as correct (100 miles), the
#: usual geocoding threshold (Leidner 2008; Gritta et al. 2019).
ACCURACY_KM = 161.0

#: The language of both corpora (English news).
LANGUAGE = "en"

#: GeoWebNews span types that are not toponyms.
GWN_NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})

#: GeoWebNews types of a toponym used for the place itself ("in Paris", "a Paris restaurant", "at Wegmans");
#: a ``Literal_Modifier`` counts only as a noun ("Syrian" in "Syrian refugees" is an adjective).
GWN_LITERAL = frozenset({"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"})

#: GeoWebNews' articles, in the file's order, whose errors the places rules may be read from; the others are
#: never read, and their figures (``gwn.unread``) are out of sample.
READ_DOCUMENTS = {"gwn": 100}

_EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class GoldToponym:
    """A gold toponym; ``literal`` says whether it names the place itself (None: the corpus does not say);
    ``geonames_id`` the GeoNames entry it was resolved to, where the corpus gives it."""

    span: Span
    lat: float | None
    lon: float | None
    literal: bool | None = None
    geonames_id: int | None = None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    url: str | None = None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _parse(path: Path) -> ET.Element:
    if not path.is_file():
        raise InputError(f"gold file not found: {path}; pass --data pointing at the eval/places folder")
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"cannot parse {path}: {exc}") from exc


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def read_lgl(path: Path) -> Iterator[GoldDocument]:
    """The documents of ``lgl.xml`` with their gold toponyms."""
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            gaz = node.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            span = make_span(text, int(node.findtext("start", "0")), int(node.findtext("end", "0")))
            toponyms.append(GoldToponym(span, lat, lon, None, _int(gaz.get("geonameid") if gaz is not None else None)))
        yield GoldDocument(article.get("docid", ""), text, tuple(toponyms), article.findtext("url") or None)


def read_geowebnews(path: Path) -> Iterator[GoldDocument]:
    """The documents of ``GWN.xml`` with their toponyms (location expressions left out)."""
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            kind = node.findtext("type") or ""
            if kind in GWN_NOT_TOPONYMS:
                continue
            span = make_span(text, int(node.findtext("start", "0")), int(node.findtext("end", "0")))
            lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
            literal = kind in GWN_LITERAL and node.findtext("modifierType") != "Adjective"
            toponyms.append(GoldToponym(span, lat, lon, literal, _int(node.findtext("geonamesID"))))
        yield GoldDocument(article.get("file", ""), text, tuple(toponyms), article.findtext("link") or None)


def _points(document: GoldDocument, res: Resources) -> list[tuple[float, float] | None]:
    """The point each gold toponym of ``document`` resolves to (None: not resolved): a demonym's
    country or region, else what the other toponyms, resolved together, give."""
    from dateline.places import resolve_spans
    from dateline.places._gazetteer import load_gazetteer

    gazetteer = load_gazetteer(res)
    demonyms = [gazetteer.demonyms.get(gazetteer.key(t.span.text)) for t in document.toponyms]
    names = [t.span for t, entry in zip(document.toponyms, demonyms, strict=True) if entry is None]
    resolved = iter(resolve_spans(document.text, names, res, keep_unresolved=False))
    points: list[tuple[float, float] | None] = []
    for entry in demonyms:
        place = next(resolved) if entry is None else None
        lat, lon = (entry.lat, entry.lon) if entry is not None else (place.lat, place.lon) if place else (None, None)
        points.append((lat, lon) if lat is not None and lon is not None else None)
    return points


def _resolution(documents: Sequence[GoldDocument], prefix: str, res: Resources) -> dict[str, float | int]:
    errors: list[float] = []
    scored = correct = 0
    for document in documents:
        for gold, point in zip(document.toponyms, _points(document, res), strict=True):
            if gold.lat is None or gold.lon is None:
                continue
            scored += 1
            if point is None:
                continue
            error = haversine_km(gold.lat, gold.lon, point[0], point[1])
            errors.append(error)
            correct += error <= ACCURACY_KM
    return {
        f"{prefix}.resolution.toponyms": scored,
        f"{prefix}.resolution.resolved": len(errors),
        f"{prefix}.resolution.acc161": correct / scored if scored else 0.0,
        f"{prefix}.resolution.mean_km": statistics.fmean(errors) if errors else 0.0,
        f"{prefix}.resolution.median_km": statistics.median(errors) if errors else 0.0,
    }


def near_gold(place: Place, gold: GoldToponym) -> bool:
    """Whether ``place`` overlaps ``gold`` and is its GeoNames entry or lies within ACCURACY_KM of it: how the
    end-to-end measure, and the training of the places stage's models, judge a reported place."""
    if place.lat is None or place.lon is None or gold.lat is None or gold.lon is None:
        return False
    if not (place.span.start < gold.span.end and gold.span.start < place.span.end):
        return False
    same = place.geonames_id is not None and place.geonames_id == gold.geonames_id
    return same or haversine_km(gold.lat, gold.lon, place.lat, place.lon) <= ACCURACY_KM


@dataclass
class Tally:
    """Counts of one corpus's end-to-end run (:meth:`add_gold` and :meth:`add_reported` per document, then
    :meth:`metrics`); the training of the places stage's models scores its out-of-fold runs with it too."""

    gold: int = 0
    found: int = 0
    names: int = 0
    names_found: int = 0
    literal: int = 0
    literal_found: int = 0
    placed: int = 0
    right: int = 0
    unjudged: int = 0
    unplaced: int = 0

    def add_gold(self, document: GoldDocument, found: Sequence[Place], demonym: Callable[[str], bool]) -> None:
        for gold in document.toponyms:
            if gold.lat is None:
                continue
            hit = any(near_gold(place, gold) for place in found)
            name = not demonym(gold.span.text)
            self.gold, self.found = self.gold + 1, self.found + hit
            self.names, self.names_found = self.names + name, self.names_found + (hit and name)
            if gold.literal is not None:
                literal = gold.literal and name
                self.literal, self.literal_found = self.literal + literal, self.literal_found + (hit and literal)

    def add_reported(self, document: GoldDocument, found: Sequence[Place]) -> None:
        for place in found:
            if place.lat is None:
                self.unplaced += 1
                continue
            under = [g for g in document.toponyms if place.span.start < g.span.end and g.span.start < place.span.end]
            if under and all(g.lat is None for g in under):
                self.unjudged += 1
                continue
            self.placed, self.right = self.placed + 1, self.right + any(near_gold(place, g) for g in under)

    def metrics(self, prefix: str) -> dict[str, float | int]:
        share = _share
        out: dict[str, float | int] = {
            f"{prefix}.e2e.recall": share(self.found, self.gold),
            f"{prefix}.e2e.recall_names": share(self.names_found, self.names),
            f"{prefix}.e2e.precision": share(self.right, self.placed),
            f"{prefix}.e2e.f1_names": f1(share(self.right, self.placed), share(self.names_found, self.names)),
            f"{prefix}.e2e.gold": self.gold,
            f"{prefix}.e2e.gold_names": self.names,
            f"{prefix}.e2e.reported": self.placed,
            f"{prefix}.e2e.unplaced": self.unplaced,
        }
        if self.literal:
            out[f"{prefix}.e2e.recall_literal"] = share(self.literal_found, self.literal)
            out[f"{prefix}.e2e.gold_literal"] = self.literal
        return out


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _end_to_end(documents: Sequence[GoldDocument], prefix: str, res: Resources) -> dict[str, float | int]:
    """End-to-end and detection figures of the stage run on each document (see the module docstring)."""
    from dateline import places
    from dateline.evaluation._parses import annotate
    from dateline.places._gazetteer import load_gazetteer
    from dateline.records import Article

    gazetteer = load_gazetteer(res)

    def demonym(text: str) -> bool:
        return gazetteer.key(text) in gazetteer.demonyms

    articles = [Article(id=d.id, source=d.id, url=d.url, text=d.text) for d in documents]
    tally = Tally()
    read = READ_DOCUMENTS.get(prefix, len(documents))
    halves = {"read": Tally(), "unread": Tally()} if len(documents) > read else {}
    true = predicted = exact = overlap_p = overlap_g = names = names_found = 0
    for n, (document, article) in enumerate(zip(documents, annotate(articles), strict=True)):
        reported = places.apply(article).places
        for counts in (tally, halves["read" if n < read else "unread"]) if halves else (tally,):
            counts.add_gold(document, reported, demonym)
            counts.add_reported(document, reported)
        found = {(p.span.start, p.span.end) for p in reported}
        gold = {(t.span.start, t.span.end) for t in document.toponyms}
        true, predicted, exact = true + len(gold), predicted + len(found), exact + len(gold & found)
        proper = {(s, e) for s, e in gold if not demonym(document.text[s:e])}
        names, names_found = names + len(proper), names_found + len(proper & found)
        overlap_p += sum(any(s < e2 and s2 < e for s2, e2 in gold) for s, e in found)
        overlap_g += sum(any(s < e2 and s2 < e for s2, e2 in found) for s, e in gold)
    precision, recall = _share(exact, predicted), _share(exact, true)
    loose_p, loose_r = _share(overlap_p, predicted), _share(overlap_g, true)
    recall_names = _share(names_found, names)
    split = {key: value for half, counts in halves.items() for key, value in counts.metrics(f"{prefix}.{half}").items()}
    return tally.metrics(prefix) | split | {
        f"{prefix}.detection.precision": precision,
        f"{prefix}.detection.recall": recall,
        f"{prefix}.detection.f1": f1(precision, recall),
        f"{prefix}.detection.overlap_f1": f1(loose_p, loose_r),
        f"{prefix}.detection.recall_without_demonyms": recall_names,
        f"{prefix}.detection.f1_without_demonyms": f1(precision, recall_names),
    }


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score resolution and detection on LGL and GeoWebNews (first ``limit`` documents of each)."""
    data = Path(data)
    corpora = {"lgl": (read_lgl, data / "lgl" / "lgl.xml"), "gwn": (read_geowebnews, data / "geowebnews" / "GWN.xml")}
    metrics: dict[str, float | int] = {}
    notes: list[str] = []
    res = resources(LANGUAGE)
    for name, (reader, path) in corpora.items():
        if not path.is_file():
            notes.append(f"{name}: {path} not found, skipped")
            continue
        documents = list(reader(path))[:limit]
        metrics[f"{name}.documents"] = len(documents)
        metrics.update(_end_to_end(documents, name, res))
        metrics.update(_resolution(documents, name, res))
    if not metrics:
        raise InputError(f"no LGL or GeoWebNews data under {data}; pass the eval/places folder")
    notes.append(f"e2e: the stage finds and resolves the names itself; right when it overlaps a gold toponym "
                 f"and lies within {ACCURACY_KM:g} km of it (recall_names: without the gold demonyms)")
    notes.append(f"resolution: gold toponyms given, resolved per document; correct within {ACCURACY_KM:g} km")
    return Report("places", str(data), metrics, tuple(notes))
