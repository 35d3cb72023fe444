"""What an HTML page says about itself: its canonical URL, its site's names, its headline.

The headline is told from the site's name and the section label with the page's
own evidence, never a list of sites: the ``<h1>`` that the ``<title>`` or
``og:title`` repeats is the headline; otherwise the end segments of the title
("... | RealClearPolitics", "Opinion | ...") go when they name the site
(``og:site_name``, the copyright holder, the publisher, the URL's domain) or a
section the page declares (``article:section``, a folder of its URL).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from dateline.clean._found import normalize_line

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PageMeta", "headline", "names_site", "read_meta", "starts_host"]

#: Separators between a headline and the site's name or a section in a page title ("Headline | Site").
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·»:/]|::)\s+")
#: Host labels that say nothing of the site ("www", "m", country and generic top-level domains are
#: left out by keeping only labels of at least this many letters).
MIN_HOST_LABEL = 3
#: A word of an author's name is read as the start of the site's name only with this many letters ("Sputnik"
#: on sputniknews.com), so that a short surname that happens to open the domain is not ("Wall" on wallst.com).
MIN_HOST_WORD = 5
#: A title segment is dropped as a site or section name only when it has at most this many words.
MAX_SITE_WORDS = 6
#: An ``<h1>`` that the title does not repeat is taken for the headline only with this many words: shorter
#: ones are the site's logo or a section's name ("Guides", "엔터 미디어").
MIN_HEADLINE_WORDS = 3
#: Characters of an inline JSON-LD script searched for the publisher's name.
JSON_LD_CHARS = 20_000

_SQUASH = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})
_GENERIC_LABELS = frozenset({"www", "com", "org", "net", "news", "co", "html", "php", "htm"})


@dataclass(frozen=True)
class PageMeta:
    """The page's own statements about itself, whitespace collapsed; ``None`` or empty when it makes none."""

    url: str | None = None  # the canonical link, else og:url (absolute)
    host_labels: tuple[str, ...] = ()  # the labels of the URL's host that name the site ("latimes")
    host: str = ""  # the URL's host without "www." and without its dots ("clevelandcom")
    owners: tuple[str, ...] = ()  # og:site_name, application-name, copyright holder, publisher
    sections: tuple[str, ...] = ()  # article:section and the folders of the URL's path
    title: str | None = None  # <title>
    og_title: str | None = None  # og:title, else twitter:title
    headings: tuple[str, ...] = ()  # the texts of the page's <h1> elements


def read_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    """Read the page's statements about itself from its parsed tree; ``url`` is the one the input gives."""
    meta = _meta_tags(tree)
    canonical = _absolute(_canonical(tree), url) or _absolute(meta.get("og:url"), url)
    where = url or canonical or ""
    split = urlsplit(where)
    labels = tuple(label for label in (split.hostname or "").split(".")
                   if len(label) >= MIN_HOST_LABEL and label not in _GENERIC_LABELS)
    owners = [meta.get(name) for name in ("og:site_name", "application-name", "copyright")]
    sections = [meta.get("article:section"), *(part for part in split.path.split("/")[:-1] if part)]
    title = tree.find("head/title")  # not the <title> of an inline SVG picture
    title = tree.find(".//title") if title is None else title
    return PageMeta(
        url=canonical,
        host_labels=labels,
        host=_squash((split.hostname or "").removeprefix("www.")),
        owners=tuple(o for o in (*owners, _publisher(tree)) if o),
        sections=tuple(s for s in sections if s),
        title=normalize_line(title.text_content()) if title is not None else None,
        og_title=meta.get("og:title") or meta.get("twitter:title"),
        headings=tuple(h for h in (normalize_line(e.text_content()) for e in tree.iter("h1")) if h),
    )


def headline(meta: PageMeta) -> str | None:
    """The page's headline: an ``<h1>`` the title repeats, else the first ``<h1>`` of headline length, else the
    title without the site's name and the section label."""
    titles = [_fold(t) for t in (meta.og_title, meta.title) if t]
    headings = [h for h in meta.headings if not names_site(h, meta)]
    for heading in headings:
        if any(_repeats(title, _fold(heading)) for title in titles):
            return heading
    long = [h for h in headings if len(h.split()) >= MIN_HEADLINE_WORDS]  # not a logo or a section's name
    if long:
        return long[0]
    for title in (meta.og_title, meta.title):
        if title and (stripped := _strip_site(title, meta)):
            return stripped
    return headings[0] if headings else None


def _repeats(title: str, heading: str) -> bool:
    """Whether a (folded) title repeats a heading: at its start, or anywhere when the heading is of headline
    length (a one-word heading inside a title is a word of it, not its headline: "... Отзывы")."""
    return title.startswith(heading) or (heading in title and len(heading.split()) >= MIN_HEADLINE_WORDS)


def names_site(text: str, meta: PageMeta, *, spelled: bool = True) -> bool:
    """Whether ``text`` names the site: words of one of its owners' names, or its domain ("CBSSports.com",
    "TheHill"; with ``spelled``, also the starts of its words: "Los Angeles Times" on latimes.com)."""
    squashed = _squash(text)
    if not squashed:
        return False
    if any(squashed == _squash(owner) or f" {_fold(text)} " in f" {_fold(owner)} " for owner in meta.owners):
        return True
    if spelled:
        return any(_spells(label, text) for label in meta.host_labels)
    return squashed == meta.host or any(squashed == label for label in meta.host_labels)


def starts_host(word: str, meta: PageMeta) -> bool:
    """Whether a word opens one of the host's labels ("Sputnik" on sputniknews.com, "Cleveland" on cleveland.com)."""
    squashed = _squash(word)
    return len(squashed) >= MIN_HOST_WORD and any(label.startswith(squashed) for label in meta.host_labels)


def _strip_site(title: str, meta: PageMeta) -> str | None:
    """The title without segments at either end that name the site or a section of it."""
    parts = _SEPARATOR.split(title)
    while len(parts) > 1 and _is_label(parts[-1], meta):
        parts.pop()
    while len(parts) > 1 and _is_label(parts[0], meta):
        parts.pop(0)
    if len(parts) == len(_SEPARATOR.split(title)):
        return normalize_line(title)
    return normalize_line(title[title.index(parts[0]) : title.rindex(parts[-1]) + len(parts[-1])])


def _is_label(part: str, meta: PageMeta) -> bool:
    if len(part.split()) > MAX_SITE_WORDS:
        return False
    return names_site(part, meta) or any(_squash(part) == _squash(section) for section in meta.sections)


def _spells(label: str, text: str) -> bool:
    """Whether a host label is the text squashed ("thehill"), one word of it begun by the other ("sportsnet"
    and "Sportsnet.ca"), or spelled by the starts of its words in order ("latimes": Los Angeles Times, "wsj":
    The Wall Street Journal; the first word may give nothing)."""
    label = _squash(label)
    words = [_squash(word) for word in text.split() if _squash(word)]
    if not words or not label or label == "".join(words):
        return bool(words and label)
    if len(words) == 1:
        shorter = min(label, words[0], key=len)
        return len(shorter) >= MIN_HOST_LABEL and (label.startswith(words[0]) or words[0].startswith(label))
    return len(words) <= MAX_SITE_WORDS and (_spelled_by(label, words) or _spelled_by(label, words[1:]))


def _spelled_by(label: str, words: list[str]) -> bool:
    """Whether ``label`` is made of a start of each word in turn, every word giving at least one letter."""
    if not words:
        return not label
    word, rest = words[0], words[1:]
    for size in range(min(len(word), len(label)), 0, -1):
        if label[:size] == word[:size] and _spelled_by(label[size:], rest):
            return True
    return False


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        name = (element.get("property") or element.get("name") or "").strip().lower()
        content = normalize_line(element.get("content") or "")
        if name and content and name not in found:
            found[name] = content
    return found


def _canonical(tree: HtmlElement) -> str | None:
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split():
            return (element.get("href") or "").strip() or None
    return None


def _absolute(link: str | None, base: str | None) -> str | None:
    """``link`` made absolute against ``base``; None unless it is an http(s) URL then."""
    if not link:
        return None
    link = urljoin(base, link) if base else link
    return link if urlsplit(link).scheme in ("http", "https") and urlsplit(link).hostname else None


def _publisher(tree: HtmlElement) -> str | None:
    """The publisher's name that the page's JSON-LD declares, if any."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:JSON_LD_CHARS])
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            publisher = item.get("publisher") if isinstance(item, dict) else None
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                return normalize_line(publisher["name"])
    return None


def _fold(text: str) -> str:
    """Text compared loosely: case, typographic quotes and dashes, spacing and a final stop set aside."""
    return normalize_line(text.translate(_QUOTES)).casefold().rstrip(" .")


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.casefold())
