"""Clean: HTML and flattened text to article body, metadata and boilerplate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import lang
from dateline.clean import PARAGRAPH_SEPARATOR, clean, guess_language
from dateline.clean._dates import is_dateline, parse_date
from dateline.clean._patterns import load_patterns
from dateline.clean._text import extract_text, normalize_line
from dateline.errors import ExtractionError, ResourceError
from dateline.ingest import iter_documents
from dateline.records import Article, Document

SEED_TITLE = "With U.S.-Russia Relations Plummeting, Trump Set To Hold First Talks With Putin"

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old bridge to traffic after engineers found deep cracks.",
    "Residents who live near the river said they had warned officials about the damage for more than a year.",
    "The mayor said repairs would begin in the spring and that a ferry would run in the meantime.",
]


def _text(content: str, **kwargs: object) -> Article:
    return clean(Document("d1", "<test>", "text", content, **kwargs))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    [document] = list(iter_documents([str(seed_path)], published="2017-07-07"))
    assert isinstance(document, Document)
    return clean(document)


def test_seed_metadata(seed: Article) -> None:
    assert seed.title == SEED_TITLE
    assert seed.authors == ("Mike Eckel",)
    assert seed.published == dt.date(2017, 7, 7) and seed.published_text == "2017-07-07"
    assert seed.language == "en"


def test_seed_body(seed: Article) -> None:
    assert seed.text.startswith("U.S. President Donald Trump is set to hold")
    for junk in ("Accessibility links", "ALSO READ", "16x9 Image", "Breaking News", "With reporting by AP"):
        assert junk not in seed.text
    paragraphs = seed.text.split(PARAGRAPH_SEPARATOR)
    assert len(paragraphs) == len(set(paragraphs))
    captions = [b.text for b in seed.boilerplate if b.kind == "caption"]
    assert captions and all(caption not in seed.text for caption in captions)
    assert seed.text.endswith("It must not always be that there are winners and losers.\"")


def test_seed_boilerplate_kinds(seed: Article) -> None:
    kinds = {b.kind for b in seed.boilerplate}
    assert {"navigation", "caption", "related", "credit", "author-bio", "title"} <= kinds
    texts = [b.text for b in seed.boilerplate]
    assert "Accessibility links" in texts and "With reporting by AP" in texts
    assert sum(t.startswith("ALSO READ:") for t in texts) == 2
    assert any(t.startswith("Mike Eckel is a senior correspondent") for t in texts)


def test_clean_text_keeps_paragraphs() -> None:
    article = _text("\n\n".join(PARAGRAPHS))
    assert article.text == PARAGRAPH_SEPARATOR.join(PARAGRAPHS)
    assert article.boilerplate == ()


def test_dateline_line_gives_the_date() -> None:
    article = _text("Friday, January 4, 2019\u00a0\n\n\n" + "\n\n".join(PARAGRAPHS))
    assert article.published == dt.date(2019, 1, 4) and article.published_text == "Friday, January 4, 2019"
    assert [(b.kind, b.text) for b in article.boilerplate] == [("dateline", "Friday, January 4, 2019")]
    assert article.text.startswith("The city council")


def test_metadata_date_wins_over_dateline() -> None:
    article = _text("Friday, January 4, 2019\n" + "\n".join(PARAGRAPHS), published="2019-01-05T10:00:00Z")
    assert article.published == dt.date(2019, 1, 5) and article.published_text == "2019-01-05T10:00:00Z"


def test_given_title_line_moves_to_boilerplate() -> None:
    article = _text("Bridge closed\n" + "\n".join(PARAGRAPHS), title="Bridge closed")
    assert article.title == "Bridge closed" and ("title", "Bridge closed") in [(b.kind, b.text) for b in
                                                                               article.boilerplate]


def test_byline_gives_author() -> None:
    article = _text("Council closes bridge after cracks found\nBy Jane Doe and John Roe\n" + "\n".join(PARAGRAPHS))
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.title == "Council closes bridge after cracks found"


def test_whitespace_inside_paragraphs_is_collapsed() -> None:
    article = _text("  The   council\tvoted on Tuesday to close the old bridge to traffic after cracks were found.  ")
    assert article.text == "The council voted on Tuesday to close the old bridge to traffic after cracks were found."


def test_short_text_is_kept() -> None:
    assert _text("Trump met Putin in Hamburg on Friday.").text == "Trump met Putin in Hamburg on Friday."


@pytest.mark.parametrize("content", ["", "  \n\n ", "Accessibility links\nBreaking News\nShare"])
def test_nothing_usable_raises(content: str) -> None:
    with pytest.raises(ExtractionError, match="no article body"):
        _text(content)


def test_html_article() -> None:
    html = (
        "<html lang='en'><head><title>Bridge closed | City News</title>"
        "<meta name='author' content='Jane Doe'><meta property='article:published_time' content='2021-03-04'>"
        "</head><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Bridge closed</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article><footer>Copyright 2021 City News</footer></body></html>"
    )
    article = clean(Document("h1", "<test>", "html", html, url="https://www.citynews.test/bridge"))
    assert article.text == PARAGRAPH_SEPARATOR.join(PARAGRAPHS)
    assert article.title == "Bridge closed"
    assert article.authors == ("Jane Doe",)
    assert article.published == dt.date(2021, 3, 4)
    assert article.language == "en"
    assert "Home" not in article.text and "Copyright" not in article.text


def test_html_without_body_fails_clearly() -> None:
    with pytest.raises(ExtractionError, match="no article body"):
        clean(Document("h2", "<test>", "html", "<html><head><title>x</title></head><body><script>1</script>"))


def test_malformed_html_is_processed() -> None:
    html = "<html><body><div><p>" + "</div><p>".join(PARAGRAPHS) + "<table><tr><td>unclosed"
    article = clean(Document("h3", "<test>", "html", html))
    assert PARAGRAPHS[0] in article.text


def test_guess_language() -> None:
    assert guess_language(" ".join(PARAGRAPHS)) == "en"
    assert guess_language("Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen.") is None
    assert guess_language("Городской совет проголосовал во вторник.") is None


def _patterns_with(tmp_path: Path, extra: dict[str, Any]) -> Any:
    path = tmp_path / "boilerplate.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    return load_patterns(lang.resources("en", {"boilerplate": str(path)}))


def test_date_and_byline_words_come_from_the_language_data(tmp_path: Path) -> None:
    english = load_patterns(lang.resources("en"))
    assert parse_date("Friday, 7th July 2017", english.dates) == dt.date(2017, 7, 7)
    assert is_dateline("Published on Jul. 7, 2017 at 10:35 p.m. GMT", english.dates)
    assert parse_date("7 Juli 2017", english.dates) is None
    patterns = _patterns_with(tmp_path, {"dates": {"months": {"juli": 7}, "prefixes": ["ver\u00f6ffentlicht"]},
                                         "byline": {"patterns": ["^Von (?P<name>.+)$"], "conjunctions": ["und"]}})
    assert parse_date("7 Juli 2017", patterns.dates) == dt.date(2017, 7, 7)
    assert is_dateline("Ver\u00f6ffentlicht: 7 Juli 2017", patterns.dates)
    found = extract_text("Von Jane Doe und John Roe\n" + "\n".join(PARAGRAPHS), patterns)
    assert found.authors == ("Jane Doe", "John Roe")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"dates": {"months": {"smarch": 13}}}, "'dates.months' must map month names to 1-12"),
        ({"dates": {"weekdays": [3]}}, "'dates.weekdays' must be a non-empty list of words"),
        ({"ascii_letter_share": {"minimum": 2}}, "'ascii_letter_share.minimum' must be a number from 0 to 1"),
    ],
)
def test_date_words_are_validated(extra: dict[str, Any], message: str, tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=message):
        _patterns_with(tmp_path, extra)


# --- properties ------------------------------------------------------------------------------------

_lines = st.lists(
    st.one_of(
        st.sampled_from(["Accessibility links", "ALSO READ: More news", "• 16x9 Image", "Jane Doe", "", "   ",
                         "Friday, January 4, 2019", "With reporting by AP", *PARAGRAPHS]),
        st.text(max_size=120),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(_lines)
def test_cleaner_accounts_for_every_line(lines: list[str]) -> None:
    """Never crashes; every non-blank input line is a body paragraph or one boilerplate entry."""
    content = "\n".join(lines)
    found = extract_text(content, load_patterns(lang.resources("en")))
    expected = [normalize_line(line) for line in content.splitlines() if normalize_line(line)]
    assert sorted([*found.paragraphs, *(b.text for b in found.boilerplate)]) == sorted(expected)


@settings(max_examples=100, deadline=None)
@given(_lines)
def test_clean_never_crashes_on_text(lines: list[str]) -> None:
    """Cleaning fails only with an ExtractionError, and never when a paragraph of prose is given once
    (a line the page repeats is a caption)."""
    keys = [normalize_line(line).lower() for line in lines]
    prose = [p for p in PARAGRAPHS if keys.count(p.lower()) == 1]
    try:
        article = _text("\n".join(lines))
    except ExtractionError:
        assert not prose, "a prose paragraph was given, yet no body was found"
        return
    assert article.text and article.text == article.text.strip()
    assert all(p == normalize_line(p) and p for p in article.text.split(PARAGRAPH_SEPARATOR))


def test_an_author_block_opener_above_the_body_leaves_the_body() -> None:
    article = _text("16x9 Image\n" + "\n".join(PARAGRAPHS))
    assert article.text == PARAGRAPH_SEPARATOR.join(PARAGRAPHS)
    assert article.authors == ()


def test_a_declared_date_wins_over_the_users_default() -> None:
    from dateline.clean import clean
    from dateline.records import Document

    page = (
        "<html><head><title>Talks</title><meta property='article:published_time' content='2019-03-12'></head>"
        "<body><article><h1>Talks</h1><p>" + "The ministers met in Berlin to discuss trade and security. " * 6
        + "</p></article></body></html>"
    )
    html = clean(Document("h", "page.html", "html", page, default_published="2020-01-01"))
    assert html.published is not None and html.published.isoformat() == "2019-03-12"
    text = "Friday, January 4, 2019\n\nThe ministers met in Berlin on Monday to discuss trade and security issues."
    flat = clean(Document("t", "page.txt", "text", text, default_published="2020-01-01"))
    assert flat.published is not None and flat.published.isoformat() == "2019-01-04"
    bare = clean(Document("b", "page.txt", "text", text.split("\n\n")[1], default_published="2020-01-01"))
    assert bare.published is not None and bare.published.isoformat() == "2020-01-01"
