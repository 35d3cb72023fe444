"""Extraction evaluation: body text against the scrapinghub article-extraction benchmark.

The data folder holds ``ground-truth.json`` (``{id: {"articleBody", "url"}}``)
and ``html/<id>.html.gz``. Each page is scored twice:

- ``html.*``: the page as it is, read by :mod:`dateline.ingest` and cleaned as HTML;
- ``text.*``: the page first flattened to plain text, one line per block element
  (navigation, header, footer and aside text included, as a scraper keeps it),
  then cleaned as flattened text.

Scoring follows the benchmark: tokens are ``\\w+`` runs, shingles are runs of 4
tokens counted as a multiset; per page the true positives, false positives and
false negatives are divided by their sum (so a long page weighs no more than a
short one; a page with no shingles on either side counts as one true positive),
summed over pages, and precision, recall and F1 are computed from the sums.

The pages are given without their URL, as a saved HTML file comes. Beside the
body, each setting is scored on metadata: ``title.accuracy`` (the title equals
the page's headline, spaces trimmed), ``authors.accuracy`` (the same people as
the page's byline, case and punctuation aside, over the pages that name people)
and ``authors.none`` (no author given, over the pages that name only an outlet
or a desk), from ``extraction_metadata.json`` beside this module (titles and
authors read off the benchmark's pages for this project: the benchmark has
none); and for HTML ``url.accuracy``, the canonical URL the page declares
against the benchmark's URL (scheme, ``www.``, a final slash and the fragment
aside).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dateline.errors import DatelineError
from dateline.evaluation import Report, f1
from dateline.records import Article, Document

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["DEFAULT_DATA", "Overlap", "evaluate", "flatten_html", "overlap", "same_names", "same_page", "score"]

DEFAULT_DATA = "eval/extraction/scrapinghub"

#: Titles and authors of the benchmark's pages, written for this project.
METADATA = Path(__file__).with_name("extraction_metadata.json")

#: Tokens per shingle, as in the benchmark.
SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")
_SQUASH = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Overlap:
    """One page's shingle overlap, normalized so that ``tp + fp + fn == 1``."""

    tp: float
    fp: float
    fn: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text``."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def overlap(predicted: str, true: str) -> Overlap:
    """How the predicted body's shingles overlap the true body's, normalized per page."""
    pred, gold = shingles(predicted), shingles(true)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return Overlap(1.0, 0.0, 0.0)
    return Overlap(tp / total, fp / total, fn / total)


def score(overlaps: Iterable[Overlap]) -> dict[str, float]:
    """Precision, recall and F1 from the summed per-page overlaps."""
    tp = fp = fn = 0.0
    for item in overlaps:
        tp, fp, fn = tp + item.tp, fp + item.fp, fn + item.fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


# --- HTML to flattened text ---------------------------------------------------------------------

#: Elements whose content a reader never sees.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select")

#: Elements that start a new line in flattened text.
_BLOCKS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    )
)
_SPACE = re.compile(r"\s+")


def flatten_html(html: str) -> str:
    """The page as a scraper sees it: visible text, one line per block element.

    Navigation, header, footer and aside text are kept: telling them from the
    article is the cleaner's job.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in [e for e in root.iter(*_INVISIBLE)]:
        element.drop_tree()
    for node in [n for n in root.iter(etree.Comment, etree.ProcessingInstruction)]:
        _drop_keeping_tail(node)  # "had suffered<!-- --> months of": the words after a comment are text
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACE.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag.lower() in _BLOCKS:
                flush()
            if tag and element.text:
                current.append(element.text)
        else:
            if tag.lower() in _BLOCKS:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return "\n".join(lines)


def _drop_keeping_tail(node: etree._Element) -> None:
    """Remove a node from its tree, its tail joining the text before it."""
    parent = node.getparent()
    if parent is None:
        return
    tail, previous = node.tail or "", node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)


# --- the evaluation ------------------------------------------------------------------------------


@dataclass
class _Tally:
    """What one setting (HTML or flattened text) scored, page by page."""

    overlaps: list[Overlap] = field(default_factory=list)
    failed: int = 0
    checks: dict[str, list[bool]] = field(default_factory=dict)

    def check(self, name: str, right: bool) -> None:
        self.checks.setdefault(name, []).append(right)


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score body extraction on the benchmark pages as HTML and as flattened text, and the title, authors
    and URL found with it."""
    truth = _ground_truth(data)
    gold_meta = _metadata()
    keys = sorted(truth)[:limit] if limit is not None else sorted(truth)
    tallies = {"html": _Tally(), "text": _Tally()}
    for key in keys:
        html = _page(data, key)
        for setting, content in (("html", html), ("text", flatten_html(html))):
            article = _clean(Document(key, f"{key}.{setting}", setting, content))  # type: ignore[arg-type]
            _score_page(tallies[setting], article, truth[key], gold_meta.get(key), url=setting == "html")
    metrics: dict[str, float | int] = {"pages": len(keys)}
    for setting, tally in tallies.items():
        metrics.update({f"{setting}.{name}": round(value, 4) for name, value in score(tally.overlaps).items()})
        metrics[f"{setting}.failed"] = tally.failed
        for name, checks in sorted(tally.checks.items()):
            metrics[f"{setting}.{name}"] = round(sum(checks) / len(checks), 4)
            metrics[f"{setting}.{name.removesuffix('.accuracy')}.pages"] = len(checks)
    notes = (
        "token 4-gram overlap per page, normalized, summed over pages (scrapinghub benchmark method)",
        "titles and authors: read off the benchmark's pages for this project (extraction_metadata.json)",
    )
    return Report("extraction", str(data), metrics, notes)


def _score_page(tally: _Tally, article: Article | None, truth: dict[str, str], gold: dict[str, Any] | None,
                *, url: bool) -> None:
    tally.failed += article is None
    tally.overlaps.append(overlap(article.text if article else "", truth["articleBody"]))
    if url:
        tally.check("url.accuracy", article is not None and same_page(article.url, truth.get("url")))
    if gold is None:
        return
    tally.check("title.accuracy", article is not None and " ".join((article.title or "").split()) == gold["title"])
    if gold.get("authors") is None:
        return
    authors = article.authors if article else ()
    if gold["authors"]:
        tally.check("authors.accuracy", same_names(authors, gold["authors"]))
    else:
        tally.check("authors.none", not authors)


def same_page(found: str | None, true: str | None) -> bool:
    """Whether two URLs name the same page: scheme, ``www.``, a final slash and the fragment aside."""
    if not found or not true:
        return False

    def key(url: str) -> tuple[str, str, str]:
        split = urlsplit(url.strip())
        return (split.hostname or "").removeprefix("www."), split.path.rstrip("/"), split.query

    return key(found) == key(true)


def same_names(found: Iterable[str], true: Iterable[str]) -> bool:
    """Whether two lists of people hold the same names, case, spacing and punctuation aside."""
    return {_SQUASH.sub("", name.casefold()) for name in found} == {_SQUASH.sub("", name.casefold()) for name in true}


def _metadata() -> dict[str, dict[str, Any]]:
    try:
        pages = json.loads(METADATA.read_text(encoding="utf-8"))["pages"]
    except (OSError, ValueError, KeyError):
        return {}  # an installed package without the file: the body is still scored
    return {key: value for key, value in pages.items() if isinstance(value, dict)}


def _ground_truth(data: Path) -> dict[str, dict[str, str]]:
    path = Path(data) / "ground-truth.json"
    try:
        truth = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatelineError(
            f"cannot read the extraction benchmark at {path}: {exc}; pass --data to the folder that holds "
            "ground-truth.json and html/"
        ) from exc
    return {key: value for key, value in truth.items() if isinstance(value, dict)}


def _page(data: Path, key: str) -> str:
    """The page's HTML, decoded the way ingest decodes it."""
    from dateline.ingest._decode import decode

    raw = gzip.decompress((Path(data) / "html" / f"{key}.html.gz").read_bytes())
    return decode(raw, source=key, html=True)


def _clean(document: Document) -> Article | None:
    from dateline.clean import clean

    try:
        return clean(document)
    except DatelineError:
        return None
