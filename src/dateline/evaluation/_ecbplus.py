"""Read ECB+ (``eval/stories/ecbplus``): articles with their incident and gold event mentions.

Each ``xml/<topic>/<topic>_<n>ecb.xml`` or ``..._<n>ecbplus.xml`` file is one
article: tokens with their sentence, then markables and relations. The reader
turns the tokens back into text as a news page prints it (Penn Treebank
quotation marks become typographic ones, punctuation and clitics join the word
before them, "face - off" is "face-off"), one sentence a paragraph so the parser
keeps the corpus's sentence breaks. A first sentence that is the page's address
becomes the article's ``url``. Sentences the caller's ``skip`` picks (date lines,
which the clean stage takes out of a page's text) are kept apart in
``skipped``, with their mentions left out. Everything else of the text stays,
headline included.

Gold event mentions are the ``ACTION_*`` and ``NEG_ACTION_*`` markables with
tokens. A mention linked by a ``CROSS_DOC_COREF`` relation takes the
``instance_id`` of the relation's target (the same across articles); one linked
only within its article (``INTRA_DOC_COREF``) a cluster of that article; any
other is a cluster of its own. ``validated_sentences.csv`` marks the sentences
whose mentions were checked by hand: those are the ones scored.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError

__all__ = ["GoldArticle", "GoldMention", "detokenize", "read_corpus"]

#: Markables that are event mentions.
_EVENT_PREFIXES = ("ACTION_", "NEG_ACTION_")
#: Tokens written against the word before them.
_CLOSING = frozenset({",", ".", ";", "?", "!", ")", "]", "}", "%", "''", "'", "’", "”", "...",
                      "'s", "'S", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m"})
#: Tokens the word after them is written against.
_OPENING = frozenset({"(", "[", "{", "$", "``", "“", "#"})
#: Tokens that join two words on both sides ("face - off", "24 / 7"), and two numbers ("19 : 04").
_JOINING = frozenset({"-", "/"})
_NUMBER_JOINING = frozenset({":"})
_PTB = {"``": "\u201c", "''": "\u201d"}
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$")


@dataclass(frozen=True)
class GoldMention:
    """A gold event mention: ``[start, end)`` in its article's text, its cluster, whether it is scored."""

    id: str
    start: int
    end: int
    cluster: str
    validated: bool


@dataclass(frozen=True)
class GoldArticle:
    """One ECB+ article: its topic, the incident it reports, its text as a page prints it, its mentions."""

    id: str
    topic: int
    incident: str
    text: str
    url: str | None
    mentions: tuple[GoldMention, ...]
    skipped: tuple[str, ...] = ()


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens as printed text, and each token's ``[start, end)`` in it."""
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for i, token in enumerate(tokens):
        word = _PTB.get(token, token)
        glued = i > 0 and _glued(tokens, i)
        if i > 0 and not glued:
            pieces.append(" ")
            length += 1
        offsets.append((length, length + len(word)))
        pieces.append(word)
        length += len(word)
    return "".join(pieces), offsets


def _glued(tokens: list[str], i: int) -> bool:
    word, before = tokens[i], tokens[i - 1]
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    first = tokens[i - 2] if i >= 2 else ""
    if word in _JOINING:
        return before[-1:].isalnum() and after[:1].isalnum()
    if before in _JOINING:
        return first[-1:].isalnum() and word[:1].isalnum()
    if before in _NUMBER_JOINING and first[-1:].isdigit() and word[:1].isdigit():
        return True
    return word in _CLOSING or word in _NUMBER_JOINING or before in _OPENING


Skip = Callable[[str], bool]
"""Whether a sentence (as printed) is left out of the text."""


def read_corpus(folder: Path, topics: set[int] | None = None, skip: Skip | None = None) -> list[GoldArticle]:
    """Every article under ``folder/xml`` (of ``topics`` only, when given), in topic and file order."""
    validated = _validated(folder / "validated_sentences.csv")
    paths = sorted((folder / "xml").glob("*/*.xml"), key=_order)
    if not paths:
        raise InputError("no ECB+ articles found (expected xml/<topic>/<topic>_<n>ecb.xml)", source=str(folder))
    return [_article(path, validated, skip) for path in paths if topics is None or _order(path)[0] in topics]


def _order(path: Path) -> tuple[int, str, int]:
    topic, _, rest = path.stem.partition("_")
    number = re.match(r"\d+", rest)
    return int(topic), rest.lstrip("0123456789"), int(number.group(0)) if number else 0


def _validated(path: Path) -> set[tuple[str, int]]:
    """(file stem, sentence number) of every validated sentence."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in csv.DictReader(handle)}
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"cannot read the validated sentences: {exc}", source=str(path)) from exc


def _article(path: Path, validated: set[tuple[str, int]], skip: Skip | None) -> GoldArticle:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read ECB+ article: {exc}", source=str(path)) from exc
    sentences: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append((token.get("t_id", ""), token.text or ""))
    url, places, text, skipped = _layout(sentences, skip)
    topic, kind, _ = _order(path)
    sentence_of = {t_id: number for number, tokens in sentences.items() for t_id, _ in tokens}
    mentions = []
    for m_id, t_ids, cluster in _event_mentions(root, path.stem):
        spans = [places[t] for t in t_ids if t in places]
        if not spans:
            continue  # a mention in the address line or a skipped sentence
        validated_here = (path.stem, sentence_of[t_ids[0]]) in validated
        mentions.append(GoldMention(f"{path.stem}/{m_id}", min(s for s, _ in spans), max(e for _, e in spans),
                                    cluster, validated_here))
    return GoldArticle(path.stem, topic, f"{topic}{kind}", text, url, tuple(mentions), skipped)


def _layout(sentences: dict[int, list[tuple[str, str]]], skip: Skip | None
            ) -> tuple[str | None, dict[str, tuple[int, int]], str, tuple[str, ...]]:
    """The page address (a first sentence that is one), each token's place in the text, the text, and the
    sentences skipped."""
    numbers = sorted(sentences)
    url = None
    first = "".join(word for _, word in sentences[numbers[0]]) if numbers else ""
    if _ADDRESS.match(first):
        url, numbers = first, numbers[1:]
    places: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    skipped: list[str] = []
    length = 0
    for number in numbers:
        line, offsets = detokenize([word for _, word in sentences[number]])
        if skip is not None and skip(line):
            skipped.append(line)
            continue
        if parts:
            parts.append("\n\n")
            length += 2
        for (t_id, _), (start, end) in zip(sentences[number], offsets, strict=True):
            places[t_id] = (length + start, length + end)
        parts.append(line)
        length += len(line)
    return url, places, "".join(parts), tuple(skipped)


def _event_mentions(root: ET.Element, doc: str) -> Iterator[tuple[str, list[str], str]]:
    """(m_id, token ids, cluster) of every event mention of the article."""
    markables = root.find("Markables")
    if markables is None:
        return
    instance_of = {m.get("m_id", ""): m.get("instance_id", "") for m in markables if m.get("instance_id")}
    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in [] if relations is None else list(relations):
        target = relation.find("target")
        if target is None:
            continue
        cross = relation.tag == "CROSS_DOC_COREF" and instance_of.get(target.get("m_id", ""))
        cluster = cross or f"{doc}/{relation.get('r_id', '')}"
        for source in relation.findall("source"):
            cluster_of[source.get("m_id", "")] = cluster
    for markable in markables:
        anchors = [a.get("t_id", "") for a in markable.findall("token_anchor")]
        if anchors and markable.tag.startswith(_EVENT_PREFIXES):
            m_id = markable.get("m_id", "")
            yield m_id, anchors, cluster_of.get(m_id, f"{doc}/m{m_id}")
