"""Clean: authors are people (never an outlet, a desk or a role); the headline of flattened text."""

from __future__ import annotations

import pytest

from dateline import lang
from dateline.clean import clean
from dateline.clean._authors import clean_authors
from dateline.clean._meta import PageMeta, names_site
from dateline.clean._patterns import load_patterns
from dateline.records import Document

PATTERNS = load_patterns(lang.resources("en"))


@pytest.mark.parametrize(
    ("given", "people"),
    [
        (["Jane Doe"], ("Jane Doe",)),
        (["By Jane Doe and John Roe, Reuters"], ("Jane Doe", "John Roe")),
        (["Dan Wexler, AP Auto Writer"], ("Dan Wexler",)),
        (["Ellen Marsh, Futurism"], ("Ellen Marsh",)),
        (["Analysis by Dana Pruitt, CNN Editor-at-large"], ("Dana Pruitt",)),
        (["Nora Quinn is a reporter"], ("Nora Quinn",)),
        (["Carl Brandt Monday, November"], ("Carl Brandt",)),
        (["ANNA REILLY, MARY BETH COLLINS and JOHN OKAFOR Associated Press"],
         ("ANNA REILLY", "MARY BETH COLLINS", "JOHN OKAFOR")),
        (["Helen Park, MS, RD"], ("Helen Park",)),
        (["Ray Dunn", "Ray T. Dunn, Cleveland.com"], ("Ray T. Dunn",)),
        (["By Owen Price Owen Price"], ("Owen Price",)),
        (["AOL Staff"], ()),
        (["Science X staff"], ()),
        (["JERUSALEM POST STAFF"], ()),
        (["Editorial"], ()),
        (["PTI"], ()),
        (["The Turkish and Iraqi foreign ministries"], ()),
    ],
)
def test_people_among_bylines(given: list[str], people: tuple[str, ...]) -> None:
    assert clean_authors(given, PATTERNS) == people


def test_the_site_itself_is_no_author() -> None:
    meta = PageMeta(host_labels=("ft",), host="ftcom", owners=("Financial Times",))
    assert clean_authors(["Financial Times"], PATTERNS, meta) == ()
    assert clean_authors(["Jane Doe, Financial Times"], PATTERNS, meta) == ("Jane Doe",)
    vortex = PageMeta(host_labels=("vortexcannon",), host="vortexcannonorg")
    assert clean_authors(["Vortex"], PATTERNS, vortex) == ()


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("Los Angeles Times", ("latimes",), True),
        ("The Wall Street Journal", ("wsj",), True),
        ("CBSSports.com", ("cbssports",), True),
        ("TheHill", ("thehill",), True),
        ("Bridge closed after cracks are found", ("latimes",), False),
        ("Jill Disis", ("cnn",), False),
    ],
)
def test_names_site_from_the_domain(text: str, labels: tuple[str, ...], expected: bool) -> None:
    assert names_site(text, PageMeta(host_labels=labels)) is expected


def test_flattened_headline_is_the_line_that_tells_the_lead() -> None:
    page = "\n".join([
        "Account Settings Log Out",
        "Most Popular Stories Today",
        "Council closes the old river bridge after engineers find cracks",
        "Share This Story On Social Media",
        "Updated 2 hours ago",
        "The city council voted on Tuesday to close the old river bridge to traffic after engineers found deep "
        "cracks in its supports.",
        "Residents who live near the river said they had warned officials about the damage for more than a year.",
    ])
    article = clean(Document("t", "<test>", "text", page))
    assert article.title == "Council closes the old river bridge after engineers find cracks"
    assert ("title", article.title) in [(b.kind, b.text) for b in article.boilerplate]


def test_names_that_look_like_dates_or_domains_stay() -> None:
    assert clean_authors(["June Smith and Jan Kowalski"], PATTERNS) == ("June Smith", "Jan Kowalski")
    assert clean_authors(["Mike Wall"], PATTERNS, PageMeta(host_labels=("wallst",), host="wallstcom")) == ("Mike Wall",)


def test_a_date_after_a_single_name_ends_it() -> None:
    assert clean_authors(["by Regan September 15, 2014"], PATTERNS) == ("Regan",)
