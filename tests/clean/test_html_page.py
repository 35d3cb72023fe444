"""Clean, HTML pages: no word lost inside a sentence; title, URL and authors from the page's own statements."""

from __future__ import annotations

import pytest

from dateline.clean import PARAGRAPH_SEPARATOR, clean
from dateline.records import Article, Document

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old bridge to traffic after engineers found deep cracks.",
    "Residents who live near the river said they had warned officials about the damage for more than a year.",
    "The mayor said repairs would begin in the spring and that a ferry would run in the meantime.",
]


def _page(head: str = "", body: str = "", *, h1: str | None = "Bridge closed after cracks are found") -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    paragraphs = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<html><head>{head}</head><body><article>{heading}{paragraphs}</article></body></html>"


def _clean(html: str, url: str | None = None) -> Article:
    return clean(Document("h", "<test>", "html", html, url=url))


@pytest.mark.parametrize(
    "inline",
    [
        '<span class="link"><a href="https://example.test/gaza">Palestinian civilians in Gaza</a></span>',
        '<span class="social">Palestinian civilians in Gaza</span>',
        '<em class="meta">Palestinian civilians</em> in <span class="caption"><b>Gaza</b></span>',
        '<a href="/gaza" class="nav"><span class="author">Palestinian civilians in Gaza</span></a>',
    ],
)
def test_words_inside_a_sentence_survive(inline: str) -> None:
    sentence = (f"<p>Aid groups called for delivering aid to {inline} and demand a ceasefire, the council said"
                f'<sup class="footnote"><a href="#fn1">[1]</a></sup> on Tuesday evening.</p>')
    article = _clean(_page(body=f"<p>{PARAGRAPHS[0]}</p>{sentence}<p>{PARAGRAPHS[2]}</p>"))
    assert ("Aid groups called for delivering aid to Palestinian civilians in Gaza and demand a ceasefire, the "
            "council said[1] on Tuesday evening.") in article.text.split(PARAGRAPH_SEPARATOR)


def test_hidden_words_stay_hidden() -> None:
    sentence = '<p>Aid groups called for aid <span style="display:none">HIDDEN TRACKER</span> and a ceasefire now.</p>'
    article = _clean(_page(body=f"<p>{PARAGRAPHS[0]}</p>{sentence}<p>{PARAGRAPHS[2]}</p>"))
    assert "HIDDEN" not in article.text and "Aid groups called for aid" in article.text


@pytest.mark.parametrize(
    ("head", "h1", "url", "title"),
    [
        # the <h1> that the <title> repeats, without the site's name
        ("<title>Bridge closed after cracks are found | City News</title>", "Bridge closed after cracks are found",
         None, "Bridge closed after cracks are found"),
        # no <h1>: og:title without its section (a folder of the URL) and the site (og:site_name)
        ("<meta property='og:title' content='Opinion | Bridge closed after cracks are found - City News'>"
         "<meta property='og:site_name' content='City News'>", None, "https://citynews.test/opinion/bridge.html",
         "Bridge closed after cracks are found"),
        # the site's name spelled by its domain
        ("<title>Bridge closed after cracks are found - Los Angeles Times</title>", None,
         "https://www.latimes.com/local/bridge", "Bridge closed after cracks are found"),
        ("<title>Bridge closed after cracks are found | RealClearPolitics</title>", None,
         "https://www.realclearpolitics.com/articles/bridge.html", "Bridge closed after cracks are found"),
        # an <h1> that is the site's logo is not the headline
        ("<title>Bridge closed after cracks are found | City News</title>"
         "<meta property='og:site_name' content='City News'>", "City News", None,
         "Bridge closed after cracks are found"),
        # a title segment that names neither the site nor a section stays
        ("<title>Budget: Council votes to close the bridge</title>", None, "https://citynews.test/a/1",
         "Budget: Council votes to close the bridge"),
    ],
)
def test_title_without_site_name_or_section(head: str, h1: str | None, url: str | None, title: str) -> None:
    assert _clean(_page(head, h1=h1), url=url).title == title


def test_a_title_the_input_gives_wins() -> None:
    page = _page("<title>Something else | City News</title>")
    assert clean(Document("h", "<test>", "html", page, title="Given title")).title == "Given title"


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ("<link rel='canonical' href='https://citynews.test/bridge'>", None, "https://citynews.test/bridge"),
        ("<meta property='og:url' content='https://citynews.test/og'>", None, "https://citynews.test/og"),
        ("<link rel='canonical' href='/bridge'><meta property='og:url' content='https://x.test/og'>", None,
         "https://x.test/og"),
        ("<link rel='canonical' href='https://citynews.test/bridge'>", "https://mirror.test/copy",
         "https://mirror.test/copy"),
        ("", None, None),
    ],
)
def test_url_from_the_canonical_link_when_the_input_gives_none(head: str, url: str | None,
                                                              expected: str | None) -> None:
    assert _clean(_page(head), url=url).url == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<meta name='author' content='Jane Doe'>", ("Jane Doe",)),
        ("<meta name='author' content='By Dan Wexler, AP Auto Writer'>", ("Dan Wexler",)),
        ("<meta name='author' content='Financial Times'><meta property='og:site_name' content='Financial Times'>",
         ()),
        ("<meta name='author' content='AOL Staff'>", ()),
        ("<meta name='author' content='Condé Nast'><meta name='copyright' content='Copyright (c) Condé Nast 2019'>",
         ()),
    ],
)
def test_authors_are_people_never_the_outlet(head: str, expected: tuple[str, ...]) -> None:
    assert _clean(_page(head)).authors == expected


def test_the_wire_the_body_credits_is_no_author() -> None:
    body = "".join(f"<p>{p}</p>" for p in [f"WASHINGTON (Reuters) - {PARAGRAPHS[0]}", *PARAGRAPHS[1:]])
    assert _clean(_page("<meta name='author' content='Reuters'>", body=body)).authors == ()
    assert _clean(_page("<meta name='author' content='Jane Doe'>", body=body)).authors == ("Jane Doe",)


def test_the_byline_completes_the_metadata() -> None:
    byline = "<p class='byline'>By <a href='/a'>Stefan Becket</a>, <a href='/b'>Kathryn Watson</a>, Grace Segers</p>"
    credit = "<p>(Reporting by Greg Roumeliotis; Editing by Martin Howell)</p>"
    body = byline + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + credit
    article = _clean(_page("<meta name='author' content='Stefan Becket'>", body=body))
    assert article.authors == ("Stefan Becket", "Kathryn Watson", "Grace Segers")
    assert _clean(_page(body="".join(f"<p>{p}</p>" for p in PARAGRAPHS) + credit)).authors == ()
