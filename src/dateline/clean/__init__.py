"""Clean: a raw :class:`~dateline.records.Document` becomes an :class:`~dateline.records.Article`.

HTML pages go through trafilatura (body, site, language) and htmldate
(publication date); their title, canonical URL and authors come from what the
page declares, with the site's name and section labels stripped and outlets
never taken for people. Flattened page text, like a scraped news page
saved as ``.txt``, goes through a line classifier that keeps the body and
moves navigation, captions, related links, credits, datelines and the author
block into ``Article.boilerplate`` with their kind, so nothing is lost.

The body is the text every later offset refers to: one paragraph per block,
paragraphs separated by a blank line, whitespace inside a paragraph collapsed.
The publication date comes from the input's metadata, else from the HTML page
or a dateline line in the text, else from ``--published``
(``Document.default_published``): a date the input declares is never overridden.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from dateline import lang
from dateline.clean._dates import parse_date
from dateline.clean._found import normalize_line
from dateline.clean._html import extract_html
from dateline.clean._patterns import load_patterns
from dateline.clean._text import extract_text
from dateline.errors import ExtractionError
from dateline.pipeline import StageConfig
from dateline.records import Article, Document

__all__ = ["PARAGRAPH_SEPARATOR", "clean"]

logger = logging.getLogger(__name__)

#: What separates two paragraphs of the body.
PARAGRAPH_SEPARATOR = "\n\n"

#: Share of a language's stopwords (its boilerplate file's list) from which a body is guessed to be in
#: that language; English news in the shared corpora scores 0.35-0.5 on the English list, German or
#: Spanish pages under 0.1.
STOPWORD_SHARE = 0.2

#: Characters of the body read to guess its language: a few paragraphs decide it, and a long page costs
#: no more than a short one.
GUESS_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+")


def clean(document: Document, config: StageConfig = StageConfig()) -> Article:
    """Turn a document into an article; ExtractionError when no usable body remains.

    Flattened text is cleaned with the boilerplate patterns of the configured
    language (the article's own language is known only once it is cleaned).
    """
    patterns = load_patterns(config.resources())
    if document.kind == "html":
        found = extract_html(document.content, patterns, url=document.url, source=document.source,
                             title=document.title)
    else:
        found = extract_text(document.content, patterns, document.title)
    body = PARAGRAPH_SEPARATOR.join(normalize_line(p) for p in found.paragraphs if p.strip())
    if not body:
        raise ExtractionError(
            f"{document.source}: no article body left after removing boilerplate "
            f"({len(found.boilerplate)} line(s) removed); check that the input holds an article"
        )
    date_text = document.published or found.date or document.default_published
    published = parse_date(date_text, patterns.dates)
    if date_text and published is None:
        logger.warning("%s: %r is not a calendar date; stored without a publication date (the text is kept in "
                       "published_text), so relative dates in it are not resolved", document.source, date_text)
    return Article(
        id=document.id,
        source=document.source,
        text=body,
        title=found.title,
        url=document.url or found.url,
        site=document.site or found.site or _host(document.url or found.url),
        authors=found.authors,
        published=published,
        published_text=date_text,
        language=found.language or guess_language(body),
        boilerplate=found.boilerplate,
    )


def guess_language(text: str) -> str | None:
    """A cheap guess: the language whose stopwords make up the largest share of the words, when that
    share reaches STOPWORD_SHARE and the share of ASCII letters reaches the language's minimum."""
    words = [w.lower() for w in _WORD.findall(text[:GUESS_CHARS])]
    if not words:
        return None
    ascii_share = sum(ch.isascii() for w in words for ch in w) / sum(map(len, words))
    best, best_share = None, STOPWORD_SHARE
    for code in lang.available():
        patterns = load_patterns(lang.resources(code))
        share = sum(word in patterns.stopwords for word in words) / len(words)
        if share >= best_share:
            best, best_share = code, share
    if best is not None and ascii_share < load_patterns(lang.resources(best)).ascii_letter_share:
        return None
    return best


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
