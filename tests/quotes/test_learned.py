"""The quotes stage's trained model: what it finds, how it joins the rules, and the stage without it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from dateline import actors, annotate, quotes
from dateline.errors import ResourceError
from dateline.lang import resources
from dateline.quotes import _learned, _reading, _voices
from dateline.quotes._lexicon import load_lexicon
from dateline.quotes._model import FORMAT, Attribution, AttributionModel, Features
from dateline.quotes._types import Extent
from dateline.records import Article, Quote, make_span

TEXT = ('"We will not back down," the minister said on Tuesday.\n\nOpposition leaders believe the talks have '
        'failed.\n\nThe mayor called the plan “a disaster for the city.”')


def parsed(text: str) -> Article:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return article


def by_model(article: Article, **settings: Any) -> list[Quote]:
    return list(quotes.apply(article, quotes.QuotesConfig(method="model", **settings)).quotes)


def test_the_model_finds_speech_and_stances_with_speakers_and_cues(nlp: Any) -> None:
    found = by_model(parsed(TEXT))
    said = next(q for q in found if "We will not back down" in q.content.text)
    assert said.direct and said.kind == "speech" and said.cue is not None and said.cue.text == "said"
    assert said.speaker_span is not None and said.speaker_span.text == "the minister"
    believe = next(q for q in found if "the talks have failed" in q.content.text)
    assert not believe.direct and believe.kind == "stance" and believe.cue is not None
    assert believe.speaker_span is not None and "Opposition leaders" in believe.speaker_span.text
    for q in found:  # every span is a real slice of the text
        for span in (q.content, q.speaker_span, q.cue):
            assert span is None or TEXT[span.start:span.end] == span.text


def test_the_model_gives_each_attribution_one_record(nlp: Any) -> None:
    found = by_model(parsed(TEXT))
    assert found
    for k, q in enumerate(found):  # no content overlaps another's: a quoted fragment is its report's
        assert all(q.content.end <= o.content.start or o.content.end <= q.content.start for o in found[k + 1:])
    assert sum("a disaster for the city" in q.content.text for q in found) == 1


def test_strict_stances_report_fewer_than_every_attribution(nlp: Any) -> None:
    article = parsed("The plan is known as the green deal. Officials hope the vote will pass, and she said it would.")
    strict, every = by_model(article), by_model(article, strict_stances=False)
    assert strict and len(strict) <= len(every)
    assert {q.content.text for q in strict} <= {q.content.text for q in every}


def _quote(text: str, start: int, end: int, *, direct: bool = False, cue: tuple[int, int] | None = None) -> Quote:
    return Quote(id=f"q{start}-{end}", content=make_span(text, start, end), direct=direct, speaker=None,
                 speaker_span=None, cue=None if cue is None else make_span(text, *cue), kind="speech")


def test_combine_keeps_the_rules_and_adds_what_they_missed() -> None:
    text = "He said the plan is “a disaster” today. She thinks it will pass."
    report = _quote(text, 8, 38, cue=(3, 7))
    fragment = _quote(text, 21, 31, direct=True, cue=(3, 7))
    other = _quote(text, 51, 64, cue=(44, 50))
    again = _quote(text, 10, 20, cue=(3, 7))  # the model's reading of the rules' attribution
    combined = quotes.combine([report, fragment], [again, other])
    assert combined == [report, other]
    assert quotes.combine([], [other]) == [other] and quotes.combine([report], []) == [report]


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(_learned, "MODEL_FILE", "models/absent.npz")
    _learned._artifact.cache_clear()
    yield
    _learned._artifact.cache_clear()


def test_the_stage_runs_its_rules_with_one_warning_without_the_model(
        nlp: Any, no_model: None, caplog: pytest.LogCaptureFixture) -> None:
    article = parsed(TEXT)
    with caplog.at_level(logging.WARNING, logger="dateline.quotes._learned"):
        first = quotes.apply(article)
        second = quotes.apply(article, quotes.QuotesConfig(method="model"))
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "dateline train quotes" in warnings[0].getMessage()
    rules = quotes.apply(article, quotes.QuotesConfig(method="rules"))
    assert first.quotes and first.quotes == second.quotes == rules.quotes


def test_the_artifact_round_trips_and_refuses_another_format() -> None:
    weights = {name: np.zeros(1 << 4) for name in ("cue", "content", "source")}
    weights["cue"][3] = 0.5
    config = {"format": FORMAT, "threshold": -1.0, "cue_bits": 4, "content_bits": 4, "source_bits": 4}
    model = AttributionModel(weights, config)
    again = AttributionModel.from_bytes(model.to_bytes(), "test.npz")
    assert again.config == model.config and again.weights["cue"][3] == 0.5
    assert model.to_bytes() == again.to_bytes()
    stale = AttributionModel(weights, {**config, "format": FORMAT + 1})
    with pytest.raises(ResourceError, match="retrain it with 'dateline train quotes'"):
        AttributionModel.from_bytes(stale.to_bytes(), "test.npz")


def test_the_packaged_model_has_its_card() -> None:
    res = resources("en")
    assert res.file(_learned.MODEL_FILE).is_file()
    card = res.file("models/quotes.md").read_text(encoding="utf-8")
    assert "PolNeAR" in card and "train split only" in card and "no licence file" in card


def test_a_missing_annotation_is_refused() -> None:
    with pytest.raises(Exception, match="run the 'annotate' stage first"):
        quotes.apply(replace(Article(id="a1", source="test", text="He said so."), doc=None),
                     quotes.QuotesConfig(method="model"))


def test_words_taken_already_are_no_cue_of_the_model(nlp: Any) -> None:
    article = parsed(TEXT)
    learned = _learned.load_learned(resources("en"), load_lexicon(resources("en")))
    assert learned is not None
    free = _learned.find_learned(article, learned)
    said = TEXT.index("said")
    assert any(q.cue is not None and q.cue.start == said for q in free)
    held = _learned.find_learned(article, learned, taken=[(said, said + 4)])
    assert held and all(q.cue is None or q.cue.start != said for q in held)


@pytest.mark.parametrize("text", [
    "Nobody knows whether the deal will hold.",
    "Did the Kenyan Athletics Federation ever support you, back when you started?",
])
def test_no_one_holds_what_nobody_holds_or_is_asked(nlp: Any, text: str) -> None:
    article = parsed(text)
    assert quotes.apply(article, quotes.QuotesConfig(method="rules")).quotes  # the rules alone read a claim here
    assert quotes.apply(article).quotes == ()


def test_a_claim_beside_a_denial_stays(nlp: Any) -> None:
    article = parsed("The president did not concede. His spokesman said the count was flawed.")
    [quote] = quotes.apply(article).quotes
    assert quote.content.text == "the count was flawed" and quote.speaker_span is not None
    assert quote.speaker_span.text == "His spokesman"


def test_the_model_can_vet_the_rules_stances(nlp: Any) -> None:
    article = parsed("The mayor said the bridge would reopen in May.\n\nLaura Finch has knit a range of knit hats "
                     "for dolls.\n\nResidents fear the repairs will take longer.")
    rules = quotes.apply(article, quotes.QuotesConfig(method="rules")).quotes
    assert [q.kind for q in rules if q.kind != "speech"] == ["act", "stance"]  # knitting hats is a deed
    model = {q.content.text for q in quotes.apply(article, quotes.QuotesConfig(method="model")).quotes}
    strict = quotes.apply(article, quotes.QuotesConfig(min_stance_cue_score=100.0)).quotes
    assert "the bridge would reopen in May" in {q.content.text for q in strict}  # speech is never vetted
    assert all(q.content.text in model for q in strict if q.kind != "speech")  # no stance of the rules passes


def test_the_model_names_the_speakers_of_the_rules_quotes(nlp: Any) -> None:
    article = parsed('"We will not back down," the minister said on Tuesday.\n\nThe mayor said the bridge would '
                     'reopen in May.')
    joined = quotes.apply(article, quotes.QuotesConfig(model_speakers="all")).quotes
    own = quotes.apply(article, quotes.QuotesConfig(model_speakers="off")).quotes
    assert [q.content.text for q in joined] == [q.content.text for q in own]
    assert [q.speaker_span.text for q in joined if q.speaker_span] == ["the minister", "The mayor"]


def test_a_quote_without_speaker_or_cue_takes_the_models_over_the_same_content() -> None:
    text = '"The bridge will reopen in May," the mayor said. "We are ready," Jane Roe said.'
    bare = _quote(text, 1, 31, direct=True)  # the rules found the quotation, not who said it
    model = replace(_quote(text, 1, 31, direct=True, cue=(43, 47)), speaker="a1",
                    speaker_span=make_span(text, 33, 42))
    named = replace(_quote(text, 50, 62, direct=True, cue=(74, 78)), speaker_span=make_span(text, 65, 73))
    other = replace(_quote(text, 50, 60, direct=True, cue=(74, 78)), speaker_span=make_span(text, 65, 69))
    lent = quotes.lend([bare, named], [model, other])
    assert lent[0].speaker_span is not None and lent[0].speaker_span.text == "the mayor"
    assert lent[0].cue is not None and lent[0].cue.text == "said" and lent[0].speaker == "a1"
    assert lent[0].content == bare.content and lent[0].id == bare.id
    assert lent[1] == named  # a quote with its own speaker and cue keeps them
    far = _quote(text, 40, 48, cue=(43, 47))  # overlaps the quotation by less than 0.3 of the longer
    assert quotes.lend([bare], [far]) == [bare]


def test_the_model_reading_changes_speakers_and_cues_only(nlp: Any) -> None:
    article = parsed(TEXT + '\n\n"It is over," Jane Roe wrote in a letter.')
    lent = quotes.apply(article).quotes
    own = quotes.apply(article, quotes.QuotesConfig(model_reading=False)).quotes
    assert lent and [q.content for q in lent] == [q.content for q in own]
    assert all(q.speaker_span is not None and q.cue is not None for q in lent if q.direct)


def test_the_model_names_again_only_weak_speakers(nlp: Any) -> None:
    text = "The mayor said in a statement on Monday that the bridge would reopen in May."
    article = parsed(text)
    a = _learned.arrays_of(article)
    learned = _learned.load_learned(resources("en"), load_lexicon(resources("en")))
    assert learned is not None
    start = text.index("the bridge")
    said = (text.index("said"), text.index("said") + 4)
    statement = make_span(text, text.index("a statement"), text.index(" on Monday"))
    wrong = replace(_quote(text, start, len(text) - 1, cue=said), speaker_span=statement)
    named = replace(wrong, speaker="x1")  # the same span linked to an actor: not weak
    bare = _quote(text, start, len(text) - 1, cue=said)  # no speaker at all: weak
    inside = replace(wrong, speaker_span=make_span(text, start, start + 10))  # inside its content: not weak
    assert [_learned.weak_speaker(a, q) for q in (wrong, named, bare, inside)] == [True, False, True, False]
    again = _learned.with_sources(article, a, learned, [wrong, named, bare, inside], weak_only=True)
    assert [q.speaker_span.text if q.speaker_span else None for q in again] == \
        ["The mayor", "a statement", "The mayor", "the bridge"]
    assert again[1] is named and again[3] is inside
    first = parsed("The bridge would reopen in May, according to us.")
    cue = (first.text.index("according"), first.text.index(" to us"))
    us = replace(_quote(first.text, 0, 30, cue=cue), speaker_span=make_span(first.text, 45, 47), speaker="x1")
    b = _learned.arrays_of(first)
    assert _learned.weak_speaker(b, us) and not _learned.weak_speaker(b, us, frozenset({"us"}))  # the one speaking


def test_the_cues_own_subject_is_not_read_again(nlp: Any) -> None:
    text = "She said on Monday that the bridge would reopen in May."
    a = _learned.arrays_of(parsed(text))
    said = (text.index("said"), text.index("said") + 4)
    she = replace(_quote(text, text.index("the bridge"), len(text) - 1, cue=said), speaker_span=make_span(text, 0, 3))
    assert not _learned.weak_speaker(a, she) and not _learned.weak_speaker(a, replace(she, speaker="x1"))
    assert _learned.weak_speaker(a, replace(she, cue=None))  # no cue to be the subject of: linked to no one
    text = "The harbour master said on Monday that the bridge would reopen in May."
    c = _learned.arrays_of(parsed(text))
    said = (text.index("said"), text.index("said") + 4)
    master = replace(_quote(text, text.index("the bridge"), len(text) - 1, cue=said),
                     speaker_span=make_span(text, 0, text.index(" said")))
    monday = replace(master, speaker_span=make_span(text, text.index("Monday"), text.index(" that")))
    assert not _learned.weak_speaker(c, master) and _learned.weak_speaker(c, monday)  # a subject; no subject
    text = "The mayor, who said on Monday that the bridge would reopen in May, left early."
    b = _learned.arrays_of(parsed(text))
    said = (text.index("said"), text.index("said") + 4)
    who = replace(_quote(text, text.index("the bridge"), text.index(", left"), cue=said),
                  speaker_span=make_span(text, text.index("who"), text.index("who") + 3))
    assert _learned.weak_speaker(b, who)  # a wh-word stands for someone named elsewhere


def test_a_bare_quotation_goes_on_with_the_attribution_just_before_it(nlp: Any) -> None:
    text = ('The ferry will stop for the winter, Captain Ruiz said. "We hope to run again by the first week of '
            'April."\n\n"Nobody has asked us yet."')
    a = _learned.arrays_of(parsed(text))
    said = (text.index("said"), text.index("said") + 4)
    report = replace(_quote(text, 0, text.index(", Captain"), cue=said),
                     speaker_span=make_span(text, text.index("Captain"), text.index(" said")), speaker="a1")
    bare = _quote(text, text.index("We hope"), text.index('."\n'), direct=True)
    next_paragraph = _quote(text, text.index("Nobody"), len(text) - 2, direct=True)
    report2, carried, apart = _voices.carried_on(a, [report, bare, next_paragraph])
    assert report2 == report and apart == next_paragraph  # a new paragraph is a new voice
    assert carried.speaker_span is not None and carried.speaker_span.text == "Captain Ruiz"
    assert carried.cue is not None and carried.cue.text == "said" and carried.speaker == "a1"
    assert carried.content == bare.content


def test_a_learned_cue_makes_the_models_attribution_a_deed_of_its_holder(nlp: Any) -> None:
    article = actors.apply(parsed("The senator portrayed the governor as a coward who would never face the unions."))
    lexicon = load_lexicon(resources("en"))
    assert "portray" in lexicon.learned_cues and "portray" not in lexicon.stance_words | lexicon.communication_cues
    learned = _learned.load_learned(resources("en"), lexicon)
    assert learned is not None
    unlearned = _learned.Learned(learned.model, Features(replace(lexicon, learned_cues=frozenset())),
                                 replace(lexicon, learned_cues=frozenset()))
    assert _learned.find_learned(article, unlearned) == []  # a cue of no list: not reported
    [found] = quotes.apply(article).quotes
    assert found.cue is not None and found.cue.text == "portrayed" and found.kind == "act"
    assert found.speaker_span is not None and found.speaker_span.text == "The senator"
    assert found.content.text.startswith("the governor as a coward")


def test_a_learned_cue_needs_a_surer_score(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    article = actors.apply(parsed("The senator portrayed the governor as a coward who would never face the unions."))
    learned = _learned.load_learned(resources("en"), load_lexicon(resources("en")))
    assert learned is not None
    assert [q.cue.text for q in _learned.find_learned(article, learned) if q.cue] == ["portrayed"]
    monkeypatch.setattr(_reading, "MIN_LEARNED_CUE_SCORE", 100.0)
    assert _learned.find_learned(article, learned) == []


def test_the_model_can_vet_the_rules_deeds_alone(nlp: Any) -> None:
    article = parsed("The mayor said the bridge would reopen in May.\n\nLaura Finch has knit a range of knit hats "
                     "for dolls.\n\nResidents fear the repairs will take longer.")
    every = quotes.apply(article, quotes.QuotesConfig(min_act_cue_score=None)).quotes
    assert "act" in {q.kind for q in every}  # knitting hats is a deed
    vetted = quotes.apply(article, quotes.QuotesConfig(min_act_cue_score=100.0)).quotes
    assert [q for q in every if q.kind != "act"] == list(vetted)  # the deed goes; speech and the stance stay


def test_a_short_deed_of_the_rules_needs_the_model_to_see_its_cue(nlp: Any) -> None:
    article = parsed("The mayor said the bridge would reopen in May.\n\nThe mayor organized the rally.\n\n"
                     "Laura Finch has knit a range of knit hats for dolls.")
    every = quotes.apply(article, quotes.QuotesConfig(min_short_act_cue_score=None)).quotes
    assert {q.content.text for q in every if q.kind == "act"} == {"the rally", "a range of knit hats for dolls"}
    kept = quotes.apply(article).quotes  # the model sees no cue in "organized"
    assert [q.content.text for q in kept if q.kind == "act"] == ["a range of knit hats for dolls"]
    assert [q for q in every if q.kind != "act"] == [q for q in kept if q.kind != "act"]  # speech stays
    vetted = quotes.apply(article, quotes.QuotesConfig(min_short_act_cue_score=100.0)).quotes
    assert [q.content.text for q in vetted if q.kind == "act"] == ["a range of knit hats for dolls"]  # not short


@pytest.mark.parametrize("strict", [True, False])
def test_sources_ranked_only_for_what_is_read_give_the_same_quotes(nlp: Any, strict: bool) -> None:
    # Speech, then attributions that are no quotes: a meeting called, a question, no one, going on, an embedded
    # question, a thing seen; and a sentence with no cue at all.
    text = ('"The bridge will open in May," the engineer said.\n\nThe mayor called an emergency meeting of the '
            'council. Did the mayor say the plan failed? Nobody thinks the road is safe. The team continued to work '
            'on the roof. She does not know what the repairs will cost. The survey saw an increase in traffic. '
            'Rain fell on the hills all night.')
    article = parsed(text)
    learned = _learned.load_learned(resources("en"), load_lexicon(resources("en")))
    assert learned is not None
    model, a = learned.model, _learned.arrays_of(article)
    eager = model.predict(a, learned.features)
    z = model.cue_scores(a, learned.features)
    chosen = model.choose(a, z, learned.features)
    assert model.decode(a, z, learned.features) == model.attributions(a, z, chosen) == eager and eager
    bare = model.attributions(a, z, chosen, sources=False)
    assert [replace(f, source=None, source_head=-1, source_chars=()) for f in eager] == bare
    asked: list[list[int]] = []

    def sourced(places: list[int]) -> list[Any]:
        asked.append(places)
        return model.attributions(a, z, [chosen[k] for k in places])

    lazy = _learned.quotes_of(article, a, bare, learned, strict, sourced)
    assert lazy == _learned.quotes_of(article, a, eager, learned, strict) and lazy
    assert len(asked) == 1 and (len(asked[0]) < len(bare) if strict else len(asked[0]) <= len(bare))



def _attribution(article: Article, cue: str, content: str, score: float) -> tuple[_learned.Arrays, Attribution]:
    """The attribution of ``content`` to the word ``cue`` (the first of each in the article) with the cue score
    ``score`` and no source."""
    a = _learned.arrays_of(article)
    start = article.text.index(content)
    first, last = a.token_range(start, start + len(content))
    at = article.text.index(cue)
    [cue_token] = [t.i for t in article.doc or () if t.idx == at]
    return a, Attribution(cue=(cue_token, cue_token + 1), content=((first, last),), source=None, source_head=-1,
                          score=score, cls="ot", content_chars=(Extent(start, start + len(content)),),
                          cue_chars=(Extent(at, at + len(cue)),), source_chars=())


def test_a_clause_after_a_sure_cue_of_no_list_is_a_deed_and_a_thing_after_it_is_nothing(nlp: Any) -> None:
    lexicon = load_lexicon(resources("en"))
    article = parsed("The harbor master managed to calm the angry ferry crews. "
                     "The young chef baked a large cake for the fair.")
    a, clause = _attribution(article, "managed", "to calm the angry ferry crews", 1.0)
    assert _reading.strict_kind(a, clause, False, lexicon) == "act"
    assert _reading.strict_kind(a, replace(clause, score=-1.0), False, lexicon) is None  # the model is not sure
    a, thing = _attribution(article, "baked", "a large cake for the fair", 1.0)
    assert _reading.strict_kind(a, thing, False, lexicon) is None
