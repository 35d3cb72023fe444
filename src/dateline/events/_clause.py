"""Parties and clauses over spaCy's dependency parse: the noun phrases that are parties, a verb's subject up
its chain of clauses, its owner, and whether a verb is passive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._lexicon import Words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["asked_about", "complement_passive", "for_clause", "holders", "intended", "joint", "message",
           "modifying_doers", "named", "owner", "parties", "passive", "passive_agents", "pobjs", "provided",
           "refusal", "reports_question", "source_owner", "subject"]


SUBJ = ("nsubj", "nsubjpass", "csubj")
#: Dependents that make a participle an active verb with an object of its own ("ordered that ...").
OWN_OBJECTS = ("dobj", "obj", "ccomp")
NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
#: Named-entity types that are never parties ("meet with X on July 8").
_NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Named-entity types of a count, whose "of" phrase names the group counted ("thousands of people"); a share
#: ("52 percent of voters agreed") is a poll's answer, no group that acts.
_COUNTS = frozenset({"CARDINAL", "QUANTITY"})
#: Named-entity types of parties that an entry's ``with`` may name ("leave the European Union").
_NAMED_ENTS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
#: Dependencies of a clause that is a verb's complement or subject, where "if" opens a question ("see if they
#: agree"), not a condition.
_COMPLEMENTS = frozenset({"ccomp", "csubj", "dobj", "pcomp"})
#: Dependencies by which a verb of provision governs what it provides for ("allowed them to go unpunished if
#: forgiven", "would allow the President to nominate").
_PROVIDED = frozenset({"xcomp", "ccomp", "advcl", "conj"})
#: Dependencies that end a clause: the climb from a trigger to the head of its own clause stops at them.
_CLAUSE_HEADS = frozenset({"ccomp", "csubj", "advcl", "relcl", "acl", "parataxis", "pcomp", "ROOT"})
#: Dependencies of an infinitive on the noun it completes ("plans to oppose", and "a bill to require", which the
#: parse may make a relative clause).
_INFINITIVE_DEPS = frozenset({"acl", "relcl"})
#: Named-entity types of speakers that are no person: a "he" or "she" of their words is someone else.
_BODY_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
#: Clauses climbed looking for a subject ("X agreed to try to meet ...": xcomp, xcomp, ...). Set by
#: hand; 3 or 8 code the same events on the 3,130 texts of the PLOVER records, the ConfliBERT
#: sentences, the shared corpus, wikinews-dev and the seed.
MAX_CLAUSE_CLIMB = 4


def parties(token: Token, words: Words) -> list[Token]:
    """``token`` and the noun phrases coordinated with it ("A, B and C"); for a count or a word like "all"
    that is no party itself, the group it counts ("thousands of people", "one of the attackers")."""
    out: list[Token] = []
    stack = [token]
    while stack:
        tok = stack.pop()
        if (tok.pos_ in NOUNISH and tok.lower_ not in words.not_parties and tok.ent_type_ not in _NOT_PARTY_ENTS
                and tok.lemma_.lower() not in words.not_party_nouns):
            out.append(tok)
        elif tok.pos_ in NOUNISH and (tok.lower_ in words.not_parties or tok.ent_type_ in _COUNTS) and any(
                g.dep_ == "pobj" and g.pos_ in NOUNISH for c in tok.children
                if c.dep_ == "prep" and c.lower_ in words.partitive_prepositions for g in c.children):
            out.append(tok)  # its phrase names the group ("thousands of people", "one of the attackers")
        stack.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ in NOUNISH)
    return sorted(out, key=lambda t: t.i)


def for_clause(token: Token, words: Words) -> bool:
    """Whether ``token`` heads an infinitive clause with a subject of its own that the parse hangs on the verb
    before it ("called for CNN to fire him", "asked for the talks to be held in Oslo"): what is called or asked
    for, with whom it is asked of as its subject, though the parse makes it an adverbial clause."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words.purpose_prepositions for c in token.children) and any(
        c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in token.children)


def modifying_doers(noun: Token) -> list[Token]:
    """The doer a nominal trigger's modifier names, where neither it nor its clause names one: a common noun
    ("a police raid", "the police killing of") or a people's adjective ("a Russian airstrike"); a name before
    it is more often whom the act was done to ("the Khashoggi killing"), and is left alone."""
    return [c for c in noun.children if c.i < noun.i and (
        (c.dep_ == "compound" and c.tag_ == "NN") or (c.dep_ == "amod" and c.ent_type_ == "NORP"))]


def pobjs(prep: Token, words: Words) -> list[Token]:
    return [t for c in prep.children if c.dep_ == "pobj" for t in parties(c, words)]


def subject(verb: Token, words: Words) -> list[Token]:
    """The subject of ``verb``, looking up the clause chain when it has none of its own."""
    tok, came = verb, ""
    for _ in range(MAX_CLAUSE_CLIMB):
        # A subject the parse hangs on the auxiliary ("X and Y however have opposed") is the verb's.
        kids = [*tok.children, *(g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
        if (came.startswith("xcomp:") and tok.lemma_.lower() in words.control_verbs
                and (controller := [c for c in tok.children if c.dep_ in ("dobj", "obj")])):
            return parties(controller[0], words)  # "advised her to kill", "urged Russia to withdraw": the object
        if came == "advcl:VBG" and (agents := [t for c in kids if c.dep_ == "agent" for t in pobjs(c, words)]):
            return agents  # "X was described by Johnson as ..., saying ...": the agent is the one saying
        own = next((c for c in kids if c.dep_ in SUBJ), None)
        if own is not None:
            return _own_subject(tok, own, words)
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and tok.head.i != tok.i:
            tok, came = tok.head, f"{tok.dep_}:{tok.tag_}"
        elif (tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX")
              and any(c.dep_ in ("dobj", "obj") for c in tok.children)):
            # "he plans on leaving the EU", "insisted on meeting Putin"; but a bare topic is nobody's act
            # ("common ground on hacking")
            tok, came = tok.head.head, f"pcomp:{tok.tag_}"
        elif tok.dep_ == "acl" and (said := message(tok.head, words)) is not None:
            tok = said.head  # "X issued a statement calling on Y": X speaks
        elif intended(tok, words):
            break  # "announced their plans to oppose the bill": the plan's owner does it, not the plan
        elif tok.dep_ == "relcl" or (tok.dep_ == "acl" and any(c.dep_ in OWN_OBJECTS for c in tok.children)):
            # "forces that carried out strikes", misparsed "The force carried out strikes"
            return parties(tok.head, words)
        else:
            break
    return []


def _own_subject(clause: Token, child: Token, words: Words) -> list[Token]:
    """The parties a clause's own subject ``child`` names: a relative pronoun the noun its clause qualifies, a
    pronoun in reported words the speaker ("Hungary has said it will support ..."), where it can be them."""
    if child.lower_ in words.relative_pronouns and clause.dep_ == "relcl":
        return parties(clause.head, words)
    if child.lower_ in words.reported_self_pronouns and clause.dep_ == "ccomp" and clause.head.i != clause.i:
        speaker = [t for t in subject(clause.head, words) if t.pos_ != "PRON"]
        if speaker and not _unlike(child, speaker, words):
            return speaker
    return parties(child, words)


def _unlike(pronoun: Token, speaker: list[Token], words: Words) -> bool:
    """Whether a person's pronoun cannot stand for the speaker of its clause: "he" or "she" is no body, country
    or organization ("Klobuchar's campaign said she was ending her bid", "the administration said he would
    sign it": she is Klobuchar, he the president), and the pronoun is left for the actors stage to resolve."""
    return pronoun.lower_ in words.person_pronouns and all(
        t.ent_type_ in _BODY_ENTS or t.lemma_.lower() in words.body_nouns for t in speaker)


def holders(noun: Token, words: Words) -> list[Token]:
    """Whose thing the object noun of a multiword trigger is, as the act's recipient: its possessor ("commuted
    Stone's sentence", "met the teachers' demands") or the name its "of" phrase gives ("commuted the prison
    sentence of Roger Stone", "accepted the resignation of the minister" names no one)."""
    owners = [t for c in noun.children if c.dep_ == "poss" for t in parties(c, words)]
    return owners or [t for c in noun.children if c.dep_ == "prep" and c.lower_ in words.object_prepositions
                      for t in pobjs(c, words) if named(t)]


def message(noun: Token, words: Words) -> Token | None:
    """The message noun that is the object of a verb, ``noun`` itself or the one whose prepositional phrase
    the parse hangs a participle on ("posted a message on Twitter blaming Iran"), else None."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    if noun.lemma_.lower() in words.message_nouns and noun.dep_ in ("dobj", "obj"):
        return noun
    return None


def named(token: Token) -> bool:
    """A name ("the European Union"), which stays a party even where an entry asks for it ("leave the EU")."""
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED_ENTS


def owner(token: Token, words: Words) -> list[Token]:
    """The party behind a noun: its possessor if it has one ("Putin's agenda"), else itself."""
    for child in token.children:
        if child.dep_ == "poss":
            return parties(child, words)
    return parties(token, words) if token.pos_ in ("PROPN", "PRON") or token.ent_type_ else []


def intended(verb: Token, words: Words) -> bool:
    """Whether ``verb`` is the infinitive of an intention noun ("their plans to oppose the bill", "its decision to
    send troops"): what the noun's owner means to do, not something the noun does."""
    return verb.dep_ in _INFINITIVE_DEPS and verb.head.lemma_.lower() in words.intention_nouns and any(
        c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in verb.children)


def source_owner(noun: Token, light: frozenset[str], words: Words) -> list[Token] | None:
    """Who an event noun comes from, where the clause says it arrived ("support for the bill also came from
    Senator X", "statements of condemnation have come from X and Y"): the objects of the verb's "from"."""
    carrier = noun
    if noun.dep_ == "pobj" and noun.head.lower_ in words.partitive_prepositions and noun.head.head.pos_ == "NOUN" \
            and noun.head.head.lemma_.lower() in words.message_nouns:
        carrier = noun.head.head  # "statements of condemnation", "expressions of sympathy"
    verb = carrier.head
    if carrier.dep_ != "nsubj" or verb.lemma_.lower() not in words.arriving_verbs:
        return None
    return [t for c in verb.children if c.dep_ == "prep" and c.lower_ in words.origin_prepositions
            for t in pobjs(c, words)]


def passive(verb: Token, participles: tuple[str, ...] = ("acl",)) -> bool:
    """Whether the verb is passive ("was convicted", or "was nominated" parsed as a complement of the
    auxiliary), or a past participle modifying its patient through one of ``participles`` ("sanctions
    imposed on Russia"; with "amod" also "the detained suspect"). A participle with an object or a clause of
    its own is a misparsed active verb ("William Conley, a judge, ordered that ballots be accepted")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or complement_passive(verb) or (
        verb.dep_ in participles and verb.tag_ == "VBN" and not any(c.dep_ in OWN_OBJECTS for c in verb.children)
    )


def complement_passive(verb: Token) -> bool:
    """A past participle the parse hangs on a bare auxiliary as its complement ("He was nominated ..."), or
    a bare one that opens an adverbial clause of the subject above it ("X entered politics when elected")."""
    if verb.tag_ != "VBN":
        return False
    if verb.dep_ == "acomp":
        return verb.head.pos_ == "AUX"
    return verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "aux", *OWN_OBJECTS) for c in verb.children)


def passive_agents(verb: Token, words: Words) -> list[Token]:
    """The parties of a passive verb's "by" phrase."""
    return [t for c in verb.children if c.dep_ == "agent" for t in pobjs(c, words)]


def causative(verb: Token, words: Words) -> bool:
    """A past participle whose act someone has done by others ("tried to have him released", "got them
    freed"): its subject is what is acted on."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp")
            and verb.head.lemma_.lower() in words.causative_verbs)


def joint(trigger: Token, words: Words) -> bool:
    """Whether the act is said to be one of several parties ("began a joint exercise", "combined drills"), even
    where only one party is named or known, or is done by a group of several nations ("French and Egyptian
    warships")."""
    near = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "attr", "nsubjpass"))]
    if any(c.lower_ in words.joint_words for t in near for c in t.children):
        return True
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    return any(m.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in m.children)
               for d in doers for m in d.children)


def refusal(verb: Token, words: Words) -> bool:
    """Whether a verb tells that its doer withheld the act, a refusal: the verb itself negated ("said he did not
    support the policies", "would not provide an image") or done by none of its subjects ("neither Paris nor
    Berlin would endorse the result"); not an act only put off ("did not immediately endorse", "has not yet
    agreed", "didn't endorse her until July"), beyond its doer's power ("could not support her children"), or
    asked about ("would not say whether she supported ...")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(verb.children)
    negated = any(c.dep_ == "neg" for c in kids) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in words.negative_conjunctions for g in c.children)
        for c in kids)
    return negated and not any(
        (c.dep_ == "advmod" and c.lower_ in words.deferral_adverbs)
        or (c.dep_ == "prep" and c.lower_ in words.deferral_prepositions)
        or (c.dep_ == "aux" and c.lower_ in words.inability_auxiliaries)
        or (c.dep_ == "mark" and c.lower_ in words.conditional_marks) for c in kids)


def reports_question(verb: Token) -> bool:
    """Whether the verb reports a question put, not a thing asked for: its complement clause ends in a question
    mark ('The reporter asked, "Will the talks go on?"'), or, with no complement of its own, the words just
    before its sentence are a quotation that does ('"Do you expect a deal?" Vale asked.', which the parse
    splits in two sentences)."""
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ == "ccomp" and _ends_in_question(doc, clause.right_edge.i + 1):
            return True
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    start = verb.sent.start
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    lead = {t.i for s in subjects for t in s.subtree}
    return all(i in lead for i in range(start, verb.i)) and start > 0 and doc[start - 1].is_quote and (
        _ends_in_question(doc, start - 2))


def _ends_in_question(doc: Doc, at: int) -> bool:
    """Whether the words from ``at`` on begin with a question mark, after any closing quotation marks."""
    while 0 <= at < len(doc) and doc[at].is_quote and doc[at].text != "?":
        at += 1
    return 0 <= at < len(doc) and doc[at].text == "?"


def asked_about(trigger: Token, words: Words) -> bool:
    """Whether the trigger stands in an embedded question ("questioned whether West ran to help Trump", "would
    not say whether he supported it", "asked if they had met"): its clause, up from the trigger through clauses
    that share it ("ran to help"), is opened by "whether", or by "if" as a verb's complement (as an adverbial
    clause "if" is a condition: "he would resign if the Senate voted against him")."""
    tok = trigger
    for _ in range(MAX_CLAUSE_CLIMB + 1):
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"} & words.question_marks
        if marks and ("if" not in marks or len(marks) > 1 or tok.dep_ in _COMPLEMENTS):
            return True
        if (tok.dep_ in _CLAUSE_HEADS and not _bare_infinitive(tok, words)) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _bare_infinitive(verb: Token, words: Words) -> bool:
    """An infinitive with no subject or subordinator of its own ("was running to help her"): a part of the clause
    it hangs on, however the parse attaches it."""
    kids = list(verb.children)
    return (any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in kids)
            and not any(c.dep_ in (*SUBJ, "mark") for c in kids))


def provided(trigger: Token, words: Words) -> bool:
    """Whether the act is what a law, a policy or a rule provides for: the trigger, or a verb it hangs on ("allowed
    them to go unpunished if forgiven"), is a verb of provision whose subject is such a text ("the new policy
    prohibits all flights to Cuba", "the bill would allow the President to nominate a justice")."""
    tok = trigger
    for _ in range(MAX_CLAUSE_CLIMB + 1):
        if tok.lemma_.lower() in words.provision_verbs and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in words.provision_nouns for c in tok.children):
            return True
        if tok.dep_ not in _PROVIDED or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
