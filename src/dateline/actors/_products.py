"""Products, software and services named as names: no actors where they are things used.

A name of software, a device or a medicine ("IRC", "JavaScript", "iPod", "paracetamol"), or one whose last
words say it is one ("CAOS Linux", "Community Enterprise Operating System"), names a thing made or used,
never an actor (:func:`product_name`). A service whose company's name names it too ("Instagram",
"GitHub", "Wikipedia") is no actor where it is named as a medium, a venue, a tool or a thing ("hosted on
GitLab", "sent via WhatsApp", "my Instagram", "an Instagram post", "Wikipedia is for knowledge"): see
:func:`platform_use`; where it acts or is acted on ("Instagram removed the post", "GitHub received a
notice") it is the company, an actor. The words are actors.json's ``product_names``,
``product_name_endings``, ``platform_names``, ``platform_prepositions`` and ``tool_verbs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.actors._words import Words

__all__ = ["platform_name", "platform_use", "product_name"]

#: Dependency labels of a word that modifies the noun after it ("an Instagram post", "Ghazni province", "the
#: suspect vehicle"); the actors' other passes read them from here.
MODIFYING = frozenset({"compound", "amod", "nmod"})


def product_name(words: Words, name: str) -> bool:
    """Whether a name is a product's: listed whole, or ending in a product's last words ("CAOS Linux")."""
    lower = " ".join(name.lower().split())
    return lower in words.product_names or any(lower.endswith(" " + e) for e in words.product_name_endings)


def platform_name(words: Words, name: str) -> bool:
    """Whether a name is a service's that its company's name names too ("YouTube", "Wikipedia")."""
    return " ".join(name.lower().split()) in words.platform_names


def platform_use(words: Words, tok: Token) -> bool:
    """Whether a mention of a service names it as a thing used, not as a company: owned by a pronoun ("my
    Instagram"), before a noun ("an Instagram post"), after a preposition of a venue or a medium ("on GitLab",
    "via WhatsApp", "moved to GitLab", "posted to Wikipedia"), the object of a verb of use ("use Reddit",
    "download from YouTube"), or the subject of a copula ("Wikipedia is for knowledge")."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return True
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.pos_ in ("NOUN", "ADJ") and after.is_lower and after.is_alpha:
        return True  # "the GitLab repository", whatever the parser made of it
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in MODIFYING and head.i > tok.i:
        return True
    if tok.dep_ == "pobj":
        verb = head.head.lemma_.lower()
        return (head.lower_ in words.platform_prepositions or verb in words.tool_verbs
                or (head.lower_ in words.destination_prepositions
                    and (verb in words.medium_verbs or verb in words.motion_verbs)))
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in words.tool_verbs
    return tok.dep_ == "nsubj" and head.lemma_.lower() in words.copula_lemmas
