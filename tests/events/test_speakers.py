"""Events: the speaker a first-person pronoun of quoted words stands for (:mod:`dateline.events._speakers`)."""

from __future__ import annotations

from dateline.records import Article, Event
from tests.events.test_events import run


def _names(article: Article, ids: tuple[str, ...]) -> list[str]:
    return [a.name for i in ids if (a := article.actor(i)) is not None]


def _of_type(article: Article, kind: str) -> list[Event]:
    return [e for e in article.events if e.type == kind]


def test_we_of_a_quotation_is_the_speaker_of_the_verb_after_it() -> None:
    article = run('"These raids are our answer, and we warn Kenya that more will follow," Peter Walsh said on Monday.')
    [threat] = _of_type(article, "THREATEN")
    assert _names(article, threat.actors) == ["Peter Walsh"]
    assert _names(article, threat.recipients) == ["Kenya"]


def test_i_after_a_colon_is_the_speaker_of_the_sentence() -> None:
    article = run('Foreign minister Peter Walsh wrote on Monday: "I strongly reject the sanctions of Kenya."')
    [rejection] = _of_type(article, "REJECT")
    assert _names(article, rejection.actors) == ["Peter Walsh"]


def test_a_quoted_me_or_an_i_of_no_quotation_names_no_one() -> None:
    quoted = run('Peter Walsh told reporters on Monday: "The Kenya Police Service attacked me."')
    assert all(e.recipients == () for e in _of_type(quoted, "ASSAULT"))
    bare = run("Peter Walsh arrived in Nairobi on Monday. I urge Kenya to release the prisoners.")
    assert all(e.actors == () for e in _of_type(bare, "REQUEST"))


def test_the_top_verb_before_a_colon_speaks_the_quotation_after_it() -> None:
    article = run('Peter Walsh saw talks as the only way out: "I urge Kenya to withdraw its troops from the border."')
    [request] = _of_type(article, "REQUEST")
    assert _names(article, request.actors) == ["Peter Walsh"]
