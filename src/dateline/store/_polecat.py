"""The POLECAT export: one event per line, in the column layout and value conventions of POLECAT's released files.

POLECAT (the PLOVER-coded event data set) is released as tab-separated text
files of 40 columns; analysts already have readers for them. This export
writes those 40 columns in their order, under their names, then the columns
dateline adds (evidence, article, status, confidence). Conventions follow the
released files: ``None`` for a missing value; several actors of one event as
``; ``-separated lists, parallel across the actor columns, with ``None`` for
an actor's missing value (``United States; None``); contexts and story-level
lists separated by `` | ``; event types in upper case, modes in lower case;
quad classes as words; actor countries as names, the event location's
country as ISO 3166-1 alpha-3.

Each column is one SQL expression over the store's tables (aliases: ``e``
events, ``ar`` articles, ``w`` the event's participants, ``pl`` the event's
place, ``st`` the article's story lists, ``d`` the event's own day); the
file is written by DuckDB's COPY, so the export stays fast and small in
memory however many events there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dateline import __version__
from dateline.store._periods import day_of
from dateline.store._schema import SCHEMA_VERSION
from dateline.store._sql import sql_string

if TYPE_CHECKING:
    import duckdb

__all__ = ["COLUMNS", "POLECAT_COLUMNS", "PolecatColumn", "write_polecat"]

#: How a column is filled: as POLECAT fills it, left empty (``None`` on every line), or added by dateline.
Filling = Literal["filled", "empty", "added"]
#: POLECAT's quad classes, as its files write them, by dateline's quad number.
QUAD_CODES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
#: The missing-value marker of POLECAT's files.
MISSING = "None"
#: Separators: between the values of an event's several actors, and inside a list (contexts, story lists).
ACTORS_SEPARATOR = "; "
LIST_SEPARATOR = " | "
#: Which place features fill POLECAT's City, District and Province (dateline's feature names).
_CITY, _DISTRICT, _PROVINCE = "city", "admin2", "admin1"


@dataclass(frozen=True)
class PolecatColumn:
    """One column of the export: its header, how it is filled, the SQL that gives it, and what it holds."""

    name: str
    filling: Filling
    sql: str
    meaning: str


def _text(sql: str) -> str:
    """A text value on one line: TAB, CR and LF become spaces (one for one, so offsets still hold); '' is missing."""
    return f"nullif(regexp_replace({sql}, '[\\t\\r\\n]', ' ', 'g'), '')"


def _role(role: str, part: str) -> str:
    return f"w.{role}_{part}"


def _party(role: str, title: str) -> list[PolecatColumn]:
    """The eight columns POLECAT gives the actor or the recipient side of an event."""
    who = "actor" if role == "actor" else "recipient"
    return [
        PolecatColumn(f"{title} Name", "filled", _role(role, "name"),
                      f"canonical name of each {who} (several: '; '-separated, in the event's order)"),
        PolecatColumn(f"{title} Country", "filled", _role(role, "country"),
                      f"country name of each {who} ('IGO' for an international organization), parallel to "
                      f"{title} Name; None for one without a country"),
        PolecatColumn(f"{title} COW", "empty", "NULL",
                      "Correlates of War state code: dateline codes countries in ISO 3166-1 alpha-3 only (see "
                      f"{title} Country and the dyads export)"),
        PolecatColumn(f"Primary {title} Sector", "filled", _role(role, "sector"),
                      f"PLOVER sector code (GOV, MIL, ...) of each {who}, parallel to {title} Name"),
        PolecatColumn(f"{title} Sectors", "filled", _role(role, "sector"),
                      f"every sector of each {who}: dateline gives an actor one sector, so the same as Primary "
                      f"{title} Sector"),
        PolecatColumn(f"{title} Title", "filled", _role(role, "title"),
                      f"office or title of each {who} ('President'), parallel to {title} Name"),
        PolecatColumn(f"{title} Name Raw", "filled", _role(role, "raw"),
                      f"each {who} as written in the evidence sentence (its first mention there), parallel to "
                      f"{title} Name"),
        PolecatColumn(f"Wikipedia {title} ID", "filled", _role(role, "wikidata"),
                      f"Wikidata id (Q-number) of each {who}, where dateline's actor knowledge base has one"),
    ]


_VERSION = f"'dateline {__version__} (store {SCHEMA_VERSION})'"
_QUAD = "CASE e.quad " + " ".join(f"WHEN {n} THEN '{words}'" for n, words in QUAD_CODES.items()) + " END"


def _place_part(feature: str) -> str:
    return f"CASE WHEN pl.feature = '{feature}' THEN {_text('e.place_name')} END"


#: The 40 columns of POLECAT's released files, in their order.
POLECAT_COLUMNS: tuple[PolecatColumn, ...] = (
    PolecatColumn("Event ID", "filled", "e.article_id || '_' || e.type || '_' || e.id",
                  "article id, PLOVER type and dateline's event id, joined by '_': the part before the first '_' "
                  "is the article, as in POLECAT; unique per event"),
    PolecatColumn("Event Date", "filled", "d.day",
                  "the event's own date (YYYY-MM-DD) when the article gives it to the day; None when the event's "
                  "date is coarser (a week, month or year: see Event Date Value) or missing. Never the "
                  "publication date (that is Publication Date)"),
    PolecatColumn("Event Type", "filled", "e.type", "PLOVER event type in upper case (AGREE ... ASSAULT)"),
    PolecatColumn("Event Mode", "filled", _text("e.mode"), "PLOVER mode in lower case (visit, martial-law), or None"),
    PolecatColumn("Event Intensity", "filled", "e.intensity",
                  "conflict-cooperation score from -10 to +10 by type and mode (PLOVER manual's table)"),
    PolecatColumn("Quad Code", "filled", _QUAD,
                  "quad class in words: VERBAL COOPERATION, MATERIAL COOPERATION, VERBAL CONFLICT, MATERIAL CONFLICT"),
    PolecatColumn("Contexts", "filled", _text(f"array_to_string(e.contexts, '{LIST_SEPARATOR}')"),
                  "PLOVER contexts, ' | '-separated; None while the events stage codes none"),
    *_party("actor", "Actor"),
    *_party("recipient", "Recipient"),
    PolecatColumn("Placename", "filled", _text("e.place_name"), "the event's place, resolved name"),
    PolecatColumn("City", "filled", f"coalesce({_place_part(_CITY)}, {_text('e.place_within')})",
                  "the place's name when it is a city or town; for a street or building, the town it is in"),
    PolecatColumn("District", "filled", _place_part(_DISTRICT),
                  "the place's name when it is a second-level division (county, district)"),
    PolecatColumn("Province", "filled", _place_part(_PROVINCE),
                  "the place's name when it is a first-level division (state, province)"),
    PolecatColumn("Country", "filled", "e.place_country", "ISO 3166-1 alpha-3 code of the event's place"),
    PolecatColumn("Latitude", "filled", "e.place_lat", "latitude of the event's place (decimal degrees)"),
    PolecatColumn("Longitude", "filled", "e.place_lon", "longitude of the event's place (decimal degrees)"),
    PolecatColumn("GeoNames ID", "filled", "e.place_geonames_id", "GeoNames id of the event's place"),
    PolecatColumn("Raw Placename", "filled", _text("pl.raw"),
                  "the place as written (its mention in the evidence sentence, else its first in the article)"),
    PolecatColumn("Feature Type", "filled", "pl.feature",
                  "kind of place in dateline's gazetteer: country, admin1, admin2, city, region"),
    PolecatColumn("Source", "filled", _text("ar.site"), "the site that published the article (en.wikinews.org)"),
    PolecatColumn("Publication Date", "filled", "ar.published", "the article's publication date (YYYY-MM-DD)"),
    PolecatColumn("Story People", "filled", "st.people", "every person named in the article, ' | '-separated"),
    PolecatColumn("Story Organizations", "filled", "st.organizations",
                  "every organization and group named in the article, ' | '-separated"),
    PolecatColumn("Story Locations", "filled", "st.locations", "every place named in the article, ' | '-separated"),
    PolecatColumn("Language", "filled", "ar.language", "the article's language (ISO 639-1, e.g. en)"),
    PolecatColumn("Version", "filled", _VERSION, "the dateline version and store version that wrote the file"),
)

#: The columns dateline adds after POLECAT's 40.
ADDED_COLUMNS: tuple[PolecatColumn, ...] = (
    PolecatColumn("Event Date Value", "added", "e.date_value",
                  "the event's own date at its own precision: 2017-07-07, 2017-W27, 2017-07, 2017-Q3, 2017; None "
                  "when the article does not date the event"),
    PolecatColumn("Event Date Text", "added", _text("e.date_text"), "the words that gave the event's date"),
    PolecatColumn("Status", "added", "e.status", "occurred, planned, hypothetical or negated"),
    PolecatColumn("Confidence", "added", "e.confidence", "the events stage's confidence in the event, 0 to 1"),
    PolecatColumn("Trigger", "added", _text("e.trigger_text"), "the word that signals the event"),
    PolecatColumn("Evidence", "added", _text("e.evidence_text"),
                  "the sentence that supports the event (TAB and line breaks shown as spaces)"),
    PolecatColumn("Evidence Start", "added", "e.evidence_start",
                  "where the evidence starts in the article text (characters, from 0)"),
    PolecatColumn("Evidence End", "added", "e.evidence_end", "where the evidence ends in the article text (exclusive)"),
    PolecatColumn("Article ID", "added", "e.article_id", "the article's id (articles.id, events.article_id)"),
    PolecatColumn("Article Event ID", "added", "e.id",
                  "the event's id within its article (events.id); with Article ID, the key of the events table"),
    PolecatColumn("URL", "added", _text("ar.url"), "the article's address"),
)

COLUMNS: tuple[PolecatColumn, ...] = POLECAT_COLUMNS + ADDED_COLUMNS

#: What each per-actor column shows of an actor, and the two sides of an event.
_PARTS = ("name", "country", "sector", "title", "raw", "wikidata")
_ROLES = ("actor", "recipient")


def _joined(role: str, part: str, ordered: bool) -> str:
    """One side's values of ``part`` as a '; '-list with None placeholders; NULL when all are missing.

    A ';' inside a value would split it, so it becomes ','. ``ordered``: in the event's order (the
    participants' rowid is their order of insertion).
    """
    where = f"FILTER (WHERE role = '{role}')"
    cleaned = _text(f"replace({part}, ';', ',')")
    order = " ORDER BY pos" if ordered else ""
    return (f"CASE WHEN count(nullif({part}, '')) {where} > 0 THEN string_agg(coalesce({cleaned}, '{MISSING}'), "
            f"'{ACTORS_SEPARATOR}'{order}) {where} END AS {role}_{part}")


def _sides(ordered: bool) -> str:
    return ", ".join(_joined(role, part, ordered) for role in _ROLES for part in _PARTS)


def _pick() -> str:
    return ", ".join(f"CASE WHEN w1.several THEN w2.{r}_{p} ELSE w1.{r}_{p} END AS {r}_{p}"
                     for r in _ROLES for p in _PARTS)


_QUERY = f"""
WITH
days AS (SELECT unnest(?::VARCHAR[]) AS value, unnest(?::DATE[]) AS day),
countries AS (SELECT unnest(?::VARCHAR[]) AS iso3, unnest(?::VARCHAR[]) AS name),
raw AS (
    SELECT p.article_id, p.event_id, p.actor_id, arg_min(m.text, m.start_char) AS raw
    FROM event_participants p
    JOIN events ev ON ev.article_id = p.article_id AND ev.id = p.event_id
    JOIN mentions m ON m.article_id = p.article_id AND m.actor_id = p.actor_id
         AND m.start_char >= ev.evidence_start AND m.end_char <= ev.evidence_end
    GROUP BY ALL),
parts AS (
    SELECT p.article_id, p.event_id, p.role, p.rowid AS pos, a.name, coalesce(c.name, a.country) AS country,
           a.sector, a.title, a.wikidata, raw.raw
    FROM event_participants p
    LEFT JOIN actors a ON a.article_id = p.article_id AND a.id = p.actor_id
    LEFT JOIN countries c ON c.iso3 = a.country
    LEFT JOIN raw ON raw.article_id = p.article_id AND raw.event_id = p.event_id AND raw.actor_id = p.actor_id),
-- Ordered aggregates (string_agg ... ORDER BY) are slow over many groups (9 of the 15 seconds of a 100,000-event
-- export), and an event with one actor on each side needs no order: they order only the events with several.
w1 AS (
    SELECT article_id, event_id, {_sides(False)},
           count(*) FILTER (WHERE role = 'actor') > 1 OR count(*) FILTER (WHERE role = 'recipient') > 1 AS several
    FROM parts GROUP BY ALL),
w2 AS (
    SELECT article_id, event_id, {_sides(True)}
    FROM parts SEMI JOIN (SELECT article_id, event_id FROM w1 WHERE several) m USING (article_id, event_id)
    GROUP BY ALL),
w AS (
    SELECT w1.article_id, w1.event_id, {_pick()}
    FROM w1 LEFT JOIN w2 ON w2.article_id = w1.article_id AND w2.event_id = w1.event_id),
pl AS (
    SELECT e.article_id, e.id AS event_id, arg_min(p.feature, p.start_char) AS feature,
           arg_min(p.text, CASE WHEN p.start_char >= e.evidence_start AND p.end_char <= e.evidence_end
                                THEN p.start_char ELSE p.start_char + 1000000000 END) AS raw
    FROM events e JOIN places p ON p.article_id = e.article_id AND p.name = e.place_name
         AND p.geonames_id IS NOT DISTINCT FROM e.place_geonames_id
    GROUP BY ALL),
story AS (
    SELECT article_id,
        array_to_string(list_sort(list(DISTINCT name) FILTER (WHERE kind = 'person')), '{LIST_SEPARATOR}') AS people,
        array_to_string(list_sort(list(DISTINCT name) FILTER (WHERE kind IN ('organization', 'group'))),
                        '{LIST_SEPARATOR}') AS organizations
    FROM actors GROUP BY 1),
places_named AS (
    SELECT article_id, array_to_string(list_sort(list(DISTINCT name)), '{LIST_SEPARATOR}') AS locations
    FROM places GROUP BY 1),
st AS (
    SELECT ar.id AS article_id, {_text("story.people")} AS people, {_text("story.organizations")} AS organizations,
           {_text("places_named.locations")} AS locations
    FROM articles ar LEFT JOIN story ON story.article_id = ar.id
    LEFT JOIN places_named ON places_named.article_id = ar.id)
SELECT {{columns}}
FROM events e
JOIN articles ar ON ar.id = e.article_id
LEFT JOIN days d ON d.value = e.date_value
LEFT JOIN w ON w.article_id = e.article_id AND w.event_id = e.id
LEFT JOIN pl ON pl.article_id = e.article_id AND pl.event_id = e.id
LEFT JOIN st ON st.article_id = e.article_id
ORDER BY ar.published NULLS LAST, e.article_id, e.evidence_start, e.trigger_start, e.id
"""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def polecat_query(con: duckdb.DuckDBPyConnection, countries: Sequence[tuple[str, str]]) -> tuple[str, list[Any]]:
    """The SELECT of the export and its parameters (the lookups of days and country names)."""
    values = [row[0] for row in con.execute("SELECT DISTINCT date_value FROM events WHERE date_value IS NOT NULL")
              .fetchall()]
    days = [(v, day) for v in values if (day := day_of(v)) is not None]
    select = ", ".join(f"{c.sql} AS {_quoted(c.name)}" for c in COLUMNS)
    params: list[Any] = [[v for v, _ in days], [d for _, d in days],
                         [iso for iso, _ in countries], [name for _, name in countries]]
    return _QUERY.replace("{columns}", select), params


#: COPY options of the file: TAB-separated with a header; a value holding '"' is quoted as CSV quotes it.
COPY_OPTIONS = f"FORMAT csv, DELIMITER '\\t', HEADER true, QUOTE '\"', ESCAPE '\"', NULLSTR '{MISSING}'"


def write_polecat(con: duckdb.DuckDBPyConnection, target: Path, countries: Sequence[tuple[str, str]]) -> None:
    """Write the export to ``target`` (``countries``: ISO-3 code and name of each country)."""
    sql, params = polecat_query(con, countries)
    con.execute(f"COPY ({sql}) TO {sql_string(str(target))} ({COPY_OPTIONS})", params)
