"""Score events and actors on whole articles coded by hand (``eval/events/wikinews-dev``, and the held-out
``eval/wikinews-heldout`` of this repository, whose texts come from the shared Wikinews corpus by id).

The set holds Wikinews articles with every event coded to PLOVER (type, other
types a careful coder could choose, mode, actors, recipients, date, place,
status, evidence sentence, core or minor) and every actor (name, aliases, kind,
country, sector). Scoring follows its ``SOURCE.md``:

- **Core recall:** a core gold event is found when a system event has its type (or
  an ``alt_types``), evidence whose words overlap the gold sentence's by at least
  :data:`EVIDENCE_OVERLAP` of the larger word set, and a participant right (a
  shared name word, or a shared country). **Precision:** a system event is right
  when it matches a gold event (core or minor) that way.
- **Fields of matched events:** actor and recipient (a shared name word; both
  empty is right; the parties of a meeting, a CONSULT, as partners: actors and
  recipients together, see :func:`meeting`), date (equal to the gold's precision: "2020-02-02" is right for
  "2020-02"), place (the gold's country and a shared name word), status, and all
  at once. A gold null date or place is not scored and blocks nothing.
- **Actors:** found (a system actor shares a name word), then country, sector
  (bare countries left out) and persons given a country.

Where ``SOURCE.md`` leaves a choice open: name words leave out
:data:`NAME_STOPWORDS`, read initials without their dots ("U.S." is "US") and
match in the singular and without an adjective's -ic ("the courts" and "court",
"Democrats" and "Democratic"), but for the capitalized words of a longer name,
proper names kept whole ("United States" shares no word with "state");
a participant's names are its name and aliases; roles
are ignored for matching; ``"IGO"`` is no country. Pairs are one to one: a
maximum matching of events, core gold events first, each trying its candidates
best first (most fields right, then overlap); a system event matching only gold
events paired with others is a duplicate (right only in ``lenient_precision``).
Actors pair greedily, best pairs first (a surface form in common, then words
shared with the gold name, then the closest name). Types are dateline's own
(``Event.type``: the gold, like dateline, keeps the reported type and puts
intention or negation in the status); core recall and precision are also given
under :func:`dateline.events.plover_type`. Rates are micro-averaged over articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any, Literal

from dateline._paths import shared_root
from dateline.errors import InputError
from dateline.evaluation._names import name_words, place_right
from dateline.evaluation._wikinews_records import (
    Counts,
    FieldCheck,
    GoldActor,
    GoldArticle,
    GoldEvent,
    Location,
    SystemActor,
    SystemArticle,
    SystemEvent,
    actor_rates,
    event_rates,
)
from dateline.records import Article, Document, Failure

__all__ = [
    "DEFAULT_DATA", "MEETING", "Counts", "GoldActor", "GoldArticle", "GoldEvent", "Location", "SystemActor",
    "SystemArticle", "SystemEvent", "actor_rates", "code", "event_pairs", "event_rates", "from_article",
    "load", "matches", "meeting", "place_right", "run", "score", "uncoded",
]

#: The set's folder, relative to the shared data root.
DEFAULT_DATA = "eval/events/wikinews-dev"
ARTICLES_FILE = "articles.jsonl"
GOLD_FILE = "gold.json"
#: Where a set without its own ``articles.jsonl`` finds its texts, relative to the shared data root.
CORPUS_FILE = "corpora/wikinews.jsonl"
#: SOURCE.md: evidence sentences match when their shared words are at least this share of the larger set.
EVIDENCE_OVERLAP = 0.6
#: Codes that are not a country: two international organisations do not share one.
NOT_A_COUNTRY = frozenset({"IGO"})
#: The gold kind whose sector is not scored ("a bare country has no sector of its own").
BARE_COUNTRY = "country"

Convention = Literal["raw", "plover"]
#: The type of meetings, whose parties are scored as partners (:func:`meeting`).
MEETING = "CONSULT"
_WORD = re.compile(r"\w+")
_ARTICLE_WORD = re.compile(r"^(the|a|an) ")


# --- reading the set and running dateline ----------------------------------------------------------------


def _gold_event(raw: Mapping[str, Any], actors: Mapping[str, GoldActor]) -> GoldEvent:
    def resolve(names: Iterable[str]) -> tuple[GoldActor, ...]:
        return tuple(actors.get(n) or GoldActor(n, "other", None, None) for n in names)

    place = raw.get("place")
    return GoldEvent(raw["type"], tuple(raw.get("alt_types") or ()), resolve(raw.get("actors") or ()),
                     resolve(raw.get("recipients") or ()), raw.get("date"),
                     Location(place["name"], place.get("country")) if place else None, raw["status"],
                     raw["evidence"], raw.get("importance") == "core")


def _corpus_records(ids: Sequence[str], corpus: Path) -> list[dict[str, Any]]:
    """The corpus records (id, url, date, title, text) of these ids, in their order."""
    if not corpus.is_file():
        raise InputError(f"the Wikinews corpus that holds the texts of these articles is missing: {corpus}; "
                         f"set $DATELINE_SHARED to the shared data folder (which holds {CORPUS_FILE}) or "
                         f"put an {ARTICLES_FILE} beside {GOLD_FILE}", source=str(corpus))
    wanted = set(ids)
    found = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip() and (record := json.loads(line))["id"] in wanted:
            found[record["id"]] = record
    if missing := [i for i in ids if i not in found]:
        raise InputError(f"{len(missing)} coded article(s) not in the Wikinews corpus ({', '.join(missing[:5])}); "
                         f"pass the corpus the set was coded from", source=str(corpus))
    return [found[i] for i in ids]


def load(data: Path, corpus: Path | None = None) -> tuple[GoldArticle, ...]:
    """The articles of the set under ``data``: ``gold.json`` and the texts, from ``articles.jsonl`` when the
    folder has one (in its order), else from the Wikinews ``corpus`` by id (in the gold's order; default
    :data:`CORPUS_FILE` under the shared data folder)."""
    data = Path(data)
    try:
        coded = json.loads((data / GOLD_FILE).read_text(encoding="utf-8"))
        gold = {g["id"]: g for g in coded}
        if (data / ARTICLES_FILE).is_file():
            records = [json.loads(line) for line in (data / ARTICLES_FILE).read_text(encoding="utf-8").splitlines()
                       if line.strip()]
        else:
            records = _corpus_records([g["id"] for g in coded], Path(corpus or shared_root() / CORPUS_FILE))
        return tuple(_gold_article(record, gold.get(record["id"], {"actors": [], "events": []}))
                     for record in records)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the hand-coded Wikinews articles: {exc}; pass the folder that holds "
                         f"{GOLD_FILE} (and {ARTICLES_FILE}, or the shared {CORPUS_FILE})", source=str(data)) from exc


def uncoded(record: Mapping[str, Any]) -> GoldArticle:
    """The article of a corpus record (id, url, date, title, text) with nothing coded in it."""
    return _gold_article(record, {"actors": [], "events": []})


def _gold_article(record: Mapping[str, Any], coded: Mapping[str, Any]) -> GoldArticle:
    actors = tuple(GoldActor(a["name"], a["kind"], a.get("country"), a.get("sector"), tuple(a.get("aliases") or ()))
                   for a in coded["actors"])
    by_name = {a.name: a for a in actors}
    return GoldArticle(record["id"], record.get("url") or "", record.get("date") or "", record.get("title") or "",
                       record["text"], actors, tuple(_gold_event(e, by_name) for e in coded["events"]))


def from_article(article: Article) -> SystemArticle:
    """The scorer's view of a processed article."""
    from dateline.events import plover_type

    actors = {a.id: SystemActor(a.name, a.kind, a.country, a.sector, tuple(m.text for m in a.mentions))
              for a in article.actors}
    events = tuple(
        SystemEvent(e.type, plover_type(e), tuple(actors[i] for i in e.actors if i in actors),
                    tuple(actors[i] for i in e.recipients if i in actors), e.date.value if e.date else None,
                    Location(e.place.name, e.place.country) if e.place else None, e.status, e.evidence.text)
        for e in article.events
    )
    return SystemArticle(article.id, tuple(actors.values()), events)


def run(articles: Sequence[GoldArticle], until: str | None = None,
        config: Mapping[str, Mapping[str, Any]] | None = None) -> list[Article | Failure]:
    """dateline's default pipeline over the articles (text, url, title and date), stopping before the stage
    ``until`` when one is named, with stage settings ``config``; a failed article comes back as its Failure.
    Parses come from the evaluation parse cache when one is in use."""
    from dateline.annotate import AnnotateConfig
    from dateline.evaluation._parses import annotate
    from dateline.pipeline import Pipeline, registered

    pipeline = Pipeline(config=config or {})
    parse = pipeline.stage_config("annotate")
    assert isinstance(parse, AnnotateConfig)
    documents = [Document(id=a.id, source=ARTICLES_FILE, kind="text", content=a.text, url=a.url or None,
                          title=a.title or None, published=a.date or None) for a in articles]
    results: list[Article | Failure] = []
    for batch in range(0, len(documents), pipeline.batch_size):
        cleaned = pipeline.clean_batch(documents[batch:batch + pipeline.batch_size])
        live = [r for r in cleaned if isinstance(r, Article)]
        parsed = iter(annotate(live, parse))
        results += [next(parsed) if isinstance(r, Article) else r for r in cleaned]
    specs = registered()
    names = list(pipeline.stage_names)
    for name in names[names.index("annotate") + 1:names.index(until) if until in names else None]:
        stage = partial(specs[name].load(), config=pipeline.stage_config(name))
        results = [_guarded(name, stage, r) if isinstance(r, Article) else r for r in results]
    return results


def code(articles: Sequence[GoldArticle],
         config: Mapping[str, Mapping[str, Any]] | None = None) -> tuple[tuple[SystemArticle, ...], tuple[str, ...]]:
    """dateline's default pipeline over the articles (with stage settings ``config``), and a note per failure
    (a failed article found nothing)."""
    found, notes = [], []
    for gold, result in zip(articles, run(articles, config=config), strict=True):
        if isinstance(result, Article):
            found.append(from_article(result))
        else:
            found.append(SystemArticle(gold.id, (), ()))
            notes.append(f"Wikinews article {gold.id} failed at {result.stage}: {result.message}")
    return tuple(found), tuple(notes)


def _guarded(stage: str, run: Callable[[Article], object], article: Article) -> Article | Failure:
    """One stage on one article; a failure is recorded, as the pipeline does, and the set goes on."""
    try:
        out = run(article)
    except Exception as exc:  # one failed article must not stop the scoring of the others
        return Failure(article.source, stage, type(exc).__name__, str(exc), article.id)
    assert isinstance(out, Article)
    return out


# --- comparing ---------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def overlap(a: str, b: str) -> float:
    """Shared words over the larger word set of two texts."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(len(wa), len(wb)) if wa and wb else 0.0


def _gold_names(actor: GoldActor) -> frozenset[str]:
    return name_words(actor.name, *actor.aliases)


def _names_shared(system: Iterable[SystemActor], gold: Iterable[GoldActor]) -> bool:
    gold_words = frozenset().union(*(_gold_names(g) for g in gold))
    return any(name_words(s.name) & gold_words for s in system)


def _participant_right(system: SystemEvent, gold: GoldEvent) -> bool:
    parties, gold_parties = system.actors + system.recipients, gold.actors + gold.recipients
    if _names_shared(parties, gold_parties):
        return True
    countries = {g.country for g in gold_parties} - NOT_A_COUNTRY - {None}
    return any(s.country in countries for s in parties)


def matches(system: SystemEvent, gold: GoldEvent, convention: Convention = "raw") -> bool:
    """Whether a system event matches a gold event: type, evidence overlap and a participant."""
    kind = system.plover_type if convention == "plover" else system.type
    return (kind in (gold.type, *gold.alt_types) and overlap(system.evidence, gold.evidence) >= EVIDENCE_OVERLAP
            and _participant_right(system, gold))


def _role_right(system: Sequence[SystemActor], gold: Sequence[GoldActor]) -> bool:
    return _names_shared(system, gold) if system and gold else not system and not gold


def meeting(system: SystemEvent, gold: GoldEvent) -> bool:
    """Whether a matched pair is scored as a meeting: the system codes a CONSULT that the gold allows (its
    type or one of its ``alt_types``). The guidelines code a meeting as all parties actors and no recipient;
    the PLOVER manual also allows a visit as visitor (actor) to host (recipient). Either way the parties are
    partners, so a meeting's actors and recipients are compared as one set (:func:`check_fields`)."""
    return MEETING in (system.type, system.plover_type) and MEETING in (gold.type, *gold.alt_types)


def check_fields(system: SystemEvent, gold: GoldEvent) -> FieldCheck:
    """The fields of a matched pair; the parties of a :func:`meeting` as partners: its actor is right when
    one of the system's parties (actors and recipients) shares a name word with one of the gold's, and its
    recipient is then right (the guidelines' form has none)."""
    place = None if gold.place is None else place_right(system.place, gold.place)
    date = None if gold.date is None else system.date is not None and system.date[:len(gold.date)] == gold.date
    if meeting(system, gold):
        actor, recipient = _role_right(system.actors + system.recipients, gold.actors + gold.recipients), True
    else:
        actor, recipient = _role_right(system.actors, gold.actors), _role_right(system.recipients, gold.recipients)
    return FieldCheck(actor, recipient, date, place, system.status == gold.status)


# --- matching and counting ---------------------------------------------------------------------------------


def one_to_one(candidates: Sequence[Sequence[int]], order: Iterable[int]) -> dict[int, int]:
    """A maximum one-to-one matching, left -> right, by augmenting paths (Kuhn's algorithm): ``candidates[i]``
    lists the right indices left ``i`` may take, best first; lefts are matched in ``order`` and stay matched."""
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        free = next((r for r in candidates[left] if r not in owner), None)
        if free is not None:
            owner[free] = left
            return True
        for right in candidates[left]:
            if right not in seen:
                seen.add(right)
                if augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in order:
        augment(left, set())
    return {left: right for right, left in owner.items()}


def _rank(gold: GoldActor, found: SystemActor) -> tuple[int, int, float] | None:
    """How well a system actor fits a gold actor (higher is better), None if they share no name word."""
    canonical, words = name_words(gold.name), name_words(found.name)
    if not words & _gold_names(gold):
        return None

    def surface(text: str) -> str:
        return _ARTICLE_WORD.sub("", " ".join(text.lower().split()))

    forms = {surface(n) for n in (gold.name, *gold.aliases)}
    same_form = any(surface(m) in forms for m in (found.name, *found.mentions))
    return int(same_form), len(words & canonical), len(words & canonical) / len(words | canonical)


def _actor_pairs(gold: GoldArticle, system: SystemArticle) -> dict[int, int]:
    """Gold actor -> system actor, one to one and greedy, best pairs first: a strong pair is never given up
    to find one more weak one."""
    ranked = sorted((tuple(-r for r in rank), g, s) for g, actor in enumerate(gold.actors)
                    for s, found in enumerate(system.actors) if (rank := _rank(actor, found)) is not None)
    pairs: dict[int, int] = {}
    for _, g, s in ranked:
        if g not in pairs and s not in pairs.values():
            pairs[g] = s
    return pairs


def event_pairs(gold: GoldArticle, system: SystemArticle,
                convention: Convention = "raw") -> tuple[dict[int, int], list[list[int]]]:
    """Gold event -> system event, one to one (core gold events first, each taking the matching system event
    with the most fields right, then the most evidence overlap), and each gold event's matching system events."""
    candidates = []
    for g in gold.events:
        found = [i for i, s in enumerate(system.events) if matches(s, g, convention)]
        candidates.append(sorted(found, key=lambda i: (-check_fields(system.events[i], g).right,
                                                        -overlap(system.events[i].evidence, g.evidence), i)))
    order = [i for i, g in enumerate(gold.events) if g.core] + [i for i, g in enumerate(gold.events) if not g.core]
    return one_to_one(candidates, order), candidates


def _event_counts(gold: GoldArticle, system: SystemArticle, convention: Convention) -> Counts:
    pairs, candidates = event_pairs(gold, system, convention)
    duplicates = {s for c in candidates for s in c} - set(pairs.values())
    checks = [check_fields(system.events[s], gold.events[g]) for g, s in pairs.items()]
    return Counts(
        core_gold=sum(g.core for g in gold.events), core_found=sum(gold.events[g].core for g in pairs),
        gold_events=len(gold.events), system_events=len(system.events), system_right=len(pairs),
        system_duplicates=len(duplicates), matched=len(checks), actor_right=sum(c.actor for c in checks),
        recipient_right=sum(c.recipient for c in checks), date_scored=sum(c.date is not None for c in checks),
        date_right=sum(c.date is True for c in checks), place_scored=sum(c.place is not None for c in checks),
        place_right=sum(c.place is True for c in checks), status_right=sum(c.status for c in checks),
        all_right=sum(c.all_right for c in checks),
    )


def _actor_counts(gold: GoldArticle, system: SystemArticle) -> Counts:
    pairs = [(gold.actors[g], system.actors[s]) for g, s in _actor_pairs(gold, system).items()]
    sectored = [(g, s) for g, s in pairs if g.kind != BARE_COUNTRY]
    persons = [(g, s) for g, s in pairs if g.kind == "person" and g.country is not None]
    return Counts(gold_actors=len(gold.actors), actors_found=len(pairs),
                  country_right=sum(g.country == s.country for g, s in pairs), sector_scored=len(sectored),
                  sector_right=sum(g.sector == s.sector for g, s in sectored), persons_scored=len(persons),
                  persons_with_country=sum(s.country is not None for _, s in persons))


def score(gold: Sequence[GoldArticle], system: Sequence[SystemArticle],
          convention: Convention = "raw") -> dict[str, Counts]:
    """The counts of each gold article (by id, in order) against the system article of the same id (none
    found: nothing found)."""
    by_id = {s.id: s for s in system}
    out = {}
    for g in gold:
        found = by_id.get(g.id) or SystemArticle(g.id, (), ())
        out[g.id] = _event_counts(g, found, convention) + _actor_counts(g, found)
    return out


def per_article(gold: Sequence[GoldArticle], counts: Mapping[str, Counts], actors: bool) -> dict[str, Any]:
    """Figures and counts per article (its title first), for reading errors: event figures, or actor figures."""
    titles = {g.id: g.title for g in gold}
    rates = actor_rates if actors else event_rates
    return {i: {"title": titles[i], **rates(c), "counts": asdict(c)} for i, c in counts.items()}
