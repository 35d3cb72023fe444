"""How to read one of the model's attributions: what kind it is, and whether it says what its source holds.

An attribution the model finds may still say nothing of what anyone said or
holds: its cue may be asked about ("Do you think ...?"), or a word of plain
action that PolNeAR counts as an attribution ("portrayed a king"). A negated
cue ("did not concede") is kept, as PolNeAR marks it, and the quote says so
(``Quote.negated``). A cue may also relay someone else's words ("X was quoted
by Y as saying Z": X said Z, Y only relayed it).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from spacy.parts_of_speech import AUX, VERB

from dateline.quotes._arrays import Arrays, member, string_hash
from dateline.quotes._cue_features import CUE_MARKS
from dateline.quotes._direct import MIN_DIRECT_SHARE
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._model import Attribution, Features, source_extent
from dateline.quotes._types import Extent
from dateline.records import Quote, QuoteKind

__all__ = ["MIN_DIRECT_SHARE", "cue_kind", "cue_token", "denied", "denies", "holds", "is_direct", "no_one", "relayed",
           "reportable", "says", "strict_kind", "through_quotation", "without_that", "word_kind"]


_VERBS = frozenset({VERB, AUX})
#: Labels of a "that" that is the subject of the content's clause, not the complementizer that opens it.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Dependents of a light verb that say what it reports ("is confident", "made the case", "has doubts").
_COMPLEMENTS = frozenset({"acomp", "attr", "dobj", "oprd"})
#: The label of a word that modifies a noun as an adjective: a participle of saying there tells what a thing is called
#: or known as ("the so-called convoy", "the alleged plot"), never what anyone said.
_AMOD = string_hash("amod")


def word_kind(lemma: str, lexicon: Lexicon) -> QuoteKind | None:
    """The kind of attribution a cue word makes, or None for a word in no list of speech or attitude."""
    if lemma in lexicon.communication_cues:
        return "speech"
    return "stance" if lemma in lexicon.stance_words else None


def _kind(a: Arrays, found: Attribution, direct: bool, lexicon: Lexicon) -> QuoteKind | None:
    """Speech for quotations, for marks before them (a colon, a dash) and for cues of saying; stance for
    cues of belief, attitude, intention and judgement and for sources that vouch for a sentence ("according
    to"); None for the rest, which PolNeAR counts as attributions but which say nothing of what anyone said or
    holds ("portrayed a king", "nominated a judge")."""
    cue = a.text[slice(*found.cue_chars[0])].lower() if found.cue_chars else ""
    if direct or not any(c.isalnum() for c in cue):
        return "speech"
    return cue_kind(a, cue, found.cue[0], lexicon)


def cue_kind(a: Arrays, cue: str, token: int, lexicon: Lexicon) -> QuoteKind | None:
    """The kind a cue (its words ``cue``, its first token ``token``) gives: stance for a sourcing phrase
    ("according to"), else the kind of its word or of a light verb's complement ("made the case")."""
    if tuple(cue.split()) in lexicon.source_phrases:
        return "stance"
    word = a.doc[token]
    lemma = word.lemma_.lower()
    if lemma in lexicon.light_verbs:
        for child in word.children:
            if child.dep_ in _COMPLEMENTS and (kind := word_kind(child.lemma_.lower(), lexicon)) is not None:
                return kind
    return word_kind(lemma, lexicon)


def _content_head(a: Arrays, found: Attribution) -> int | None:
    """The first token of the content whose head lies outside it (the content's own head), if any."""
    inside = {i for s, e in found.content for i in range(s, e)}
    return next((i for i in sorted(inside) if int(a.at.head[i]) not in inside or int(a.at.head[i]) == i), None)


def clausal(a: Arrays, found: Attribution) -> bool:
    """Whether the content is a clause (its head a verb: "that the talks failed", "to leave"), not a thing."""
    inside = {i for s, e in found.content for i in range(s, e)}
    heads = [i for i in sorted(inside) if int(a.at.head[i]) not in inside or int(a.at.head[i]) == i]
    return bool(heads) and a.at.pos[heads[0]] in _VERBS


def _aspect(a: Arrays, found: Attribution, lexicon: Lexicon) -> bool:
    """Whether the content is the infinitive of a verb whose infinitive is no content ("continued to work",
    "learned to play"): the cue says how the subject's own doing goes on, not what anyone holds."""
    cue = found.cue[0]
    if a.doc[cue].lemma_.lower() not in lexicon.stance_no_xcomp:
        return False
    head = _content_head(a, found)
    return head is not None and int(a.at.head[head]) == cue and a.dep_(head) == "xcomp"


def asks(content: str, cue_lemma: str, lexicon: Lexicon) -> bool:
    """Whether a content after a word of thought or finding is an embedded question ("see if it works", "know
    what it is", "understand how they form", "not sure which company", "no idea whether it works"): something
    looked into, not a position its source holds."""
    words = content.split(maxsplit=2)
    if len(words) > 1 and words[0].lower() == cue_lemma:
        words = words[1:]  # "was | sure which ...": the word of thought opens the content of its copula
    first = re.split(r"\W", words[0].lower(), maxsplit=1)[0] if words else ""  # "what's", "why,"
    return first in lexicon.question_openers and cue_lemma in lexicon.question_cues \
        and cue_lemma not in lexicon.stance_verbs


def _thought_lemma(a: Arrays, cue: int, lexicon: Lexicon) -> str:
    """The lemma of the word of thought a cue carries: the cue's own, or for a light verb ("was sure which ...",
    "had no idea whether ...") that of the adjective or noun after it, where it has one."""
    lemma = a.doc[cue].lemma_.lower()
    if lemma in lexicon.light_verbs:
        after = [k for k in a.kids(cue) if k > cue and a.dep_(k) in _COMPLEMENTS]
        if after:
            return a.doc[after[0]].lemma_.lower()
    return lemma


def _convened(a: Arrays, found: Attribution, lexicon: Lexicon) -> bool:
    """Whether the cue calls something together ("called an emergency meeting", "called a vote"): the content
    is the thing convened, as the rules read it, and nothing said."""
    if a.doc[found.cue[0]].lemma_.lower() not in lexicon.call_verbs:
        return False
    head = _content_head(a, found)
    return head is not None and a.doc[head].lemma_.lower() in lexicon.convened_nouns


#: The least cue score (a logit) at which an attribution whose cue is only a learned cue word (``learned_cues``) is
#: reported: such words are cues less often than the listed ones, so the model must be surer of them than its own
#: threshold. Chosen on the held-out tenth of PolNeAR train (model fitted without it), never on dev, as the model's
#: own threshold is: the highest whose F1 is within 0.005 of the best (-1.5: 0.7682, -1: 0.7687, -0.5: 0.7685,
#: 0: 0.7679 with precision 0.8030, as without learned cues, 0.5: 0.7647).
MIN_LEARNED_CUE_SCORE = 0.0


def strict_kind(a: Arrays, found: Attribution, direct: bool, lexicon: Lexicon) -> QuoteKind | None:
    """The kind of an attribution, or None when it reports no speech, belief, attitude, intention or judgement:
    its cue is in no such list (nor a learned cue word the model scores at least :data:`MIN_LEARNED_CUE_SCORE`,
    which is given kind stance here and read as a deed in :mod:`dateline.quotes._deeds`), or the content is the
    infinitive of a verb of going on ("continued to work"). A cue in no list whose content is a clause ("used the
    meeting to warn them", "was able to win") tells what its agent did or was, kind ``act``, when the model is as
    sure of it as of a learned cue word (at least :data:`MIN_LEARNED_CUE_SCORE`). A verb of perception,
    knowing or finding that holds no clause ("saw an increase", "is known as the Bard", "found a way") tells what
    its agent met with, not a position: kind ``act``, as the rules' deeds are (PolNeAR marks them); one that is
    also a word of feeling ("the plan worried the allies": the feeling it caused) reports nothing."""
    kind = _kind(a, found, direct, lexicon)
    lemma = a.doc[found.cue[0]].lemma_.lower()
    if kind is None and found.score >= MIN_LEARNED_CUE_SCORE and lemma in lexicon.learned_cues:
        kind = "stance"  # a cue PolNeAR's annotators mark often; the stage tells it as a deed (quotes._deeds)
    if kind is None and found.score >= MIN_LEARNED_CUE_SCORE and clausal(a, found):
        return "act"  # what the text tells of its agent; a thing after such a cue ("portrayed a king") is nothing
    if not direct and _convened(a, found, lexicon):
        return None
    if kind == "stance" and lemma in lexicon.clause_only_verbs and not clausal(a, found):
        # what its agent met with ("saw an increase"), a deed; not a feeling ("the plan worried the allies")
        return None if lemma in lexicon.clause_only_feelings else "act"
    if kind == "stance" and _aspect(a, found, lexicon):
        return None
    if kind == "stance" and asks(a.text[found.content_chars[0].start:found.content_chars[-1].end],
                                 _thought_lemma(a, found.cue[0], lexicon), lexicon):
        return None
    return kind


def without_that(a: Arrays, content: Extent, lexicon: Lexicon) -> Extent:
    """``content`` without a complementizer that opens it ("that the talks failed"), if any; a "that" that is the
    subject of the content's clause stays ("I think that was fine": without it the content reads "was fine"), unless
    it opens a quotation, whose words are the direct quote's."""
    start, end = content
    for word in lexicon.complementizers:
        opener = len(word) + 1
        if a.text[start:start + opener].lower() == word + " " and end - start > opener:
            first = a.token_range(start, start + len(word))[0] if a.n else 0
            if first < a.n and a.text[a.at.idx[first]:a.at.end[first]].lower() == word and a.dep_(first) in _SUBJECTS \
                    and a.at.quote[first] < 0:
                return content  # a quotation's own first word stays the quotation's: the report starts after it
            return Extent(start + opener, end)
    return content


def _negated(a: Arrays, cue: int, lexicon: Lexicon) -> bool:
    """Whether the cue is negated ("did not concede", "never said", "does not believe", "made no mention of"):
    what follows is then not what the source said or holds. A negation inside quotation marks the cue is outside
    of is the quoted words' ("\"Ready? Probably not,\" she said": the parser often hangs it on the cue). An
    adjective after a copula is negated through it ("I'm not sure it happened", "they were not willing to ...":
    the parser hangs the "not" on the verb)."""
    negations = a.kids(cue) + (a.kids(int(a.at.head[cue])) if a.dep_(cue) == "acomp" else [])
    if any(a.dep_(k) == "neg" and a.at.quote[k] in (-1, a.at.quote[cue]) for k in negations):
        return True
    objects = [k for k in a.kids(cue) if a.dep_(k) in _COMPLEMENTS] if a.doc[cue].lemma_.lower() in \
        lexicon.light_verbs else []
    return any(a.doc[d].lower_ in lexicon.negative_determiners for k in objects for d in a.kids(k)
               if a.dep_(d) == "det")


def _in_question(a: Arrays, cue: int) -> bool:
    """Whether the cue's sentence is a question ("What do you think of it?", "Did he say that?"): it asks what
    someone holds, and says nothing of what they do."""
    end = int(a.at.sent_end[a.at.sent[cue]]) - 1
    while end > cue and (a.at.space[end] or a.at.is_quote_mark[end]):
        end -= 1
    return a.text[a.at.idx[end]:a.at.end[end]] == "?"


def holds(a: Arrays, found: Attribution, lexicon: Lexicon) -> bool:
    """Whether an attribution says what its source said or holds, or did not (see :func:`denies`): not a lone
    word, and not asked about in a question unless the question is itself quoted."""
    cue = found.cue[0]
    if sum(e - s for s, e in found.content) == 1:
        return False
    start, end = found.content_chars[0].start, found.content_chars[-1].end
    return is_direct(a, start, end) or not _in_question(a, cue)


def no_one(source: str, lexicon: Lexicon) -> bool:
    """Whether a source's words name no one: a negative pronoun ("nobody") or a phrase a negative determiner
    opens ("no company", "No official")."""
    words = source.lower().split()
    return source.lower() in lexicon.negative_pronouns or (len(words) > 1 and words[0] in lexicon.negative_determiners)


def says(a: Arrays, quote: Quote, lexicon: Lexicon) -> bool:
    """Whether a quote the rules found says what its speaker said or holds, or did not (see :func:`denied`),
    read as :func:`holds` reads the model's: its speaker is someone ("Nobody knows ..." is no one), and it is not
    asked about in a question unless quoted."""
    if quote.speaker_span is not None and no_one(quote.speaker_span.text, lexicon):
        return False
    cue = cue_token(a, quote)
    if cue is None:
        return True
    if quote.kind == "stance" and asks(quote.content.text, _thought_lemma(a, cue, lexicon), lexicon):
        return False
    return quote.direct or not _in_question(a, cue)


def cue_token(a: Arrays, quote: Quote) -> int | None:
    """The first token of ``quote``'s cue, or None when it has none."""
    if quote.cue is None or a.n == 0:
        return None
    cue = a.token_range(quote.cue.start, quote.cue.end)[0]
    return cue if cue < a.n else None


def denies(a: Arrays, cue: int, lexicon: Lexicon) -> bool:
    """Whether the cue token ``cue`` is negated ("did not concede", "never said", "made no mention of"): its
    source did not say or hold what follows."""
    return _negated(a, cue, lexicon)


def denied(a: Arrays, quote: Quote, lexicon: Lexicon) -> bool:
    """Whether the cue of a quote the rules found is negated (:func:`denies`), also through the verb it is
    coordinated with ("did not concede or admit defeat")."""
    cue = cue_token(a, quote)
    if cue is None:
        return False
    head = int(a.at.head[cue])
    shared = a.dep_(cue) == "conj" and not any(a.dep_(k) in ("aux", "nsubj", "nsubjpass") for k in a.kids(cue))
    return _negated(a, cue, lexicon) or (shared and _negated(a, head, lexicon))


def is_direct(a: Arrays, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is at least half inside quotation marks."""
    return a.coverage(start, end) >= MIN_DIRECT_SHARE * (end - start)


def relayed(a: Arrays, found: Attribution, lexicon: Lexicon) -> Attribution:
    """``found`` read as the words of the one relayed, when its cue is a passive that relays someone's saying
    ("Peskov was quoted by TASS as saying that Putin ...", "She was heard saying ..."): the saying is the cue,
    what it says the content and the passive's subject the source; else ``found`` unchanged."""
    cue = found.cue[0]
    subject = next((k for k in a.kids(cue) if a.dep_(k) == "nsubjpass"), None)
    saying = _saying(a, cue, lexicon)
    if subject is None or saying is None:
        return found
    content = (_said(a, saying, lexicon),)
    if content[0][0] >= content[0][1]:
        return found
    blocked = set(range(*content[0])) | {saying}
    source = source_extent(a, subject, blocked)
    return replace(found, cue=(saying, saying + 1), content=content, source=source, source_head=subject,
                   content_chars=a.char_ranges(content), cue_chars=a.char_ranges(((saying, saying + 1),)),
                   source_chars=a.char_ranges((source,)))


def _said(a: Arrays, saying: int, lexicon: Lexicon) -> tuple[int, int]:
    """The tokens a verb of saying reports: its clausal complement, else what follows it in its phrase, from
    after a complementizer when one opens the clause ("saying on July 7 that ...")."""
    clause = next((k for k in a.kids(saying) if a.dep_(k) == "ccomp"), None)
    start, end = (int(a.left[clause]), int(a.right[clause]) + 1) if clause is not None else \
        (saying + 1, int(a.right[saying]) + 1)
    opener = next((i for i in range(start, end) if a.doc[i].lower_ in lexicon.complementizers), None)
    if opener is not None and (clause is None or opener == start):
        start = opener + 1
    while end > start and ((a.at.punct[end - 1] and not a.at.is_quote_mark[end - 1]) or a.at.space[end - 1]):
        end -= 1
    return start, end


def _saying(a: Arrays, cue: int, lexicon: Lexicon) -> int | None:
    """A verb of saying hung on ``cue`` directly or through a preposition ("as saying", "saying"), or None."""
    for k in a.kids(cue):
        verbs = [k] if a.dep_(k) in ("advcl", "xcomp") else [g for g in a.kids(k) if a.dep_(g) == "pcomp"] \
            if a.dep_(k) == "prep" else []
        for v in verbs:
            if a.doc[v].lemma_.lower() in lexicon.communication_cues:
                return v
    return None


def through_quotation(a: Arrays, found: Attribution, lexicon: Lexicon) -> Attribution:
    """``found`` with its content carried over a quotation that finishes its sentence after a conjunction
    ("said that Putin had been informed and \"has been taking it all into account.\""): the parser often hangs
    such a quotation elsewhere, though it is part of what was said."""
    end = found.content_chars[-1].end
    seg = next((g for g in a.segments if g.open_mark >= end), None)
    if seg is None or seg.close_mark is None:
        return found
    words = a.text[end:seg.open_mark].replace(",", " ").split()
    if len(words) != 1 or words[0].lower() not in lexicon.list_conjunctions or not _ends_sentence(a, seg.outer_end):
        return found
    stop = a.token_range(seg.open_mark, seg.outer_end)[1]
    content = (*found.content[:-1], (found.content[-1][0], max(stop, found.content[-1][1])))
    return replace(found, content=content, content_chars=a.char_ranges(content))


def _ends_sentence(a: Arrays, offset: int) -> bool:
    """Whether only punctuation lies between ``offset`` and the start of the next sentence or paragraph."""
    k = int(np.searchsorted(a.idx, offset))
    while k < a.n and not (a.at.sent_start[a.at.sent[k]] == k or a.at.para_start[a.at.para[k]] == k):
        if not (a.at.punct[k] or a.at.space[k]):
            return False
        k += 1
    return True


def reportable(a: Arrays, features: Features) -> np.ndarray:
    """The tokens whose attributions may be reported as speech or stance: cue words of the lexicon's lists of
    speech and attitude, light verbs, the first words of source phrases ("according"), marks before a
    quotation, and any word of a sentence that holds a quotation (a cue of any word may introduce one:
    "\"...,\" she fumed"); never a word that modifies a noun as an adjective ("the so-called
    \"Freedom Convoy\"")."""
    words = member(a.lemma, features.reportable) | member(a.lower, features.reportable) | member(a.lower, CUE_MARKS)
    quoted = np.zeros(len(a.sent_start), dtype=bool)
    quoted[a.sent[a.quote >= 0]] = True
    out: np.ndarray = (words | quoted[a.sent]) & (a.dep != _AMOD)
    return out
