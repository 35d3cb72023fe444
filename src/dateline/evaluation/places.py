"""Evaluate the places stage on LGL and GeoWebNews.

Two measures per corpus:

1. **Resolution** (geocoding), given the gold toponyms: each document's gold
   spans are resolved together with :func:`dateline.places.resolve_spans`. Both
   corpora also annotate demonyms as toponyms ("Russian" as Russia), which the
   stage never takes for places: those are read here as the country (or
   region) the language's demonym table names, and the other spans are
   resolved together without them, as the stage resolves what it finds. A
   toponym is correct when the point lies within 161 km (100 miles) of the
   gold coordinates; unresolved ones count as wrong. Mean and median error
   are over the resolved toponyms.
2. **Detection** (toponym recognition): the real annotate + places stages run
   on each document text; their spans are compared with the gold spans, exact
   match and overlap (parses come from the evaluation parse cache when one is
   in use: ``--parse-cache``). ``recall_without_demonyms`` leaves out the gold
   demonyms ("Russian"), which the stage by design never tags as places
   (precision is the same either way).

Formats (see ``SOURCE.md`` beside the data): ``lgl/lgl.xml`` (``<article>``
with ``<text>`` and ``<toponym><start/><end/><phrase/><gaztag>`` with
``<lat>``/``<lon>``) and ``geowebnews/GWN.xml`` (``<toponym>`` with ``<type>``,
``<start>``, ``<end>``, ``<latitude>``, ``<longitude>``). GeoWebNews toponyms
are the spans whose type is not a location expression ("city", "lot") or a
non-toponym, as in its paper.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.evaluation import Report, f1
from dateline.lang import Resources, resources
from dateline.records import Span, make_span

__all__ = ["DEFAULT_DATA", "GoldDocument", "GoldToponym", "evaluate", "read_geowebnews", "read_lgl"]

DEFAULT_DATA = "eval/places"

#: Distance within which a resolved toponym counts as correct (100 miles), the
#: usual geocoding threshold (Leidner 2008; Gritta et al. 2019).
ACCURACY_KM = 161.0

#: The language of both corpora (English news).
LANGUAGE = "en"

#: GeoWebNews span types that are not toponyms.
GWN_NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})

_EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class GoldToponym:
    span: Span
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


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
            toponyms.append(GoldToponym(span, lat, lon))
        yield GoldDocument(article.get("docid", ""), text, tuple(toponyms))


def read_geowebnews(path: Path) -> Iterator[GoldDocument]:
    """The documents of ``GWN.xml`` with their toponyms (location expressions left out)."""
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            if (node.findtext("type") or "") in GWN_NOT_TOPONYMS:
                continue
            span = make_span(text, int(node.findtext("start", "0")), int(node.findtext("end", "0")))
            lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
            toponyms.append(GoldToponym(span, lat, lon))
        yield GoldDocument(article.get("file", ""), text, tuple(toponyms))


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


def _detection(documents: Sequence[GoldDocument], prefix: str, res: Resources) -> dict[str, float | int]:
    from dateline import places
    from dateline.evaluation._parses import annotate
    from dateline.places._gazetteer import load_gazetteer
    from dateline.records import Article

    gazetteer = load_gazetteer(res)
    articles = [Article(id=d.id, source=d.id, text=d.text) for d in documents]
    true = predicted = exact = overlap_p = overlap_g = names = names_found = 0
    for document, article in zip(documents, annotate(articles), strict=True):
        found = {(p.span.start, p.span.end) for p in places.apply(article).places}
        gold = {(t.span.start, t.span.end) for t in document.toponyms}
        true, predicted, exact = true + len(gold), predicted + len(found), exact + len(gold & found)
        # The stage never tags demonyms ("Russian"); both corpora annotate them.
        proper = {(s, e) for s, e in gold if gazetteer.key(document.text[s:e]) not in gazetteer.demonyms}
        names, names_found = names + len(proper), names_found + len(proper & found)
        overlap_p += sum(any(s < e2 and s2 < e for s2, e2 in gold) for s, e in found)
        overlap_g += sum(any(s < e2 and s2 < e for s2, e2 in found) for s, e in gold)
    precision = exact / predicted if predicted else 0.0
    recall = exact / true if true else 0.0
    loose_p = overlap_p / predicted if predicted else 0.0
    loose_r = overlap_g / true if true else 0.0
    recall_names = names_found / names if names else 0.0
    return {
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
        metrics.update(_resolution(documents, name, res))
        metrics.update(_detection(documents, name, res))
    if not metrics:
        raise InputError(f"no LGL or GeoWebNews data under {data}; pass the eval/places folder")
    notes.append(f"resolution: gold toponyms resolved per document; correct within {ACCURACY_KM:g} km")
    return Report("places", str(data), metrics, tuple(notes))
