"""The whole pipeline on real and generated articles: contract JSON, and every span is its text slice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ids import document_id
from dateline.pipeline import Pipeline
from dateline.records import Article, Document, Failure
from dateline.serialize import article_to_dict

PIPELINE = Pipeline()


def _spans(node: Any, top: bool = True) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if not top and {"start", "end", "text"} <= node.keys():
            found.append(node)
        for value in node.values():
            found.extend(_spans(value, top=False))
    elif isinstance(node, list):
        for value in node:
            found.extend(_spans(value, top=False))
    return found


def _process(text: str, published: str | None = "2017-07-07", kind: str = "text") -> Article:
    doc = Document(id=document_id(text), source="test", kind=kind, content=text, published=published)  # type: ignore[arg-type]
    (result,) = PIPELINE.run_batch([doc])
    assert isinstance(result, Article), result
    return result


def assert_spans_hold(article: Article) -> None:
    data = article_to_dict(article)
    for span in _spans(data):
        assert data["text"][span["start"] : span["end"]] == span["text"], span


@pytest.fixture(scope="module")
def seed_article(seed_path: Path) -> Article:
    return _process(seed_path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_seed_validates_against_the_contract(seed_article: Article, shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "contract" / "article.schema.json").read_text())
    jsonschema.validate(article_to_dict(seed_article), schema)
    assert_spans_hold(seed_article)


@pytest.mark.slow
def test_seed_is_cleaned_and_coded(seed_article: Article) -> None:
    assert seed_article.title == "With U.S.-Russia Relations Plummeting, Trump Set To Hold First Talks With Putin"
    assert seed_article.text.startswith("U.S. President Donald Trump is set to hold")
    assert seed_article.published is not None and seed_article.published.isoformat() == "2017-07-07"
    names = {a.name for a in seed_article.actors}
    assert {"Donald Trump", "Vladimir Putin"} <= names
    assert any(e.type == "CONSULT" for e in seed_article.events)
    assert seed_article.quotes and seed_article.times and seed_article.places


WORDS = st.sampled_from(
    [
        "Trump",
        "Putin",
        "met",
        "said",
        "the",
        "in",
        "on",
        "Monday",
        "July",
        "7",
        "Hamburg",
        "Russia's",
        "“quote”",
        '"no"',
        ",",
        ".",
        "\n\n",
        "sanctions",
        "imposed",
        "by",
        "last",
        "month",
        "he",
        "told",
        "reporters",
        "NATO’s",
        "n’t",
        "2014",
        "émigré",
        "😀",
        "(",
        ")",
        ":",
        "—",
        "'",
        "Merkel",
    ]
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_every_span_is_its_text_slice_on_generated_articles(text: str) -> None:
    doc = Document(id=document_id(text), source="generated", kind="text", content=text, published="2017-07-07")
    (result,) = PIPELINE.run_batch([doc])
    if isinstance(result, Failure):
        # Only cleaning may refuse a text, and only because no article body is left in it.
        assert (result.stage, result.error) == ("clean", "ExtractionError"), result
        return
    assert_spans_hold(result)


WHERE = (
    "A Narrowly Split Court Keeps the Voting Map\n\n"
    "Washington warned Moscow on Tuesday that new sanctions were coming, and the Kremlin rejected the threat. "
    "Downing Street said the prime minister backed the move.\n\n"
    "Defense Secretary Lloyd Austin flew to Brussels for talks with allies. Delta Air Lines added flights to "
    "Lisbon, and the Lincoln Nautilus went on sale in Hangzhou. Madison Mogen, a student, was honoured at a vigil "
    "in Moscow, Idaho.\n\n"
    "Farmers in upstate New York lost their crops, while rents in New York rose again. A fishing boat sank off "
    "Truro, Cornwall, and a road was closed in Merstham in Surrey.\n\n"
    "Pirates seized a tanker in the Gulf of Aden. The Baltic states asked for more troops. Fighting spread "
    "across the Sahel and the Middle East. Nations that signed the Paris accord will meet in Oslo, and the "
    "foreign ministers meet Monday in Oslo."
)


def test_places_a_user_sees_are_the_places_the_text_uses_as_places() -> None:
    article = _process(WHERE, published="2023-05-10")  # a Wednesday
    text = article.text
    found = {(p.span.text, p.span.start): p for p in article.places}
    texts = {name for name, _ in found}
    # names inside names of persons, firms, products and headlines, and metonyms, are no places
    assert not texts & {"Austin", "Delta", "Lincoln", "Madison", "Split", "Paris", "Washington", "Kremlin",
                        "Downing Street"}
    assert {"Moscow", "Brussels", "Lisbon", "Hangzhou", "Oslo"} <= texts
    assert {"U.S. government", "Russian government", "British government"} <= {a.name for a in article.actors}
    # the metonym "Moscow" is the government; the Moscow of Idaho is a place in the United States
    [moscow] = [p for p in article.places if p.span.text == "Moscow"]
    assert moscow.span.start == text.index("Moscow, Idaho") and moscow.country == "USA"
    # namesakes: the text says which
    state, city = text.index("New York"), text.index("New York", text.index("New York") + 1)
    assert (found["New York", state].feature, found["New York", city].name) == ("admin1", "New York City")
    for town, region in (("Truro", "Cornwall"), ("Merstham", "Surrey")):
        assert found[town, text.index(town)].country == found[region, text.index(region)].country == "GBR"
    # seas, gulfs and regions with their own points
    for name, lat in (("Gulf of Aden", 12.0), ("Baltic states", 57.0), ("Sahel", 15.0), ("Middle East", 33.1)):
        place = found[name, text.index(name)]
        assert place.lat is not None and abs(place.lat - lat) < 1.0, name
    # a weekday in the simple present is the next one
    assert {t.span.text: t.value for t in article.times}["Monday"] == "2023-05-15"


def test_a_german_outlets_hamburg_is_in_germany() -> None:
    text = "Protests in Hamburg drew about 5,000 people on Saturday, police said."
    for url in ("https://www.example.de/politik/1.html", None):
        doc = Document(id=document_id(text, url), source="test", kind="text", content=text, url=url,
                       published="2023-05-10")
        (article,) = PIPELINE.run_batch([doc])
        assert isinstance(article, Article)
        assert [(p.span.text, p.country) for p in article.places] == [("Hamburg", "DEU")]
