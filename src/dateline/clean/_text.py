"""Flattened page text (one line per block element) to article body and boilerplate.

Every non-blank input line ends up either as one body paragraph or as one
:class:`~dateline.records.Boilerplate` entry with the reason it was removed, so
nothing is lost. The steps:

1. lines that match the patterns of ``lang/<code>/boilerplate.json`` (navigation,
   related links, credits, copyright, captions, embedded posts, ...), date-only
   lines (dateline), bylines and the author block at the end are labelled;
2. lines the page repeats are captions (long) or navigation (short);
3. the remaining lines are scored as prose or not (length, stopwords, sentence
   punctuation, link-like shape), and the body is the stretch of lines with
   the highest score (a maximum-sum run), so a menu or a footer of short lines
   cannot join it; a stretch above the readers' comments wins when it is long
   enough. The page's first line is never damped as a list item: it is where
   a lead stands;
4. the headline is the line before that stretch that repeats most of the lead's
   words; the authors come from the bylines near the body and the author block.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from dateline.clean._authors import clean_authors
from dateline.clean._dates import is_dateline
from dateline.clean._found import Found, normalize_line
from dateline.clean._patterns import Patterns
from dateline.records import Boilerplate

# Thresholds tuned on the 181 pages of the scrapinghub article-extraction
# benchmark flattened one line per block element (text F1 0.903 there), and checked
# on the RFE/RL seed and the Wikinews corpus.

#: A line with at least this many words (and prose-like) counts as body text.
GOOD_MIN_WORDS = 10
#: A line this long is body text even without a final stop (if prose-like).
LONG_LINE_WORDS = 40
#: A line shorter than GOOD_MIN_WORDS that ends a sentence and has at least this many words weighs
#: nothing, for or against the body ("Thank you.", "He left.").
SENTENCE_MIN_WORDS = 2
#: What a line that opens a related-links or comments section costs the body
#: stretch that goes through it (a short paragraph after it is not worth it).
SECTION_BREAK_PENALTY = 60
#: Share of stopwords from which a long line reads as running English prose.
PROSE_STOPWORD_SHARE = 0.18
#: Share of capitalized words from which a line without a final stop is a
#: headline or a menu rather than prose ("Trump Set To Hold First Talks").
HEADLINE_CAPITALIZED_SHARE = 0.6
#: Weight kept by a prose line whose neighbours are both short lines: teasers
#: in a list of links and comments between user names look like that.
ISOLATED_LINE_FACTOR = 0.15
#: A line that opens with this many capitalized words is a teaser (headline
#: and summary of another article), not body prose.
TEASER_CAPITALIZED_WORDS = 7
#: The weight of prose (about three paragraphs of 30-40 words) from which a run of lines above the first
#: line that opens readers' comments is the article, whatever follows. On the flattened scrapinghub pages
#: text F1 rose from 0.907 to 0.919 with 100 (0.919 with 50, 0.916 with 200, 0.911 with 400).
ARTICLE_BEFORE_COMMENTS = 100
#: What an uncertain short line costs the body stretch that goes through it.
SHORT_LINE_PENALTY = 6
#: What a link-like or menu-like line costs at the least.
BAD_LINE_PENALTY = 6
#: A repeated line with at least this many words is a photo caption, not a menu item.
CAPTION_MIN_WORDS = 6
#: Headline length bounds, in words.
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
#: Lines before the body searched for the headline.
TITLE_SEARCH_LINES = 20
#: Characters of the body's start read as its lead, whose words the headline repeats.
LEAD_CHARS = 800
#: A line TITLE_SEARCH_LINES above the body loses 1 / TITLE_DISTANCE_WEIGHT of the share of its words in the
#: lead. With 4, the headline was found on 0.66 of the 181 scrapinghub pages flattened (0.22 when the most
#: capitalized line near the body was taken); 2 and 8 gave 0.66 and 0.68.
TITLE_DISTANCE_WEIGHT = 4
#: An author block is looked for only in the last lines of a page.
AUTHOR_BLOCK_TAIL_LINES = 12
#: The longest line read as a byline: room for two names, an outlet and a date ("By Jane Doe and John
#: Roe, Reuters, July 7, 2017" is 10 words).
BYLINE_MAX_WORDS = 12
#: The longest line of an author block read as the author's name (a name with a middle name and a title).
AUTHOR_NAME_MAX_WORDS = 5

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BULLET = re.compile(r"^[•·▪◦●■►»>*\-–—|]+\s*")
_SENTENCE_END = re.compile(r"[.!?…:;。！？]['\"’”»)\]]*(?:\s*[^\w\s.!?…:;'\"’”»)\]]){0,3}$")
_LINK_LIKE = re.compile(r"https?://|www\.|\s[|•·/]\s.*\s[|•·/]\s|^\S+@\S+\.\w+$")
#: Inside one word, the end of a headline run into the next sentence: two lower-case letters, a digit or a
#: stop, then a capitalized word ("RunDenny", "Rise?Violence"); "McConnell" and "DeSantis" do not match.
_GLUED = re.compile(r"(?:[a-z]{2}|[0-9?!.:;)’”])[A-Z][a-z]")
_TOP_KINDS = frozenset({"byline", "dateline"})
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}$")


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank input line: its number, its text, the text without a list bullet, its words, its label."""

    number: int
    text: str
    key: str
    words: int
    kind: str | None = None


def extract_text(content: str, patterns: Patterns, title_hint: str | None = None) -> Found:
    """Split flattened page text into body paragraphs and labelled boilerplate (``patterns`` of the language).

    Each step returns the lines with the labels it adds; a line keeps the first label it gets.
    """
    lines, dateline = _label_patterns(_lines(content), patterns)
    lines, author = _label_author_block(lines, patterns)
    lines = _label_repeats(lines, title_hint)
    body = _body_stretch(lines, patterns)
    lines, title = _label_title(lines, body.start, title_hint, patterns.stopwords)
    bylines = [_byline(line, patterns) for line in lines[max(0, body.start - TITLE_SEARCH_LINES) : body.stop]
               if line.kind == "byline"]  # the article's, not those of the stories listed around it
    lines = [
        line if line.kind is not None or i in body else replace(line, kind="header" if i < body.start else "footer")
        for i, line in enumerate(lines)
    ]
    return Found(
        paragraphs=tuple(line.text for line in lines if line.kind is None),
        boilerplate=tuple(Boilerplate(line.kind, line.text) for line in lines if line.kind is not None),
        title=title,
        authors=clean_authors([*(names for names in bylines if names), *author], patterns),
        date=dateline,
    )


def _lines(content: str) -> list[_Line]:
    out = []
    for number, raw in enumerate(content.splitlines()):
        text = normalize_line(raw)
        if text:
            key = _BULLET.sub("", text)
            out.append(_Line(number, text, key, len(_WORD.findall(key))))
    return out


def _byline(line: _Line, patterns: Patterns) -> str | None:
    """The names a byline gives ("Jane Doe and John Roe"), or None when the line is no byline."""
    if line.words > BYLINE_MAX_WORDS:
        return None
    for regex in patterns.byline:
        match = regex.match(line.key)
        if match:
            return str(match.group("name"))
    return None


def _label_patterns(lines: list[_Line], patterns: Patterns) -> tuple[list[_Line], str | None]:
    """Lines labelled by the boilerplate patterns, date lines and bylines; the first date line."""
    out: list[_Line] = []
    dateline: str | None = None
    for line in lines:
        if is_dateline(line.key, patterns.dates):
            out.append(replace(line, kind="dateline"))
            dateline = dateline or line.key
            continue
        kind = patterns.kind_of(line.text, line.key)
        if kind is None and _byline(line, patterns) is not None:
            kind = "byline"
        out.append(replace(line, kind=kind))
    return out, dateline


def _label_author_block(lines: list[_Line], patterns: Patterns) -> tuple[list[_Line], list[str]]:
    """The block that closes a page: a picture placeholder or heading, the author's name, a bio.

    Returns the lines with the block labelled, and the author it names (none or one). A block closes an
    article: an opener with no sentence of prose above it opens none (a picture placeholder over the body).
    """
    tail = max(0, len(lines) - AUTHOR_BLOCK_TAIL_LINES)
    opening = next((i for i in range(len(lines) - 1, tail - 1, -1)
                    if any(regex.search(lines[i].key) for regex in patterns.author_block)), None)
    if opening is None:
        return lines, []
    counts = Counter(line.key.lower() for line in lines)  # a sentence the page repeats is a caption
    if not any(_is_sentence(line) and counts[line.key.lower()] == 1 for line in lines[:opening] if line.kind is None):
        return lines, []
    out = [*lines[:opening], replace(lines[opening], kind="author-bio")]
    author: list[str] = []
    for line in lines[opening + 1 :]:
        if not author and _NAME.match(line.key) and line.words <= AUTHOR_NAME_MAX_WORDS:
            out.append(replace(line, kind="author"))
            author.append(line.key)
        else:
            out.append(replace(line, kind="author-bio"))
    return out, author


def _label_repeats(lines: list[_Line], title_hint: str | None) -> list[_Line]:
    """Lines the page repeats become captions (long) or navigation (short); the given title and
    short sentences said twice ("Yes.") stay."""
    counts = Counter(line.key.lower() for line in lines)
    hint = normalize_line(title_hint or "").lower()
    out = []
    for line in lines:
        repeated = line.kind is None and counts[line.key.lower()] >= 2 and line.key.lower() != hint
        if repeated and (line.words >= CAPTION_MIN_WORDS or not _SENTENCE_END.search(line.key)):
            line = replace(line, kind="caption" if line.words >= CAPTION_MIN_WORDS else "navigation")
        out.append(line)
    return out


def _weight(line: _Line, patterns: Patterns) -> int:
    """How much a line speaks for (positive) or against (negative) being article body."""
    if line.kind in patterns.penalized:
        return -SECTION_BREAK_PENALTY
    if _LINK_LIKE.search(line.key):  # labelled or not: a line that holds a web address is no bridge for the body
        return -max(line.words, BAD_LINE_PENALTY)
    if line.kind in _TOP_KINDS:  # bylines and date lines stand above the body, never inside it
        return -SHORT_LINE_PENALTY
    if line.kind is not None:
        return 0
    ends_sentence = bool(_SENTENCE_END.search(line.key))
    if _is_teaser(line.key):
        return 0
    if (line.words >= GOOD_MIN_WORDS and ends_sentence) or line.words >= LONG_LINE_WORDS:
        return line.words if _is_prose(line, patterns.stopwords) else 0
    if line.words >= SENTENCE_MIN_WORDS and ends_sentence:
        return 0
    return -SHORT_LINE_PENALTY


def _is_sentence(line: _Line) -> bool:
    """A line long enough to be body text that ends a sentence."""
    return line.words >= GOOD_MIN_WORDS and bool(_SENTENCE_END.search(line.key))


def _is_prose(line: _Line, stopwords: frozenset[str]) -> bool:
    ends_sentence = bool(_SENTENCE_END.search(line.key))
    if not ends_sentence and _capitalized_share(line.key) >= HEADLINE_CAPITALIZED_SHARE:
        return False  # a headline or a menu in Title Case
    if ends_sentence:
        return True
    tokens = [token.lower() for token in _WORD.findall(line.key)]
    return sum(token in stopwords for token in tokens) / len(tokens) >= PROSE_STOPWORD_SHARE


def _is_teaser(text: str) -> bool:
    """A headline in Title Case, alone or glued to its summary ("Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's
    championship run ..."), as link lists show them.

    A news lead may open with as many capitalized words ("On Monday, United States District Judge Victor Marrero
    ruled ..."), but it goes on in lower case and never runs a headline into the next sentence inside a word.
    """
    words = [word for word in text.split()[:TEASER_CAPITALIZED_WORDS] if word[:1].isalpha()]
    if len(words) < TEASER_CAPITALIZED_WORDS or not all(word[:1].isupper() for word in words):
        return False
    return _capitalized_share(text) >= HEADLINE_CAPITALIZED_SHARE or _glued_headline(text)


def _glued_headline(text: str) -> bool:
    """Whether the capitalized words that open ``text`` end in a word glued to the next sentence ("RunDenny",
    "Rise?Violence", "250,000The")."""
    for word in text.split():
        if _GLUED.search(word):
            return True
        if not (word[:1].isupper() or not word[:1].isalpha()):
            return False
    return False


def _capitalized_share(text: str) -> float:
    words = text.split()
    return sum(word[:1].isupper() for word in words) / len(words) if words else 0.0


def _weights(lines: list[_Line], patterns: Patterns) -> list[float]:
    """Each line's weight, a lone prose line (teaser, comment) damped by its short neighbours."""
    weights: list[float] = [_weight(line, patterns) for line in lines]
    content = [i for i, line in enumerate(lines) if line.kind is None]
    for rank, i in enumerate(content[1:], start=1):  # the page's first line is where a lead stands, not a list
        if weights[i] <= 0:
            continue
        neighbours = [content[j] for j in (rank - 1, rank + 1) if j < len(content)]
        if all(weights[j] < 0 for j in neighbours):
            weights[i] *= ISOLATED_LINE_FACTOR
    return weights


def _body_stretch(lines: list[_Line], patterns: Patterns) -> range:
    """The run of lines with the highest total weight (Kadane), as a range of line indices.

    Readers' comments come after the article: when a run before the first line that opens them weighs at
    least ARTICLE_BEFORE_COMMENTS, the body is that run, however long the discussion below it.
    """
    weights = _weights(lines, patterns)
    opener = next((i for i, line in enumerate(lines) if line.kind in patterns.comment_kinds), len(lines))
    best, span = _heaviest(weights[:opener])
    if best < ARTICLE_BEFORE_COMMENTS:
        best, span = _heaviest(weights)
    if not span:  # no prose line at all: keep every unlabelled line
        return range(len(lines))
    end = span.stop
    # Sentences that close the article ("Thank you.") cost nothing but add no weight either.
    while end < len(lines) and weights[end] == 0 and lines[end].kind is None:
        end += 1
    return range(span.start, end)


def _heaviest(weights: list[float]) -> tuple[float, range]:
    """The highest total weight of a run of consecutive lines, and the run."""
    best, best_span = 0.0, range(0)
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        total += weight
        if total <= 0:
            total, start = 0.0, i + 1
        elif total > best:
            best, best_span = total, range(start, i + 1)
    return best, best_span


def _label_title(
    lines: list[_Line], start: int, title_hint: str | None, stopwords: frozenset[str]
) -> tuple[list[_Line], str | None]:
    """The lines with every copy of the headline labelled, and the headline: the given one, else the most
    title-like line of the ``TITLE_SEARCH_LINES`` before the body (``start``)."""
    title = normalize_line(title_hint) if title_hint else _best_title(lines, start, stopwords)
    if title is None:
        return lines, None
    key = title.lower()
    return [replace(line, kind="title") if line.key.lower() == key else line for line in lines], title


def _best_title(lines: list[_Line], start: int, stopwords: frozenset[str]) -> str | None:
    """The line before the body that tells most of what the body's lead tells: the headline repeats the
    lead's words, where menus, sharing buttons and bylines do not; a little less for each line between it
    and the body."""
    lead = _content_words(" ".join(line.key for line in lines[start:] if line.kind is None)[:LEAD_CHARS], stopwords)
    best: _Line | None = None
    best_score = 0.0
    for distance, line in enumerate(reversed(lines[max(0, start - TITLE_SEARCH_LINES) : start])):
        if line.kind not in (None, "caption") or not TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS:
            continue
        if (line.key.endswith(".") and not line.key.endswith("...")) or _LINK_LIKE.search(line.key):
            continue
        words = _content_words(line.key, stopwords)
        if not words:
            continue
        score = len(words & lead) / len(words) - distance / (TITLE_DISTANCE_WEIGHT * TITLE_SEARCH_LINES)
        if score > best_score:
            best, best_score = line, score
    return None if best is None else best.key


def _content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """The words of ``text`` that carry its content: lower-cased, of three letters or more, no stopwords."""
    return {w for w in (word.lower() for word in _WORD.findall(text)) if len(w) >= 3 and w not in stopwords
            and not w.isdigit()}
