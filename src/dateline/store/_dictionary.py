"""The data dictionary: every column of every export, named and explained in one place.

``dateline export --describe`` prints it. The table exports (CSV, Parquet)
follow the store's tables, whose columns follow the records' fields; a test
writes every export and fails when a column written is not described here, or
a column described is not written, so this page cannot drift from the files.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.store._dyads import DYAD_COLUMNS
from dateline.store._polecat import COLUMNS as POLECAT
from dateline.store._schema import EXPORT_TABLES, columns

__all__ = ["TABLE_COLUMNS", "describe", "table_columns"]

_ARTICLE = "the article's id (articles.id)"
_SPAN_START = "start of {what} in the article text: a character offset from 0 ([start, end) into articles.text)"
_SPAN_END = "end of {what} in the article text (exclusive)"

#: What each column of the CSV and Parquet table exports holds.
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "the article's id: a hash of its URL, else of its content",
        "source": "the input it was read from (file path, or file and line/record)",
        "url": "the article's address, when known",
        "site": "the site that published it (host name)",
        "title": "the article's title",
        "authors": "its authors, as a list",
        "published": "its publication date (YYYY-MM-DD)",
        "published_text": "the publication date as the input gave it",
        "language": "its language (ISO 639-1)",
        "duplicate_of": "the id of the article it nearly duplicates, if any (then it was not coded again)",
        "text": "the cleaned article text; every offset in every table points into it",
        "boilerplate": "what cleaning removed, as JSON: [{kind, text}]",
        "n_actors": "number of actors found",
        "n_events": "number of events coded",
        "n_quotes": "number of quotes found",
        "processed_at": "when dateline stored it (UTC)",
        "story": "the real-world incident it reports (stories.id), shared by every article that reports it",
        "batch": "the number of the write that stored it: 1 for a store's first, one more for each later write that "
                 "stored articles (the articles of one write share it); orders articles by when they were stored, "
                 "whatever the clock did",
    },
    "actors": {
        "article_id": _ARTICLE,
        "id": "the actor's id within its article",
        "key": "a readable key that groups one actor across articles: name and country (donald-trump.usa)",
        "name": "canonical name",
        "kind": "person, organization, country, group or other",
        "country": "ISO 3166-1 alpha-3 country, IGO for an international organization",
        "sector": "PLOVER sector code (GOV, MIL, REB, ...)",
        "title": "office or title (President)",
        "wikidata": "Wikidata id, when the actor knowledge base has one",
        "n_mentions": "number of mentions in the article",
    },
    "mentions": {
        "article_id": _ARTICLE,
        "actor_id": "the actor mentioned (actors.id in the same article)",
        "start_char": _SPAN_START.format(what="the mention"),
        "end_char": _SPAN_END.format(what="the mention"),
        "text": "the mention as written",
    },
    "events": {
        "article_id": _ARTICLE,
        "id": "the event's id within its article",
        "type": "PLOVER event type (AGREE ... ASSAULT)",
        "mode": "PLOVER mode (visit, martial-law), if any",
        "contexts": "PLOVER contexts, as a list",
        "status": "occurred, planned, hypothetical or negated",
        "quad": "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
        "intensity": "conflict-cooperation score from -10 to +10",
        "confidence": "the events stage's confidence, 0 to 1",
        "date_value": "the event's own date at its own precision (2017-07-07, 2017-W27, 2017-07, 2017), if the "
                      "article gives one",
        "date_text": "the words that gave the date",
        "day": "a calendar day for sorting and filtering: the event's own day when date_value is one, else the "
               "article's publication date (use date_value for the event's own date)",
        "place_name": "the event's place, resolved name",
        "place_country": "ISO 3166-1 alpha-3 country of the place",
        "place_lat": "latitude of the place",
        "place_lon": "longitude of the place",
        "place_geonames_id": "GeoNames id of the place",
        "trigger_start": _SPAN_START.format(what="the trigger word"),
        "trigger_end": _SPAN_END.format(what="the trigger word"),
        "trigger_text": "the trigger word",
        "evidence_start": _SPAN_START.format(what="the evidence sentence"),
        "evidence_end": _SPAN_END.format(what="the evidence sentence"),
        "evidence_text": "the sentence that supports the event",
        "instance": "the real-world event it reports (instances.id), shared by the records of every article that "
                    "reports it",
        "place_within": "for a street or building the gazetteer does not know, the town whose point it carries",
    },
    "event_participants": {
        "article_id": _ARTICLE,
        "event_id": "the event (events.id in the same article)",
        "actor_id": "the actor (actors.id in the same article)",
        "actor_key": "the actor's key across articles (actors.key)",
        "role": "actor or recipient",
    },
    "quotes": {
        "article_id": _ARTICLE,
        "id": "the quote's id within its article",
        "speaker": "the speaker's actor id (actors.id in the same article), if linked",
        "speaker_key": "the speaker's key across articles (actors.key)",
        "speaker_text": "the speaker as written",
        "cue": "the cue verb (said, told)",
        "start_char": _SPAN_START.format(what="the quoted content"),
        "end_char": _SPAN_END.format(what="the quoted content"),
        "text": "the quoted or reported content",
        "direct": "true for words inside quotation marks",
        "kind": "speech (said, wrote), stance (believes, plans, supports) or act (a deed told of the speaker)",
        "negated": "true when the text says the speaker did not say or hold it (did not say, never claimed)",
    },
    "times": {
        "article_id": _ARTICLE,
        "start_char": _SPAN_START.format(what="the expression"),
        "end_char": _SPAN_END.format(what="the expression"),
        "text": "the expression as written",
        "value": "its TIMEX3 value resolved against the publication date (2017-07-07, 2017-06, P3D)",
        "type": "TIMEX3 type: DATE, TIME, DURATION or SET",
        "day": "the calendar day, when the value is one",
    },
    "places": {
        "article_id": _ARTICLE,
        "start_char": _SPAN_START.format(what="the place name"),
        "end_char": _SPAN_END.format(what="the place name"),
        "text": "the place name as written",
        "name": "resolved name",
        "country": "ISO 3166-1 alpha-3 country",
        "lat": "latitude",
        "lon": "longitude",
        "geonames_id": "GeoNames id",
        "feature": "kind of place: country, admin1, admin2, city, region",
        "within": "for a street or building the gazetteer does not know, the town the text puts it in, whose point "
                  "and country it carries",
    },
    "failures": {
        "source": "the input that failed",
        "stage": "the stage that failed (read, clean, annotate, ...)",
        "doc_id": "the document's id, when it got one",
        "error": "the error's type",
        "message": "what went wrong",
        "failed_at": "when (UTC)",
    },
    "stories": {
        "id": "the story's id (articles.story): one real-world incident",
        "title": "the title of its first article",
        "first_article": "the id of its first stored article",
        "articles": "number of articles that report it, near-duplicates included",
        "sources": "number of distinct sites that report it",
        "first_report": "earliest publication date of its articles",
        "last_report": "latest publication date of its articles",
        "events": "number of event records in its articles",
        "instances": "number of distinct real-world events among them",
        "first_batch": "the first write that stored one of its articles (articles.batch)",
        "last_batch": "the last write that stored one of its articles (articles.batch)",
    },
    "instances": {
        "id": "the instance's id (events.instance): one real-world event; its mentions are the events rows with "
              "this instance",
        "story": "the story of its first report",
        "type": "PLOVER event type",
        "status": "occurred, planned, hypothetical or negated (records of different status never share one)",
        "quad": "quad class of its first report",
        "date_value": "the most precise date its records give, if any",
        "day": "its earliest day: the date given, else the first record's day",
        "place_name": "the place its first report names, if any",
        "place_country": "the country of that place",
        "actors": "actor keys of its actors, across its records",
        "recipients": "actor keys of its recipients, across its records",
        "mentions": "number of event records that report it",
        "articles": "number of articles that report it, near-duplicates of them included",
        "sources": "number of distinct sites that report it",
        "first_report": "earliest publication date of its articles",
        "last_report": "latest publication date of its articles",
        "first_batch": "the first write that stored one of its articles (articles.batch)",
        "last_batch": "the last write that stored one of its articles (articles.batch)",
    },
}

#: Columns the table exports leave out: the contract JSON is the JSONL export.
EXCLUDED = {("articles", "contract")}


def table_columns(table: str) -> list[str]:
    """The columns the CSV and Parquet exports write for ``table``, in order."""
    return [name for name, _ in columns(table) if (table, name) not in EXCLUDED]


def _table(rows: Sequence[Sequence[str]], header: tuple[str, ...]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def describe(fmt: str | None = None) -> str:
    """The data dictionary as Markdown: of one export format, or of all (``None``)."""
    parts: list[str] = []
    if fmt in (None, "jsonl"):
        parts += ["## jsonl", "", "One article per line as contract JSON: see shared/contract/article.schema.json "
                  "(every field of every record, with spans as {start, end, text}).", ""]
    if fmt in (None, "csv", "parquet"):
        parts += ["## csv, parquet", "", "One file per table; join on article_id (and the record ids within it).", ""]
        for table in EXPORT_TABLES:
            described = TABLE_COLUMNS.get(table, {})
            rows = [(f"`{c}`", described.get(c, "(not described)")) for c in table_columns(table)]
            parts += [f"### {table}", "", *_table(rows, ("column", "meaning")), ""]
    if fmt in (None, "polecat"):
        numbered = [(f"{n}", f"`{c.name}`", c.filling, c.meaning) for n, c in enumerate(POLECAT, start=1)]
        parts += ["## polecat", "", *_table(numbered, ("#", "column", "dateline", "meaning")), ""]
    if fmt in (None, "dyads"):
        rows = [(f"`{c}`", meaning) for c, meaning in DYAD_COLUMNS.items()]
        parts += ["## dyads", "", *_table(rows, ("column", "meaning")), ""]
    return "\n".join(parts).rstrip() + "\n"
