"""How far two careful coders agree on whole articles: the ceiling of the Wikinews figures.

A second coder coded some articles of ``eval/events/wikinews-dev`` again, from the text and the guidelines
alone, blind to the first coding (``eval/wikinews-dev-second`` of this repository, the same format). Each
coding is scored against the other with the scorer of :mod:`dateline.evaluation.wikinews`, the one taken as
if it were dateline's output:

- ``second.*``: the second coding against the first (its ``core_recall`` is the share of the first coder's
  core events the second coder also coded, with a type the first allows, a sentence and a participant in
  common; its ``precision`` the share of the second coder's events the first coded too; the fields of the
  matched events; and the actors: found, then country and sector agreed);
- ``first.*``: the first coding against the second (the same comparison the other way round);
- ``system.*``: dateline on the same articles against the first coding, so that the two read side by side.

A figure of dateline near ``second.*`` is as good as a second careful coder; the goals of the event stage
are meaningful only where the coders themselves reach them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from dateline._paths import shared_root
from dateline.errors import InputError
from dateline.evaluation import Report, wikinews
from dateline.evaluation.wikinews import GoldActor, GoldArticle, SystemActor, SystemArticle, SystemEvent

__all__ = ["DEFAULT_DATA", "as_system", "evaluate"]

#: The second coding: a folder of this repository (pass it with ``--data``).
DEFAULT_DATA = "eval/wikinews-dev-second"


def _actor(actor: GoldActor) -> SystemActor:
    return SystemActor(actor.name, actor.kind, actor.country, actor.sector, (actor.name, *actor.aliases))


def as_system(article: GoldArticle) -> SystemArticle:
    """A hand coding seen as if dateline had found it (its types are both its own and PLOVER's)."""
    def parties(actors: Iterable[GoldActor]) -> tuple[SystemActor, ...]:
        return tuple(_actor(a) for a in actors)

    events = tuple(SystemEvent(e.type, e.type, parties(e.actors), parties(e.recipients), e.date, e.place, e.status,
                               e.evidence) for e in article.events)
    return SystemArticle(article.id, parties(article.actors), events)


def _figures(prefix: str, gold: Sequence[GoldArticle], found: Sequence[SystemArticle]) -> dict[str, float | int]:
    total = sum(wikinews.score(gold, found).values(), wikinews.Counts())
    rates = {**wikinews.event_rates(total), **{f"actors.{k}": v for k, v in wikinews.actor_rates(total).items()}}
    rates.update(core_gold=total.core_gold, core_found=total.core_found, events=total.system_events)
    return {f"{prefix}.{k}": v for k, v in rates.items()}


def _first_coding(second: Sequence[GoldArticle], first: Path) -> list[GoldArticle]:
    """The first coding of each article of the second, in its order; the texts must be the same."""
    coded = {a.id: a for a in wikinews.load(first)}
    if missing := [a.id for a in second if a.id not in coded]:
        raise InputError(f"{len(missing)} article(s) of the second coding are not in the first "
                         f"({', '.join(missing[:5])}); pass the set they were coded from", source=str(first))
    if differ := [a.id for a in second if coded[a.id].text != a.text]:
        raise InputError(f"the two codings read different texts for {', '.join(differ[:5])}", source=str(first))
    return [coded[a.id] for a in second]


def evaluate(data: Path, limit: int | None = None, first: Path | None = None) -> Report:
    """Score the second coding under ``data`` (its first ``limit`` articles) against the first coding
    (default: the shared ``eval/events/wikinews-dev``), both ways, and dateline against the first."""
    second = wikinews.load(Path(data))
    second = second[:limit] if limit else second
    firsts = _first_coding(second, Path(first or shared_root() / wikinews.DEFAULT_DATA))
    found, notes = wikinews.code(firsts)
    metrics: dict[str, float | int] = {"articles": len(second)}
    metrics.update(_figures("second", firsts, [as_system(a) for a in second]))
    metrics.update(_figures("first", second, [as_system(a) for a in firsts]))
    metrics.update(_figures("system", firsts, found))
    return Report("agreement", str(data), metrics, notes)
