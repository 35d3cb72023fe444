"""Names the tagger took for organizations that read as persons' ("Ricardo Rosselló Nevares, Puerto Rico's
governor").

The small model tags many names in Spanish or with accents ORG. Such a name is
a person's when no dictionary knows it, it has two words or more, none of them
written in capitals only ("RCMP"), nothing in it says an organization (no head
word such as "Party" or "Police", no role word), all its words are proper
nouns, and a title of a person stands beside it (one of the curated titles,
and no organization's head: "Sea-Eye spokesperson Carlotta Weibl", not "the
Mounted Police" nor "news broadcaster NRK") or its first word begins the names
of many persons of the knowledge base ("awarded to Oleg Titov"), or it comes right after a noun of a
person ("film actress Jane Roe", "his daughter, Petra,": then also a lone word).
"""

from __future__ import annotations

from dateline.actors._build import Build
from dateline.actors._mentions import Candidate

__all__ = ["SUBJECTS", "bare_org_name", "given_name_first", "kind_in_apposition", "member_of_body", "org_noun_at",
           "org_noun_before", "person_noun_before", "person_title"]

#: The entity label of organizations.
ORG = "ORG"
#: Fewest persons of the knowledge base whose names begin with a word for it to be a given name ("Oleg",
#: "Ricardo"); set on the 269-article corpus: at 1 as many organizations ("Walt Disney World") as persons moved.
MIN_GIVEN_NAME_PERSONS = 5
#: Most words of the phrase in apposition to a name that says its kind ("a German sea rescue charity").
MAX_KIND_WORDS = 5
#: Dependency labels of the subject of a verb: "Jane Roe of the Crime Agency said" speaks as a person.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def bare_org_name(build: Build, cand: Candidate) -> bool:
    """Whether an ORG-tagged name has nothing of an organization's: it may be a person's if titled."""
    if cand.label != ORG or cand.hits:
        return False
    if cand.tok_end - cand.tok_start < 2 and not person_noun_before(build, cand):
        return False  # a lone word only right after a noun of a person ("his daughter, Petra,")
    end = cand.tok_end  # "Prosecutor Jane Roe QC": the letters after a name are no part of it
    while end - cand.tok_start > 2 and build.lowers[end - 1] in build.lex.words.name_suffixes:
        end -= 1
    tokens = build.doc[cand.tok_start : end]
    if not all(t.tag_ == "NNP" and t.text[:1].isupper() and not t.text.isupper() for t in tokens):
        return False
    if any(t.lower_ in build.lex.role_words or t.text in build.lex.not_actors for t in tokens):
        return False
    heads = build.lex.heads  # no word of an organization's head anywhere: "University College London"
    return heads is None or not any(heads.sector(t.text) for t in tokens)


def given_name_first(build: Build, cand: Candidate) -> bool:
    """Whether a name begins with a word that begins the names of many persons of the knowledge base ("Oleg
    Titov"), and is no honorific, title or particle ("Sir", "Lord", "Al")."""
    kb, words = build.lex.kb, build.lex.words
    first = build.doc[cand.tok_start]
    if kb is None or kb.given_names.get(first.text, 0) < MIN_GIVEN_NAME_PERSONS:
        return False
    lower = first.lower_
    if lower in build.lex.titles or lower in words.name_particles or lower in words.determiners:
        return False
    return lower.rstrip(".") not in words.bare_honorifics


def member_of_body(build: Build, cand: Candidate) -> str | None:
    """The sector of the body of a known kind that follows a name after "of", where the name is the subject of
    its verb ("Jane Roe of the UK's National Crime Agency said": COP, "Roe of the state assembly said": LEG): a
    person who speaks for it; None otherwise."""
    doc, k = build.doc, cand.tok_end
    heads = build.lex.heads
    if heads is None or k >= len(doc) or build.lowers[k] not in build.lex.words.country_prepositions:
        return None
    if doc[cand.tok_end - 1].dep_ not in SUBJECTS and doc[cand.tok_start].dep_ not in SUBJECTS:
        return None
    body = [t for t in doc[k].children if t.dep_ == "pobj"]
    return heads.sector(doc[body[0].left_edge.i : body[0].i + 1].text) if body else None


def org_noun_before(build: Build, cand: Candidate) -> bool:
    """Whether a name no dictionary knows follows, as its apposition, a common noun of a kind of organization
    ("the Florida company Ridgeback Biotherapeutics", "the energy company Burisma"): an organization's name,
    whatever the tagger says."""
    # not "the speaker of the parliament John Roe"
    return not cand.hits and org_noun_at(build, cand.tok_start - 1, build.lex.words.country_prepositions)


def org_noun_at(build: Build, k: int, blocking: frozenset[str]) -> bool:
    """Whether token ``k`` is a lower-case common noun of a kind of organization ("company", "agency"), alone
    or with the word before it ("news source"), and none of the two words before it is one of the
    ``blocking`` prepositions: a name right after it is that organization's."""
    heads = build.lex.heads
    if k < 0 or heads is None:
        return False
    noun = build.doc[k]
    pair = f"{build.doc[k - 1].lower_} {noun.lower_}" if k else noun.lower_  # "news source", "media outlet"
    if noun.tag_ != "NN" or not noun.text.islower():
        return False
    if heads.table.get(noun.lower_) is None and heads.table.get(pair) is None:
        return False
    before = {t.lower_ for t in build.doc[max(0, k - 2) : k]}
    return not before & blocking


def person_noun_before(build: Build, cand: Candidate) -> bool:
    """Whether a name comes right after a lower-case noun of a person, a word of kinship or a person's noun
    ("film actress Jane Roe", "the party's nominee John Roe", "his daughter, Petra,")."""
    k = cand.tok_start - 1
    k -= int(k > 0 and build.doc[k].text == ",")
    if k < 0:
        return False
    noun, words = build.doc[k], build.lex.words
    if noun.tag_ != "NN" or not noun.text.islower():
        return False
    return noun.lower_ in words.person_nouns or noun.lower_ in words.kin_words


def person_title(build: Build, title: str | None) -> bool:
    """Whether a title read beside a name is a person's: its last word a curated title, and the title no
    organization's name ("Atmospheric Administration", "news broadcaster")."""
    if not title:
        return False
    words = title.lower().split()
    heads = build.lex.heads
    return words[-1] in build.lex.titles and (heads is None or heads.sector(title) is None)


def kind_in_apposition(build: Build, k: int) -> str | None:
    """The sector the noun phrase in apposition to a name that ends before token ``k`` says it is of
    ("Drexel Lambert, an investment bank,": BUS; "Sea-Eye, a German rescue charity,": NGO), None when it
    says none."""
    doc, heads, articles = build.doc, build.lex.heads, build.lex.words.indefinite_articles
    if heads is None or k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in articles:
        return None
    end = k + 2
    while end < min(len(doc), k + 2 + MAX_KIND_WORDS) and doc[end].pos_ in ("ADJ", "NOUN", "PROPN"):
        end += 1
    last = doc[end - 1]
    if end == k + 2 or last.pos_ != "NOUN" or not last.text.islower():
        return None
    return heads.sector(doc[k + 2 : end].text)
