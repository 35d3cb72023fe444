"""An event's date: its own clause's time, the story's time where the text carries it, or the publication month.

An event takes, in order:

1. the time expression on its own clause ("On Monday, the court ruled ...";
   a time on another clause of the sentence is never its date: "Trump
   announced last month he would withdraw from the 2015 accord" is dated by
   "last month", never by "2015"); a verbal act in what someone said takes the
   time of the saying ("Schumer said on Friday: 'we told the president ...'");
2. the month the article reports on, when the clause reports the event in the
   present or present perfect ("has accused", "says"): it is news. That is the
   publication month, unless the title names an earlier month: a roundup of
   a past month ("On the campaign trail, August 2020", published in
   September) reports that month (:func:`report_month`);
3. the time stated on the main clause of its own sentence ("Yesterday,
   police said they had arrested a man": the arrest is told that day);
4. the date of its actor's last event a few sentences before, unless a newer
   date was stated in between ("On July 6 ... Trump made statements. He made an
   endorsement ..."), else the last date stated on the main clause of the
   sentence or two before, in the same paragraph (the narrative goes on; a new
   paragraph opens another thread: "X was convicted in 2006." then "Trump
   pardoned Y" starts none in 2006);
5. the month the article reports on, when the clause reports it in the simple past
   ("Khan thanked the police"), not in a past perfect ("had been released")
   or with a modal. The month, not the day: the text does not say which day;
   unless the article's lead states the day of its story, on any clause of
   its first sentences (:func:`dateline.events._scene.lead_day`).

A planned act with no time of its own is dated, by steps 2 to 5, as the
statement of the plan ("said he intended to sue", "plans on leaving"): what
the coders date is the intention stated, not the act to come.

Otherwise the event has no date. A week is dated to the month it lies in. No step
dates an act told as done (or as not done) after the article's publication
(:func:`dateline.events._scene.setting`): such a time is another act's, one
that is due, or one put in the wrong year; the next step dates it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from dateline.events._context import PRESENT_TAGS, governors, saying
from dateline.records import Article, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Tense", "narrative_date", "plan_tense", "publication_month", "report_month", "report_tense"]

#: How a clause reports its event: as now (a present or present perfect) or as a simple past.
Tense = Literal["present", "past"]

#: Part-of-speech tags of a finite verb in the past or present ("thanked", "says", "accuse").
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Tags of a participle or gerund: a verb that tells no time of its own.
_NON_FINITE = frozenset({"VBG", "VBN"})
#: Tag of a modal auxiliary ("would", "could", "will"): what it governs is not reported as done.
_MODAL = "MD"


def _clause_verb(trigger: Token) -> Token | None:
    """The verb of the trigger's clause: the trigger itself, or the verb a nominal trigger hangs on."""
    for tok in governors(trigger):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def report_tense(trigger: Token) -> Tense | None:
    """How the trigger's clause reports its event: ``"present"`` (a present or a present perfect: "says",
    "has accused"), ``"past"`` (a simple past: "thanked", "was arrested"), or None (a past perfect, "had
    been released"; a modal, "would sign"; no finite verb, here or above a participle: :func:`_tense_above`)."""
    verb = _clause_verb(trigger)
    if verb is None:
        return None
    for tok in governors(verb):
        auxiliaries = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == _MODAL for a in auxiliaries):
            return None
        perfect = [a for a in auxiliaries if a.dep_ == "aux" and a.tag_ in _FINITE
                   and (tok.tag_ == "VBN" or any(c.dep_ == "auxpass" and c.tag_ == "VBN" for c in tok.children))]
        if any(a.tag_ == "VBD" for a in perfect):
            return None  # "had signed", "had been released"
        if perfect or tok.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxiliaries):
            return "present"
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
            return "past"
        if tok.dep_ not in ("xcomp", "conj"):
            break
    return _tense_above(verb)


def _tense_above(verb: Token) -> Tense | None:
    """How the clause above a non-finite verb with no auxiliary reports it ("responded on Twitter, attacking the
    subpoena", "with 231 members supporting the bill", "vacant following the resignation", "a donor Trump
    appointed" tagged as a participle): the participle or gerund tells no time of its own, the finite verb it
    hangs on does."""
    if verb.tag_ not in _NON_FINITE or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    above = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return None if above is None else report_tense(above)


def plan_tense(trigger: Token) -> Tense | None:
    """How the clause that states a planned act reports the plan: the verb of saying that reports it ("said
    he intended to sue": past), else the top of the words that make it planned ("plans to sue": present).
    What is intended is dated by the statement of the intention."""
    speech = saying(trigger)
    return report_tense(speech if speech is not None else governors(trigger)[-1])


def publication_month(article: Article) -> EventDate | None:
    """The month the article was published, as an event date with no words of its own."""
    if article.published is None:
        return None
    return EventDate(f"{article.published:%Y-%m}", None)


def report_month(article: Article, named: str | None) -> EventDate | None:
    """The month the article reports on, as an event date with no words of its own: the month its title
    names (``named``, ``YYYY-MM``) when that lies before the month of publication, as in a roundup of a past
    month ("On the campaign trail, August 2020", published at the end of September); else the month of
    publication."""
    published = publication_month(article)
    if named is None or published is None or published.value is None or named >= published.value:
        return published
    return EventDate(named, None)


def narrative_date(number: int, stated: tuple[int, EventDate] | None,
                   earlier: Sequence[tuple[int, EventDate | None]], actor_limit: int,
                   stated_limit: int) -> EventDate | None:
    """The date the story carries to sentence ``number``: the date of the actor's last event (``earlier``:
    sentence and date of each actor's last event) within ``actor_limit`` sentences when no newer date was
    stated since, else the date ``stated`` within ``stated_limit`` sentences before."""
    recent = max(earlier, key=lambda e: e[0], default=None)
    if (recent is not None and recent[1] is not None and 0 < number - recent[0] <= actor_limit
            and (stated is None or stated[0] <= recent[0])):
        return recent[1]
    if stated is not None and 0 < number - stated[0] <= stated_limit:
        return stated[1]
    return None
