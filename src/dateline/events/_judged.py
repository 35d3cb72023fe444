"""Acts carried by judgements: praise and blame in what someone calls a thing or says of it.

Many statements are events by what they say, not by an act word: a tribute
("she was a giant of the struggle", said X), a condolence, a reproach ("shows
open contempt for the courts", said X), a verdict on a party ("Sanders
called Biden a decent man", "he described the attacks as a dastardly act",
"called the agreement the worst trade deal ever"). Two frames code them:

- **naming**: a verb of naming (``naming_verbs``: call, describe, label ...)
  with an object and what it is called ("called X Y", "described X as Y"):
  the namer is the actor, the object the recipient;
- **speech**: a verb of saying (``speech_verbs``) whose reported words hold no
  event of the lexicon: the speaker is the actor, the parties named in the
  words (or "said of X") the recipients; without a recipient it is no event.

The type is SUPPORT when the judgement holds more words of praise
(``praise_words``) than of blame (``blame_words``), ACCUSE (disapprove) when
it holds more of blame, and no event when neither, but for a naming whose label is in quotation marks:
that is blame ("called the plan a 'fairy tale'"). An act of conflict that
someone only claims or alleges another did is the claimant's accusation of the
doer ("Tamim claimed Houthis have attacked journalists"), as the coders code it; a claim that
the act did not take place ("insisted she was never pressured by the White House") accuses no one
and tells no act. A word of praise or blame that is denied ("said Reyes is not corrupt"), supposed ("if he
lied, he is a disgrace") or asked counts for neither, and reported words that retell another's naming
or saying ("said Reyes had called Cole a liar") are that other's judgement, not the speaker's.
Reported words that hold another event are that event, but a party they call good or bad ("'the
corrupt commission refuses to hear us,' she argued") is also judged, and only that party; so is a party
the words give a label in scare quotes ('said the "dishonest" senator attacked her'), as a naming's
quoted label is blame. That judgement is no frame of the event its words tell: both stay, and it
stands only with its party a known actor. A party is named, or a body a name qualifies ("the Russian
government"), and what the words call it may be said of it ("Reyes is a corrupt politician"). A verb of
claiming (``claiming_verbs``) judges in this way only: "claimed the corrupt Reyes had stolen the vote".
A judgement quoted over several sentences rests on the sentence that holds most of it ("... She was a
giant of the struggle. ... We will miss her", wrote X: the giant), which is its evidence. Words that
judge no one but say a named party did a wrong ("said Y broke the law") are the speaker's accusation of
it (:mod:`dateline.events._wrongs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from dateline.events._args import Args, find_args
from dateline.events._context import status
from dateline.events._fold import CONFLICT_QUADS, PARTY_ENTS, Hit
from dateline.events._lexicon import Entry, Lexicon, Words
from dateline.events._plover import plover
from dateline.events._quotation import QUOTE_MARKS, quotations
from dateline.events._wrongs import wrongdoers

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["claimed", "judged"]

#: Base confidence of a judgement: below a lexicon verb's (0.7), as the type rests on word counts.
JUDGED_WEIGHT = 0.6
#: Dependencies of what a naming verb calls its object ("called him a hero", "deemed it unlawful").
_PREDICATES = frozenset({"oprd", "xcomp", "attr", "acomp", "ccomp"})
#: Dependencies of the reported words of a verb of saying.
_REPORTED = frozenset({"ccomp", "parataxis", "dobj"})
#: Dependencies of what a clause says its subject is ("Reyes is a liar", "the board was incompetent").
_PREDICATE_OF = frozenset({"attr", "acomp"})
#: Dependencies by which a modifier hangs on the noun it qualifies, or on another word before it that does.
_MODIFIER_CHAIN = frozenset({"amod", "conj", "preconj", "det"})
#: Most words climbed from a modifier to its noun ('the "phony" and "nasty" senator': nasty, phony, the).
MAX_MODIFIER_CLIMB = 3
#: Most words climbed from a word of judgement to the verb that reports it, looking for a condition.
MAX_CONDITION_CLIMB = 12


def _negated(token: Token) -> bool:
    """Whether a word of judgement is denied: its own negation ("not corrupt", "had not lied") or its
    predicate's ("Reyes is not a liar", "was never incompetent")."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ in _PREDICATE_OF and any(c.dep_ == "neg" for c in token.head.children)


def _conditional(word: Token, verb: Token, words: Words) -> bool:
    """Whether ``word`` stands in a condition of the words ``verb`` reports ("if he lied, he is a disgrace",
    "unless the board is corrupt"): a supposition, which judges no one."""
    for _ in range(MAX_CONDITION_CLIMB):
        if word.i == verb.i:
            return False
        if any(c.dep_ == "mark" and c.lower_ in words.conditional_marks for c in word.children):
            return True
        if word.head.i == word.i:
            return False
        word = word.head
    return False


def _asserted(said: Iterable[Token], verb: Token, words: Words) -> list[Token]:
    """The words of ``said`` that stand in no condition of what ``verb`` reports (:func:`_conditional`); a
    sentence with no conditional mark has none, and its words are not climbed."""
    if not any(t.dep_ == "mark" and t.lower_ in words.conditional_marks for t in verb.sent):
        return list(said)
    return [t for t in said if not _conditional(t, verb, words)]


def _retold(said: list[Token], verb: Token, words: Words) -> bool:
    """Whether reported words retell what someone named said or called a thing ("said Reyes had called Cole a
    liar", "said critics called the plan a disaster"): that judgement is theirs, not the speaker's."""
    judging = words.naming_verbs | words.speech_verbs | words.claiming_verbs
    return any(t.i != verb.i and t.pos_ == "VERB" and t.lemma_.lower() in judging
               and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in t.children) for t in said)


def _polarity(tokens: Iterable[Token], words: Words) -> str | None:
    praise = blame = 0
    for token in tokens:
        if token.pos_ == "PROPN" or _negated(token):
            continue  # "Great Britain", "the Justice Department"; "she is not corrupt" judges no one
        forms = {token.lower_, token.lemma_.lower()}
        praise += bool(forms & words.praise_words)
        blame += bool(forms & words.blame_words)
    if praise > blame:
        return "SUPPORT"
    return "ACCUSE" if blame > praise else None


def _entry(token: Token, kind: str, words: Words) -> Entry:
    return Entry(token.lemma_.lower(), "verb", "SUPPORT" if kind == "SUPPORT" else "ACCUSE",
                 None if kind == "SUPPORT" else "disapprove", preps=words.default_prepositions, weight=JUDGED_WEIGHT)


def _naming(token: Token, lex: Lexicon) -> Hit | None:
    """"called X Y", "described X as Y": the judgement of the object; a label in quotation marks with no word of
    praise or blame is blame ("called the plan a 'pipe dream'")."""
    words = lex.words
    named = _misparsed_object(token)
    if not named and not any(c.dep_ == "dobj" for c in token.children):
        return _small_clause(token, lex)
    said = [t for c in token.children if c.dep_ in _PREDICATES for t in c.subtree]
    said += [t for c in token.children if c.dep_ == "prep" and c.lower_ in words.naming_prepositions
             for t in c.subtree]
    said += [t for c in token.children if c.dep_ == "dobj" for g in c.subtree
             if g.dep_ == "prep" and g.lower_ in words.naming_prepositions for t in g.subtree]  # "X in Y as Z"
    said += [t for c in token.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("appos", "oprd")
             for t in g.subtree]  # "called Biden a 'decent man'" parsed as an apposition
    kind = _polarity(said, words) or ("ACCUSE" if _labelled(token, said) else None)
    if kind is None:
        return None
    entry = _entry(token, kind, words)
    return Hit(token, entry, find_args(token, entry, lex.nouns, lex.light, words).add("recipient", named),
               JUDGED_WEIGHT)


def _misparsed_object(verb: Token) -> list[Token]:
    """A named object the parse took for a part of what it is called: "called Smith a clown" (Smith a compound
    of "clown", before its determiner), "called Smith a 'disgrace'" (two predicates, the name first)."""
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    named = [p for p in predicates[:-1] if p.pos_ == "PROPN"]
    named += [g for p in predicates for g in p.children if g.dep_ == "compound" and g.pos_ == "PROPN"
              and any(d.dep_ == "det" and d.i > g.i for d in p.children)]
    return named


def _labelled(verb: Token, said: list[Token]) -> bool:
    """Whether what a naming verb calls its object is a label in quotation marks ("called the inquiry a
    'circus'", "described the plan as 'fantasy'"): scare quotes hold a label the speaker throws at the object (of
    the quoted labels the coders of wikinews-train and dev coded, 18 of 23 are ACCUSE, 4 REJECT, 1 SUPPORT)."""
    spans = quotations(verb)
    return any(a < t.i < b for t in said if t.pos_ != "PUNCT" for a, b in spans)


def _small_clause(token: Token, lex: Lexicon) -> Hit | None:
    """"considered it inappropriate", "deemed the vote illegal" parsed as a clause of a subject and its
    predicate: the judgement is the predicate's."""
    said = [t for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")
            and any(g.dep_ == "nsubj" for g in c.children) for t in c.subtree]
    kind = _polarity(said, lex.words) if said else None
    if kind is None:
        return None
    entry = _entry(token, kind, lex.words)
    return Hit(token, entry, find_args(token, entry, lex.nouns, lex.light, lex.words), JUDGED_WEIGHT)


def _reported(token: Token) -> list[Token]:
    """The words a verb of saying reports: its clause ("said the attack was barbaric"), or the sentence's
    main clause it interrupts ("'It was barbaric,' said X")."""
    said = [t for c in token.children if c.dep_ in _REPORTED for t in c.subtree]
    if not said and token.dep_ in ("parataxis", "ccomp") and token.head.i != token.i:
        mine = {t.i for t in token.subtree}
        said = [t for t in token.head.subtree if t.i not in mine]
    return said


def _quoted(token: Token) -> tuple[list[Token], int]:
    """The words of the quotations beside a verb of saying, when the verb stands outside them
    ('wrote "Let's all pray for Mayor Adamowicz."', '"He was an icon," said X'), and the token index just past
    the last closing mark; none when the verb is quoted."""
    spans = quotations(token)
    if not spans or any(a < token.i < b for a, b in spans):
        return [], 0
    return [t for a, b in spans for t in token.doc[a + 1:b]], spans[-1][1] + 1


def _speech(token: Token, lex: Lexicon, taken: Mapping[int, Hit]) -> Hit | None:
    """What someone says of a party, praise or blame, when it holds no other event; a party the words
    themselves call good or bad is judged whatever else they tell (:func:`_qualified`)."""
    words = lex.words
    said, reach = _quoted(token)
    reported = _reported(token)
    if not said and _retold(reported, token, words):
        return None  # "said critics had called him corrupt": the critics' judgement, not the speaker's
    said = _asserted(said or reported, token, words)
    if not said:
        return None
    if any(t.i in taken for t in said):
        return _qualified(token, said, lex)
    kind = _polarity(said, words)
    if kind is None:  # no word of judgement counted, but a party may bear a label ('said the "phony" senator')
        return _qualified(token, _asserted(reported, token, words) or said, lex)
    named = [t for t in said if t.ent_type_ in PARTY_ENTS and t.dep_ not in ("compound", "flat", "amod")
             and t.pos_ in ("PROPN", "NOUN")]
    named += [g for c in token.children if c.dep_ == "prep" and c.lower_ in words.object_prepositions
              for g in c.children if g.dep_ == "pobj"]  # "said of Chirac"
    if not named:  # "said the reckless Reyes government wasted millions": a body only a name qualifies
        return _qualified(token, said, lex)
    entry = _entry(token, kind, words)
    args = find_args(token, entry, lex.nouns, lex.light, words)
    speaker = {t.i for t in args.actors}
    return Hit(token, entry, Args(actors=args.actors, recipients=tuple(t for t in named if t.i not in speaker)),
               JUDGED_WEIGHT, reach if reach > token.sent.end else 0, _anchor(token, said, kind, words))


def _party(token: Token, words: Words) -> bool:
    """Whether ``token`` names a party: a named person, body, place or people, or a body a name or a people
    qualifies ("the Reyes administration", "the Russian government")."""
    if token.ent_type_ in PARTY_ENTS and token.pos_ == "PROPN":
        return True
    return token.lemma_.lower() in words.body_nouns and any(
        c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in PARTY_ENTS for c in token.children)


def _judged_party(word: Token, words: Words) -> Token | None:
    """The named party a word of judgement qualifies: the noun it modifies ("the corrupt commission") or the
    subject it is said of ("the senator is a liar", "the board was incompetent", "Reyes is a corrupt
    politician"); none when negated."""
    if _negated(word):
        return None
    if word.dep_ in _MODIFIER_CHAIN:
        noun = _modified(word)
        if noun is not None and noun.dep_ in _PREDICATE_OF and not _negated(noun):
            word = noun  # "Reyes is a corrupt politician": said of the subject
        else:
            return noun if noun is not None and _party(noun, words) else None
    if word.dep_ in _PREDICATE_OF:
        return next((c for c in word.head.children if c.dep_ == "nsubj" and _party(c, words)), None)
    return None


def _modified(word: Token) -> Token | None:
    """The noun a modifier qualifies, through the words the parse may hang it on first ('the "phony" and
    "nasty" senator': "nasty" on "phony", "phony" on "the")."""
    for _ in range(MAX_MODIFIER_CLIMB):
        if word.dep_ not in _MODIFIER_CHAIN or word.head.i == word.i:
            return None
        word = word.head
        if word.pos_ in ("NOUN", "PROPN"):
            return word
    return None


def _epithet(word: Token) -> bool:
    """Whether ``word`` stands alone in quotation marks, a label in scare quotes ('the "phony" senator')."""
    doc = word.doc
    return 0 < word.i < len(doc) - 1 and doc[word.i - 1].text in QUOTE_MARKS and doc[word.i + 1].text in QUOTE_MARKS


def _qualified(token: Token, said: list[Token], lex: Lexicon) -> Hit | None:
    """A judgement of the parties that the reported words call good or bad, when the words hold another event
    too ("'the corrupt commission refuses to have me,' she argued": the refusal is its own event, and she
    blames the commission). Only the qualified parties are its recipients; words of both kinds judge none."""
    words = lex.words
    if token.sent[-1].text == "?":
        return None  # a question judges no one
    verdicts: dict[int, tuple[Token, str]] = {}
    for t in said:
        forms = {t.lower_, t.lemma_.lower()}
        kind = "SUPPORT" if forms & words.praise_words else "ACCUSE" if forms & words.blame_words else None
        if kind is None and t.dep_ in _MODIFIER_CHAIN and _epithet(t):
            kind = "ACCUSE"  # 'said the "phony" senator': a label the speaker throws at a party, as in a naming
        # a lower-case word the tagger took for part of the name it qualifies ("the corrupt Commission") counts
        judge = t.pos_ in ("ADJ", "NOUN") or (t.dep_ == "amod" and t.is_lower)
        party = _judged_party(t, words) if kind is not None and judge else None
        if party is not None and kind is not None:
            verdicts[party.i] = (party, kind)
    kinds = {kind for _, kind in verdicts.values()}
    if len(kinds) != 1:
        return None
    entry = _entry(token, kinds.pop(), words)
    args = find_args(token, entry, lex.nouns, lex.light, words)
    speaker = {t.i for t in args.actors}
    recipients = tuple(party for party, _ in verdicts.values() if party.i not in speaker)
    if not recipients:
        return None
    return Hit(token, entry, Args(actors=args.actors, recipients=recipients), JUDGED_WEIGHT, apart=True)


def _anchor(token: Token, said: list[Token], kind: str, words: Words) -> int | None:
    """A word of the sentence of the quotation that holds the most of its judgement, when that is not the
    sentence of the verb of saying ("... Mugabe was an icon of liberation. ... May his soul rest", wrote X)."""
    judged = words.praise_words if kind == "SUPPORT" else words.blame_words
    counts: dict[int, int] = {}
    for t in said:
        if t.pos_ != "PROPN" and {t.lower_, t.lemma_.lower()} & judged:
            counts[t.sent.start] = counts.get(t.sent.start, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda start: (counts[start], -abs(start - token.sent.start)))
    return None if best == token.sent.start else best


def claimed(hits: Mapping[int, Hit], lex: Lexicon) -> dict[int, Hit]:
    """``hits`` with each act of conflict that someone only claims or alleges another did made the accusation it
    is ("Tamim claimed Houthis have attacked journalists": Tamim accuses the Houthis)."""
    out = dict(hits)
    quads = plover().quad
    for i, hit in hits.items():
        clause = hit.token
        if quads[hit.entry.type] not in CONFLICT_QUADS or clause.dep_ != "ccomp" or not hit.args.actors:
            continue
        verb = clause.head
        if verb.lemma_.lower() not in lex.words.claiming_verbs or verb.i in hits:
            continue
        if status(clause, lex.words) == "negated":
            del out[i]  # "insisted she was never pressured by anyone": a claim that no act took place tells none
            continue
        entry = Entry(verb.lemma_.lower(), "verb", "ACCUSE", "allege", weight=JUDGED_WEIGHT)
        claimant = find_args(verb, entry, lex.nouns, lex.light, lex.words).actors
        # "the rebels claimed that they had attacked the base": a claim of one's own act accuses no one
        if claimant and not {t.i for t in claimant} & {t.i for t in hit.args.actors}:
            del out[i]
            out[verb.i] = Hit(verb, entry, Args(actors=claimant, recipients=hit.args.actors), JUDGED_WEIGHT)
    return out


def _accused(token: Token, lex: Lexicon) -> Hit | None:
    """The speaker's accusation of the named parties the words say did a wrong ("said Y broke the law"), when
    the words hold no judgement of their own (:mod:`dateline.events._wrongs`)."""
    entry = _entry(token, "ACCUSE", lex.words)
    actors = find_args(token, entry, lex.nouns, lex.light, lex.words).actors
    parties = wrongdoers(token, frozenset(t.i for t in actors), lex.words)
    return Hit(token, entry, Args(actors, tuple(parties)), JUDGED_WEIGHT, apart=True) if parties else None


def judged(sentence: TokenSpan, lex: Lexicon, taken: Mapping[int, Hit]) -> dict[int, Hit]:
    """The sentence's judgement hits on verbs that are no lexicon hit (``taken``) themselves."""
    words = lex.words
    out: dict[int, Hit] = {}
    for token in sentence:
        if token.i in taken or token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        hit = None
        if lemma in words.naming_verbs:
            hit = _naming(token, lex)
        elif lemma in words.speech_verbs:
            hit = _speech(token, lex, taken) or _accused(token, lex)
        elif lemma in words.claiming_verbs:  # what one claims of a party, only where the words call it so
            said = _asserted(_reported(token), token, words)
            hit = _qualified(token, said, lex) if said and not _retold(said, token, words) else None
        if hit is not None and (hit.args.actors or hit.args.recipients):
            out[token.i] = hit
    return out
