"""Times: the tense a governing verb gives an expression (:mod:`dateline.times._tense`), on parses built by hand."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline import lang
from dateline.times._lexicon import load_lexicon
from dateline.times._tense import _verb_tense

LEX = load_lexicon(lang.resources("en"))


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


def test_a_participle_with_no_passive_auxiliary_is_past_whatever_the_parse_hangs_on_it() -> None:
    # "So do the fees charged in May": the parse made "do" an auxiliary of the participle
    doc = _doc(["So", "do", "the", "fees", "charged", "in", "May"], [4, 4, 3, 4, 4, 4, 5],
               ["advmod", "aux", "det", "nsubj", "ROOT", "prep", "pobj"],
               ["RB", "VBP", "DT", "NNS", "VBN", "IN", "NNP"], ["so", "do", "the", "fee", "charge", "in", "May"])
    assert _verb_tense(doc[4], LEX.context) == "past"


def test_a_participle_after_a_present_passive_auxiliary_is_present() -> None:
    doc = _doc(["The", "vote", "is", "held", "in", "May"], [1, 3, 3, 3, 3, 4],
               ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
               ["DT", "NN", "VBZ", "VBN", "IN", "NNP"], ["the", "vote", "be", "hold", "in", "May"])
    assert _verb_tense(doc[3], LEX.context) == "present"
