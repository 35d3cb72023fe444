"""Given names the tagger left outside a name ("Yolanda" of "Yolanda Yu Hoi-kwan"; "Marta" of "Marta Ruiz
Ortega" tagged a place; "Ana" of "Ana Costa" when only "Costa" is tagged, as an organization).

The small model often tags a name without its first word when that word is
rare in its training data, or tags that word as a place of its own. A proper
noun right before a tagged name that the parse joins to it as a compound is
part of the name when it begins the names of persons of the knowledge base, or
the tagger took it alone for a place, and nothing else explains it: no title,
role or honorific word, no organization's head word, no name of a country,
town, division or of anything the dictionaries know, no word in capitals only,
and no entity of its own other than a one-word place the gazetteer does not
know. An ORG-tagged name that then begins with a given name may be read as a
person's (:func:`dateline.actors._tagged.given_name_first`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["given_start", "org_start"]

#: Most words read back as given names ("Mary Anne" before "Smith").
MAX_GIVEN_NAMES = 2
#: Fewest persons of the knowledge base whose names begin with a word it must begin ("Yolanda", "Barend"): a
#: capitalised title before a name ("Podcaster Spike Cohen", "Moderator Chris Wallace") begins none. Set on
#: the 269-article corpus.
MIN_KB_PERSONS = 1
#: Entity labels a lone given name may wrongly carry ("Marta" tagged GPE).
MISTAGGED = frozenset({"GPE", "LOC"})


def given_start(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """The first token of the person's name whose tagged tokens are [lo, hi), read back over given names."""
    k = lo
    while lo - k < MAX_GIVEN_NAMES and k > 0 and _given_name(doc[k - 1], lo, hi, lex):
        k -= 1
    return k


def _given_name(tok: Token, lo: int, hi: int, lex: Lexicon) -> bool:
    if tok.tag_ != "NNP" or tok.dep_ != "compound" or not lo <= tok.head.i < hi:
        return False
    text = tok.text
    if not text.isalpha() or not text[:1].isupper() or text.isupper():
        return False
    if tok.ent_type_ and (tok.ent_type_ not in MISTAGGED or tok.ent_iob_ != "B" or tok.i + 1 != lo):
        return False
    lower = tok.lower_
    words = lex.words
    if lower in lex.titles or lower in lex.role_titles or lower in lex.role_words:
        return False
    if lower.rstrip(".") in words.bare_honorifics or lower in words.headline_words:
        return False
    if lex.lookup(text) or (lex.heads is not None and lex.heads.sector(text)):
        return False
    kb = lex.kb
    if kb is None or text in kb.towns or text in kb.divisions:
        return False
    return tok.ent_type_ in MISTAGGED or kb.given_names.get(text, 0) >= MIN_KB_PERSONS


#: Most words read back onto an organization's name the tagger cut short.
MAX_ORG_WORDS = 2


def org_start(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """The first token of an organization's name whose tagged tokens are [lo, hi), read back over capitalized
    proper nouns outside any entity that modify a word of it ("Thames" of "Thames Valley Police", which the
    small tagger cuts at a sentence's start): never a title, a role word or a headline's word."""
    k = lo
    while lo - k < MAX_ORG_WORDS and k > 0 and _org_word(doc[k - 1], lo, hi, lex):
        k -= 1
    return k


def _org_word(tok: Token, lo: int, hi: int, lex: Lexicon) -> bool:
    lower = tok.lower_
    return (tok.tag_ == "NNP" and tok.dep_ == "compound" and lo <= tok.head.i < hi and not tok.ent_type_
            and tok.text.isalpha() and tok.text[:1].isupper() and not tok.text.isupper()
            and lower not in lex.titles and lower not in lex.role_titles and lower not in lex.role_words
            and lower not in lex.words.headline_words)
