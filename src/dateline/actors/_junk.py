"""Names that are no actors: unknown names dropped once the article's actors are built.

Credit lines, ships and the names of events that a country's name opens are
set aside before the passes (:mod:`dateline.actors._not_actors`).

Only names no dictionary knows and no title explains are judged (``Group.unknown``):

- a place: every mention stands where places stand ("in Maidan Shahr", "Maidan
  Wardak province", "England and Wales"), a "person" of two words or more whose
  name is a town or division the knowledge base knows and who is never a subject
  ("to Ciudad Juárez"), or a "person" whose last word is a
  place's, event's or product's and who is never a subject ("Charles Bridge");
- a thing made and sold, named in apposition to its noun ("the plane, a Boeing
  B-17 Flying Fortress,"); a work or a craft named so once, wherever it is named ("his
  recent film, Fall of Grace", "the boat, Conception");
- a "person" whose name opens or ends with a word of no person's name ("Storm Lorenzo", "Diamond Dick
  District") or ends with a title's abbreviation cut from its full stop ("Sheriff's Capt. Tommy Roe");
- an event, a document or a product, by the first or last word of its name
  ("Libyan Civil War", "Hurricane Dorian", "United States Constitution");
- an organization whose every word is a place's and which is never a subject ("Melbourne Australia",
  "Abqaiq");
- shouting: a word in capitals too long for an acronym ("ABSTAINS");
- a term spelt out beside its acronym in brackets that does nothing ("FGM [Female Genital
  Mutilation]", "argued against Universal Basic Income (UBI)"), unless its name says an organization's
  kind ("World Health Organization (WHO)");
- a name of three words or more seen only in a headline written in title case, where the tagger runs a name
  into the headline's words ("George Zimmerman Auctioning Off Gun Used To Kill ...");
- an acronym that is never a subject, an owner, an agent or a source ("wear PPE", "to serve as VPOTUS"),
  unless the capitalized name it shortens stands beside it or it is listed with an organization;
- a name that takes part in no act ("cuts to Medicare", "was named MVP",
  "published in Current Biology"): organizations are kept only where a mention
  is the subject, owner or object of a verb or the object of a verb's
  preposition ("Time named Greta Thunberg", "told NPR", "worked for the
  Brigade", "according to NPR"), or a party of an exchange or the body of a
  rank ("an interview with Forbes", "remarks to ABC", "the leader of the
  Black Caucus": ``exchange_nouns`` of actors.json, titles and position words);
  a portfolio ("minister for East African Affairs") is none.

An unknown "person" named once before a noun of things made and sold is their
maker, an organization ("take the case of John Deere tractors"); one whose last
word says a kind of organization is one, of that kind ("Lee Academy"). A company the
dictionaries know is dropped where every mention names something it makes or
runs ("a Boeing 737", "a YouTube video") or the medium of words put out ("wrote
on Instagram"); a medium takes part in no act. Software, devices and medicines ("IRC", "CAOS Linux",
"paracetamol") are no actors, and a service named as a thing used ("hosted on GitLab", "my Instagram")
is none there (dateline.actors._products).

A name whose last words say what kind of organization it is ("Northwestern
University", "The Times") is kept wherever it is named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group
from dateline.actors._products import MODIFYING, platform_name, platform_use, product_name
from dateline.actors._tagged import SUBJECTS, kind_in_apposition, org_noun_at

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["drop_junk"]

#: Longest acronym; a longer word in capitals is shouting ("TOGETHER", "ABSTAINS"). "UNESCO" has 6 letters.
MAX_ACRONYM_LETTERS = 6
#: Dependency labels of a mention that takes part in an act: subject, possessor, object of a verb.
ACTING = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "dative", "iobj", "appos"})
#: A headline in title case: at least this many words, this share of them capitalized; an unknown name of at
#: least MIN_HEADLINE_NAME_WORDS words seen only there is the tagger running a name into the headline's words.
#: Set by hand on PolNeAR train's headlines, not tuned.
MIN_HEADLINE_WORDS = 5
HEADLINE_CAPITALS = 0.8
MIN_HEADLINE_NAME_WORDS = 3
#: The sector of companies: one the dictionaries know is no actor where it only names its make ("a Boeing 737").
BUSINESS = "BUS"
#: The sector of the media, whose names end in words that are surnames too ("Post", "Guardian", "Daily").
MEDIA = "JRN"
#: Dependency labels of a doer: what an acronym no dictionary knows must be to be an actor ("NASA said").
AGENTS = frozenset({"nsubj", "poss", "agent"})
#: Brackets that hold an acronym or what it stands for ("FGM [Female Genital Mutilation]").
OPENING_BRACKETS = frozenset({"(", "["})


def drop_junk(build: Build) -> None:
    """Remove the unknown names that are no actors (see the module docstring) from ``build.groups``; an
    unknown "person" named before a product noun is its maker ("John Deere tractors")."""
    retyped = set()
    for key, group in build.groups.items():
        if not (group.unknown and group.kind == "person"):
            continue
        head = _organization_head(build, group)
        if head is not None or any(_before_product(build, m.start, m.end) for m in group.mentions):
            group.kind, group.title, group.sector = "organization", None, group.sector or head
            retyped.add(key)
    junk = {k for k, g in build.groups.items()
            if (g.unknown and _junk(build, g)) or _idle_company(build, g) or _product(build, g)}
    for key in junk:
        del build.groups[key]
    build.people[:] = [(span, key) for span, key in build.people if key not in junk | retyped]
    for token in [t for t, key in build.token_keys.items() if key in junk]:
        del build.token_keys[token]


def _idle_company(build: Build, group: Group) -> bool:
    """Whether a company the dictionaries know is named only before what it makes or runs ("a Boeing 737", "a
    YouTube video", "Google Pay") or as a medium ("wrote on Instagram"), never as a company ("the Boeing airframe
    company", "Boeing said")."""
    if group.unknown or group.kind != "organization" or group.sector != BUSINESS:
        return False
    roots = [_root(build, m.start, m.end) for m in group.mentions]
    tokens = [t for t in roots if t is not None]
    heads = build.lex.heads
    return bool(tokens) and all(
        _medium(build, t)
        or (t.dep_ in MODIFYING and t.head.i > t.i and (heads is None or heads.table.get(t.head.lower_) is None))
        for t in tokens)


def _product(build: Build, group: Group) -> bool:
    """Whether an organization, or a "person" no dictionary knows, is a product ("IRC", "CAOS Linux"), or a
    service named only as a thing used ("hosted on GitLab", "my Instagram"), never as a company that acts or
    is acted on ("Instagram removed the post"); see dateline.actors._products."""
    words = build.lex.words
    if group.kind not in ("organization", "person") or (group.kind == "person" and not group.unknown):
        return False
    if product_name(words, group.name):
        return True
    if not platform_name(words, group.name):
        return False
    tokens = [t for t in (_root(build, m.start, m.end) for m in group.mentions) if t is not None]
    return bool(tokens) and not any(_acts(build, t) and not platform_use(words, t) for t in tokens)


def _organization_head(build: Build, group: Group) -> str | None:
    """The sector of an unknown "person" of two words or more whose last word says what kind of organization
    it is ("Lee Academy", "Mercy Hospital"): an organization of that sector. Not the media's words, which are
    surnames too ("Linda Daily", "Emily Post")."""
    words = group.name.split()
    heads = build.lex.heads
    if len(words) < 2 or heads is None:
        return None
    sector = heads.table.get(words[-1].lower())
    return sector if sector is not None and sector != MEDIA else None


def _junk(build: Build, group: Group) -> bool:
    """Whether an actor no dictionary knows is no actor: a venue, a product, a term spelt out, a headline's
    words, an event, a place, a shouted word or an acronym that does nothing, or a name that does nothing in
    the text; an organization the text or the kind dictionary says the kind of stays."""
    roots = [_root(build, m.start, m.end) for m in group.mentions]
    tokens = [_body_noun(build, t) for t in roots if t is not None]
    if " ".join(group.name.lower().split()[-2:]) in build.lex.words.not_actor_heads:
        return True  # "Mesa Convention Center": a venue, though its last word may say a kind of organization
    if not tokens or (group.kind != "person" and build.lex.heads is not None and build.lex.heads.sector(group.name)):
        return False  # "Northwestern University", "The Times": organizations, wherever they are named
    if group.kind == "organization" and any(_after_org_noun(build, m.start) or _described_after(build, m.start, m.end)
                                            for m in group.mentions):
        return False  # "the energy company Burisma", "Sea-Eye, a rescue charity,": the text says what it is
    if any(_names_product(build, t, build.lex.words.work_nouns) for t in tokens):
        return True  # "his recent film, Fall of Grace", "the boat, Conception": so too where it is named again
    if all(_place_position(build, t) or _names_product(build, t) for t in tokens):
        return True  # "in Maidan Shahr"; "the plane, a Boeing B-17 Flying Fortress,"
    spelt = all(_spells_acronym(build, m.start, m.end) for m in group.mentions)
    if spelt and not any(_agent(build, t) for t in tokens):
        return True  # "FGM [Female Genital Mutilation]", "Universal Basic Income (UBI)": a term, spelt out
    words = group.name.split()
    if len(words) >= MIN_HEADLINE_NAME_WORDS and all(_in_headline(build, t) for t in tokens):
        return True  # "George Zimmerman Auctioning Off Gun ...", "Clinton's Server Unprotected": a headline's words
    if group.kind == "person":  # "Storm Lorenzo"; "Tourists crowded Charles Bridge", not "Mark Hall said"
        return _junk_person(build, group, words, tokens)
    if words[-1].lower() in build.lex.words.not_actor_heads or words[0].lower() in build.lex.words.not_actor_heads:
        return True  # "Libyan Civil War", "Hurricane Dorian"
    if all(_place_word(build, w.strip(",.'’")) for w in words) and not any(t.dep_ in SUBJECTS for t in tokens):
        return True  # "make Melbourne Australia's capital", "at Abqaiq"; not "Nikki Holland of the NCA said"
    letters = [c for c in group.name if c.isalpha()]
    acronym = len(words) == 1 and bool(letters) and all(c.isupper() for c in letters)
    if acronym and (len(letters) > MAX_ACRONYM_LETTERS
                    or not any(_agent(build, t) or _named_org(t) or _party(build, t) for t in tokens)):
        return True  # shouting ("ABSTAINS"); an acronym no dictionary knows that does nothing ("wear PPE")
    return not any(_acts(build, t) for t in tokens)


def _body_noun(build: Build, tok: Token) -> Token:
    """The noun of a body a name modifies, which stands for the name in the sentence ("a Black Lives Matter
    group protested", "the Fridays for Future movement launched": ``body_nouns``), else the name's own token."""
    head = tok.head
    named = tok.dep_ == "compound" and head.i > tok.i and head.lower_ in build.lex.words.body_nouns
    return head if named else tok


def _junk_person(build: Build, group: Group, words: list[str], tokens: list[Token]) -> bool:
    """Whether an unknown person (``words``: its name's words; ``tokens``: its mentions' roots) is no person: a
    name a storm or a place opens or ends ("Storm Lorenzo", "Diamond Dick District"), a title cut from its
    name, a town the gazetteer knows ("travelled to Ciudad Juárez") or a thing ("Charles Bridge") that is
    no subject."""
    lex_words = build.lex.words
    if len(words) > 1 and (words[0].lower() in lex_words.not_person_openings
                           or words[-1].lower() in lex_words.not_person_endings):
        return True  # "Storm Lorenzo", "Diamond Dick District"
    if _cut_title(build, group):
        return True
    if len(words) > 1 and _town_name(build, group.name) and not any(t.dep_ in SUBJECTS for t in tokens):
        return True  # "travelled to Ciudad Juárez": a town the gazetteer knows, no person named like it
    return words[-1].lower() in lex_words.not_actor_heads and not any(t.dep_ in SUBJECTS for t in tokens)


def _spells_acronym(build: Build, start: int, end: int) -> bool:
    """Whether a name is spelt out beside the acronym of its initials, in brackets before or after it ("FGM
    [Female Genital Mutilation]", "an HPC (High Performance Computing) group", "Universal Basic Income (UBI)")."""
    span = build.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    doc, first, last = build.doc, span.start, span.end
    while first > 0 and doc[first - 1].is_title:  # "(High [Performance Computing])": the tagger cut a word
        first -= 1
    words = [t.text for t in doc[first:last] if t.text[:1].isupper()]
    initials = "".join(w[0] for w in words).upper()
    if len(initials) < 2:
        return False
    around = []
    if first >= 2 and doc[first - 1].text in OPENING_BRACKETS:
        around.append(doc[first - 2].text)
    if last + 1 < len(doc) and doc[last].text in OPENING_BRACKETS:
        around.append(doc[last + 1].text)
    return any(a.replace(".", "") == initials for a in around)


def _in_headline(build: Build, tok: Token) -> bool:
    """Whether a token lies in a sentence written in title case, as headlines are: nearly every word
    capitalized, small words too ("To", "Of", "A"), where the tagger's names run into the words around them."""
    words = build.lex.words
    small = words.determiners | words.name_prepositions
    alpha = [t for t in tok.sent if t.is_alpha]
    if len(alpha) < MIN_HEADLINE_WORDS or not any(t.text[:1].isupper() and t.lower_ in small for t in alpha):
        return False
    return sum(t.text[:1].isupper() for t in alpha) >= HEADLINE_CAPITALS * len(alpha)


def _cut_title(build: Build, group: Group) -> bool:
    """Whether a "person" ends in a title's abbreviation the tokenizer cut from its full stop, which then
    ended the sentence before the name ("Anderson County Sheriff's Capt. Tommy Roe": "... Capt")."""
    last = group.name.split()[-1].lower()
    titles, text = build.lex.titles, build.article.text
    return (last + "." in titles and last not in titles
            and all(text[m.end : m.end + 1] == "." for m in group.mentions))


def _place_word(build: Build, word: str) -> bool:
    """Whether a word of a name is a place's: a country's name, or a town or division the knowledge base
    knows."""
    return any(h.kind == "country" for h in build.lex.lookup(word)) or _town_name(build, word)


def _town_name(build: Build, name: str) -> bool:
    """Whether a whole name is a town's or a division's the knowledge base knows."""
    kb = build.lex.kb
    return kb is not None and (name in kb.towns or name in kb.divisions)


def _after_org_noun(build: Build, start: int) -> bool:
    """Whether a mention follows a common noun of a kind of organization ("the energy company Burisma")."""
    span = build.doc.char_span(start, start, alignment_mode="expand")
    # not "published in the journal PLOS ONE"
    return span is not None and org_noun_at(build, span.start - 1, build.lex.words.locative_prepositions)


def _described_after(build: Build, start: int, end: int) -> bool:
    """Whether a mention has a noun phrase of a kind of organization in apposition ("Sea-Eye, a German rescue
    charity,")."""
    span = build.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and kind_in_apposition(build, span.end) is not None


def _before_product(build: Build, start: int, end: int) -> bool:
    """Whether a mention modifies a noun of things made and sold ("John Deere tractors")."""
    tok = _root(build, start, end)
    if tok is None or tok.dep_ not in MODIFYING or tok.head.i <= tok.i:
        return False
    return tok.head.lower_ in build.lex.words.product_nouns


def _names_product(build: Build, tok: Token, nouns: frozenset[str] | None = None) -> bool:
    """Whether a mention is in apposition to a noun of things made and sold ("the plane, a Boeing 737"), or to
    one of ``nouns`` ("his recent film, Fall of Grace")."""
    products = build.lex.words.product_nouns if nouns is None else nouns
    if tok.dep_ == "appos" and tok.head.lower_ in products:
        return True
    return any(child.dep_ == "appos" and child.lower_ in products for child in tok.children)


def _root(build: Build, start: int, end: int) -> Token | None:
    span = build.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _acts(build: Build, tok: Token) -> bool:
    """Whether a mention takes part in an act: a subject, owner or object of a verb ("told NPR"), or the
    object of a verb's preposition other than a place's ("worked for the Brigade", "according to NPR")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ACTING:
        return True
    if tok.dep_ != "pobj":
        return False
    if _party(build, tok):
        return True  # "an interview with Forbes", "the leader of the Black Caucus"
    preposition, words = tok.head, build.lex.words
    if preposition.lower_ in words.locative_prepositions or _medium(build, tok):
        return False
    return preposition.dep_ == "agent" or preposition.head.pos_ in ("VERB", "AUX") or preposition.head.dep_ == "prep"


def _party(build: Build, tok: Token) -> bool:
    """Whether a mention is the object of a preposition that makes it a party of the noun before it
    (:func:`_party_of_noun`)."""
    return tok.dep_ == "pobj" and _party_of_noun(build, tok.head)


def _party_of_noun(build: Build, preposition: Token) -> bool:
    """Whether a preposition joins its object to a noun as a party: to a noun of an exchange ("an interview
    with Forbes", "remarks to ABC", "data from the Archive") or to a person's rank, title or noun ("the leader
    of the Black Caucus", "a co-chair of Black Voices", "a colleague at the Hollow Pine Trust")."""
    noun, words = preposition.head, build.lex.words
    if noun.pos_ != "NOUN" or noun.i >= preposition.i:
        return False
    if preposition.lower_ in words.exchange_prepositions and noun.lower_ in words.exchange_nouns:
        return True
    ranked = noun.lower_ in words.position_words or noun.lower_ in build.lex.titles
    return preposition.lower_ in words.rank_prepositions and (ranked or noun.lower_ in words.person_nouns)


def _medium(build: Build, tok: Token) -> bool:
    """Whether a mention is the medium a verb of putting words out used ("wrote on Instagram", "via Twitter")."""
    words, preposition = build.lex.words, tok.head
    return (tok.dep_ == "pobj" and preposition.lower_ in words.medium_prepositions
            and preposition.head.lemma_.lower() in words.medium_verbs)


def _agent(build: Build, tok: Token) -> bool:
    """Whether a mention is a doer: a subject, an owner, the agent of a passive, or the source of "according
    to" ("NASA said", "NASA's probe", "was found by NASA", "according to NASA")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in AGENTS:
        return True
    preposition = tok.head
    return tok.dep_ == "pobj" and (preposition.dep_ == "agent"
                                   or preposition.head.lower_ in build.lex.words.source_words)


def _named_org(tok: Token) -> bool:
    """Whether an acronym stands beside the capitalized name it shortens ("WWE (World Wrestling
    Entertainment)", "Drama Academy (BADA)") or in a list with an organization ("The Hill and TMZ")."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "(" and doc[i - 2].pos_ == "PROPN" and doc[i - 2].is_title:
        return True
    if i + 2 < len(doc) and doc[i + 1].text == "(" and doc[i + 2].pos_ == "PROPN" and doc[i + 2].is_title:
        return True
    kin = [tok.head] if tok.dep_ == "conj" else []
    kin += [c for c in tok.children if c.dep_ == "conj"]
    return any(k.ent_type_ == "ORG" and not k.is_upper for k in kin)


def _place_position(build: Build, tok: Token) -> bool:
    """Whether a mention stands where a place does: after "in", "near", "from", or before a noun."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in MODIFYING and head.i > tok.i and head.pos_ == "NOUN" and head.is_lower and not head.ent_type_:
        return True
    return (tok.dep_ == "pobj" and tok.head.lower_ in build.lex.words.locative_prepositions
            and not _party_of_noun(build, tok.head))  # not "data from the Archive"
