"""Authors' names from what a page or a byline gives: people only, never the outlet, the wire or a role.

A page's metadata and bylines mix people with their titles and outlets ("Tom Krisher, AP Auto Writer",
"Victor Tangermann; Futurism", "AOL Staff", "Reuters"). Each part is cut at the first word that is no
part of a name (a role word of the language's ``byline.role_words``, a month or weekday, a word in lower
case: "Phil Helsel is a reporter", "Jeff Foust Monday"), and a part goes when it names the site itself,
is an acronym ("PTI"), is a lone word beside a full name, or is the wire the body credits ("(Reuters)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.clean._found import normalize_line
from dateline.clean._meta import PageMeta, names_site, starts_host
from dateline.clean._patterns import Patterns

__all__ = ["clean_authors"]

#: Lower-case words that a name may hold ("Marcus de Guzman", "Ludwig van Beethoven") are this short.
MAX_PARTICLE_CHARS = 3

#: Characters at the start of the body searched for the wire's credit ("WASHINGTON (Reuters) -"): it opens
#: the first paragraph.
CREDIT_CHARS = 2000

_TOKEN = re.compile(r"[\w'’.-]+")


def clean_authors(
    names: Iterable[str], patterns: Patterns, meta: PageMeta | None = None, body: str = ""
) -> tuple[str, ...]:
    """The people among ``names`` (each a byline or a name as a page gives it), in order, each once."""
    people: list[str] = []
    for raw in names:
        parts = [normalize_line(p) for p in patterns.byline_separator.split(_after_by(raw, patterns))]
        for rank, part in enumerate(p for p in parts if p):
            name = _person(part, patterns, meta, titled=rank > 0)
            if name and not _credited_wire(name, body):
                people.append(name)
    if any(len(name.split()) > 1 for name in people):  # "Victor Tangermann; Futurism": the lone word is an outlet
        people = [name for name in people if len(name.split()) > 1]
    return tuple(name for name in dict.fromkeys(people) if not _shorter_form(name, people))


def _shorter_form(name: str, names: list[str]) -> bool:
    """Whether another of ``names`` is the same person written out more fully ("Troy Smith", "Troy L. Smith")."""
    words = name.lower().split()
    for other in names:
        longer = other.lower().split()
        if len(longer) > len(words) >= 2 and longer[0] == words[0] and longer[-1] == words[-1]:
            return True
    return False


def _after_by(text: str, patterns: Patterns) -> str:
    """The names of a byline ("By Jane Doe and John Roe, Reuters" gives "Jane Doe and John Roe")."""
    for regex in patterns.byline:
        match = regex.match(normalize_line(text))
        if match:
            return match.group("name")
    return text


def _person(part: str, patterns: Patterns, meta: PageMeta | None, *, titled: bool) -> str | None:
    """The person's name a part of a byline holds, or None. A role word makes the part an outlet or a title
    ("AOL Staff", "Science X staff", "AP Auto Writer"); a date or a word in lower case ends the name ("Jeff
    Foust Monday", "Phil Helsel is a reporter"). ``titled``: the part follows a name in the same byline."""
    words = _TOKEN.findall(part)
    cut = next((i for i, word in enumerate(words) if not _name_word(word, i, words, patterns, meta)), len(words))
    kept = words[:cut]
    dated = cut < len(words) and words[cut].lower().strip(".") in patterns.dates.calendar_words
    half = len(kept) // 2
    if half and kept[:half] == kept[half:]:
        kept = kept[:half]  # "Sean Martin Sean Martin": a name given twice
    if not kept or (cut < len(words) and (_role(words[cut], patterns) or (len(kept) < 2 and not dated))):
        return None
    if titled and _acronym(kept[0], kept):
        return None  # "CNN Business" after "Jill Disis"
    if len(kept) == 1 and (_acronym(kept[0], kept) or (meta is not None and starts_host(kept[0], meta))):
        return None  # "PTI", "REUTERS", "Vortex" on vortexcannon.org
    name = " ".join(kept)
    return None if meta is not None and names_site(name, meta, spelled=False) else name


def _name_word(word: str, position: int, words: list[str], patterns: Patterns, meta: PageMeta | None) -> bool:
    """Whether ``words[position]`` continues the name the words before it begin."""
    lower = word.lower().strip(".")
    if _role(word, patterns) or (lower in patterns.dates.calendar_words and _dated(position, words)):
        return False
    if word[:1].islower() and (lower in patterns.stopwords or len(lower) > MAX_PARTICLE_CHARS):
        return False
    if position == 0:
        return lower not in patterns.stopwords
    if words[0].isupper() and len(words[0]) > 1 and word.isalpha() and not word.isupper():
        return False  # "ERIC TUCKER Associated": a name in capitals ends where the capitals do
    return meta is None or not starts_host(word, meta)


def _dated(position: int, words: list[str]) -> bool:
    """Whether a month or weekday name at ``position`` is a date rather than a name: after a first and a last
    name ("Jeff Foust Monday"), last after a name ("Regan September"), or before a number ("Regan September
    15"); "June Smith" is a name."""
    if position >= 2 or (position == 1 and position + 1 == len(words)):
        return True
    return position + 1 < len(words) and words[position + 1][:1].isdigit()


def _role(word: str, patterns: Patterns) -> bool:
    return word.lower().strip(".") in patterns.role_words


def _acronym(word: str, words: list[str]) -> bool:
    """An all-capital word among words that are not all capitals, or alone ("CNN Business", "PTI")."""
    return word.isupper() and word.isalpha() and (len(words) == 1 or not all(w.isupper() for w in words))


def _credited_wire(name: str, body: str) -> bool:
    """Whether the body credits ``name`` as a wire in a dateline ("WASHINGTON (Reuters) -")."""
    return len(name.split()) == 1 and f"({name.lower()})" in body[:CREDIT_CHARS].lower()
