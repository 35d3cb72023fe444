"""Features of a learned check on the places the rules resolve (see ``dateline train places``).

Each mention the stage resolves to an entry with a point is described by what
the stage already knows: where the mention came from (the tagger's label, a
dateline, a list, a name inside another), the entry's feature type,
population, alternate name and capital flags, how many entries the name may
stand for, how far the article's other places lie and whether they share its
country or US state, the outlet's country, the word before the name, whether
it opens a sentence or stands in the headline, how often the article uses it,
and the rules' own decision. Features are strings hashed into weight slots; a
logistic model over them (:func:`score`) says whether to report the point.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from dateline.errors import ResourceError
from dateline.lang import Resources
from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._geo import EARTH_KM
from dateline.places._names import FIRM_SOURCES
from dateline.places._resolve import candidates
from dateline.records import Article, Span

__all__ = ["FEATURE_BITS", "MODEL_FILE", "Check", "features", "hashed_weights", "load_check", "load_model", "score",
           "slot_rows", "slot_sums", "weights_json"]

T = TypeVar("T")

logger = logging.getLogger(__name__)

#: The check's artifact, under the language's folder (``dateline train places`` writes it).
MODEL_FILE = "models/places-check.json"

#: The artifact format this code reads (the major version of its ``version``).
SUPPORTED_MAJOR = "1"

#: Weight slots of the hashed features (2**12: a few hundred distinct features, few collisions).
FEATURE_BITS = 12

#: Upper bounds (km) of the distance bins to the nearest other place.
DISTANCE_BINS = (25.0, 100.0, 300.0, 1000.0, 3000.0)

#: Distance (km) of a town or county counted near another.
NEAR_KM = 150.0

#: Characters looked back for the word before a name.
BEFORE_CHARS = 16


def features(article: Article, gazetteer: Gazetteer, spans: Sequence[Span], entries: Sequence[Entry],
             placed: Sequence[bool], named: Sequence[bool], sources: Sequence[str],
             home: str | None) -> list[list[str]]:
    """The features of each mention resolved to ``entries`` (all with points), given the rules' decisions
    (``placed``, ``named``), the mentions' sources and the outlet's country ``home`` (ISO-3 or None)."""
    keys = [gazetteer.key(span.text) for span in spans]
    counts = Counter(keys)
    headline = article.text.find("\n")
    starts = {sentence.start_char for sentence in article.doc.sents} if article.doc is not None else set()
    kept = [e for e, p in zip(entries, placed, strict=True) if p]
    apart = _distances(entries)
    marks = [(e.name, e.country, e.lat, e.lon, e.feature) for e in entries]
    local_any = np.array([e.feature in ("city", "admin2") for e in entries], dtype=bool)
    local_kept = local_any & np.array(placed, dtype=bool)
    point_kept = np.array([p and e.feature not in ("country", "region") for e, p in zip(entries, placed, strict=True)],
                          dtype=bool)
    firm = {k for k, source in zip(keys, sources, strict=True) if source in FIRM_SOURCES}
    states = Counter(e.admin1 for e in kept if e.country == "USA" and e.feature != "admin1")
    state = states.most_common(1)[0][0] if states else None
    rows = []
    for i, (span, entry) in enumerate(zip(spans, entries, strict=True)):
        others = [e for j, e in enumerate(entries) if keys[j] != keys[i]]
        rule = "placed" if placed[i] else "named" if named[i] else "dropped"
        same = np.array([m == marks[i] for m in marks], dtype=bool)
        other_name = np.array([k != keys[i] for k in keys], dtype=bool)
        near = _bin(_least(apart[i], local_any & other_name))
        near_kept = _bin(_least(apart[i], point_kept & ~same))
        local = apart[i][local_kept & ~same]
        options = candidates(gazetteer, span.text)
        namesakes = len(options)
        rank = sum(o.population > entry.population for o in options if o.feature == entry.feature)
        row = [
            "bias", f"src={sources[i]}", f"feat={entry.feature}", f"rule={rule}",
            f"rule={rule}|src={sources[i]}", f"rule={rule}|feat={entry.feature}",
            f"pop={_log_bin(entry.population)}", f"pop={_log_bin(entry.population)}|feat={entry.feature}",
            f"alias={entry.alias}", f"capital={entry.capital}",
            f"namesakes={min(namesakes, 6)}", f"namesakes={min(namesakes, 6)}|feat={entry.feature}",
            f"near={near}", f"near={near}|feat={entry.feature}", f"near_kept={near_kept}",
            f"near_kept={near_kept}|rule={rule}",
            f"same_country={any(o.country == entry.country for o in others)}",
            f"same_state={entry.country == 'USA' and any(o.admin1 == entry.admin1 for o in others)}",
            f"home={'none' if home is None else home == entry.country}",
            f"before={_before(article.text, span)}",
            f"sentence_start={span.start in starts}",
            f"headline={0 <= span.start < headline}",
            f"count={min(counts[keys[i]], 4)}",
            f"rank={min(rank, 3)}", f"rank={min(rank, 3)}|rule={rule}",
            f"firm_elsewhere={keys[i] in firm}|src={sources[i]}",
            f"main_state={'none' if state is None else entry.admin1 == state}|feat={entry.feature}",
            f"local_near={round(5 * float(np.mean(local <= NEAR_KM))) if len(local) else -1}|rule={rule}",
            f"places={min(len(set(kept)), 8) // 2}",
        ]
        rows.append(row)
    return rows


def _distances(entries: Sequence[Entry]) -> npt.NDArray[np.float64]:
    """The distances (km) between every two entries."""
    lat = np.radians([e.lat or 0.0 for e in entries])
    lon = np.radians([e.lon or 0.0 for e in entries])
    unit = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)
    chord = np.linalg.norm(unit[:, None, :] - unit[None, :, :], axis=2)
    distances: npt.NDArray[np.float64] = 2 * EARTH_KM * np.arcsin(np.minimum(1.0, chord / 2))
    return distances


def _least(distances: npt.NDArray[np.float64], mask: npt.NDArray[np.bool_]) -> float | None:
    return float(distances[mask].min()) if mask.any() else None


def _bin(distance: float | None) -> str:
    if distance is None:
        return "none"
    return str(next((i for i, b in enumerate(DISTANCE_BINS) if distance <= b), len(DISTANCE_BINS)))


def _log_bin(population: int) -> int:
    return int(math.log10(population + 1))


def _before(text: str, span: Span) -> str:
    """The word before ``span``: itself when lower case (a preposition, an article), else its shape."""
    words = text[max(0, span.start - BEFORE_CHARS) : span.start].split()
    if not words:
        return "none"
    word = words[-1]
    if word.isalpha() and word.islower():
        return word
    return "upper" if word[:1].isupper() else "other"


def slot_rows(rows: Sequence[Sequence[str]], bits: int = FEATURE_BITS) -> npt.NDArray[np.int64]:
    """The hashed weight slots of each row of features (slot 0 pads and is never hashed to)."""
    width = max((len(r) for r in rows), default=1)
    out = np.zeros((len(rows), width), dtype=np.int64)
    size = (1 << bits) - 1
    for i, row in enumerate(rows):
        for j, name in enumerate(row):
            out[i, j] = _slot(name, size)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _slot(name: str, size: int) -> int:
    return 1 + zlib.crc32(name.encode("utf-8")) % size


def slot_sums(weights: npt.NDArray[np.float32], rows: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """The sum of the hashed ``weights`` of each row of features (their number of slots gives the bits)."""
    slots = slot_rows(rows, int(math.log2(len(weights))))
    sums: npt.NDArray[np.float64] = weights[slots].sum(axis=1).astype(np.float64)
    return sums


def weights_json(weights: npt.NDArray[np.float32], major: str, **fields: float) -> dict[str, object]:
    """The content of an artifact of hashed ``weights`` (format ``major``) with its other ``fields``: non-zero
    weights by slot, rounded, so the same fit gives the same file."""
    nonzero = {str(i): round(float(w), 6) for i, w in enumerate(weights) if abs(w) > 1e-6}
    return {"version": f"{major}.0.0", "bits": int(math.log2(len(weights))), **fields, "weights": nonzero}


def hashed_weights(raw: dict[str, object], major: str) -> npt.NDArray[np.float32]:
    """The hashed weights of an artifact's content (see :func:`weights_json`); ValueError, KeyError or
    TypeError when it is of another format than ``major`` or of no such shape."""
    if str(raw["version"]).split(".")[0] != major:
        raise ValueError(f"version {raw['version']}, this dateline reads {major}.x")
    weights = np.zeros(1 << int(str(raw["bits"])), dtype=np.float32)
    table = raw["weights"]
    if not isinstance(table, dict):
        raise ValueError("'weights' must be an object")
    for slot, value in table.items():
        weights[int(slot)] = float(value)
    return weights


def score(weights: npt.NDArray[np.float32], rows: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """The probability of each row of features that its point is right."""
    if not rows:
        return np.zeros(0)
    z = slot_sums(weights, rows)
    probability: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return probability


@dataclass(frozen=True)
class Check:
    """The fitted check: hashed feature weights and the bounds outside which it overrides the rules (a point
    the rules drop is reported above ``high``; one they report is dropped below ``low``)."""

    weights: npt.NDArray[np.float32]
    low: float
    high: float

    def keep(self, probabilities: npt.NDArray[np.float64], placed: Sequence[bool]) -> list[bool]:
        """Whether to report each point, given its probability and the rules' decision."""
        return [bool((p > self.high or rule) and p >= self.low)
                for p, rule in zip(probabilities, placed, strict=True)]

    def to_json(self) -> dict[str, object]:
        """The artifact's content (see :func:`weights_json`)."""
        return weights_json(self.weights, SUPPORTED_MAJOR, low=self.low, high=self.high)


def load_model(res: Resources, name: str, what: str, without: str, command: str,
               build: Callable[[dict[str, object]], T]) -> T | None:
    """The language's fitted model file ``name`` made into a model by ``build``; None (with one warning saying
    ``without``, what the stage does then) when the language has none. A file ``build`` cannot read is a
    :class:`ResourceError` naming ``what`` it should be and the ``command`` that retrains it."""
    source = res.file(name)
    if not source.is_file():
        logger.warning("no %s at dateline/lang/%s/%s: %s ('%s' makes one)", what, res.language, name, without,
                       command)
        return None
    try:
        return build(json.loads(source.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ResourceError(f"dateline/lang/{res.language}/{name} is no {what} ({exc}); "
                            f"retrain it with '{command}'") from exc


def _check_of(raw: dict[str, object]) -> Check:
    return Check(hashed_weights(raw, SUPPORTED_MAJOR), float(str(raw["low"])), float(str(raw["high"])))


@functools.cache
def load_check(res: Resources) -> Check | None:
    """The language's fitted check, or None (with one warning) when it has none: the rules decide alone."""
    return load_model(res, MODEL_FILE, "places check", "places are kept on the rules alone", "dateline train places",
                      _check_of)
