"""Deeds told of an agent: kept as attributions (annotated news counts them), of kind ``act``, not ``stance``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline import annotate, quotes
from dateline.records import Article, Quote


def found(text: str, **settings: Any) -> list[Quote]:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return list(quotes.apply(replace(article, actors=()), quotes.QuotesConfig(**settings)).quotes)


def kinds(text: str, **settings: Any) -> dict[str, str]:
    return {q.content.text: q.kind for q in found(text, **settings)}


def test_a_deed_of_a_named_agent_is_an_act_and_a_position_a_stance(nlp: Any) -> None:
    text = ("Judge Maria Okafor sentenced Tom Hale to nine years in prison. "
            "The senator endorsed the new budget.")
    by_content = kinds(text)
    assert by_content.get("Tom Hale to nine years in prison") == "act"
    assert by_content.get("the new budget") == "stance"


def test_an_act_keeps_its_agent_and_cue(nlp: Any) -> None:
    [act] = [q for q in found("The Harbor Council abolished the parking fee on Monday.", min_short_act_cue_score=None)
             if q.kind == "act"]
    assert act.speaker_span is not None and act.speaker_span.text == "The Harbor Council"
    assert act.cue is not None and act.cue.text == "abolished"
    assert "the parking fee" in act.content.text


def test_speech_and_beliefs_stay_what_they_are(nlp: Any) -> None:
    by_content = kinds("Ms. Reyes photographed the parade. She said the crowd was calm. "
                       "She believes the city will pay for it.", min_short_act_cue_score=None)
    assert by_content.get("the crowd was calm") == "speech"
    assert by_content.get("the city will pay for it") == "stance"
    assert by_content.get("the parade") == "act"


def test_the_rules_alone_mark_acts_too(nlp: Any) -> None:
    by_content = kinds("The Harbor Council abolished the parking fee on Monday. The mayor opposed the plan.",
                       method="rules")
    assert "act" in by_content.values() and by_content.get("the plan") == "stance"


def test_a_verb_that_is_a_stance_word_only_as_an_adjective_tells_of_a_deed(nlp: Any) -> None:
    by_content = kinds("Workers cleared the square behind the old mill. The mayor is clear that the mill "
                       "will reopen.")
    assert by_content.get("the square behind the old mill") == "act"
    assert by_content.get("the mill will reopen") == "stance"


def test_a_verb_of_thought_with_a_thing_after_it_is_an_act_with_a_clause_a_stance(nlp: Any) -> None:
    by_content = kinds("The trial drug showed promise in the first tests. Doctors understood the risks of the "
                       "trial. Dr. Ruiz thinks the drug will be approved next year.")
    assert by_content.get("promise in the first tests") == by_content.get("the risks of the trial") == "act"
    assert by_content.get("the drug will be approved next year") == "stance"


def test_going_on_is_an_act_unless_what_goes_on_is_a_stance(nlp: Any) -> None:
    by_content = kinds("Ms. Lindqvist continued as the choir's conductor until 2015. "
                       "The senator continued his criticism of the harbor plan.")
    assert by_content.get("the choir's conductor until 2015") == "act"
    assert by_content.get("his criticism of the harbor plan") == "stance"


def test_what_someone_saw_is_an_act_what_they_found_they_saw_a_stance(nlp: Any) -> None:
    by_content = kinds("Dr. Osei saw the volunteers planting trees along the river. "
                       "Dr. Osei saw that the river was cleaner than a year before.")
    assert by_content.get("the volunteers planting trees along the river") == "act"
    assert by_content.get("the river was cleaner than a year before") == "stance"


def test_celebrating_an_occasion_is_a_deed_and_celebrating_a_ruling_a_stance(nlp: Any) -> None:
    by_content = kinds("The rowing club celebrated its fiftieth anniversary on Sunday. "
                       "The union celebrated the ruling.")
    assert by_content.get("its fiftieth anniversary") == "act"
    assert by_content.get("the ruling") == "stance"


def test_seeking_a_thing_is_a_deed_and_seeking_to_do_an_intention(nlp: Any) -> None:
    by_content = kinds("The mayor sought the nomination of the Green Party. The council seeks to ban cars downtown.")
    assert by_content.get("the nomination of the Green Party") == "act"
    assert by_content.get("to ban cars downtown") == "stance"


def test_a_deed_is_read_once_per_quote_and_as_acted_reads_them(nlp: Any, monkeypatch: Any) -> None:
    from dateline.quotes import _deed_reader
    from dateline.quotes._deeds import acted
    from dateline.quotes._learned import arrays_of
    from dateline.quotes._lexicon import load_lexicon

    [article] = annotate.apply_batch([Article(id="a1", source="test", text=(
        "The Harbor Council abolished the parking fee on Monday. The mayor opposed the plan. "
        "Ms. Reyes said the crowd was calm."))])
    a, lexicon = arrays_of(article), load_lexicon(quotes._resources(quotes.QuotesConfig(), None))
    read = [replace(q, kind="stance") if q.kind == "act" else q for q in found(article.text, method="rules")]
    assert {q.kind for q in read} >= {"stance", "speech"}
    calls: list[Quote] = []
    monkeypatch.setattr(quotes, "acted", lambda a, q, lexicon: calls.append(q) or acted(a, q, lexicon))
    deed = _deed_reader(a, lexicon)
    first = [deed(q) for q in read]
    again = [deed(replace(q, speaker=None, speaker_span=None)) for q in read]  # the speaker is not what it reads
    assert first == again == [acted(a, q, lexicon) for q in read]
    assert True in first and len(calls) == len(read)


def test_what_the_model_reads_after_a_verb_of_finding_or_knowing_with_no_clause_is_a_deed(nlp: Any) -> None:
    text = ("The old lighthouse on the cape is known as the Keeper among local fishermen. "
            "The inspectors found a crack in the northern span of the bridge last week.")
    read = {(q.cue.text if q.cue else None, q.kind) for q in found(text)}
    assert ("known", "act") in read and ("found", "act") in read
    assert not any(kind == "stance" for _, kind in read)
    assert not [q for q in found(text, strict_stances=True, method="model") if q.kind == "stance"]
