"""A quotation split by its credit is one record whose parts are the quoted words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline import annotate, quotes
from dateline.quotes._split import joined
from dateline.records import Article, Quote, make_span

SAID = ('"The new bridge will open before the winter," said Ann Cole, the mayor of the town, who spoke to reporters '
        'after a long and heated meeting of the council on Monday night. "We will not wait for another year."')


def found(text: str, method: quotes.Method = "combined") -> list[Quote]:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return list(quotes.apply(replace(article, actors=()), quotes.QuotesConfig(method=method)).quotes)


def test_two_parts_of_one_quotation_with_a_long_credit_between_are_one_record(nlp: Any) -> None:
    for method in ("rules", "combined"):
        direct = [q for q in found(SAID, method) if q.direct]
        assert len(direct) == 1
        [quote] = direct
        assert [p.text for p in quote.parts] == ["The new bridge will open before the winter",
                                                 "We will not wait for another year."]
        assert quote.content.start == quote.parts[0].start and quote.content.end == quote.parts[1].end
        assert quote.cue is not None and quote.cue.text == "said"
        assert quote.speaker_span is not None and quote.speaker_span.text.startswith("Ann Cole")


def test_a_quotation_in_the_next_paragraph_stays_a_record_of_its_own(nlp: Any) -> None:
    text = SAID.replace(' "We will', '\n\n"We will')
    direct = [q for q in found(text) if q.direct]
    assert len(direct) == 2 and not any(q.parts for q in direct)


TEXT = '"Yes," she said after the vote in the hall. "No." "Maybe," he said.'


def _quote(words: str, cue: str, speaker: str, direct: bool = True, after: int = 0) -> Quote:
    def at(part: str) -> tuple[int, int]:
        start = TEXT.index(part, after)
        return start, start + len(part)
    return Quote(words, make_span(TEXT, *at(words)), direct, speaker_span=make_span(TEXT, *at(speaker)),
                 cue=make_span(TEXT, *at(cue)))


def test_only_quotations_of_one_cue_and_speaker_are_joined() -> None:
    article = Article(id="a1", source="test", text=TEXT)
    yes, no = _quote("Yes", "said", "she"), _quote("No.", "said", "she")
    maybe = _quote("Maybe", "said", "he", after=TEXT.index("Maybe"))
    [first, last] = joined(article, [no, maybe, yes])
    assert [p.text for p in first.parts] == ["Yes", "No."]
    assert first.content.text == 'Yes," she said after the vote in the hall. "No.'
    assert first.id != yes.id and last == maybe
    report = replace(no, direct=False)  # a report is no part of a quotation
    assert joined(article, [yes, report]) == [yes, report]
