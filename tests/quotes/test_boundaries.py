"""Where the content of a reported attribution ends: clauses set off after it, and their own attributions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline import annotate, quotes
from dateline.records import Article, Quote


def found(text: str, method: quotes.Method = "combined") -> list[Quote]:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return list(quotes.apply(replace(article, actors=()), quotes.QuotesConfig(method=method)).quotes)


def by_cue(items: list[Quote]) -> dict[str, str]:
    return {q.cue.text: q.content.text for q in items if q.cue is not None}


def test_a_relative_clause_set_off_after_the_object_is_no_part_of_it(nlp: Any) -> None:
    text = ("Ms. Okafor criticized the merger, which the drivers' union called a betrayal of its members. "
            "Senator Ames also denounced the levy, which would double the cost of diesel.")
    for method in ("rules", "combined"):
        cues = by_cue(found(text, method))
        assert cues["criticized"] == "the merger"
        assert cues["denounced"] == "the levy"  # not carried on to the end of the sentence either
        assert cues["called"] == "a betrayal of its members"


def test_a_clause_with_its_own_subject_after_a_comma_is_a_report_apart(nlp: Any) -> None:
    cues = by_cue(found("Deputy Marsh backed the zoning plan, while the council chair has threatened to block it.",
                        "rules"))
    assert cues["backed"] == "the zoning plan"
    assert cues["threatened"] == "to block it"


def test_a_participle_or_a_second_verb_after_a_comma_ends_the_content(nlp: Any) -> None:
    cues = by_cue(found("Ms. Ames blamed the referees for the loss, saying they had ignored two fouls. "
                        "The host speculated about the cost of the stadium, referred to the owner's temper and "
                        "wondered whether fans would return.", "rules"))
    assert cues["blamed"] == "the referees for the loss"
    assert cues["speculated about"] == "the cost of the stadium"


def test_a_bare_participle_or_infinitive_after_a_comma_goes_on_with_the_content(nlp: Any) -> None:
    cues = by_cue(found("A new survey showed Ortega first at 31 percent, followed by Lund at 22 percent. "
                        "The bank does not want to slow lending, only to cool the housing market.", "rules"))
    assert cues["showed"].endswith("followed by Lund at 22 percent")
    assert cues["want"].endswith("only to cool the housing market")


def test_a_contrast_set_off_at_the_end_of_a_reported_clause_is_a_report_apart(nlp: Any) -> None:
    items = found("One almanac says Peru has the most llamas, while another says Bolivia has twice as many.", "rules")
    assert [(q.speaker_span.text if q.speaker_span else None, q.content.text) for q in items] == [
        ("One almanac", "Peru has the most llamas"), ("another", "Bolivia has twice as many")]



def test_a_participle_of_saying_set_off_inside_the_reported_clause_is_a_report_apart(nlp: Any) -> None:
    text = ('The mayor stressed that "the way forward is to get both councils working together," suggesting that a '
            "vote could come soon.")
    for method in ("rules", "combined"):
        cues = by_cue(found(text, method))
        assert cues["stressed"].startswith("the way forward") and "vote" not in cues["stressed"]
        assert cues["suggesting"] == "a vote could come soon"


def test_a_quotation_goes_to_the_verb_it_hangs_under_not_the_nearest_one(nlp: Any) -> None:
    text = 'The governor said of the dispute, "I do not like it at all," adding that "the farmers have a real case."'
    for method in ("rules", "combined"):
        items = found(text, method)
        first = next(q for q in items if q.content.text.startswith("I do not"))
        assert (first.cue.text if first.cue else None, first.content.text) == ("said", "I do not like it at all")


def test_a_comma_inside_closing_quotation_marks_sets_the_clause_off_too(nlp: Any) -> None:
    cues = by_cue(found('Senator Ames denounced the "toll tax," which the mayor had defended for months.', "rules"))
    assert cues["denounced"].startswith('the "toll tax') and "mayor" not in cues["denounced"]


def test_an_as_clause_whose_cue_has_its_own_object_tells_when_not_whose_word(nlp: Any) -> None:
    cues = by_cue(found("The crowd fell silent as Ms. Ortega described the closing of the mill. "
                        "He signed the bill in May, just as he said he would. "
                        "The toll will rise, as the mayor told reporters on Friday.", "rules"))
    assert cues["described"] == "the closing of the mill"
    assert cues["said"] == "he would"
    assert cues["told"] == "The toll will rise"  # whose word it is: the one told is no object of its own


def test_as_far_as_one_knows_vouches_for_the_main_clause(nlp: Any) -> None:
    cues = by_cue(found("As far as I know, the old ferry still runs twice a day.", "rules"))
    assert cues["know"] == "the old ferry still runs twice a day"


def test_phrases_that_only_tell_when_or_at_what_occasion_end_the_object(nlp: Any) -> None:
    text = ("The governor thanked her supporters at a rally in Jackson on Tuesday. "
            "Ms. Okafor criticized the merger during a conference call with reporters. "
            "The mayor denounced the levy last week. "
            "Mr. Lee complained about his microphone the morning after the debate.")
    for method in ("rules", "combined"):
        cues = by_cue(found(text, method))
        assert cues["thanked"] == "her supporters"
        assert cues["criticized"] == "the merger"
        assert cues["denounced"] == "the levy"
        assert cues["complained"] == "his microphone"  # the rest of the sentence only tells when


def test_a_setting_before_a_phrase_that_completes_the_object_stays_in_it(nlp: Any) -> None:
    text = "Senator Ames defended the plan on Tuesday as a fair deal for workers."
    assert by_cue(found(text))["defended"] == "the plan on Tuesday as a fair deal for workers"
