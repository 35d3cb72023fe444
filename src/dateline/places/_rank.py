"""A learned ranker of a name's namesakes (see ``dateline train places-rank``).

The rules (:mod:`dateline.places._article`) settle each name of an article on
one of its candidates. The ranker then looks at every candidate again with
what the rules know once the article has settled: its feature type and
population, its score and whether the rules picked it, the votes of the
article's other names for its country and US state, how near it lies to the
other names' picks and how many of them share its state or country, and
whether the outlet's web address spells its name or its state's
("athensreview.com", "texasnews.com"). Each candidate is described by strings
hashed into weight slots; a conditional logit over a name's candidates
(:func:`dateline.training._linear.fit_ranker`) gives each a score, and the
ranker's pick replaces the rules' when it is another.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dateline.lang import Resources
from dateline.places._check import hashed_weights, load_model, slot_sums, weights_json
from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._geo import km
from dateline.places._resolve import Context, is_decisive, score, within

__all__ = ["RANKER_FILE", "RANK_BITS", "Ranked", "Ranker", "Ranking", "Surroundings", "address_letters",
           "candidate_features", "load_ranker", "qualified_pick"]

#: The ranker's artifact, under the language's folder (``dateline train places-rank`` writes it).
RANKER_FILE = "models/places-rank.json"

#: The artifact format this code reads (the major version of its ``version``).
SUPPORTED_MAJOR = "1"

#: Weight slots of the hashed features (2**12: a few hundred distinct features, few collisions).
RANK_BITS = 12

#: Upper bounds (km) of the distance bins to the nearest pick of another name.
DISTANCE_BINS = (25.0, 100.0, 300.0, 1000.0, 3000.0)

#: Upper bounds of the bins of a candidate's score below the name's best (the rules' points).
MARGIN_BINS = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0)

#: Upper bounds of the bins of how many times (log10) the name's largest candidate outnumbers a candidate.
GAP_BINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)

#: Upper bounds of the bins of the article's votes for a candidate's country or US state.
VOTE_BINS = (0.0, 0.5, 1.0, 2.0, 4.0)

#: Shortest name or region spelt in an outlet's address that counts as named there, in letters.
ADDRESS_MIN_LETTERS = 4


@dataclass(frozen=True)
class Ranked:
    """One name of an article as the rules leave it: the mentions it groups (their indexes), its candidates,
    each candidate's features, and the rules' pick (an index into ``options``)."""

    mentions: tuple[int, ...]
    options: tuple[Entry, ...]
    rows: tuple[tuple[str, ...], ...]
    pick: int


@dataclass(frozen=True)
class Surroundings:
    """What the rules leave around one name of an article: the votes of the article's other names
    (``context``), their picks (``others``) and the letters of the outlet's address (see
    :func:`address_letters`)."""

    gazetteer: Gazetteer
    context: Context
    others: tuple[Entry, ...]
    address: str

    @functools.cached_property
    def located(self) -> tuple[Entry, ...]:
        """The other picks a candidate's distance is measured to: those with a point, countries and states aside."""
        return tuple(o for o in self.others if o.lat is not None and not is_decisive(o))


def candidate_features(around: Surroundings, options: Sequence[Entry], pick: Entry,
                       near: dict[Entry, float]) -> list[tuple[str, ...]]:
    """The features of each candidate of one name, given what the rules leave ``around`` it, the share of the
    article's other names near each candidate (``near``) and the rules' ``pick``."""
    scores = [score(e, around.context, None, near.get(e, 0.0)) for e in options]
    best, largest = max(scores), max(e.population for e in options)
    named = {o.admin1 for o in around.others if o.country == "USA" and o.feature == "admin1"}
    return [(*_row(around, e, best - s, e == pick, rank, near.get(e, 0.0)), *_size(e, largest, named))
            for e, s, rank in zip(options, scores, _population_ranks(options), strict=True)]


def _size(e: Entry, largest: int, named: set[str | None]) -> tuple[str, ...]:
    """How much smaller than the name's largest candidate ``e`` is, and whether the article names its US state."""
    gap = _bin(math.log10((largest + 1) / (e.population + 1)), GAP_BINS)
    state = e.country == "USA" and e.admin1 in named
    return f"gap={gap}", f"state_named={state}", f"state_named={state}|gap={gap}"


def _population_ranks(options: Sequence[Entry]) -> list[int]:
    order = sorted(range(len(options)), key=lambda i: -options[i].population)
    ranks = [0] * len(options)
    for rank, i in enumerate(order):
        ranks[i] = rank
    return ranks


def _row(around: Surroundings, e: Entry, margin: float, picked: bool, rank: int, near: float) -> tuple[str, ...]:
    context, others, address = around.context, around.others, around.address
    feat = "us_state" if e.feature == "admin1" and e.country == "USA" else e.feature
    country = context.countries.get(e.country or "", 0.0)
    state = context.states.get(e.admin1 or "", 0.0) if e.country == "USA" else -1.0
    same_state = sum(o.country == "USA" and o.admin1 == e.admin1 for o in others) if e.country == "USA" else -1
    distance = min((km(e, o) for o in around.located if o != e), default=None) if e.lat is not None else None
    return (
        f"feat={feat}", f"pop={_log(e.population)}|feat={feat}", f"margin={_bin(margin, MARGIN_BINS)}",
        f"picked={picked}", f"picked={picked}|margin={_bin(margin, MARGIN_BINS)}", f"prank={min(rank, 3)}",
        f"prank={min(rank, 3)}|feat={feat}", f"alias={e.alias}|feat={feat}", f"capital={e.capital}",
        f"country={_bin(country, VOTE_BINS)}", f"country={_bin(country, VOTE_BINS)}|feat={feat}",
        f"state={_bin(state, VOTE_BINS)}|feat={feat}", f"same_state={min(same_state, 3)}",
        f"near={round(4 * near)}", f"near={round(4 * near)}|feat={feat}",
        f"dist={_bin(distance, DISTANCE_BINS)}|feat={feat}",
        f"home={'none' if context.home is None else context.home == e.country}|feat={feat}",
        f"usa={e.country == 'USA'}|home={context.home}",
        f"address_name={_spelt(e.name, address)}|feat={feat}",
        f"address_name={_spelt(e.name, address)}|usa={e.country == 'USA'}|home={context.home}",
        f"address_region={_spelt(_region(around.gazetteer, e), address)}",
    )


def _region(gazetteer: Gazetteer, e: Entry) -> str:
    """The name of the US state or first-level region a town or county lies in ("" when none)."""
    if e.feature not in ("city", "admin2") or not e.admin1:
        return ""
    state = gazetteer.states.get(e.admin1) if e.country == "USA" else None
    return state.name if state is not None else e.admin1


def _spelt(name: str, address: str) -> bool:
    """Whether the letters of ``name`` stand in the letters of an outlet's address."""
    letters = "".join(ch for ch in name.lower() if ch.isalpha())
    return len(letters) >= ADDRESS_MIN_LETTERS and letters in address


def _log(population: int) -> int:
    return int(math.log10(population + 1))


def _bin(value: float | None, bounds: Sequence[float]) -> str:
    if value is None:
        return "none"
    if value < 0:
        return "na"
    return str(next((i for i, b in enumerate(bounds) if value <= b), len(bounds)))


def address_letters(address: str | None) -> str:
    """The letters of an outlet's web address, lower case, for :func:`candidate_features`."""
    return "".join(ch for ch in (address or "").lower() if ch.isalpha())


@dataclass(frozen=True)
class Ranking:
    """How the ranker of namesakes takes part in resolving an article: the fitted ``ranker`` (None: the rules'
    picks stand), whether to ``describe`` each name it may pick again (for its training), and the letters of
    the outlet's address (:func:`address_letters`)."""

    ranker: Ranker | None = None
    describe: bool = False
    address: str = ""

    @property
    def wanted(self) -> bool:
        """Whether the names are to be described at all: for the ranker, or for the caller."""
        return self.ranker is not None or self.describe


@dataclass(frozen=True)
class Ranker:
    """The fitted ranker: hashed feature weights, and how much more than the rules' pick another candidate
    must score to replace it (chosen out of fold)."""

    weights: npt.NDArray[np.float32]
    margin: float = 0.0

    def scores(self, rows: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
        """Each candidate's score (higher is likelier)."""
        return slot_sums(self.weights, rows)

    def pick(self, rows: Sequence[Sequence[str]], rules: int) -> int:
        """The index of the best candidate, when it scores more than ``margin`` above the rules' pick (``rules``);
        else the rules' pick."""
        values = self.scores(rows)
        best = int(np.argmax(values))
        return best if values[best] > values[rules] + self.margin else rules

    def to_json(self) -> dict[str, object]:
        """The artifact's content (see :func:`dateline.places._check.weights_json`)."""
        return weights_json(self.weights, SUPPORTED_MAJOR, margin=self.margin)

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> Ranker:
        """The ranker of an artifact's content (see :meth:`to_json`)."""
        return cls(hashed_weights(raw, SUPPORTED_MAJOR), float(str(raw["margin"])))


@functools.cache
def load_ranker(res: Resources) -> Ranker | None:
    """The language's fitted ranker, or None (with one warning) when it has none: the rules' picks stand."""
    return load_model(res, RANKER_FILE, "places ranker", "namesakes are picked by the rules alone",
                      "dateline train places-rank", Ranker.from_json)


def qualified_pick(options: Sequence[Entry], qualifier: Entry | None) -> bool:
    """Whether a qualifier settles the name: the qualifier itself is a candidate, or it holds one only."""
    if qualifier is None:
        return False
    return qualifier in options or sum(within(e, qualifier) for e in options) == 1
