"""Evaluate actors on whole hand-coded articles (``eval/events/wikinews-dev``).

dateline's whole pipeline runs on each article; its actors are paired one to
one with the article's hand-coded actors (:mod:`dateline.evaluation.wikinews`).
Figures: the share of gold actors found (a system actor shares a name word),
and of those found, the share with the country right, with the PLOVER sector
right (bare countries left out) and, among persons whose gold country is
known, the share given a country. Per article in the report's details. The
actor rules were written while reading this set's errors, so its figures are
in-sample; every rule was checked on the shared Wikinews corpus, and a held-out
set of more hand-coded articles is the fair test.
"""

from __future__ import annotations

from pathlib import Path

from dateline.evaluation import Report, wikinews

__all__ = ["DEFAULT_DATA", "evaluate"]

DEFAULT_DATA = wikinews.DEFAULT_DATA


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score the actors of the articles under ``data`` (the first ``limit``)."""
    gold = wikinews.load(Path(data))
    gold = gold[:limit] if limit else gold
    found, notes = wikinews.code(gold)
    counts = wikinews.score(gold, found)
    total = sum(counts.values(), wikinews.Counts())
    metrics: dict[str, float | int] = {"articles": len(gold), "gold_actors": total.gold_actors}
    metrics.update(wikinews.actor_rates(total))
    metrics.update({f"count.{k}": getattr(total, k) for k in (
        "actors_found", "country_right", "sector_scored", "sector_right", "persons_scored", "persons_with_country")})
    return Report("actors", str(data), metrics, notes, {"articles": wikinews.per_article(gold, counts, actors=True)})
