"""A party's phrase and a question read from fewer words answer as when read from the whole sentence."""

from __future__ import annotations

from typing import Any

from dateline.events._context import asked
from dateline.events._lexicon import load_lexicon
from dateline.events._phrase import full_phrase
from dateline.lang import resources

TEXT = ('Will the army of Freedonia (AF) attack the port?" asked Ana Ruiz, the mayor.  \n\n'
        'Officials in the capital said on Monday that troops fired by the border had left. '
        'Did they? \u201cNo,\u201d she said \u2019  ')


def _sentence_text_ends_in_question(token: Any) -> bool:
    return bool(token.sent.text.rstrip().rstrip("\"\u201d'\u2019").endswith("?"))


def test_a_question_is_read_from_the_end_of_its_sentence(nlp: Any) -> None:
    doc = nlp(TEXT)
    answers = [asked(t) for t in doc]
    assert answers == [_sentence_text_ends_in_question(t) for t in doc]
    assert any(answers) and not all(answers)


def test_a_phrase_cut_from_the_text_holds_its_word_and_stays_in_its_sentence(nlp: Any) -> None:
    doc = nlp(TEXT)
    words = load_lexicon(resources("en")).words
    for token in doc:
        start, end = full_phrase(token, words, TEXT)
        assert token.sent.start_char <= start <= token.idx < end <= token.sent.end_char
