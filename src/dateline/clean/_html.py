"""HTML pages to article body and metadata, with trafilatura and htmldate.

The page is parsed once. Before trafilatura reads it, the words of running text are put out of reach of
its pruning by class name (a ``<span class="link">`` around a link in mid-sentence would take the link's
words with it); after, the paragraphs that the language's boilerplate patterns name (credit lines,
copyright notices, embedded posts, ...) move to the boilerplate. The title, URL and authors come from the
page's own statements (:mod:`dateline.clean._meta`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dateline.clean._authors import clean_authors
from dateline.clean._found import Found, normalize_line
from dateline.clean._meta import PageMeta, headline, read_meta
from dateline.clean._patterns import Patterns
from dateline.errors import ExtractionError
from dateline.records import Boilerplate

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: trafilatura settings, chosen on the 181 pages of the scrapinghub benchmark:
#: favouring precision scored F1 0.967 there against 0.960 for the defaults.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "with_metadata": True,
}
#: Characters at the start of a page searched for ``<html lang=...>``: the tag comes first, after at most a
#: doctype and comments.
HTML_LANG_CHARS = 5000

#: A body of fewer words than this from the precise reading is read again with trafilatura's defaults, and
#: that reading is taken when it has at least FALLBACK_RATIO times the words. On the scrapinghub benchmark
#: one page in 181 (Barron's: a reprint notice instead of the article) was lost so; no page lost words.
FALLBACK_MAX_WORDS = 50
FALLBACK_RATIO = 3

#: Elements that run inside a sentence: their words belong to the sentence around them.
INLINE_TAGS = (
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
)

#: The longest element text read as a byline, and the most child elements it may have ("By <a>Jane Doe</a>,
#: <a>John Roe</a> and <a>Ann Poe</a>, <time>...</time>").
BYLINE_MAX_CHARS = 160
BYLINE_MAX_CHILDREN = 8

_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "head", "title", "option", "select"})
_SPACED_COMMA = re.compile(r"\s+,")
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_WORDY = re.compile(r"\w")


def extract_html(html: str, patterns: Patterns, *, url: str | None, source: str, title: str | None = None) -> Found:
    """Body paragraphs and metadata of an HTML page (``title``: the one the input gives, if any);
    ExtractionError if no body is found."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        meta = read_meta(tree, url) if tree is not None else PageMeta()
        if tree is not None:
            _keep_running_text(tree)
        found, paragraphs = _extract(tree if tree is not None else html, url or meta.url)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
        raise ExtractionError(
            f"{source}: the HTML could not be parsed ({type(exc).__name__}: {exc}); check that it is a web page"
        ) from exc
    if not paragraphs:
        if _too_deep(html):
            raise ExtractionError(
                f"{source}: the HTML nests its tags deeper than the parser reads (256 levels), so no body could "
                "be read; such pages are usually generated or broken; check the page"
            )
        raise ExtractionError(
            f"{source}: no article body found in the HTML (no main text block); "
            "check that the page holds an article and not only navigation or scripts"
        )
    title = title or headline(meta) or getattr(found, "title", None) or None
    body, removed = _label_paragraphs(paragraphs, title, patterns)
    language = getattr(found, "language", None) or _html_lang(html)
    return Found(
        paragraphs=body,
        boilerplate=removed,
        title=title,
        authors=_authors(getattr(found, "author", None) or "", tree, patterns, meta, "\n".join(body)),
        date=getattr(found, "date", None) or None,
        site=getattr(found, "sitename", None) or getattr(found, "hostname", None) or None,
        language=language.lower() if language else None,
        url=meta.url,
    )


def _extract(page: HtmlElement | str, url: str | None) -> tuple[Any, list[str]]:
    """trafilatura's result and its paragraphs; read again without favouring precision when that kept
    almost nothing of a page that has far more (a notice instead of the article)."""
    from trafilatura import bare_extraction

    found = bare_extraction(page, url=url, **TRAFILATURA_OPTIONS)
    paragraphs = _paragraphs(found)
    if sum(len(p.split()) for p in paragraphs) < FALLBACK_MAX_WORDS:
        again = bare_extraction(page, url=url, **{**TRAFILATURA_OPTIONS, "favor_precision": False})
        more = _paragraphs(again)
        if sum(len(p.split()) for p in more) >= FALLBACK_RATIO * max(1, sum(len(p.split()) for p in paragraphs)):
            return again, more
    return found, paragraphs


def _paragraphs(found: Any) -> list[str]:
    text = getattr(found, "text", None) if found is not None else None
    return [p for p in (normalize_line(line) for line in (text or "").splitlines()) if p]


def _authors(declared: str, tree: HtmlElement | None, patterns: Patterns, meta: PageMeta, body: str) -> tuple[str, ...]:
    """The people the page names as authors: those of its byline ("By Stefan Becket, Kathryn Watson, Grace
    Segers") when its metadata names none of them or only some, else those of its metadata."""
    named = clean_authors([declared.replace(";", ",")], patterns, meta, body)
    for line in _bylines(tree, patterns) if tree is not None else ():
        people = clean_authors([line], patterns, meta, body)
        if people and set(named) < set(people):
            return people
        if people:
            break  # the first byline that names people is the article's
    return named


def _bylines(tree: HtmlElement, patterns: Patterns) -> Iterator[str]:
    """The texts of the page's elements that read as a byline ("By Jane Doe and John Roe", "Posted by ..."),
    in the order of the page."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT or len(element) > BYLINE_MAX_CHILDREN:
            continue
        if not (element.text or "").strip():
            continue
        text = _SPACED_COMMA.sub(",", normalize_line(element.text_content()))
        if len(text) > BYLINE_MAX_CHARS or patterns.kind_of(text) is not None:
            continue  # "(Reporting by ...; Editing by ...)" is a credit line
        if any(regex.match(text) for regex in patterns.byline):
            yield text


def _keep_running_text(tree: HtmlElement) -> None:
    """Strip the class and id of inline elements that sit among the words of a sentence, so that pruning by
    class name ("link", "social", "meta") cannot drop words from the middle of a sentence. Hidden elements
    (``style="display:none"``) stay hidden."""
    for element in tree.iter(*INLINE_TAGS):
        marked = "class" in element.attrib or "id" in element.attrib or len(element)
        if marked and _in_running_text(element):
            for inner in element.iter(*INLINE_TAGS):  # the element and the inline elements inside it
                inner.attrib.pop("class", None)
                inner.attrib.pop("id", None)


def _in_running_text(element: HtmlElement) -> bool:
    """Whether words stand right before or after the element inside its parent."""
    parent = element.getparent()
    if parent is None:
        return False
    previous = element.getprevious()
    before = previous.tail if previous is not None else parent.text
    return bool(_WORDY.search(before or "") or _WORDY.search(element.tail or ""))


def _label_paragraphs(
    paragraphs: list[str], title: str | None, patterns: Patterns
) -> tuple[tuple[str, ...], tuple[Boilerplate, ...]]:
    """The body without its headline (when it opens with it) and without the paragraphs the patterns of
    ``patterns.html_kinds`` name; what was taken out, with its kind."""
    body: list[str] = []
    removed: list[Boilerplate] = []
    for rank, paragraph in enumerate(paragraphs):
        if rank == 0 and title and paragraph.lower() == normalize_line(title).lower():
            removed.append(Boilerplate("title", paragraph))
            continue
        kind = patterns.kind_of(paragraph)
        if kind in patterns.html_kinds:
            removed.append(Boilerplate(kind, paragraph))
        else:
            body.append(paragraph)
    return tuple(body), tuple(removed)


def _too_deep(html: str) -> bool:
    """Whether lxml stopped reading the page because its tags nest too deep (it says so only in its log)."""
    from lxml import etree

    parser = etree.HTMLParser()
    with contextlib.suppress(etree.LxmlError, ValueError):
        etree.fromstring(html, parser)
    return any("Excessive depth" in str(entry.message) for entry in parser.error_log)


def _html_lang(html: str) -> str | None:
    match = _HTML_LANG.search(html[:HTML_LANG_CHARS])
    return match.group(1) if match else None
